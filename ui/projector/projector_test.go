package projector

import (
	"lupauspaja/ui/uitest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/charts"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// allKeys are every step and agenda item the facilitator can be on.
func allKeys() []string {
	keys := []string{workshop.StepSetup}
	for _, s := range workshop.Steps {
		keys = append(keys, s.Key)
	}
	return append(keys, workshop.StepBreak, workshop.StepSummary)
}

func has(o fyne.CanvasObject, pred func(fyne.CanvasObject) bool) bool {
	found := false
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(x fyne.CanvasObject, _ fyne.Position) {
		if pred(x) {
			found = true
		}
	})
	return found
}

// An edit made in the facilitator's editor shows on the projector without
// anything else being called.
func TestFollowsTheEditor(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	setStep(t, r, workshop.StepDrafts)
	if got := joined(p.Content()); !shows(p.Content(), "Suomen luotettavinta logistiikkaa.") {
		t.Fatalf("drafts step lacks a draft:\n%s", got)
	}
	const words = "Kerromme poikkeamasta ennen kuin ehdit kysyä."
	if err := r.Ed.Edit(func(s *workshop.Session) error {
		s.Drafts[1].Text = words
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got := joined(p.Content())
	if !shows(p.Content(), words) || shows(p.Content(), "Suomen luotettavinta logistiikkaa.") {
		t.Fatalf("after the edit the projector shows:\n%s", got)
	}

	setStep(t, r, workshop.StepMeasures)
	if got := joined(p.Content()); !shows(p.Content(), "8 · Mittarit") || shows(p.Content(), words) {
		t.Fatalf("after moving to measures the projector shows:\n%s", got)
	}
}

// Nothing private reaches the projector on any step or page: not the
// facilitator's notes, and not who wrote a draft.
func TestNothingPrivate(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Nordrahti()
	s.PrivateNotes = map[string]string{}
	for _, k := range allKeys() {
		s.PrivateNotes[k] = "YKSITYINEN-" + k
	}
	// A writer who owns nothing else, so that the name has no honest place on screen.
	s.Participants = append(s.Participants, workshop.Participant{ID: "PX", Name: "Kirsi Kirjoittaja", Kind: workshop.KindEmployee})
	s.Drafts[0].AuthorIDs = append(s.Drafts[0].AuthorIDs, "PX")
	r := openRoom(t, s)
	p := newProjector(r)
	showAt(t, p, 1920, 1080)
	r.SetVotesRevealed(true)
	r.SetRatingsRevealed(true)

	authors := map[string]bool{}
	for _, d := range s.Drafts {
		for _, id := range d.AuthorIDs {
			authors[s.Participant(id).Name] = true
		}
	}
	check := func(where string, draftPage bool) {
		got := joined(p.Content())
		if shows(p.Content(), "YKSITYINEN") {
			t.Errorf("%s shows a private note:\n%s", where, got)
		}
		if shows(p.Content(), "Kirsi Kirjoittaja") {
			t.Errorf("%s shows a draft's writer:\n%s", where, got)
		}
		if draftPage {
			for name := range authors {
				if shows(p.Content(), name) {
					t.Errorf("%s shows %s, who wrote a draft", where, name)
				}
			}
		}
	}
	for _, k := range allKeys() {
		setStep(t, r, k)
		check(k, k == workshop.StepDrafts || k == workshop.StepEvaluation || k == workshop.StepDecision)
	}
	for page := 0; page < numPages; page++ {
		r.SetPresenting(true, page)
		check("presentation page", page == pagePromise || page == pageWhy)
	}
}

// Dot votes and ratings stay hidden until revealed: the room sees how many
// have voted, not the totals.
func TestBlindVoting(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	setStep(t, r, workshop.StepEvaluation)
	isBars := func(o fyne.CanvasObject) bool { _, ok := o.(*charts.Bars); return ok }
	isGrouped := func(o fyne.CanvasObject) bool { _, ok := o.(*charts.Grouped); return ok }

	got := joined(p.Content())
	if !shows(p.Content(), "Pisteäänestys: 6 / 6 on äänestänyt") || !shows(p.Content(), "Kriteeriarviot: 6 / 6 on arvioinut") {
		t.Fatalf("blind vote lacks the progress:\n%s", got)
	}
	if has(p.Content(), isBars) || has(p.Content(), isGrouped) {
		t.Fatal("a chart of the votes shows before they are revealed")
	}
	for _, tx := range shownTexts(p.Content()) {
		if tx.Text == "8" || strings.Contains(tx.Text, "(4,5)") {
			t.Fatalf("a total %q shows before the reveal", tx.Text)
		}
	}

	r.SetVotesRevealed(true)
	if !has(p.Content(), isBars) || has(p.Content(), isGrouped) {
		t.Fatal("revealing the dots shows no dot chart, or shows the ratings too")
	}
	if got := joined(p.Content()); !strings.Contains(got, "\n8\n") || shows(p.Content(), "Pisteäänestys:") {
		t.Fatalf("revealed dots:\n%s", got)
	}
	r.SetRatingsRevealed(true)
	if !has(p.Content(), isGrouped) {
		t.Fatal("revealing the ratings shows no criteria chart")
	}
	if got := joined(p.Content()); !shows(p.Content(), "L1 (4,5): Tiedät aina") {
		t.Fatalf("revealed ratings lack the weighted score in the legend:\n%s", got)
	}
}

// Hidden blanks the screen down to the organisation's name.
func TestHiddenBlanks(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	setStep(t, r, workshop.StepDecision)
	r.SetHidden(true)
	tx := shownTexts(p.Content())
	if len(tx) != 1 || tx[0].Text != "Nordrahti Oy" {
		t.Fatalf("hidden projector shows %q", joined(p.Content()))
	}
	r.SetHidden(false)
	if got := joined(p.Content()); !shows(p.Content(), "Tiedät aina, missä tavarasi menee.") {
		t.Fatalf("shown again:\n%s", got)
	}
}

// The window opens and closes, and its arrow keys turn the presentation's pages.
func TestWindowAndPageKeys(t *testing.T) {
	r, p := nordrahti(t)
	closed := 0
	p.OnClosed(func() { closed++ })
	p.Toggle()
	if !p.Visible() {
		t.Fatal("Toggle did not open the window")
	}
	key := func(k fyne.KeyName) { p.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

	key(fyne.KeyRight) // not presenting: the keys do nothing
	if on, _ := r.Presenting(); on {
		t.Fatal("an arrow key started the presentation")
	}
	r.SetPresenting(true, 0)
	if got := joined(p.Content()); !shows(p.Content(), "Asiakaslupauksemme") || !shows(p.Content(), "1 / 4") {
		t.Fatalf("page 1:\n%s", got)
	}
	for _, step := range []struct {
		k    fyne.KeyName
		page int
		text string
	}{
		{fyne.KeyRight, 1, "Miksi juuri tämä lupaus"},
		{fyne.KeyPageDown, 2, "Mistä tiedämme, että lupaus pitää"},
		{fyne.KeyRight, 3, "Seuraavat askeleet"},
		{fyne.KeyRight, 3, "4 / 4"}, // stays on the last page
		{fyne.KeyPageUp, 2, "3 / 4"},
		{fyne.KeyLeft, 1, "D1 sai eniten ääniä"},
	} {
		key(step.k)
		if _, page := r.Presenting(); page != step.page {
			t.Fatalf("after %s page %d, want %d", step.k, page, step.page)
		}
		if got := joined(p.Content()); !shows(p.Content(), step.text) {
			t.Fatalf("after %s the page lacks %q:\n%s", step.k, step.text, got)
		}
	}
	key(fyne.KeyF11)
	if !p.win.FullScreen() {
		t.Fatal("F11 did not go full screen")
	}
	key(fyne.KeyEscape)
	if p.win.FullScreen() {
		t.Fatal("Esc did not leave full screen")
	}
	p.Toggle()
	if p.Visible() || closed != 1 {
		t.Fatalf("after closing: visible %v, OnClosed ran %d times", p.Visible(), closed)
	}
	p.Show()
	if !p.Visible() {
		t.Fatal("the projector does not open again")
	}
	p.Close()
}

// The timer counts down from the agenda, turns urgent near the end and
// shows the overrun.
func TestTimer(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	if err := r.Ed.Edit(func(s *workshop.Session) error {
		s.CurrentStep = workshop.StepDrafts
		a := s.AgendaItem(workshop.StepDrafts)
		a.PlannedMin, a.UsedSec = 20, 600
		a.RunningSince = at.Add(-90 * time.Second).Format(time.RFC3339)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	timer := func() *canvas.Text {
		if p.timerText == nil {
			t.Fatal("no timer")
		}
		return p.timerText
	}
	if got := timer().Text; got != "8:30" || timer().Color != colForeground {
		t.Fatalf("timer %q %v, want 8:30 in the text colour", got, timer().Color)
	}
	p.now = func() time.Time { return at.Add(7 * time.Minute) }
	p.tick()
	if got := timer().Text; got != "1:30" || timer().Color != colTimerNear {
		t.Fatalf("near the end %q %v", got, timer().Color)
	}
	p.now = func() time.Time { return at.Add(9 * time.Minute) }
	p.tick()
	if got := timer().Text; got != "+0:30" || timer().Color != colUrgent {
		t.Fatalf("over time %q %v", got, timer().Color)
	}
	if !has(p.Content(), func(o fyne.CanvasObject) bool { return o == p.timerText }) {
		t.Fatal("the ticking timer is not the one on screen")
	}
}

// An English session is shown in English.
func TestEnglishSession(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Nordrahti()
	s.Language = "en"
	s.CurrentStep = workshop.StepEvaluation
	r := openRoom(t, s)
	p := newProjector(r)
	showAt(t, p, 1280, 720)
	got := joined(p.Content())
	for _, want := range []string{"6 · Evaluation", "Which draft works in the customer's mind – not ours?", "Dot vote: 6 of 6 have voted", "D1", "D5"} {
		if !shows(p.Content(), want) {
			t.Errorf("English evaluation lacks %q:\n%s", want, got)
		}
	}
}

// A large session's cards do not fit: the page says how many more there
// are, and no text is made smaller than the room's minimum to fit them.
func TestManyCards(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Large()
	s.CurrentStep = workshop.StepProfile
	r := openRoom(t, s)
	p := newProjector(r)
	showAt(t, p, 1920, 1080)
	got := joined(p.Content())
	if !shows(p.Content(), "muuta") && !shows(p.Content(), "more") {
		t.Fatalf("no count of the cards left out:\n%.600s", got)
	}
	for _, tx := range shownTexts(p.Content()) {
		if tx.TextSize < 28 {
			t.Fatalf("%q is %.1f px", tx.Text, tx.TextSize)
		}
	}
}

// One rebuild of the projector after an edit (of the evaluation page, and of
// pages of actions): it runs on the UI goroutine
// for every burst of edits, so it has to stay well under 100 ms.
func BenchmarkRebuild(b *testing.B) { benchmarkRebuild(b, false) }

// BenchmarkFirstBuild is a page's first build, with nothing of it from
// the build before (the projector turned to another step, or its window
// resized, which scales every text).
func BenchmarkFirstBuild(b *testing.B) { benchmarkRebuild(b, true) }

func benchmarkRebuild(b *testing.B, first bool) {
	test.NewTempApp(b)
	for _, c := range []struct {
		name string
		s    *workshop.Session
		step string
	}{
		{"nordrahti", fixture.Nordrahti(), workshop.StepEvaluation},
		{"large", fixture.Large(), workshop.StepEvaluation},
		// The actions' columns, whose longest texts are shortened so that
		// every action shows (cappedGrid).
		{"large-next_steps", fixture.Large(), workshop.StepNextSteps},
		{"checkin-actions", fixture.NordrahtiCheckin(), workshop.StepCIActions},
		// Forty drafts, more than a page: measured at every column count
		// to find the fewest pages (layoutPages).
		{"drafts-40", withDrafts(40), workshop.StepDrafts},
	} {
		b.Run(c.name, func(b *testing.B) {
			c.s.CurrentStep = c.step
			r := openRoom(b, c.s)
			r.SetVotesRevealed(true)
			r.SetRatingsRevealed(true)
			p := newProjector(r)
			w := test.NewTempWindow(b, p.Content())
			w.Resize(fyne.NewSize(1920, 1080))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if first {
					b.StopTimer()
					p.memo = memo{}
					b.StartTimer()
				}
				p.rebuild()
			}
		})
	}
}

// BenchmarkRebuildAfterEdit is the rebuild that follows an edit of one
// card's text, as when a participant corrects a draft from a phone: that
// card is new to the page, the others' texts and clamps are handed out
// again from the previous build (memo). The edit itself, saved to SQLite,
// is left out of the time.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	test.NewTempApp(b)
	edited := [2]string{"Lisätään seurantalinkki", "Lisätään seurantalinkki ja aikaikkuna"}
	for _, c := range []struct {
		name string
		s    *workshop.Session
		step string
		edit func(s *workshop.Session, i int) error
	}{
		{"checkin-actions", fixture.NordrahtiCheckin(), workshop.StepCIActions, func(s *workshop.Session, i int) error {
			return s.SetActionField(s.Actions[0].ID, "text", edited[i]+" toimitusvahvistuksen tekstiin")
		}},
		{"drafts-40", withDrafts(40), workshop.StepDrafts, func(s *workshop.Session, i int) error {
			return s.SetCardText(workshop.CardDraft, s.Drafts[3].ID, edited[i]+" kerromme poikkeamasta ennen kuin asiakkaasi ehtii kysyä.")
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			c.s.CurrentStep = c.step
			r := openRoom(b, c.s)
			p := newProjector(r)
			w := test.NewTempWindow(b, p.Content())
			w.Resize(fyne.NewSize(1920, 1080))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				p.pending.Store(true) // the edit's own rebuild is the one timed below
				err := r.Ed.Edit(func(s *workshop.Session) error { return c.edit(s, i%2) })
				p.pending.Store(false)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				p.rebuild()
			}
		})
	}
}

// Changes made while the window is closed show when it opens again.
func TestReopenShowsChangesMadeWhileClosed(t *testing.T) {
	r, p := nordrahti(t)
	p.Show()
	setStep(t, r, workshop.StepPurpose)
	if !shows(p.win.Canvas().Content(), "2 · Miksi olemme olemassa") {
		t.Fatal("the open window does not follow")
	}
	p.Close()
	setStep(t, r, workshop.StepMeasures)
	if !p.stale {
		t.Fatal("a closed projector rebuilt its page")
	}
	p.Show()
	if got := p.win.Canvas().Content(); !shows(got, "8 · Mittarit") || shows(got, "2 · Miksi olemme olemassa") {
		t.Fatalf("reopened on:\n%s", joined(got))
	}
	p.Close()
}

// An empty session and one full of hard texts render every page without
// failing, and the hard texts stay inside the view.
func TestEmptyAndHardSessions(t *testing.T) {
	test.NewTempApp(t)
	hard := fixture.Nordrahti()
	long := strings.Repeat("Pitkä teksti ilman loppua 😀 שלום ", 3000) // about 100 kB
	hard.Drafts[0].Text = long
	hard.Drafts[1].Text = "'); DROP TABLE drafts; --\x00\x07"
	hard.Purpose.Why = long
	hard.ProfileItems[0].Text = strings.Repeat("x", 5000) // one word wider than any tile
	hard.Decision.FinalText = long
	for name, s := range map[string]*workshop.Session{"empty": workshop.NewSession("fi"), "hard": hard} {
		r := openRoom(t, s)
		p := newProjector(r)
		win := showAt(t, p, 1280, 720)
		for _, revealed := range []bool{false, true} {
			r.SetVotesRevealed(revealed)
			r.SetRatingsRevealed(revealed)
			for _, k := range allKeys() {
				setStep(t, r, k)
				if len(shownTexts(p.Content())) == 0 {
					t.Fatalf("%s session: %s shows nothing", name, k)
				}
			}
		}
		for page := 0; page < numPages; page++ {
			r.SetPresenting(true, page)
		}
		if s := win.Canvas().Content().Size(); s.Width > 1280 || s.Height > 720 {
			t.Fatalf("%s session grew the window to %v", name, s)
		}
	}
}

// From an edit to the projector showing it: the store's transaction, the
// change notification and the rebuild (the test driver runs fyne.Do at once).
func BenchmarkEditToProjector(b *testing.B) {
	test.NewTempApp(b)
	s := fixture.Nordrahti()
	s.CurrentStep = workshop.StepDrafts
	r := openRoom(b, s)
	p := newProjector(r)
	w := test.NewTempWindow(b, p.Content())
	w.Resize(fyne.NewSize(1920, 1080))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		words := "Luonnos numero " + strconv.Itoa(i)
		if err := r.Ed.Edit(func(s *workshop.Session) error {
			s.Drafts[1].Text = words
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if !shows(p.Content(), words) {
			b.Fatalf("the projector does not show %q", words)
		}
	}
}

// Typing into a draft for a long workshop does not grow the memory: each
// rebuild reuses what did not change (see memo). Without the reuse the heap
// grew by about 130 kB an edit, 65 MB over these 500.
func TestMemoryStaysFlatWhileTyping(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	setStep(t, r, workshop.StepDrafts)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	edit := func(n int) {
		for i := 0; i < n; i++ {
			words := "Kuulet poikkeamasta meiltä ensin " + strconv.Itoa(i)
			if err := r.Ed.Edit(func(s *workshop.Session) error {
				s.Drafts[1].Text = words
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit(50)
	before := heap()
	edit(500)
	if grown := int64(heap()) - int64(before); grown > 10<<20 {
		t.Fatalf("500 edits grew the heap by %d MB", grown>>20)
	}
}
