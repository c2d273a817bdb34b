package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/workshop"
)

// header is the workspace's top bar: where we are, the timer, the projector.
type header struct {
	w       *workspace
	title   *widget.Label
	left    *canvas.Text
	planned *widget.RichText // "/ 30:00", in the time's colour (a label's is the window's)
	plan    *widget.TextSegment
	urgent  *canvas.Rectangle
	play    *button.Button
	plus    *button.Button
	reset   *button.Button
	proj    *button.Button // the toggles: primary while on
	present *button.Button
	blank   *button.Button
	room    *button.Button
	// The projector's page of the drafts, while it shows them a page at a
	// time: "‹ Sivu 2 / 3 ›" beside the projector's button, in the words
	// of the projector's own line, and the buttons that turn it.
	projPage           *fyne.Container
	pageText           *widget.Label
	pagePrev, pageNext *button.Button
	held               *button.Button // the cards waiting for approval, shown while there are any
	timerBox           *fyne.Container
	row                *fyne.Container
	obj                fyne.CanvasObject
	// The buttons that say what they do in words beside their icon, in
	// the order they give up their words when the window is too narrow for
	// all of them (headerRow), and how many of them, from the first, show
	// only their icon (or a number) for now.
	words   []*worded
	bare    int
	scratch *widget.Button     // measures a button's width with its words
	widths  map[string]float32 // those widths, by icon and text
}

// worded is a header button with words beside its icon, and what it shows
// instead in a narrow window: nothing (the icon alone) or a number.
type worded struct {
	b           *button.Button
	full, short string
	shown       func() bool // whether the button is in the header now
}

func newHeader(w *workspace) *header {
	h := &header{w: w}
	h.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.title.SizeName = theme.SizeNameSubHeadingText
	h.title.Truncation = fyne.TextTruncateEllipsis
	h.left = canvas.NewText("--:--", theme.Color(theme.ColorNameForeground))
	h.left.TextSize = theme.Size(sizeTimer)
	// Bold, not monospace: Noto Sans gives its digits one width, so the time
	// does not jiggle as it counts (TestTimeDigitsShareOneWidth), and the
	// window draws in two text styles only (TestOnlyRegularAndBoldText).
	h.left.TextStyle = fyne.TextStyle{Bold: true}
	h.plan = &widget.TextSegment{Style: widget.RichTextStyleInline}
	h.planned = widget.NewRichText(h.plan)
	h.urgent = canvas.NewRectangle(color.Transparent)
	h.urgent.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	h.play = button.New(w.u.tr.T("timer.start"), theme.MediaPlayIcon(), w.toggleTimer)
	h.plus = button.New(w.u.tr.T("timer.plus"), nil, w.addMinute)
	h.reset = button.New("", theme.MediaReplayIcon(), w.resetTimer)
	h.proj = button.New(w.u.tr.T("app.projector.show"), theme.ComputerIcon(), w.toggleProjector)
	h.present = button.New(w.u.tr.T("app.projector.present"), theme.DocumentIcon(), w.togglePresenting)
	h.blank = button.New(w.u.tr.T("app.projector.blank"), theme.VisibilityOffIcon(), w.toggleBlank)
	h.pageText = widget.NewLabel("")
	h.pagePrev = button.New("", theme.NavigateBackIcon(), func() { w.turnProjectorPage(-1) })
	h.pageNext = button.New("", theme.NavigateNextIcon(), func() { w.turnProjectorPage(1) })
	h.projPage = container.NewHBox(container.NewCenter(h.pagePrev), container.NewCenter(h.pageText), container.NewCenter(h.pageNext))
	h.projPage.Hide()
	h.room = button.New(w.u.tr.T("room.header.open"), theme.AccountIcon(), w.toggleRoom)
	h.held = button.New("", theme.WarningIcon(), w.toggleCards)
	h.held.Importance = widget.WarningImportance
	h.held.Hide()
	homeBtn := button.New(w.u.tr.T("app.menu.home"), theme.HomeIcon(), func() { w.u.showHome(true) })
	homeBtn.Importance = widget.LowImportance

	// The time keeps one width as it counts, so the buttons next to it stay put.
	h.left.Alignment = fyne.TextAlignCenter
	wide := fyne.MeasureText("+88:88", h.left.TextSize, h.left.TextStyle)
	timeText := container.NewStack(h.urgent, container.NewPadded(container.NewHBox(
		container.NewGridWrap(wide, h.left), container.NewCenter(h.planned))))
	h.timerBox = container.NewHBox(timeText, container.NewCenter(container.NewHBox(h.play, h.plus, h.reset)))
	right := container.NewHBox(h.timerBox, widget.NewSeparator(), container.NewCenter(h.proj), h.projPage,
		container.NewCenter(h.present), container.NewCenter(h.blank), container.NewCenter(h.room), container.NewCenter(h.held))
	// The way home says its words least of all, the projector's button
	// most: it is the one the facilitator looks for while the room waits.
	always := func() bool { return true }
	h.words = []*worded{
		{b: homeBtn, full: homeBtn.Text, shown: always},
		{b: h.play, full: h.play.Text, shown: h.timerBox.Visible},
		{b: h.blank, full: h.blank.Text, shown: always},
		{b: h.present, full: h.present.Text, shown: always},
		{b: h.room, full: h.room.Text, shown: always},
		{b: h.held, shown: h.held.Visible},
		{b: h.proj, full: h.proj.Text, shown: always},
	}
	for _, w := range h.words {
		w.b.Words = w.full
	}
	home := container.NewCenter(homeBtn)
	h.row = container.New(&headerRow{h: h, home: home, right: right}, home, h.title, right)
	h.obj = container.NewVBox(h.row, widget.NewSeparator())
	if w.phones != nil && w.phones.open() {
		h.setRoom(true)
	}
	// Made again (a language switch) while the projector is on: it says so.
	if w.proj != nil && w.proj.Visible() {
		h.setProjector(true)
	}
	on, _ := w.room.Presenting()
	h.setRoomView(on, w.room.Hidden())
	h.setDraftPage()
	h.Refresh()
	return h
}

func (h *header) Object() fyne.CanvasObject { return h.obj }

// relayout places the objects of c again after one of them was shown,
// hidden or changed its width. c.Refresh() would also refresh every widget
// in it, shaping the title and every button's text again on each move
// between pages.
func relayout(c *fyne.Container) {
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	canvas.Refresh(c)
}

// Refresh shows the session's title and the current step's timer.
func (h *header) Refresh() {
	var org, title string
	var item *workshop.AgendaItem
	held := 0
	h.w.ed.Read(func(s *workshop.Session) {
		org, title = s.Organisation, s.Title
		held = len(s.Pending)
		if a := s.AgendaItem(h.w.key); a != nil {
			c := *a
			item = &c
		}
	})
	t := title
	if org != "" && title != "" {
		t = org + " · " + title
	} else if org != "" {
		t = org
	}
	setText(h.title, t) // the header is refreshed after every edit
	if held > 0 {
		h.say(h.held, h.w.u.tr.T("cards.header.pending", map[string]int{"N": held}), strconv.Itoa(held))
		if !h.held.Visible() {
			h.held.Show()
			relayout(h.row)
		}
	} else if h.held.Visible() {
		h.held.Hide()
		relayout(h.row)
	}
	if item == nil {
		if h.timerBox.Visible() {
			h.timerBox.Hide()
			relayout(h.row)
		}
		return
	}
	if !h.timerBox.Visible() {
		h.timerBox.Show()
		relayout(h.row)
	}
	text, icon := h.w.u.tr.T("timer.start"), theme.MediaPlayIcon()
	if item.Running() {
		text, icon = h.w.u.tr.T("timer.pause"), theme.MediaPauseIcon()
	}
	if !sameResource(h.play.Icon, icon) {
		h.play.Icon = icon
		h.play.Refresh()
	}
	h.say(h.play, text, "")
	if p := "/ " + workshop.ClockText(time.Duration(item.PlannedMin)*time.Minute); p != h.plan.Text {
		h.plan.Text = p
		h.planned.Refresh()
		relayout(h.row) // the width may have changed
	}
	h.show(item)
}

// tick redraws the time left while the timer runs.
func (h *header) tick() {
	var item *workshop.AgendaItem
	h.w.ed.Read(func(s *workshop.Session) {
		if a := s.AgendaItem(h.w.key); a != nil && a.Running() {
			c := *a
			item = &c
		}
	})
	if item != nil {
		h.show(item)
	}
}

func (h *header) show(item *workshop.AgendaItem) {
	tm, _ := item.Timer(h.w.u.now())
	text := tm.Text
	// The planned time beside it is in its colour too: in the window's
	// text colour it read at 1.5:1 on the red and 1.9:1 on the orange.
	ink, bg := theme.ColorNameForeground, color.Color(color.Transparent)
	switch tm.Phase {
	case workshop.TimerNearEnd:
		ink, bg = theme.ColorNameForegroundOnWarning, theme.Color(theme.ColorNameWarning)
	case workshop.TimerOver:
		ink, bg = theme.ColorNameForegroundOnError, theme.Color(theme.ColorNameError)
	}
	fg := theme.Color(ink)
	if h.left.Text != text || h.left.Color != fg {
		h.left.Text, h.left.Color = text, fg
		h.left.Refresh()
	}
	if h.plan.Style.ColorName != ink {
		h.plan.Style.ColorName = ink
		h.planned.Refresh()
	}
	if h.urgent.FillColor != bg {
		h.urgent.FillColor = bg
		h.urgent.Refresh()
	}
}

func (h *header) setProjector(on bool) {
	h.setSwitch(h.proj, on, "app.projector.hide", "app.projector.show")
}

// setSwitch shows a button that switches something on and off: what it does
// now (onKey while on, offKey while off), and high importance while on.
func (h *header) setSwitch(b *button.Button, on bool, onKey, offKey string) {
	if on {
		b.Importance = widget.HighImportance
		h.say(b, h.w.u.tr.T(onKey), "")
	} else {
		b.Importance = widget.MediumImportance
		h.say(b, h.w.u.tr.T(offKey), "")
	}
	b.Refresh()
}

// setDraftPage shows the projector's page of the drafts while its window
// is open and shows them a page at a time, and hides it otherwise; the
// buttons turn no further than the first page and the last.
func (h *header) setDraftPage() {
	page, pages := 0, 0
	if h.w.proj != nil && h.w.proj.Visible() {
		page, pages = h.w.proj.DraftPage()
	}
	if pages < 2 {
		if h.projPage.Visible() {
			h.projPage.Hide()
			relayout(h.row)
		}
		return
	}
	text := h.w.u.tr.T("app.projector.page", map[string]int{"N": page, "Of": pages})
	changed := text != h.pageText.Text
	if changed {
		h.pageText.SetText(text)
	}
	setEnabled(&h.pagePrev.Button, page > 1)
	setEnabled(&h.pageNext.Button, page < pages)
	if !h.projPage.Visible() {
		h.projPage.Show()
		changed = true
	}
	if changed {
		relayout(h.row) // shown, or a wider number
	}
}

// setEnabled enables or disables b, refreshing it only when that changes.
func setEnabled(b *widget.Button, on bool) {
	if on && b.Disabled() {
		b.Enable()
	} else if !on && !b.Disabled() {
		b.Disable()
	}
}

// setRoomView shows whether the projector presents and whether it is blanked.
func (h *header) setRoomView(presenting, hidden bool) {
	imp := func(on bool) widget.Importance {
		if on {
			return widget.HighImportance
		}
		return widget.MediumImportance
	}
	if h.present.Importance != imp(presenting) {
		h.present.Importance = imp(presenting)
		h.present.Refresh()
	}
	text, icon := h.w.u.tr.T("app.projector.blank"), theme.VisibilityOffIcon()
	if hidden {
		text, icon = h.w.u.tr.T("app.projector.unblank"), theme.VisibilityIcon()
	}
	if !sameResource(h.blank.Icon, icon) || h.blank.Importance != imp(hidden) {
		h.blank.Icon = icon
		h.blank.Importance = imp(hidden)
		h.blank.Refresh()
	}
	h.say(h.blank, text, "")
}

// setRoom shows whether the room is open for phones.
func (h *header) setRoom(open bool) {
	h.setSwitch(h.room, open, "room.header.shown", "room.header.open")
}

// say sets what b says in words (full) and in a narrow window (short),
// and shows the one the header has room for now. The header lays itself
// out again when the button's width changes.
func (h *header) say(b *button.Button, full, short string) {
	for i, w := range h.words {
		if w.b != b {
			continue
		}
		w.full, w.short = full, short
		b.Words = full // what assistive technology reads, whatever it shows
		if b.Text != w.text(i < h.bare) {
			b.SetText(w.text(i < h.bare))
			if h.row != nil {
				relayout(h.row)
			}
		}
		return
	}
}

// text is what the button shows: its words, or without them (bare).
func (w *worded) text(bare bool) string {
	if bare {
		return w.short
	}
	return w.full
}

// setBare shows the first n worded buttons without their words, the others
// with them.
func (h *header) setBare(n int) {
	if h.bare == n {
		return
	}
	h.bare = n
	for i, w := range h.words {
		if t := w.text(i < n); w.b.Text != t {
			w.b.SetText(t)
		}
	}
}

// wordsWidth is how much wider the worded buttons from..to-1 that are in
// the header are with their words than without.
func (h *header) wordsWidth(from, to int) float32 {
	var sum float32
	for _, w := range h.words[from:to] {
		if w.shown() {
			sum += h.wordWidth(w)
		}
	}
	return sum
}

// wordWidth is how much wider the button is with its words than without.
func (h *header) wordWidth(w *worded) float32 {
	return h.buttonWidth(w.b.Icon, w.full) - h.buttonWidth(w.b.Icon, w.short)
}

// buttonWidth is the width of a header button with the icon and text.
func (h *header) buttonWidth(icon fyne.Resource, text string) float32 {
	key := text
	if icon != nil {
		key = icon.Name() + "\x00" + text
	}
	if w, ok := h.widths[key]; ok {
		return w
	}
	if h.scratch == nil {
		h.scratch = widget.NewButton("", nil)
		h.widths = map[string]float32{}
	}
	h.scratch.Text, h.scratch.Icon = text, icon
	h.scratch.Refresh()
	w := h.scratch.MinSize().Width
	h.widths[key] = w
	return w
}

// headerRow lays out the header's row: the way home at the start, the
// timer and the projector's and the room's buttons at the end, and the
// session's title between them, cut short with an ellipsis when it is
// long. When the window is too narrow for the buttons' words and some
// of the title, the buttons show their icons only, so that no part of the
// header is drawn over another (a laptop 1280 px wide, the English words,
// the projector's page beside its button).
type headerRow struct {
	h           *header
	home, right fyne.CanvasObject
}

// titleRoom is the least of the title the header keeps before its buttons
// give up their words: a word or two of the organisation's name. The
// buttons' words come first: the facilitator knows the workshop they are in.
const titleRoom = 96

func (l *headerRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h, pad := l.h, theme.Padding()
	// The header's width with every button's words, then without the
	// words of as few buttons as leave the title its room.
	need := l.home.MinSize().Width + l.right.MinSize().Width + 2*pad + titleRoom + h.wordsWidth(0, h.bare)
	bare := 0
	for ; bare < len(h.words) && need > size.Width; bare++ {
		if w := h.words[bare]; w.shown() {
			need -= h.wordWidth(w)
		}
	}
	h.setBare(bare)
	homeW, rightW := l.home.MinSize().Width, l.right.MinSize().Width
	l.home.Move(fyne.NewPos(0, 0))
	l.home.Resize(fyne.NewSize(homeW, size.Height))
	l.right.Move(fyne.NewPos(size.Width-rightW, 0))
	l.right.Resize(fyne.NewSize(rightW, size.Height))
	titleH := h.title.MinSize().Height
	h.title.Move(fyne.NewPos(homeW+pad, (size.Height-titleH)/2))
	h.title.Resize(fyne.NewSize(fyne.Max(0, size.Width-homeW-rightW-2*pad), titleH))
}

// MinSize is the narrow header's: its buttons without their words.
func (l *headerRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h, pad := l.h, theme.Padding()
	right := l.right.MinSize().Width - h.wordsWidth(h.bare, len(h.words))
	height := fyne.Max(fyne.Max(l.home.MinSize().Height, l.right.MinSize().Height), h.title.MinSize().Height)
	// As high without the timer (the setup, the history, the summary) as
	// with it, so that the page does not move between them.
	height = fyne.Max(height, h.timerBox.MinSize().Height)
	return fyne.NewSize(l.home.MinSize().Width+right+2*pad+h.title.MinSize().Width, height)
}
