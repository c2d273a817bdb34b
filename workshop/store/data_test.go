package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

func open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "lupauspaja.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// emptyAsNil makes the top-level lists that hold nothing nil, the way the
// store gives them back.
func emptyAsNil(s *workshop.Session) {
	nilIfEmpty(&s.Participants)
	nilIfEmpty(&s.Ladder)
	nilIfEmpty(&s.Segments)
	nilIfEmpty(&s.ProfileItems)
	nilIfEmpty(&s.ValueItems)
	nilIfEmpty(&s.Alternatives)
	nilIfEmpty(&s.Drafts)
	nilIfEmpty(&s.DotVotes)
	nilIfEmpty(&s.Ratings)
	nilIfEmpty(&s.Consent)
	nilIfEmpty(&s.PromiseVersions)
	nilIfEmpty(&s.Measures)
	nilIfEmpty(&s.Actions)
	nilIfEmpty(&s.ParkingLot)
	nilIfEmpty(&s.Readings)
	nilIfEmpty(&s.ValidationAnswers)
}

func nilIfEmpty[T any](l *[]T) {
	if len(*l) == 0 {
		*l = nil
	}
}

func TestFixturesRoundTrip(t *testing.T) {
	st := open(t)
	for name, want := range map[string]*workshop.Session{"nordrahti": fixture.Nordrahti(), "large": fixture.Large()} {
		in := workshop.Clone(want)
		if err := st.Create(in); err != nil {
			t.Fatal(err)
		}
		got, err := st.Load(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		want.ID, want.UpdatedAt = in.ID, got.UpdatedAt // Create stamps the time of the last edit
		emptyAsNil(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: loaded session differs from the one stored", name)
		}
		if !got.CreatedAt.Equal(want.CreatedAt) {
			t.Fatalf("%s: created_at %v, want %v", name, got.CreatedAt, want.CreatedAt)
		}
	}
}

// Deleting a session removes every row of it, and once compacted, no
// participant's name is left anywhere in the file.
func TestDeleteLeavesNoPersonalData(t *testing.T) {
	st := open(t)
	keep, gone := fixture.Nordrahti(), fixture.Large()
	if err := st.Create(keep); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(gone); err != nil {
		t.Fatal(err)
	}
	var names [][]byte
	for _, p := range gone.Participants {
		if keep.Participant(p.ID) == nil || keep.Participant(p.ID).Name != p.Name {
			names = append(names, []byte(p.Name))
		}
	}
	if len(names) < 30 || !inFiles(t, st.Path(), names[0]) {
		t.Fatalf("the names to look for are not in the file to begin with (%d names)", len(names))
	}
	if err := st.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("load deleted: %v", err)
	}
	if err := st.Delete(gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("delete twice: %v", err)
	}
	var rows int
	if err := rawQuery(t, st.Path(), "SELECT count(*) FROM records WHERE session_id = ?", gone.ID).Scan(&rows); err != nil || rows != 0 {
		t.Fatalf("%d rows left (%v)", rows, err)
	}
	if err := st.Compact(); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if inFiles(t, st.Path(), n) {
			t.Errorf("the database still holds %q", n)
		}
	}
	if l, _ := st.List(""); len(l) != 1 || l[0].ID != keep.ID {
		t.Fatalf("list %v", l)
	}
	if got, err := st.Load(keep.ID); err != nil || got.Participants[5].Name != "Timo Laaksonen" {
		t.Fatalf("the other session: %v", err)
	}
	if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
		t.Fatalf("integrity %q %v", ok, err)
	}
}

// An Update that fails half-way stores nothing of what it did.
func TestFailedUpdateLeavesNothing(t *testing.T) {
	st := open(t)
	s := fixture.Nordrahti()
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Load(s.ID)
	boom := errors.New("boom")
	err := st.Update(s.ID, func(tx *store.Tx) error {
		if err := tx.Put(store.Participant{ID: "P7", Name: "Uusi Ihminen", Kind: workshop.KindGuest}); err != nil {
			return err
		}
		if err := tx.Remove(store.KindDraft, "D1"); err != nil {
			return err
		}
		changed := workshop.Clone(before)
		changed.Title = "Muutettu otsikko"
		if err := tx.SaveHeader(changed); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	after, _ := st.Load(s.ID)
	if !reflect.DeepEqual(before, after) {
		t.Fatal("a failed update changed the session")
	}
	if err := st.Update(12345, func(tx *store.Tx) error { return nil }); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of a missing session: %v", err)
	}
}

func TestHostileTextIsStoredAsIs(t *testing.T) {
	st := open(t)
	s := workshop.NewSession("fi")
	s.Title = "'; DROP TABLE sessions; --"
	s.Organisation = "Robert'); DELETE FROM records; --"
	s.Participants = []workshop.Participant{{ID: "P'1", Name: "x\x00y 🚚 وعد", Kind: workshop.KindGuest}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(s.ID)
	if err != nil || got.Title != s.Title || got.Organisation != s.Organisation || got.Participants[0].Name != s.Participants[0].Name {
		t.Fatalf("%v %+v", err, got)
	}
	if l, err := st.List("DROP TABLE"); err != nil || len(l) != 1 {
		t.Fatalf("search %v %v", l, err)
	}
	if l, err := st.List("%"); err != nil || len(l) != 0 {
		t.Fatalf("%% matched everything: %v %v", l, err)
	}
}

// inFiles reports whether the database file or its write-ahead log holds b.
func inFiles(t *testing.T, path string, b []byte) bool {
	for _, f := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(data, b) {
			return true
		}
	}
	return false
}

// The list is in the order of the last edit, newest first, also for edits
// within the same second.
func TestListNewestFirst(t *testing.T) {
	st := open(t)
	var ids []int64
	for i := 0; i < 300; i++ {
		s := workshop.NewSession("fi")
		s.Title = fmt.Sprintf("Työpaja %d", i)
		if err := st.Create(s); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	// Editing the oldest brings it to the top.
	if err := st.Put(ids[0], store.Parking{ID: "PL1", Text: "Muistettava"}); err != nil {
		t.Fatal(err)
	}
	ids = append(ids[1:], ids[0])
	l, err := st.List("")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range l {
		if want := ids[len(ids)-1-i]; s.ID != want {
			t.Fatalf("place %d: session %d, want %d", i, s.ID, want)
		}
	}
}

// The edit stamps sort as text in the order of time, whatever the digits
// of their fractions (RFC 3339's Nano form drops trailing zeros, and a
// stamp ending in .12 sorted after one ending in .123).
func TestStampsSortInTimeOrder(t *testing.T) {
	base := time.Date(2026, 12, 3, 12, 0, 5, 0, time.UTC)
	a := base.Add(120 * time.Millisecond).Format(store.StampLayout)
	b := base.Add(123 * time.Millisecond).Format(store.StampLayout)
	if !(a < b) {
		t.Fatalf("%q sorts after %q", a, b)
	}
	if got, err := time.Parse(time.RFC3339Nano, a); err != nil || !got.Equal(base.Add(120*time.Millisecond)) {
		t.Fatalf("read back %v %v", got, err)
	}
}
