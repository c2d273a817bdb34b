package editor

import (
	"bytes"
	"encoding/json"

	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// Apply runs a domain operation on the session and stores what it changed:
// the records, the header and the order are compared with what they were
// before, so the caller never lists them. When op returns an error the
// session is put back as it was and nothing is stored; the error is
// returned as it is (a typed error of the operation), a failed save as a
// *SaveError.
func (e *Editor) Apply(op func(s *workshop.Session) error) error {
	var opErr error
	err := e.Edit(func(s *workshop.Session) Change {
		before := workshop.Clone(s)
		if opErr = op(s); opErr != nil {
			*s = *before
			return Change{}
		}
		return diff(before, s)
	})
	if opErr != nil {
		return opErr
	}
	return err
}

type encoded struct {
	kind, key string
	data      []byte
}

func records(s *workshop.Session) []encoded {
	rs := store.Records(s)
	out := make([]encoded, len(rs))
	for i, r := range rs {
		b, _ := json.Marshal(r)
		out[i] = encoded{r.RecordKind(), r.RecordKey(), b}
	}
	return out
}

func headerBytes(s *workshop.Session) []byte {
	h := *s
	h.Participants, h.Ladder, h.Segments, h.ProfileItems, h.ValueItems = nil, nil, nil, nil, nil
	h.Alternatives, h.Drafts, h.DotVotes, h.Ratings, h.Consent = nil, nil, nil, nil, nil
	h.PromiseVersions, h.Measures, h.Actions, h.ParkingLot = nil, nil, nil, nil
	h.Readings, h.ValidationAnswers = nil, nil
	h.UpdatedAt = before0
	b, _ := json.Marshal(&h)
	return b
}

var before0 = workshop.Session{}.UpdatedAt

// diff is the change that turns before into after.
func diff(before, after *workshop.Session) Change {
	var ch Change
	ch.Header = !bytes.Equal(headerBytes(before), headerBytes(after))
	old := map[string]encoded{}
	oldOrder := map[string][]string{}
	for _, r := range records(before) {
		old[r.kind+"\x1f"+r.key] = r
		oldOrder[r.kind] = append(oldOrder[r.kind], r.key)
	}
	seen := map[string]bool{}
	newOrder := map[string][]string{}
	for i, r := range records(after) {
		k := r.kind + "\x1f" + r.key
		seen[k] = true
		newOrder[r.kind] = append(newOrder[r.kind], r.key)
		if o, ok := old[k]; !ok || !bytes.Equal(o.data, r.data) {
			ch.Put = append(ch.Put, store.Records(after)[i])
		}
	}
	for _, r := range store.Records(before) {
		if !seen[r.RecordKind()+"\x1f"+r.RecordKey()] {
			ch.Remove = append(ch.Remove, r)
		}
	}
	// A record put back in its old place (an undo) needs its kind reordered;
	// new records at the end keep the stored order as it is.
	for kind, keys := range newOrder {
		var kept []string
		for _, k := range keys {
			if _, ok := old[kind+"\x1f"+k]; ok {
				kept = append(kept, k)
			}
		}
		var was []string
		for _, k := range oldOrder[kind] {
			if seen[kind+"\x1f"+k] {
				was = append(was, k)
			}
		}
		inserted := false
		for i, k := range keys {
			if _, ok := old[kind+"\x1f"+k]; !ok && i < len(keys)-1 {
				if _, nextOld := old[kind+"\x1f"+keys[i+1]]; nextOld {
					inserted = true
				}
			}
		}
		if inserted || !equal(kept, was) {
			ch.Order = append(ch.Order, kind)
		}
	}
	return ch
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
