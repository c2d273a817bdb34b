package ui

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// openExample opens the example workshop in a 1366×768 window.
func openExample(t *testing.T) (*UI, int64) {
	t.Helper()
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u, id
}

// The break page's message takes the page's width: a wrapping label in a
// centre layout used to shrink to a column about 80 px wide.
func TestBreakPageMessageUsesThePageWidth(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepBreak)
	uitest.Relayout(u.win.Content())
	msg := uitest.Find[*widget.Label](u.win.Content(), func(l *widget.Label) bool {
		return strings.HasPrefix(l.Text, "Tauko 10 min")
	})
	if msg == nil {
		t.Fatal("no break message on the break page")
	}
	if w := msg.Size().Width; w < 500 {
		t.Errorf("the break message is %.0f px wide, want the page's width (at least 500 px)", w)
	}
}

// shownText is every text drawn in the window now, one a line.
func shownText(u *UI) string {
	uitest.Relayout(u.win.Content())
	var b strings.Builder
	uitest.WalkShown(u.win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
		if t, ok := o.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// A "%" measure's baseline and target carry their unit in the summary and
// next to their fields in step 8, and the unit follows the scale typed.
func TestMeasureValuesShowTheirUnit(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepSummary)
	if txt := shownText(u); !strings.Contains(txt, "41 %") || !strings.Contains(txt, "85 %") {
		t.Errorf("the summary shows the %% measure without its unit:\n%s", txt)
	}
	u.ws.goTo(workshop.StepMeasures)
	// The last measure's form is built as the page is scrolled to it.
	uitest.Find(u.win.Content(), func(s *field.Scroll) bool { return s.Visible() }).ScrollToBottom()
	units := map[string]int{}
	for _, o := range uitest.All(u.win.Content()) {
		if l, ok := o.(*widget.Label); ok && (l.Text == "%" || l.Text == "(1-7)" || l.Text == "(-100…+100)") {
			units[l.Text]++
		}
	}
	for _, want := range []string{"%", "(1-7)", "(-100…+100)"} {
		if units[want] != 2 {
			t.Errorf("step 8 shows the unit %q next to %d fields, want the baseline's and the target's", want, units[want])
		}
	}
}

// focused reports whether the test driver's window has the keyboard focus
// (the driver keeps it unexported; the GLFW driver asks the system).
func focused(w fyne.Window) bool {
	return reflect.ValueOf(w).Elem().FieldByName("focused").Bool()
}

// Opening the projector leaves the focus in the facilitator's window, and
// Ctrl+→ / Ctrl+← typed in the projector's window move the steps, and the
// presentation's pages while it is on.
func TestProjectorWindowTakesTheKeysButNotTheFocus(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepDrafts)
	openProjector(t, u)
	var pw fyne.Window
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w != u.win {
			pw = w
		}
	}
	if pw == nil {
		t.Fatal("no projector window")
	}
	if !focused(u.win) || focused(pw) {
		t.Errorf("after opening the projector the focus is in the projector's window (main %v, projector %v)", focused(u.win), focused(pw))
	}
	typed := func(key fyne.KeyName, mod fyne.KeyModifier) {
		// The test canvas wraps the software canvas, which dispatches
		// shortcuts as the GLFW canvas does.
		c := reflect.ValueOf(pw.Canvas()).Elem().FieldByName("WindowlessCanvas").Interface()
		c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
	}
	typed(fyne.KeyRight, ctrl)
	if u.ws.key != workshop.StepEvaluation {
		t.Fatalf("Ctrl+→ in the projector's window left the step at %q", u.ws.key)
	}
	typed(fyne.KeyLeft, ctrl)
	if u.ws.key != workshop.StepDrafts {
		t.Fatalf("Ctrl+← in the projector's window left the step at %q", u.ws.key)
	}
	typed(fyne.KeyP, ctrl|fyne.KeyModifierShift)
	if on, page := u.ws.room.Presenting(); !on || page != 0 {
		t.Fatalf("Ctrl+Shift+P in the projector's window: presenting %v at page %d", on, page)
	}
	typed(fyne.KeyRight, ctrl)
	if _, page := u.ws.room.Presenting(); page != 1 || u.ws.key != workshop.StepDrafts {
		t.Errorf("Ctrl+→ during the presentation: page %d, step %q", page, u.ws.key)
	}
	typed(fyne.KeyB, ctrl)
	if !u.ws.room.Hidden() {
		t.Error("Ctrl+B in the projector's window did not blank it")
	}
}

// exampleWith opens the example workshop changed by change first.
func exampleWith(t *testing.T, change func(s *workshop.Session)) *UI {
	t.Helper()
	u, lib, _ := newTestUI(t)
	s := fixture.Nordrahti()
	change(s)
	id := createSession(t, lib, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u
}

// box is an object's place in the window.
type box struct{ x, y, w, h float32 }

func placeOf(u *UI, target fyne.CanvasObject) (b box, ok bool) {
	uitest.WalkShown(u.win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, pos fyne.Position) {
		if o == target {
			b, ok = box{pos.X, pos.Y, o.Size().Width, o.Size().Height}, true
		}
	})
	return
}

// tableLike is a widget.Table or a widget that embeds one.
type tableLike interface {
	fyne.CanvasObject
	SetColumnWidth(int, float32)
}

// Dot voting at 1366×768: every draft's column is on screen, beside or
// above the totals and never under them, without scrolling sideways, for
// three drafts and for eight.
func TestDotVotingShowsEveryDraftAt1366(t *testing.T) {
	for _, n := range []int{3, 5, 8} {
		u := exampleWith(t, func(s *workshop.Session) {
			for i := 0; len(s.Drafts) < n; i++ {
				s.Drafts = append(s.Drafts, workshop.Draft{ID: "DX" + string(rune('1'+i)), Text: "Lisäluonnos numero " + string(rune('1'+i)), Version: 1})
			}
			s.Drafts = s.Drafts[:n]
		})
		u.ws.goTo(workshop.StepEvaluation)
		uitest.Relayout(u.win.Content())
		if dir := os.Getenv("SCREENSHOTS"); dir != "" {
			capture(t, u.win, dir, fmt.Sprintf("dots-%d", n))
		}
		table := uitest.Find[tableLike](u.win.Content(), nil)
		chart := uitest.Find[*charts.Bars](u.win.Content(), nil)
		if table == nil || chart == nil {
			t.Fatal("no vote grid or totals chart in step 6")
		}
		tb, _ := placeOf(u, table)
		cb, _ := placeOf(u, chart)
		if cb.x < tb.x+tb.w-1 && cb.y < tb.y+tb.h-1 {
			t.Errorf("%d drafts: the totals (%v) lie over the grid (%v)", n, cb, tb)
		}
		for i := 1; i <= n; i++ {
			head := "L" + string(rune('0'+i)) + " · "
			var found bool
			uitest.WalkShown(table, fyne.NewPos(tb.x, tb.y), func(o fyne.CanvasObject, pos fyne.Position) {
				if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, head) {
					pos = pos.Subtract(table.Position())
					if pos.X >= tb.x-1 && pos.X+l.Size().Width <= tb.x+tb.w+1 {
						found = true
					}
				}
			})
			if !found {
				t.Errorf("%d drafts: the column %q is not whole on screen", n, head)
			}
		}
	}
}

// TestLookAtSteps renders steps 3, 6 and 9 of the example at 1366×768:
// SCREENSHOTS=dir go test -tags ci -run TestLookAtSteps ./ui
func TestLookAtSteps(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("SCREENSHOTS not set")
	}
	u, _ := openExample(t)
	for _, k := range []string{workshop.StepProfile, workshop.StepEvaluation, workshop.StepNextSteps} {
		u.ws.goTo(k)
		uitest.Relayout(u.win.Content())
		capture(t, u.win, dir, "look-"+k)
	}
}

// At 1366×768 a step that has run shows its questions in one line or two of
// ordinary text, so that the inputs get the height; a step not started yet
// shows them large, as the projector always does.
func TestQuestionsCompactOnceTheStepRuns(t *testing.T) {
	u := exampleWith(t, func(s *workshop.Session) {
		a := s.AgendaItem(workshop.StepMeasures)
		a.UsedSec, a.RunningSince = 0, ""
	})
	for _, k := range []string{workshop.StepProfile, workshop.StepEvaluation, workshop.StepNextSteps} {
		u.ws.goTo(k)
		uitest.Relayout(u.win.Content())
		p := u.ws.page.(*stepPage)
		b, _ := placeOf(u, p.questions[0])
		if !p.compact || b.h > 0.12*768 {
			t.Errorf("%s: the questions take %.0f px (compact %v), want at most 12 %% of the height", k, b.h, p.compact)
		}
	}
	u.ws.goTo(workshop.StepMeasures)
	if p := u.ws.page.(*stepPage); p.compact || p.questions[0].SizeName != sizeQuestion {
		t.Errorf("a step not started shows its questions small")
	}
	u.ws.toggleTimer()
	if p := u.ws.page.(*stepPage); !p.compact {
		t.Errorf("starting the timer left the questions large")
	}
}

// entryLike is a widget.Entry or a widget that embeds one.
type entryLike interface {
	fyne.CanvasObject
	fyne.Focusable
	SetText(string)
}

// A date typed wrong in a field near the bottom of step 8 is refused with a
// message next to the field, and the page scrolls so that the message shows.
func TestInvalidDateMessageIsScrolledIntoView(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepMeasures)
	uitest.Relayout(u.win.Content())
	var dates []entryLike
	for _, o := range uitest.All(u.win.Content()) {
		if e, ok := o.(entryLike); ok {
			if f := reflect.ValueOf(o).Elem().FieldByName("PlaceHolder"); f.IsValid() && f.String() == "pp.kk.vvvv" {
				dates = append(dates, e)
			}
		}
	}
	if len(dates) < 2 {
		t.Fatalf("%d date fields in step 8", len(dates))
	}
	last := dates[len(dates)-1]
	u.win.Canvas().Focus(last)
	last.SetText("31.13.2027")
	// Tab out of the field saves it, or refuses it. (Focusing a field far
	// up the page instead shows that field: the page scrolls to the focus.)
	u.win.Canvas().FocusNext()
	uitest.Relayout(u.win.Content())
	msg := uitest.Find[*widget.Label](u.win.Content(), func(l *widget.Label) bool {
		return strings.Contains(l.Text, "ei ole päivämäärä") && l.Visible()
	})
	if msg == nil {
		t.Fatal("no message for the invalid date")
	}
	b, ok := placeOf(u, msg)
	if !ok {
		t.Fatal("the message is not shown")
	}
	if b.y < 0 || b.y+b.h > 768-40 { // above the page's buttons
		t.Errorf("the date's message is at y %.0f–%.0f, outside the window's view", b.y, b.y+b.h)
	}
}

// While a step runs over, the step list's foot says that Next offers to
// shorten the remaining steps, and that the offer waits for a whole minute
// over; the note is shown whole, not cut at the window's bottom.
func TestOverrunSaysWhenTheRebalancingComes(t *testing.T) {
	u, lib, _ := newTestUI(t)
	fresh := workshop.NewSession("fi")
	fresh.Title, fresh.Organisation = "Työpaja", "Kahvila Åbo"
	id := createSession(t, lib, fresh)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	clk := &fakeClock{t: time.Date(2027, 1, 15, 9, 0, 0, 0, time.Local)}
	u.now = clk.now
	u.ws.goTo(workshop.StepProfile)
	u.ws.toggleTimer()
	planned := time.Duration(load(t, lib, id).AgendaItem(workshop.StepProfile).PlannedMin) * time.Minute
	note := u.ws.nav.over
	whole := func(what string) {
		t.Helper()
		uitest.Relayout(u.win.Content())
		b, ok := placeOf(u, note)
		if !ok {
			t.Fatalf("%s: no note in the step list", what)
		}
		if b.y+b.h > 768 || b.h+0.5 < note.MinSize().Height {
			t.Errorf("%s: the note is cut (%.0f px tall of %.0f, bottom at %.0f)", what, b.h, note.MinSize().Height, b.y+b.h)
		}
	}
	clk.t = clk.t.Add(planned - time.Second)
	u.ws.tick()
	if note.Visible() {
		t.Errorf("a note before the step ran over: %q", note.Text)
	}
	clk.t = clk.t.Add(31 * time.Second)
	u.ws.tick()
	if !note.Visible() || !strings.Contains(note.Text, "täysi minuutti") {
		t.Fatalf("30 s over: the note is %q", note.Text)
	}
	whole("30 s over")
	clk.t = clk.t.Add(60 * time.Second)
	u.ws.tick()
	if !strings.Contains(note.Text, "Seuraava tarjoaa") || strings.Contains(note.Text, "täysi minuutti") {
		t.Fatalf("90 s over: the note is %q", note.Text)
	}
	whole("90 s over")
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "over-note")
	}
	u.ws.next()
	if u.ws.offer == nil {
		t.Error("Next did not offer the rebalancing the note promised")
	}
}

// At 1366×768 the step list shows every step's whole name, a participant's
// name and role wrap rather than end in "…", and step 9's new-action fields
// show their whole placeholder.
func TestNamesAndPlaceholdersAreNotCut(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepNextSteps)
	uitest.Relayout(u.win.Content())
	txt := shownText(u)
	for _, st := range workshop.Steps {
		name := pageTitle(st.Key, "fi")
		l := uitest.Find[*widget.Label](u.ws.nav.Object(), func(l *widget.Label) bool { return l.Text == name })
		if l == nil {
			t.Errorf("no row %q in the step list", name)
			continue
		}
		need := fyne.MeasureText(name, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
		if l.Size().Width < need {
			t.Errorf("the step list cuts %q: %.0f px of %.0f", name, l.Size().Width, need)
		}
	}
	for _, want := range []string{"Hanna Koskinen · asiakasrajapinta", "Timo Laaksonen · asiakas, asiakasrajapinta"} {
		if !strings.Contains(strings.Join(strings.Fields(txt), " "), want) {
			t.Errorf("the side panel does not show %q whole", want)
		}
	}
	ph := u.tr.T("actions.new")
	n := 0
	for _, o := range uitest.All(u.win.Content()) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == ph {
			n++
			need := fyne.MeasureText(ph, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
			if e.Size().Width < need {
				t.Errorf("the placeholder %q needs %.0f px, its field is %.0f", ph, need, e.Size().Width)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d new-action fields, want 3", n)
	}
}
