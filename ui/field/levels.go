package field

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Levels is a row of small numbered buttons 1..n bound to a number of the
// session (a rung, an importance): one tap stores, the chosen one is
// highlighted. It is narrower than a select and needs no menu to open.
type Levels struct {
	tr  *i18n.Tr
	ed  *editor.Editor
	get func(s *workshop.Session) int
	set func(s *workshop.Session, v int) error

	// Clearable lets a tap on the chosen level take it back (stores 0).
	Clearable bool
	// OnError receives a storing error.
	OnError func(error)

	Buttons []*button.Button // the chosen level primary
	obj     *fyne.Container
}

// NewLevels returns buttons 1..n bound to get/set.
func NewLevels(tr *i18n.Tr, ed *editor.Editor, n int,
	get func(s *workshop.Session) int,
	set func(s *workshop.Session, v int) error) *Levels {
	l := &Levels{tr: tr, ed: ed, get: get, set: set}
	l.obj = container.NewHBox()
	for i := 1; i <= n; i++ {
		level := i
		b := button.New(strconv.Itoa(level), nil, func() { l.choose(level) })
		l.Buttons = append(l.Buttons, b)
		l.obj.Add(b)
	}
	l.Refresh()
	return l
}

func (l *Levels) choose(level int) {
	err := l.ed.Edit(func(s *workshop.Session) error {
		v := level
		if l.get(s) == level {
			if !l.Clearable {
				return nil
			}
			v = 0
		}
		return l.set(s, v)
	})
	if err != nil && l.OnError != nil {
		l.OnError(saveError(l.tr, err))
	}
	l.Refresh()
}

// Value is the level shown as chosen, 0 for none.
func (l *Levels) Value() int {
	for i, b := range l.Buttons {
		if b.Importance == widget.HighImportance {
			return i + 1
		}
	}
	return 0
}

// Object implements Bound.
func (l *Levels) Object() fyne.CanvasObject { return l.obj }

// Flush implements Bound; a level is stored when tapped.
func (l *Levels) Flush() {}

// Refresh implements Bound.
func (l *Levels) Refresh() {
	var v int
	l.ed.Read(func(s *workshop.Session) { v = l.get(s) })
	for i, b := range l.Buttons {
		imp := widget.MediumImportance
		if v == i+1 {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}
