// Command barewindow is the yardstick for start-up time: the smallest Fyne
// program with a window, one label, built the same way as the app.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("fi.lupauspaja.barewindow")
	w := a.NewWindow("Bare window")
	w.SetContent(widget.NewLabel("Hello"))
	w.ShowAndRun()
}
