//go:build ci

package main

// noDepthBuffers does nothing under Fyne's test driver, which has no GLFW
// windows (glhints.go).
func noDepthBuffers() {}
