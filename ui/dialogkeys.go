package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
)

// A question's controls answer the keyboard as a facilitator expects of a
// dialog: Esc from any of them is its Cancel, Enter presses the focused
// button (Fyne's button answers Space only), and Enter in a field does the
// dialog's main thing. Fyne passes a key to the focused control alone, so
// each control the dialog holds answers Esc itself; with nothing focused
// (after a click on the dialog's text) the window's canvas passes the key
// to dialogKey, or in the room's and the cards' windows to dialogKeyIn.

// keyButton is a dialog's button that Enter presses as Space does, and
// that answers Esc with esc; its focus is a ring (button.Button).
type keyButton struct {
	button.Button
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

// setButtons gives a dialog its row of buttons at the size size says
// (called before and after, as a wrapped text's height changes with the
// width it is laid out at). SetButtons lays the dialog out at once, at the
// size it has then: unsized, the wrapped texts were measured at no width,
// a word a line, and the dialog kept that height, a gap under its text.
func setButtons(d *dialog.CustomDialog, size func() fyne.Size, buttons ...fyne.CanvasObject) {
	d.Resize(size())
	d.SetButtons(buttons)
	d.Resize(size())
}

// newDismissDialog is dialog.NewCustom with the app's button (its focus a
// ring, button.Button) as its one button, dismiss, instead of Fyne's plain
// one; Enter and Esc on it close the dialog too. It is sized by size, as
// setButtons does.
func newDismissDialog(title, dismiss string, content fyne.CanvasObject, parent fyne.Window, size func() fyne.Size) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, parent)
	setButtons(d, size, newKeyButton(dismiss, nil, d.Hide, d.Hide))
	return d
}

// width is a size function for setButtons: w wide, as tall as the dialog needs.
func width(w float32) func() fyne.Size { return func() fyne.Size { return fyne.NewSize(w, 0) } }

// keyedDialog is what a dialog over a window does on Esc and Enter when
// none of its controls has the focus; nil: the key does nothing.
type keyedDialog struct {
	esc, enter func()
	win        fyne.Window       // the window it is over
	overlay    fyne.CanvasObject // the dialog on the window's canvas
}

// showKeyed shows d over the main window, answering keys as k says while
// it is the top one of the window's dialogs, and gives focus the keyboard
// (nil: none).
func (u *UI) showKeyed(d dialog.Dialog, k *keyedDialog, focus fyne.Focusable) {
	u.showKeyedIn(u.win, d, k, focus)
}

// showKeyedIn is showKeyed over another of the app's windows (the room's,
// the cards'), one whose canvas passes its keys to dialogKeyIn
// (bindDialogKeys).
func (u *UI) showKeyedIn(win fyne.Window, d dialog.Dialog, k *keyedDialog, focus fyne.Focusable) {
	k.win = win
	u.dialogs = append(u.dialogs, k)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x *keyedDialog) bool { return x == k })
	})
	d.Show()
	k.overlay = win.Canvas().Overlays().Top()
	if focus != nil {
		win.Canvas().Focus(focus)
	}
}

// dialogKey answers Enter or Esc for the main window's top dialog when
// nothing in it has the focus: the error dialog closes on either, as its
// OK would; a question is cancelled on Esc. It reports whether the key was
// taken; a dialog of Fyne's own on top (a file chooser) takes none.
func (u *UI) dialogKey(name fyne.KeyName) bool { return u.dialogKeyIn(u.win, name) }

// dialogKeyIn is dialogKey for the dialogs over win.
func (u *UI) dialogKeyIn(win fyne.Window, name fyne.KeyName) bool {
	var k *keyedDialog
	for i := len(u.dialogs) - 1; i >= 0 && k == nil; i-- {
		if u.dialogs[i].win == win {
			k = u.dialogs[i]
		}
	}
	if k == nil || k.overlay != win.Canvas().Overlays().Top() {
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

// bindDialogKeys makes a window of the app's other than the main one pass
// the keys that reach its canvas (nothing in it focused) to its dialogs, and
// forgets its dialogs when it closes (a dialog open then is not closed).
// The window has no keys of its own: without a dialog, Esc and Enter do
// nothing there, as in the main window.
func (u *UI) bindDialogKeys(win fyne.Window) {
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { u.dialogKeyIn(win, ev.Name) })
}

// forgetDialogs drops the dialogs of a window that has closed.
func (u *UI) forgetDialogs(win fyne.Window) {
	u.dialogs = slices.DeleteFunc(u.dialogs, func(k *keyedDialog) bool { return k.win == win })
}
