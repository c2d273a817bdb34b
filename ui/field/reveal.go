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
//
// It measures in the scroll's content, not on the screen: an object just
// shown (a picker's list opened) has not been drawn yet, and the window's
// driver knows neither its canvas nor its place on the screen until it is.
func revealIn(obj fyne.CanvasObject, extra float32, tallStays bool) {
	content := contentHolding(obj)
	if content == nil {
		return
	}
	var inner *container.Scroll
	var page *Scroll // inner, when it is a page's Scroll
	if !pathTo(content, obj, func(s *container.Scroll, p *Scroll) {
		if inner == nil {
			inner, page = s, p
		}
	}) || inner == nil {
		return
	}
	if !tallStays {
		inner.Refresh() // the content's new height, with the message
	}
	at, _ := offsetIn(inner.Content, obj)
	top := at.Y
	bottom := top + obj.Size().Height + extra + theme.Padding()
	off := inner.Offset
	h := inner.Size().Height
	if tallStays && bottom-top > h && bottom > off.Y && top < off.Y+h {
		return
	}
	switch {
	case bottom-top > h || top < off.Y:
		off.Y = top
	case bottom > off.Y+h:
		off.Y = bottom - h
	default:
		return
	}
	inner.ScrollToOffset(off)
	if page != nil {
		page.reveal()
	}
}

// contentHolding is the content of the window that holds obj, or nil: the
// driver's canvas for obj, when it knows one (not for an object never
// drawn), or else the window whose content has obj under it.
func contentHolding(obj fyne.CanvasObject) fyne.CanvasObject {
	holds := func(c fyne.CanvasObject) bool {
		return c != nil && pathTo(c, obj, func(*container.Scroll, *Scroll) {})
	}
	d := fyne.CurrentApp().Driver()
	if c := d.CanvasForObject(obj); c != nil && holds(c.Content()) {
		return c.Content()
	}
	for _, w := range d.AllWindows() {
		if holds(w.Content()) {
			return w.Content()
		}
	}
	return nil
}

// pathTo reports whether target is under o, calling onScroll for every
// scroll on the way, the innermost first (with the page's Scroll it is, if
// it is one). It knows the containers the pages are made of (kidsOf); a
// widget of its own ends the search.
func pathTo(o, target fyne.CanvasObject, onScroll func(*container.Scroll, *Scroll)) bool {
	if o == target {
		return true
	}
	for _, k := range kidsOf(o) {
		if k != nil && pathTo(k, target, onScroll) {
			switch v := o.(type) {
			case *Scroll:
				onScroll(&v.Scroll, v)
			case *container.Scroll:
				onScroll(v, nil)
			}
			return true
		}
	}
	return false
}

// offsetIn is where target is in o (o's own position left out), found the
// way pathTo finds it; false when it is not under o.
func offsetIn(o, target fyne.CanvasObject) (fyne.Position, bool) {
	if o == target {
		return fyne.Position{}, true
	}
	for _, k := range kidsOf(o) {
		if k == nil {
			continue
		}
		if at, ok := offsetIn(k, target); ok {
			return k.Position().Add(at), true
		}
	}
	return fyne.Position{}, false
}

// kidsOf are the objects directly under o of the containers the pages are
// made of, each placed relative to o.
func kidsOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{v.Content}
	case *Scroll:
		return []fyne.CanvasObject{v.Content}
	case *container.AppTabs:
		if it := v.Selected(); it != nil {
			return []fyne.CanvasObject{it.Content}
		}
	case *container.Split:
		return []fyne.CanvasObject{v.Leading, v.Trailing}
	case *container.ThemeOverride:
		return []fyne.CanvasObject{v.Content}
	}
	return nil
}
