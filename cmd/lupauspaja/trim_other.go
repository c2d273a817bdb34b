//go:build !linux || !cgo

package main

// trimC has nothing to do: only glibc's malloc is asked here.
func trimC() {}
