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

// joinState is the join strip as rendered: the QR image is made once per link.
type joinState struct {
	Join
	qr image.Image
}

// SetJoin shows the join strip on every page (nil takes it away).
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

// Joining reports the join strip shown, or nil.
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

// joinStrip is the bottom strip: the QR code, the address to type and the
// room code, large enough to read from the back of the room.
func joinStrip(st *state) fyne.CanvasObject {
	j := st.join
	side := st.size(sizeQuestion) * 5.5
	var qr fyne.CanvasObject = container.NewStack()
	if j.qr != nil {
		img := canvas.NewImageFromImage(j.qr)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScalePixels
		img.SetMinSize(fyne.NewSize(side, side))
		qr = img
	}
	how := muted(st.fixed(st.t("room.projector.join"), sizeText, false))
	addr := st.fixed(j.Short, sizeQuestion, true)
	code := st.fixed(st.t("room.projector.code", map[string]string{"Code": j.Code}), sizeQuestion, true)
	words := container.NewVBox(how, addr, code)
	return container.NewHBox(qr, container.NewCenter(words))
}
