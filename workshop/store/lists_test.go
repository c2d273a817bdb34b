package store

import (
	"reflect"
	"testing"

	"lupauspaja/workshop"
)

// mutations returns copies of v, each with one field changed (and, for a
// list or a pointer, changed between nil and empty too), so that a
// field-by-field comparison that misses a field is caught.
func mutations(t *testing.T, v reflect.Value) []reflect.Value {
	t.Helper()
	var out []reflect.Value
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		change := func(fn func(x reflect.Value)) {
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			fn(c.Field(i))
			out = append(out, c)
		}
		switch f.Type.Kind() {
		case reflect.String:
			change(func(x reflect.Value) { x.SetString(x.String() + "x") })
		case reflect.Int:
			change(func(x reflect.Value) { x.SetInt(x.Int() + 1) })
		case reflect.Bool:
			change(func(x reflect.Value) { x.SetBool(!x.Bool()) })
		case reflect.Slice:
			change(func(x reflect.Value) { x.Set(reflect.Append(x, reflect.ValueOf("x"))) })
			change(func(x reflect.Value) { x.Set(reflect.Zero(f.Type)) })
			change(func(x reflect.Value) { x.Set(reflect.MakeSlice(f.Type, 0, 0)) })
		case reflect.Struct: // an embedded struct: each of its fields
			for _, m := range mutations(t, v.Field(i)) {
				mm := m
				change(func(x reflect.Value) { x.Set(mm) })
			}
		case reflect.Pointer:
			change(func(x reflect.Value) { x.Set(reflect.Zero(f.Type)) })
			for _, m := range mutations(t, v.Field(i).Elem()) {
				mm := m
				change(func(x reflect.Value) { p := reflect.New(f.Type.Elem()); p.Elem().Set(mm); x.Set(p) })
			}
		default:
			t.Fatalf("%s.%s is a %s: teach this test and the comparison about it", v.Type(), f.Name, f.Type.Kind())
		}
	}
	return out
}

// The hand-written comparisons of the records with lists inside see every
// field: a field added to the struct and left out of the comparison would
// let an edit of it go unsaved.
func TestNestedEqualsSeeEveryField(t *testing.T) {
	d := workshop.Draft{ID: "D1", Text: "a", TextAlt: "b", AuthorIDs: []string{"P1"}, SegmentIDs: []string{"S1"},
		BasedOn: []string{"I1"}, Moore: &workshop.Moore{For: "f", Need: "n", Benefit: "b", Unlike: "u", Differentiator: "d"},
		ParentID: "D0", Version: 2, Shortlisted: true}
	if !equalDraft(&d, &d) {
		t.Fatal("a draft differs from itself")
	}
	for _, m := range mutations(t, reflect.ValueOf(d)) {
		x := m.Interface().(workshop.Draft)
		if equalDraft(&d, &x) {
			t.Errorf("a changed draft compares equal: %+v", x)
		}
	}
	p := workshop.PendingCard{ID: "h1", AuthorID: "P1", Device: "d", At: "2026-12-01T10:00:00Z", CardInput: workshop.CardInput{
		Kind: "draft", SegmentID: "S1", Type: "t", Text: "x", Description: "d", Evidence: "e",
		Moore:      &workshop.Moore{For: "f", Need: "n", Benefit: "b", Unlike: "u", Differentiator: "d"},
		Definition: "def", Owner: "o", ActionKind: "act", Due: "2027-01-01"}}
	if !equalPending(&p, &p) {
		t.Fatal("a pending card differs from itself")
	}
	for _, m := range mutations(t, reflect.ValueOf(p)) {
		x := m.Interface().(workshop.PendingCard)
		if equalPending(&p, &x) {
			t.Errorf("a changed pending card compares equal: %+v", x)
		}
	}
	rd := workshop.RoomDevice{ID: "a1b2c3", TokenHash: workshop.DeviceTokenHash("t"), ParticipantID: "P1", Anonymous: true,
		Voter: "anon-1", Owned: []string{"draft:D1"}, Joined: "2026-12-01T10:00:00Z"}
	if !equalRoomDevice(&rd, &rd) {
		t.Fatal("a room device differs from itself")
	}
	for _, m := range mutations(t, reflect.ValueOf(rd)) {
		x := m.Interface().(workshop.RoomDevice)
		if equalRoomDevice(&rd, &x) {
			t.Errorf("a changed room device compares equal: %+v", x)
		}
	}
	v := workshop.ValueItem{ID: "V1", SegmentID: "S1", Type: "t", Text: "x", Addresses: []string{"I1"}, DeliveredToday: "yes"}
	if !equalValueItem(&v, &v) {
		t.Fatal("a value item differs from itself")
	}
	for _, m := range mutations(t, reflect.ValueOf(v)) {
		x := m.Interface().(workshop.ValueItem)
		if equalValueItem(&v, &x) {
			t.Errorf("a changed value item compares equal: %+v", x)
		}
	}
}
