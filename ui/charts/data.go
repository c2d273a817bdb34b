package charts

import (
	"strconv"
	"strings"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// The functions below turn a session into the bars of the workshop's charts,
// so that the facilitator's step screens and the projector draw the same
// figures. lang is the language of the labels ("fi" or "en").

// Number formats a score with one decimal in the language's way (4,5 /
// 4.5), halves away from zero: workshop.FormatScore, which the PDF uses too.
func Number(v float64, lang string) string { return workshop.FormatScore(v, lang) }

// DraftShort is the draft's short name by its place in the session: "L1" / "D1".
func DraftShort(s *workshop.Session, id, lang string) string {
	for i, d := range s.Drafts {
		if d.ID == id {
			return i18n.TIn(lang, "charts.draft.short", map[string]int{"N": i + 1})
		}
	}
	return "?"
}

// DraftText is the draft's wording in the language, falling back to the
// session's language.
func DraftText(d *workshop.Draft, s *workshop.Session, lang string) string {
	if lang != s.Language && strings.TrimSpace(d.TextAlt) != "" {
		return d.TextAlt
	}
	return d.Text
}

// LadderBars is the spread of the ladder placements: per rung the share of
// participants who placed the organisation there, against Finland 2021.
func LadderBars(s *workshop.Session, lang string) []Bar {
	counts := s.LadderCounts()
	total := 0
	for _, c := range counts {
		total += c
	}
	out := make([]Bar, len(workshop.Ladder))
	for i, rung := range workshop.Ladder {
		pct := 0.0
		if total > 0 {
			pct = float64(counts[i]) * 100 / float64(total)
		}
		out[i] = Bar{
			Label:         strconv.Itoa(rung.Level) + " · " + rung.Label.In(lang),
			Value:         pct,
			Max:           100,
			ValueText:     i18n.TIn(lang, "charts.ladder.value", map[string]any{"N": counts[i], "P": int(pct + 0.5)}),
			Reference:     float64(rung.Finland2021),
			ReferenceText: i18n.TIn(lang, "charts.ladder.reference", map[string]int{"P": rung.Finland2021}),
		}
	}
	return out
}

// DotBars are the dot totals per draft, most dots first.
func DotBars(s *workshop.Session, lang string) []Bar {
	res := s.Results()
	max := 0.0
	for _, r := range res {
		if float64(r.Dots) > max {
			max = float64(r.Dots)
		}
	}
	out := make([]Bar, 0, len(res))
	for _, r := range res {
		d := s.Draft(r.DraftID)
		out = append(out, Bar{
			Label:     DraftShort(s, r.DraftID, lang) + " · " + DraftText(d, s, lang),
			Value:     float64(r.Dots),
			Max:       max,
			ValueText: strconv.Itoa(r.Dots),
		})
	}
	return out
}

// FistBars are the fist-of-five counts: how many showed 0..5 fingers.
func FistBars(s *workshop.Session, lang string) []Bar {
	cs := s.ConsentResult()
	max := 0
	for _, c := range cs.Counts {
		if c > max {
			max = c
		}
	}
	out := make([]Bar, 6)
	for f := 5; f >= 0; f-- {
		out[5-f] = Bar{
			Label:     i18n.TIn(lang, "charts.fist.fingers", map[string]int{"N": f}),
			Value:     float64(cs.Counts[f]),
			Max:       float64(max),
			ValueText: strconv.Itoa(cs.Counts[f]),
		}
	}
	return out
}

// CriteriaBars are one draft's criterion means on the 1–5 scale.
func CriteriaBars(s *workshop.Session, draftID, lang string) []Bar {
	var res *workshop.DraftResult
	all := s.Results()
	for i := range all {
		if all[i].DraftID == draftID {
			res = &all[i]
		}
	}
	out := make([]Bar, workshop.NumCriteria)
	for c, cr := range workshop.Criteria {
		b := Bar{Label: cr.ID + " " + cr.Name.In(lang), Max: 5, ValueText: "–"}
		if res != nil && res.Mean[c] > 0 {
			b.Value, b.ValueText = res.Mean[c], Number(res.Mean[c], lang)
		}
		out[c] = b
	}
	return out
}

// Finalists are the drafts whose criteria scores are compared: the
// shortlisted ones, or else the rated ones, in the order of the results.
func Finalists(s *workshop.Session) []workshop.DraftResult {
	var short, rated []workshop.DraftResult
	for _, r := range s.Results() {
		if d := s.Draft(r.DraftID); d != nil && d.Shortlisted {
			short = append(short, r)
		}
		if r.Raters > 0 {
			rated = append(rated, r)
		}
	}
	if len(short) > 0 {
		return short
	}
	return rated
}

// MaxFinalists is how many drafts a criteria chart compares: the top ones.
// More bars than that to a criterion cannot be told apart, nor read.
const MaxFinalists = 6

// CriteriaGroups are the criterion means of the finalists (the first
// MaxFinalists of them): the series are the drafts ("L1: wording…"), the
// groups the criteria C1..C8.
func CriteriaGroups(s *workshop.Session, lang string) (series []string, groups []Group) {
	fin := Finalists(s)
	if len(fin) > MaxFinalists {
		fin = fin[:MaxFinalists]
	}
	for _, r := range fin {
		series = append(series, DraftShort(s, r.DraftID, lang)+": "+DraftText(s.Draft(r.DraftID), s, lang))
	}
	groups = make([]Group, workshop.NumCriteria)
	for c, cr := range workshop.Criteria {
		g := Group{Label: cr.ID + " " + cr.Name.In(lang)}
		for _, r := range fin {
			g.Values = append(g.Values, r.Mean[c])
			g.Texts = append(g.Texts, Number(r.Mean[c], lang))
		}
		groups[c] = g
	}
	return series, groups
}
