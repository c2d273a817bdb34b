package report

import (
	"fmt"
	"strings"

	"lupauspaja/workshop"
)

// measures is section "how we measure it": one row per measure.
func (d *doc) measures() {
	s := d.s
	d.h1(d.w.MeasuresTitle, false)
	if len(s.Measures) == 0 {
		d.notRecorded()
		return
	}
	t := d.table(
		column{d.w.Measure + " · " + d.w.Method, 40, "L"},
		column{d.w.Baseline, 17, "L"},
		column{d.w.Target, 12, "L"},
		column{d.w.Frequency, 12, "L"},
		column{d.w.Owner, 14, "L"},
	)
	var rows [][]cell
	for _, m := range s.Measures {
		name := bold(m.Name)
		if typ := d.enum(workshop.MeasureTypeLabels, m.Type); typ != "" {
			name = name.with(span{text: typ, size: 7.5, color: &accent})
		}
		if def := strings.TrimSpace(m.Definition); def != "" {
			name = name.with(span{text: def, size: 7.5, color: &muted})
		}
		var extra []string
		if v := oneLine(m.Scale); v != "" {
			extra = append(extra, d.w.Scale+": "+v)
		}
		if v := oneLine(m.Touchpoint); v != "" {
			extra = append(extra, d.w.Touchpoint+": "+v)
		}
		if v := oneLine(m.DataSource); v != "" {
			extra = append(extra, d.w.DataSource+": "+v)
		}
		if len(extra) > 0 {
			name = name.with(span{text: strings.Join(extra, " · "), size: 7.5, color: &muted})
		}
		base := txt(d.measureValue(m.Baseline, m))
		if dt := d.date(m.BaselineDate); dt != "" {
			base = base.with(span{text: dt, size: 7.5, color: &muted})
		}
		if n := strings.TrimSpace(m.BaselineNote); n != "" {
			base = base.with(span{text: n, size: 7, color: &muted})
		}
		target := bold(d.measureValue(m.Target, m))
		if dt := d.date(m.TargetDate); dt != "" {
			target = target.with(span{text: dt, size: 7.5, color: &muted})
		}
		rows = append(rows, []cell{name, base, target, txt(m.Frequency), d.ownerCell(m.OwnerID, m.OwnerName)})
	}
	t.draw(rows)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// actionKinds is the order of S2's three steps; anything else comes last.
var actionKinds = []string{workshop.ActionUnderstand, workshop.ActionMobilise, workshop.ActionAct}

// groupActions groups actions by kind in the method's order, each group by due date.
func groupActions(as []workshop.Action) (kinds []string, by map[string][]workshop.Action) {
	by = map[string][]workshop.Action{}
	for _, a := range as {
		k := a.Kind
		known := false
		for _, kk := range actionKinds {
			known = known || k == kk
		}
		if !known {
			k = ""
		}
		by[k] = append(by[k], a)
	}
	for _, k := range append(append([]string(nil), actionKinds...), "") {
		if len(by[k]) > 0 {
			workshop.SortActionsByDue(by[k])
			kinds = append(kinds, k)
		}
	}
	return kinds, by
}

// nextSteps is section "next steps": actions grouped by kind, by due date.
func (d *doc) nextSteps() {
	s := d.s
	d.h1(d.w.NextSteps, false)
	if len(s.Actions) == 0 {
		d.notRecorded()
		return
	}
	kinds, by := groupActions(s.Actions)
	for _, k := range kinds {
		title := d.enum(workshop.ActionKindLabels, k)
		if k == "" {
			title = "–"
		}
		d.h2(title, 22)
		t := d.table(column{d.w.Action, 60, "L"}, column{d.w.Owner, 22, "L"}, column{d.w.Due, 18, "L"})
		var rows [][]cell
		for _, a := range by[k] {
			rows = append(rows, []cell{d.actionCell(a), d.ownerCell(a.OwnerID, a.OwnerName), d.dueCell(a.Due)})
		}
		t.draw(rows)
	}
}

// actionCell is the action's text with its success criterion, its
// measure and its status.
func (d *doc) actionCell(a workshop.Action) cell { return d.actionCellOf(a, true) }

// actionPlanCell is the action's text with its success criterion and its
// measure: what was agreed, where a column of its own says the status.
func (d *doc) actionPlanCell(a workshop.Action) cell { return d.actionCellOf(a, false) }

func (d *doc) actionCellOf(a workshop.Action, status bool) cell {
	c := txt(a.Text)
	var extra []string
	if sc := oneLine(a.SuccessCriterion); sc != "" {
		extra = append(extra, d.w.Success+": "+sc)
	}
	if m := d.s.Measure(a.MeasureID); m != nil && a.MeasureID != "" {
		extra = append(extra, d.w.Measure+": "+oneLine(m.Name))
	}
	if status && a.Status != "" && a.Status != workshop.ActionOpen {
		extra = append(extra, d.w.Status+": "+d.enum(workshop.ActionStatusLabels, a.Status))
	}
	if len(extra) > 0 {
		c = c.with(span{text: strings.Join(extra, "\n"), size: 7.5, color: &muted})
	}
	return c
}

// whoDoesWhat gives each owner a block of their own actions, kept together
// on one page where it fits, so that it can be cut out and sent to them.
func (d *doc) whoDoesWhat() {
	if len(d.s.Actions) == 0 {
		return
	}
	d.h1(d.w.WhoDoesWhat, true)
	d.note(d.w.WhoLead)
	d.gap(2)
	owners, by := d.s.OwnerActions()
	// Unassigned actions go last: they are the ones to find an owner for.
	if len(owners) > 0 && owners[0] == "" {
		owners = append(owners[1:], "")
	}
	for _, o := range owners {
		name := oneLine(o)
		if name == "" {
			name = d.w.Unassigned
		}
		t := d.table(column{d.w.Action, 62, "L"}, column{d.w.ActionKind, 22, "L"}, column{d.w.Due, 16, "L"})
		var rows [][]cell
		for _, a := range by[o] {
			rows = append(rows, []cell{d.actionCell(a), txt(d.enum(workshop.ActionKindLabels, a.Kind)), d.dueCell(a.Due)})
		}
		h := 16 + t.height(rows)
		if h <= bodyLimit-marginTop {
			d.need(h)
		} else {
			d.need(40)
		}
		d.ownerHead(name, len(rows), o == "")
		t.draw(rows)
		d.gap(4)
	}
}

// ownerHead is the name bar over one owner's block.
func (d *doc) ownerHead(name string, n int, unassigned bool) {
	y := d.y()
	bg, fg := accentLight, accent
	if unassigned {
		bg, fg = redLight, red
	}
	d.fill(bg)
	d.pdf.Rect(marginL, y, contentW, 9, "F")
	d.fill(fg)
	d.pdf.Rect(marginL, y, 1.5, 9, "F")
	d.font("B", 11.5, fg)
	d.pdf.SetXY(marginL+5, y)
	d.pdf.CellFormat(contentW-35, 9, d.fit(name, contentW-35), "", 0, "L", false, 0, "")
	d.font("", 8.5, muted)
	d.pdf.SetXY(marginL+contentW-30, y)
	d.pdf.CellFormat(27, 9, d.count(n), "", 0, "R", false, 0, "")
	d.setY(y + 11)
}

// count says how many steps an owner has, in the language's plural.
func (d *doc) count(n int) string {
	if d.lang == "en" {
		if n == 1 {
			return "1 step"
		}
		return fmt.Sprintf("%d steps", n)
	}
	if n == 1 {
		return "1 askel"
	}
	return fmt.Sprintf("%d askelta", n)
}
