package ui

import (
	"image"
	"net/http"
	"net/http/cookiejar"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"lupauspaja/workshop"
)

// The join column's QR code, as the projector renders it, read back by an
// independent reader (ZXing's port to Go, not the library that drew it):
// it carries the server's join link with its token, exactly, and a phone
// that follows what was read joins the room.
func TestTheProjectorsJoinQRCodeReadsAsTheJoinLink(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	// The projector at its size first, then the room: the QR code comes with
	// the room's own change notice, into a page already at its scale.
	pwin := test.NewTempWindow(t, u.ws.proj.Content())
	pwin.Resize(fyne.NewSize(1920, 1080))
	ph := u.ws.phones
	if err := ph.start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer ph.close()

	var read string
	eventually(t, "a QR code on the projector that reads", func() bool {
		img := pwin.Canvas().Capture()
		// The QR code is at the page's bottom right: reading only the
		// bottom half is quicker, which counts on a busy machine.
		b := img.Bounds()
		if sub, ok := img.(interface {
			SubImage(image.Rectangle) image.Image
		}); ok {
			img = sub.SubImage(image.Rect(b.Min.X, b.Min.Y+b.Dy()/2, b.Max.X, b.Max.Y))
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			return false
		}
		res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
		if err != nil {
			return false
		}
		read = res.GetText()
		if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
			capture(t, pwin, dir, "projector-join-qr")
		}
		return true
	})
	if read != ph.srv.JoinURL() {
		t.Fatalf("the QR code reads %q; the join link is %q", read, ph.srv.JoinURL())
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 5 * time.Second}
	resp, err := c.Get(read)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(ph.srv.Devices()) != 1 {
		t.Fatalf("following the QR code: %d, %d phones joined", resp.StatusCode, len(ph.srv.Devices()))
	}
}
