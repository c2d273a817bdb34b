package report

import (
	"strings"

	"lupauspaja/workshop"
)

// practice is section "the promise in practice": the value map, which
// pains and gains each of our actions addresses, and the gaps.
func (d *doc) practice() {
	s := d.s
	d.h1(d.w.Practice, false)
	if len(s.ValueItems) == 0 && len(s.Alternatives) == 0 {
		d.notRecorded()
		return
	}
	cols := []column{{"", 17, "L"}, {d.w.ValueMap, 45, "L"}, {d.w.Addresses, 27, "L"}, {d.w.DeliveredToday, 11, "L"}}
	var gaps [][]cell
	for _, g := range d.valueGroups() {
		var rows [][]cell
		for _, v := range g.items {
			rows = append(rows, []cell{
				bold(d.enum(workshop.ValueTypeLabels, v.Type)),
				txt(v.Text),
				cell{spans: []span{{text: d.addressed(v.Addresses), size: 7.5}}},
				d.deliveredCell(v.DeliveredToday),
			})
			if v.DeliveredToday != "yes" {
				gaps = append(gaps, []cell{d.deliveredCell(v.DeliveredToday), txt(v.Text), txt(g.name)})
			}
		}
		title := d.w.ValueMap
		if g.name != "" {
			title += ": " + g.name
		}
		d.h2(title, 25)
		d.table(cols...).draw(rows)
	}
	if len(s.ValueItems) > 0 {
		d.h2(d.w.Gaps, 15)
		if len(gaps) == 0 {
			d.body(d.w.NoGaps)
		} else {
			d.table(column{d.w.DeliveredToday, 11, "L"}, column{d.w.ValueMap, 62, "L"}, column{d.w.Segments, 27, "L"}).draw(gaps)
		}
	}
	if len(s.Alternatives) > 0 {
		d.h2(d.w.Alternatives, 10)
		for _, a := range s.Alternatives {
			if strings.TrimSpace(a.Text) != "" {
				d.para("•  "+a.Text, marginL, contentW, "", sizeBody, lineBody, ink)
			}
		}
	}
}

// valueGroup is the value map of one segment.
type valueGroup struct {
	name  string
	items []workshop.ValueItem
}

// valueGroups splits the value items by segment, in the segments' order;
// items of no known segment come last under no name.
func (d *doc) valueGroups() []valueGroup {
	var out []valueGroup
	seen := map[string]bool{}
	for _, sg := range d.s.Segments {
		if seen[sg.ID] {
			continue
		}
		seen[sg.ID] = true
		g := valueGroup{name: oneLine(sg.Name)}
		for _, v := range d.s.ValueItems {
			if v.SegmentID == sg.ID {
				g.items = append(g.items, v)
			}
		}
		if len(g.items) > 0 {
			out = append(out, g)
		}
	}
	var rest valueGroup
	for _, v := range d.s.ValueItems {
		if !seen[v.SegmentID] {
			rest.items = append(rest.items, v)
		}
	}
	if len(rest.items) > 0 {
		if len(out) == 0 {
			return []valueGroup{rest}
		}
		out = append(out, rest)
	}
	return out
}

// addressed lists the profile items a value item addresses, by type and text.
func (d *doc) addressed(ids []string) string {
	var parts []string
	for _, id := range ids {
		if it := d.s.ProfileItem(id); it != nil {
			parts = append(parts, d.enum(workshop.ItemTypeLabels, it.Type)+": "+sentences(oneLine(it.Text), 1, 70))
		}
	}
	return strings.Join(parts, "\n")
}

// deliveredCell colours whether we deliver the item today.
func (d *doc) deliveredCell(v string) cell {
	label := d.enum(workshop.DeliveredLabels, v)
	switch v {
	case "yes":
		return cell{spans: []span{{text: label, style: "B", color: &green}}}
	case "partly":
		return cell{spans: []span{{text: label, style: "B", color: &amber}}, bg: &amberLight}
	case "no":
		return cell{spans: []span{{text: label, style: "B", color: &red}}, bg: &redLight}
	}
	return txt(label)
}
