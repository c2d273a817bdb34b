package steps

import (
	"lupauspaja/ui/uitest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// dotCellAt finds the grid cell of a participant and a draft among what is drawn.
func dotCellAt(t *testing.T, v *evaluation, row, col int) *dotCell {
	t.Helper()
	v.dots.table.ScrollTo(widget.TableCellID{Row: row, Col: col})
	for _, o := range uitest.All(v.dots.table) {
		if c, ok := o.(*dotCell); ok && c.Visible() && c.row == row && c.col == col {
			return c
		}
	}
	t.Fatalf("no cell %d,%d on screen", row, col)
	return nil
}

func dotsOf(s *workshop.Session, pid, did string) int { return s.DotsOn(pid, did) }

func TestDotVoteRefusedBeyondTheLimitAndTakenBack(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	win := showView(t, env, v, 1100, 700)
	capture(t, win, "6-dots.png")

	// Markku (row 0) has given all 3 dots: 2 on L1, 1 on L4.
	// A click on a cell gives a dot (the cell takes the click, as in the window).
	test.Tap(dotCellAt(t, v, 0, 1))
	if got := reload(t, st, env); dotsOf(got, "P1", "D2") != 0 || got.DotsGiven("P1") != 3 {
		t.Fatalf("a fourth dot was stored: %+v", got.DotVotes)
	}
	if msg := v.dots.msg.Text; !v.dots.msg.Visible() || !strings.Contains(msg, "Markku Väisänen") || !strings.Contains(msg, "kaikki 3 täplää") {
		t.Fatalf("no clear refusal: %q", msg)
	}
	// A right click on L1 takes one back, then the dot can go to L2.
	test.TapSecondary(dotCellAt(t, v, 0, 0))
	if got := reload(t, st, env); dotsOf(got, "P1", "D1") != 1 {
		t.Fatalf("dot not taken back: %+v", got.DotVotes)
	}
	test.Tap(dotCellAt(t, v, 0, 1))
	if got := reload(t, st, env); dotsOf(got, "P1", "D2") != 1 || got.DotsGiven("P1") != 3 {
		t.Fatalf("dot on L2 not stored: %+v", got.DotVotes)
	}
	if v.dots.msg.Visible() {
		t.Fatalf("refusal still shown: %q", v.dots.msg.Text)
	}
	if c := dotCellAt(t, v, 0, 1); c.Dots() != 1 {
		t.Fatalf("cell shows %d", c.Dots())
	}
	// The keyboard: Delete on the highlighted cell takes the dot back again,
	// the last one of the pair, so the vote goes from the file.
	v.dots.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := reload(t, st, env); dotsOf(got, "P1", "D2") != 0 || got.DotsGiven("P1") != 2 {
		t.Fatalf("Delete did not take the dot back: %+v", got.DotVotes)
	}
	// The totals chart follows: L1 has 7 dots now, still first.
	if bars := v.dots.chart.Bars(); len(bars) != 5 || bars[0].ValueText != "7" {
		t.Fatalf("totals: %+v", bars)
	}
}

func TestDotsPerParticipantChangedAndRefusedBelowGiven(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	showView(t, env, v, 1100, 700)
	v.dots.perPerson.SetSelected("2")
	if got := reload(t, st, env); got.Dots != 3 {
		t.Fatalf("dots lowered below what was given: %d", got.Dots)
	}
	if !v.dots.msg.Visible() || v.dots.perPerson.Selected != "3" {
		t.Fatalf("no refusal (%q) or the select shows %q", v.dots.msg.Text, v.dots.perPerson.Selected)
	}
	if !strings.Contains(v.dots.msg.Text, "täplää, enemmän kuin 2") {
		t.Errorf("the refusal does not say who gave more: %q", v.dots.msg.Text)
	}
	v.dots.perPerson.SetSelected("5")
	if got := reload(t, st, env); got.Dots != 5 {
		t.Fatalf("dots not raised: %d", got.Dots)
	}
	test.Tap(dotCellAt(t, v, 0, 1))
	if got := reload(t, st, env); dotsOf(got, "P1", "D2") != 1 {
		t.Fatal("a fourth dot refused after raising the limit")
	}
}

func TestRatingRowTypedIsStoredAndBadRowRefused(t *testing.T) {
	s := fixture.Nordrahti()
	s.Ratings = nil
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepEvaluation, env).(*evaluation)
	win := showView(t, env, v, 1100, 700)
	v.tabs.SelectIndex(1)
	r := v.rating
	if r.current != "D1" {
		t.Fatalf("first shortlisted draft not shown: %q", r.current)
	}
	row := r.persons.by["P1"]
	win.Canvas().Focus(row.entry)
	test.Type(row.entry, "55434545")
	got := reload(t, st, env).RatingOf("P1", "D1")
	if got == nil || got.Scores != [8]int{5, 5, 4, 3, 4, 5, 4, 5} {
		t.Fatalf("row not stored: %+v", got)
	}
	// Enter goes to the next participant.
	row.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if win.Canvas().Focused() != r.persons.by["P2"].entry {
		t.Fatal("Enter did not move to the next participant")
	}
	next := r.persons.by["P2"]
	test.Type(next.entry, "5x")
	if msg := next.msg.Text; !next.msg.Visible() || !strings.Contains(msg, "”x”") {
		t.Fatalf("5x not refused clearly: %q", msg)
	}
	next.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if win.Canvas().Focused() != next.entry || next.entry.Text != "5x" {
		t.Fatal("a refused row lost its text or the focus")
	}
	if reload(t, st, env).RatingOf("P2", "D1") != nil {
		t.Fatal("a bad row was stored")
	}
	// Too short a row is refused on leaving it, and kept.
	next.entry.SetText("543")
	win.Canvas().Focus(r.persons.by["P3"].entry)
	if !strings.Contains(next.msg.Text, "3 pistemäärää") || next.entry.Text != "543" {
		t.Fatalf("short row: %q %q", next.msg.Text, next.entry.Text)
	}
	// The means and the gate show the stored row.
	if r.score.Text == "" || !strings.Contains(r.gate.Text, "läpäisty") {
		t.Fatalf("verdict: %q %q", r.score.Text, r.gate.Text)
	}
	// Clearing a row removes the rating.
	row.entry.SetText("")
	win.Canvas().Focus(row.entry)
	win.Canvas().Focus(r.persons.by["P3"].entry)
	if reload(t, st, env).RatingOf("P1", "D1") != nil {
		t.Fatal("cleared row still stored")
	}
}

func TestRatingWithoutShortlistUsesTopThreeAndFlags(t *testing.T) {
	s := fixture.Nordrahti()
	for i := range s.Drafts {
		s.Drafts[i].Shortlisted = false
	}
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepEvaluation, env).(*evaluation)
	win := showView(t, env, v, 1100, 760)
	v.tabs.SelectIndex(1)
	r := v.rating
	if len(r.ids) != 3 || !r.note.Visible() || !strings.Contains(r.note.Text, "3 eniten täpliä") {
		t.Fatalf("top three: %v %q", r.ids, r.note.Text)
	}
	capture(t, win, "6-rating.png")
	// Two far-apart rows on C3 flag disagreement.
	r.pick.SetSelected(r.labels[2])
	did := r.current
	for pid, row := range map[string]string{"P1": "11111111", "P2": "55555555"} {
		e := r.persons.by[pid].entry
		win.Canvas().Focus(e)
		e.SetText(row)
	}
	if got := reload(t, st, env).RatingOf("P2", did); got == nil || got.Scores[2] != 5 {
		t.Fatalf("row for %s not stored", did)
	}
	if !strings.Contains(r.flags.Text, "C3 (1–5)") {
		t.Fatalf("no disagreement flag: %q", r.flags.Text)
	}
}

func TestRevealTogglesTheProjector(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	showView(t, env, v, 1100, 700)
	test.Tap(v.dots.reveal)
	test.Tap(v.rating.reveal)
	if !env.Room.VotesRevealed() || !env.Room.RatingsRevealed() {
		t.Fatal("reveal toggles did not reach the room")
	}
	env.Room.SetVotesRevealed(false)
	v.Refresh()
	if v.dots.reveal.Checked {
		t.Fatal("toggle does not follow the room")
	}
}

func TestEvaluationOfALargeSession(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	win := showView(t, env, v, 1366, 768)
	capture(t, win, "6-dots-large.png")
	v.dots.table.Select(widget.TableCellID{Row: 39, Col: 29})
	v.tabs.SelectIndex(1)
	capture(t, win, "6-rating-large.png")
	if len(v.rating.persons.ids) != 40 {
		t.Fatalf("%d rating rows", len(v.rating.persons.ids))
	}
	_ = st
}

// A refused dot shows its message without moving the grid under the pointer.
func TestDotRefusalDoesNotMoveTheGrid(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	win := showView(t, env, v, 1100, 700)
	at := func() fyne.Position {
		uitest.Relayout(win.Content())
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(dotCellAt(t, v, 0, 1))
	}
	before := at()
	test.Tap(dotCellAt(t, v, 0, 1)) // Markku has no dots left
	if !v.dots.msg.Visible() {
		t.Fatal("no refusal shown")
	}
	if p := at(); p != before {
		t.Errorf("the cell moved from %v to %v when the refusal showed", before, p)
	}
	test.TapSecondary(dotCellAt(t, v, 0, 0))
	if v.dots.msg.Visible() {
		t.Fatal("the refusal stayed")
	}
	if p := at(); p != before {
		t.Errorf("the cell moved from %v to %v when the refusal went", before, p)
	}
}

// headerWith finds the grid's header label whose text holds part.
func headerWith(t *testing.T, v *evaluation, part string) *widget.Label {
	t.Helper()
	for _, o := range uitest.All(v.dots.table) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, part) {
			return l
		}
	}
	t.Fatalf("no header with %q on screen", part)
	return nil
}

// The grid follows a change made elsewhere (a dot taken back on a phone, a
// participant renamed on the side panel) and updates no cell when a refresh
// (a move back to the step) changes nothing it shows.
func TestDotGridFollowsChangesAndSkipsRefreshesThatChangeNothing(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepEvaluation, env).(*evaluation)
	showView(t, env, v, 1100, 700)
	if l := headerWith(t, v, "Markku Väisänen"); !strings.Contains(l.Text, "kaikki annettu") {
		t.Fatalf("Markku's row: %q", l.Text)
	}
	updates := 0
	update := v.dots.table.UpdateCell
	v.dots.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { updates++; update(id, o) }
	v.Refresh()
	if updates != 0 {
		t.Fatalf("a refresh that changed nothing updated %d cells", updates)
	}

	if err := env.Room.Ed.Edit(func(s *workshop.Session) error {
		s.Participants[0].Name = "Markku V."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if l := headerWith(t, v, "Markku V."); !strings.Contains(l.Text, "kaikki annettu") {
		t.Fatalf("Markku's row after the renaming: %q", l.Text)
	}
	if err := env.Room.Ed.Edit(func(s *workshop.Session) error {
		_, _, err := s.TakeDot("P1", "D1")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if l := headerWith(t, v, "Markku V."); !strings.Contains(l.Text, "1 jäljellä") {
		t.Fatalf("Markku's row after the change: %q", l.Text)
	}
	if c := dotCellAt(t, v, 0, 0); c.Dots() != 1 {
		t.Fatalf("Markku's cell on L1 shows %d dots, want 1", c.Dots())
	}
}
