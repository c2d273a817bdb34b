package phone

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"

	"lupauspaja/workshop"
)

// A phone coming back after the app restarted is who it was: the named one
// keeps its name without picking it again, the anonymous one is the same
// voter with what is left of its dots and still has its own draft to
// withdraw; a phone the facilitator removed stays out. The file holds the
// hash of each phone's cookie, never the cookie.
func TestAPhoneComingBackAfterARestartIsWhoItWas(t *testing.T) {
	r := newRoom(t, Options{})
	anna := r.named("p1")
	anon := r.joined()
	if code, body := anon.post("/api/name", map[string]any{"anonymous": true}); code != http.StatusOK {
		t.Fatalf("anonymous: %d %s", code, body)
	}
	gone := r.named("p2")
	r.goTo(workshop.StepDrafts)
	if code, body := anon.op(map[string]any{"op": "draft", "text": "Nimetön ehdotus ennen katkoa."}); code != http.StatusOK {
		t.Fatalf("anonymous draft: %d %s", code, body)
	}
	r.goTo(workshop.StepEvaluation)
	for _, d := range []string{"d1", "d2"} {
		if code, body := anon.op(map[string]any{"op": "dot", "draft_id": d, "delta": 1}); code != http.StatusOK {
			t.Fatalf("anonymous dot: %d %s", code, body)
		}
	}
	voter := r.stored().AnonymousVoters()
	var goneID string
	for _, d := range r.srv.Devices() {
		if d.ParticipantID == "p2" {
			goneID = d.ID
		}
	}
	if len(voter) != 1 || goneID == "" || !r.srv.RemoveDevice(goneID) {
		t.Fatalf("voters %v, removed %q", voter, goneID)
	}
	stored := r.stored()
	if len(stored.RoomDevices) != 2 {
		t.Fatalf("the session remembers %d phones, want 2 (the removed one forgotten)", len(stored.RoomDevices))
	}
	path := r.st.Path()
	r.restart()

	// No cookie is in the file (nor its write-ahead log), only its hash.
	for _, p := range []*phone{anna, anon, gone} {
		secret := p.cookie().Value
		for _, f := range []string{path, path + "-wal"} {
			b, _ := os.ReadFile(f)
			if bytes.Contains(b, []byte(secret)) {
				t.Fatalf("%s holds a phone's cookie", f)
			}
		}
	}
	if r.stored().RoomDeviceByToken(anna.cookie().Value) == nil {
		t.Fatal("the file does not know Anna's phone by its cookie's hash")
	}

	if v := anna.state(); v.Me == nil || v.Me.ID != "p1" || v.Me.Name != "Anna Virtanen" {
		t.Fatalf("Anna's phone after the restart: %+v", v.Me)
	}
	v := anon.state()
	if v.Me == nil || !v.Me.Anonymous || v.Dots == nil || v.Dots.Left != 1 || v.Dots.On["d1"] != 1 {
		t.Fatalf("the anonymous phone after the restart: %+v %+v", v.Me, v.Dots)
	}
	if code, body := anon.op(map[string]any{"op": "dot", "draft_id": "d3", "delta": 1}); code != http.StatusOK {
		t.Fatalf("the last dot: %d %s", code, body)
	}
	if code, body := anon.op(map[string]any{"op": "dot", "draft_id": "d3", "delta": 1}); code != http.StatusConflict || errorKey(body) != "phone.err.dots" {
		t.Fatalf("a fourth dot after the restart: %d %s (a fresh budget?)", code, body)
	}
	if s := r.stored(); len(s.AnonymousVoters()) != 1 || s.AnonymousVoters()[0] != voter[0] || s.DotsGiven(voter[0]) != 3 {
		t.Fatalf("voters after the restart %v (before %v)", s.AnonymousVoters(), voter)
	}
	if code, body := gone.get("/api/state"); code != http.StatusUnauthorized {
		t.Fatalf("the removed phone after the restart: %d %s", code, body)
	}
	if n := len(r.srv.Devices()); n != 2 {
		t.Fatalf("%d phones in the room after they came back", n)
	}

	// The anonymous phone's own draft is still its own: it withdraws it.
	r.goTo(workshop.StepDrafts)
	v = anon.state()
	if len(v.Cards) != 1 || !strings.Contains(v.Cards[0].Text, "ennen katkoa") {
		t.Fatalf("the anonymous phone's own cards after the restart: %+v", v.Cards)
	}
	if code, body := anon.op(map[string]any{"op": "withdraw", "kind": "draft", "id": v.Cards[0].ID}); code != http.StatusOK {
		t.Fatalf("withdraw after the restart: %d %s", code, body)
	}
	if s := r.stored(); len(s.Drafts) != 3 || len(s.RoomDevice(v.Me.Device).Owned) != 0 {
		t.Fatalf("after withdrawing: %d drafts, owned %v", len(s.Drafts), s.RoomDevice(v.Me.Device).Owned)
	}
	// Anna's name is hers: another phone cannot take it.
	other := r.joined()
	if code, _ := other.post("/api/name", map[string]any{"participant_id": "p1"}); code != http.StatusConflict {
		t.Fatalf("Anna's name on another phone: %d", code)
	}
}

// A card a phone sent into the approval queue before a restart is still
// that phone's when it comes back: it sees it waiting among its own cards,
// and once approved it may withdraw it.
func TestAHeldCardIsItsPhonesOwnAfterARestart(t *testing.T) {
	r := newRoom(t, Options{})
	anon := r.joined()
	if code, body := anon.post("/api/name", map[string]any{"anonymous": true}); code != http.StatusOK {
		t.Fatalf("anonymous: %d %s", code, body)
	}
	r.goTo(workshop.StepDrafts)
	if err := r.srv.SetApproval(true); err != nil {
		t.Fatal(err)
	}
	if code, body := anon.op(map[string]any{"op": "draft", "text": "Odottava ehdotus."}); code != http.StatusOK || !strings.Contains(body, `"held":true`) {
		t.Fatalf("held draft: %d %s", code, body)
	}
	r.restart()
	if held := r.srv.PendingCards(); len(held) != 1 || held[0].Device != "" {
		t.Fatalf("held before the phone came back: %+v", held)
	}
	v := anon.state()
	if len(v.Cards) != 1 || !v.Cards[0].Pending || v.Cards[0].Text != "Odottava ehdotus." {
		t.Fatalf("the phone's own cards after the restart: %+v", v.Cards)
	}
	held := r.srv.PendingCards()
	if len(held) != 1 || held[0].Device != v.Me.Device {
		t.Fatalf("held after the phone came back: %+v (the phone %s)", held, v.Me.Device)
	}
	if err := r.srv.Approve(held[0].ID); err != nil {
		t.Fatal(err)
	}
	v = anon.state()
	if len(v.Cards) != 1 || v.Cards[0].Pending || v.Cards[0].ID == "" {
		t.Fatalf("the approved card among the phone's own: %+v", v.Cards)
	}
	if got := r.stored().RoomDevice(v.Me.Device); got == nil || len(got.Owned) != 1 {
		t.Fatalf("the session does not remember the card as the phone's: %+v", got)
	}
	if code, body := anon.op(map[string]any{"op": "withdraw", "kind": "draft", "id": v.Cards[0].ID}); code != http.StatusOK {
		t.Fatalf("withdraw the approved card: %d %s", code, body)
	}
	if n := len(r.stored().Drafts); n != 3 {
		t.Fatalf("%d drafts after withdrawing, want the 3 of the test session", n)
	}
}
