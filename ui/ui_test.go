package ui

import (
	"lupauspaja/ui/uitest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/projector"
	"lupauspaja/workshop"
)

// press runs a shortcut the way the running app does: through the main
// menu when the menu has it (so it works while an entry has focus),
// otherwise through the canvas.
func press(t *testing.T, u *UI, key fyne.KeyName, mod fyne.KeyModifier) {
	t.Helper()
	if mm := u.win.MainMenu(); mm != nil {
		for _, m := range mm.Items {
			for _, it := range m.Items {
				if sc, ok := it.Shortcut.(interface {
					Key() fyne.KeyName
					Mod() fyne.KeyModifier
				}); ok && sc.Key() == key && sc.Mod() == mod {
					if it.Disabled {
						t.Fatalf("menu item %q is disabled", it.Label)
					}
					it.Action()
					return
				}
			}
		}
	}
	if mod == 0 {
		u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: key})
		return
	}
	// As Fyne's desktop driver does with nothing focused: the shortcut it
	// makes of the key goes to the canvas, which runs what is registered
	// under that shortcut's name. The test canvas dispatches no shortcuts,
	// so the window's registrations are made again on a handler that
	// dispatches as the canvas does.
	h := &fyne.ShortcutHandler{}
	u.addShortcuts(h, false)
	ran := false
	for _, k := range keyActions() {
		if k.key == key && k.mod == mod {
			ran = true
		}
	}
	if !ran {
		t.Fatalf("no shortcut %v+%v", mod, key)
	}
	h.TypedShortcut(driverSends(key, mod))
}

// driverSends is the shortcut Fyne's GLFW driver makes of a key pressed
// with modifiers (internal/driver/glfw, triggersShortcut): Ctrl+Z and
// Ctrl+Y are its undo and redo, any other key a custom shortcut.
func driverSends(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	if mod == fyne.KeyModifierControl {
		switch key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		}
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// clock is a settable time for the timer tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// openProjector opens the projector with Ctrl+P, as the facilitator does.
func openProjector(t *testing.T, u *UI) {
	t.Helper()
	press(t, u, fyne.KeyP, ctrl)
	if !u.ws.proj.Visible() {
		t.Fatal("Ctrl+P did not open the projector")
	}
}

// runTimerOver runs the customer profile's timebox 38 minutes on a settable
// clock, past its planned time (the clock is left set; the caller resets u.now).
func runTimerOver(u *UI) {
	clk := &fakeClock{t: time.Date(2027, 1, 15, 9, 0, 0, 0, time.Local)}
	u.now = clk.now
	u.ws.goTo(workshop.StepProfile)
	u.ws.toggleTimer()
	clk.t = clk.t.Add(38 * time.Minute)
	u.ws.tick()
}

// findButton finds a button by its text in the object tree, a dialog's
// keyButton too.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := buttonOf(c); ok && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}

// buttonOf is the Fyne button o is, of whichever of the app's kinds: Fyne's
// own, the app's (button.Button), a dialog's keyButton.
func buttonOf(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *button.Button:
		return &b.Button, true
	case *keyButton:
		return &b.Button.Button, true
	}
	return nil, false
}

// texts lists every text shown under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	uitest.Walk(o, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Entry:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case richTexter: // the projector's texts
			b.WriteString(v.String() + "\n")
		}
	})
	return b.String()
}

// richTexter is a widget built on a RichText (it has the RichText's methods).
type richTexter interface {
	String() string
	ParseMarkdown(string)
}

// topOverlay is the dialog or pop-up shown now, or nil.
func topOverlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

func TestCreateSessionFromHomeFillSetupAndAddParticipants(t *testing.T) {
	u, st, _ := newTestUI(t)
	if !strings.Contains(texts(u.win.Content()), u.tr.T("home.empty")) {
		t.Fatal("empty home does not invite to create the first workshop")
	}
	test.Tap(findButton(u.win.Content(), u.tr.T("home.new")))
	if u.ws == nil || u.ws.key != workshop.StepSetup {
		t.Fatal("New workshop did not open the setup")
	}
	id := u.ws.ed.ID()
	p := u.ws.page.(*setupPage)

	u.win.Canvas().Focus(p.org.Entry)
	test.Type(p.org.Entry, "Nordrahti Oy ✓")
	u.win.Canvas().Unfocus() // leaving the field saves it at once
	if got := load(t, st, id).Organisation; got != "Nordrahti Oy ✓" {
		t.Fatalf("organisation stored %q", got)
	}

	// Names typed one after another, each with Enter.
	for _, name := range []string{"Anna Virtanen, myyntijohtaja", "Jussi Kärkkäinen", "Åsa Öberg, asiakas"} {
		test.Type(p.addName, name)
		p.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if u.win.Canvas().Focused() != p.addName {
			t.Fatalf("after adding %q the cursor left the name entry", name)
		}
		if p.addName.Text != "" {
			t.Fatalf("the entry kept %q", p.addName.Text)
		}
	}
	// Enter on an empty entry adds nobody and says why.
	p.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !p.addMsg.Visible() {
		t.Error("no message for an empty name")
	}
	s := load(t, st, id)
	if len(s.Participants) != 3 {
		t.Fatalf("stored %d participants, want 3", len(s.Participants))
	}
	if a := s.Participants[0]; a.Name != "Anna Virtanen" || a.Role != "myyntijohtaja" || a.Kind != workshop.KindEmployee {
		t.Errorf("first participant %+v", a)
	}
	if s.Participants[2].Name != "Åsa Öberg" {
		t.Errorf("Finnish and Swedish letters: %q", s.Participants[2].Name)
	}
	// The side panel lists them.
	if got := texts(u.ws.side.Object()); !strings.Contains(got, "Jussi Kärkkäinen") {
		t.Errorf("side panel does not list the participants:\n%s", got)
	}
	// Kind and customer-facing are stored from the row's widgets.
	var facing *widget.Check
	uitest.Walk(p.people.Objects[1], func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			facing = c
		}
	})
	test.Tap(facing)
	if !load(t, st, id).Participants[1].CustomerFacing {
		t.Error("customer-facing not stored")
	}
	if w := load(t, st, id).Warnings(); hasWarning(w, workshop.WarnNoCustomerVoice) {
		t.Error("a customer-facing participant should clear the no-customer-voice warning")
	}
}

func hasWarning(ws []workshop.Warning, kind string) bool {
	for _, w := range ws {
		if w.Kind == kind {
			return true
		}
	}
	return false
}

func TestSetupAgendaTimeboxAndBadInput(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	p := u.ws.page.(*setupPage)
	total := workshop.PlannedTotal(load(t, st, id).Agenda)
	entry := p.agFlds[0].(*field.Text).Entry
	entry.SetText("15")
	p.Flush()
	s := load(t, st, id)
	if s.Agenda[0].PlannedMin != 15 || workshop.PlannedTotal(s.Agenda) != total+5 {
		t.Fatalf("timebox %d total %d", s.Agenda[0].PlannedMin, workshop.PlannedTotal(s.Agenda))
	}
	if !strings.Contains(p.total.Text, minutesText(total+5)) {
		t.Errorf("total shows %q", p.total.Text)
	}
	entry.SetText("viisi")
	p.Flush()
	if load(t, st, id).Agenda[0].PlannedMin != 15 {
		t.Error("a bad timebox was stored")
	}
	if entry.Text != "viisi" {
		t.Error("the typed text was lost")
	}
	// The 2 h preset replaces the timeboxes.
	p.preset.SetSelected(workshop.Presets[1].Name.In("fi"))
	if got := workshop.PlannedTotal(load(t, st, id).Agenda); got != workshop.PlannedTotal(workshop.PresetAgenda("2h")) {
		t.Errorf("after the 2 h preset the total is %d", got)
	}
}

func TestStepNavigationWithShortcutsIsSaved(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	// Ctrl+→ works while the cursor is in an entry: the menu sees it first.
	u.win.Canvas().Focus(u.ws.page.(*setupPage).org.Entry)
	test.Type(u.ws.page.(*setupPage).org.Entry, "X")
	press(t, u, fyne.KeyRight, ctrl)
	if u.ws.key != workshop.StepBaseline {
		t.Fatalf("Ctrl+→ went to %q", u.ws.key)
	}
	if s := load(t, st, id); s.CurrentStep != workshop.StepBaseline || s.Organisation != "X" {
		t.Fatalf("stored step %q organisation %q", s.CurrentStep, s.Organisation)
	}
	press(t, u, fyne.KeyRight, ctrl)
	press(t, u, fyne.KeyRight, ctrl)
	if u.ws.key != workshop.StepProfile {
		t.Fatalf("at %q", u.ws.key)
	}
	s := load(t, st, id)
	if !s.AgendaItem(workshop.StepBaseline).Done || !s.AgendaItem(workshop.StepPurpose).Done {
		t.Error("Next did not mark the steps done")
	}
	press(t, u, fyne.KeyLeft, ctrl)
	if u.ws.key != workshop.StepPurpose || load(t, st, id).CurrentStep != workshop.StepPurpose {
		t.Error("Ctrl+← did not go back")
	}
	// Skip greys the step in the list and moves on.
	test.Tap(u.ws.page.(*stepPage).skip)
	s = load(t, st, id)
	if !s.AgendaItem(workshop.StepPurpose).Skipped || u.ws.key != workshop.StepProfile {
		t.Fatalf("skip: skipped %v, at %q", s.AgendaItem(workshop.StepPurpose).Skipped, u.ws.key)
	}
	if !u.ws.nav.rows[2].muted {
		t.Error("skipped step is not greyed in the list")
	}
	// Clicking a row goes there.
	u.ws.nav.list.Select(len(u.ws.nav.keys) - 1)
	if u.ws.key != workshop.StepSummary {
		t.Errorf("clicking the last row went to %q", u.ws.key)
	}
}

func TestTimerStartPauseAddMinuteReset(t *testing.T) {
	u, st, _ := newTestUI(t)
	clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
	u.now = clk.now
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepBaseline)
	press(t, u, fyne.KeyT, ctrl)
	if a := load(t, st, id).AgendaItem(workshop.StepBaseline); !a.Running() {
		t.Fatal("Ctrl+T did not start the timer")
	}
	clk.t = clk.t.Add(9 * time.Minute)
	u.ws.tick()
	if got := u.ws.header.left.Text; got != "1:00" {
		t.Errorf("time left shows %q, want 1:00", got)
	}
	if u.ws.header.urgent.FillColor != theme.Color(theme.ColorNameWarning) {
		t.Error("the last two minutes are not amber")
	}
	clk.t = clk.t.Add(2 * time.Minute)
	u.ws.tick()
	if got := u.ws.header.left.Text; got != "+1:00" {
		t.Errorf("over time shows %q, want +1:00", got)
	}
	// Space pauses when no entry has the focus.
	u.win.Canvas().Unfocus()
	press(t, u, fyne.KeySpace, 0)
	a := load(t, st, id).AgendaItem(workshop.StepBaseline)
	if a.Running() || a.UsedSec != 11*60 {
		t.Fatalf("after Space: running %v used %d", a.Running(), a.UsedSec)
	}
	test.Tap(u.ws.header.plus)
	test.Tap(u.ws.header.plus)
	if got := load(t, st, id).AgendaItem(workshop.StepBaseline).PlannedMin; got != 12 {
		t.Errorf("after +1 min twice planned %d, want 12", got)
	}
	if got := u.ws.header.left.Text; got != "1:00" {
		t.Errorf("after +2 min shows %q", got)
	}
	test.Tap(u.ws.header.reset)
	if got := load(t, st, id).AgendaItem(workshop.StepBaseline).UsedSec; got != 0 {
		t.Errorf("after reset used %d", got)
	}
}

func TestRebalanceOfferAcceptAndUndo(t *testing.T) {
	u, st, _ := newTestUI(t)
	clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
	u.now = clk.now
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	before := load(t, st, id).Agenda
	u.ws.goTo(workshop.StepBaseline)
	press(t, u, fyne.KeyT, ctrl)
	clk.t = clk.t.Add(22 * time.Minute) // planned 10: 12 over
	press(t, u, fyne.KeyRight, ctrl)
	if u.ws.offer == nil || topOverlay(u) == nil {
		t.Fatal("no rebalancing offered after a 12-minute overrun")
	}
	// The dialog shows old → new for the changed steps.
	shown := texts(topOverlay(u))
	if !strings.Contains(shown, "20 → ") || !strings.Contains(shown, "12 min") {
		t.Errorf("dialog says:\n%s", shown)
	}
	test.Tap(findButton(topOverlay(u), u.tr.T("rebalance.accept")))
	after := load(t, st, id).Agenda
	if got, want := workshop.PlannedTotal(after), workshop.PlannedTotal(before)-12; got != want {
		t.Errorf("total after %d, want %d (the workshop ends on time)", got, want)
	}
	if after[0].PlannedMin != 10 || after[4].PlannedMin != 10 {
		t.Errorf("the overrun step and the break must keep their timeboxes: %d, %d", after[0].PlannedMin, after[4].PlannedMin)
	}
	// The clock moved on with the room.
	if !after[1].Running() {
		t.Error("the next step's timer did not start")
	}
	if !u.ws.undoBar.obj.Visible() || u.ws.undoBar.text.Text != u.tr.T("agenda.rebalanced") {
		t.Fatalf("no undo after accepting: %q", u.ws.undoBar.text.Text)
	}
	test.Tap(u.ws.undoBar.btn)
	undone := load(t, st, id).Agenda
	for i := range undone {
		if undone[i].PlannedMin != before[i].PlannedMin {
			t.Errorf("%s = %d after undo, want %d", undone[i].Step, undone[i].PlannedMin, before[i].PlannedMin)
		}
	}
	if u.ws.undoBar.obj.Visible() {
		t.Error("undo still offered")
	}
}

func TestRebalanceKeep(t *testing.T) {
	u, st, _ := newTestUI(t)
	clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
	u.now = clk.now
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	before := workshop.PlannedTotal(load(t, st, id).Agenda)
	u.ws.goTo(workshop.StepBaseline)
	press(t, u, fyne.KeyT, ctrl)
	clk.t = clk.t.Add(15 * time.Minute)
	u.ws.nav.list.Select(3) // clicking another step offers it too
	if topOverlay(u) == nil {
		t.Fatal("no offer")
	}
	test.Tap(findButton(topOverlay(u), u.tr.T("rebalance.keep")))
	if got := workshop.PlannedTotal(load(t, st, id).Agenda); got != before {
		t.Errorf("Keep changed the total to %d", got)
	}
}

func TestHelpOverlayWithF1(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	press(t, u, fyne.KeyF1, 0)
	if topOverlay(u) == nil || !strings.Contains(texts(topOverlay(u)), u.tr.T("app.keys.projector")) {
		t.Fatal("F1 shows no shortcut help")
	}
	press(t, u, fyne.KeyEscape, 0)
	if u.help.visible() {
		t.Error("Esc did not close the help")
	}
}

// TestHelpFitsTheWindow: at the sizes a facilitator's laptop gives the
// window, the shortcut help's title, note (wrapped, whole) and Close are
// inside the window, and the table shows every key, scrolled to if the
// window is too low for it.
func TestHelpFitsTheWindow(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1280, Height: 720}, {Width: 1024, Height: 600}, {Width: 1920, Height: 1080}} {
		u, st, _ := newTestUI(t)
		u.win.Resize(size)
		id := createSession(t, st, workshop.NewSession("fi"))
		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		press(t, u, fyne.KeyF1, 0)
		top := topOverlay(u)
		if top == nil {
			t.Fatal("F1 shows no shortcut help")
		}
		canvas := u.win.Canvas().Size()
		inside := func(what string, o fyne.CanvasObject, pos fyne.Position) {
			t.Helper()
			if pos.X < 0 || pos.Y < 0 || pos.X+o.Size().Width > canvas.Width+0.5 || pos.Y+o.Size().Height > canvas.Height+0.5 {
				t.Errorf("%v: %s at %v, %v: outside the window %v", size, what, pos, o.Size(), canvas)
			}
		}
		scroll := uitest.Find[*container.Scroll](top, nil)
		if scroll == nil {
			t.Fatalf("%v: the help has no table that scrolls", size)
		}
		inTable := map[fyne.CanvasObject]bool{}
		for _, o := range uitest.All(scroll.Content) {
			inTable[o] = true
		}
		seen := map[string]bool{}
		uitest.WalkShown(top, fyne.Position{}, func(o fyne.CanvasObject, pos fyne.Position) {
			if inTable[o] {
				return
			}
			switch v := o.(type) {
			case *widget.Label:
				switch v.Text {
				case u.tr.T("app.keys.note"):
					inside("the note", o, pos)
					if v.MinSize().Height > o.Size().Height+0.5 {
						t.Errorf("%v: the note needs %v but has %v: cut", size, v.MinSize(), o.Size())
					}
					seen["note"] = true
				case u.tr.T("app.keys.title"):
					inside("the title", o, pos)
					seen["title"] = true
				}
			case *button.Button:
				if v.Text == u.tr.T("app.keys.close") {
					inside("Close", o, pos)
					seen["close"] = true
				}
			case *container.Scroll:
				inside("the table", o, pos)
			}
		})
		if !seen["note"] || !seen["title"] || !seen["close"] {
			t.Fatalf("%v: the help shows %v of its title, note and Close", size, seen)
		}
		last := u.tr.T(keyActions()[len(keyActions())-1].label)
		scroll.ScrollToBottom()
		var lastPos fyne.Position
		var lastObj fyne.CanvasObject
		uitest.WalkShown(top, fyne.Position{}, func(o fyne.CanvasObject, pos fyne.Position) {
			if l, ok := o.(*widget.Label); ok && l.Text == last {
				lastObj, lastPos = o, pos
			}
		})
		if lastObj == nil {
			t.Fatalf("%v: the last key's row %q is not in the help", size, last)
		}
		sp := fyne.CurrentApp().Driver().AbsolutePositionForObject(scroll)
		if lastPos.Y+lastObj.Size().Height > sp.Y+scroll.Size().Height+0.5 {
			t.Errorf("%v: scrolled to the end, the last row ends at %v, below the table's view (%v + %v)", size, lastPos.Y+lastObj.Size().Height, sp.Y, scroll.Size().Height)
		}
		// The projector window's keys and the list's are beside the table,
		// or under it at the end of the scroll: in the window either way.
		for _, label := range []string{u.tr.T("app.keys.proj.title"), u.tr.T(projector.Keys()[len(projector.Keys())-1].Label), u.tr.T("app.keys.proj.clicker"), u.tr.T("app.keys.open")} {
			var at fyne.Position
			var obj fyne.CanvasObject
			uitest.WalkShown(top, fyne.Position{}, func(o fyne.CanvasObject, pos fyne.Position) {
				if l, ok := o.(*widget.Label); ok && l.Text == label {
					obj, at = o, pos
				}
			})
			if obj == nil {
				t.Errorf("%v: the help lacks %q", size, label)
				continue
			}
			inside(label, obj, at)
			if inTable[obj] && label != u.tr.T("app.keys.proj.title") && (at.Y < sp.Y-0.5 || at.Y+obj.Size().Height > sp.Y+scroll.Size().Height+0.5) {
				t.Errorf("%v: scrolled to the end, %q (y %v) is out of the scroll's view", size, label, at.Y)
			}
		}
		// At 1366×768 and larger every key is in view without scrolling.
		if size.Width >= 1366 && scroll.Content.MinSize().Height > scroll.Size().Height+0.5 {
			t.Errorf("%v: the table needs %v of height, has %v: it scrolls", size, scroll.Content.MinSize().Height, scroll.Size().Height)
		}
		press(t, u, fyne.KeyEscape, 0)
	}
}

// TestOverTimeNoteTakesItsOwnLines: when a step runs over, the note under
// the step list (the offer to fit the rest of the agenda) gets the lines it
// wraps to, above the total and the end time, none drawn over another or
// out of the list's column; and gives them back when the timer is reset.
func TestOverTimeNoteTakesItsOwnLines(t *testing.T) {
	u, st, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	l := u.ws.nav
	totalY := func() float32 { return fyne.CurrentApp().Driver().AbsolutePositionForObject(l.total).Y }
	before := totalY()
	runTimerOver(u)
	if !l.over.Visible() || l.over.Text == "" {
		t.Fatal("no note after the step ran over")
	}
	d := fyne.CurrentApp().Driver()
	op, tp, ep := d.AbsolutePositionForObject(l.over), d.AbsolutePositionForObject(l.total), d.AbsolutePositionForObject(l.end)
	col := d.AbsolutePositionForObject(l.obj)
	if need := l.over.MinSize().Height; l.over.Size().Height+0.5 < need {
		t.Errorf("the note has %v of the %v it wraps to", l.over.Size().Height, need)
	}
	if op.Y+l.over.Size().Height > tp.Y+0.5 || tp.Y+l.total.Size().Height > ep.Y+0.5 {
		t.Errorf("the note (%v, %v high), the total (%v) and the end (%v) overlap", op.Y, l.over.Size().Height, tp.Y, ep.Y)
	}
	if op.X < col.X || op.X+l.over.Size().Width > col.X+l.obj.Size().Width+0.5 {
		t.Errorf("the note (x %v, %v wide) is out of the step list's column (x %v, %v wide)", op.X, l.over.Size().Width, col.X, l.obj.Size().Width)
	}
	if ep.Y+l.end.Size().Height > col.Y+l.obj.Size().Height+0.5 {
		t.Errorf("the end time (%v) is below the column's foot (%v)", ep.Y+l.end.Size().Height, col.Y+l.obj.Size().Height)
	}
	u.ws.resetTimer()
	if l.over.Visible() {
		t.Fatal("the note stays after the timer was reset")
	}
	if got := totalY(); got != before {
		t.Errorf("the total is at %v after the note went, was at %v", got, before)
	}
}
