package workshop

import "slices"

// What a draft names besides its sentence (step 5), what a value item
// addresses (step 4), and a segment's own fields (step 2): the operations
// the cards' extras call.

// The links of a draft to other records, for LinkDraft.
const (
	DraftAuthor  = "author"   // a participant who wrote it
	DraftSegment = "segment"  // a customer segment it speaks to
	DraftBasedOn = "based_on" // a profile item (job, pain, gain) it rests on
)

// LinkDraft adds the record refID to the draft's authors, segments or
// profile items it rests on (link), or takes it away (on false). A draft,
// link or record that does not exist is refused; adding what is there
// already, or taking away what is not, changes nothing.
func (s *Session) LinkDraft(draftID, link, refID string, on bool) error {
	d := s.Draft(draftID)
	if d == nil {
		return inputProblem("draft_id", ProblemUnknown, "%q", clip(draftID))
	}
	var list *[]string
	var known bool
	switch link {
	case DraftAuthor:
		list, known = &d.AuthorIDs, s.Participant(refID) != nil
	case DraftSegment:
		list, known = &d.SegmentIDs, s.Segment(refID) != nil
	case DraftBasedOn:
		list, known = &d.BasedOn, s.ProfileItem(refID) != nil
	default:
		return inputProblem("link", ProblemInvalid, "%q", clip(link))
	}
	return toggleRef(list, link, refID, known, on)
}

// toggleRef adds id to the list (on) if it is not there, when it is known,
// or takes it away; field names the list in a refusal.
func toggleRef(list *[]string, field, id string, known, on bool) error {
	has := slices.Contains(*list, id)
	switch {
	case on && !has:
		if !known {
			return inputProblem(field, ProblemUnknown, "%q", clip(id))
		}
		*list = append(*list, id)
	case !on && has:
		*list = slices.DeleteFunc(*list, func(x string) bool { return x == id })
	}
	return nil
}

// LinkValueItem makes the value item (step 4) one that addresses the
// profile item (a job, pain or gain of step 3), or no longer (on false).
func (s *Session) LinkValueItem(id, profileItemID string, on bool) error {
	v := s.ValueItem(id)
	if v == nil {
		return inputProblem("value_item_id", ProblemUnknown, "%q", clip(id))
	}
	return toggleRef(&v.Addresses, "addresses", profileItemID, s.ProfileItem(profileItemID) != nil, on)
}

// ShortlistDraft marks the draft as taken on to the evaluation, or not.
func (s *Session) ShortlistDraft(id string, on bool) error {
	d := s.Draft(id)
	if d == nil {
		return inputProblem("draft_id", ProblemUnknown, "%q", clip(id))
	}
	d.Shortlisted = on
	return nil
}

// The parts of the Moore scaffold, for SetMoorePart.
var MooreParts = []string{"for", "need", "benefit", "unlike", "differentiator"}

// SetMoorePart sets one part of the draft's Moore scaffold; a draft whose
// every part is empty has no scaffold (nil), as one written freely.
func (s *Session) SetMoorePart(draftID, part, text string) error {
	d := s.Draft(draftID)
	if d == nil {
		return inputProblem("draft_id", ProblemUnknown, "%q", clip(draftID))
	}
	if err := checkInput("moore "+part, text); err != nil {
		return err
	}
	m := Moore{}
	if d.Moore != nil {
		m = *d.Moore
	}
	p := moorePart(&m, part)
	if p == nil {
		return inputProblem("moore", ProblemInvalid, "part %q", clip(part))
	}
	*p = text
	if m == (Moore{}) {
		d.Moore = nil
	} else {
		d.Moore = &m
	}
	return nil
}

// Part is the text of one part of the scaffold, "" when it has none.
func (m *Moore) Part(part string) string {
	if m == nil {
		return ""
	}
	if p := moorePart(m, part); p != nil {
		return *p
	}
	return ""
}

func moorePart(m *Moore, part string) *string {
	switch part {
	case "for":
		return &m.For
	case "need":
		return &m.Need
	case "benefit":
		return &m.Benefit
	case "unlike":
		return &m.Unlike
	case "differentiator":
		return &m.Differentiator
	}
	return nil
}

// SetSegmentDescription sets what the segment's customers are like.
func (s *Session) SetSegmentDescription(id, text string) error {
	g := s.Segment(id)
	if g == nil {
		return inputProblem("segment_id", ProblemUnknown, "%q", clip(id))
	}
	if err := checkInput("description", text); err != nil {
		return err
	}
	g.Description = text
	return nil
}

// SetSegmentFocus makes the segment one the workshop focuses on, or not:
// the profile (step 3) and the value map (step 4) are written for the
// focus segments.
func (s *Session) SetSegmentFocus(id string, on bool) error {
	g := s.Segment(id)
	if g == nil {
		return inputProblem("segment_id", ProblemUnknown, "%q", clip(id))
	}
	g.Focus = on
	return nil
}
