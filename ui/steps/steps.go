// Package steps holds the input of each step of the method: the ladder, the
// purpose and segments, the customer profile, the value map, drafts, dot
// voting and ratings, the decision, measures and next steps.
package steps

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// Env is what a step view needs from the window around it.
type Env struct {
	Room      *room.Room
	Win       fyne.Window
	ShowError func(error) // shows a sentence a facilitator understands
	// Clock is the window's clock (nil: the wall clock).
	Clock func() time.Time
}

// Now is the time on the window's clock.
func (e *Env) Now() time.Time {
	if e.Clock == nil {
		return time.Now()
	}
	return e.Clock()
}

// T is the text of key in the window's language (see i18n.Tr.T).
func (e *Env) T(key string, data ...any) string { return e.Room.Tr.T(key, data...) }

// View is the input of one step, placed in the middle of the step screen.
type View interface {
	// Object is the view's content.
	Object() fyne.CanvasObject
	// Refresh re-reads the session after a change made elsewhere.
	Refresh()
	// Flush saves at once what is typed but not yet saved; the step screen
	// calls it on leaving the step and on closing, so nothing typed is lost.
	Flush()
}

// builders maps a step key to the constructor of its view.
var builders = map[string]func(env *Env) View{
	workshop.StepBaseline:   newBaseline,
	workshop.StepPurpose:    newPurpose,
	workshop.StepProfile:    newProfile,
	workshop.StepValueMap:   newValueMap,
	workshop.StepDrafts:     newDrafts,
	workshop.StepEvaluation: newEvaluation,
	workshop.StepDecision:   newDecision,
	workshop.StepMeasures:   newMeasures,
	workshop.StepNextSteps:  newNextSteps,
}

// New returns the view of the step with the key, or nil when the key has none.
func New(key string, env *Env) View {
	if b, ok := builders[key]; ok {
		return b(env)
	}
	return nil
}

// NewFocuser is a view with an entry for a new card; FocusNew puts the
// cursor there (the step screen's Ctrl+N).
type NewFocuser interface {
	FocusNew()
}

// setLabel sets a label's text when it differs. A view is refreshed after
// every edit and each time its step is shown again; setting a label's text
// lays it out and shapes it anew even when it is the same.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// setSelected offers options in sel and shows label chosen ("" for none),
// setting the choice only when it differs: a select set refreshes and
// shapes its text again even when it is the same. The options are read
// when the list opens, so changing them needs no refresh.
func setSelected(sel *widget.Select, options []string, label string) {
	sel.Options = options
	if sel.Selected == label {
		return
	}
	if label == "" {
		sel.ClearSelected()
	} else {
		sel.SetSelected(label)
	}
}

// setButton sets a button's text when it differs.
func setButton(b *widget.Button, text string) {
	if b.Text != text {
		b.SetText(text)
	}
}

// setBars sets a chart's bars when they differ: a chart set lays out and
// measures every label of it again.
func setBars(c *charts.Bars, bars []charts.Bar) {
	if !slices.Equal(c.Bars(), bars) {
		c.SetBars(bars)
	}
}
