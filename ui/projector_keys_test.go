package ui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/projector"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop/fixture"
)

// everyKey is every key Fyne names (fyne/key.go).
var everyKey = []fyne.KeyName{
	fyne.KeyEscape, fyne.KeyReturn, fyne.KeyTab, fyne.KeyBackspace, fyne.KeyInsert, fyne.KeyDelete,
	fyne.KeyRight, fyne.KeyLeft, fyne.KeyDown, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd,
	fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6, fyne.KeyF7, fyne.KeyF8, fyne.KeyF9,
	fyne.KeyF10, fyne.KeyF11, fyne.KeyF12, fyne.KeyEnter,
	fyne.Key0, fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9,
	fyne.KeyA, fyne.KeyB, fyne.KeyC, fyne.KeyD, fyne.KeyE, fyne.KeyF, fyne.KeyG, fyne.KeyH, fyne.KeyI, fyne.KeyJ,
	fyne.KeyK, fyne.KeyL, fyne.KeyM, fyne.KeyN, fyne.KeyO, fyne.KeyP, fyne.KeyQ, fyne.KeyR, fyne.KeyS, fyne.KeyT,
	fyne.KeyU, fyne.KeyV, fyne.KeyW, fyne.KeyX, fyne.KeyY, fyne.KeyZ,
	fyne.KeySpace, fyne.KeyApostrophe, fyne.KeyComma, fyne.KeyMinus, fyne.KeyPeriod, fyne.KeySlash,
	fyne.KeyBackslash, fyne.KeyLeftBracket, fyne.KeyRightBracket, fyne.KeySemicolon, fyne.KeyEqual,
	fyne.KeyAsterisk, fyne.KeyPlus, fyne.KeyBackTick, fyne.KeyUnknown,
}

// projectorWindow is the projector's open window.
func projectorWindow(t *testing.T, u *UI) fyne.Window {
	t.Helper()
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Title() == u.tr.T("projector.window") {
			return w
		}
	}
	t.Fatal("no projector window")
	return nil
}

// helpSection is the table of keys under the heading in the F1 help: each
// row's key text and what it does.
func helpSection(t *testing.T, help fyne.CanvasObject, heading string) [][2]string {
	t.Helper()
	var rows [][2]string
	found := false
	uitest.Walk(help, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || found || len(c.Objects) < 2 {
			return
		}
		if l, ok := c.Objects[0].(*widget.Label); !ok || l.Text != heading {
			return
		}
		found = true
		table := c.Objects[1].(*fyne.Container)
		for i := 0; i+1 < len(table.Objects); i += 2 {
			rows = append(rows, [2]string{table.Objects[i].(*widget.Label).Text, table.Objects[i+1].(*widget.Label).Text})
		}
	})
	if !found {
		t.Fatalf("the help has no section %q", heading)
	}
	return rows
}

// The F1 help lists, under "In the projector window", exactly the keys the
// projector's window acts on: every key Fyne names is pressed there (the
// presentation on at its second page, the window full screen) and those
// that change the page or the full screen are the ones the help lists,
// with what they do, in both languages. A key added to the window and not
// to the help, or the other way round, fails here.
func TestProjectorKeysAreInTheHelp(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	openProjector(t, u)
	pw := projectorWindow(t, u)
	does := map[fyne.KeyName]string{} // the key: what it did
	for _, k := range everyKey {
		u.ws.room.SetPresenting(true, 1)
		pw.SetFullScreen(true)
		pw.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
		_, page := u.ws.room.Presenting()
		switch {
		case page == 2:
			does[k] = "app.keys.proj.next"
		case page == 0:
			does[k] = "app.keys.proj.prev"
		case !pw.FullScreen() && k == fyne.KeyF11:
			does[k] = "app.keys.proj.fullscreen"
		case !pw.FullScreen():
			does[k] = "app.keys.proj.leave"
		}
	}
	// F11 turns full screen on too.
	pw.SetFullScreen(false)
	pw.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF11})
	if !pw.FullScreen() {
		t.Error("F11 did not make the projector's window full screen")
	}
	if len(does) < 4 {
		t.Fatalf("only %v act in the projector's window", does)
	}
	for _, lang := range i18n.Languages {
		u.setLanguage(lang)
		press(t, u, fyne.KeyF1, 0)
		listed := map[string]string{} // a key as the help writes it: what it does
		for _, row := range helpSection(t, topOverlay(u), u.tr.T("app.keys.proj.title")) {
			for _, name := range strings.Split(row[0], ", ") {
				listed[name] = row[1]
			}
		}
		press(t, u, fyne.KeyEscape, 0)
		for k, label := range does {
			if got, ok := listed[keyName(u.tr, k)]; !ok {
				t.Errorf("%s: %s acts in the projector's window but the help does not list it (it lists %v)", lang, k, listed)
			} else if got != u.tr.T(label) {
				t.Errorf("%s: the help says %s does %q, it does %q", lang, k, got, u.tr.T(label))
			}
		}
		if len(listed) != len(does) {
			t.Errorf("%s: the help lists %d projector keys, %d act: %v", lang, len(listed), len(does), listed)
		}
	}
}

// The README's keys section lists the projector window's keys as F1 does.
func TestReadmeListsTheProjectorKeys(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "In the projector window")
	end := strings.Index(readme, "## Following a promise")
	if start < 0 || end < start {
		t.Fatal("the README's keys section has no table of the projector window's keys")
	}
	section := readme[start:end]
	tr := i18n.New("en")
	for _, k := range projector.Keys() {
		if row := "| " + projectorKeyText(tr, k) + " |"; !strings.Contains(section, row) {
			t.Errorf("the README's projector keys lack the row %q", row)
		}
	}
	if n := strings.Count(section, "\n| ") - 1; n != len(projector.Keys()) { // less the header
		t.Errorf("the README lists %d projector keys, the window has %d", n, len(projector.Keys()))
	}
	if !slices.ContainsFunc(projector.Keys(), func(k projector.Key) bool { return slices.Contains(k.Names, fyne.KeyF11) }) {
		t.Error("the projector's window has no F11")
	}
}
