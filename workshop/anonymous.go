package workshop

import "strings"

// A phone that stays anonymous takes part as a voter that names no one:
// its votes (a rung on the ladder and the would-buy answer in step 1, dots
// and C1–C8 ratings in step 6, a fist of five with its concern in step 7)
// are stored under an anonymous voter id and counted like anyone's, with
// the same budget of dots, but never shown with a name; its cards (steps
// 2–5, 8 and 9) have no author. The id is not a participant's: the
// participants list, the name pickers and the report's list of people
// never show it.

// anonymousPrefix begins every anonymous voter id; a participant's id
// never does (NewID("p"), or P1… from a file: see ValidateID's callers).
const anonymousPrefix = "anon-"

// NewAnonymousVoter returns a new anonymous voter id.
func NewAnonymousVoter() string { return NewID(anonymousPrefix) }

// IsAnonymous reports whether the id is an anonymous voter's.
func IsAnonymous(id string) bool {
	return strings.HasPrefix(id, anonymousPrefix) && len(id) > len(anonymousPrefix)
}

// AnonymousLabel is how an anonymous voter is named where a name would stand.
var AnonymousLabel = Text{"nimetön", "anonymous"}

// AnonymousSteps says what an anonymous phone can do in each step: "votes"
// (counted, not named), "cards" (added without an author), or nothing.
var AnonymousSteps = map[string]string{
	StepBaseline: "votes", StepPurpose: "cards", StepProfile: "cards", StepValueMap: "cards",
	StepDrafts: "cards", StepEvaluation: "votes", StepDecision: "votes", StepMeasures: "cards", StepNextSteps: "cards",
}

// checkVoter accepts a participant or an anonymous voter.
func (s *Session) checkVoter(id string) error {
	if IsAnonymous(id) && ValidateID(id) == nil {
		return nil
	}
	return s.checkParticipant(id)
}

// isVoter reports whether votes may be given under the id.
func (s *Session) isVoter(id string) bool { return s.checkVoter(id) == nil }

// AnonymousVoters are the anonymous voter ids that have given any vote, in
// the order their first vote was stored.
func (s *Session) AnonymousVoters() []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if IsAnonymous(id) && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, v := range s.Ladder {
		add(v.ParticipantID)
	}
	for _, v := range s.DotVotes {
		add(v.ParticipantID)
	}
	for _, r := range s.Ratings {
		add(r.ParticipantID)
	}
	for _, c := range s.Consent {
		add(c.ParticipantID)
	}
	return out
}
