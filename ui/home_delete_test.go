package ui

import (
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
)

// TestDeletingAWorkshopNamesItsCheckinsAndDeletesThem: the confirmation for
// a workshop with check-ins says how many go with it and their dates, and
// Delete removes the workshop and all its check-ins (each with a copy of the
// participants' names), nothing else.
func TestDeletingAWorkshopNamesItsCheckinsAndDeletesThem(t *testing.T) {
	u, lib, _ := newTestUI(t)
	other := workshop.NewSession("fi")
	other.Title, other.Organisation = "Toinen paja", "Muu Oy"
	keep := createSession(t, lib, other)
	wid := createSession(t, lib, fixture.Nordrahti())
	c1, err := lib.Checkin(wid, "2027-03-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	c2, err := lib.Checkin(c1, "2027-06-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	u.home.reload()
	u.home.selectID(wid)
	tapButton(t, u.win.Content(), u.tr.T("home.delete"))
	d := topOverlay(u)
	if d == nil {
		t.Fatal("no confirmation")
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "fi-delete-family")
	}
	shown := texts(d)
	for _, want := range []string{"Poistetaanko työpaja ja sen seurannat?", "Nordrahdin asiakaslupaus 2027",
		"työpajan 2 seurantaa (10.3.2027, 10.6.2027)", "kopioidut nimet"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, shown)
		}
	}
	tapButton(t, d, u.tr.T("app.cancel"))
	for _, id := range []int64{wid, c1, c2} {
		if _, err := lib.Load(id); err != nil {
			t.Fatalf("Cancel deleted %d: %v", id, err)
		}
	}
	tapButton(t, u.win.Content(), u.tr.T("home.delete"))
	tapButton(t, topOverlay(u), u.tr.T("home.delete.confirm"))
	for _, id := range []int64{wid, c1, c2} {
		if _, err := lib.Load(id); !errors.Is(err, library.ErrNotFound) {
			t.Errorf("session %d after deleting the workshop: %v", id, err)
		}
	}
	if len(u.home.items) != 1 || u.home.items[0].ID != keep {
		t.Errorf("the list shows %+v", u.home.items)
	}
}

// TestDeletingACheckinDeletesItAlone: the confirmation for a check-in says
// only it goes; after it the workshop stays and the later check-in follows
// the workshop, listed under it. A workshop with one check-in names it in
// the singular.
func TestDeletingACheckinDeletesItAlone(t *testing.T) {
	u, lib, _ := newTestUI(t)
	wid := createSession(t, lib, fixture.Nordrahti())
	c1, err := lib.Checkin(wid, "2027-03-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	c2, err := lib.Checkin(c1, "2027-06-10", "45min")
	if err != nil {
		t.Fatal(err)
	}
	u.home.reload()
	u.home.selectID(c1)
	tapButton(t, u.win.Content(), u.tr.T("home.delete"))
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "fi-delete-checkin")
	}
	shown := texts(topOverlay(u))
	for _, want := range []string{"Poistetaanko seuranta?", "Poistetaanko seuranta 10.3.2027", "Vain tämä seuranta poistetaan"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, shown)
		}
	}
	tapButton(t, topOverlay(u), u.tr.T("home.delete.confirm"))
	if _, err := lib.Load(c1); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("the check-in: %v", err)
	}
	later, err := lib.Load(c2)
	if err != nil || later.FollowsID != wid {
		t.Fatalf("the later check-in follows %d (%v), want the workshop %d", later.FollowsID, err, wid)
	}
	if len(u.home.items) != 2 || u.home.items[0].ID != wid || u.home.items[1].ID != c2 {
		t.Fatalf("the list shows %+v", u.home.items)
	}
	u.home.selectID(wid)
	tapButton(t, u.win.Content(), u.tr.T("home.delete"))
	if shown := texts(topOverlay(u)); !strings.Contains(shown, "työpajan seuranta (10.6.2027) ja kaikki sen tiedot, myös siihen kopioidut nimet") {
		t.Errorf("the confirmation for one check-in says:\n%s", shown)
	}
	tapButton(t, topOverlay(u), u.tr.T("app.cancel"))
	u.tr.SetLanguage("en")
	u.showHome(false)
	u.home.reload()
	u.home.selectID(wid)
	tapButton(t, u.win.Content(), u.tr.T("home.delete"))
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "en-delete-family")
	}
	if shown := texts(topOverlay(u)); !strings.Contains(shown, "Its check-in (2027-06-10) will be deleted too") {
		t.Errorf("the English confirmation for one check-in says:\n%s", shown)
	}
	test.Tap(findButton(topOverlay(u), u.tr.T("app.cancel")))
}
