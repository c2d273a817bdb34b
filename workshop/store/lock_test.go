//go:build unix

package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lupauspaja/workshop/store"
)

const envLockDB = "LUPAUSPAJA_LOCK_DB"

// TestHelperLocker is a child process that takes the instance lock, says
// "locked" and waits to be killed. It is not a test of its own.
func TestHelperLocker(t *testing.T) {
	path := os.Getenv(envLockDB)
	if path == "" {
		t.Skip("the child process of the lock test")
	}
	if _, err := store.LockInstance(path); err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
	os.Exit(4)
}

func TestSecondInstanceIsRefusedUntilTheFirstReleases(t *testing.T) {
	db := filepath.Join(t.TempDir(), "uusi", "lupauspaja.db")
	release, err := store.LockInstance(db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.LockInstance(db)
	if !errors.Is(err, store.ErrInUse) {
		t.Fatalf("second lock: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "already open with this database") || !strings.Contains(msg, db) || strings.Contains(msg, "\n") {
		t.Fatalf("message %q", msg)
	}
	// Another database is another matter.
	other, err := store.LockInstance(filepath.Join(filepath.Dir(db), "toinen.db"))
	if err != nil {
		t.Fatalf("another database: %v", err)
	}
	other()
	release()
	release() // twice is harmless
	again, err := store.LockInstance(db)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
	if fi, err := os.Stat(db + ".lock"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("lock file: %v %v", fi, err)
	}
}

// The lock of a process that is killed is gone with it: a crash never
// leaves the facilitator locked out of their own workshops.
func TestLockOfKilledProcessIsReleased(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLocker$", "-test.count=1")
	cmd.Env = append(os.Environ(), envLockDB+"="+db)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("child said %q", line)
	}
	if _, err := store.LockInstance(db); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("while the first holds it: %v", err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	release, err := store.LockInstance(db)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	release()
}

// Two processes writing into one database at once (as the app and the
// command line may): every write each reported saved is there, and the file
// is sound.
func TestTwoProcessesWriteSideBySide(t *testing.T) {
	const each = 300
	db := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := startWriter(t, db, "new", "A", each)
	b := startWriter(t, db, "new", "B", each)
	savedA, errsA, _ := a.finish(t, nil)
	savedB, errsB, _ := b.finish(t, nil)
	if len(errsA)+len(errsB) > 0 {
		t.Fatalf("writers failed: %v %v", errsA, errsB)
	}
	if len(savedA) != each || len(savedB) != each {
		t.Fatalf("saved %d and %d of %d", len(savedA), len(savedB), each)
	}
	if !a.cmd.ProcessState.Success() || !b.cmd.ProcessState.Success() {
		t.Fatalf("writers ended with %v, %v", a.cmd.ProcessState, b.cmd.ProcessState)
	}
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	integrityOK(t, st)
	list, err := st.List("")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]int64{}
	for _, s := range list {
		titles[s.Title] = s.ID
	}
	for _, key := range append(savedA, savedB...) {
		id, ok := titles[key]
		if !ok {
			t.Fatalf("session %s reported saved is missing", key)
		}
		s, err := st.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		fmt.Sscanf(key[2:], "%d", &n)
		if len(s.ParkingLot) != 1 || s.ParkingLot[0].Text != cardText(key, n) {
			t.Fatalf("session %s: its note is missing or changed", key)
		}
	}
	if len(list) != 2*each {
		t.Fatalf("%d sessions, want %d", len(list), 2*each)
	}
}
