package ui

import (
	"strings"
	"testing"
	"time"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/testkit"
)

// The history page of an earlier check-in looks back from that check-in:
// a workshop with two check-ins, and the first check-in's history reads
// "10.3.2027 asti · 1 seuranta" with its own wording and validation
// status, without the second check-in (its date, title, wording, status).
// The second check-in's history, and the workshop's, run to 10.6.2027.
func TestAnEarlierCheckinsHistoryEndsWithIt(t *testing.T) {
	u, lib, _ := newTestUI(t)
	wid := createSession(t, lib, fixture.Nordrahti())
	at := time.Date(2027, 3, 10, 10, 0, 0, 0, time.UTC)
	first, err := lib.Checkin(wid, "2027-03-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	const wording1 = "Tiedät aina, missä tavarasi menee – ja kuulet muutoksista ensin."
	const wording2 = "Kuulet meiltä ensin, jos jokin muuttuu – ja saat uuden ajan samalla."
	if err := testkit.Edit(t, lib, first).Edit(func(s *workshop.Session) error {
		s.Title = "Ensimmäinen seuranta"
		if _, err := s.RevisePromise(wording1, "", "Asiakkaat kysyivät muutoksista", at); err != nil {
			return err
		}
		return s.SetValidationStatus(workshop.ValidationPending)
	}); err != nil {
		t.Fatal(err)
	}
	second, err := lib.Checkin(first, "2027-06-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	if err := testkit.Edit(t, lib, second).Edit(func(s *workshop.Session) error {
		s.Title = "Toinen seuranta"
		if _, err := s.RevisePromise(wording2, "", "Uusi aika on se, mitä odotetaan", at.AddDate(0, 3, 0)); err != nil {
			return err
		}
		return s.SetValidationStatus(workshop.ValidationDone)
	}); err != nil {
		t.Fatal(err)
	}
	validated := workshop.Label(workshop.ValidationLabels, workshop.ValidationDone, "fi")
	pending := workshop.Label(workshop.ValidationLabels, workshop.ValidationPending, "fi")

	history := func(id int64) string {
		t.Helper()
		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		u.ws.goTo(workshop.StepHistory)
		if u.ws.key != workshop.StepHistory {
			t.Fatalf("session %d: on %q, not the history", id, u.ws.key)
		}
		return labelTexts(u.win.Content())
	}

	h := history(first)
	for _, want := range []string{
		u.tr.T("checkin.history.span", map[string]any{"To": "10.3.2027", "N": 1}),
		u.tr.T("checkin.history.now", map[string]any{"Text": wording1}),
		u.tr.T("checkin.history.customers", map[string]any{"N": 0, "Status": pending}),
		"Ensimmäinen seuranta",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the first check-in's history lacks %q:\n%s", want, h)
		}
	}
	for _, never := range []string{"10.6.2027", "Toinen seuranta", wording2,
		u.tr.T("checkin.history.customers", map[string]any{"N": 0, "Status": validated})} {
		if strings.Contains(h, never) {
			t.Errorf("the first check-in's history shows the later check-in's %q:\n%s", never, h)
		}
	}

	for _, id := range []int64{second, wid} {
		h := history(id)
		for _, want := range []string{
			u.tr.T("checkin.history.span", map[string]any{"To": "10.6.2027", "N": 2}),
			u.tr.T("checkin.history.now", map[string]any{"Text": wording2}),
			"Ensimmäinen seuranta", "Toinen seuranta",
		} {
			if !strings.Contains(h, want) {
				t.Errorf("session %d's history lacks %q:\n%s", id, want, h)
			}
		}
	}
}

// The history's span says one check-in in the singular, in both languages:
// "10.3.2027 asti · 1 seuranta" and "until 2027-03-10 · 1 check-in", not
// "1 seurantaa" and "1 check-ins"; more are "2 seurantaa", "2 check-ins".
func TestTheHistorysSpanSaysOneCheckinInTheSingular(t *testing.T) {
	for _, c := range []struct {
		lang, to string
		n        int
		want     string
	}{
		{"fi", "10.3.2027", 1, "10.3.2027 asti · 1 seuranta"},
		{"fi", "10.6.2027", 2, "10.6.2027 asti · 2 seurantaa"},
		{"en", "2027-03-10", 1, "until 2027-03-10 · 1 check-in"},
		{"en", "2027-06-10", 2, "until 2027-06-10 · 2 check-ins"},
	} {
		if got := i18n.TIn(c.lang, "checkin.history.span", map[string]any{"To": c.to, "N": c.n}); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
