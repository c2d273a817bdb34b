package workshop_test

import (
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestTimelineAndSinceTheWorkshop(t *testing.T) {
	w := fixture.Nordrahti()
	c1 := fixture.NordrahtiCheckin()
	c2, err := workshop.NewCheckin(c1, "2027-06-10", "45min", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.AddReading("M1", "81", "2027-05-31", ""); err != nil {
		t.Fatal(err)
	}
	fam := []*workshop.Session{w, c1, c2}
	tl := workshop.Timeline(fam)
	count := map[string]int{}
	for i, e := range tl {
		count[e.Kind]++
		if i > 0 && tl[i-1].Date > e.Date {
			t.Fatalf("not by date at %d: %v", i, e)
		}
	}
	// 3 sessions; 4 readings in the first check-in and 1 in the second, each once;
	// 2 actions done; answers on 4 days; the validation status changed once.
	if count[workshop.EventSession] != 3 || count[workshop.EventReading] != 5 || count[workshop.EventActionDone] != 2 || count[workshop.EventAnswers] != 4 {
		t.Fatalf("events %v", count)
	}
	if count[workshop.EventVersion] < 2 {
		t.Fatalf("versions %d", count[workshop.EventVersion])
	}
	since := workshop.SinceWorkshop(fam)
	if since.From != "2026-12-03" || since.To != "2027-06-10" || since.Checkins != 2 || since.PromiseThen == since.PromiseNow || since.Versions < 1 {
		t.Fatalf("since %+v", since)
	}
	// The four answers were given before the first check-in revised the wording.
	if since.ActionsDone != 2 || since.Actions != 7 || since.Answers != 0 || since.AnswersEarlier != 4 || since.LadderThen != w.LadderCounts() {
		t.Fatalf("since %+v", since)
	}
	if len(since.Measures) != 3 || since.Measures[0].Track.Latest.Value != "81" || since.Measures[0].Track.Status != workshop.TrackOn {
		t.Fatalf("measures %+v", since.Measures[0].Track)
	}
	if s := workshop.SinceWorkshop(nil); s.From != "" {
		t.Fatal(s)
	}
}

// A check-in's history is the family up to and including it; the
// workshop's is the whole family.
func TestHistoryOfStopsAtTheCheckin(t *testing.T) {
	w, c1, c2 := &workshop.Session{ID: 1}, &workshop.Session{ID: 2}, &workshop.Session{ID: 3}
	fam := []*workshop.Session{w, c1, c2}
	for _, c := range []struct {
		id   int64
		want []*workshop.Session
	}{{2, fam[:2]}, {3, fam}, {1, fam}, {9, fam}} {
		got := workshop.HistoryOf(fam, c.id)
		if len(got) != len(c.want) {
			t.Fatalf("history of %d: %d sessions, want %d", c.id, len(got), len(c.want))
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("history of %d: session %d is %d", c.id, i, got[i].ID)
			}
		}
	}
	// What a caller adds to the history does not overwrite the family.
	if h := workshop.HistoryOf(fam, 2); len(append(h, w)) == 3 && fam[2] != c2 {
		t.Fatal("appending to the history overwrote the family")
	}
}

// "Since the workshop" counts the customers' answers as the check-in's verdict does:
// those about the promise's wording now, which its validation status rests
// on; the answers about an earlier wording are counted apart.
func TestSinceTheWorkshopCountsTheAnswersAboutTheWordingNow(t *testing.T) {
	w := fixture.Nordrahti()
	c1 := fixture.NordrahtiCheckin() // four answers, then the promise revised
	c2, err := workshop.NewCheckin(c1, "2027-06-10", "45min", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c2.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 5, Differentiating: 4, Date: "2027-06-01"}); err != nil {
			t.Fatal(err)
		}
	}
	if v := c2.ApplyValidation(); v.Status != workshop.ValidationDone {
		t.Fatalf("three answers about the new wording: %+v", v)
	}
	since := workshop.SinceWorkshop([]*workshop.Session{w, c1, c2})
	if since.Answers != c2.CurrentView().Answers || since.Answers != 3 || since.Customers.Answers != 3 {
		t.Fatalf("%d answers (%d in the scores), want the 3 about the wording now", since.Answers, since.Customers.Answers)
	}
	if since.AnswersEarlier != 4 {
		t.Fatalf("%d answers about an earlier wording, want the first check-in's 4", since.AnswersEarlier)
	}
	if since.ValidationNow != workshop.ValidationDone {
		t.Fatalf("status %q", since.ValidationNow)
	}
}
