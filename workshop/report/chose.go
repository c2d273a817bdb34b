package report

import (
	"fmt"
	"strings"

	"lupauspaja/workshop"
)

// finalistColors tell the finalists apart in the criteria chart.
var finalistColors = []rgb{accent, rgb{95, 168, 160}, rgb{214, 150, 60}, rgb{150, 120, 180}}

// chose is section "how we chose": every draft with its dots, the dot and
// criteria charts, the heatmap with gate and disagreement flags, the
// rationale and why the others were rejected.
func (d *doc) chose() {
	s := d.s
	d.h1(d.w.Chose, false)
	if len(s.Drafts) == 0 {
		d.notRecorded()
		return
	}
	byID := map[string]workshop.DraftResult{}
	for _, r := range d.results {
		byID[r.DraftID] = r
	}

	d.h2(d.w.DraftsTitle, 20)
	t := d.table(column{"", 7, "L"}, column{d.w.Draft, 67, "L"}, column{d.w.Authors, 18, "L"}, column{d.w.Dots, 8, "R"})
	var rows [][]cell
	for _, dr := range s.Drafts {
		r := byID[dr.ID]
		c := txt(d.draftText(&dr))
		if dr.ID == s.Decision.ChosenDraftID && dr.ID != "" {
			c = cell{spans: []span{{text: d.draftText(&dr), style: "B"}, {text: upper(d.w.Chosen), style: "B", size: 7.5, color: &green}}}
		} else if dr.Shortlisted {
			c = c.with(span{text: upper(d.w.Shortlisted), style: "B", size: 7.5, color: &accent})
		}
		for _, extra := range d.draftDetails(&dr) {
			c = c.with(span{text: extra, size: 7.5, color: &muted})
		}
		rows = append(rows, []cell{bold(d.draftLabel(dr.ID)), c, txt(d.authors(dr)), bold(fmt.Sprint(r.Dots))})
	}
	t.draw(rows)
	d.moore()

	d.dotChart()
	d.criteriaChart()
	d.heatmap()

	if r := strings.TrimSpace(s.Decision.Rationale); r != "" {
		d.h2(d.w.Rationale, 12)
		d.body(r)
	}
	if len(s.Consent) > 0 || len(s.Decision.OpenConcerns) > 0 {
		d.h2(d.w.Consent, 38)
		d.consentBlock(true)
	}
	var rej [][]cell
	for _, rj := range s.Decision.Rejected {
		if strings.TrimSpace(rj.Reason) == "" {
			continue
		}
		rej = append(rej, []cell{bold(d.draftLabel(rj.DraftID)), txt(d.draftText(s.Draft(rj.DraftID))), txt(rj.Reason)})
	}
	if len(rej) > 0 {
		d.h2(d.w.Rejected, 20)
		t := d.table(column{"", 7, "L"}, column{d.w.Draft, 40, "L"}, column{d.w.Reason, 53, "L"})
		t.draw(rej)
	}
}

// authors names a draft's authors; a draft without authors stays anonymous.
func (d *doc) authors(dr workshop.Draft) string {
	var names []string
	for _, id := range dr.AuthorIDs {
		if n := d.person(id, ""); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return d.w.Anonymous
	}
	return strings.Join(names, ", ")
}

// dotChart is the dot vote as bars, most dots first.
func (d *doc) dotChart() {
	top := 0
	var rows []barRow
	for _, r := range d.results {
		top = max(top, r.Dots)
	}
	if top == 0 {
		return
	}
	for i, r := range d.results {
		if i == dotChartRows {
			break
		}
		dr := d.s.Draft(r.DraftID)
		rows = append(rows, barRow{
			label: d.draftLabel(r.DraftID) + "  " + oneLine(d.draftText(dr)),
			bars:  []bar{{float64(r.Dots), fmt.Sprint(r.Dots), accent}},
		})
	}
	d.h2(d.w.DotChart, min(d.hbarsHeight(rows, 75), bodyLimit-marginTop-20))
	d.hbars(rows, float64(top), 75)
	if n := len(d.results) - len(rows); n > 0 {
		d.note(fmt.Sprintf(d.w.MoreDrafts, n))
	}
}

// dotChartRows keeps the dot chart on one page; the drafts table above it
// lists every draft with its dots.
const dotChartRows = 15

// finalists are the shortlisted drafts, or the three best when none was
// shortlisted; only rated drafts count.
func (d *doc) finalists() []workshop.DraftResult {
	short := map[string]bool{}
	for _, dr := range d.s.Drafts {
		if dr.Shortlisted {
			short[dr.ID] = true
		}
	}
	var out []workshop.DraftResult
	for _, r := range d.results {
		if r.Raters == 0 || (len(short) > 0 && !short[r.DraftID]) {
			continue
		}
		out = append(out, r)
		if len(out) == len(finalistColors) || (len(short) == 0 && len(out) == 3) {
			break
		}
	}
	return out
}

// criteriaChart is the finalists' criterion means as grouped columns.
func (d *doc) criteriaChart() {
	fs := d.finalists()
	if len(fs) == 0 {
		return
	}
	var cats []string
	for _, c := range workshop.Criteria {
		cats = append(cats, c.ID)
	}
	var ss []series
	var names []string
	for i, r := range fs {
		ss = append(ss, series{values: r.Mean[:], color: finalistColors[i]})
		names = append(names, d.draftLabel(r.DraftID)+" "+d.fitWords(d.draftText(d.s.Draft(r.DraftID)), 52))
	}
	d.h2(d.w.CriteriaChart, 70)
	d.columns(cats, ss, 5, 42)
	// The criterion names under the IDs would crowd the axis; one line of
	// names keeps the chart readable.
	var crit []string
	for _, c := range workshop.Criteria {
		crit = append(crit, c.ID+" "+c.Name.In(d.lang))
	}
	d.para(strings.Join(crit, " · "), marginL, contentW, "", 7.5, 3.6, muted)
	d.gap(1.5)
	d.legend(names, finalistColors)
}

// fitWords shortens a text to about n characters at a word boundary.
func (d *doc) fitWords(s string, n int) string {
	return sentences(oneLine(s), 1, n)
}

// heatmap is a table of every rated draft's criterion means, coloured from
// red to green, with the weighted score, the gate and disagreement flags.
func (d *doc) heatmap() {
	var rated []workshop.DraftResult
	for _, r := range d.results {
		if r.Raters > 0 {
			rated = append(rated, r)
		}
	}
	if len(rated) == 0 {
		return
	}
	cols := []column{{d.w.Draft, 9, "L"}}
	for _, c := range workshop.Criteria {
		title := c.ID
		if c.Core {
			title += "*"
		}
		cols = append(cols, column{title, 7, "R"})
	}
	cols = append(cols, column{d.w.Weighted, 12, "R"}, column{d.w.Gate, 12, "L"}, column{d.w.Disagreement, 15, "L"})
	var rows [][]cell
	for _, r := range rated {
		row := []cell{bold(d.draftLabel(r.DraftID))}
		dis := map[int]bool{}
		for _, c := range r.Disagreement {
			dis[c] = true
		}
		for c := 0; c < workshop.NumCriteria; c++ {
			v := "–"
			if r.Mean[c] > 0 {
				v = d.num(r.Mean[c], 1)
			}
			bg := heat(r.Mean[c])
			cl := cell{spans: []span{{text: v}}, bg: &bg}
			if dis[c] {
				cl.spans[0] = span{text: v + " !", style: "B", color: &red}
			}
			row = append(row, cl)
		}
		gate := cell{spans: []span{{text: d.w.GatePass, style: "B", color: &green}}}
		if !r.GatePassed {
			gate = cell{spans: []span{{text: d.w.GateFail, style: "B", color: &red}}}
		}
		var flags []string
		for _, c := range r.Disagreement {
			flags = append(flags, workshop.Criteria[c].ID)
		}
		row = append(row, bold(d.num(r.Weighted, 2)), gate, txt(strings.Join(flags, ", ")))
		rows = append(rows, row)
	}
	d.h2(d.w.Heatmap, 25)
	t := d.table(cols...)
	t.draw(rows)
	d.note(d.w.HeatmapNote)
	d.ratingComments()
}

// draftDetails are the lines under a draft's wording: its wording in the
// other language, the segments it is for, the profile items it rests on
// and the draft it was rewritten from.
func (d *doc) draftDetails(dr *workshop.Draft) []string {
	var out []string
	other := dr.TextAlt
	if d.draftText(dr) == dr.TextAlt {
		other = dr.Text
	}
	if o := oneLine(other); o != "" && o != oneLine(d.draftText(dr)) {
		out = append(out, d.w.OtherLanguage+": "+o)
	}
	var segs []string
	for _, id := range dr.SegmentIDs {
		if sg := d.s.Segment(id); sg != nil && oneLine(sg.Name) != "" {
			segs = append(segs, oneLine(sg.Name))
		}
	}
	if len(segs) > 0 {
		out = append(out, d.w.ForSegments+": "+strings.Join(segs, ", "))
	}
	var based []string
	for _, id := range dr.BasedOn {
		if it := d.s.ProfileItem(id); it != nil {
			based = append(based, oneLine(it.Text))
		}
	}
	if len(based) > 0 {
		out = append(out, d.w.BasedOn+": "+strings.Join(based, "; "))
	}
	if dr.ParentID != "" && d.s.Draft(dr.ParentID) != nil {
		out = append(out, "← "+d.draftLabel(dr.ParentID))
	}
	return out
}

// moore is the positioning scaffold of every draft that has one.
func (d *doc) moore() {
	var rows [][]cell
	for _, dr := range d.s.Drafts {
		m := dr.Moore
		if m == nil {
			continue
		}
		var c cell
		for _, f := range []struct{ k, v string }{
			{d.w.MooreFor, m.For}, {d.w.MooreNeed, m.Need}, {d.w.MooreBenefit, m.Benefit},
			{d.w.MooreUnlike, m.Unlike}, {d.w.MooreDiff, m.Differentiator},
		} {
			if v := strings.TrimSpace(f.v); v != "" {
				c = c.with(span{text: f.k + ": " + v})
			}
		}
		if len(c.spans) > 0 {
			rows = append(rows, []cell{bold(d.draftLabel(dr.ID)), c})
		}
	}
	if len(rows) == 0 {
		return
	}
	d.h2(d.w.MooreTitle, 20)
	d.table(column{d.w.Draft, 9, "L"}, column{"", 91, "L"}).draw(rows)
}

// ratingComments are what the raters wrote beside their scores.
func (d *doc) ratingComments() {
	var rows [][]cell
	for _, dr := range d.s.Drafts {
		for _, r := range d.s.Ratings {
			if r.DraftID != dr.ID || strings.TrimSpace(r.Comment) == "" {
				continue
			}
			who := d.person(r.ParticipantID, "")
			if who == "" {
				who = d.w.Anonymous
			}
			rows = append(rows, []cell{bold(d.draftLabel(dr.ID)), txt(who), txt(r.Comment)})
		}
	}
	if len(rows) == 0 {
		return
	}
	d.h2(d.w.RatingComments, 20)
	d.table(column{d.w.Draft, 9, "L"}, column{d.w.Name, 22, "L"}, column{d.w.Comment, 69, "L"}).draw(rows)
}
