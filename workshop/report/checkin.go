package report

import (
	"fmt"
	"strings"

	"lupauspaja/workshop"
)

// The check-in's PDF: a first page "since DATE" for the reader who was not
// there (the measures against their targets with their trend, the actions
// done and late, what customers said, the promise's current wording and what
// changed), then the details.

// buildCheckin draws the whole check-in report.
func (d *doc) buildCheckin() {
	d.ci = ciWordsFor(d.lang)
	d.newPage()
	d.ciFirstPage()
	d.ciActionsDetail()
	d.ciMeasuresDetail()
	d.ciCustomersDetail()
	d.ciPromiseDetail()
	d.ciLadderDetail()
	d.ciNextDetail()
	d.footers()
}

func (d *doc) sinceDate() string {
	if c := d.s.Checkin; c != nil && c.FollowsDate != "" {
		return c.FollowsDate
	}
	return d.s.Date
}

func (d *doc) ciFirstPage() {
	s, w := d.s, d.ci
	d.pdf.Bookmark(fmt.Sprintf(w.Since, d.date(d.sinceDate())), 0, -1)
	d.font("B", 7.5, accent)
	d.pdf.SetXY(marginL, d.y())
	head := w.Kicker
	if org := oneLine(s.Organisation); org != "" {
		head += " · " + upper(org)
	}
	d.pdf.CellFormat(contentW, 4, d.fit(head, contentW), "", 2, "L", false, 0, "")
	d.gap(1)
	d.font("B", sizeH1+3, accent)
	d.pdf.SetXY(marginL, d.y())
	d.pdf.CellFormat(contentW, 10, d.fit(fmt.Sprintf(w.Since, d.date(d.sinceDate())), contentW), "", 2, "L", false, 0, "")
	sub := w.DocTitle + " " + d.date(s.Date)
	if c := s.Checkin; c != nil && c.WorkshopDate != "" && c.WorkshopDate != c.FollowsDate {
		sub += " · " + fmt.Sprintf(w.SinceWorkshop, d.date(c.WorkshopDate))
	}
	if t := oneLine(s.Title); t != "" {
		sub += " · " + t
	}
	d.font("", sizeBody, muted)
	d.pdf.SetXY(marginL, d.y())
	d.pdf.CellFormat(contentW, 5, d.fit(sub, contentW), "", 2, "L", false, 0, "")
	d.gap(3)

	// The promise now, and what changed.
	bs := []block{{text: w.PromiseNow, label: true, lh: 5, color: accent}}
	if t := d.promiseText(); t != "" {
		size, lh := 15.0, 7.2
		if len([]rune(t)) > 220 {
			size, lh = 11, 5.6
		}
		bs = append(bs, block{text: t, style: "B", size: size, lh: lh, color: accent, gap: 1})
	} else {
		bs = append(bs, block{text: w.NoPromiseYet, style: "I", size: sizeBody, lh: lineBody, color: muted, gap: 1})
	}
	if c := s.Checkin; c != nil {
		switch c.PromiseChoice {
		case workshop.PromiseRevised:
			bs = append(bs, block{text: w.Changed, style: "B", size: sizeBody, lh: lineBody, color: amber, gap: 2})
			if c.PromiseBefore != "" && d.lang == d.sessionLang() {
				bs = append(bs, block{text: w.Was + ": " + c.PromiseBefore, style: "I", size: sizeSmall + 0.5, lh: lineSmall + 0.3, color: muted})
			}
			if c.PromiseReason != "" {
				bs = append(bs, block{text: w.Reason + ": " + c.PromiseReason, size: sizeSmall + 0.5, lh: lineSmall + 0.3, color: ink})
			}
		case workshop.PromiseKept:
			line := w.Kept
			if c.PromiseReason != "" {
				line += ": " + c.PromiseReason
			}
			bs = append(bs, block{text: line, size: sizeBody, lh: lineBody, color: green, gap: 2})
		default:
			bs = append(bs, block{text: w.NotDecided, style: "I", size: sizeSmall + 0.5, lh: lineSmall + 0.3, color: muted, gap: 2})
		}
	}
	status := d.enum(workshop.ValidationLabels, s.Decision.ValidationStatus)
	col := amber
	if s.Decision.ValidationStatus == workshop.ValidationDone {
		col = green
	}
	bs = append(bs, block{text: w.Validation + ": " + status, style: "B", size: sizeSmall + 0.5, lh: lineSmall + 0.3, color: col, gap: 1})
	d.panel(accentLight, accent, bs)

	// Measures against their targets.
	if len(s.Measures) > 0 {
		d.gap(4)
		d.need(20)
		d.label(w.Measures, marginL, contentW)
		d.gap(0.5)
		t := d.table(
			column{w.Measure, 40, "L"},
			column{w.Baseline, 13, "L"},
			column{w.Latest, 20, "L"},
			column{w.Target, 13, "L"},
			column{w.Trend, 16, "L"},
		)
		var rows [][]cell
		for i, m := range s.Measures {
			if i == summaryMeasures+1 {
				break
			}
			rows = append(rows, d.trackRow(m))
		}
		t.draw(rows)
		if n := len(s.Measures) - summaryMeasures - 1; n > 0 {
			d.note(plural(n, d.w.MoreMeasure1, d.w.MoreMeasures))
		}
	}

	// Actions done and late.
	d.gap(4)
	d.need(18)
	d.label(w.Actions, marginL, contentW)
	d.gap(0.5)
	counts := map[string]int{}
	for _, a := range s.Actions {
		counts[a.Status]++
	}
	late := s.LateActions()
	d.font("B", sizeBody, ink)
	// The statuses sum to the whole; late and new are among them.
	d.para(fmt.Sprintf(w.ActionCounts, len(s.Actions), counts[workshop.ActionDone], counts[workshop.ActionInProgress],
		counts[workshop.ActionOpen]+counts[""], counts[workshop.ActionDropped], len(late), len(s.NewActions())),
		marginL, contentW, "B", sizeBody, lineBody, ink)
	var rows [][]cell
	// Done since the session it follows: a status set at that session is
	// dated that session's day and was its news, not this check-in's.
	for _, a := range s.Actions {
		if a.Status == workshop.ActionDone && a.StatusDate > d.sinceDate() {
			rows = append(rows, []cell{txt(oneLine(a.Text)), d.ownerCell(a.OwnerID, a.OwnerName), cell{spans: []span{{text: w.DoneSince + " " + d.date(a.StatusDate), style: "B", color: &green}}}})
		}
	}
	for _, a := range late {
		rows = append(rows, []cell{txt(oneLine(a.Text)), d.ownerCell(a.OwnerID, a.OwnerName), flag(strings.ToUpper(w.Late) + " · " + d.date(a.Due))})
	}
	if len(rows) > 0 {
		d.gap(1)
		t := d.table(column{w.Action, 60, "L"}, column{w.Owner, 20, "L"}, column{w.Status, 22, "L"})
		max := 6
		if len(rows) > max {
			rows = rows[:max]
		}
		t.draw(rows)
	}

	// What customers said.
	d.gap(4)
	d.need(18)
	d.label(w.Customers, marginL, contentW)
	d.gap(0.5)
	// The numbers and the quotes are the answers about the wording now,
	// the ones the verdict rests on; those about an earlier one are counted
	// apart.
	cs := s.CurrentView()
	if len(s.ValidationAnswers) == 0 {
		d.para(w.NoAnswers, marginL, contentW, "I", sizeBody, lineBody, muted)
	} else {
		if cs.Answers == 0 {
			d.para(w.NoCurrentAnswers, marginL, contentW, "I", sizeBody, lineBody, muted)
		} else {
			d.body(d.coreLine(cs))
		}
		v := cs.Verdict()
		d.body(d.verdictLine(v))
		d.earlierNote(v)
		n := 0
		for _, a := range s.ValidationAnswers {
			q := strings.TrimSpace(a.Quote)
			if q == "" {
				q = strings.TrimSpace(a.UnderstoodAs)
			}
			if q == "" || !s.AboutNow(a) || n == 3 || d.room() < 14 {
				continue
			}
			n++
			who := ""
			if sg := s.Segment(a.SegmentID); sg != nil {
				who = " — " + sg.Name
			}
			d.gap(1)
			d.para(d.quote(oneLine(q))+who, marginL+4, contentW-4, "I", sizeBody, lineBody, accent)
		}
	}
	if r := d.date(s.NextReviewDate); r != "" && d.room() > 8 {
		d.gap(3)
		d.para(w.NextReview+": "+r, marginL, contentW, "B", sizeBody, lineBody, accent)
	}
}

// promiseText is the current wording in the report's language when there
// is one, else in the session's.
func (d *doc) promiseText() string {
	dec := d.s.Decision
	if d.lang != d.sessionLang() && strings.TrimSpace(dec.FinalTextAlt) != "" {
		return strings.TrimSpace(dec.FinalTextAlt)
	}
	return strings.TrimSpace(dec.FinalText)
}

// trackRow is a measure's line: baseline, latest reading, target, trend.
func (d *doc) trackRow(m workshop.Measure) []cell {
	w := d.ci
	tr := d.s.MeasureTrack(m.ID)
	latest := txt(w.NoReadings)
	if tr.Latest != nil {
		latest = bold(d.measureValue(tr.Latest.Value, m)).with(span{text: d.date(tr.Latest.Date), size: 7, color: &muted})
	}
	trend := w.Flat
	switch tr.Trend {
	case 1:
		trend = w.Up
	case -1:
		trend = w.Down
	}
	status := workshop.Label(workshop.TrackLabels, tr.Status, d.lang)
	var st cell
	switch tr.Status {
	case workshop.TrackReached, workshop.TrackOn:
		st = cell{spans: []span{{text: status, style: "B", color: &green}}, bg: &greenLight}
	case workshop.TrackOff:
		st = cell{spans: []span{{text: status, style: "B", color: &red}}, bg: &redLight}
	default:
		st = cell{spans: []span{{text: status, color: &muted}}}
	}
	if tr.Latest != nil && tr.Status != workshop.TrackUnknown {
		st = st.with(span{text: trend, size: 7, color: &muted})
	}
	return []cell{bold(m.Name), txt(d.measureValue(m.Baseline, m)), latest, bold(d.measureValue(m.Target, m)), st}
}

func (d *doc) coreLine(cs workshop.CustomerScores) string {
	w := d.ci
	parts := []string{fmt.Sprintf("%d %s", cs.Answers, w.Answers)}
	names := []string{w.Understood, w.Meaningful, w.Differentiating}
	for i, m := range cs.Core {
		v := "–"
		if cs.Counted[i] > 0 {
			v = d.num(m, 1)
		}
		parts = append(parts, fmt.Sprintf("C%d %s %s", i+1, names[i], v))
	}
	if n := cs.Choose[workshop.BuyYes] + cs.Choose[workshop.BuyMaybe] + cs.Choose[workshop.BuyNo]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s: %d %s, %d %s, %d %s", w.WouldChoose, cs.Choose[workshop.BuyYes], w.Yes, cs.Choose[workshop.BuyMaybe], w.Maybe, cs.Choose[workshop.BuyNo], w.No))
	}
	return strings.Join(parts, " · ")
}

func (d *doc) verdictLine(v workshop.ValidationVerdict) string {
	w := d.ci
	var out []string
	switch v.Reason {
	case "too_few":
		return fmt.Sprintf(w.VerdictTooFew, workshop.MinValidationAnswers)
	case "passed":
		return w.VerdictPassed
	case "core_low":
		names := []string{"C1 " + w.Understood, "C2 " + w.Meaningful, "C3 " + w.Differentiating}
		var low []string
		for _, i := range v.Low {
			low = append(low, names[i])
		}
		out = append(out, fmt.Sprintf(w.VerdictLow, strings.Join(low, ", ")))
	}
	// A criterion nobody assessed is no low score: it asks to be filled in.
	for _, i := range v.Unassessed {
		out = append(out, w.VerdictUnassessed[i])
	}
	return strings.Join(out, " ")
}

// earlierNote says how many answers are about an earlier wording and do not
// count; while the wording now is not validated by its own answers, that it
// is still to be validated.
func (d *doc) earlierNote(v workshop.ValidationVerdict) {
	n := d.s.AboutEarlier()
	if n == 0 {
		return
	}
	line := plural(n, d.ci.EarlierCount1, d.ci.EarlierCount)
	if v.Reason != "passed" {
		line += " " + d.ci.EarlierWording
	}
	d.note(line)
}

func (d *doc) ciActionsDetail() {
	s, w := d.s, d.ci
	d.h1(w.AllActions, true)
	if len(s.Actions) == 0 {
		d.body(w.NoActions)
		return
	}
	acts := append([]workshop.Action(nil), s.Actions...)
	workshop.SortActionsByDue(acts)
	t := d.table(column{w.Action, 44, "L"}, column{w.Owner, 16, "L"}, column{w.Due, 13, "L"}, column{w.Status, 14, "L"}, column{w.StatusNote, 28, "L"})
	var rows [][]cell
	for _, a := range acts {
		status := txt(workshop.Label(workshop.CheckinStatusLabels, a.Status, d.lang))
		if workshop.ActionLate(a, s.Date) {
			status = flag(strings.ToUpper(w.Late)).with(span{text: workshop.Label(workshop.CheckinStatusLabels, a.Status, d.lang), size: 7})
		}
		note := a.StatusNote
		if a.StatusDate != "" {
			note = strings.TrimSpace(d.date(a.StatusDate) + " " + note)
		}
		rows = append(rows, []cell{txt(a.Text), d.ownerCell(a.OwnerID, a.OwnerName), d.dueCell(a.Due), status, txt(note)})
	}
	t.draw(rows)
}

func (d *doc) ciMeasuresDetail() {
	s, w := d.s, d.ci
	if len(s.Measures) == 0 {
		return
	}
	d.h1(w.Measures, false)
	for _, m := range s.Measures {
		d.h2(m.Name, 20)
		line := fmt.Sprintf("%s %s", w.Baseline, d.measureValue(m.Baseline, m))
		if m.BaselineDate != "" {
			line += " (" + d.date(m.BaselineDate) + ")"
		}
		line += fmt.Sprintf(" · %s %s", w.Target, d.measureValue(m.Target, m))
		if m.TargetDate != "" {
			line += " (" + d.date(m.TargetDate) + ")"
		}
		tr := s.MeasureTrack(m.ID)
		line += " · " + workshop.Label(workshop.TrackLabels, tr.Status, d.lang)
		d.body(line)
		if len(tr.Readings) == 0 {
			d.note(w.NoReadings)
			continue
		}
		d.gap(1)
		t := d.table(column{w.ReadingDate, 18, "L"}, column{w.Value, 18, "L"}, column{w.Source, 64, "L"})
		var rows [][]cell
		for _, r := range tr.Readings {
			rows = append(rows, []cell{txt(d.date(r.Date)), bold(d.measureValue(r.Value, m)), txt(r.SourceNote)})
		}
		t.draw(rows)
	}
}

func (d *doc) ciCustomersDetail() {
	s, w := d.s, d.ci
	d.h1(w.Customers, false)
	cs := s.CurrentView()
	if len(s.ValidationAnswers) == 0 {
		d.para(w.NoAnswers, marginL, contentW, "I", sizeBody, lineBody, muted)
		return
	}
	d.h2(w.CustomersVsRoom, 24)
	t := d.table(column{w.Criterion, 40, "L"}, column{w.Customers1, 20, "R"}, column{w.Room, 20, "R"})
	names := []string{w.Understood, w.Meaningful, w.Differentiating}
	var rows [][]cell
	for i := range 3 {
		c, r := "–", "–"
		if cs.Counted[i] > 0 {
			c = d.num(cs.Core[i], 1)
		}
		if s.Checkin != nil && s.Checkin.RoomCore[i] > 0 {
			r = d.num(s.Checkin.RoomCore[i], 1)
		}
		rows = append(rows, []cell{txt(fmt.Sprintf("C%d %s", i+1, names[i])), bold(c), txt(r)})
	}
	t.draw(rows)
	d.gap(1)
	v := cs.Verdict()
	d.body(d.verdictLine(v))
	d.earlierNote(v)
	d.h2(w.AnswersTitle, 20)
	t = d.table(column{w.Date, 14, "L"}, column{w.Segment, 16, "L"}, column{w.TheirWords, 46, "L"}, column{"C1 · C2 · C3", 16, "L"}, column{w.Chooses, 12, "L"})
	rows = nil
	for _, a := range s.ValidationAnswers {
		seg := ""
		if sg := s.Segment(a.SegmentID); sg != nil {
			seg = sg.Name
		}
		words := txt(a.UnderstoodAs)
		if q := strings.TrimSpace(a.Quote); q != "" {
			words = words.with(span{text: d.quote(q), style: "I", color: &accent})
		}
		if !s.AboutNow(a) {
			words = words.with(span{text: w.AboutEarlier, style: "B", size: 7, color: &amber})
		}
		score := func(n int) string {
			if n == 0 {
				return "–"
			}
			return fmt.Sprint(n)
		}
		core := fmt.Sprintf("%s · %s · %s", workshop.Label(workshop.UnderstoodLabels, a.Understood, d.lang), score(a.Meaningful), score(a.Differentiating))
		rows = append(rows, []cell{txt(d.date(a.Date)).with(span{text: workshop.Label(workshop.MethodLabels, a.Method, d.lang), size: 7, color: &muted}), txt(seg), words, txt(core), txt(workshop.Label(workshop.BuyLabels, a.WouldChoose, d.lang))})
	}
	t.draw(rows)
}

func (d *doc) ciPromiseDetail() {
	s, w := d.s, d.ci
	if len(s.PromiseVersions) == 0 {
		return
	}
	d.h1(w.Versions, false)
	t := d.table(column{w.VersionAt, 16, "L"}, column{w.Wording, 56, "L"}, column{w.Reason, 28, "L"})
	var rows [][]cell
	for _, v := range s.VersionsByTime() {
		rows = append(rows, []cell{txt(d.date(v.At)), txt(v.Text), txt(v.Note)})
	}
	t.draw(rows)
}

func (d *doc) ciLadderDetail() {
	s, w := d.s, d.ci
	d.h1(w.Ladder, false)
	var ws, prev [5]int
	if c := s.Checkin; c != nil {
		ws, prev = c.WorkshopLadder, c.PreviousLadder
	}
	now := s.LadderCounts()
	cols := []column{{w.Rung, 50, "L"}, {w.Now, 12, "R"}, {w.Previous, 12, "R"}, {w.Workshop, 12, "R"}, {w.Finland2021, 14, "R"}}
	t := d.table(cols...)
	var rows [][]cell
	for i, r := range workshop.Ladder {
		rows = append(rows, []cell{txt(fmt.Sprintf("%d  %s", r.Level, r.Label.In(d.lang))), bold(fmt.Sprint(now[i])), txt(fmt.Sprint(prev[i])), txt(fmt.Sprint(ws[i])), txt(d.percent(fmt.Sprint(r.Finland2021)))})
	}
	mean := func(c [5]int) string {
		if m := workshop.LadderMean(c); m > 0 {
			return d.num(m, 1)
		}
		return "–"
	}
	rows = append(rows, []cell{bold(w.Mean), bold(mean(now)), txt(mean(prev)), txt(mean(ws)), txt("")})
	t.draw(rows)
}

func (d *doc) ciNextDetail() {
	s, w := d.s, d.ci
	d.h1(w.Next, false)
	if r := d.date(s.NextReviewDate); r != "" {
		d.para(w.NextReview+": "+r, marginL, contentW, "B", sizeBody+1, lineBody+0.5, accent)
	} else {
		d.para(w.NoReview, marginL, contentW, "I", sizeBody, lineBody, muted)
	}
	if acts := s.NewActions(); len(acts) > 0 {
		d.h2(w.NewActions, 16)
		t := d.table(column{w.Action, 60, "L"}, column{w.Owner, 22, "L"}, column{w.Due, 16, "L"})
		var rows [][]cell
		for _, a := range acts {
			rows = append(rows, []cell{d.actionPlanCell(a), d.ownerCell(a.OwnerID, a.OwnerName), d.dueCell(a.Due)})
		}
		t.draw(rows)
	}
	if len(s.Participants) > 0 {
		d.h2(w.Participants, 10)
		var names []string
		for _, p := range s.Participants {
			n := p.Name
			if p.Role != "" {
				n += " (" + p.Role + ")"
			}
			names = append(names, n)
		}
		d.body(strings.Join(names, ", "))
	}
}
