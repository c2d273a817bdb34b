package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

// goodDatabase makes a real database with the example and the large
// session, closed cleanly, and returns its bytes.
func goodDatabase(t testing.TB, compact bool) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "good.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*workshop.Session{fixture.Nordrahti(), fixture.Large(), fixture.Nordrahti()} {
		if err := st.Create(s); err != nil {
			t.Fatal(err)
		}
	}
	if compact {
		if err := st.Compact(); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// BadFiles are the files a facilitator may find at the database path: made
// by hand from a real database, so that each is what a failed copy, a full
// disk, another program or a newer version would leave.
func badFiles(t *testing.T) map[string]struct {
	data []byte
	want error
} {
	good := goodDatabase(t, true)
	loose := goodDatabase(t, false)
	flipped := bytes.Clone(good)
	for i := len(flipped) / 2; i < len(flipped)/2+4096; i++ {
		flipped[i] ^= 0xa5 // one page in the middle: a bad sector
	}
	foreign := func(mode string) []byte {
		path := filepath.Join(t.TempDir(), "other.db")
		rawExec(t, path, "PRAGMA journal_mode="+mode, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)",
			"INSERT INTO notes(body) VALUES ('Ostoslista: maitoa')", "PRAGMA journal_mode=DELETE")
		b, _ := os.ReadFile(path)
		return b
	}
	newer := func() []byte {
		path := filepath.Join(t.TempDir(), "newer.db")
		if err := os.WriteFile(path, good, 0o600); err != nil {
			t.Fatal(err)
		}
		rawExec(t, path, "PRAGMA user_version = 999")
		b, _ := os.ReadFile(path)
		return b
	}
	return map[string]struct {
		data []byte
		want error
	}{
		"garbage":             {bytes.Repeat([]byte("\x00\xffroskaa "), 3000), store.ErrNotDatabase},
		"text":                {[]byte("Tämä on muistio, ei tietokanta.\n"), store.ErrNotDatabase},
		"header only":         {good[:100], store.ErrNotDatabase},
		"first half":          {good[:len(good)/2], store.ErrNotDatabase},
		"first third":         {good[:len(good)/3], store.ErrNotDatabase},
		"cut inside a page":   {good[:4096*5+1234], store.ErrNotDatabase},
		"first page":          {good[:4096], store.ErrNotDatabase},
		"half of uncompacted": {loose[:len(loose)/2], store.ErrNotDatabase},
		"all but last page":   {good[:len(good)-4096], store.ErrNotDatabase},
		"bad sector":          {flipped, store.ErrNotDatabase},
		"another program":     {foreign("DELETE"), store.ErrForeignDatabase},
		"another program wal": {foreign("WAL"), store.ErrForeignDatabase},
		"newer version":       {newer(), store.ErrNewerDatabase},
	}
}

// Every bad file is refused at open with the error that names the problem,
// in one line with the path, and is left exactly as it was: no byte
// changed, nothing written next to it.
func TestBadDatabaseFilesAreRefusedAtOpenAndLeftAlone(t *testing.T) {
	for name, c := range badFiles(t) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "lupauspaja.db")
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := store.Open(path)
			if err == nil {
				st.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Fatalf("message %q", msg)
			}
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(after, c.data) {
				t.Fatalf("the file was changed (%d bytes, was %d)", len(after), len(c.data))
			}
			if sf := sideFiles(path); len(sf) > 0 {
				t.Fatalf("left files behind: %v", sf)
			}
		})
	}
}

// Files larger than the limit are not checked page by page at open; damage
// in them must still come out as ErrNotDatabase when it is read, never as a
// crash or as a session with parts missing.
func TestDamageFoundOnReadIsNotDatabase(t *testing.T) {
	old := *store.QuickCheckLimit
	*store.QuickCheckLimit = 0
	t.Cleanup(func() { *store.QuickCheckLimit = old })
	good := goodDatabase(t, true)
	for _, at := range []int{3, 2} {
		bad := bytes.Clone(good)
		for i := len(bad) / at; i < len(bad)/at+3*4096; i++ {
			bad[i] ^= 0x3c
		}
		path := filepath.Join(t.TempDir(), "lupauspaja.db")
		os.WriteFile(path, bad, 0o600)
		st, err := store.Open(path)
		if err != nil {
			if !errors.Is(err, store.ErrNotDatabase) {
				t.Fatalf("open: %v", err)
			}
			continue
		}
		var readErr error
		l, err := st.List("")
		readErr = errors.Join(readErr, err)
		for _, s := range l {
			_, err := st.Load(s.ID)
			readErr = errors.Join(readErr, err)
		}
		// Writes into the damaged file fail the same way, or succeed where
		// they do not touch the damage.
		var writeErr error
		for _, s := range l {
			writeErr = errors.Join(writeErr, st.Put(s.ID, store.Parking(workshop.Note{ID: "uusi", Text: "Uusi kortti"})))
		}
		writeErr = errors.Join(writeErr, st.Create(fixture.Nordrahti()))
		if writeErr != nil && !errors.Is(writeErr, store.ErrNotDatabase) {
			t.Fatalf("damage at 1/%d: writing: %v", at, writeErr)
		}
		ok, err := st.IntegrityCheck()
		st.Close()
		if err == nil && ok == "ok" {
			t.Fatalf("damage at 1/%d not seen by integrity_check", at)
		}
		t.Logf("damage at 1/%d: reading: %v; writing: %v", at, readErr, writeErr)
		if readErr == nil {
			continue // the damage is in pages the sessions do not use
		}
		if !errors.Is(readErr, store.ErrNotDatabase) {
			t.Fatalf("damage at 1/%d: %v", at, readErr)
		}
	}
}

// A write-ahead log of junk next to a sound database (a half-copied folder)
// is ignored by SQLite, which checks each frame's checksum: the sessions are there.
func TestJunkWriteAheadLogIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	os.WriteFile(path, goodDatabase(t, true), 0o600)
	os.WriteFile(path+"-wal", bytes.Repeat([]byte("junk"), 10000), 0o600)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	l, err := st.List("")
	if err != nil || len(l) != 3 {
		t.Fatalf("%d sessions, %v", len(l), err)
	}
	integrityOK(t, st)
}

// A zero-length file is taken as a new database: it holds nothing to lose,
// and Open itself leaves one behind when it is killed before SQLite's first
// write, which must not lock the facilitator out.
func TestZeroLengthFileIsANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	os.WriteFile(path, nil, 0o600)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Create(fixture.Nordrahti()); err != nil {
		t.Fatal(err)
	}
	integrityOK(t, st)
}

// The check at open must keep start-up fast: this measures opening a
// database of 1,000 sessions with and without it (docs/reliability.md has
// the figures).
func BenchmarkOpen1000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "lupauspaja.db")
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 1000; i++ {
		// Every tenth a whole workshop like the example, the others set up
		// with their participants: a facilitator's years of sessions.
		s := fixture.Nordrahti()
		if i%10 != 0 {
			p := s.Participants
			s = workshop.NewSession("fi")
			s.Participants = p
		}
		s.Title = fmt.Sprintf("Työpaja %d", i+1)
		if err := st.Create(s); err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	fi, _ := os.Stat(path)
	for _, check := range []bool{true, false} {
		b.Run(fmt.Sprintf("quick_check=%v", check), func(b *testing.B) {
			old := *store.QuickCheckLimit
			*store.QuickCheckLimit = 0
			if check {
				*store.QuickCheckLimit = 1 << 40
			}
			defer func() { *store.QuickCheckLimit = old }()
			durations := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				start := time.Now()
				st, err := store.Open(path)
				durations = append(durations, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				st.Close()
			}
			reportMedian(b, durations)
			b.ReportMetric(float64(fi.Size())/(1<<20), "MB")
		})
	}
}
