package field

import (
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Row is one row of a List: a card or an item's form.
type Row interface {
	Bound
	// SetMark shows the row's warning, or hides it for "".
	SetMark(m string)
}

// ListSpec says what a List shows and how it changes the session.
type ListSpec struct {
	// IDs are the ids of the rows, in the session's order.
	IDs func(s *workshop.Session) []string
	// Add adds a record with the new entry's text (a domain operation) and
	// returns its id.
	Add func(s *workshop.Session, text string) (string, error)
	// Remove deletes a record with what refers to it (a domain operation).
	Remove func(s *workshop.Session, id string) (*workshop.Removal, error)
	// Kind is the card kind of the rows (workshop.Card…), when they are
	// cards the facilitator can hide from the room: a hidden one says so.
	Kind string
	// Mark returns a row's warning, "" for none; nil: no marks.
	Mark func(s *workshop.Session, id string) string
	// NewRow builds the row of a record; remove deletes it (its delete button).
	NewRow func(id string, remove func()) Row
	// Placeholder of the new entry.
	Placeholder string
	// NewestFirst lists the latest record on top.
	NewestFirst bool
	// UndoText is how a deleted record's text is written on the undo bar;
	// default: one line of at most 30 letters.
	UndoText func(text string) string
	// OnAdded runs after a record was added by the user.
	OnAdded func(id string)
	// OnRemoved runs after a record was deleted by the user.
	OnRemoved func(id string)
	// OnRestored runs after a deletion was undone.
	OnRestored func()
}

// List is the engine of every list of records in a step: its rows follow the
// session's ids (a row being typed in is refreshed, never rebuilt), an entry
// adds a record with Enter and keeps the focus for the next one (what is
// left typed in it is added on Flush, as the step is left), a refused
// or failed change is told under the entry, rows carry warnings, and a
// deletion goes on the undo stack.
type List struct {
	room *room.Room
	ed   *editor.Editor
	undo *room.Undo
	spec ListSpec

	rows  map[string]Row             // the rows built so far
	slots map[string]*fyne.Container // every record's place in Rows
	marks map[string]string          // the warnings, also of rows not built yet
	order []string
	// scroll, when the list is in a page's Scroll (NewVScroll), builds rows
	// as they come into view; until then a row is an empty space of rowH,
	// the height of the row built first. Outside a Scroll every row is built.
	scroll *Scroll
	rowH   float32
	// eager: the list was measured outside a Scroll, so that every row is
	// built; refreshing tells that its own Refresh is laying it out (in a
	// view's constructor, before a Scroll takes it).
	eager, refreshing bool

	// Rows holds the rows; EntryRow is the new entry with its add button;
	// Msg the message under the entry. Object() lays them out one under
	// the other; a view may place the rows itself (Apart).
	Rows     *fyne.Container
	NewEntry *widget.Entry
	EntryRow fyne.CanvasObject
	Msg      *widget.Label
	obj      *fyne.Container
}

// NewList returns the list; call Refresh to fill it.
func NewList(r *room.Room, spec ListSpec) *List {
	l := &List{room: r, ed: r.Ed, undo: r.Undo, spec: spec, rows: map[string]Row{},
		slots: map[string]*fyne.Container{}, marks: map[string]string{}}
	l.Rows = container.New(rowsLayout{l: l, vbox: layout.NewVBoxLayout()})
	l.NewEntry = widget.NewEntry()
	l.NewEntry.SetPlaceHolder(spec.Placeholder)
	l.NewEntry.OnSubmitted = func(string) { l.Add() }
	add := button.New("", theme.ContentAddIcon(), l.Add)
	l.Msg = widget.NewLabel("")
	l.Msg.Importance = widget.DangerImportance
	l.Msg.Wrapping = fyne.TextWrapWord
	l.Msg.Hide()
	l.EntryRow = container.NewBorder(nil, nil, nil, add, l.NewEntry)
	l.obj = container.NewVBox(l.Rows, l.EntryRow, l.Msg)
	return l
}

// Object implements Bound.
func (l *List) Object() fyne.CanvasObject { return l.obj }

// Apart is for a view that places the rows apart from the new entry (step
// 9's columns: the entries in a row of their own, the rows each in a
// scroll): it returns the entry with its message, which is then what
// Object is, and Rows is placed by the view on its own.
func (l *List) Apart() fyne.CanvasObject {
	l.obj = container.NewVBox(l.EntryRow, l.Msg)
	return l.obj
}

// IDs are the ids of the rows shown, in order.
func (l *List) IDs() []string { return append([]string(nil), l.order...) }

// Row returns the row of the id (built now if it was not yet), or nil.
func (l *List) Row(id string) Row {
	if r := l.rows[id]; r != nil {
		return r
	}
	if l.slots[id] == nil {
		return nil
	}
	r := l.build(id)
	if l.scroll != nil {
		l.scroll.relayout()
	}
	return r
}

// Built tells whether the row of the id has been built: a row is built
// when it comes near the view of the list's scroll, or is asked for.
func (l *List) Built(id string) bool { return l.rows[id] != nil }

// build makes the row of the id and puts it in its place.
func (l *List) build(id string) Row {
	r := l.spec.NewRow(id, func() { l.Remove(id) })
	l.rows[id] = r
	r.SetMark(l.marks[id])
	slot := l.slots[id]
	slot.Objects = []fyne.CanvasObject{r.Object()}
	slot.Layout.Layout(slot.Objects, slot.Size())
	if l.rowH == 0 {
		// The space of the rows not built yet: it stays the same, so that
		// what is above the view does not move as they are built.
		l.rowH = r.Object().MinSize().Height
	}
	return r
}

// buildAll builds every row not built yet (a list outside a Scroll).
func (l *List) buildAll() {
	for _, id := range l.order {
		if l.rows[id] == nil {
			l.build(id)
		}
	}
}

// rowsLayout lays out a List's Rows one under the other; a list outside a
// Scroll has every row built before it is measured.
type rowsLayout struct {
	vbox fyne.Layout
	l    *List
}

func (r rowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if r.l.scroll == nil && !r.l.refreshing {
		r.l.eager = true
		r.l.buildAll()
	}
	return r.vbox.MinSize(objs)
}

func (r rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) { r.vbox.Layout(objs, size) }

// slotLayout is a row's place: the row itself once built, until then an
// empty space of the list's usual row height.
type slotLayout struct{ l *List }

func (s slotLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.NewSize(0, s.l.rowH)
	}
	return objs[0].MinSize()
}

func (s slotLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// Message is the refusal shown under the new entry, or "".
func (l *List) Message() string {
	if !l.Msg.Visible() {
		return ""
	}
	return l.Msg.Text
}

func (l *List) showMessage(s string) {
	if s == "" {
		if !l.Msg.Visible() {
			return
		}
		l.Msg.Hide()
	} else {
		l.Msg.SetText(s)
		l.Msg.Show()
	}
	l.obj.Refresh()
	if s != "" {
		// Told when the step is left or the window closes, the entry may be
		// scrolled out of view: the page shows it with its message.
		reveal(l.NewEntry, l.Msg.MinSize().Height)
	}
}

// Add adds the new entry's text as a record (what Enter does).
func (l *List) Add() { l.add() }

// add adds the new entry's text as a record; a refused text, or one that
// could not be stored, stays in the entry with the sentence under it, which
// add also returns.
func (l *List) add() error {
	text := strings.TrimSpace(l.NewEntry.Text)
	if err := CheckText(l.room.Tr, text); err != nil {
		l.showMessage(err.Error())
		return &Refused{Sentence: err.Error()}
	}
	var id string
	err := l.ed.Edit(func(s *workshop.Session) error {
		var err error
		id, err = l.spec.Add(s, text)
		return err
	})
	if refused := Refusal(l.room.Tr, err); refused != nil {
		l.showMessage(refused.Error())
		return &Refused{Sentence: refused.Error()}
	}
	if err != nil {
		err = saveError(l.room.Tr, err)
		l.showMessage(err.Error()) // the text stays in the entry
		return err
	}
	l.NewEntry.SetText("")
	l.showMessage("")
	l.Refresh()
	if l.spec.OnAdded != nil {
		l.spec.OnAdded(id)
	}
	return nil
}

// FocusNew puts the keyboard focus in the new entry and scrolls the page
// to it, with its message if one shows: under a page of cards (the drafts
// at 1366×768) the typing went on below the fold.
func (l *List) FocusNew() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(l.NewEntry); c != nil {
			c.Focus(l.NewEntry)
			var extra float32
			if l.Msg.Visible() {
				extra = l.Msg.MinSize().Height
			}
			reveal(l.NewEntry, extra)
		}
	}
}

// Remove deletes the record with the id; the undo stack can bring it back.
func (l *List) Remove(id string) {
	if r := l.rows[id]; r != nil {
		r.Flush() // the undo restores what was typed last
	}
	var gone *workshop.Removal
	err := l.ed.Edit(func(s *workshop.Session) error {
		var err error
		gone, err = l.spec.Remove(s, id)
		return err
	})
	var nf *workshop.NotFoundError
	if errors.As(err, &nf) {
		return // deleted meanwhile
	}
	if err != nil {
		l.showMessage(saveError(l.room.Tr, err).Error())
		return
	}
	undoText := l.spec.UndoText
	if undoText == nil {
		undoText = func(s string) string { return clip(oneLine(s)) }
	}
	l.undo.Push(room.Removal(l.room.Tr.T("field.cards.deleted", map[string]any{"Text": undoText(gone.Text)}), gone, func() {
		l.Refresh()
		if l.spec.OnRestored != nil {
			l.spec.OnRestored()
		}
	}))
	l.Refresh()
	if l.spec.OnRemoved != nil {
		l.spec.OnRemoved(id)
	}
}

// Flush implements Bound: it saves what is typed in the rows, and adds
// what is typed in the new entry as a record, as Enter would (leaving the
// step, closing the workshop or the window). A text the add refuses stays
// in the entry with the refusal under it, and is reported to the room's
// Typing, so that closing asks before it is lost.
func (l *List) Flush() {
	for _, r := range l.rows {
		r.Flush()
	}
	if strings.TrimSpace(l.NewEntry.Text) == "" {
		return
	}
	if err := l.add(); err != nil && l.room.Typing != nil {
		l.room.Typing.NoteUnsaved(err)
	}
}

// Refresh implements Bound: it adds and drops rows to match the session and
// re-reads the rest, without rebuilding a row that may be being typed in.
func (l *List) Refresh() {
	var ids []string
	marks := map[string]string{}
	l.ed.Read(func(s *workshop.Session) {
		ids = l.spec.IDs(s)
		if l.spec.NewestFirst {
			for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
				ids[i], ids[j] = ids[j], ids[i]
			}
		}
		if l.spec.Mark != nil || l.spec.Kind != "" {
			for _, id := range ids {
				m := ""
				if l.spec.Mark != nil {
					m = l.spec.Mark(s, id)
				}
				marks[id] = HiddenMark(l.room.Tr, s, l.spec.Kind, id, m)
			}
		}
	})
	keep := make(map[string]bool, len(ids))
	changed := len(ids) != len(l.order)
	for i, id := range ids {
		keep[id] = true
		if !changed && l.order[i] != id {
			changed = true
		}
		l.marks[id] = marks[id]
		if l.slots[id] == nil {
			l.slots[id] = container.New(slotLayout{l: l})
		} else if r := l.rows[id]; r != nil {
			r.Refresh()
			r.SetMark(marks[id])
		}
	}
	for id := range l.slots {
		if !keep[id] {
			delete(l.rows, id)
			delete(l.slots, id)
			delete(l.marks, id)
		}
	}
	if changed {
		l.order = ids
		objs := make([]fyne.CanvasObject, len(ids))
		for i, id := range ids {
			objs[i] = l.slots[id]
		}
		l.Rows.Objects = objs
		if l.eager {
			l.buildAll()
		}
		l.refreshing = true
		l.Rows.Refresh()
		// The entry for a new record moves down with the list: lay out the
		// list's own box too, or the entry stays drawn over the new row.
		l.obj.Refresh()
		l.refreshing = false
		if l.scroll != nil {
			l.scroll.relayout()
		}
	}
	if l.scroll != nil {
		// Rows that changed height (a warning shown or gone) can bring
		// others into view.
		l.scroll.reveal()
	}
}

// Marker is a row's warning line and the tinted background that sets the
// row apart from the next and turns to the warning colour while marked.
type Marker struct {
	Label *widget.Label
	Bg    *canvas.Rectangle
	plain uint8 // alpha of the foreground colour, unmarked
	warn  uint8 // alpha of the warning colour, marked
}

// NewMarker returns a hidden warning over a background of the foreground
// colour at alpha plain; marked, the background is the warning colour at
// alpha warn.
func NewMarker(plain, warn uint8, wrap bool) *Marker {
	m := &Marker{plain: plain, warn: warn}
	m.Label = widget.NewLabel("")
	m.Label.Importance = widget.WarningImportance
	m.Label.TextStyle = fyne.TextStyle{Bold: true}
	if wrap {
		m.Label.Wrapping = fyne.TextWrapWord
	}
	m.Label.Hide()
	m.Bg = canvas.NewRectangle(Faint(theme.ColorNameForeground, plain))
	m.Bg.CornerRadius = theme.InputRadiusSize()
	return m
}

// Set shows the warning, or hides it for "".
func (m *Marker) Set(text string) {
	if text == "" {
		if m.Label.Visible() {
			m.Label.Hide()
			m.Bg.FillColor = Faint(theme.ColorNameForeground, m.plain)
			m.Bg.Refresh()
		}
		return
	}
	if m.Label.Visible() && m.Label.Text == text {
		return // unchanged: a large list is refreshed after every save
	}
	m.Label.SetText(text)
	m.Label.Show()
	m.Bg.FillColor = Faint(theme.ColorNameWarning, m.warn)
	m.Bg.Refresh()
}

// Text is the warning shown, or "".
func (m *Marker) Text() string {
	if !m.Label.Visible() {
		return ""
	}
	return m.Label.Text
}

// Faint is a theme colour at a low alpha, for a row's background.
func Faint(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// HiddenMark is a card's mark with, first, the word that the facilitator
// hid it from the projector and the phones (the cards window, Ctrl+K).
func HiddenMark(tr *i18n.Tr, s *workshop.Session, kind, id, mark string) string {
	if kind == "" || !s.CardHidden(kind, id) {
		return mark
	}
	if mark == "" {
		return tr.T("field.hidden")
	}
	return tr.T("field.hidden") + " · " + mark
}
