package i18n

import (
	"sort"
	"testing"
)

// Every text exists in both languages.
func TestLanguagesHaveTheSameKeys(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
	for _, a := range Languages {
		for _, b := range Languages {
			var missing []string
			for _, k := range Keys(a) {
				if !Has(b, k) {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("keys in %s but not in %s: %v", a, b, missing)
			}
		}
	}
}

func TestSwitchAndTemplate(t *testing.T) {
	defer SetLanguage("fi")
	SetLanguage("en")
	if got := T("app.name"); got != "Lupauspaja" {
		t.Fatalf("got %q", got)
	}
	if got := T("no.such.key"); got != "no.such.key" {
		t.Fatalf("missing key gives %q", got)
	}
}
