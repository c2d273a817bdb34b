package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/checkin"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// stepPage is a step of the method: its title and questions large, the
// step's input from package steps, and the way on.
type stepPage struct {
	w    *workspace
	key  string
	view steps.View
	skip *button.Button
	obj  fyne.CanvasObject

	// Once the step's timer has run, the questions shrink to one line of
	// ordinary text and the hint goes: the room reads them full size on
	// the projector, and the facilitator's inputs get the height.
	questions []*widget.Label
	hint      *widget.Label
	compact   bool
}

func newStepPage(w *workspace, key string) *stepPage {
	p := &stepPage{w: w, key: key}
	lang := w.u.tr.Language()
	st := workshop.StepByKey(key)

	title := widget.NewLabelWithStyle(pageTitle(key, lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Importance = widget.HighImportance
	top := container.NewVBox(title)
	if st != nil {
		for _, q := range st.Questions {
			l := widget.NewLabel(q.In(lang))
			l.SizeName = sizeQuestion
			l.Wrapping = fyne.TextWrapWord
			p.questions = append(p.questions, l)
			top.Add(l)
		}
		if h := st.Hint.In(lang); h != "" {
			l := widget.NewLabel(h)
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.LowImportance
			p.hint = l
			top.Add(l)
		}
	}
	top.Add(widget.NewSeparator())

	var body fyne.CanvasObject
	if p.view = steps.New(key, w.env); p.view == nil {
		p.view = checkin.New(key, w.env)
	}
	if p.view != nil {
		body = p.view.Object()
	} else {
		msg := widget.NewLabel(w.u.tr.T("step.coming"))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.LowImportance
		body = container.NewCenter(msg)
	}
	sl := &stepLayout{questions: top}
	p.obj = container.NewPadded(container.New(sl, container.NewVScroll(top), body, navButtons(w, p)))
	p.Refresh()
	return p
}

// navButtons are Previous, Skip and Next under a step.
func navButtons(w *workspace, p *stepPage) fyne.CanvasObject {
	prev := button.New(w.u.tr.T("step.prev"), theme.NavigateBackIcon(), w.prev)
	next := button.Primary(w.u.tr.T("step.next"), theme.NavigateNextIcon(), w.next)
	next.IconPlacement = widget.ButtonIconTrailingText
	row := container.NewHBox(prev, layout.NewSpacer())
	if p != nil {
		p.skip = button.New(w.u.tr.T("step.skip"), theme.MediaSkipNextIcon(), w.skip)
		p.skip.Importance = widget.LowImportance
		row.Add(p.skip)
	}
	row.Add(next)
	return row
}

func (p *stepPage) Object() fyne.CanvasObject { return p.obj }

func (p *stepPage) Refresh() {
	if p.view != nil {
		p.view.Refresh()
	}
	skipped, running, timeboxed := false, false, false
	p.w.ed.Read(func(s *workshop.Session) {
		if a := s.AgendaItem(p.key); a != nil {
			skipped, timeboxed = a.Skipped, true
			running = a.RunningSince != "" || a.UsedSec > 0
		}
	})
	p.setCompact(running)
	// Skip marks the agenda's item skipped: a page with none (the
	// promise's history, a step left out of the agenda) has nothing to skip.
	if timeboxed != p.skip.Visible() {
		if timeboxed {
			p.skip.Show()
		} else {
			p.skip.Hide()
		}
	}
	text := p.w.u.tr.T("step.skip")
	if skipped {
		text = p.w.u.tr.T("step.unskip")
	}
	if p.skip.Text != text {
		p.skip.SetText(text)
	}
}

// setCompact sets the questions in ordinary text, one after the other,
// without the hint (on), or large with the hint (off).
func (p *stepPage) setCompact(on bool) {
	if on == p.compact || len(p.questions) == 0 {
		return
	}
	p.compact = on
	size := fyne.ThemeSizeName(sizeQuestion)
	if on {
		size = theme.SizeNameText
	}
	// Compact, the first label holds every question; the others hide.
	var all []string
	for _, q := range workshop.StepByKey(p.key).Questions {
		all = append(all, q.In(p.w.u.tr.Language()))
	}
	for i, l := range p.questions {
		l.SizeName = size
		l.TextStyle.Bold = on
		switch {
		case i == 0 && on:
			l.Text = strings.Join(all, " ")
		case i < len(all):
			l.Text = all[i]
		}
		// Step 9's three questions head its three columns already.
		if (i > 0 || p.key == workshop.StepNextSteps) && on {
			l.Hide()
		} else {
			l.Show()
		}
		l.Refresh()
	}
	if p.hint != nil {
		if on {
			p.hint.Hide()
		} else {
			p.hint.Show()
		}
	}
}

// Flush saves what the step's view has pending.
func (p *stepPage) Flush() {
	if p.view != nil {
		p.view.Flush()
	}
}

// FocusNew passes Ctrl+N to the step's view.
func (p *stepPage) FocusNew() {
	if f, ok := p.view.(steps.NewFocuser); ok {
		f.FocusNew()
	}
}

// breakPage is the break: the time left is in the header; the page says
// when the room continues.
type breakPage struct {
	w    *workspace
	msg  *widget.Label
	obj  fyne.CanvasObject
	skip *button.Button
}

func newBreakPage(w *workspace) *breakPage {
	p := &breakPage{w: w}
	title := widget.NewLabelWithStyle(workshop.StepTitle(workshop.StepBreak, w.u.tr.Language()), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = sizeQuestion
	p.msg = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.msg.Wrapping = fyne.TextWrapWord
	p.obj = container.NewPadded(container.NewBorder(nil, navButtons(w, nil), nil, nil,
		container.New(&midWidth{}, container.NewVBox(title, p.msg))))
	p.Refresh()
	return p
}

func (p *breakPage) Object() fyne.CanvasObject { return p.obj }
func (p *breakPage) Flush()                    {}
func (p *breakPage) Refresh() {
	var planned int
	p.w.ed.Read(func(s *workshop.Session) {
		if a := s.AgendaItem(workshop.StepBreak); a != nil {
			planned = a.PlannedMin
		}
	})
	p.msg.SetText(p.w.u.tr.T("break.message", map[string]any{"Minutes": planned}))
}

// stepLayout stacks the questions, the step's input and the buttons. On a
// low window (1024×640) the questions give up height to the input and
// scroll, rather than the input being drawn over the buttons.
type stepLayout struct {
	questions fyne.CanvasObject // the content of the scroll holding the questions
}

// minQuestions is the share of the height the questions keep at least.
const minQuestions = 0.25

func (l *stepLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top, body, nav := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	navH := nav.MinSize().Height
	avail := size.Height - navH - 2*pad
	topH := l.questions.MinSize().Height
	if room := avail - body.MinSize().Height; topH > room {
		topH = fyne.Max(room, avail*minQuestions)
	}
	topH = fyne.Min(topH, avail)
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, topH))
	body.Move(fyne.NewPos(0, topH+pad))
	body.Resize(fyne.NewSize(size.Width, fyne.Max(avail-topH, 0)))
	nav.Move(fyne.NewPos(0, size.Height-navH))
	nav.Resize(fyne.NewSize(size.Width, navH))
}

func (l *stepLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	body, nav := objs[1].MinSize(), objs[2].MinSize()
	w := fyne.Max(fyne.Max(body.Width, nav.Width), l.questions.MinSize().Width)
	return fyne.NewSize(w, body.Height+nav.Height+2*theme.Padding())
}

// midWidth centres its content in the height and gives it the whole width:
// a wrapping message in a plain centre layout shrinks to a column of one
// word a line.
type midWidth struct{}

func (midWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height)) // wrap at the width first
		h := fyne.Min(o.MinSize().Height, size.Height)
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
		o.Resize(fyne.NewSize(size.Width, h))
	}
}

func (midWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
