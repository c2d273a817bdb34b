package phone

import (
	"net/http"
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// restart closes the room, the editor's store and the file, and opens them
// again as the app does when it starts: a new server (a new QR token and
// room code) on the same address, as the app's fixed port is.
func (r *room) restart() {
	r.t.Helper()
	addr := r.srv.Addr()
	r.srv.Close()
	path := r.st.Path()
	r.st.Close()
	st, err := store.Open(path)
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { st.Close() })
	ed, err := editor.Open(st, r.id)
	if err != nil {
		r.t.Fatal(err)
	}
	srv := New(ed, Options{Addr: addr})
	if err := srv.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { srv.Close() })
	r.st, r.ed, r.srv = st, ed, srv
}

// The room's settings are the session's: approval, guests, the steps'
// input (one opened, one closed by hand) and the lock are on disk as soon
// as they are set, and a room opened again after a restart starts with
// them as they were: a guest may join, a card is held, the closed step
// stays closed, the locked room lets no new phone in.
func TestTheRoomsSettingsSurviveARestart(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepPurpose)
	for _, err := range []error{
		r.srv.SetInputOpen(workshop.StepDrafts, false),
		r.srv.SetApproval(true),
		r.srv.SetGuests(true),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := r.stored().Room; got == nil || !got.Approval || !got.Guests || got.Locked {
		t.Fatalf("the settings are not on disk: %+v", got)
	}
	r.restart()

	if !r.srv.Approval() || !r.srv.Guests() || r.srv.Locked() ||
		!r.srv.InputOpen(workshop.StepPurpose) || r.srv.InputOpen(workshop.StepDrafts) {
		t.Fatalf("after the restart: approval %v, guests %v, locked %v, purpose open %v, drafts open %v",
			r.srv.Approval(), r.srv.Guests(), r.srv.Locked(), r.srv.InputOpen(workshop.StepPurpose), r.srv.InputOpen(workshop.StepDrafts))
	}
	g := r.joined()
	if code, body := g.post("/api/name", map[string]any{"name": "Vieras Ville"}); code != http.StatusOK {
		t.Fatalf("a guest after the restart: %d %s", code, body)
	}
	if !g.state().Guests || !g.state().Step.Open {
		t.Fatalf("the phone is told otherwise: %+v", g.state())
	}
	code, body := g.op(map[string]any{"op": "segment", "text": "Julkinen sektori"})
	if code != http.StatusOK || !strings.Contains(body, `"held":true`) {
		t.Fatalf("a card after the restart: %d %s", code, body)
	}
	if s := r.stored(); len(s.Pending) != 1 || len(s.Segments) != 1 {
		t.Fatalf("the card was not held: %d held, %d segments", len(s.Pending), len(s.Segments))
	}
	// Following the facilitator to the drafts does not open what was closed by hand.
	if err := r.ed.Edit(func(s *workshop.Session) error { s.CurrentStep = workshop.StepDrafts; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := r.srv.FollowInput(workshop.StepPurpose, workshop.StepDrafts); err != nil {
		t.Fatal(err)
	}
	if r.srv.InputOpen(workshop.StepDrafts) || g.state().Step.Open {
		t.Fatal("the step closed by hand opened when the room came back to it")
	}
	if err := r.srv.SetLocked(true); err != nil {
		t.Fatal(err)
	}
	r.restart()
	if !r.srv.Locked() {
		t.Fatal("the lock did not survive the restart")
	}
	p := r.phone()
	if code, _ := p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL())); code != http.StatusForbidden || p.cookie() != nil {
		t.Fatalf("a new phone in the locked room after the restart: %d", code)
	}
	// A bad step is refused by the operation and changes nothing on disk.
	before := *r.stored().Room
	if err := r.srv.SetInputOpen("../admin", true); err == nil {
		t.Fatal("a step that is no page opened")
	}
	if got := r.stored().Room; got == nil || got.Locked != before.Locked || strings.Join(got.Open, ",") != strings.Join(before.Open, ",") {
		t.Fatalf("a refused setting changed the file: %+v", got)
	}
}
