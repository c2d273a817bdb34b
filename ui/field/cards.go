package field

import (
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Cards says where the cards of a card list live in the session: a list of
// records of type T (segments, profile items, drafts…), optionally only some
// of them (e.g. one segment's pains).
type Cards[T any] struct {
	List func(s *workshop.Session) *[]T
	Keep func(s *workshop.Session, c *T) bool // nil: every card of the list
	ID   func(c *T) string
	Text func(c *T) *string
	// Add adds a card with the text (a domain operation) and returns its id.
	Add func(s *workshop.Session, text string) (string, error)
	// TextChanged, when set, runs after a card's text is set, e.g. to count versions.
	TextChanged func(s *workshop.Session, c *T)
	// Remove deletes a card with what refers to it (a domain operation).
	Remove func(s *workshop.Session, id string) (*workshop.Removal, error)
}

// CardOptions shape how a card list looks.
type CardOptions struct {
	Placeholder string // of the new-card entry; default "Uusi kortti… (Enter lisää)"
	MultiLine   bool   // cards hold sentences (drafts) rather than a few words
	Rows        int    // lines shown of a multi-line card's text; default 2
	// Extra returns the inputs shown under a card's text, e.g. its evidence;
	// an input whose Object is nil is only refreshed and flushed.
	Extra func(id string) []Bound
	// Mark returns a short warning shown on a card (e.g. "oletus"); a card
	// with a mark is highlighted.
	Mark func(s *workshop.Session, id string) string
	// OnAdded runs after a card was added by the user.
	OnAdded func(id string)
	// OnRemoved runs after a card was deleted by the user.
	OnRemoved func(id string)
	// OnLeave runs when a card's text entry loses the focus, after saving,
	// e.g. to end one edit of a draft's wording.
	OnLeave func(id string)
	// OnTyped runs on every change of a card's text, before it is saved.
	OnTyped func(id, text string)
}

// ops are a card list's operations on the session, free of T.
type ops struct {
	ids     func(s *workshop.Session) []string
	text    func(s *workshop.Session, id string) string
	setText func(s *workshop.Session, id, v string) error
	add     func(s *workshop.Session, text string) (string, error)
	remove  func(s *workshop.Session, id string) (*workshop.Removal, error)
}

func opsOf[T any](c Cards[T]) ops {
	find := func(s *workshop.Session, id string) (int, *T) {
		l := c.List(s)
		for i := range *l {
			if c.ID(&(*l)[i]) == id {
				return i, &(*l)[i]
			}
		}
		return -1, nil
	}
	return ops{
		ids: func(s *workshop.Session) []string {
			l := *c.List(s)
			out := make([]string, 0, len(l))
			for i := range l {
				if c.Keep == nil || c.Keep(s, &l[i]) {
					out = append(out, c.ID(&l[i]))
				}
			}
			return out
		},
		text: func(s *workshop.Session, id string) string {
			if _, p := find(s, id); p != nil {
				return *c.Text(p)
			}
			return ""
		},
		setText: func(s *workshop.Session, id, v string) error {
			_, p := find(s, id)
			if p == nil {
				return nil // deleted meanwhile: nothing to store
			}
			*c.Text(p) = v
			if c.TextChanged != nil {
				c.TextChanged(s, p)
			}
			return nil
		},
		add:    c.Add,
		remove: c.Remove,
	}
}

// Card is one card's row in a card list.
type Card struct {
	ID     string
	Text   *Text
	Delete *widget.Button
	Extras []Bound

	mark *widget.Label
	bg   *canvas.Rectangle
	obj  fyne.CanvasObject
}

// CardList is a list of short text cards with an entry at the bottom: Enter
// adds a card and keeps the focus there for the next one; each card is
// edited in place and deleted with its button; the last delete can be undone.
type CardList struct {
	ed   *editor.Editor
	undo *room.Undo
	ops  ops
	opt  CardOptions

	cards map[string]*Card
	order []string
	rows  *fyne.Container

	NewEntry *widget.Entry
	add      *widget.Button
	msg      *widget.Label
	obj      *fyne.Container
}

// NewCardList returns a card list of the cards; a deletion goes on the undo stack.
func NewCardList[T any](r *room.Room, c Cards[T], opt CardOptions) *CardList {
	l := &CardList{ed: r.Ed, undo: r.Undo, ops: opsOf(c), opt: opt, cards: map[string]*Card{}}
	l.rows = container.NewVBox()
	l.NewEntry = widget.NewEntry()
	ph := opt.Placeholder
	if ph == "" {
		ph = i18n.T("field.cards.new")
	}
	l.NewEntry.SetPlaceHolder(ph)
	l.NewEntry.OnSubmitted = func(string) { l.Add() }
	l.add = widget.NewButtonWithIcon("", theme.ContentAddIcon(), l.Add)
	l.msg = widget.NewLabel("")
	l.msg.Importance = widget.DangerImportance
	l.msg.Wrapping = fyne.TextWrapWord
	l.msg.Hide()
	l.obj = container.NewVBox(l.rows,
		container.NewBorder(nil, nil, nil, l.add, l.NewEntry),
		l.msg)
	l.Refresh()
	return l
}

// Object implements Bound.
func (l *CardList) Object() fyne.CanvasObject { return l.obj }

// IDs are the ids of the cards shown, in order.
func (l *CardList) IDs() []string { return append([]string(nil), l.order...) }

// Card returns the row of the card with the id, or nil.
func (l *CardList) Card(id string) *Card { return l.cards[id] }

// Message is the refusal shown under the new-card entry, or "".
func (l *CardList) Message() string {
	if !l.msg.Visible() {
		return ""
	}
	return l.msg.Text
}

func (l *CardList) showMessage(s string) {
	if s == "" {
		l.msg.Hide()
	} else {
		l.msg.SetText(s)
		l.msg.Show()
	}
	l.obj.Refresh()
}

// Add adds the new-card entry's text as a card (what Enter does).
func (l *CardList) Add() {
	text := strings.TrimSpace(l.NewEntry.Text)
	if err := CheckText(text); err != nil {
		l.showMessage(err.Error())
		return
	}
	var id string
	err := l.ed.Edit(func(s *workshop.Session) error {
		var err error
		id, err = l.ops.add(s, text)
		return err
	})
	if refused := Refusal(err); refused != nil {
		l.showMessage(refused.Error())
		return
	}
	if err != nil {
		l.showMessage(saveError(err).Error()) // the text stays in the entry
		return
	}
	l.NewEntry.SetText("")
	l.showMessage("")
	l.Refresh()
	if l.opt.OnAdded != nil {
		l.opt.OnAdded(id)
	}
}

// FocusNew puts the keyboard focus in the new-card entry.
func (l *CardList) FocusNew() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(l.NewEntry); c != nil {
			c.Focus(l.NewEntry)
		}
	}
}

// Remove deletes the card with the id; the undo stack can bring it back.
func (l *CardList) Remove(id string) {
	if c := l.cards[id]; c != nil {
		c.Text.Flush() // the undo restores what was typed last
		Group(c.Extras).Flush()
	}
	var gone *workshop.Removal
	err := l.ed.Edit(func(s *workshop.Session) error {
		var err error
		gone, err = l.ops.remove(s, id)
		return err
	})
	var nf *workshop.NotFoundError
	if errors.As(err, &nf) {
		return // deleted meanwhile
	}
	if err != nil {
		l.showMessage(saveError(err).Error())
		return
	}
	l.undo.Push(room.Removal(i18n.T("field.cards.deleted", map[string]any{"Text": clip(oneLine(gone.Text))}), gone, l.Refresh))
	l.Refresh()
	if l.opt.OnRemoved != nil {
		l.opt.OnRemoved(id)
	}
}

// Flush implements Bound.
func (l *CardList) Flush() {
	for _, c := range l.cards {
		c.Text.Flush()
		Group(c.Extras).Flush()
	}
}

// Refresh implements Bound: it adds and drops rows to match the session and
// re-reads the rest, without rebuilding a row that may be being typed in.
func (l *CardList) Refresh() {
	var ids []string
	marks := map[string]string{}
	l.ed.Read(func(s *workshop.Session) {
		ids = l.ops.ids(s)
		if l.opt.Mark != nil {
			for _, id := range ids {
				marks[id] = l.opt.Mark(s, id)
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
		c := l.cards[id]
		if c == nil {
			c = l.newCard(id)
			l.cards[id] = c
		} else {
			c.Text.Refresh()
			Group(c.Extras).Refresh()
		}
		c.setMark(marks[id])
	}
	for id := range l.cards {
		if !keep[id] {
			delete(l.cards, id)
		}
	}
	if changed {
		l.order = ids
		objs := make([]fyne.CanvasObject, len(ids))
		for i, id := range ids {
			objs[i] = l.cards[id].obj
		}
		l.rows.Objects = objs
		l.rows.Refresh()
		// The entry for a new card moves down with the list: lay out the
		// list's own box too, or the entry stays drawn over the new card.
		l.obj.Refresh()
	}
}

func (l *CardList) newCard(id string) *Card {
	c := &Card{ID: id}
	c.Text = NewText(l.ed, l.opt.MultiLine,
		func(s *workshop.Session) string { return l.ops.text(s, id) },
		func(s *workshop.Session, v string) error { return l.ops.setText(s, id, v) })
	if l.opt.MultiLine {
		rows := l.opt.Rows
		if rows <= 0 {
			rows = 2
		}
		c.Text.Entry.SetMinRowsVisible(rows)
	}
	if l.opt.OnLeave != nil {
		c.Text.OnLeave = func() { l.opt.OnLeave(id) }
	}
	if l.opt.OnTyped != nil {
		c.Text.OnTyped = func(text string) { l.opt.OnTyped(id, text) }
	}
	c.Delete = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.Remove(id) })
	c.Delete.Importance = widget.LowImportance
	c.mark = widget.NewLabel("")
	c.mark.Importance = widget.WarningImportance
	c.mark.TextStyle = fyne.TextStyle{Bold: true}
	c.mark.Hide()
	c.bg = canvas.NewRectangle(cardTint())
	c.bg.CornerRadius = theme.InputRadiusSize()
	var under fyne.CanvasObject
	if l.opt.Extra != nil {
		c.Extras = l.opt.Extra(id)
		var objs []fyne.CanvasObject
		for _, b := range c.Extras {
			if o := b.Object(); o != nil { // nil: shown elsewhere, only flushed here
				objs = append(objs, o)
			}
		}
		// One extra takes the whole width (e.g. a description entry); several
		// sit side by side at their natural sizes.
		var extras fyne.CanvasObject
		if len(objs) == 1 {
			extras = objs[0]
		} else {
			extras = container.NewHBox(objs...)
		}
		// The mark has a line of its own so that it never narrows the inputs.
		under = container.NewVBox(c.mark, extras)
	} else {
		under = c.mark
	}
	body := container.NewBorder(nil, under, nil, c.Delete, c.Text.Object())
	c.obj = container.NewStack(c.bg, container.NewPadded(body))
	return c
}

func (c *Card) setMark(m string) {
	if m == "" {
		if c.mark.Visible() {
			c.mark.Hide()
			c.bg.FillColor = cardTint()
			c.bg.Refresh()
		}
		return
	}
	if c.mark.Visible() && c.mark.Text == m {
		return // unchanged: a large list is refreshed after every save
	}
	c.mark.SetText(m)
	c.mark.Show()
	c.bg.FillColor = warningTint()
	c.bg.Refresh()
}

// cardTint sets each card apart from the next, so that a card's text and
// its extra inputs read as one card.
func cardTint() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameForeground).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x14}
}

// warningTint is a faint version of the theme's warning colour, so that a
// highlighted card stands out on the projector without hiding its text.
func warningTint() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameWarning).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

// Mark returns the card's warning, or "".
func (c *Card) Mark() string {
	if !c.mark.Visible() {
		return ""
	}
	return c.mark.Text
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
