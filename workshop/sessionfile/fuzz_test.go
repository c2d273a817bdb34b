package sessionfile_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
)

// Whatever Read accepts is a valid session that survives a write and a read.
func FuzzRead(f *testing.F) {
	// A small session with one of everything: a seed the size of the whole
	// example makes every new input take seconds to minimise.
	f.Add(smallSession(f))
	f.Add([]byte(`{"format":"lupauspaja-session","version":1,"session":{"language":"fi","dots_per_participant":3}}`))
	f.Add([]byte(`{"format":"lupauspaja-session","version":1,"session":{"language":"en","dots_per_participant":1,"participants":[{"id":"P1","name":"Äö","kind":"guest"}],"drafts":[{"id":"D1","text":"x"}],"dot_votes":[{"participant_id":"P1","draft_id":"D1","dots":1}]}}`))
	f.Add([]byte(`{"format":"lupauspaja-session","version":1,"session":{"language":"fi","dots_per_participant":3,"created_at":"2026-12-03T09:00:00+02:00","private_notes":{"decision":"x"}}}`))
	f.Add([]byte(`{"format":"lupauspaja-session","version":2}`))
	f.Add([]byte(`[]`))
	opt := sessionfile.Options{ExportedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), IncludePrivateNotes: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := sessionfile.Read(bytes.NewReader(data))
		if err != nil {
			if s != nil {
				t.Fatal("a session with an error")
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("accepted an invalid session: %v", err)
		}
		first, err := sessionfile.Marshal(s, opt)
		if err != nil {
			t.Fatalf("accepted a session it cannot write: %v", err)
		}
		back, err := sessionfile.Read(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("cannot read its own file: %v\n%s", err, first)
		}
		second, err := sessionfile.Marshal(back, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("not stable:\n%s\n%s", first, second)
		}
		s.UpdatedAt = back.UpdatedAt // the file does not carry it
		a, _ := sessionfile.Marshal(s, opt)
		if !bytes.Equal(a, first) || (!reflect.DeepEqual(s.PrivateNotes, back.PrivateNotes) && len(s.PrivateNotes)+len(back.PrivateNotes) > 0) {
			t.Fatal("lost something on the way")
		}
	})
}

func smallSession(f *testing.F) []byte {
	s := fixture.Nordrahti()
	s.Participants = s.Participants[:2]
	s.Ladder = s.Ladder[:2]
	s.Segments = s.Segments[:1]
	s.ProfileItems = s.ProfileItems[:2]
	s.ValueItems = s.ValueItems[:1]
	s.ValueItems[0].Addresses = []string{"S1-J1"}
	s.Alternatives = s.Alternatives[:1]
	s.Drafts = s.Drafts[3:4] // D4, with a Moore scaffold
	s.Drafts[0].Text, s.Drafts[0].AuthorIDs, s.Drafts[0].SegmentIDs, s.Drafts[0].BasedOn = "Perillä ajallaan.", []string{"P2"}, []string{"S1"}, []string{"S1-J2"}
	s.DotVotes = s.DotVotes[1:2]
	s.Ratings = s.Ratings[3:4]
	s.Consent = s.Consent[:2]
	s.Measures = s.Measures[:1]
	s.Measures[0].OwnerID = "P1"
	s.Actions = s.Actions[1:2]
	s.ParkingLot = s.ParkingLot[:1]
	s.Agenda = s.Agenda[:2]
	s.Goal, s.Purpose.Why, s.Purpose.Whom, s.Purpose.Value, s.Decision.Rationale = "Tavoite", "Miksi", "Kenelle", "Arvo", "Koska"
	s.Decision.ChosenDraftID, s.Decision.Rejected, s.Decision.OpenConcerns = "D4", nil, []string{"Huoli"}
	s.PrivateNotes = map[string]string{"decision": "yksityinen"}
	b, err := sessionfile.Marshal(s, sessionfile.Options{IncludePrivateNotes: true})
	if err != nil {
		f.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, b); err != nil {
		f.Fatal(err)
	}
	if _, err := sessionfile.Read(bytes.NewReader(compact.Bytes())); err != nil {
		f.Fatalf("small seed: %v", err)
	}
	return compact.Bytes()
}
