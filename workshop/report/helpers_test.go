package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
)

// small is a hand-made session with one of everything, for tests that
// need exact values; the fixture package has the realistic ones.
func small() *workshop.Session {
	s := workshop.NewSession("fi")
	s.CreatedAt = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s.UpdatedAt = time.Date(2026, 11, 20, 12, 30, 0, 0, time.UTC)
	s.Title = "Asiakaslupaus 2027"
	s.Organisation = "Åströmin Särkät Oy"
	s.Date = "2026-11-20"
	s.Place = "Jyväskylä"
	s.Facilitator = "Öljy-Päivi Ström"
	s.NextReviewDate = "2027-05-04"
	s.Participants = []workshop.Participant{
		{ID: "p1", Name: "Säde Björkqvist", Role: "Toimitusjohtaja", Kind: workshop.KindEmployee},
		{ID: "p2", Name: "Åke Öhman", Role: "Asiakaspalvelu", Kind: workshop.KindEmployee, CustomerFacing: true},
		{ID: "p3", Name: "Jürgen Łukasz", Role: "Ostaja", Kind: workshop.KindCustomer},
	}
	s.Ladder = []workshop.LadderVote{
		{ParticipantID: "p1", Level: 2, WouldBuy: workshop.BuyYes, WhyBuy: "Hinta on kohdallaan."},
		{ParticipantID: "p2", Level: 1, WouldBuy: workshop.BuyMaybe},
		{ParticipantID: "p3", Level: 1, WouldBuy: workshop.BuyNo, WhyBuy: "En tiedä, mitä luvataan."},
	}
	s.Purpose = workshop.Purpose{Why: "Jotta kala on tuoretta.", Whom: "Ravintolat.", Value: "Varmuus."}
	s.Segments = []workshop.Segment{{ID: "s1", Name: "Ravintolat", Focus: true}}
	s.ProfileItems = []workshop.ProfileItem{
		{ID: "i1", SegmentID: "s1", Type: workshop.ItemJob, Text: "Saada kala ajoissa", Importance: 3, Evidence: workshop.EvidenceCustomerSaid},
		{ID: "i2", SegmentID: "s1", Type: workshop.ItemPain, Text: "Myöhästymiset", Importance: 3, Evidence: workshop.EvidenceAssumption},
	}
	s.ValueItems = []workshop.ValueItem{{ID: "v1", SegmentID: "s1", Type: workshop.ValuePainReliever, Text: "Tekstiviesti ennen toimitusta", Addresses: []string{"i2"}, DeliveredToday: "no"}}
	s.Drafts = []workshop.Draft{
		{ID: "d1", Text: "Kala perillä aamuseitsemältä – aina.", AuthorIDs: []string{"p2"}},
		{ID: "d2", Text: "Pohjolan tuorein särki.", Shortlisted: false},
	}
	s.DotVotes = []workshop.DotVote{{ParticipantID: "p1", DraftID: "d1", Dots: 2}, {ParticipantID: "p3", DraftID: "d2", Dots: 1}}
	s.Ratings = []workshop.Rating{
		{ParticipantID: "p1", DraftID: "d1", Scores: [8]int{5, 5, 4, 3, 3, 4, 4, 5}},
		{ParticipantID: "p3", DraftID: "d1", Scores: [8]int{4, 5, 1, 3, 3, 4, 4, 5}},
		{ParticipantID: "p1", DraftID: "d2", Scores: [8]int{3, 2, 2, 1, 2, 1, 2, 2}},
	}
	s.Decision = workshop.Decision{
		ChosenDraftID:    "d1",
		FinalText:        "Kala on keittiössäsi aamuseitsemältä, ja jos ei ole, kuulet siitä meiltä ennen kuutta.",
		FinalTextAlt:     "The fish is in your kitchen by seven, and if not, you hear it from us before six.",
		Rationale:        "Eniten pisteitä. Osuu tärkeimpään kipuun. Asiakas tunnisti sen. Neljäs lause ei kuulu yhteenvetoon.",
		Rejected:         []workshop.Rejection{{DraftID: "d2", Reason: "Ei mitattavissa."}},
		OpenConcerns:     []string{"Talvikelit"},
		ValidationStatus: workshop.ValidationPending,
		ValidationPlan:   "Viisi asiakashaastattelua tammikuussa.",
	}
	s.Consent = []workshop.Consent{{ParticipantID: "p1", Fingers: 5}, {ParticipantID: "p2", Fingers: 2, Concern: "Kuljettajat eivät ehdi."}, {ParticipantID: "p3", Fingers: 4}}
	s.Measures = []workshop.Measure{
		{ID: "m1", Name: "Ajoissa perillä", Type: workshop.MeasureOperational, Baseline: "81 %", Target: "97,5 %", TargetDate: "2027-06-30", OwnerID: "p2", Frequency: "viikoittain"},
		{ID: "m2", Name: "NPS", Type: workshop.MeasureNPS, Target: "+35", OwnerName: "Kirsi Ääpälä"},
	}
	s.Actions = []workshop.Action{
		{ID: "a1", Kind: workshop.ActionUnderstand, Text: "Haastatellaan viisi ravintolaa", OwnerID: "p1", Due: "2027-01-29"},
		{ID: "a2", Kind: workshop.ActionAct, Text: "Tekstiviestipohja kuljettajille", OwnerName: "Örjan Vähä-Äijälä", Due: "2027-02-12"},
		{ID: "a3", Kind: workshop.ActionMobilise, Text: "Johtoryhmän päätös", Due: "2027-03-01"},
		{ID: "a4", Kind: workshop.ActionMobilise, Text: "Kerrotaan koko henkilöstölle", OwnerID: "p2"},
	}
	s.ParkingLot = []workshop.Note{{ID: "n1", Text: "Pakkausmateriaalit"}}
	s.PrivateNotes = map[string]string{"decision": "SALAINEN-MUISTIINPANO Säde epäröi"}
	return s
}

// pdfText writes the session's PDF and returns what pdftotext reads from it.
func pdfText(t testing.TB, s *workshop.Session, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return readBack(t, buf.Bytes())
}

// readBack extracts the text of PDF bytes with poppler's pdftotext.
func readBack(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// flat folds all whitespace to single spaces, since wrapping puts line
// breaks anywhere in a long text.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// pages is the page count of a PDF according to pdfinfo.
func pages(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "Pages:"))
		}
	}
	return ""
}
