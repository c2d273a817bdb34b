package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
)

// firstEntry is the first entry under o (a widget.Entry or one that embeds
// it) and its text.
func firstEntry(o fyne.CanvasObject) (e fyne.CanvasObject, text string) {
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if _, ok := c.(fyne.Focusable); !ok || e != nil {
			return
		}
		v := reflect.ValueOf(c)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return
		}
		if f := v.Elem().FieldByName("Text"); f.IsValid() && f.Kind() == reflect.String {
			e, text = c, f.String()
		}
	})
	return
}

// At 1366×768 a participant's row gives the name the room the longest name
// needs and the role the rest: every name shows whole, and so do the roles
// of up to 35 characters ("Myynti- ja asiakkuusjohtaja" was cut when the
// two had half each); a longer role has all the width the row has left.
func TestSetupParticipantRowsGiveTheRoleTheRoom(t *testing.T) {
	u, _ := openFixture(t)
	u.ws.goTo(workshop.StepSetup)
	size := theme.TextSize()
	pad := 2 * (theme.InnerPadding() + theme.InputBorderSize())
	need := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width + pad }
	type row struct {
		name, role         fyne.CanvasObject
		nameText, roleText string
	}
	var rows []row
	uitest.Walk(u.win.Content(), func(c fyne.CanvasObject) {
		if ct, ok := c.(*fyne.Container); ok && c.Visible() {
			if _, ok := ct.Layout.(*personRow); ok {
				var r row
				r.name, r.nameText = firstEntry(ct.Objects[0])
				r.role, r.roleText = firstEntry(ct.Objects[1])
				rows = append(rows, r)
			}
		}
	})
	if len(rows) < 6 {
		t.Fatalf("%d participants' rows on the setup page", len(rows))
	}
	var longest float32
	for _, r := range rows {
		longest = max(longest, need(r.nameText))
	}
	for _, r := range rows {
		if w := r.name.Size().Width; w < need(r.nameText) {
			t.Errorf("the name %q is cut: %.0f wide, needs %.0f", r.nameText, w, need(r.nameText))
		} else if w > longest+1 {
			t.Errorf("the name %q has %.0f, more than the longest name needs (%.0f)", r.nameText, w, longest)
		}
		if w := r.role.Size().Width; len([]rune(r.roleText)) <= 35 && w < need(r.roleText) {
			t.Errorf("the role %q is cut: %.0f wide, needs %.0f", r.roleText, w, need(r.roleText))
		}
	}
}
