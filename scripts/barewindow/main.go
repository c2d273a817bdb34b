// Command barewindow is the yardstick for start-up time and memory: the
// smallest Fyne program with a window, one label, built the same way as the
// app. With -size WxH the window opens at that size (scripts/memory.sh gives
// it the facilitator window's 1366×768, so that both draw into buffers of
// the same size); without, it is as small as its label.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	size := flag.String("size", "", "the window's size, WxH in pixels (default: its label's)")
	flag.Parse()
	var w, h float32
	if *size != "" {
		if n, err := fmt.Sscanf(*size, "%gx%g", &w, &h); n != 2 || err != nil || w < 1 || h < 1 {
			fmt.Fprintf(os.Stderr, "barewindow: -size %q: want WIDTHxHEIGHT, such as 1366x768\n", *size)
			os.Exit(2)
		}
	}
	a := app.NewWithID("fi.lupauspaja.barewindow")
	win := a.NewWindow("Bare window")
	win.SetContent(widget.NewLabel("Hello"))
	if w > 0 {
		win.Resize(fyne.NewSize(w, h))
	}
	win.ShowAndRun()
}
