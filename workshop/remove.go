package workshop

import (
	"fmt"
	"slices"
)

// Deleting something the session refers to elsewhere (a participant, a
// segment, a profile or value-map item, a draft, a measure, an action, a
// note) takes its references out with it and returns a Removal, which puts
// back what still fits when it is restored: a vote on a draft deleted since
// stays out, a finger of an earlier consent round stays out, an author or an
// owner changed since is not overwritten.

// NotFoundError refuses an operation on something the session does not
// hold (deleted meanwhile, or an id that was never there).
type NotFoundError struct {
	What string // "participant", "draft", …
	ID   string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no %s %q in the session", e.What, e.ID) }

// Removal is a deletion that can be taken back.
type Removal struct {
	What string // the kind deleted: "participant", "draft", …
	ID   string
	Text string // the deleted thing's name or text, for "Deleted: …"

	restore func(s *Session)
}

// Restore puts the deleted thing back in its place with what referred to
// it, as far as it still fits the session. Restoring something that is back
// already (an undo made twice) changes nothing.
func (r *Removal) Restore(s *Session) {
	if r == nil || r.restore == nil {
		return
	}
	r.restore(s)
}

// take removes the element with the id from the list and says where it was.
func take[T any](list *[]T, id string, idOf func(*T) string) (T, int, bool) {
	for i := range *list {
		if idOf(&(*list)[i]) == id {
			v := (*list)[i]
			*list = slices.Delete(*list, i, i+1)
			return v, i, true
		}
	}
	var zero T
	return zero, -1, false
}

// putBack inserts v at its old place, or at the end when the list is shorter
// now; nothing when an element with its id is there already.
func putBack[T any](list *[]T, at int, v T, idOf func(*T) string) bool {
	id := idOf(&v)
	for i := range *list {
		if idOf(&(*list)[i]) == id {
			return false
		}
	}
	*list = slices.Insert(*list, min(at, len(*list)), v)
	return true
}

// taken is an element taken out of a list and where it was.
type taken[T any] struct {
	at int
	v  T
}

// takeAll removes the elements that match and returns them with their places.
func takeAll[T any](list *[]T, match func(T) bool) []taken[T] {
	var out []taken[T]
	kept := (*list)[:0:0]
	for i, v := range *list {
		if match(v) {
			out = append(out, taken[T]{i, v})
		} else {
			kept = append(kept, v)
		}
	}
	if len(out) > 0 {
		*list = kept
	}
	return out
}

// putAllBack inserts what takeAll took at the old places (in the order they
// were taken, so that the list is as it was when nothing else changed), the
// ones that fit only when fits is nil or says so.
func putAllBack[T any](list *[]T, back []taken[T], fits func(T) bool) {
	for _, t := range back {
		if fits == nil || fits(t.v) {
			*list = slices.Insert(*list, min(t.at, len(*list)), t.v)
		}
	}
}

// dropRef takes the id out of a list of references (a copy: the list may
// be shared with a snapshot) and says where it was; nil when it was not there.
func dropRef(refs *[]string, id string) []taken[string] {
	if !slices.Contains(*refs, id) {
		return nil
	}
	*refs = slices.Clone(*refs)
	return takeAll(refs, func(x string) bool { return x == id })
}

// restoreRef puts references back where they were, each once.
func restoreRef(refs *[]string, back []taken[string]) {
	*refs = slices.Clone(*refs)
	putAllBack(refs, back, func(r string) bool { return !slices.Contains(*refs, r) })
}

func participantID(p *Participant) string { return p.ID }
func segmentID(g *Segment) string         { return g.ID }
func profileItemID(it *ProfileItem) string {
	return it.ID
}
func valueItemID(it *ValueItem) string { return it.ID }
func draftID(d *Draft) string          { return d.ID }
func measureID(m *Measure) string      { return m.ID }
func actionID(a *Action) string        { return a.ID }
func noteID(n *Note) string            { return n.ID }

// RemoveParticipant deletes the participant and their ladder placement,
// dots, ratings and fingers; drafts lose them as an author, and measures and
// actions they own keep their name as free text, so that no one is left
// without an owner.
func (s *Session) RemoveParticipant(id string) (*Removal, error) {
	p, at, ok := take(&s.Participants, id, participantID)
	if !ok {
		return nil, &NotFoundError{"participant", id}
	}
	round := s.Decision.ConsentRound
	ladder := takeAll(&s.Ladder, func(v LadderVote) bool { return v.ParticipantID == id })
	dots := takeAll(&s.DotVotes, func(v DotVote) bool { return v.ParticipantID == id })
	ratings := takeAll(&s.Ratings, func(v Rating) bool { return v.ParticipantID == id })
	consent := takeAll(&s.Consent, func(v Consent) bool { return v.ParticipantID == id })
	drafts := map[string][]taken[string]{} // the drafts they wrote, and where they were among the authors
	for i := range s.Drafts {
		d := &s.Drafts[i]
		if t := dropRef(&d.AuthorIDs, id); t != nil {
			drafts[d.ID] = t
		}
	}
	type owner struct{ id, ownerID, ownerName string }
	var measures, actions []owner
	for i := range s.Measures {
		if m := &s.Measures[i]; m.OwnerID == id {
			measures = append(measures, owner{m.ID, m.OwnerID, m.OwnerName})
			m.OwnerID, m.OwnerName = "", p.Name
		}
	}
	for i := range s.Actions {
		if a := &s.Actions[i]; a.OwnerID == id {
			actions = append(actions, owner{a.ID, a.OwnerID, a.OwnerName})
			a.OwnerID, a.OwnerName = "", p.Name
		}
	}
	return &Removal{What: "participant", ID: id, Text: p.Name, restore: func(s *Session) {
		if !putBack(&s.Participants, at, p, participantID) {
			return
		}
		putAllBack(&s.Ladder, ladder, nil)
		putAllBack(&s.DotVotes, dots, func(v DotVote) bool { return s.Draft(v.DraftID) != nil })
		putAllBack(&s.Ratings, ratings, func(v Rating) bool { return s.Draft(v.DraftID) != nil })
		if s.Decision.ConsentRound == round {
			putAllBack(&s.Consent, consent, nil)
		}
		for did, t := range drafts {
			if d := s.Draft(did); d != nil {
				restoreRef(&d.AuthorIDs, t)
			}
		}
		// An owner that is still the name the deletion left gets the person back.
		for _, o := range measures {
			if m := s.Measure(o.id); m != nil && m.OwnerID == "" && m.OwnerName == p.Name {
				m.OwnerID, m.OwnerName = o.ownerID, o.ownerName
			}
		}
		for _, o := range actions {
			if a := s.Action(o.id); a != nil && a.OwnerID == "" && a.OwnerName == p.Name {
				a.OwnerID, a.OwnerName = o.ownerID, o.ownerName
			}
		}
	}}, nil
}

// RemoveSegment deletes a customer segment with its profile and value-map
// items; drafts stop naming it, and the items' links go with them.
func (s *Session) RemoveSegment(id string) (*Removal, error) {
	g, at, ok := take(&s.Segments, id, segmentID)
	if !ok {
		return nil, &NotFoundError{"segment", id}
	}
	items := takeAll(&s.ProfileItems, func(it ProfileItem) bool { return it.SegmentID == id })
	values := takeAll(&s.ValueItems, func(it ValueItem) bool { return it.SegmentID == id })
	gone := map[string]bool{}
	for _, it := range items {
		gone[it.v.ID] = true
	}
	refs := s.dropItemRefs(gone)
	drafts := map[string][]taken[string]{} // drafts that named the segment
	for i := range s.Drafts {
		d := &s.Drafts[i]
		if t := dropRef(&d.SegmentIDs, id); t != nil {
			drafts[d.ID] = t
		}
	}
	return &Removal{What: "segment", ID: id, Text: g.Name, restore: func(s *Session) {
		if !putBack(&s.Segments, at, g, segmentID) {
			return
		}
		putAllBack(&s.ProfileItems, items, nil)
		putAllBack(&s.ValueItems, values, nil)
		for did, t := range drafts {
			if d := s.Draft(did); d != nil {
				restoreRef(&d.SegmentIDs, t)
			}
		}
		refs(s)
	}}, nil
}

// RemoveProfileItem deletes a job, pain or gain; value-map items stop
// addressing it and drafts stop being based on it.
func (s *Session) RemoveProfileItem(id string) (*Removal, error) {
	it, at, ok := take(&s.ProfileItems, id, profileItemID)
	if !ok {
		return nil, &NotFoundError{"profile item", id}
	}
	refs := s.dropItemRefs(map[string]bool{id: true})
	return &Removal{What: "profile item", ID: id, Text: it.Text, restore: func(s *Session) {
		if putBack(&s.ProfileItems, at, it, profileItemID) {
			refs(s)
		}
	}}, nil
}

// RemoveValueItem deletes a product, pain reliever or gain creator; drafts
// stop being based on it.
func (s *Session) RemoveValueItem(id string) (*Removal, error) {
	it, at, ok := take(&s.ValueItems, id, valueItemID)
	if !ok {
		return nil, &NotFoundError{"value item", id}
	}
	refs := s.dropItemRefs(map[string]bool{id: true})
	return &Removal{What: "value item", ID: id, Text: it.Text, restore: func(s *Session) {
		if putBack(&s.ValueItems, at, it, valueItemID) {
			refs(s)
		}
	}}, nil
}

// dropItemRefs removes references to the items from the value map's links
// and the drafts' "based on", and returns how to put them back.
func (s *Session) dropItemRefs(gone map[string]bool) func(s *Session) {
	valueRefs := map[string][]taken[string]{} // value item id → the ids dropped from it
	draftRefs := map[string][]taken[string]{}
	isGone := func(x string) bool { return gone[x] }
	for i := range s.ValueItems {
		v := &s.ValueItems[i]
		v.Addresses = slices.Clone(v.Addresses)
		if t := takeAll(&v.Addresses, isGone); len(t) > 0 {
			valueRefs[v.ID] = t
		}
	}
	for i := range s.Drafts {
		d := &s.Drafts[i]
		d.BasedOn = slices.Clone(d.BasedOn)
		if t := takeAll(&d.BasedOn, isGone); len(t) > 0 {
			draftRefs[d.ID] = t
		}
	}
	putBackRefs := restoreRef
	return func(s *Session) {
		for i := range s.ValueItems {
			if back := valueRefs[s.ValueItems[i].ID]; back != nil {
				putBackRefs(&s.ValueItems[i].Addresses, back)
			}
		}
		for i := range s.Drafts {
			if back := draftRefs[s.Drafts[i].ID]; back != nil {
				putBackRefs(&s.Drafts[i].BasedOn, back)
			}
		}
	}
}

// RemoveDraft deletes a draft with its dots, ratings and rejection reason;
// the decision no longer chooses it and drafts merged from it lose the link.
func (s *Session) RemoveDraft(id string) (*Removal, error) {
	d, at, ok := take(&s.Drafts, id, draftID)
	if !ok {
		return nil, &NotFoundError{"draft", id}
	}
	dots := takeAll(&s.DotVotes, func(v DotVote) bool { return v.DraftID == id })
	ratings := takeAll(&s.Ratings, func(r Rating) bool { return r.DraftID == id })
	rejected := takeAll(&s.Decision.Rejected, func(r Rejection) bool { return r.DraftID == id })
	chosen := s.Decision.ChosenDraftID == id
	if chosen {
		s.Decision.ChosenDraftID = ""
	}
	var children []string // drafts merged from this one
	for i := range s.Drafts {
		if s.Drafts[i].ParentID == id {
			s.Drafts[i].ParentID = ""
			children = append(children, s.Drafts[i].ID)
		}
	}
	return &Removal{What: "draft", ID: id, Text: d.Text, restore: func(s *Session) {
		if !putBack(&s.Drafts, at, d, draftID) {
			return
		}
		putAllBack(&s.DotVotes, dots, func(v DotVote) bool { return s.Participant(v.ParticipantID) != nil })
		putAllBack(&s.Ratings, ratings, func(v Rating) bool { return s.Participant(v.ParticipantID) != nil })
		putAllBack(&s.Decision.Rejected, rejected, func(r Rejection) bool {
			return !slices.ContainsFunc(s.Decision.Rejected, func(x Rejection) bool { return x.DraftID == r.DraftID })
		})
		if chosen && s.Decision.ChosenDraftID == "" {
			s.Decision.ChosenDraftID = id
		}
		for _, cid := range children {
			if c := s.Draft(cid); c != nil && c.ParentID == "" {
				c.ParentID = id
			}
		}
	}}, nil
}

// RemoveMeasure deletes a measure; actions linked to it lose the link (a
// link to a deleted measure would be a broken reference).
func (s *Session) RemoveMeasure(id string) (*Removal, error) {
	m, at, ok := take(&s.Measures, id, measureID)
	if !ok {
		return nil, &NotFoundError{"measure", id}
	}
	var linked []string
	for i := range s.Actions {
		if s.Actions[i].MeasureID == id {
			s.Actions[i].MeasureID = ""
			linked = append(linked, s.Actions[i].ID)
		}
	}
	return &Removal{What: "measure", ID: id, Text: m.Name, restore: func(s *Session) {
		if !putBack(&s.Measures, at, m, measureID) {
			return
		}
		for _, aid := range linked {
			if a := s.Action(aid); a != nil && a.MeasureID == "" {
				a.MeasureID = id
			}
		}
	}}, nil
}

// RemoveAction deletes an action.
func (s *Session) RemoveAction(id string) (*Removal, error) {
	a, at, ok := take(&s.Actions, id, actionID)
	if !ok {
		return nil, &NotFoundError{"action", id}
	}
	return &Removal{What: "action", ID: id, Text: a.Text, restore: func(s *Session) {
		back := a
		if back.MeasureID != "" && s.Measure(back.MeasureID) == nil {
			back.MeasureID = "" // the measure went meanwhile
		}
		putBack(&s.Actions, at, back, actionID)
	}}, nil
}

// RemoveAlternative deletes a note on the customer's alternatives.
func (s *Session) RemoveAlternative(id string) (*Removal, error) {
	return removeNote(&s.Alternatives, "alternative", id, func(s *Session) *[]Note { return &s.Alternatives })
}

// RemoveParking deletes a note of the parking lot.
func (s *Session) RemoveParking(id string) (*Removal, error) {
	return removeNote(&s.ParkingLot, "parking note", id, func(s *Session) *[]Note { return &s.ParkingLot })
}

func removeNote(list *[]Note, what, id string, in func(s *Session) *[]Note) (*Removal, error) {
	n, at, ok := take(list, id, noteID)
	if !ok {
		return nil, &NotFoundError{what, id}
	}
	return &Removal{What: what, ID: id, Text: n.Text, restore: func(s *Session) {
		putBack(in(s), at, n, noteID)
	}}, nil
}
