package workshop_test

import (
	"fmt"
	"testing"
	"time"

	"lupauspaja/workshop"
)

// The timer's phase and text at every second of a 5-minute and a 20-minute
// step, and past their end: amber for the last fifth of a short step or the
// last two minutes of a longer one, red once over, "+" over the timebox.
func TestTimerPhaseAtEverySecond(t *testing.T) {
	start := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for _, planned := range []int{5, 20} {
		a := workshop.AgendaItem{Step: workshop.StepDrafts, PlannedMin: planned}
		a.Start(start)
		near := 60
		if planned == 20 {
			near = 120
		}
		total := planned * 60
		for sec := 0; sec <= total+200; sec++ {
			tm, ok := a.Timer(start.Add(time.Duration(sec) * time.Second))
			if !ok {
				t.Fatal("a step with a timebox has a timer")
			}
			left := total - sec
			want := workshop.TimerCalm
			switch {
			case left < 0:
				want = workshop.TimerOver
			case left <= near:
				want = workshop.TimerNearEnd
			}
			if tm.Phase != want {
				t.Fatalf("%d min step at %d s: phase %d, want %d", planned, sec, tm.Phase, want)
			}
			abs := left
			sign := ""
			if left < 0 {
				abs, sign = -left, "+"
			}
			if got, wantText := tm.Text, fmt.Sprintf("%s%d:%02d", sign, abs/60, abs%60); got != wantText {
				t.Fatalf("%d min step at %d s: %q, want %q", planned, sec, got, wantText)
			}
		}
	}
}

func TestTimerText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0:00", 59 * time.Second: "0:59", 5 * time.Minute: "5:00", -3 * time.Minute: "+3:00",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03", -(time.Hour + 5*time.Second): "+1:00:05",
	} {
		if got := workshop.ClockText(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
	a := workshop.AgendaItem{PlannedMin: 10, UsedSec: 900, Done: true}
	if tm, _ := a.Timer(time.Now()); tm.Phase != workshop.TimerCalm || tm.Text != "+5:00" {
		t.Errorf("a finished step that ran over: %+v", tm)
	}
	if _, ok := (&workshop.AgendaItem{}).Timer(time.Now()); ok {
		t.Error("a step without a timebox has no timer")
	}
}
