package library_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

var exportedAt = regexp.MustCompile(`"exported_at": "[^"]*"`)

// Export, import into a real database and export again: the same file, but
// for the time of export.
func TestRoundTripThroughLibrary(t *testing.T) {
	for name, s := range map[string]*workshop.Session{"nordrahti": fixture.Nordrahti(), "large": fixture.Large()} {
		t.Run(name, func(t *testing.T) {
			lib := testkit.Library(t)
			var first bytes.Buffer
			if err := sessionfile.Write(&first, s, sessionfile.Options{IncludePrivateNotes: true}); err != nil {
				t.Fatal(err)
			}
			id, err := lib.Import(bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			var second bytes.Buffer
			if err := lib.ExportTo(id, &second, true); err != nil {
				t.Fatal(err)
			}
			a := exportedAt.ReplaceAll(first.Bytes(), nil)
			b := exportedAt.ReplaceAll(second.Bytes(), nil)
			if !bytes.Equal(a, b) {
				t.Fatalf("second export differs:\n%s", firstDiff(a, b))
			}
			// The same through a file.
			path := filepath.Join(t.TempDir(), "vienti.json")
			if err := lib.Export(id, path, true); err != nil {
				t.Fatal(err)
			}
			c, _ := os.ReadFile(path)
			if !bytes.Equal(a, exportedAt.ReplaceAll(c, nil)) {
				t.Fatal("the exported file differs from the export to a writer")
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
				t.Fatalf("the file holds names but is %v", fi.Mode().Perm())
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			other := "<end>"
			if i < len(lb) {
				other = lb[i]
			}
			return la[i] + "\n" + other
		}
	}
	return "<longer>"
}

// A refused import leaves the database exactly as it was.
func TestFailedImportChangesNothing(t *testing.T) {
	lib := testkit.Library(t)
	if _, err := lib.Import(bytes.NewReader(fixture.NordrahtiJSON)); err != nil {
		t.Fatal(err)
	}
	listBefore, _ := lib.List("")
	sumBefore, rowsBefore := testkit.FileSum(t, lib.Path()), testkit.RowCounts(t, lib.Path())
	good := string(fixture.NordrahtiJSON)
	dir := t.TempDir()
	for name, file := range map[string]string{
		"truncated": good[:len(good)-10],
		"invalid":   strings.Replace(good, `"fingers": 5`, `"fingers": 7`, 1),
		"dangling":  strings.Replace(good, `"owner_id": "P3"`, `"owner_id": "P33"`, 1),
		"newer":     strings.Replace(good, `"version": 2`, `"version": 4`, 1),
		"empty":     "",
	} {
		if id, err := lib.Import(strings.NewReader(file)); err == nil {
			t.Fatalf("%s: imported as %d", name, id)
		}
		path := filepath.Join(dir, name+".json")
		os.WriteFile(path, []byte(file), 0o600)
		if id, err := lib.ImportFile(path); err == nil || !strings.HasPrefix(err.Error(), path+": ") {
			t.Fatalf("%s from a file: imported as %d, %v", name, id, err)
		}
	}
	missing := filepath.Join(dir, "ei-ole.json")
	if _, err := lib.ImportFile(missing); err == nil || err.Error() != missing+": no such file or directory" {
		t.Fatalf("missing file: %v", err)
	}
	listAfter, _ := lib.List("")
	if !reflect.DeepEqual(listBefore, listAfter) {
		t.Fatalf("list changed: %v → %v", listBefore, listAfter)
	}
	if testkit.FileSum(t, lib.Path()) != sumBefore || testkit.RowCounts(t, lib.Path()) != rowsBefore {
		t.Fatal("the database file changed")
	}
}

func TestImportNeverOverwrites(t *testing.T) {
	lib := testkit.Library(t)
	a, err := lib.Import(bytes.NewReader(fixture.NordrahtiJSON))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "nordrahti.json")
	os.WriteFile(path, fixture.NordrahtiJSON, 0o600)
	b, err := lib.ImportFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatal("second import got the same id")
	}
	l, _ := lib.List("Nordrahti")
	if len(l) != 2 {
		t.Fatalf("%d sessions", len(l))
	}
	s := testkit.Load(t, lib, b)
	if len(s.Participants) != 6 || s.Participants[0].Name != "Markku Väisänen" {
		t.Fatalf("%+v", s.Participants)
	}
}

// The example that comes with the app is a whole workshop, stored anew
// each time, in the language asked for.
func TestImportExample(t *testing.T) {
	lib := testkit.Library(t)
	fi, err := lib.ImportExample("fi")
	if err != nil {
		t.Fatal(err)
	}
	en, err := lib.ImportExample("en")
	if err != nil {
		t.Fatal(err)
	}
	if fi == en {
		t.Fatal("the second example overwrote the first")
	}
	a, b := testkit.Load(t, lib, fi), testkit.Load(t, lib, en)
	if a.Language != "fi" || b.Language != "en" || a.Organisation != "Nordrahti Oy" || len(b.Drafts) != len(fixture.Nordrahti().Drafts) || len(a.Drafts) == 0 {
		t.Fatalf("fi %q %q %d drafts, en %q %d drafts", a.Language, a.Organisation, len(a.Drafts), b.Language, len(b.Drafts))
	}
}

func TestCreateListLoadDelete(t *testing.T) {
	lib := testkit.Library(t)
	s := workshop.NewSession("fi")
	s.Title, s.Organisation, s.Date = "Kevään työpaja", "Kahvila Åbo", "2027-01-15"
	s.ID = 99 // a new session gets the next id, whatever it held
	id, err := lib.Create(s)
	if err != nil || id != 1 || s.ID != 1 {
		t.Fatalf("create: %d %d %v", id, s.ID, err)
	}
	other := testkit.Create(t, lib, fixture.Nordrahti())
	l, err := lib.List("kahvila")
	if err != nil || len(l) != 1 || l[0].ID != id || l[0].Title != "Kevään työpaja" {
		t.Fatalf("list: %+v %v", l, err)
	}
	if err := lib.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Load(id); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("load after delete: %v", err)
	}
	if err := lib.Delete(id); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if l, _ := lib.List(""); len(l) != 1 || l[0].ID != other {
		t.Fatalf("after delete: %+v", l)
	}
}

// A duplicate is a template: the structure and agenda, none of the
// participants' input, under a title of its own.
func TestDuplicate(t *testing.T) {
	lib := testkit.Library(t)
	orig := testkit.Create(t, lib, fixture.Nordrahti())
	id, err := lib.Duplicate(orig, "Pohja")
	if err != nil || id == orig {
		t.Fatalf("%d %v", id, err)
	}
	d, o := testkit.Load(t, lib, id), testkit.Load(t, lib, orig)
	if d.Title != "Pohja" || len(d.Participants) != 0 || len(d.Drafts) != 0 || len(d.Agenda) != len(o.Agenda) || d.Organisation != o.Organisation {
		t.Fatalf("duplicate %q: %d participants, %d drafts, agenda %d/%d", d.Title, len(d.Participants), len(d.Drafts), len(d.Agenda), len(o.Agenda))
	}
	if len(o.Participants) != 6 {
		t.Fatal("the original lost its participants")
	}
	same, _ := lib.Duplicate(orig, "")
	if testkit.Load(t, lib, same).Title != o.Title {
		t.Fatal("an empty title is not the original's")
	}
	if _, err := lib.Duplicate(99, "x"); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("duplicate of a missing session: %v", err)
	}
}

func TestExportLeavesOutPrivateNotesUnlessAsked(t *testing.T) {
	lib := testkit.Library(t)
	s := fixture.Nordrahti()
	s.PrivateNotes = map[string]string{"decision": "Älä kysy Markulta ensin."}
	id := testkit.Create(t, lib, s)
	var without, with bytes.Buffer
	lib.ExportTo(id, &without, false)
	lib.ExportTo(id, &with, true)
	if strings.Contains(without.String(), "Markulta") || !strings.Contains(with.String(), "Älä kysy Markulta ensin.") {
		t.Fatal("private notes not as asked")
	}
	if err := lib.ExportTo(42, &without, false); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}
}

// The PDF is written whole or not at all, in the language asked for.
func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	lib := testkit.Library(t)
	id := testkit.Create(t, lib, fixture.Nordrahti())
	dir := t.TempDir()
	for lang, heading := range map[string]string{"fi": "Seuraavat askeleet", "en": "Next steps", "": "Seuraavat askeleet"} {
		path := filepath.Join(dir, "yhteenveto-"+lang+".pdf")
		if err := lib.PDF(id, path, lang); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		if !strings.Contains(text, heading) || !strings.Contains(text, "Nordrahti Oy") {
			t.Errorf("%q: the PDF lacks %q", lang, heading)
		}
	}
	var buf bytes.Buffer
	if err := lib.PDFTo(id, &buf, "en"); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("PDFTo: %v", err)
	}
	bad := filepath.Join(dir, "ei", "x.pdf")
	if err := lib.PDF(id, bad, "fi"); err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("into a missing folder: %v", err)
	}
	if err := lib.PDF(7, filepath.Join(dir, "x.pdf"), "fi"); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("missing session: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Fatal("a PDF of a missing session was written")
	}
}

// An edit made through the library's editor is in the file.
func TestEditSaves(t *testing.T) {
	path := testkit.Path(t)
	lib := testkit.OpenLibrary(t, path)
	id := testkit.Create(t, lib, fixture.Nordrahti())
	ed := testkit.Edit(t, lib, id)
	if err := ed.Edit(func(s *workshop.Session) error {
		s.Title = "Uusi nimi"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	again := testkit.OpenLibrary(t, path)
	if got := testkit.Load(t, again, id).Title; got != "Uusi nimi" {
		t.Fatalf("after reopening: %q", got)
	}
	if _, err := again.Edit(99); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("edit a missing session: %v", err)
	}
}

// The library's errors are the store's: a front end needs only the library.
func TestErrorsAndLock(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "roskaa.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("roskaa "), 100), 0o600)
	if _, err := library.Open(garbage); !errors.Is(err, library.ErrNotDatabase) || !errors.Is(err, store.ErrNotDatabase) {
		t.Fatalf("garbage: %v", err)
	}
	db := filepath.Join(dir, "lupauspaja.db")
	release, err := library.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := library.Lock(db); !errors.Is(err, library.ErrInUse) {
		t.Fatalf("second lock: %v", err)
	}
	release()
	release()
	again, err := library.Lock(db)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()
	if p, err := library.DefaultPath(); err != nil || filepath.Base(p) != "lupauspaja.db" {
		t.Fatalf("default path %q %v", p, err)
	}
}

func TestFileName(t *testing.T) {
	s := fixture.Nordrahti()
	if got := library.FileName(s, ".json"); got != "Nordrahti-Oy-arvolupaus-2026-12-03.json" {
		t.Fatal(got)
	}
	if got := library.FileName(s, ".pdf"); got != "Nordrahti-Oy-arvolupaus-2026-12-03.pdf" {
		t.Fatal(got)
	}
	// A check-in's session file carries its workshop: it is named after it.
	lib := testkit.Library(t)
	id := testkit.Create(t, lib, s)
	c, err := lib.Checkin(id, "2027-03-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	later, err := lib.Checkin(c, "2027-06-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	for _, of := range []int64{id, c, later} {
		if got, err := lib.SessionFileName(of); err != nil || got != "Nordrahti-Oy-arvolupaus-2026-12-03.json" {
			t.Errorf("session file of %d: %q %v", of, got, err)
		}
	}
	if got := library.FileName(testkit.Load(t, lib, later), ".pdf"); got != "Nordrahti-Oy-seuranta-2027-06-10.pdf" {
		t.Errorf("the second check-in's PDF: %q", got)
	}
	if _, err := lib.SessionFileName(99); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("a missing session's file name: %v", err)
	}
}

// A check-in made through the library travels with its workshop: exported
// together, imported together into another database.
func TestCheckinTravelsWithItsWorkshop(t *testing.T) {
	lib := testkit.Library(t)
	id := testkit.Create(t, lib, fixture.Nordrahti())
	c, err := lib.Checkin(id, "2027-03-10", "90min")
	if err != nil {
		t.Fatal(err)
	}
	if s := testkit.Load(t, lib, c); !s.IsCheckin() || s.Date != "2027-03-10" {
		t.Fatalf("check-in %d: %+v", c, s.Date)
	}
	if _, err := lib.Checkin(99, "", "45min"); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("check-in of a missing session: %v", err)
	}
	path := filepath.Join(t.TempDir(), "perhe.json")
	if err := lib.Export(id, path, false); err != nil {
		t.Fatal(err)
	}
	other := testkit.Library(t)
	if _, err := other.ImportFile(path); err != nil {
		t.Fatal(err)
	}
	if l, _ := other.List(""); len(l) != 2 {
		t.Fatalf("imported %d sessions, want the workshop and its check-in", len(l))
	}
	// The check-in exported on its own comes with its workshop, and follows it.
	path = filepath.Join(t.TempDir(), "tarkistus.json")
	if err := lib.Export(c, path, false); err != nil {
		t.Fatal(err)
	}
	third := testkit.Library(t)
	root, err := third.ImportFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := third.List("")
	var linked bool
	for _, sm := range l {
		linked = linked || sm.FollowsID == root
	}
	if len(l) != 2 || !linked {
		t.Fatalf("a check-in's file imported as %+v", l)
	}
	var ics bytes.Buffer
	if err := lib.ICSTo(id, &ics); err != nil || !strings.Contains(ics.String(), "BEGIN:VEVENT") {
		t.Fatalf("calendar: %v", err)
	}
}

// The method's example workshop in its neutral shape imports as the same
// session as the app's own example file; a file of that shape that cannot
// be read as a workshop is refused as damaged, and nothing is stored.
func TestImportTheMethodsExampleShape(t *testing.T) {
	lib := testkit.Library(t)
	path := filepath.Join(t.TempDir(), "example-workshop.json")
	if err := os.WriteFile(path, fixture.NeutralJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	id, err := lib.ImportFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, want := testkit.Load(t, lib, id), fixture.Nordrahti()
	if got.Organisation != want.Organisation || got.Decision.FinalText != want.Decision.FinalText ||
		len(got.Participants) != len(want.Participants) || len(got.Actions) != len(want.Actions) || len(got.DotVotes) != len(want.DotVotes) {
		t.Fatalf("imported %q %q, %d participants, %d actions", got.Organisation, got.Decision.FinalText, len(got.Participants), len(got.Actions))
	}
	broken := strings.Replace(string(fixture.NeutralJSON), `"date": "2026-12-03"`, `"date": "3.12.2026"`, 1)
	if broken == string(fixture.NeutralJSON) {
		t.Fatal("the example has no date to break")
	}
	if _, err := lib.Import(strings.NewReader(broken)); !errors.Is(err, library.ErrDamaged) {
		t.Fatalf("a broken example: %v", err)
	}
	if l, _ := lib.List(""); len(l) != 1 {
		t.Fatalf("%d sessions after a refused import", len(l))
	}
	// Another JSON without a format is still not a session file.
	if _, err := lib.Import(strings.NewReader(`{"schema_version": "0.1"}`)); !errors.Is(err, library.ErrNotSessionFile) {
		t.Fatalf("no session: %v", err)
	}
}
