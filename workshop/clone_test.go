package workshop_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// richSession has something in every list, map and pointer of a session:
// the example workshop, a check-in's records, hidden and held cards, the
// room's settings and notes.
func richSession(t testing.TB) *workshop.Session {
	c, err := workshop.NewCheckin(fixture.Nordrahti(), "2027-03-10", "90min", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	w := fixture.Nordrahti()
	c.Segments, c.ProfileItems, c.ValueItems, c.Drafts = w.Segments, w.ProfileItems, w.ValueItems, w.Drafts
	c.DotVotes, c.Ratings, c.Consent, c.Alternatives, c.ParkingLot = w.DotVotes, w.Ratings, w.Consent, w.Alternatives, w.ParkingLot
	c.ID, c.FollowsID = 7, 3
	c.PrivateNotes = map[string]string{"baseline": "vain minulle"}
	c.HiddenCards = map[string]bool{"draft:" + c.Drafts[0].ID: true}
	c.Room = &workshop.RoomSettings{Approval: true, Open: []string{workshop.StepDrafts}}
	c.Pending = []workshop.PendingCard{{ID: "H1", CardInput: workshop.CardInput{Kind: workshop.CardDraft, Text: "Odottaa", Moore: &workshop.Moore{}}}}
	if _, err := c.AddReading(c.Measures[0].ID, "50", "2027-03-01", "kysely"); err != nil {
		t.Fatal(err)
	}
	return c
}

// A clone equals its session, field by field (those the session file
// leaves out too), and shares no memory with it: changing one never
// changes the other.
func TestCloneIsWholeAndSharesNothing(t *testing.T) {
	s := richSession(t)
	c := workshop.Clone(s)
	if !reflect.DeepEqual(s, c) {
		a, _ := json.Marshal(s)
		b, _ := json.Marshal(c)
		t.Fatalf("the clone differs:\n%s\n%s", a, b)
	}
	if c.ID != s.ID || c.FollowsID != s.FollowsID {
		t.Errorf("ids %d/%d, want %d/%d", c.ID, c.FollowsID, s.ID, s.FollowsID)
	}
	var walk func(path string, a, b reflect.Value)
	n := 0
	walk = func(path string, a, b reflect.Value) {
		switch a.Kind() {
		case reflect.Pointer:
			if a.IsNil() {
				return
			}
			n++
			if a.Pointer() == b.Pointer() {
				t.Errorf("%s: the same pointer", path)
			}
			walk(path, a.Elem(), b.Elem())
		case reflect.Slice:
			if a.Len() == 0 {
				return
			}
			n++
			if a.Pointer() == b.Pointer() {
				t.Errorf("%s: the same backing array", path)
			}
			for i := 0; i < a.Len(); i++ {
				walk(path+"[]", a.Index(i), b.Index(i))
			}
		case reflect.Map:
			if a.IsNil() {
				return
			}
			n++
			if a.Pointer() == b.Pointer() {
				t.Errorf("%s: the same map", path)
			}
		case reflect.Interface:
			if !a.IsNil() {
				t.Errorf("%s: an interface the clone cannot copy", path)
			}
		case reflect.Struct:
			for i := 0; i < a.NumField(); i++ {
				if a.Type().Field(i).IsExported() {
					walk(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
				}
			}
		}
	}
	walk("Session", reflect.ValueOf(s), reflect.ValueOf(c))
	if n < 20 {
		t.Fatalf("only %d lists, maps and pointers walked: the session is not rich enough", n)
	}
	c.Drafts[0].Text = "muutettu"
	c.PrivateNotes["baseline"] = "muutettu"
	if s.Drafts[0].Text == "muutettu" || s.PrivateNotes["baseline"] == "muutettu" {
		t.Error("changing the clone changed the session")
	}
}

// BenchmarkClone copies the large session, as the projector's snapshot does on every change.
func BenchmarkClone(b *testing.B) {
	s := fixture.Large()
	b.ReportAllocs()
	for b.Loop() {
		workshop.Clone(s)
	}
}
