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

// quitting is the app, telling when it is asked to quit (the test driver's
// own Quit does nothing).
type quitting struct {
	fyne.App
	quit chan struct{}
}

func (q quitting) Quit() { close(q.quit) }

// A SIGTERM before Fyne's loop has started (the window being made and
// mapped; Fyne's own handler is not there yet, as in this test driver)
// still ends the app: the window is told, and the app is asked to quit.
func TestATermBeforeFynesOwnHandlerEndsTheApp(t *testing.T) {
	a := quitting{App: test.NewTempApp(t), quit: make(chan struct{})}
	told := make(chan struct{})
	stop := quitOnSignals(a, func() { close(told) })
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what string
		ch   chan struct{}
	}{{"the window was not told the app is ending", told}, {"the app was not asked to quit", a.quit}} {
		select {
		case <-c.ch:
		case <-time.After(10 * time.Second):
			t.Fatal(c.what)
		}
	}
}
