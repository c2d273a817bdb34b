package field

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// open makes a real store in a temporary folder with one new session.
func open(t testing.TB, prepare func(s *workshop.Session)) (*store.Store, *editor.Editor) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := workshop.NewSession("fi")
	if prepare != nil {
		prepare(s)
	}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	ed, err := editor.Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, ed
}

func load(t *testing.T, st *store.Store, ed *editor.Editor) *workshop.Session {
	t.Helper()
	s, err := st.Load(ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func purposeWhy(r *room.Room) *Text {
	return NewText(r, true,
		func(s *workshop.Session) string { return s.Purpose.Why },
		func(s *workshop.Session, v string) error {
			s.Purpose.Why = v
			return nil
		})
}

// quiet is a room whose typing waits for Flush or focus loss, so that a
// test that drives the widgets itself does not race the debounce timer
// (Fyne's test driver runs fyne.Do on the timer's goroutine).
func quiet(ed *editor.Editor) *room.Room {
	r := room.New(ed)
	r.Typing.SetTimings(time.Hour, time.Hour)
	return r
}

// waitFor polls until cond holds, so the test does not depend on exact timer timing.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTextSavesAfterTypingPauses(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	f := purposeWhy(room.New(ed))
	w := test.NewWindow(f.Object())
	defer w.Close()
	w.Canvas().Focus(f.Entry)
	test.Type(f.Entry, "Pidämme huolta ")
	if got := load(t, st, ed).Purpose.Why; got != "" {
		t.Fatalf("saved before the pause: %q", got)
	}
	waitFor(t, "the debounced save", func() bool { return load(t, st, ed).Purpose.Why == "Pidämme huolta " })
	test.Type(f.Entry, "tavarasta 🚚")
	waitFor(t, "the second save", func() bool { return load(t, st, ed).Purpose.Why == "Pidämme huolta tavarasta 🚚" })
}

// Typing that never pauses is saved all the same, at most MaxWait after the
// first unsaved key (here MaxWait is 0 and the pause an hour).
func TestSteadyTypingIsSavedWithoutAPause(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	r := room.New(ed)
	r.Typing.SetTimings(time.Hour, 0)
	f := SessionText(r, true, "purpose_why")
	w := test.NewWindow(f.Object())
	defer w.Close()
	w.Canvas().Focus(f.Entry)
	test.Type(f.Entry, "Jotta")
	waitFor(t, "the typing saved with no pause", func() bool { return load(t, st, ed).Purpose.Why == "Jotta" })
}

func TestTextSavesOnFocusLossAndFlush(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	f := purposeWhy(quiet(ed))
	other := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(f.Object(), other))
	defer w.Close()
	w.Canvas().Focus(f.Entry)
	test.Type(f.Entry, "Kuljetamme")
	w.Canvas().Focus(other)
	if got := load(t, st, ed).Purpose.Why; got != "Kuljetamme" {
		t.Fatalf("after leaving the field: %q", got)
	}
	w.Canvas().Focus(f.Entry)
	test.Type(f.Entry, " ja varastoimme")
	f.Flush()
	if got := load(t, st, ed).Purpose.Why; got != "Kuljetamme ja varastoimme" {
		t.Fatalf("after Flush: %q", got)
	}
}

func TestTextRefusesTooLongAndKeepsIt(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	// Single-line and not in a window: Fyne lays out a wrapped entry of
	// 200,000 characters very slowly, which is not what is tested here.
	f := NewText(quiet(ed), false,
		func(s *workshop.Session) string { return s.Baseline.ExistingPromise },
		func(s *workshop.Session, v string) error {
			s.Baseline.ExistingPromise = v
			return nil
		})
	long := strings.Repeat("ä", workshop.MaxTextBytes/2+1) // 2 bytes each: just over the limit
	f.Entry.SetText(long)
	f.Flush()
	if !strings.Contains(f.Message(), "liian pitkä") {
		t.Fatalf("no clear message: %q", f.Message())
	}
	if f.Entry.Text != long {
		t.Fatal("the typed text was not kept")
	}
	f.Refresh() // a change elsewhere must not wipe unsaved text
	if f.Entry.Text != long {
		t.Fatal("refresh replaced unsaved text")
	}
	if got := load(t, st, ed).Baseline.ExistingPromise; got != "" {
		t.Fatalf("stored a refused text of %d bytes", len(got))
	}
	// 100 kB of text is accepted, emoji and control characters and all.
	ok := strings.Repeat("a\x01🚚 ", 100_000/7)
	f.Entry.SetText(ok)
	f.Flush()
	if f.Message() != "" {
		t.Fatalf("refused 100 kB: %s", f.Message())
	}
	if got := load(t, st, ed).Baseline.ExistingPromise; got != ok {
		t.Fatalf("stored %d bytes, want %d", len(got), len(ok))
	}
}

func TestTextFollowsChangesElsewhereUnlessFocused(t *testing.T) {
	test.NewTempApp(t)
	_, ed := open(t, nil)
	f := purposeWhy(quiet(ed))
	other := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(f.Object(), other))
	defer w.Close()
	set := func(v string) {
		if err := ed.Edit(func(s *workshop.Session) error { s.Purpose.Why = v; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	set("muualla")
	f.Refresh()
	if f.Entry.Text != "muualla" {
		t.Fatalf("not refreshed: %q", f.Entry.Text)
	}
	w.Canvas().Focus(f.Entry)
	set("taas muualla")
	f.Refresh()
	if f.Entry.Text != "muualla" {
		t.Fatalf("refresh replaced text under the cursor: %q", f.Entry.Text)
	}
	w.Canvas().Focus(other)
	f.Refresh()
	if f.Entry.Text != "taas muualla" {
		t.Fatalf("not refreshed after leaving: %q", f.Entry.Text)
	}
}

func TestDate(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	d := NewDate(quiet(ed),
		func(s *workshop.Session) string { return s.NextReviewDate },
		func(s *workshop.Session, v string) error {
			s.NextReviewDate = v
			return nil
		})
	w := test.NewWindow(d.Object())
	defer w.Close()
	for _, c := range []struct{ typed, stored string }{
		{"3.12.2026", "2026-12-03"},
		{"2027-01-15", "2027-01-15"},
		{" 1.2.2027. ", "2027-02-01"},
		{"", ""},
	} {
		d.Entry.SetText(c.typed)
		d.Flush()
		if d.Message() != "" {
			t.Fatalf("%q refused: %s", c.typed, d.Message())
		}
		if got := load(t, st, ed).NextReviewDate; got != c.stored {
			t.Fatalf("%q stored as %q, want %q", c.typed, got, c.stored)
		}
	}
	d.Entry.SetText("2027-01-15")
	d.Flush()
	if d.Entry.Text != "15.1.2027" {
		t.Fatalf("shown as %q, want the Finnish way", d.Entry.Text)
	}
	for _, bad := range []string{"31.2.2027", "huomenna", "2027-13-01"} {
		d.Entry.SetText(bad)
		d.Flush()
		if !strings.Contains(d.Message(), "ei ole päivämäärä") {
			t.Fatalf("%q: message %q", bad, d.Message())
		}
		if d.Entry.Text != bad {
			t.Fatalf("%q was not kept", bad)
		}
		if got := load(t, st, ed).NextReviewDate; got != "2027-01-15" {
			t.Fatalf("%q changed the stored date to %q", bad, got)
		}
	}
}

func TestChoiceStoresAtOnce(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, func(s *workshop.Session) {
		s.Segments = []workshop.Segment{{ID: "s1", Name: "PK-yritykset"}}
	})
	opts := Options(workshop.ValidationLabels, "fi", workshop.ValidationInternal, workshop.ValidationPending, workshop.ValidationDone)
	get := func(s *workshop.Session) string { return s.Decision.ValidationStatus }
	set := func(s *workshop.Session, v string) error {
		s.Decision.ValidationStatus = v
		return nil
	}
	sel := NewSelect(i18n.New("fi"), ed, opts, "—", get, set)
	radio := NewRadio(i18n.New("fi"), ed, opts, get, set)
	w := test.NewWindow(container.NewVBox(sel.Object(), radio.Object()))
	defer w.Close()
	if sel.Value() != workshop.ValidationInternal || radio.Value() != workshop.ValidationInternal {
		t.Fatalf("initial values %q %q", sel.Value(), radio.Value())
	}
	sel.Select.SetSelected(opts[1].Label)
	if got := load(t, st, ed).Decision.ValidationStatus; got != workshop.ValidationPending {
		t.Fatalf("select stored %q", got)
	}
	radio.Refresh()
	if radio.Value() != workshop.ValidationPending {
		t.Fatalf("radio did not follow: %q", radio.Value())
	}
	radio.Radio.SetSelected(opts[2].Label)
	if got := load(t, st, ed).Decision.ValidationStatus; got != workshop.ValidationDone {
		t.Fatalf("radio stored %q", got)
	}
}

func alternatives() Cards[workshop.Note] {
	return Cards[workshop.Note]{
		List: func(s *workshop.Session) *[]workshop.Note { return &s.Alternatives },
		ID:   func(c *workshop.Note) string { return c.ID },
		Text: func(c *workshop.Note) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			n, err := s.AddAlternative(text)
			return n.ID, err
		},
		Remove: (*workshop.Session).RemoveAlternative,
	}
}

func texts(notes []workshop.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Text)
	}
	return out
}

func TestCardListEnterAddsAndKeepsFocus(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	l := NewCardList(quiet(ed), alternatives(), CardOptions{})
	w := test.NewWindow(l.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(500, 400))
	l.FocusNew()
	enter := func() { l.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }
	test.Type(l.NewEntry, "Oma kuljetuskalusto")
	enter()
	test.Type(l.NewEntry, "Kilpaileva huolitsija")
	enter()
	if got := texts(load(t, st, ed).Alternatives); strings.Join(got, "|") != "Oma kuljetuskalusto|Kilpaileva huolitsija" {
		t.Fatalf("stored %q", got)
	}
	if w.Canvas().Focused() != l.NewEntry || l.NewEntry.Text != "" {
		t.Fatal("the new-card entry should keep the focus, emptied")
	}
	enter() // empty: refused with a message, nothing added
	if l.Message() == "" || len(load(t, st, ed).Alternatives) != 2 {
		t.Fatalf("empty card: message %q", l.Message())
	}
	if len(l.IDs()) != 2 {
		t.Fatalf("%d rows", len(l.IDs()))
	}
}

func TestCardListEditDeleteUndo(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, func(s *workshop.Session) {
		s.Alternatives = []workshop.Note{{ID: "a1", Text: "Yksi"}, {ID: "a2", Text: "Kaksi"}, {ID: "a3", Text: "Kolme"}}
	})
	r := quiet(ed)
	l := NewCardList(r, alternatives(), CardOptions{})
	w := test.NewWindow(l.Object())
	defer w.Close()
	undo := func() bool {
		t.Helper()
		ok, err := r.Undo.Pop(ed)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if undo() {
		t.Fatal("undo with nothing deleted")
	}
	c := l.Card("a2")
	w.Canvas().Focus(c.Text.Entry)
	test.Type(c.Text.Entry, "!")
	// Deleting while the edit is pending stores the edit first, so the undo restores it.
	test.Tap(c.Delete)
	if got := texts(load(t, st, ed).Alternatives); strings.Join(got, "|") != "Yksi|Kolme" {
		t.Fatalf("after delete %q", got)
	}
	if len(l.IDs()) != 2 || l.Card("a2") != nil {
		t.Fatal("row not removed")
	}
	if !undo() {
		t.Fatal("undo refused")
	}
	got := load(t, st, ed).Alternatives
	// Back in its place, with the edit typed before the deletion.
	if strings.Join(texts(got), "|") != "Yksi|Kaksi!|Kolme" && strings.Join(texts(got), "|") != "Yksi|!Kaksi|Kolme" {
		t.Fatalf("after undo %q", texts(got))
	}
	if len(l.IDs()) != 3 {
		t.Fatal("row not restored")
	}
	if undo() {
		t.Fatal("second undo should have nothing to do")
	}
}

func TestCardListMarksAndExtras(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, func(s *workshop.Session) {
		s.Segments = []workshop.Segment{{ID: "s1", Name: "PK"}}
		s.ProfileItems = []workshop.ProfileItem{
			{ID: "p1", SegmentID: "s1", Type: workshop.ItemPain, Text: "Viive", Importance: 2, Evidence: workshop.EvidenceAssumption},
		}
	})
	cards := Cards[workshop.ProfileItem]{
		List: func(s *workshop.Session) *[]workshop.ProfileItem { return &s.ProfileItems },
		ID:   func(c *workshop.ProfileItem) string { return c.ID },
		Text: func(c *workshop.ProfileItem) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			it, err := s.AddProfileItem("s1", workshop.ItemPain, text, "")
			return it.ID, err
		},
		Remove: (*workshop.Session).RemoveProfileItem,
	}
	item := func(s *workshop.Session, id string) *workshop.ProfileItem {
		for i := range s.ProfileItems {
			if s.ProfileItems[i].ID == id {
				return &s.ProfileItems[i]
			}
		}
		return nil
	}
	opts := Options(workshop.EvidenceLabels, "fi", workshop.EvidenceCustomerSaid, workshop.EvidenceAssumption)
	var sels = map[string]*Choice{}
	l := NewCardList(quiet(ed), cards, CardOptions{
		Extra: func(id string) []Bound {
			c := NewSelect(i18n.New("fi"), ed, opts, "",
				func(s *workshop.Session) string { return item(s, id).Evidence },
				func(s *workshop.Session, v string) error {
					it := item(s, id)
					it.Evidence = v
					return nil
				})
			sels[id] = c
			return []Bound{c}
		},
		Mark: func(s *workshop.Session, id string) string {
			if it := item(s, id); it != nil && it.Evidence == workshop.EvidenceAssumption {
				return "oletus"
			}
			return ""
		},
	})
	remove := ed.OnChange(l.Refresh)
	defer remove()
	w := test.NewWindow(l.Object())
	defer w.Close()
	if l.Card("p1").Mark() != "oletus" {
		t.Fatal("assumption not marked")
	}
	sels["p1"].Select.SetSelected(opts[0].Label)
	if got := load(t, st, ed).ProfileItems[0].Evidence; got != workshop.EvidenceCustomerSaid {
		t.Fatalf("evidence stored %q", got)
	}
	if l.Card("p1").Mark() != "" {
		t.Fatal("mark not cleared after the evidence changed")
	}
}

func TestTextKeepsTypingWhenSavingFails(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	f := purposeWhy(quiet(ed))
	w := test.NewWindow(f.Object())
	defer w.Close()
	w.Canvas().Focus(f.Entry)
	test.Type(f.Entry, "Ei saa kadota")
	st.Close() // the file goes away under the app, e.g. a pulled USB stick
	f.Flush()
	if !strings.Contains(f.Message(), "Tallennus epäonnistui") {
		t.Fatalf("message %q", f.Message())
	}
	if f.Entry.Text != "Ei saa kadota" {
		t.Fatalf("typed text lost: %q", f.Entry.Text)
	}
	f.Refresh()
	if f.Entry.Text != "Ei saa kadota" {
		t.Fatalf("refresh after the failure replaced the typed text: %q", f.Entry.Text)
	}
}

func TestCardListRefusesTooLongAndKeepsIt(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	l := NewCardList(quiet(ed), alternatives(), CardOptions{})
	// Not in a window: laying out 200,000 characters is slow in Fyne and not what is tested.
	long := strings.Repeat("ö", workshop.MaxTextBytes/2+1)
	l.NewEntry.SetText(long)
	l.Add()
	if !strings.Contains(l.Message(), "liian pitkä") || l.NewEntry.Text != long {
		t.Fatalf("message %q, text kept %v", l.Message(), l.NewEntry.Text == long)
	}
	if n := len(load(t, st, ed).Alternatives); n != 0 {
		t.Fatalf("%d cards stored", n)
	}
	// Control characters, emoji and SQL-looking text are just text.
	odd := "Robert'); DROP TABLE records;-- \x07 🚚 ‏שלום"
	l.NewEntry.SetText(odd)
	l.Add()
	if l.Message() != "" {
		t.Fatalf("refused: %s", l.Message())
	}
	if got := load(t, st, ed).Alternatives; len(got) != 1 || got[0].Text != odd {
		t.Fatalf("stored %+v", got)
	}
}

// Flush adds what is typed in the new entry, as Enter would; a text the
// add refuses stays in the entry with the refusal under it and is reported
// to the room's Typing, which closing asks about; an empty entry adds nothing.
func TestCardListFlushAddsTheTypedText(t *testing.T) {
	test.NewTempApp(t)
	st, ed := open(t, nil)
	r := quiet(ed)
	l := NewCardList(r, alternatives(), CardOptions{})
	w := test.NewWindow(l.Object())
	defer w.Close()
	l.FocusNew()
	test.Type(l.NewEntry, "Oma kuljetuskalusto")
	l.Flush()
	if got := texts(load(t, st, ed).Alternatives); strings.Join(got, "|") != "Oma kuljetuskalusto" {
		t.Fatalf("stored %q after a flush", got)
	}
	if l.NewEntry.Text != "" || r.Typing.TakeUnsaved() != nil {
		t.Fatalf("entry %q after the add", l.NewEntry.Text)
	}
	test.Type(l.NewEntry, "   ")
	l.Flush()
	if n := len(load(t, st, ed).Alternatives); n != 1 || l.Message() != "" || r.Typing.TakeUnsaved() != nil {
		t.Fatalf("spaces flushed: %d cards, message %q", n, l.Message())
	}
	w.SetContent(widget.NewLabel("")) // laying out a long text is slow and not what is tested
	long := strings.Repeat("ö", workshop.MaxTextBytes/2+1)
	l.NewEntry.SetText(long)
	l.Flush()
	if l.NewEntry.Text != long || !strings.Contains(l.Message(), "liian pitkä") {
		t.Fatalf("message %q, text kept %v", l.Message(), l.NewEntry.Text == long)
	}
	if err := r.Typing.TakeUnsaved(); err == nil || err.Error() != l.Message() {
		t.Fatalf("reported %v", err)
	}
	if n := len(load(t, st, ed).Alternatives); n != 1 {
		t.Fatalf("%d cards stored", n)
	}
}

// pressTab sends Tab the way the desktop driver does: to the focused widget
// when it takes tabs, otherwise as a move to the next (Shift: previous) field.
func pressTab(c fyne.Canvas, shift bool) {
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if shift {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

func TestTabInAMultiLineFieldMovesToTheNextField(t *testing.T) {
	st, ed := open(t, nil)
	r := quiet(ed)
	why := purposeWhy(r)
	who := NewText(r, true,
		func(s *workshop.Session) string { return s.Purpose.Whom },
		func(s *workshop.Session, v string) error {
			s.Purpose.Whom = v
			return nil
		})
	w := test.NewTempWindow(t, container.NewVBox(why.Object(), who.Object()))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	c.Focus(why.Entry)
	test.Type(why.Entry, "Miksi")
	pressTab(c, false)
	if c.Focused() != who.Entry {
		t.Fatalf("Tab left the focus on %T", c.Focused())
	}
	test.Type(who.Entry, "Kuka")
	pressTab(c, true)
	if c.Focused() != why.Entry {
		t.Fatalf("Shift+Tab left the focus on %T", c.Focused())
	}
	why.Flush()
	who.Flush()
	s := load(t, st, ed)
	if s.Purpose.Why != "Miksi" || s.Purpose.Whom != "Kuka" {
		t.Errorf("stored %q and %q", s.Purpose.Why, s.Purpose.Whom)
	}
}
