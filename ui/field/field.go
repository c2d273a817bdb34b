// Package field holds the inputs that are bound to the open session: text,
// choice and date fields and card lists that save every change through the
// editor as it is made (typing debounced, flushed on leaving the field), so
// that the facilitator never has to press a Save button.
package field

import (
	"errors"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Bound is an input bound to the session.
type Bound interface {
	// Object is the input's content.
	Object() fyne.CanvasObject
	// Refresh re-reads the session; an input being edited keeps what the user typed.
	Refresh()
	// Flush saves pending input at once.
	Flush()
}

// Custom binds any object to the session with its own refresh function.
func Custom(obj fyne.CanvasObject, refresh func()) Bound {
	return &custom{obj: obj, refresh: refresh}
}

type custom struct {
	obj     fyne.CanvasObject
	refresh func()
}

func (c *custom) Object() fyne.CanvasObject { return c.obj }
func (c *custom) Refresh() {
	if c.refresh != nil {
		c.refresh()
	}
}
func (c *custom) Flush() {}

// Group refreshes and flushes several inputs together.
type Group []Bound

// Refresh re-reads the session in every input.
func (g Group) Refresh() {
	for _, b := range g {
		b.Refresh()
	}
}

// Flush saves the pending input of every input.
func (g Group) Flush() {
	for _, b := range g {
		b.Flush()
	}
}

// CheckText is the check every text passes before it is stored: the limits
// of the store, as a sentence the facilitator understands.
func CheckText(tr *i18n.Tr, v string) error {
	if !utf8.ValidString(v) {
		return errors.New(tr.T("field.error.invalid"))
	}
	if len(v) > workshop.MaxTextBytes {
		return errors.New(tr.T("field.error.too_long", map[string]any{
			"Chars": utf8.RuneCountInString(v), "Max": workshop.MaxTextBytes / 2,
		}))
	}
	return nil
}

// Refusal is the sentence for an operation's refusal of an input, or nil
// when err is no refusal (a failed save, say).
func Refusal(tr *i18n.Tr, err error) error {
	var in *workshop.InputError
	if !errors.As(err, &in) {
		return nil
	}
	switch in.Problem {
	case workshop.ProblemEmpty:
		if in.Field == "name" { // a participant's
			return errors.New(tr.T("field.name.empty"))
		}
		return errors.New(tr.T("field.cards.empty"))
	case workshop.ProblemTooMany:
		return errors.New(tr.T("field.cards.too_many", map[string]any{"Max": workshop.MaxCards}))
	case workshop.ProblemWords:
		return errors.New(tr.T("field.cards.words", map[string]any{"Max": workshop.MaxDraftWords}))
	case workshop.ProblemTooLong:
		return errors.New(tr.T("field.error.too_long_short", map[string]any{"Max": workshop.MaxTextBytes / 2}))
	case workshop.ProblemTooEarly:
		return errors.New(tr.T("field.error.too_early"))
	}
	return errors.New(tr.T("field.error.invalid"))
}

// Refused is an operation's refusal already written as a sentence for the
// facilitator (e.g. by the set function of a field, from the domain's typed
// error): shown as it is, not as a failed save.
type Refused struct{ Sentence string }

func (r *Refused) Error() string { return r.Sentence }

// saveError turns a storing error into a sentence with the detail after it;
// a refusal that is already a sentence, or an input the domain refused, is
// said as such.
func saveError(tr *i18n.Tr, err error) error {
	var r *Refused
	if errors.As(err, &r) {
		return r
	}
	if ref := Refusal(tr, err); ref != nil {
		return ref
	}
	return fmt.Errorf("%s (%v)", tr.T("field.error.save"), err)
}

// focusEntry is an entry that reports when it gains and loses focus, which
// widget.Entry does not expose, so that pending text is saved on leaving.
type focusEntry struct {
	widget.Entry
	mu      sync.Mutex
	focused bool
	onBlur  func()
	// OnBlur, when set, runs when the entry loses the focus: a form whose
	// button stores what it holds saves it then, as a bound field does.
	OnBlur func()
	pass   *wheelPass      // over the entry while it is not being typed in
	box    *fyne.Container // the entry with its pass over it (Object)
}

// Entry is a text entry of a form whose own button stores what it holds
// (a reading, an answer): an entry as the bound ones are, the mouse wheel
// over it moving the page and Tab leaving it. Place its Object.
type Entry = focusEntry

// NewEntry returns a form's entry, on one line or wrapping over several.
func NewEntry(multiLine bool) *Entry {
	e := &focusEntry{pass: newWheelPass()}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	e.box = container.NewStack(e, e.pass)
	return e
}

// Object is what to place: the entry with the wheel's pass over it.
func (e *focusEntry) Object() fyne.CanvasObject { return e.box }

// longText is the length from which a multi-line entry stops wrapping: Fyne
// lays wrapped text out again on every key, which for a pasted 100 kB text
// takes seconds a keystroke, while unwrapped text stays quick to edit.
const longText = 20000

// fitWrapping wraps a multi-line entry's text unless it is long.
func (e *focusEntry) fitWrapping(textLen int) {
	if !e.MultiLine {
		return
	}
	want := fyne.TextWrapWord
	if textLen > longText {
		want = fyne.TextWrapOff
	}
	e.Wrapping = want
}

// AcceptsTab is false even for a multi-line entry: Tab moves to the next
// field and Shift+Tab to the previous one, as in every other field, instead
// of typing a tab character into the text.
func (e *focusEntry) AcceptsTab() bool { return false }

// SetText shows a text, unwrapped when it is long.
func (e *focusEntry) SetText(s string) {
	e.fitWrapping(len(s))
	e.Entry.SetText(s)
}

// TypedShortcut stops wrapping before a long paste lands rather than after.
func (e *focusEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		e.fitWrapping(len(e.Text) + len(p.Clipboard.Content()))
	}
	e.Entry.TypedShortcut(s)
}

func (e *focusEntry) FocusGained() {
	e.mu.Lock()
	e.focused = true
	e.mu.Unlock()
	e.pass.Hide() // the wheel scrolls inside the entry while typing in it
	e.Entry.FocusGained()
	// Tab to a field below the fold scrolls the page to it (which builds
	// the rows that come into view, for the next Tab). Not when the window
	// comes back to the front: Fyne gives the focus again to the field that
	// lost it as the window went behind, and the page stays where it was
	// scrolled to.
	if lastBlurred != e {
		revealFocused(e)
	}
	lastBlurred = nil
}

// lastBlurred is the field that lost the focus last, while no other has
// gained it since (the UI goroutine's only).
var lastBlurred *focusEntry

func (e *focusEntry) FocusLost() {
	e.mu.Lock()
	e.focused = false
	e.mu.Unlock()
	e.pass.Show()
	e.Entry.FocusLost()
	lastBlurred = e
	if e.onBlur != nil {
		e.onBlur()
	}
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

func (e *focusEntry) hasFocus() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.focused
}

// Focused tells whether the entry has the keyboard focus (is being typed in).
func (e *focusEntry) Focused() bool { return e.hasFocus() }

// SessionText binds a text entry to one of the session's own text fields
// (title, purpose, decision…) by its name in the session file
// (workshop.SetSessionField).
func SessionText(r *room.Room, multiLine bool, name string) *Text {
	return NewText(r, multiLine,
		func(s *workshop.Session) string { return s.SessionField(name) },
		func(s *workshop.Session, v string) error { return s.SetSessionField(name, v) })
}

// NamedField binds the field name of the record id through the domain's
// getter and setter for its kind of record ((*workshop.Session).ActionField
// and SetActionField, say); has says whether the record is still there: one
// removed while its form was shown has nothing to store.
func NamedField(id, name string, has func(s *workshop.Session, id string) bool,
	get func(s *workshop.Session, id, name string) string,
	set func(s *workshop.Session, id, name, v string) error) (func(*workshop.Session) string, func(*workshop.Session, string) error) {
	return func(s *workshop.Session) string { return get(s, id, name) },
		func(s *workshop.Session, v string) error {
			if !has(s, id) {
				return nil
			}
			return set(s, id, name, v)
		}
}

// Text is a text entry bound to a field of the session.
type Text struct {
	tr     *i18n.Tr
	ed     *editor.Editor
	typing *room.Typing
	get    func(s *workshop.Session) string
	set    func(s *workshop.Session, v string) error

	// Parse turns what the user typed into the stored value, or refuses it
	// with a sentence; Format turns the stored value into what is shown.
	// Both are optional (nil: the text as is).
	Parse  func(typed string) (string, error)
	Format func(stored string) string
	// OnSaved, when set, runs after each successful save (on the UI goroutine).
	OnSaved func()
	// OnLeave, when set, runs when the entry loses the focus, after its text is saved.
	OnLeave func()
	// OnTyped, when set, runs on every change the user makes, before it is
	// saved: for live hints such as a word count.
	OnTyped func(text string)

	Entry *focusEntry
	msg   *widget.Label
	box   *fyne.Container

	mu      sync.Mutex
	timer   *time.Timer
	dirty   bool      // typed but not yet stored (or refused)
	since   time.Time // when the oldest typing not yet stored was typed
	shown   string    // the text last put into the entry by the program
	loading bool
}

// NewText returns an entry showing get(session), storing typed text with
// set after a pause in typing, as the room's Typing says.
func NewText(r *room.Room, multiLine bool,
	get func(s *workshop.Session) string,
	set func(s *workshop.Session, v string) error) *Text {
	t := &Text{tr: r.Tr, ed: r.Ed, typing: r.Typing, get: get, set: set}
	t.Entry = NewEntry(multiLine)
	t.msg = widget.NewLabel("")
	t.msg.Importance = widget.DangerImportance
	t.msg.Wrapping = fyne.TextWrapWord
	t.msg.Hide()
	t.box = container.NewVBox(t.Entry.Object(), t.msg)
	t.Entry.OnChanged = t.changed
	t.Entry.onBlur = func() {
		t.Flush()
		if t.OnLeave != nil {
			t.OnLeave()
		}
	}
	t.Refresh()
	return t
}

// Object implements Bound.
func (t *Text) Object() fyne.CanvasObject { return t.box }

// SetPlaceHolder sets the hint shown while the entry is empty.
func (t *Text) SetPlaceHolder(s string) *Text {
	t.Entry.SetPlaceHolder(s)
	return t
}

// Message is the refusal or error shown under the entry, or "".
func (t *Text) Message() string {
	if !t.msg.Visible() {
		return ""
	}
	return t.msg.Text
}

func (t *Text) showMessage(s string) {
	if s == "" {
		if t.msg.Visible() {
			t.msg.Hide()
			t.box.Refresh()
		}
		return
	}
	t.msg.SetText(s)
	if !t.msg.Visible() {
		t.msg.Show()
		t.box.Refresh()
	}
	reveal(t.Entry, t.msg.MinSize().Height)
}

func (t *Text) changed(string) {
	t.mu.Lock()
	if t.loading {
		t.mu.Unlock()
		return
	}
	debounce, maxWait, clock := t.typing.Timings()
	now := clock()
	if !t.dirty {
		t.since = now
	}
	t.dirty = true
	wait := debounce
	if left := maxWait - now.Sub(t.since); left < wait {
		wait = max(left, 0)
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(wait, func() { fyne.Do(t.Flush) })
	t.mu.Unlock()
	if t.OnTyped != nil {
		t.OnTyped(t.Entry.Text)
	}
}

// Flush implements Bound: it saves what was typed, if anything is pending.
func (t *Text) Flush() {
	t.mu.Lock()
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	dirty := t.dirty
	t.mu.Unlock()
	if !dirty {
		return
	}
	if err := t.save(t.Entry.Text); err != nil {
		t.showMessage(err.Error())
		t.typing.NoteUnsaved(err)
		return // dirty stays set: the typed text is kept and retried on the next change
	}
	t.mu.Lock()
	t.dirty = false
	t.mu.Unlock()
	t.showMessage("")
	if t.OnSaved != nil {
		t.OnSaved()
	}
	if !t.Entry.hasFocus() {
		t.Refresh() // e.g. show a typed ISO date the way the language writes it
	}
}

func (t *Text) save(typed string) error {
	v := typed
	if t.Parse != nil {
		p, err := t.Parse(typed)
		if err != nil {
			return err
		}
		v = p
	}
	if err := CheckText(t.tr, v); err != nil {
		return err
	}
	err := t.ed.Edit(func(s *workshop.Session) error {
		if t.get(s) == v {
			return nil
		}
		return t.set(s, v)
	})
	if err != nil {
		return saveError(t.tr, err)
	}
	return nil
}

// Refresh implements Bound: it shows the session's value unless the user is
// typing in the entry or has text that is not yet stored.
func (t *Text) Refresh() {
	t.mu.Lock()
	dirty := t.dirty
	t.mu.Unlock()
	if dirty || t.Entry.hasFocus() {
		return
	}
	var v string
	t.ed.Read(func(s *workshop.Session) { v = t.get(s) })
	if t.Format != nil {
		v = t.Format(v)
	}
	if v == t.Entry.Text {
		return
	}
	t.mu.Lock()
	t.loading = true
	t.mu.Unlock()
	t.Entry.SetText(v)
	t.mu.Lock()
	t.loading = false
	t.shown = v
	t.mu.Unlock()
}
