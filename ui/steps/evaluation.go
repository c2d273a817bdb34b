package steps

import (
	"errors"
	"maps"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// evaluation is step 6: first the dot vote, then the criteria ratings of the
// drafts the dots left standing. Two tabs, so that each has the full height
// for a room of 40.
type evaluation struct {
	dots   *dotVoting
	rating *rating
	tabs   *container.AppTabs
}

func newEvaluation(env *Env) View {
	v := &evaluation{dots: newDotVoting(env), rating: newRating(env)}
	v.tabs = container.NewAppTabs(
		container.NewTabItem(env.T("eval.tab.dots"), v.dots.obj),
		container.NewTabItem(env.T("eval.tab.rating"), v.rating.obj))
	// The rating tab reads the dots (top three when nothing is shortlisted).
	v.tabs.OnSelected = func(*container.TabItem) { v.Refresh() }
	return v
}

func (v *evaluation) Object() fyne.CanvasObject { return v.tabs }

func (v *evaluation) Refresh() {
	v.dots.Refresh()
	v.rating.Refresh()
}

// Flush stores a rating row typed but not yet left.
func (v *evaluation) Flush() { v.rating.flushAll() }

// FocusNew (Ctrl+N) goes to the rating row of the first participant without scores.
func (v *evaluation) FocusNew() {
	v.tabs.SelectIndex(1)
	v.rating.focusFirstEmpty()
}

// dotVoting is the grid of participants × drafts: a tap (or Space) gives a
// dot, a right click, "−" or Delete takes one back.
type dotVoting struct {
	env *Env
	ed  *editor.Editor

	perPerson *widget.Select
	reveal    *widget.Check
	status    *widget.Label
	msg       *widget.Label
	table     *dotTable
	chart     *charts.Bars
	obj       fyne.CanvasObject

	// What the table's callbacks draw, read once per refresh rather than
	// per cell under the editor's lock.
	people []workshop.Participant
	drafts []workshop.Draft
	dots   map[string]int // pairKey → dots
	given  map[string]int // participant → dots given
	totals map[string]int // draft → dots received
	max    int
	lang   string
	mute   bool
}

func newDotVoting(env *Env) *dotVoting {
	d := &dotVoting{env: env, ed: env.Room.Ed}
	opts := make([]string, 10)
	for i := range opts {
		opts[i] = strconv.Itoa(i + 1)
	}
	d.perPerson = widget.NewSelect(opts, d.setPerPerson)
	d.reveal = widget.NewCheck(env.T("eval.dots.reveal"), func(on bool) {
		if !d.mute {
			env.Room.SetVotesRevealed(on)
		}
	})
	d.status = widget.NewLabel("")
	d.status.TextStyle.Bold = true
	d.msg = widget.NewLabel("")
	d.msg.Importance = widget.DangerImportance
	d.msg.Wrapping = fyne.TextWrapWord
	d.msg.Hide()
	help := widget.NewLabel(env.T("eval.dots.help"))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance

	d.table = newDotTable(d)
	d.chart = charts.NewBars(nil)
	top := container.NewVBox(
		// Wrapping rather than a spacer: at 1024 px the reveal switch
		// would otherwise be drawn over the count.
		container.New(layout.NewRowWrapLayout(), widget.NewLabel(env.T("eval.dots.per_person")), d.perPerson, d.status, d.reveal),
		help)
	totals := container.NewBorder(sectionHead(env.T("eval.dots.totals")), nil, nil, nil,
		container.NewVScroll(container.NewPadded(d.chart)))
	// A refusal shows under the grid: appearing and going away, it does not
	// move the rows under the pointer.
	d.obj = container.NewBorder(top, d.msg, nil, nil, container.New(&dotsLayout{t: d.table}, d.table, totals))
	d.Refresh()
	return d
}

func (d *dotVoting) Refresh() {
	// The grid is refreshed only when what it shows changed: a refresh
	// sets and shapes every visible header again (a move to the step, which
	// changes nothing the grid shows, took most of a frame with it).
	same := true
	d.ed.Read(func(s *workshop.Session) {
		same = slices.EqualFunc(d.people, s.Participants, func(a, b workshop.Participant) bool {
			return a.ID == b.ID && a.Name == b.Name
		}) && slices.EqualFunc(d.drafts, s.Drafts, func(a, b workshop.Draft) bool { return a.ID == b.ID })
		d.people = append(d.people[:0], s.Participants...)
		d.drafts = append(d.drafts[:0], s.Drafts...)
		dots := make(map[string]int, len(s.DotVotes))
		given := make(map[string]int, len(s.Participants))
		totals := make(map[string]int, len(s.Drafts))
		total := 0
		for _, v := range s.DotVotes {
			if v.Dots > 0 {
				dots[pairKey(v.ParticipantID, v.DraftID)] = v.Dots
				given[v.ParticipantID] += v.Dots
				totals[v.DraftID] += v.Dots
				total += v.Dots
			}
		}
		same = same && d.dots != nil && maps.Equal(d.dots, dots) && maps.Equal(d.given, given) &&
			maps.Equal(d.totals, totals) && d.max == s.DotsPerParticipant() && d.lang == s.Language
		d.dots, d.given, d.totals = dots, given, totals
		d.max = s.DotsPerParticipant()
		d.lang = s.Language
		setLabel(d.status, d.env.T("eval.dots.status", map[string]int{"Given": total, "All": d.max * (len(s.Participants) + len(s.AnonymousVoters()))}))
		setBars(d.chart, charts.DotBars(s, s.Language))
	})
	d.mute = true
	if n := strconv.Itoa(d.max); d.perPerson.Selected != n {
		if d.max > 10 {
			d.perPerson.Options = append(d.perPerson.Options[:10], n)
		}
		d.perPerson.SetSelected(n)
	}
	d.reveal.SetChecked(d.env.Room.VotesRevealed())
	d.mute = false
	if !same {
		d.table.Refresh()
	}
}

// DotsRefusal says why SetDots refused n dots per participant, in the
// window's language (the setup's field and the dot-voting picker alike);
// nil stays nil.
func DotsRefusal(tr *i18n.Tr, s *workshop.Session, n int, err error) error {
	var se *workshop.SetDotsError
	if !errors.As(err, &se) {
		return err
	}
	if se.Over != "" {
		return &field.Refused{Sentence: tr.T("eval.dots.too_few", map[string]any{
			"Name": s.PersonName(se.Over, "?"), "Given": se.OverGiven, "N": n})}
	}
	return &field.Refused{Sentence: tr.T("setup.dots.invalid", map[string]any{"Max": workshop.MaxDots})}
}

func (d *dotVoting) setPerPerson(v string) {
	if d.mute {
		return
	}
	n, _ := strconv.Atoi(v)
	var refused error
	err := d.ed.Edit(func(s *workshop.Session) error {
		refused = DotsRefusal(d.env.Room.Tr, s, n, s.SetDots(n))
		return nil
	})
	d.show(joinFirst(refused, err))
	d.Refresh()
}

func (d *dotVoting) show(err error) {
	if err == nil {
		d.msg.Hide()
		return
	}
	d.msg.SetText(userMessage(d.env.Room.Tr, err))
	d.msg.Show()
}

// give and take are the grid's two actions; row and col index people and drafts.
func (d *dotVoting) give(row, col int) {
	if row < 0 || row >= len(d.people) || col < 0 || col >= len(d.drafts) {
		return
	}
	pid, did := d.people[row].ID, d.drafts[col].ID
	var refused error
	err := d.ed.Edit(func(s *workshop.Session) error {
		if _, err := s.GiveDot(pid, did); err != nil {
			refused = d.dotsMessage(s, err)
			return nil
		}
		return nil
	})
	d.show(joinFirst(refused, err))
	d.Refresh()
}

func (d *dotVoting) take(row, col int) {
	if row < 0 || row >= len(d.people) || col < 0 || col >= len(d.drafts) {
		return
	}
	pid, did := d.people[row].ID, d.drafts[col].ID
	var refused error
	err := d.ed.Edit(func(s *workshop.Session) error {
		if _, _, err := s.TakeDot(pid, did); err != nil {
			refused = d.dotsMessage(s, err)
		}
		return nil
	})
	d.show(joinFirst(refused, err))
	d.Refresh()
}

func (d *dotVoting) dotsMessage(s *workshop.Session, err error) error {
	var de *workshop.DotsError
	if !errors.As(err, &de) {
		return err
	}
	name := s.PersonName(de.ParticipantID, "?")
	if de.TakeBack {
		return errors.New(d.env.T("eval.dots.none_to_take", map[string]any{"Name": name}))
	}
	return errors.New(d.env.T("eval.dots.none_left", map[string]any{"Name": name, "Max": de.Max}))
}

// dotTable is the vote grid. It adds keys to the table's own arrows and
// Space: + and Enter give, − and Delete take back, at the highlighted cell.
type dotTable struct {
	widget.Table
	d   *dotVoting
	cur widget.TableCellID

	nameW, cellW float32 // the columns' widths set by fit
	cols         int
}

func newDotTable(d *dotVoting) *dotTable {
	t := &dotTable{d: d}
	t.Length = func() (int, int) { return len(d.people), len(d.drafts) }
	t.CreateCell = func() fyne.CanvasObject { return newDotCell(d) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*dotCell).show(id.Row, id.Col)
	}
	t.ShowHeaderRow, t.ShowHeaderColumn = true, true
	t.StickyColumnCount = 0
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		style, importance, text := fyne.TextStyle{}, widget.MediumImportance, ""
		switch {
		case id.Row < 0 && id.Col >= 0 && id.Col < len(d.drafts):
			style.Bold = true
			text = d.env.T("eval.dots.column", map[string]any{
				"Draft": d.env.T("charts.draft.short", map[string]int{"N": id.Col + 1}), "N": d.totals[d.drafts[id.Col].ID]})
		case id.Col < 0 && id.Row >= 0 && id.Row < len(d.people):
			p := d.people[id.Row]
			left := d.max - d.given[p.ID]
			if left <= 0 {
				importance = widget.SuccessImportance
			}
			text = d.env.T("eval.dots.person", map[string]any{"Name": p.Name, "Left": left})
		}
		// Set only what changed: the table updates every visible header on
		// each of its refreshes, and a label set shapes its text again.
		if l.Text == text && l.TextStyle == style && l.Importance == importance {
			return
		}
		l.TextStyle, l.Importance = style, importance
		l.SetText(text)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.cur = id
		t.Unselect(id) // so the next tap on the same cell gives another dot
		d.give(id.Row, id.Col)
	}
	t.OnHighlighted = func(id widget.TableCellID) { t.cur = id }
	t.ExtendBaseWidget(t)
	t.SetColumnWidth(-1, maxNameW)
	return t
}

// The vote grid's widths: the names' column gives up width down to minNameW
// (a long name then ends in "…"), a draft's column is at least minCellW.
const (
	maxNameW   = 280
	minNameW   = 150
	minCellW   = 68
	maxCellW   = 140
	minTotalsW = 260
)

// fit sets the columns' widths for a grid width w and reports the width the
// grid needs.
func (t *dotTable) fit(w float32) float32 {
	n := len(t.d.drafts)
	nameW := float32(minNameW)
	for _, p := range t.d.people {
		for _, left := range []int{0, t.d.max} {
			l := widget.NewLabel(t.d.env.T("eval.dots.person", map[string]any{"Name": p.Name, "Left": left}))
			nameW = fyne.Max(nameW, l.MinSize().Width)
		}
	}
	nameW = fyne.Min(nameW, maxNameW)
	// The scroll bar, and the table's line between columns.
	bar := theme.ScrollBarSize() + 2*theme.Padding() + float32(n+1)*theme.SeparatorThicknessSize()
	if over := nameW + float32(n)*minCellW + bar - w; over > 0 {
		nameW = fyne.Max(minNameW, nameW-over)
	}
	cell := float32(minCellW)
	if n > 0 {
		cell = fyne.Min(maxCellW, fyne.Max(minCellW, (w-nameW-bar)/float32(n)))
	}
	if t.nameW != nameW || t.cellW != cell || t.cols != n {
		t.nameW, t.cellW, t.cols = nameW, cell, n
		t.SetColumnWidth(-1, nameW)
		for i := 0; i < n; i++ {
			t.SetColumnWidth(i, cell)
		}
	}
	return nameW + float32(n)*cell + bar
}

// dotsLayout puts the totals beside the grid when both fit, and under it
// when the drafts' columns need the whole width (up to eight at 1366 px).
type dotsLayout struct{ t *dotTable }

func (l *dotsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	table, totals := objs[0], objs[1]
	n := len(l.t.d.drafts)
	// Beside only while the drafts' columns keep room for their dots and
	// the minus: narrower, the totals go under the grid.
	need := float32(minNameW) + float32(n)*(minCellW+maxCellW)/2 + theme.ScrollBarSize() + 2*theme.Padding()
	if size.Width-need >= minTotalsW {
		// Beside: the grid takes what its columns want, the totals the rest.
		want := float32(maxNameW) + float32(n)*(minCellW+maxCellW)/2 + theme.ScrollBarSize() + 2*theme.Padding()
		tw := fyne.Max(need, fyne.Min(want, size.Width-minTotalsW))
		tw = fyne.Max(fyne.Min(l.t.fit(tw), tw), need)
		table.Move(fyne.NewPos(0, 0))
		table.Resize(fyne.NewSize(tw, size.Height))
		totals.Move(fyne.NewPos(tw+theme.Padding(), 0))
		totals.Resize(fyne.NewSize(size.Width-tw-theme.Padding(), size.Height))
		return
	}
	l.t.fit(size.Width)
	// Under: the grid's rows first, up to 60 % of the height.
	rows := float32(len(l.t.d.people) + 1)
	th := fyne.Min(size.Height*0.6, rows*(widget.NewLabel("").MinSize().Height+theme.Padding()+1)+theme.Padding())
	table.Move(fyne.NewPos(0, 0))
	table.Resize(fyne.NewSize(size.Width, th))
	totals.Move(fyne.NewPos(0, th+theme.Padding()))
	totals.Resize(fyne.NewSize(size.Width, fyne.Max(size.Height-th-theme.Padding(), 0)))
}

func (l *dotsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(minNameW+2*minCellW, objs[0].MinSize().Height+objs[1].MinSize().Height)
}

func (t *dotTable) TypedRune(r rune) {
	switch r {
	case '+':
		t.d.give(t.cur.Row, t.cur.Col)
	case '-':
		t.d.take(t.cur.Row, t.cur.Col)
	}
}

func (t *dotTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		t.d.give(t.cur.Row, t.cur.Col)
	case fyne.KeyDelete, fyne.KeyBackspace:
		t.d.take(t.cur.Row, t.cur.Col)
	default:
		t.Table.TypedKey(e)
	}
}

// dotCell shows one participant's dots on one draft as filled circles
// (a number after five); a right click takes one back.
type dotCell struct {
	widget.BaseWidget
	d        *dotVoting
	row, col int
	n        int
	circles  [3]*canvas.Circle
	content  fyne.CanvasObject
	more     *canvas.Text
	minus    *minusIcon
}

// minusIcon is the small "take a dot back" mark of a cell: an icon rather
// than a button, so that eight drafts' columns fit beside the names.
type minusIcon struct {
	widget.BaseWidget
	icon  *widget.Icon
	onTap func()
}

func newMinusIcon(onTap func()) *minusIcon {
	m := &minusIcon{icon: widget.NewIcon(theme.ContentRemoveIcon()), onTap: onTap}
	m.ExtendBaseWidget(m)
	return m
}

func (m *minusIcon) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(m.icon) }
func (m *minusIcon) Tapped(*fyne.PointEvent)             { m.onTap() }
func (m *minusIcon) MinSize() fyne.Size {
	s := theme.IconInlineSize() * 0.8
	return fyne.NewSize(s, s)
}

func newDotCell(d *dotVoting) *dotCell {
	c := &dotCell{d: d}
	box := container.NewHBox()
	size := theme.TextSize() * 0.9
	for i := range c.circles {
		ci := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
		c.circles[i] = ci
		box.Add(container.NewGridWrap(fyne.NewSize(size, size), ci))
	}
	c.more = canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	c.more.TextStyle.Bold = true
	box.Add(c.more)
	c.minus = newMinusIcon(func() { d.take(c.row, c.col) })
	c.ExtendBaseWidget(c)
	c.content = container.NewBorder(nil, nil, nil, container.NewCenter(c.minus), container.NewCenter(box))
	return c
}

func (c *dotCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

func (c *dotCell) show(row, col int) {
	c.row, c.col = row, col
	c.n = 0
	if row < len(c.d.people) && col < len(c.d.drafts) {
		c.n = c.d.dots[pairKey(c.d.people[row].ID, c.d.drafts[col].ID)]
	}
	shown := c.n
	if shown > len(c.circles) {
		shown = 1
		c.more.Text = "×" + strconv.Itoa(c.n)
	} else {
		c.more.Text = ""
	}
	for i, ci := range c.circles {
		if i < shown {
			ci.Show()
		} else {
			ci.Hide()
		}
	}
	c.more.Refresh()
	if c.n == 0 {
		c.minus.Hide()
	} else {
		c.minus.Show()
	}
}

// TappedSecondary takes a dot back: a right click undoes a click.
func (c *dotCell) TappedSecondary(*fyne.PointEvent) { c.d.take(c.row, c.col) }

// Tapped gives a dot. The cell takes the tap itself because it handles the
// right click: the window hands a click to the topmost tappable object, so
// the table under the cell never sees it. The table gets the focus, so that
// the keys work from the cell clicked.
func (c *dotCell) Tapped(*fyne.PointEvent) {
	t := c.d.table
	if cv := fyne.CurrentApp().Driver().CanvasForObject(t); cv != nil {
		cv.Focus(t)
	}
	t.cur = widget.TableCellID{Row: c.row, Col: c.col} // after the focus, which highlights a cell of its own
	c.d.give(c.row, c.col)
}

// Dots is how many dots the cell shows.
func (c *dotCell) Dots() int { return c.n }

// pairKey is a participant and a draft, as one map key.
func pairKey(participantID, draftID string) string { return participantID + "\x1f" + draftID }
