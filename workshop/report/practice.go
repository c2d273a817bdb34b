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
	var all, gaps [][]cell
	for _, v := range s.ValueItems {
		row := []cell{
			bold(d.enum(workshop.ValueTypeLabels, v.Type)),
			txt(v.Text),
			txt(d.addressed(v.Addresses)),
			d.deliveredCell(v.DeliveredToday),
		}
		all = append(all, row)
		if v.DeliveredToday != "yes" {
			gaps = append(gaps, row)
		}
	}
	cols := []column{{"", 17, "L"}, {d.w.ValueMap, 43, "L"}, {d.w.Addresses, 28, "L"}, {d.w.DeliveredToday, 12, "L"}}
	if len(all) > 0 {
		d.h2(d.w.ValueMap, 25)
		d.table(cols...).draw(all)
		d.h2(d.w.Gaps, 15)
		if len(gaps) == 0 {
			d.body(d.w.NoGaps)
		} else {
			d.table(cols...).draw(gaps)
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

// addressed lists the profile items a value item addresses, by type and text.
func (d *doc) addressed(ids []string) string {
	var parts []string
	for _, id := range ids {
		for _, it := range d.s.ProfileItems {
			if it.ID == id {
				parts = append(parts, d.enum(workshop.ItemTypeLabels, it.Type)+": "+oneLine(it.Text))
				break
			}
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
