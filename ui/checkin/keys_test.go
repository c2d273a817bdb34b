package checkin

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lupauspaja/ui/i18n"
)

// Every text the check-in's screens and the projector's check-in pages ask
// for is there in Finnish and in English.
func TestEveryCheckinKeyIsTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../projector/checkin.go")
	re := regexp.MustCompile(`"(checkin\.[a-z0-9_.]+)"`)
	keys := map[string]bool{}
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if !strings.HasSuffix(m[1], ".") {
				keys[m[1]] = true
			}
		}
	}
	if len(keys) < 60 {
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
