//go:build unix

package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The room verb prints the join link with its token, serves the session to
// a phone, and stops cleanly when terminated.
func TestRoomVerbServesTheSessionUntilTerminated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lupauspaja.db")
	if code, out, errOut := cli(t, "--db", db, "import", writeFixture(t, dir)); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "--db", db, "room", "x"); code != 2 || !strings.Contains(errOut, "not a session id") {
		t.Fatalf("bad id: %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, "--db", db, "room", "1", "--addr", "nowhere"); code != 2 || !strings.Contains(errOut, "HOST:PORT") {
		t.Fatalf("bad address: %d %q", code, errOut)
	}
	pr, pw := io.Pipe()
	var errOut strings.Builder
	done := make(chan int, 1)
	go func() {
		code := run([]string{"--db", db, "room", "1", "--addr", "127.0.0.1:0"}, pw, &errOut)
		pw.Close()
		done <- code
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatalf("no join link; stderr %q", errOut.String())
	}
	join := lines.Text()
	if !strings.HasPrefix(join, "http://127.0.0.1:") || !strings.Contains(join, "/j/") || len(join[strings.Index(join, "/j/")+3:]) != 32 {
		t.Fatalf("join link %q", join)
	}
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), join[:strings.Index(join, "/j/")]+"\t") || len(strings.Split(lines.Text(), "\t")[1]) != 6 {
		t.Fatalf("address and code line %q", lines.Text())
	}
	go io.Copy(io.Discard, pr)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 5 * time.Second}
	resp, err := c.Get(join)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = c.Get(join[:strings.Index(join, "/j/")] + "/api/state")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "Nordrahti") {
		t.Fatalf("state through the room verb: %d %s", resp.StatusCode, b)
	}
	// A second window or room on the same database is refused while this one serves.
	if code, _, e := cli(t, "--db", db, "room", "1", "--addr", "127.0.0.1:0"); code != 1 || !strings.Contains(e, "already open") {
		t.Fatalf("second room: %d %q", code, e)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("room ended with %d: %s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("room did not stop on SIGTERM")
	}
	if _, err := c.Get(join); err == nil {
		t.Fatal("the server still answers after it stopped")
	}
}
