package report

// block is a paragraph inside a panel.
type block struct {
	text  string
	style string
	size  float64
	lh    float64
	color rgb
	label bool // a small upper-case caption
	gap   float64
}

// panel draws paragraphs on a tinted background with a bar on the left;
// a panel taller than the room left continues on the next page.
func (d *doc) panel(bg, bar rgb, blocks []block) {
	const padX, padY = 6.0, 4.0
	x, w := marginL, contentW
	tw := w - 2*padX - 1.5
	var lines []line
	for _, b := range blocks {
		if b.gap > 0 && len(lines) > 0 {
			lines = append(lines, line{lh: b.gap})
		}
		style, size := b.style, b.size
		text := clean(b.text)
		if b.label {
			style, size = "B", 7.5
			text = upper(oneLine(b.text))
		}
		d.font(style, size, b.color)
		for _, ln := range d.wrap(text, tw) {
			lines = append(lines, line{ln, style, size, b.lh, b.color})
		}
	}
	for len(lines) > 0 {
		d.need(2*padY + lines[0].lh + 2)
		avail := d.room() - 2*padY
		n, h := 0, 0.0
		for n < len(lines) && h+lines[n].lh <= avail {
			h += lines[n].lh
			n++
		}
		if n == 0 {
			d.newPage()
			continue
		}
		y := d.y()
		d.fill(bg)
		d.pdf.Rect(x, y, w, h+2*padY, "F")
		d.fill(bar)
		d.pdf.Rect(x, y, 1.5, h+2*padY, "F")
		ly := y + padY
		for _, l := range lines[:n] {
			if l.text != "" {
				d.font(l.style, l.size, l.color)
				d.pdf.SetXY(x+1.5+padX, ly)
				d.pdf.CellFormat(tw, l.lh, l.text, "", 0, "L", false, 0, "")
			}
			ly += l.lh
		}
		d.setY(y + h + 2*padY)
		lines = lines[n:]
		if len(lines) > 0 {
			d.newPage()
		}
	}
}
