package projector

import (
	"image/color"

	"lupauspaja/workshop"
)

func timerColor(phase workshop.TimerPhase) color.Color {
	switch phase {
	case workshop.TimerOver:
		return colUrgent
	case workshop.TimerNearEnd:
		return colTimerNear
	}
	return colForeground
}
