package ui

import (
	"net/http"
	"net/http/cookiejar"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
)

// phoneIn joins the room as a phone and picks the participant.
func phoneIn(t *testing.T, u *UI, participantID string) *roomPhone {
	t.Helper()
	srv := u.ws.phones.srv
	jar, _ := cookiejar.New(nil)
	p := &roomPhone{t: t, c: &http.Client{Jar: jar, Timeout: 5 * time.Second}, base: srv.ShortURL()}
	resp, err := p.c.Get(srv.JoinURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code := p.do("POST", "/api/name", `{"participant_id":"`+participantID+`"}`); code != http.StatusOK {
		t.Fatalf("pick a name: %d", code)
	}
	return p
}

// rowOf is the row of the cards window that shows the text, and its buttons.
func rowOf(t *testing.T, o fyne.CanvasObject, text, button string) *widget.Button {
	t.Helper()
	var found *widget.Button
	uitest.Walk(o, func(c fyne.CanvasObject) {
		box, ok := c.(*fyne.Container)
		if !ok || found != nil {
			return
		}
		var label bool
		var btn *widget.Button
		for _, ch := range box.Objects {
			if l, ok := ch.(*widget.Label); ok && strings.HasPrefix(l.Text, text) {
				label = true
			}
		}
		if !label {
			return
		}
		uitest.Walk(box, func(c fyne.CanvasObject) {
			if b, ok := buttonOf(c); ok && b.Text == button && btn == nil {
				btn = b
			}
		})
		found = btn
	})
	if found == nil {
		t.Fatalf("no row %q with a button %q in:\n%s", text, button, texts(o))
	}
	return found
}

// A phone's card held for approval is in the session: the app restarted,
// the header says a card waits, the cards window (from the header or
// Ctrl+K) approves it, and the projector shows it only then. In the same
// window the facilitator hides a phone's draft from the projector, shows
// it again and merges two drafts into one; a phone's draft is edited on the
// step's page like any card.
func TestTheRoomsCardsWindowApprovesHidesAndMergesPhonesCards(t *testing.T) {
	u, st, path := newTestUI(t)
	s := workshop.NewSession("fi")
	s.Title = "Arvolupaus"
	s.Participants = []workshop.Participant{{ID: "p1", Name: "Anna Virtanen", Kind: workshop.KindEmployee},
		{ID: "p2", Name: "Jussi Korhonen", Kind: workshop.KindEmployee}}
	s.CurrentStep = workshop.StepDrafts
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if err := u.ws.phones.start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	anna := phoneIn(t, u, "p1")
	jussi := phoneIn(t, u, "p2")
	for _, c := range []struct {
		p    *roomPhone
		text string
	}{{anna, "Kerromme ensin, jos myöhästymme."}, {jussi, "Kerromme aina etukäteen, jos myöhästymme."}} {
		if code := c.p.do("POST", "/api/op", `{"op":"draft","text":"`+c.text+`"}`); code != http.StatusOK {
			t.Fatalf("draft: %d", code)
		}
	}
	u.ws.phones.srv.SetApproval(true)
	const held = "Vastaamme samana päivänä."
	if code := anna.do("POST", "/api/op", `{"op":"draft","text":"`+held+`"}`); code != http.StatusOK {
		t.Fatalf("held draft: %d", code)
	}
	u.close()
	st.Close()

	// The app starts again: the held card is still there.
	u, st = reopen(t, path)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if got := load(t, st, id); len(got.Pending) != 1 || len(got.Drafts) != 2 {
		t.Fatalf("after the restart: %d held, %d drafts", len(got.Pending), len(got.Drafts))
	}
	pwin := test.NewTempWindow(t, u.ws.proj.Content())
	pwin.Resize(fyne.NewSize(1920, 1080))
	eventually(t, "the drafts on the projector", func() bool {
		return strings.Contains(texts(u.ws.proj.Content()), "Kerromme ensin")
	})
	if strings.Contains(texts(u.ws.proj.Content()), held) {
		t.Fatal("a held card is on the projector")
	}
	waiting := findButton(u.ws.header.Object(), "Odottaa 1")
	if waiting == nil || !waiting.Visible() {
		t.Fatalf("the header does not say a card waits:\n%s", texts(u.ws.header.Object()))
	}
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "window-card-waiting")
	}
	test.Tap(waiting)
	cw := u.ws.cards
	if cw.win == nil {
		t.Fatal("the header's button opened no cards window")
	}
	press(t, u, fyne.KeyK, ctrl) // Ctrl+K brings the same window forward
	win := cw.win.Content()
	if !strings.Contains(texts(win), held) || !strings.Contains(texts(win), "Anna Virtanen") {
		t.Fatalf("the cards window does not show the held card:\n%s", texts(win))
	}
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		capture(t, cw.win, dir, "cards-window-held")
	}
	test.Tap(rowOf(t, win, held, "Hyväksy"))
	if got := load(t, st, id); len(got.Pending) != 0 || len(got.Drafts) != 3 || got.Drafts[2].Text != held || got.Drafts[2].AuthorIDs[0] != "p1" {
		t.Fatalf("approved: %d held, drafts %+v", len(got.Pending), got.Drafts)
	}
	eventually(t, "the approved card on the projector", func() bool {
		return strings.Contains(texts(u.ws.proj.Content()), held)
	})
	if findButton(u.ws.header.Object(), "Odottaa 1").Visible() {
		t.Fatal("the header still says a card waits")
	}

	// Hide a phone's draft: it leaves the projector, stays in the session.
	const first = "Kerromme ensin, jos myöhästymme."
	test.Tap(rowOf(t, win, first, "Piilota"))
	got := load(t, st, id)
	if !got.CardHidden(workshop.CardDraft, got.Drafts[0].ID) || len(got.Drafts) != 3 {
		t.Fatal("the draft is not hidden in the file")
	}
	eventually(t, "the hidden draft off the projector", func() bool {
		return !strings.Contains(texts(u.ws.proj.Content()), first)
	})
	eventually(t, "the step's page marking the hidden draft", func() bool {
		return strings.Contains(texts(u.win.Content()), "Piilotettu valkokankaalta ja puhelimista")
	})
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		uitest.Relayout(u.win.Content())
		capture(t, u.win, dir, "window-draft-hidden")
	}
	if !strings.Contains(texts(cw.win.Content()), first+" (piilotettu)") {
		t.Fatalf("the cards window does not mark the hidden draft:\n%s", texts(cw.win.Content()))
	}
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		capture(t, cw.win, dir, "cards-window-hidden")
	}
	test.Tap(rowOf(t, cw.win.Content(), first, "Näytä"))
	if got := load(t, st, id); got.CardHidden(workshop.CardDraft, got.Drafts[0].ID) {
		t.Fatal("shown again, still hidden")
	}
	eventually(t, "the draft shown again on the projector", func() bool {
		return strings.Contains(texts(u.ws.proj.Content()), first)
	})

	// Merge Jussi's draft into Anna's: one card with both texts and authors.
	test.Tap(rowOf(t, cw.win.Content(), "Kerromme aina etukäteen", "Yhdistä…"))
	dlg := cw.win.Canvas().Overlays().Top()
	if dlg == nil || !strings.Contains(texts(dlg), "Yhdistä kortti ”Kerromme aina etukäteen, jos myöhästymme.” korttiin:") {
		t.Fatalf("no merge dialog: %v", dlg)
	}
	pick := uitest.Find[*keySelect](dlg, nil)
	pick.SetSelected(first)
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		capture(t, cw.win, dir, "cards-window-merge")
	}
	test.Tap(findButton(dlg, "Yhdistä"))
	got = load(t, st, id)
	if len(got.Drafts) != 2 || got.Drafts[0].Text != first+" / Kerromme aina etukäteen, jos myöhästymme." ||
		strings.Join(got.Drafts[0].AuthorIDs, ",") != "p1,p2" {
		t.Fatalf("merged: %+v", got.Drafts)
	}
	// Ctrl+Z takes the merge back: both drafts as they were, with their authors.
	press(t, u, fyne.KeyZ, ctrl)
	got = load(t, st, id)
	if len(got.Drafts) != 3 || got.Drafts[0].Text != first || got.Drafts[1].AuthorIDs[0] != "p2" || len(got.Drafts[0].AuthorIDs) != 1 {
		t.Fatalf("after undoing the merge: %+v", got.Drafts)
	}

	// A phone's draft is edited on the step's page like any card.
	var entry interface {
		fyne.Focusable
		SetText(string)
	}
	uitest.Walk(u.win.Content(), func(o fyne.CanvasObject) {
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return
		}
		if f := v.Elem().FieldByName("Text"); f.IsValid() && f.Kind() == reflect.String && f.String() == held {
			if e, ok := o.(interface {
				fyne.Focusable
				SetText(string)
			}); ok {
				entry = e
			}
		}
	})
	if entry == nil {
		t.Fatalf("the phone's draft is not on the step's page:\n%s", texts(u.win.Content()))
	}
	u.win.Canvas().Focus(entry)
	entry.SetText("Vastaamme samana arkipäivänä.")
	u.win.Canvas().Unfocus()
	if got := load(t, st, id); got.Drafts[2].Text != "Vastaamme samana arkipäivänä." {
		t.Fatalf("edited: %+v", got.Drafts)
	}
}

// A merge the domain refuses (a draft over the word limit) says why in the
// window, and changes nothing.
func TestARefusedMergeSaysWhyAndChangesNothing(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := workshop.NewSession("fi")
	long := strings.TrimSpace(strings.Repeat("sana ", workshop.MaxDraftWords-2))
	s.Drafts = []workshop.Draft{{ID: "D1", Text: "Lyhyt lupaus.", AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1},
		{ID: "D2", Text: long, AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1}}
	s.CurrentStep = workshop.StepDrafts
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	press(t, u, fyne.KeyK, ctrl)
	cw := u.ws.cards
	test.Tap(rowOf(t, cw.win.Content(), "Lyhyt lupaus.", "Yhdistä…"))
	dlg := cw.win.Canvas().Overlays().Top()
	test.Tap(findButton(dlg, "Yhdistä"))
	if !strings.Contains(texts(cw.win.Content()), "Kortteja ei yhdistetty: yhdistetyssä luonnoksessa olisi yli 75 sanaa.") {
		t.Fatalf("no message:\n%s", texts(cw.win.Content()))
	}
	if got := load(t, st, id); len(got.Drafts) != 2 || got.Drafts[0].Text != "Lyhyt lupaus." {
		t.Fatalf("a refused merge changed the drafts: %+v", got.Drafts)
	}
}
