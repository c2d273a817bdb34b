package charts

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
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
// for each series, the group's label under the bars. It takes the height it
// is given: a lower plot when that is less than its minimum.
type Grouped struct {
	widget.BaseWidget
	Look fyne.Theme // the chart's theme, when not the widget's (text.go)

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
func (g *Grouped) CreateRenderer() fyne.WidgetRenderer { return newChartRenderer(g, g.build) }

// build lays the chart out in size and returns its minimum height at that
// width; while placing it also positions the objects.
func (g *Grouped) build(p *painter, size fyne.Size) float32 {
	lk, lineH, text, box := p.lk, p.lineH, p.text, p.box
	width := size.Width
	if min := lk.text * 12; width < min {
		width = min
	}
	bold := fyne.TextStyle{Bold: true}

	// Legend: a swatch and the series name; with more than two series the
	// names share the width in two columns so that the bars keep their height.
	x, y := float32(0), float32(0)
	sw := lineH * 0.7
	cols := 1
	if len(g.series) > 2 {
		cols = 2
	}
	colW := width / float32(cols)
	for i, s := range g.series {
		if i > 0 && i%cols == 0 {
			x, y = 0, y+lineH+lk.pad/2
		}
		name := s
		if p.place { // measuring the height needs no cut names
			name = ellipsize(s, lk.text, fyne.TextStyle{}, colW-sw-lk.pad*4)
		}
		box(seriesColor(lk, i), x, y+(lineH-sw)/2, sw, sw)
		text(name, x+sw+lk.pad, y, colW-sw-lk.pad*2, fyne.TextStyle{}, fyne.TextAlignLeading)
		x += colW
	}
	if len(g.series) > 0 {
		y += lineH + lk.pad*3
	}

	max := g.max
	if max <= 0 {
		for _, gr := range g.groups {
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
	groups := len(g.groups)
	n := len(g.series)
	plotW := width - axisW
	groupW := plotW
	if groups > 0 {
		groupW = plotW / float32(groups)
	}
	labelLines := 1
	for _, gr := range g.groups {
		if l := len(wrap(gr.Label, lk.text, fyne.TextStyle{}, groupW-2, 2)); l > labelLines {
			labelLines = l
		}
	}
	minPlot := lineH * 6
	plotTop := y + lineH // room for the value texts above a full bar
	minH := plotTop + minPlot + lk.pad + float32(labelLines)*lineH
	if !p.place {
		return minH
	}
	// Given less than its height, the plot gives it up, down to two lines,
	// so that the legend and the groups' labels stay in the chart's box
	// (a view that cannot scroll, like the projector, would cut them off).
	plotH := fyne.Max(minPlot+size.Height-minH, lineH*2)
	base := plotTop + plotH
	for v := 1; v <= steps; v++ {
		y := base - plotH*float32(v)/float32(max)
		box(fade(lk.fg, lk.bg, 0.15), axisW, y, plotW, 1)
		text(strconv.Itoa(v), 0, y-lineH/2, axisW-lk.pad, fyne.TextStyle{}, fyne.TextAlignTrailing)
	}
	box(lk.fg, axisW, base, plotW, lk.text/10) // the axis
	for gi, gr := range g.groups {
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
	return minH
}
