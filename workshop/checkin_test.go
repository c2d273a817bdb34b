package workshop_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

var checkinNow = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

func newCheckin(t *testing.T) (*workshop.Session, *workshop.Session) {
	t.Helper()
	w := fixture.Nordrahti()
	w.ID = 7
	c, err := workshop.NewCheckin(w, "2027-03-10", "90min", checkinNow)
	if err != nil {
		t.Fatal(err)
	}
	return w, c
}

func TestNewCheckinCarriesOverThePromiseMeasuresActionsAndPeople(t *testing.T) {
	w, c := newCheckin(t)
	before := workshop.Clone(w)
	if !c.IsCheckin() || c.FollowsID != 7 || c.Date != "2027-03-10" {
		t.Fatalf("kind %q follows %d date %s", c.Kind, c.FollowsID, c.Date)
	}
	if c.Decision.FinalText != w.Decision.FinalText || c.Decision.ValidationStatus != w.Decision.ValidationStatus {
		t.Fatalf("promise %q / %q", c.Decision.FinalText, c.Decision.ValidationStatus)
	}
	if len(c.Measures) != 3 || len(c.Actions) != 5 || len(c.Participants) != 6 || len(c.Segments) != 2 {
		t.Fatalf("carried %d measures, %d actions, %d participants, %d segments", len(c.Measures), len(c.Actions), len(c.Participants), len(c.Segments))
	}
	if len(c.Drafts) != 0 || len(c.Ladder) != 0 || len(c.Ratings) != 0 || len(c.ProfileItems) != 0 {
		t.Fatalf("workshop-only records carried over: %d drafts, %d ladder", len(c.Drafts), len(c.Ladder))
	}
	if c.Checkin.FollowsDate != "2026-12-03" || c.Checkin.WorkshopDate != "2026-12-03" || c.Checkin.WorkshopLadder != w.LadderCounts() {
		t.Fatalf("check-in info %+v", c.Checkin)
	}
	if c.Checkin.RoomCore[0] < 1 || c.Checkin.RoomCore[0] > 5 {
		t.Fatalf("room's C1 of the chosen draft: %v", c.Checkin.RoomCore)
	}
	var steps []string
	total := 0
	for _, a := range c.Agenda {
		steps = append(steps, a.Step)
		total += a.PlannedMin
	}
	if total != 90 || steps[0] != workshop.StepCIActions || steps[5] != workshop.StepCINext {
		t.Fatalf("agenda %v, %d min", steps, total)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	// The workshop itself is not touched, and editing the check-in leaves it alone.
	c.Actions[0].Text = "muutettu"
	c.Participants[0].Name = "muutettu"
	if w.Actions[0].Text != before.Actions[0].Text || w.Participants[0].Name != before.Participants[0].Name {
		t.Fatal("the check-in shares memory with the workshop")
	}
	if _, err := workshop.NewCheckin(nil, "", "", checkinNow); err == nil {
		t.Fatal("check-in of nothing")
	}
	var ce *workshop.CheckinError
	if _, err := workshop.NewCheckin(w, "10.3.2027", "", checkinNow); !errors.As(err, &ce) {
		t.Fatalf("bad date: %v", err)
	}
	if _, err := workshop.NewCheckin(w, "", "2h", checkinNow); !errors.As(err, &ce) {
		t.Fatalf("bad preset: %v", err)
	}
	if c45, _ := workshop.NewCheckin(w, "", "", checkinNow); workshop.PlannedTotal(c45.Agenda) != 45 || c45.Date != "2027-03-10" {
		t.Fatalf("default: %d min on %s", workshop.PlannedTotal(c45.Agenda), c45.Date)
	}
	// Made before the workshop's day, a check-in is dated that day, not
	// before the workshop it follows; a date given is kept, unless it is
	// before the workshop.
	ahead := checkinNow.AddDate(0, -6, 0)
	if c, _ := workshop.NewCheckin(w, "", "", ahead); c.Date != w.Date {
		t.Fatalf("made on %s before the workshop of %s: dated %s", ahead.Format(time.DateOnly), w.Date, c.Date)
	}
	if c, _ := workshop.NewCheckin(w, "2027-01-15", "", ahead); c.Date != "2027-01-15" {
		t.Fatalf("the date given: %s", c.Date)
	}
	if _, err := workshop.NewCheckin(w, "2020-01-01", "", ahead); !errors.As(err, &ce) || !strings.Contains(err.Error(), "before") {
		t.Fatalf("a check-in before its workshop of %s: %v", w.Date, err)
	}
	// Its date set in its setup: not before the workshop either.
	c, _ = workshop.NewCheckin(w, "", "", checkinNow)
	var ie *workshop.InputError
	if err := c.SetSessionField("date", "2020-01-01"); !errors.As(err, &ie) || ie.Problem != workshop.ProblemTooEarly || c.Date == "2020-01-01" {
		t.Fatalf("the setup's date before the workshop: %v, dated %s", err, c.Date)
	}
	if err := c.SetSessionField("date", w.Date); err != nil {
		t.Fatalf("the workshop's own day: %v", err)
	}
}

func TestSecondCheckinFollowsTheFirstAndKeepsTheWorkshopsPlacements(t *testing.T) {
	w, c := newCheckin(t)
	c.ID = 8
	if _, err := c.AddReading("M1", "52", "", "ERP, helmikuu"); err != nil {
		t.Fatal(err)
	}
	c.ValidationAnswers = nil
	if _, err := c.AddAnswer(workshop.ValidationAnswer{SegmentID: "S1", Understood: workshop.UnderstoodYes, Meaningful: 5, Differentiating: 4, WouldChoose: "yes", UnderstoodAs: "Tiedän missä lähetys on"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetLadder(c.Participants[0].ID, 4); err != nil {
		t.Fatal(err)
	}
	c2, err := workshop.NewCheckin(c, "2027-06-10", "45min", checkinNow)
	if err != nil {
		t.Fatal(err)
	}
	if c2.FollowsID != 8 || c2.Checkin.FollowsKind != workshop.SessionCheckin || c2.Checkin.FollowsDate != "2027-03-10" {
		t.Fatalf("second check-in: %+v", c2.Checkin)
	}
	if c2.Checkin.WorkshopDate != w.Date || c2.Checkin.WorkshopLadder != w.LadderCounts() || c2.Checkin.PreviousLadder != c.LadderCounts() {
		t.Fatalf("placements: %+v", c2.Checkin)
	}
	if len(c2.Readings) != 1 || !c2.Readings[0].Earlier || len(c2.ValidationAnswers) != 1 || !c2.ValidationAnswers[0].Earlier {
		t.Fatalf("earlier readings %+v answers %+v", c2.Readings, c2.ValidationAnswers)
	}
	if c.Readings[0].Earlier {
		t.Fatal("the first check-in's own reading was marked earlier")
	}
}

func TestActionStatusNoteDateAndLateness(t *testing.T) {
	_, c := newCheckin(t)
	a, err := c.SetActionStatus("A5", workshop.ActionDone, "Tehty joulukuussa", "2026-12-20")
	if err != nil || a.Status != workshop.ActionDone || a.StatusNote != "Tehty joulukuussa" || a.StatusDate != "2026-12-20" {
		t.Fatalf("%+v %v", a, err)
	}
	if a, err := c.SetActionStatus("A2", workshop.ActionInProgress, "", ""); err != nil || a.StatusDate != c.Date {
		t.Fatalf("default date: %+v %v", a, err)
	}
	if _, err := c.SetActionStatus("A3", workshop.ActionDropped, "Ei enää tarpeen", ""); err != nil {
		t.Fatal(err)
	}
	var ie *workshop.InputError
	for _, bad := range []struct{ id, status, date string }{{"A9", "done", ""}, {"A1", "finished", ""}, {"A1", "done", "2027-02-30"}} {
		if _, err := c.SetActionStatus(bad.id, bad.status, "", bad.date); !errors.As(err, &ie) {
			t.Errorf("%v accepted: %v", bad, err)
		}
	}
	// On 10.3.2027: A1 (29.1., open), A2 (15.1., in progress), A4 (29.1.) are late;
	// A5 is done, A3 dropped.
	var late []string
	for _, a := range c.LateActions() {
		late = append(late, a.ID)
	}
	if strings.Join(late, ",") != "A1,A2,A4" {
		t.Fatalf("late %v", late)
	}
	n, err := c.AddAction(workshop.ActionAct, "  Soita viidelle asiakkaalle  ", "P1", "", "2027-04-01", "", "")
	if err != nil || n.Text != "Soita viidelle asiakkaalle" || n.Status != workshop.ActionOpen {
		t.Fatalf("%+v %v", n, err)
	}
	if got := c.NewActions(); len(got) != 1 || got[0].ID != n.ID {
		t.Fatalf("new actions %+v", got)
	}
	if _, err := c.AddAction("act_now", "x", "", "", "", "", ""); !errors.As(err, &ie) {
		t.Fatalf("bad kind: %v", err)
	}
	if _, err := c.AddAction(workshop.ActionAct, " ", "", "", "", "", ""); !errors.As(err, &ie) {
		t.Fatalf("empty text: %v", err)
	}
	if _, err := c.AddAction(workshop.ActionAct, "x", "P99", "", "", "", ""); !errors.As(err, &ie) {
		t.Fatalf("unknown owner: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestMeasureTrackAgainstBaselineAndTarget(t *testing.T) {
	_, c := newCheckin(t)
	// M1: 41 on 31.10.2026 → 85 by 30.6.2027. On 10.3.2027 a straight line asks
	// for (130/242) of the way: 41 + 44·0.537 = 64.6.
	if tr := c.MeasureTrack("M1"); tr.Status != workshop.TrackUnknown || tr.Latest != nil {
		t.Fatalf("no readings: %+v", tr)
	}
	c.AddReading("M1", "58", "2027-01-31", "")
	c.AddReading("M1", "63", "2027-03-10", "ERP")
	tr := c.MeasureTrack("M1")
	if tr.Status != workshop.TrackOff || tr.Trend != 1 || tr.Latest.Value != "63" {
		t.Fatalf("63 on 10.3.: %+v", tr)
	}
	if tr.Expected < 0.53 || tr.Expected > 0.54 || tr.Progress < 0.49 || tr.Progress > 0.51 {
		t.Fatalf("expected %.3f progress %.3f", tr.Expected, tr.Progress)
	}
	c.AddReading("M1", "66", "2027-03-10", "")
	if tr := c.MeasureTrack("M1"); tr.Status != workshop.TrackOn {
		t.Fatalf("66: %+v", tr)
	}
	c.AddReading("M1", "86 %", "2027-05-01", "")
	if tr := c.MeasureTrack("M1"); tr.Status != workshop.TrackReached {
		t.Fatalf("86: %+v", tr)
	}
	// M2 has no baseline: it cannot be judged.
	c.AddReading("M2", "5,1", "", "")
	if tr := c.MeasureTrack("M2"); tr.Status != workshop.TrackUnknown || len(tr.Readings) != 1 {
		t.Fatalf("M2: %+v", tr)
	}
	// A measure going down: baseline 10, target 4, no dates.
	c.Measures = append(c.Measures, workshop.Measure{ID: "M9", Name: "Reklamaatiot", Baseline: "10", Target: "4"})
	c.AddReading("M9", "12", "2027-01-01", "")
	if tr := c.MeasureTrack("M9"); tr.Status != workshop.TrackOff || tr.Trend != -1 {
		t.Fatalf("M9 up: %+v", tr)
	}
	c.AddReading("M9", "7", "2027-02-01", "")
	if tr := c.MeasureTrack("M9"); tr.Status != workshop.TrackOn || tr.Trend != 1 {
		t.Fatalf("M9 down: %+v", tr)
	}
	var ie *workshop.InputError
	for _, bad := range [][3]string{{"M7", "1", ""}, {"M1", " ", ""}, {"M1", "1", "1.1.2027"}} {
		if _, err := c.AddReading(bad[0], bad[1], bad[2], ""); !errors.As(err, &ie) {
			t.Errorf("%v accepted: %v", bad, err)
		}
	}
	r := c.Readings[1]
	removed, err := c.RemoveReading(r.ID)
	if err != nil || len(c.Readings) != 6 {
		t.Fatal(err)
	}
	if err := c.RestoreReading(removed); err != nil || c.Readings[1].ID != r.ID {
		t.Fatalf("restore: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

// A check-in refuses input with the same typed error as a workshop's cards,
// whose Problem code a front end turns into its own language's sentence.
func TestCheckinRefusalsCarryTheirProblemCodes(t *testing.T) {
	_, c := newCheckin(t)
	for _, bad := range []struct {
		field, problem string
		op             func() error
	}{
		{"measure_id", workshop.ProblemUnknown, func() error { _, err := c.AddReading("M404", "1", "", ""); return err }},
		{"value", workshop.ProblemEmpty, func() error { _, err := c.AddReading("M1", " ", "", ""); return err }},
		{"date", workshop.ProblemInvalid, func() error { _, err := c.AddReading("M1", "1", "1.1.2027", ""); return err }},
		{"source_note", workshop.ProblemTooLong, func() error {
			_, err := c.AddReading("M1", "1", "", strings.Repeat("ä", workshop.MaxTextBytes))
			return err
		}},
		{"reason", workshop.ProblemEmpty, func() error { _, err := c.RevisePromise("Uusi lupaus", "", " ", checkinNow); return err }},
		// The other language's old wording with a new one: two promises.
		{"text_alt", workshop.ProblemInvalid, func() error {
			c.Decision.FinalTextAlt = "You always know where your goods are."
			_, err := c.RevisePromise("Uusi lupaus", c.Decision.FinalTextAlt, "Syy", checkinNow)
			return err
		}},
		{"status", workshop.ProblemInvalid, func() error { _, err := c.SetActionStatus("A1", "finished", "", ""); return err }},
	} {
		var ie *workshop.InputError
		if err := bad.op(); !errors.As(err, &ie) || ie.Field != bad.field || ie.Problem != bad.problem {
			t.Errorf("%s: got %v, want %s %s", bad.field, err, bad.field, bad.problem)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"54": 54, "4,1": 4.1, "92 %": 92, "NPS -12": -12, "+35": 35, "1.5 pv": 1.5, "\u22123": -3} {
		if v, ok := workshop.ParseNumber(in); !ok || v != want {
			t.Errorf("%q: %v %v", in, v, ok)
		}
	}
	for _, in := range []string{"", "ei mitattu", "1.2.3"} {
		if _, ok := workshop.ParseNumber(in); ok {
			t.Errorf("%q parsed", in)
		}
	}
}

// Answers validate the wording they were given about: after a revision
// they no longer make the new wording validated, and the page and the PDF
// say how many are about the earlier one; taking away an answer the
// verdict rested on puts the status back to pending, while a status the
// answers never gave stays.
func TestValidationFollowsTheWording(t *testing.T) {
	_, c := newCheckin(t)
	for range 3 {
		if _, err := c.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 5, Differentiating: 4, UnderstoodAs: "omin sanoin"}); err != nil {
			t.Fatal(err)
		}
	}
	if c.ValidationAnswers[0].Wording != c.Decision.FinalText || c.AboutEarlier() != 0 {
		t.Fatalf("the answer's wording %q, the promise %q", c.ValidationAnswers[0].Wording, c.Decision.FinalText)
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone {
		t.Fatalf("three answers: %+v", v)
	}
	if _, err := c.RevisePromise("Kerromme muutoksista ennen kuin asiakas kysyy.", "", "Asiakkaat toivoivat tätä", time.Date(2027, 3, 3, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationPending || v.Reason != "too_few" || c.AboutEarlier() != 3 {
		t.Fatalf("after the revision: %+v, %d about the earlier wording", v, c.AboutEarlier())
	}
	// Three answers about the new wording validate it.
	for range 3 {
		if _, err := c.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 4, Differentiating: 4}); err != nil {
			t.Fatal(err)
		}
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone || c.CurrentView().Answers != 3 || c.CustomerView(false).Answers != 6 {
		t.Fatalf("three about the new wording: %+v", v)
	}
	// One of them taken away: pending again; put back, it stays pending
	// until the facilitator sets it from the answers again.
	r, err := c.RemoveAnswer(c.ValidationAnswers[5].ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Decision.ValidationStatus != workshop.ValidationPending {
		t.Fatalf("after removing an answer the status is %q", c.Decision.ValidationStatus)
	}
	if err := c.RestoreAnswer(r); err != nil || c.Decision.ValidationStatus != workshop.ValidationPending {
		t.Fatalf("restored: %v %q", err, c.Decision.ValidationStatus)
	}
	// An update that lowers a score below 3 takes the verdict away too.
	c.ApplyValidation()
	for _, i := range []int{4, 5} {
		low := c.ValidationAnswers[i]
		low.Meaningful, low.Differentiating = 1, 1
		if _, err := c.UpdateAnswer(low); err != nil {
			t.Fatal(err)
		}
	}
	if c.Decision.ValidationStatus != workshop.ValidationPending { // C2 (4+1+1)/3 < 3
		t.Fatalf("updated low: %q", c.Decision.ValidationStatus)
	}
	if c.ValidationAnswers[4].Wording != c.Decision.FinalText {
		t.Fatal("the update lost the answer's wording")
	}
	// A status the answers never gave (set by hand) stays when one goes.
	if err := c.SetValidationStatus(workshop.ValidationDone); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RemoveAnswer(c.ValidationAnswers[0].ID); err != nil || c.Decision.ValidationStatus != workshop.ValidationDone {
		t.Fatalf("a status set by hand: %v %q", err, c.Decision.ValidationStatus)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

// A customer's answer added after the promise was validated can take the
// verdict away, as an update or a removal can: a customer who did not
// understand it, with low scores, sends it back to pending; an answer that
// keeps the verdict keeps the status, and a status set by hand, which the
// answers never gave, stays.
func TestAnAddedAnswerKeepsTheValidationHonest(t *testing.T) {
	_, c := newCheckin(t)
	add := func(a workshop.ValidationAnswer) {
		t.Helper()
		if _, err := c.AddAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		add(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 4, Differentiating: 4})
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone {
		t.Fatalf("three answers: %+v", v)
	}
	add(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 5, Differentiating: 3})
	if c.Decision.ValidationStatus != workshop.ValidationDone {
		t.Fatalf("an answer that keeps the verdict: %q", c.Decision.ValidationStatus)
	}
	// C1 (5+5+5+5+1+1)/6 = 3.67, C3 (4+4+4+3+1+1)/6 = 2.83 < 3.
	add(workshop.ValidationAnswer{Understood: workshop.UnderstoodNo, Meaningful: 2, Differentiating: 1, UnderstoodAs: "Rahtia jossain"})
	add(workshop.ValidationAnswer{Understood: workshop.UnderstoodNo, Meaningful: 2, Differentiating: 1})
	v := c.CurrentView().Verdict()
	if v.Reason != "core_low" || len(v.Low) != 1 || v.Low[0] != 2 {
		t.Fatalf("the verdict after the rejections: %+v", v)
	}
	if c.Decision.ValidationStatus != workshop.ValidationPending {
		t.Fatalf("customers rate it below 3, and the promise is still %q", c.Decision.ValidationStatus)
	}
	if err := c.SetValidationStatus(workshop.ValidationDone); err != nil {
		t.Fatal(err)
	}
	add(workshop.ValidationAnswer{Understood: workshop.UnderstoodPartly, Meaningful: 3})
	if c.Decision.ValidationStatus != workshop.ValidationDone {
		t.Fatalf("a status set by hand: %q", c.Decision.ValidationStatus)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

// A criterion no answer assessed is not "below 3": the verdict names it
// not assessed (C1: nobody recorded whether the customer understood the
// promise), and the promise is not validated on it.
func TestACriterionNobodyAssessedIsNotLow(t *testing.T) {
	_, c := newCheckin(t)
	for range 3 {
		if _, err := c.AddAnswer(workshop.ValidationAnswer{UnderstoodAs: "Kuulen muutoksista ensin", Meaningful: 5, Differentiating: 4}); err != nil {
			t.Fatal(err)
		}
	}
	v := c.ApplyValidation()
	if v.Status != workshop.ValidationPending || v.Reason != "not_assessed" || len(v.Low) != 0 ||
		len(v.Unassessed) != 1 || v.Unassessed[0] != 0 {
		t.Fatalf("C1 not assessed: %+v", v)
	}
	// A low score beside it is low, and C1 still not assessed.
	low := c.ValidationAnswers[0]
	low.Differentiating = 1
	if _, err := c.UpdateAnswer(low); err != nil {
		t.Fatal(err)
	}
	for _, a := range c.ValidationAnswers[1:] {
		a.Differentiating = 2
		if _, err := c.UpdateAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	if v := c.CurrentView().Verdict(); v.Reason != "core_low" || len(v.Low) != 1 || v.Low[0] != 2 ||
		len(v.Unassessed) != 1 || v.Unassessed[0] != 0 {
		t.Fatalf("C3 low, C1 not assessed: %+v", v)
	}
	// Once C1 is filled in, with the scores back up, the answers validate it.
	for _, a := range c.ValidationAnswers {
		a.Understood, a.Differentiating = workshop.UnderstoodYes, 4
		if _, err := c.UpdateAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone || len(v.Unassessed) != 0 {
		t.Fatalf("all assessed: %+v", v)
	}
}

func TestCustomersAnswersSetTheValidationStatus(t *testing.T) {
	_, c := newCheckin(t)
	add := func(u string, m, d int, choose string) {
		t.Helper()
		if _, err := c.AddAnswer(workshop.ValidationAnswer{SegmentID: "S1", Method: workshop.MethodInterview, Understood: u, Meaningful: m, Differentiating: d, WouldChoose: choose, UnderstoodAs: "omin sanoin"}); err != nil {
			t.Fatal(err)
		}
	}
	add(workshop.UnderstoodYes, 5, 4, "yes")
	add(workshop.UnderstoodPartly, 4, 2, "maybe")
	if v := c.ApplyValidation(); v.Status != workshop.ValidationPending || v.Reason != "too_few" {
		t.Fatalf("two answers: %+v", v)
	}
	add(workshop.UnderstoodNo, 3, 2, "no")
	v := c.ApplyValidation()
	cs := c.CustomerView(false)
	// C1: (5+3+1)/3 = 3; C2: 4; C3: (4+2+2)/3 = 2.67 < 3.
	if v.Status != workshop.ValidationPending || v.Reason != "core_low" || len(v.Low) != 1 || v.Low[0] != 2 {
		t.Fatalf("C3 low: %+v %+v", v, cs)
	}
	if cs.Core[0] != 3 || cs.Core[1] != 4 || cs.Choose["yes"] != 1 || cs.Segments["S1"] != 3 {
		t.Fatalf("scores %+v", cs)
	}
	add(workshop.UnderstoodYes, 5, 5, "yes")
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone || c.Decision.ValidationStatus != workshop.ValidationDone {
		t.Fatalf("four answers: %+v", v)
	}
	var ie *workshop.InputError
	for _, bad := range []workshop.ValidationAnswer{
		{SegmentID: "S9", Meaningful: 3},
		{Meaningful: 6},
		{Differentiating: -1},
		{Method: "phone", Meaningful: 3},
		{WouldChoose: "sure"},
		{Understood: "kind of"},
		{Date: "2027-13-01", Meaningful: 1},
		{},
	} {
		if _, err := c.AddAnswer(bad); !errors.As(err, &ie) {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
	first := c.ValidationAnswers[0]
	first.Quote = "Tätä olen aina halunnut"
	if got, err := c.UpdateAnswer(first); err != nil || got.Quote != first.Quote || c.ValidationAnswers[0].Quote != first.Quote {
		t.Fatalf("update: %v", err)
	}
	rm, err := c.RemoveAnswer(first.ID)
	if err != nil || len(c.ValidationAnswers) != 3 {
		t.Fatal(err)
	}
	if err := c.RestoreAnswer(rm); err != nil || c.ValidationAnswers[0].ID != first.ID {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestRevisingThePromiseMakesAVersionWithItsReason(t *testing.T) {
	_, c := newCheckin(t)
	old := c.Decision.FinalText
	c.Decision.ValidationStatus = workshop.ValidationDone
	nv := len(c.PromiseVersions)
	var ie *workshop.InputError
	if _, err := c.RevisePromise(old, c.Decision.FinalTextAlt, "sama", checkinNow); !errors.As(err, &ie) {
		t.Fatalf("same wording: %v", err)
	}
	if _, err := c.RevisePromise("Uusi", "", " ", checkinNow); !errors.As(err, &ie) {
		t.Fatalf("no reason: %v", err)
	}
	v, err := c.RevisePromise("Tiedät aina, missä tavarasi on – ja kuulet muutoksista meiltä ensin.", "You always know where your goods are.", "Asiakkaat eivät ymmärtäneet sanaa ratkaisu", checkinNow)
	if err != nil {
		t.Fatal(err)
	}
	if c.Decision.FinalText != v.Text || v.Note != "Asiakkaat eivät ymmärtäneet sanaa ratkaisu" || c.Checkin.PromiseChoice != workshop.PromiseRevised {
		t.Fatalf("%+v %+v", v, c.Checkin)
	}
	if c.Decision.ValidationStatus != workshop.ValidationPending {
		t.Fatalf("a new wording stays validated: %s", c.Decision.ValidationStatus)
	}
	if c.LatestVersion().ID != v.ID || len(c.PromiseVersions) < nv+1 {
		t.Fatalf("versions %+v", c.PromiseVersions)
	}
	found := false
	for _, pv := range c.PromiseVersions {
		found = found || pv.Text == old
	}
	if !found {
		t.Fatal("the old wording is not among the versions")
	}
	if err := c.KeepPromise("hyvä"); !errors.As(err, &ie) {
		t.Fatalf("keep after a revision: %v", err)
	}
	_, c2 := newCheckin(t)
	if err := c2.KeepPromise("Asiakkaat toistivat lupauksen omin sanoin"); err != nil || c2.Checkin.PromiseChoice != workshop.PromiseKept {
		t.Fatal(err)
	}
	w := fixture.Nordrahti()
	if err := w.KeepPromise(""); !errors.Is(err, workshop.ErrNotCheckin) {
		t.Fatalf("keep on a workshop: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestLadderAgainAndNextReview(t *testing.T) {
	_, c := newCheckin(t)
	if _, err := c.SetLadder("P1", 3); err != nil {
		t.Fatal(err)
	}
	if v, err := c.SetLadder("P1", 4); err != nil || v.Level != 4 || len(c.Ladder) != 1 {
		t.Fatalf("%+v %v", v, err)
	}
	if _, err := c.SetLadder("P1", 6); err == nil {
		t.Fatal("rung 6")
	}
	if _, err := c.SetLadder("P77", 2); err == nil {
		t.Fatal("unknown participant")
	}
	if workshop.LadderMean(c.LadderCounts()) != 4 {
		t.Fatal(c.LadderCounts())
	}
	if err := c.SetNextReview("2027-06-10"); err != nil || c.NextReviewDate != "2027-06-10" {
		t.Fatal(err)
	}
	if err := c.SetNextReview("2027-01-01"); err == nil {
		t.Fatal("review before the check-in")
	}
	if err := c.SetNextReview("10.6.2027"); err == nil {
		t.Fatal("bad date")
	}
}

func TestValidateRefusesAMixedUpCheckin(t *testing.T) {
	_, c := newCheckin(t)
	w := fixture.Nordrahti()
	w.Agenda = append(w.Agenda, workshop.AgendaItem{Step: workshop.StepCILadder, PlannedMin: 5})
	if err := w.Validate(); err == nil || !strings.Contains(err.Error(), "belongs to a check-in") {
		t.Fatalf("workshop with a check-in step: %v", err)
	}
	bad := workshop.Clone(c)
	bad.Agenda[0].Step = workshop.StepDrafts
	if err := bad.Validate(); err == nil {
		t.Fatal("check-in with a workshop step")
	}
	bad = workshop.Clone(c)
	bad.Readings = []workshop.Reading{{ID: "R1", MeasureID: "M404", Value: "1", Date: "2027-01-01"}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "measure") {
		t.Fatalf("reading of a missing measure: %v", err)
	}
	bad = workshop.Clone(c)
	bad.ValidationAnswers = []workshop.ValidationAnswer{{ID: "Q1", Date: "2027-01-01", Method: "interview", Meaningful: 9}}
	if err := bad.Validate(); err == nil {
		t.Fatal("meaningful 9")
	}
	// What the check-in's operations refuse, a file cannot bring in either.
	bad = workshop.Clone(c)
	bad.Readings = []workshop.Reading{{ID: "R1", MeasureID: c.Measures[0].ID, Value: " ", Date: c.Date}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "no value") {
		t.Fatalf("a reading with no value: %v", err)
	}
	bad = workshop.Clone(c)
	bad.ValidationAnswers = []workshop.ValidationAnswer{{ID: "Q1", Date: c.Date, Method: "interview", Quote: "  "}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "answer is empty") {
		t.Fatalf("an empty answer: %v", err)
	}
	// A check-in dated before the session it follows is refused by the
	// operations now, but earlier versions let the date field and
	// "checkin --date" make one: such a database still exports and imports.
	early := workshop.Clone(c)
	early.Date = "2000-01-01"
	if err := early.Validate(); err != nil {
		t.Fatalf("a check-in of an earlier version, dated before its workshop: %v", err)
	}
	bad = workshop.Clone(c)
	bad.Kind = "retro"
	if err := bad.Validate(); err == nil {
		t.Fatal("kind retro")
	}
	w2 := fixture.Nordrahti()
	w2.Checkin = &workshop.CheckinInfo{}
	if err := w2.Validate(); err == nil {
		t.Fatal("workshop with a check-in part")
	}
}

// A measure of numbers (its baseline or target a number) takes readings
// that are numbers; a measure described in words takes words.
func TestReadingsOfANumberMeasureAreNumbers(t *testing.T) {
	_, c := newCheckin(t)
	var num, words string
	for _, m := range c.Measures {
		if _, ok := workshop.ParseNumber(m.Baseline); ok && num == "" {
			num = m.ID
		}
	}
	m, err := c.AddMeasure("Asiakkaiden palaute", workshop.MeasureOther, "", "")
	if err != nil {
		t.Fatal(err)
	}
	words = m.ID
	c.Measure(words).Baseline, c.Measure(words).Target = "hajanaista", "yhtenäistä"
	var ie *workshop.InputError
	if _, err := c.AddReading(num, "paljon parempi", "", ""); !errors.As(err, &ie) || ie.Field != "value_number" {
		t.Fatalf("words for a measure of numbers: %v", err)
	}
	for _, v := range []string{"58", "4,2", "63 %", "-12"} {
		if _, err := c.AddReading(num, v, "", ""); err != nil {
			t.Errorf("%q: %v", v, err)
		}
	}
	if _, err := c.AddReading(words, "yhtenäisempää", "", ""); err != nil {
		t.Fatalf("words for a measure in words: %v", err)
	}
}
