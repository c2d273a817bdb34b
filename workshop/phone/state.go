package phone

import (
	"strings"

	"lupauspaja/workshop"
)

// view is what one phone sees: the current step and its own input. It is
// built from the session field by field, so that nothing else reaches a
// phone: no private notes, and no one else's votes, ratings or fingers
// (voting stays blind on the phones; the projector shows the results when
// the facilitator reveals them).
type view struct {
	V     uint64 `json:"v"`
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Held  bool   `json:"held,omitempty"` // the card just sent waits for approval

	Me     *me      `json:"me"`               // nil until the phone picks a name or anonymity
	People []person `json:"people,omitempty"` // to pick from while Me is nil
	Guests bool     `json:"guests"`

	Step step `json:"step"`

	Ladder   []rung  `json:"ladder,omitempty"`
	MyLadder *ladder `json:"my_ladder,omitempty"`

	Segments []card `json:"segments,omitempty"` // steps 3–4: the segments to put a card under
	Cards    []card `json:"cards,omitempty"`    // this phone's own cards of the step

	Drafts    []card            `json:"drafts,omitempty"` // step 6: the drafts to vote on
	Dots      *dots             `json:"dots,omitempty"`
	RateIDs   []string          `json:"rate_ids,omitempty"`
	MyRatings map[string]string `json:"my_ratings,omitempty"`
	Criteria  []criterion       `json:"criteria,omitempty"`

	Consent *consent `json:"consent,omitempty"`
}

type me struct {
	Device    string `json:"device"`
	ID        string `json:"id,omitempty"`
	Name      string `json:"name,omitempty"`
	Anonymous bool   `json:"anonymous,omitempty"`
}

type person struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Taken bool   `json:"taken,omitempty"`
}

type step struct {
	Key       string   `json:"key"`
	No        int      `json:"no"`
	Title     string   `json:"title"`
	Questions []string `json:"questions"`
	Hint      string   `json:"hint,omitempty"`
	Open      bool     `json:"open"`
}

type rung struct {
	Level int    `json:"level"`
	Label string `json:"label"`
}

type ladder struct {
	Level    int    `json:"level"`
	WouldBuy string `json:"would_buy"`
	Why      string `json:"why"`
}

type card struct {
	Kind    string `json:"kind,omitempty"`
	ID      string `json:"id,omitempty"`
	Text    string `json:"text"`
	Type    string `json:"type,omitempty"`
	Segment string `json:"segment,omitempty"`
	Pending bool   `json:"pending,omitempty"`
}

type dots struct {
	Max  int            `json:"max"`
	Left int            `json:"left"`
	On   map[string]int `json:"on"`
}

type criterion struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Question string    `json:"question"`
	Scale    [3]string `json:"scale"`
}

type consent struct {
	Round   int    `json:"round"`
	Text    string `json:"text"`
	Fingers int    `json:"fingers"` // -1: not given in this round
	Concern string `json:"concern"`
}

// phoneSteps are the steps that ask something of the phones.
var phoneSteps = map[string]bool{
	workshop.StepBaseline: true, workshop.StepPurpose: true, workshop.StepProfile: true,
	workshop.StepValueMap: true, workshop.StepDrafts: true, workshop.StepEvaluation: true,
	workshop.StepDecision: true, workshop.StepMeasures: true, workshop.StepNextSteps: true,
}

// view is what the phone d is shown, in the language l ("fi" or "en"):
// the method's texts in it, the promise in it when the session has its
// wording in that language too.
func (s *Server) view(d *device, l string) view {
	s.mu.Lock()
	v := view{V: s.version}
	dev := d.Device
	voter := d.voter
	owned := make(map[string]bool, len(d.owned))
	for k := range d.owned {
		owned[k] = true
	}
	key := s.deviceKey(d)
	taken := map[string]bool{}
	for _, o := range s.devices {
		if o != d && o.ParticipantID != "" {
			taken[o.ParticipantID] = true
		}
	}
	s.mu.Unlock()

	s.sess.Read(func(ws *workshop.Session) {
		v.Lang = l
		v.Title = ws.Title
		if ws.Organisation != "" {
			v.Title = strings.TrimSpace(ws.Organisation + " · " + ws.Title)
		}
		if dev.ParticipantID != "" && ws.Participant(dev.ParticipantID) == nil {
			dev.ParticipantID = "" // deleted by the facilitator: pick again
		}
		if dev.ParticipantID != "" || dev.Anonymous {
			v.Me = &me{Device: dev.ID, ID: dev.ParticipantID, Anonymous: dev.Anonymous}
			if p := ws.Participant(dev.ParticipantID); p != nil {
				v.Me.Name = p.Name
			}
		} else {
			for _, p := range ws.Participants {
				v.People = append(v.People, person{ID: p.ID, Name: p.Name, Taken: taken[p.ID]})
			}
		}
		cur := ws.CurrentStep
		v.Guests = ws.RoomOption(workshop.RoomGuests)
		v.Step = step{Key: cur, Open: ws.StepInputOpen(cur) && phoneSteps[cur]}
		if st := workshop.StepByKey(cur); st != nil {
			v.Step.No, v.Step.Title = st.No, st.Title.In(l)
			for _, q := range st.Questions {
				v.Step.Questions = append(v.Step.Questions, q.In(l))
			}
			v.Step.Hint = st.Hint.In(l)
		} else {
			v.Step.Title = workshop.StepTitle(cur, l)
		}
		if v.Me == nil || !phoneSteps[cur] {
			return
		}
		me := dev.ParticipantID
		if me == "" && workshop.AnonymousSteps[cur] == "votes" {
			me = voter
		}
		s.stepView(ws, &v, l, me, owned, key)
	})
	return v
}

// stepView adds what the current step asks of this phone: me is whom its
// votes belong to (its participant or its anonymous voter id), key names
// it in the held cards. Nothing the facilitator hid reaches it.
func (s *Server) stepView(ws *workshop.Session, v *view, l string, me string, owned map[string]bool, key string) {
	// This phone's own cards of the step, in the order of the session's
	// lists: one pass over each list the step adds to.
	mine := func(kind, id, text string) {
		if owned[kind+":"+id] && !ws.CardHidden(kind, id) {
			v.Cards = append(v.Cards, card{Kind: kind, ID: id, Text: text})
		}
	}
	switch v.Step.Key {
	case workshop.StepPurpose:
		for _, g := range ws.Segments {
			mine(workshop.CardSegment, g.ID, g.Name)
		}
	case workshop.StepProfile:
		for _, it := range ws.ProfileItems {
			mine(workshop.CardProfileItem, it.ID, it.Text)
		}
	case workshop.StepValueMap:
		for _, it := range ws.ValueItems {
			mine(workshop.CardValueItem, it.ID, it.Text)
		}
		for _, n := range ws.Alternatives {
			mine(workshop.CardAlternative, n.ID, n.Text)
		}
	case workshop.StepDrafts:
		for _, d := range ws.Drafts {
			if ws.CardHidden(workshop.CardDraft, d.ID) {
				continue
			}
			if owned[workshop.CardDraft+":"+d.ID] || (me != "" && containsString(d.AuthorIDs, me)) {
				v.Cards = append(v.Cards, card{Kind: workshop.CardDraft, ID: d.ID, Text: d.Text})
			}
		}
	case workshop.StepMeasures:
		for _, m := range ws.Measures {
			mine(workshop.CardMeasure, m.ID, m.Name)
		}
	case workshop.StepNextSteps:
		for _, a := range ws.Actions {
			mine(workshop.CardAction, a.ID, a.Text)
		}
	}
	for _, p := range ws.Pending {
		if p.Device == key && workshop.CardStep(p.Kind) == v.Step.Key {
			v.Cards = append(v.Cards, card{Kind: p.Kind, Text: ws.PendingText(p), Pending: true})
		}
	}

	switch v.Step.Key {
	case workshop.StepBaseline:
		for _, r := range workshop.Ladder {
			v.Ladder = append(v.Ladder, rung{Level: r.Level, Label: r.Label.In(l)})
		}
		if me != "" {
			v.MyLadder = &ladder{}
			for _, lv := range ws.Ladder {
				if lv.ParticipantID == me {
					v.MyLadder = &ladder{Level: lv.Level, WouldBuy: lv.WouldBuy, Why: lv.WhyBuy}
				}
			}
		}
	case workshop.StepProfile, workshop.StepValueMap:
		for _, g := range ws.Segments {
			if g.Focus && !ws.CardHidden(workshop.CardSegment, g.ID) {
				v.Segments = append(v.Segments, card{ID: g.ID, Text: g.Name})
			}
		}
		if len(v.Segments) == 0 {
			for _, g := range ws.Segments {
				if !ws.CardHidden(workshop.CardSegment, g.ID) {
					v.Segments = append(v.Segments, card{ID: g.ID, Text: g.Name})
				}
			}
		}
	case workshop.StepEvaluation:
		for _, d := range ws.Drafts {
			if !ws.CardHidden(workshop.CardDraft, d.ID) {
				v.Drafts = append(v.Drafts, card{ID: d.ID, Text: d.Text})
			}
		}
		if me != "" {
			v.Dots = &dots{Max: ws.DotsPerParticipant(), Left: ws.DotsLeft(me), On: map[string]int{}}
			for _, dv := range ws.DotVotes {
				if dv.ParticipantID == me && dv.Dots > 0 {
					v.Dots.On[dv.DraftID] = dv.Dots
				}
			}
			ids, _ := ws.RatingDrafts()
			for _, id := range ids {
				if !ws.CardHidden(workshop.CardDraft, id) {
					v.RateIDs = append(v.RateIDs, id)
				}
			}
			v.MyRatings = map[string]string{}
			for _, r := range ws.Ratings {
				if r.ParticipantID == me {
					v.MyRatings[r.DraftID] = workshop.FormatScores(r.Scores)
				}
			}
		}
		for _, c := range workshop.Criteria {
			v.Criteria = append(v.Criteria, criterion{ID: c.ID, Name: c.Name.In(l), Question: c.Question.In(l),
				Scale: [3]string{c.Scale[0].In(l), c.Scale[1].In(l), c.Scale[2].In(l)}})
		}
	case workshop.StepDecision:
		round := ws.Decision.ConsentRound
		if round < 1 {
			round = 1
		}
		text := ws.Decision.FinalText
		if l != ws.Language && ws.Decision.FinalTextAlt != "" {
			text = ws.Decision.FinalTextAlt
		}
		v.Consent = &consent{Round: round, Text: text, Fingers: -1}
		if c := ws.ConsentOf(me); me != "" && c != nil {
			v.Consent.Fingers, v.Consent.Concern = c.Fingers, c.Concern
		}
	}
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
