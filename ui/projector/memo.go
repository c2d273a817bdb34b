package projector

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"lupauspaja/ui/charts"
)

// memo hands the objects of the previous rendering out again when the same
// thing is drawn, so that an edit makes anew only what changed: building
// every object afresh would cost each keystroke the measuring and drawing of
// the whole page, and Fyne's caches (renderers, text sizes) an entry for
// every new object until they expire.
//
// Each projector has its own; a build reaches it through the state it
// renders (state.memo), so two projectors never share one.
type memo struct {
	prev, next map[string][]fyne.CanvasObject
}

func (m *memo) begin() { m.prev, m.next = m.next, map[string][]fyne.CanvasObject{} }

// take returns an object kept under key by the previous build, or nil.
func (m *memo) take(key string) fyne.CanvasObject {
	if m == nil {
		return nil
	}
	l := m.prev[key]
	if len(l) == 0 {
		return nil
	}
	o := l[len(l)-1]
	m.prev[key] = l[:len(l)-1]
	m.next[key] = append(m.next[key], o)
	return o
}

func (m *memo) keep(key string, o fyne.CanvasObject) {
	if m != nil {
		m.next[key] = append(m.next[key], o)
	}
}

// richText is a RichText with one text segment, reused when the same text
// in the same size and mode was on the previous page.
func (st *state) richText(s string, size fyne.ThemeSizeName, bold bool, wrap fyne.TextWrap, trunc fyne.TextTruncation) *ptext {
	key := fmt.Sprintf("t|%s|%v|%v|%v|%s", size, bold, wrap, trunc, s)
	if o, ok := st.memo.take(key).(*ptext); ok {
		sg := seg(o)
		// Colour and alignment are set by the caller after this, and a grid
		// may have made the size smaller: start plain.
		sg.Style.ColorName, sg.Style.Alignment, sg.Style.SizeName = inkText, fyne.TextAlignLeading, size
		sg.Text = s // a clamped text may have given up its last words
		return o
	}
	rt := newRichText(st.th, s, size, bold)
	rt.Wrapping, rt.Truncation = wrap, trunc
	rt.line = wrap == fyne.TextWrapOff && trunc == fyne.TextTruncateEllipsis
	st.memo.keep(key, rt)
	return rt
}

// rect is a filled rectangle, reused like the texts.
func (st *state) rect(fill, stroke color.Color, strokeW, radius float32, min fyne.Size) *canvas.Rectangle {
	key := fmt.Sprintf("r|%v|%v|%v|%v|%v", fill, stroke, strokeW, radius, min)
	if o, ok := st.memo.take(key).(*canvas.Rectangle); ok {
		return o
	}
	r := canvas.NewRectangle(fill)
	r.StrokeColor, r.StrokeWidth, r.CornerRadius = stroke, strokeW, radius
	r.SetMinSize(min)
	st.memo.keep(key, r)
	return r
}

// bars is a bar chart, reused with new bars under the same name.
func (st *state) bars(name string, data []charts.Bar) *charts.Bars {
	if o, ok := st.memo.take("bars|" + name).(*charts.Bars); ok {
		o.SetBars(data)
		return o
	}
	b := charts.NewBars(data)
	b.Look = st.th.charts
	st.memo.keep("bars|"+name, b)
	return b
}

// grouped is the grouped chart, reused with new data.
func (st *state) grouped(series []string, groups []charts.Group, max float64) *charts.Grouped {
	if o, ok := st.memo.take("grouped").(*charts.Grouped); ok {
		o.SetData(series, groups, max)
		return o
	}
	g := charts.NewGrouped(series, groups, max)
	g.Look = st.th.charts
	st.memo.keep("grouped", g)
	return g
}

// timerText is the timer's text, reused so that the ticker's object stays on screen.
func (st *state) timerText() *canvas.Text {
	if o, ok := st.memo.take("timer").(*canvas.Text); ok {
		o.Alignment = fyne.TextAlignLeading
		return o
	}
	t := canvas.NewText("", colForeground)
	st.memo.keep("timer", t)
	return t
}

// clipBox is the page body's clip. The clip holds a stack that holds the
// body, so that a reused clip shows its new body: the clip's renderer keeps
// the object it was made with, the stack, whose objects are replaced.
func (st *state) clipBox(content fyne.CanvasObject) *container.Clip {
	if o, ok := st.memo.take("clip").(*container.Clip); ok {
		if holder, ok := o.Content.(*fyne.Container); ok {
			holder.Objects = []fyne.CanvasObject{content}
			return o
		}
	}
	c := container.NewClip(container.NewStack(content))
	// Fyne 2.8's NewClip leaves the widget unextended until its MinSize or
	// renderer is asked for, and an unextended widget ignores Resize and
	// Refresh: the page's layouts size the clip before anything asks, so its
	// body would never be laid out.
	c.ExtendBaseWidget(c)
	st.memo.keep("clip", c)
	return c
}
