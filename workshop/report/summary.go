package report

import (
	"fmt"
	"strings"

	"lupauspaja/workshop"
)

// Caps that keep the summary on one page; the detail sections list everything.
const (
	summaryActions  = 7
	summaryMeasures = 4
	summaryConcerns = 4
)

// summary is the one page a manager reads: the promise, why, how it is
// measured, who does what, whether the room agreed, and what is still open.
func (d *doc) summary() {
	s := d.s
	d.pdf.Bookmark(d.w.Summary, 0, -1)
	y := d.y()
	d.font("B", sizeH1, accent)
	d.pdf.SetXY(marginL, y)
	d.pdf.CellFormat(contentW, 9, d.w.Summary, "", 2, "L", false, 0, "")
	// The review date sits on the heading line: it is when this page will
	// be looked at again.
	if r := d.date(s.NextReviewDate); r != "" {
		d.font("", 9, muted)
		txt := d.w.NextReview + ": "
		d.pdf.SetXY(marginL+contentW-90, y+1)
		d.font("B", 10, accent)
		wDate := d.pdf.GetStringWidth(r)
		d.font("", 9, muted)
		wLabel := d.pdf.GetStringWidth(txt)
		x := marginL + contentW - wDate - wLabel
		d.pdf.SetXY(x, y+1.5)
		d.pdf.CellFormat(wLabel, 7, txt, "", 0, "L", false, 0, "")
		d.font("B", 10, accent)
		d.pdf.CellFormat(wDate, 7, r, "", 0, "L", false, 0, "")
		d.setY(y + 9)
	}
	d.gap(3)
	d.promisePanel()

	if strings.TrimSpace(s.Decision.FinalText) != "" && s.Decision.ValidationStatus != workshop.ValidationDone {
		d.gap(3)
		d.validationWarning()
	}

	if why := sentences(oneLine(s.Decision.Rationale), 3, 420); why != "" {
		d.gap(5)
		d.label(d.w.Why, marginL, contentW)
		d.gap(0.5)
		d.body(why)
	}

	if len(s.Measures) > 0 {
		d.gap(5)
		d.need(20)
		d.label(d.w.Measures, marginL, contentW)
		d.gap(0.5)
		t := d.table(
			column{d.w.Measure, 46, "L"},
			column{d.w.Baseline, 13, "L"},
			column{d.w.Target, 13, "L"},
			column{d.w.TargetDate, 12, "L"},
			column{d.w.Owner, 16, "L"},
		)
		var rows [][]cell
		for i, m := range s.Measures {
			if i == summaryMeasures {
				break
			}
			rows = append(rows, []cell{bold(m.Name), txt(d.measureValue(m.Baseline, m)), bold(d.measureValue(m.Target, m)), txt(d.date(m.TargetDate)), d.ownerCell(m.OwnerID, m.OwnerName)})
		}
		t.draw(rows)
		if n := len(s.Measures) - summaryMeasures; n > 0 {
			d.note(plural(n, d.w.MoreMeasure1, d.w.MoreMeasures))
		}
	}

	if len(s.Actions) > 0 {
		d.gap(4)
		d.need(20)
		d.label(d.w.Actions, marginL, contentW)
		d.gap(0.5)
		acts := append([]workshop.Action(nil), s.Actions...)
		workshop.SortActionsByDue(acts)
		t := d.table(
			column{d.w.Action, 62, "L"},
			column{d.w.Owner, 22, "L"},
			column{d.w.Due, 16, "L"},
		)
		var rows [][]cell
		// One line per action here; the full text is under Next steps.
		d.font("", t.size, ink)
		textW := t.colW(0) - 2*cellPadX
		for i, a := range acts {
			if i == summaryActions {
				break
			}
			rows = append(rows, []cell{txt(d.fit(oneLine(a.Text), textW)), d.ownerCell(a.OwnerID, a.OwnerName), d.dueCell(a.Due)})
		}
		// The consent and review date must stay on this page too.
		reserve := d.consentHeight()
		for len(rows) > 1 && t.height(rows) > d.room()-reserve {
			rows = rows[:len(rows)-1]
		}
		t.draw(rows)
		shown := len(rows)
		if n := len(acts) - shown; n > 0 {
			d.note(plural(n, d.w.MoreAction1, d.w.MoreActions))
		}
	}

	d.gap(4)
	d.consentBlock(false)

}

// promisePanel shows the promise in the report's language large, and the
// other language's wording under it.
func (d *doc) promisePanel() {
	dec := d.s.Decision
	main, other := dec.FinalText, dec.FinalTextAlt
	otherLang := "en"
	if d.sessionLang() == "en" {
		otherLang = "fi"
	}
	if d.lang != d.sessionLang() && strings.TrimSpace(dec.FinalTextAlt) != "" {
		main, other, otherLang = dec.FinalTextAlt, dec.FinalText, d.sessionLang()
	}
	otherLabel := d.w.InEnglish
	if otherLang == "fi" {
		otherLabel = d.w.InFinnish
	}
	label := d.promiseLabel()
	if strings.TrimSpace(main) == "" {
		// Half-way through, the leading draft is the best thing to show.
		if len(d.results) > 0 && d.results[0].Dots > 0 {
			dr := d.s.Draft(d.results[0].DraftID)
			main, other, label = d.draftText(dr), "", d.w.LeadingDraft
			d.panel(accentLight, accentSoft, []block{
				{text: d.w.NoPromise, style: "B", size: 11, lh: 6, color: amber},
				{text: label, label: true, lh: 4.5, color: accent, gap: 2},
				{text: main, style: "B", size: 14, lh: 7, color: accent},
			})
			return
		}
		d.panel(accentLight, accentSoft, []block{{text: d.w.NoPromise, style: "B", size: 13, lh: 7, color: amber}})
		return
	}
	size, lh := 19.0, 9.0
	if n := len([]rune(main)); n > 600 {
		size, lh = 11, 5.6
	} else if n > 220 {
		size, lh = 14, 7
	}
	bs := []block{
		{text: label, label: true, lh: 5, color: accent},
		{text: main, style: "B", size: size, lh: lh, color: accent, gap: 1.5},
	}
	if strings.TrimSpace(other) != "" {
		bs = append(bs, block{text: otherLabel + ": " + other, style: "I", size: 9.5, lh: 4.8, color: muted, gap: 2.5})
	}
	d.panel(accentLight, accent, bs)
}

// validationWarning is the box the method asks for while customers have not
// confirmed the promise.
func (d *doc) validationWarning() {
	dec := d.s.Decision
	bs := []block{{text: d.w.NotValidated, style: "B", size: 10.5, lh: 5.5, color: amber}}
	status := d.enum(workshop.ValidationLabels, dec.ValidationStatus)
	if status == "" {
		status = d.enum(workshop.ValidationLabels, workshop.ValidationInternal)
	}
	bs = append(bs, block{text: d.w.ValidationStatus + ": " + status, size: sizeBody, lh: lineBody, color: ink, gap: 0.5})
	if plan := strings.TrimSpace(dec.ValidationPlan); plan != "" {
		bs = append(bs, block{text: d.w.ValidationPlan + ": " + plan, size: sizeBody, lh: lineBody, color: ink})
	}
	d.panel(amberLight, amber, bs)
}

// consentBlock shows the fist-of-five chart beside the result and the open
// concerns; on the summary page (full = false) only as many as fit.
func (d *doc) consentBlock(full bool) {
	cs := d.s.ConsentResult()
	concerns := append([]string(nil), cs.Concerns...)
	for _, c := range d.s.Decision.OpenConcerns {
		if strings.TrimSpace(c) != "" {
			concerns = append(concerns, c)
		}
	}
	const chartW, chartH = 52.0, 24.0
	d.need(chartH + 14)
	if !full {
		d.label(d.w.Consent, marginL, contentW)
		d.gap(1)
	}
	top := d.y()
	if cs.Votes > 0 {
		d.fist(cs.Counts, marginL, chartW, chartH)
	}
	x := marginL + chartW + 10
	w := contentW - chartW - 10
	if cs.Votes == 0 {
		x, w = marginL, contentW
	}
	d.setY(top)
	if cs.Votes > 0 {
		d.para(fmt.Sprintf(d.w.ConsentLine, cs.Votes, d.num(cs.Mean, 1), cs.Lowest), x, w, "", sizeBody, lineBody, ink)
		if cs.Reached {
			d.para(d.w.ConsentReached, x, w, "B", sizeBody, lineBody, green)
		} else {
			d.para(d.w.ConsentNotReached, x, w, "B", sizeBody, lineBody, red)
		}
	} else {
		d.para(d.w.NoConsent, x, w, "I", sizeBody, lineBody, muted)
	}
	if len(concerns) > 0 {
		d.gap(2)
		d.label(d.w.OpenConcerns, x, w)
		for i, c := range concerns {
			text := "•  " + sentences(oneLine(c), 2, 200)
			d.font("", sizeBody, ink)
			h := float64(len(d.wrap(text, w))) * lineBody
			if !full && (i == summaryConcerns || h > d.room()-lineSmall) {
				// The rest are listed in full under How we chose.
				d.para(fmt.Sprintf(d.w.MoreConcerns, len(concerns)-i), x, w, "", sizeSmall, lineSmall, muted)
				break
			}
			d.para(text, x, w, "", sizeBody, lineBody, ink)
		}
	}
	if cs.Votes > 0 {
		d.setY(max(d.y(), top+chartH+9))
	}
}

// ownerCell names the owner, or flags that there is none.
func (d *doc) ownerCell(id, name string) cell {
	if n := d.person(id, name); n != "" {
		return txt(n)
	}
	return flag(d.w.NoOwner)
}

// dueCell shows the due date, or flags that there is none.
func (d *doc) dueCell(due string) cell {
	if v := d.date(due); v != "" {
		return txt(v)
	}
	return flag(d.w.NoDue)
}

// sentences keeps the first n sentences of a text, cut at max characters.
func sentences(text string, n, maxChars int) string {
	rs := []rune(text)
	count := 0
	for i, r := range rs {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(rs) || rs[i+1] == ' ') {
			count++
			if count == n {
				rs = rs[:i+1]
				break
			}
		}
	}
	if len(rs) > maxChars {
		cut := maxChars
		for cut > maxChars*2/3 && rs[cut] != ' ' {
			cut--
		}
		if rs[cut] != ' ' {
			cut = maxChars
		}
		return strings.TrimRight(string(rs[:cut]), " ,;:–-") + " …"
	}
	return string(rs)
}

// plural picks the sentence for one or the format for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// consentHeight is the room the summary's consent block needs with its
// first two concerns, so that the actions above it leave that room.
func (d *doc) consentHeight() float64 {
	const chartH, textW = 24.0, contentW - 62
	cs := d.s.ConsentResult()
	concerns := append([]string(nil), cs.Concerns...)
	concerns = append(concerns, d.s.Decision.OpenConcerns...)
	text := 4 + 2*lineBody + 2
	d.font("", sizeBody, ink)
	for i, c := range concerns {
		if i == 2 {
			text += lineSmall
			break
		}
		text += float64(len(d.wrap("•  "+sentences(oneLine(c), 2, 200), textW))) * lineBody
	}
	return 18 + max(chartH+9, text) // 8 mm of it for the "and n more" line above
}
