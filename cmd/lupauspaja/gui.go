package main

import (
	"errors"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"lupauspaja/ui"
	"lupauspaja/workshop/store"
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
	a := app.NewWithID(appID)
	// One window per database: two would overwrite each other's typing.
	release, err := store.LockInstance(env.dbPath)
	if errors.Is(err, store.ErrInUse) {
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
	st, err := store.Open(env.dbPath)
	if err != nil {
		var opened *store.Store
		ui.ShowDatabaseProblem(a, env.dbPath, err, func(st *store.Store) {
			opened = st
			u := ui.New(a, st)
			quitOnSignal(u)
			u.Show()
		})
		a.Run()
		if opened != nil {
			opened.Close()
		}
		return nil
	}
	defer st.Close()
	u := ui.New(a, st)
	quitOnSignal(u)
	u.ShowAndRun()
	return nil
}

// quitOnSignal saves what is being typed when the system ends the app (a
// logout, a shutdown, Ctrl+C in a terminal) rather than losing the last
// moment of typing; if the app cannot quit in time, it exits anyway.
func quitOnSignal(u *ui.UI) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		<-ch
		fyne.Do(u.Quit)
		time.Sleep(3 * time.Second)
		os.Exit(1)
	}()
}
