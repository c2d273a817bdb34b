//go:build unix

package store_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// The kill tests run the writer in a child process (this test binary run
// again with only TestHelperWriter and these variables set), because only a
// real process killed with SIGKILL shows what a dead battery or a killed app
// leaves on disk.
const (
	envWriterDB      = "LUPAUSPAJA_WRITER_DB"      // database path; unset: not the child
	envWriterSession = "LUPAUSPAJA_WRITER_SESSION" // session to write into; "new": a new session per write
	envWriterPrefix  = "LUPAUSPAJA_WRITER_PREFIX"  // card ids start with it, unique per child
	envWriterCount   = "LUPAUSPAJA_WRITER_COUNT"   // stop after so many writes; 0: until killed
)

// killSeed fixes the moments of the kills, so that a failure can be repeated.
const killSeed = 20261203

// TestHelperWriter is the child process: it writes cards in a loop, each in
// its own transaction, and prints "saved KEY" on stdout once a write has been
// committed. It is not a test of its own.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(envWriterDB)
	if path == "" {
		t.Skip("the child process of the kill and two-process tests")
	}
	prefix := os.Getenv(envWriterPrefix)
	count, _ := strconv.Atoi(os.Getenv(envWriterCount))
	if os.Getenv(envWriterSession) == "upgrade" {
		store.AddTestMigrations(upgradeSQL)
		fmt.Println("opening")
	}
	st, err := store.Open(path)
	if err != nil {
		fmt.Printf("error %v\n", oneLineErr(err))
		os.Exit(3)
	}
	// os.Stdout is unbuffered: each line is in the pipe when Println returns.
	say := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	switch os.Getenv(envWriterSession) {
	case "upgrade":
		say("upgraded") // Open has run the upgrade; killing it from here on interrupts nothing
	case "new":
		writeNewSessions(st, prefix, count, say)
	default:
		id, _ := strconv.ParseInt(os.Getenv(envWriterSession), 10, 64)
		writeCards(st, id, prefix, count, say)
	}
	st.Close()
	os.Exit(0)
}

func oneLineErr(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

// cardText is what the writer stores under a key: every fifth card is long
// (so that the write-ahead log fills and checkpoints run while the process
// may die), and the text is derived from the key so that the parent can
// check it byte for byte.
func cardText(key string, n int) string {
	t := "Kortti " + key + " – äö 🚚 \u202e"
	if n%5 == 4 {
		t += strings.Repeat(" pitkä teksti "+key, 400)
	}
	return t
}

// writeCards writes into one session: drafts through the editor (the GUI's
// write path), parking-lot notes straight through Store.Put, and the goal
// (a header field) every third write; between them it deletes sessions and
// compacts the file now and then.
func writeCards(st *store.Store, id int64, prefix string, count int, say func(string, ...any)) {
	ed, err := editor.Open(st, id)
	if err != nil {
		say("error %v", oneLineErr(err))
		os.Exit(3)
	}
	say("ready")
	for n := 0; count == 0 || n < count; n++ {
		key := fmt.Sprintf("%s-%d", prefix, n)
		text := cardText(key, n)
		switch n % 3 {
		case 0:
			err = ed.Edit(func(s *workshop.Session) error {
				d := workshop.Draft{ID: key, Text: text, Version: 1}
				s.Drafts = append(s.Drafts, d)
				return nil
			})
		case 1:
			err = st.Put(id, store.Parking(workshop.Note{ID: key, Text: text}))
		case 2:
			err = ed.Edit(func(s *workshop.Session) error {
				s.Goal = key
				return nil
			})
		}
		if err != nil {
			say("error %v", oneLineErr(err))
			os.Exit(3)
		}
		say("saved %s", key)
		// Now and then what the app does besides typing, so that kills land
		// in them too: deleting a session (which empties the write-ahead
		// log) and compacting the file (VACUUM).
		switch {
		case n%15 == 14:
			say("busy delete")
			scratch := workshop.NewSession("fi")
			scratch.Participants = []workshop.Participant{{ID: "P1", Name: "Poistettava " + key, Kind: workshop.KindGuest}}
			err = st.Create(scratch)
			if err == nil {
				err = st.Delete(scratch.ID)
			}
		case n%50 == 49:
			say("busy compact")
			err = st.Compact()
		}
		if err != nil {
			say("error %v", oneLineErr(err))
			os.Exit(3)
		}
		if n%15 == 14 || n%50 == 49 {
			say("done")
		}
	}
}

// writeNewSessions makes a new session per write, the way the command line
// imports: the key is the session's title.
func writeNewSessions(st *store.Store, prefix string, count int, say func(string, ...any)) {
	say("ready")
	for n := 0; count == 0 || n < count; n++ {
		key := fmt.Sprintf("%s-%d", prefix, n)
		s := workshop.NewSession("fi")
		s.Title = key
		s.ParkingLot = []workshop.Note{{ID: "N1", Text: cardText(key, n)}}
		if err := st.Create(s); err != nil {
			say("error %v", oneLineErr(err))
			os.Exit(3)
		}
		say("saved %s", key)
	}
}

// writer is a running child process.
type writer struct {
	cmd   *exec.Cmd
	lines chan string // everything it printed, closed at its end
}

func startWriter(t *testing.T, db, session, prefix string, count int) *writer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		envWriterDB+"="+db, envWriterSession+"="+session,
		envWriterPrefix+"="+prefix, envWriterCount+"="+strconv.Itoa(count))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &writer{cmd: cmd, lines: make(chan string, 1<<16)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			w.lines <- sc.Text()
		}
		io.Copy(io.Discard, out)
		close(w.lines)
	}()
	return w
}

// waitReady waits for the child's "ready" (or its end).
func (w *writer) waitReady(t *testing.T) (early []string) {
	t.Helper()
	for l := range w.lines {
		if l == "ready" {
			return early
		}
		early = append(early, l)
	}
	return early
}

// finish waits for the child's end and returns the keys it reported saved,
// its errors, and its last line (which says what it was doing at a kill).
func (w *writer) finish(t *testing.T, earlier []string) (saved, errs []string, last string) {
	t.Helper()
	take := func(l string) {
		last = l
		if k, ok := strings.CutPrefix(l, "saved "); ok {
			saved = append(saved, k)
		} else if strings.HasPrefix(l, "error ") {
			errs = append(errs, l)
		}
	}
	for _, l := range earlier {
		take(l)
	}
	for l := range w.lines {
		take(l)
	}
	w.cmd.Wait()
	return saved, errs, last
}

// TestKilledWriterLosesNoSavedCard kills the writer at random moments and
// checks after each kill that the file is sound and that every card the
// writer reported saved is there, byte for byte.
func TestKilledWriterLosesNoSavedCard(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 60 processes")
	}
	const rounds = 60
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("fi")
	s.Title = "Tapettava työpaja"
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	id := strconv.FormatInt(s.ID, 10)

	rng := rand.New(rand.NewSource(killSeed))
	totalSaved, killedWriting, lastGoal := 0, 0, ""
	killedIn := map[string]int{} // kills while deleting a session or compacting
	for round := 0; round < rounds; round++ {
		prefix := fmt.Sprintf("R%d", round)
		w := startWriter(t, db, id, prefix, 0)
		var early []string
		// Most kills land while cards are being written; one in eight lands
		// at start-up, while the database is being opened.
		if rng.Intn(8) == 0 {
			time.Sleep(time.Duration(rng.Intn(40)) * time.Millisecond)
		} else {
			early = w.waitReady(t)
			time.Sleep(time.Duration(rng.Intn(60_000)) * time.Microsecond)
			killedWriting++
		}
		if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("round %d: kill: %v", round, err)
		}
		saved, errs, last := w.finish(t, early)
		if busy, ok := strings.CutPrefix(last, "busy "); ok {
			killedIn[busy]++
		}
		if len(errs) > 0 {
			t.Fatalf("round %d: the writer failed: %v", round, errs)
		}
		if ws, ok := w.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the writer was not killed but ended: %v", round, w.cmd.ProcessState)
		}
		totalSaved += len(saved)

		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		integrityOK(t, st)
		got, err := st.Load(s.ID)
		if err != nil {
			st.Close()
			t.Fatalf("round %d: %v", round, err)
		}
		drafts, notes := map[string]string{}, map[string]string{}
		for _, d := range got.Drafts {
			drafts[d.ID] = d.Text
		}
		for _, n := range got.ParkingLot {
			notes[n.ID] = n.Text
		}
		for _, key := range saved {
			n, _ := strconv.Atoi(key[strings.LastIndexByte(key, '-')+1:])
			want := cardText(key, n)
			switch n % 3 {
			case 0:
				if drafts[key] != want {
					t.Fatalf("round %d: draft %s reported saved is missing or changed", round, key)
				}
			case 1:
				if notes[key] != want {
					t.Fatalf("round %d: note %s reported saved is missing or changed", round, key)
				}
			case 2:
				lastGoal = key
			}
		}
		// The goal is the last one reported saved, or the one being written
		// at the kill, which may have been committed without being reported.
		if lastGoal != "" && got.Goal != lastGoal {
			n, _ := strconv.Atoi(lastGoal[strings.LastIndexByte(lastGoal, '-')+1:])
			next := fmt.Sprintf("%s-%d", lastGoal[:strings.LastIndexByte(lastGoal, '-')], n+3)
			// A round's first goal (n = 2), committed but not yet reported
			// when the kill came, may follow the last goal reported in any
			// earlier round, if later rounds were killed before reporting one.
			var lastRound, gotRound, gotN int
			fmt.Sscanf(lastGoal, "R%d-", &lastRound)
			_, perr := fmt.Sscanf(got.Goal, "R%d-%d", &gotRound, &gotN)
			firstOfLater := perr == nil && gotN == 2 && gotRound > lastRound && gotRound <= round
			if got.Goal != next && !firstOfLater {
				t.Fatalf("round %d: goal %q, last saved %q", round, got.Goal, lastGoal)
			}
		}
		st.Close()
	}
	t.Logf("%d kills (%d while writing; of them %d while deleting a session, %d while compacting), %d writes reported saved, none lost; integrity ok after each",
		rounds, killedWriting, killedIn["delete"], killedIn["compact"], totalSaved)
}

// upgradeSQL is a schema upgrade that rewrites every row, so that it takes
// long enough to be killed in the middle.
const upgradeSQL = `CREATE TABLE tags (session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, tag TEXT NOT NULL);
INSERT INTO tags SELECT id, title FROM sessions;
UPDATE records SET seq = seq + 0;
UPDATE sessions SET header = header;`

// TestKilledUpgradeLosesNothing kills the app while it upgrades the schema
// of a database (backup copy, then the migration in one transaction) and
// checks that the next start finishes the upgrade with every session
// intact, and that every backup file there is a whole copy.
func TestKilledUpgradeLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 30 processes")
	}
	const rounds = 30
	// The kills fall within the time the upgrade of this database takes on
	// the development machine (backup and migration, 15–60 ms).
	const upgradeMicros = 30_000
	base := goodDatabase(t, true)
	// The sessions as they are before any upgrade.
	ref := filepath.Join(t.TempDir(), "ref.db")
	os.WriteFile(ref, base, 0o600)
	st, err := store.Open(ref)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]string{}
	list, _ := st.List("")
	for _, sm := range list {
		s, err := st.Load(sm.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(s)
		want[sm.ID] = string(b)
	}
	st.Close()

	rng := rand.New(rand.NewSource(killSeed))
	killed, finished, halfBackups := 0, 0, 0
	for round := 0; round < rounds; round++ {
		dir := t.TempDir()
		db := filepath.Join(dir, "lupauspaja.db")
		os.WriteFile(db, base, 0o600)
		w := startWriter(t, db, "upgrade", "U", 0)
		var early []string
		for l := range w.lines {
			early = append(early, l)
			if l == "opening" {
				break
			}
		}
		time.Sleep(time.Duration(rng.Intn(upgradeMicros)) * time.Microsecond)
		w.cmd.Process.Signal(syscall.SIGKILL)
		_, errs, last := w.finish(t, early)
		if len(errs) > 0 {
			t.Fatalf("round %d: %v", round, errs)
		}
		if last == "upgraded" {
			finished++
		} else {
			killed++
		}

		remove := store.AddTestMigrations(upgradeSQL)
		st, err := store.Open(db)
		remove()
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		integrityOK(t, st)
		for id, w := range want {
			s, err := st.Load(id)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if b, _ := json.Marshal(s); string(b) != w {
				t.Fatalf("round %d: session %d changed in the upgrade", round, id)
			}
		}
		st.Close()
		var version, tags int
		if err := rawQuery(t, db, "PRAGMA user_version").Scan(&version); err != nil || version != store.SchemaVersion()+1 {
			t.Fatalf("round %d: schema %d %v", round, version, err)
		}
		if err := rawQuery(t, db, "SELECT count(*) FROM tags").Scan(&tags); err != nil || tags != len(want) {
			t.Fatalf("round %d: %d tags %v", round, tags, err)
		}
		backups, _ := filepath.Glob(db + ".v*.bak")
		if len(backups) == 0 {
			t.Fatalf("round %d: no backup", round)
		}
		for _, b := range backups {
			var n int
			var check string
			if err := rawQuery(t, b, "SELECT count(*) FROM sessions").Scan(&n); err != nil || n != len(want) {
				t.Fatalf("round %d: backup %s: %d sessions, %v", round, filepath.Base(b), n, err)
			}
			if err := rawQuery(t, b, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
				t.Fatalf("round %d: backup %s: %s %v", round, filepath.Base(b), check, err)
			}
		}
		tmps, _ := filepath.Glob(db + ".v*.bak.tmp")
		halfBackups += len(tmps)
	}
	t.Logf("%d upgrades killed, %d finished before the kill; every session intact and every backup whole; %d half-made copies left under .tmp names",
		killed, finished, halfBackups)
}

// TestKilledImportLeavesWholeSessions kills a process that adds whole
// sessions (as the command line's import does): every session reported
// saved is there, and no session is there in part.
func TestKilledImportLeavesWholeSessions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 20 processes")
	}
	const rounds = 20
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	rng := rand.New(rand.NewSource(killSeed + 1))
	reported := 0
	for round := 0; round < rounds; round++ {
		w := startWriter(t, db, "new", fmt.Sprintf("I%d", round), 0)
		early := w.waitReady(t)
		time.Sleep(time.Duration(rng.Intn(40_000)) * time.Microsecond)
		w.cmd.Process.Signal(syscall.SIGKILL)
		saved, errs, _ := w.finish(t, early)
		if len(errs) > 0 {
			t.Fatalf("round %d: %v", round, errs)
		}
		reported += len(saved)
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		integrityOK(t, st)
		list, err := st.List("")
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, sm := range list {
			have[sm.Title] = true
			s, err := st.Load(sm.ID)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			n, _ := strconv.Atoi(sm.Title[strings.LastIndexByte(sm.Title, '-')+1:])
			if len(s.ParkingLot) != 1 || s.ParkingLot[0].Text != cardText(sm.Title, n) || len(s.Agenda) == 0 {
				t.Fatalf("round %d: session %s is there only in part", round, sm.Title)
			}
		}
		for _, key := range saved {
			if !have[key] {
				t.Fatalf("round %d: session %s reported saved is missing", round, key)
			}
		}
		st.Close()
	}
	t.Logf("%d kills, %d sessions reported saved, none lost, none in part", rounds, reported)
}
