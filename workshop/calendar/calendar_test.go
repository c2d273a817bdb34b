package calendar_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lupauspaja/workshop"
	"lupauspaja/workshop/calendar"
	"lupauspaja/workshop/fixture"
)

const python = "/usr/bin/python3"

// readBack parses the file with Debian's python3-icalendar, an independent
// reader, and returns its events as it sees them.
func readBack(t *testing.T, path string) []map[string]string {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skip("python3 is not installed: scripts/setup.sh installs python3-icalendar, which reads the file back")
	}
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		t.Skip("python3-icalendar is missing (scripts/setup.sh installs it): the .ics is not read back")
	}
	script := `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk('VEVENT'):
    out.append({'uid': str(ev['UID']), 'start': ev.decoded('DTSTART').isoformat(),
                'end': ev.decoded('DTEND').isoformat(), 'summary': str(ev['SUMMARY']),
                'description': str(ev['DESCRIPTION'])})
print(json.dumps(out))
`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3-icalendar could not read the file: %v\n%s", err, out)
	}
	var evs []map[string]string
	if err := json.Unmarshal(out, &evs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return evs
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
	if len(evs) != 3 {
		t.Fatalf("%d events (the done and undated actions are left out): %v", len(evs), evs)
	}
	a1 := evs[1]
	if !strings.Contains(a1["description"], "What: "+long+"\nsecond line") || !strings.Contains(a1["description"], "Who: Åsa, Öhman; \"guest\"") {
		t.Fatalf("description read back as %q", a1["description"])
	}
	if !strings.Contains(evs[2]["summary"], "ctrl char") {
		t.Fatalf("control character: %q", evs[2]["summary"])
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
	if len(ce) != len(we)-1 {
		t.Fatalf("%d events of the check-in, %d of the workshop", len(ce), len(we))
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
