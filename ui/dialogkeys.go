package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// A question's controls answer the keyboard as a facilitator expects of a
// dialog: Esc from any of them is its Cancel, Enter presses the focused
// button (Fyne's button answers Space only), and Enter in a field does the
// dialog's main thing. Fyne passes a key to the focused control alone, so
// each control the dialog holds answers Esc itself; with nothing focused
// (after a click on the dialog's text) the window's canvas passes the key
// to dialogKey.

// keyButton is a dialog's button that Enter presses as Space does, and
// that answers Esc with esc.
type keyButton struct {
	widget.Button
	esc func()
}

func newKeyButton(text string, icon fyne.Resource, tapped, esc func()) *keyButton {
	b := &keyButton{esc: esc}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		if b.esc != nil {
			b.esc()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// keyEntry is a dialog's one-line field that answers Esc with esc; Enter
// is its OnSubmitted.
type keyEntry struct {
	widget.Entry
	esc func()
}

func newKeyEntry(esc func()) *keyEntry {
	e := &keyEntry{esc: esc}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.esc != nil {
		e.esc()
		return
	}
	e.Entry.TypedKey(ev)
}

// keySelect is a dialog's choice that answers Esc with esc and Enter with
// enter (its list opens with Space and the arrows, as Fyne's does).
type keySelect struct {
	widget.Select
	esc, enter func()
}

func newKeySelect(options []string, esc, enter func()) *keySelect {
	s := &keySelect{esc: esc, enter: enter}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && s.esc != nil:
		s.esc()
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && s.enter != nil:
		s.enter()
	default:
		s.Select.TypedKey(ev)
	}
}

// keyedDialog is what a dialog over the window does on Esc and Enter when
// none of its controls has the focus; nil: the key does nothing.
type keyedDialog struct {
	esc, enter func()
	overlay    fyne.CanvasObject // the dialog on the canvas
}

// showKeyed shows d over the window, answering keys as k says while it is
// the top one of the window's dialogs, and gives focus the keyboard (nil:
// none).
func (u *UI) showKeyed(d dialog.Dialog, k *keyedDialog, focus fyne.Focusable) {
	u.dialogs = append(u.dialogs, k)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x *keyedDialog) bool { return x == k })
	})
	d.Show()
	k.overlay = u.win.Canvas().Overlays().Top()
	if focus != nil {
		u.win.Canvas().Focus(focus)
	}
}

// dialogKey answers Enter or Esc for the window's top dialog when nothing
// in it has the focus: the error dialog closes on either, as its OK would;
// a question is cancelled on Esc. It reports whether the key was taken; a
// dialog of Fyne's own on top (a file chooser) takes none.
func (u *UI) dialogKey(name fyne.KeyName) bool {
	if len(u.dialogs) == 0 {
		return false
	}
	k := u.dialogs[len(u.dialogs)-1]
	if k.overlay != u.win.Canvas().Overlays().Top() {
		return false
	}
	var do func()
	switch name {
	case fyne.KeyEscape:
		do = k.esc
	case fyne.KeyReturn, fyne.KeyEnter:
		do = k.enter
	}
	if do == nil {
		return false
	}
	do()
	return true
}
