package projector

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"lupauspaja/ui/charts"
	"lupauspaja/workshop"
)

// voters counts the participants who have given dots and who have rated.
func voters(s *workshop.Session) (dots, rated int) {
	d, r := map[string]bool{}, map[string]bool{}
	for _, v := range s.DotVotes {
		if v.Dots > 0 {
			d[v.ParticipantID] = true
		}
	}
	for _, rt := range s.Ratings {
		for _, sc := range rt.Scores {
			if sc >= 1 && sc <= 5 {
				r[rt.ParticipantID] = true
			}
		}
	}
	return len(d), len(r)
}

// evaluationBody shows the drafts and the progress of the vote while the
// vote is blind, and the totals only when the facilitator reveals them:
// never who gave what.
func evaluationBody(st *state) fyne.CanvasObject {
	s := st.s
	nd, nr := voters(s)
	of := len(s.Participants) + len(s.AnonymousVoters()) // anonymous phones count too
	// One line for both counts, so that the drafts keep the height.
	var progress []string
	if !st.votesRevealed {
		progress = append(progress, st.t("projector.votes.progress", map[string]int{"N": nd, "Of": of}))
	}
	if !st.ratingsRevealed && (nr > 0 || st.votesRevealed) {
		progress = append(progress, st.t("projector.ratings.progress", map[string]int{"N": nr, "Of": of}))
	}
	top := container.NewVBox()
	if len(progress) > 0 {
		top = container.NewVBox(st.text(strings.Join(progress, " · "), sizeBody, true))
	}

	switch {
	case st.votesRevealed && st.ratingsRevealed:
		return container.NewBorder(top, nil, nil, nil, split(st, dotsChart(st, true), criteriaChart(st), 0.3))
	case st.ratingsRevealed:
		return container.NewBorder(top, nil, nil, nil, criteriaChart(st))
	case st.votesRevealed:
		return container.NewBorder(top, nil, nil, nil, dotsChart(st, false))
	}
	st.dense = len(s.Drafts) > denseCards
	return container.NewBorder(top, nil, nil, nil, draftGrid(st, draftTiles(st, nil)))
}

// dotsChart is the dot totals; short gives only the drafts' short names, for
// when the chart shares the page with the criteria (whose legend has the words).
func dotsChart(st *state, short bool) fyne.CanvasObject {
	bars := charts.DotBars(st.s, st.lang)
	if short {
		for i := range bars {
			if j := strings.Index(bars[i].Label, " · "); j > 0 {
				bars[i].Label = bars[i].Label[:j]
			}
		}
	}
	return st.section(st.t("projector.dots.title"), st.fitBars("dots", st.lang, bars))
}

// criteriaChart compares the finalists on C1..C8, with the weighted score
// and the gate under the chart.
func criteriaChart(st *state) fyne.CanvasObject {
	series, groups := charts.CriteriaGroups(st.s, st.lang)
	// The weighted score goes into the legend, after the draft's short name.
	var failed []string
	for i, r := range charts.Finalists(st.s) {
		if i >= len(series) {
			break
		}
		short := charts.DraftShort(st.s, r.DraftID, st.lang)
		series[i] = short + " (" + charts.Number(r.Weighted, st.lang) + ")" + strings.TrimPrefix(series[i], short)
		if !r.GatePassed {
			failed = append(failed, short)
		}
	}
	var foot fyne.CanvasObject
	if len(failed) > 0 {
		foot = colored(st.text(st.t("projector.gate.failed", map[string]string{"D": strings.Join(failed, ", ")}), sizeText, true), inkWarning)
	}
	return st.section(st.t("projector.criteria.title"), container.NewBorder(foot, nil, nil, nil, st.grouped(series, groups, 5)))
}

// promiseText is the agreed wording in the language, or the chosen draft's
// while the final wording is not written yet.
func promiseText(st *state) string {
	d := st.s.Decision
	if st.lang != st.s.Language && strings.TrimSpace(d.FinalTextAlt) != "" {
		return d.FinalTextAlt
	}
	if strings.TrimSpace(d.FinalText) != "" {
		return d.FinalText
	}
	if dr := st.s.Draft(d.ChosenDraftID); dr != nil {
		return charts.DraftText(dr, st.s, st.lang)
	}
	return ""
}

// promiseStatement is the promise as a big statement in the middle of the page.
func promiseStatement(st *state) fyne.CanvasObject {
	p := promiseText(st)
	if p == "" {
		return container.NewCenter(muted(st.text(st.t("projector.promise.none"), sizeQuestion, false)))
	}
	l := st.text(workshop.Quote(p, st.lang), sizePromise, true)
	centered(l)
	val := muted(st.text(workshop.Label(workshop.ValidationLabels, st.s.Decision.ValidationStatus, st.lang), sizeText, false))
	centered(val)
	return container.New(&fitted{middle: middle{gap: st.size(sizePadding) * 3}, rt: l,
		sizes: []fyne.ThemeSizeName{sizePromise, sizeHeading, sizeQuestion, sizeBody, sizeText}}, l, val)
}

func decisionBody(st *state) fyne.CanvasObject {
	s := st.s
	if promiseText(st) == "" {
		short := draftTiles(st, func(d *workshop.Draft) bool { return d.Shortlisted })
		if len(short) == 0 {
			short = draftTiles(st, nil)
		}
		return grid(st, 3, short)
	}
	cs := s.ConsentResult()
	if cs.Votes == 0 {
		return promiseStatement(st)
	}
	fist := st.section(st.t("projector.fist.title", map[string]int{"N": cs.Votes, "Round": max(s.Decision.ConsentRound, 1)}),
		st.fitBars("fist", st.lang, charts.FistBars(s, st.lang)))
	var right []fyne.CanvasObject
	if cs.Reached {
		right = append(right, colored(st.text(st.t("projector.consent.reached"), sizeBody, true), inkSuccess))
	} else {
		right = append(right, colored(st.text(st.t("projector.consent.open", map[string]int{"N": cs.Counts[0] + cs.Counts[1] + cs.Counts[2]}), sizeBody, true), inkWarning))
	}
	// The open concerns as the facilitator wrote them down; the consent
	// round's own concerns carry names and stay on the facilitator's screen.
	var concerns []fyne.CanvasObject
	for _, c := range s.Decision.OpenConcerns {
		if c = strings.TrimSpace(c); c != "" {
			concerns = append(concerns, tile(st, colWarning, nil, c))
		}
	}
	statement := st.text(workshop.Quote(promiseText(st), st.lang), sizeQuestion, true)
	side := container.NewBorder(container.NewVBox(right...), nil, nil, nil, grid(st, 1, concerns))
	if len(concerns) == 0 {
		side = container.NewVBox(right...)
	}
	return container.NewBorder(statement, nil, nil, nil, split(st, fist, side, 0.5))
}
