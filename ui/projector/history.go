package projector

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"lupauspaja/workshop"
)

// The promise's history for the room (StepHistory, Ctrl+H): the workshop
// and its check-ins read as one timeline, and what has changed since the
// workshop, from the domain's own reading of them (workshop.Timeline,
// workshop.SinceWorkshop), as the facilitator's history page shows them.

// historyBody is the timeline on the left: a card for each session, with
// what happened in the promise's life from it until the next (its
// wordings, the customers' answers, the validation status), in the
// timeline's order; every session shows, the longest cards shortened.
// On the right what changed since the workshop: the promise now, the
// customers' validation, the ladder's mean, the actions and each
// measure's trend, baseline and latest, in the colour of its track.
func historyBody(st *state) fyne.CanvasObject {
	fam := st.family
	if len(fam) == 0 {
		fam = []*workshop.Session{st.s}
	}
	since := workshop.SinceWorkshop(fam)

	st.dense = true // the timeline's lines are many: the smallest text size
	type period struct {
		head    string
		current bool
		lines   []string
	}
	var periods []period
	for _, e := range workshop.Timeline(fam) {
		if e.Kind == workshop.EventReading || e.Kind == workshop.EventActionDone {
			continue // on the right, as each measure's trend and the actions done
		}
		if e.Kind == workshop.EventSession {
			periods = append(periods, period{head: date(e.Date, st.lang) + " · " + historyEvent(st, e), current: fam[e.Session].ID == st.s.ID})
			continue
		}
		if len(periods) == 0 { // dated before the first session
			periods = append(periods, period{})
		}
		last := &periods[len(periods)-1]
		last.lines = append(last.lines, date(e.Date, st.lang)+"  "+historyEvent(st, e))
	}
	var cards []fyne.CanvasObject
	for _, p := range periods {
		accent, ink := color.Color(colTileEdge), fyne.ThemeColorName(inkText)
		if p.current {
			accent, ink = colPrimary, inkPrimary // the session open now
		}
		var tag *ptext
		if p.head != "" {
			tag = st.tag(p.head, ink)
		}
		cards = append(cards, tile(st, accent, tag, strings.Join(p.lines, "\n")))
	}
	left := st.section(st.t("checkin.history.timeline"), cappedGrid(st, 1, cards))

	// What changed since the workshop: the promise now, the customers'
	// validation, the ladder, the actions, and each measure's way from its
	// baseline to its latest reading, its track first and in its colour.
	top := []fyne.CanvasObject{st.text(st.t("checkin.history.since", map[string]any{"Date": date(since.From, st.lang)}), sizeSubHeading, true)}
	if since.PromiseThen != since.PromiseNow && since.PromiseNow != "" {
		top = append(top, st.text(st.t("checkin.history.now", map[string]any{"Text": workshop.Quote(since.PromiseNow, st.lang)}), sizeBody, true))
	} else {
		top = append(top, st.text(st.t("checkin.history.same", map[string]any{"Text": workshop.Quote(orDash(since.PromiseNow), st.lang)}), sizeBody, true))
	}
	validation := inkWarning
	if since.ValidationNow == workshop.ValidationDone {
		validation = inkSuccess
	}
	top = append(top,
		colored(st.text(st.t("checkin.history.customers", map[string]any{"N": since.Answers,
			"Status": st.label(workshop.ValidationLabels, since.ValidationNow)}), sizeText, true), validation),
		st.text(st.t("checkin.history.ladder", map[string]any{"Then": ladderMean(since.LadderThen, st.lang), "Now": ladderMean(since.LadderNow, st.lang)}), sizeText, true),
		st.text(st.t("checkin.history.actions", map[string]any{"Done": since.ActionsDone, "All": since.Actions, "Late": since.Late}), sizeText, true))
	var trends []fyne.CanvasObject
	for _, m := range since.Measures {
		way := m.Way(st.lang) + " (" + st.t("checkin.history.target", map[string]any{"Target": orDash(workshop.MeasureValue(m.Measure.Target, m.Measure.Scale, st.lang))}) + ")"
		edge := color.Color(colTileEdge)
		switch m.Track.Status {
		case workshop.TrackOn, workshop.TrackReached:
			edge = colGain
		case workshop.TrackOff:
			edge = colUrgent
		}
		trends = append(trends, tile(st, edge, nil, capital(st.label(workshop.TrackLabels, m.Track.Status))+" · "+m.Measure.Name+": "+way))
	}
	right := container.NewBorder(container.NewVBox(top...), nil, nil, nil, cappedGrid(st, 1, trends))
	return split(st, left, right, 0.52)
}

// historyEvent is an event of the timeline in words, as the facilitator's
// history page writes it.
func historyEvent(st *state, e workshop.Event) string {
	switch e.Kind {
	case workshop.EventSession:
		if e.Detail == workshop.SessionCheckin {
			return st.t("checkin.history.ev.checkin", map[string]any{"Title": e.Text})
		}
		return st.t("checkin.history.ev.workshop", map[string]any{"Title": e.Text})
	case workshop.EventVersion:
		text := st.t("checkin.history.ev.version", map[string]any{"Text": workshop.Quote(e.Text, st.lang)})
		if e.Detail != "" {
			text += " — " + e.Detail
		}
		return text
	case workshop.EventReading:
		return st.t("checkin.history.ev.reading", map[string]any{"Measure": e.Text, "Value": e.Detail})
	case workshop.EventActionDone:
		return st.t("checkin.history.ev.done", map[string]any{"Action": e.Text, "Who": e.Detail})
	case workshop.EventAnswers:
		return st.t("checkin.history.ev.answers", map[string]any{"N": e.Detail})
	case workshop.EventValidation:
		return st.t("checkin.history.ev.validation", map[string]any{"Status": st.label(workshop.ValidationLabels, e.Detail)})
	}
	return e.Text
}

// ladderMean is the mean rung of the counts, or "–" when nobody placed it.
func ladderMean(c [5]int, lang string) string {
	if m := workshop.LadderMean(c); m > 0 {
		return workshop.FormatScore(m, lang)
	}
	return "–"
}
