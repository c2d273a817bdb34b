package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"lupauspaja/ui"
)

// Two environment variables for measuring the window; both are off unless set.
const (
	// envPprof=127.0.0.1:PORT serves Go's profiles (net/http/pprof, e.g.
	// /debug/pprof/heap) on that loopback address while the window runs.
	envPprof = "LUPAUSPAJA_PPROF"
	// envReady=FILE appends a line to FILE each time the window has put
	// something on screen (ui.UI.Shown: "home N", "page KEY I/N",
	// "projector on|off"), and "memory returned" when the window, quiet
	// for a second since, has handed freed memory back (trimmer), for
	// scripts that wait for a state; just before that, "heap go-live N
	// go-spans N c N": the bytes of Go's heap in live objects and in the
	// spans that hold them, and of the C library's heap in use (-1 where
	// it cannot tell), for scripts/memory.sh.
	envReady = "LUPAUSPAJA_READY"
)

// startProfiling serves the profiles when envPprof is set. Only a loopback
// address is taken: the profiles show what the sessions hold.
func startProfiling() {
	addr := os.Getenv(envPprof)
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		log.Printf("lupauspaja: %s=%q: not a loopback address such as 127.0.0.1:6060; no profiles served", envPprof, addr)
		return
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Printf("lupauspaja: %s: %v", envPprof, err)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	log.Printf("lupauspaja: profiles on http://%s/debug/pprof/", ln.Addr())
	go func() { log.Print(http.Serve(ln, mux)) }()
}

// readySignal returns what the window calls when it has shown something,
// when envReady is set, or nil.
func readySignal() func(string) {
	path := os.Getenv(envReady)
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		log.Printf("lupauspaja: %s: %v", envReady, err)
		return nil
	}
	var mu sync.Mutex
	return func(event string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintln(f, event)
	}
}

// trimAfter is how long the window is left alone after it has shown
// something new before the memory freed meanwhile goes back to the system.
const trimAfter = time.Second

// trimmer returns the memory that building and leaving a page freed to the
// system once the window has been quiet for trimAfter: a full collection,
// then every free page released (debug.FreeOSMemory), and the C library's
// freed memory too (trimC). Without it Go keeps the freed pages, and the
// heap may grow to twice what is live before it collects: with the large
// session 60–90 MB of the window's resident size (docs/benchmarks-gui.md).
// It runs off the UI goroutine, after the frame.
type trimmer struct {
	mu    sync.Mutex
	t     *time.Timer
	after func(event string) // the readiness signal, or nil
}

func (t *trimmer) shown() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.t == nil {
		t.t = time.AfterFunc(trimAfter, t.trim)
		return
	}
	t.t.Reset(trimAfter)
}

func (t *trimmer) trim() {
	debug.FreeOSMemory()
	c := trimC()
	if t.after != nil {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.after(fmt.Sprintf("heap go-live %d go-spans %d c %d", ms.HeapAlloc, ms.HeapInuse, c))
		t.after("memory returned")
	}
}

// watch sets what the window does when it has shown something: the
// trimmer, and the readiness signal (envReady) when asked for.
func watch(u *ui.UI) *ui.UI {
	ready := readySignal()
	tr := &trimmer{after: ready}
	u.Shown = func(event string) {
		tr.shown()
		if ready != nil {
			ready(event)
		}
	}
	return u
}
