// Package button is the app's button: Fyne's, with its focus also drawn as
// a ring inside its edge, whatever its importance.
//
// Fyne shows a button's focus as the theme's focus shade over the button's
// own colour. The shade is one colour for every kind of button, and on none
// it changes the button by the 3:1 a focus indicator needs (WCAG 1.4.11,
// 2.4.13) without hiding the text of another kind: on the light variant a
// focused primary button was 1.31:1 from itself unfocused, a red one
// 1.39:1, a grey one 1.49:1 (2.5:1 on dark), and the grey ones need a light
// shade to keep their dark text readable. The ring is in the button's own
// text colour, so it differs from the colour it is drawn on as much as the
// text does (at least 4.5:1, TestButtonTextIsReadable in ui), and it lies
// in the button's padding, clear of its text and icon. A low-importance
// button, drawn without a background until focused, has its ring on the
// window's background, which its text reads on too.
package button

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Ring is the ring's width and its distance from the button's edge; with
// Fyne's inner padding (8) the ring ends 3 px before the text and icon.
const (
	ringWidth = 2
	ringInset = 3
)

// Button is a widget.Button whose focus is also a ring. Its importance may
// change (a toggle that is on is primary): the ring's colour follows at the
// next Refresh, as the button's own colours do.
type Button struct {
	widget.Button
	focused bool
	// Words is what assistive technology reads for the button when it
	// shows fewer words than it has, or its icon alone (the header of a
	// narrow window); empty: its text, as Fyne's button.
	Words string
}

// New is widget.NewButtonWithIcon (icon nil: none) as the app's button.
func New(text string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// Primary is New with HighImportance.
func Primary(text string, icon fyne.Resource, tapped func()) *Button {
	b := New(text, icon, tapped)
	b.Importance = widget.HighImportance
	return b
}

// FocusGained implements fyne.Focusable.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

// FocusLost implements fyne.Focusable.
func (b *Button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// Ringed reports whether the button shows the focus ring now: while it is
// focused and enabled (a disabled button cannot be focused by the keyboard,
// but one can be disabled while focused).
func (b *Button) Ringed() bool {
	return b.focused && !b.Disabled()
}

// signs are the colours of the importances a button is filled with, and of
// its text and icon on that fill.
var signs = map[widget.Importance][2]fyne.ThemeColorName{
	widget.HighImportance:    {theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary},
	widget.DangerImportance:  {theme.ColorNameError, theme.ColorNameForegroundOnError},
	widget.WarningImportance: {theme.ColorNameWarning, theme.ColorNameForegroundOnWarning},
	widget.SuccessImportance: {theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess},
}

// TextColor is the name of the colour Fyne draws an enabled button's text
// and icon in at importance imp, as widget.Button does: the ring's colour.
func TextColor(imp widget.Importance) fyne.ThemeColorName {
	if c, ok := signs[imp]; ok {
		return c[1]
	}
	return theme.ColorNameForeground
}

// FillColor is the name of the colour Fyne fills an enabled, unfocused
// button with at importance imp; "" for none (a low-importance one).
func FillColor(imp widget.Importance) fyne.ThemeColorName {
	if c, ok := signs[imp]; ok {
		return c[0]
	}
	if imp == widget.LowImportance {
		return ""
	}
	return theme.ColorNameButton
}

// CreateRenderer implements fyne.Widget: Fyne's button's renderer, with the
// ring drawn over it.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	b.ExtendBaseWidget(b)
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = ringWidth
	r := &renderer{WidgetRenderer: b.Button.CreateRenderer(), ring: ring, b: b}
	r.applyRing()
	return r
}

type renderer struct {
	fyne.WidgetRenderer
	ring *canvas.Rectangle
	b    *Button

	inner   []fyne.CanvasObject // the button's own objects when objects was made
	objects []fyne.CanvasObject // those and the ring, on top
}

func (r *renderer) Objects() []fyne.CanvasObject {
	in := r.WidgetRenderer.Objects()
	if len(in) != len(r.inner) || len(in) > 0 && &in[0] != &r.inner[0] {
		r.inner = in
		r.objects = append(append(make([]fyne.CanvasObject, 0, len(in)+1), in...), r.ring)
	}
	return r.objects
}

func (r *renderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.NewSquareOffsetPos(ringInset))
	r.ring.Resize(size.SubtractWidthHeight(2*ringInset, 2*ringInset))
}

func (r *renderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.applyRing()
	r.ring.Refresh()
}

func (r *renderer) applyRing() {
	r.ring.Hidden = !r.b.Ringed()
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.StrokeColor = th.Color(TextColor(r.b.Importance), v)
	r.ring.CornerRadius = max(0, th.Size(theme.SizeNameButtonRadius)-ringInset)
}

// AccessibilityLabel implements fyne.Accessible: the button's words, also
// while it shows its icon alone.
func (b *Button) AccessibilityLabel() string {
	if b.Words != "" {
		return b.Words
	}
	return b.Button.AccessibilityLabel()
}
