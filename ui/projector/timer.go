package projector

import (
	"fmt"
	"image/color"
	"time"

	"lupauspaja/workshop"
)

// Timer states, for the colour of the time left.
const (
	timerCalm = iota
	timerNearEnd
	timerOver
)

// nearEnd is how close to the end of the timebox the timer turns urgent:
// two minutes, or a fifth of a short timebox.
func nearEnd(plannedSec int) int {
	if n := plannedSec / 5; n < 120 {
		return n
	}
	return 120
}

// timeLeft is the step's time left in seconds at now, and whether the timer
// runs; ok is false when the step has no timebox.
func timeLeft(a *workshop.AgendaItem, now time.Time) (left int, running, ok bool) {
	if a == nil || a.PlannedMin <= 0 {
		return 0, false, false
	}
	left = a.PlannedMin*60 - a.UsedSec
	if a.RunningSince != "" {
		if since, err := time.Parse(time.RFC3339, a.RunningSince); err == nil {
			running = true
			left -= int(now.Sub(since) / time.Second)
		}
	}
	return left, running, true
}

// clock formats seconds as m:ss, negative when over time.
func clock(sec int) string {
	sign := ""
	if sec < 0 {
		sign, sec = "-", -sec // ASCII: every font has it
	}
	return fmt.Sprintf("%s%d:%02d", sign, sec/60, sec%60)
}

func timerState(a *workshop.AgendaItem, left int) int {
	switch {
	case left < 0:
		return timerOver
	case left <= nearEnd(a.PlannedMin*60):
		return timerNearEnd
	}
	return timerCalm
}

func timerColor(state int) color.Color {
	switch state {
	case timerOver:
		return colUrgent
	case timerNearEnd:
		return colWarning
	}
	return colForeground
}
