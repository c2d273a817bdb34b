// Package uitest is the ui tests' kit for walking a rendered tree of Fyne
// objects: a container's objects and a widget's rendered ones, as drawn now
// (the widgets' cached renderers, unlike test.LaidOutObjects which builds
// new ones).
package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// children are the objects directly under o.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// Walk visits o and every object under it in paint order, a parent before
// its children, hidden ones too.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	for _, c := range children(o) {
		Walk(c, fn)
	}
}

// WalkShown visits the visible objects under o (a hidden object's children
// are not drawn either) in paint order, with their absolute positions,
// o being at off.
func WalkShown(o fyne.CanvasObject, off fyne.Position, fn func(fyne.CanvasObject, fyne.Position)) {
	if o == nil || !o.Visible() {
		return
	}
	pos := off.Add(o.Position())
	fn(o, pos)
	for _, c := range children(o) {
		WalkShown(c, pos, fn)
	}
}

// All lists o and every object under it, as Walk visits them.
func All(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	Walk(o, func(x fyne.CanvasObject) { out = append(out, x) })
	return out
}

// Find is the first object under o of type T that ok accepts (nil: any).
func Find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) T {
	var found T
	done := false
	Walk(o, func(x fyne.CanvasObject) {
		if t, is := x.(T); is && !done && (ok == nil || ok(t)) {
			found, done = t, true
		}
	})
	return found
}

// Relayout lays every object out again from the top, as the desktop driver
// does on each frame when a minimum size changed; the test canvas does not,
// so without it a capture can show rows over each other that the app never
// shows.
func Relayout(o fyne.CanvasObject) {
	Walk(o, func(x fyne.CanvasObject) {
		switch c := x.(type) {
		case fyne.Widget:
			test.WidgetRenderer(c).Layout(c.Size())
		case *fyne.Container:
			if c.Layout != nil {
				c.Layout.Layout(c.Objects, c.Size())
			}
		}
	})
}
