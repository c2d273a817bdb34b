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

// op is one thing a phone can do: in which step, whether it needs a name,
// and the domain operation it runs. A card op adds a card of a kind and may
// wait for approval.
type op struct {
	step  string // "" for edit and withdraw: the card's own step
	named bool   // needs a participant: votes belong to someone
	card  string // the kind of card it adds, "" for votes
	run   func(s *workshop.Session, me string, in input) (card string, err error)
}

// cardSteps is the step in which each kind of card is added, changed and withdrawn.
var cardSteps = map[string]string{
	workshop.CardSegment:     workshop.StepPurpose,
	workshop.CardProfileItem: workshop.StepProfile,
	workshop.CardValueItem:   workshop.StepValueMap,
	workshop.CardAlternative: workshop.StepValueMap,
	workshop.CardDraft:       workshop.StepDrafts,
	workshop.CardMeasure:     workshop.StepMeasures,
	workshop.CardAction:      workshop.StepNextSteps,
}

// ops are the operations a phone may ask for, by name.
var ops = map[string]op{
	"rung": {step: workshop.StepBaseline, named: true, run: func(s *workshop.Session, me string, in input) (string, error) {
		_, err := s.SetRung(me, in.Level)
		return "", err
	}},
	"would_buy": {step: workshop.StepBaseline, named: true, run: func(s *workshop.Session, me string, in input) (string, error) {
		_, err := s.SetWouldBuy(me, in.Answer, in.Why)
		return "", err
	}},
	"segment": {step: workshop.StepPurpose, card: workshop.CardSegment, run: func(s *workshop.Session, _ string, in input) (string, error) {
		g, err := s.AddSegment(in.Text, in.Description)
		return g.ID, err
	}},
	"profile_item": {step: workshop.StepProfile, card: workshop.CardProfileItem, run: func(s *workshop.Session, _ string, in input) (string, error) {
		it, err := s.AddProfileItem(in.SegmentID, in.Type, in.Text, in.Evidence)
		return it.ID, err
	}},
	"value_item": {step: workshop.StepValueMap, card: workshop.CardValueItem, run: func(s *workshop.Session, _ string, in input) (string, error) {
		it, err := s.AddValueItem(in.SegmentID, in.Type, in.Text)
		return it.ID, err
	}},
	"alternative": {step: workshop.StepValueMap, card: workshop.CardAlternative, run: func(s *workshop.Session, _ string, in input) (string, error) {
		n, err := s.AddAlternative(in.Text)
		return n.ID, err
	}},
	"draft": {step: workshop.StepDrafts, card: workshop.CardDraft, run: func(s *workshop.Session, me string, in input) (string, error) {
		d, err := s.AddDraft(in.Text, in.Moore, me)
		return d.ID, err
	}},
	"dot": {step: workshop.StepEvaluation, named: true, run: func(s *workshop.Session, me string, in input) (string, error) {
		if s.Draft(in.DraftID) == nil {
			return "", &workshop.InputError{Field: "draft_id", Problem: workshop.ProblemUnknown}
		}
		switch in.Delta {
		case 1:
			_, err := s.GiveDot(me, in.DraftID)
			return "", err
		case -1:
			_, _, err := s.TakeDot(me, in.DraftID)
			return "", err
		}
		return "", &workshop.InputError{Field: "delta", Problem: workshop.ProblemInvalid}
	}},
	"rating": {step: workshop.StepEvaluation, named: true, run: func(s *workshop.Session, me string, in input) (string, error) {
		_, _, err := s.RateDraft(me, in.DraftID, in.Row)
		return "", err
	}},
	"consent": {step: workshop.StepDecision, named: true, run: func(s *workshop.Session, me string, in input) (string, error) {
		if in.Fingers == nil {
			return "", &workshop.InputError{Field: "fingers", Problem: workshop.ProblemEmpty}
		}
		_, err := s.GiveConsent(me, *in.Fingers, in.Concern)
		return "", err
	}},
	"measure": {step: workshop.StepMeasures, card: workshop.CardMeasure, run: func(s *workshop.Session, _ string, in input) (string, error) {
		m, err := s.AddMeasure(in.Name, in.Type, in.Definition, in.Owner)
		return m.ID, err
	}},
	"action": {step: workshop.StepNextSteps, card: workshop.CardAction, run: func(s *workshop.Session, _ string, in input) (string, error) {
		var id, name string
		s.SetOwner(in.Owner, &id, &name)
		a, err := s.AddAction(in.Kind, in.Text, id, name, in.Due)
		return a.ID, err
	}},
}

// errClosed: the step's input is closed, or the step is not on screen.
var errClosed = errors.New("input closed")

// errNotYours: a card this phone did not add.
var errNotYours = errors.New("not your card")

// errNeedName: a vote needs a name.
var errNeedName = errors.New("name needed")

// stepOpen reports whether phones may act in the step now: it is the step on
// the facilitator's screen and its input is open.
func (s *Server) stepOpen(step string) bool {
	var cur string
	s.sess.Read(func(ws *workshop.Session) { cur = ws.CurrentStep })
	s.mu.Lock()
	defer s.mu.Unlock()
	return cur == step && s.open[step]
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
	me := s.participantOf(d)
	if o.named && me == "" {
		return false, errNeedName
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
	return false, s.sess.Edit(func(ws *workshop.Session) error {
		_, err := o.run(ws, me, in)
		return err
	})
}

func (s *Server) participantOf(d *device) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return d.ParticipantID
}

// applyCard adds a card through its operation; the key names it for ownership.
func (s *Server) applyCard(d *device, in input) (key string, err error) {
	o := ops[in.Op]
	me := ""
	if d != nil {
		me = s.participantOf(d)
	}
	var id string
	err = s.sess.Edit(func(ws *workshop.Session) error {
		if me != "" && ws.Participant(me) == nil {
			me = "" // the facilitator deleted the participant meanwhile
		}
		var err error
		id, err = o.run(ws, me, in)
		return err
	})
	return o.card + ":" + id, err
}

// hold checks a card as its operation would (on a copy of the session) and
// keeps it for approval.
func (s *Server) hold(d *device, o op, in input) error {
	var err error
	me := s.participantOf(d)
	s.sess.Read(func(ws *workshop.Session) {
		c := workshop.Clone(ws)
		_, err = o.run(c, me, in)
	})
	if err != nil {
		return err
	}
	text := in.Text
	if o.card == workshop.CardMeasure {
		text = in.Name
	}
	if text == "" && in.Moore != nil {
		text = workshop.MooreText(*in.Moore, s.lang())
	}
	s.mu.Lock()
	s.pending = append(s.pending, Pending{ID: randomHex(6), Kind: o.card, Step: o.step, Text: text,
		Device: d.ID, At: now(), in: in})
	s.mu.Unlock()
	s.roomChanged()
	return nil
}

// applyOwn changes or withdraws a card this phone added, while its step is open.
func (s *Server) applyOwn(d *device, in input) error {
	step, ok := cardSteps[in.Kind]
	if !ok {
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
		if in.Op == "withdraw" {
			return ws.WithdrawCard(in.Kind, in.ID)
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
	var ce *workshop.CheckinInputError
	switch {
	case errors.As(err, &ce):
		return http.StatusUnprocessableEntity, "phone.err.invalid"
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
	case errors.Is(err, errNeedName):
		return http.StatusForbidden, "phone.err.needname"
	}
	return http.StatusInternalServerError, "phone.err.save"
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
