package main

import (
	"fmt"
	"runtime"
	"testing"
)

// TestTrimSaysWhatTheHeapsHold: after handing memory back the trimmer says
// what Go's heap holds (live objects within the spans that hold them) and,
// with glibc, what the C heap has in use, then "memory returned".
func TestTrimSaysWhatTheHeapsHold(t *testing.T) {
	var said []string
	keep := make([]byte, 4<<20) // 4 MB live
	tr := &trimmer{after: func(e string) { said = append(said, e) }}
	tr.trim()
	runtime.KeepAlive(keep)
	if len(said) != 2 || said[1] != "memory returned" {
		t.Fatalf("said %q, want the heaps, then \"memory returned\"", said)
	}
	var live, spans, c int64
	if n, err := fmt.Sscanf(said[0], "heap go-live %d go-spans %d c %d", &live, &spans, &c); n != 3 || err != nil {
		t.Fatalf("%q: %v", said[0], err)
	}
	if live < 4<<20 || spans < live {
		t.Errorf("Go heap: %d live in %d of spans; want at least the 4 MB kept, within the spans", live, spans)
	}
	if runtime.GOOS == "linux" && c <= 0 {
		t.Errorf("C heap in use: %d, want what glibc says (SQLite's and cgo's allocations at least)", c)
	}
}
