package sessionfile_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	_ "github.com/mattn/go-sqlite3"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

var exportedAt = regexp.MustCompile(`"exported_at": "[^"]*"`)

func openStore(t *testing.T) *store.Store { return testkit.Store(t) }

// Export, import into a real database and export again: the same file, but
// for the time of export.
func TestRoundTripThroughStore(t *testing.T) {
	for name, s := range map[string]*workshop.Session{"nordrahti": fixture.Nordrahti(), "large": fixture.Large()} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			var first bytes.Buffer
			if err := sessionfile.Write(&first, s, sessionfile.Options{IncludePrivateNotes: true}); err != nil {
				t.Fatal(err)
			}
			id, err := sessionfile.Import(st, bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			var second bytes.Buffer
			later := sessionfile.Options{IncludePrivateNotes: true, ExportedAt: time.Now().Add(time.Hour)}
			if err := sessionfile.Export(st, id, &second, later); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Fatal("exported_at did not change")
			}
			a := exportedAt.ReplaceAll(first.Bytes(), nil)
			b := exportedAt.ReplaceAll(second.Bytes(), nil)
			if !bytes.Equal(a, b) {
				t.Fatalf("second export differs:\n%s", firstDiff(a, b))
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

func TestWriteIsStableAndReadable(t *testing.T) {
	s := fixture.Nordrahti()
	opt := sessionfile.Options{ExportedAt: fixture.ExportedAt, AppVersion: fixture.AppVersion, IncludePrivateNotes: true}
	a, err := sessionfile.Marshal(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sessionfile.Marshal(fixture.Nordrahti(), opt)
	if !bytes.Equal(a, b) || !bytes.Equal(a, fixture.NordrahtiJSON) {
		t.Fatal("the same session gives different bytes")
	}
	for _, want := range []string{"{\n  \"format\": \"lupauspaja-session\",\n  \"version\": 2,\n  \"exported_at\": \"2026-12-03T12:00:00Z\",\n  \"app_version\": \"fixture\",\n  \"session\": {\n    \"title\"",
		"Tiedät aina, missä tavarasi menee", "\"ladder\": [\n"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("file lacks %q", want)
		}
	}
	if bytes.Contains(a, []byte("updated_at")) {
		t.Error("the file carries the database's time of last edit")
	}
	got, err := sessionfile.Read(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Fatal("read back differs")
	}
}

func TestWriteRefusesWhatReadWould(t *testing.T) {
	s := fixture.Nordrahti()
	s.Dots = 1 // lowered after the vote: P1 has given 3
	var buf bytes.Buffer
	err := sessionfile.Write(&buf, s, sessionfile.Options{})
	var ve *workshop.ValidationError
	if !errors.As(err, &ve) || buf.Len() != 0 || !strings.Contains(err.Error(), `participant "P1" gives 2 dots in all; each has 1`) {
		t.Fatalf("%v (%d bytes written)", err, buf.Len())
	}
}

func TestReadAcceptsByteOrderMark(t *testing.T) {
	s, err := sessionfile.Read(bytes.NewReader(append([]byte("\xef\xbb\xbf"), fixture.NordrahtiJSON...)))
	if err != nil || s.Organisation != "Nordrahti Oy" {
		t.Fatalf("%v", err)
	}
}

// A session file saved in another encoding is refused with a message that
// says so and where, instead of being imported with every ä and ö broken.
func TestReadRefusesOtherEncodings(t *testing.T) {
	good := fixture.NordrahtiJSON
	var latin1 []byte
	for _, r := range string(good) {
		if r > 0xff {
			r = '?'
		}
		latin1 = append(latin1, byte(r))
	}
	line, col := 0, 0
	for i, l := range strings.Split(string(good), "\n") {
		if j := strings.IndexFunc(l, func(r rune) bool { return r > 0x7f }); j >= 0 {
			line, col = i+1, len([]rune(l[:j]))+1
			break
		}
	}
	inUTF16 := func(bom []byte, le bool) []byte {
		out := append([]byte(nil), bom...)
		for _, u := range utf16.Encode([]rune(string(good))) {
			if le {
				out = append(out, byte(u), byte(u>>8))
			} else {
				out = append(out, byte(u>>8), byte(u))
			}
		}
		return out
	}
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"Latin-1":            {latin1, fmt.Sprintf("(line %d, column %d: byte 0x", line, col)},
		"UTF-16 LE":          {inUTF16([]byte{0xff, 0xfe}, true), "it is UTF-16"},
		"UTF-16 BE":          {inUTF16([]byte{0xfe, 0xff}, false), "it is UTF-16"},
		"UTF-16 LE, no mark": {inUTF16(nil, true), "it is UTF-16"},
	} {
		_, err := sessionfile.Read(bytes.NewReader(c.data))
		if !errors.Is(err, sessionfile.ErrEncoding) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "save it as UTF-8") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Not JSON in any encoding: the parser's own message, not an encoding's.
	for _, data := range []string{"\x89PNG\r\n\x1a\n\x00\x00", "%PDF-1.4 \xe4\xf6"} {
		if _, err := sessionfile.Read(strings.NewReader(data)); errors.Is(err, sessionfile.ErrEncoding) || !errors.Is(err, sessionfile.ErrNotSessionFile) {
			t.Errorf("%q: %v", data, err)
		}
	}
}

func TestPrivateNotesOnlyWhenAsked(t *testing.T) {
	s := fixture.Nordrahti()
	s.PrivateNotes = map[string]string{workshop.StepDecision: "Markku puhuu päälle – anna Timolle vuoro."}
	without, _ := sessionfile.Marshal(s, sessionfile.Options{})
	with, _ := sessionfile.Marshal(s, sessionfile.Options{IncludePrivateNotes: true})
	if bytes.Contains(without, []byte("anna Timolle")) || bytes.Contains(without, []byte("private_notes")) {
		t.Error("private notes written without being asked")
	}
	if !bytes.Contains(with, []byte("anna Timolle vuoro")) {
		t.Error("private notes missing when asked")
	}
	if s.PrivateNotes[workshop.StepDecision] == "" {
		t.Error("Write changed the session")
	}
	back, err := sessionfile.Read(bytes.NewReader(with))
	if err != nil || back.PrivateNotes[workshop.StepDecision] != s.PrivateNotes[workshop.StepDecision] {
		t.Fatalf("%v %v", err, back.PrivateNotes)
	}
}

// Nothing a text field may hold is lost on the way through a file.
func TestHardTextsSurvive(t *testing.T) {
	s := fixture.Nordrahti()
	texts := []string{strings.Repeat("Äö", 25_000), "🚚📦 lupaus", "وعد \u202E", "'; DROP TABLE records; --", "a\x00b\x07\u2028c", "<Kenelle> & \"miksi\""}
	for i, x := range texts {
		s.ParkingLot = append(s.ParkingLot, workshop.Note{ID: "X" + string(rune('a'+i)), Text: x})
	}
	b, err := sessionfile.Marshal(s, sessionfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := sessionfile.Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range texts {
		if got := back.ParkingLot[3+i].Text; got != x {
			t.Errorf("text %d: %q", i, got)
		}
	}
	if !bytes.Contains(b, []byte("<Kenelle> & ")) {
		t.Error("HTML characters escaped")
	}
}

func TestReadRefuses(t *testing.T) {
	good := string(fixture.NordrahtiJSON)
	cases := []struct {
		name, file string
		is         error
		want       string
	}{
		{"empty", "", sessionfile.ErrNotSessionFile, "not a session file: the file is empty"},
		{"blank", " \n\t\n", sessionfile.ErrNotSessionFile, "the file is empty"},
		{"truncated", good[:len(good)/2], sessionfile.ErrNotSessionFile, "not a session file: unexpected end of JSON input (line "},
		{"truncated early", "{\n  \"format\": \"lupauspaja-session\",\n  \"vers", sessionfile.ErrNotSessionFile, "unexpected end of JSON input (line 3)"},
		{"malformed", "{\n  \"format\": \"lupauspaja-session\",\n  \"version\": 1,\n  \"session\": {\"title\": Nordrahti}\n}", sessionfile.ErrNotSessionFile, "invalid character 'N' looking for beginning of value (line 4, column 24)"},
		{"not json", "PK\x03\x04 zip", sessionfile.ErrNotSessionFile, "invalid character 'P'"},
		{"array", "[1,2]", sessionfile.ErrNotSessionFile, "expected a JSON object, found array (line 1, column"},
		{"no format", `{"version":1,"session":{}}`, sessionfile.ErrNotSessionFile, `the file has no "format" field`},
		{"other format", `{"format":"excalidraw","version":2}`, sessionfile.ErrNotSessionFile, `its format is "excalidraw", not "lupauspaja-session"`},
		{"newer version", `{"format":"lupauspaja-session","version":4,"session":{"hologram":true},"signature":"x"}`, sessionfile.ErrNewerVersion, "newer version of Lupauspaja; update the app to open it (format version 4; this version reads 3)"},
		{"version zero", `{"format":"lupauspaja-session","version":0,"session":{}}`, sessionfile.ErrNotSessionFile, "format version 0 is not valid"},
		{"version text", `{"format":"lupauspaja-session","version":"1","session":{}}`, sessionfile.ErrNotSessionFile, "version: expected a whole number, found string (line 1, column"},
		{"no session", `{"format":"lupauspaja-session","version":1}`, sessionfile.ErrNotSessionFile, "the file has no session"},
		{"null session", `{"format":"lupauspaja-session","version":1,"session":null}`, sessionfile.ErrNotSessionFile, "the file has no session"},
		{"unknown session field", strings.Replace(good, `"title":`, `"colour": "red", "title":`, 1), sessionfile.ErrDamaged, `field "colour" (line 7, column 5) is not one this version of Lupauspaja knows`},
		{"unknown envelope field", strings.Replace(good, `"app_version"`, `"signed_by": "x", "app_version"`, 1), sessionfile.ErrDamaged, `field "signed_by" (line 5, column 3) is not one`},
		{"unknown field twice", strings.Replace(good, `"title":`, `"colour": {"colour": 1}, "title":`, 1), sessionfile.ErrDamaged, `field "colour" is not one`},
		{"wrong type", strings.Replace(good, `"dots_per_participant": 3`, `"dots_per_participant": "kolme"`, 1), sessionfile.ErrNotSessionFile, "session.dots_per_participant: expected a whole number, found string (line 18, column"},
		{"trailing data", good + "{}", sessionfile.ErrNotSessionFile, "unexpected data after the end of the session (line"},
		{"two sessions", good + good, sessionfile.ErrNotSessionFile, "unexpected data after the end"},
		{"invalid session", strings.Replace(good, `"dots_per_participant": 3`, `"dots_per_participant": 99`, 1), sessionfile.ErrDamaged, "the session file is damaged: session: dots_per_participant 99 is not between 1 and 20"},
		{"dangling reference", strings.Replace(good, `"chosen_draft_id": "D1"`, `"chosen_draft_id": "D9"`, 1), sessionfile.ErrDamaged, `decision: chosen_draft_id "D9": no such draft`},
		{"deep nesting", `{"format":"lupauspaja-session","version":1,"session":{"title":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}}", sessionfile.ErrNotSessionFile, "exceeded max depth"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sessionfile.Read(strings.NewReader(c.file))
			if err == nil {
				t.Fatalf("accepted: %+v", s)
			}
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %q, want %v with %q", err, c.is, c.want)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("not one line: %q", err)
			}
		})
	}
}

// countingReader counts what Read takes from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestReadRefusesHugeFileWithoutReadingItAll(t *testing.T) {
	huge := &countingReader{r: io.MultiReader(strings.NewReader(`{"format":"lupauspaja-session","version":1,"session":{"title":"`),
		io.LimitReader(zeros{}, 50<<20))}
	_, err := sessionfile.Read(huge)
	if !errors.Is(err, sessionfile.ErrTooLarge) || err.Error() != "the file is larger than 10 MB; it is not a session file" {
		t.Fatalf("%v", err)
	}
	if huge.n > sessionfile.MaxSize+1 {
		t.Fatalf("read %d bytes", huge.n)
	}
	// Exactly at the limit is read (and refused only for what it holds).
	at := bytes.Repeat([]byte(" "), sessionfile.MaxSize-len(fixture.NordrahtiJSON))
	if _, err := sessionfile.Read(io.MultiReader(bytes.NewReader(fixture.NordrahtiJSON), bytes.NewReader(at))); err != nil {
		t.Fatalf("10 MB file with trailing spaces: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "työpaja.json")
	if err := sessionfile.WriteFile(path, fixture.Nordrahti(), sessionfile.Options{}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	f, _ := os.Open(path)
	back, err := sessionfile.Read(f)
	f.Close()
	if err != nil || back.Organisation != "Nordrahti Oy" {
		t.Fatalf("%v", err)
	}
	before, _ := os.ReadFile(path)

	// A missing folder: an error naming the path, and nothing written.
	missing := filepath.Join(dir, "ei-ole", "x.json")
	if err := sessionfile.WriteFile(missing, fixture.Nordrahti(), sessionfile.Options{}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("missing folder: %v", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatal("file appeared in a missing folder")
	}

	// A session that cannot be written leaves the old file as it was.
	bad := fixture.Nordrahti()
	bad.CreatedAt = time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC) // JSON cannot hold years past 9999
	if err := sessionfile.WriteFile(path, bad, sessionfile.Options{}); err == nil {
		t.Fatal("unwritable session written")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a failed write changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("leftovers in the folder: %v", entries)
	}

	// A read-only folder (root may write anywhere, so only for other users).
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		defer os.Chmod(ro, 0o700)
		if err := sessionfile.WriteFile(filepath.Join(ro, "x.json"), fixture.Nordrahti(), sessionfile.Options{}); err == nil {
			t.Fatal("written into a read-only folder")
		}
	}
}

// A refused import leaves the database exactly as it was.
func TestFailedImportChangesNothing(t *testing.T) {
	st := openStore(t)
	if _, err := sessionfile.Import(st, bytes.NewReader(fixture.NordrahtiJSON)); err != nil {
		t.Fatal(err)
	}
	listBefore, _ := st.List("")
	sumBefore, rowsBefore := testkit.FileSum(t, st.Path()), testkit.RowCounts(t, st.Path())
	good := string(fixture.NordrahtiJSON)
	for name, file := range map[string]string{
		"truncated": good[:len(good)-10],
		"invalid":   strings.Replace(good, `"fingers": 5`, `"fingers": 7`, 1),
		"dangling":  strings.Replace(good, `"owner_id": "P3"`, `"owner_id": "P33"`, 1),
		"newer":     strings.Replace(good, `"version": 2`, `"version": 4`, 1),
		"empty":     "",
	} {
		if id, err := sessionfile.Import(st, strings.NewReader(file)); err == nil {
			t.Fatalf("%s: imported as %d", name, id)
		}
	}
	listAfter, _ := st.List("")
	if !reflect.DeepEqual(listBefore, listAfter) {
		t.Fatalf("list changed: %v → %v", listBefore, listAfter)
	}
	if testkit.FileSum(t, st.Path()) != sumBefore || testkit.RowCounts(t, st.Path()) != rowsBefore {
		t.Fatal("the database file changed")
	}
}

func TestImportNeverOverwrites(t *testing.T) {
	st := openStore(t)
	a, err := sessionfile.Import(st, bytes.NewReader(fixture.NordrahtiJSON))
	if err != nil {
		t.Fatal(err)
	}
	b, err := sessionfile.Import(st, bytes.NewReader(fixture.NordrahtiJSON))
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatal("second import got the same id")
	}
	l, _ := st.List("Nordrahti")
	if len(l) != 2 {
		t.Fatalf("%d sessions", len(l))
	}
	s, err := st.Load(b)
	if err != nil || len(s.Participants) != 6 || s.Participants[0].Name != "Markku Väisänen" {
		t.Fatalf("%v", err)
	}
}
