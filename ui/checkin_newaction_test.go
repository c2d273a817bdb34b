package ui

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
)

// measurePicks are the pickers of an action's measure in the view: those
// that say "no measure" when none is chosen (step 9's).
func measurePicks(t *testing.T, u *UI) []*widget.Select {
	t.Helper()
	var out []*widget.Select
	for _, s := range selects(u.win.Content()) {
		if s.PlaceHolder == u.tr.T("actions.measure.none") {
			out = append(out, s)
		}
	}
	return out
}

// A new action of a check-in gets a success criterion and a linked
// measure as in step 9: typed and chosen in the check-in's new-action form,
// stored with the action, shown on its card where they can be corrected,
// and carried into the session file and the check-in's PDF.
func TestACheckinsNewActionHasASuccessCriterionAndAMeasure(t *testing.T) {
	u, lib, _ := newTestUI(t)
	wid := createSession(t, lib, fixture.Nordrahti())
	cid := newCheckinFromHome(t, u, wid)
	u.ws.goTo(workshop.StepCIActions)
	root := u.win.Content

	const what = "Aamupalaveri: yksi poikkeama ja miten siitä kerrottiin"
	const done = "Jokainen tiimi on pitänyt kolme palaveria"
	successes := entryWith(root(), u.tr.T("actions.success.placeholder"))
	picks := measurePicks(t, u)
	if len(successes) != 1 || len(picks) != 1 {
		t.Fatalf("the new-action form has %d success entries and %d measure pickers, want 1 and 1", len(successes), len(picks))
	}
	m1 := load(t, lib, cid).Measure("M1")
	if !strings.Contains(strings.Join(picks[0].Options, "|"), m1.Name) {
		t.Fatalf("the measure picker offers %q", picks[0].Options)
	}
	typeIn(t, u.win, entryWith(root(), u.tr.T("checkin.actions.new.text"))[0], what, false)
	typeIn(t, u.win, successes[0], done, false)
	picks[0].SetSelected(m1.Name)
	tapButton(t, root(), u.tr.T("checkin.actions.new.add"))

	got := load(t, lib, cid).NewActions()
	if len(got) != 1 || got[0].Text != what || got[0].SuccessCriterion != done || got[0].MeasureID != "M1" {
		t.Fatalf("new actions %+v", got)
	}
	id := got[0].ID
	// The form is empty again: its entry and its picker are the last ones.
	successes, picks = entryWith(root(), u.tr.T("actions.success.placeholder")), measurePicks(t, u)
	if len(successes) != 2 || len(picks) != 2 {
		t.Fatalf("after adding: %d success entries and %d measure pickers, want the card's and the form's", len(successes), len(picks))
	}
	if successes[1].Text != "" || picks[1].Selected != "" {
		t.Fatalf("the form kept %q and %q", successes[1].Text, picks[1].Selected)
	}
	// The card shows both, and a change there is stored as in step 9.
	if successes[0].Text != done || picks[0].Selected != m1.Name {
		t.Fatalf("the new action's card shows %q and %q", successes[0].Text, picks[0].Selected)
	}
	m3 := load(t, lib, cid).Measure("M3")
	picks[0].SetSelected(m3.Name)
	if a := load(t, lib, cid).Action(id); a.MeasureID != "M3" {
		t.Fatalf("the card's picker stored %q", a.MeasureID)
	}
	u.ws.close()

	// The session file carries them.
	var file bytes.Buffer
	if err := lib.ExportTo(cid, &file, false); err != nil {
		t.Fatal(err)
	}
	_, cis, err := sessionfile.ReadFamily(&file)
	if err != nil || len(cis) != 1 {
		t.Fatalf("read back: %d check-ins, %v", len(cis), err)
	}
	if a := cis[0].Session.Action(id); a == nil || a.SuccessCriterion != done || a.MeasureID != "M3" {
		t.Fatalf("the session file's action %+v", a)
	}

	// The check-in's PDF lists it under the new actions with both.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := lib.PDF(cid, path, "fi"); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	at := strings.LastIndex(text, "Uudet toimenpiteet")
	if at < 0 {
		t.Fatalf("the PDF has no new actions:\n%s", text)
	}
	part := text[at:]
	for _, want := range []string{what, "Onnistunut, kun: " + done, "Mittari: " + m3.Name} {
		if !strings.Contains(part, want) {
			t.Errorf("the PDF's new actions lack %q:\n%s", want, part)
		}
	}
}
