package report

// span is one styled run of text inside a table cell; a cell stacks its
// spans vertically, each wrapped on its own.
type span struct {
	text  string
	style string  // "", "B" or "I"
	size  float64 // 0 = table body size
	color *rgb
}

// cell is a table cell: its spans and an optional background.
type cell struct {
	spans []span
	bg    *rgb
}

func txt(s string) cell { return cell{spans: []span{{text: s}}} }

func bold(s string) cell { return cell{spans: []span{{text: s, style: "B"}}} }

// flag is a cell that needs the reader's attention, such as a missing owner.
func flag(s string) cell {
	return cell{spans: []span{{text: s, style: "B", size: 7.5, color: &red}}, bg: &redLight}
}

func (c cell) with(sp span) cell { c.spans = append(c.spans, sp); return c }

// column of a table: a title and a share of the table width.
type column struct {
	title string
	share float64
	align string // "L" or "R"
}

// table draws rows that wrap, repeat the header after a page break, and
// split across pages only when a single row is taller than a page.
type table struct {
	d     *doc
	cols  []column
	x, w  float64
	size  float64
	zebra bool
}

const (
	cellPadX = 1.6
	cellPadY = 1.3
)

func (d *doc) table(cols ...column) *table {
	return &table{d: d, cols: cols, x: marginL, w: contentW, size: 8.5, zebra: true}
}

func (t *table) colW(i int) float64 {
	total := 0.0
	for _, c := range t.cols {
		total += c.share
	}
	return t.w * t.cols[i].share / total
}

// line is one wrapped line of a cell with its style.
type line struct {
	text  string
	style string
	size  float64
	lh    float64
	color rgb
}

// layout wraps every cell of a row into lines.
func (t *table) layout(row []cell) [][]line {
	out := make([][]line, len(t.cols))
	for i := range t.cols {
		if i >= len(row) {
			continue
		}
		w := t.colW(i) - 2*cellPadX
		for _, sp := range row[i].spans {
			size := sp.size
			if size == 0 {
				size = t.size
			}
			c := ink
			if sp.color != nil {
				c = *sp.color
			}
			t.d.font(sp.style, size, c)
			for _, ln := range t.d.wrap(clean(sp.text), w) {
				out[i] = append(out[i], line{ln, sp.style, size, size * 0.46, c})
			}
		}
	}
	return out
}

func linesHeight(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.lh
	}
	return h
}

func rowHeight(cells [][]line) float64 {
	h := 0.0
	for _, ls := range cells {
		h = max(h, linesHeight(ls))
	}
	return h + 2*cellPadY
}

func (t *table) headerHeight() float64 {
	for _, c := range t.cols {
		if c.title != "" {
			return 4.2 + 2*cellPadY
		}
	}
	return 0 // a table without titles, such as the glossary
}

// header draws the column titles.
func (t *table) header() {
	d := t.d
	y := d.y()
	h := t.headerHeight()
	if h == 0 {
		return
	}
	d.fill(accentLight)
	d.pdf.Rect(t.x, y, t.w, h, "F")
	d.font("B", 7.5, accent)
	x := t.x
	for i, c := range t.cols {
		w := t.colW(i)
		d.pdf.SetXY(x+cellPadX, y+cellPadY)
		d.pdf.CellFormat(w-2*cellPadX, 4.2, d.fit(oneLine(c.title), w-2*cellPadX), "", 0, c.align, false, 0, "")
		x += w
	}
	d.setY(y + h)
}

// height is how tall the table would be on one page, for keeping a short
// table together with its heading.
func (t *table) height(rows [][]cell) float64 {
	h := t.headerHeight()
	for _, r := range rows {
		h += rowHeight(t.layout(r))
	}
	return h
}

// draw renders the rows.
func (t *table) draw(rows [][]cell) {
	d := t.d
	d.need(t.headerHeight() + 8)
	t.header()
	for ri, row := range rows {
		cells := t.layout(row)
		h := rowHeight(cells)
		if h > d.room() && h <= bodyLimit-marginTop-t.headerHeight() {
			d.newPage()
			t.header()
		}
		// A row taller than the room left is drawn in page-sized pieces.
		for guard := 0; ; guard++ {
			piece, rest, ph := t.split(cells, d.room())
			if rest != nil && ph <= 2*cellPadY && guard == 0 { // nothing fits: continue on a fresh page
				d.newPage()
				t.header()
				continue
			}
			t.drawPiece(row, piece, ph, ri)
			if rest == nil {
				break
			}
			cells = rest
			d.newPage()
			t.header()
		}
	}
	d.gap(2)
}

// split takes from each cell the lines that fit in room; rest is nil when
// everything fitted.
func (t *table) split(cells [][]line, room float64) (piece, rest [][]line, h float64) {
	if rowHeight(cells) <= room {
		return cells, nil, rowHeight(cells)
	}
	piece = make([][]line, len(cells))
	rest = make([][]line, len(cells))
	avail := room - 2*cellPadY
	for i, ls := range cells {
		acc := 0.0
		n := 0
		for n < len(ls) && acc+ls[n].lh <= avail {
			acc += ls[n].lh
			n++
		}
		piece[i], rest[i] = ls[:n], ls[n:]
	}
	return piece, rest, rowHeight(piece)
}

func (t *table) drawPiece(row []cell, cells [][]line, h float64, index int) {
	d := t.d
	y := d.y()
	if t.zebra && index%2 == 1 {
		d.fill(zebra)
		d.pdf.Rect(t.x, y, t.w, h, "F")
	}
	x := t.x
	for i, c := range t.cols {
		w := t.colW(i)
		if i < len(row) && row[i].bg != nil {
			d.fill(*row[i].bg)
			d.pdf.Rect(x+0.4, y+0.4, w-0.8, h-0.8, "F")
		}
		ly := y + cellPadY
		for _, l := range cells[i] {
			d.font(l.style, l.size, l.color)
			d.pdf.SetXY(x+cellPadX, ly)
			d.pdf.CellFormat(w-2*cellPadX, l.lh, l.text, "", 0, c.align, false, 0, "")
			ly += l.lh
		}
		x += w
	}
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.15)
	d.pdf.Line(t.x, y+h, t.x+t.w, y+h)
	d.setY(y + h)
}
