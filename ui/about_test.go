package ui

import (
	"lupauspaja/ui/uitest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/assets"
	"lupauspaja/ui/i18n"
)

// findList is the first list under o.
func findList(o fyne.CanvasObject) *widget.List { return uitest.Find[*widget.List](o, nil) }

// The About box's Licences button lists what the app is made of; choosing
// a part shows its licence text as shipped.
func TestAboutListsLicences(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		u, _, _ := newTestUI(t)
		u.tr.SetLanguage(lang)
		u.showAbout()
		about := topOverlay(u)
		b := findButton(about, u.tr.T("about.licences"))
		if b == nil {
			t.Fatalf("%s: no %q button in the About box:\n%s", lang, u.tr.T("about.licences"), texts(about))
		}
		test.Tap(b)
		box := topOverlay(u)
		if box == about {
			t.Fatalf("%s: the Licences button opened nothing", lang)
		}
		want, err := licences(assets.Licences, runtime.GOOS)
		if err != nil {
			t.Fatal(err)
		}
		shown := texts(box)
		if !strings.Contains(shown, u.tr.T("about.licences.intro", map[string]any{"Count": len(want)})) {
			t.Errorf("%s: the licence box does not say how many parts:\n%s", lang, shown)
		}
		list := findList(box)
		if list == nil || list.Length() != len(want) {
			t.Fatalf("%s: list of %d parts, want %d", lang, list.Length(), len(want))
		}
		// The first part is shown at once; every other one when chosen.
		for _, name := range []string{"fyne.io/fyne/v2", "github.com/mattn/go-sqlite3", "Go", "Noto Sans", "GLFW"} {
			i := indexOf(want, name)
			if i < 0 {
				t.Fatalf("%s is not in the licences", name)
			}
			list.Select(i)
			text, err := os.ReadFile(filepath.Join("../assets/licences/texts", fileOf(t, name)))
			if err != nil {
				t.Fatal(err)
			}
			shown := texts(box)
			firstLine := strings.SplitN(strings.TrimSpace(string(text)), "\n", 2)[0]
			if !strings.Contains(shown, want[i].detail(u.tr)) || !strings.Contains(shown, firstLine) {
				t.Errorf("%s: choosing %s shows:\n%.600s", lang, name, shown)
			}
		}
		for _, l := range want {
			if !i18n.Has(lang, "about.licences.kind."+l.Kind) {
				t.Errorf("%s: no name for the kind %q of %s", lang, l.Kind, l.Name)
			}
		}
		u.win.Canvas().Overlays().Remove(box)
		u.win.Canvas().Overlays().Remove(about)
	}
}

// A licence text keeps the lines its authors wrapped it in: in the box at
// 1366×768, every line of up to licenceColumns characters fits the text's
// width, so none is broken again a word short of its end.
func TestLicenceTextKeepsItsLines(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.showAbout()
	test.Tap(findButton(topOverlay(u), u.tr.T("about.licences")))
	box := topOverlay(u)
	list := findList(box)
	all, err := licences(assets.Licences, runtime.GOOS)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, l := range all {
		list.Select(i)
		text := uitest.Find(box, func(w *widget.Label) bool { return w.Text == strings.TrimSpace(l.Text) })
		if text == nil {
			t.Fatalf("%s: its text is not shown", l.Name)
		}
		room := text.Size().Width - 2*theme.InnerPadding()
		size := theme.Size(theme.SizeNameCaptionText)
		for _, line := range strings.Split(l.Text, "\n") {
			line = strings.TrimRight(line, " \t\r")
			if n := len([]rune(line)); n == 0 || n > licenceColumns {
				continue
			}
			if w := fyne.MeasureText(line, size, text.TextStyle).Width; w > room {
				t.Errorf("%s: a line of %d characters needs %.0f px, the text has %.0f: %q", l.Name, len([]rune(line)), w, room, line)
				break
			}
			checked++
		}
	}
	if checked < 500 {
		t.Fatalf("checked only %d lines", checked)
	}
	if w := list.Size().Width; w < 200 {
		t.Errorf("the list of parts is only %.0f px wide", w)
	}
}

func indexOf(ls []licence, name string) int {
	for i, l := range ls {
		if l.Name == name {
			return i
		}
	}
	return -1
}

// fileOf is the text file index.tsv names for part name.
func fileOf(t *testing.T, name string) string {
	b, err := os.ReadFile("../assets/licences/index.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 6 && f[1] == name {
			return f[5]
		}
	}
	t.Fatalf("%s not in index.tsv", name)
	return ""
}

// Each system sees the parts linked into its own build; a system the index
// does not name (macOS) sees them all; a broken index is an error.
func TestLicencesBySystem(t *testing.T) {
	files := fstest.MapFS{
		"licences/index.tsv": {Data: []byte("module\ta\tv1\tMIT\tlinux,windows\ta.txt\n" +
			"module\tb\tv2\tBSD-3-Clause\tlinux\tb.txt\nc\tc\t1\tZlib\twindows\tc.txt\n")},
		"licences/texts/a.txt": {Data: []byte("A")},
		"licences/texts/b.txt": {Data: []byte("B")},
		"licences/texts/c.txt": {Data: []byte("C")},
	}
	names := func(goos string) string {
		ls, err := licences(files, goos)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, l := range ls {
			n = append(n, l.Name+"="+l.Text)
		}
		return strings.Join(n, " ")
	}
	if got := names("linux"); got != "a=A b=B" {
		t.Errorf("linux: %s", got)
	}
	if got := names("windows"); got != "a=A c=C" {
		t.Errorf("windows: %s", got)
	}
	if got := names("darwin"); got != "a=A b=B c=C" {
		t.Errorf("darwin: %s", got)
	}
	files["licences/index.tsv"] = &fstest.MapFile{Data: []byte("module\ta\tv1\tMIT\tlinux\n")}
	if _, err := licences(files, "linux"); err == nil {
		t.Error("a row of five fields was taken")
	}
	files["licences/index.tsv"] = &fstest.MapFile{Data: []byte("module\ta\tv1\tMIT\tlinux\tmissing.txt\n")}
	if _, err := licences(files, "linux"); err == nil {
		t.Error("a row whose text is missing was taken")
	}
}

// Every module linked into the app has its licence in assets/licences: a
// new dependency without `make licences` fails here.
func TestLicencesCoverEveryModule(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", "../cmd/lupauspaja").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	all, err := licences(assets.Licences, "linux")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, mod := range strings.Fields(string(out)) {
		if seen[mod] {
			continue
		}
		seen[mod] = true
		found := false
		for _, l := range all {
			// go-licenses names a module by the folder its licence is in,
			// which may be a package under the module's path.
			if l.Kind == "module" && (l.Name == mod || strings.HasPrefix(l.Name, mod+"/")) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("module %s is linked in but has no licence in assets/licences (run make licences)", mod)
		}
	}
	if len(seen) < 10 {
		t.Fatalf("go list found only %d modules: %v", len(seen), seen)
	}
}

// LICENCES=folder renders the About box and its licence list in both
// languages, to look at.
func TestLicencesScreenshot(t *testing.T) {
	dir := os.Getenv("LICENCES_PNG")
	if dir == "" {
		t.Skip("set LICENCES_PNG=folder to render the licence list")
	}
	for _, lang := range []string{"fi", "en"} {
		u, _, _ := newTestUI(t)
		u.tr.SetLanguage(lang)
		u.showHome(false)
		u.showAbout()
		capture(t, u.win, dir, lang+"-about")
		test.Tap(findButton(topOverlay(u), u.tr.T("about.licences")))
		list := findList(topOverlay(u))
		all, _ := licences(assets.Licences, runtime.GOOS)
		list.Select(indexOf(all, "Noto Sans"))
		list.ScrollTo(indexOf(all, "Noto Sans"))
		capture(t, u.win, dir, lang+"-licences")
	}
}
