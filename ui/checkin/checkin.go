// Package checkin holds the screens of a check-in (seuranta): the six steps
// that review the actions, the measures, the customers' view, the promise,
// the ladder and what comes next, and the promise's history. Every change
// goes through the domain's operations, applied by the session's editor.
package checkin

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// New returns the view of a check-in step or of the history, or nil when
// the key is neither.
func New(key string, env *steps.Env) steps.View {
	switch key {
	case workshop.StepCIActions:
		return newActions(env)
	case workshop.StepCIMeasures:
		return newMeasures(env)
	case workshop.StepCICustomers:
		return newCustomers(env)
	case workshop.StepCIPromise:
		return newPromise(env)
	case workshop.StepCILadder:
		return newLadder(env)
	case workshop.StepCINext:
		return newNext(env)
	case workshop.StepHistory:
		return newHistory(env)
	}
	return nil
}

// view is the shell every check-in view shares: a scrolled box rebuilt from
// the session when what it lists changes.
type view struct {
	env     *steps.Env
	box     *fyne.Container
	obj     fyne.CanvasObject
	sig     string
	build   func(s *workshop.Session)
	sign    func(s *workshop.Session) string
	flushes []func()
	// bound are the entries that save themselves (field.Text): refreshed
	// when the view is not rebuilt, flushed with the rest.
	bound field.Group
	busy  bool // an edit of this view runs: its own change must not flush it again
	// first is the first entry of the view's forms for something new (a
	// new action, a reading, an answer): where Ctrl+N puts the cursor.
	first fyne.Focusable
	// flushing: the view saves what is typed (leaving the step, closing):
	// what it cannot save is reported to the room's Typing too, so that
	// closing asks before it is lost.
	flushing bool
}

func newView(env *steps.Env, build func(v *view, s *workshop.Session), sign func(s *workshop.Session) string) *view {
	v := &view{env: env, box: container.NewVBox()}
	v.build = func(s *workshop.Session) { build(v, s) }
	v.sign = sign
	v.obj = field.NewVScroll(v.box)
	v.sig = "\x00"
	v.Refresh()
	return v
}

func (v *view) ed() *editor.Editor { return v.env.Room.Ed }

func (v *view) Object() fyne.CanvasObject { return v.obj }

// Refresh rebuilds the view when what it shows changed; an entry being
// typed in is not rebuilt under the typing when only other things changed.
func (v *view) Refresh() {
	s := v.ed().Snapshot()
	sig := v.sign(s)
	if sig == v.sig {
		v.bound.Refresh()
		return
	}
	if !v.busy {
		v.Flush()
		s = v.ed().Snapshot()
		sig = v.sign(s)
	}
	v.sig = sig
	v.flushes, v.bound, v.first = nil, nil, nil
	v.box.Objects = nil
	v.build(s)
	v.box.Refresh()
}

// Flush saves what is typed and not yet saved.
func (v *view) Flush() {
	if v.busy {
		return
	}
	v.flushing = true
	defer func() { v.flushing = false }()
	for _, f := range v.flushes {
		f()
	}
	v.bound.Flush()
}

// refused shows why typed input was not stored; while the view is being
// flushed it is also reported as unsaved typing, which closing asks about.
func (v *view) refused(err error) {
	if v.flushing && v.env.Room.Typing != nil {
		v.env.Room.Typing.NoteUnsaved(err)
	}
	v.env.ShowError(err)
}

func (v *view) add(objs ...fyne.CanvasObject) { v.box.Objects = append(v.box.Objects, objs...) }

// newInput marks e as where something new is typed; the first one marked
// is where Ctrl+N goes.
func (v *view) newInput(e fyne.Focusable) {
	if v.first == nil {
		v.first = e
	}
}

// FocusNew (Ctrl+N) puts the cursor in the view's first entry for
// something new; the page scrolls to it. A view without one (the promise,
// the ladder, the history) leaves the focus where it is.
func (v *view) FocusNew() {
	if v.first != nil {
		v.env.Win.Canvas().Focus(v.first)
	}
}

// apply runs a domain operation through the editor; a refusal or a failed
// save is shown as a sentence. It reports whether the change was made.
func (v *view) apply(op func(s *workshop.Session) error) bool {
	v.busy = true
	err := v.ed().Edit(op)
	v.busy = false
	if err != nil {
		v.refused(Explain(v.env.Room.Tr, err))
		return false
	}
	return true
}

// removeButton is a low button that removes something through remove,
// which returns the undo of what it removed; the undo goes on the undo
// stack (Ctrl+Z, the undo bar) under the text what gives it.
func (v *view) removeButton(label string, remove func(s *workshop.Session) (undo func(*workshop.Session) error, what string, err error)) *button.Button {
	b := button.New(label, theme.DeleteIcon(), func() {
		var undo func(*workshop.Session) error
		var what string
		if v.apply(func(s *workshop.Session) error {
			var err error
			undo, what, err = remove(s)
			return err
		}) && undo != nil {
			v.env.Room.Undo.Push(room.UndoItem{Text: what, Do: undo})
		}
	})
	b.Importance = widget.LowImportance
	return b
}

// Explain turns an operation's typed refusal into a sentence in the UI's
// language (a *field.Refused: something to check, not a failure); any
// other error is returned as it is.
func Explain(tr *i18n.Tr, err error) error {
	var ie *workshop.InputError
	if errors.As(err, &ie) {
		key := "checkin.err." + ie.Field
		if tr.Has(key) {
			return &field.Refused{Sentence: tr.T(key)}
		}
		return &field.Refused{Sentence: field.Refusal(tr, err).Error()}
	}
	var ce *workshop.CheckinError
	if errors.As(err, &ce) {
		return &field.Refused{Sentence: tr.T("checkin.err.new", map[string]any{"Problem": ce.Problem})}
	}
	return err
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func muted(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	return l
}

func label(tr *i18n.Tr, labels map[string]workshop.Text, v string) string {
	return workshop.Label(labels, v, tr.Language())
}

// options returns the labels of values, and a function from a label back to its value.
func options(tr *i18n.Tr, labels map[string]workshop.Text, values ...string) ([]string, func(string) string) {
	var out []string
	back := map[string]string{}
	for _, v := range values {
		l := label(tr, labels, v)
		out = append(out, l)
		back[l] = v
	}
	return out, func(l string) string { return back[l] }
}

func dateEntry(placeholder string) *field.Entry {
	e := field.NewEntry(false)
	e.SetPlaceHolder(placeholder)
	return e
}

// parseDate reads a typed date; a bad one is shown and reported.
func (v *view) parseDate(typed string) (string, bool) {
	d, err := field.ParseDate(v.env.Room.Tr, typed)
	if err != nil {
		v.refused(&field.Refused{Sentence: err.Error()})
		return "", false
	}
	return d, true
}

func personName(s *workshop.Session, id, fallback string) string {
	if n := s.PersonName(id, fallback); n != "" {
		return n
	}
	return i18n.TIn(s.Language, "checkin.no_owner")
}

func num(lang string, f float64) string {
	t := fmt.Sprintf("%.1f", f)
	if lang == "fi" {
		t = strings.Replace(t, ".", ",", 1)
	}
	return t
}

// sinceDate is the date of the session the check-in follows.
func sinceDate(s *workshop.Session) string {
	if s.Checkin != nil {
		return s.Checkin.FollowsDate
	}
	return ""
}
