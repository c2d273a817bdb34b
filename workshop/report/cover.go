package report

import (
	"strconv"
	"strings"

	"lupauspaja/workshop"
)

// cover draws the first page: who, when and where, and who took part.
func (d *doc) cover() {
	p := d.pdf
	s := d.s
	org := oneLine(s.Organisation)
	if org == "" {
		org = d.w.DocTitle
	}
	d.font("B", 26, white)
	lines := d.wrap(org, contentW)
	if len(lines) > 2 {
		lines = []string{lines[0], d.fit(lines[1]+" "+lines[2], contentW)}
	}
	d.font("", 13, white)
	var tl []string
	if title := oneLine(s.Title); title != "" {
		tl = d.wrap(title, contentW)
		if len(tl) > 2 {
			tl = []string{tl[0], d.fit(tl[1]+" "+tl[2], contentW)}
		}
	}
	// The accent band carries the organisation's name like a letterhead;
	// it grows with a long name so that nothing spills out of it.
	band := 22 + 8 + float64(len(lines))*11 + 1 + float64(len(tl))*6.5 + 14
	d.fill(accent)
	p.Rect(0, 0, pageW, band, "F")
	d.setY(22)
	d.font("B", 8.5, rgb{200, 222, 233})
	p.SetXY(marginL, d.y())
	p.CellFormat(contentW, 5, d.w.Kicker, "", 2, "L", false, 0, "")
	d.gap(3)
	d.font("B", 26, white)
	for _, ln := range lines {
		p.SetXY(marginL, d.y())
		p.CellFormat(contentW, 11, ln, "", 2, "L", false, 0, "")
	}
	d.gap(1)
	d.font("", 13, rgb{228, 238, 244})
	for _, ln := range tl {
		p.SetXY(marginL, d.y())
		p.CellFormat(contentW, 6.5, ln, "", 2, "L", false, 0, "")
	}

	d.setY(band + 10)
	d.coverPromise()
	d.facts()
	d.gap(3)
	d.badge()
	if goal := strings.TrimSpace(s.Goal); goal != "" {
		d.gap(4)
		d.label(d.w.Goal, marginL, contentW)
		d.body(goal)
	}
	if len(s.Participants) > 0 {
		d.gap(5)
		d.label(d.w.Participants+" ("+itoa(len(s.Participants))+")", marginL, contentW)
		d.gap(1)
		d.participants()
	}
}

// coverPromise puts the agreed promise on the cover too: it is what the
// reader opened the document for. A very long wording is shortened here;
// the summary page has it whole.
func (d *doc) coverPromise() {
	main := d.s.Decision.FinalText
	if d.lang != d.sessionLang() && strings.TrimSpace(d.s.Decision.FinalTextAlt) != "" {
		main = d.s.Decision.FinalTextAlt
	}
	main = oneLine(main)
	if main == "" {
		return
	}
	d.label(d.promiseLabel(), marginL, contentW)
	d.gap(1)
	d.font("B", 16, accent)
	lines := d.wrap(d.quote(main), contentW)
	if len(lines) > 4 {
		lines = append(lines[:3], d.fit(lines[3]+" "+lines[4], contentW))
	}
	for _, ln := range lines {
		d.pdf.SetXY(marginL, d.y())
		d.pdf.CellFormat(contentW, 7.6, ln, "", 2, "L", false, 0, "")
	}
	d.gap(4)
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginL, d.y(), marginL+contentW, d.y())
	d.gap(5)
}

// facts is the date, time, place and facilitator in two columns.
func (d *doc) facts() {
	s := d.s
	type fact struct{ k, v string }
	var fs []fact
	when := d.date(s.Date)
	if t := oneLine(s.StartTime); t != "" && when != "" {
		when += ", " + t
	}
	for _, f := range []fact{
		{d.w.Date, when},
		{d.w.Place, oneLine(s.Place)},
		{d.w.Facilitator, oneLine(s.Facilitator)},
		{d.w.NextReview, d.date(s.NextReviewDate)},
	} {
		if f.v != "" {
			fs = append(fs, f)
		}
	}
	colW := contentW / 2
	for i := 0; i < len(fs); i += 2 {
		y := d.y()
		bottom := y
		for j := i; j < i+2 && j < len(fs); j++ {
			x := marginL + colW*float64(j-i)
			d.setY(y)
			d.label(fs[j].k, x, colW-4)
			d.para(fs[j].v, x, colW-4, "", 10.5, 5.2, ink)
			bottom = max(bottom, d.y())
		}
		d.setY(bottom + 2.5)
	}
}

// badge says whether a customer or the front line was in the room: the
// method's first test of whether a promise lives in the customer's mind.
func (d *doc) badge() {
	customer, front := false, false
	for _, p := range d.s.Participants {
		if p.Kind == workshop.KindCustomer {
			customer = true
		}
		if p.CustomerFacing {
			front = true
		}
	}
	if len(d.s.Participants) == 0 {
		return
	}
	text, fg, bg := d.w.BadgeNoVoice, amber, amberLight
	switch {
	case customer:
		text, fg, bg = d.w.BadgeCustomer, green, greenLight
	case front:
		text, fg, bg = d.w.BadgeFrontline, accent, accentLight
	}
	d.font("B", 9, fg)
	w := d.pdf.GetStringWidth(text) + 12
	y := d.y()
	d.fill(bg)
	d.pdf.RoundedRect(marginL, y, w, 7.5, 3.75, "1234", "F")
	d.fill(fg)
	d.pdf.Circle(marginL+4, y+3.75, 1.3, "F")
	d.pdf.SetXY(marginL+7, y)
	d.pdf.CellFormat(w-8, 7.5, text, "", 0, "L", false, 0, "")
	d.setY(y + 9)
}

// participants is the table of who took part and as what.
func (d *doc) participants() {
	t := d.table(
		column{d.w.Name, 28, "L"},
		column{d.w.Role, 40, "L"},
		column{d.w.Department, 16, "L"},
		column{d.w.Kind, 28, "L"},
	)
	var rows [][]cell
	for _, p := range d.s.Participants {
		kind := d.enum(workshop.KindLabels, p.Kind)
		if p.CustomerFacing && p.Kind != workshop.KindCustomer {
			kind += ", " + d.w.CustomerFacing
		}
		c := txt(kind)
		if p.Kind == workshop.KindCustomer {
			c = cell{spans: []span{{text: kind, style: "B", color: &green}}}
		}
		rows = append(rows, []cell{bold(p.Name), txt(p.Role), txt(p.Department), c})
	}
	t.draw(rows)
}

// missing is the rest of the one page of a session with nothing recorded yet.
func (d *doc) missing() {
	d.gap(8)
	y := d.y()
	items := []string{}
	if len(d.s.Participants) == 0 {
		items = append(items, d.w.MissParticipants)
	}
	items = append(items, d.w.MissBaseline, d.w.MissProfile, d.w.MissDrafts, d.w.MissPromise, d.w.MissMeasures, d.w.MissActions)
	h := 29 + float64(len(items))*5.5
	d.need(h)
	y = d.y()
	d.fill(amberLight)
	d.pdf.Rect(marginL, y, contentW, h, "F")
	d.fill(amber)
	d.pdf.Rect(marginL, y, 1.5, h, "F")
	d.setY(y + 5)
	d.para(d.w.Unfinished, marginL+7, contentW-12, "B", 13, 6.5, amber)
	d.gap(1)
	d.para(d.w.UnfinishedLead, marginL+7, contentW-12, "", sizeBody, lineBody, ink)
	d.gap(2)
	d.label(d.w.Missing, marginL+7, contentW-12)
	for _, it := range items {
		d.para("•  "+it, marginL+9, contentW-16, "", sizeBody, 5.5, ink)
	}
	d.setY(y + h + 4)
}

func itoa(n int) string { return strconv.Itoa(n) }

// promiseLabel heads the final wording: "agreed" only once the fist of five
// reached consent, so that a reader who was not there is not misled.
func (d *doc) promiseLabel() string {
	if d.s.ConsentResult().Reached {
		return d.w.AgreedPromise
	}
	return d.w.ProposedPromise
}
