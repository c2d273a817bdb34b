package report

import (
	"fmt"
	"sort"
	"strings"

	"lupauspaja/workshop"
)

// topItems is how many jobs, pains and gains per segment the report shows.
const topItems = 3

// customer is section "the customer": purpose, segments and the top jobs,
// pains and gains of each focus segment with their evidence.
func (d *doc) customer() {
	s := d.s
	d.h1(d.w.Customer, false)
	pur := []struct{ k, v string }{
		{d.w.PurposeWhy, s.Purpose.Why}, {d.w.PurposeWhom, s.Purpose.Whom}, {d.w.PurposeValue, s.Purpose.Value},
	}
	any := false
	for _, p := range pur {
		if strings.TrimSpace(p.v) == "" {
			continue
		}
		any = true
		d.need(12)
		d.label(p.k, marginL, contentW)
		d.para(p.v, marginL, contentW, "", 10.5, 5.3, ink)
		d.gap(2.5)
	}
	if !any && len(s.Segments) == 0 && len(s.ProfileItems) == 0 {
		d.notRecorded()
		return
	}

	if len(s.Segments) > 0 {
		d.h2(d.w.Segments, 12)
		for _, sg := range s.Segments {
			name := oneLine(sg.Name)
			if sg.Focus {
				name += "  [" + d.w.Focus + "]"
			}
			d.need(10)
			d.para(name, marginL, contentW, "B", sizeBody, lineBody, ink)
			if desc := strings.TrimSpace(sg.Description); desc != "" {
				d.para(desc, marginL+4, contentW-4, "", sizeBody, lineBody, muted)
			}
			d.gap(1.5)
		}
	}

	for _, sg := range d.profileSegments() {
		d.segmentProfile(sg)
	}
	if n, total := s.AssumptionCount(); n > 0 {
		d.gap(2)
		d.para(fmt.Sprintf(d.w.AssumptionsNote, n, total), marginL, contentW, "I", sizeSmall, lineSmall, amber)
	}
}

// profileSegments are the focus segments (all with items when none is
// marked as focus), plus a catch-all for items of no known segment.
func (d *doc) profileSegments() []workshop.Segment {
	has := map[string]bool{}
	for _, it := range d.s.ProfileItems {
		has[it.SegmentID] = true
	}
	var out []workshop.Segment
	focus := false
	for _, sg := range d.s.Segments {
		focus = focus || sg.Focus
	}
	known := map[string]bool{}
	for _, sg := range d.s.Segments {
		known[sg.ID] = true
		if has[sg.ID] && (sg.Focus || !focus) {
			out = append(out, sg)
		}
	}
	for id := range has {
		if !known[id] {
			out = append(out, workshop.Segment{ID: id})
			break
		}
	}
	return out
}

// segmentProfile is one segment's top jobs, pains and gains as a table
// with the evidence of each item.
func (d *doc) segmentProfile(sg workshop.Segment) {
	known := d.s.Segment(sg.ID) != nil
	var rows [][]cell
	for _, typ := range []string{workshop.ItemJob, workshop.ItemPain, workshop.ItemGain, workshop.ItemMotive} {
		var items []workshop.ProfileItem
		for _, it := range d.s.ProfileItems {
			if it.Type == typ && (it.SegmentID == sg.ID || (!known && d.s.Segment(it.SegmentID) == nil)) {
				items = append(items, it)
			}
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].Importance > items[j].Importance })
		for i, it := range items {
			if i == topItems {
				break
			}
			kind := ""
			if i == 0 {
				kind = d.enum(workshop.ItemTypeLabels, typ)
			}
			rows = append(rows, []cell{bold(kind), txt(it.Text), d.evidenceCell(it)})
		}
	}
	if len(rows) == 0 {
		return
	}
	title := oneLine(sg.Name)
	if title == "" {
		title = d.w.Customer
	}
	d.h2(title, 25)
	t := d.table(column{"", 14, "L"}, column{d.w.Item, 56, "L"}, column{d.w.Evidence, 30, "L"})
	t.draw(rows)
}

// evidenceCell tags an item with its evidence; assumptions stand out.
func (d *doc) evidenceCell(it workshop.ProfileItem) cell {
	ev := it.Evidence
	if ev == "" {
		ev = workshop.EvidenceAssumption
	}
	label := d.enum(workshop.EvidenceLabels, ev)
	c := txt(label)
	if ev == workshop.EvidenceAssumption {
		c = cell{spans: []span{{text: upper(label), style: "B", size: 7.5, color: &amber}}, bg: &amberLight}
	}
	if n := strings.TrimSpace(it.EvidenceNote); n != "" {
		c = c.with(span{text: n, size: 7.5, color: &muted})
	}
	return c
}
