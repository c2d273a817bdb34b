package projector

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// withDrafts is the example workshop with n drafts, the example's own and
// more of the length a room writes.
func withDrafts(n int) *workshop.Session {
	s := fixture.Nordrahti()
	more := []string{
		"Kerromme poikkeamasta ennen kuin asiakkaasi ehtii kysyä, ja tarjoamme uuden ajan samalla.",
		"Yksi soitto riittää: hoidamme toimituksen alusta loppuun ja kerromme, missä mennään.",
		"Tavarasi perillä sovittuna päivänä – tai tiedät syyn ja uuden ajan ennen kuin ehdit huolestua.",
		"Luotettavin kuljetuskumppani, joka pitää sinun lupauksesi asiakkaillesi.",
		"Näet koko ajan, missä lähetyksesi on, ja kuulet muutoksesta ensimmäisenä meiltä.",
		"Sovittu aikaikkuna pitää, ja jos ei pidä, saat tiedon ja ratkaisun heti.",
		"Meille soitetaan vain, kun halutaan kiittää.",
	}
	for i := 0; len(s.Drafts) < n; i++ {
		s.Drafts = append(s.Drafts, workshop.Draft{ID: fmt.Sprintf("DX%d", i), Text: more[i%len(more)], Version: 1})
	}
	s.Drafts = s.Drafts[:n]
	return s
}

// The room sees every draft while it writes and votes (steps 5 and 6, up to
// 12 drafts), smaller if they must be, never "+N more".
func TestProjectorShowsEveryDraftInStepsFiveAndSix(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	for _, n := range []int{8, 12} {
		test.NewTempApp(t)
		s := withDrafts(n)
		r := openRoom(t, s)
		for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
			p := newProjector(r)
			win := showAt(t, p, size.Width, size.Height)
			for _, key := range []string{workshop.StepDrafts, workshop.StepEvaluation} {
				setStep(t, r, key)
				if dir != "" {
					writePNG(t, win, dir, fmt.Sprintf("drafts-%s-%d-%.0f.png", key, n, size.Height))
				}
				moreTail := strings.TrimPrefix(i18n.TIn("fi", "projector.more", map[string]int{"N": 1}), "+1")
				for _, x := range shownTexts(win.Content()) {
					if strings.HasPrefix(x.Text, "+") && strings.HasSuffix(x.Text, moreTail) {
						t.Errorf("%d drafts at %v in %s: %q instead of every draft", n, size, key, x.Text)
					}
				}
				for _, d := range s.Drafts {
					if !shows(win.Content(), charts.DraftShort(s, d.ID, "fi")) || !shows(win.Content(), d.Text) {
						t.Errorf("%d drafts at %v in %s: draft %s not shown whole", n, size, key, d.ID)
					}
				}
				var foot float32 = size.Height
				boxes := textBoxes(win.Content())
				for _, b := range boxes {
					if strings.HasPrefix(b.t.Text, s.Organisation) {
						foot = b.top
					}
				}
				for _, b := range boxes {
					if b.bottom > foot+1 && b.top < foot-1 {
						t.Errorf("%d drafts at %v in %s: %q reaches below the footer", n, size, key, b.t.Text)
					}
				}
			}
		}
	}
}
