package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lupauspaja/workshop/library"
)

// noFile fails the test when anything is at path.
func noFile(t *testing.T, path, what string) {
	t.Helper()
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("%s: %s was made (%v)", what, path, err)
	}
}

// An empty --db is refused as a usage error: taken for no --db, it was the
// user's own database in the data folder.
func TestEmptyDBIsRefused(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", data)
	def, err := library.DefaultPath()
	if err != nil || !strings.HasPrefix(def, data) {
		t.Skipf("the default database is not under the test's folder here: %s %v", def, err)
	}
	for _, args := range [][]string{
		{"--db", "", "list"},
		{"--db=", "list"},
		{"list", "--db", ""},
		{"-db=", "import", writeFixture(t, t.TempDir())},
	} {
		code, out, e := cli(t, args...)
		if code != 2 || out != "" || e != "lupauspaja: --db needs a file path\n" {
			t.Errorf("%q: %d %q %q", args, code, out, e)
		}
	}
	noFile(t, filepath.Dir(def), "an empty --db")
}

// The verbs that work on what a database holds (all but import and
// checkin) refuse a database path with no file, say so with the path, and
// make nothing: not the file, not its folder, not a lock file.
func TestVerbsThatReadMakeNoDatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo", "x.db")
	beside := filepath.Join(dir, "x.db")
	for _, db := range []string{typo, beside} {
		for _, args := range [][]string{
			{"list"},
			{"export", "1"},
			{"export", "1", "-o", filepath.Join(dir, "out.json")},
			{"pdf", "1", "-o", filepath.Join(dir, "out.pdf")},
			{"ics", "1", "-o", filepath.Join(dir, "out.ics")},
			{"room", "1", "--addr", "127.0.0.1:0"},
		} {
			code, out, e := cli(t, append([]string{"--db", db}, args...)...)
			want := "lupauspaja " + args[0] + ": no database at " + db + ": check --db; `lupauspaja import FILE --db " + db + "` makes one\n"
			if code != 1 || out != "" || e != want {
				t.Errorf("%v: %d %q\n%q, want\n%q", args, code, out, e, want)
			}
		}
	}
	noFile(t, filepath.Dir(typo), "a verb that reads")
	for _, f := range []string{beside, beside + ".lock", beside + "-wal", beside + "-shm", filepath.Join(dir, "out.json"), filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.ics")} {
		noFile(t, f, "a verb that reads")
	}

	// A path with a space is quoted in the command the message suggests.
	spaced := filepath.Join(dir, "my sessions.db")
	if _, _, e := cli(t, "--db", spaced, "list"); !strings.Contains(e, "`lupauspaja import FILE --db '"+spaced+"'`") {
		t.Errorf("spaced path: %q", e)
	}

	// Without --db: the app's own database, not made yet.
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("HOME", filepath.Join(dir, "home"))
	if def, err := library.DefaultPath(); err == nil && strings.HasPrefix(def, dir) {
		code, out, e := cli(t, "list")
		if want := "lupauspaja list: no database at " + def + " yet: start the app, or `lupauspaja import FILE` makes one\n"; code != 1 || out != "" || e != want {
			t.Errorf("default: %d %q %q", code, out, e)
		}
		noFile(t, filepath.Dir(def), "list without --db")
	}

	// A folder is not a database file.
	if code, _, e := cli(t, "--db", dir, "list"); code != 1 || e != "lupauspaja list: "+dir+" is a folder, not a database file\n" {
		t.Errorf("a folder: %d %q", code, e)
	}

	// import makes the database and its folder, as before.
	if code, out, e := cli(t, "--db", typo, "import", writeFixture(t, dir)); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, e)
	}
	if code, out, e := cli(t, "--db", typo, "list"); code != 0 || !strings.HasPrefix(out, "1\t") || e != "" {
		t.Fatalf("list after import: %d %q %q", code, out, e)
	}
	// checkin follows a session that must be there: a mistyped path is
	// refused, with nothing made.
	fresh := filepath.Join(dir, "new", "c.db")
	if code, _, e := cli(t, "--db", fresh, "checkin", "1"); code != 1 || !strings.Contains(e, "no database at "+fresh) {
		t.Fatalf("checkin on a missing database: %d %q", code, e)
	}
	noFile(t, filepath.Dir(fresh), "checkin with a mistyped --db")
}

// --db=~/x.db, where the shell leaves the tilde alone, is x.db in the home
// folder, not in a folder named "~".
func TestDBTildeIsTheHomeFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	cwd := t.TempDir()
	t.Chdir(cwd)
	file := writeFixture(t, t.TempDir())
	if code, out, e := cli(t, "--db=~/sessions/w.db", "import", file); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, e)
	}
	if _, err := os.Stat(filepath.Join(home, "sessions", "w.db")); err != nil {
		t.Fatalf("not in the home folder: %v", err)
	}
	noFile(t, filepath.Join(cwd, "~"), "--db=~/…")
	if code, out, _ := cli(t, "list", "--db", "~/sessions/w.db"); code != 0 || !strings.HasPrefix(out, "1\t") {
		t.Fatalf("list --db ~/…: %d %q", code, out)
	}
	// Only a leading "~/" is the home folder.
	if code, _, e := cli(t, "--db", "a~/w.db", "list"); code != 1 || !strings.Contains(e, "no database at a~/w.db") {
		t.Fatalf("a~/: %d %q", code, e)
	}
}
