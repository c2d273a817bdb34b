//go:build linux && cgo

package main

// #include <malloc.h>
import "C"

// trimC hands back to the system what the C side has freed. Under software
// GL (Mesa's llvmpipe) every texture, a text's too, is malloc'ed, and glibc
// keeps freed chunks in its arenas unless asked: once Fyne has let go of the
// textures of what left the screen, this returned 15 MB (60 → 45 MB of C
// heap) a minute after the rounds of scripts/memory.sh (docs/benchmarks-gui.md).
func trimC() { C.malloc_trim(0) }
