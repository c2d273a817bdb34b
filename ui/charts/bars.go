package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
)

// Bar is one row of a horizontal bar chart.
type Bar struct {
	Label     string
	Value     float64
	Max       float64 // the value of a full-width bar; ≤ 0 means the largest Value of the chart
	ValueText string  // shown after the bar, e.g. "3" or "42 %"
	// Reference draws a marker at this value (e.g. the Finland 2021 share of a
	// ladder rung) when ReferenceText is set; the text follows the value text.
	Reference     float64
	ReferenceText string
}

// Bars is a horizontal bar chart: each bar's label above it (wrapped to two
// lines at most), the bar on a faint track, the value text after it and an
// optional reference marker.
type Bars struct {
	widget.BaseWidget
	Look fyne.Theme // the chart's theme, when not the widget's (text.go)
	bars []Bar

	// Fit makes the chart take the height it is given instead of asking for
	// all its rows: the rows that do not fit are left out and a last line
	// says how many ("+4 more"). For views that cannot scroll, like the projector.
	Fit bool
	// Lang is the language of that last line ("fi" or "en").
	Lang string
	// Squeeze, with Fit, is for a chart of a few fixed rows (the ladder's
	// five rungs, the fist's six fingers), every one of which matters:
	// rows that do not fit at their spacing first come closer together
	// and their bars thinner, down to a least spacing, and only rows that
	// still do not fit are left out. The text keeps its size.
	Squeeze bool
}

// NewBars returns a bar chart of the bars.
func NewBars(bars []Bar) *Bars {
	b := &Bars{bars: append([]Bar(nil), bars...)}
	b.ExtendBaseWidget(b)
	return b
}

// SetBars replaces the chart's bars.
func (b *Bars) SetBars(bars []Bar) {
	b.bars = append([]Bar(nil), bars...)
	b.Refresh()
}

// Bars returns a copy of the chart's bars.
func (b *Bars) Bars() []Bar { return append([]Bar(nil), b.bars...) }

// CreateRenderer implements fyne.Widget.
func (b *Bars) CreateRenderer() fyne.WidgetRenderer { return newChartRenderer(b, b.build) }

// build lays the chart out at width and returns its height; while placing
// it also positions (and creates) the objects.
func (c *Bars) build(p *painter, size fyne.Size) float32 {
	if !c.Fit || !p.place {
		return c.rows(p, size, 1, c.Fit)
	}
	// measure is the height of every row at the spacing, drawing nothing.
	measure := func(room float32) float32 {
		nt, nr := p.nt, p.nr
		p.place = false
		h := c.rows(p, size, room, false)
		p.place, p.nt, p.nr = true, nt, nr
		return h
	}
	full := measure(1)
	if full <= size.Height {
		return c.rows(p, size, 1, false)
	}
	if !c.Squeeze {
		return c.rows(p, size, 1, true)
	}
	// The chart's height is linear in the spacing: the spacing at which
	// every row fits, when the least does.
	least := measure(0)
	if least > size.Height || full <= least {
		return c.rows(p, size, 0, true)
	}
	return c.rows(p, size, clamp01((size.Height-least)/(full-least)), false)
}

// rows lays the bars out at the spacing room (1 the chart's own spacing,
// 0 its least) and returns the chart's height; with fit, the rows that do
// not fit the height are left out and counted.
func (c *Bars) rows(p *painter, size fyne.Size, room float32, fit bool) float32 {
	lk, lineH, text, box := p.lk, p.lineH, p.text, p.box
	width := size.Width
	if min := lk.text * 12; width < min {
		width = min
	}
	bars := c.bars
	bold := fyne.TextStyle{Bold: true}

	max := 0.0
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
	}
	// The value column is as wide as the widest value and reference text, so
	// that every bar starts and ends at the same x.
	var right float32
	for _, b := range bars {
		w := fyne.MeasureText(b.ValueText, lk.text, bold).Width
		if b.ReferenceText != "" {
			w += lk.pad*3 + fyne.MeasureText(b.ReferenceText, lk.text, fyne.TextStyle{}).Width
		}
		if w > right {
			right = w
		}
	}
	if right > width/2 {
		right = width / 2
	}
	// Short labels (fingers, draft names) go on the bar's own row, which
	// halves the chart's height; long ones (ladder rungs) go above the bar.
	var labelW float32
	for _, b := range bars {
		if w := fyne.MeasureText(b.Label, lk.text, fyne.TextStyle{}).Width; w > labelW {
			labelW = w
		}
	}
	inline := labelW <= width*0.3
	barX := float32(0)
	if inline {
		barX = labelW + lk.pad*2
	}
	barArea := width - right - lk.pad*2 - barX
	barH := lineH * (0.5 + 0.35*room)
	// Between rows: twice the padding at full spacing; at the least, half
	// of it under a label above its bar, and for labels beside their bars
	// what keeps the labels a line apart.
	least := lk.pad / 2
	if inline {
		least = (lineH - lineH*0.5) / 2
	}
	gap := least + (lk.pad*2-least)*room

	y := float32(0)
	for i, b := range bars {
		var lines []string
		if inline {
			lines = []string{b.Label}
		} else {
			lines = wrap(b.Label, lk.text, fyne.TextStyle{}, width, 2)
		}
		// The row's height as it is laid out below: the texts beside the
		// bar (an inline label, the value) are centred on it and reach
		// half their overhang under it.
		rowH := barH + fyne.Max(lineH-barH, 0)/2
		if !inline {
			rowH += float32(len(lines))*lineH + lk.pad/2
		}
		if fit && i > 0 {
			left := len(bars) - i
			need := y + gap + rowH
			if left > 1 {
				need += gap + lineH // and the line that counts the rest
			}
			if !p.place || need > size.Height {
				y += gap
				text(i18n.TIn(c.Lang, "charts.more", map[string]int{"N": left}), 0, y, width, bold, fyne.TextAlignLeading)
				y += lineH
				break
			}
		}
		if i > 0 {
			y += gap
		}
		for _, line := range lines {
			if inline {
				text(line, 0, y+(barH-lineH)/2, labelW, fyne.TextStyle{}, fyne.TextAlignLeading)
			} else {
				text(line, 0, y, width, fyne.TextStyle{}, fyne.TextAlignLeading)
			}
			if !inline {
				y += lineH
			}
		}
		if !inline {
			y += lk.pad / 2
		}
		if p.place {
			m := b.Max
			if m <= 0 {
				m = max
			}
			frac := float32(0)
			if m > 0 {
				frac = float32(b.Value / m)
			}
			box(fade(lk.fg, lk.bg, 0.08), barX, y, barArea, barH) // the track
			box(lk.primary, barX, y, barArea*clamp01(frac), barH)
			if b.ReferenceText != "" && m > 0 {
				x := barX + barArea*clamp01(float32(b.Reference/m))
				w := lk.text / 7
				box(lk.fg, x-w/2, y-lk.pad/2, w, barH+lk.pad)
			}
			vx := barX + barArea + lk.pad*2
			text(b.ValueText, vx, y+(barH-lineH)/2, right, bold, fyne.TextAlignLeading)
			if b.ReferenceText != "" {
				vx += fyne.MeasureText(b.ValueText, lk.text, bold).Width + lk.pad*3
				text(b.ReferenceText, vx, y+(barH-lineH)/2, width-vx, fyne.TextStyle{}, fyne.TextAlignLeading)
			}
		}
		y += fyne.Max(barH, 0)
		if lineH > barH {
			y += (lineH - barH) / 2
		}
	}
	return y
}
