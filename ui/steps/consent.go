package steps

import (
	"errors"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// consentRound is the fist-of-five of step 7: a row of 0–5 buttons per
// participant; whoever shows fewer than three is asked for a concern, which
// goes among the open concerns; a new round clears the fingers once the
// wording is revised.
type consentRound struct {
	env *Env
	ed  *editor.Editor

	round   *widget.Label
	result  *widget.Label
	chart   *charts.Bars
	rows    *fyne.Container
	persons personRows[*consentRow]
	msg     *widget.Label

	quick      *widget.Entry // the whole room's fingers as one row of digits
	concerns   *fyne.Container
	newConcern *widget.Entry
	obj        fyne.CanvasObject
}

// Flush saves the concerns being typed, and adds an open concern typed in
// its new entry as Enter would; one it refuses stays in the entry and is
// reported to the room's Typing, so that closing asks before it is lost.
func (c *consentRound) Flush() {
	for _, row := range c.persons.by {
		if row.concern != nil {
			row.concern.Flush()
		}
	}
	if strings.TrimSpace(c.newConcern.Text) == "" {
		return
	}
	if err := c.addTypedConcern(); err != nil && c.env.Room.Typing != nil {
		c.env.Room.Typing.NoteUnsaved(err)
	}
}

type consentRow struct {
	name    *widget.Label
	buttons [6]*button.Button // the chosen count primary (danger under the threshold)
	concern *field.Text
	box     *fyne.Container // holds the concern entry while it is asked for
	obj     fyne.CanvasObject
}

func newConsentRound(env *Env) *consentRound {
	c := &consentRound{env: env, ed: env.Room.Ed}
	c.round = sectionHead("")
	c.result = widget.NewLabel("")
	c.result.TextStyle.Bold = true
	c.result.Wrapping = fyne.TextWrapWord
	c.chart = charts.NewBars(nil)
	c.rows = container.NewVBox()
	c.msg = messageLabel()
	c.concerns = container.NewVBox()
	c.newConcern = widget.NewEntry()
	c.newConcern.SetPlaceHolder(env.T("decision.concerns.new"))
	c.newConcern.OnSubmitted = func(string) { c.addConcern() }
	newRound := button.New(env.T("decision.consent.new_round"), theme.ViewRefreshIcon(), c.newRound)

	c.quick = widget.NewEntry()
	c.quick.SetPlaceHolder(env.T("decision.consent.quick"))
	c.quick.OnSubmitted = func(string) { c.enterRow() }
	left := container.NewVBox(helpLabel(env.T("decision.consent.help")), c.quick, c.msg, c.rows)
	right := container.NewVBox(c.result, c.chart, newRound,
		sectionHead(env.T("decision.concerns")), c.concerns,
		container.NewBorder(nil, nil, nil,
			button.New("", theme.ContentAddIcon(), c.addConcern), c.newConcern))
	split := container.NewHSplit(field.NewVScroll(left), field.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.55
	c.obj = container.NewBorder(c.round, nil, nil, nil, split)
	c.Refresh()
	return c
}

func (c *consentRound) Refresh() {
	var people []workshop.Participant
	c.ed.Read(func(s *workshop.Session) { people = append(people, s.Participants...) })
	if objs, changed := c.persons.sync(people, c.newRow, func(r *consentRow) fyne.CanvasObject { return r.obj }); changed {
		if len(objs) == 0 {
			objs = append(objs, helpLabel(c.env.T("decision.consent.nobody")))
		}
		c.rows.Objects = objs
		c.rows.Refresh()
	}
	// Read first, then change widgets: a field's Refresh reads the session
	// itself, and the editor's lock is not re-entrant.
	var concerns []string
	fingers := map[string]int{}
	names := map[string]string{}
	var round int
	var cs workshop.ConsentSummary
	var data map[string]any
	var bars []charts.Bar
	c.ed.Read(func(s *workshop.Session) {
		round = s.Decision.ConsentRound
		for _, p := range s.Participants {
			names[p.ID] = p.Name
			fingers[p.ID] = -1
			if v := s.ConsentOf(p.ID); v != nil {
				fingers[p.ID] = v.Fingers
			}
		}
		cs = s.ConsentResult()
		data = c.resultData(s, cs)
		bars = charts.FistBars(s, s.Language)
		concerns = append(concerns, s.Decision.OpenConcerns...)
	})
	if round < 1 {
		round = 1
	}
	setLabel(c.round, c.env.T("decision.consent.round", map[string]int{"N": round}))
	for _, pid := range c.persons.ids {
		row := c.persons.by[pid]
		setLabel(row.name, names[pid])
		f := fingers[pid]
		for n, b := range row.buttons {
			imp := widget.MediumImportance
			if n == f {
				imp = widget.HighImportance
				if n < workshop.ConsentThreshold {
					imp = widget.DangerImportance
				}
			}
			if b.Importance != imp {
				b.Importance = imp
				b.Refresh()
			}
		}
		asked := f >= 0 && f < workshop.ConsentThreshold
		if asked && len(row.box.Objects) == 0 {
			row.box.Objects = []fyne.CanvasObject{row.concern.Object()}
			row.box.Refresh()
		} else if !asked && len(row.box.Objects) > 0 {
			row.concern.Flush()
			row.box.Objects = nil
			row.box.Refresh()
		}
		row.concern.Refresh()
	}
	switch {
	case cs.Votes == 0:
		c.result.Importance = widget.MediumImportance
		setLabel(c.result, c.env.T("decision.consent.no_votes"))
	case cs.Reached:
		c.result.Importance = widget.SuccessImportance
		setLabel(c.result, c.env.T("decision.consent.reached", data))
	default:
		c.result.Importance = widget.DangerImportance
		setLabel(c.result, c.env.T("decision.consent.not_reached", data))
	}
	setBars(c.chart, bars)
	c.showConcerns(concerns)
}

func (c *consentRound) resultData(s *workshop.Session, cs workshop.ConsentSummary) map[string]any {
	return map[string]any{"Mean": charts.Number(cs.Mean, s.Language), "Lowest": cs.Lowest,
		"Votes": cs.Votes, "All": len(s.Participants), "Threshold": workshop.ConsentThreshold}
}

func (c *consentRound) newRow(pid string) *consentRow {
	row := &consentRow{name: widget.NewLabel("")}
	row.name.Truncation = fyne.TextTruncateEllipsis
	btns := container.NewGridWithColumns(6)
	for f := range row.buttons {
		f := f
		b := button.New(strconv.Itoa(f), nil, func() { c.setFingers(pid, f) })
		row.buttons[f] = b
		btns.Add(b)
	}
	row.concern = field.NewText(c.env.Room, false,
		func(s *workshop.Session) string {
			if v := s.ConsentOf(pid); v != nil {
				return v.Concern
			}
			return ""
		},
		func(s *workshop.Session, v string) error {
			_, _, err := s.SetConcern(pid, v)
			if err != nil {
				return nil // a concern of someone who gave no fingers: nothing to store
			}
			return nil
		})
	row.concern.SetPlaceHolder(c.env.T("decision.consent.concern"))
	row.concern.OnSaved = func() { c.showConcernsNow() }
	row.box = container.NewVBox()
	nameBox := container.NewGridWrap(fyne.NewSize(180, btns.MinSize().Height), row.name)
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(180, 1))
	row.obj = container.NewVBox(container.NewBorder(nil, nil, nameBox, nil, btns),
		container.NewBorder(nil, nil, indent, nil, row.box))
	return row
}

// Concern returns the concern entry of a participant, for tests and focus.
func (c *consentRound) concernEntry(pid string) *field.Text {
	if r := c.persons.by[pid]; r != nil && len(r.box.Objects) > 0 {
		return r.concern
	}
	return nil
}

func (c *consentRound) setFingers(pid string, fingers int) {
	var refused error
	err := c.ed.Edit(func(s *workshop.Session) error {
		if v := s.ConsentOf(pid); v != nil && v.Fingers == fingers {
			return nil
		}
		if _, err := s.SetFingers(pid, fingers); err != nil {
			refused = err
		}
		return nil
	})
	showMessage(c.env.Room.Tr, c.msg, joinFirst(refused, err))
	c.Refresh()
	// Ask at once: the concern entry takes the keyboard for the facilitator to type.
	if fingers < workshop.ConsentThreshold {
		if f := c.concernEntry(pid); f != nil {
			if cv := fyne.CurrentApp().Driver().CanvasForObject(f.Entry); cv != nil {
				cv.Focus(f.Entry)
			}
		}
	}
}

// enterRow stores the quick entry: one digit per participant in the
// session's order, for a facilitator who reads the hands round the room.
func (c *consentRound) enterRow() {
	var refused error
	var firstLow string
	err := c.ed.Edit(func(s *workshop.Session) error {
		vals, err := workshop.ParseFingers(c.quick.Text, len(s.Participants))
		if err != nil {
			refused = fingersMessage(c.env.Room.Tr, err)
			return nil
		}
		for i, f := range vals {
			if f < 0 {
				continue
			}
			pid := s.Participants[i].ID
			if v := s.ConsentOf(pid); v != nil && v.Fingers == f {
				continue
			}
			if _, err := s.SetFingers(pid, f); err != nil {
				continue
			}
			if f < workshop.ConsentThreshold && firstLow == "" {
				firstLow = pid
			}
		}
		return nil
	})
	showMessage(c.env.Room.Tr, c.msg, joinFirst(refused, err))
	if refused != nil || err != nil {
		return // the typed row stays for fixing
	}
	c.quick.SetText("")
	c.Refresh()
	if f := c.concernEntry(firstLow); f != nil {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(f.Entry); cv != nil {
			cv.Focus(f.Entry)
		}
	}
}

func fingersMessage(tr *i18n.Tr, err error) error {
	var fe *workshop.FingersError
	if !errors.As(err, &fe) {
		return err
	}
	if fe.Char != "" {
		return errorText(tr.T("decision.consent.bad_char", map[string]any{"Char": fe.Char, "Pos": fe.Pos}))
	}
	return errorText(tr.T("decision.consent.too_many", map[string]int{"N": fe.Count, "Max": fe.Max}))
}

func (c *consentRound) newRound() {
	for _, r := range c.persons.by {
		r.concern.Flush()
	}
	err := c.ed.Edit(func(s *workshop.Session) error {
		s.NewConsentRound()
		return nil
	})
	showMessage(c.env.Room.Tr, c.msg, err)
	c.Refresh()
}

func (c *consentRound) addConcern() { c.addTypedConcern() }

// addTypedConcern adds the open concern typed in the new entry; a refused
// one, or one that could not be stored, stays in the entry with the
// sentence shown, which it also returns.
func (c *consentRound) addTypedConcern() error {
	text := strings.TrimSpace(c.newConcern.Text)
	if text == "" {
		return nil
	}
	if err := field.CheckText(c.env.Room.Tr, text); err != nil {
		showMessage(c.env.Room.Tr, c.msg, err)
		return &field.Refused{Sentence: err.Error()}
	}
	err := c.ed.Edit(func(s *workshop.Session) error { return s.AddOpenConcern(text) })
	if err != nil {
		showMessage(c.env.Room.Tr, c.msg, err) // the text stays in the entry
		return &field.Refused{Sentence: userMessage(c.env.Room.Tr, err)}
	}
	c.newConcern.SetText("")
	c.showConcernsNow()
	return nil
}

func (c *consentRound) removeConcern(i int, text string) {
	err := c.ed.Edit(func(s *workshop.Session) error {
		s.RemoveOpenConcern(i, text) // false: removed or changed meanwhile
		return nil
	})
	showMessage(c.env.Room.Tr, c.msg, err)
	c.showConcernsNow()
}

func (c *consentRound) showConcernsNow() {
	var concerns []string
	c.ed.Read(func(s *workshop.Session) { concerns = append(concerns, s.Decision.OpenConcerns...) })
	c.showConcerns(concerns)
}

// showConcerns lists the open concerns, each with a button to settle it.
func (c *consentRound) showConcerns(concerns []string) {
	objs := make([]fyne.CanvasObject, 0, len(concerns))
	for i, text := range concerns {
		i, text := i, text
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		del := button.New("", theme.DeleteIcon(), func() { c.removeConcern(i, text) })
		del.Importance = widget.LowImportance
		objs = append(objs, container.NewBorder(nil, nil, nil, del, l))
	}
	if len(objs) == 0 {
		objs = append(objs, helpLabel(c.env.T("decision.concerns.none")))
	}
	c.concerns.Objects = objs
	c.concerns.Refresh()
}
