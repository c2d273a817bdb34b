package projector

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/testkit"
)

// promiseFamily stores the example workshop, its check-in of 10.3.2027
// and a second check-in of 10.6.2027 (a new reading of the first measure,
// the promise validated with customers), and opens the one at index open
// (0 the workshop, 1 or 2 a check-in) as the facilitator's window does.
func promiseFamily(t *testing.T, open int) (*room.Room, []*workshop.Session) {
	t.Helper()
	lib := testkit.Library(t)
	wid := testkit.Create(t, lib, fixture.Nordrahti())
	c1 := fixture.NordrahtiCheckin()
	c1.FollowsID = wid
	c1.PrivateNotes = map[string]string{workshop.StepHistory: "YKSITYINEN-muistiinpano"}
	cid := testkit.Create(t, lib, c1)
	c2, err := workshop.NewCheckin(testkit.Load(t, lib, cid), "2027-06-10", "45min", time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.AddReading("M1", "71", "2027-05-31", "TMS-raportti, toukokuu"); err != nil {
		t.Fatal(err)
	}
	if err := c2.SetValidationStatus(workshop.ValidationDone); err != nil {
		t.Fatal(err)
	}
	ids := []int64{wid, cid, testkit.Create(t, lib, c2)}
	var fam []*workshop.Session
	for _, id := range ids {
		fam = append(fam, testkit.Load(t, lib, id))
	}
	return room.New(testkit.Edit(t, lib, ids[open])), fam
}

// The promise's history (Ctrl+H) on the projector is the promise's own
// page, titled, not the agenda under a blank title: the workshop and its
// two check-ins as a timeline, each session with its date, the wordings of
// the promise with theirs, the readings and the validation status; and
// what changed since the workshop: the promise then and now, the
// customers' validation, the ladder's mean then and now, the actions and
// each measure's trend (baseline → latest, its track), the figures the
// domain gives (workshop.SinceWorkshop). From the last check-in and from
// the workshop alike, in Finnish and English, at 1920×1080, 1280×720 and
// 1024×768: every text inside the page's content area or its header and
// footer, none under the room's smallest size, nothing private.
func TestTheProjectorShowsThePromisesHistory(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	for _, open := range []int{2, 0} {
		for _, lang := range []string{"fi", "en"} {
			test.NewTempApp(t)
			r, fam := promiseFamily(t, open)
			if err := r.Ed.Edit(func(s *workshop.Session) error {
				s.Language = lang
				s.CurrentStep = workshop.StepHistory
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			since := workshop.SinceWorkshop(fam)
			want := []string{
				workshop.HistoryTitle.In(lang),
				i18n.TIn(lang, "checkin.history.timeline"),
				date(fam[0].Date, lang) + " · ",
				date(fam[1].Date, lang) + " · ",
				date(fam[2].Date, lang) + " · ",
				strings.Fields(since.PromiseNow)[0] + " " + strings.Fields(since.PromiseNow)[1],
				date(fam[0].Date, lang) + "  " + i18n.TIn(lang, "checkin.history.ev.version", map[string]any{"Text": workshop.Quote("Tiedät aina", lang)})[:20],
				date(fam[1].Date, lang) + "  " + i18n.TIn(lang, "checkin.history.ev.version", map[string]any{"Text": workshop.Quote("Tiedät aina", lang)})[:20],
				date(fam[2].Date, lang) + "  " + i18n.TIn(lang, "checkin.history.ev.validation", map[string]any{"Status": workshop.Label(workshop.ValidationLabels, workshop.ValidationDone, lang)}),
				workshop.Label(workshop.ValidationLabels, workshop.ValidationDone, lang),
				i18n.TIn(lang, "checkin.history.ladder", map[string]any{"Then": mean(since.LadderThen, lang), "Now": mean(since.LadderNow, lang)}),
			}
			for _, m := range since.Measures {
				want = append(want, capital(workshop.Label(workshop.TrackLabels, m.Track.Status, lang))+" · "+m.Measure.Name)
			}
			for _, view := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 768}} {
				p := newProjector(r)
				win := showAt(t, p, view.Width, view.Height)
				where := fmt.Sprintf("open %d %s %v", open, lang, view)
				if dir != "" {
					writePNG(t, win, dir, fmt.Sprintf("history-%d-%s-%.0f.png", open, lang, view.Height))
				}
				got := joined(win.Content())
				for _, w := range want {
					if !shows(win.Content(), w) {
						t.Errorf("%s: the history page lacks %q:\n%s", where, w, got)
					}
				}
				for _, no := range []string{r.Tr.T("projector.agenda"), "YKSITYINEN"} {
					if strings.Contains(got, no) {
						t.Errorf("%s: the history page shows %q", where, no)
					}
				}
				texts := drawnTexts(win.Content())
				box := bodyBox(win.Content())
				foot := footerTop(t, texts, fam[open].Organisation, view)
				scale := fyne.Min(view.Width/1920, view.Height/1080)
				for _, d := range texts {
					if d.pos.Y >= box.pos.Y-1 && d.pos.Y < foot-1 && !box.inside(d) {
						t.Errorf("%s: %q at %v is cut by the content area's edge", where, d.text, d.pos)
					}
				}
				for _, tx := range shownTexts(win.Content()) {
					if tx.TextSize < baseSizes[sizeText]*scale-0.01 {
						t.Errorf("%s: %q is %.1f px, under the room's smallest", where, tx.Text, tx.TextSize)
					}
				}
			}
		}
	}
}

// mean is the ladder's mean rung as the history writes it, "–" for none.
func mean(c [5]int, lang string) string {
	if m := workshop.LadderMean(c); m > 0 {
		return workshop.FormatScore(m, lang)
	}
	return "–"
}
