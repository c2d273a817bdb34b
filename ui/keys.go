package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"lupauspaja/ui/button"
	"lupauspaja/workshop"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/projector"
)

// keyAction is one of the facilitator's keyboard shortcuts.
type keyAction struct {
	key   fyne.KeyName
	mod   fyne.KeyModifier
	label string // i18n key of what it does
	shown string // i18n key of how the key is written in the help; "" = from key and mod
	// help: the i18n key of what the help says it does, when the label
	// (the menu's words) says where it works and the help's heading does.
	help string
	run  func(u *UI)
	// inMenu puts the shortcut in the main menu: the menu sees a shortcut
	// before the focused entry does, so it works while the facilitator types.
	// Undo stays out of it so that an entry keeps its own Ctrl+Z.
	inMenu bool
	// onHome: the key works on the home screen (the sessions list);
	// homeOnly: only there.
	onHome, homeOnly bool
	// projector: the key works in the projector's window too, which the
	// facilitator may have clicked last.
	projector bool
	// helpPair: the help writes this key and the next one in one row
	// ("Ctrl+Page Down / Page Up"), saying what they do with this i18n key;
	// the next one has no row of its own. (At 1366×768 the help shows
	// every row without scrolling.)
	helpPair string
	// needs, when set, says whether the open workshop has what the key
	// goes to (the promise's history: check-ins).
	needs func(w *workspace) bool
}

// works reports whether the key does anything on the screen shown.
func (k keyAction) works(u *UI) bool {
	if u.ws == nil {
		return k.onHome
	}
	return !k.homeOnly && (k.needs == nil || k.needs(u.ws))
}

func (k keyAction) shortcut() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k.key, Modifier: k.mod}
}

// driverShortcut is the shortcut Fyne's desktop driver sends for the key:
// Ctrl+Z and Ctrl+Y come as its ShortcutUndo and ShortcutRedo, not as
// custom shortcuts, so a canvas listening for the custom Ctrl+Z alone
// never hears it.
func (k keyAction) driverShortcut() fyne.Shortcut {
	if k.mod == ctrl {
		switch k.key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		}
	}
	return k.shortcut()
}

const ctrl = fyne.KeyModifierShortcutDefault

// keyActions are the workspace's shortcuts, in the order the help lists them.
func keyActions() []keyAction {
	return []keyAction{
		{key: fyne.KeyRight, mod: ctrl, label: "app.keys.next", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.next()
			}
		}},
		{key: fyne.KeyLeft, mod: ctrl, label: "app.keys.prev", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.prev()
			}
		}},
		{key: fyne.KeyT, mod: ctrl, label: "app.keys.timer", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleTimer()
			}
		}},
		{key: fyne.KeyN, mod: ctrl, label: "app.keys.new", inMenu: true, onHome: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.focusNew()
			} else if u.home != nil {
				u.home.newSession()
			}
		}},
		{key: fyne.KeyP, mod: ctrl, label: "app.keys.projector", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleProjector()
			}
		}},
		{key: fyne.KeyP, mod: ctrl | fyne.KeyModifierShift, label: "app.keys.present", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.togglePresenting()
			}
		}},
		// Ctrl with the page keys: Page Down and Page Up alone move the
		// cursor in a text field of several lines, and the menu sees a
		// shortcut before the field does, so these work while typing.
		{key: fyne.KeyPageDown, mod: ctrl, label: "app.keys.projpage.next", helpPair: "app.keys.projpage", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.turnProjectorPage(1)
			}
		}},
		{key: fyne.KeyPageUp, mod: ctrl, label: "app.keys.projpage.prev", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.turnProjectorPage(-1)
			}
		}},
		{key: fyne.KeyB, mod: ctrl, label: "app.keys.blank", inMenu: true, projector: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleBlank()
			}
		}},
		{key: fyne.KeyR, mod: ctrl, label: "room.keys.room", inMenu: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleRoom()
			}
		}},
		{key: fyne.KeyK, mod: ctrl, label: "cards.keys.cards", inMenu: true, run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleCards()
			}
		}},
		{key: fyne.KeyZ, mod: ctrl, label: "app.keys.undo", run: func(u *UI) {
			if u.ws != nil {
				u.ws.undo()
			}
		}},
		{key: fyne.KeyE, mod: ctrl, label: "app.keys.example", help: "app.keys.example.help", inMenu: true, onHome: true, homeOnly: true, run: func(u *UI) {
			if u.home != nil {
				u.home.openExample()
			}
		}},
		{key: fyne.KeyReturn, label: "app.keys.open", shown: "app.keys.open.key", onHome: true, homeOnly: true, run: func(u *UI) {
			if u.home != nil {
				u.home.openSelected()
			}
		}},
		{key: fyne.KeyN, mod: ctrl | fyne.KeyModifierShift, label: "app.keys.checkin", inMenu: true, onHome: true, run: func(u *UI) { u.newCheckin() }},
		{key: fyne.KeyH, mod: ctrl, label: "app.keys.history", inMenu: true, needs: (*workspace).hasHistory, run: func(u *UI) {
			if u.ws != nil {
				u.ws.goTo(workshop.StepHistory)
			}
		}},
		{key: fyne.KeyF1, label: "app.keys.help", onHome: true, run: func(u *UI) { u.toggleHelp() }},
		{key: fyne.KeySpace, label: "app.keys.space", shown: "app.keys.space.key", run: func(u *UI) {
			if u.ws != nil {
				u.ws.toggleTimer()
			}
		}},
	}
}

// runKey runs the shortcut's action unless a dialog is open, so that a key
// pressed while a question is on screen does not act behind it, or the key
// does nothing on the screen shown (its menu entry is greyed out then).
func (u *UI) runKey(k keyAction) {
	if k.key != fyne.KeyF1 && u.win.Canvas().Overlays().Top() != nil && (u.help == nil || !u.help.visible()) {
		return
	}
	if !k.works(u) {
		return
	}
	k.run(u)
}

// bindKeys registers the shortcuts on the canvas (for when nothing has focus)
// and the plain keys F1 and Space.
func (u *UI) bindKeys() {
	c := u.win.Canvas()
	u.addShortcuts(c, false)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		name := ev.Name
		if name == fyne.KeyEnter { // the keypad's
			name = fyne.KeyReturn
		}
		if u.dialogKey(name) {
			return
		}
		for _, k := range keyActions() {
			if k.mod == 0 && k.key == name {
				u.runKey(k)
				return
			}
		}
		if ev.Name == fyne.KeyEscape && u.help != nil && u.help.visible() {
			u.help.hide()
		}
	})
}

// bindProjectorKeys gives the projector's window the facilitator's keys that
// drive the room's view: the steps, the timer, the presentation and the
// blank screen. The projector's own keys (arrows, F11, Esc) stay its own.
func (u *UI) bindProjectorKeys(c fyne.Canvas) { u.addShortcuts(c, true) }

// shortcutAdder is where shortcuts are registered: a window's canvas, or a
// fyne.ShortcutHandler of the tests, which dispatch as the canvas does.
type shortcutAdder interface {
	AddShortcut(fyne.Shortcut, func(fyne.Shortcut))
}

// addShortcuts registers the keys with a modifier (only those the projector
// window takes, when projector), each under the shortcut Fyne's driver
// sends for it.
func (u *UI) addShortcuts(c shortcutAdder, projector bool) {
	for _, k := range keyActions() {
		if k.mod != 0 && (k.projector || !projector) {
			c.AddShortcut(k.driverShortcut(), func(fyne.Shortcut) { u.runKey(k) })
		}
	}
}

// setMenu builds the main menu in the current language.
func (u *UI) setMenu() {
	var items []*fyne.MenuItem
	for _, k := range keyActions() {
		k := k
		if !k.inMenu {
			continue
		}
		it := fyne.NewMenuItem(u.tr.T(k.label), func() { u.runKey(k) })
		it.Shortcut = k.shortcut()
		it.Disabled = !k.works(u)
		items = append(items, it)
	}
	home := fyne.NewMenuItem(u.tr.T("app.menu.home"), func() { u.showHome(true) })
	home.Disabled = u.ws == nil
	work := fyne.NewMenu(u.tr.T("app.menu.workshop"), append([]*fyne.MenuItem{home, fyne.NewMenuItemSeparator()}, items...)...)
	help := fyne.NewMenu(u.tr.T("app.menu.help"),
		fyne.NewMenuItem(u.tr.T("app.keys.help"), u.toggleHelp),
		fyne.NewMenuItem(u.tr.T("about.title"), u.showAbout))
	u.win.SetMainMenu(fyne.NewMainMenu(work, help))
}

// helpOverlay lists the shortcuts over the window.
type helpOverlay struct{ pop *widget.PopUp }

func (h *helpOverlay) visible() bool { return h.pop != nil && h.pop.Visible() }
func (h *helpOverlay) hide() {
	if h.pop != nil {
		h.pop.Hide()
	}
}

// keyText writes a shortcut as the help shows it.
func keyText(tr *i18n.Tr, k keyAction) string {
	if k.shown != "" {
		return tr.T(k.shown)
	}
	s := ""
	if k.mod&ctrl != 0 {
		s = tr.T("app.keys.ctrl") + "+"
	}
	if k.mod&fyne.KeyModifierShift != 0 {
		s += tr.T("app.keys.shift") + "+"
	}
	return s + keyName(tr, k.key)
}

// keyName writes a key as the help shows it: arrows as arrows, the keys
// with a word on them in the UI's language.
func keyName(tr *i18n.Tr, name fyne.KeyName) string {
	switch name {
	case fyne.KeyRight:
		return "→"
	case fyne.KeyLeft:
		return "←"
	case fyne.KeyUp:
		return "↑"
	case fyne.KeyDown:
		return "↓"
	case fyne.KeySpace:
		return tr.T("app.keys.space.key")
	case fyne.KeyEscape:
		return tr.T("app.keys.esc")
	case fyne.KeyPageUp:
		return tr.T("app.keys.pageup")
	case fyne.KeyPageDown:
		return tr.T("app.keys.pagedown")
	case fyne.KeyReturn:
		return tr.T("app.keys.open.key")
	}
	return string(name)
}

// projectorKeyText writes the keys of one of the projector window's
// actions: "→, Page Down, ↓, Väli". (Not "→ / …": Fyne draws a space
// after an arrow as a missing glyph.)
func projectorKeyText(tr *i18n.Tr, k projector.Key) string {
	names := make([]string, len(k.Names))
	for i, n := range k.Names {
		names[i] = keyName(tr, n)
	}
	return strings.Join(names, ", ")
}

// toggleHelp shows or hides the shortcut help: the facilitator's keys,
// and the projector window's own keys under their heading.
func (u *UI) toggleHelp() {
	if u.help == nil {
		u.help = &helpOverlay{}
	}
	if u.help.visible() {
		u.help.hide()
		return
	}
	title := widget.NewLabelWithStyle(u.tr.T("app.keys.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = "subHeadingText"
	closeBtn := button.New(u.tr.T("app.keys.close"), nil, u.help.hide)
	note := widget.NewLabel(u.tr.T("app.keys.note"))
	note.Wrapping = fyne.TextWrapWord
	// The title, the note and Close stay in view; the table scrolls when
	// the window is lower than the table with every key.
	foot := container.NewBorder(nil, nil, nil, container.NewCenter(closeBtn), note)
	win := u.win.Canvas().Size()
	body, table := helpSideBySide(u.tr, win)
	if body == nil {
		body, table = helpStacked(u.tr)
	}
	content := container.NewBorder(title, foot, nil, nil, body)
	u.help.pop = widget.NewModalPopUp(container.NewPadded(content), u.win.Canvas())
	u.help.pop.Resize(helpSize(win, table, title, foot))
	u.help.pop.Show()
}

// helpTable is a table of keys: the key in bold, what it does.
func helpTable(rows [][2]string) *fyne.Container {
	t := container.New(layout.NewFormLayout())
	for _, r := range rows {
		t.Add(widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		t.Add(widget.NewLabel(r[1]))
	}
	return t
}

// facilitatorKeys are the rows of the facilitator's keys; homeOnly picks
// those that work only on the list of workshops, others the rest.
func facilitatorKeys(tr *i18n.Tr, homeOnly bool) [][2]string {
	var rows [][2]string
	ks := keyActions()
	for i, k := range ks {
		if k.homeOnly != homeOnly || i > 0 && ks[i-1].helpPair != "" {
			continue
		}
		if k.helpPair != "" {
			rows = append(rows, [2]string{keyText(tr, k) + " / " + keyName(tr, ks[i+1].key), tr.T(k.helpPair)})
			continue
		}
		does := k.label
		if k.help != "" {
			does = k.help
		}
		rows = append(rows, [2]string{keyText(tr, k), tr.T(does)})
	}
	return rows
}

// projectorKeysSection is the projector window's own keys under their
// heading, and what a clicker sends.
func projectorKeysSection(tr *i18n.Tr) fyne.CanvasObject {
	var rows [][2]string
	for _, k := range projector.Keys() {
		rows = append(rows, [2]string{projectorKeyText(tr, k), tr.T(k.Label)})
	}
	clicker := widget.NewLabel(tr.T("app.keys.proj.clicker"))
	clicker.Importance = widget.LowImportance
	return container.NewVBox(helpHeading(tr.T("app.keys.proj.title")), helpTable(rows), clicker)
}

func helpHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// otherKeys are the keys that work elsewhere than in the workshop: the
// projector window's own, and the list of workshops'.
func otherKeys(tr *i18n.Tr) fyne.CanvasObject {
	return container.NewVBox(projectorKeysSection(tr), widget.NewSeparator(),
		helpHeading(tr.T("app.keys.home.title")), helpTable(facilitatorKeys(tr, true)))
}

// helpSideBySide is the help's body for a window wide enough: the keys
// that work in the workshop on the left (scrolling when the window is too
// low), the other keys beside them, in view without scrolling. It returns
// nil when the window is too narrow for both.
func helpSideBySide(tr *i18n.Tr, win fyne.Size) (fyne.CanvasObject, fyne.Size) {
	main := helpTable(facilitatorKeys(tr, false))
	side := container.NewHBox(widget.NewSeparator(), otherKeys(tr))
	pad := theme.Padding()
	m, s := main.MinSize(), side.MinSize()
	if m.Width+pad+s.Width+8*pad > win.Width {
		return nil, fyne.Size{}
	}
	return container.NewBorder(nil, nil, nil, side, container.NewVScroll(main)),
		fyne.NewSize(m.Width+pad+s.Width, fyne.Max(m.Height, s.Height))
}

// helpStacked is the help's body for a narrow window: the keys that work
// in the workshop, then the others, in one scroll.
func helpStacked(tr *i18n.Tr) (fyne.CanvasObject, fyne.Size) {
	all := container.NewVBox(helpTable(facilitatorKeys(tr, false)), widget.NewSeparator(), otherKeys(tr))
	return container.NewVScroll(all), all.MinSize()
}

// helpSize is the shortcut help's size in a window of the size win: the
// table's whole width and height with the title and the note wrapped at
// that width, within the window less a margin.
func helpSize(win, table fyne.Size, title, foot fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w := fyne.Max(table.Width, title.MinSize().Width) + 4*pad
	if max := win.Width - 4*pad; w > max {
		w = max
	}
	foot.Resize(fyne.NewSize(w-4*pad, foot.MinSize().Height))
	h := title.MinSize().Height + table.Height + foot.MinSize().Height + 6*pad
	if max := win.Height - 4*pad; h > max {
		h = max
	}
	return fyne.NewSize(w, h)
}
