package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// formField returns the n-th input of an item's form (in the order of its Fields).
func formText(t *testing.T, f *itemForm, n int) *field.Text {
	t.Helper()
	switch b := f.Fields[n].(type) {
	case *field.Text:
		return b
	case *ownerBound:
		return b.Text
	}
	t.Fatalf("field %d is a %T", n, f.Fields[n])
	return nil
}

func typeInto(win fyne.Window, f *field.Text, text string) {
	win.Canvas().Focus(f.Entry)
	f.Entry.SetText("")
	test.Type(f.Entry, text)
	f.Flush()
}

func TestMeasureAddedWithEnterAndFilledIn(t *testing.T) {
	s := fixture.Nordrahti()
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepMeasures, env).(*measures)
	win := showView(t, env, v, 1000, 700)
	capture(t, win, "8-measures.png")
	if v.hints.Visible() && strings.Contains(v.hints.Text, "Tarvitaan") {
		t.Fatalf("the example has customer and operational measures: %q", v.hints.Text)
	}
	win.Canvas().Focus(v.list.NewEntry)
	test.Type(v.list.NewEntry, "Henkilöstön lupaustietoisuus")
	v.list.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got := reload(t, st, env)
	if len(got.Measures) != 4 || got.Measures[3].Name != "Henkilöstön lupaustietoisuus" {
		t.Fatalf("measure not added: %+v", got.Measures)
	}
	if win.Canvas().Focused() != v.list.NewEntry || v.list.NewEntry.Text != "" {
		t.Fatal("Enter should empty the entry and keep the focus there")
	}
	id := got.Measures[3].ID
	f := v.list.form(id)
	if f == nil || !strings.Contains(f.Mark(), "tavoite") || !strings.Contains(f.Mark(), "vastuuhenkilö") {
		t.Fatalf("a new measure should be marked as lacking target and owner: %+v", f)
	}
	f.Fields[1].(*field.Choice).SetValue(workshop.MeasureEmployee)
	typeInto(win, formText(t, f, 3), "0–100")
	typeInto(win, formText(t, f, 6), "3.12.2026")
	typeInto(win, formText(t, f, 8), "80 %")
	typeInto(win, formText(t, f, 9), "29.1.2027")
	typeInto(win, formText(t, f, 11), "Laura Salminen")
	m := reload(t, st, env).Measure(id)
	if m.Type != workshop.MeasureEmployee || m.Scale != "0–100" || m.BaselineDate != "2026-12-03" ||
		m.Target != "80 %" || m.TargetDate != "2027-01-29" || m.OwnerID != "P5" || m.OwnerName != "" {
		t.Fatalf("form not stored: %+v", m)
	}
	if f.Mark() != "" {
		t.Fatalf("still marked: %q", f.Mark())
	}
	// An owner who was not in the room is kept by name.
	typeInto(win, formText(t, f, 11), "Ulla Ulkopuolinen")
	if m := reload(t, st, env).Measure(id); m.OwnerID != "" || m.OwnerName != "Ulla Ulkopuolinen" {
		t.Fatalf("outside owner: %+v", m)
	}
	// A date that is not one is refused and kept in the entry.
	bad := formText(t, f, 9)
	typeInto(win, bad, "32.13.2027")
	if bad.Message() == "" || bad.Entry.Text != "32.13.2027" || reload(t, st, env).Measure(id).TargetDate != "2027-01-29" {
		t.Fatalf("bad date: %q %q", bad.Message(), bad.Entry.Text)
	}
}

func TestMeasureDeleteUndoKeepsActionLinks(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepMeasures, env).(*measures)
	showView(t, env, v, 1000, 700)
	test.Tap(v.list.form("M1").delete)
	got := reload(t, st, env)
	if got.Measure("M1") != nil || got.Action("A2").MeasureID != "" {
		t.Fatalf("delete: measure %v, A2 link %q", got.Measure("M1"), got.Action("A2").MeasureID)
	}
	if err := got.Validate(); err != nil {
		t.Fatalf("the stored session is not valid after the delete: %v", err)
	}
	if !undo(t, env) {
		t.Fatal("nothing to undo")
	}
	got = reload(t, st, env)
	if got.Measure("M1") == nil || got.Action("A2").MeasureID != "M1" {
		t.Fatal("undo did not restore the measure and its link")
	}
}

func TestMeasureHintsWhenMissing(t *testing.T) {
	s := fixture.Nordrahti()
	s.Measures = []workshop.Measure{{ID: "M9", Name: "NPS", Type: workshop.MeasureNPS}}
	for i := range s.Actions {
		s.Actions[i].MeasureID = ""
	}
	_, env, _ := stepEnv(t, s)
	v := New(workshop.StepMeasures, env).(*measures)
	showView(t, env, v, 1000, 700)
	if !v.hints.Visible() || !strings.Contains(v.hints.Text, "operatiivinen") || !strings.Contains(v.hints.Text, "henkilöstömittari") ||
		strings.Contains(v.hints.Text, "asiakkaan kokema") {
		t.Fatalf("hints: %q", v.hints.Text)
	}
}

func TestMeasuresOfALargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepMeasures, env).(*measures)
	win := showView(t, env, v, 1366, 768)
	if len(v.list.IDs()) != 8 {
		t.Fatalf("%d measures shown", len(v.list.IDs()))
	}
	capture(t, win, "8-measures-large.png")
}

// The help next to a measure's type picker is drawn in the text's own
// colour, readable at arm's length, not in the low-contrast grey.
func TestMeasureTypeHelpIsReadable(t *testing.T) {
	s := fixture.Nordrahti()
	_, env, _ := stepEnv(t, s)
	v := New(workshop.StepMeasures, env)
	showView(t, env, v, 1366, 768)
	helps := map[string]bool{}
	for _, m := range s.Measures {
		if h, ok := workshop.MeasureHelp[m.Type]; ok {
			helps[h.In(s.Language)] = true
		}
	}
	if len(helps) == 0 {
		t.Fatal("the example's measures have no type with help")
	}
	found := 0
	uitest.Walk(v.Object(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && helps[l.Text] {
			found++
			if l.Importance == widget.LowImportance {
				t.Errorf("the help %q is in the low-contrast colour", l.Text)
			}
		}
	})
	if found == 0 {
		t.Fatal("no type help shown")
	}
}
