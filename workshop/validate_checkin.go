package workshop

import "strings"

// The check-in's part of Validate: its kind, what it knows of the sessions
// before it, its readings and the customers' answers.

var (
	sessionKinds   = set(SessionWorkshop, SessionCheckin)
	checkinSteps   = set(StepCIActions, StepCIMeasures, StepCICustomers, StepCIPromise, StepCILadder, StepCINext)
	promiseChoices = set(PromiseKept, PromiseRevised)
)

func (v *validator) checkin(s *Session, people, segments, measures map[string]bool) {
	v.where = "session"
	v.enum("kind", s.Kind, sessionKinds, true)
	if v.err == nil && s.Checkin != nil && !s.IsCheckin() {
		v.fail("checkin", "a workshop has no check-in part")
	}
	if c := s.Checkin; c != nil && v.err == nil {
		v.where = "check-in"
		v.date("follows_date", c.FollowsDate)
		v.text("follows_title", c.FollowsTitle)
		v.enum("follows_kind", c.FollowsKind, sessionKinds, true)
		v.date("workshop_date", c.WorkshopDate)
		for i := range c.WorkshopLadder {
			v.between("workshop_ladder", c.WorkshopLadder[i], 0, MaxParticipants)
			v.between("previous_ladder", c.PreviousLadder[i], 0, MaxParticipants)
		}
		for _, m := range c.RoomCore {
			if v.err == nil && (m < 0 || m > 5 || m != m) {
				v.fail("room_core", "room_core %v is not between 0 and 5", m)
			}
		}
		v.enum("promise_choice", c.PromiseChoice, promiseChoices, true)
		v.text("promise_reason", c.PromiseReason)
		v.text("promise_before", c.PromiseBefore)
		v.many("carried_actions", len(c.CarriedActions), MaxCards)
		for _, id := range c.CarriedActions {
			v.id("carried_actions", id)
		}
		v.between("round", c.Round, 0, MaxRound)
	}
	for i, a := range s.Agenda {
		if v.err != nil {
			return
		}
		v.where = at("agenda item", i, a.Step)
		if s.IsCheckin() != checkinSteps[a.Step] {
			if s.IsCheckin() {
				v.fail("step", "step %q is not a step of a check-in", clip(a.Step))
			} else {
				v.fail("step", "step %q belongs to a check-in, not a workshop", clip(a.Step))
			}
		}
	}
	v.count("readings", len(s.Readings), MaxCards)
	v.count("validation_answers", len(s.ValidationAnswers), MaxCards)
	v.ids("reading", len(s.Readings), func(i int) string { return s.Readings[i].ID }, nil)
	v.ids("validation answer", len(s.ValidationAnswers), func(i int) string { return s.ValidationAnswers[i].ID }, nil)
	for i, r := range s.Readings {
		if v.err != nil {
			return
		}
		v.where = at("reading", i, r.ID)
		v.id("measure_id", r.MeasureID)
		v.ref("measure_id", r.MeasureID, measures, "measure")
		v.text("value", r.Value)
		if v.err == nil && strings.TrimSpace(r.Value) == "" {
			v.fail("value", "the reading has no value") // as AddReading refuses
		}
		v.date("date", r.Date)
		v.text("source_note", r.SourceNote)
	}
	for i, a := range s.ValidationAnswers {
		if v.err != nil {
			return
		}
		v.where = at("validation answer", i, a.ID)
		v.ref("segment_id", a.SegmentID, segments, "segment")
		v.date("date", a.Date)
		v.enum("method", a.Method, surveyMethods, false)
		v.text("understood_as", a.UnderstoodAs)
		v.enum("understood", a.Understood, understoodAnswers, true)
		v.between("meaningful", a.Meaningful, 0, 5)
		v.between("differentiating", a.Differentiating, 0, 5)
		v.enum("would_choose", a.WouldChoose, buyAnswers, true)
		v.text("quote", a.Quote)
		v.text("wording", a.Wording)
		if v.err == nil && a.empty() {
			v.fail("answer", "the answer is empty: no words, no score, no choice") // as AddAnswer refuses
		}
	}
	for i, a := range s.Actions {
		if v.err != nil {
			return
		}
		v.where = at("action", i, a.ID)
		v.text("status_note", a.StatusNote)
		v.date("status_date", a.StatusDate)
	}
}
