package workshop

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// refusedUnchanged runs op on a copy of the session and checks that it is
// refused with the problem and leaves the session exactly as it was.
func refusedUnchanged(t *testing.T, s *Session, name, problem string, op func(s *Session) error) {
	t.Helper()
	c := Clone(s)
	err := op(c)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Problem != problem {
		t.Errorf("%s: want problem %q, got %v", name, problem, err)
	}
	if !reflect.DeepEqual(c, Clone(s)) {
		t.Errorf("%s: a refused input changed the session", name)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("%s: session invalid after refusal: %v", name, err)
	}
}

// roomSession is a valid session of two participants and four drafts.
func roomSession() *Session {
	s := votingSession()
	for i := range s.Participants {
		s.Participants[i].Kind = KindEmployee
	}
	return s
}

func TestRoomOperationsRefuseBadInputAndChangeNothing(t *testing.T) {
	s := roomSession()
	s.Participants = append(s.Participants, Participant{ID: "P3", Name: "Sanna Mäkelä", Kind: KindEmployee})
	s.Segments = []Segment{{ID: "S1", Name: "PK-yritykset"}}
	long := strings.Repeat("x", MaxTextBytes+1)
	many := strings.TrimSpace(strings.Repeat("sana ", MaxDraftWords+1))
	for _, c := range []struct {
		name, problem string
		op            func(s *Session) error
	}{
		{"guest empty", ProblemEmpty, func(s *Session) error { _, err := s.AddGuest("  "); return err }},
		{"guest long", ProblemTooLong, func(s *Session) error { _, err := s.AddGuest(strings.Repeat("n", MaxNameBytes+1)); return err }},
		{"guest taken", ProblemTaken, func(s *Session) error { _, err := s.AddGuest(" anna "); return err }},
		// Names that look like someone's in the room are theirs.
		{"guest taken, zero-width", ProblemTaken, func(s *Session) error { _, err := s.AddGuest("Anna\u200b"); return err }},
		{"guest taken, no-break space", ProblemTaken, func(s *Session) error { _, err := s.AddGuest("\u00a0Jussi\u00a0"); return err }},
		{"guest taken, decomposed", ProblemTaken, func(s *Session) error { _, err := s.AddGuest("Sanna Ma\u0308kela\u0308"); return err }},
		{"guest invisible", ProblemEmpty, func(s *Session) error { _, err := s.AddGuest("\u200b\u202e\u200d"); return err }},
		{"rung unknown", ProblemUnknown, func(s *Session) error { _, err := s.SetRung("P9", 2); return err }},
		{"rung high", ProblemInvalid, func(s *Session) error { _, err := s.SetRung("P1", 6); return err }},
		{"rung low", ProblemInvalid, func(s *Session) error { _, err := s.SetRung("P1", -1); return err }},
		{"buy answer", ProblemInvalid, func(s *Session) error { _, err := s.SetWouldBuy("P1", "perhaps", ""); return err }},
		{"buy why long", ProblemTooLong, func(s *Session) error { _, err := s.SetWouldBuy("P1", BuyYes, long); return err }},
		{"segment empty", ProblemEmpty, func(s *Session) error { _, err := s.AddSegment("", ""); return err }},
		{"segment bad utf8", ProblemInvalid, func(s *Session) error { _, err := s.AddSegment("a\xffb", ""); return err }},
		{"item segment", ProblemUnknown, func(s *Session) error { _, err := s.AddProfileItem("S9", ItemPain, "x", ""); return err }},
		{"item type", ProblemInvalid, func(s *Session) error { _, err := s.AddProfileItem("S1", "wish", "x", ""); return err }},
		{"item evidence", ProblemInvalid, func(s *Session) error {
			_, err := s.AddProfileItem("S1", ItemPain, "x", "rumour")
			return err
		}},
		{"value type", ProblemInvalid, func(s *Session) error { _, err := s.AddValueItem("S1", "magic", "x"); return err }},
		{"alternative empty", ProblemEmpty, func(s *Session) error { _, err := s.AddAlternative("\n"); return err }},
		{"draft words", ProblemWords, func(s *Session) error { _, err := s.AddDraft(many, nil, "P1"); return err }},
		{"draft long", ProblemTooLong, func(s *Session) error { _, err := s.AddDraft(long, nil, ""); return err }},
		{"draft author", ProblemUnknown, func(s *Session) error { _, err := s.AddDraft("Hyvä", nil, "P9"); return err }},
		{"draft moore empty", ProblemEmpty, func(s *Session) error { _, err := s.AddDraft("", &Moore{}, ""); return err }},
		{"rating draft", ProblemUnknown, func(s *Session) error { _, _, err := s.RateDraft("P1", "D9", "55555555"); return err }},
		{"fingers", ProblemInvalid, func(s *Session) error { _, err := s.GiveConsent("P1", 6, ""); return err }},
		{"concern long", ProblemTooLong, func(s *Session) error { _, err := s.GiveConsent("P1", 1, long); return err }},
		{"measure type", ProblemInvalid, func(s *Session) error { _, err := s.AddMeasure("NPS", "Net", "", ""); return err }},
		{"edit draft words", ProblemWords, func(s *Session) error { return s.SetCardText(CardDraft, "D1", many) }},
		{"edit empty", ProblemEmpty, func(s *Session) error { return s.SetCardText(CardSegment, "S1", " ") }},
	} {
		refusedUnchanged(t, s, c.name, c.problem, c.op)
	}
}

func TestRoomOperationsAddWhatTheStepsAskAndTheSessionStaysValid(t *testing.T) {
	s := roomSession()
	g, err := s.AddGuest("Vieras Ville")
	if err != nil || g.Kind != KindGuest || s.Participant(g.ID) == nil {
		t.Fatalf("guest: %+v %v", g, err)
	}
	if v, err := s.SetRung(g.ID, 3); err != nil || v.Level != 3 {
		t.Fatalf("rung: %+v %v", v, err)
	}
	if v, err := s.SetWouldBuy(g.ID, BuyMaybe, "Hinta"); err != nil || v.Level != 3 || v.WouldBuy != BuyMaybe {
		t.Fatalf("would buy keeps the rung: %+v %v", v, err)
	}
	if len(s.Ladder) != 1 {
		t.Fatalf("one ladder vote per participant, got %d", len(s.Ladder))
	}
	seg, err := s.AddSegment("Verkkokaupat", "")
	if err != nil {
		t.Fatal(err)
	}
	it, err := s.AddProfileItem(seg.ID, ItemPain, "Toimitus myöhässä", "")
	if err != nil || it.Evidence != EvidenceAssumption {
		t.Fatalf("profile item rests on an assumption: %+v %v", it, err)
	}
	if _, err := s.AddValueItem(seg.ID, ValuePainReliever, "Seuranta"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAlternative("Oma auto"); err != nil {
		t.Fatal(err)
	}
	d, err := s.AddDraft("", &Moore{For: "verkkokaupoille", Need: "jotka lupaavat toimituksen", Benefit: "tiedät missä paketti on"}, g.ID)
	if err != nil || d.Text != "verkkokaupoille, joka jotka lupaavat toimituksen, tiedät missä paketti on." || d.AuthorIDs[0] != g.ID {
		t.Fatalf("draft from the scaffold: %+v %v", d, err)
	}
	anon, err := s.AddDraft("Aina ajallaan.", nil, "")
	if err != nil || len(anon.AuthorIDs) != 0 {
		t.Fatalf("anonymous draft: %+v %v", anon, err)
	}
	if _, _, err := s.RateDraft(g.ID, d.ID, "55443322"); err != nil {
		t.Fatal(err) // no shortlist, no dots: every draft is rated
	}
	if r := s.RatingOf(g.ID, d.ID); r == nil || r.Scores != [NumCriteria]int{5, 5, 4, 4, 3, 3, 2, 2} {
		t.Fatalf("rating: %+v", r)
	}
	if _, gone, err := s.RateDraft(g.ID, d.ID, ""); err != nil || !gone || s.RatingOf(g.ID, d.ID) != nil {
		t.Fatalf("empty row takes the rating back: %v %v", gone, err)
	}
	var se *ScoresError
	if _, _, err := s.RateDraft(g.ID, d.ID, "5544"); !errors.As(err, &se) {
		t.Fatalf("short row: %v", err)
	}
	s.Drafts[0].Shortlisted = true
	if _, _, err := s.RateDraft(g.ID, d.ID, "55555555"); err == nil {
		t.Fatal("a draft off the shortlist was rated")
	}
	if c, err := s.GiveConsent(g.ID, 2, "Liian pitkä"); err != nil || c.Concern != "Liian pitkä" ||
		len(s.Decision.OpenConcerns) != 1 {
		t.Fatalf("concern under three: %+v %v %v", c, err, s.Decision.OpenConcerns)
	}
	if c, err := s.GiveConsent(g.ID, 4, "ignored"); err != nil || c.Concern != "" || len(s.Decision.OpenConcerns) != 0 {
		t.Fatalf("four fingers take the concern back: %+v %v %v", c, err, s.Decision.OpenConcerns)
	}
	m, err := s.AddMeasure("NPS", MeasureNPS, "0–10", "Anna")
	if err != nil || m.OwnerID != "P1" {
		t.Fatalf("measure owner picked by name: %+v %v", m, err)
	}
	a, err := s.AddAction(ActionAct, "Soita asiakkaalle", "", "Maija Ulkopuolinen", "2026-12-31", "", "")
	if err != nil || a.OwnerName != "Maija Ulkopuolinen" || a.Status != ActionOpen {
		t.Fatalf("action: %+v %v", a, err)
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("session after the operations: %v", err)
	}
}

func TestWithdrawCardRefusesWhatOthersReferTo(t *testing.T) {
	s := roomSession()
	d, _ := s.AddDraft("Oma luonnos", nil, "P1")
	if err := s.SetCardText(CardDraft, d.ID, "Korjattu luonnos"); err != nil {
		t.Fatal(err)
	}
	if txt, ok := s.CardText(CardDraft, d.ID); !ok || txt != "Korjattu luonnos" {
		t.Fatalf("edited text %q", txt)
	}
	if _, err := s.GiveDot("P2", d.ID); err != nil {
		t.Fatal(err)
	}
	var iu *InUseError
	if err := s.WithdrawCard(CardDraft, d.ID); !errors.As(err, &iu) || iu.By != "dot_votes" {
		t.Fatalf("withdraw of a voted draft: %v", err)
	}
	s.TakeDot("P2", d.ID)
	if err := s.WithdrawCard(CardDraft, d.ID); err != nil || s.Draft(d.ID) != nil {
		t.Fatalf("withdraw: %v", err)
	}
	if err := s.WithdrawCard(CardDraft, d.ID); !errors.Is(err, ErrNoCard) {
		t.Fatalf("second withdraw: %v", err)
	}
	seg, _ := s.AddSegment("B2B", "")
	it, _ := s.AddProfileItem(seg.ID, ItemGain, "Nopeus", EvidenceCustomerSaid)
	if err := s.WithdrawCard(CardSegment, seg.ID); !errors.As(err, &iu) {
		t.Fatalf("withdraw of a segment with items: %v", err)
	}
	if err := s.WithdrawCard(CardProfileItem, it.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.WithdrawCard(CardSegment, seg.ID); err != nil || len(s.Segments) != 0 {
		t.Fatalf("withdraw of an empty segment: %v", err)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestMooreTextInBothLanguages(t *testing.T) {
	m := Moore{For: "pk-yrityksille", Need: "tarvitsevat varaston", Benefit: "saat tilan heti", Unlike: "isot toimijat", Differentiator: "vastaamme samana päivänä"}
	if got := MooreText(m, "fi"); got != "pk-yrityksille, joka tarvitsevat varaston, saat tilan heti. Toisin kuin isot toimijat, vastaamme samana päivänä." {
		t.Errorf("fi: %q", got)
	}
	m = Moore{For: "small firms", Need: "need storage", Differentiator: "we answer the same day"}
	if got := MooreText(m, "en"); got != "For small firms, who need storage. we answer the same day." {
		t.Errorf("en: %q", got)
	}
	if MooreText(Moore{}, "fi") != "" {
		t.Error("empty scaffold gives text")
	}
}

// The ladder's three operations (rung, would-buy, note) keep what the others
// set, refuse bad input without a change, and never make two votes for one
// participant.
func TestLadderOperationsShareOneVote(t *testing.T) {
	s := roomSession()
	p := s.Participants[0].ID
	if _, err := s.SetRung(p, 4); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWouldBuy(p, BuyMaybe, "Hinta ratkaisee"); err != nil {
		t.Fatal(err)
	}
	v, err := s.SetLadderNote(p, "Kertoi esimerkin 😊")
	if err != nil {
		t.Fatal(err)
	}
	want := LadderVote{ParticipantID: p, Level: 4, WouldBuy: BuyMaybe, WhyBuy: "Hinta ratkaisee", Note: "Kertoi esimerkin 😊"}
	if !reflect.DeepEqual(v, want) || len(s.Ladder) != 1 || !reflect.DeepEqual(s.Ladder[0], want) {
		t.Fatalf("ladder %+v, returned %+v", s.Ladder, v)
	}
	long := strings.Repeat("ä", MaxTextBytes)
	refusedUnchanged(t, s, "long note", ProblemTooLong, func(s *Session) error { _, err := s.SetLadderNote(p, long); return err })
	refusedUnchanged(t, s, "note of nobody", ProblemUnknown, func(s *Session) error { _, err := s.SetLadderNote("P404", "x"); return err })
	refusedUnchanged(t, s, "rung 6", ProblemInvalid, func(s *Session) error { _, err := s.SetRung(p, 6); return err })
	refusedUnchanged(t, s, "would buy 'sure'", ProblemInvalid, func(s *Session) error { _, err := s.SetWouldBuy(p, "sure", ""); return err })
}

// The setup's participant kind and step 7's validation status take only
// the values the session file allows; a kind or a customer-facing mark
// for someone not in the session is refused.
func TestKindAndValidationStatusTakeOnlyTheirValues(t *testing.T) {
	s := roomSession()
	p := s.Participants[0].ID
	if err := s.SetParticipantKind(p, KindCustomer); err != nil || s.Participant(p).Kind != KindCustomer {
		t.Fatalf("kind: %v %q", err, s.Participant(p).Kind)
	}
	if err := s.SetValidationStatus(ValidationPending); err != nil || s.Decision.ValidationStatus != ValidationPending {
		t.Fatalf("status: %v %q", err, s.Decision.ValidationStatus)
	}
	refusedUnchanged(t, s, "kind 'boss'", ProblemInvalid, func(s *Session) error { return s.SetParticipantKind(p, "boss") })
	refusedUnchanged(t, s, "kind of nobody", ProblemUnknown, func(s *Session) error { return s.SetParticipantKind("P404", KindGuest) })
	if err := s.SetParticipantCustomerFacing(p, true); err != nil || !s.Participant(p).CustomerFacing {
		t.Fatalf("customer facing: %v %v", err, s.Participant(p).CustomerFacing)
	}
	refusedUnchanged(t, s, "customer facing of nobody", ProblemUnknown, func(s *Session) error { return s.SetParticipantCustomerFacing("P404", true) })
	refusedUnchanged(t, s, "status 'maybe'", ProblemInvalid, func(s *Session) error { return s.SetValidationStatus("maybe") })
	if err := s.SetValidationStatus(""); err != nil {
		t.Errorf("clearing the status: %v", err)
	}
}

// A guest's name is kept clean: no control or invisible characters, one
// plain space between words.
func TestGuestNamesAreKeptClean(t *testing.T) {
	s := roomSession()
	g, err := s.AddGuest("\u202eVieras\u202c \u00a0\u200b Ville\u0000 ")
	if err != nil || g.Name != "Vieras Ville" {
		t.Fatalf("%q %v", g.Name, err)
	}
	if CleanName("Åsa  Öberg-Ärlig 🙂") != "Åsa Öberg-Ärlig 🙂" {
		t.Fatalf("a name as typed: %q", CleanName("Åsa  Öberg-Ärlig 🙂"))
	}
}
