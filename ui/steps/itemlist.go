package steps

import (
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// itemList is a list of records that each need a small form rather than a
// card's one line (measures, actions): an entry at the bottom adds one by
// its name with Enter and keeps the focus for the next, each form has a
// delete button, and the last delete can be undone. It is field.CardList's
// sibling for records with many fields.
type itemList struct {
	ed   *editor.Editor
	undo *room.Undo

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

	// newestFirst lists the latest item on top, next to an entry placed
	// above the list, so that an added item is seen where it was typed.
	newestFirst bool

	forms map[string]*itemForm
	order []string
	rows  *fyne.Container
	// entryRow is the new-item entry with its add button, for a layout of
	// one's own; obj is the default: the items, then the entry.
	entryRow fyne.CanvasObject

	NewEntry *widget.Entry
	msg      *widget.Label
	obj      *fyne.Container
}

// itemForm is one item's form.
type itemForm struct {
	ID     string
	Fields field.Group
	body   fyne.CanvasObject
	mark   *widget.Label
	bg     *canvas.Rectangle
	obj    fyne.CanvasObject
	delete *widget.Button
}

func newItemList(r *room.Room, placeholder string) *itemList {
	l := &itemList{ed: r.Ed, undo: r.Undo, forms: map[string]*itemForm{}}
	l.rows = container.NewVBox()
	l.NewEntry = widget.NewEntry()
	l.NewEntry.SetPlaceHolder(placeholder)
	l.NewEntry.OnSubmitted = func(string) { l.Add() }
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), l.Add)
	l.msg = messageLabel()
	l.entryRow = container.NewBorder(nil, nil, nil, add, l.NewEntry)
	l.obj = container.NewVBox(l.rows, l.entryRow, l.msg)
	return l
}

// Add adds the new entry's text as an item (what Enter does); the focus stays.
func (l *itemList) Add() {
	text := strings.TrimSpace(l.NewEntry.Text)
	if err := field.CheckText(text); err != nil {
		showMessage(l.msg, err)
		return
	}
	err := l.ed.Edit(func(s *workshop.Session) error {
		_, err := l.add(s, text)
		return err
	})
	if refused := field.Refusal(err); refused != nil {
		showMessage(l.msg, refused)
		return
	}
	if err != nil {
		showMessage(l.msg, errorText(i18n.T("field.error.save")+" ("+err.Error()+")"))
		return
	}
	l.NewEntry.SetText("")
	showMessage(l.msg, nil)
	l.Refresh()
	l.changed()
}

func (l *itemList) changed() {
	if l.onChange != nil {
		l.onChange()
	}
}

// Remove deletes an item; Undo brings it back.
func (l *itemList) Remove(id string) {
	if f := l.forms[id]; f != nil {
		f.Fields.Flush() // the undo restores what was typed last
	}
	var gone *workshop.Removal
	err := l.ed.Edit(func(s *workshop.Session) error {
		var err error
		gone, err = l.remove(s, id)
		return err
	})
	var nf *workshop.NotFoundError
	if errors.As(err, &nf) {
		return // deleted meanwhile
	}
	if err != nil {
		showMessage(l.msg, errorText(i18n.T("field.error.save")+" ("+err.Error()+")"))
		return
	}
	l.undo.Push(room.Removal(i18n.T("field.cards.deleted", map[string]any{"Text": clipText(gone.Text, 40)}), gone,
		func() { l.Refresh(); l.changed() }))
	l.Refresh()
	l.changed()
}

// FocusNew puts the keyboard in the new-item entry.
func (l *itemList) FocusNew() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.NewEntry); c != nil {
		c.Focus(l.NewEntry)
	}
}

func (l *itemList) Flush() {
	for _, f := range l.forms {
		f.Fields.Flush()
	}
}

// Refresh adds and drops forms to match the session and re-reads the rest;
// a form being typed in is kept, not rebuilt.
func (l *itemList) Refresh() {
	var ids []string
	marks := map[string]string{}
	l.ed.Read(func(s *workshop.Session) {
		ids = l.ids(s)
		if l.newestFirst {
			for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
				ids[i], ids[j] = ids[j], ids[i]
			}
		}
		if l.mark != nil {
			for _, id := range ids {
				marks[id] = l.mark(s, id)
			}
		}
	})
	changed := len(ids) != len(l.order)
	keep := map[string]bool{}
	for i, id := range ids {
		keep[id] = true
		if !changed && l.order[i] != id {
			changed = true
		}
		f := l.forms[id]
		if f == nil {
			f = l.newForm(id)
			l.forms[id] = f
		} else {
			f.Fields.Refresh()
		}
		f.setMark(marks[id])
	}
	for id := range l.forms {
		if !keep[id] {
			delete(l.forms, id)
		}
	}
	if changed {
		l.order = ids
		objs := make([]fyne.CanvasObject, len(ids))
		for i, id := range ids {
			objs[i] = l.forms[id].obj
		}
		l.rows.Objects = objs
		l.rows.Refresh()
		l.obj.Refresh() // the entry under the list moves down with it
	}
}

func (l *itemList) newForm(id string) *itemForm {
	f := l.build(id)
	f.ID = id
	f.delete = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.Remove(id) })
	f.delete.Importance = widget.LowImportance
	f.mark = widget.NewLabel("")
	f.mark.Importance = widget.WarningImportance
	f.mark.TextStyle.Bold = true
	f.mark.Wrapping = fyne.TextWrapWord
	f.mark.Hide()
	f.bg = canvas.NewRectangle(faintColor(theme.ColorNameForeground, 0x10))
	f.bg.CornerRadius = theme.InputRadiusSize()
	top := container.NewBorder(nil, nil, nil, f.delete, field.Steady(f.mark, l.markRoom...))
	f.obj = container.NewPadded(container.NewStack(f.bg, container.NewPadded(container.NewBorder(top, nil, nil, nil, f.body))))
	return f
}

// Mark is the warning shown on the form, or "".
func (f *itemForm) Mark() string {
	if !f.mark.Visible() {
		return ""
	}
	return f.mark.Text
}

func (f *itemForm) setMark(m string) {
	if m == "" {
		if f.mark.Visible() {
			f.mark.Hide()
			f.bg.FillColor = faintColor(theme.ColorNameForeground, 0x10)
			f.bg.Refresh()
		}
		return
	}
	if f.mark.Text != m || !f.mark.Visible() {
		f.mark.SetText(m)
		f.mark.Show()
		f.bg.FillColor = faintColor(theme.ColorNameWarning, 0x38)
		f.bg.Refresh()
	}
}

// faintColor is a theme colour at a low alpha, for a card's background.
func faintColor(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

type errorText string

func (e errorText) Error() string { return string(e) }

// ownerField is the owner of a measure or an action: a participant chosen
// from the menu, or any name typed for someone who was not in the room.
func ownerField(ed *editor.Editor, get func(s *workshop.Session) string,
	set func(s *workshop.Session, v string) error) field.Bound {
	t := field.NewText(ed, false, get, set)
	t.SetPlaceHolder(i18n.T("measures.owner.placeholder"))
	var pick *widget.Button
	pick = widget.NewButtonWithIcon("", theme.AccountIcon(), func() {
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
	pick *widget.Button
}

func (o *ownerBound) Object() fyne.CanvasObject { return o.obj }
