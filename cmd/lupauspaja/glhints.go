//go:build !ci

package main

import "github.com/go-gl/glfw/v3.4/glfw"

// noDepthBuffers asks that the windows made from now on (the facilitator's
// window when it is first shown, the projector, the room's and the cards'
// windows) have no depth or stencil buffer. Fyne draws with neither (it
// turns the depth test off and clips with the scissor), but GLFW asks for
// 24 depth and 8 stencil bits by default: 4 bytes a pixel beside the
// colour buffers, that is 4 MB for a window of 1366×768 and 8 MB for a
// projector of 1920×1080, held in the app's memory under software GL
// (docs/benchmarks-gui.md). GLFW keeps hints until they are reset and Fyne
// sets none of these two; it must be called on the main thread, after
// Fyne has started GLFW (a window has been made) and before that window
// is shown.
func noDepthBuffers() {
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
}
