package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// reveal scrolls the innermost scroll that holds obj so that obj and the
// extra height under it (a message just shown) are in view: a refusal under
// a field near the bottom of a page is not left below the fold.
func reveal(obj fyne.CanvasObject, extra float32) { revealIn(obj, extra, false) }

// Reveal scrolls the innermost scroll that holds obj so that obj is in
// view: a list that opened under a control near the bottom of a page.
func Reveal(obj fyne.CanvasObject) { reveal(obj, 0) }

// revealFocused scrolls the page to a field that gained the focus, unless
// the field is taller than the view and partly shown already: a click in
// a tall field does not move the text under the pointer.
func revealFocused(obj fyne.CanvasObject) { revealIn(obj, 0, true) }

// revealIn is reveal, and with tallStays revealFocused (the page's height
// unchanged: nothing to lay out again first).
func revealIn(obj fyne.CanvasObject, extra float32, tallStays bool) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(obj)
	if c == nil || c.Content() == nil {
		return
	}
	var inner *container.Scroll
	var page *Scroll // inner, when it is a page's Scroll
	if !pathTo(c.Content(), obj, func(s *container.Scroll, p *Scroll) {
		if inner == nil {
			inner, page = s, p
		}
	}) || inner == nil {
		return
	}
	if !tallStays {
		inner.Refresh() // the content's new height, with the message
	}
	top := d.AbsolutePositionForObject(obj).Y
	bottom := top + obj.Size().Height + extra + theme.Padding()
	// The canvas holds a page's Scroll as itself, not as the Fyne scroll
	// inside it: its position is found by the object the canvas holds.
	var shown fyne.CanvasObject = inner
	if page != nil {
		shown = page
	}
	view := d.AbsolutePositionForObject(shown).Y
	off := inner.Offset
	h := inner.Size().Height
	if tallStays && bottom-top > h && bottom > view && top < view+h {
		return
	}
	switch {
	case bottom-top > h || top < view:
		off.Y -= view - top
	case bottom > view+h:
		off.Y += bottom - (view + h)
	default:
		return
	}
	inner.ScrollToOffset(off)
	if page != nil {
		page.reveal()
	}
}

// pathTo reports whether target is under o, calling onScroll for every
// scroll on the way, the innermost first (with the page's Scroll it is, if
// it is one). It knows the
// containers the pages are made of; a widget of its own ends the search.
func pathTo(o, target fyne.CanvasObject, onScroll func(*container.Scroll, *Scroll)) bool {
	if o == target {
		return true
	}
	var kids []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		kids = v.Objects
	case *container.Scroll:
		if pathTo(v.Content, target, onScroll) {
			onScroll(v, nil)
			return true
		}
		return false
	case *Scroll:
		if pathTo(v.Content, target, onScroll) {
			onScroll(&v.Scroll, v)
			return true
		}
		return false
	case *container.AppTabs:
		if it := v.Selected(); it != nil {
			kids = []fyne.CanvasObject{it.Content}
		}
	case *container.Split:
		kids = []fyne.CanvasObject{v.Leading, v.Trailing}
	case *container.ThemeOverride:
		kids = []fyne.CanvasObject{v.Content}
	}
	for _, k := range kids {
		if k != nil && pathTo(k, target, onScroll) {
			return true
		}
	}
	return false
}
