package workshop

import (
	"strings"
	"testing"
)

// A measure's and an action's fields set one at a time take what the
// session file takes, and refuse the rest, changing nothing.
func TestMeasureAndActionFields(t *testing.T) {
	s := roomSession()
	s.Date = "2026-12-03"
	m, err := s.AddMeasure("Asiakkaan ennakoitavuus", MeasureCSAT, "", "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.AddAction(ActionUnderstand, "Haastatellaan viisi asiakasta", "", "", "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for name := range measureFields {
		v := "Päivitetty " + name + " 📈"
		switch name {
		case "type":
			v = MeasureNPS
		case "baseline_date", "target_date":
			v = "2027-06-30"
		}
		if err := s.SetMeasureField(m.ID, name, v); err != nil || s.MeasureField(m.ID, name) != v {
			t.Errorf("measure %s: %v, now %q", name, err, s.MeasureField(m.ID, name))
		}
	}
	if s.Measure(m.ID).Type != MeasureNPS || s.Measure(m.ID).TargetDate != "2027-06-30" {
		t.Fatalf("the fields are not the measure's: %+v", s.Measure(m.ID))
	}
	long := strings.Repeat("x", MaxTextBytes+1)
	refusedUnchanged(t, s, "measure type of none", ProblemInvalid, func(s *Session) error { return s.SetMeasureField(m.ID, "type", "likes") })
	refusedUnchanged(t, s, "measure date", ProblemInvalid, func(s *Session) error { return s.SetMeasureField(m.ID, "target_date", "30.6.2027") })
	refusedUnchanged(t, s, "measure text too long", ProblemTooLong, func(s *Session) error { return s.SetMeasureField(m.ID, "definition", long) })
	refusedUnchanged(t, s, "measure field of none", ProblemInvalid, func(s *Session) error { return s.SetMeasureField(m.ID, "id", "M9") })
	refusedUnchanged(t, s, "a measure not there", ProblemUnknown, func(s *Session) error { return s.SetMeasureField("M404", "name", "x") })
	if err := s.SetMeasureField(m.ID, "type", ""); err != nil {
		t.Fatalf("a type not chosen yet: %v", err)
	}

	for name, v := range map[string]string{"text": "Haastatellaan kymmenen asiakasta", "due": "2027-01-29", "success_criterion": "Kymmenen haastattelua kirjattu"} {
		if err := s.SetActionField(a.ID, name, v); err != nil || s.ActionField(a.ID, name) != v {
			t.Errorf("action %s: %v", name, err)
		}
	}
	refusedUnchanged(t, s, "action due", ProblemInvalid, func(s *Session) error { return s.SetActionField(a.ID, "due", "ensi viikolla") })
	refusedUnchanged(t, s, "action status as a field", ProblemInvalid, func(s *Session) error { return s.SetActionField(a.ID, "status", ActionDone) })
	refusedUnchanged(t, s, "an action not there", ProblemUnknown, func(s *Session) error { return s.SetActionField("A404", "text", "x") })

	p := s.Participants[0]
	if err := s.SetActionOwner(a.ID, " "+p.Name+" "); err != nil || s.Action(a.ID).OwnerID != p.ID || s.Action(a.ID).OwnerName != "" {
		t.Fatalf("owner in the room: %v %+v", err, s.Action(a.ID))
	}
	if err := s.SetMeasureOwner(m.ID, "Asiakaspalvelun esihenkilö"); err != nil || s.Measure(m.ID).OwnerID != "" || s.Measure(m.ID).OwnerName != "Asiakaspalvelun esihenkilö" {
		t.Fatalf("owner not in the room: %v %+v", err, s.Measure(m.ID))
	}
	// The owner by its field name, as the forms set it: the participant's
	// name as it now reads.
	if err := s.SetMeasureField(m.ID, "owner", p.Name); err != nil || s.Measure(m.ID).OwnerID != p.ID {
		t.Fatalf("owner as a field: %v %+v", err, s.Measure(m.ID))
	}
	renamed := "Uusi " + p.Name
	if err := s.SetParticipantField(p.ID, "name", renamed); err != nil {
		t.Fatal(err)
	}
	if got := s.MeasureField(m.ID, "owner"); got != renamed {
		t.Errorf("measure owner after a rename: %q", got)
	}
	if err := s.SetActionField(a.ID, "owner", "Laatupäällikkö"); err != nil || s.ActionField(a.ID, "owner") != "Laatupäällikkö" || s.Action(a.ID).OwnerID != "" {
		t.Errorf("action owner as a field: %v %+v", err, s.Action(a.ID))
	}
	refusedUnchanged(t, s, "owner field of an action not there", ProblemUnknown, func(s *Session) error { return s.SetActionField("A404", "owner", p.Name) })
	if s.ActionField("A404", "owner") != "" || s.MeasureField("M404", "owner") != "" {
		t.Error("the owner of a record not there")
	}
	refusedUnchanged(t, s, "owner too long", ProblemTooLong, func(s *Session) error { return s.SetActionOwner(a.ID, long) })
	refusedUnchanged(t, s, "owner of a measure not there", ProblemUnknown, func(s *Session) error { return s.SetMeasureOwner("M404", p.Name) })
	if err := s.Validate(); err != nil {
		t.Fatalf("the session after the operations: %v", err)
	}
}

// The session's own fields and a participant's, set one at a time.
func TestSessionAndParticipantFields(t *testing.T) {
	s := roomSession()
	for name := range sessionFields {
		v := "Arvolupaus – ääniä, öitä, åå 🙂 " + name
		switch name {
		case "date":
			v = "2026-12-03"
		case "start_time":
			v = "09:00"
		}
		if err := s.SetSessionField(name, v); err != nil || s.SessionField(name) != v {
			t.Errorf("%s: %v, now %q", name, err, s.SessionField(name))
		}
	}
	if s.Purpose.Why == "" || s.Baseline.ExistingPromise == "" || s.Decision.ValidationPlan == "" || s.Date != "2026-12-03" {
		t.Fatalf("the fields are not the session's: %+v %+v", s.Purpose, s.Decision)
	}
	refusedUnchanged(t, s, "session date", ProblemInvalid, func(s *Session) error { return s.SetSessionField("date", "3.12.2026") })
	refusedUnchanged(t, s, "start time", ProblemInvalid, func(s *Session) error { return s.SetSessionField("start_time", "25:00") })
	refusedUnchanged(t, s, "goal too long", ProblemTooLong, func(s *Session) error {
		return s.SetSessionField("goal", strings.Repeat("ä", MaxTextBytes))
	})
	refusedUnchanged(t, s, "a field of none", ProblemInvalid, func(s *Session) error { return s.SetSessionField("language", "sv") })

	p := s.Participants[0].ID
	if err := s.SetParticipantField(p, "role", "Myyntijohtaja"); err != nil || s.Participant(p).Role != "Myyntijohtaja" {
		t.Fatalf("role: %v", err)
	}
	if err := s.SetParticipantField(p, "name", "Åsa Öberg"); err != nil || s.ParticipantField(p, "name") != "Åsa Öberg" {
		t.Fatalf("name: %v", err)
	}
	refusedUnchanged(t, s, "blank name", ProblemEmpty, func(s *Session) error { return s.SetParticipantField(p, "name", "  ") })
	refusedUnchanged(t, s, "a participant not there", ProblemUnknown, func(s *Session) error { return s.SetParticipantField("P404", "role", "x") })
	if err := s.Validate(); err != nil {
		t.Fatalf("the session after the operations: %v", err)
	}
}
