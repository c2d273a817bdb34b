package main

import (
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// On a database that cannot be written (a read-only file, folder or both,
// as on a read-only disk) the verbs that read work, and the ones that
// write say so at once, in one line that names the database (not the
// session file being imported) and says what to do; the file is left as
// it was, and nothing is left beside it.
func TestReadOnlyDatabase(t *testing.T) {
	for _, c := range []struct {
		name         string
		file, folder bool
	}{
		{"read-only file", true, false},
		{"read-only folder", false, true},
		{"read-only file and folder", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			folder := filepath.Join(dir, "ro")
			db := filepath.Join(folder, "lupauspaja.db")
			file := writeFixture(t, dir)
			if code, _, e := cli(t, "--db", db, "import", file); code != 0 {
				t.Fatal(e)
			}
			_, exported, _ := cli(t, "--db", db, "export", "1")
			if c.file {
				testkit.ReadOnly(t, db)
			}
			if c.folder {
				testkit.ReadOnly(t, folder)
			}
			before, names := sum(t, db), dirNames(t, folder)

			if code, out, e := cli(t, "--db", db, "list"); code != 0 || out != "1\t2026-12-03\tNordrahdin asiakaslupaus 2027\tNordrahti Oy\n" || e != "" {
				t.Errorf("list: %d %q %q", code, out, e)
			}
			if code, out, e := cli(t, "--db", db, "export", "1"); code != 0 || exportedAtLine.ReplaceAllString(out, "") != exportedAtLine.ReplaceAllString(exported, "") || e != "" {
				t.Errorf("export: %d %q", code, e)
			}
			pdf := filepath.Join(dir, "out.pdf")
			if code, _, e := cli(t, "--db", db, "pdf", "1", "-o", pdf); code != 0 || e != "" {
				t.Errorf("pdf: %d %q", code, e)
			} else if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
				t.Errorf("pdf: %v", err)
			}
			if code, out, e := cli(t, "--db", db, "ics", "1", "-o", "-"); code != 0 || !strings.HasPrefix(out, "BEGIN:VCALENDAR") {
				t.Errorf("ics: %d %q", code, e)
			}

			want := "the database " + db + " (or its folder) is read-only: copy it to a folder you can write to, or choose another with --db\n"
			for _, args := range [][]string{
				{"import", file},
				{"checkin", "1"},
				{"room", "1", "--addr", "127.0.0.1:0"},
			} {
				code, out, e := cli(t, append([]string{"--db", db}, args...)...)
				if code != 1 || out != "" || e != "lupauspaja "+args[0]+": "+want {
					t.Errorf("%v: %d %q\n%q, want\n%q", args, code, out, e, "lupauspaja "+args[0]+": "+want)
				}
			}
			if sum(t, db) != before {
				t.Error("the database changed")
			}
			// room takes its lock, beside the database, when the folder lets it.
			after := slices.DeleteFunc(dirNames(t, folder), func(n string) bool { return n == "lupauspaja.db.lock" })
			if !slices.Equal(after, names) {
				t.Errorf("beside the database: %v, before %v", after, names)
			}
		})
	}
}

// A read-only database that needs this version's schema cannot be
// updated: reading it is refused with what to do.
func TestReadOnlyDatabaseOfAnOlderVersion(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ro", "lupauspaja.db")
	if code, _, e := cli(t, "--db", db, "import", writeFixture(t, dir)); code != 0 {
		t.Fatal(e)
	}
	sqlExec(t, db, "PRAGMA user_version = "+strconv.Itoa(store.SchemaVersion()-1))
	testkit.ReadOnly(t, db)
	testkit.ReadOnly(t, filepath.Dir(db))
	code, out, e := cli(t, "--db", db, "list")
	if code != 1 || out != "" || e != "lupauspaja list: the database "+db+" (or its folder) is read-only, and this version of Lupauspaja needs to update it: copy it to a folder you can write to, or choose another with --db\n" {
		t.Fatalf("%d %q %q", code, out, e)
	}
}

// A write-ahead log that holds changes not yet folded into the file is
// read also in a read-only folder: what list shows is what was last saved.
func TestReadOnlyFolderWithAFullLog(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	if code, _, e := cli(t, "--db", src, "import", writeFixture(t, dir)); code != 0 {
		t.Fatal(e)
	}
	raw, err := sql.Open("sqlite3", "file:"+src+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA wal_autocheckpoint = 0", "UPDATE sessions SET title = 'Vain lokissa' WHERE id = 1"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// A copy of the three files while the change is only in the log, as a
	// killed app leaves them.
	folder := filepath.Join(dir, "ro")
	os.Mkdir(folder, 0o700)
	db := filepath.Join(folder, "lupauspaja.db")
	for _, s := range []string{"", "-wal", "-shm"} {
		copyFile(t, src+s, db+s)
	}
	raw.Close()
	if fi, err := os.Stat(db + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no log: %v", err)
	}
	testkit.ReadOnly(t, folder)
	if code, out, e := cli(t, "--db", db, "list"); code != 0 || !strings.HasPrefix(out, "1\t2026-12-03\tVain lokissa\t") {
		t.Fatalf("list: %d %q %q", code, out, e)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
