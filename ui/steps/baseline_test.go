package steps

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestBaselineVotesAreStored(t *testing.T) {
	st, env, errs := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepBaseline, env).(*baseline)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "1-baseline.png")

	r := v.rows["P1"]
	if r.Level() != 2 {
		t.Fatalf("P1 shows rung %d, fixture has 2", r.Level())
	}
	test.Tap(r.rungs[3])
	if got := findVote(reload(t, st, env), "P1").Level; got != 4 {
		t.Fatalf("stored rung %d, want 4", got)
	}
	test.Tap(r.rungs[3]) // again: taken back
	if got := findVote(reload(t, st, env), "P1").Level; got != 0 {
		t.Fatalf("stored rung %d after untapping, want 0", got)
	}
	r.buy.Radio.SetSelected("ei")
	why := r.fields[2].(*field.Text)
	e := why.Entry
	w.Canvas().Focus(e)
	test.Type(e, " Ja hinta 💶.")
	w.Canvas().Unfocus()
	why.Flush()
	got := findVote(reload(t, st, env), "P1")
	if got.WouldBuy != workshop.BuyNo || !strings.Contains(got.WhyBuy, "Ja hinta 💶.") {
		t.Fatalf("stored %+v", got)
	}
	// The chart follows: one vote fewer on rung 2.
	if c := reload(t, st, env).LadderCounts(); c[1] != 2 {
		t.Fatalf("counts %v", c)
	}
	if !strings.Contains(v.chart.Bars()[1].ValueText, "2") {
		t.Fatalf("chart not refreshed: %q", v.chart.Bars()[1].ValueText)
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
}

// Step 1 shows, under the room's placements and the Finland 2021 figures,
// the method's maturity contrast with its source, in the session's
// language: 0 % of beginners and 88 % of pioneers say most employees live
// the promise.
func TestBaselineShowsTheMaturityContrast(t *testing.T) {
	for _, c := range []struct{ lang, says, source string }{
		{"fi", "Aloittelijoista 0 % ja pioneereista 88 % sanoo, että suuri osa työntekijöistä elää asiakaslupausta todeksi.", "Asiakaskeskeisyyden tila 2021, kypsyystyypit aloittelijoista pioneereihin."},
		{"en", "0% of beginners and 88% of pioneers say most employees live the promise.", "The state of customer-centricity in Finland 2021, maturity types from beginners to pioneers."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			s := fixture.Nordrahti()
			s.Language = c.lang
			_, env, _ := stepEnv(t, s)
			v := New(workshop.StepBaseline, env).(*baseline)
			w := window(t, env, v)
			w.Resize(fyne.NewSize(1000, 900))
			shown := map[string]bool{}
			uitest.WalkShown(v.Object(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
				if l, ok := o.(*widget.Label); ok {
					shown[l.Text] = true
				}
			})
			for _, want := range []string{c.says, c.source} {
				if !shown[want] {
					t.Errorf("step 1 does not show %q", want)
				}
			}
			// The window draws no italic text (TestOnlyRegularAndBoldText):
			// the legend tells the Finland figure by what it looks like.
			if l := strings.ToLower(v.legend.Text); strings.Contains(l, "kursiiv") || strings.Contains(l, "italic") {
				t.Errorf("the legend speaks of italics: %q", v.legend.Text)
			}
		})
	}
}

func TestBaselineWithoutParticipantsSaysWhereToAddThem(t *testing.T) {
	st, env, _ := stepEnv(t, workshop.NewSession("fi"))
	v := New(workshop.StepBaseline, env).(*baseline)
	w := window(t, env, v)
	if !v.empty.Visible() || !strings.Contains(v.empty.Text, "Asetukset") {
		t.Fatal("no empty-state message")
	}
	w.Canvas().Focus(v.existing.Entry)
	test.Type(v.existing.Entry, "Luotettava kumppani – vuodesta 1987")
	w.Canvas().Unfocus() // leaving the field saves
	if got := reload(t, st, env).Baseline.ExistingPromise; got != "Luotettava kumppani – vuodesta 1987" {
		t.Fatalf("stored %q", got)
	}
}

func TestBaselineLargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepBaseline, env).(*baseline)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	if len(v.rows) != 40 {
		t.Fatalf("%d rows", len(v.rows))
	}
	screenshot(t, w, "1-baseline-large.png")
}

// A participant removed in the setup while their row is open gets no vote:
// a vote without a voter would make the session invalid.
func TestBaselineNoVoteForARemovedParticipant(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepBaseline, env).(*baseline)
	window(t, env, v)
	r := v.rows["P3"]
	if err := env.Room.Ed.Edit(func(s *workshop.Session) error {
		s.Participants = slices.DeleteFunc(s.Participants, func(p workshop.Participant) bool { return p.ID == "P3" })
		s.Ladder = slices.DeleteFunc(s.Ladder, func(l workshop.LadderVote) bool { return l.ParticipantID == "P3" })
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	test.Tap(r.rungs[4])
	for _, l := range reload(t, st, env).Ladder {
		if l.ParticipantID == "P3" {
			t.Fatalf("stored a vote without a voter: %+v", l)
		}
	}
	if _, ok := v.rows["P3"]; ok {
		t.Fatal("the removed participant's row is still shown")
	}
}
