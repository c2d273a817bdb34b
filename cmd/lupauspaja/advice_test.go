package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A damaged database's message says what to do: open a backup the app
// made before an update (PATH.vN-TIME.bak, named newest first), or with
// none, choose another file or let the app move it aside.
func TestDamagedDatabaseSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lupauspaja.db")
	os.WriteFile(db, []byte(strings.Repeat("roskaa ", 100)), 0o600)
	damaged := "lupauspaja list: " + db + ": the file is not a Lupauspaja database or it is damaged; "

	code, out, e := cli(t, "--db", db, "list")
	if want := damaged + "choose another file with --db, or start the app, which offers to move it aside and start a new one\n"; code != 1 || out != "" || e != want {
		t.Fatalf("no backups: %d %q\n%q, want\n%q", code, out, e, want)
	}

	older, newer := db+".v4-20261101-100000.bak", db+".v5-20261201-090000.bak"
	for i, b := range []string{older, newer, newer + ".tmp"} {
		os.WriteFile(b, []byte("kopio"), 0o600)
		stamp := time.Date(2026, 11, 1+i, 10, 0, 0, 0, time.UTC)
		os.Chtimes(b, stamp, stamp)
	}
	os.Remove(newer)
	_, _, e = cli(t, "--db", db, "list")
	if want := damaged + "beside it is a backup the app made before an update: " + older + " (open it with --db, or choose another file with --db)\n"; e != want {
		t.Fatalf("one backup: %q, want\n%q", e, want)
	}
	os.WriteFile(newer, []byte("kopio"), 0o600)
	_, _, e = cli(t, "--db", db, "export", "1")
	if want := "lupauspaja export: " + db + ": the file is not a Lupauspaja database or it is damaged; beside it are backups the app made before updates, newest first: " +
		newer + ", " + older + " (open one with --db, or choose another file with --db)\n"; e != want {
		t.Fatalf("two backups: %q, want\n%q", e, want)
	}
}

// A session that is not there: every verb that takes an id points to list.
func TestMissingSessionPointsToList(t *testing.T) {
	dir, db := importFixture(t)
	for _, args := range [][]string{
		{"export", "99"},
		{"pdf", "99", "-o", filepath.Join(dir, "x.pdf")},
		{"ics", "99", "-o", "-"},
		{"checkin", "99"},
		{"room", "99", "--addr", "127.0.0.1:0"},
	} {
		code, out, e := cli(t, append([]string{"--db", db}, args...)...)
		if code != 1 || out != "" || !strings.HasPrefix(e, "lupauspaja "+args[0]+": ") || !strings.HasSuffix(e, "no such session (see lupauspaja list)\n") {
			t.Errorf("%v: %d %q %q", args, code, out, e)
		}
	}
}
