package field

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"

	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// child is this test binary run again as a child process: a helper test
// that types into a real field and saves, until the kill tests kill it.
type child struct {
	cmd   *exec.Cmd
	lines chan string
	got   []string // what it printed, up to "ready" and after the kill the rest
}

// startChild runs the test named run in a child process with env added to
// the environment, and returns once the child prints "ready".
func startChild(t *testing.T, run string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+run+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, lines: make(chan string, 4096)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	for l := range c.lines {
		c.got = append(c.got, l)
		if l == "ready" {
			break
		}
	}
	return c
}

// kill sends SIGKILL, reads what the child printed until it died, and
// fails the test unless the signal is what ended it. It returns every line.
func (c *child) kill(t *testing.T, round int) []string {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGKILL)
	for l := range c.lines {
		c.got = append(c.got, l)
	}
	c.cmd.Wait()
	if ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("round %d: the child ended by itself: %v %q", round, c.cmd.ProcessState, c.got)
	}
	return c.got
}

// childEditor opens, in the child, the database at path and the session
// whose id the parent put in the environment variable sessionVar. A failure
// is printed for the parent to report, and ends the child.
func childEditor(path, sessionVar string) *editor.Editor {
	st, err := store.Open(path)
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	id, _ := strconv.ParseInt(os.Getenv(sessionVar), 10, 64)
	ed, err := editor.Open(st, id)
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	return ed
}
