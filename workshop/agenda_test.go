package workshop

import (
	"errors"
	"testing"
	"time"
)

var t0 = time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)

func TestTimerStartPauseResetAddMinute(t *testing.T) {
	a := AgendaItem{Step: StepDrafts, PlannedMin: 20}
	if a.Running() || a.Used(t0) != 0 || a.Left(t0) != 20*time.Minute {
		t.Fatalf("fresh item: running %v used %v left %v", a.Running(), a.Used(t0), a.Left(t0))
	}
	a.Start(t0)
	if !a.Running() || a.StartedAt == "" {
		t.Fatalf("after start: running %v started %q", a.Running(), a.StartedAt)
	}
	if got := a.Used(t0.Add(90 * time.Second)); got != 90*time.Second {
		t.Errorf("used after 90 s = %v", got)
	}
	a.Pause(t0.Add(5 * time.Minute))
	if a.Running() || a.UsedSec != 300 {
		t.Fatalf("after pause: running %v used %d s", a.Running(), a.UsedSec)
	}
	// Paused time does not count.
	if got := a.Left(t0.Add(time.Hour)); got != 15*time.Minute {
		t.Errorf("left while paused = %v, want 15m", got)
	}
	started := a.StartedAt
	a.Toggle(t0.Add(10 * time.Minute))
	if !a.Running() || a.StartedAt != started {
		t.Fatalf("toggle should restart and keep the first start: running %v, %q vs %q", a.Running(), a.StartedAt, started)
	}
	if got := a.Used(t0.Add(11 * time.Minute)); got != 6*time.Minute {
		t.Errorf("used after restart = %v, want 6m", got)
	}
	a.AddMinute()
	if a.PlannedMin != 21 {
		t.Errorf("planned after +1 = %d", a.PlannedMin)
	}
	if got := a.Over(t0.Add(40 * time.Minute)); got != 14*time.Minute {
		t.Errorf("over = %v, want 14m (5 + 30 used of 21)", got)
	}
	a.Reset()
	if a.Running() || a.UsedSec != 0 || a.PlannedMin != 21 {
		t.Errorf("after reset: %+v", a)
	}
	a.Start(t0)
	a.Finish(t0.Add(2 * time.Minute))
	if !a.Done || a.Running() || a.UsedSec != 120 || a.EndedAt == "" {
		t.Errorf("after finish: %+v", a)
	}
}

func TestStartTwiceKeepsRunningSince(t *testing.T) {
	a := AgendaItem{PlannedMin: 5}
	a.Start(t0)
	a.Start(t0.Add(time.Minute))
	if got := a.Used(t0.Add(2 * time.Minute)); got != 2*time.Minute {
		t.Errorf("used = %v; a second start must not restart the count", got)
	}
}

func agenda3h() []AgendaItem { return PresetAgenda("3h") }

func total(a []AgendaItem) int { return PlannedTotal(a) }

func TestRebalanceShrinksRemainingProportionally(t *testing.T) {
	ag := agenda3h()
	// Steps 1–3 done on time; the value map (15 min) ran 25 min.
	for i := 0; i < 3; i++ {
		ag[i].Done = true
		ag[i].UsedSec = ag[i].PlannedMin * 60
	}
	vm := &ag[3]
	vm.UsedSec = 25 * 60
	r, ok := Rebalance(ag, StepValueMap, t0)
	if !ok {
		t.Fatal("no rebalancing offered for a 10-minute overrun")
	}
	if r.OverMin != 10 || r.Short != 0 {
		t.Errorf("over %d short %d, want 10 and 0", r.OverMin, r.Short)
	}
	// The workshop still ends on time: what the overrun took, the rest gave.
	if got, want := total(r.New), total(ag)-10; got != want {
		t.Errorf("new total %d, want %d", got, want)
	}
	for i, a := range r.New {
		o := r.Old[i]
		switch {
		case i <= 3 || a.Step == StepBreak:
			if a.PlannedMin != o.PlannedMin {
				t.Errorf("%s changed %d → %d; done, current and break must stay", a.Step, o.PlannedMin, a.PlannedMin)
			}
		default:
			if a.PlannedMin >= o.PlannedMin || a.PlannedMin < MinTimeboxMin {
				t.Errorf("%s %d → %d: want shorter, at least %d", a.Step, o.PlannedMin, a.PlannedMin, MinTimeboxMin)
			}
		}
	}
	// Proportional: the 20-minute steps lose about 20/95 of 10 each.
	for _, i := range []int{5, 6, 8, 9} {
		if got := r.New[i].PlannedMin; got != 18 && got != 17 {
			t.Errorf("%s: %d, want 17 or 18", r.New[i].Step, got)
		}
	}
	if len(r.Changed()) != 5 {
		t.Errorf("changed %v, want the five steps after the break", r.Changed())
	}
	// The input agenda is untouched, so the caller can show old → new.
	if ag[5].PlannedMin != 20 {
		t.Error("Rebalance changed its input")
	}
}

func TestRebalanceFloorAndShort(t *testing.T) {
	ag := []AgendaItem{
		{Step: StepDrafts, PlannedMin: 10, UsedSec: 40 * 60},
		{Step: StepEvaluation, PlannedMin: 5},
		{Step: StepDecision, PlannedMin: 2}, // already below the floor: kept
		{Step: StepMeasures, PlannedMin: 8},
	}
	r, ok := Rebalance(ag, StepDrafts, t0)
	if !ok {
		t.Fatal("no plan")
	}
	want := []int{10, 3, 2, 3}
	for i, w := range want {
		if r.New[i].PlannedMin != w {
			t.Errorf("%s = %d, want %d", r.New[i].Step, r.New[i].PlannedMin, w)
		}
	}
	if r.Short != 30-7 {
		t.Errorf("short = %d, want 23", r.Short)
	}
}

func TestRebalanceNothingToDo(t *testing.T) {
	ag := agenda3h()
	ag[0].UsedSec = 10*60 + 50 // 50 s over: not a whole minute
	if _, ok := Rebalance(ag, StepBaseline, t0); ok {
		t.Error("rebalancing offered for less than a minute over")
	}
	ag[0].UsedSec = 20 * 60
	for i := 1; i < len(ag); i++ {
		ag[i].Done = true
	}
	if _, ok := Rebalance(ag, StepBaseline, t0); ok {
		t.Error("rebalancing offered with nothing left to shrink")
	}
	if _, ok := Rebalance(ag, "nope", t0); ok {
		t.Error("rebalancing offered for a step not in the agenda")
	}
}

func TestRebalanceSkipsSkippedAndRunningCounts(t *testing.T) {
	ag := []AgendaItem{
		{Step: StepDrafts, PlannedMin: 10},
		{Step: StepEvaluation, PlannedMin: 20, Skipped: true},
		{Step: StepDecision, PlannedMin: 20},
	}
	ag[0].Start(t0)
	r, ok := Rebalance(ag, StepDrafts, t0.Add(14*time.Minute+30*time.Second))
	if !ok {
		t.Fatal("no plan while the timer runs over")
	}
	if r.OverMin != 4 || r.New[1].PlannedMin != 20 || r.New[2].PlannedMin != 16 {
		t.Errorf("plan %+v", r.New)
	}
}

func TestUndoingARebalancingPutsBackItsTimeboxes(t *testing.T) {
	ag := agenda3h()
	ag[0].UsedSec = 30 * 60
	r, ok := Rebalance(ag, StepBaseline, t0)
	if !ok {
		t.Fatal("no plan")
	}
	cur := append([]AgendaItem(nil), ag...)
	r.Apply(cur)
	for i := range cur {
		if cur[i].PlannedMin != r.New[i].PlannedMin {
			t.Errorf("%s = %d after accepting, want %d", cur[i].Step, cur[i].PlannedMin, r.New[i].PlannedMin)
		}
	}
	cur[1].UsedSec = 99 // a timer ran after accepting
	r.Undo(cur)
	for i := range cur {
		if cur[i].PlannedMin != ag[i].PlannedMin {
			t.Errorf("%s = %d after undo, want %d", cur[i].Step, cur[i].PlannedMin, ag[i].PlannedMin)
		}
	}
	if cur[1].UsedSec != 99 {
		t.Error("undo lost the timer's time")
	}
}

// TestUndoingARebalancingKeepsLaterChanges: a timebox changed after the
// plan was accepted keeps that change when the plan is undone, whether the
// plan had changed that step (+1 min twice on a shrunk step) or not (the
// break, which the plan keeps whole, lengthened in setup); the other steps
// the plan shrank get their old timeboxes back.
func TestUndoingARebalancingKeepsLaterChanges(t *testing.T) {
	ag := agenda3h()
	ag[0].UsedSec = 30 * 60
	r, ok := Rebalance(ag, StepBaseline, t0)
	if !ok {
		t.Fatal("no plan")
	}
	changed := r.Changed()
	if len(changed) < 2 {
		t.Fatalf("the plan changes %v; the test needs two steps", changed)
	}
	// +2 on a step the plan cut by other than 2, so that the later value
	// is not also the old one.
	plussed := -1
	for _, i := range changed {
		if r.Old[i].PlannedMin-r.New[i].PlannedMin != 2 {
			plussed = i
			break
		}
	}
	if plussed < 0 {
		t.Fatalf("the plan cuts every step by 2: %v", changed)
	}
	brk := -1
	for i, a := range ag {
		if a.Step == StepBreak {
			brk = i
		}
	}
	if brk < 0 || r.New[brk].PlannedMin != ag[brk].PlannedMin {
		t.Fatalf("the plan changed the break (%d)", brk)
	}
	cur := append([]AgendaItem(nil), ag...)
	r.Apply(cur)
	cur[plussed].PlannedMin += 2
	cur[brk].PlannedMin += 5
	r.Undo(cur)
	if got, want := cur[plussed].PlannedMin, r.New[plussed].PlannedMin+2; got != want {
		t.Errorf("%s = %d after undo, want the later %d", cur[plussed].Step, got, want)
	}
	if got, want := cur[brk].PlannedMin, ag[brk].PlannedMin+5; got != want {
		t.Errorf("the break = %d after undo, want the later %d", got, want)
	}
	for _, i := range changed {
		if i != plussed && cur[i].PlannedMin != ag[i].PlannedMin {
			t.Errorf("%s = %d after undo, want %d", cur[i].Step, cur[i].PlannedMin, ag[i].PlannedMin)
		}
	}
	// Undoing again (an entry left on the stack) changes nothing more.
	again := append([]AgendaItem(nil), cur...)
	r.Undo(again)
	for i := range again {
		if again[i].PlannedMin != cur[i].PlannedMin {
			t.Errorf("a second undo moved %s from %d to %d", again[i].Step, cur[i].PlannedMin, again[i].PlannedMin)
		}
	}
}

func TestShrinkAddsUpExactly(t *testing.T) {
	for cut := 0; cut <= 60; cut++ {
		old := []int{7, 13, 20, 11, 3, 30}
		floor := make([]int, len(old))
		sum := 0
		for i, o := range old {
			floor[i] = min(o, MinTimeboxMin)
			sum += o
		}
		nw, short := shrink(old, floor, cut)
		got := 0
		for i, n := range nw {
			got += n
			if n < floor[i] || n > old[i] {
				t.Fatalf("cut %d: item %d = %d outside [%d, %d]", cut, i, n, floor[i], old[i])
			}
		}
		if got != sum-cut+short {
			t.Fatalf("cut %d: sum %d, want %d (short %d)", cut, got, sum-cut+short, short)
		}
	}
}

func TestExpectedEnd(t *testing.T) {
	s := NewSession("fi")
	s.Date, s.StartTime = "2026-12-03", "09:00"
	end, ok := s.ExpectedEnd(t0)
	if !ok || end.Format("15:04") != "11:55" {
		t.Errorf("planned end %v %v, want 11:55 (175 min)", end.Format("15:04"), ok)
	}
	s.Agenda[0].Start(t0)
	now := t0.Add(4 * time.Minute)
	end, ok = s.ExpectedEnd(now)
	if !ok || end.Sub(now) != 171*time.Minute {
		t.Errorf("expected end in %v, want 171m", end.Sub(now))
	}
	s2 := NewSession("fi")
	s2.StartTime = ""
	if _, ok := s2.ExpectedEnd(t0); ok {
		t.Error("end known without a start time")
	}
}

func TestRebalanceLeavesEarlierStepsAlone(t *testing.T) {
	ag := agenda3h()
	// The room jumped from the setup straight to the customer profile.
	ag[2].UsedSec = 40 * 60
	r, ok := Rebalance(ag, StepProfile, t0)
	if !ok {
		t.Fatal("no plan")
	}
	for i := 0; i < 2; i++ {
		if r.New[i].PlannedMin != ag[i].PlannedMin {
			t.Errorf("%s (before the overrun) changed %d → %d", ag[i].Step, ag[i].PlannedMin, r.New[i].PlannedMin)
		}
	}
	if got, want := PlannedTotal(r.New), PlannedTotal(ag)-10; got != want {
		t.Errorf("total %d, want %d", got, want)
	}
}

// A timebox is set within 0 to MaxPlannedMin minutes, and the header's "+1
// min" stops there, so the agenda always stays one that validates.
func TestTimeboxStaysWithinItsLimits(t *testing.T) {
	s := NewSession("fi")
	step := s.Agenda[0].Step
	for _, bad := range []int{-1, MaxPlannedMin + 1} {
		before := s.Agenda[0].PlannedMin
		var ie *InputError
		if err := s.SetPlanned(step, bad); !errors.As(err, &ie) || ie.Problem != ProblemInvalid || s.Agenda[0].PlannedMin != before {
			t.Errorf("%d minutes: %v, planned %d", bad, err, s.Agenda[0].PlannedMin)
		}
	}
	if err := s.SetPlanned("no-such-step", 5); err == nil {
		t.Error("a timebox for a step not in the agenda")
	}
	if err := s.SetPlanned(step, MaxPlannedMin); err != nil {
		t.Fatal(err)
	}
	s.Agenda[0].AddMinute()
	if s.Agenda[0].PlannedMin != MaxPlannedMin {
		t.Errorf("+1 min past the limit: %d", s.Agenda[0].PlannedMin)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("the session does not validate: %v", err)
	}
}
