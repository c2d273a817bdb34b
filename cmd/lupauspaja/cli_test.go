package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	_ "github.com/mattn/go-sqlite3"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

// cli runs the command line as a user would and returns what it printed.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func writeFixture(t *testing.T, dir string) string {
	path := filepath.Join(dir, "nordrahti.json")
	if err := os.WriteFile(path, fixture.NordrahtiJSON, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportListExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "lupauspaja.db")
	file := writeFixture(t, dir)

	// No database yet: list says so and makes none; import makes it.
	code, out, errOut := cli(t, "list", "--db", db)
	if code != 1 || out != "" || !strings.HasPrefix(errOut, "lupauspaja list: no database at "+db+": ") {
		t.Fatalf("list before import: %d %q %q", code, out, errOut)
	}
	code, out, errOut = cli(t, "--db", db, "import", file)
	if code != 0 || errOut != "" || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = cli(t, "import", file, "--db="+db)
	if code != 0 || out != "2\n" {
		t.Fatalf("second import: %d %q", code, out)
	}
	code, out, errOut = cli(t, "list", "--db", db)
	want := "2\t2026-12-03\tNordrahdin asiakaslupaus 2027\tNordrahti Oy\n1\t2026-12-03\tNordrahdin asiakaslupaus 2027\tNordrahti Oy\n"
	if code != 0 || out != want || errOut != "" {
		t.Fatalf("list: %d %q %q", code, out, errOut)
	}

	// To stdout: the fixture again, but for the time of export and the app's version.
	code, out, errOut = cli(t, "export", "1", "--db", db)
	if code != 0 || errOut != "" {
		t.Fatalf("export: %d %q", code, errOut)
	}
	got, err := sessionfile.Read(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got.Organisation != "Nordrahti Oy" || len(got.Participants) != 6 || got.Participants[1].Name != "Hanna Koskinen" {
		t.Fatalf("exported %+v", got)
	}
	norm := func(b string) string {
		lines := strings.Split(b, "\n")
		return strings.Join(append(lines[:3:3], lines[5:]...), "\n") // without exported_at and app_version
	}
	if norm(out) != norm(string(fixture.NordrahtiJSON)) {
		t.Fatal("exported file differs from the imported one")
	}

	// To a file, with -o after or before the id.
	outFile := filepath.Join(dir, "vienti.json")
	if code, _, errOut := cli(t, "--db", db, "export", "-o", outFile, "2"); code != 0 {
		t.Fatalf("export -o: %q", errOut)
	}
	b, _ := os.ReadFile(outFile)
	if norm(string(b)) != norm(string(fixture.NordrahtiJSON)) {
		t.Fatal("file differs")
	}
	if code, _, _ := cli(t, "--db", db, "export", "2", "-o", outFile); code != 0 {
		t.Fatal("export ID -o FILE")
	}
}

func TestImportFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	var o, e bytes.Buffer
	imp, _ := findVerb("import")
	env := &cliEnv{dbPath: db, stdin: bytes.NewReader(fixture.NordrahtiJSON), stdout: &o, stderr: &e, verb: imp}
	if err := runImport(env, []string{"-"}); err != nil || o.String() != "1\n" {
		t.Fatalf("%v %q", err, o.String())
	}
	env = &cliEnv{dbPath: db, stdin: strings.NewReader("{"), stdout: &o, stderr: &e, verb: imp}
	err := runImport(env, []string{"-"})
	if err == nil || err.Error() != "stdin: not a session file: unexpected end of JSON input (line 1): the file is cut short" {
		t.Fatalf("%v", err)
	}
}

func TestPrivateNotesOnlyOnRequest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	lib := testkit.OpenLibrary(t, db)
	s := fixture.Nordrahti()
	s.PrivateNotes = map[string]string{"decision": "Älä kysy Markulta ensin."}
	testkit.Create(t, lib, s)
	lib.Close()
	_, out, _ := cli(t, "--db", db, "export", "1")
	if strings.Contains(out, "Markulta") {
		t.Fatal("private notes exported without --private-notes")
	}
	_, out, _ = cli(t, "--db", db, "export", "1", "--private-notes")
	if !strings.Contains(out, "Älä kysy Markulta ensin.") {
		t.Fatal("private notes missing with --private-notes")
	}
}

func TestListKeepsOneLinePerSession(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	lib := testkit.OpenLibrary(t, db)
	s := fixture.Nordrahti()
	s.Title = "Rivi\nvaihto\tja sarkain"
	testkit.Create(t, lib, s)
	lib.Close()
	_, out, _ := cli(t, "list", "--db", db)
	if out != "1\t2026-12-03\tRivi vaihto ja sarkain\tNordrahti Oy\n" {
		t.Fatalf("%q", out)
	}
}

// The bidirectional controls and the other format characters (Cf) in a
// title or organisation do not reach the terminal, where they would show
// the line reordered: each becomes a space, as a control character does.
func TestListKeepsBidiControlsOffTheTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	lib := testkit.OpenLibrary(t, db)
	s := fixture.Nordrahti()
	s.Title = "a\u202Eb\u202Ac\u202Bd\u202Ce\u202Df\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl"
	s.Organisation = "Nord\u00ADrahti\u200B\uFEFF\u2060Oy"
	testkit.Create(t, lib, s)
	lib.Close()
	_, out, _ := cli(t, "list", "--db", db)
	if out != "1\t2026-12-03\ta b c d e f g h i j k l\tNord rahti   Oy\n" {
		t.Fatalf("%q", out)
	}
	for _, r := range out {
		if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) && r != '\t' && r != '\n' {
			t.Fatalf("%U in %q", r, out)
		}
	}
}

func sum(t *testing.T, path string) [32]byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// Every failure is one line on stderr, a non-zero status and nothing on stdout.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	good := writeFixture(t, dir)
	if code, _, _ := cli(t, "--db", db, "import", good); code != 0 {
		t.Fatal("setup import")
	}
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, fixture.NordrahtiJSON[:60], 0o600)
	newer := filepath.Join(dir, "newer.json")
	os.WriteFile(newer, bytes.Replace(fixture.NordrahtiJSON, []byte(`"version": 2`), []byte(`"version": 7`), 1), 0o600)
	invalid := filepath.Join(dir, "invalid.json")
	os.WriteFile(invalid, bytes.Replace(fixture.NordrahtiJSON, []byte(`"level": 2`), []byte(`"level": 9`), 1), 0o600)

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("roskaa ", 100)), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	raw, _ := sql.Open("sqlite3", "file:"+foreign)
	raw.Exec("CREATE TABLE t(x)")
	raw.Close()
	newerDB := filepath.Join(dir, "newer.db")
	testkit.OpenLibrary(t, newerDB).Close()
	raw, _ = sql.Open("sqlite3", "file:"+newerDB)
	raw.Exec("PRAGMA user_version = " + strconv.Itoa(store.SchemaVersion()+1))
	raw.Close()

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown verb", []string{"frobnicate"}, "lupauspaja: unknown command \"frobnicate\""},
		{"import nothing", []string{"--db", db, "import"}, "lupauspaja import: give one session file"},
		{"import missing", []string{"--db", db, "import", filepath.Join(dir, "ei.json")}, "lupauspaja import: " + filepath.Join(dir, "ei.json") + ": no such file or directory"},
		{"import broken", []string{"--db", db, "import", broken}, "lupauspaja import: " + broken + ": not a session file: unexpected end of JSON input (line 4): the file is cut short"},
		{"import newer", []string{"--db", db, "import", newer}, "lupauspaja import: " + newer + ": the session file was made by a newer version of Lupauspaja; update the app to open it (format version 7; this version reads 3)"},
		{"import invalid", []string{"--db", db, "import", invalid}, "lupauspaja import: " + invalid + `: the session file is damaged: ladder vote 1 ("P1"): level 9 is not between 0 and 5`},
		{"import a database", []string{"--db", db, "import", db}, "lupauspaja import: " + db + ": not a session file: invalid character 'S' looking for beginning of value (line 1, column 1)"},
		{"export no id", []string{"--db", db, "export"}, "lupauspaja export: give the id of the session"},
		{"export bad id", []string{"--db", db, "export", "yksi"}, `lupauspaja export: "yksi" is not a session id`},
		{"export missing", []string{"--db", db, "export", "99"}, "lupauspaja export: open session 99: no such session"},
		{"export -o missing folder", []string{"--db", db, "export", "1", "-o", filepath.Join(dir, "ei", "x.json")}, "lupauspaja export: write " + filepath.Join(dir, "ei", "x.json") + ":"},
		{"export bad option", []string{"--db", db, "export", "1", "--pdf"}, "lupauspaja export: unknown option --pdf"},
		{"list extra", []string{"--db", db, "list", "x"}, `lupauspaja list: unexpected argument "x"`},
		{"db garbage", []string{"--db", garbage, "list"}, "lupauspaja list: " + garbage + ": the file is not a Lupauspaja database or it is damaged"},
		{"db foreign", []string{"--db", foreign, "import", good}, "lupauspaja import: " + foreign + ": the file is a database of another program, not of Lupauspaja"},
		{"db newer", []string{"--db", newerDB, "export", "1"}, "lupauspaja export: " + newerDB + " (schema " + strconv.Itoa(store.SchemaVersion()+1) + ", this version knows " + strconv.Itoa(store.SchemaVersion()) + "): the database was made by a newer version of Lupauspaja; update the app to open it"},
		{"db flag without path", []string{"list", "--db"}, "lupauspaja: --db needs a file path"},
	}
	sums := map[string][32]byte{}
	for _, f := range []string{db, garbage, foreign, newerDB} {
		sums[f] = sum(t, f)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, c.args...)
			if code == 0 || out != "" {
				t.Fatalf("status %d, stdout %q", code, out)
			}
			if !strings.HasPrefix(errOut, c.want) || strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
				t.Fatalf("stderr %q, want %q…", errOut, c.want)
			}
		})
	}
	for f, s := range sums {
		if sum(t, f) != s {
			t.Errorf("%s changed", filepath.Base(f))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "ei")); !os.IsNotExist(err) {
		t.Error("export made a folder")
	}
	_, out, _ := cli(t, "--db", db, "list")
	if strings.Count(out, "\n") != 1 {
		t.Fatalf("failed imports added sessions: %q", out)
	}
}

// A broken file does not even create the database.
func TestBrokenImportCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new", "w.db")
	broken := filepath.Join(dir, "b.json")
	os.WriteFile(broken, []byte("{}"), 0o600)
	if code, _, _ := cli(t, "--db", db, "import", broken); code == 0 {
		t.Fatal("imported {}")
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Fatal("the database folder was created")
	}
}

// Options stand before, between or after the verb's arguments, in either
// spelling; "--" ends them; -h describes the verb; every verb is in the help.
func TestOptionsAndHelp(t *testing.T) {
	dir, db := importFixture(t)
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, args := range [][]string{
		{"export", "--output=" + a, "1", "--private-notes=false"},
		{"export", "-o", b, "--", "1"},
	} {
		if code, out, e := cli(t, append(args, "--db", db)...); code != 0 || out != "" || e != "" {
			t.Fatalf("%v: %d %q %q", args, code, out, e)
		}
	}
	if exportedAtLine.ReplaceAllString(readFile(t, a), "") != exportedAtLine.ReplaceAllString(readFile(t, b), "") {
		t.Fatal("the two spellings wrote different files")
	}
	code, out, e := cli(t, "export", "1", "2", "--db", db)
	if code != 2 || !strings.Contains(e, `unexpected argument "2"`) || out != "" {
		t.Fatalf("two ids: %d %q", code, e)
	}
	code, out, e = cli(t, "pdf", "1", "-o", "--db", db)
	if code != 2 || !strings.Contains(e, "-o needs a file name") {
		t.Fatalf("-o without a name: %d %q %q", code, out, e)
	}
	code, out, e = cli(t, "pdf", "-h")
	if code != 0 || e != "" || !strings.HasPrefix(out, "Usage: lupauspaja pdf ID -o FILE.pdf [--lang fi|en] [--db PATH]\n") ||
		!strings.Contains(out, "--lang    fi or en") {
		t.Fatalf("pdf -h: %d %q %q", code, out, e)
	}
	_, help, _ := cli(t, "--help")
	for _, v := range verbs {
		if !strings.Contains(help, v.synopsis()+" ") || !strings.Contains(help, v.about) {
			t.Errorf("help lacks %s", v.name)
		}
		if code, out, _ := cli(t, v.name, "--help"); code != 0 || !strings.Contains(out, v.synopsis()) {
			t.Errorf("%s --help: %d %q", v.name, code, out)
		}
	}
}

var exportedAtLine = regexp.MustCompile(`"exported_at": "[^"]*"`)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
