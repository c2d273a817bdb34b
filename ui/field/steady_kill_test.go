//go:build unix

package field

import (
	"fmt"
	"lupauspaja/ui/room"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// The child process of TestKilledSteadyTypingLosesAtMostHalfASecond.
const (
	envSteadyDB      = "LUPAUSPAJA_STEADY_DB"
	envSteadySession = "LUPAUSPAJA_STEADY_SESSION"
	envSteadySeed    = "LUPAUSPAJA_STEADY_SEED"
)

// steadyText is what the typist types, one rune at a time: words with
// letters the store must keep exact.
var steadyText = []rune(strings.Repeat("tasainen näppäily säästyy ", 200))

// steadyGap is the pause between two keystrokes: 60 to 140 ms (about ten
// keys a second, a fast typist), never the autosave's pause of 300 ms.
func steadyGap(rng *rand.Rand) time.Duration {
	return time.Duration(60+rng.Intn(81)) * time.Millisecond
}

// TestHelperSteadyTyping is the child process: it types steadily into an
// autosaving entry with the app's own debounce, and prints "typed N NANOS"
// after each keystroke (N runes typed so far, at the wall-clock time NANOS).
// It is not a test of its own.
func TestHelperSteadyTyping(t *testing.T) {
	path := os.Getenv(envSteadyDB)
	if path == "" {
		t.Skip("the child process of the steady-typing kill test")
	}
	test.NewTempApp(t)
	ed := childEditor(path, envSteadySession)
	why := SessionText(room.New(ed), true, "purpose_why")
	w := test.NewWindow(container.NewVBox(why.Object()))
	w.Canvas().Focus(why.Entry)
	seed, _ := strconv.ParseInt(os.Getenv(envSteadySeed), 10, 64)
	rng := rand.New(rand.NewSource(seed))
	fmt.Println("ready")
	for n := 1; n <= len(steadyText); n++ {
		test.Type(why.Entry, string(steadyText[n-1]))
		fmt.Printf("typed %d %d\n", n, time.Now().UnixNano())
		time.Sleep(steadyGap(rng))
	}
	fmt.Println("error typed all the text before the kill")
	os.Exit(3)
}

// TestKilledSteadyTypingLosesAtMostHalfASecond types steadily, without the
// pause the autosave waits for, for 3 to 6 s (seeded), kills the process
// with SIGKILL and reads the database: what is stored must be what was
// typed up to some keystroke, and the typing lost (from the first keystroke
// not stored to the kill) at most half a second.
func TestKilledSteadyTypingLosesAtMostHalfASecond(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 8 processes and types for half a minute")
	}
	const rounds = 8
	const goal = 500 * time.Millisecond
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	rng := rand.New(rand.NewSource(20261201))
	var lost []time.Duration
	var lostRunes []int
	for round := 0; round < rounds; round++ {
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d: open: %v", round, err)
		}
		s := workshop.NewSession("fi")
		s.Title = fmt.Sprintf("Tasainen näppäily %d", round)
		if err := st.Create(s); err != nil {
			t.Fatal(err)
		}
		st.Close()

		c := startChild(t, "TestHelperSteadyTyping", envSteadyDB+"="+db,
			envSteadySession+"="+strconv.FormatInt(s.ID, 10),
			envSteadySeed+"="+strconv.FormatInt(rng.Int63(), 10))
		time.Sleep(3*time.Second + time.Duration(rng.Intn(3000))*time.Millisecond)
		killed := time.Now()
		got := c.kill(t, round)
		typedAt := map[int]time.Time{} // runes typed → when the last of them was typed
		last := 0
		for _, l := range got {
			if strings.HasPrefix(l, "error") {
				t.Fatalf("round %d: %s", round, l)
			}
			var n int
			var ns int64
			if _, err := fmt.Sscanf(l, "typed %d %d", &n, &ns); err == nil {
				typedAt[n] = time.Unix(0, ns)
				last = n
			}
		}
		if last == 0 {
			t.Fatalf("round %d: nothing was typed before the kill: %q", round, got)
		}

		st, err = store.Open(db)
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
			t.Fatalf("round %d: integrity_check %q %v", round, ok, err)
		}
		back, err := st.Load(s.ID)
		st.Close()
		if err != nil {
			t.Fatalf("round %d: load: %v", round, err)
		}
		stored := []rune(back.Purpose.Why)
		// A keystroke may be typed and the process killed before it printed it.
		if len(stored) > last+1 || string(stored) != string(steadyText[:len(stored)]) {
			t.Fatalf("round %d: stored %q is not what was typed (%d runes)", round, string(stored), last)
		}
		// The typing lost: from the first keystroke that is not stored to the kill.
		var l time.Duration
		if first, ok := typedAt[len(stored)+1]; ok {
			l = killed.Sub(first)
		}
		lost = append(lost, l)
		lostRunes = append(lostRunes, max(last-len(stored), 0))
		t.Logf("round %d: typed %d runes in %v, stored %d, lost %d runes = %v of typing",
			round, last, typedAt[last].Sub(typedAt[1]).Round(time.Millisecond), len(stored),
			max(last-len(stored), 0), l.Round(time.Millisecond))
	}
	sorted := append([]time.Duration(nil), lost...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	t.Logf("steady typing killed %d times: typing lost median %v, worst %v (goal at most %v); runes lost %v",
		rounds, sorted[len(sorted)/2].Round(time.Millisecond), sorted[len(sorted)-1].Round(time.Millisecond), goal, lostRunes)
	for round, l := range lost {
		if l > goal {
			t.Errorf("round %d: %v of steady typing lost at the kill (goal at most %v)", round, l.Round(time.Millisecond), goal)
		}
	}
}
