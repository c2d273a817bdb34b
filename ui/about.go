package ui

import (
	"bufio"
	"bytes"
	"fmt"
	"image/color"
	"io/fs"
	"path"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/assets"
	"lupauspaja/buildinfo"
	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
)

// aboutContent is what the About box says: the icon, the name, the version
// from the app's metadata (FyneApp.toml) with the commit it was built from,
// what the app is for, and a button to the licences of what it is made of.
func aboutContent(tr *i18n.Tr, a fyne.App, showLicences func()) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(Icon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	name := widget.NewLabelWithStyle(tr.T("app.name"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	ver := widget.NewLabelWithStyle(versionText(tr, a), fyne.TextAlignCenter, fyne.TextStyle{})
	desc := widget.NewLabelWithStyle(tr.T("about.description"), fyne.TextAlignCenter, fyne.TextStyle{})
	desc.Wrapping = fyne.TextWrapWord
	lic := button.New(tr.T("about.licences"), theme.DocumentIcon(), showLicences)
	return container.NewVBox(container.NewCenter(icon), name, ver, desc, container.NewCenter(lic))
}

// versionText is "Version 0.1.0 · commit 1a2b3c4d", or without the commit
// when the binary does not know it (go run, tests).
func versionText(tr *i18n.Tr, a fyne.App) string {
	version := a.Metadata().Version
	if version == "" {
		version = "dev"
	}
	if c := buildinfo.Commit(); c != "" {
		return tr.T("about.version_commit", map[string]any{"Version": version, "Commit": c})
	}
	return tr.T("about.version", map[string]any{"Version": version})
}

// showAbout shows the About box.
func (u *UI) showAbout() {
	d := newDismissDialog(u.tr.T("about.title"), u.tr.T("app.keys.close"), aboutContent(u.tr, u.app, u.showLicences), u.win, width(460))
	d.Show()
}

// licence is one part of the app and its licence, a row of
// assets/licences/index.tsv.
type licence struct {
	Kind, Name, Version, Licence string
	Systems                      []string
	Text                         string
}

// detail is "Font · OFL-1.1 · fyne.io/fyne/v2@v2.8.1": what kind of part it
// is, its licence and its version.
func (l licence) detail(tr *i18n.Tr) string {
	kind := l.Kind
	if k := "about.licences.kind." + l.Kind; tr.Has(k) {
		kind = tr.T(k)
	}
	return kind + " · " + l.Licence + " · " + l.Version
}

// licences reads the parts linked into the app on system goos (every part
// when the index does not list that system, as for macOS builds), in the
// index's order: Go modules, the Go standard library, C libraries, fonts.
func licences(files fs.FS, goos string) ([]licence, error) {
	index, err := fs.ReadFile(files, "licences/index.tsv")
	if err != nil {
		return nil, err
	}
	var all []licence
	listed := false
	sc := bufio.NewScanner(bytes.NewReader(index))
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("licences/index.tsv line %d: %d fields, want 6", line, len(f))
		}
		text, err := fs.ReadFile(files, path.Join("licences/texts", f[5]))
		if err != nil {
			return nil, err
		}
		l := licence{Kind: f[0], Name: f[1], Version: f[2], Licence: f[3], Systems: strings.Split(f[4], ","), Text: string(text)}
		for _, s := range l.Systems {
			listed = listed || s == goos
		}
		all = append(all, l)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !listed {
		return all, nil
	}
	var on []licence
	for _, l := range all {
		for _, s := range l.Systems {
			if s == goos {
				on = append(on, l)
				break
			}
		}
	}
	return on, nil
}

// licenceColumns is how wide the authors wrap their licence texts: 81
// columns at most, but for the few that keep each paragraph on one line.
const licenceColumns = 81

// licencesView is the licence list: each part with its licence name on the
// left, the chosen one's text on the right, both scrolling.
type licencesView struct {
	tr     *i18n.Tr
	items  []licence
	list   *widget.List
	title  *widget.Label
	detail *widget.Label
	text   *widget.Label
	obj    fyne.CanvasObject
}

func newLicencesView(tr *i18n.Tr, items []licence) *licencesView {
	v := &licencesView{tr: tr, items: items}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.text = widget.NewLabel("")
	v.text.Wrapping = fyne.TextWrapWord
	v.text.Selectable = true
	v.text.SizeName = theme.SizeNameCaptionText
	v.list = widget.NewList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			lic := widget.NewLabel("")
			lic.SizeName = theme.SizeNameCaptionText
			lic.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, lic)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.items) {
				return
			}
			rows := o.(*fyne.Container).Objects
			rows[0].(*widget.Label).SetText(v.items[id].Name)
			rows[1].(*widget.Label).SetText(v.items[id].detail(v.tr))
		})
	v.list.OnSelected = v.show
	intro := widget.NewLabel(tr.T("about.licences.intro", map[string]any{"Count": len(items)}))
	intro.Wrapping = fyne.TextWrapWord
	// The text pane is wide enough for the lines as the authors wrapped
	// them, so they are not broken again short of their end; the list takes
	// the rest (Offset 1: the divider as far right as the pane lets it).
	width := widestLine(items, theme.Size(theme.SizeNameCaptionText)) + 2*theme.InnerPadding() + theme.ScrollBarSize()
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 0))
	textScroll := container.NewStack(spacer, container.NewVScroll(v.text))
	right := container.NewBorder(container.NewVBox(v.title, v.detail), nil, nil, nil, textScroll)
	split := container.NewHSplit(v.list, right)
	split.Offset = 1
	v.obj = container.NewBorder(intro, nil, nil, nil, split)
	if len(items) > 0 {
		v.list.Select(0)
	}
	return v
}

// widestLine is the width, in the window's regular text at size, of the
// widest line of the texts that the authors wrapped (licenceColumns
// characters at most; longer lines are paragraphs, which wrap).
func widestLine(items []licence, size float32) float32 {
	var widest float32
	seen := map[string]bool{}
	for _, l := range items {
		for _, line := range strings.Split(l.Text, "\n") {
			line = strings.TrimRight(line, " \t\r")
			if n := len([]rune(line)); n == 0 || n > licenceColumns || seen[line] {
				continue
			}
			seen[line] = true
			if w := fyne.MeasureText(line, size, fyne.TextStyle{}).Width; w > widest {
				widest = w
			}
		}
	}
	return widest
}

// show puts part id's licence on the right.
func (v *licencesView) show(id widget.ListItemID) {
	if id < 0 || id >= len(v.items) {
		return
	}
	l := v.items[id]
	v.title.SetText(l.Name)
	v.detail.SetText(l.detail(v.tr))
	v.text.SetText(strings.TrimSpace(l.Text))
}

// showLicences shows the licences of what the app is made of, for this system.
func (u *UI) showLicences() {
	items, err := licences(assets.Licences, runtime.GOOS)
	if err != nil {
		// Only a broken build gets here: the files are embedded.
		dialog.ShowError(fmt.Errorf("%s: %w", u.tr.T("about.licences.missing"), err), u.win)
		return
	}
	v := newLicencesView(u.tr, items)
	size := u.win.Canvas().Size()
	d := newDismissDialog(u.tr.T("about.licences.title"), u.tr.T("app.keys.close"), v.obj, u.win, func() fyne.Size {
		return fyne.NewSize(min(960, size.Width*0.92), min(640, size.Height*0.9))
	})
	d.Show()
}
