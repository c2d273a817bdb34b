package report

import (
	"fmt"
	"strings"
	"time"

	"lupauspaja/workshop"
)

// appendix holds what a reader may look up: the parking lot, the time log,
// the wording versions and a glossary of the methods.
func (d *doc) appendix() {
	s := d.s
	d.h1(d.w.Appendix, true)
	d.wholeProfile()

	var parked []string
	for _, n := range s.ParkingLot {
		if strings.TrimSpace(n.Text) != "" {
			parked = append(parked, n.Text)
		}
	}
	if len(parked) > 0 {
		d.h2(d.w.ParkingLot, 10)
		for _, p := range parked {
			d.para("•  "+p, marginL, contentW, "", sizeBody, lineBody, ink)
		}
	}

	if rows := d.timeLog(); len(rows) > 0 {
		d.h2(d.w.TimeLog, 25)
		d.table(column{d.w.Step, 50, "L"}, column{d.w.Planned, 16, "R"}, column{d.w.Used, 16, "R"}, column{"", 18, "L"}).draw(rows)
	}

	if len(s.PromiseVersions) > 0 {
		d.h2(d.w.Versions, 20)
		var rows [][]cell
		for _, v := range s.PromiseVersions {
			c := txt(v.Text)
			if n := strings.TrimSpace(v.Note); n != "" {
				c = c.with(span{text: n, size: 7.5, color: &muted})
			}
			rows = append(rows, []cell{txt(d.stamp(v.At)), c})
		}
		d.table(column{d.w.Saved, 20, "L"}, column{d.w.AgreedPromise, 80, "L"}).draw(rows)
	}

	d.h2(d.w.Glossary, 25)
	var rows [][]cell
	for _, g := range d.w.Gloss {
		rows = append(rows, []cell{bold(g[0]), txt(g[1])})
	}
	t := d.table(column{"", 28, "L"}, column{"", 72, "L"})
	t.zebra = false
	t.draw(rows)
}

// timeLog is one row per agenda item: planned and used minutes.
func (d *doc) timeLog() [][]cell {
	var rows [][]cell
	for _, a := range d.s.Agenda {
		used := d.usedMinutes(a)
		if used < 0 && !a.Skipped && !a.Done {
			continue
		}
		title := oneLine(workshop.StepTitle(a.Step, d.lang))
		if st := workshop.StepByKey(a.Step); st != nil {
			title = fmt.Sprintf("%d  %s", st.No, title)
		}
		usedTxt := "–"
		if used >= 0 {
			usedTxt = fmt.Sprintf(d.w.Minutes, used)
		}
		status := txt("")
		switch {
		case a.Skipped:
			status = cell{spans: []span{{text: d.w.Skipped, color: &muted}}}
		case used > a.PlannedMin && a.PlannedMin > 0:
			status = cell{spans: []span{{text: fmt.Sprintf("+%d min", used-a.PlannedMin), color: &amber}}}
		}
		rows = append(rows, []cell{txt(title), txt(fmt.Sprintf(d.w.Minutes, a.PlannedMin)), bold(usedTxt), status})
	}
	return rows
}

// usedMinutes is the time an agenda item took: the timer's total, or the
// span between its start and end; -1 when unknown.
func (d *doc) usedMinutes(a workshop.AgendaItem) int {
	if a.UsedSec > 0 {
		return (a.UsedSec + 30) / 60
	}
	start, ok1 := parseStamp(a.StartedAt)
	end, ok2 := parseStamp(a.EndedAt)
	if ok1 && ok2 && !end.Before(start) {
		return int(end.Sub(start).Round(time.Minute) / time.Minute)
	}
	return -1
}

func parseStamp(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// stamp shows a saved time as date and clock time.
func (d *doc) stamp(s string) string {
	t, ok := parseStamp(s)
	if !ok {
		return oneLine(s)
	}
	return d.date(t.Format("2006-01-02")) + " " + t.Format("15:04")
}
