package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// runGUI starts the desktop app.
func runGUI(env *cliEnv) error {
	a := app.NewWithID("fi.lupauspaja")
	w := a.NewWindow("Lupauspaja")
	w.SetContent(widget.NewLabel("Lupauspaja – työpajalista tulossa / workshop list coming"))
	w.ShowAndRun()
	return nil
}
