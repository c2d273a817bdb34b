package projector

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"github.com/skip2/go-qrcode"
)

// Join is how the room's phones join while the room is open: the link the
// QR code carries (with its token), the short address to type, the room code.
type Join struct {
	Link  string
	Short string
	Code  string
}

// joinState is the join column as rendered: the QR image is made once per link.
type joinState struct {
	Join
	qr image.Image
}

// SetJoin shows the join column on every page (nil takes it away).
func (p *Projector) SetJoin(j *Join) {
	p.joinMu.Lock()
	if j == nil {
		p.join = nil
	} else if p.join == nil || p.join.Join != *j {
		js := &joinState{Join: *j}
		if q, err := qrcode.New(j.Link, qrcode.Medium); err == nil {
			q.DisableBorder = false
			js.qr = q.Image(512)
		}
		p.join = js
	}
	p.joinMu.Unlock()
	p.changed()
}

// Joining reports the join column shown, or nil.
func (p *Projector) Joining() *Join {
	p.joinMu.Lock()
	defer p.joinMu.Unlock()
	if p.join == nil {
		return nil
	}
	j := p.join.Join
	return &j
}

func (p *Projector) joinNow() *joinState {
	p.joinMu.Lock()
	defer p.joinMu.Unlock()
	return p.join
}

// The room's way in, while the room is open, takes little of the page: the
// QR code (its side five and a half question lines, about a fifth of the
// screen's height, for phones across the room) with how to join above it,
// in a narrow column at the right of the page's body and at its bottom;
// under it, in the footer's line, the address to type and the room code.
// The step's content keeps the page's height beside it.

// joinColumn is the QR code and how to join, as wide as the QR code.
func joinColumn(st *state) fyne.CanvasObject {
	var qr fyne.CanvasObject = container.NewStack()
	if st.join.qr != nil {
		img := canvas.NewImageFromImage(st.join.qr)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScalePixels
		qr = img
	}
	how := muted(st.text(st.t("room.projector.join"), sizeText, false))
	return container.New(&joinBox{side: joinSide(st), gap: st.size(sizePadding)}, how, qr)
}

// joinWords are the address and the room code, for the footer's line.
func joinWords(st *state) []fyne.CanvasObject {
	return []fyne.CanvasObject{st.fixed(st.join.Short, sizeText, true),
		st.fixed(st.t("room.projector.code", map[string]string{"Code": st.join.Code}), sizeText, true)}
}

// joinSide is the QR code's side on the page.
func joinSide(st *state) float32 { return st.size(sizeQuestion) * 5.5 }

// joinBox lays the QR code out at the bottom of its column, and how to
// join above it when the column is high enough for both; a column lower
// than the QR code gets a smaller one, never under half its size.
type joinBox struct{ side, gap float32 }

func (b *joinBox) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(b.side, 0) }

func (b *joinBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	how, qr := objs[0], objs[1]
	side := fyne.Max(fyne.Min(b.side, size.Height), b.side/2)
	qr.Move(fyne.NewPos(size.Width-side, size.Height-side))
	qr.Resize(fyne.NewSize(side, side))
	how.Resize(fyne.NewSize(size.Width, how.MinSize().Height)) // a wrapping text's height follows its width
	h := how.MinSize().Height
	if h+b.gap+side > size.Height {
		how.Hide()
		return
	}
	how.Show()
	how.Move(fyne.NewPos(0, size.Height-side-b.gap-h))
	how.Resize(fyne.NewSize(size.Width, h))
}

// row lays its objects out side by side at their widths, a gap apart, each
// as high as the row.
type row struct{ gap float32 }

func (r *row) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + r.gap
	}
}

func (r *row) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if i > 0 {
			w += r.gap
		}
		w += m.Width
		h = fyne.Max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}
