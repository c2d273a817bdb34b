package ui

import (
	"slices"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// removal is a deleted participant with everything that referred to them,
// as it was, so that Ctrl+Z can put it all back.
type removal struct {
	p        workshop.Participant
	at       int
	ladder   []workshop.LadderVote
	dots     []workshop.DotVote
	ratings  []workshop.Rating
	consent  []workshop.Consent
	round    int                // the consent round the fingers were shown in
	drafts   []workshop.Draft   // as they were, before the author was taken out
	measures []workshop.Measure // as they were, before the owner became a name
	actions  []workshop.Action
}

// removeParticipant deletes the participant and their votes; drafts lose
// them as an author, and measures and actions they own keep their name as
// free text, so that no one is left without an owner.
func removeParticipant(s *workshop.Session, id string) (removal, editor.Change, bool) {
	var r removal
	var ch editor.Change
	r.at = slices.IndexFunc(s.Participants, func(p workshop.Participant) bool { return p.ID == id })
	if r.at < 0 {
		return r, ch, false
	}
	r.p = s.Participants[r.at]
	r.round = s.Decision.ConsentRound
	s.Participants = slices.Delete(s.Participants, r.at, r.at+1)
	ch.Remove = append(ch.Remove, store.Participant{ID: id})

	s.Ladder = slices.DeleteFunc(s.Ladder, func(v workshop.LadderVote) bool {
		if v.ParticipantID == id {
			r.ladder = append(r.ladder, v)
			ch.Remove = append(ch.Remove, store.Ladder(v))
			return true
		}
		return false
	})
	s.DotVotes = slices.DeleteFunc(s.DotVotes, func(v workshop.DotVote) bool {
		if v.ParticipantID == id {
			r.dots = append(r.dots, v)
			ch.Remove = append(ch.Remove, store.DotVote(v))
			return true
		}
		return false
	})
	s.Ratings = slices.DeleteFunc(s.Ratings, func(v workshop.Rating) bool {
		if v.ParticipantID == id {
			r.ratings = append(r.ratings, v)
			ch.Remove = append(ch.Remove, store.Rating(v))
			return true
		}
		return false
	})
	s.Consent = slices.DeleteFunc(s.Consent, func(v workshop.Consent) bool {
		if v.ParticipantID == id {
			r.consent = append(r.consent, v)
			ch.Remove = append(ch.Remove, store.Consent(v))
			return true
		}
		return false
	})
	for i := range s.Drafts {
		d := &s.Drafts[i]
		if slices.Contains(d.AuthorIDs, id) {
			old := *d
			old.AuthorIDs = slices.Clone(d.AuthorIDs)
			r.drafts = append(r.drafts, old)
			d.AuthorIDs = slices.DeleteFunc(slices.Clone(d.AuthorIDs), func(a string) bool { return a == id })
			ch.Put = append(ch.Put, store.Draft(*d))
		}
	}
	for i := range s.Measures {
		m := &s.Measures[i]
		if m.OwnerID == id {
			r.measures = append(r.measures, *m)
			m.OwnerID, m.OwnerName = "", r.p.Name
			ch.Put = append(ch.Put, store.Measure(*m))
		}
	}
	for i := range s.Actions {
		a := &s.Actions[i]
		if a.OwnerID == id {
			r.actions = append(r.actions, *a)
			a.OwnerID, a.OwnerName = "", r.p.Name
			ch.Put = append(ch.Put, store.Action(*a))
		}
	}
	return r, ch, true
}

// restore puts a removed participant back with everything that referred to
// them, as far as it still fits the session: votes on a draft deleted since
// and fingers of an earlier consent round stay out, and authors and owners
// changed since are not overwritten.
func (r removal) restore(s *workshop.Session) editor.Change {
	var ch editor.Change
	at := min(r.at, len(s.Participants))
	s.Participants = slices.Insert(s.Participants, at, r.p)
	ch.Put = append(ch.Put, store.Participant(r.p))
	ch.Order = []string{store.KindParticipant} // back in its place, also after a reload
	for _, v := range r.ladder {
		s.Ladder = append(s.Ladder, v)
		ch.Put = append(ch.Put, store.Ladder(v))
	}
	for _, v := range r.dots {
		if s.Draft(v.DraftID) != nil {
			s.DotVotes = append(s.DotVotes, v)
			ch.Put = append(ch.Put, store.DotVote(v))
		}
	}
	for _, v := range r.ratings {
		if s.Draft(v.DraftID) != nil {
			s.Ratings = append(s.Ratings, v)
			ch.Put = append(ch.Put, store.Rating(v))
		}
	}
	if s.Decision.ConsentRound == r.round {
		for _, v := range r.consent {
			s.Consent = append(s.Consent, v)
			ch.Put = append(ch.Put, store.Consent(v))
		}
	}
	for _, old := range r.drafts {
		if d := s.Draft(old.ID); d != nil && !slices.Contains(d.AuthorIDs, r.p.ID) {
			d.AuthorIDs = append(slices.Clone(d.AuthorIDs), r.p.ID)
			ch.Put = append(ch.Put, store.Draft(*d))
		}
	}
	// An owner that is still the name the deletion left gets the person back.
	ownedByName := func(id, name string) bool { return id == "" && name == r.p.Name }
	for _, old := range r.measures {
		if m := s.Measure(old.ID); m != nil && ownedByName(m.OwnerID, m.OwnerName) {
			m.OwnerID, m.OwnerName = old.OwnerID, old.OwnerName
			ch.Put = append(ch.Put, store.Measure(*m))
		}
	}
	for _, old := range r.actions {
		for i := range s.Actions {
			if a := &s.Actions[i]; a.ID == old.ID && ownedByName(a.OwnerID, a.OwnerName) {
				a.OwnerID, a.OwnerName = old.OwnerID, old.OwnerName
				ch.Put = append(ch.Put, store.Action(*a))
			}
		}
	}
	return ch
}

// deleteParticipant removes a participant and remembers them for undo.
func (w *workspace) deleteParticipant(id string) {
	var r removal
	var ok bool
	saved := w.edit(func(s *workshop.Session) editor.Change {
		var ch editor.Change
		r, ch, ok = removeParticipant(s, id)
		return ch
	})
	// A deletion that was not saved was taken back; there is nothing to undo.
	if saved && ok {
		w.removed = append(w.removed, r)
		w.changed()
	}
}

// undoRemoval brings back the last deleted participant.
func (w *workspace) undoRemoval() bool {
	if len(w.removed) == 0 {
		return false
	}
	r := w.removed[len(w.removed)-1]
	if w.edit(func(s *workshop.Session) editor.Change {
		if s.Participant(r.p.ID) != nil {
			return editor.Change{}
		}
		return r.restore(s)
	}) {
		w.removed = w.removed[:len(w.removed)-1]
		w.changed()
	}
	return true
}
