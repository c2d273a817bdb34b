package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// setupPage prepares the workshop: what, when, where, who, and the agenda.
type setupPage struct {
	w      *workspace
	fields field.Group
	dots   *field.Text // the dots per participant
	org    *field.Text

	preset *widget.Select
	agenda *fyne.Container
	agFlds field.Group
	agKeys []string
	total  *widget.Label

	addName *widget.Entry
	addMsg  *widget.Label
	content *fyne.Container // the page's box, laid out again as addMsg shows or hides
	people  *fyne.Container
	pFlds   field.Group
	pIDs    []string

	obj fyne.CanvasObject
}

func newSetupPage(w *workspace) *setupPage {
	p := &setupPage{w: w}
	ed := w.ed
	text := func(multi bool, name string) *field.Text {
		t := field.SessionText(w.room, multi, name)
		p.fields = append(p.fields, t)
		return t
	}
	p.org = text(false, "organisation")
	p.org.SetPlaceHolder(w.u.tr.T("setup.org.placeholder"))
	title := text(false, "title")
	date := field.NewDate(w.room, func(s *workshop.Session) string { return s.SessionField("date") },
		func(s *workshop.Session, v string) error { return s.SetSessionField("date", v) })
	p.fields = append(p.fields, date)
	start := text(false, "start_time")
	start.Parse = func(typed string) (string, error) { return parseClock(w.u.tr, typed) }
	start.SetPlaceHolder("9.00")
	place := text(false, "place")
	facil := text(false, "facilitator")
	goal := text(true, "goal")
	// A check-in's setup names itself a check-in, not a workshop.
	checkin := false
	ed.Read(func(s *workshop.Session) { checkin = s.Kind == workshop.SessionCheckin })
	head, begin := sectionTitle(w.u.tr, "setup.section.workshop"), w.u.tr.T("setup.begin")
	goal.SetPlaceHolder(w.u.tr.T("setup.goal.placeholder"))
	if checkin {
		head, begin = sectionTitle(w.u.tr, "setup.section.checkin"), w.u.tr.T("setup.begin.checkin")
		goal.SetPlaceHolder(w.u.tr.T("setup.goal.placeholder.checkin"))
	}
	goal.Entry.SetMinRowsVisible(2)
	// Dots is a number: its own get and set, with a range check.
	dots := field.NewText(w.room, false,
		func(s *workshop.Session) string { return strconv.Itoa(s.Dots) },
		func(s *workshop.Session, v string) error {
			n, _ := strconv.Atoi(v)
			return steps.DotsRefusal(w.u.tr, s, n, s.SetDots(n))
		})
	dots.Parse = func(typed string) (string, error) { return parseDots(w.u.tr, typed) }
	p.fields, p.dots = append(p.fields, dots), dots

	langs := []field.Option{{Value: "fi", Label: "suomi"}, {Value: "en", Label: "English"}}
	lang := field.NewRadio(w.u.tr, ed, langs,
		func(s *workshop.Session) string { return s.Language },
		func(s *workshop.Session, v string) error {
			if v == "" {
				v = s.Language // tapping the chosen language again keeps it
			}
			return s.SetLanguage(v) // the promise and drafts keep each language's wording
		})
	lang.OnSaved = func() {
		var l string
		ed.Read(func(s *workshop.Session) { l = s.Language })
		w.u.setLanguage(l)
	}
	lang.OnError = w.u.showError
	p.fields = append(p.fields, lang)

	form := container.New(layout.NewFormLayout(),
		formLabel(w.u.tr, "setup.org"), p.org.Object(),
		formLabel(w.u.tr, "setup.title"), title.Object(),
		formLabel(w.u.tr, "setup.date"), container.NewGridWithColumns(2, date.Object(),
			container.NewBorder(nil, nil, formLabel(w.u.tr, "setup.start"), nil, start.Object())),
		formLabel(w.u.tr, "setup.place"), place.Object(),
		formLabel(w.u.tr, "setup.facilitator"), facil.Object(),
		formLabel(w.u.tr, "setup.goal"), goal.Object(),
		formLabel(w.u.tr, "setup.language"), lang.Object(),
	)
	// A check-in has no dot vote: the dots are the workshop's.
	if !checkin {
		form.Add(formLabel(w.u.tr, "setup.dots"))
		form.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(w.u.tr.T("setup.dots.hint")), dots.Object()))
	}

	// Agenda.
	var kind string
	p.w.ed.Read(func(s *workshop.Session) { kind = s.Kind })
	var presetNames []string
	for _, pr := range workshop.PresetsOf(kind) {
		presetNames = append(presetNames, pr.Name.In(w.u.tr.Language()))
	}
	p.preset = widget.NewSelect(presetNames, func(name string) {
		for _, pr := range workshop.PresetsOf(kind) {
			if pr.Name.In(w.u.tr.Language()) == name {
				p.applyPreset(pr.Key)
			}
		}
	})
	p.preset.PlaceHolder = w.u.tr.T("setup.agenda.preset")
	p.agenda = container.New(layout.NewFormLayout())
	p.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	// Participants.
	p.addName = widget.NewEntry()
	p.addName.SetPlaceHolder(w.u.tr.T("setup.people.add.placeholder"))
	p.addName.OnSubmitted = func(string) { p.addParticipant() }
	addBtn := button.New(w.u.tr.T("setup.people.add"), theme.ContentAddIcon(), p.addParticipant)
	p.addMsg = widget.NewLabel("")
	p.addMsg.Importance = widget.DangerImportance
	p.addMsg.Hide()
	p.people = container.NewVBox()

	content := container.NewVBox(
		head, form,
		sectionTitle(w.u.tr, "setup.section.people"),
		container.NewBorder(nil, nil, nil, addBtn, p.addName), p.addMsg, p.people,
		sectionTitle(w.u.tr, "setup.section.agenda"),
		container.NewBorder(nil, nil, nil, p.total, container.NewHBox(p.preset)), p.agenda,
	)
	p.content = content
	next := button.Primary(begin, theme.NavigateNextIcon(), w.next)
	next.IconPlacement = widget.ButtonIconTrailingText
	p.obj = container.NewBorder(nil, container.NewPadded(container.NewHBox(layout.NewSpacer(), next)), nil, nil,
		field.NewVScroll(container.NewPadded(content)))
	p.Refresh()
	return p
}

func formLabel(tr *i18n.Tr, key string) *widget.Label {
	return widget.NewLabelWithStyle(tr.T(key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

func sectionTitle(tr *i18n.Tr, key string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(tr.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(widget.NewSeparator(), l)
}

// parseClock reads a start time typed as 9, 9.00, 9:00 or 09.00 and stores HH:MM.
func parseClock(tr *i18n.Tr, typed string) (string, error) {
	s := strings.TrimSpace(typed)
	if s == "" {
		return "", nil
	}
	s = strings.ReplaceAll(s, ".", ":")
	h, m, found := strings.Cut(s, ":")
	if !found {
		m = "0"
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return "", errors.New(tr.T("setup.start.invalid", map[string]any{"Text": typed}))
	}
	return strconv.Itoa(100 + hh)[1:] + ":" + strconv.Itoa(100 + mm)[1:], nil
}

// parseDots reads a whole number of dots per participant; the workshop
// decides whether it is one the votes allow (Session.SetDots).
func parseDots(tr *i18n.Tr, typed string) (string, error) {
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil {
		return "", errors.New(tr.T("setup.dots.invalid", map[string]any{"Max": workshop.MaxDots}))
	}
	return strconv.Itoa(n), nil
}

// parseMinutes reads a timebox as whole minutes; the workshop decides
// whether it is one an agenda may have (Session.SetPlanned).
func parseMinutes(tr *i18n.Tr, typed string) (string, error) {
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil {
		return "", errors.New(tr.T("setup.agenda.invalid", map[string]any{"Max": workshop.MaxPlannedMin}))
	}
	return strconv.Itoa(n), nil
}

func (p *setupPage) Object() fyne.CanvasObject { return p.obj }

// FocusNew (Ctrl+N) puts the cursor in the new participant's name.
func (p *setupPage) FocusNew() { p.w.u.win.Canvas().Focus(p.addName) }

// Flush saves what is typed, and adds a name typed in the new
// participant's entry as the add button would; a name it refuses stays in
// the entry with the refusal under it, and is reported to the window's
// Typing, so that closing asks before it is lost.
func (p *setupPage) Flush() {
	p.fields.Flush()
	p.agFlds.Flush()
	p.pFlds.Flush()
	if strings.TrimSpace(p.addName.Text) == "" {
		return
	}
	if err := p.addTyped(func(err error) { p.refuseName(err) }); err != nil {
		p.w.room.Typing.NoteUnsaved(err)
	}
}

func (p *setupPage) Refresh() {
	p.fields.Refresh()
	var ids, keys []string
	var total int
	p.w.ed.Read(func(s *workshop.Session) {
		for _, pp := range s.Participants {
			ids = append(ids, pp.ID)
		}
		for _, a := range s.Agenda {
			keys = append(keys, a.Step)
		}
		total = workshop.PlannedTotal(s.Agenda)
	})
	if !sameStrings(ids, p.pIDs) {
		p.buildPeople(ids)
	} else {
		p.pFlds.Refresh()
	}
	if !sameStrings(keys, p.agKeys) {
		p.buildAgenda(keys)
	} else {
		p.agFlds.Refresh()
	}
	p.total.SetText(p.w.u.tr.T("agenda.total", map[string]any{"Total": minutesText(total)}))
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// addParticipant adds the name typed ("Name" or "Name, role") and keeps the
// cursor in the entry for the next one.
func (p *setupPage) addParticipant() {
	if p.addTyped(p.w.u.showError) == nil {
		p.w.u.win.Canvas().Focus(p.addName)
	}
}

// addTyped adds the participant typed in the entry through the domain's
// operation and empties the entry. A name with nothing to add is refused
// under the entry; the operation's refusal or failure goes to failed (a
// dialog, or the line under the entry). Either way the typed text stays in
// the entry, and the sentence is returned.
func (p *setupPage) addTyped(failed func(error)) error {
	name, role, _ := strings.Cut(p.addName.Text, ",")
	name, role = strings.TrimSpace(name), strings.TrimSpace(role)
	if name == "" { // nothing typed, or only ", role"
		return p.refuseName(&field.Refused{Sentence: p.w.u.tr.T("setup.people.add.empty")})
	}
	for _, v := range []string{name, role} {
		if err := field.CheckText(p.w.u.tr, v); err != nil {
			return p.refuseName(&field.Refused{Sentence: err.Error()})
		}
	}
	if err := p.w.ed.Edit(func(s *workshop.Session) error {
		_, err := s.AddParticipant(name, role)
		return err
	}); err != nil {
		failed(err)
		return err
	}
	if p.addMsg.Visible() {
		p.addMsg.Hide()
		p.content.Refresh()
	}
	p.addName.SetText("")
	return nil
}

// refuseName shows why the typed participant was not added under the entry.
func (p *setupPage) refuseName(err error) error {
	p.addMsg.SetText(humanError(p.w.u.tr, err))
	p.addMsg.Show()
	p.content.Refresh() // under the entry, not where a hidden label was left
	return err
}

// participantField binds an entry to a participant's text field.
func (p *setupPage) participantField(id, name string) *field.Text {
	get, set := field.NamedField(id, name, func(s *workshop.Session, id string) bool { return s.Participant(id) != nil },
		(*workshop.Session).ParticipantField, (*workshop.Session).SetParticipantField)
	t := field.NewText(p.w.room, false, get, set)
	p.pFlds = append(p.pFlds, t)
	return t
}

func (p *setupPage) buildPeople(ids []string) {
	p.pFlds.Flush()
	p.pFlds = nil
	p.pIDs = ids
	p.people.Objects = nil
	lang := p.w.u.tr.Language()
	kinds := field.Options(workshop.KindLabels, lang, workshop.KindEmployee, workshop.KindCustomer, workshop.KindGuest)
	cols := &nameColumn{}
	p.w.ed.Read(func(s *workshop.Session) {
		names := make([]string, 0, len(ids))
		for _, id := range ids {
			if pp := s.Participant(id); pp != nil {
				names = append(names, pp.Name)
			}
		}
		cols.measure(names)
	})
	for _, id := range ids {
		id := id
		name := p.participantField(id, "name")
		role := p.participantField(id, "role")
		role.SetPlaceHolder(p.w.u.tr.T("setup.people.role"))
		kind := field.NewSelect(p.w.u.tr, p.w.ed, kinds, "",
			func(s *workshop.Session) string {
				if pp := s.Participant(id); pp != nil {
					return pp.Kind
				}
				return ""
			},
			func(s *workshop.Session, v string) error {
				if s.Participant(id) == nil || v == "" {
					return nil // removed meanwhile, or the choice cleared: keep the kind
				}
				return s.SetParticipantKind(id, v)
			})
		kind.OnError = p.w.u.showError
		p.pFlds = append(p.pFlds, kind)
		facing := widget.NewCheck(p.w.u.tr.T("setup.people.facing"), nil)
		facing.OnChanged = func(on bool) {
			p.w.edit(func(s *workshop.Session) error {
				pp := s.Participant(id)
				if pp == nil || pp.CustomerFacing == on {
					return nil // removed meanwhile, or already so
				}
				return s.SetParticipantCustomerFacing(id, on)
			})
		}
		p.pFlds = append(p.pFlds, field.Custom(facing, func() {
			p.w.ed.Read(func(s *workshop.Session) {
				if pp := s.Participant(id); pp != nil && facing.Checked != pp.CustomerFacing {
					f := facing.OnChanged
					facing.OnChanged = nil
					facing.SetChecked(pp.CustomerFacing)
					facing.OnChanged = f
				}
			})
		}))
		del := button.New("", theme.DeleteIcon(), func() { p.w.deleteParticipant(id) })
		del.Importance = widget.LowImportance
		row := container.New(&personRow{names: cols}, name.Object(), role.Object(), container.NewHBox(kind.Object(), facing, del))
		p.people.Add(row)
	}
	p.pFlds.Refresh()
	p.people.Refresh()
}

func (p *setupPage) buildAgenda(keys []string) {
	p.agFlds.Flush()
	p.agFlds = nil
	p.agKeys = keys
	p.agenda.Objects = nil
	lang := p.w.u.tr.Language()
	for _, k := range keys {
		k := k
		t := field.NewText(p.w.room, false,
			func(s *workshop.Session) string {
				if a := s.AgendaItem(k); a != nil {
					return strconv.Itoa(a.PlannedMin)
				}
				return ""
			},
			func(s *workshop.Session, v string) error {
				if s.AgendaItem(k) == nil {
					return nil // a step no longer in the agenda: nothing to time
				}
				n, _ := strconv.Atoi(v)
				if err := s.SetPlanned(k, n); err != nil {
					return &field.Refused{Sentence: p.w.u.tr.T("setup.agenda.invalid", map[string]any{"Max": workshop.MaxPlannedMin})}
				}
				return nil
			})
		t.Parse = func(typed string) (string, error) { return parseMinutes(p.w.u.tr, typed) }
		p.agFlds = append(p.agFlds, t)
		p.agenda.Add(widget.NewLabel(pageTitle(k, lang)))
		p.agenda.Add(container.NewHBox(container.New(&fixedWidth{110}, t.Object()), widget.NewLabel("min")))
	}
	p.agenda.Refresh()
}

// applyPreset replaces the agenda's timeboxes with a preset's; a step's
// timer and state stay when the step is in both.
func (p *setupPage) applyPreset(key string) {
	p.w.edit(func(s *workshop.Session) error { return s.ApplyAgendaPreset(key) })
}

// personRow lays out a participant's row: the name as wide as the longest
// name of the list needs (within a fifth and under half of what the name
// and the role share), the role the rest, the kind, the customer-facing
// box and the delete button at the end.
type personRow struct{ names *nameColumn }

// nameColumn is the width the participants' names need, shared by the
// rows so that the roles start at one line.
type nameColumn struct{ need float32 }

// measure sets the column's width for names.
func (c *nameColumn) measure(names []string) {
	c.need = 0
	for _, n := range names {
		c.need = max(c.need, fyne.MeasureText(n, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	c.need += 2 * (theme.InnerPadding() + theme.InputBorderSize())
}

func (r *personRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name, role, controls := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	cw := controls.MinSize().Width
	shared := size.Width - cw - 2*pad
	nw := max(shared/5, min(r.names.need, shared*0.45))
	name.Move(fyne.NewPos(0, 0))
	name.Resize(fyne.NewSize(nw, size.Height))
	role.Move(fyne.NewPos(nw+pad, 0))
	role.Resize(fyne.NewSize(shared-nw, size.Height))
	controls.Move(fyne.NewPos(size.Width-cw, 0))
	controls.Resize(fyne.NewSize(cw, size.Height))
}

func (r *personRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		w, h = w+m.Width, max(h, m.Height)
	}
	return fyne.NewSize(w+2*theme.Padding(), h)
}

// fixedWidth gives its object a fixed width and the height it needs, so that
// a short number entry stays short and its refusal message still shows
// (wrapped) under it.
type fixedWidth struct{ w float32 }

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(f.w, size.Height))
	}
}

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.w, h)
}
