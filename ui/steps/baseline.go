package steps

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/workshop"
)

// baseline is step 1: the existing promise, each participant's rung on the
// promise ladder and answer to "would you buy from us?", and the spread of
// the rungs next to the Finland 2021 figures.
type baseline struct {
	env      *Env
	existing *field.Text
	rows     map[string]*ladderRow
	order    []string
	list     *fyne.Container
	empty    *widget.Label
	chart    *charts.Bars
	summary  *widget.Label
	legend   *widget.Label
	maturity *widget.Label // the method's maturity contrast
	matSrc   *widget.Label // and where it comes from
	obj      fyne.CanvasObject
}

func newBaseline(env *Env) View {
	b := &baseline{env: env, rows: map[string]*ladderRow{}}
	b.existing = field.SessionText(env.Room, true, "existing_promise").SetPlaceHolder(env.T("steps.baseline.existing.placeholder"))
	b.existing.Entry.SetMinRowsVisible(2)

	b.list = container.NewVBox()
	b.empty = widget.NewLabel(env.T("steps.baseline.empty"))
	b.empty.Wrapping = fyne.TextWrapWord
	b.empty.Importance = widget.WarningImportance
	b.empty.Hide()
	b.chart = charts.NewBars(nil)
	b.summary = widget.NewLabel("")
	b.summary.Wrapping = fyne.TextWrapWord
	b.legend = helpLabel("")
	// What the top rung means across the survey: beside the room's own
	// placements, the distance between the beginners and the pioneers.
	b.maturity = widget.NewLabel("")
	b.maturity.Wrapping = fyne.TextWrapWord
	b.matSrc = helpLabel("")

	left := container.NewBorder(
		container.NewVBox(sectionHead(env.T("steps.baseline.votes")), b.empty),
		nil, nil, nil,
		field.NewVScroll(b.list))
	right := field.NewVScroll(newStack(
		sectionHead(env.T("steps.baseline.spread")), b.chart, b.summary, b.legend, b.maturity, b.matSrc))
	split := newSideBySide(0.6, left, right)
	b.obj = container.NewBorder(
		container.NewVBox(sectionHead(env.T("steps.baseline.existing")), b.existing.Object()),
		nil, nil, nil, split)
	b.Refresh()
	return b
}

func (b *baseline) Object() fyne.CanvasObject { return b.obj }

// Flush saves pending typing in every field of the step.
func (b *baseline) Flush() {
	b.existing.Flush()
	for _, r := range b.rows {
		r.fields.Flush()
	}
}

func (b *baseline) Refresh() {
	b.existing.Refresh()
	var ids []string
	var lang string
	var bars []charts.Bar
	var buy [3]int
	voted := 0
	b.env.Room.Ed.Read(func(s *workshop.Session) {
		lang = s.Language
		for _, p := range s.Participants {
			ids = append(ids, p.ID)
		}
		bars = charts.LadderBars(s, lang)
		// The reference is only the per cent here: the legend under the
		// chart says it is Finland 2021, and the short text fits the
		// narrow column beside the votes.
		for i := range bars {
			bars[i].ReferenceText = b.env.T("steps.baseline.reference", map[string]int{"P": workshop.Ladder[i].Finland2021})
		}
		for _, v := range s.Ladder {
			if v.Level > 0 {
				voted++
			}
			switch v.WouldBuy {
			case workshop.BuyYes:
				buy[0]++
			case workshop.BuyMaybe:
				buy[1]++
			case workshop.BuyNo:
				buy[2]++
			}
		}
	})
	setBars(b.chart, bars)
	b.summary.SetText(b.env.T("steps.baseline.summary", map[string]any{
		"Voted": voted, "All": len(ids), "Yes": buy[0], "Maybe": buy[1], "No": buy[2],
	}))
	b.legend.SetText(b.env.T("steps.baseline.legend") + " " + workshop.LadderSource.In(lang))
	b.maturity.SetText(workshop.MaturityContrast.Says.In(lang))
	b.matSrc.SetText(workshop.MaturityContrast.Source.In(lang))
	if len(ids) == 0 {
		b.empty.Show()
	} else {
		b.empty.Hide()
	}

	changed := len(ids) != len(b.order)
	keep := map[string]bool{}
	for i, id := range ids {
		keep[id] = true
		if !changed && b.order[i] != id {
			changed = true
		}
		if r := b.rows[id]; r != nil {
			r.refresh()
		} else {
			b.rows[id] = newLadderRow(b.env, id)
		}
	}
	for id := range b.rows {
		if !keep[id] {
			delete(b.rows, id)
		}
	}
	if changed {
		b.order = ids
		objs := make([]fyne.CanvasObject, 0, 2*len(ids))
		for i, id := range ids {
			if i > 0 {
				objs = append(objs, widget.NewSeparator())
			}
			objs = append(objs, b.rows[id].obj)
		}
		b.list.Objects = objs
		b.list.Refresh()
	}
}

// ladderRow is one participant's vote: rung buttons 1–5, would-you-buy,
// and two free sentences.
type ladderRow struct {
	env    *Env
	pid    string
	name   *widget.Label
	rungs  [5]*button.Button // the chosen rung primary
	buy    *field.Choice
	fields field.Group
	obj    fyne.CanvasObject
}

// findVote is the participant's vote, or an empty one (without adding it).
func findVote(s *workshop.Session, pid string) workshop.LadderVote {
	for _, v := range s.Ladder {
		if v.ParticipantID == pid {
			return v
		}
	}
	return workshop.LadderVote{ParticipantID: pid}
}

func newLadderRow(env *Env, pid string) *ladderRow {
	r := &ladderRow{env: env, pid: pid}
	ed := env.Room.Ed
	var lang string
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	r.name = widget.NewLabel("")
	r.name.TextStyle.Bold = true
	r.name.Truncation = fyne.TextTruncateEllipsis
	for i := range r.rungs {
		level := i + 1
		r.rungs[i] = button.New(strconv.Itoa(level), nil, func() { r.setLevel(level) })
	}
	// A row whose participant was removed in the setup meanwhile stores
	// nothing: no vote without a voter.
	put := func(s *workshop.Session, op func() error) error {
		if s.Participant(pid) == nil {
			return nil
		}
		return op()
	}
	r.buy = field.NewRadio(env.Room.Tr, ed, field.Options(workshop.BuyLabels, lang, workshop.BuyYes, workshop.BuyMaybe, workshop.BuyNo),
		func(s *workshop.Session) string { return findVote(s, pid).WouldBuy },
		func(s *workshop.Session, v string) error {
			return put(s, func() error { _, err := s.SetWouldBuy(pid, v, findVote(s, pid).WhyBuy); return err })
		})
	r.buy.OnError = env.ShowError
	note := field.NewText(env.Room, false,
		func(s *workshop.Session) string { return findVote(s, pid).Note },
		func(s *workshop.Session, v string) error {
			return put(s, func() error { _, err := s.SetLadderNote(pid, v); return err })
		}).SetPlaceHolder(env.T("steps.baseline.note"))
	why := field.NewText(env.Room, true,
		func(s *workshop.Session) string { return findVote(s, pid).WhyBuy },
		func(s *workshop.Session, v string) error {
			return put(s, func() error { _, err := s.SetWouldBuy(pid, findVote(s, pid).WouldBuy, v); return err })
		}).SetPlaceHolder(env.T("steps.baseline.why"))
	why.Entry.SetMinRowsVisible(2)
	r.fields = field.Group{r.buy, note, why}

	rungs := container.NewHBox()
	for _, b := range r.rungs {
		rungs.Add(b)
	}
	// Name and would-buy on the first line, the rung and its note on the
	// second, the honest sentence under them: narrow enough for the middle
	// of the facilitator's window.
	top := container.NewBorder(nil, nil, nil, r.buy.Object(), r.name)
	ladder := container.NewBorder(nil, nil, rungs, nil, note.Object())
	r.obj = container.NewVBox(top, ladder, why.Object())
	r.refresh()
	return r
}

func (r *ladderRow) setLevel(level int) {
	err := r.env.Room.Ed.Edit(func(s *workshop.Session) error {
		if s.Participant(r.pid) == nil {
			return nil
		}
		if findVote(s, r.pid).Level == level {
			level = 0 // tapping the chosen rung again takes the vote back
		}
		_, err := s.SetRung(r.pid, level)
		return err
	})
	if err != nil && r.env.ShowError != nil {
		r.env.ShowError(err)
	}
	r.refresh()
}

// Level is the rung shown as chosen, 0 for none.
func (r *ladderRow) Level() int {
	for i, b := range r.rungs {
		if b.Importance == widget.HighImportance {
			return i + 1
		}
	}
	return 0
}

func (r *ladderRow) refresh() {
	var v workshop.LadderVote
	var label string
	r.env.Room.Ed.Read(func(s *workshop.Session) {
		v = findVote(s, r.pid)
		if p := s.Participant(r.pid); p != nil {
			label = p.Name
		}
	})
	if r.name.Text != label {
		r.name.SetText(label)
	}
	for i, b := range r.rungs {
		imp := widget.MediumImportance
		if v.Level == i+1 {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	r.fields.Refresh()
}
