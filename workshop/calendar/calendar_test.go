package calendar_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lupauspaja/workshop"
	"lupauspaja/workshop/calendar"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/testkit"
)

// readBack parses the file with Debian's python3-icalendar, an independent
// reader, and returns its events as it sees them.
func readBack(t *testing.T, path string) []map[string]string {
	t.Helper()
	return testkit.ReadICS(t, path)
}

func write(t *testing.T, s *workshop.Session) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := calendar.Write(&b, s, time.Date(2026, 12, 3, 15, 4, 5, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "seuranta.ics")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

func TestCalendarHasTheReviewAndEveryDatedAction(t *testing.T) {
	s := fixture.Nordrahti()
	path, data := write(t, s)
	evs := readBack(t, path)
	// Nordrahti: next review 10.6.2027 and five actions, each with a due date.
	if len(evs) != 6 {
		t.Fatalf("%d events: %v", len(evs), evs)
	}
	if evs[0]["start"] != "2027-06-10" || evs[0]["end"] != "2027-06-11" || !strings.Contains(evs[0]["summary"], "Arvolupauksen seuranta") {
		t.Fatalf("review %v", evs[0])
	}
	if !strings.Contains(evs[0]["description"], s.Decision.FinalText) {
		t.Fatalf("review description %q", evs[0]["description"])
	}
	byStart := map[string][]map[string]string{}
	uids := map[string]bool{}
	for _, e := range evs[1:] {
		byStart[e["start"]] = append(byStart[e["start"]], e)
		uids[e["uid"]] = true
	}
	for _, a := range s.Actions {
		found := false
		for _, e := range byStart[a.Due] {
			who := s.PersonName(a.OwnerID, a.OwnerName)
			if strings.Contains(e["description"], a.Text) && strings.Contains(e["description"], "Kuka: "+who) {
				found = true
			}
		}
		if !found {
			t.Errorf("action %s (%s, due %s) is not in the calendar: %v", a.ID, a.Text, a.Due, byStart[a.Due])
		}
	}
	if len(uids) != 5 {
		t.Fatalf("UIDs not unique: %v", uids)
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) || strings.Contains(l, "\n") {
			t.Fatalf("line %d is %d octets or broken: %q", i+1, len(l), l)
		}
	}
}

func TestCalendarEscapesAndFoldsAnyText(t *testing.T) {
	s := fixture.Nordrahti()
	s.Language = "en"
	long := strings.Repeat("Öljynvaihto, tarkistus; ja \\ kuljettajan ääkköset 🚚 ", 8)
	s.Actions = []workshop.Action{
		{ID: "A1", Kind: workshop.ActionAct, Text: long + "\nsecond line", OwnerName: "Åsa, Öhman; \"guest\"", Due: "2027-02-28", Status: workshop.ActionOpen},
		{ID: "A2", Kind: workshop.ActionAct, Text: "done already", Due: "2027-01-01", Status: workshop.ActionDone},
		{ID: "A3", Kind: workshop.ActionAct, Text: "no date", Status: workshop.ActionOpen},
		{ID: "A4", Kind: workshop.ActionAct, Text: "ctrl\x01char", Due: "2027-03-01", Status: workshop.ActionInProgress},
	}
	path, data := write(t, s)
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Fatalf("line %d: %d octets: %q", i+1, len(l), l)
		}
	}
	evs := readBack(t, path)
	if len(evs) != 4 {
		t.Fatalf("%d events (the undated action is left out, the done one cancelled): %v", len(evs), evs)
	}
	if done := evs[1]; !strings.Contains(done["summary"], "done already") || done["status"] != "CANCELLED" {
		t.Fatalf("the done action: %v", done)
	}
	a1 := evs[2]
	if !strings.Contains(a1["description"], "What: "+long+"\nsecond line") || !strings.Contains(a1["description"], "Who: Åsa, Öhman; \"guest\"") || a1["status"] != "CONFIRMED" {
		t.Fatalf("description read back as %q (%s)", a1["description"], a1["status"])
	}
	if !strings.Contains(evs[3]["summary"], "ctrl char") {
		t.Fatalf("control character: %q", evs[3]["summary"])
	}
}

func TestCalendarOfACheckinKeepsTheUIDsOfItsWorkshop(t *testing.T) {
	w := fixture.Nordrahti()
	c, err := workshop.NewCheckin(w, "2027-03-10", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c.SetNextReview("2027-06-10")
	c.SetActionStatus("A5", workshop.ActionDone, "", "")
	we, ce := calendar.Events(w), calendar.Events(c)
	if len(ce) != len(we) {
		t.Fatalf("%d events of the check-in, %d of the workshop", len(ce), len(we))
	}
	for _, e := range ce {
		if e.Cancelled != strings.Contains(e.UID, "-A5-") {
			t.Errorf("%s cancelled %v: only the done A5 is", e.UID, e.Cancelled)
		}
	}
	uids := map[string]bool{}
	for _, e := range we {
		uids[e.UID] = true
	}
	for _, e := range ce {
		if !uids[e.UID] {
			t.Errorf("check-in event %q has a new UID %s", e.Summary, e.UID)
		}
	}
	empty := workshop.NewSession("fi")
	if err := calendar.Write(&bytes.Buffer{}, empty, time.Now()); err != calendar.ErrNoDates {
		t.Fatalf("empty session: %v", err)
	}
}

// A check-in's late actions say they are late, in the event's title and
// its status, read back by an independent reader; the others do not.
func TestCalendarSaysWhichActionsAreLate(t *testing.T) {
	s := fixture.NordrahtiCheckin()
	path, _ := write(t, s)
	late := map[string]bool{}
	for _, a := range s.LateActions() {
		late[a.Text] = true
	}
	if len(late) == 0 {
		t.Fatal("the fixture has no late action")
	}
	n := 0
	for _, e := range readBack(t, path) {
		for text := range late {
			if strings.Contains(e["description"], text) {
				n++
				if !strings.HasPrefix(e["summary"], "MYÖHÄSSÄ: ") || !strings.Contains(e["description"], "myöhässä") {
					t.Errorf("a late action's event: %v", e)
				}
			}
		}
		if strings.HasPrefix(e["summary"], "MYÖHÄSSÄ: ") && !strings.Contains(e["description"], "myöhässä") {
			t.Errorf("late in the title only: %v", e)
		}
	}
	if n != len(late) {
		t.Fatalf("%d of %d late actions in the calendar", n, len(late))
	}
}

// The files of a family, one after the other, as a calendar that imports
// them sees them (python3-icalendar): the workshop's, then a check-in's that
// moves the review from 10.6. to 15.9.2027, marks an action done and one
// dropped and corrects the title and the organisation, then the next
// check-in's that moves the review again, takes an action out, empties one
// action's date and moves another's. Each event keeps its UID through every
// file, each file's SEQUENCE is above the one before, and an event of an
// earlier file is never just left out of a later one: what is no longer to
// be done comes cancelled.
func TestCalendarFilesOfAFamilyUpdateTheEventsOfTheFilesBefore(t *testing.T) {
	w := fixture.Nordrahti()
	c1, err := workshop.NewCheckin(w, "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(nil, c1.SetNextReview("2027-09-15"))
	must(c1.SetActionStatus("A5", workshop.ActionDone, "", ""))
	must(c1.SetActionStatus("A3", workshop.ActionDropped, "", ""))
	must(nil, c1.SetSessionField("title", "Nordrahdin asiakaslupaus 2027–2028"))
	must(nil, c1.SetSessionField("organisation", "Nordrahti Logistics Oy"))
	c2, err := workshop.NewCheckin(c1, "2027-09-15", "", fixture.CheckinAt.AddDate(0, 6, 0))
	if err != nil {
		t.Fatal(err)
	}
	must(nil, c2.SetNextReview("2027-12-01"))
	must(c2.RemoveAction("A1"))
	must(nil, c2.SetActionField("A4", "due", ""))
	must(nil, c2.SetActionField("A2", "due", "2027-10-29"))
	c2.UpdatedAt = time.Date(2027, 9, 15, 14, 0, 0, 0, time.UTC)

	now := time.Date(2027, 9, 15, 15, 4, 5, 0, time.UTC)
	// A clock ahead on the laptop that last edited the workshop: its
	// LAST-MODIFIED is never after the file's DTSTAMP.
	w.UpdatedAt = now.Add(time.Hour)
	files := make([][]map[string]string, 3)
	for i, x := range []struct {
		s      *workshop.Session
		before []*workshop.Session
	}{{w, nil}, {c1, []*workshop.Session{w}}, {c2, []*workshop.Session{w, c1}}} {
		var b bytes.Buffer
		if err := calendar.Write(&b, x.s, now, x.before...); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), fmt.Sprintf("%d.ics", i))
		if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		files[i] = readBack(t, path)
	}
	byUID := make([]map[string]map[string]string, len(files))
	for i, evs := range files {
		byUID[i] = map[string]map[string]string{}
		for _, e := range evs {
			if byUID[i][e["uid"]] != nil {
				t.Fatalf("file %d has %s twice", i, e["uid"])
			}
			byUID[i][e["uid"]] = e
			if e["sequence"] != fmt.Sprint(i) {
				t.Errorf("file %d: %s has SEQUENCE %q, want %d", i, e["uid"], e["sequence"], i)
			}
			if e["dtstamp"] != "2027-09-15T15:04:05+00:00" {
				t.Errorf("file %d: DTSTAMP %q", i, e["dtstamp"])
			}
			if lm := e["last-modified"]; lm == "" || lm > e["dtstamp"] {
				t.Errorf("file %d: LAST-MODIFIED %q, DTSTAMP %q", i, lm, e["dtstamp"])
			}
		}
	}
	// Nothing an earlier file has is left out of a later one.
	for i := 1; i < len(files); i++ {
		for uid, e := range byUID[i-1] {
			if byUID[i][uid] == nil && e["status"] != "CANCELLED" {
				t.Errorf("file %d leaves out %s (%s) of file %d, which a calendar would keep", i, uid, e["summary"], i-1)
			}
		}
	}
	find := func(i int, what string) map[string]string {
		t.Helper()
		for _, e := range files[i] {
			if strings.Contains(e["uid"], what) {
				return e
			}
		}
		t.Fatalf("file %d has no event %s: %v", i, what, files[i])
		return nil
	}
	review := find(0, "review-")
	if r := find(1, "review-"); !strings.Contains(r["summary"], "Nordrahti Logistics Oy") || r["uid"] != review["uid"] {
		t.Errorf("the corrected organisation's review: %v", r)
	}
	for i, date := range []string{"2027-06-10", "2027-09-15", "2027-12-01"} {
		if r := byUID[i][review["uid"]]; r == nil || r["start"] != date || r["status"] != "CONFIRMED" {
			t.Errorf("file %d: the review (%s) is %v, want it on %s", i, review["uid"], r, date)
		}
	}
	for _, tc := range []struct {
		file     int
		action   string
		status   string
		start    string
		contains string
	}{
		{0, "A5", "CONFIRMED", "", ""},
		{1, "A5", "CANCELLED", "", "Tila: valmis"},
		{1, "A3", "CANCELLED", "", "Tila: luovuttu"},
		{1, "A1", "CONFIRMED", "", ""},
		{2, "A5", "CANCELLED", "", ""},
		{2, "A1", "CANCELLED", "", ""}, // taken out: on its last date
		{2, "A4", "CANCELLED", "", ""}, // its date emptied
		{2, "A2", "CONFIRMED", "2027-10-29", ""},
	} {
		e := find(tc.file, "action-"+tc.action+"-")
		first := byUID[0][e["uid"]]
		if first == nil {
			t.Errorf("file %d: %s has a UID %s the workshop's file has not", tc.file, tc.action, e["uid"])
			continue
		}
		want := tc.start
		if want == "" {
			want = first["start"]
		}
		if e["status"] != tc.status || e["start"] != want || !strings.Contains(e["summary"]+e["description"], tc.contains) {
			t.Errorf("file %d: %s is %s on %s (%s), want %s on %s", tc.file, tc.action, e["status"], e["start"], e["summary"], tc.status, want)
		}
	}
	if len(files[2]) != len(files[0]) {
		t.Errorf("the workshop's file has %d events, the second check-in's %d", len(files[0]), len(files[2]))
	}
}

// The UIDs are the family's for good: not of the title or the organisation,
// which are corrected later, but of when the workshop was created, which a
// check-in carries; two workshops created apart have their own.
func TestCalendarUIDsOutliveATitleCorrection(t *testing.T) {
	w := fixture.Nordrahti()
	before := calendar.Events(w)
	w.Title, w.Organisation = "Nordrahdin asiakaslupaus 2027–2028", "Nordrahti Logistics Oy"
	c, err := workshop.NewCheckin(w, "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "Asiakaslupaus"
	uids := map[string]bool{}
	for _, e := range before {
		uids[e.UID] = true
	}
	for _, after := range [][]calendar.Event{calendar.Events(w), calendar.Events(c)} {
		for _, e := range after {
			if !uids[e.UID] {
				t.Errorf("%q: a new UID %s", e.Summary, e.UID)
			}
		}
	}
	if n := len(calendar.Events(w)); n != len(before) {
		t.Fatalf("%d events, %d before", n, len(before))
	}
	other := fixture.Nordrahti()
	other.CreatedAt = other.CreatedAt.Add(time.Second)
	if calendar.Events(other)[0].UID == before[0].UID {
		t.Fatal("another workshop created a second later has the same UIDs")
	}
}
