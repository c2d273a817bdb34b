// Package ui is the facilitator's window: the home screen with the
// workshops, and the open workshop's setup, steps and summary. It talks to
// the workshop only through its editor, so every change is stored as it is
// made and the projector sees the same state.
package ui

import (
	"fmt"
	"log"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/assets"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/projector"
	"lupauspaja/ui/room"
	"lupauspaja/workshop/library"
)

// prefLanguage keeps the UI language of the home screen between runs.
const prefLanguage = "ui.language"

// prefProjector remembers whether the projector was on, so that a workshop
// opened after a restart (or a crash) shows the room what it showed.
const prefProjector = "projector.open"

// UI is the facilitator's window.
type UI struct {
	app fyne.App
	lib *library.Library
	win fyne.Window
	now func() time.Time
	// typing is how the window's inputs save typed text, and what they
	// could not save; every workshop opened in the window shares it.
	typing *room.Typing
	// tr speaks the window's language; the open workshop's room shares it.
	tr *i18n.Tr
	// projTheme is the look of the projector of the open workshop, which the
	// app's theme answers the projector's names from (theme.go).
	projTheme *projector.Theme
	// start starts the desktop's programs (mail, file manager).
	start starter

	home *home
	ws   *workspace // the open workshop, nil on the home screen
	help *helpOverlay

	// tickEvery is how often running timers are redrawn; 0 (tests) means never.
	tickEvery time.Duration
	// closeAnyway: the facilitator chose to close although typed text could not be saved.
	closeAnyway bool
	// closingWS: the open workshop is being closed, after saveTyped has
	// saved what was typed and told what it could not: the refusals of its
	// last flush are not shown again (over the sessions list), only logged.
	closingWS bool
	// ending: the app's loop is ending or has ended (a signal, SaveOnExit):
	// no redraw reaches a window from then on, and errors go to the log only.
	ending atomic.Bool
	// errDialog is the error dialog on screen.
	errDialog dialog.Dialog
	// dialogs are the dialogs over the window that answer Esc and Enter
	// (dialogKey), the newest last.
	dialogs []*keyedDialog

	// Shown, when set, is told on the UI goroutine what the window has just
	// put on screen: "home N" (the sessions list, N rows), "page KEY I/N"
	// (page KEY, the I-th of N), "projector on" and "projector off".
	// scripts/memory.sh waits for these (LUPAUSPAJA_READY, see cmd/lupauspaja).
	Shown func(event string)
}

// Icon is the app's icon.
func Icon() fyne.Resource { return fyne.NewStaticResource("lupauspaja.png", assets.IconPNG) }

// windowIcon is the small icon for the window's title bar.
func windowIcon() fyne.Resource {
	return fyne.NewStaticResource("lupauspaja-64.png", assets.IconWindowPNG)
}

// New builds the window on the sessions of the library. It shows nothing until Show.
func New(a fyne.App, lib *library.Library) *UI {
	u := &UI{app: a, lib: lib, now: time.Now, typing: room.NewTyping(), tickEvery: 500 * time.Millisecond,
		tr: i18n.New(a.Preferences().String(prefLanguage)), start: startCommand, projTheme: projector.NewTheme()}
	a.Settings().SetTheme(newTheme(u.projTheme))
	fonts := loadFonts()
	u.win = a.NewWindow(u.tr.T("app.name"))
	u.win.SetIcon(windowIcon())
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.SetCloseIntercept(u.close)
	// Closing the facilitator's window ends the app, projector and all.
	u.win.SetMaster()
	u.bindKeys()
	if err := i18n.FyneSpeaks(u.tr.Language()); err != nil {
		log.Printf("translations: %v", err)
	}
	<-fonts // before any text is laid out
	u.showHome(false)
	a.Settings().AddListener(func(fyne.Settings) {
		// The light or dark variant, the scale: pages kept from earlier
		// visits are made again in the new look.
		u.redraw(func() {
			if u.ws != nil {
				u.ws.themeChanged()
			}
		})
	})
	return u
}

// SaveOnExit saves what is being typed once the app's loop has ended.
// Closing the window saves on its own, but Fyne also ends the loop itself:
// on SIGINT and SIGTERM (a logout, a shutdown) and from the Quit item it
// adds to the menu, without asking the window. Only saving is done here;
// no window may be touched once the loop is gone (GLFW has shut down: a
// window call panics, and the fields after it would not be saved).
func (u *UI) SaveOnExit() {
	u.ending.Store(true)
	if u.ws != nil {
		u.ws.quit()
	}
}

// Ending tells the window that the app's loop is about to end (runGUI calls
// it on SIGTERM, SIGINT and SIGHUP, as Fyne starts to quit): from then on
// edits are still saved but redraw nothing. Once the loop has ended, Fyne
// runs fyne.Do at once on the caller's goroutine, so an autosave timer
// firing then would reach GLFW after it has shut down, and panic.
func (u *UI) Ending() { u.ending.Store(true) }

// redraw runs fn on the app's loop to redraw after an edit or a tick,
// unless the app is ending. Should the loop end between the check and fn's
// window call, GLFW refuses it with a NotInitialized panic: nothing is left
// to draw, so that one is dropped; any other panic goes on.
func (u *UI) redraw(fn func()) {
	if u.ending.Load() {
		return
	}
	fyne.Do(func() {
		if u.ending.Load() {
			return
		}
		defer func() {
			if r := recover(); r != nil {
				if strings.Contains(fmt.Sprint(r), "NotInitialized") {
					log.Printf("lupauspaja: no redraw, the window is gone: %v", r)
					return
				}
				panic(r)
			}
		}()
		fn()
	})
}

// shown tells Shown, if set, what is now on screen.
func (u *UI) shown(format string, args ...any) {
	if u.Shown != nil {
		u.Shown(fmt.Sprintf(format, args...))
	}
}

// Window is the facilitator's window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window, fills the sessions list once the window is
// up (so that start-up does not wait for the database) and runs the app.
func (u *UI) ShowAndRun() {
	u.Show()
	u.app.Run()
}

// Show shows the window and loads the sessions list in the background.
func (u *UI) Show() {
	u.win.Show()
	if u.home != nil {
		go u.home.loadAsync()
	}
}

// showError shows a sentence the facilitator understands; the detail goes
// to the log. A refusal of what was typed (a rule of the method or of a
// field) is titled as something to check, anything else as an error; both
// in the app's language (Fyne's own error dialog names itself in the
// system's), and Enter or Esc closes it (dialogKey).
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("lupauspaja: %v", err)
	if u.ending.Load() || u.closingWS {
		return
	}
	title, icon := "app.error.title", widget.NewIcon(theme.ErrorIcon())
	if refusal(err) {
		title, icon = "app.error.check.title", widget.NewIcon(theme.WarningIcon())
	}
	body := messageBody(icon, humanError(u.tr, err))
	d := newDismissDialog(u.tr.T(title), u.tr.T("app.ok"), body, u.win, func() fyne.Size { return u.dialogSize(body) })
	u.errDialog = d
	d.SetOnClosed(func() {
		if u.errDialog == d {
			u.errDialog = nil
		}
	})
	u.showKeyed(d, &keyedDialog{esc: d.Hide, enter: d.Hide}, nil)
}

// messageBody is a dialog's message beside its icon, the text wrapping:
// Fyne's own dialogs draw their icon large behind the text, over its words.
func messageBody(icon *widget.Icon, text string) fyne.CanvasObject {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, msg)
}

// dialogSize is the size of a dialog of a message: the width to read it in.
func (u *UI) dialogSize(body fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(min(560, u.win.Canvas().Size().Width-40), body.MinSize().Height)
}

// confirm asks before something that cannot be taken back (danger: the
// confirming button in red), with the question's icon beside the message;
// answer gets whether it was confirmed, once. Esc is no, as Cancel is;
// Enter presses the focused button, which is Cancel when the question is
// of danger (Enter or Space at once loses nothing), the confirming one
// otherwise.
func (u *UI) confirm(title, message, yes, no string, danger bool, answer func(bool)) {
	icon := widget.NewIcon(theme.QuestionIcon())
	if danger {
		icon = widget.NewIcon(theme.WarningIcon())
	}
	body := messageBody(icon, message)
	d := dialog.NewCustomWithoutButtons(title, body, u.win)
	answered := false
	reply := func(yes bool) {
		if answered {
			return
		}
		answered = true
		d.Hide()
		answer(yes)
	}
	cancel := newKeyButton(no, theme.CancelIcon(), func() { reply(false) }, func() { reply(false) })
	ok := newKeyButton(yes, theme.ConfirmIcon(), func() { reply(true) }, func() { reply(false) })
	ok.Importance = widget.HighImportance
	first := ok
	if danger {
		ok.Importance = widget.DangerImportance
		first = cancel
	}
	setButtons(d, func() fyne.Size { return u.dialogSize(body) }, cancel, ok)
	d.SetOnClosed(func() { reply(false) }) // closed some other way: not confirmed
	u.showKeyed(d, &keyedDialog{esc: func() { reply(false) }}, first)
}

// showHome closes the open workshop, if any, and shows the sessions.
//
// The workshop left is selected in the list: Enter opens it again, ↑ and
// ↓ move on from it, the buttons below act on it.
//
// Leaving a workshop (load) saves what is typed in it first, and asks
// before closing it when some of that could not be saved, as closing the
// window does.
func (u *UI) showHome(load bool) {
	var left int64 = -1
	if u.ws != nil {
		if load && !u.saveTyped(func() { u.showHome(load) }) {
			return
		}
		u.closeAnyway = false
		left = u.ws.ed.ID()
		u.closeWorkspace()
	}
	u.win.SetTitle(u.tr.T("app.name"))
	u.home = newHome(u)
	u.win.SetContent(u.home.Object())
	u.setMenu()
	// Keyboard first: typing filters the list at once, Enter opens.
	u.win.Canvas().Focus(u.home.search)
	if load {
		u.home.reload()
		u.home.selectID(left)
	}
}

// open opens a session in the workspace, at the step where it was left.
func (u *UI) open(id int64) error {
	ws, err := newWorkspace(u, id)
	if err != nil {
		return fmt.Errorf("open session %d: %w", id, err)
	}
	if u.ws != nil {
		u.closeWorkspace()
	}
	u.home = nil
	u.ws = ws
	u.win.SetContent(ws.Object())
	u.setMenu()
	ws.start()
	if u.app.Preferences().Bool(prefProjector) && !ws.proj.Visible() {
		ws.toggleProjector()
	}
	return nil
}

// speak makes the window, and Fyne's own dialogs in it, speak l from now
// on, and keeps it for the next start.
func (u *UI) speak(l string) {
	u.tr.SetLanguage(l)
	if err := i18n.FyneSpeaks(u.tr.Language()); err != nil {
		log.Printf("translations: %v", err)
	}
	u.app.Preferences().SetString(prefLanguage, u.tr.Language())
}

// setLanguage switches the UI language and rebuilds what is shown.
func (u *UI) setLanguage(l string) {
	if l == u.tr.Language() {
		return
	}
	u.speak(l)
	if u.ws != nil {
		u.ws.rebuild()
		u.win.SetContent(u.ws.Object())
	} else if u.home != nil {
		q := u.home.search.Text
		u.home = newHome(u)
		u.home.search.SetText(q)
		u.win.SetContent(u.home.Object())
		u.home.reload()
	}
	u.setMenu()
}

// flush saves whatever is being typed.
func (u *UI) flush() {
	if u.ws != nil {
		u.ws.flush()
	}
}

// flushAll saves what is typed in every page of the workspace made so far,
// not only in the one shown: a page left with text it could not save (a
// new card its add refused) keeps that text in its entry, and closing must
// know of it too. The page shown is flushed last, so that its text is the
// one closing tells of.
func (w *workspace) flushAll() {
	keys := make([]string, 0, len(w.built))
	for k, p := range w.built {
		if p != w.page {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.built[k].Flush()
	}
	for _, n := range w.side.stepNotes {
		if n != w.side.notes {
			n.Flush()
		}
	}
	w.flush()
}

// saveTyped saves what is typed anywhere in the open workshop before it is
// closed. When some of it could not be saved, it asks whether to close
// anyway and returns false; closing anyway runs again.
func (u *UI) saveTyped(again func()) bool {
	if u.closeAnyway {
		return true // asked already; closing the workshop saves the rest
	}
	u.typing.TakeUnsaved()
	u.ws.flushAll()
	err := u.typing.TakeUnsaved()
	if err == nil {
		return true
	}
	log.Printf("lupauspaja: closing with text that could not be saved: %v", err)
	u.confirm(u.tr.T("app.unsaved.title"),
		u.tr.T("app.unsaved.body", map[string]string{"Err": humanError(u.tr, err)}),
		u.tr.T("app.unsaved.close"), u.tr.T("app.cancel"), true,
		func(closeAnyway bool) {
			if closeAnyway {
				// The question said why: a refusal shown under it goes with it.
				if u.errDialog != nil {
					u.errDialog.Hide()
				}
				u.closeAnyway = true
				again()
			}
		})
	return false
}

// close is the window's close intercept: save what is pending (asking
// first when some of it cannot be saved), close the projector, then close.
func (u *UI) close() {
	if u.ws != nil {
		if !u.saveTyped(u.close) {
			return
		}
		u.closeWorkspace()
	}
	u.win.Close()
}

// closeWorkspace closes the open workshop once saveTyped has saved what
// was typed in it.
func (u *UI) closeWorkspace() {
	u.closingWS = true
	defer func() { u.closingWS = false }()
	u.ws.close()
	u.ws = nil
}
