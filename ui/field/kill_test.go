//go:build unix

package field

import (
	"fmt"
	"lupauspaja/ui/room"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// The child process of TestKilledAutosaveKeepsWhatWasSaved is this test
// binary run again with only TestHelperTyping and these variables set.
const (
	envTypingDB      = "LUPAUSPAJA_TYPING_DB"
	envTypingSession = "LUPAUSPAJA_TYPING_SESSION"
)

// typed is what the typist has typed into a field after chunk n (0-based):
// the words "sana0 sana1 … sanaN" with a letter the store must keep exact.
func typed(field string, n int) string {
	var b strings.Builder
	for i := 0; i <= n; i++ {
		fmt.Fprintf(&b, "%s%dä ", field, i)
	}
	return b.String()
}

// TestHelperTyping is the child process: it types into two autosaving
// entries (the purpose, a session field, and a draft, a card) in turns,
// waits after each chunk for the entry's own save (the debounce, or leaving
// the entry every third chunk) and prints "saved FIELD N" once OnSaved says
// the save landed. It is not a test of its own.
func TestHelperTyping(t *testing.T) {
	path := os.Getenv(envTypingDB)
	if path == "" {
		t.Skip("the child process of the autosave kill test")
	}
	// The same debounce timer, shorter, so that each kill round sees several
	// saves; what is tested is that a save reported done is on disk.
	test.NewTempApp(t)
	ed := childEditor(path, envTypingSession)
	r := room.New(ed)
	r.Typing.SetTimings(15*time.Millisecond, room.DefaultMaxWait)
	saved := make(chan string, 1024)
	why := NewText(r, true,
		func(s *workshop.Session) string { return s.Purpose.Why },
		func(s *workshop.Session, v string) error {
			s.Purpose.Why = v
			return nil
		})
	draft := NewText(r, true,
		func(s *workshop.Session) string { return s.Drafts[0].Text },
		func(s *workshop.Session, v string) error {
			s.Drafts[0].Text = v
			return nil
		})
	// OnSaved runs after the editor committed; what the editor holds then
	// (read under its lock, so never half an edit) is what the file holds.
	for _, f := range []struct {
		t   *Text
		get func(s *workshop.Session) string
	}{{why, func(s *workshop.Session) string { return s.Purpose.Why }},
		{draft, func(s *workshop.Session) string { return s.Drafts[0].Text }}} {
		f.t.OnSaved = func() {
			var v string
			ed.Read(func(s *workshop.Session) { v = f.get(s) })
			saved <- v
		}
	}
	w := test.NewWindow(container.NewVBox(why.Object(), draft.Object()))
	fmt.Println("ready")
	fields := []struct {
		name string
		t    *Text
	}{{"why", why}, {"draft", draft}}
	for n := 0; ; n++ {
		f := fields[n%2]
		w.Canvas().Focus(f.t.Entry)
		test.Type(f.t.Entry, strings.TrimPrefix(typed(f.name, n/2), typed(f.name, n/2-1)))
		if n%3 == 2 {
			w.Canvas().Unfocus() // leaving the entry saves at once
		}
		want, timeout := typed(f.name, n/2), time.After(10*time.Second)
	wait:
		for {
			select {
			case v := <-saved:
				if v == want {
					break wait
				}
			case <-timeout:
				fmt.Printf("error no save after chunk %d: %q\n", n, f.t.Message())
				os.Exit(3)
			}
		}
		fmt.Printf("saved %s %d\n", f.name, n/2)
	}
}

// TestKilledAutosaveKeepsWhatWasSaved kills the typing app at random moments
// (seeded) and checks that the database is sound and holds, in each entry,
// at least what was reported saved.
func TestKilledAutosaveKeepsWhatWasSaved(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 50 processes")
	}
	const rounds = 50
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	rng := rand.New(rand.NewSource(20261203))
	totalSaved := 0
	for round := 0; round < rounds; round++ {
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
			t.Fatalf("round %d: integrity_check %q %v", round, ok, err)
		}
		s := workshop.NewSession("fi")
		s.Title = fmt.Sprintf("Kierros %d", round)
		s.Drafts = []workshop.Draft{{ID: "D1", Version: 1}}
		if err := st.Create(s); err != nil {
			t.Fatal(err)
		}
		st.Close()

		c := startChild(t, "TestHelperTyping", envTypingDB+"="+db, envTypingSession+"="+strconv.FormatInt(s.ID, 10))
		time.Sleep(time.Duration(rng.Intn(250_000)) * time.Microsecond)
		got := c.kill(t, round)
		last := map[string]int{"why": -1, "draft": -1}
		for _, l := range got {
			if strings.HasPrefix(l, "error") {
				t.Fatalf("round %d: %s", round, l)
			}
			var name string
			var n int
			if _, err := fmt.Sscanf(l, "saved %s %d", &name, &n); err == nil {
				last[name] = n
				totalSaved++
			}
		}

		st, err = store.Open(db)
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		back, err := st.Load(s.ID)
		st.Close()
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for name, stored := range map[string]string{"why": back.Purpose.Why, "draft": back.Drafts[0].Text} {
			// What was reported saved is there; the chunk being typed at the
			// kill may have been saved too, whole or in part (the debounce
			// may end between two keys), unreported.
			if n := last[name]; !strings.HasPrefix(stored, typed(name, n)) || !strings.HasPrefix(typed(name, n+1), stored) {
				t.Fatalf("round %d: %s holds %q; reported saved up to chunk %d", round, name, stored, n)
			}
		}
	}
	t.Logf("%d kills, %d autosaves reported, none lost; integrity ok after each", rounds, totalSaved)
}
