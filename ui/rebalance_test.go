package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
)

// TestUndoingARebalancingKeepsTheMinutesAddedSince: after a rebalancing is
// accepted, the step the room moved on to (which the plan left alone) and a
// later one that the plan shrank each get +1 min twice; undoing the
// rebalancing (Ctrl+Z, or Undo on the bar) keeps both +2 and puts back the
// other shrunk steps' old timeboxes.
func TestUndoingARebalancingKeepsTheMinutesAddedSince(t *testing.T) {
	for _, how := range []string{"ctrl+z", "bar"} {
		t.Run(how, func(t *testing.T) {
			u, st, _ := newTestUI(t)
			clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
			u.now = clk.now
			id := createSession(t, st, workshop.NewSession("fi"))
			if err := u.open(id); err != nil {
				t.Fatal(err)
			}
			before := load(t, st, id).Agenda
			u.ws.goTo(workshop.StepBaseline)
			press(t, u, fyne.KeyT, ctrl)
			clk.t = clk.t.Add(22 * time.Minute) // planned 10: 12 over
			press(t, u, fyne.KeyRight, ctrl)
			if u.ws.offer == nil || topOverlay(u) == nil {
				t.Fatal("no rebalancing offered after a 12-minute overrun")
			}
			test.Tap(findButton(topOverlay(u), u.tr.T("rebalance.accept")))
			accepted := load(t, st, id).Agenda
			// The room moved on to the next step, whose timer now runs and
			// which the plan therefore left alone; the step after it the plan
			// shrank. Each gets +1 min twice.
			running := u.ws.key
			var order []int // the two steps, in agenda order
			for i, a := range accepted {
				switch {
				case a.Step == running:
					if !a.Running() || a.PlannedMin != before[i].PlannedMin {
						t.Fatalf("%s: running %v, %d → %d min", a.Step, a.Running(), before[i].PlannedMin, a.PlannedMin)
					}
					order = append(order, i)
				case len(order) == 1 && a.PlannedMin < before[i].PlannedMin && a.PlannedMin+2 != before[i].PlannedMin:
					order = append(order, i)
				}
			}
			if len(order) != 2 {
				t.Fatalf("on %q: no later step the plan cut by other than 2 minutes (%v → %v)", running, before, accepted)
			}
			plussed := map[int]bool{}
			for _, i := range order {
				if accepted[i].Step != running {
					u.ws.goTo(accepted[i].Step)
				}
				test.Tap(u.ws.header.plus)
				test.Tap(u.ws.header.plus)
				if got := load(t, st, id).AgendaItem(accepted[i].Step).PlannedMin; got != accepted[i].PlannedMin+2 {
					t.Fatalf("after +1 min twice %s is %d, want %d", accepted[i].Step, got, accepted[i].PlannedMin+2)
				}
				plussed[i] = true
			}
			if !u.ws.undoBar.obj.Visible() || u.ws.undoBar.text.Text != u.tr.T("agenda.rebalanced") {
				t.Fatalf("the undo bar says %q", u.ws.undoBar.text.Text)
			}
			if how == "bar" {
				test.Tap(u.ws.undoBar.btn)
			} else {
				u.win.Canvas().Unfocus()
				press(t, u, fyne.KeyZ, ctrl)
			}
			undone := load(t, st, id).Agenda
			for i := range undone {
				want := before[i].PlannedMin
				if plussed[i] {
					want = accepted[i].PlannedMin + 2
				}
				if undone[i].PlannedMin != want {
					t.Errorf("%s = %d after undo, want %d", undone[i].Step, undone[i].PlannedMin, want)
				}
			}
			if u.ws.undoBar.obj.Visible() {
				t.Error("undo still offered")
			}
		})
	}
}
