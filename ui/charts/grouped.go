package charts

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// Group is one group of a grouped bar chart: e.g. a criterion, with one
// value per series (per shortlisted draft).
type Group struct {
	Label  string
	Values []float64 // one per series; values past the series are ignored
	Texts  []string  // shown above the bars when they fit; optional
}

// Grouped is a vertical grouped bar chart with a legend: per group one bar
// for each series, the group's label under the bars.
type Grouped struct {
	widget.BaseWidget
	series []string
	groups []Group
	max    float64
}

// NewGrouped returns a grouped bar chart; max is the value of a full-height
// bar (≤ 0: the largest value).
func NewGrouped(series []string, groups []Group, max float64) *Grouped {
	g := &Grouped{}
	g.ExtendBaseWidget(g)
	g.series, g.groups, g.max = append([]string(nil), series...), append([]Group(nil), groups...), max
	return g
}

// SetData replaces the chart's series, groups and maximum.
func (g *Grouped) SetData(series []string, groups []Group, max float64) {
	g.series, g.groups, g.max = append([]string(nil), series...), append([]Group(nil), groups...), max
	g.Refresh()
}

// seriesColor is the colour of series i: the theme's primary and foreground
// colours, then lighter mixes of them, so that light and dark themes both work.
func seriesColor(lk look, i int) color.Color {
	keep := []float64{1, 1, 0.5, 0.45, 0.25, 0.22}
	base := lk.primary
	if i%2 == 1 {
		base = lk.fg
	}
	return fade(base, lk.bg, keep[i%len(keep)])
}

// CreateRenderer implements fyne.Widget.
func (g *Grouped) CreateRenderer() fyne.WidgetRenderer {
	r := &groupedRenderer{g: g}
	r.build(g.Size(), true)
	return r
}

type groupedRenderer struct {
	g     *Grouped
	objs  []fyne.CanvasObject
	txt   texts
	rects []*canvas.Rectangle
}

func (r *groupedRenderer) rect(i int) *canvas.Rectangle {
	for len(r.rects) <= i {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	return r.rects[i]
}

// build lays the chart out in size and returns its minimum height at that
// width; with place it also positions the objects.
func (r *groupedRenderer) build(size fyne.Size, place bool) float32 {
	lk := lookFor(r.g)
	width := size.Width
	if min := lk.text * 12; width < min {
		width = min
	}
	lineH := fyne.MeasureText("Åg", lk.text, fyne.TextStyle{}).Height
	bold := fyne.TextStyle{Bold: true}
	nt, nr := 0, 0
	text := func(s string, x, y, w float32, style fyne.TextStyle, align fyne.TextAlign) {
		if place {
			t := r.txt.get(nt)
			t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = s, lk.text, lk.fg, style, align
			t.Move(fyne.NewPos(x, y))
			t.Resize(fyne.NewSize(w, lineH))
		}
		nt++
	}
	box := func(c color.Color, x, y, w, h float32) {
		if place {
			b := r.rect(nr)
			b.FillColor = c
			b.Move(fyne.NewPos(x, y))
			b.Resize(fyne.NewSize(w, h))
		}
		nr++
	}

	// Legend: a swatch and the series name; with more than two series the
	// names share the width in two columns so that the bars keep their height.
	x, y := float32(0), float32(0)
	sw := lineH * 0.7
	cols := 1
	if len(r.g.series) > 2 {
		cols = 2
	}
	colW := width / float32(cols)
	for i, s := range r.g.series {
		if i > 0 && i%cols == 0 {
			x, y = 0, y+lineH+lk.pad/2
		}
		name := s
		if place { // measuring the height needs no cut names
			name = ellipsize(s, lk.text, fyne.TextStyle{}, colW-sw-lk.pad*4)
		}
		box(seriesColor(lk, i), x, y+(lineH-sw)/2, sw, sw)
		text(name, x+sw+lk.pad, y, colW-sw-lk.pad*2, fyne.TextStyle{}, fyne.TextAlignLeading)
		x += colW
	}
	if len(r.g.series) > 0 {
		y += lineH + lk.pad*3
	}

	max := r.g.max
	if max <= 0 {
		for _, gr := range r.g.groups {
			for _, v := range gr.Values {
				if v > max {
					max = v
				}
			}
		}
	}
	// A scale on the left (1, 2, … up to a small maximum such as 5) with
	// faint lines across, so that the bars can be read without value texts.
	var axisW float32
	steps := 0
	if max > 0 && max <= 10 && max == float64(int(max)) {
		steps = int(max)
		axisW = fyne.MeasureText(strconv.Itoa(steps), lk.text, fyne.TextStyle{}).Width + lk.pad*2
	}
	groups := len(r.g.groups)
	n := len(r.g.series)
	plotW := width - axisW
	groupW := plotW
	if groups > 0 {
		groupW = plotW / float32(groups)
	}
	labelLines := 1
	for _, gr := range r.g.groups {
		if l := len(wrap(gr.Label, lk.text, fyne.TextStyle{}, groupW-2, 2)); l > labelLines {
			labelLines = l
		}
	}
	minPlot := lineH * 6
	plotTop := y + lineH // room for the value texts above a full bar
	minH := plotTop + minPlot + lk.pad + float32(labelLines)*lineH
	if !place {
		return minH
	}
	plotH := minPlot
	if size.Height > minH {
		plotH += size.Height - minH
	}
	base := plotTop + plotH
	for v := 1; v <= steps; v++ {
		y := base - plotH*float32(v)/float32(max)
		box(fade(lk.fg, lk.bg, 0.15), axisW, y, plotW, 1)
		text(strconv.Itoa(v), 0, y-lineH/2, axisW-lk.pad, fyne.TextStyle{}, fyne.TextAlignTrailing)
	}
	box(lk.fg, axisW, base, plotW, lk.text/10) // the axis
	for gi, gr := range r.g.groups {
		gx := axisW + float32(gi)*groupW
		inner := groupW - lk.pad*3
		bw := inner
		if n > 0 {
			bw = inner / float32(n)
		}
		for si := 0; si < n && si < len(gr.Values); si++ {
			frac := float32(0)
			if max > 0 {
				frac = clamp01(float32(gr.Values[si] / max))
			}
			h := plotH * frac
			bx := gx + lk.pad*1.5 + float32(si)*bw
			box(seriesColor(lk, si), bx+1, base-h, bw-2, h)
			if si < len(gr.Texts) && fyne.MeasureText(gr.Texts[si], lk.text, bold).Width <= bw {
				text(gr.Texts[si], bx, base-h-lineH, bw, bold, fyne.TextAlignCenter)
			}
		}
		ly := base + lk.pad
		for _, line := range wrap(gr.Label, lk.text, fyne.TextStyle{}, groupW-2, 2) {
			text(line, gx, ly, groupW, fyne.TextStyle{}, fyne.TextAlignCenter)
			ly += lineH
		}
	}
	r.objs = r.objs[:0]
	for _, o := range r.rects[:nr] {
		r.objs = append(r.objs, o)
	}
	r.objs = append(r.objs, r.txt.objects(nt)...)
	return minH
}

func (r *groupedRenderer) Layout(s fyne.Size) { r.build(s, true) }

func (r *groupedRenderer) MinSize() fyne.Size {
	lk := lookFor(r.g)
	return fyne.NewSize(lk.text*12, r.build(r.g.Size(), false))
}

func (r *groupedRenderer) Refresh() {
	r.build(r.g.Size(), true)
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *groupedRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *groupedRenderer) Destroy()                     {}
