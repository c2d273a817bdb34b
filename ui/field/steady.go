package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Steady holds a message label in a slot as tall as the longest of the
// texts it may show, whether it shows one or none: a message that appears,
// gets shorter or goes away then moves nothing under the pointer.
func Steady(msg *widget.Label, longest ...string) fyne.CanvasObject {
	l := &steadyLayout{}
	for _, s := range longest {
		g := widget.NewLabel(s)
		g.TextStyle, g.Wrapping, g.Truncation, g.SizeName = msg.TextStyle, msg.Wrapping, msg.Truncation, msg.SizeName
		l.ghosts = append(l.ghosts, g)
	}
	return container.New(l, msg)
}

type steadyLayout struct {
	ghosts []*widget.Label // never drawn: they measure the room to keep
}

func (l *steadyLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, g := range l.ghosts {
		g.Resize(fyne.NewSize(size.Width, g.MinSize().Height))
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *steadyLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, g := range l.ghosts {
		m = m.Max(fyne.NewSize(0, g.MinSize().Height))
	}
	for _, o := range objs {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	return m
}
