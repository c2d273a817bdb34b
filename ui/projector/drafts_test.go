package projector

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
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

// Forty drafts (a large room's 1-2-4-All) do not fit one page at the
// room's smallest text size: steps 5 and 6 (the vote still blind) show a
// page of them at a time, more than the old grid's twelve at 1920×1080
// and sixteen at 1024×768, each whole in the page's content area, under a
// line that says which page of how many and which drafts; the projector's
// page keys (Keys: → and Page Down, ← and Page Up) turn the pages, every
// draft on exactly one of them, and stop at the first and the last; the
// next visit to the step starts on the first page. With the room open,
// the same. Twelve drafts fit: no page line, and the keys change nothing.
func TestManyDraftsArePagedWithTheProjectorsKeys(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	test.NewTempApp(t)
	s := withDrafts(40)
	r := openRoom(t, s)
	key := func(p *Projector, label string, n int) {
		for _, k := range Keys() {
			if k.Label == label {
				p.typedKey(&fyne.KeyEvent{Name: k.Names[n%2]}) // → and Page Down, ← and Page Up by turns
				return
			}
		}
		t.Fatalf("no projector key %s", label)
	}
	for _, view := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 768}} {
		p := newProjector(r)
		win := showAt(t, p, view.Width, view.Height)
		for _, open := range []bool{false, true} {
			if open {
				p.SetJoin(&Join{Link: "http://192.168.100.200:54321/j/abcdefghijklmnopqrstuvwx", Short: "http://192.168.100.200:54321", Code: "K7P4QX"})
			} else {
				p.SetJoin(nil)
			}
			for _, step := range []string{workshop.StepDrafts, workshop.StepEvaluation} {
				setStep(t, r, step)
				where := fmt.Sprintf("%v room open %v %s", view, open, step)
				onPage := map[string]int{} // a draft: the page it showed on
				pages := 0
				for n := 0; ; n++ {
					if n > 10 {
						t.Fatalf("%s: no last page after %d turns", where, n)
					}
					if dir != "" {
						writePNG(t, win, dir, fmt.Sprintf("paged-%.0f-%v-%s-%d.png", view.Height, open, step, n+1))
					}
					texts := drawnTexts(win.Content())
					box := bodyBox(win.Content())
					var shown []int
					for i, d := range s.Drafts {
						if showsIn(texts, box, charts.DraftShort(s, d.ID, "fi")+" · "+d.Text) {
							shown = append(shown, i)
							if was, ok := onPage[d.ID]; ok {
								t.Errorf("%s: %s on page %d and %d", where, d.ID, was, n+1)
							}
							onPage[d.ID] = n + 1
						}
					}
					for _, d := range texts {
						if moreLine(d.text, "projector.more") {
							t.Errorf("%s page %d: %q", where, n+1, d.text)
						}
					}
					if len(shown) == 0 {
						t.Fatalf("%s page %d: no draft whole on the page", where, n+1)
					}
					if n == 0 {
						if _, pages = pageLine(win.Content()); pages < 2 {
							t.Fatalf("%s: %d pages of 40 drafts:\n%s", where, pages, joined(win.Content()))
						}
						if least := map[float32]int{1080: 12, 768: 16}[view.Height]; !open && len(shown) <= least && least > 0 {
							t.Errorf("%s: the first page shows %d drafts, no more than the old grid's %d", where, len(shown), least)
						}
					}
					line := i18n.TIn("fi", "projector.drafts.page", map[string]int{"N": n + 1, "Of": pages, "First": shown[0] + 1, "Last": shown[len(shown)-1] + 1, "All": 40})
					if !showsIn(texts, box, line) {
						t.Errorf("%s: page %d lacks the line %q:\n%s", where, n+1, line, joined(win.Content()))
					}
					if shown[len(shown)-1]-shown[0]+1 != len(shown) {
						t.Errorf("%s page %d: the drafts shown are not one run: %v", where, n+1, shown)
					}
					if n+1 == pages {
						break
					}
					key(p, "app.keys.proj.next", n)
				}
				if len(onPage) != len(s.Drafts) {
					t.Errorf("%s: %d of %d drafts shown over the %d pages", where, len(onPage), len(s.Drafts), pages)
				}
				key(p, "app.keys.proj.next", 0) // past the last page: stays
				if at, _ := pageLine(win.Content()); at != pages {
					t.Errorf("%s: after the last page → shows page %d", where, at)
				}
				for n := 0; n < pages+1; n++ {
					key(p, "app.keys.proj.prev", n)
				}
				if at, _ := pageLine(win.Content()); at != 1 || !shows(win.Content(), s.Drafts[0].Text) {
					t.Errorf("%s: ← and Page Up did not bring the first page back: page %d", where, at)
				}
				key(p, "app.keys.proj.next", 0)
				setStep(t, r, workshop.StepDecision)
				setStep(t, r, step)
				if at, _ := pageLine(win.Content()); at != 1 || !shows(win.Content(), s.Drafts[0].Text) {
					t.Errorf("%s: back on the step, page %d", where, at)
				}
			}
		}
	}

	// Twelve drafts fit one page: no page line, and the keys change nothing.
	few := withDrafts(12)
	few.CurrentStep = workshop.StepDrafts
	r12 := openRoom(t, few)
	p := newProjector(r12)
	win := showAt(t, p, 1920, 1080)
	before := joined(win.Content())
	key(p, "app.keys.proj.next", 0)
	if got := joined(win.Content()); got != before || strings.Contains(got, "Sivu ") {
		t.Errorf("twelve drafts: the page after → :\n%s", got)
	}
}

// pageLine is the page and the pages the drafts' page line says, 0 and 0
// when there is none.
func pageLine(o fyne.CanvasObject) (page, pages int) {
	m := regexp.MustCompile(`Sivu (\d+) / (\d+) · luonnokset`).FindStringSubmatch(joined(o))
	if m == nil {
		return 0, 0
	}
	page, _ = strconv.Atoi(m[1])
	pages, _ = strconv.Atoi(m[2])
	return
}
