package projector

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/workshop"
)

// presentPage is a page of the end-of-workshop presentation: the promise,
// why it was chosen, how it is measured and what happens next.
func presentPage(st *state) (title string, body fyne.CanvasObject) {
	switch st.page {
	case pageWhy:
		return st.t("projector.present.why"), whyBody(st)
	case pageMeasures:
		return st.t("projector.present.measures"), measuresGrid(st)
	case pageNextSteps:
		return st.t("projector.present.next"), actionColumns(st, false)
	}
	return st.t("projector.present.promise"), promiseStatement(st)
}

// whyBody is the promise, why it was chosen and the open concerns. A long
// rationale gives way to the concerns down to half the height, ending at a
// whole line, and the concerns' card ends at one when even so it must: no
// line is cut by the page's edge.
func whyBody(st *state) fyne.CanvasObject {
	d := st.s.Decision
	var why fyne.CanvasObject
	if st.s.IsCheckin() {
		why = container.NewVBox(checkinWhy(st)...)
	} else if r := strings.TrimSpace(d.Rationale); r != "" {
		why = st.clampText(st.text(r, sizeBody, false), clip(r))
	} else {
		why = muted(st.text(st.t("projector.rationale.none"), sizeBody, false))
	}
	var top fyne.CanvasObject
	if p := promiseText(st); p != "" {
		top = container.New(layout.NewCustomPaddedLayout(0, theme.Padding(), 0, 0), st.text(workshop.Quote(p, st.lang), sizeQuestion, true))
	}
	var concerns []string
	for _, c := range d.OpenConcerns {
		if c = strings.TrimSpace(c); c != "" {
			concerns = append(concerns, c)
		}
	}
	if len(concerns) == 0 {
		return container.NewBorder(top, nil, nil, nil, why)
	}
	card := tile(st, colWarning, st.tag(st.t("projector.concerns"), inkWarning), strings.Join(concerns, " · "))
	need := func(w float32) float32 {
		card.Resize(fyne.NewSize(w, card.MinSize().Height)) // a wrapping text's height follows its width
		return card.MinSize().Height
	}
	return container.NewBorder(top, nil, nil, nil,
		container.New(&topShare{share: 0.5, gap: theme.Padding(), rest: need}, why, container.New(atMost{}, card)))
}

// checkinWhy is a check-in's answer to "why this promise": what the
// check-in decided of the wording and why (the wording before, when it was
// refined), where the customers' validation stands, and then, smaller,
// the reasons the workshop gave, under the workshop's date.
func checkinWhy(st *state) []fyne.CanvasObject {
	s, c := st.s, st.s.Checkin
	var parts []fyne.CanvasObject
	reason := strings.TrimSpace(c.PromiseReason)
	switch c.PromiseChoice {
	case workshop.PromiseKept, workshop.PromiseRevised:
		accent, ink, key := colGain, inkSuccess, "projector.checkin.kept"
		if c.PromiseChoice == workshop.PromiseRevised {
			accent, ink, key = colPrimary, inkPrimary, "projector.checkin.revised"
		}
		var more []fyne.CanvasObject
		if before := strings.TrimSpace(c.PromiseBefore); c.PromiseChoice == workshop.PromiseRevised && before != "" {
			more = append(more, muted(st.text(st.t("projector.checkin.before", map[string]string{"T": workshop.Quote(before, st.lang)}), sizeText, false)))
		}
		parts = append(parts, tile(st, accent, st.tag(st.t(key, map[string]string{"D": date(s.Date, st.lang)}), ink), reason, more...))
	default:
		parts = append(parts, muted(st.text(st.t("projector.checkin.undecided"), sizeBody, false)))
	}
	parts = append(parts, muted(st.text(st.t("projector.checkin.validation", map[string]string{"S": workshop.Label(workshop.ValidationLabels, s.Decision.ValidationStatus, st.lang)}), sizeText, false)))
	if r := strings.TrimSpace(s.Decision.Rationale); r != "" {
		parts = append(parts, muted(st.text(st.t("projector.checkin.workshop_why", map[string]string{"D": date(c.WorkshopDate, st.lang)})+" "+r, sizeText, false)))
	}
	return parts
}

// measuresGrid shows each measure: what, from where to where by when, who follows.
func measuresGrid(st *state) fyne.CanvasObject {
	s := st.s
	var tiles []fyne.CanvasObject
	st.dense = len(s.Measures) > 6
	for _, m := range s.Measures {
		head := workshop.Label(workshop.MeasureTypeLabels, m.Type, st.lang)
		var lines []fyne.CanvasObject
		var goal []string
		if b := strings.TrimSpace(m.Baseline); b != "" {
			goal = append(goal, st.t("projector.measure.baseline", map[string]string{"B": workshop.MeasureValue(b, m.Scale, st.lang)}))
		}
		if t := strings.TrimSpace(m.Target); t != "" {
			g := st.t("projector.measure.target", map[string]string{"T": workshop.MeasureValue(t, m.Scale, st.lang)})
			if m.TargetDate != "" {
				g += " " + st.t("projector.by", map[string]string{"D": date(m.TargetDate, st.lang)})
			}
			goal = append(goal, g)
		}
		if len(goal) > 0 {
			lines = append(lines, st.text(capital(strings.Join(goal, " · ")), sizeText, true))
		}
		// At a check-in: where the measure is now, and on what track.
		if tr := s.MeasureTrack(m.ID); s.IsCheckin() && tr.Latest != nil {
			lines = append(lines, st.text(st.t("projector.measure.now", map[string]string{
				"V": workshop.MeasureValue(tr.Latest.Value, m.Scale, st.lang), "D": date(tr.Latest.Date, st.lang),
				"S": st.label(workshop.TrackLabels, tr.Status)}), sizeText, true))
		}
		var meta []string
		if f := strings.TrimSpace(m.Frequency); f != "" {
			meta = append(meta, st.t("projector.measure.follow", map[string]string{"F": frequency(f, st)}))
		}
		if o := s.PersonName(m.OwnerID, strings.TrimSpace(m.OwnerName)); o != "" {
			meta = append(meta, st.t("projector.owner", map[string]string{"N": o}))
		}
		if len(meta) > 0 {
			lines = append(lines, muted(st.text(strings.Join(meta, " · "), sizeText, false)))
		}
		tiles = append(tiles, tile(st, colPrimary, st.tag(head, inkPrimary), m.Name, lines...))
	}
	return grid(st, 3, tiles)
}

// frequency translates the usual frequency words; anything else is shown as typed.
func frequency(f string, st *state) string {
	key := "projector.freq." + strings.ToLower(f)
	if t := st.t(key); t != key {
		return t
	}
	return f
}

// actionColumns are the next steps under S2's three kinds, by due date;
// with asks, each column's question of step 9 is under its head.
func actionColumns(st *state, asks bool) fyne.CanvasObject {
	s := st.s
	kinds := []string{workshop.ActionUnderstand, workshop.ActionMobilise, workshop.ActionAct}
	accents := []color.Color{colPrimary, colWarning, colGain}
	heads := make([]string, 3)
	bodies := make([]fyne.CanvasObject, 3)
	st.dense = len(s.Actions) > denseCards
	for i, k := range kinds {
		heads[i] = workshop.Label(workshop.ActionKindLabels, k, st.lang)
		var acts []workshop.Action
		for _, a := range s.Actions {
			// At a check-in the next steps are what is still to do.
			if a.Kind == k && !(s.IsCheckin() && (a.Status == workshop.ActionDone || a.Status == workshop.ActionDropped)) {
				acts = append(acts, a)
			}
		}
		workshop.SortActionsByDue(acts)
		var tiles []fyne.CanvasObject
		for _, a := range acts {
			owner := s.PersonName(a.OwnerID, strings.TrimSpace(a.OwnerName))
			imp := inkText
			who := st.t("projector.owner.none")
			if owner != "" {
				who = owner
			} else {
				imp = inkWarning
			}
			when := st.t("projector.due.none")
			if a.Due != "" {
				when = date(a.Due, st.lang)
			} else {
				imp = inkWarning
			}
			tiles = append(tiles, tile(st, accents[i], st.tag(who+" · "+when, imp), a.Text))
		}
		bodies[i] = cappedGrid(st, 1, tiles)
	}
	var qs []string
	if step := workshop.StepByKey(workshop.StepNextSteps); asks && step != nil {
		for _, q := range step.Questions {
			qs = append(qs, q.In(st.lang))
		}
	}
	return columns(st, heads, accents, bodies, qs...)
}

// capital starts the text with a capital letter.
func capital(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
