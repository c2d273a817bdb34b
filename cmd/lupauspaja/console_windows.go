//go:build windows

package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// Lupauspaja.exe is linked as a GUI program, so that no console window opens
// when a facilitator starts it from the Start menu or Explorer. Windows then
// gives it no standard input or output: a verb typed in PowerShell or cmd
// (`Lupauspaja.exe list`) would print nothing. So before main runs, when the
// command line has a verb, the process attaches to the console it was
// started from and writes there. Handles that are already valid (output
// redirected to a file or a pipe) are kept.
func init() {
	if hasVerb(os.Args[1:]) {
		attachParentConsole()
	}
}

// hasVerb tells whether the arguments ask for more than the GUI: anything
// besides --db PATH.
func hasVerb(args []string) bool {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--db" || a == "-db":
			i++
		case len(a) > 5 && a[:5] == "--db=":
		default:
			return true
		}
	}
	return false
}

// AttachConsole is not in golang.org/x/sys/windows; kernel32 has it.
var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1: the console of
// the process that started this one.
const attachParentProcess = ^uint32(0)

func attachParentConsole() {
	in, out, errOut := stdValid(windows.STD_INPUT_HANDLE), stdValid(windows.STD_OUTPUT_HANDLE), stdValid(windows.STD_ERROR_HANDLE)
	if in && out && errOut {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer or a shortcut: no console to write to
	}
	if !out {
		if f := openConsole("CONOUT$", windows.STD_OUTPUT_HANDLE); f != nil {
			os.Stdout = f
		}
	}
	if !errOut {
		if f := openConsole("CONOUT$", windows.STD_ERROR_HANDLE); f != nil {
			os.Stderr = f
			log.SetOutput(f) // the log package took os.Stderr before this ran
		}
	}
	if !in {
		if f := openConsole("CONIN$", windows.STD_INPUT_HANDLE); f != nil {
			os.Stdin = f
		}
	}
}

// stdValid tells whether the standard handle n is open (a console, a file
// or a pipe given by the parent).
func stdValid(n uint32) bool {
	h, err := windows.GetStdHandle(n)
	return err == nil && h != 0 && h != windows.InvalidHandle
}

// openConsole opens the attached console's input or output and makes it the
// standard handle n, for the C code and child processes too.
func openConsole(name string, n uint32) *os.File {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	_ = windows.SetStdHandle(n, h)
	return os.NewFile(uintptr(h), name)
}
