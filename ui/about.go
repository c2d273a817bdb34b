package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
)

// aboutContent is what the About box says: the icon, the name, the version
// from the app's metadata (FyneApp.toml) and what the app is for.
func aboutContent(a fyne.App) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(Icon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	name := widget.NewLabelWithStyle(i18n.T("app.name"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	version := a.Metadata().Version
	if version == "" {
		version = "dev"
	}
	ver := widget.NewLabelWithStyle(i18n.T("about.version", map[string]any{"Version": version}), fyne.TextAlignCenter, fyne.TextStyle{})
	desc := widget.NewLabelWithStyle(i18n.T("about.description"), fyne.TextAlignCenter, fyne.TextStyle{})
	desc.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewCenter(icon), name, ver, desc)
}

// showAbout shows the About box.
func (u *UI) showAbout() {
	d := dialog.NewCustom(i18n.T("about.title"), i18n.T("app.keys.close"), aboutContent(u.app), u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}
