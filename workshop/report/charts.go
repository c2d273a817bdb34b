package report

import (
	"fmt"
	"math"
)

// bar is one series value of a horizontal bar row.
type bar struct {
	value float64 // in the chart's unit
	text  string  // printed after the bar
	color rgb
}

// barRow is a labelled row of one or more bars.
type barRow struct {
	label string
	bars  []bar
}

// Measures of the horizontal bar charts in millimetres.
const barH, barGap, rowGap, barTextW = 4.2, 1.0, 3.0, 24.0

// barRowLayout wraps a row's label (three lines at most) and says how tall
// the row is.
func (d *doc) barRowLayout(r barRow, labelW float64) ([]string, float64) {
	d.font("", 8.5, ink)
	label := d.wrap(oneLine(r.label), labelW)
	if len(label) > 3 {
		label = append(label[:2], d.fit(label[2]+" "+label[3], labelW))
	}
	barsH := float64(len(r.bars))*(barH+barGap) - barGap
	return label, max(barsH, float64(len(label))*3.8)
}

// hbarsHeight is how tall hbars will draw the rows, to keep a chart
// together with its heading.
func (d *doc) hbarsHeight(rows []barRow, labelW float64) float64 {
	h := 0.0
	for _, r := range rows {
		_, rh := d.barRowLayout(r, labelW)
		h += rh + rowGap
	}
	return h
}

// hbars draws labelled horizontal bars scaled to maxVal; rows never split
// across pages.
func (d *doc) hbars(rows []barRow, maxVal, labelW float64) {
	if maxVal <= 0 || math.IsNaN(maxVal) || math.IsInf(maxVal, 0) {
		maxVal = 1
	}
	x0 := marginL + labelW + 3
	span := contentW - labelW - 3 - barTextW
	for _, r := range rows {
		label, h := d.barRowLayout(r, labelW)
		barsH := float64(len(r.bars))*(barH+barGap) - barGap
		d.need(h + rowGap)
		y := d.y()
		ly := y + (h-float64(len(label))*3.8)/2
		for _, ln := range label {
			d.pdf.SetXY(marginL, ly)
			d.pdf.CellFormat(labelW, 3.8, ln, "", 0, "L", false, 0, "")
			ly += 3.8
		}
		by := y + (h-barsH)/2
		// A faint track shows the full scale, so a short bar reads as short.
		for _, b := range r.bars {
			d.fill(zebra)
			d.pdf.Rect(x0, by, span, barH, "F")
			v := math.Max(0, math.Min(b.value, maxVal))
			if w := span * v / maxVal; w > 0.05 {
				d.fill(b.color)
				d.pdf.Rect(x0, by, w, barH, "F")
			}
			d.font("", 8, ink)
			d.pdf.SetXY(x0+span+2, by)
			d.pdf.CellFormat(barTextW-2, barH, d.fit(b.text, barTextW-2), "", 0, "L", false, 0, "")
			by += barH + barGap
		}
		d.setY(y + h + rowGap)
	}
}

// legend draws coloured keys in one line (wrapping when needed).
func (d *doc) legend(items []string, colors []rgb) {
	d.need(6)
	x := marginL
	y := d.y()
	d.font("", 8, ink)
	for i, it := range items {
		it = d.fit(oneLine(it), contentW-8)
		w := d.pdf.GetStringWidth(it) + 9
		if x+w > marginL+contentW && x > marginL {
			x = marginL
			y += 5
		}
		d.fill(colors[i%len(colors)])
		d.pdf.Rect(x, y+0.8, 3, 3, "F")
		d.pdf.SetXY(x+4.5, y)
		d.pdf.CellFormat(w-4.5, 4.6, it, "", 0, "L", false, 0, "")
		x += w + 2
	}
	d.setY(y + 6)
}

// series is one finalist in the criteria chart: a mean per criterion.
type series struct {
	name   string
	values []float64 // 0 = not rated
	color  rgb
}

// columns draws grouped vertical bars on a 0..top scale with gridlines,
// one group per category (the criteria C1..C8).
func (d *doc) columns(categories []string, ss []series, top float64, h float64) {
	if len(categories) == 0 || len(ss) == 0 {
		return
	}
	d.need(h + 12)
	const axisW = 7.0
	x0 := marginL + axisW
	w := contentW - axisW
	y0 := d.y() + 2
	base := y0 + h
	d.font("", 7, muted)
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.15)
	for v := 0.0; v <= top+1e-9; v++ {
		y := base - h*v/top
		d.pdf.Line(x0, y, x0+w, y)
		d.pdf.SetXY(marginL, y-2)
		d.pdf.CellFormat(axisW-1.5, 4, fmt.Sprintf("%.0f", v), "", 0, "R", false, 0, "")
	}
	groupW := w / float64(len(categories))
	barW := math.Min(7, (groupW-4)/float64(len(ss)))
	for ci, cat := range categories {
		gx := x0 + groupW*float64(ci) + (groupW-barW*float64(len(ss)))/2
		for si, s := range ss {
			if ci >= len(s.values) {
				continue
			}
			v := math.Max(0, math.Min(s.values[ci], top))
			if v > 0 {
				bh := h * v / top
				d.fill(s.color)
				d.pdf.Rect(gx+barW*float64(si)+0.3, base-bh, barW-0.6, bh, "F")
			}
		}
		d.font("B", 7.5, ink)
		d.pdf.SetXY(x0+groupW*float64(ci), base+1)
		d.pdf.CellFormat(groupW, 4, d.fit(cat, groupW), "", 0, "C", false, 0, "")
	}
	d.setY(base + 6)
}

// fist draws the fist-of-five distribution: a column per 0..5 fingers, red
// below the consent threshold.
func (d *doc) fist(counts [6]int, x, w, h float64) {
	top := 1
	for _, c := range counts {
		top = max(top, c)
	}
	y0 := d.y()
	base := y0 + h
	colW := w / 6
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.15)
	d.pdf.Line(x, base, x+w, base)
	for i, c := range counts {
		col := accent
		if i < 3 {
			col = red
		}
		bx := x + colW*float64(i)
		if c > 0 {
			bh := (h - 5) * float64(c) / float64(top)
			d.fill(col)
			d.pdf.Rect(bx+colW*0.2, base-bh, colW*0.6, bh, "F")
			d.font("B", 7.5, ink)
			d.pdf.SetXY(bx, base-bh-4)
			d.pdf.CellFormat(colW, 4, fmt.Sprint(c), "", 0, "C", false, 0, "")
		}
		d.font("", 7.5, muted)
		d.pdf.SetXY(bx, base+0.5)
		d.pdf.CellFormat(colW, 4, fmt.Sprint(i), "", 0, "C", false, 0, "")
	}
	d.font("", 7, muted)
	d.pdf.SetXY(x, base+4.5)
	d.pdf.CellFormat(w, 3.5, d.w.Fingers+" · "+d.w.Threshold, "", 0, "C", false, 0, "")
}

// heat is the background of a criterion mean in the heatmap: red at 1,
// amber at 3, green at 5.
func heat(v float64) rgb {
	if v <= 0 {
		return white
	}
	lerp := func(a, b rgb, t float64) rgb {
		return rgb{a.r + int(float64(b.r-a.r)*t), a.g + int(float64(b.g-a.g)*t), a.b + int(float64(b.b-a.b)*t)}
	}
	lo, mid, hi := rgb{246, 205, 208}, rgb{253, 236, 200}, rgb{200, 234, 212}
	switch {
	case v <= 1:
		return lo
	case v < 3:
		return lerp(lo, mid, (v-1)/2)
	case v < 5:
		return lerp(mid, hi, (v-3)/2)
	}
	return hi
}
