package main

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui"
	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop/library"
)

// badDatabase is a file a facilitator may find at the database path.
type badDatabase struct {
	name string
	data []byte
	says string // what the one-line error must say
	want error
}

func sqlExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// badDatabases makes each kind of bad file from a real database the command
// line wrote.
func badDatabases(t *testing.T) []badDatabase {
	dir := t.TempDir()
	goodPath := filepath.Join(dir, "good.db")
	if code, _, e := cli(t, "--db", goodPath, "import", writeFixture(t, dir)); code != 0 {
		t.Fatal(e)
	}
	good, err := os.ReadFile(goodPath)
	if err != nil {
		t.Fatal(err)
	}
	sector := bytes.Clone(good)
	for i := len(sector) / 2; i < len(sector)/2+4096; i++ {
		sector[i] ^= 0xa5
	}
	foreignPath := filepath.Join(dir, "contacts.sqlite")
	sqlExec(t, foreignPath, "CREATE TABLE contacts(name TEXT)", "INSERT INTO contacts VALUES ('Äijälä')")
	foreign, _ := os.ReadFile(foreignPath)
	newerPath := filepath.Join(dir, "newer.db")
	os.WriteFile(newerPath, good, 0o600)
	sqlExec(t, newerPath, "PRAGMA user_version = 999")
	newer, _ := os.ReadFile(newerPath)
	const damaged = "not a Lupauspaja database or it is damaged"
	return []badDatabase{
		{"garbage", bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 5000), damaged, library.ErrNotDatabase},
		{"text file", []byte("Ostoslista:\n- maitoa\n"), damaged, library.ErrNotDatabase},
		{"first half", good[:len(good)/2], damaged, library.ErrNotDatabase},
		{"bad sector", sector, damaged, library.ErrNotDatabase},
		{"another program", foreign, "database of another program", library.ErrForeignDatabase},
		{"newer version", newer, "newer version of Lupauspaja", library.ErrNewerDatabase},
	}
}

func sideFiles(path string) []string {
	var out []string
	for _, s := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + s); err == nil {
			out = append(out, path+s)
		}
	}
	return out
}

// Every verb on a bad database says in one line what is wrong with which
// file, exits with 1, and leaves the file exactly as it was.
func TestCommandLineOnBadDatabase(t *testing.T) {
	for _, bad := range badDatabases(t) {
		t.Run(bad.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "lupauspaja.db")
			if err := os.WriteFile(db, bad.data, 0o600); err != nil {
				t.Fatal(err)
			}
			file := writeFixture(t, dir)
			for _, args := range [][]string{
				{"list"},
				{"import", file},
				{"export", "1"},
				{"export", "1", "-o", filepath.Join(dir, "out.json")},
				{"pdf", "1", "-o", filepath.Join(dir, "out.pdf")},
			} {
				code, out, errOut := cli(t, append([]string{"--db", db}, args...)...)
				if code != 1 || out != "" {
					t.Errorf("%v: exit %d, stdout %q", args, code, out)
				}
				if !strings.HasPrefix(errOut, "lupauspaja "+args[0]+": "+db) || !strings.Contains(errOut, bad.says) ||
					strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
					t.Errorf("%v: stderr %q", args, errOut)
				}
				if after, _ := os.ReadFile(db); !bytes.Equal(after, bad.data) {
					t.Fatalf("%v changed the file", args)
				}
				if sf := sideFiles(db); len(sf) > 0 {
					t.Fatalf("%v left %v", args, sf)
				}
			}
			for _, f := range []string{"out.json", "out.pdf"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s was written from a bad database", f)
				}
			}
		})
	}
}

// A zero-length file holds nothing to lose: it becomes a new database (Open
// itself leaves one when it is killed before SQLite's first write).
func TestCommandLineOnZeroLengthFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lupauspaja.db")
	os.WriteFile(db, nil, 0o600)
	if code, out, e := cli(t, "--db", db, "list"); code != 0 || out != "" || e != "" {
		t.Fatalf("list: %d %q %q", code, out, e)
	}
	if code, out, e := cli(t, "--db", db, "import", writeFixture(t, dir)); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, e)
	}
}

// The app's start-up path: library.Open's error goes to ui.ShowDatabaseProblem
// (see runGUI), which explains it, and for a bad file offers to move it
// aside and start a new database, or to quit.
func TestStartUpOnBadDatabaseOffersMoveAsideOrQuit(t *testing.T) {
	for _, bad := range badDatabases(t) {
		t.Run(bad.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Preferences().SetString("ui.language", "en") // the window speaks English
			dir := t.TempDir()
			db := filepath.Join(dir, "lupauspaja.db")
			os.WriteFile(db, bad.data, 0o600)
			_, err := library.Open(db)
			if !errors.Is(err, bad.want) {
				t.Fatalf("open: %v", err)
			}
			var opened *library.Library
			// Moving aside closes the window (a second Close panics in Fyne's test driver).
			w := ui.ShowDatabaseProblem(a, db, err, func(lib *library.Library) { opened = lib })
			text, buttons := windowText(w)
			if !strings.Contains(text, bad.says) && !strings.Contains(text, i18n.TIn("en", map[error]string{
				library.ErrNotDatabase: "app.error.db.not_database", library.ErrForeignDatabase: "app.error.db.foreign",
				library.ErrNewerDatabase: "app.error.db.newer"}[bad.want])) {
				t.Fatalf("the window does not say what is wrong:\n%s", text)
			}
			if !strings.Contains(text, db) {
				t.Fatalf("the window does not name the file:\n%s", text)
			}
			move, quit := buttons[i18n.TIn("en", "dbproblem.move")], buttons[i18n.TIn("en", "dbproblem.quit")]
			if move == nil || quit == nil {
				t.Fatalf("buttons %v", buttons)
			}
			test.Tap(move)
			if opened == nil {
				t.Fatal("no new database after moving the file aside")
			}
			defer opened.Close()
			if l, err := opened.List(""); err != nil || len(l) != 0 {
				t.Fatalf("new database: %v %v", l, err)
			}
			aside, _ := filepath.Glob(db + ".broken-*")
			var kept []string
			for _, p := range aside {
				if !strings.HasSuffix(p, "-wal") && !strings.HasSuffix(p, "-shm") {
					kept = append(kept, p)
				}
			}
			if len(kept) != 1 {
				t.Fatalf("moved aside: %v", aside)
			}
			if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, bad.data) {
				t.Fatal("the file moved aside is not the file as it was")
			}
		})
	}
}

// A second window on the same database is told so and offered only to quit;
// the command line works beside the app all the while.
func TestSecondWindowIsRefusedButCommandLineWorks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lupauspaja.db")
	release, err := library.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	_, err = library.Lock(db)
	if !errors.Is(err, library.ErrInUse) {
		t.Fatalf("second lock: %v", err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString("ui.language", "en") // the window speaks English
	w := ui.ShowDatabaseProblem(a, db, err, nil)
	defer w.Close()
	text, buttons := windowText(w)
	if !strings.Contains(text, i18n.TIn("en", "app.error.db.in_use")) {
		t.Fatalf("window says:\n%s", text)
	}
	if buttons[i18n.TIn("en", "dbproblem.move")] != nil || buttons[i18n.TIn("en", "dbproblem.quit")] == nil {
		t.Fatalf("buttons %v", buttons)
	}
	if code, out, e := cli(t, "--db", db, "import", writeFixture(t, dir)); code != 0 || out != "1\n" {
		t.Fatalf("import beside the app: %d %q %q", code, out, e)
	}
	if code, out, e := cli(t, "--db", db, "list"); code != 0 || !strings.HasPrefix(out, "1\t") {
		t.Fatalf("list beside the app: %d %q %q", code, out, e)
	}
}

// windowText is every label's text in the window and its buttons by label.
func windowText(w fyne.Window) (string, map[string]*widget.Button) {
	var b strings.Builder
	buttons := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.Button:
			buttons[o.Text] = o
		case *button.Button: // the app's
			buttons[o.Text] = &o.Button
		}
	}
	return b.String(), buttons
}

// A failed export says why in one line, leaves no file (whole or half) where
// it was going, and does not touch the session.
func TestExportFailures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "lupauspaja.db")
	if code, _, e := cli(t, "--db", db, "import", writeFixture(t, dir)); code != 0 {
		t.Fatal(e)
	}
	dbBefore, _ := os.ReadFile(db)
	_, jsonBefore, _ := cli(t, "--db", db, "export", "1")

	notAFolder := filepath.Join(dir, "muistio.txt")
	os.WriteFile(notAFolder, []byte("x"), 0o600)
	type target struct {
		name, folder, why string
	}
	targets := []target{
		{"missing folder", filepath.Join(dir, "ei", "ole"), "no such file or directory"},
		{"parent is a file", notAFolder, "not a directory"},
		{"full disk", "/dev", "no space left on device"},
	}
	// Permissions do not bind root; /sys refuses new files even to root.
	if os.Geteuid() == 0 {
		targets = append(targets, target{"read-only folder", "/sys", "permission denied"})
	} else {
		ro := filepath.Join(dir, "vain-luku")
		os.Mkdir(ro, 0o700)
		os.WriteFile(filepath.Join(ro, "vanha.pdf"), []byte("vanha"), 0o600)
		os.WriteFile(filepath.Join(ro, "vanha.json"), []byte("vanha"), 0o600)
		os.Chmod(ro, 0o500)
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		targets = append(targets, target{"read-only folder", ro, "permission denied"})
	}
	for _, tg := range targets {
		for _, verb := range []string{"export", "pdf"} {
			name := map[string]string{"export": "vanha.json", "pdf": "vanha.pdf"}[verb]
			if tg.folder == "/dev" {
				name = "full"
			}
			out := filepath.Join(tg.folder, name)
			var before []string
			if entries, err := os.ReadDir(tg.folder); err == nil {
				for _, e := range entries {
					before = append(before, e.Name())
				}
			}
			var oldContent []byte
			if tg.folder != "/dev" { // reading /dev/full never ends
				oldContent, _ = os.ReadFile(out)
			}
			code, stdout, errOut := cli(t, "--db", db, verb, "1", "-o", out)
			if code != 1 || stdout != "" || !strings.Contains(errOut, out) || !strings.Contains(errOut, tg.why) ||
				strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s %s: exit %d, stderr %q", verb, tg.name, code, errOut)
			}
			var after []string
			if entries, err := os.ReadDir(tg.folder); err == nil {
				for _, e := range entries {
					after = append(after, e.Name())
				}
			}
			if strings.Join(before, "\n") != strings.Join(after, "\n") {
				t.Errorf("%s %s: the folder changed: %v → %v", verb, tg.name, before, after)
			}
			if tg.folder == "/dev" {
				if fi, err := os.Stat(out); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
					t.Fatalf("%s replaced /dev/full: %v %v", verb, fi.Mode(), err)
				}
			} else if now, _ := os.ReadFile(out); !bytes.Equal(now, oldContent) {
				t.Errorf("%s %s: the earlier file changed", verb, tg.name)
			}
		}
	}
	if dbAfter, _ := os.ReadFile(db); !bytes.Equal(dbAfter, dbBefore) {
		t.Error("the database changed")
	}
	// The file carries the time of the export; everything else must match.
	exportedAt := regexp.MustCompile(`"exported_at": "[^"]*"`)
	if _, jsonAfter, _ := cli(t, "--db", db, "export", "1"); exportedAt.ReplaceAllString(jsonAfter, "") != exportedAt.ReplaceAllString(jsonBefore, "") {
		t.Error("the session changed")
	}
}
