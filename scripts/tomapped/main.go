//go:build linux

// Command tomapped starts a program on the X display and ends it as soon
// as its first window is mapped: "tomapped CMD [ARG...]". It prints the
// milliseconds from the start of CMD to the map on standard error and
// exits 0, or 1 when the program ended first or showed nothing within 120 s.
//
// It waits for the X server's own MapNotify event (of a window whose
// _NET_WM_PID is the program's), not by polling, so that timing a start-up
// as a whole process (scripts/startup.sh) adds no load of its own while the
// program starts. The program is then killed: what it would do on quitting
// is not part of its start-up.
package main

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>

// windowPid is the window's _NET_WM_PID, or -1.
static long windowPid(Display *d, Window w, Atom pidAtom) {
	Atom type; int format; unsigned long n, after; unsigned char *data = NULL;
	long pid = -1;
	if (XGetWindowProperty(d, w, pidAtom, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success && data != NULL) {
		if (type == XA_CARDINAL && format == 32 && n == 1) pid = (long)(*(unsigned long *)data);
		XFree(data);
	}
	return pid;
}

// nextMap waits at most ms milliseconds for a MapNotify and returns the
// window mapped, or 0.
static Window nextMap(Display *d, int ms) {
	XEvent e;
	int fd = ConnectionNumber(d);
	for (;;) {
		while (XPending(d)) {
			XNextEvent(d, &e);
			if (e.type == MapNotify) return e.xmap.window;
		}
		fd_set set; FD_ZERO(&set); FD_SET(fd, &set);
		struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
		if (select(fd + 1, &set, NULL, NULL, &tv) <= 0) return 0;
	}
}

static void watchRoot(Display *d) {
	XSelectInput(d, DefaultRootWindow(d), SubstructureNotifyMask);
	XSync(d, False);
}
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"time"
	"unsafe"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tomapped CMD [ARG...]")
		os.Exit(2)
	}
	d := C.XOpenDisplay(nil)
	if d == nil {
		fmt.Fprintln(os.Stderr, "tomapped: cannot open the display $DISPLAY")
		os.Exit(1)
	}
	name := C.CString("_NET_WM_PID")
	pidAtom := C.XInternAtom(d, name, C.False)
	C.free(unsafe.Pointer(name))
	C.watchRoot(d) // before the start: no map can be missed

	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "tomapped:", err)
		os.Exit(1)
	}
	ended := make(chan struct{})
	go func() { cmd.Wait(); close(ended) }()
	deadline := start.Add(120 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-ended:
			fmt.Fprintln(os.Stderr, "tomapped: the program ended before it showed a window")
			os.Exit(1)
		default:
		}
		w := C.nextMap(d, 50)
		if w == 0 {
			continue
		}
		// A window being mapped has its _NET_WM_PID already (GLFW sets it
		// at creation); one of another program is ignored.
		if pid := C.windowPid(d, w, pidAtom); pid >= 0 && int(pid) != cmd.Process.Pid {
			continue
		}
		fmt.Fprintf(os.Stderr, "window mapped after %d ms\n", time.Since(start).Milliseconds())
		cmd.Process.Kill()
		<-ended
		return
	}
	cmd.Process.Kill()
	fmt.Fprintln(os.Stderr, "tomapped: no window within 120 s")
	os.Exit(1)
}
