package i18n

import (
	"sort"
	"testing"

	"fyne.io/fyne/v2/lang"
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
	tr := New("en")
	if got := tr.T("app.cancel"); got != TIn("en", "app.cancel") || got == TIn("fi", "app.cancel") {
		t.Fatalf("English: got %q", got)
	}
	tr.SetLanguage("fi")
	if got := tr.T("app.cancel"); got != TIn("fi", "app.cancel") {
		t.Fatalf("Finnish: got %q", got)
	}
	if got := tr.T("no.such.key"); got != "no.such.key" {
		t.Fatalf("missing key gives %q", got)
	}
	if New("sv").Language() != "fi" || (&Tr{}).Language() != "fi" {
		t.Fatal("an unknown or no language is not Finnish")
	}
}

// Two windows (or two tests) speak their own languages side by side.
func TestTranslatorsAreIndependent(t *testing.T) {
	fi, en := New("fi"), New("en")
	en.SetLanguage("en")
	fi.SetLanguage("fi")
	if fi.T("app.cancel") == en.T("app.cancel") {
		t.Fatalf("both say %q", fi.T("app.cancel"))
	}
}

// Fyne's bundle holds Fyne's own texts and none of the app's: it parses
// every text it is given.
func TestFyneIsGivenOnlyItsOwnTexts(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
	if got := lang.LocalizeKey("file.name", "-"); got == "-" || got != TIn("en", "file.name") && got != TIn("fi", "file.name") {
		t.Errorf("Fyne's own text file.name is %q", got)
	}
	if got := lang.LocalizeKey("app.cancel", "-"); got != "-" {
		t.Errorf("Fyne was given the app's text app.cancel: %q", got)
	}
}

// Fyne's own texts speak the app's language, whatever the system's: on a
// laptop set to Swedish (which Fyne translates itself), to C or to English,
// the Finnish app's dialogs say "Peruuta", and the English app's "Cancel".
func TestFyneSpeaksTheAppsLanguageNotTheSystems(t *testing.T) {
	defer FyneSpeaks("fi")
	for _, sys := range []string{"sv_SE.UTF-8", "C.UTF-8", "en_GB.UTF-8", "fi_FI.UTF-8"} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", sys)
		for _, c := range []struct{ app, cancel, save string }{{"fi", "Peruuta", "Tallenna"}, {"en", "Cancel", "Save"}, {"fi", "Peruuta", "Tallenna"}} {
			fyneMu.Lock()
			fyneLang = "" // the system's locale changed under the test
			fyneMu.Unlock()
			if err := FyneSpeaks(c.app); err != nil {
				t.Fatal(err)
			}
			if got := lang.L("Cancel") + " " + lang.L("Save"); got != c.cancel+" "+c.save {
				t.Errorf("system %s, app %s: Fyne says %q", sys, c.app, got)
			}
		}
	}
}
