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
	if since.ActionsDone != 2 || since.Actions != 7 || since.Answers != 4 || since.LadderThen != w.LadderCounts() {
		t.Fatalf("since %+v", since)
	}
	if len(since.Measures) != 3 || since.Measures[0].Track.Latest.Value != "81" || since.Measures[0].Track.Status != workshop.TrackOn {
		t.Fatalf("measures %+v", since.Measures[0].Track)
	}
	if s := workshop.SinceWorkshop(nil); s.From != "" {
		t.Fatal(s)
	}
}
