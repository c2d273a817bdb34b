package workshop

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// The rules of steps 6–9 that are not about screens: giving and taking
// back dots, reading a rating row, the consent round, wording versions and
// the hints on measures and actions. Each function changes the session in
// memory and returns what it changed, so the UI can store exactly that.

// DotsError refuses a dot: the participant has none left (or none to take back).
type DotsError struct {
	ParticipantID string
	Given, Max    int
	TakeBack      bool // taking back a dot the participant did not give
}

func (e *DotsError) Error() string {
	if e.TakeBack {
		return fmt.Sprintf("participant %s has no dot on that draft", e.ParticipantID)
	}
	return fmt.Sprintf("participant %s has given all %d dots", e.ParticipantID, e.Max)
}

// DotsPerParticipant is the session's number of dots, the default when unset.
func (s *Session) DotsPerParticipant() int {
	if s.Dots < 1 {
		return DefaultDots
	}
	return s.Dots
}

// DotsLeft is how many dots the participant may still give.
func (s *Session) DotsLeft(participantID string) int {
	return s.DotsPerParticipant() - s.DotsGiven(participantID)
}

// DotsOn is how many dots the participant gave the draft.
func (s *Session) DotsOn(participantID, draftID string) int {
	for _, v := range s.DotVotes {
		if v.ParticipantID == participantID && v.DraftID == draftID {
			return v.Dots
		}
	}
	return 0
}

// GiveDot gives the draft one more of the participant's dots, refusing with
// a *DotsError when the participant has none left. It returns the vote as
// it is now.
func (s *Session) GiveDot(participantID, draftID string) (DotVote, error) {
	if !s.isVoter(participantID) || s.Draft(draftID) == nil {
		return DotVote{}, errors.New("unknown participant or draft")
	}
	if s.DotsLeft(participantID) <= 0 {
		return DotVote{}, &DotsError{ParticipantID: participantID, Given: s.DotsGiven(participantID), Max: s.DotsPerParticipant()}
	}
	for i := range s.DotVotes {
		v := &s.DotVotes[i]
		if v.ParticipantID == participantID && v.DraftID == draftID {
			if v.Dots < 0 {
				v.Dots = 0
			}
			v.Dots++
			return *v, nil
		}
	}
	v := DotVote{ParticipantID: participantID, DraftID: draftID, Dots: 1}
	s.DotVotes = append(s.DotVotes, v)
	return v, nil
}

// TakeDot takes one of the participant's dots back from the draft. When the
// last dot goes, the vote is removed (gone reports it); a *DotsError when
// there was no dot to take.
func (s *Session) TakeDot(participantID, draftID string) (v DotVote, gone bool, err error) {
	for i := range s.DotVotes {
		p := &s.DotVotes[i]
		if p.ParticipantID != participantID || p.DraftID != draftID {
			continue
		}
		if p.Dots <= 1 {
			v = *p
			v.Dots = 0
			s.DotVotes = append(s.DotVotes[:i], s.DotVotes[i+1:]...)
			return v, true, nil
		}
		p.Dots--
		return *p, false, nil
	}
	return DotVote{}, false, &DotsError{ParticipantID: participantID, TakeBack: true}
}

// SetDotsError refuses a new number of dots per participant.
type SetDotsError struct {
	N         int
	Over      string // a participant who has already given more than N
	OverGiven int
}

func (e *SetDotsError) Error() string {
	if e.Over != "" {
		return fmt.Sprintf("participant %s has already given %d dots, more than %d", e.Over, e.OverGiven, e.N)
	}
	return fmt.Sprintf("%d dots per participant is not between 1 and %d", e.N, MaxDots)
}

// SetDots changes the number of dots per participant. It refuses a number
// out of range, and one below what someone has already given, so that no
// vote ever stands over the limit.
func (s *Session) SetDots(n int) error {
	if n < 1 || n > MaxDots {
		return &SetDotsError{N: n}
	}
	for _, p := range s.Participants {
		if g := s.DotsGiven(p.ID); g > n {
			return &SetDotsError{N: n, Over: p.ID, OverGiven: g}
		}
	}
	for _, id := range s.AnonymousVoters() {
		if g := s.DotsGiven(id); g > n {
			return &SetDotsError{N: n, Over: id, OverGiven: g}
		}
	}
	s.Dots = n
	return nil
}

// ScoresError says what is wrong with a typed rating row.
type ScoresError struct {
	Count int    // digits read, when the count is wrong
	Pos   int    // 1-based position of a bad character, when there is one
	Char  string // the bad character
}

func (e *ScoresError) Error() string {
	if e.Char != "" {
		return fmt.Sprintf("character %d %q is not a score 1–5", e.Pos, e.Char)
	}
	return fmt.Sprintf("%d scores instead of %d", e.Count, NumCriteria)
}

// ParseScores reads a rating row: eight scores 1–5 for C1..C8, typed as
// "55434545" (spaces, commas and semicolons between them are allowed); "-"
// leaves a criterion unrated. An empty row is no scores at all (ok false).
func ParseScores(row string) (scores [NumCriteria]int, ok bool, err error) {
	n := 0
	pos := 0
	for _, r := range row {
		pos++
		switch {
		case r == ' ' || r == ',' || r == ';' || r == '\t':
			continue
		case r >= '1' && r <= '5', r == '-':
			if n < NumCriteria {
				if r != '-' {
					scores[n] = int(r - '0')
				}
			}
			n++
		default:
			return scores, false, &ScoresError{Pos: pos, Char: string(r)}
		}
	}
	if n == 0 {
		return scores, false, nil
	}
	if n != NumCriteria {
		return scores, false, &ScoresError{Count: n}
	}
	return scores, true, nil
}

// FormatScores writes scores the way ParseScores reads them; "" when none is set.
func FormatScores(scores [NumCriteria]int) string {
	var b strings.Builder
	any := false
	for _, v := range scores {
		if v >= 1 && v <= 5 {
			b.WriteByte(byte('0' + v))
			any = true
		} else {
			b.WriteByte('-')
		}
	}
	if !any {
		return ""
	}
	return b.String()
}

// RatingOf returns the participant's rating of the draft, or nil.
func (s *Session) RatingOf(participantID, draftID string) *Rating {
	for i := range s.Ratings {
		if s.Ratings[i].ParticipantID == participantID && s.Ratings[i].DraftID == draftID {
			return &s.Ratings[i]
		}
	}
	return nil
}

// SetScores stores the participant's scores of the draft; with ok false (an
// empty row) the rating is removed and gone reports it.
func (s *Session) SetScores(participantID, draftID string, scores [NumCriteria]int, ok bool) (r Rating, gone bool) {
	for i := range s.Ratings {
		p := &s.Ratings[i]
		if p.ParticipantID != participantID || p.DraftID != draftID {
			continue
		}
		if !ok {
			r = *p
			s.Ratings = append(s.Ratings[:i], s.Ratings[i+1:]...)
			return r, true
		}
		p.Scores = scores
		return *p, false
	}
	r = Rating{ParticipantID: participantID, DraftID: draftID, Scores: scores}
	if !ok {
		return r, false // nothing stored and nothing to remove
	}
	s.Ratings = append(s.Ratings, r)
	return r, false
}

// RatingDrafts are the drafts the room rates on the criteria: the
// shortlisted ones; when none is shortlisted, the top three by dots (drafts
// without any dot are not picked); and when no dot has been given either,
// every draft (shortlisted false says it was not a shortlist).
func (s *Session) RatingDrafts() (ids []string, shortlisted bool) {
	for _, d := range s.Drafts {
		if d.Shortlisted {
			ids = append(ids, d.ID)
		}
	}
	if len(ids) > 0 {
		return ids, true
	}
	for _, r := range s.Results() {
		if len(ids) == 3 || r.Dots == 0 {
			break
		}
		ids = append(ids, r.DraftID)
	}
	if len(ids) == 0 {
		for _, d := range s.Drafts {
			ids = append(ids, d.ID)
		}
	}
	return ids, false
}

// WinningDraft is the draft with the most dots (then the best weighted
// score), or "" when there are no drafts.
func (s *Session) WinningDraft() string {
	res := s.Results()
	if len(res) == 0 {
		return ""
	}
	return res[0].DraftID
}

// ConsentOf returns the participant's fist-of-five, or nil when not given.
func (s *Session) ConsentOf(participantID string) *Consent {
	for i := range s.Consent {
		if s.Consent[i].ParticipantID == participantID {
			return &s.Consent[i]
		}
	}
	return nil
}

// SetFingers records a participant's fist-of-five (0–5).
func (s *Session) SetFingers(participantID string, fingers int) (Consent, error) {
	if fingers < 0 || fingers > 5 {
		return Consent{}, fmt.Errorf("%d fingers is not between 0 and 5", fingers)
	}
	if !s.isVoter(participantID) {
		return Consent{}, errors.New("unknown participant")
	}
	if c := s.ConsentOf(participantID); c != nil {
		c.Fingers = fingers
		return *c, nil
	}
	c := Consent{ParticipantID: participantID, Fingers: fingers}
	s.Consent = append(s.Consent, c)
	return c, nil
}

// ConcernText is how a participant's concern reads among the open concerns.
func (s *Session) ConcernText(participantID, concern string) string {
	if IsAnonymous(participantID) {
		return strings.TrimSpace(concern) // counted, not named
	}
	return s.PersonName(participantID, "?") + ": " + strings.TrimSpace(concern)
}

// SetConcern records the concern of a participant who showed fewer than
// three fingers, and keeps it among the decision's open concerns: the entry
// the previous wording of this concern made is replaced, not added again.
// The returned bool says whether the header (open concerns) changed.
func (s *Session) SetConcern(participantID, concern string) (Consent, bool, error) {
	c := s.ConsentOf(participantID)
	if c == nil {
		return Consent{}, false, errors.New("no fist-of-five from this participant")
	}
	old := strings.TrimSpace(c.Concern)
	c.Concern = concern
	oldText, newText := s.ConcernText(participantID, old), s.ConcernText(participantID, concern)
	header := false
	at := -1
	if old != "" {
		for i, oc := range s.Decision.OpenConcerns {
			if oc == oldText {
				at = i
				break
			}
		}
	}
	switch {
	case strings.TrimSpace(concern) == "" && at >= 0:
		s.Decision.OpenConcerns = append(s.Decision.OpenConcerns[:at], s.Decision.OpenConcerns[at+1:]...)
		header = true
	case strings.TrimSpace(concern) == "":
	case at >= 0:
		s.Decision.OpenConcerns[at] = newText
		header = true
	default:
		if !containsString(s.Decision.OpenConcerns, newText) {
			s.Decision.OpenConcerns = append(s.Decision.OpenConcerns, newText)
			header = true
		}
	}
	return *c, header, nil
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// NewConsentRound starts the next fist-of-five after the wording was
// revised: the round number goes up and everyone's fingers are cleared. The
// concerns stay among the open concerns. It returns the cleared votes.
func (s *Session) NewConsentRound() []Consent {
	for _, c := range s.Consent {
		if strings.TrimSpace(c.Concern) != "" {
			if t := s.ConcernText(c.ParticipantID, c.Concern); !containsString(s.Decision.OpenConcerns, t) {
				s.Decision.OpenConcerns = append(s.Decision.OpenConcerns, t)
			}
		}
	}
	gone := s.Consent
	s.Consent = nil
	if s.Decision.ConsentRound < 1 {
		s.Decision.ConsentRound = 1
	}
	s.Decision.ConsentRound++
	return gone
}

// LatestVersion is the wording version saved last, or nil.
func (s *Session) LatestVersion() *PromiseVersion {
	if len(s.PromiseVersions) == 0 {
		return nil
	}
	latest := &s.PromiseVersions[0]
	for i := range s.PromiseVersions {
		if s.PromiseVersions[i].At >= latest.At {
			latest = &s.PromiseVersions[i]
		}
	}
	return latest
}

// SaveVersion keeps the current final wording as a new version, unless it
// is empty or the same as the latest version (ok false).
func (s *Session) SaveVersion(at time.Time, note string) (v PromiseVersion, ok bool) {
	text := strings.TrimSpace(s.Decision.FinalText)
	if text == "" {
		return PromiseVersion{}, false
	}
	if l := s.LatestVersion(); l != nil && strings.TrimSpace(l.Text) == text {
		return PromiseVersion{}, false
	}
	stamp := at.UTC().Format(time.RFC3339)
	if l := s.LatestVersion(); l != nil && stamp <= l.At {
		// Two saves within a second: keep the order of the versions by time.
		if t, err := time.Parse(time.RFC3339, l.At); err == nil {
			stamp = t.Add(time.Second).UTC().Format(time.RFC3339)
		}
	}
	v = PromiseVersion{ID: NewID("V"), Text: s.Decision.FinalText, At: stamp, Note: note}
	s.PromiseVersions = append(s.PromiseVersions, v)
	return v, true
}

// RestoreVersion makes a saved version the current wording again; the
// restored wording becomes a new version itself, so the history only grows.
func (s *Session) RestoreVersion(id string, at time.Time, note string) (PromiseVersion, bool, error) {
	for _, v := range s.PromiseVersions {
		if v.ID == id {
			s.Decision.FinalText = v.Text
			nv, ok := s.SaveVersion(at, note)
			return nv, ok, nil
		}
	}
	return PromiseVersion{}, false, errors.New("no such version")
}

// VersionsByTime are the wording versions, oldest first.
func (s *Session) VersionsByTime() []PromiseVersion {
	out := append([]PromiseVersion(nil), s.PromiseVersions...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}

// Rejection returns the reason the draft was not chosen, or "".
func (s *Session) Rejection(draftID string) string {
	for _, r := range s.Decision.Rejected {
		if r.DraftID == draftID {
			return r.Reason
		}
	}
	return ""
}

// SetRejection records why a draft was not chosen; an empty reason removes it.
func (s *Session) SetRejection(draftID, reason string) {
	for i, r := range s.Decision.Rejected {
		if r.DraftID == draftID {
			if strings.TrimSpace(reason) == "" {
				s.Decision.Rejected = append(s.Decision.Rejected[:i], s.Decision.Rejected[i+1:]...)
			} else {
				s.Decision.Rejected[i].Reason = reason
			}
			return
		}
	}
	if strings.TrimSpace(reason) != "" {
		s.Decision.Rejected = append(s.Decision.Rejected, Rejection{DraftID: draftID, Reason: reason})
	}
}

// Measure hints: what a good set of measures still lacks.
const (
	HintNoCustomerMeasure    = "no_customer_measure"
	HintNoOperationalMeasure = "no_operational_measure"
	HintNoEmployeeMeasure    = "no_employee_measure"
)

// CustomerPerceived reports whether a measure type is the customer's own experience.
func CustomerPerceived(measureType string) bool {
	return measureType == MeasureNPS || measureType == MeasureCES || measureType == MeasureCSAT
}

// MeasureHints lists what the measures still lack: at least one
// customer-perceived and one operational measure are needed; an employee
// measure is suggested.
func (s *Session) MeasureHints() []string {
	var customer, operational, employee bool
	for _, m := range s.Measures {
		customer = customer || CustomerPerceived(m.Type)
		operational = operational || m.Type == MeasureOperational
		employee = employee || m.Type == MeasureEmployee
	}
	var out []string
	if !customer {
		out = append(out, HintNoCustomerMeasure)
	}
	if !operational {
		out = append(out, HintNoOperationalMeasure)
	}
	if !employee {
		out = append(out, HintNoEmployeeMeasure)
	}
	return out
}

// ActionGaps says whether an action lacks an owner or a due date.
func (s *Session) ActionGaps(a Action) (noOwner, noDue bool) {
	return strings.TrimSpace(s.PersonName(a.OwnerID, a.OwnerName)) == "", strings.TrimSpace(a.Due) == ""
}

// SetOwner sets the owner of a measure or an action from what was typed or
// chosen: a participant's name picks the participant, anything else is kept
// as the name of someone not in the room.
func (s *Session) SetOwner(typed string, id, name *string) {
	typed = strings.TrimSpace(typed)
	for _, p := range s.Participants {
		if typed != "" && p.Name == typed {
			*id, *name = p.ID, ""
			return
		}
	}
	*id, *name = "", typed
}

// FingersError says what is wrong with a typed row of fists.
type FingersError struct {
	Pos   int    // 1-based position of a bad character
	Char  string // the bad character
	Count int    // digits read, when there are more than participants
	Max   int
}

func (e *FingersError) Error() string {
	if e.Char != "" {
		return fmt.Sprintf("character %d %q is not 0–5 fingers", e.Pos, e.Char)
	}
	return fmt.Sprintf("%d fists for %d participants", e.Count, e.Max)
}

// ParseFingers reads the fist-of-five of the room typed in the order the
// participants sit in the session ("545345"; spaces allowed, "-" skips a
// person). It returns one value per digit, -1 for a skipped person.
func ParseFingers(row string, participants int) ([]int, error) {
	var out []int
	pos := 0
	for _, r := range row {
		pos++
		switch {
		case r == ' ' || r == ',' || r == ';' || r == '\t':
		case r >= '0' && r <= '5':
			out = append(out, int(r-'0'))
		case r == '-':
			out = append(out, -1)
		default:
			return nil, &FingersError{Pos: pos, Char: string(r)}
		}
	}
	if len(out) > participants {
		return nil, &FingersError{Count: len(out), Max: participants}
	}
	return out, nil
}
