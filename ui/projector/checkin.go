package projector

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"lupauspaja/workshop"
)

// The check-in's pages for the room: the actions' status, the measures'
// trends, the customers' own words, the promise, the ladder and the next
// review. Nothing private: no facilitator's notes, no customer's name (an
// answer shows its segment only).
func checkinBody(st *state, key string) fyne.CanvasObject {
	switch key {
	case workshop.StepCIActions, workshop.StepCINext:
		return ciActions(st, key == workshop.StepCINext)
	case workshop.StepCIMeasures:
		return ciMeasures(st)
	case workshop.StepCICustomers:
		return ciCustomers(st)
	case workshop.StepCIPromise:
		return promiseStatement(st)
	case workshop.StepCILadder:
		return ciLadder(st)
	}
	return nil
}

func (st *state) label(labels map[string]workshop.Text, v string) string {
	return workshop.Label(labels, v, st.lang)
}

func ciActions(st *state, onlyNew bool) fyne.CanvasObject {
	s := st.s
	acts := s.Actions
	if onlyNew {
		acts = s.NewActions()
	}
	var tiles []fyne.CanvasObject
	for _, a := range acts {
		status := st.label(workshop.CheckinStatusLabels, a.Status)
		c, edge := inkMuted, colTileEdge
		switch {
		case workshop.ActionLate(a, s.Date):
			status = st.t("checkin.actions.late") + " · " + status
			c, edge = inkUrgent, colUrgent
		case a.Status == workshop.ActionDone:
			c, edge = inkSuccess, colGain
		}
		who := s.PersonName(a.OwnerID, a.OwnerName)
		more := []fyne.CanvasObject{}
		if who != "" || a.Due != "" {
			more = append(more, muted(st.line(strings.Trim(who+" · "+date(a.Due, st.lang), " ·"), sizeText, false)))
		}
		tiles = append(tiles, tile(st, edge, st.tag(status, c), a.Text, more...))
	}
	body := cappedGrid(st, 4, tiles)
	if onlyNew {
		review := st.t("checkin.next.review") + ": " + date(s.NextReviewDate, st.lang)
		if s.NextReviewDate == "" {
			review = st.t("checkin.next.review") + ": –"
		}
		return container.NewBorder(st.line(review, sizeQuestion, true), nil, nil, nil, body)
	}
	return body
}

func ciMeasures(st *state) fyne.CanvasObject {
	s := st.s
	var tiles []fyne.CanvasObject
	for _, m := range s.Measures {
		tr := s.MeasureTrack(m.ID)
		way := []string{m.Baseline}
		for _, r := range tr.Readings {
			way = append(way, r.Value)
		}
		c, edge := inkMuted, colTileEdge
		switch tr.Status {
		case workshop.TrackOn, workshop.TrackReached:
			c, edge = inkSuccess, colGain
		case workshop.TrackOff:
			c, edge = inkUrgent, colUrgent
		}
		target := st.t("checkin.history.target", map[string]any{"Target": orDash(workshop.MeasureValue(m.Target, m.Scale, st.lang))})
		tiles = append(tiles, tile(st, edge, st.tag(st.label(workshop.TrackLabels, tr.Status), c), m.Name,
			st.line(workshop.MeasureWay(m.Scale, st.lang, way...), sizeBody, true), muted(st.line(target, sizeBody, false))))
	}
	return grid(st, 3, tiles)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func ciCustomers(st *state) fyne.CanvasObject {
	s := st.s
	var tiles []fyne.CanvasObject
	for _, a := range s.ValidationAnswers {
		words := strings.TrimSpace(a.Quote)
		if words == "" {
			words = strings.TrimSpace(a.UnderstoodAs)
		}
		if words == "" {
			continue
		}
		seg := ""
		if sg := s.Segment(a.SegmentID); sg != nil {
			seg = sg.Name
		}
		// What was said of an earlier wording is said so: the verdict and
		// the figures above rest on the wording now.
		if !s.AboutNow(a) {
			seg = strings.TrimPrefix(seg+" · "+st.t("checkin.customers.about_earlier"), " · ")
		}
		tiles = append(tiles, tile(st, colPrimary, st.tag(seg, inkPrimary), workshop.Quote(words, st.lang)))
	}
	cs := s.CurrentView()
	// The criteria's means, or, while no answer is about the wording now,
	// that there is none (three dashes read as broken punctuation).
	text := st.t("checkin.customers.count_now", map[string]any{"N": cs.Answers})
	if cs.Counted != [3]int{} {
		var parts []string
		for i, k := range []string{"checkin.c1", "checkin.c2", "checkin.c3"} {
			v := "–"
			if cs.Counted[i] > 0 {
				v = strings.Replace(fmt.Sprintf("%.1f", cs.Core[i]), ".", decimal(st.lang), 1)
			}
			parts = append(parts, fmt.Sprintf("C%d %s %s", i+1, st.t(k), v))
		}
		text = strings.Join(parts, " · ")
	}
	head := st.line(text, sizeBody, true)
	return container.NewBorder(head, nil, nil, nil, grid(st, 3, tiles))
}

func decimal(lang string) string {
	if lang == "fi" {
		return ","
	}
	return "."
}

func ciLadder(st *state) fyne.CanvasObject {
	s := st.s
	now := s.LadderCounts()
	var ws [5]int
	if s.Checkin != nil {
		ws = s.Checkin.WorkshopLadder
	}
	box := container.NewVBox(st.line(fmt.Sprintf("%s · %s · %s", st.t("checkin.ladder.now"), st.t("checkin.ladder.workshop"), st.t("checkin.ladder.finland")), sizeText, true))
	for i, r := range workshop.Ladder {
		box.Add(st.line(fmt.Sprintf("%d %s:  %d · %d · %d %%", r.Level, r.Label.In(st.lang), now[i], ws[i], r.Finland2021), sizeBody, false))
	}
	return box
}
