package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The large session's 60 actions: each column builds the forms near its
// view, opens at its top, builds the rest as it is scrolled with the wheel,
// and is at its top again when scrolled back.
func TestNextStepsBuildsTheFormsNearTheView(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := window(t, env, v)
	built := 0
	for _, kind := range actionKinds {
		l := v.cols[kind]
		s := uitest.Find(win.Content(), func(s *field.Scroll) bool { return s.Content == l.Rows })
		ids := l.IDs()
		for _, id := range ids {
			if l.Built(id) {
				built++
			}
		}
		if s.Offset.Y != 0 || !l.Built(ids[0]) || l.Rows.Objects[0].Position().Y != 0 {
			t.Fatalf("%s opens at %.0f, its first form built %v", kind, s.Offset.Y, l.Built(ids[0]))
		}
		notch := func(dy float32) { s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)}) }
		for i := 0; i < 300; i++ {
			notch(-25)
		}
		if last := ids[len(ids)-1]; !l.Built(last) || s.Offset.Y+s.Size().Height != s.Content.Size().Height {
			t.Fatalf("%s scrolled to the end (%.0f of %.0f): last form built %v", kind, s.Offset.Y, s.Content.Size().Height, l.Built(last))
		}
		for i := 0; i < 300; i++ {
			notch(25)
		}
		if s.Offset.Y != 0 || l.Rows.Objects[0].Position().Y != 0 {
			t.Fatalf("%s scrolled back is at %.0f", kind, s.Offset.Y)
		}
	}
	if built == 0 || built >= 40 {
		t.Errorf("%d of 60 action forms built on opening, want those near the view", built)
	}
}

func TestActionAddedWithEnterHasItsKindAndIsFlagged(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := showView(t, env, v, 1200, 760)
	capture(t, win, "9-next-steps.png")
	col := v.cols[workshop.ActionMobilise]
	win.Canvas().Focus(col.NewEntry)
	test.Type(col.NewEntry, "Lupaus jokaisen tiimin viikkopalaveriin")
	col.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got := reload(t, st, env)
	a := got.Actions[len(got.Actions)-1]
	if a.Text != "Lupaus jokaisen tiimin viikkopalaveriin" || a.Kind != workshop.ActionMobilise || a.Status != workshop.ActionOpen {
		t.Fatalf("added action: %+v", a)
	}
	if win.Canvas().Focused() != col.NewEntry {
		t.Fatal("focus left the new-action entry")
	}
	if col.IDs()[0] != a.ID {
		t.Fatal("the new action should be on top of its column")
	}
	f := col.form(a.ID)
	if !strings.Contains(f.Mark(), "vastuuhenkilö") || !strings.Contains(f.Mark(), "määräpäivä") {
		t.Fatalf("not flagged: %q", f.Mark())
	}
	if !strings.Contains(v.summary.Text, "1 ilman vastuuhenkilöä") {
		t.Fatalf("summary: %q", v.summary.Text)
	}
	typeInto(win, formText(t, f, 2), "29.1.2027")
	if got := reload(t, st, env).Action(a.ID); got.Due != "2027-01-29" {
		t.Fatalf("due: %q", got.Due)
	}
	if strings.Contains(f.Mark(), "määräpäivä") || !strings.Contains(f.Mark(), "vastuuhenkilö") {
		t.Fatalf("mark after the date: %q", f.Mark())
	}
	typeInto(win, formText(t, f, 1), "Niina Rantanen")
	f.Fields[5].(*measurePick).sel.SetSelected(f.Fields[5].(*measurePick).sel.Options[2])
	got2 := reload(t, st, env).Action(a.ID)
	if got2.OwnerID != "P4" || got2.MeasureID != "M2" {
		t.Fatalf("owner and measure: %+v", got2)
	}
	if f.Mark() != "" {
		t.Fatalf("still flagged: %q", f.Mark())
	}
	// A status chosen in the workshop is dated the workshop's day.
	status := f.Fields[4].(*field.Choice)
	status.Select.SetSelected(workshop.Label(workshop.ActionStatusLabels, workshop.ActionInProgress, "fi"))
	if got := reload(t, st, env); got.Action(a.ID).Status != workshop.ActionInProgress || got.Action(a.ID).StatusDate != got.Date || got.Date == "" {
		t.Fatalf("status: %+v (session date %q)", got.Action(a.ID), got.Date)
	}
	// The other columns add their own kind.
	act := v.cols[workshop.ActionAct]
	win.Canvas().Focus(act.NewEntry)
	test.Type(act.NewEntry, "Soitan huomenna kolmelle asiakkaalle")
	act.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got = reload(t, st, env)
	if last := got.Actions[len(got.Actions)-1]; last.Kind != workshop.ActionAct {
		t.Fatalf("act column added %+v", last)
	}
	capture(t, win, "9-next-steps-flagged.png")
}

func TestActionDeleteAndUndo(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	showView(t, env, v, 1200, 760)
	test.Tap(v.cols[workshop.ActionUnderstand].form("A1").delete)
	if reload(t, st, env).Action("A1") != nil {
		t.Fatal("not deleted")
	}
	if !undo(t, env) {
		t.Fatal("nothing to undo")
	}
	a := reload(t, st, env).Action("A1")
	if a == nil || a.Kind != workshop.ActionUnderstand || a.OwnerID != "P2" || a.Due != "2027-01-29" {
		t.Fatalf("undo: %+v", a)
	}
	if undo(t, env) {
		t.Fatal("undo twice")
	}
}

func TestNextStepsOfALargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := showView(t, env, v, 1366, 768)
	n := 0
	for _, c := range v.cols {
		n += len(c.IDs())
	}
	if n != 60 {
		t.Fatalf("%d actions shown", n)
	}
	capture(t, win, "9-next-steps-large.png")
}

// Steps 6–9 open on a session with nothing in it yet, and say what to do
// instead of showing empty grids.
func TestDecideStepsOnAnEmptySession(t *testing.T) {
	_, env, _ := stepEnv(t, workshop.NewSession("fi"))
	for _, key := range []string{workshop.StepEvaluation, workshop.StepDecision, workshop.StepMeasures, workshop.StepNextSteps} {
		v := New(key, env)
		if v == nil {
			t.Fatalf("no view for %s", key)
		}
		showView(t, env, v, 1000, 700)
		v.Refresh()
	}
	ev := New(workshop.StepEvaluation, env).(*evaluation)
	showView(t, env, ev, 1000, 700)
	ev.dots.give(0, 0) // nobody to give a dot: nothing happens
	if !ev.rating.note.Visible() || !strings.Contains(ev.rating.note.Text, "Arvioitavia luonnoksia ei vielä ole") {
		t.Fatalf("rating note: %q", ev.rating.note.Text)
	}
	m := New(workshop.StepMeasures, env).(*measures)
	showView(t, env, m, 1000, 700)
	if !strings.Contains(m.hints.Text, "asiakkaan kokema") || !strings.Contains(m.hints.Text, "operatiivinen") {
		t.Fatalf("hints: %q", m.hints.Text)
	}
}

// An action card keeps its height as its "missing:" warning gets shorter
// and goes away, so the next click lands where it was aimed.
func TestActionCardKeepsItsHeightAsItsWarningShortens(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := showView(t, env, v, 1000, 760) // the columns of a 1366 px window
	col := v.cols[workshop.ActionMobilise]
	win.Canvas().Focus(col.NewEntry)
	test.Type(col.NewEntry, "Lupaus jokaisen tiimin viikkopalaveriin")
	col.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	id := col.IDs()[0]
	f := col.form(id)
	height := func() float32 { uitest.Relayout(win.Content()); return f.obj.Size().Height }
	before := height()
	if !strings.Contains(f.Mark(), "vastuuhenkilö") || !strings.Contains(f.Mark(), "määräpäivä") {
		t.Fatalf("not flagged: %q", f.Mark())
	}
	typeInto(win, formText(t, f, 2), "29.1.2027")
	if strings.Contains(f.Mark(), "määräpäivä") {
		t.Fatalf("mark after the date: %q", f.Mark())
	}
	if h := height(); h != before {
		t.Errorf("the card went from %.0f to %.0f px when its warning got shorter", before, h)
	}
	typeInto(win, formText(t, f, 1), "Niina Rantanen")
	if f.Mark() != "" {
		t.Fatalf("still flagged: %q", f.Mark())
	}
	if h := height(); h != before {
		t.Errorf("the card went from %.0f to %.0f px when its warning went", before, h)
	}
}

// largeColumn shows step 9 of the large session and returns its first
// column (20 actions) with the column's scroll.
func largeColumn(t *testing.T) (fyne.Window, *itemList, *field.Scroll) {
	t.Helper()
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := window(t, env, v)
	l := v.cols[workshop.ActionUnderstand]
	return win, l, uitest.Find(win.Content(), func(s *field.Scroll) bool { return s.Content == l.Rows })
}

// focusables are the objects under o that take the keyboard focus, in Tab's order.
func focusables(o fyne.CanvasObject) (out []fyne.Focusable) {
	uitest.Walk(o, func(x fyne.CanvasObject) {
		if f, ok := x.(fyne.Focusable); ok {
			out = append(out, f)
		}
	})
	return out
}

// holdsFocus tells whether the focused object of the window is under o.
func holdsFocus(win fyne.Window, o fyne.CanvasObject) bool {
	in := false
	if f, ok := win.Canvas().Focused().(fyne.CanvasObject); ok {
		uitest.Walk(o, func(x fyne.CanvasObject) { in = in || x == f })
	}
	return in
}

// Tab goes through every form of a column, the page scrolling to the field
// that has the focus and building the forms that come into view.
func TestTabReachesEveryActionForm(t *testing.T) {
	win, l, s := largeColumn(t)
	ids := l.IDs()
	last := ids[len(ids)-1]
	if l.Built(last) {
		t.Fatal("the column's last form is built before it is near the view")
	}
	win.Canvas().Focus(focusables(l.Rows)[0])
	inLast := false
	for i := 0; i < 1000 && !inLast; i++ {
		win.Canvas().FocusNext()
		inLast = l.Built(last) && holdsFocus(win, l.form(last).Object())
	}
	if !inLast {
		t.Fatalf("Tab from the first form never reached the last (built %v, the column scrolled to %.0f)", l.Built(last), s.Offset.Y)
	}
	if s.Offset.Y+s.Size().Height < l.Rows.Objects[len(ids)-1].Position().Y {
		t.Errorf("the focus is in the last form but the column shows %.0f–%.0f", s.Offset.Y, s.Offset.Y+s.Size().Height)
	}
}

// Shift+Tab from the last form of a column scrolled to its end goes back
// through every form to the first, building them on the way up.
func TestShiftTabReachesTheFirstActionForm(t *testing.T) {
	win, l, s := largeColumn(t)
	ids := l.IDs()
	s.ScrollToBottom()
	if l.Built(ids[len(ids)/2]) {
		t.Fatal("scrolled to the end, the middle form is built")
	}
	inLast := focusables(l.form(ids[len(ids)-1]).Object())
	win.Canvas().Focus(inLast[len(inLast)-1])
	inFirst := false
	for i := 0; i < 1000 && !inFirst; i++ {
		win.Canvas().FocusPrevious()
		inFirst = l.Built(ids[0]) && holdsFocus(win, l.form(ids[0]).Object())
	}
	if !inFirst {
		t.Fatalf("Shift+Tab from the last form never reached the first (the column at %.0f)", s.Offset.Y)
	}
}

// Adding an action leaves every column's new entry where it was, at its
// size (the list's own box, which step 9 does not show, used to lay the
// entry out at no size).
func TestNewActionEntriesStayAfterAnAdd(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepNextSteps, env).(*nextSteps)
	win := window(t, env, v)
	type place struct{ pos, size fyne.Size }
	where := func() map[string]place {
		out := map[string]place{}
		for kind, l := range v.cols {
			p := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.EntryRow)
			out[kind] = place{fyne.NewSize(p.X, p.Y), l.EntryRow.Size()}
		}
		return out
	}
	before := where()
	l := v.cols[workshop.ActionUnderstand]
	l.NewEntry.SetText("Selvitetään, mitä asiakas odottaa")
	l.Add()
	win.Canvas().Refresh(win.Content())
	for kind, p := range where() {
		if p != before[kind] || p.size.Width == 0 {
			t.Errorf("%s: the new entry moved from %v to %v", kind, before[kind], p)
		}
	}
}
