package steps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// itemList is a list of records that each need a small form rather than a
// card's one line (measures, actions): the list engine of field.CardList
// with a form in each row. An entry adds one by its name with Enter and
// keeps the focus for the next, each form has a delete button, and the last
// delete can be undone.
type itemList struct {
	*field.List
	ed *editor.Editor

	ids    func(s *workshop.Session) []string
	build  func(id string) *itemForm
	add    func(s *workshop.Session, text string) (string, error)
	remove func(s *workshop.Session, id string) (*workshop.Removal, error)
	// onChange, when set, runs after an item was added, deleted or restored.
	onChange func()
	// mark returns the warning of an item ("" for none), e.g. no owner.
	mark func(s *workshop.Session, id string) string
	// markRoom are the longest warnings mark may give: a form keeps room
	// for them, so that it does not shrink as its warning gets shorter.
	markRoom []string
	// markOneLine keeps the warning on one line, cut with an ellipsis, for
	// forms in narrow columns: room for a wrapped warning would be lines
	// of empty space above every form that lacks nothing.
	markOneLine bool
	// kind is the items' card kind (workshop.CardMeasure, CardAction): a
	// hidden item says so.
	kind string
}

// itemForm is one item's form.
type itemForm struct {
	ID     string
	Fields field.Group
	body   fyne.CanvasObject
	mark   *field.Marker
	obj    fyne.CanvasObject
	delete *button.Button
}

// newItemList returns the list; set its ids, add, remove and build (and
// mark, onChange if wanted), then Refresh it. newestFirst lists the latest
// item on top, next to an entry placed above the list, so that an added item
// is seen where it was typed.
func newItemList(r *room.Room, placeholder string, newestFirst bool) *itemList {
	l := &itemList{ed: r.Ed}
	changed := func() {
		if l.onChange != nil {
			l.onChange()
		}
	}
	l.List = field.NewList(r, field.ListSpec{
		IDs:    func(s *workshop.Session) []string { return l.ids(s) },
		Add:    func(s *workshop.Session, text string) (string, error) { return l.add(s, text) },
		Remove: func(s *workshop.Session, id string) (*workshop.Removal, error) { return l.remove(s, id) },
		Mark: func(s *workshop.Session, id string) string {
			m := ""
			if l.mark != nil {
				m = l.mark(s, id)
			}
			return field.HiddenMark(r.Tr, s, l.kind, id, m)
		},
		NewRow:      l.newForm,
		Placeholder: placeholder,
		NewestFirst: newestFirst,
		UndoText:    func(s string) string { return clipText(s, 40) },
		OnAdded:     func(string) { changed() },
		OnRemoved:   func(string) { changed() },
		OnRestored:  changed,
	})
	return l
}

// form returns the form of the item with the id, or nil.
func (l *itemList) form(id string) *itemForm {
	f, _ := l.Row(id).(*itemForm)
	return f
}

func (l *itemList) newForm(id string, remove func()) field.Row {
	f := l.build(id)
	f.ID = id
	f.delete = button.New("", theme.DeleteIcon(), remove)
	f.delete.Importance = widget.LowImportance
	f.mark = field.NewMarker(0x10, 0x38, !l.markOneLine)
	if l.markOneLine {
		f.mark.Label.Truncation = fyne.TextTruncateEllipsis
	}
	top := container.NewBorder(nil, nil, nil, f.delete, field.Steady(f.mark.Label, l.markRoom...))
	f.obj = container.NewPadded(container.NewStack(f.mark.Bg, container.NewPadded(container.NewBorder(top, nil, nil, nil, f.body))))
	return f
}

// Object implements field.Bound.
func (f *itemForm) Object() fyne.CanvasObject { return f.obj }

// Refresh implements field.Bound.
func (f *itemForm) Refresh() { f.Fields.Refresh() }

// Flush implements field.Bound.
func (f *itemForm) Flush() { f.Fields.Flush() }

// SetMark implements field.Row.
func (f *itemForm) SetMark(m string) { f.mark.Set(m) }

// Mark is the warning shown on the form, or "".
func (f *itemForm) Mark() string { return f.mark.Text() }

type errorText string

func (e errorText) Error() string { return string(e) }

// ownerField is the owner of the measure or action id, bound through its
// kind's named fields (measureField, actionField): a participant chosen
// from the menu, or any name typed for someone who was not in the room.
func ownerField(r *room.Room, named func(id, name string) (func(s *workshop.Session) string, func(s *workshop.Session, v string) error), id string) field.Bound {
	ed := r.Ed
	get, set := named(id, "owner")
	t := field.NewText(r, false, get, set)
	t.SetPlaceHolder(r.Tr.T("measures.owner.placeholder"))
	var pick *button.Button
	pick = button.New("", theme.AccountIcon(), func() {
		var names []string
		ed.Read(func(s *workshop.Session) {
			for _, p := range s.Participants {
				names = append(names, p.Name)
			}
		})
		items := make([]*fyne.MenuItem, 0, len(names))
		for _, n := range names {
			n := n
			items = append(items, fyne.NewMenuItem(n, func() {
				t.Entry.SetText(n)
				t.Flush()
			}))
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(pick)
		if c == nil || len(items) == 0 {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(pick).AddXY(0, pick.Size().Height)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
	})
	pick.Importance = widget.LowImportance
	return &ownerBound{Text: t, obj: container.NewBorder(nil, nil, nil, pick, t.Object()), pick: pick}
}

type ownerBound struct {
	*field.Text
	obj  fyne.CanvasObject
	pick *button.Button
}

func (o *ownerBound) Object() fyne.CanvasObject { return o.obj }
