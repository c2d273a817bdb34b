package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// stepList is the left column: every page with its state, clickable, and
// the agenda's total and expected end under it.
type stepList struct {
	w       *workspace
	list    *pageList
	keys    []string
	rows    []navRow
	total   *widget.Label
	over    *widget.Label // when the step runs over: when the rebalancing will be offered
	end     *widget.Label
	obj     fyne.CanvasObject
	syncing bool
}

// navRow is what one row shows.
type navRow struct {
	text    string
	icon    fyne.Resource // done, current or skipped; nil for none
	current bool
	muted   bool // skipped
}

func newStepList(w *workspace) *stepList {
	l := &stepList{w: w}
	l.list = newPageList(
		func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, lb)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(l.rows) {
				return
			}
			r := l.rows[id]
			row := o.(*fyne.Container)
			lb := row.Objects[0].(*widget.Label)
			if ic := row.Objects[1].(*widget.Icon); !sameResource(ic.Resource, r.icon) {
				ic.SetResource(r.icon)
			}
			imp := widget.MediumImportance
			if r.muted {
				imp = widget.LowImportance
			}
			// The list is refreshed after every edit: a row whose look is
			// unchanged is left alone (shaping a truncated label is costly).
			if lb.Text != r.text || lb.TextStyle.Bold != r.current || lb.Importance != imp {
				lb.TextStyle.Bold = r.current
				lb.Importance = imp
				lb.SetText(r.text)
			}
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		if l.syncing || id >= len(l.keys) {
			return
		}
		w.goTo(l.keys[id])
	}
	l.total = widget.NewLabel("")
	l.total.Wrapping = fyne.TextWrapWord
	l.end = widget.NewLabel("")
	l.end.Wrapping = fyne.TextWrapWord
	l.over = widget.NewLabel("")
	l.over.Wrapping = fyne.TextWrapWord
	l.over.Importance = widget.WarningImportance
	l.over.Hide()
	// The foot measures its wrapping texts at its own width, so that a
	// note of three lines gets three lines' height rather than being cut.
	foot := container.New(&atWidth{}, widget.NewSeparator(), l.over, l.total, l.end)
	l.obj = container.NewBorder(nil, foot, nil, widget.NewSeparator(), l.list)
	l.Refresh()
	return l
}

func (l *stepList) Object() fyne.CanvasObject { return l.obj }

// pageList is the list of pages; Enter opens the page the keyboard is on,
// as Space does (Fyne's list answers Space only). Given the keyboard, it
// highlights the page shown, so that ↑ and ↓ move on from there.
type pageList struct {
	widget.List
	current int // the row of the page shown, -1 for none
}

func newPageList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *pageList {
	l := &pageList{current: -1}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *pageList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: ev.Physical}
	}
	l.List.TypedKey(ev)
}

func (l *pageList) FocusGained() {
	if l.current >= 0 {
		l.Highlight(l.current)
	}
	l.List.FocusGained()
}

// pageTitle is the name of a page in the list and in the page's own title.
func pageTitle(key, lang string) string {
	switch key {
	case workshop.StepSetup:
		return i18n.TIn(lang, "nav.setup")
	case workshop.StepSummary:
		return i18n.TIn(lang, "nav.summary")
	case workshop.StepHistory:
		return i18n.TIn(lang, "checkin.history")
	}
	if st := workshop.StepByKey(key); st != nil {
		return fmt.Sprintf("%d %s", st.No, st.Title.In(lang))
	}
	return workshop.StepTitle(key, lang)
}

// Refresh reads the agenda again.
func (l *stepList) Refresh() {
	l.keys = l.w.pages()
	l.rows = l.rows[:0]
	var lang string
	var total int
	sel := -1
	l.w.ed.Read(func(s *workshop.Session) {
		lang = s.Language
		total = workshop.PlannedTotal(s.Agenda)
		for i, k := range l.keys {
			r := navRow{current: k == l.w.key, text: pageTitle(k, lang)}
			if a := s.AgendaItem(k); a != nil {
				switch {
				case a.Skipped:
					r.muted = true
					r.icon = theme.NewDisabledResource(theme.MediaSkipNextIcon())
				case a.Done:
					r.icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
				}
			}
			if r.current {
				r.icon = theme.NewPrimaryThemedResource(theme.MediaPlayIcon())
				sel = i
			}
			l.rows = append(l.rows, r)
		}
	})
	setText(l.total, l.w.u.tr.T("agenda.total", map[string]any{"Total": minutesText(total)}))
	l.tick()
	l.list.current = sel
	l.syncing = true
	l.list.Refresh()
	if sel >= 0 {
		l.list.Select(sel)
	}
	l.syncing = false
}

// tick updates the expected end, which moves while a timer runs over.
func (l *stepList) tick() {
	var text string
	l.w.ed.Read(func(s *workshop.Session) {
		now := l.w.u.now()
		if workshop.Started(s.Agenda) && workshop.TimeLeft(s.Agenda, now) == 0 {
			return // everything is done: no end to expect
		}
		if end, ok := s.ExpectedEnd(now); ok {
			layout := "15.04" // Finnish writes the time with a dot
			if l.w.u.tr.Language() == "en" {
				layout = "15:04"
			}
			text = l.w.u.tr.T("agenda.ends", map[string]any{"Time": end.Local().Format(layout)})
		}
	})
	if l.end.Text != text {
		l.end.SetText(text)
	}
	l.tickOver()
}

// need is the width at which every page's name fits whole in the list,
// bold as the current page's is.
func (l *stepList) need() float32 {
	var w float32
	for _, r := range l.rows {
		lb := widget.NewLabelWithStyle(r.text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w = fyne.Max(w, lb.MinSize().Width)
	}
	// The icon, the list's and the row's padding, the separator and a scroll bar.
	return w + theme.IconInlineSize() + 4*theme.Padding() + theme.ScrollBarSize()
}

// tickOver says, while the current step runs over, that leaving it offers
// to shorten the steps after it, and that this waits for a whole minute over.
func (l *stepList) tickOver() {
	var text string
	l.w.ed.Read(func(s *workshop.Session) {
		a := s.AgendaItem(l.w.key)
		if a == nil || a.Skipped {
			return
		}
		now := l.w.u.now()
		over := a.Over(now)
		if over <= 0 {
			return
		}
		if plan, ok := workshop.Rebalance(s.Agenda, l.w.key, now); ok {
			text = l.w.u.tr.T("agenda.over.offer", map[string]any{"Minutes": plan.OverMin})
		} else if over < time.Minute {
			text = l.w.u.tr.T("agenda.over.wait", map[string]any{"Seconds": int((time.Minute - over + time.Second - 1) / time.Second)})
		}
	})
	if l.over.Text == text && l.over.Visible() == (text != "") {
		return
	}
	l.over.SetText(text)
	if text == "" {
		l.over.Hide()
	} else {
		l.over.Show()
	}
	// The note takes lines of the foot or gives them back: the list above
	// it is placed again, or the note would be drawn over the total at the
	// height the foot had.
	relayout(l.obj.(*fyne.Container))
}

// atWidth stacks its objects like a VBox, measuring each at the width it
// was last given: a wrapping label's height depends on its width.
type atWidth struct{ w float32 }

func (a *atWidth) heightOf(o fyne.CanvasObject) float32 {
	if a.w > 0 {
		o.Resize(fyne.NewSize(a.w, o.MinSize().Height))
	}
	return o.MinSize().Height
}

func (a *atWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a.w = size.Width
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := a.heightOf(o)
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

func (a *atWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if n > 0 {
			h += theme.Padding()
		}
		n++
		h += a.heightOf(o)
		w = fyne.Max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, h)
}

// sameResource reports whether a and b are the same icon (themed icons are
// made anew on each refresh, so they are compared by name).
func sameResource(a, b fyne.Resource) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || a.Name() == b.Name()
}

// minutesText writes a length of time as "2 h 45 min".
func minutesText(min int) string {
	h, m := min/60, min%60
	var parts []string
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if m > 0 || h == 0 {
		parts = append(parts, fmt.Sprintf("%d min", m))
	}
	return strings.Join(parts, " ")
}
