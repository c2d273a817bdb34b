package checkin

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
	"lupauspaja/workshop/report"
)

// The promise's history: the timeline of the workshop and its check-ins,
// and what changed since the workshop.
func newHistory(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		fam, err := v.ed().Store().LoadFamily(v.ed().ID())
		if err != nil {
			v.add(muted(Explain(env.Room.Tr, err).Error()))
			return
		}
		// The open session is the editor's, with what is typed now; the
		// history of a check-in stops with it (the later ones are not yet).
		for i := range fam {
			if fam[i].ID == s.ID {
				fam[i] = s
			}
		}
		fam = workshop.HistoryOf(fam, s.ID)
		v.add(v.sinceBox(workshop.SinceWorkshop(fam)))
		v.add(widget.NewSeparator(), heading(env.T("checkin.history.timeline")))
		for _, e := range workshop.Timeline(fam) {
			v.add(eventRow(env.Room.Tr, fam, e))
		}
	}, func(s *workshop.Session) string {
		return fmt.Sprintf("%d|%d|%d|%s|%d|%s", len(s.Readings), len(s.ValidationAnswers), len(s.PromiseVersions), s.Decision.ValidationStatus, len(s.Actions), actionStatuses(s))
	})
}

func actionStatuses(s *workshop.Session) string {
	var b strings.Builder
	for _, a := range s.Actions {
		b.WriteString(a.Status)
	}
	return b.String()
}

func (v *view) sinceBox(since workshop.Since) fyne.CanvasObject {
	box := container.NewVBox(heading(v.env.T("checkin.history.since", map[string]any{"Date": field.FormatDate(v.env.Room.Tr.Language(), since.From)})))
	box.Add(muted(v.env.T("checkin.history.span", map[string]any{"To": field.FormatDate(v.env.Room.Tr.Language(), since.To), "N": since.Checkins})))
	if since.PromiseThen != since.PromiseNow && since.PromiseNow != "" {
		box.Add(wrapped(v.env.T("checkin.history.then", map[string]any{"Text": since.PromiseThen})))
		now := widget.NewLabelWithStyle(v.env.T("checkin.history.now", map[string]any{"Text": since.PromiseNow}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		now.Wrapping = fyne.TextWrapWord
		box.Add(now)
	} else {
		box.Add(wrapped(v.env.T("checkin.history.same", map[string]any{"Text": orDash(since.PromiseNow)})))
	}
	for _, m := range since.Measures {
		lang := v.env.Room.Tr.Language()
		line := m.Measure.Name + ": " + m.Way(lang) + " (" + v.env.T("checkin.history.target", map[string]any{"Target": orDash(value(lang, m.Measure.Target, m.Measure))}) + ") · " + label(v.env.Room.Tr, workshop.TrackLabels, m.Track.Status)
		l := wrapped(line)
		switch m.Track.Status {
		case workshop.TrackOn, workshop.TrackReached:
			l.Importance = widget.SuccessImportance
		case workshop.TrackOff:
			l.Importance = widget.DangerImportance
		}
		box.Add(l)
	}
	box.Add(wrapped(v.env.T("checkin.history.actions", map[string]any{"Done": since.ActionsDone, "All": since.Actions, "Late": since.Late})))
	box.Add(wrapped(v.env.T("checkin.history.customers", map[string]any{"N": since.Answers,
		"Status": label(v.env.Room.Tr, workshop.ValidationLabels, since.ValidationNow)})))
	if since.AnswersEarlier > 0 {
		box.Add(muted(v.env.T("checkin.history.customers.earlier", map[string]any{"N": since.AnswersEarlier})))
	}
	box.Add(wrapped(v.env.T("checkin.history.ladder", map[string]any{"Then": meanText(v.env.Room.Tr.Language(), since.LadderThen), "Now": meanText(v.env.Room.Tr.Language(), since.LadderNow)})))
	return box
}

func meanText(lang string, c [5]int) string {
	if m := workshop.LadderMean(c); m > 0 {
		return num(lang, m)
	}
	return "–"
}

func eventRow(tr *i18n.Tr, fam []*workshop.Session, e workshop.Event) fyne.CanvasObject {
	var text string
	switch e.Kind {
	case workshop.EventSession:
		key := "checkin.history.ev.workshop"
		if e.Detail == workshop.SessionCheckin {
			key = "checkin.history.ev.checkin"
		}
		text = tr.T(key, map[string]any{"Title": e.Text})
	case workshop.EventVersion:
		text = tr.T("checkin.history.ev.version", map[string]any{"Text": e.Text})
		if e.Detail != "" {
			text += " — " + e.Detail
		}
	case workshop.EventReading:
		text = tr.T("checkin.history.ev.reading", map[string]any{"Measure": e.Text, "Value": e.Detail})
	case workshop.EventActionDone:
		text = tr.T("checkin.history.ev.done", map[string]any{"Action": e.Text, "Who": e.Detail})
	case workshop.EventAnswers:
		text = tr.T("checkin.history.ev.answers", map[string]any{"N": e.Detail})
	case workshop.EventValidation:
		text = tr.T("checkin.history.ev.validation", map[string]any{"Status": label(tr, workshop.ValidationLabels, e.Detail)})
	}
	date := widget.NewLabelWithStyle(field.FormatDate(tr.Language(), e.Date), fyne.TextAlignLeading, fyne.TextStyle{Bold: e.Kind == workshop.EventSession})
	body := wrapped(text)
	if e.Kind == workshop.EventSession {
		body.TextStyle = fyne.TextStyle{Bold: true}
		body.Importance = widget.HighImportance
	}
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, date.MinSize().Height), date), nil, body)
}

// KitButtons print the validation kit of the session's promise: the
// customer-interview guide and the one-page survey, as PDFs in the UI's language.
func KitButtons(env *steps.Env) []fyne.CanvasObject {
	mk := func(kind, key string) fyne.CanvasObject {
		return button.New(env.T(key), nil, func() { SaveKit(env, kind) })
	}
	return []fyne.CanvasObject{mk(report.KitInterview, "checkin.kit.interview"), mk(report.KitSurvey, "checkin.kit.survey")}
}

// SaveKit asks where to save a kit document and writes it there.
func SaveKit(env *steps.Env, kind string) {
	s := env.Room.Ed.Snapshot()
	lang := env.Room.Tr.Language()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := report.WriteKitFile(path, s, kind, report.Options{Lang: lang}); err != nil {
			env.ShowError(err)
		}
	}, env.Win)
	d.SetFileName(report.KitFileName(s, kind, lang))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}
