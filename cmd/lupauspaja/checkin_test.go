package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A check-in from the command line: created from a workshop, exported with
// it, imported again, written as a PDF and as a calendar.
func TestCheckinFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lupauspaja.db")
	file := writeFixture(t, dir)
	if code, out, errOut := cli(t, "--db", db, "import", file); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, errOut := cli(t, "--db", db, "checkin", "1", "--date", "2027-03-10", "--agenda", "90")
	if code != 0 || out != "2\n" || errOut != "" {
		t.Fatalf("checkin: %d %q %q", code, out, errOut)
	}
	// A check-in of the check-in.
	if code, out, errOut := cli(t, "checkin", "--date=2027-06-10", "2", "--db", db); code != 0 || out != "3\n" {
		t.Fatalf("second checkin: %d %q %q", code, out, errOut)
	}
	// The list tells a check-in from the workshop whose title it keeps.
	if _, out, _ := cli(t, "--db", db, "list"); !strings.Contains(out, "\tcheckin 1\n") || !strings.Contains(out, "\tcheckin 2\n") ||
		!strings.Contains(out, "1\t2026-12-03\tNordrahdin asiakaslupaus 2027\tNordrahti Oy\n") {
		t.Errorf("list:\n%s", out)
	}
	for _, bad := range []struct {
		args []string
		msg  string
	}{
		{[]string{"checkin"}, "give the id of the session"},
		{[]string{"checkin", "x"}, `"x" is not a session id`},
		{[]string{"checkin", "99"}, "no such session"},
		{[]string{"checkin", "1", "--agenda", "60"}, `--agenda "60": use 45 or 90`},
		{[]string{"checkin", "1", "--date", "10.3.2027"}, `--date: "10.3.2027" is not a date of the form YYYY-MM-DD`},
		{[]string{"checkin", "1", "--date", "2026-01-01"}, "new check-in: date 2026-01-01 is before 2026-12-03"},
		{[]string{"checkin", "1", "--colour"}, "unknown option --colour"},
		{[]string{"ics", "1"}, "-o FILE.ics is required"},
	} {
		code, out, errOut := cli(t, append([]string{"--db", db}, bad.args...)...)
		if code == 0 || out != "" || !strings.Contains(errOut, bad.msg) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: %d %q %q", bad.args, code, out, errOut)
		}
	}
	// The PDF of a check-in is the check-in's report.
	pdf := filepath.Join(dir, "seuranta.pdf")
	if code, _, errOut := cli(t, "--db", db, "pdf", "2", "-o", pdf); code != 0 {
		t.Fatalf("pdf: %s", errOut)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil || !strings.Contains(string(text), "3.12.2026 jälkeen") {
			t.Fatalf("check-in PDF: %v %.300s", err, text)
		}
	}
	// The calendar of the workshop: the review and five actions.
	ics := filepath.Join(dir, "seuranta.ics")
	if code, _, errOut := cli(t, "--db", db, "ics", "1", "-o", ics); code != 0 {
		t.Fatalf("ics: %s", errOut)
	}
	data, _ := os.ReadFile(ics)
	if n := strings.Count(string(data), "BEGIN:VEVENT"); n != 6 {
		t.Fatalf("%d events", n)
	}
	if fi, _ := os.Stat(ics); fi.Mode().Perm() != 0o600 {
		t.Errorf("ics mode %v", fi.Mode().Perm())
	}
	// A fresh check-in has no review date yet, but the carried actions have theirs.
	if code, out, _ := cli(t, "--db", db, "ics", "3", "-o", "-"); code != 0 || strings.Count(out, "BEGIN:VEVENT") != 5 {
		t.Fatalf("ics of the second check-in: %d %q", code, out)
	}
	// Exported, the workshop carries both check-ins; imported, all three are back, linked.
	exp := filepath.Join(dir, "perhe.json")
	if code, _, errOut := cli(t, "--db", db, "export", "1", "-o", exp); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	db2 := filepath.Join(dir, "toinen.db")
	if code, out, errOut := cli(t, "--db", db2, "import", exp); code != 0 || out != "1\n" {
		t.Fatalf("import of the family: %d %q %q", code, out, errOut)
	}
	_, list, _ := cli(t, "--db", db2, "list")
	if strings.Count(list, "\n") != 3 {
		t.Fatalf("after import: %q", list)
	}
	if code, _, errOut := cli(t, "--db", db2, "pdf", "3", "-o", filepath.Join(dir, "b.pdf")); code != 0 {
		t.Fatalf("pdf of the imported second check-in: %s", errOut)
	}
}
