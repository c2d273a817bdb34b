package ui

import (
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"lupauspaja/ui/projector"
	"lupauspaja/ui/room"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// page is what the middle of the workspace shows: setup, a step, the break
// or the summary.
type page interface {
	Object() fyne.CanvasObject
	Refresh() // the session changed
	Flush()   // save what is being typed
}

// workspace is the open workshop: header with the timer, the step list on
// the left, the page in the middle, participants, private notes and
// warnings on the right.
type workspace struct {
	u    *UI
	ed   *editor.Editor
	room *room.Room
	env  *steps.Env
	proj *projector.Projector
	// phones is the room for the participants' phones, closed until opened.
	phones *phoneRoom
	// cards is the window of the room's cards (held, hidden, merged), closed until opened.
	cards *cardsWindow

	key  string // the page shown
	page page
	// built are the pages made since the workshop opened (or the language
	// changed), by key: going back to a page shows it again, refreshed,
	// instead of making every widget of it anew (docs/benchmarks-gui.md).
	built  map[string]page
	header *header
	nav    *stepList
	side   *sidePanel
	centre *fyne.Container
	obj    fyne.CanvasObject

	undoBar *undoBar
	offer   *rebalanceDialog // the rebalancing offered now, if any

	stopEdits func()
	stopRoom  func()
	stopTick  chan struct{}
	closed    bool
	moving    bool   // a move between pages is being stored (navigate)
	shown     uint64 // the editor's count of changes when navigate last showed a page

	hasCheckins bool // a workshop with check-ins after it has the history page
}

func newWorkspace(u *UI, id int64) (*workspace, error) {
	ed, err := u.lib.Edit(id)
	if err != nil {
		return nil, err
	}
	w := &workspace{u: u, ed: ed, room: room.NewWith(ed, u.typing, u.tr)}
	w.env = &steps.Env{Room: w.room, Win: u.win, ShowError: u.showError, Clock: func() time.Time { return u.now() }}
	if fam, err := ed.Store().Family(id); err == nil && len(fam) > 1 {
		w.hasCheckins = true
	}
	var lang string
	ed.Read(func(s *workshop.Session) { lang, w.key = s.Language, s.CurrentStep })
	if !w.hasPage(w.key) {
		w.key = workshop.StepSetup
	}
	u.speak(lang)
	w.proj = projector.New(u.app, w.room, u.projTheme)
	if u.tickEvery <= 0 {
		w.proj.TickEvery = 0 // tests: no timer redraws of their own
	}
	w.proj.OnShown(func(pw fyne.Window) {
		u.bindProjectorKeys(pw.Canvas())
		// Opening the room's view leaves the keyboard where the facilitator types.
		u.win.RequestFocus()
	})
	w.proj.OnDraftPage(func() {
		if !w.closed && w.header != nil {
			w.header.setDraftPage()
		}
	})
	w.proj.OnClosed(func() {
		w.header.setProjector(false)
		w.header.setDraftPage()
		if !w.closed { // the facilitator closed it, not the app ending
			u.app.Preferences().SetBool(prefProjector, false)
		}
	})
	w.phones = &phoneRoom{w: w}
	w.cards = &cardsWindow{w: w}
	w.build(nil)
	w.stopEdits = ed.OnChange(func() { u.redraw(w.edited) })
	w.room.Undo.OnChange(func() {
		u.redraw(func() {
			if !w.closed {
				w.undoBar.refresh()
			}
		})
	})
	return w, nil
}

// build makes every part in the current language.
func (w *workspace) build(kept map[string]page) {
	w.header = newHeader(w)
	w.nav = newStepList(w)
	w.side = newSidePanel(w)
	w.centre = container.NewStack()
	w.built = kept
	if w.built == nil {
		w.built = map[string]page{}
	}
	w.undoBar = newUndoBar(w)
	w.obj = container.New(&columns{nav: w.nav}, w.header.Object(), w.nav.Object(),
		container.NewBorder(nil, w.undoBar.obj, nil, nil, w.centre), w.side.Object())
	w.showPage()
}

// themeChanged drops the pages kept from earlier visits but the one shown,
// which Fyne redraws in the new colours and sizes itself: the others are
// made again when next shown.
func (w *workspace) themeChanged() {
	if w.closed {
		return
	}
	kept := w.unsavedPages()
	kept[w.key] = w.page
	w.built = kept
	w.side.stepNotes = nil
}

// rebuild makes the workspace again, after a language switch. Pages that
// hold typed text they could not save are kept as they are (in the
// language they were made in) rather than lost.
func (w *workspace) rebuild() {
	w.side.flush()
	w.build(w.unsavedPages())
	w.proj.Retitle()
	w.changed()
}

// unsavedPages saves what is typed in every page made so far and returns
// those that still hold text they could not save (a new card its add
// refused): that text is only in their entries, so such a page is kept
// when the others are made again, and closing still asks about it.
func (w *workspace) unsavedPages() map[string]page {
	kept := map[string]page{}
	for k, p := range w.built {
		w.u.typing.TakeUnsaved()
		p.Flush()
		if w.u.typing.TakeUnsaved() != nil {
			kept[k] = p
		}
	}
	return kept
}

func (w *workspace) Object() fyne.CanvasObject { return w.obj }

// start runs the timer redraw once the workspace is on screen.
func (w *workspace) start() {
	w.updateTitle()
	if w.u.tickEvery <= 0 {
		return
	}
	w.stopTick = make(chan struct{})
	t := time.NewTicker(w.u.tickEvery)
	go func(stop chan struct{}) {
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				w.u.redraw(w.tick)
			}
		}
	}(w.stopTick)
}

func (w *workspace) tick() {
	if w.closed {
		return
	}
	w.header.tick()
	w.nav.tick()
}

func (w *workspace) updateTitle() {
	var org, title string
	w.ed.Read(func(s *workshop.Session) { org, title = s.Organisation, s.Title })
	t := w.u.tr.T("app.name")
	if title != "" {
		t = title + " – " + t
	}
	if org != "" {
		t = org + " · " + t
	}
	w.u.win.SetTitle(t)
}

// edited runs on the editor's change notice: everything is refreshed,
// unless the notice is of a move whose new page already shows it.
func (w *workspace) edited() {
	if w.moving || w.ed.Changes() == w.shown {
		return
	}
	w.changed()
}

// changed refreshes every part after an edit.
func (w *workspace) changed() {
	if w.closed {
		return
	}
	w.header.Refresh()
	w.nav.Refresh()
	w.side.Refresh()
	if w.page != nil {
		w.page.Refresh()
	}
	w.updateTitle()
}

// flush saves what is being typed anywhere in the workspace.
func (w *workspace) flush() {
	if w.page != nil {
		w.page.Flush()
	}
	w.side.flush()
}

// close saves what is pending, stops the timer redraw and closes the projector.
func (w *workspace) close() {
	if w.closed {
		return
	}
	w.flush()
	w.phones.close()
	w.cards.close()
	w.detach()
	if w.proj.Visible() {
		w.proj.Close()
	}
}

// quit saves what is pending once the app's loop has ended. The window is
// gone then (Fyne runs fyne.Do at once, and a window call panics), so the
// workspace stops following edits and the clock first, and only saves.
func (w *workspace) quit() {
	if w.closed {
		return
	}
	w.detach()
	w.flush()
}

// detach stops the redraws: after it no edit or tick reaches the window.
func (w *workspace) detach() {
	w.closed = true
	if w.stopTick != nil {
		close(w.stopTick)
	}
	if w.stopEdits != nil {
		w.stopEdits()
	}
	// The server stops with the workspace, however the app ends.
	w.phones.stop()
}

// edit applies a change and shows the error, if any.
func (w *workspace) edit(fn func(s *workshop.Session) error) bool {
	if err := w.ed.Edit(fn); err != nil {
		w.u.showError(err)
		return false
	}
	return true
}

// pages lists the pages in order; a workshop with check-ins after it has
// the history page.
func (w *workspace) pages() (keys []string) {
	w.ed.Read(func(s *workshop.Session) { keys = s.Pages(w.hasCheckins) })
	return keys
}

func (w *workspace) hasPage(key string) (ok bool) {
	w.ed.Read(func(s *workshop.Session) { ok = s.HasPage(key, w.hasCheckins) })
	return ok
}

// showPage shows the page of w.key in the middle: the one made on an earlier
// visit, refreshed (it may have missed edits meanwhile), or a new one.
func (w *workspace) showPage() {
	if p := w.built[w.key]; p != nil {
		w.page = p
		p.Refresh()
	} else {
		switch w.key {
		case workshop.StepSetup:
			w.page = newSetupPage(w)
		case workshop.StepSummary:
			w.page = newSummaryPage(w)
		case workshop.StepBreak:
			w.page = newBreakPage(w)
		default:
			w.page = newStepPage(w, w.key)
		}
		w.built[w.key] = w.page
	}
	// Only the middle is swapped and laid out: a Refresh of the container
	// would refresh every widget of the page, which the page did itself.
	w.centre.RemoveAll()
	w.centre.Add(w.page.Object())
	canvas.Refresh(w.centre)
	w.side.setStep(w.key)
	w.header.Refresh()
	w.nav.Refresh()
	if w.u.Shown != nil {
		keys := w.pages()
		w.u.shown("page %s %d/%d", w.key, slices.Index(keys, w.key)+1, len(keys))
	}
}

// hasHistory reports whether the promise's history is one of the pages:
// in a check-in, or in a workshop with check-ins after it.
func (w *workspace) hasHistory() bool { return w.hasPage(workshop.StepHistory) }

// goTo shows another page and remembers it in the session; a page that is
// not in the step list (the history of a workshop without check-ins) is
// not gone to, as Next and Previous could not leave it.
func (w *workspace) goTo(key string) {
	if !w.hasPage(key) {
		return
	}
	w.navigate(func(s *workshop.Session, now time.Time) (workshop.Move, error) { return s.GoTo(key, false, now) })
}

// next marks the current step done and goes to the next page.
func (w *workspace) next() {
	if w.turnPage(+1) {
		return
	}
	w.navigate(func(s *workshop.Session, now time.Time) (workshop.Move, error) {
		return s.Step(+1, true, w.hasCheckins, now)
	})
}

// prev goes to the previous page.
func (w *workspace) prev() {
	if w.turnPage(-1) {
		return
	}
	w.navigate(func(s *workshop.Session, now time.Time) (workshop.Move, error) {
		return s.Step(-1, false, w.hasCheckins, now)
	})
}

// navigate moves to another page through a domain operation (which pauses
// or finishes the step left and hands a running timer on), shows the page
// and offers the rebalancing the move calls for.
func (w *workspace) navigate(op func(s *workshop.Session, now time.Time) (workshop.Move, error)) {
	w.flush()
	now := w.u.now()
	var m workshop.Move
	// The page shown next reads the session after the move: the move's own
	// change notice has nothing to add, and refreshing the page it left (or
	// the new one a second time) is what made a move slow.
	w.moving = true
	ok := w.edit(func(s *workshop.Session) error {
		var err error
		m, err = op(s, now)
		return err
	})
	w.moving = false
	if !ok {
		return
	}
	if m.To == w.key {
		w.changed()
		return
	}
	w.key = m.To
	w.showPage()
	w.side.Refresh()
	w.updateTitle()
	w.shown = w.ed.Changes()
	if m.Rebalance != nil {
		w.offerRebalance(*m.Rebalance)
	}
}

// skip marks the current step skipped (or brings it back) and moves on.
func (w *workspace) skip() {
	key := w.key
	skipped := false
	err := w.ed.Edit(func(s *workshop.Session) error {
		var err error
		skipped, err = s.ToggleSkip(key, w.u.now())
		return err
	})
	if errors.As(err, new(*workshop.NotFoundError)) {
		return // a page with no timebox (setup, summary) is not skipped
	}
	if err != nil {
		w.u.showError(err)
		return
	}
	if skipped {
		w.navigate(func(s *workshop.Session, now time.Time) (workshop.Move, error) {
			return s.Step(+1, false, w.hasCheckins, now)
		})
	} else {
		w.changed()
	}
}

// toggleTimer starts or pauses the current step's timer.
func (w *workspace) toggleTimer() {
	w.timer(func(a *workshop.AgendaItem, now time.Time) { a.Toggle(now) })
}

// addMinute gives the current step one more minute.
func (w *workspace) addMinute() {
	w.timer(func(a *workshop.AgendaItem, _ time.Time) { a.AddMinute() })
}

// resetTimer sets the current step's used time back to zero.
func (w *workspace) resetTimer() {
	w.timer(func(a *workshop.AgendaItem, _ time.Time) { a.Reset() })
}

func (w *workspace) timer(fn func(a *workshop.AgendaItem, now time.Time)) {
	key := w.key
	now := w.u.now()
	w.edit(func(s *workshop.Session) error {
		a := s.AgendaItem(key)
		if a == nil {
			return nil
		}
		fn(a, now)
		return nil
	})
}

// focusNew puts the cursor in the current page's "new card" entry.
func (w *workspace) focusNew() {
	if f, ok := w.page.(interface{ FocusNew() }); ok {
		f.FocusNew()
	}
}

// undo takes back the newest entry of the undo stack: a deletion or an
// accepted rebalancing (Ctrl+Z outside a text field, or the undo bar).
func (w *workspace) undo() {
	if _, err := w.room.Undo.Pop(w.ed); err != nil {
		w.u.showError(err)
	}
}

// toggleRoom opens the room for phones, or shows its window when it is open.
func (w *workspace) toggleRoom() { w.phones.toggle() }

// toggleCards opens the window of the room's cards, or brings it to the front.
func (w *workspace) toggleCards() { w.cards.toggle() }

func (w *workspace) toggleProjector() {
	w.proj.Toggle()
	w.header.setProjector(w.proj.Visible())
	w.header.setDraftPage()
	w.u.app.Preferences().SetBool(prefProjector, w.proj.Visible())
	if w.proj.Visible() {
		w.u.shown("projector on")
	} else {
		w.u.shown("projector off")
	}
}

// togglePresenting turns the projector's end-of-workshop presentation on
// (at its first page) or off.
func (w *workspace) togglePresenting() {
	on, _ := w.room.Presenting()
	w.room.SetPresenting(!on, 0)
	w.showRoomView()
}

// toggleBlank blanks the projector to the organisation's name, or shows it again.
func (w *workspace) toggleBlank() {
	w.room.SetHidden(!w.room.Hidden())
	w.showRoomView()
}

func (w *workspace) showRoomView() {
	on, _ := w.room.Presenting()
	w.header.setRoomView(on, w.room.Hidden())
}

// turnProjectorPage turns the projector's page: the drafts' page in steps
// 5 and 6 when they take more than one, the presentation's while it is on
// (Ctrl+Page Down / Ctrl+Page Up, and the header's page buttons).
//
// With the projector closed nothing turns: the drafts' page would move
// where the room does not see it, and open there.
func (w *workspace) turnProjectorPage(delta int) {
	if on, _ := w.room.Presenting(); on || w.proj.Visible() {
		w.proj.TurnPage(delta)
	}
}

// turnPage moves the presentation when it is on; it reports whether it was.
func (w *workspace) turnPage(delta int) bool {
	if on, _ := w.room.Presenting(); !on {
		return false
	}
	w.proj.TurnPage(delta)
	return true
}

// columns lays out the workspace: the header across the top, then the step
// list, the page and the side panel. The side columns take a share of the
// width within limits, so that the page keeps most of a small screen.
type columns struct{ nav *stepList }

// maxStepListW is the widest the step list grows for its names.
const maxStepListW = 300

func sideWidths(width float32) (left, right float32) {
	clamp := func(v, lo, hi float32) float32 { return max(lo, min(hi, v)) }
	return clamp(width*0.17, 190, 280), clamp(width*0.2, 220, 340)
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	head, left, mid, right := objs[0], objs[1], objs[2], objs[3]
	hh := head.MinSize().Height
	head.Move(fyne.NewPos(0, 0))
	head.Resize(fyne.NewSize(size.Width, hh))
	lw, rw := sideWidths(size.Width)
	// The step list is as wide as its longest page name, within limits:
	// "2 Miksi olemme olemassa" is not cut to "2 Miksi olemme olema…".
	if c.nav != nil {
		lw = fyne.Max(lw, fyne.Min(c.nav.need(), maxStepListW))
	}
	h := size.Height - hh
	left.Move(fyne.NewPos(0, hh))
	left.Resize(fyne.NewSize(lw, h))
	mid.Move(fyne.NewPos(lw, hh))
	mid.Resize(fyne.NewSize(size.Width-lw-rw, h))
	right.Move(fyne.NewPos(size.Width-rw, hh))
	right.Resize(fyne.NewSize(rw, h))
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(190+220+400, objs[0].MinSize().Height+400)
}
