// Package disttools pins the tools that `make dist` runs: fyne (packaging)
// and go-licenses (the licences of the modules linked in). They are a module
// of their own so that their dependencies never change the app's go.mod.
package disttools
