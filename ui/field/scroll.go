package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// wheelFactor is how many times Fyne's step a notch of the mouse wheel
// moves a page: Fyne moves 25 px a notch (10 on macOS, whose trackpads send
// many small steps), which on a page of cards is under a line of text.
const wheelFactor = 3

// Scroll is a page's vertical scroll whose wheel moves about three lines a
// notch rather than Fyne's one.
type Scroll struct {
	container.Scroll
}

// NewVScroll returns a page's vertical scroll of content.
func NewVScroll(content fyne.CanvasObject) *Scroll {
	s := &Scroll{}
	s.Content = content
	s.Direction = container.ScrollVerticalOnly
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled moves the page wheelFactor times Fyne's step.
func (s *Scroll) Scrolled(ev *fyne.ScrollEvent) {
	faster := *ev
	faster.Scrolled = fyne.NewDelta(ev.Scrolled.DX*wheelFactor, ev.Scrolled.DY*wheelFactor)
	s.Scroll.Scrolled(&faster)
}
