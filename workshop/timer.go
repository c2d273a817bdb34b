package workshop

import (
	"fmt"
	"time"
)

// TimerPhase is how a step's timer looks, the same on the facilitator's
// window and on the projector.
type TimerPhase int

// Timer phases.
const (
	TimerCalm    TimerPhase = iota
	TimerNearEnd            // amber: the last two minutes, or the last fifth of a short timebox
	TimerOver               // red: the timebox is used up
)

// NearEnd is how long before the end of a timebox the timer turns amber:
// two minutes, or a fifth of a timebox shorter than ten minutes.
func NearEnd(planned time.Duration) time.Duration {
	return min(2*time.Minute, planned/5)
}

// Timer is what a step's timer shows at a moment.
type Timer struct {
	Phase   TimerPhase
	Text    string        // "4:59", "1:02:03", "+3:00" when over
	Left    time.Duration // whole seconds; negative when over
	Running bool
}

// Timer is the step's timer at now; ok is false when the step has no timebox.
// A finished step that no longer runs is calm, whatever it used.
func (a *AgendaItem) Timer(now time.Time) (t Timer, ok bool) {
	if a == nil || a.PlannedMin <= 0 {
		return Timer{}, false
	}
	// Whole seconds, rounded towards the end of the timebox, so that the
	// display changes once a second and shows 0:00 only when it is up.
	left := a.Left(now).Truncate(time.Second)
	if r := a.Left(now) - left; r > 0 {
		left += time.Second
	}
	t = Timer{Left: left, Running: a.Running(), Text: ClockText(left)}
	switch {
	case a.Done && !t.Running:
		t.Phase = TimerCalm
	case left < 0:
		t.Phase = TimerOver
	case left <= NearEnd(time.Duration(a.PlannedMin)*time.Minute):
		t.Phase = TimerNearEnd
	}
	return t, true
}

// ClockText writes a time left as m:ss, or h:mm:ss from an hour up; time
// over the timebox gets a plus sign: "+3:00" is three minutes over.
func ClockText(left time.Duration) string {
	sign := ""
	if left < 0 {
		sign, left = "+", -left
	}
	s := int(left / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}
