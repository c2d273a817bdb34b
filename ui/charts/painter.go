package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// painter draws a chart from rectangles and texts that it keeps from one
// layout to the next. A chart's build calls text and box for each piece in
// drawing order; while only measuring (place false) they count and draw
// nothing.
type painter struct {
	lk     look
	lineH  float32
	place  bool
	nt, nr int

	objs  []fyne.CanvasObject
	txt   texts
	rects []*canvas.Rectangle
}

func (p *painter) begin(lk look, place bool) {
	p.lk, p.place, p.nt, p.nr = lk, place, 0, 0
	p.lineH = fyne.MeasureText("Åg", lk.text, fyne.TextStyle{}).Height
}

// text puts a line of text at x, y in a box w wide and a line high.
func (p *painter) text(s string, x, y, w float32, style fyne.TextStyle, align fyne.TextAlign) {
	if p.place {
		t := p.txt.get(p.nt)
		t.Text, t.TextSize, t.Color, t.TextStyle, t.Alignment = s, p.lk.text, p.lk.fg, style, align
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, p.lineH))
	}
	p.nt++
}

// box puts a rectangle of the colour.
func (p *painter) box(c color.Color, x, y, w, h float32) {
	if p.place {
		for len(p.rects) <= p.nr {
			p.rects = append(p.rects, canvas.NewRectangle(color.Transparent))
		}
		b := p.rects[p.nr]
		b.FillColor = c
		b.Move(fyne.NewPos(x, y))
		b.Resize(fyne.NewSize(w, h))
	}
	p.nr++
}

// end makes what was placed the objects drawn: the rectangles under the texts.
func (p *painter) end() {
	if !p.place {
		return
	}
	p.objs = p.objs[:0]
	for _, o := range p.rects[:p.nr] {
		p.objs = append(p.objs, o)
	}
	p.objs = append(p.objs, p.txt.objects(p.nt)...)
}

// chartRenderer is the renderer of a chart drawn by build, which lays the
// chart out in size with the painter and returns its height.
type chartRenderer struct {
	painter
	w        fyne.Widget
	minWidth func(lk look) float32
	build    func(p *painter, size fyne.Size) float32
}

func newChartRenderer(w fyne.Widget, build func(p *painter, size fyne.Size) float32) *chartRenderer {
	r := &chartRenderer{w: w, build: build, minWidth: func(lk look) float32 { return lk.text * 12 }}
	r.draw(w.Size(), true)
	return r
}

func (r *chartRenderer) draw(size fyne.Size, place bool) float32 {
	r.begin(lookFor(r.w), place)
	h := r.build(&r.painter, size)
	r.end()
	return h
}

func (r *chartRenderer) Layout(s fyne.Size) { r.draw(s, true) }

func (r *chartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.minWidth(lookFor(r.w)), r.draw(r.w.Size(), false))
}

func (r *chartRenderer) Refresh() {
	r.draw(r.w.Size(), true)
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}

func clamp01(f float32) float32 {
	if f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}
