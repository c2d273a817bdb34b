package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"lupauspaja/workshop"
)

// topItems is how many jobs, pains and gains per segment the customer
// section shows; the appendix lists the rest.
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

	shown, shownAssumed := 0, 0
	for _, sg := range d.profileSegments() {
		n, a := d.segmentProfile(sg, topItems, false)
		shown += n
		shownAssumed += a
	}
	assumed, total := s.AssumptionCount()
	if rest := total - shown; rest > 0 {
		d.gap(2)
		d.note(fmt.Sprintf(d.w.ProfileRest, shown, total))
	}
	if shownAssumed > 0 || assumed > 0 {
		d.gap(2)
		note := fmt.Sprintf(d.w.AssumptionsNote, shownAssumed, shown)
		if shown < total {
			note = fmt.Sprintf(d.w.AssumptionsNotePart, shownAssumed, shown, assumed, total)
		}
		d.para(note, marginL, contentW, "I", sizeSmall, lineSmall, amber)
	}
}

// profileLeftOut is true when the customer section leaves out profile
// items, so that the appendix lists the whole profile.
func (d *doc) profileLeftOut() bool {
	shown := 0
	for _, sg := range d.profileSegments() {
		for _, items := range d.profileItems(sg) {
			shown += min(len(items), topItems)
		}
	}
	return shown < len(d.s.ProfileItems)
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

// profileItems are a segment's items by type (jobs, pains, gains,
// motives), the most important first; for the catch-all segment of no
// known ID, every item of an unknown segment.
func (d *doc) profileItems(sg workshop.Segment) [][]workshop.ProfileItem {
	known := d.s.Segment(sg.ID) != nil
	var out [][]workshop.ProfileItem
	for _, typ := range profileTypes {
		var items []workshop.ProfileItem
		for _, it := range d.s.ProfileItems {
			if it.Type == typ && (it.SegmentID == sg.ID || (!known && d.s.Segment(it.SegmentID) == nil)) {
				items = append(items, it)
			}
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].Importance > items[j].Importance })
		out = append(out, items)
	}
	// Items of a type the method does not know are still items.
	var other []workshop.ProfileItem
	for _, it := range d.s.ProfileItems {
		if !slices.Contains(profileTypes, it.Type) && (it.SegmentID == sg.ID || (!known && d.s.Segment(it.SegmentID) == nil)) {
			other = append(other, it)
		}
	}
	return append(out, other)
}

var profileTypes = []string{workshop.ItemJob, workshop.ItemPain, workshop.ItemGain, workshop.ItemMotive}

// segmentProfile is one segment's jobs, pains and gains as a table with
// the evidence of each item: the top `limit` of each type, and a pointer to
// the appendix for the rest (limit 0 = all). It returns how many items it
// showed and how many of them rest on assumption.
func (d *doc) segmentProfile(sg workshop.Segment, limit int, appendix bool) (shown, assumed int) {
	var rows [][]cell
	for _, items := range d.profileItems(sg) {
		for i, it := range items {
			if limit > 0 && i == limit {
				rows = append(rows, []cell{txt(""), {spans: []span{{text: plural(len(items)-limit, d.w.MoreItems1, d.w.MoreItems), style: "I", size: 7.5, color: &muted}}}, txt("")})
				break
			}
			kind := ""
			if i == 0 {
				kind = d.enum(workshop.ItemTypeLabels, it.Type)
				if kind == "" {
					kind = oneLine(it.Type)
				}
			}
			shown++
			if it.Evidence == workshop.EvidenceAssumption || it.Evidence == "" {
				assumed++
			}
			rows = append(rows, []cell{bold(kind), d.itemCell(it), d.evidenceCell(it)})
		}
	}
	if len(rows) == 0 {
		return 0, 0
	}
	title := oneLine(sg.Name)
	if title == "" {
		title = d.w.Customer
	}
	if appendix && !sg.Focus && d.s.Segment(sg.ID) != nil {
		title += "  [" + d.w.NotFocus + "]"
	}
	d.h2(title, 25)
	t := d.table(column{"", 14, "L"}, column{d.w.Item, 56, "L"}, column{d.w.Evidence, 30, "L"})
	t.draw(rows)
	return shown, assumed
}

// itemCell is a profile item's text with its importance and job kind.
func (d *doc) itemCell(it workshop.ProfileItem) cell {
	c := txt(it.Text)
	var meta []string
	if it.Importance > 0 {
		meta = append(meta, fmt.Sprintf(d.w.Importance, it.Importance))
	}
	if k := strings.TrimSpace(it.JobKind); k != "" {
		if l, ok := d.w.JobKinds[k]; ok {
			k = l
		}
		meta = append(meta, oneLine(k))
	}
	if len(meta) > 0 {
		c = c.with(span{text: strings.Join(meta, " · "), size: 7, color: &muted})
	}
	return c
}

// wholeProfile is the appendix's list of every profile item of every
// segment, when the customer section showed only some of them.
func (d *doc) wholeProfile() {
	if !d.profileLeftOut() {
		return
	}
	d.h2(d.w.WholeProfile, 25)
	assumed, total := d.s.AssumptionCount()
	d.note(fmt.Sprintf(d.w.WholeProfileLead, total, assumed))
	has := map[string]bool{}
	for _, it := range d.s.ProfileItems {
		has[it.SegmentID] = true
	}
	for _, sg := range d.s.Segments {
		if has[sg.ID] {
			has[sg.ID] = false
			d.segmentProfile(sg, 0, true)
		}
	}
	for id := range has {
		if d.s.Segment(id) == nil {
			d.segmentProfile(workshop.Segment{ID: id}, 0, true)
			break
		}
	}
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
