// Package projector is the second window the room sees: the current step's
// question, timer, cards and charts, the final promise and the end-of-workshop
// presentation, in large type on a light theme, with nothing private on it.
package projector

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// Pages of the presentation mode.
const (
	pagePromise = iota
	pageWhy
	pageMeasures
	pageNextSteps
	numPages
)

// Projector is the room's view of an open workshop. Its methods must be
// called on the UI goroutine; it follows the session and the room by itself.
type Projector struct {
	app fyne.App
	r   *room.Room
	th  *Theme

	root *fyne.Container // holds the current page; rebuilt on every change
	win  fyne.Window

	onClosed func()
	onShown  func(fyne.Window)
	external bool        // Content was handed out: keep it current even with the window closed
	stale    bool        // a change came while nobody was looking
	pending  atomic.Bool // a rebuild is queued on the UI goroutine
	memo     memo
	now      func() time.Time

	joinMu sync.Mutex
	join   *joinState // the room's join column, nil while the room is closed

	// The drafts' page (steps 5 and 6, when they do not fit one page):
	// pages is what the grid made of it; step is the step it belongs to,
	// so that a step starts on its first page.
	pages    pager
	pageStep string
	// onDraftPage runs when DraftPage changes; told is what it was told last.
	onDraftPage func()
	told        [2]int
	// family is the workshop and its check-ins, loaded when the history
	// page is shown; the open session in it is the editor's, anew each build.
	family []*workshop.Session

	// The timer is updated every second without a rebuild.
	timerText *canvas.Text
	agenda    *workshop.AgendaItem
	stopTick  chan struct{}
	// TickEvery is how often the window redraws a running timer, while it
	// is shown; 0 never (tests, which tick themselves).
	TickEvery time.Duration
}

// New returns the projector of the room; its window opens with Show. The
// app's theme must answer the projector's size and colour names from th
// (Theme.Size, Theme.Color; ui/theme.go does).
func New(a fyne.App, r *room.Room, th *Theme) *Projector {
	p := &Projector{app: a, r: r, th: th, now: time.Now, TickEvery: time.Second}
	p.pages.laidOut = p.draftPageLaidOut
	return p
}

// DraftPage is the page of the drafts the projector shows, from 1, and how
// many pages there are, when steps 5 and 6 show their drafts a page at a
// time; 0, 0 when they do not (they fit one page, another page is shown,
// or the presentation). The facilitator's window shows it and turns the
// pages with TurnPage.
func (p *Projector) DraftPage() (page, pages int) {
	if p.pages.pages < 2 {
		return 0, 0
	}
	return p.pages.shown + 1, p.pages.pages
}

// OnDraftPage sets what runs, on the UI goroutine, when what DraftPage
// reports has changed: a page turned, the drafts came to need more pages
// or fewer, or the projector moved to a page without them.
func (p *Projector) OnDraftPage(fn func()) { p.onDraftPage = fn }

// draftPageLaidOut runs after a layout of the drafts' grid, and after a
// build of a page without one: it tells OnDraftPage's function when the
// page or the count changed.
func (p *Projector) draftPageLaidOut() {
	page, pages := p.DraftPage()
	if [2]int{page, pages} == p.told {
		return
	}
	p.told = [2]int{page, pages}
	if fn := p.onDraftPage; fn != nil {
		// After the layout under way, not in it: the facilitator's
		// header lays itself out again for the control.
		fyne.Do(fn)
	}
}

// Content is the projector's view, for the window and for tests and renders.
func (p *Projector) Content() fyne.CanvasObject {
	p.external = true
	return p.content()
}

func (p *Projector) content() fyne.CanvasObject {
	if p.root == nil {
		p.root = container.New(&scaler{onSize: p.resized})
		// The projector follows the room as long as the room lives; a new
		// session gets a new room and a new projector.
		p.r.Ed.OnChange(p.changed)
		p.r.OnChange(p.changed)
		p.rebuild()
	}
	return p.root
}

// OnShown sets what runs when the projector's window has opened: the
// facilitator's window gives the window its keys and takes the focus back.
func (p *Projector) OnShown(fn func(fyne.Window)) { p.onShown = fn }

// OnClosed sets what runs when the projector window closes, whichever way.
func (p *Projector) OnClosed(fn func()) { p.onClosed = fn }

// Visible reports whether the projector window is open.
func (p *Projector) Visible() bool { return p.win != nil }

// Toggle opens the window when it is closed, and closes it when it is open.
func (p *Projector) Toggle() {
	if p.Visible() {
		p.Close()
	} else {
		p.Show()
	}
}

// Show opens the window: full screen on the second display when there is
// one, otherwise a normal window the facilitator drags to the projector and
// makes full screen with F11.
func (p *Projector) Show() {
	if p.win != nil {
		p.win.RequestFocus()
		return
	}
	w := p.app.NewWindow(p.r.Tr.T("projector.window"))
	p.win = w
	w.SetPadded(false)
	if p.stale {
		p.rebuild()
	}
	w.SetContent(p.content())
	w.Canvas().SetOnTypedKey(p.typedKey)
	w.SetOnClosed(func() {
		if p.win != w {
			return
		}
		p.win = nil
		p.stopTicker()
		if p.onClosed != nil {
			p.onClosed()
		}
	})
	if dw, ok := w.(desktop.Window); ok && p.secondDisplay() {
		dw.RequestFullScreenSecondary()
	} else {
		w.Resize(fyne.NewSize(1280, 720))
	}
	w.Show()
	p.startTicker()
	if p.onShown != nil {
		p.onShown(w)
	}
}

// secondDisplay reports whether a second display is attached. GLFW lists no
// monitors before the app runs, and Fyne 2.8 then indexes an empty list: a
// projector opened that early gets a normal window instead of a panic.
func (p *Projector) secondDisplay() (yes bool) {
	defer func() {
		if recover() != nil {
			yes = false
		}
	}()
	d, ok := p.app.Driver().(desktop.Driver)
	return ok && d.HasSecondaryDisplay()
}

// Close closes the window; the projector can be shown again.
func (p *Projector) Close() {
	if p.win != nil {
		p.win.Close() // runs the OnClosed handler set in Show
	}
}

// Key is one of the projector window's own keys: the keys that do one
// thing, and what it is. The facilitator's F1 help lists them from Keys,
// so that the help and the window cannot tell different things.
type Key struct {
	Names []fyne.KeyName
	Label string // the app's i18n key of what they do
	run   func(p *Projector)
}

// keys are the projector window's own keys, in the order the help lists
// them. F11 is the way to fill the projector when no second display was
// found and the window opened at 1280×720; a presentation clicker sends
// → or Page Down (and ← or Page Up), some Space.
var keys = []Key{
	{Names: []fyne.KeyName{fyne.KeyF11}, Label: "app.keys.proj.fullscreen", run: func(p *Projector) {
		if p.win != nil {
			p.win.SetFullScreen(!p.win.FullScreen())
		}
	}},
	{Names: []fyne.KeyName{fyne.KeyEscape}, Label: "app.keys.proj.leave", run: func(p *Projector) {
		if p.win != nil && p.win.FullScreen() {
			p.win.SetFullScreen(false)
		}
	}},
	{Names: []fyne.KeyName{fyne.KeyRight, fyne.KeyPageDown, fyne.KeyDown, fyne.KeySpace}, Label: "app.keys.proj.next",
		run: func(p *Projector) { p.TurnPage(1) }},
	{Names: []fyne.KeyName{fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp}, Label: "app.keys.proj.prev",
		run: func(p *Projector) { p.TurnPage(-1) }},
}

// Keys lists the projector window's own keys for the help. The window
// takes the facilitator's shortcuts for the room's view too (given with
// OnShown), which the help lists with the facilitator's.
func Keys() []Key { return slices.Clone(keys) }

func (p *Projector) typedKey(ev *fyne.KeyEvent) {
	for _, k := range keys {
		if slices.Contains(k.Names, ev.Name) {
			k.run(p)
			return
		}
	}
}

// TurnPage moves the presentation by delta pages, staying within it; the
// projector window's page keys call it, and so do the facilitator's window's
// Ctrl+Page Down / Ctrl+Page Up and its header's page buttons.
// Without the presentation it turns the drafts' pages of steps 5 and 6,
// when they do not fit one page.
func (p *Projector) TurnPage(delta int) {
	on, page := p.r.Presenting()
	if !on {
		if p.pages.pages > 1 {
			to := min(max(p.pages.shown+delta, 0), p.pages.pages-1)
			if to != p.pages.shown {
				p.pages.page = to
				p.rebuild()
			}
		}
		return
	}
	page += delta
	if page < 0 {
		page = 0
	}
	if page >= numPages {
		page = numPages - 1
	}
	p.r.SetPresenting(true, page)
}

// changed runs on the goroutine of the edit; the rebuild runs on the UI
// goroutine, once for a burst of edits (typing sends one edit a keystroke).
func (p *Projector) changed() {
	if p.pending.Swap(true) {
		return
	}
	fyne.Do(func() {
		p.pending.Store(false)
		p.rebuild()
	})
}

// resized sets the theme's scale from the view's size; it rebuilds the page
// when the scale changed, because texts take their size when created.
func (p *Projector) resized(size fyne.Size) bool {
	if size.Width <= 0 || size.Height <= 0 || p.root == nil {
		return false
	}
	s := size.Height / 1080
	if w := size.Width / 1920; w < s {
		s = w
	}
	if !p.th.setScale(s) {
		return false
	}
	p.rebuild()
	return true
}

// rebuild renders the session and the room's state afresh.
func (p *Projector) rebuild() {
	if p.root == nil {
		return
	}
	if p.win == nil && !p.external {
		p.stale = true // typing goes on while the projector is closed: rebuild on Show
		return
	}
	p.stale = false
	s := p.r.Ed.Snapshot().WithoutHidden() // the room never sees what the facilitator hid
	st := state{
		s:               s,
		lang:            s.Language,
		hidden:          p.r.Hidden(),
		votesRevealed:   p.r.VotesRevealed(),
		ratingsRevealed: p.r.RatingsRevealed(),
		now:             p.now(),
		join:            p.joinNow(),
	}
	st.presenting, st.page = p.r.Presenting()
	if s.CurrentStep != p.pageStep || st.presenting {
		p.pages.page, p.pageStep, p.family = 0, s.CurrentStep, nil
	}
	if s.CurrentStep == workshop.StepHistory && !st.presenting {
		st.family = p.familyOf(s)
	}
	p.pages.pages = 0 // until a grid of drafts is laid out
	p.pages.inBuild = false
	st.pager = &p.pages
	if st.page >= numPages {
		st.page = numPages - 1
	}
	p.memo.begin()
	st.memo = &p.memo
	v := build(&st, p.th)
	p.timerText, p.agenda = v.timer, v.agenda
	p.root.Objects = []fyne.CanvasObject{v.obj}
	p.root.Refresh()
	if !p.pages.inBuild { // no drafts to page: their layout tells it otherwise
		p.draftPageLaidOut()
	}
	p.Retitle()
}

// Retitle names the window in the language the facilitator's window speaks
// now, after a switch of the session's language.
func (p *Projector) Retitle() {
	if p.win != nil {
		if t := p.r.Tr.T("projector.window"); t != p.win.Title() {
			p.win.SetTitle(t)
		}
	}
}

// familyOf is the family of the open session s for the history page: the
// others as stored (loaded once on coming to the page: they do not change
// while this one is open), s as the editor has it now, and nothing the
// facilitator hid. A family that cannot be read is s alone.
func (p *Projector) familyOf(s *workshop.Session) []*workshop.Session {
	if p.family == nil {
		fam, err := p.r.Ed.Store().LoadFamily(p.r.Ed.ID())
		if err != nil || len(fam) == 0 {
			fam = []*workshop.Session{s}
		}
		for i := range fam {
			fam[i] = fam[i].WithoutHidden()
		}
		p.family = fam
	}
	out := append([]*workshop.Session(nil), p.family...)
	for i := range out {
		if out[i].ID == s.ID {
			out[i] = s
		}
	}
	return out
}

// tick updates the time left; it runs every second on the UI goroutine.
func (p *Projector) tick() {
	if p.timerText == nil || p.agenda == nil {
		return
	}
	tm, ok := p.agenda.Timer(p.now())
	if !ok {
		return
	}
	txt, col := tm.Text, timerColor(tm.Phase)
	if txt != p.timerText.Text || col != p.timerText.Color {
		p.timerText.Text, p.timerText.Color = txt, col
		p.timerText.Refresh()
	}
}

func (p *Projector) startTicker() {
	if p.TickEvery <= 0 {
		return
	}
	p.stopTick = make(chan struct{})
	stop := p.stopTick
	go func() {
		t := time.NewTicker(p.TickEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(p.tick)
			}
		}
	}()
}

func (p *Projector) stopTicker() {
	if p.stopTick != nil {
		close(p.stopTick)
		p.stopTick = nil
	}
}
