package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/testkit"
)

func TestComposeEmailInTheSessionLanguage(t *testing.T) {
	s := fixture.Nordrahti()
	subject, body := composeEmail(s)
	if !strings.Contains(subject, "Nordrahti Oy") || !strings.Contains(subject, "3.12.2026") || !strings.Contains(subject, "yhteenveto") {
		t.Errorf("Finnish subject %q", subject)
	}
	// The promise in Finnish quotation marks, a per cent measure with its unit.
	for _, want := range []string{"Hei,", "”" + s.Decision.FinalText + "”", s.Measures[0].Name + ": 41 % → 85 %", s.Actions[0].Text, "liitteenä", s.Facilitator} {
		if !strings.Contains(body, want) {
			t.Errorf("Finnish body lacks %q:\n%s", want, body)
		}
	}
	if !strings.Contains(body, "ei ole vielä validoitu") {
		t.Error("the body does not say the promise is not validated")
	}
	for _, secret := range s.PrivateNotes {
		if secret != "" && strings.Contains(body, secret) {
			t.Error("the message carries private notes")
		}
	}
	s.Language = "en"
	subject, body = composeEmail(s)
	if !strings.HasPrefix(subject, "Value promise workshop summary") || !strings.Contains(body, "Next steps:") {
		t.Errorf("English message: %q\n%s", subject, body)
	}
	// An empty session still gives a sensible message.
	_, body = composeEmail(workshop.NewSession("fi"))
	if !strings.Contains(body, i18n.TIn("fi", "email.no_promise")) {
		t.Errorf("empty session body:\n%s", body)
	}
}

// commands records the desktop programs the app starts, and fails the ones named in fail.
type commands struct {
	ran  [][]string
	fail map[string]bool
}

func (c *commands) start(name string, args ...string) error {
	c.ran = append(c.ran, append([]string{name}, args...))
	if c.fail[name] {
		return errors.New("not installed")
	}
	return nil
}

func useCommands(u *UI, fail ...string) *commands {
	c := &commands{fail: map[string]bool{}}
	for _, f := range fail {
		c.fail[f] = true
	}
	u.start = c.start
	return c
}

func summaryOf(t *testing.T, u *UI, lib *library.Library) *summaryPage {
	t.Helper()
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSummary)
	return u.ws.page.(*summaryPage)
}

func TestSendByEmailOpensTheMailProgramWithTheAttachment(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-email is the Linux way")
	}
	u, st, _ := newTestUI(t)
	c := useCommands(u)
	p := summaryOf(t, u, st)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	if err := p.exportPDF(pdf); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(p.Object(), u.tr.T("summary.email")))
	if len(c.ran) != 1 || c.ran[0][0] != "xdg-email" {
		t.Fatalf("ran %q", c.ran)
	}
	args := strings.Join(c.ran[0], "\x00")
	if !strings.Contains(args, "--attach\x00"+pdf) || !strings.Contains(args, "--subject\x00") {
		t.Errorf("xdg-email arguments %q", c.ran[0])
	}
	if p.status.Text != u.tr.T("summary.email.opened") {
		t.Errorf("status %q", p.status.Text)
	}
}

// The PDF mailed or opened is the session as it is now: one exported
// before the promise was changed is written again first.
func TestTheMailedPDFFollowsTheChangesSinceItsExport(t *testing.T) {
	u, st, _ := newTestUI(t)
	c := useCommands(u)
	p := summaryOf(t, u, st)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	if err := p.exportPDF(pdf); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(pdf)
	test.Tap(findButton(p.Object(), u.tr.T("summary.email")))
	if again, _ := os.ReadFile(pdf); !bytes.Equal(before, again) {
		t.Error("an unchanged session's PDF was written again")
	}
	if err := u.ws.ed.Edit(func(s *workshop.Session) error { s.Decision.FinalText = "Aivan uusi lupaus."; return nil }); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(p.Object(), u.tr.T("summary.email")))
	after, _ := os.ReadFile(pdf)
	if bytes.Equal(before, after) {
		t.Fatal("the mail's attachment is the PDF from before the change")
	}
	if len(c.ran) != 2 || !strings.Contains(strings.Join(c.ran[1], " "), pdf) {
		t.Fatalf("ran %q", c.ran)
	}
	// Opened again after another change, and after the file was removed.
	u.ws.ed.Edit(func(s *workshop.Session) error { s.Decision.FinalText = "Vielä uudempi lupaus."; return nil })
	test.Tap(findButton(p.Object(), u.tr.T("summary.open")))
	if again, _ := os.ReadFile(pdf); bytes.Equal(again, after) {
		t.Error("the PDF opened is the one from before the change")
	}
	if !strings.Contains(p.status.Text, u.tr.T("summary.pdf.updated", map[string]any{"Path": pdf})) {
		t.Errorf("status %q", p.status.Text)
	}
	os.Remove(pdf)
	test.Tap(findButton(p.Object(), u.tr.T("summary.open")))
	if _, err := os.Stat(pdf); err != nil {
		t.Error("a removed PDF was not written again before opening it")
	}
}

func TestSendByEmailFallsBackToFolderAndClipboard(t *testing.T) {
	u, st, _ := newTestUI(t)
	c := useCommands(u, "xdg-email", "open", "explorer")
	p := summaryOf(t, u, st)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	if err := p.exportPDF(pdf); err != nil {
		t.Fatal(err)
	}
	p.sendEmail()
	clip := u.app.Clipboard().Content()
	subject, _ := composeEmail(u.ws.ed.Snapshot())
	if !strings.HasPrefix(clip, subject) || !strings.Contains(clip, "Tiedät aina") {
		t.Errorf("clipboard has %q", clip)
	}
	if !strings.Contains(p.status.Text, pdf) {
		t.Errorf("status does not name the file: %q", p.status.Text)
	}
	if runtime.GOOS == "linux" {
		last := c.ran[len(c.ran)-1]
		if last[0] != "xdg-open" || last[1] != filepath.Dir(pdf) {
			t.Errorf("folder shown with %q", last)
		}
	}
	if topOverlay(u) == nil {
		t.Error("no message about the fallback")
	}
}

func TestMoveAsideKeepsTheFileAndItsJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lupauspaja.db")
	os.WriteFile(path, []byte("not a database"), 0o600)
	os.WriteFile(path+"-wal", []byte("wal"), 0o600)
	to, err := MoveAside(path, time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(to) != "lupauspaja.db.broken-20261203-093000" {
		t.Errorf("moved to %s", to)
	}
	if b, _ := os.ReadFile(to); string(b) != "not a database" {
		t.Error("the moved file lost its content")
	}
	if _, err := os.Stat(to + "-wal"); err != nil {
		t.Error("the journal was not moved along")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the file is still in place")
	}
	if _, err := MoveAside(path, time.Now()); err == nil {
		t.Error("moving a missing file succeeded")
	}
}

func TestDatabaseProblemWindowMovesAsideAndStartsAnew(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	os.WriteFile(path, []byte("SQLite format 3\x00 but garbage after it, not a real database at all....."), 0o600)
	_, err := library.Open(path)
	if !IsDatabaseProblem(err) {
		t.Fatalf("library.Open: %v", err)
	}
	var opened *library.Library
	w := ShowDatabaseProblem(a, path, err, func(lib *library.Library) { opened = lib })
	shown := texts(w.Content())
	if !strings.Contains(shown, path) || !strings.Contains(shown, "sivuun") {
		t.Errorf("the window says:\n%s", shown)
	}
	test.Tap(findButton(w.Content(), i18n.TIn("fi", "dbproblem.move")))
	if opened == nil {
		t.Fatal("no new database was opened")
	}
	defer opened.Close()
	if list, err := opened.List(""); err != nil || len(list) != 0 {
		t.Errorf("new database: %v, %v", list, err)
	}
	matches, _ := filepath.Glob(path + ".broken-*")
	if len(matches) != 1 {
		t.Fatalf("moved files %v", matches)
	}
	if b, _ := os.ReadFile(matches[0]); !strings.Contains(string(b), "garbage") {
		t.Error("the broken file was not kept as it was")
	}
}

func TestDatabaseInUseOffersOnlyQuit(t *testing.T) {
	a := test.NewTempApp(t)
	w := ShowDatabaseProblem(a, "/tmp/x.db", library.ErrInUse, nil)
	if findButton(w.Content(), i18n.TIn("fi", "dbproblem.move")) != nil {
		t.Error("offers to move aside a database that another window has open")
	}
	if findButton(w.Content(), i18n.TIn("fi", "dbproblem.quit")) == nil {
		t.Error("no way to quit")
	}
	if !strings.Contains(texts(w.Content()), "jo auki") {
		t.Errorf("message:\n%s", texts(w.Content()))
	}
}

// A read-only database (a file copied from a CD, a folder shared read-only)
// is said so at the start, in the app's words, with only Quit: moving it
// aside would not help.
func TestAReadOnlyDatabaseIsSaidSoAtTheStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	testkit.ReadOnly(t, path)
	testkit.ReadOnly(t, filepath.Dir(path))
	_, err = library.Open(path)
	if !errors.Is(err, library.ErrReadOnly) {
		t.Fatalf("library.Open of a read-only file: %v", err)
	}
	a := test.NewTempApp(t)
	w := ShowDatabaseProblem(a, path, err, func(*library.Library) { t.Error("opened") })
	if !strings.Contains(texts(w.Content()), i18n.TIn("fi", "app.error.db.read_only")) {
		t.Errorf("message:\n%s", texts(w.Content()))
	}
	if findButton(w.Content(), i18n.TIn("fi", "dbproblem.move")) != nil || findButton(w.Content(), i18n.TIn("fi", "dbproblem.quit")) == nil {
		t.Error("a read-only database offers more than Quit")
	}
}

func TestProjectorToggleWithCtrlP(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	before := len(u.app.Driver().AllWindows())
	press(t, u, fyne.KeyP, ctrl)
	if !u.ws.proj.Visible() || u.ws.header.proj.Text != u.tr.T("app.projector.hide") {
		t.Fatal("Ctrl+P did not open the projector")
	}
	press(t, u, fyne.KeyP, ctrl)
	if u.ws.proj.Visible() || u.ws.header.proj.Text != u.tr.T("app.projector.show") {
		t.Error("Ctrl+P did not close the projector")
	}
	press(t, u, fyne.KeyP, ctrl)
	u.showHome(true) // leaving the workshop closes the projector
	if got := len(u.app.Driver().AllWindows()); got != before {
		t.Errorf("%d windows after going home, %d before the projector", got, before)
	}
}

// A switch of the session's language with the projector on: the header
// still says the projector is on (its button closes it), and the
// projector's window is named in the new language.
func TestTheProjectorStaysOnOverALanguageSwitch(t *testing.T) {
	u, lib, _ := newTestUI(t)
	if err := u.open(createSession(t, lib, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	press(t, u, fyne.KeyP, ctrl)
	var pw fyne.Window
	for _, w := range u.app.Driver().AllWindows() {
		if w.Title() == u.tr.T("projector.window") {
			pw = w
		}
	}
	if pw == nil {
		t.Fatal("no projector window")
	}
	// The language is switched on the setup page, as a facilitator does.
	u.ws.goTo(workshop.StepSetup)
	uitest.Find(u.ws.page.Object(), func(r *widget.RadioGroup) bool { return slices.Contains(r.Options, "English") }).SetSelected("English")
	if u.tr.Language() != "en" {
		t.Fatal("the setup's radio did not switch the language")
	}
	if !u.ws.proj.Visible() || u.ws.header.proj.Text != u.tr.T("app.projector.hide") || u.ws.header.proj.Importance != widget.HighImportance {
		t.Fatalf("after the switch the header's projector button says %q", u.ws.header.proj.Text)
	}
	if pw.Title() != i18n.TIn("en", "projector.window") {
		t.Errorf("the projector's window is still called %q", pw.Title())
	}
	press(t, u, fyne.KeyP, ctrl)
	if u.ws.proj.Visible() {
		t.Error("Ctrl+P after the switch did not close the projector")
	}
}

func TestAboutShowsVersionAndDescription(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.showAbout()
	shown := texts(topOverlay(u))
	if !strings.Contains(shown, u.tr.T("about.description")) || !strings.Contains(shown, "dev") {
		t.Errorf("About says:\n%s", shown)
	}
}
