package phone

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

func TestQRLinkGivesAStrictHttpOnlyCookieAndTheSamePhoneStaysTheSameParticipant(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.phone()
	req, _ := http.NewRequest("GET", r.srv.JoinURL(), nil)
	resp, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var set *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == CookieName {
			set = c
		}
	}
	if resp.StatusCode != http.StatusOK || set == nil || !set.HttpOnly || set.SameSite != http.SameSiteStrictMode || len(set.Value) != 32 {
		t.Fatalf("join answer %d, cookie %+v", resp.StatusCode, set)
	}
	if len(r.srv.token) != 32 || len(r.srv.Code()) != 6 {
		t.Fatalf("token %q, code %q", r.srv.token, r.srv.Code())
	}
	v := p.state()
	if v.Me != nil || len(v.People) != 3 {
		t.Fatalf("before a name: me %+v, %d people", v.Me, len(v.People))
	}
	if code, body := p.post("/api/name", map[string]any{"participant_id": "p2"}); code != http.StatusOK {
		t.Fatalf("pick: %d %s", code, body)
	}
	// Scanning again with the same cookie is the same phone, still Jussi.
	p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL()))
	if v := p.state(); v.Me == nil || v.Me.ID != "p2" || v.Me.Name != "Jussi Korhonen" {
		t.Fatalf("same cookie: %+v", v.Me)
	}
	if n := len(r.srv.Devices()); n != 1 {
		t.Fatalf("%d devices after a second scan by the same phone", n)
	}
	// Another phone cannot take Jussi while he is in.
	q := r.joined()
	if code, body := q.post("/api/name", map[string]any{"participant_id": "p2"}); code != http.StatusConflict {
		t.Fatalf("taken name: %d %s", code, body)
	}
	if v := q.state(); !v.People[1].Taken {
		t.Fatalf("Jussi not shown as taken: %+v", v.People)
	}
}

func TestRoomCodeJoinsAndAWrongCodeDoesNot(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.phone()
	form := func(code string) (int, string) {
		return p.do("POST", "/join", strings.NewReader("code="+code), map[string]string{
			"Origin": p.origin, "Content-Type": "application/x-www-form-urlencoded"})
	}
	if code, _ := p.get("/"); code != http.StatusOK {
		t.Fatalf("start page: %d", code)
	}
	if code, _ := form("ZZZZZZ"); code != http.StatusForbidden || p.cookie() != nil {
		t.Fatalf("wrong code: %d, cookie %v", code, p.cookie())
	}
	if code, _ := form(strings.ToLower(r.srv.Code())); code != http.StatusSeeOther || p.cookie() == nil {
		t.Fatalf("room code in lower case: %d, cookie %v", code, p.cookie())
	}
	if v := p.state(); v.Me != nil {
		t.Fatal("joined with a name already")
	}
}

func TestAGuestBecomesAParticipantOnlyWhenAllowed(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.joined()
	if code, _ := p.post("/api/name", map[string]any{"name": "Vieras Ville"}); code != http.StatusForbidden {
		t.Fatalf("guest while not allowed: %d", code)
	}
	r.srv.SetGuests(true)
	if code, body := p.post("/api/name", map[string]any{"name": "Vieras Ville"}); code != http.StatusOK {
		t.Fatalf("guest: %d %s", code, body)
	}
	s := r.stored()
	if len(s.Participants) != 4 || s.Participants[3].Name != "Vieras Ville" || s.Participants[3].Kind != workshop.KindGuest {
		t.Fatalf("guest not stored as a participant: %+v", s.Participants)
	}
	if v := p.state(); v.Me == nil || v.Me.ID != s.Participants[3].ID {
		t.Fatalf("guest's phone: %+v", v.Me)
	}
}

func TestEveryStepsInputReachesTheStoreThroughTheDomainOperations(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	must := func(what string, in map[string]any) {
		t.Helper()
		if code, body := p.op(in); code != http.StatusOK {
			t.Fatalf("%s: %d %s", what, code, body)
		}
	}
	r.goTo(workshop.StepBaseline)
	must("rung", map[string]any{"op": "rung", "level": 3})
	must("would buy", map[string]any{"op": "would_buy", "answer": "maybe", "why": "Hinta"})
	r.goTo(workshop.StepPurpose)
	must("segment", map[string]any{"op": "segment", "text": "Tukkurit"})
	r.goTo(workshop.StepProfile)
	must("pain", map[string]any{"op": "profile_item", "segment_id": "s1", "type": "pain", "text": "Ei tiedä, missä lähetys on", "evidence": "customer_said"})
	r.goTo(workshop.StepValueMap)
	must("value item", map[string]any{"op": "value_item", "segment_id": "s1", "type": "pain_reliever", "text": "Seurantalinkki"})
	must("alternative", map[string]any{"op": "alternative", "text": "Oma pakettiauto"})
	r.goTo(workshop.StepDrafts)
	must("draft", map[string]any{"op": "draft", "text": "Kerromme ensin, jos myöhästymme."})
	r.goTo(workshop.StepEvaluation)
	must("dot", map[string]any{"op": "dot", "draft_id": "d1", "delta": 1})
	must("rating", map[string]any{"op": "rating", "draft_id": "d1", "row": "55443322"})
	r.goTo(workshop.StepDecision)
	must("fist", map[string]any{"op": "consent", "fingers": 2, "concern": "Liian yleinen"})
	r.goTo(workshop.StepMeasures)
	must("measure", map[string]any{"op": "measure", "name": "Toimitusvarmuus", "type": "operational", "owner": "Jussi Korhonen"})
	r.goTo(workshop.StepNextSteps)
	must("action", map[string]any{"op": "action", "kind": "act", "text": "Soitetaan kolmelle asiakkaalle", "owner": "Anna Virtanen", "due": "2026-12-15"})

	s := r.stored()
	if len(s.Ladder) != 1 || s.Ladder[0].Level != 3 || s.Ladder[0].WouldBuy != "maybe" {
		t.Errorf("ladder: %+v", s.Ladder)
	}
	if len(s.Segments) != 2 || len(s.ProfileItems) != 1 || s.ProfileItems[0].Evidence != workshop.EvidenceCustomerSaid ||
		len(s.ValueItems) != 1 || len(s.Alternatives) != 1 {
		t.Errorf("cards: %d segments, %+v, %d value items, %d alternatives", len(s.Segments), s.ProfileItems, len(s.ValueItems), len(s.Alternatives))
	}
	if len(s.Drafts) != 4 || s.Drafts[3].AuthorIDs[0] != "p1" {
		t.Errorf("draft: %+v", s.Drafts)
	}
	if s.DotsOn("p1", "d1") != 1 || s.RatingOf("p1", "d1") == nil || workshop.FormatScores(s.RatingOf("p1", "d1").Scores) != "55443322" {
		t.Errorf("votes: %+v %+v", s.DotVotes, s.Ratings)
	}
	if c := s.ConsentOf("p1"); c == nil || c.Fingers != 2 || len(s.Decision.OpenConcerns) != 1 {
		t.Errorf("consent: %+v %v", c, s.Decision.OpenConcerns)
	}
	if len(s.Measures) != 1 || s.Measures[0].OwnerID != "p2" || len(s.Actions) != 1 || s.Actions[0].Due != "2026-12-15" {
		t.Errorf("measures %+v actions %+v", s.Measures, s.Actions)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestInputOnlyInTheOpenStepOnScreen(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	draft := map[string]any{"op": "draft", "text": "Aina ajallaan."}
	r.goTo(workshop.StepEvaluation)
	if code, body := p.op(draft); code != http.StatusConflict || errorKey(body) != "phone.err.closed" {
		t.Fatalf("draft while step 6 is on screen: %d %s", code, body)
	}
	r.goTo(workshop.StepDrafts)
	r.srv.SetInputOpen(workshop.StepDrafts, false)
	if code, _ := p.op(draft); code != http.StatusConflict {
		t.Fatalf("draft while input is closed: %d", code)
	}
	if v := p.state(); v.Step.Open || v.Step.Key != workshop.StepDrafts {
		t.Fatalf("phone sees %+v", v.Step)
	}
	r.srv.SetInputOpen(workshop.StepDrafts, true)
	code, body := p.op(draft)
	if code != http.StatusOK {
		t.Fatalf("draft while open: %d %s", code, body)
	}
	var v view
	json.Unmarshal([]byte(body), &v)
	if len(v.Cards) != 1 || v.Cards[0].Text != "Aina ajallaan." {
		t.Fatalf("own cards: %+v", v.Cards)
	}
	id := v.Cards[0].ID
	if code, body := p.op(map[string]any{"op": "edit", "kind": "draft", "id": id, "text": "Aina ajallaan – tai kerromme ensin."}); code != http.StatusOK {
		t.Fatalf("edit: %d %s", code, body)
	}
	q := r.named("p2")
	if code, _ := q.op(map[string]any{"op": "withdraw", "kind": "draft", "id": id}); code != http.StatusForbidden {
		t.Fatalf("another phone withdrew the draft: %d", code)
	}
	r.srv.SetInputOpen(workshop.StepDrafts, false)
	if code, _ := p.op(map[string]any{"op": "withdraw", "kind": "draft", "id": id}); code != http.StatusConflict {
		t.Fatalf("withdraw after input closed: %d", code)
	}
	r.srv.SetInputOpen(workshop.StepDrafts, true)
	if code, _ := p.op(map[string]any{"op": "withdraw", "kind": "draft", "id": id}); code != http.StatusOK {
		t.Fatalf("withdraw: %d", code)
	}
	if s := r.stored(); len(s.Drafts) != 3 {
		t.Fatalf("%d drafts after withdraw", len(s.Drafts))
	}
}

func TestDotsOverTheBudgetAreRefusedOnTheServer(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	r.goTo(workshop.StepEvaluation)
	for i, d := range []string{"d1", "d1", "d2"} {
		if code, body := p.op(map[string]any{"op": "dot", "draft_id": d, "delta": 1}); code != http.StatusOK {
			t.Fatalf("dot %d: %d %s", i+1, code, body)
		}
	}
	code, body := p.op(map[string]any{"op": "dot", "draft_id": "d3", "delta": 1})
	if code != http.StatusConflict || errorKey(body) != "phone.err.dots" {
		t.Fatalf("fourth dot: %d %s", code, body)
	}
	if s := r.stored(); s.DotsGiven("p1") != 3 || s.DotsOn("p1", "d3") != 0 {
		t.Fatalf("stored dots %+v", s.DotVotes)
	}
	if v := p.state(); v.Dots.Left != 0 || v.Dots.On["d1"] != 2 {
		t.Fatalf("phone's dots %+v", v.Dots)
	}
	// A phone that joined but chose nothing cannot vote.
	if code, body := r.joined().op(map[string]any{"op": "dot", "draft_id": "d3", "delta": 1}); code != http.StatusForbidden || errorKey(body) != "phone.err.needname" {
		t.Fatalf("dot without a name or anonymity: %d %s", code, body)
	}
}

// An anonymous phone votes where the step counts votes without names
// (steps 1, 6, 7): its dots are counted under a voter id that is no
// participant, within a budget the server keeps for that phone; another
// anonymous phone has its own budget; its cards have no author.
func TestAnAnonymousPhoneVotesWithinItsOwnBudgetUnderNoName(t *testing.T) {
	r := newRoom(t, Options{})
	anon := r.joined()
	if code, body := anon.post("/api/name", map[string]any{"anonymous": true}); code != http.StatusOK {
		t.Fatalf("anonymous: %d %s", code, body)
	}
	r.goTo(workshop.StepEvaluation)
	for i, d := range []string{"d1", "d3", "d3"} {
		if code, body := anon.op(map[string]any{"op": "dot", "draft_id": d, "delta": 1}); code != http.StatusOK {
			t.Fatalf("anonymous dot %d: %d %s", i+1, code, body)
		}
	}
	if code, body := anon.op(map[string]any{"op": "dot", "draft_id": "d2", "delta": 1}); code != http.StatusConflict || errorKey(body) != "phone.err.dots" {
		t.Fatalf("fourth anonymous dot: %d %s", code, body)
	}
	if code, body := anon.op(map[string]any{"op": "rating", "draft_id": "d1", "row": "44444444"}); code != http.StatusOK {
		t.Fatalf("anonymous rating: %d %s", code, body)
	}
	s := r.stored()
	voters := s.AnonymousVoters()
	if len(voters) != 1 || s.DotsGiven(voters[0]) != 3 || len(s.Participants) != 3 || s.RatingOf(voters[0], "d1") == nil {
		t.Fatalf("stored: voters %v, dots %+v, %d participants", voters, s.DotVotes, len(s.Participants))
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if v := anon.state(); v.Dots == nil || v.Dots.Left != 0 || v.Dots.On["d3"] != 2 || v.MyRatings["d1"] != "44444444" {
		t.Fatalf("the anonymous phone's own votes: %+v %+v", v.Dots, v.MyRatings)
	}
	other := r.joined()
	other.post("/api/name", map[string]any{"anonymous": true})
	if code, body := other.op(map[string]any{"op": "dot", "draft_id": "d2", "delta": 1}); code != http.StatusOK {
		t.Fatalf("a second anonymous phone's dot: %d %s", code, body)
	}
	if v := other.state(); v.Dots.Left != 2 {
		t.Fatalf("the second anonymous phone's budget: %+v", v.Dots)
	}
	// Fist of five: counted, the concern without a name.
	r.goTo(workshop.StepDecision)
	if code, body := anon.op(map[string]any{"op": "consent", "fingers": 2, "concern": "Liian yleinen"}); code != http.StatusOK {
		t.Fatalf("anonymous fist: %d %s", code, body)
	}
	if res := r.stored().ConsentResult(); res.Votes != 1 || len(res.Concerns) != 1 || res.Concerns[0] != "Liian yleinen" {
		t.Fatalf("consent %+v", res)
	}
	// A draft: no author.
	r.goTo(workshop.StepDrafts)
	if code, body := anon.op(map[string]any{"op": "draft", "text": "Nimetön ehdotus."}); code != http.StatusOK {
		t.Fatalf("anonymous draft: %d %s", code, body)
	}
	if d := r.stored().Drafts[3]; d.Text != "Nimetön ehdotus." || len(d.AuthorIDs) != 0 {
		t.Fatalf("anonymous draft %+v", d)
	}
}

func TestAPhoneNeverSeesOthersVotesOrPrivateNotes(t *testing.T) {
	r := newRoom(t, Options{})
	anna, jussi := r.named("p1"), r.named("p2")
	r.goTo(workshop.StepEvaluation)
	jussi.op(map[string]any{"op": "dot", "draft_id": "d2", "delta": 1})
	jussi.op(map[string]any{"op": "rating", "draft_id": "d2", "row": "11111111"})
	r.goTo(workshop.StepDecision)
	jussi.op(map[string]any{"op": "consent", "fingers": 1, "concern": "JUSSIN-HUOLI"})
	for _, step := range []string{workshop.StepEvaluation, workshop.StepDecision} {
		r.goTo(step)
		_, body := anna.get("/api/state")
		for _, secret := range []string{"SALAINEN-MUISTIINPANO", "11111111", "JUSSIN-HUOLI", `"d2":1`} {
			if strings.Contains(body, secret) {
				t.Errorf("%s: Anna's phone sees %q: %s", step, secret, body)
			}
		}
	}
}

func TestApprovalHoldsCardsUntilTheFacilitatorApproves(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p3")
	r.goTo(workshop.StepDrafts)
	r.srv.SetApproval(true)
	code, body := p.op(map[string]any{"op": "draft", "text": "Vastaamme samana päivänä."})
	if code != http.StatusOK || !strings.Contains(body, `"held":true`) {
		t.Fatalf("held draft: %d %s", code, body)
	}
	if s := r.stored(); len(s.Drafts) != 3 || len(s.Pending) != 1 || s.Pending[0].AuthorID != "p3" {
		t.Fatalf("a held draft reached the session's drafts, or the queue is not on disk: %+v", s.Pending)
	}
	// Another phone never sees it; the sender sees it as waiting.
	if _, body := r.named("p1").get("/api/state"); strings.Contains(body, "Vastaamme samana") {
		t.Fatalf("another phone sees a held card: %s", body)
	}
	if v := p.state(); len(v.Cards) != 1 || !v.Cards[0].Pending {
		t.Fatalf("the sender's cards %+v", v.Cards)
	}
	held := r.srv.PendingCards()
	if len(held) != 1 || held[0].Text != "Vastaamme samana päivänä." || held[0].Name != "Maija Lehto" {
		t.Fatalf("pending %+v", held)
	}
	if err := r.srv.Approve(held[0].ID); err != nil {
		t.Fatal(err)
	}
	if s := r.stored(); len(s.Drafts) != 4 || s.Drafts[3].AuthorIDs[0] != "p3" {
		t.Fatalf("approved draft: %+v", s.Drafts)
	}
	if v := p.state(); len(v.Cards) != 1 || v.Cards[0].Pending {
		t.Fatalf("phone after approval: %+v", v.Cards)
	}
	p.op(map[string]any{"op": "draft", "text": "Hylättävä."})
	if !r.srv.Reject(r.srv.PendingCards()[0].ID) || len(r.srv.PendingCards()) != 0 || len(r.stored().Drafts) != 4 || len(r.stored().Pending) != 0 {
		t.Fatal("reject")
	}
}

// Held cards are in the session's file: the room closed and the app
// restarted (the store and editor opened again), they are still waiting,
// and approving one then adds it.
func TestHeldCardsSurviveARestart(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p2")
	r.goTo(workshop.StepPurpose)
	r.srv.SetApproval(true)
	if code, body := p.op(map[string]any{"op": "segment", "text": "Julkinen sektori"}); code != http.StatusOK {
		t.Fatalf("held segment: %d %s", code, body)
	}
	r.srv.Close()
	path := r.st.Path()
	r.st.Close()

	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ed, err := editor.Open(st, r.id)
	if err != nil {
		t.Fatal(err)
	}
	srv := New(ed, Options{})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	held := srv.PendingCards()
	if len(held) != 1 || held[0].Text != "Julkinen sektori" || held[0].Kind != workshop.CardSegment || held[0].Device != "" {
		t.Fatalf("held after the restart: %+v", held)
	}
	if err := srv.Approve(held[0].ID); err != nil {
		t.Fatal(err)
	}
	s, err := st.Load(r.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pending) != 0 || len(s.Segments) != 2 || s.Segments[1].Name != "Julkinen sektori" {
		t.Fatalf("after approval: %d held, segments %+v", len(s.Pending), s.Segments)
	}
}

// A card the facilitator hid is on no phone: not among the drafts to vote
// on, not among the sender's own cards; a vote on it is refused.
func TestAHiddenCardReachesNoPhone(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	r.goTo(workshop.StepDrafts)
	code, body := p.op(map[string]any{"op": "draft", "text": "Piilotettava ehdotus."})
	if code != http.StatusOK {
		t.Fatalf("draft: %d %s", code, body)
	}
	id := p.state().Cards[0].ID
	if err := r.ed.Edit(func(s *workshop.Session) error { return s.SetCardHidden(workshop.CardDraft, id, true) }); err != nil {
		t.Fatal(err)
	}
	if _, body := p.get("/api/state"); strings.Contains(body, "Piilotettava") {
		t.Fatalf("the sender still sees the hidden draft: %s", body)
	}
	if code, _ := p.op(map[string]any{"op": "edit", "kind": "draft", "id": id, "text": "Muutettu"}); code != http.StatusNotFound {
		t.Fatalf("edit of a hidden draft: %d", code)
	}
	r.goTo(workshop.StepEvaluation)
	if _, body := r.named("p2").get("/api/state"); strings.Contains(body, "Piilotettava") || strings.Contains(body, id) {
		t.Fatalf("another phone sees the hidden draft: %s", body)
	}
	if code, _ := p.op(map[string]any{"op": "dot", "draft_id": id, "delta": 1}); code != http.StatusUnprocessableEntity {
		t.Fatalf("dot on a hidden draft: %d", code)
	}
	if s := r.stored(); s.DotsGiven("p1") != 0 || s.Draft(id) == nil {
		t.Fatal("the hidden draft went, or got a dot")
	}
}

func TestTheEventStreamSendsAFreshStateAtOnceAndAfterEveryChange(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	req, _ := http.NewRequest("GET", r.srv.ShortURL()+"/api/events", nil)
	resp, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	events := make(chan view, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var v view
				if json.Unmarshal([]byte(d), &v) == nil {
					events <- v
				}
			}
		}
		close(events)
	}()
	next := func(want func(v view) bool) view {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case v, ok := <-events:
				if !ok {
					t.Fatal("stream ended")
				}
				if want(v) {
					return v
				}
			case <-deadline:
				t.Fatal("no such state pushed")
			}
		}
	}
	next(func(v view) bool { return v.Me != nil && v.Me.ID == "p1" })
	r.goTo(workshop.StepDrafts)
	next(func(v view) bool { return v.Step.Key == workshop.StepDrafts && v.Step.Open })
	// The facilitator's edit in the window reaches the phone too.
	r.ed.Edit(func(s *workshop.Session) error { s.CurrentStep = workshop.StepEvaluation; return nil })
	next(func(v view) bool { return v.Step.Key == workshop.StepEvaluation && !v.Step.Open })
	// A removed phone is told, and its stream ends.
	r.srv.RemoveDevice(r.srv.Devices()[0].ID)
	for range events {
	}
	if code, _ := p.get("/api/state"); code != http.StatusUnauthorized {
		t.Fatalf("removed phone: %d", code)
	}
}

func TestClosingTheRoomFreesThePort(t *testing.T) {
	r := newRoom(t, Options{})
	addr := r.srv.Addr()
	r.srv.Close()
	again := New(r.ed, Options{Addr: addr})
	if err := again.Start(); err != nil {
		t.Fatalf("port still taken after close: %v", err)
	}
	again.Close()
}

func TestAddressesLeaveOutVirtualAdaptersAndPreferWiFi(t *testing.T) {
	got := rank([]Candidate{
		{IP: "172.17.0.1", Interface: "docker0"},
		{IP: "10.8.0.2", Interface: "tun0"},
		{IP: "203.0.113.5", Interface: "eth1"},
		{IP: "172.24.16.1", Interface: "vEthernet (WSL)"},
		{IP: "192.168.1.23", Interface: "wlp2s0"},
		{IP: "10.0.0.7", Interface: "Ethernet"},
		{IP: "192.168.122.1", Interface: "virbr0"},
		{IP: "100.64.1.1", Interface: "tailscale0"},
	})
	var names []string
	for _, c := range got {
		names = append(names, c.Interface)
	}
	if strings.Join(names, ",") != "wlp2s0,Ethernet,eth1" || !got[0].Preferred || !got[1].Preferred || got[2].Preferred {
		t.Fatalf("ranked %+v", got)
	}
}

func TestThePageSpeaksTheSessionsLanguage(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.joined()
	if _, page := p.get("/"); !strings.Contains(page, `lang="fi"`) || !strings.Contains(page, "Ladataan") {
		t.Fatalf("Finnish session's page:\n%s", page)
	}
	r.ed.Edit(func(s *workshop.Session) error { s.Language = "en"; return nil })
	_, page := p.get("/")
	if !strings.Contains(page, `lang="en"`) || !strings.Contains(page, "Loading") || !strings.Contains(page, "Pick your name") {
		t.Fatalf("English session's page:\n%s", page)
	}
	r.goTo(workshop.StepEvaluation)
	p.post("/api/name", map[string]any{"participant_id": "p1"})
	if v := p.state(); v.Step.Title != "Evaluation" || v.Criteria[0].Name != "Understandable" {
		t.Fatalf("English state: %+v", v.Step)
	}
	// Both languages have the same texts.
	fi, en := texts("fi"), texts("en")
	for k := range fi {
		if _, ok := en[k]; !ok {
			t.Errorf("%s has no English text", k)
		}
	}
	if len(fi) != len(en) || TextsError() != nil {
		t.Fatalf("%d Finnish texts, %d English: %v", len(fi), len(en), TextsError())
	}
}

// Every text the page or the server asks for exists in both languages.
func TestEveryPhoneTextIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	re := regexp.MustCompile(`"(phone\.[a-z0-9_.]*[a-z0-9_])"`)
	for _, f := range []string{"web/app.js", "web/index.html", "web/code.html", "web/joined.html", "web/message.html", "http.go", "ops.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
	}
	// Keys the page builds from a prefix and a value.
	for prefix, values := range map[string][]string{
		"phone.buy.":          {"yes", "maybe", "no"},
		"phone.profile.":      {"job", "pain", "gain"},
		"phone.evidence.":     {"assumption", "customer_said", "feedback_data", "employee_observation"},
		"phone.value.":        {"product_service", "pain_reliever", "gain_creator", "alternative"},
		"phone.moore.":        {"for", "need", "benefit", "unlike", "differentiator"},
		"phone.measure.type.": {"", "NPS", "CES", "CSAT", "operational", "employee", "other"},
		"phone.action.kind.":  {"understand", "mobilise", "act"},
		"phone.err.": {workshop.ProblemEmpty, workshop.ProblemTooLong, workshop.ProblemWords, workshop.ProblemInvalid,
			workshop.ProblemUnknown, workshop.ProblemTooMany, workshop.ProblemTaken, workshop.ProblemNotRated},
	} {
		for _, v := range values {
			keys[prefix+v] = true
		}
	}
	if len(keys) < 80 {
		t.Fatalf("found only %d keys", len(keys))
	}
	for k := range keys {
		for _, l := range []string{"fi", "en"} {
			if _, ok := texts(l)[k]; !ok {
				t.Errorf("%s: no text for %q", l, k)
			}
		}
	}
}

// A phone is one person from its first choice on: it cannot go on as
// another participant or under no name (a second vote), whatever it
// posts; the same choice again is no change. A phone whose participant
// the facilitator deleted picks again, and a phone the facilitator
// removed joins again and picks anew.
func TestAPhoneCannotBecomeSomeoneElse(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepBaseline)
	p := r.named("p1")
	if code, body := p.op(map[string]any{"op": "rung", "level": 5}); code != http.StatusOK {
		t.Fatalf("the rung: %d %s", code, body)
	}
	for _, pick := range []map[string]any{{"participant_id": "p3"}, {"anonymous": true}, {"name": "Vieras Ville"}} {
		code, body := p.post("/api/name", pick)
		if code != http.StatusConflict || !strings.Contains(body, "phone.err.named") {
			t.Errorf("%v after picking p1: %d %s", pick, code, body)
		}
	}
	if code, body := p.post("/api/name", map[string]any{"participant_id": "p1"}); code != http.StatusOK {
		t.Errorf("the same pick again: %d %s", code, body)
	}
	if code, _ := p.op(map[string]any{"op": "rung", "level": 4}); code != http.StatusOK {
		t.Fatal("the rung changed")
	}
	s := r.stored()
	if len(s.Ladder) != 1 || s.Ladder[0].ParticipantID != "p1" || len(s.AnonymousVoters()) != 0 {
		t.Fatalf("the ladder after the attempts: %+v, anonymous %v", s.Ladder, s.AnonymousVoters())
	}
	if d := r.srv.Devices(); len(d) != 1 || d[0].ParticipantID != "p1" {
		t.Fatalf("devices %+v", d)
	}

	// An anonymous phone stays anonymous.
	a := r.joined()
	if code, body := a.post("/api/name", map[string]any{"anonymous": true}); code != http.StatusOK {
		t.Fatalf("anonymous: %d %s", code, body)
	}
	if code, _ := a.post("/api/name", map[string]any{"participant_id": "p2"}); code != http.StatusConflict {
		t.Errorf("anonymous, then p2: %d", code)
	}
	if code, _ := a.post("/api/name", map[string]any{"anonymous": true}); code != http.StatusOK {
		t.Errorf("anonymous again: %d", code)
	}

	// The facilitator deletes p1: the phone picks again.
	if err := r.ed.Edit(func(s *workshop.Session) error { _, err := s.RemoveParticipant("p1"); return err }); err != nil {
		t.Fatal(err)
	}
	if code, body := p.post("/api/name", map[string]any{"participant_id": "p3"}); code != http.StatusOK {
		t.Errorf("a pick after the participant was deleted: %d %s", code, body)
	}
	// The facilitator removes the phone: it joins again and picks anew.
	for _, d := range r.srv.Devices() {
		if d.ParticipantID == "p3" {
			r.srv.RemoveDevice(d.ID)
		}
	}
	q := r.named("p3")
	if v := q.state(); v.Me == nil || v.Me.ID != "p3" {
		t.Fatalf("after the removal: %+v", v.Me)
	}
}

// One phone adds at most MaxCardsPerPhone cards of a kind, held ones too:
// a phone sending without end does not fill the room's list; withdrawing
// one of its own makes room again, and another phone is not held back.
func TestAPhoneCannotFillTheRoomsList(t *testing.T) {
	r := newRoom(t, Options{DeviceRate: 1000, DeviceBurst: 1000, AddressRate: 1000, AddressBurst: 1000})
	r.goTo(workshop.StepPurpose)
	p := r.named("p1")
	var last string
	for i := range MaxCardsPerPhone {
		code, body := p.op(map[string]any{"op": "segment", "text": fmt.Sprintf("Segmentti %d", i)})
		if code != http.StatusOK {
			t.Fatalf("card %d: %d %s", i, code, body)
		}
		last = body
	}
	code, body := p.op(map[string]any{"op": "segment", "text": "Yksi liikaa"})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "phone.err.phone_full") || !strings.Contains(texts("fi")["phone.err.phone_full"], fmt.Sprint(MaxCardsPerPhone)) {
		t.Fatalf("card %d: %d %s", MaxCardsPerPhone+1, code, body)
	}
	var v view
	if err := json.Unmarshal([]byte(last), &v); err != nil || len(v.Cards) == 0 {
		t.Fatalf("the phone's own cards: %v %d", err, len(v.Cards))
	}
	if code, body := p.op(map[string]any{"op": "withdraw", "kind": v.Cards[0].Kind, "id": v.Cards[0].ID}); code != http.StatusOK {
		t.Fatalf("withdraw: %d %s", code, body)
	}
	if code, body := p.op(map[string]any{"op": "segment", "text": "Nyt mahtuu"}); code != http.StatusOK {
		t.Fatalf("after a withdrawal: %d %s", code, body)
	}
	if code, body := r.named("p2").op(map[string]any{"op": "segment", "text": "Toinen puhelin"}); code != http.StatusOK {
		t.Fatalf("another phone: %d %s", code, body)
	}
	// Held for approval, the cards count as well.
	r.srv.SetApproval(true)
	q := r.named("p3")
	for i := range MaxCardsPerPhone {
		if code, body := q.op(map[string]any{"op": "segment", "text": fmt.Sprintf("Pidätetty %d", i)}); code != http.StatusOK {
			t.Fatalf("held card %d: %d %s", i, code, body)
		}
	}
	if code, _ := q.op(map[string]any{"op": "segment", "text": "Yksi liikaa"}); code != http.StatusUnprocessableEntity {
		t.Fatalf("a held card beyond the cap: %d", code)
	}
}

// A phone chooses its own language (a post of lang=en, the header's button): its
// state, pages and refusals come in it; the other phones and the session
// keep the session's; a language the app does not have is no page.
func TestAPhoneChoosesItsOwnLanguage(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepProfile)
	en, fi := r.named("p1"), r.named("p2")
	choose := func(p *phone, l string, origin string) int {
		code, _ := p.do("POST", "/lang", strings.NewReader("lang="+l), map[string]string{"Origin": origin, "Content-Type": "application/x-www-form-urlencoded"})
		return code
	}
	if code := choose(en, "sv", en.origin); code != http.StatusBadRequest {
		t.Fatalf("lang=sv: %d", code)
	}
	if code := choose(fi, "en", "http://evil.example"); code != http.StatusForbidden {
		t.Fatalf("another page switching a phone: %d", code)
	}
	if code, _ := en.get("/lang?lang=en"); code != http.StatusMethodNotAllowed && code != http.StatusNotFound {
		t.Fatalf("a GET switching a phone: %d", code)
	}
	if code := choose(en, "en", en.origin); code != http.StatusSeeOther {
		t.Fatalf("lang=en: %d", code)
	}
	title := workshop.StepByKey(workshop.StepProfile).Title
	if v := en.state(); v.Lang != "en" || v.Step.Title != title.En {
		t.Fatalf("the English phone's state: %q %q", v.Lang, v.Step.Title)
	}
	if v := fi.state(); v.Lang != "fi" || v.Step.Title != title.Fi {
		t.Fatalf("the other phone's state: %q %q", v.Lang, v.Step.Title)
	}
	if _, page := en.get("/"); !strings.Contains(page, `<html lang="en">`) || !strings.Contains(page, ">Suomeksi</button>") {
		t.Fatalf("the English phone's page:\n%s", page)
	}
	var refused problem
	if _, body := en.op(map[string]any{"op": "profile", "text": "  "}); json.Unmarshal([]byte(body), &refused) != nil ||
		refused.Error == "" || refused.Message != texts("en")[refused.Error] || refused.Message == texts("fi")[refused.Error] {
		t.Fatalf("a refusal to the English phone: %s", body)
	}
	if l := r.stored().Language; l != "fi" {
		t.Fatalf("the session's language became %q", l)
	}
}
