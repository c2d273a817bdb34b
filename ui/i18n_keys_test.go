package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/projector"
	"lupauspaja/workshop"
)

// Every key this package asks for has a text in both languages, so no
// screen ever shows a bare key.
func TestEveryKeyIsTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`(?:\.T\(|i18n\.TIn\([a-zA-Z.]+, |\bt\(|(?:formLabel|sectionTitle)\([a-zA-Z.]+, )"([a-z][a-z0-9_.]+)"`)
	keys := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
	}
	for _, k := range keyActions() {
		keys[k.label] = true
		if k.shown != "" {
			keys[k.shown] = true
		}
		if k.helpPair != "" {
			keys[k.helpPair] = true
		}
		if k.help != "" {
			keys[k.help] = true
		}
	}
	for _, k := range projector.Keys() {
		keys[k.Label] = true
	}
	// Keys built at run time.
	for _, k := range []string{workshop.WarnNoCustomerVoice, workshop.WarnNotValidated, workshop.WarnActionNoOwner,
		workshop.WarnActionNoDue, workshop.WarnAssumptions, workshop.WarnLongFinalPromise, workshop.WarnConsentNotReached} {
		keys["app.warn."+k] = true
	}
	keys["summary.consent.reached"], keys["summary.consent.not_reached"] = true, true
	if len(keys) < 100 {
		t.Fatalf("found only %d keys; the scan is broken", len(keys))
	}
	for k := range keys {
		for _, l := range i18n.Languages {
			if !i18n.Has(l, k) {
				t.Errorf("%s: no text for %q", l, k)
			}
		}
	}
}

// Every question of the facilitator's window is cancelled by the same
// word: the room's and the cards' dialogs said "Peru" where the others and
// Fyne's own say "Peruuta".
func TestEveryCancelOfTheWindowSaysTheSame(t *testing.T) {
	for _, l := range i18n.Languages {
		want := i18n.TIn(l, "app.cancel")
		if got := i18n.TIn(l, "room.cancel"); got != want {
			t.Errorf("%s: the room's and cards' questions say %q, the others %q", l, got, want)
		}
	}
}
