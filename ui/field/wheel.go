package field

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelPass lies over an entry that is not being typed in and hands the
// mouse wheel to the page under the pointer. Every Fyne entry has a scroll
// of its own inside it, and Fyne gives the wheel to the innermost scroll
// under the pointer, so the page stood still whenever the pointer was over
// an entry. It takes nothing else: taps, drags and the pointer's shape go
// to the entry as before, and while the entry has the focus the pass is
// hidden, so that a long text scrolls inside its entry.
type wheelPass struct {
	widget.BaseWidget
}

func newWheelPass() *wheelPass {
	p := &wheelPass{}
	p.ExtendBaseWidget(p)
	return p
}

func (p *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize is nothing: the pass takes the entry's size.
func (p *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// Scrolled passes the wheel to the innermost page scroll under the pointer.
func (p *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(p)
	if c == nil {
		return
	}
	// Where the pointer is: the pass's own place and the event's within it.
	at := d.AbsolutePositionForObject(p).Add(ev.Position)
	if s := scrollAt(d, c.Content(), at); s != nil {
		s.Scrolled(ev)
	}
}

// scrollAt is the innermost scroll under pos among those reachable from o
// through containers, scrolls and the shown tab.
func scrollAt(d fyne.Driver, o fyne.CanvasObject, pos fyne.Position) fyne.Scrollable {
	if o == nil || !o.Visible() {
		return nil
	}
	var inner []fyne.CanvasObject
	var here fyne.Scrollable
	switch x := o.(type) {
	case *fyne.Container:
		inner = x.Objects
	case *Scroll:
		inner, here = []fyne.CanvasObject{x.Content}, x
	case *container.Scroll:
		inner, here = []fyne.CanvasObject{x.Content}, x
	case *container.AppTabs:
		if t := x.Selected(); t != nil {
			inner = []fyne.CanvasObject{t.Content}
		}
	}
	if here != nil {
		at, size := d.AbsolutePositionForObject(o), o.Size()
		if pos.X < at.X || pos.Y < at.Y || pos.X >= at.X+size.Width || pos.Y >= at.Y+size.Height {
			return nil
		}
	}
	for i := len(inner) - 1; i >= 0; i-- {
		if s := scrollAt(d, inner[i], pos); s != nil {
			return s
		}
	}
	return here
}
