package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/sessionfile"
)

// pdfText is the text of a PDF as an independent reader (pdftotext) sees it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestCloseAndReopenKeepsEverythingAndReturnsToTheStep(t *testing.T) {
	u, st, path := newTestUI(t)
	test.Tap(findButton(u.win.Content(), u.tr.T("home.new")))
	id := u.ws.ed.ID()
	p := u.ws.page.(*setupPage)
	// Typed and not yet saved by the debounce when the window closes.
	u.win.Canvas().Focus(p.org.Entry)
	test.Type(p.org.Entry, "Kesken kirjoitettu Oy")
	test.Type(p.addName, "Anna")
	p.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	press(t, u, fyne.KeyRight, ctrl)
	press(t, u, fyne.KeyRight, ctrl)
	notes := u.ws.side.notes
	u.win.Canvas().Focus(notes.Entry)
	test.Type(notes.Entry, "Kysy Jussilta hinnoittelusta")
	u.close()
	st.Close()

	u2, st2 := reopen(t, path)
	s := load(t, st2, id)
	if s.Organisation != "Kesken kirjoitettu Oy" || len(s.Participants) != 1 ||
		s.PrivateNotes[workshop.StepPurpose] != "Kysy Jussilta hinnoittelusta" {
		t.Fatalf("after reopening: organisation %q, %d participants, notes %q",
			s.Organisation, len(s.Participants), s.PrivateNotes)
	}
	if !strings.Contains(texts(u2.win.Content()), "Kesken kirjoitettu Oy") {
		t.Error("the sessions list does not show the session")
	}
	u2.home.selectID(id)
	test.Tap(findButton(u2.win.Content(), u.tr.T("home.open")))
	if u2.ws == nil || u2.ws.key != workshop.StepPurpose {
		t.Fatalf("reopened at %v, want the step where it was left", u2.ws)
	}
	if u2.ws.side.notes.Entry.Text != "Kysy Jussilta hinnoittelusta" {
		t.Error("the notes are not shown again")
	}
}

func TestPrivateNotesNeverOnProjectorOrInPDF(t *testing.T) {
	u, st, _ := newTestUI(t) // typing is saved by leaving a field, Enter, a step change
	s := fixture.Nordrahti()
	s.CurrentStep = workshop.StepDecision
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	const secret = "Johtaja epäröi – älä näytä tätä"
	n := u.ws.side.notes
	u.win.Canvas().Focus(n.Entry)
	test.Type(n.Entry, secret)
	u.win.Canvas().Unfocus()
	if got := load(t, st, id).PrivateNotes[workshop.StepDecision]; got != secret {
		t.Fatalf("notes stored %q", got)
	}
	// The projector's view of the same step.
	pw := test.NewWindow(u.ws.proj.Content())
	defer pw.Close()
	pw.Resize(fyne.NewSize(1280, 720))
	if strings.Contains(texts(u.ws.proj.Content()), "epäröi") {
		t.Error("the projector shows the private notes")
	}
	pdf := filepath.Join(t.TempDir(), "out.pdf")
	u.ws.goTo(workshop.StepSummary)
	if err := u.ws.page.(*summaryPage).exportPDF(pdf); err != nil {
		t.Fatal(err)
	}
	txt := pdfText(t, pdf)
	if strings.Contains(txt, "epäröi") {
		t.Error("the PDF has the private notes")
	}
	if !strings.Contains(strings.Join(strings.Fields(txt), " "), firstWords(s.Decision.FinalText, 4)) {
		t.Errorf("the PDF lacks the promise %q", s.Decision.FinalText)
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func TestSummaryShowsWhatThePDFHoldsAndExports(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := fixture.Nordrahti()
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSummary)
	p := u.ws.page.(*summaryPage)
	shown := texts(p.Object())
	for _, want := range []string{firstWords(s.Decision.FinalText, 3), s.Measures[0].Name, s.Actions[0].Text} {
		if !strings.Contains(shown, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if p.openBtn.Disabled() == false {
		t.Error("Open PDF is enabled before there is a PDF")
	}
	path := filepath.Join(t.TempDir(), "sub dir", "Nordrahti ä.pdf")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := p.exportPDF(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("no PDF written: %v", err)
	}
	if p.openBtn.Disabled() {
		t.Error("Open PDF is not enabled after exporting")
	}
	if !strings.Contains(pdfText(t, path), s.Organisation) {
		t.Error("the PDF lacks the organisation")
	}
	// A folder that does not exist gives a message, not a crash.
	if err := p.exportPDF(filepath.Join(t.TempDir(), "no", "such", "x.pdf")); err == nil {
		t.Error("export to a missing folder succeeded")
	}
	if topOverlay(u) == nil {
		t.Error("no error shown for a failed export")
	}
}

func TestDeleteAsksNamingTheSession(t *testing.T) {
	u, st, _ := newTestUI(t)
	keep := createSession(t, st, fixture.Nordrahti())
	s := workshop.NewSession("fi")
	s.Title, s.Organisation = "Poistettava paja", "Testi Oy"
	gone := createSession(t, st, s)
	u.home.reload()
	u.home.selectID(gone)
	test.Tap(findButton(u.win.Content(), u.tr.T("home.delete")))
	d := topOverlay(u)
	if d == nil || !strings.Contains(texts(d), "Poistettava paja") {
		t.Fatal("the confirmation does not name the session")
	}
	// Its icon beside the message, not drawn over its words (Fyne's own
	// confirmation put a large question mark behind the text).
	var msg, icons []fyne.Size
	var msgAt, iconAt []fyne.Position
	uitest.WalkShown(d, fyne.Position{}, func(o fyne.CanvasObject, at fyne.Position) {
		switch x := o.(type) {
		case *widget.Label:
			if strings.Contains(x.Text, "Poistettava paja") {
				msg, msgAt = append(msg, o.Size()), append(msgAt, at)
			}
		case *canvas.Image:
			icons, iconAt = append(icons, o.Size()), append(iconAt, at)
		}
	})
	if len(msg) != 1 || len(icons) == 0 {
		t.Fatalf("%d messages, %d icons in the confirmation", len(msg), len(icons))
	}
	for i := range icons {
		if iconAt[i].X < msgAt[0].X+msg[0].Width && msgAt[0].X < iconAt[i].X+icons[i].Width &&
			iconAt[i].Y < msgAt[0].Y+msg[0].Height && msgAt[0].Y < iconAt[i].Y+icons[i].Height {
			t.Fatalf("an icon at %v %v lies over the message at %v %v", iconAt[i], icons[i], msgAt[0], msg[0])
		}
	}
	test.Tap(findButton(d, u.tr.T("app.cancel")))
	if _, err := st.Load(gone); err != nil {
		t.Fatal("Cancel deleted the session")
	}
	test.Tap(findButton(u.win.Content(), u.tr.T("home.delete")))
	test.Tap(findButton(topOverlay(u), u.tr.T("home.delete.confirm")))
	if _, err := st.Load(gone); err == nil {
		t.Fatal("the session was not deleted")
	}
	if _, err := st.Load(keep); err != nil {
		t.Fatal("the other session went too")
	}
	if len(u.home.items) != 1 {
		t.Errorf("the list shows %d sessions", len(u.home.items))
	}
}

func TestDuplicateAsTemplateDropsParticipantsInput(t *testing.T) {
	u, st, _ := newTestUI(t)
	src := fixture.Nordrahti()
	id := createSession(t, st, src)
	u.home.reload()
	u.home.selectID(id)
	test.Tap(findButton(u.win.Content(), u.tr.T("home.duplicate")))
	list, _ := st.List("")
	if len(list) != 2 {
		t.Fatalf("%d sessions after duplicating", len(list))
	}
	var copyID int64
	for _, sm := range list {
		if sm.ID != id {
			copyID = sm.ID
		}
	}
	c := load(t, st, copyID)
	if c.Organisation != src.Organisation || len(c.Agenda) != len(src.Agenda) || c.Agenda[2].PlannedMin != src.Agenda[2].PlannedMin {
		t.Errorf("the template lost the structure: %q, %d agenda items", c.Organisation, len(c.Agenda))
	}
	if len(c.Participants)+len(c.Drafts)+len(c.Ratings)+len(c.Actions)+len(c.Measures) != 0 || c.Decision.FinalText != "" {
		t.Error("the template kept the participants' input")
	}
	if c.Agenda[0].UsedSec != 0 || c.Agenda[0].Done {
		t.Error("the template kept the time log")
	}
	if !strings.Contains(c.Title, src.Title) {
		t.Errorf("template title %q", c.Title)
	}
}

func TestSearchAsYouType(t *testing.T) {
	u, st, _ := newTestUI(t)
	createSession(t, st, fixture.Nordrahti())
	s := workshop.NewSession("fi")
	s.Organisation = "Kahvila Åbo"
	createSession(t, st, s)
	u.home.reload()
	u.home.search.SetText("åbo")
	u.home.filter() // what the debounce does after typing stops
	if len(u.home.items) != 1 || u.home.items[0].Organisation != "Kahvila Åbo" {
		t.Errorf("search found %v", u.home.items)
	}
	// ↓ and Enter in the search open the match.
	u.home.search.SetText("")
	u.home.filter()
	u.home.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	u.home.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if u.home.selected != 1 {
		t.Errorf("after ↓↓ selected %d", u.home.selected)
	}
	u.home.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if u.home.selected != 0 {
		t.Errorf("after ↑ selected %d", u.home.selected)
	}
	u.home.search.SetText("3.12.2026 nordrahti")
	u.home.filter()
	if len(u.home.items) != 1 || u.home.items[0].Organisation != "Nordrahti Oy" {
		t.Errorf("search by the date as shown found %v", u.home.items)
	}
	u.home.search.SetText("ei ole tällaista")
	u.home.filter()
	if !u.home.empty.Visible() || u.home.emptyMsg.Text != u.tr.T("home.no_match") {
		t.Error("no message for a search without results")
	}
}

func TestImportGoodAndBadFiles(t *testing.T) {
	u, st, _ := newTestUI(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "nordrahti.json")
	if err := os.WriteFile(good, fixture.NordrahtiJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	id, err := u.home.importFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if s := load(t, st, id); s.Organisation != "Nordrahti Oy" {
		t.Errorf("imported %q", s.Organisation)
	}
	for name, data := range map[string]string{
		"garbage.json": "\x00\x01 ei jsonia",
		"other.json":   `{"hello": "world"}`,
		"newer.json":   `{"format":"lupauspaja-session","version":99,"session":{}}`,
		"empty.json":   "",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		if _, err := u.home.importFile(p); err == nil {
			t.Errorf("%s imported", name)
		}
		d := topOverlay(u)
		if d == nil {
			t.Fatalf("%s: no message", name)
		}
		msg := texts(d)
		if !strings.Contains(msg, "työpajatiedosto") && !strings.Contains(msg, "Työpajatiedosto") && !strings.Contains(msg, "Tiedosto") {
			t.Errorf("%s: message %q", name, msg)
		}
		u.win.Canvas().Overlays().Remove(d)
	}
	// A session file saved as Latin-1: said so, in the app's words.
	latin1 := filepath.Join(dir, "latin1.json")
	os.WriteFile(latin1, []byte(strings.ReplaceAll(string(fixture.NordrahtiJSON), "ä", "\xe4")), 0o644)
	if _, err := u.home.importFile(latin1); err == nil {
		t.Error("a Latin-1 file imported")
	}
	if d := topOverlay(u); d == nil || !strings.Contains(texts(d), u.tr.T("app.error.file.encoding")) {
		t.Errorf("a Latin-1 file's message: %v", d)
	} else {
		u.win.Canvas().Overlays().Remove(d)
	}
	if list, _ := st.List(""); len(list) != 1 {
		t.Errorf("%d sessions after bad imports, want 1", len(list))
	}
}

func TestExportedSessionFileReadsBack(t *testing.T) {
	u, st, _ := newTestUI(t)
	withNotes := fixture.Nordrahti()
	withNotes.PrivateNotes = map[string]string{"decision": "salainen"}
	id := createSession(t, st, withNotes)
	u.home.reload()
	u.home.selectID(id)
	s := load(t, st, id)
	path := filepath.Join(t.TempDir(), library.FileName(s, ".json"))
	if err := u.home.export(id, path); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	back, err := sessionfile.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if back.Decision.FinalText != s.Decision.FinalText || back.PrivateNotes["decision"] != "" {
		t.Error("session file does not round-trip, or it carries private notes")
	}
	if !strings.HasSuffix(path, ".json") || strings.ContainsAny(filepath.Base(path), " äö/") {
		t.Errorf("file name %q", filepath.Base(path))
	}
}

func TestDeleteParticipantAndUndoWithCtrlZ(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := fixture.Nordrahti()
	id := createSession(t, st, s)
	victim := s.Participants[1]
	votes := 0
	for _, r := range s.Ratings {
		if r.ParticipantID == victim.ID {
			votes++
		}
	}
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	p := u.ws.page.(*setupPage)
	del := findButton(p.people.Objects[1], "")
	test.Tap(del)
	after := load(t, st, id)
	if after.Participant(victim.ID) != nil || len(after.Participants) != len(s.Participants)-1 {
		t.Fatal("the participant was not deleted")
	}
	for _, r := range after.Ratings {
		if r.ParticipantID == victim.ID {
			t.Fatal("their ratings were kept")
		}
	}
	if err := after.Validate(); err != nil {
		t.Errorf("the session is not sound after deleting: %v", err)
	}
	if !u.ws.undoBar.obj.Visible() || !strings.Contains(u.ws.undoBar.text.Text, victim.Name) {
		t.Error("no undo offered naming the participant")
	}
	u.win.Canvas().Unfocus()
	press(t, u, fyne.KeyZ, ctrl)
	back := load(t, st, id)
	if back.Participant(victim.ID) == nil || len(back.Participants) != len(s.Participants) {
		t.Fatal("Ctrl+Z did not bring the participant back")
	}
	n := 0
	for _, r := range back.Ratings {
		if r.ParticipantID == victim.ID {
			n++
		}
	}
	if n != votes {
		t.Errorf("%d ratings back, want %d", n, votes)
	}
}

func TestLanguageSwitchSwitchesTheUI(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	var lang *field.Choice
	for _, f := range u.ws.page.(*setupPage).fields {
		if c, ok := f.(*field.Choice); ok {
			lang = c
		}
	}
	lang.SetValue("en")
	if u.tr.Language() != "en" || load(t, st, id).Language != "en" {
		t.Fatalf("language %q, stored %q", u.tr.Language(), load(t, st, id).Language)
	}
	if got := u.ws.nav.rows[0].text; got != "Setup" {
		t.Errorf("step list says %q after switching to English", got)
	}
	if !strings.Contains(texts(u.win.Content()), "Participants") {
		t.Error("the setup page is not in English")
	}
}

func TestOpenBrokenSessionGivesMessage(t *testing.T) {
	u, st, _ := newTestUI(t)
	if err := u.open(12345); err == nil {
		t.Fatal("opened a session that does not exist")
	}
	_ = st
	if msg := humanError(u.tr, library.ErrNotFound); !strings.Contains(msg, "löydy") {
		t.Errorf("message %q", msg)
	}
}

// The dots per participant are set by the workshop's own rule (SetDots):
// not below what someone has already given, not out of range, each refusal
// a sentence next to the field, and nothing stored.
func TestSetupDotsFollowTheVotesRule(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := fixture.Nordrahti()
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	p := u.ws.page.(*setupPage)
	most, who := 0, ""
	for _, pp := range s.Participants {
		if g := s.DotsGiven(pp.ID); g > most {
			most, who = g, pp.Name
		}
	}
	if most < 2 {
		t.Fatalf("the example's votes give at most %d dots", most)
	}
	typeDots := func(v string) {
		u.win.Canvas().Focus(p.dots.Entry)
		p.dots.Entry.SetText(v)
		u.win.Canvas().Unfocus()
	}
	typeDots(strconv.Itoa(most - 1))
	if msg := p.dots.Message(); !strings.Contains(msg, who) || !strings.Contains(msg, strconv.Itoa(most)) {
		t.Errorf("fewer dots than %s gave: message %q", who, msg)
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		u.win.Canvas().Focus(p.dots.Entry) // the field in view, its message under it
		capture(t, u.win, dir, "setup-dots-refused")
	}
	if got := load(t, st, id).Dots; got != s.Dots {
		t.Errorf("stored %d dots after a refused change, want %d", got, s.Dots)
	}
	typeDots(strconv.Itoa(workshop.MaxDots + 1))
	if msg := p.dots.Message(); msg != u.tr.T("setup.dots.invalid", map[string]any{"Max": workshop.MaxDots}) {
		t.Errorf("too many dots: message %q", msg)
	}
	typeDots(strconv.Itoa(most + 2))
	if got := load(t, st, id).Dots; got != most+2 || p.dots.Message() != "" {
		t.Errorf("stored %d dots, message %q", got, p.dots.Message())
	}
}

// A step's timebox in the setup follows the agenda's limit (SetPlanned): a
// longer one is refused next to its field and not stored.
func TestSetupTimeboxFollowsTheAgendasLimit(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	p := u.ws.page.(*setupPage)
	f := p.agFlds[0].(*field.Text)
	before := load(t, st, id).Agenda[0].PlannedMin
	for _, v := range []string{strconv.Itoa(workshop.MaxPlannedMin + 1), "viisi"} {
		u.win.Canvas().Focus(f.Entry)
		f.Entry.SetText(v)
		u.win.Canvas().Unfocus()
		if msg := f.Message(); msg != u.tr.T("setup.agenda.invalid", map[string]any{"Max": workshop.MaxPlannedMin}) {
			t.Errorf("%q: message %q", v, msg)
		}
		if got := load(t, st, id).Agenda[0].PlannedMin; got != before {
			t.Errorf("%q: stored %d minutes", v, got)
		}
	}
	u.win.Canvas().Focus(f.Entry)
	f.Entry.SetText("300")
	u.win.Canvas().Unfocus()
	if got := load(t, st, id).Agenda[0].PlannedMin; got != 300 || f.Message() != "" {
		t.Errorf("300: stored %d, message %q", got, f.Message())
	}
}

func TestHardInputGivesMessagesAndLosesNothing(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	p := u.ws.page.(*setupPage)
	// 100 kB is stored whole; past the store's limit the text is refused
	// with a sentence and stays in the entry.
	big := strings.Repeat("Lupaus ", 15000)
	u.win.Canvas().Focus(p.org.Entry)
	p.org.Entry.SetText(big)
	u.win.Canvas().Unfocus()
	if got := load(t, st, id).Organisation; got != big || p.org.Message() != "" {
		t.Errorf("100 kB: stored %d bytes, message %q", len(got), p.org.Message())
	}
	huge := strings.Repeat("x", workshop.MaxTextBytes+1)
	u.win.Canvas().Focus(p.org.Entry)
	p.org.Entry.SetText(huge)
	u.win.Canvas().Unfocus()
	if p.org.Message() == "" {
		t.Error("no message for text over the limit")
	}
	if p.org.Entry.Text != huge {
		t.Error("the typed text was lost")
	}
	if got := load(t, st, id).Organisation; got != big {
		t.Errorf("stored %d bytes after a refused edit", len(got))
	}
	// Emoji, right-to-left text, SQL-looking text and control characters are kept as typed.
	for _, name := range []string{"Zoë 🚲", "مريم", "Robert'); DROP TABLE sessions;--", "Tab\there"} {
		test.Type(p.addName, name)
		p.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	s := load(t, st, id)
	if len(s.Participants) != 4 || s.Participants[0].Name != "Zoë 🚲" || s.Participants[2].Name != "Robert'); DROP TABLE sessions;--" {
		t.Errorf("participants %+v", s.Participants)
	}
	if list, err := st.List(""); err != nil || len(list) != 1 {
		t.Errorf("sessions after SQL-looking input: %v %v", list, err)
	}
	// A bad start time is refused with a sentence, the good one is stored as HH:MM.
	if _, err := parseClock(i18n.New("fi"), "25.99"); err == nil {
		t.Error("25.99 accepted as a time")
	}
	if v, err := parseClock(i18n.New("fi"), "9"); err != nil || v != "09:00" {
		t.Errorf("9 → %q, %v", v, err)
	}
	if v, err := parseClock(i18n.New("fi"), "13.5"); err != nil || v != "13:05" {
		t.Errorf("13.5 → %q, %v", v, err)
	}
}

// A participant is added with "name, role"; a role with no name is
// refused with the same word as an empty entry, and nothing is added.
func TestAddParticipantNeedsAName(t *testing.T) {
	u, st, _ := newTestUI(t)
	test.Tap(findButton(u.win.Content(), u.tr.T("home.new")))
	p := u.ws.page.(*setupPage)
	enter := func(text string) {
		p.addName.SetText("")
		test.Type(p.addName, text)
		p.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	enter(" , myyntipäällikkö")
	if !p.addMsg.Visible() || p.addMsg.Text != u.tr.T("setup.people.add.empty") {
		t.Errorf("a role with no name: message %q (shown %v)", p.addMsg.Text, p.addMsg.Visible())
	}
	enter("Åsa Öhman, myyntipäällikkö")
	s := load(t, st, u.ws.ed.ID())
	if len(s.Participants) != 1 || s.Participants[0].Name != "Åsa Öhman" || s.Participants[0].Role != "myyntipäällikkö" ||
		s.Participants[0].Kind != workshop.KindEmployee || p.addMsg.Visible() {
		t.Fatalf("participants %+v, message shown %v", s.Participants, p.addMsg.Visible())
	}
}

// A participant's name emptied on the setup page is refused with a
// sentence about the name, and the name stored stays.
func TestEmptiedParticipantNameIsRefused(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := fixture.Nordrahti()
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	p := u.ws.page.(*setupPage)
	name := p.pFlds[0].(*field.Text)
	if name.Entry.Text != s.Participants[0].Name {
		t.Fatalf("the first field shows %q, not the first name", name.Entry.Text)
	}
	u.win.Canvas().Focus(name.Entry)
	name.Entry.SetText("")
	name.Flush()
	if got := name.Message(); got != u.tr.T("field.name.empty") {
		t.Errorf("the refusal says %q", got)
	}
	if got := load(t, st, id).Participants[0].Name; got != s.Participants[0].Name {
		t.Errorf("the stored name became %q", got)
	}
}

// Closing the window with typing the store refused asks first, in the
// app's own words and buttons, its icon beside the message: Cancel keeps
// the window and the typing, "Sulje silti" closes it.
func TestClosingWithRefusedTypingAsksFirst(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := fixture.Nordrahti()
	s.CurrentStep = workshop.StepSetup
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	es := entriesWith(u.win.Content(), "9.00")
	if len(es) != 1 {
		t.Fatalf("%d start time entries", len(es))
	}
	u.win.Canvas().Focus(es[0])
	es[0].(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(es[0], "25.99")
	u.close()
	d := topOverlay(u)
	if d == nil || findButton(d, u.tr.T("app.unsaved.close")) == nil || findButton(d, u.tr.T("app.cancel")) == nil {
		t.Fatal("closing with refused typing did not ask")
	}
	test.Tap(findButton(d, u.tr.T("app.cancel")))
	if u.ws == nil {
		t.Fatal("Cancel closed the workshop")
	}
	u.close()
	test.Tap(findButton(topOverlay(u), u.tr.T("app.unsaved.close")))
	if u.ws != nil {
		t.Fatal("'close anyway' did not close")
	}
}

// A check-in's session file carries its whole family, so the save dialog
// suggests the workshop's name for it, from the sessions list and from the
// summary alike; the check-in's PDF is named a check-in.
func TestACheckinsFilesAreNamedForWhatTheyHold(t *testing.T) {
	u, st, _ := newTestUI(t)
	wid := createSession(t, st, fixture.Nordrahti())
	cid := newCheckinFromHome(t, u, wid)
	want := library.FileName(load(t, st, wid), ".json")
	suggested := func() string {
		t.Helper()
		ov := u.win.Canvas().Overlays().Top()
		if ov == nil {
			t.Fatal("no save dialog")
		}
		defer u.win.Canvas().Overlays().Remove(ov)
		e := uitest.Find(ov, func(e *widget.Entry) bool { return strings.HasSuffix(e.Text, ".json") })
		if e == nil {
			t.Fatalf("the save dialog suggests no session file name:\n%s", texts(ov))
		}
		return e.Text
	}
	u.ws.goTo(workshop.StepSummary)
	tapButton(t, u.ws.Object(), u.tr.T("summary.sessionfile"))
	if got := suggested(); got != want {
		t.Errorf("from the check-in's summary: %q, want %q", got, want)
	}
	u.showHome(true)
	u.home.selectID(cid)
	tapButton(t, u.win.Content(), u.tr.T("home.export"))
	if got := suggested(); got != want {
		t.Errorf("from the sessions list: %q, want %q", got, want)
	}
	if got := library.FileName(load(t, st, cid), ".pdf"); got != "Nordrahti-Oy-seuranta-"+load(t, st, cid).Date+".pdf" {
		t.Errorf("the check-in's PDF: %q", got)
	}
}

// Fyne's own file dialog speaks the session's language, also on a laptop
// whose system language is neither (here C): "Tallenna tiedosto" and
// "Peruuta" in a Finnish session, "Save File" and "Cancel" in an English one.
func TestTheFileDialogSpeaksTheSessionsLanguage(t *testing.T) {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", "C.UTF-8")
	u, st, _ := newTestUI(t)
	en := fixture.Nordrahti()
	en.Language = "en"
	eid := createSession(t, st, en)
	fid := createSession(t, st, fixture.Nordrahti())
	dialogSays := func(id int64, want ...string) {
		t.Helper()
		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		u.ws.goTo(workshop.StepSummary)
		tapButton(t, u.ws.Object(), u.tr.T("summary.export"))
		ov := u.win.Canvas().Overlays().Top()
		if ov == nil {
			t.Fatal("no save dialog")
		}
		defer u.win.Canvas().Overlays().Remove(ov)
		got := texts(ov)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("the %s session's save dialog lacks %q:\n%s", u.tr.Language(), w, got)
			}
		}
		u.showHome(false)
	}
	dialogSays(eid, "Save File", "Cancel")
	dialogSays(fid, "Tallenna tiedosto", "Peruuta")
	dialogSays(eid, "Save File", "Cancel")
}
