package main

import (
	"errors"
	"log"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"lupauspaja/ui"
	"lupauspaja/workshop/library"
)

// The app's metadata. FyneApp.toml holds the same (a test keeps them equal);
// it is set here as well because a built binary does not find the toml
// next to it, and the About box and the app's storage need the id and version.
const (
	appID      = "fi.lupauspaja"
	appName    = "Lupauspaja"
	appVersion = "0.1.0"
	appBuild   = 1
)

// runGUI starts the desktop app on the database at env.dbPath. When the file
// cannot be opened as our database, a window explains why and offers to move
// it aside and start a new one, or to quit.
func runGUI(env *cliEnv) error {
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: appName, Version: appVersion, Build: appBuild,
		Icon: ui.Icon(), Migrations: map[string]bool{"fyneDo": true}})
	startProfiling()
	a := app.NewWithID(appID)
	// One window per database: two would overwrite each other's typing.
	release, err := library.Lock(env.dbPath)
	if errors.Is(err, library.ErrInUse) {
		ui.ShowDatabaseProblem(a, env.dbPath, err, nil)
		a.Run()
		return err
	}
	if err != nil {
		// Without a lock file (a read-only folder, say) the app still runs;
		// opening the database says what is wrong if anything is.
		log.Printf("lupauspaja: %v", err)
	} else {
		defer release()
	}
	lib, err := library.Open(env.dbPath)
	if err != nil {
		var opened *library.Library
		var u atomic.Pointer[ui.UI]
		ui.ShowDatabaseProblem(a, env.dbPath, err, func(lib *library.Library) {
			opened = lib
			w := watch(ui.New(a, lib))
			u.Store(w)
			noDepthBuffers()
			w.Show()
		})
		quitOnSignals(a, func() {
			if w := u.Load(); w != nil {
				w.Ending()
			}
		})
		a.Run()
		if w := u.Load(); w != nil {
			w.SaveOnExit()
		}
		if opened != nil {
			opened.Close()
		}
		return nil
	}
	defer lib.Close()
	u := watch(ui.New(a, lib))
	noDepthBuffers()
	quitOnSignals(a, u.Ending)
	u.ShowAndRun()
	u.SaveOnExit()
	return nil
}

// quitOnSignals tells the window, through ending, that the loop is about to
// end on SIGTERM, SIGINT or SIGHUP, so that no redraw reaches the window
// once it is gone (see ui.UI.Ending), and sees that the loop ends, so that
// runGUI saves what is being typed instead of the process dying with it.
func quitOnSignals(a fyne.App, ending func()) {
	var started atomic.Bool
	a.Lifecycle().SetOnStarted(func() { started.Store(true) })
	handleSignals(a, ending, started.Load, fyneQuitGrace)
}

// fyneQuitGrace is how long Fyne's own handler is given to end its loop on
// SIGINT or SIGTERM before the app ends it itself.
const fyneQuitGrace = 2 * time.Second

// handleSignals is quitOnSignals with what it depends on given: whether
// Fyne's loop has started, and the grace. On SIGHUP it ends the loop (the
// driver's Quit, as Fyne's own handler does on the other two). Fyne ends
// its loop itself on SIGINT and SIGTERM, but its handler is there only once
// the loop has started: a signal before that (while the window is being
// made and mapped, a tenth of a second or more) reached only this handler,
// and the app went on running without redrawing until killed. So before
// the start it ends the loop itself; after, only if Fyne's has not within
// the grace: a second Quit queued while Fyne's loop was ending made its
// shutdown hang now and then (its last event left waiting for the loop).
// It returns what stops the handling (for tests).
func handleSignals(a fyne.App, ending func(), started func() bool, grace time.Duration) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			ending()
			if sig != syscall.SIGHUP && started() {
				select {
				case <-done:
					return
				case <-time.After(grace):
				}
			}
			fyne.Do(a.Driver().Quit)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
