package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command line that cannot run as written exits with 2, the verb's as
// the top level's, in one line that says what is wrong; a command that ran
// and failed exits with 1. Nothing is written either way.
func TestUsageErrorsExitTwo(t *testing.T) {
	dir, db := importFixture(t)
	file := writeFixture(t, dir)
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	usage := []struct {
		args []string
		says string
	}{
		{[]string{"frobnicate"}, `lupauspaja: unknown command "frobnicate"`},
		{[]string{"list", "--db=" + db}, "lupauspaja: --db is given twice; give it once"},
		{[]string{"help", "frobnicate"}, `lupauspaja: unknown command "frobnicate"`},
		{[]string{"help", "export", "pdf"}, `lupauspaja: unexpected argument "pdf" (usage: lupauspaja help [VERB])`},
		{[]string{"list", "x"}, `lupauspaja list: unexpected argument "x"`},
		{[]string{"list", "--all"}, "lupauspaja list: unknown option --all"},
		{[]string{"import"}, "lupauspaja import: give one session file"},
		{[]string{"import", file, file}, "lupauspaja import: give one session file"},
		{[]string{"import", file, "--private-notes"}, "lupauspaja import: unknown option --private-notes"},
		{[]string{"export"}, "lupauspaja export: give the id of the session (see lupauspaja list)"},
		{[]string{"export", "yksi"}, `lupauspaja export: "yksi" is not a session id`},
		{[]string{"export", "1", "2"}, `lupauspaja export: unexpected argument "2"`},
		{[]string{"export", "1", "--pdf"}, "lupauspaja export: unknown option --pdf"},
		{[]string{"export", "1", "-o"}, "lupauspaja export: -o needs a file name"},
		{[]string{"export", "1", "-o", a, "-o", b}, "lupauspaja export: -o is given twice; give it once (usage: lupauspaja export ID [-o FILE.json] [--private-notes])"},
		{[]string{"export", "1", "-o", a, "--output=" + b}, "lupauspaja export: -o and --output are the same option; give it once"},
		{[]string{"export", "1", "--private-notes", "--private-notes=false"}, "lupauspaja export: --private-notes is given twice"},
		{[]string{"pdf", "1"}, "lupauspaja pdf: -o FILE.pdf is required"},
		{[]string{"pdf", "1", "-o", a, "-o", b}, "lupauspaja pdf: -o is given twice"},
		{[]string{"pdf", "1", "-o", a, "--lang", "sv"}, `lupauspaja pdf: --lang "sv": use fi or en`},
		{[]string{"pdf", "-o", a}, "lupauspaja pdf: give the id of the session"},
		{[]string{"ics", "1"}, "lupauspaja ics: -o FILE.ics is required"},
		{[]string{"ics", "1", "-o", a, "--output", b}, "lupauspaja ics: -o and --output are the same option"},
		{[]string{"checkin"}, "lupauspaja checkin: give the id of the session"},
		{[]string{"checkin", "1", "2"}, `lupauspaja checkin: unexpected argument "2"`},
		{[]string{"checkin", "1", "--agenda", "60"}, `lupauspaja checkin: --agenda "60": use 45 or 90`},
		{[]string{"checkin", "1", "--date", "3.12.2027"}, `lupauspaja checkin: --date: "3.12.2027" is not a date of the form YYYY-MM-DD`},
		{[]string{"checkin", "1", "--date", "2027-01-01", "--date", "2027-02-01"}, "lupauspaja checkin: --date is given twice"},
		{[]string{"room"}, "lupauspaja room: give the id of the session"},
		{[]string{"room", "1", "--addr", "nowhere"}, `lupauspaja room: --addr "nowhere" is not HOST:PORT`},
	}
	before := sum(t, db)
	for _, c := range usage {
		code, out, e := cli(t, append([]string{"--db", db}, c.args...)...)
		if code != 2 || out != "" || !strings.HasPrefix(e, c.says) || strings.Count(e, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q…", c.args, code, out, e, c.says)
		}
	}
	for _, f := range []string{a, b} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s was written", filepath.Base(f))
		}
	}
	if sum(t, db) != before {
		t.Error("the database changed")
	}
	// Failures of a command that could run are 1.
	for _, args := range [][]string{
		{"export", "99"},
		{"checkin", "1", "--date", "2026-01-01"}, // before the workshop it follows
		{"import", filepath.Join(dir, "ei.json")},
	} {
		if code, _, e := cli(t, append([]string{"--db", db}, args...)...); code != 1 {
			t.Errorf("%q: exit %d, %q; want 1", args, code, e)
		}
	}
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("roskaa ", 100)), 0o600)
	for _, args := range [][]string{
		{"--db", filepath.Join(dir, "ei.db"), "list"},
		{"--db", garbage, "list"},
	} {
		if code, _, e := cli(t, args...); code != 1 {
			t.Errorf("%q: exit %d, %q; want 1", args, code, e)
		}
	}
}

// help VERB prints the verb's own help, as VERB -h does; help alone, the
// list of verbs with the exit statuses.
func TestHelpVerb(t *testing.T) {
	for _, v := range verbs {
		code, out, e := cli(t, "help", v.name)
		_, own, _ := cli(t, v.name, "-h")
		if code != 0 || e != "" || out != own || !strings.HasPrefix(out, "Usage: "+v.synopsis()+" [--db PATH]\n") {
			t.Errorf("help %s: %d %q %q", v.name, code, out, e)
		}
	}
	if code, out, _ := cli(t, "--help", "pdf"); code != 0 || !strings.Contains(out, "--lang    fi or en") {
		t.Errorf("--help pdf: %d %q", code, out)
	}
	code, out, _ := cli(t, "help")
	if code != 0 || !strings.Contains(out, "lupauspaja help VERB (or lupauspaja VERB -h) describes the verb's options.\n") ||
		!strings.Contains(out, "Exit status: 0 done, 1 failed, 2 the command line is wrong") {
		t.Errorf("help: %d %q", code, out)
	}
}
