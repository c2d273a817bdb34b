package main

import (
	"errors"
	"log"
	"os"
	"os/signal"
	"syscall"

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
		var u *ui.UI
		ui.ShowDatabaseProblem(a, env.dbPath, err, func(lib *library.Library) {
			opened = lib
			u = ui.New(a, lib)
			u.Show()
		})
		quitOnHangup(a)
		a.Run()
		if u != nil {
			u.SaveOnExit()
		}
		if opened != nil {
			opened.Close()
		}
		return nil
	}
	defer lib.Close()
	u := ui.New(a, lib)
	quitOnHangup(a)
	u.ShowAndRun()
	u.SaveOnExit()
	return nil
}

// quitOnHangup ends the app's loop on SIGHUP (the terminal or session going
// away) as Fyne does itself on SIGINT and SIGTERM, so that runGUI saves what
// is being typed instead of the process dying with it.
func quitOnHangup(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
}
