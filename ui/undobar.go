package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/room"
)

// undoBar is the one place under every page that says what the newest
// entry of the undo stack would take back, with its button (the same as
// Ctrl+Z outside a text field).
type undoBar struct {
	undo *room.Undo
	text *widget.Label
	btn  *button.Button
	obj  *fyne.Container
}

func newUndoBar(w *workspace) *undoBar {
	b := &undoBar{undo: w.room.Undo, text: widget.NewLabel("")}
	b.text.Truncation = fyne.TextTruncateEllipsis
	b.btn = button.New(w.u.tr.T("app.undo"), theme.ContentUndoIcon(), w.undo)
	b.obj = container.NewBorder(widget.NewSeparator(), nil, nil, b.btn, b.text)
	b.refresh()
	return b
}

func (b *undoBar) refresh() {
	if text, ok := b.undo.Top(); ok {
		b.text.SetText(text)
		b.obj.Show()
		return
	}
	b.obj.Hide()
}
