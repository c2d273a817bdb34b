package checkin

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// Step 1: each action's status with a note and the date; late ones flagged.
func newActions(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		done, late := 0, len(s.LateActions())
		for _, a := range s.Actions {
			if a.Status == workshop.ActionDone {
				done++
			}
		}
		v.add(muted(env.T("checkin.actions.count", map[string]any{"Done": done, "Late": late, "All": len(s.Actions), "Since": field.FormatDate(env.Room.Tr.Language(), sinceDate(s))})))
		if len(s.Actions) == 0 {
			v.add(muted(env.T("checkin.actions.none")))
		}
		added := newActionIDs(s)
		for _, a := range s.Actions {
			v.add(v.actionCard(s, a, added[a.ID]))
		}
		v.add(widget.NewSeparator(), heading(env.T("checkin.actions.new")))
		v.add(v.newActionForm(s))
	}, func(s *workshop.Session) string {
		// An action added in this check-in has its text in an entry of its
		// own, which saves it: the view is not rebuilt under the typing.
		added := newActionIDs(s)
		var b strings.Builder
		for _, a := range s.Actions {
			text := a.Text
			if added[a.ID] {
				text = "\x00"
			}
			// The note and the date are not in it either: they are shown
			// again in their entries (actionCard), and a save on leaving
			// one does not rebuild the page under the next one.
			fmt.Fprintf(&b, "%s|%s|%s;", a.ID, a.Status, text)
		}
		return b.String()
	})
}

// newActionIDs are the actions added in this check-in, by id.
func newActionIDs(s *workshop.Session) map[string]bool {
	added := map[string]bool{}
	for _, a := range s.NewActions() {
		added[a.ID] = true
	}
	return added
}

func (v *view) actionCard(s *workshop.Session, a workshop.Action, added bool) fyne.CanvasObject {
	id := a.ID
	late := widget.NewLabelWithStyle(v.env.T("checkin.actions.late"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	late.Importance = widget.DangerImportance
	showLate := func(a *workshop.Action, day string) {
		if a != nil && workshop.ActionLate(*a, day) {
			late.Show()
		} else {
			late.Hide()
		}
	}
	showLate(&a, s.Date)
	var head *fyne.Container
	if added {
		// An action added in this check-in is the check-in's own: what,
		// who and by when are corrected where they are, as in step 9.
		// Those carried over keep what the workshop agreed.
		text, owner, due := steps.ActionText(v.env.Room, id), steps.ActionOwner(v.env.Room, id), steps.ActionDue(v.env.Room, id)
		success, measure := steps.ActionSuccess(v.env.Room, id), steps.ActionMeasure(v.env.Room, id, v.env.ShowError)
		due.SetPlaceHolder(v.env.T("checkin.actions.new.due"))
		v.bound = append(v.bound, text, owner, due, success, measure)
		// Its due date is in the field, not in what rebuilds the page: the
		// flag follows the date as it is saved.
		due.OnSaved = func() {
			cur := v.ed().Snapshot()
			showLate(cur.Action(id), cur.Date)
		}
		head = container.NewVBox(text.Object(), container.NewGridWithColumns(2, owner.Object(), due.Object()),
			container.NewGridWithColumns(2, success.Object(), measureRow(v.env, measure.Object())))
	} else {
		title := widget.NewLabelWithStyle(a.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		info := personName(s, a.OwnerID, a.OwnerName)
		if a.Due != "" {
			info += " · " + v.env.T("checkin.actions.due", map[string]any{"Date": field.FormatDate(v.env.Room.Tr.Language(), a.Due)})
		}
		head = container.NewVBox(title, muted(info))
	}
	head.Add(late)
	labels, back := options(v.env.Room.Tr, workshop.CheckinStatusLabels, workshop.CheckinStatuses...)
	status := widget.NewSelect(labels, nil)
	status.SetSelected(label(v.env.Room.Tr, workshop.CheckinStatusLabels, a.Status))
	note := field.NewEntry(false)
	note.SetPlaceHolder(v.env.T("checkin.actions.note"))
	note.SetText(a.StatusNote)
	date := dateEntry(v.env.T("checkin.actions.date"))
	date.SetText(field.FormatDate(v.env.Room.Tr.Language(), a.StatusDate))
	save := func() {
		d, ok := v.parseDate(date.Text)
		if !ok {
			return
		}
		st := back(status.Selected)
		if st == "" {
			st = workshop.ActionOpen
		}
		cur := v.ed().Snapshot().Action(id)
		if cur != nil && cur.Status == st && cur.StatusNote == note.Text && (d == "" || cur.StatusDate == d) {
			return
		}
		v.apply(func(s *workshop.Session) error {
			_, err := s.SetActionStatus(id, st, note.Text, d)
			return err
		})
	}
	// typedChange tells whether the note or the date typed differs from
	// what is stored; a date that does not parse is a change, which save
	// refuses with a sentence (an empty date keeps the stored one).
	typedChange := func() bool {
		cur := v.ed().Snapshot().Action(id)
		if cur == nil {
			return false
		}
		d, err := field.ParseDate(v.env.Room.Tr, date.Text)
		return cur.StatusNote != note.Text || err != nil || (d != "" && d != cur.StatusDate)
	}
	flush := func() {
		if typedChange() {
			save()
		}
	}
	status.OnChanged = func(string) { save() }
	note.OnSubmitted = func(string) { save() }
	date.OnSubmitted = func(string) { save() }
	note.OnBlur, date.OnBlur = flush, flush
	v.flushes = append(v.flushes, flush)
	// A note or a date stored by other means is shown in its entry, unless
	// something else has been typed there since it was last shown.
	shownNote, shownDate := note.Text, date.Text
	v.bound = append(v.bound, field.Custom(nil, func() {
		cur := v.ed().Snapshot().Action(id)
		if cur == nil {
			return
		}
		if note.Text == cur.StatusNote {
			shownNote = note.Text
		} else if note.Text == shownNote && !note.Focused() {
			note.SetText(cur.StatusNote)
			shownNote = cur.StatusNote
		}
		want := field.FormatDate(v.env.Room.Tr.Language(), cur.StatusDate)
		d, err := field.ParseDate(v.env.Room.Tr, date.Text)
		if (err == nil && d == cur.StatusDate) || date.Text == shownDate {
			// Stored, or not typed in: shown as the language writes a date.
			if !date.Focused() && date.Text != want {
				date.SetText(want)
			}
			shownDate = date.Text
		}
	}))
	// The date's entry as wide as its hint ("date (YYYY-MM-DD)" was cut).
	dateW := fyne.MeasureText(date.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
	row := container.NewBorder(nil, nil, status, container.NewGridWrap(fyne.NewSize(fyne.Max(130, dateW), date.MinSize().Height), date.Object()), note.Object())
	if added {
		// An action added in this check-in can be taken back (Ctrl+Z
		// brings it back); those carried over are the workshop's record.
		del := v.removeButton(v.env.T("checkin.actions.remove"), func(s *workshop.Session) (func(*workshop.Session) error, string, error) {
			gone, err := s.RemoveAction(id)
			if err != nil {
				return nil, "", err
			}
			return func(s *workshop.Session) error { gone.Restore(s); return nil },
				v.env.T("checkin.actions.removed", map[string]any{"Text": gone.Text}), nil
		})
		head = container.NewVBox(container.NewBorder(nil, nil, nil, del, head))
	}
	return container.NewVBox(head, row, widget.NewSeparator())
}

// measureRow is a measure's picker with step 9's label before it (the
// picker alone would read "no measure" without saying what it is for).
func measureRow(env *steps.Env, pick fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(env.T("actions.measure")), nil, pick)
}

// newActionForm adds an action as in step 9: kind, text, owner, due date,
// success criterion and the measure it moves.
func (v *view) newActionForm(s *workshop.Session) fyne.CanvasObject {
	kinds, kindOf := options(v.env.Room.Tr, workshop.ActionKindLabels, workshop.ActionUnderstand, workshop.ActionMobilise, workshop.ActionAct)
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(kinds[2])
	text := field.NewEntry(false)
	text.SetPlaceHolder(v.env.T("checkin.actions.new.text"))
	v.newInput(text)
	var owners []string
	ownerID := map[string]string{}
	for _, p := range s.Participants {
		owners = append(owners, p.Name)
		ownerID[p.Name] = p.ID
	}
	owner := widget.NewSelectEntry(owners)
	owner.SetPlaceHolder(v.env.T("checkin.actions.new.owner"))
	due := dateEntry(v.env.T("checkin.actions.new.due"))
	success := field.NewEntry(false)
	success.SetPlaceHolder(v.env.T("actions.success.placeholder"))
	measure := steps.NewMeasureChoice(v.env.Room.Tr, v.ed())
	v.bound = append(v.bound, measure)
	add := func() {
		if strings.TrimSpace(text.Text) == "" {
			return
		}
		d, ok := v.parseDate(due.Text)
		if !ok {
			return
		}
		id, name := ownerID[owner.Text], ""
		if id == "" {
			name = strings.TrimSpace(owner.Text)
		}
		if v.apply(func(s *workshop.Session) error {
			_, err := s.AddAction(kindOf(kind.Selected), text.Text, id, name, d, success.Text, measure.ID())
			return err
		}) {
			text.SetText("")
			due.SetText("")
			owner.SetText("")
			success.SetText("")
			measure.Reset()
		}
	}
	text.OnSubmitted = func(string) { add() }
	due.OnSubmitted = func(string) { add() }
	success.OnSubmitted = func(string) { add() }
	btn := button.Primary(v.env.T("checkin.actions.new.add"), nil, add)
	v.flushes = append(v.flushes, func() {
		if strings.TrimSpace(text.Text) != "" {
			add()
		}
	})
	// In the order of the card it becomes: what; who and by when; how we
	// know it is done and which measure it moves.
	return container.NewVBox(container.NewBorder(nil, nil, kind, nil, text.Object()),
		container.NewGridWithColumns(2, owner, due.Object()),
		container.NewBorder(nil, nil, nil, btn,
			container.NewGridWithColumns(2, success.Object(), measureRow(v.env, measure.Object()))))
}
