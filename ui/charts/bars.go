package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	bars []Bar

	// Fit makes the chart take the height it is given instead of asking for
	// all its rows: the rows that do not fit are left out and a last line
	// says how many ("+4 more"). For views that cannot scroll, like the projector.
	Fit bool
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
func (b *Bars) CreateRenderer() fyne.WidgetRenderer {
	r := &barsRenderer{b: b}
	r.build(b.Size(), true)
	return r
}

type barsRenderer struct {
	b     *Bars
	objs  []fyne.CanvasObject
	txt   texts
	rects []*canvas.Rectangle
}

func (r *barsRenderer) rect(i int) *canvas.Rectangle {
	for len(r.rects) <= i {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	return r.rects[i]
}

func (r *barsRenderer) minWidth(lk look) float32 { return lk.text * 12 }

// build lays the chart out at width and returns its height; with place it
// also positions (and creates) the objects.
func (r *barsRenderer) build(size fyne.Size, place bool) float32 {
	width := size.Width
	lk := lookFor(r.b)
	if width < r.minWidth(lk) {
		width = r.minWidth(lk)
	}
	bars := r.b.bars
	lineH := fyne.MeasureText("Åg", lk.text, fyne.TextStyle{}).Height
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
	barH := lineH * 0.85

	nt, nr := 0, 0
	y := float32(0)
	for i, b := range bars {
		var lines []string
		if inline {
			lines = []string{b.Label}
		} else {
			lines = wrap(b.Label, lk.text, fyne.TextStyle{}, width, 2)
		}
		rowH := fyne.Max(barH, lineH)
		if !inline {
			rowH = float32(len(lines))*lineH + lk.pad/2 + barH
		}
		if r.b.Fit && i > 0 {
			left := len(bars) - i
			need := y + lk.pad*2 + rowH
			if left > 1 {
				need += lk.pad*2 + lineH // and the line that counts the rest
			}
			if !place || need > size.Height {
				y += lk.pad * 2
				if place {
					t := r.txt.get(nt)
					t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = i18n.T("charts.more", map[string]int{"N": left}), lk.text, lk.fg, bold, fyne.TextAlignLeading
					t.Move(fyne.NewPos(0, y))
					t.Resize(fyne.NewSize(width, lineH))
					nt++
				}
				y += lineH
				break
			}
		}
		if i > 0 {
			y += lk.pad * 2
		}
		for _, line := range lines {
			if place {
				t := r.txt.get(nt)
				t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = line, lk.text, lk.fg, fyne.TextStyle{}, fyne.TextAlignLeading
				if inline {
					t.Move(fyne.NewPos(0, y+(barH-lineH)/2))
					t.Resize(fyne.NewSize(labelW, lineH))
				} else {
					t.Move(fyne.NewPos(0, y))
					t.Resize(fyne.NewSize(width, lineH))
				}
			}
			nt++
			if !inline {
				y += lineH
			}
		}
		if !inline {
			y += lk.pad / 2
		}
		if place {
			m := b.Max
			if m <= 0 {
				m = max
			}
			frac := float32(0)
			if m > 0 {
				frac = float32(b.Value / m)
			}
			frac = clamp01(frac)
			track := r.rect(nr)
			track.FillColor, track.CornerRadius = fade(lk.fg, lk.bg, 0.08), 0
			track.Move(fyne.NewPos(barX, y))
			track.Resize(fyne.NewSize(barArea, barH))
			fill := r.rect(nr + 1)
			fill.FillColor = lk.primary
			fill.Move(fyne.NewPos(barX, y))
			fill.Resize(fyne.NewSize(barArea*frac, barH))
			nr += 2
			if b.ReferenceText != "" && m > 0 {
				x := barX + barArea*clamp01(float32(b.Reference/m))
				w := lk.text / 7
				mark := r.rect(nr)
				mark.FillColor = lk.fg
				mark.Move(fyne.NewPos(x-w/2, y-lk.pad/2))
				mark.Resize(fyne.NewSize(w, barH+lk.pad))
				nr++
			}
			vx := barX + barArea + lk.pad*2
			t := r.txt.get(nt)
			t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = b.ValueText, lk.text, lk.fg, bold, fyne.TextAlignLeading
			t.Move(fyne.NewPos(vx, y+(barH-lineH)/2))
			t.Resize(fyne.NewSize(right, lineH))
			nt++
			if b.ReferenceText != "" {
				vx += fyne.MeasureText(b.ValueText, lk.text, bold).Width + lk.pad*3
				t := r.txt.get(nt)
				t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = b.ReferenceText, lk.text, lk.fg, fyne.TextStyle{Italic: true}, fyne.TextAlignLeading
				t.Move(fyne.NewPos(vx, y+(barH-lineH)/2))
				t.Resize(fyne.NewSize(width-vx, lineH))
				nt++
			}
		}
		y += fyne.Max(barH, 0)
		if inline && lineH > barH {
			y += (lineH - barH) / 2
		}
	}
	if place {
		r.objs = r.objs[:0]
		for _, o := range r.rects[:nr] {
			r.objs = append(r.objs, o)
		}
		r.objs = append(r.objs, r.txt.objects(nt)...)
	}
	return y
}

func clamp01(f float32) float32 {
	if f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}

func (r *barsRenderer) Layout(s fyne.Size) { r.build(s, true) }

func (r *barsRenderer) MinSize() fyne.Size {
	lk := lookFor(r.b)
	return fyne.NewSize(r.minWidth(lk), r.build(r.b.Size(), false))
}

func (r *barsRenderer) Refresh() {
	r.build(r.b.Size(), true)
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *barsRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barsRenderer) Destroy()                     {}
