package testkit

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// Python is Debian's python3, which has python3-icalendar (scripts/setup.sh
// installs it); the first python3 on PATH may be another without it.
const Python = "/usr/bin/python3"

// ReadICS parses an .ics file with python3-icalendar, an independent
// reader, and returns its events as it sees them: uid, start, end, summary,
// description, status ("" when none), sequence ("" when none), dtstamp and
// last-modified (ISO 8601, "" when none). The test is skipped where the
// reader is not installed.
func ReadICS(t testing.TB, path string) []map[string]string {
	t.Helper()
	if _, err := os.Stat(Python); err != nil {
		t.Skip("python3 is not installed: scripts/setup.sh installs python3-icalendar, which reads the file back")
	}
	if err := exec.Command(Python, "-c", "import icalendar").Run(); err != nil {
		t.Skip("python3-icalendar is missing (scripts/setup.sh installs it): the .ics is not read back")
	}
	script := `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
def when(ev, name):
    return ev.decoded(name).isoformat() if name in ev else ''
for ev in cal.walk('VEVENT'):
    out.append({'uid': str(ev['UID']), 'start': ev.decoded('DTSTART').isoformat(),
                'end': ev.decoded('DTEND').isoformat(), 'summary': str(ev['SUMMARY']),
                'description': str(ev['DESCRIPTION']),
                'status': str(ev.get('STATUS', '')),
                'sequence': str(ev.decoded('SEQUENCE')) if 'SEQUENCE' in ev else '',
                'dtstamp': when(ev, 'DTSTAMP'), 'last-modified': when(ev, 'LAST-MODIFIED')})
print(json.dumps(out))
`
	out, err := exec.Command(Python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3-icalendar could not read the file: %v\n%s", err, out)
	}
	var evs []map[string]string
	if err := json.Unmarshal(out, &evs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return evs
}
