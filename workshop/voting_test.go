package workshop

import (
	"errors"
	"testing"
	"time"
)

func votingSession() *Session {
	s := NewSession("fi")
	s.Participants = []Participant{{ID: "P1", Name: "Anna"}, {ID: "P2", Name: "Jussi"}}
	s.Drafts = []Draft{{ID: "D1", Text: "Yksi"}, {ID: "D2", Text: "Kaksi"}, {ID: "D3", Text: "Kolme"}, {ID: "D4", Text: "Neljä"}}
	return s
}

func TestGiveDotRefusesBeyondTheLimit(t *testing.T) {
	s := votingSession()
	s.Dots = 2
	if v, err := s.GiveDot("P1", "D1"); err != nil || v.Dots != 1 {
		t.Fatalf("first dot: %+v %v", v, err)
	}
	if v, err := s.GiveDot("P1", "D1"); err != nil || v.Dots != 2 {
		t.Fatalf("second dot: %+v %v", v, err)
	}
	_, err := s.GiveDot("P1", "D2")
	var de *DotsError
	if !errors.As(err, &de) || de.Max != 2 || de.Given != 2 {
		t.Fatalf("third dot not refused: %v", err)
	}
	if s.DotsGiven("P1") != 2 || s.DotsLeft("P1") != 0 || s.DotsLeft("P2") != 2 {
		t.Fatalf("given %d, left %d/%d", s.DotsGiven("P1"), s.DotsLeft("P1"), s.DotsLeft("P2"))
	}
	if _, err := s.GiveDot("P9", "D1"); err == nil {
		t.Fatal("dot of an unknown participant accepted")
	}
}

func TestTakeDotRemovesTheLastAndRefusesNone(t *testing.T) {
	s := votingSession()
	s.GiveDot("P1", "D1")
	s.GiveDot("P1", "D1")
	if v, gone, err := s.TakeDot("P1", "D1"); err != nil || gone || v.Dots != 1 {
		t.Fatalf("take one of two: %+v %v %v", v, gone, err)
	}
	if v, gone, err := s.TakeDot("P1", "D1"); err != nil || !gone || v.DraftID != "D1" {
		t.Fatalf("take the last: %+v %v %v", v, gone, err)
	}
	if len(s.DotVotes) != 0 {
		t.Fatalf("votes left: %+v", s.DotVotes)
	}
	var de *DotsError
	if _, _, err := s.TakeDot("P1", "D1"); !errors.As(err, &de) || !de.TakeBack {
		t.Fatalf("taking a dot that is not there: %v", err)
	}
}

func TestSetDotsRefusesBelowGivenAndOutOfRange(t *testing.T) {
	s := votingSession()
	s.Dots = 5
	for i := 0; i < 4; i++ {
		if _, err := s.GiveDot("P2", "D2"); err != nil {
			t.Fatal(err)
		}
	}
	var se *SetDotsError
	if err := s.SetDots(3); !errors.As(err, &se) || se.Over != "P2" || se.OverGiven != 4 {
		t.Fatalf("lowering below given: %v", err)
	}
	for _, n := range []int{0, -1, MaxDots + 1} {
		if err := s.SetDots(n); err == nil {
			t.Fatalf("%d dots accepted", n)
		}
	}
	if err := s.SetDots(4); err != nil || s.Dots != 4 {
		t.Fatalf("SetDots(4): %v, %d", err, s.Dots)
	}
}

func TestParseScores(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [NumCriteria]int
		ok   bool
	}{
		{"55434545", [8]int{5, 5, 4, 3, 4, 5, 4, 5}, true},
		{"5 5 4 3, 4 5 4 5", [8]int{5, 5, 4, 3, 4, 5, 4, 5}, true},
		{"1-1-1-1-", [8]int{1, 0, 1, 0, 1, 0, 1, 0}, true},
		{"  ", [8]int{}, false},
	} {
		got, ok, err := ParseScores(c.in)
		if err != nil || ok != c.ok || got != c.want {
			t.Errorf("ParseScores(%q) = %v %v %v", c.in, got, ok, err)
		}
	}
	var se *ScoresError
	if _, _, err := ParseScores("5x"); !errors.As(err, &se) || se.Pos != 2 || se.Char != "x" {
		t.Errorf("5x: %v", err)
	}
	if _, _, err := ParseScores("55436"); !errors.As(err, &se) || se.Char != "6" {
		t.Errorf("a 6: %v", err)
	}
	if _, _, err := ParseScores("5543"); !errors.As(err, &se) || se.Count != 4 {
		t.Errorf("too short: %v", err)
	}
	if _, _, err := ParseScores("554345451"); !errors.As(err, &se) || se.Count != 9 {
		t.Errorf("too long: %v", err)
	}
	if _, _, err := ParseScores("5543454😀"); !errors.As(err, &se) || se.Char != "😀" {
		t.Errorf("emoji: %v", err)
	}
	if FormatScores([8]int{5, 5, 4, 3, 4, 5, 4, 5}) != "55434545" || FormatScores([8]int{}) != "" || FormatScores([8]int{1}) != "1-------" {
		t.Error("FormatScores")
	}
}

func TestSetScoresUpsertsAndRemoves(t *testing.T) {
	s := votingSession()
	sc := [8]int{5, 5, 4, 3, 4, 5, 4, 5}
	if r, gone := s.SetScores("P1", "D1", sc, true); gone || r.Scores != sc || len(s.Ratings) != 1 {
		t.Fatalf("add: %+v", s.Ratings)
	}
	sc[0] = 1
	s.SetScores("P1", "D1", sc, true)
	if len(s.Ratings) != 1 || s.RatingOf("P1", "D1").Scores[0] != 1 {
		t.Fatalf("change: %+v", s.Ratings)
	}
	if _, gone := s.SetScores("P1", "D1", [8]int{}, false); !gone || len(s.Ratings) != 0 {
		t.Fatalf("remove: %+v", s.Ratings)
	}
	if _, gone := s.SetScores("P1", "D1", [8]int{}, false); gone || len(s.Ratings) != 0 {
		t.Fatal("removing nothing")
	}
}

func TestRatingDraftsShortlistOrTopThree(t *testing.T) {
	s := votingSession()
	if ids, short := s.RatingDrafts(); short || len(ids) != len(s.Drafts) {
		t.Fatalf("no shortlist and no dots should rate every draft: %v %v", ids, short)
	}
	s.Dots = 5
	for _, d := range []string{"D4", "D4", "D2", "D3", "D3", "D3"} {
		if _, err := s.GiveDot("P1", d); err != nil {
			if _, err := s.GiveDot("P2", d); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids, short := s.RatingDrafts()
	if short || len(ids) != 3 || ids[0] != "D3" || ids[1] != "D4" || ids[2] != "D2" {
		t.Fatalf("top three: %v %v", ids, short)
	}
	if s.WinningDraft() != "D3" {
		t.Fatalf("winner %s", s.WinningDraft())
	}
	s.Drafts[0].Shortlisted = true
	if ids, short := s.RatingDrafts(); !short || len(ids) != 1 || ids[0] != "D1" {
		t.Fatalf("shortlist: %v %v", ids, short)
	}
}

func TestConsentConcernsAndNewRound(t *testing.T) {
	s := votingSession()
	if _, err := s.SetFingers("P1", 6); err == nil {
		t.Fatal("6 fingers accepted")
	}
	if _, err := s.SetFingers("P1", -1); err == nil {
		t.Fatal("-1 fingers accepted")
	}
	s.SetFingers("P1", 2)
	s.SetFingers("P2", 4)
	if _, h, err := s.SetConcern("P1", "Liian"); err != nil || !h {
		t.Fatal(err)
	}
	if _, h, _ := s.SetConcern("P1", "Liian kova lupaus"); !h {
		t.Fatal("edit not reported")
	}
	if got := s.Decision.OpenConcerns; len(got) != 1 || got[0] != "Anna: Liian kova lupaus" {
		t.Fatalf("open concerns: %q", got)
	}
	if cs := s.ConsentResult(); cs.Reached || cs.Lowest != 2 {
		t.Fatalf("result: %+v", cs)
	}
	gone := s.NewConsentRound()
	if len(gone) != 2 || len(s.Consent) != 0 || s.Decision.ConsentRound != 2 {
		t.Fatalf("new round: %d gone, %d left, round %d", len(gone), len(s.Consent), s.Decision.ConsentRound)
	}
	if len(s.Decision.OpenConcerns) != 1 {
		t.Fatalf("concerns after the round: %q", s.Decision.OpenConcerns)
	}
	if _, _, err := s.SetConcern("P2", "x"); err == nil {
		t.Fatal("concern without fingers accepted")
	}
}

func TestVersionsSaveAndRestore(t *testing.T) {
	s := votingSession()
	t0 := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	if _, ok := s.SaveVersion(t0, ""); ok {
		t.Fatal("empty wording saved as a version")
	}
	s.Decision.FinalText = "Tiedät aina."
	v1, ok := s.SaveVersion(t0, "")
	if !ok {
		t.Fatal("first version not saved")
	}
	if _, ok := s.SaveVersion(t0.Add(time.Minute), ""); ok {
		t.Fatal("same wording saved twice")
	}
	s.Decision.FinalText = "Tiedät aina, missä tavarasi menee."
	s.SaveVersion(t0, "") // same second as v1: must still sort after it
	nv, ok, err := s.RestoreVersion(v1.ID, t0.Add(2*time.Minute), "palautettu")
	if err != nil || !ok || s.Decision.FinalText != "Tiedät aina." || nv.Text != "Tiedät aina." {
		t.Fatalf("restore: %+v %v %v %q", nv, ok, err, s.Decision.FinalText)
	}
	vs := s.VersionsByTime()
	if len(vs) != 3 || vs[0].ID != v1.ID || vs[2].ID != nv.ID || vs[1].At <= vs[0].At {
		t.Fatalf("versions: %+v", vs)
	}
	if _, _, err := s.RestoreVersion("nope", t0, ""); err == nil {
		t.Fatal("unknown version restored")
	}
}

func TestRejectionsHintsAndOwners(t *testing.T) {
	s := votingSession()
	s.SetRejection("D2", "Ei erota")
	s.SetRejection("D2", "Ei erota meitä")
	if len(s.Decision.Rejected) != 1 || s.Rejection("D2") != "Ei erota meitä" {
		t.Fatalf("%+v", s.Decision.Rejected)
	}
	s.SetRejection("D2", " ")
	if len(s.Decision.Rejected) != 0 {
		t.Fatal("empty reason kept")
	}
	if h := s.MeasureHints(); len(h) != 3 {
		t.Fatalf("hints %v", h)
	}
	s.Measures = []Measure{{ID: "M1", Type: MeasureCES}, {ID: "M2", Type: MeasureOperational}}
	if h := s.MeasureHints(); len(h) != 1 || h[0] != HintNoEmployeeMeasure {
		t.Fatalf("hints %v", h)
	}
	var id, name string
	s.SetOwner("Anna", &id, &name)
	if id != "P1" || name != "" {
		t.Fatalf("participant owner: %q %q", id, name)
	}
	s.SetOwner(" Pekka Ulkopuolinen ", &id, &name)
	if id != "" || name != "Pekka Ulkopuolinen" {
		t.Fatalf("outside owner: %q %q", id, name)
	}
	if noOwner, noDue := s.ActionGaps(Action{OwnerID: "P2", Due: ""}); noOwner || !noDue {
		t.Fatal("gaps")
	}
}

func TestParseFingers(t *testing.T) {
	got, err := ParseFingers("5 4-2", 6)
	if err != nil || len(got) != 4 || got[0] != 5 || got[2] != -1 || got[3] != 2 {
		t.Fatalf("%v %v", got, err)
	}
	var fe *FingersError
	if _, err := ParseFingers("546", 6); !errors.As(err, &fe) || fe.Char != "6" || fe.Pos != 3 {
		t.Fatalf("6 fingers: %v", err)
	}
	if _, err := ParseFingers("5555555", 6); !errors.As(err, &fe) || fe.Count != 7 {
		t.Fatalf("too many: %v", err)
	}
	if got, err := ParseFingers("", 6); err != nil || len(got) != 0 {
		t.Fatalf("empty: %v %v", got, err)
	}
}
