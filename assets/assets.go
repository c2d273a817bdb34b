// Package assets holds the files embedded in the app: translations, icon,
// fonts. It imports nothing but the standard library, so that the domain
// (the PDF report) and the UI can share the same bytes.
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

// IconWindowPNG is the icon at 64×64 for the window's title bar and task
// bar: the window manager scales it anyway, and decoding the full 512×512
// image would delay the first window.
//
//go:embed icon.64.png
var IconWindowPNG []byte

// The text font of the window and of the PDF report: Noto Sans, the same
// files Fyne bundles, under the SIL Open Font License (fonts/OFL.txt).
// It covers the Latin, Greek and Cyrillic alphabets.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte
	//go:embed fonts/OFL.txt
	FontLicence []byte
)
