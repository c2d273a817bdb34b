package workshop

import (
	"sort"
	"strings"
	"time"
)

// NewSession returns an empty session with the 3 h agenda, in the language.
func NewSession(lang string) *Session {
	if lang != "en" {
		lang = "fi"
	}
	now := time.Now().UTC().Truncate(time.Second)
	return &Session{
		Date:        now.Format("2006-01-02"),
		Language:    lang,
		Status:      StatusPlanned,
		CurrentStep: StepSetup,
		Dots:        DefaultDots,
		Agenda:      PresetAgenda("3h"),
		Decision:    Decision{ValidationStatus: ValidationInternal},
		CreatedAt:   now,
		UpdatedAt:   now,
	}
}

// AsTemplate returns a copy of the session with its structure and agenda but
// none of the participants' input: for running the same workshop again.
func (s *Session) AsTemplate() *Session {
	t := NewSession(s.Language)
	t.Title, t.Organisation, t.Place, t.Facilitator, t.Goal = s.Title, s.Organisation, s.Place, s.Facilitator, s.Goal
	t.Dots = s.Dots
	t.Agenda = make([]AgendaItem, len(s.Agenda))
	for i, a := range s.Agenda {
		t.Agenda[i] = AgendaItem{Step: a.Step, PlannedMin: a.PlannedMin}
	}
	return t
}

// DraftResult is the evaluation of one draft: its dots and criterion statistics.
type DraftResult struct {
	DraftID      string
	Dots         int
	Raters       int
	Mean         [NumCriteria]float64 // 0 where nobody rated the criterion
	Min, Max     [NumCriteria]int
	Weighted     float64 // Σ(weight·mean)/Σweight over rated criteria
	GatePassed   bool    // every core criterion mean ≥ 3
	Disagreement []int   // criterion indexes where max − min ≥ 3
}

// Results evaluates every draft: dots, criterion means, weighted score, gate
// and disagreement flags. Drafts come sorted by dots, then weighted score.
func (s *Session) Results() []DraftResult {
	byID := map[string]*DraftResult{}
	out := make([]DraftResult, len(s.Drafts))
	for i, d := range s.Drafts {
		out[i].DraftID = d.ID
		byID[d.ID] = &out[i]
	}
	for _, v := range s.DotVotes {
		if r := byID[v.DraftID]; r != nil && v.Dots > 0 {
			r.Dots += v.Dots
		}
	}
	counts := map[string]*[NumCriteria]int{}
	sumsBy := map[string]*[NumCriteria]int{}
	for _, rt := range s.Ratings {
		r := byID[rt.DraftID]
		if r == nil {
			continue
		}
		if sumsBy[rt.DraftID] == nil {
			sumsBy[rt.DraftID], counts[rt.DraftID] = new([NumCriteria]int), new([NumCriteria]int)
		}
		rated := false
		for c, v := range rt.Scores {
			if v < 1 || v > 5 {
				continue
			}
			rated = true
			n := counts[rt.DraftID]
			if n[c] == 0 || v < r.Min[c] {
				r.Min[c] = v
			}
			if v > r.Max[c] {
				r.Max[c] = v
			}
			sumsBy[rt.DraftID][c] += v
			n[c]++
		}
		if rated {
			r.Raters++
		}
	}
	for i := range out {
		r := &out[i]
		sum, n := sumsBy[r.DraftID], counts[r.DraftID]
		if sum == nil {
			continue
		}
		var wsum, wtot float64
		r.GatePassed = true
		for c := 0; c < NumCriteria; c++ {
			if n[c] == 0 {
				if Criteria[c].Core {
					r.GatePassed = false
				}
				continue
			}
			r.Mean[c] = float64(sum[c]) / float64(n[c])
			w := float64(Criteria[c].Weight)
			wsum += w * r.Mean[c]
			wtot += w
			if Criteria[c].Core && r.Mean[c] < 3 {
				r.GatePassed = false
			}
			if r.Max[c]-r.Min[c] >= 3 {
				r.Disagreement = append(r.Disagreement, c)
			}
		}
		if wtot > 0 {
			r.Weighted = wsum / wtot
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Dots != out[j].Dots {
			return out[i].Dots > out[j].Dots
		}
		return out[i].Weighted > out[j].Weighted
	})
	return out
}

// DotsGiven is how many dots the participant has given in all.
func (s *Session) DotsGiven(participantID string) int {
	n := 0
	for _, v := range s.DotVotes {
		if v.ParticipantID == participantID && v.Dots > 0 {
			n += v.Dots
		}
	}
	return n
}

// LadderCounts is how many participants put the organisation on each rung (index 0 = rung 1).
func (s *Session) LadderCounts() [5]int {
	var c [5]int
	for _, v := range s.Ladder {
		if v.Level >= 1 && v.Level <= 5 {
			c[v.Level-1]++
		}
	}
	return c
}

// ConsentSummary is the result of the fist-of-five round.
type ConsentSummary struct {
	Votes    int
	Counts   [6]int // how many showed 0..5 fingers
	Mean     float64
	Lowest   int
	Reached  bool     // everyone voted 3 or more (and someone voted)
	Concerns []string // concerns of those under 3, "Name: concern"
}

// ConsentThreshold is the lowest fist-of-five that counts as consent.
const ConsentThreshold = 3

// ConsentResult sums up the consent round.
func (s *Session) ConsentResult() ConsentSummary {
	cs := ConsentSummary{Lowest: 5}
	total := 0
	for _, c := range s.Consent {
		if c.Fingers < 0 || c.Fingers > 5 {
			continue
		}
		cs.Votes++
		cs.Counts[c.Fingers]++
		total += c.Fingers
		if c.Fingers < cs.Lowest {
			cs.Lowest = c.Fingers
		}
		if c.Fingers < ConsentThreshold && strings.TrimSpace(c.Concern) != "" {
			cs.Concerns = append(cs.Concerns, s.ConcernText(c.ParticipantID, c.Concern))
		}
	}
	if cs.Votes > 0 {
		cs.Mean = float64(total) / float64(cs.Votes)
		cs.Reached = cs.Lowest >= ConsentThreshold
	} else {
		cs.Lowest = 0
	}
	return cs
}

// Warning kinds a facilitator needs to see.
const (
	WarnNoCustomerVoice   = "no_customer_voice"
	WarnNotValidated      = "not_validated"
	WarnActionNoOwner     = "action_no_owner"
	WarnActionNoDue       = "action_no_due"
	WarnAssumptions       = "assumptions"
	WarnLongFinalPromise  = "long_promise"
	WarnConsentNotReached = "consent_not_reached"
)

// Warning is something the facilitator should act on; Count says how many items it concerns.
type Warning struct {
	Kind  string
	Count int
}

// Warnings lists what the facilitator should know about the session now.
func (s *Session) Warnings() []Warning {
	var w []Warning
	if len(s.Participants) > 0 {
		voice := false
		for _, p := range s.Participants {
			if p.Kind == KindCustomer || p.CustomerFacing {
				voice = true
			}
		}
		if !voice {
			w = append(w, Warning{Kind: WarnNoCustomerVoice, Count: 1})
		}
	}
	if strings.TrimSpace(s.Decision.FinalText) != "" && s.Decision.ValidationStatus != ValidationDone {
		w = append(w, Warning{Kind: WarnNotValidated, Count: 1})
	}
	noOwner, noDue := 0, 0
	for _, a := range s.Actions {
		if s.PersonName(a.OwnerID, strings.TrimSpace(a.OwnerName)) == "" {
			noOwner++
		}
		if strings.TrimSpace(a.Due) == "" {
			noDue++
		}
	}
	if noOwner > 0 {
		w = append(w, Warning{Kind: WarnActionNoOwner, Count: noOwner})
	}
	if noDue > 0 {
		w = append(w, Warning{Kind: WarnActionNoDue, Count: noDue})
	}
	if n, total := s.AssumptionCount(); total >= 3 && n*2 >= total {
		w = append(w, Warning{Kind: WarnAssumptions, Count: n})
	}
	if len(strings.Fields(s.Decision.FinalText)) > LongDraftWords {
		w = append(w, Warning{Kind: WarnLongFinalPromise, Count: 1})
	}
	if cs := s.ConsentResult(); cs.Votes > 0 && !cs.Reached {
		w = append(w, Warning{Kind: WarnConsentNotReached, Count: cs.Counts[0] + cs.Counts[1] + cs.Counts[2]})
	}
	return w
}

// AssumptionCount is how many profile items rest on assumption only, of how many.
func (s *Session) AssumptionCount() (assumptions, total int) {
	for _, it := range s.ProfileItems {
		total++
		if it.Evidence == EvidenceAssumption || it.Evidence == "" {
			assumptions++
		}
	}
	return
}

// WordCount is the number of words in a text.
func WordCount(text string) int { return len(strings.Fields(text)) }

// OwnerActions groups the actions by the name of their owner; owners sorted by
// name, each owner's actions by due date. Actions without an owner are under "".
func (s *Session) OwnerActions() (owners []string, byOwner map[string][]Action) {
	byOwner = map[string][]Action{}
	for _, a := range s.Actions {
		name := s.PersonName(a.OwnerID, strings.TrimSpace(a.OwnerName))
		if _, ok := byOwner[name]; !ok {
			owners = append(owners, name)
		}
		byOwner[name] = append(byOwner[name], a)
	}
	sort.Strings(owners)
	for _, o := range owners {
		SortActionsByDue(byOwner[o])
	}
	return owners, byOwner
}

// SortActionsByDue sorts actions by due date; those without a date last.
func SortActionsByDue(as []Action) {
	sort.SliceStable(as, func(i, j int) bool {
		di, dj := as[i].Due, as[j].Due
		if (di == "") != (dj == "") {
			return dj == ""
		}
		return di < dj
	})
}
