//go:build linux && cgo

package main

// #include <malloc.h>
// static long long inUse(void) { struct mallinfo2 m = mallinfo2(); return (long long)(m.uordblks + m.hblkhd); }
import "C"

// trimC hands back to the system what the C side has freed, and returns the
// bytes of the C heap still in use (glibc's mallinfo2: the arenas' chunks
// in use and the blocks mapped on their own). Under software GL (Mesa's
// llvmpipe) every texture, a text's too, is malloc'ed, and glibc keeps
// freed chunks in its arenas unless asked: once Fyne has let go of the
// textures of what left the screen, this returned 15 MB (60 → 45 MB of C
// heap) a minute after the rounds of scripts/memory.sh (docs/benchmarks-gui.md).
func trimC() int64 {
	C.malloc_trim(0)
	return int64(C.inUse())
}
