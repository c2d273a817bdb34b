package workshop_test

import (
	"errors"
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestValidateAcceptsFixturesAndNewSession(t *testing.T) {
	for name, s := range map[string]*workshop.Session{
		"nordrahti": fixture.Nordrahti(), "large": fixture.Large(), "new fi": workshop.NewSession("fi"), "new en": workshop.NewSession("en"),
	} {
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Texts a facilitator may paste or type are kept as they are.
func TestValidateAcceptsHardText(t *testing.T) {
	for name, text := range map[string]string{
		"100 kB":         strings.Repeat("ä", 50_000),
		"100 kB ascii":   strings.Repeat("x", 100_000),
		"exactly limit":  strings.Repeat("y", workshop.MaxTextBytes),
		"emoji":          "Lupaus 🚚📦 – 👍🏽",
		"rtl":            "وعد العملاء \u202Eabc",
		"sql":            "'; DROP TABLE sessions; --",
		"control chars":  "rivi 1\nrivi 2\t\x00\x07\r",
		"finnish":        "Äänekoski, Öljynpuristamo, Åbo",
		"empty":          "",
		"only spaces":    "   ",
		"combining mark": "a\u0308",
	} {
		s := fixture.Nordrahti()
		s.Drafts[0].Text = text
		s.Goal = text
		s.Participants[0].Role = text
		s.ParkingLot[0].Text = text
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestValidateRules(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(s *workshop.Session)
		where string // the start of the message
		field string
		want  string // in the message
	}{
		{"participant name empty", func(s *workshop.Session) { s.Participants[2].Name = " " }, `participant 3 ("P3")`, "name", "name is empty"},
		{"text too long", func(s *workshop.Session) { s.Drafts[1].Text = strings.Repeat("ö", workshop.MaxTextBytes/2+1) }, `draft 2 ("D2")`, "text", "text is too long (200002 bytes; at most 200000)"},
		{"invalid utf-8", func(s *workshop.Session) { s.Title = "ab\xffcd" }, "session", "title", "title is not valid UTF-8"},
		{"invalid utf-8 in note", func(s *workshop.Session) { s.ParkingLot[1].Text = "\xc3" }, `parking-lot note 2 ("PL2")`, "text", "not valid UTF-8"},
		{"language", func(s *workshop.Session) { s.Language = "sv" }, "session", "language", `language "sv" is not fi or en`},
		{"language empty", func(s *workshop.Session) { s.Language = "" }, "session", "language", `language "" is not fi or en`},
		{"session date", func(s *workshop.Session) { s.Date = "3.12.2026" }, "session", "date", `"3.12.2026" is not a date`},
		{"impossible date", func(s *workshop.Session) { s.Date = "2026-02-30" }, "session", "date", "not a date"},
		{"review date", func(s *workshop.Session) { s.NextReviewDate = "2027-6-10" }, "session", "next_review_date", "not a date"},
		{"due date", func(s *workshop.Session) { s.Actions[0].Due = "tomorrow" }, `action 1 ("A1")`, "due", `due "tomorrow" is not a date`},
		{"target date", func(s *workshop.Session) { s.Measures[0].TargetDate = "2027-13-01" }, `measure 1 ("M1")`, "target_date", "not a date"},
		{"baseline date", func(s *workshop.Session) { s.Measures[2].BaselineDate = "x" }, `measure 3 ("M3")`, "baseline_date", "not a date"},
		{"start time", func(s *workshop.Session) { s.StartTime = "9" }, "session", "start_time", "not a time of day"},
		{"agenda timestamp", func(s *workshop.Session) { s.Agenda[1].StartedAt = "yesterday" }, `agenda item 2 ("purpose")`, "started_at", "not a time"},
		{"status", func(s *workshop.Session) { s.Status = "done" }, "session", "status", `status "done" is not one of completed, in_progress, planned`},
		{"current step", func(s *workshop.Session) { s.CurrentStep = "lunch" }, "session", "current_step", "current_step \"lunch\" is not one of"},
		{"agenda step", func(s *workshop.Session) { s.Agenda[0].Step = "summary" }, `agenda item 1 ("summary")`, "step", "is not one of"},
		{"agenda step twice", func(s *workshop.Session) { s.Agenda[1].Step = workshop.StepBaseline }, `agenda item 2 ("baseline")`, "step", "on the agenda twice"},
		{"planned minutes", func(s *workshop.Session) { s.Agenda[0].PlannedMin = 601 }, `agenda item 1 ("baseline")`, "planned_min", "planned_min 601 is not between 0 and 600"},
		{"negative minutes", func(s *workshop.Session) { s.Agenda[0].PlannedMin = -1 }, `agenda item 1 ("baseline")`, "planned_min", "not between"},
		{"private note step", func(s *workshop.Session) { s.PrivateNotes = map[string]string{"x": "y"} }, "session", "private_notes", "is not one of"},
		{"participant kind", func(s *workshop.Session) { s.Participants[0].Kind = "boss" }, `participant 1 ("Markku Väisänen")`, "kind", `kind "boss" is not one of customer, employee, guest`},
		{"participant kind empty", func(s *workshop.Session) { s.Participants[0].Kind = "" }, `participant 1 ("Markku Väisänen")`, "kind", "kind is empty"},
		{"item type", func(s *workshop.Session) { s.ProfileItems[0].Type = "wish" }, `profile item 1 ("S1-J1")`, "type", "is not one of"},
		{"job kind", func(s *workshop.Session) { s.ProfileItems[0].JobKind = "fun" }, `profile item 1 ("S1-J1")`, "job_kind", "is not one of"},
		{"evidence", func(s *workshop.Session) { s.ProfileItems[3].Evidence = "rumour" }, `profile item 4 ("S1-P1")`, "evidence", "is not one of"},
		{"importance", func(s *workshop.Session) { s.ProfileItems[3].Importance = 4 }, `profile item 4 ("S1-P1")`, "importance", "importance 4 is not between 0 and 3"},
		{"value type", func(s *workshop.Session) { s.ValueItems[0].Type = "gain" }, `value item 1 ("V1")`, "type", "is not one of"},
		{"delivered today", func(s *workshop.Session) { s.ValueItems[0].DeliveredToday = "maybe" }, `value item 1 ("V1")`, "delivered_today", "is not one of"},
		{"would buy", func(s *workshop.Session) { s.Ladder[0].WouldBuy = "perhaps" }, `ladder vote 1 ("P1")`, "would_buy", "is not one of maybe, no, yes"},
		{"action kind", func(s *workshop.Session) { s.Actions[4].Kind = "act_now" }, `action 5 ("A5")`, "kind", `kind "act_now" is not one of`},
		{"action status", func(s *workshop.Session) { s.Actions[0].Status = "todo" }, `action 1 ("A1")`, "status", "is not one of"},
		{"measure type", func(s *workshop.Session) { s.Measures[0].Type = "KPI" }, `measure 1 ("M1")`, "type", "is not one of"},
		{"validation status", func(s *workshop.Session) { s.Decision.ValidationStatus = "ok" }, "decision", "validation_status", "is not one of"},
		{"note step", func(s *workshop.Session) { s.Alternatives[0].Step = "x" }, `alternative 1 ("ALT1")`, "step", "is not one of"},
		{"empty id", func(s *workshop.Session) { s.Drafts[2].ID = "" }, "draft 3", "id", "id is empty"},
		{"duplicate id", func(s *workshop.Session) { s.Participants[1].ID = "P1" }, `participant 2 ("Hanna Koskinen")`, "id", `id "P1" is used twice`},
		{"duplicate measure id", func(s *workshop.Session) { s.Measures[1].ID = "M1" }, `measure 2 ("M1")`, "id", "used twice"},
		{"id with newline", func(s *workshop.Session) { s.Actions[0].ID = "A\n1" }, `action 1 ("A\n1")`, "id", "control characters"},
		{"long id", func(s *workshop.Session) { s.Segments[0].ID = strings.Repeat("s", 65) }, `segment 1 ("Avainasiakkaat: teollisuus ja tukkukaupp…")`, "id", "id is too long"},
		{"ladder participant", func(s *workshop.Session) { s.Ladder[0].ParticipantID = "P99" }, `ladder vote 1 ("P99")`, "participant_id", `participant_id "P99": no such participant`},
		{"two ladder votes", func(s *workshop.Session) { s.Ladder[1].ParticipantID = "P1" }, `ladder vote 2 ("P1")`, "participant_id", "two ladder votes"},
		{"ladder level", func(s *workshop.Session) { s.Ladder[0].Level = 6 }, `ladder vote 1 ("P1")`, "level", "level 6 is not between 0 and 5"},
		{"dot vote draft", func(s *workshop.Session) { s.DotVotes[2].DraftID = "D9" }, "dot vote of P2 on D9", "draft_id", `draft_id "D9": no such draft`},
		{"dot vote participant", func(s *workshop.Session) { s.DotVotes[0].ParticipantID = "P7" }, "dot vote of P7 on D1", "participant_id", "no such participant"},
		{"too many dots", func(s *workshop.Session) { s.DotVotes[0].Dots = 3 }, "dot vote of P1 on D4", "dots", `participant "P1" gives 4 dots in all; each has 3`},
		{"negative dots", func(s *workshop.Session) { s.DotVotes[0].Dots = -1 }, "dot vote of P1 on D1", "dots", "dots -1 is not between 0 and 20"},
		{"same vote twice", func(s *workshop.Session) { s.DotVotes[1].DraftID = "D1"; s.DotVotes[1].Dots = 0 }, "dot vote of P1 on D1", "draft_id", "twice"},
		{"dots setting zero", func(s *workshop.Session) { s.Dots = 0 }, "session", "dots_per_participant", "dots_per_participant 0 is not between 1 and 20"},
		{"dots setting high", func(s *workshop.Session) { s.Dots = 21 }, "session", "dots_per_participant", "not between 1 and 20"},
		{"rating score", func(s *workshop.Session) { s.Ratings[0].Scores[7] = 6 }, "rating of P1 on D1", "scores C8", "scores C8 6 is not between 0 and 5"},
		{"rating negative", func(s *workshop.Session) { s.Ratings[0].Scores[0] = -1 }, "rating of P1 on D1", "scores C1", "not between 0 and 5"},
		{"rating draft", func(s *workshop.Session) { s.Ratings[0].DraftID = "D0" }, "rating of P1 on D0", "draft_id", "no such draft"},
		{"rating twice", func(s *workshop.Session) { s.Ratings[1].DraftID = "D1" }, "rating of P1 on D1", "draft_id", "rates the same draft twice"},
		{"fingers", func(s *workshop.Session) { s.Consent[0].Fingers = 6 }, `consent vote 1 ("P1")`, "fingers", "fingers 6 is not between 0 and 5"},
		{"consent participant", func(s *workshop.Session) { s.Consent[0].ParticipantID = "X" }, `consent vote 1 ("X")`, "participant_id", "no such participant"},
		{"consent twice", func(s *workshop.Session) { s.Consent[1].ParticipantID = "P1" }, `consent vote 2 ("P1")`, "participant_id", "votes twice"},
		{"author", func(s *workshop.Session) { s.Drafts[0].AuthorIDs = []string{"P4", "P60"} }, `draft 1 ("D1")`, "author_ids", `author_ids "P60": no such participant`},
		{"author twice", func(s *workshop.Session) { s.Drafts[0].AuthorIDs = []string{"P4", "P4"} }, `draft 1 ("D1")`, "author_ids", "lists \"P4\" twice"},
		{"draft segment", func(s *workshop.Session) { s.Drafts[0].SegmentIDs = []string{"S3"} }, `draft 1 ("D1")`, "segment_ids", "no such segment"},
		{"based on", func(s *workshop.Session) { s.Drafts[0].BasedOn = []string{"S9-J1"} }, `draft 1 ("D1")`, "based_on", "no such profile item"},
		{"parent", func(s *workshop.Session) { s.Drafts[0].ParentID = "D77" }, `draft 1 ("D1")`, "parent_id", "no such draft"},
		{"own parent", func(s *workshop.Session) { s.Drafts[0].ParentID = "D1" }, `draft 1 ("D1")`, "parent_id", "the draft itself"},
		{"addresses", func(s *workshop.Session) { s.ValueItems[1].Addresses = []string{"nope"} }, `value item 2 ("V2")`, "addresses", "no such profile item"},
		{"profile segment", func(s *workshop.Session) { s.ProfileItems[0].SegmentID = "S5" }, `profile item 1 ("S1-J1")`, "segment_id", "no such segment"},
		{"value segment", func(s *workshop.Session) { s.ValueItems[0].SegmentID = "S5" }, `value item 1 ("V1")`, "segment_id", "no such segment"},
		{"measure owner", func(s *workshop.Session) { s.Measures[0].OwnerID = "P0" }, `measure 1 ("M1")`, "owner_id", "no such participant"},
		{"action owner", func(s *workshop.Session) { s.Actions[0].OwnerID = "P0" }, `action 1 ("A1")`, "owner_id", "no such participant"},
		{"action measure", func(s *workshop.Session) { s.Actions[1].MeasureID = "M4" }, `action 2 ("A2")`, "measure_id", "no such measure"},
		{"chosen draft", func(s *workshop.Session) { s.Decision.ChosenDraftID = "D6" }, "decision", "chosen_draft_id", "no such draft"},
		{"rejected draft", func(s *workshop.Session) { s.Decision.Rejected[0].DraftID = "D6" }, "decision: rejected draft 1", "draft_id", "no such draft"},
		{"open concern", func(s *workshop.Session) { s.Decision.OpenConcerns[0] = "\xff" }, "decision: open concern 1", "text", "not valid UTF-8"},
		{"too many participants", func(s *workshop.Session) {
			for i := 0; i < workshop.MaxParticipants; i++ {
				s.Participants = append(s.Participants, workshop.Participant{ID: workshop.NewID("p"), Name: "x", Kind: workshop.KindGuest})
			}
		}, "session", "participants", "participants has too many entries (506; at most 500)"},
		{"too many notes", func(s *workshop.Session) { s.ParkingLot = make([]workshop.Note, workshop.MaxCards+1) }, "session", "parking_lot", "parking_lot has too many entries"},
		{"too many cards of a phone", func(s *workshop.Session) {
			s.RoomDevices = []workshop.RoomDevice{{ID: "R1", TokenHash: strings.Repeat("ab", 32), Owned: make([]string, 8*workshop.MaxCards+1)}}
		}, `room device 1 ("R1")`, "owned", "owned has too many entries"},
		{"too long agenda", func(s *workshop.Session) { s.Agenda = make([]workshop.AgendaItem, workshop.MaxAgendaItems+1) }, "session", "agenda", "too many items"},
		{"too many rejected drafts after concerns", func(s *workshop.Session) {
			s.Decision.OpenConcerns = []string{"Liian yleinen"}
			s.Decision.Rejected = make([]workshop.Rejection, workshop.MaxCards+1)
		}, "decision", "rejected", "decision: rejected has too many entries"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := fixture.Nordrahti()
			c.edit(s)
			err := s.Validate()
			if err == nil {
				t.Fatal("accepted")
			}
			var ve *workshop.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("%T %v is not a ValidationError", err, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.where+": ") || !strings.Contains(msg, c.want) || ve.Field != c.field {
				t.Fatalf("got %q (field %q), want %q…%q (field %q)", msg, ve.Field, c.where, c.want, c.field)
			}
			if strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("message is not one line: %q", msg)
			}
		})
	}
}

func TestValidateMessageQuotesLongTextShort(t *testing.T) {
	s := fixture.Nordrahti()
	s.Participants[0].Name = strings.Repeat("Ä", 1000)
	s.Participants[0].Kind = "x"
	err := s.Validate()
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("%v", err)
	}
}

func TestFieldValidators(t *testing.T) {
	if err := workshop.ValidateText(strings.Repeat("a", 100_000)); err != nil {
		t.Error(err)
	}
	if err := workshop.ValidateText(strings.Repeat("a", workshop.MaxTextBytes+1)); err == nil {
		t.Error("too long text accepted")
	}
	if err := workshop.ValidateText("\xe4"); err == nil {
		t.Error("latin-1 ä accepted")
	}
	for _, ok := range []string{"", "2026-12-03", "2024-02-29"} {
		if err := workshop.ValidateDate(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"2026-12-3", "2025-02-29", "03.12.2026", "2026-12-03T10:00", " 2026-12-03"} {
		if err := workshop.ValidateDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, ok := range []string{"", "2026-12-03T09:05", "2026-12-03T09:05:00Z", "2026-12-03T09:05:00.123+02:00"} {
		if err := workshop.ValidateTimestamp(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"09:05", "2026-12-03 09:05", "2026-12-03T9:05"} {
		if err := workshop.ValidateTimestamp(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if err := workshop.ValidateClock("24:00"); err == nil {
		t.Error("24:00 accepted")
	}
	if err := workshop.ValidateID("P1"); err != nil {
		t.Error(err)
	}
}
