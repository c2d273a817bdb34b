//go:build !windows

package main

import (
	"os"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// quitting is the app whose driver tells when it is asked to quit (the
// test driver's own Quit does nothing).
type quitting struct {
	fyne.App
	quit chan struct{}
}

func (q quitting) Driver() fyne.Driver { return quittingDriver{q.App.Driver(), q.quit} }

type quittingDriver struct {
	fyne.Driver
	quit chan struct{}
}

func (d quittingDriver) Quit() { close(d.quit) }

// signalled sends sig to the test process with handleSignals set up, and
// waits for the window to be told and the loop to be ended.
func signalled(t *testing.T, sig syscall.Signal, started bool) {
	t.Helper()
	a := quitting{App: test.NewTempApp(t), quit: make(chan struct{})}
	told := make(chan struct{})
	stop := handleSignals(a, func() { close(told) }, func() bool { return started }, 10*time.Millisecond)
	defer stop()
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what string
		ch   chan struct{}
	}{{"the window was not told the app is ending", told}, {"the loop was not ended", a.quit}} {
		select {
		case <-c.ch:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: %s", sig, c.what)
		}
	}
}

// A SIGTERM or SIGINT before Fyne's loop has started (the window being
// made and mapped; Fyne's own handler is not there yet, as in this test
// driver) still ends the app: the window is told, and the loop is ended.
func TestATermBeforeFynesOwnHandlerEndsTheApp(t *testing.T) {
	signalled(t, syscall.SIGTERM, false)
	signalled(t, syscall.SIGINT, false)
}

// Once the loop runs, Fyne's handler ends it on SIGTERM; should it not
// within the grace, the app does. SIGHUP, which Fyne leaves alone, ends it
// at once.
func TestSignalsOnceTheLoopRunsEndTheApp(t *testing.T) {
	signalled(t, syscall.SIGTERM, true)
	signalled(t, syscall.SIGHUP, true)
}
