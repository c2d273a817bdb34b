package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
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
	// Kind is the cards' kind (workshop.Card…) when the facilitator can
	// hide them from the room; a hidden card says so.
	Kind string
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
	Delete *button.Button
	Extras []Bound

	mark *Marker
	obj  fyne.CanvasObject
}

// CardList is a list of short text cards with an entry at the bottom: Enter
// adds a card and keeps the focus there for the next one; each card is
// edited in place and deleted with its button; the last delete can be undone.
type CardList struct {
	*List
	ops ops
	opt CardOptions
}

// NewCardList returns a card list of the cards; a deletion goes on the undo stack.
func NewCardList[T any](r *room.Room, c Cards[T], opt CardOptions) *CardList {
	l := &CardList{ops: opsOf(c), opt: opt}
	ph := opt.Placeholder
	if ph == "" {
		ph = r.Tr.T("field.cards.new")
	}
	l.List = NewList(r, ListSpec{
		IDs:         l.ops.ids,
		Add:         l.ops.add,
		Remove:      l.ops.remove,
		Mark:        opt.Mark,
		Kind:        c.Kind,
		NewRow:      l.newCard,
		Placeholder: ph,
		OnAdded:     opt.OnAdded,
		OnRemoved:   opt.OnRemoved,
	})
	l.Refresh()
	return l
}

// Card returns the row of the card with the id, or nil.
func (l *CardList) Card(id string) *Card {
	c, _ := l.Row(id).(*Card)
	return c
}

// Object implements Bound.
func (c *Card) Object() fyne.CanvasObject { return c.obj }

// Refresh implements Bound.
func (c *Card) Refresh() {
	c.Text.Refresh()
	Group(c.Extras).Refresh()
}

// Flush implements Bound.
func (c *Card) Flush() {
	c.Text.Flush()
	Group(c.Extras).Flush()
}

// SetMark implements Row.
func (c *Card) SetMark(m string) { c.mark.Set(m) }

// Mark returns the card's warning, or "".
func (c *Card) Mark() string { return c.mark.Text() }

func (l *CardList) newCard(id string, remove func()) Row {
	c := &Card{ID: id}
	c.Text = NewText(l.room, l.opt.MultiLine,
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
	c.Delete = button.New("", theme.DeleteIcon(), remove)
	c.Delete.Importance = widget.LowImportance
	// The card's tint sets it apart from the next, so that its text and its
	// extra inputs read as one card; a marked card takes a faint version of
	// the warning colour, which stands out without hiding its text.
	c.mark = NewMarker(0x14, 0x40, false)
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
		under = container.NewVBox(c.mark.Label, extras)
	} else {
		under = c.mark.Label
	}
	body := container.NewBorder(nil, under, nil, c.Delete, c.Text.Object())
	c.obj = container.NewStack(c.mark.Bg, container.NewPadded(body))
	return c
}
