package phone

import (
	"errors"
	"net/http"
	"strings"

	"lupauspaja/workshop"
)

// input is what a phone sends: one operation and its fields.
type input struct {
	Op string `json:"op"`

	ParticipantID string `json:"participant_id,omitempty"` // name: pick a participant
	Name          string `json:"name,omitempty"`           // name: join as a guest; measure: its name
	Anonymous     bool   `json:"anonymous,omitempty"`      // name: stay anonymous

	Level  int    `json:"level,omitempty"`
	Answer string `json:"answer,omitempty"`
	Why    string `json:"why,omitempty"`

	Kind        string          `json:"kind,omitempty"` // edit, withdraw: card kind; action: its kind
	ID          string          `json:"id,omitempty"`   // edit, withdraw: card id
	SegmentID   string          `json:"segment_id,omitempty"`
	Type        string          `json:"type,omitempty"`
	Text        string          `json:"text,omitempty"`
	Description string          `json:"description,omitempty"`
	Evidence    string          `json:"evidence,omitempty"`
	Moore       *workshop.Moore `json:"moore,omitempty"`

	DraftID string `json:"draft_id,omitempty"`
	Delta   int    `json:"delta,omitempty"` // dot: +1 gives, -1 takes back
	Row     string `json:"row,omitempty"`   // rating: "55434545"
	Fingers *int   `json:"fingers,omitempty"`
	Concern string `json:"concern,omitempty"`

	Definition string `json:"definition,omitempty"`
	Owner      string `json:"owner,omitempty"`
	Due        string `json:"due,omitempty"`
}

// op is one thing a phone can do: in which step, whether it is a vote (a
// participant's, or an anonymous voter's where the step allows it), and the
// domain operation it runs. A card op adds a card of a kind (through
// workshop.AddCard) and may wait for approval.
type op struct {
	step string
	vote bool   // needs a voter: votes belong to someone, named or not
	card string // the kind of card it adds, "" for votes
	run  func(s *workshop.Session, me string, in input) error
}

// cardInput is the card a phone sends, as the domain takes it.
func cardInput(kind string, in input) workshop.CardInput {
	c := workshop.CardInput{Kind: kind, SegmentID: in.SegmentID, Type: in.Type, Text: in.Text, Description: in.Description,
		Evidence: in.Evidence, Moore: in.Moore, Definition: in.Definition, Owner: in.Owner, Due: in.Due}
	switch kind {
	case workshop.CardMeasure:
		c.Text = in.Name
	case workshop.CardAction:
		c.ActionKind = in.Kind
	}
	return c
}

// shownDraft refuses a draft the phones may not act on: unknown, or hidden
// by the facilitator.
func shownDraft(s *workshop.Session, id string) error {
	if s.Draft(id) == nil || s.CardHidden(workshop.CardDraft, id) {
		return &workshop.InputError{Field: "draft_id", Problem: workshop.ProblemUnknown}
	}
	return nil
}

// ops are the operations a phone may ask for, by name.
var ops = map[string]op{
	"rung": {step: workshop.StepBaseline, vote: true, run: func(s *workshop.Session, me string, in input) error {
		_, err := s.SetRung(me, in.Level)
		return err
	}},
	"would_buy": {step: workshop.StepBaseline, vote: true, run: func(s *workshop.Session, me string, in input) error {
		_, err := s.SetWouldBuy(me, in.Answer, in.Why)
		return err
	}},
	"segment":      {step: workshop.StepPurpose, card: workshop.CardSegment},
	"profile_item": {step: workshop.StepProfile, card: workshop.CardProfileItem},
	"value_item":   {step: workshop.StepValueMap, card: workshop.CardValueItem},
	"alternative":  {step: workshop.StepValueMap, card: workshop.CardAlternative},
	"draft":        {step: workshop.StepDrafts, card: workshop.CardDraft},
	"dot": {step: workshop.StepEvaluation, vote: true, run: func(s *workshop.Session, me string, in input) error {
		if err := shownDraft(s, in.DraftID); err != nil {
			return err
		}
		switch in.Delta {
		case 1:
			_, err := s.GiveDot(me, in.DraftID)
			return err
		case -1:
			_, _, err := s.TakeDot(me, in.DraftID)
			return err
		}
		return &workshop.InputError{Field: "delta", Problem: workshop.ProblemInvalid}
	}},
	"rating": {step: workshop.StepEvaluation, vote: true, run: func(s *workshop.Session, me string, in input) error {
		if err := shownDraft(s, in.DraftID); err != nil {
			return err
		}
		_, _, err := s.RateDraft(me, in.DraftID, in.Row)
		return err
	}},
	"consent": {step: workshop.StepDecision, vote: true, run: func(s *workshop.Session, me string, in input) error {
		if in.Fingers == nil {
			return &workshop.InputError{Field: "fingers", Problem: workshop.ProblemEmpty}
		}
		_, err := s.GiveConsent(me, *in.Fingers, in.Concern)
		return err
	}},
	"measure": {step: workshop.StepMeasures, card: workshop.CardMeasure},
	"action":  {step: workshop.StepNextSteps, card: workshop.CardAction},
}

// errClosed: the step's input is closed, or the step is not on screen.
var errClosed = errors.New("input closed")

// errNotYours: a card this phone did not add.
var errNotYours = errors.New("not your card")

// errNeedName: a vote needs a name.
var errNeedName = errors.New("name needed")

// errGuestsBusy: the room has taken as many new guests as its rate allows
// just now (Options.GuestRate).
var errGuestsBusy = errors.New("too many new guests just now")

// stepOpen reports whether phones may act in the step now: it is the step on
// the facilitator's screen and its input is open.
func (s *Server) stepOpen(step string) bool {
	var open bool
	s.sess.Read(func(ws *workshop.Session) { open = ws.CurrentStep == step && ws.StepInputOpen(step) })
	return open
}

// apply runs one phone input. It returns whether the input is held for
// approval.
func (s *Server) apply(d *device, in input) (held bool, err error) {
	switch in.Op {
	case "edit", "withdraw":
		return false, s.applyOwn(d, in)
	}
	o, ok := ops[in.Op]
	if !ok {
		return false, &workshop.InputError{Field: "op", Problem: workshop.ProblemInvalid}
	}
	if !s.stepOpen(o.step) {
		return false, errClosed
	}
	if o.card != "" && s.phoneCards(d, o.card) >= MaxCardsPerPhone {
		return false, errPhoneFull
	}
	if o.card != "" && s.Approval() {
		return true, s.hold(d, o, in)
	}
	if o.card != "" {
		key, err := s.applyCard(d, in)
		if err == nil {
			s.mu.Lock()
			d.owned[key] = true
			s.mu.Unlock()
		}
		return false, err
	}
	me := s.voterOf(d, o.step)
	if me == "" {
		return false, errNeedName
	}
	return false, s.sess.Edit(func(ws *workshop.Session) error { return o.run(ws, me, in) })
}

// MaxCardsPerPhone is the most cards of one kind a phone adds (held ones
// count too): a room's list is everyone's, and one phone sending without
// end would fill it for the others (MaxCards) and bury the drafts the
// room votes on.
const MaxCardsPerPhone = 50

// errPhoneFull refuses a card beyond MaxCardsPerPhone.
var errPhoneFull = &workshop.InputError{Field: "cards", Problem: "phone_full"}

// phoneCards is how many cards of the kind this phone added that are still
// there, with those it sent that wait for approval.
func (s *Server) phoneCards(d *device, kind string) int {
	s.mu.Lock()
	var keys []string
	for k := range d.owned {
		if strings.HasPrefix(k, kind+":") {
			keys = append(keys, strings.TrimPrefix(k, kind+":"))
		}
	}
	s.mu.Unlock()
	key := s.deviceKey(d)
	n := 0
	s.sess.Read(func(ws *workshop.Session) {
		for _, id := range keys {
			if _, ok := ws.CardText(kind, id); ok {
				n++
			}
		}
		for _, c := range ws.Pending {
			if c.Device == key && c.Kind == kind {
				n++
			}
		}
	})
	return n
}

func (s *Server) participantOf(d *device) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return d.ParticipantID
}

// voterOf is whom the phone's votes in the step belong to: its participant,
// or its anonymous voter id where the step counts anonymous votes
// (workshop.AnonymousSteps); "" when it has neither.
func (s *Server) voterOf(d *device, step string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.ParticipantID != "" {
		return d.ParticipantID
	}
	if d.Anonymous && workshop.AnonymousSteps[step] == "votes" {
		return d.voter
	}
	return ""
}

// author is the participant a phone's card is by, "" when anonymous or
// deleted by the facilitator meanwhile.
func author(ws *workshop.Session, me string) string {
	if me != "" && ws.Participant(me) == nil {
		return ""
	}
	return me
}

// checkShownSegment refuses a card put under a segment the facilitator hid.
func checkShownSegment(ws *workshop.Session, c workshop.CardInput) error {
	if c.SegmentID != "" && ws.CardHidden(workshop.CardSegment, c.SegmentID) {
		return &workshop.InputError{Field: "segment_id", Problem: workshop.ProblemUnknown}
	}
	return nil
}

// applyCard adds a card through its operation; the key names it for ownership.
func (s *Server) applyCard(d *device, in input) (key string, err error) {
	o := ops[in.Op]
	me := s.participantOf(d)
	c := cardInput(o.card, in)
	var id string
	err = s.sess.Edit(func(ws *workshop.Session) error {
		if err := checkShownSegment(ws, c); err != nil {
			return err
		}
		var err error
		if id, err = ws.AddCard(c, author(ws, me)); err != nil {
			return err
		}
		if ws.RoomDevice(d.ID) != nil { // the phone's own card, after a restart too
			return ws.SetDeviceOwns(d.ID, o.card+":"+id, true)
		}
		return nil
	})
	return o.card + ":" + id, err
}

// hold keeps a card for approval in the session (workshop.HoldCard checks
// it as adding it would), so that it survives a restart.
func (s *Server) hold(d *device, o op, in input) error {
	me := s.participantOf(d)
	c := cardInput(o.card, in)
	key := s.deviceKey(d)
	err := s.sess.Edit(func(ws *workshop.Session) error {
		if err := checkShownSegment(ws, c); err != nil {
			return err
		}
		_, err := ws.HoldCard(c, author(ws, me), key, now())
		return err
	})
	if err == nil {
		s.roomChanged()
	}
	return err
}

// applyOwn changes or withdraws a card this phone added, while its step is open.
func (s *Server) applyOwn(d *device, in input) error {
	step := workshop.CardStep(in.Kind)
	if step == "" {
		return &workshop.InputError{Field: "kind", Problem: workshop.ProblemInvalid}
	}
	key := in.Kind + ":" + in.ID
	me := s.participantOf(d)
	s.mu.Lock()
	owned := d.owned[key]
	s.mu.Unlock()
	if !owned && in.Kind == workshop.CardDraft && me != "" {
		s.sess.Read(func(ws *workshop.Session) {
			if dr := ws.Draft(in.ID); dr != nil {
				for _, a := range dr.AuthorIDs {
					owned = owned || a == me
				}
			}
		})
	}
	if !owned {
		return errNotYours
	}
	if !s.stepOpen(step) {
		return errClosed
	}
	err := s.sess.Edit(func(ws *workshop.Session) error {
		if ws.CardHidden(in.Kind, in.ID) {
			return workshop.ErrNoCard // hidden by the facilitator: the phones no longer see it
		}
		if in.Op == "withdraw" {
			if err := ws.WithdrawCard(in.Kind, in.ID); err != nil {
				return err
			}
			if ws.RoomDevice(d.ID) != nil {
				return ws.SetDeviceOwns(d.ID, key, false)
			}
			return nil
		}
		return ws.SetCardText(in.Kind, in.ID, in.Text)
	})
	if err == nil && in.Op == "withdraw" {
		s.mu.Lock()
		delete(d.owned, key)
		s.mu.Unlock()
	}
	return err
}

// status is the HTTP status and message key of an operation's error.
func status(err error) (int, string) {
	var ie *workshop.InputError
	var de *workshop.DotsError
	var se *workshop.ScoresError
	var iu *workshop.InUseError
	switch {
	case errors.As(err, &ie):
		if ie.Problem == workshop.ProblemTooLong || ie.Problem == workshop.ProblemWords {
			return http.StatusUnprocessableEntity, "phone.err." + ie.Problem
		}
		if ie.Problem == workshop.ProblemTaken {
			return http.StatusConflict, "phone.err.taken"
		}
		return http.StatusUnprocessableEntity, "phone.err." + ie.Problem
	case errors.As(err, &de):
		if de.TakeBack {
			return http.StatusConflict, "phone.err.nodot"
		}
		return http.StatusConflict, "phone.err.dots"
	case errors.As(err, &se):
		return http.StatusUnprocessableEntity, "phone.err.scores"
	case errors.As(err, &iu):
		return http.StatusConflict, "phone.err.inuse"
	case errors.Is(err, workshop.ErrNoCard):
		return http.StatusNotFound, "phone.err.nocard"
	case errors.Is(err, errClosed):
		return http.StatusConflict, "phone.err.closed"
	case errors.Is(err, errNotYours):
		return http.StatusForbidden, "phone.err.notyours"
	case errors.Is(err, errGuestsBusy):
		return http.StatusTooManyRequests, "phone.err.guests_busy"
	case errors.Is(err, errNeedName):
		return http.StatusForbidden, "phone.err.needname"
	}
	return http.StatusInternalServerError, "phone.err.save"
}

// LangCookie holds the language a phone chose for itself (the page's
// "In English" / "Suomeksi"); without it, a phone follows the session's.
const LangCookie = "lupauspaja_lang"

// langOf is the language of the request's phone: the one it chose, or the
// session's.
func (s *Server) langOf(r *http.Request) string {
	if c, err := r.Cookie(LangCookie); err == nil && (c.Value == "fi" || c.Value == "en") {
		return c.Value
	}
	return s.lang()
}

// lang is the session's language.
func (s *Server) lang() string {
	l := "fi"
	s.sess.Read(func(ws *workshop.Session) {
		if ws.Language == "en" {
			l = "en"
		}
	})
	return l
}

func trimmed(s string) string { return strings.TrimSpace(s) }
