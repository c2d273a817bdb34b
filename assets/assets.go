// Package assets holds the files embedded in the app: translations, icon.
package assets

import "embed"

// I18n holds the translations: one folder per part of the UI, each with
// fi.json and en.json (flat maps from key to text).
//
//go:embed i18n
var I18n embed.FS

// IconSVG is the app's icon, the source drawing.
//
//go:embed icon.svg
var IconSVG []byte

// IconPNG is the icon rendered from icon.svg (512×512), for the window and
// for packaging, which need a raster image.
//
//go:embed icon.png
var IconPNG []byte
