package workshop

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The operations a participant's input goes through, whoever types it: the
// facilitator in the window or the participant on a phone. Each checks all
// of its input before it changes anything, so that a refused input leaves
// the session as it was, and returns a typed error the front end can put in
// words: an *InputError, *DotsError, *ScoresError or *InUseError.

// MaxDraftWords is the most words a promise draft may have: three times the
// length over which a draft is flagged as long. A promise is one sentence;
// a longer text is not a draft but a paragraph pasted by mistake.
const MaxDraftWords = 3 * LongDraftWords

// MaxNameBytes is the longest name a guest may give: a name, not a text.
const MaxNameBytes = 200

// Input problems, as codes a front end translates.
const (
	ProblemEmpty    = "empty"     // a required text is empty
	ProblemTooLong  = "too_long"  // over MaxTextBytes (or MaxNameBytes for a name)
	ProblemWords    = "words"     // a draft over MaxDraftWords
	ProblemInvalid  = "invalid"   // not valid UTF-8, not one of the allowed values, not a date
	ProblemUnknown  = "unknown"   // refers to a participant, draft or segment that does not exist
	ProblemTooMany  = "too_many"  // a list is full (MaxCards, MaxParticipants)
	ProblemTaken    = "taken"     // a guest's name that a participant already has
	ProblemNotRated = "not_rated" // a draft that is not among those the room rates
	ProblemTooEarly = "too_early" // a check-in dated before the session it follows
)

// InputError refuses one field of an input.
type InputError struct {
	Field   string // the JSON name of the field, e.g. "text"
	Problem string // one of the Problem codes
	Detail  string // for logs and tests: the value or the limit
}

func (e *InputError) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Field, e.Problem, e.Detail)
	}
	return e.Field + ": " + e.Problem
}

func inputProblem(field, problem, format string, a ...any) *InputError {
	return &InputError{Field: field, Problem: problem, Detail: fmt.Sprintf(format, a...)}
}

// InUseError refuses to withdraw a card that other things refer to: votes
// on a draft, a value item pointing at a profile item…; the facilitator
// deletes such a card from the window, which knows how to undo it.
type InUseError struct {
	Kind, ID string
	By       string // what refers to it, e.g. "dot_votes"
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("%s %s is referred to by %s", e.Kind, e.ID, e.By)
}

// checkInput checks an optional text: valid UTF-8 within the validation limit.
func checkInput(field, s string) error {
	if !utf8.ValidString(s) {
		return &InputError{Field: field, Problem: ProblemInvalid, Detail: "not UTF-8"}
	}
	if len(s) > MaxTextBytes {
		return inputProblem(field, ProblemTooLong, "%d bytes; at most %d", len(s), MaxTextBytes)
	}
	return nil
}

// checkCard checks a required text: as checkInput, and not blank.
func checkCard(field, s string) error {
	if err := checkInput(field, s); err != nil {
		return err
	}
	if strings.TrimSpace(s) == "" {
		return &InputError{Field: field, Problem: ProblemEmpty}
	}
	return nil
}

func checkEnum(field, v string, allowed map[string]bool, emptyOK bool) error {
	if (v == "" && emptyOK) || allowed[v] {
		return nil
	}
	return inputProblem(field, ProblemInvalid, "%q", clip(v))
}

func checkRoom(field string, n, max int) error {
	if n >= max {
		return inputProblem(field, ProblemTooMany, "at most %d", max)
	}
	return nil
}

func (s *Session) checkParticipant(id string) error {
	if s.Participant(id) == nil {
		return inputProblem("participant_id", ProblemUnknown, "%q", clip(id))
	}
	return nil
}

// SetParticipantKind says whether a participant is an employee, a customer
// or a guest (the setup's people list).
func (s *Session) SetParticipantKind(id, kind string) error {
	if err := s.checkParticipant(id); err != nil {
		return err
	}
	if err := checkEnum("kind", kind, participantKinds, false); err != nil {
		return err
	}
	s.Participant(id).Kind = kind
	return nil
}

// SetParticipantCustomerFacing says whether a participant works with
// customers (the setup's people list).
func (s *Session) SetParticipantCustomerFacing(id string, on bool) error {
	if err := s.checkParticipant(id); err != nil {
		return err
	}
	s.Participant(id).CustomerFacing = on
	return nil
}

// SetValidationStatus says how far the promise is validated with customers
// (step 7): internal only, pending, done; empty for not yet said.
func (s *Session) SetValidationStatus(status string) error {
	if err := checkEnum("validation_status", status, validationKinds, true); err != nil {
		return err
	}
	s.Decision.ValidationStatus = status
	return nil
}

func (s *Session) checkSegment(id string) error {
	if id != "" && s.Segment(id) == nil {
		return inputProblem("segment_id", ProblemUnknown, "%q", clip(id))
	}
	return nil
}

// AddGuest adds a guest who joined on their own (from a phone) as a
// participant. A name that a participant already has is refused: that
// person picks their name from the list instead.
func (s *Session) AddGuest(name string) (Participant, error) {
	name = CleanName(name)
	if err := checkCard("name", name); err != nil {
		return Participant{}, err
	}
	if len(name) > MaxNameBytes {
		return Participant{}, inputProblem("name", ProblemTooLong, "%d bytes; at most %d", len(name), MaxNameBytes)
	}
	for _, p := range s.Participants {
		if strings.EqualFold(CleanName(p.Name), name) {
			return Participant{}, inputProblem("name", ProblemTaken, "%q", clip(name))
		}
	}
	return s.addPerson(Participant{Name: name, Kind: KindGuest})
}

// CleanName is a name typed on a phone as it is kept and compared: in one
// Unicode form (NFC), without control or invisible characters (zero-width
// spaces, direction overrides), every kind of space one plain space, and
// no space at either end. "Hanna\u00a0Koskinen" and "Hanna Koskinen\u200b"
// are then Hanna Koskinen, already in the room.
func CleanName(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFC.String(name) {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			// dropped
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ladderVote is the participant's ladder vote, added empty when missing.
func (s *Session) ladderVote(participantID string) *LadderVote {
	for i := range s.Ladder {
		if s.Ladder[i].ParticipantID == participantID {
			return &s.Ladder[i]
		}
	}
	s.Ladder = append(s.Ladder, LadderVote{ParticipantID: participantID})
	return &s.Ladder[len(s.Ladder)-1]
}

func (s *Session) ladderIndex(participantID string) int {
	for i := range s.Ladder {
		if s.Ladder[i].ParticipantID == participantID {
			return i
		}
	}
	return -1
}

// setLadder changes a voter's ladder vote with set, once check has passed:
// the one way of steps 1's operations, for the window and the phones alike.
func (s *Session) setLadder(participantID string, check func() error, set func(v *LadderVote)) (LadderVote, error) {
	if err := s.checkVoter(participantID); err != nil {
		return LadderVote{}, err
	}
	if err := check(); err != nil {
		return LadderVote{}, err
	}
	if s.ladderIndex(participantID) < 0 {
		if err := checkRoom("ladder", len(s.Ladder), MaxCards); err != nil {
			return LadderVote{}, err
		}
	}
	v := s.ladderVote(participantID)
	set(v)
	return *v, nil
}

// SetRung places the organisation on the promise ladder for a participant:
// level 1–5, or 0 to take the placement back.
func (s *Session) SetRung(participantID string, level int) (LadderVote, error) {
	return s.setLadder(participantID, func() error {
		if level < 0 || level > len(Ladder) {
			return inputProblem("level", ProblemInvalid, "%d is not 0–%d", level, len(Ladder))
		}
		return nil
	}, func(v *LadderVote) { v.Level = level })
}

// SetWouldBuy records a participant's answer to "would you buy from us?"
// (yes, maybe, no, or empty) and why.
func (s *Session) SetWouldBuy(participantID, answer, why string) (LadderVote, error) {
	return s.setLadder(participantID, func() error {
		if err := checkEnum("would_buy", answer, buyAnswers, true); err != nil {
			return err
		}
		return checkInput("why_buy", why)
	}, func(v *LadderVote) { v.WouldBuy, v.WhyBuy = answer, why })
}

// SetLadderNote keeps the facilitator's note on a participant's ladder
// placement (step 1).
func (s *Session) SetLadderNote(participantID, note string) (LadderVote, error) {
	return s.setLadder(participantID, func() error { return checkInput("note", note) },
		func(v *LadderVote) { v.Note = note })
}

// AddSegment adds a customer segment (step 2).
func (s *Session) AddSegment(name, description string) (Segment, error) {
	if err := checkCard("name", name); err != nil {
		return Segment{}, err
	}
	if err := checkInput("description", description); err != nil {
		return Segment{}, err
	}
	if err := checkRoom("segments", len(s.Segments), MaxCards); err != nil {
		return Segment{}, err
	}
	g := Segment{ID: NewID("seg"), Name: name, Description: description}
	s.Segments = append(s.Segments, g)
	return g, nil
}

// AddProfileItem adds a job, pain or gain of a segment (step 3). An item
// rests on an assumption until the room says where it comes from.
func (s *Session) AddProfileItem(segmentID, typ, text, evidence string) (ProfileItem, error) {
	if err := s.checkSegment(segmentID); err != nil {
		return ProfileItem{}, err
	}
	if err := checkEnum("type", typ, itemTypes, false); err != nil {
		return ProfileItem{}, err
	}
	if err := checkCard("text", text); err != nil {
		return ProfileItem{}, err
	}
	if err := checkEnum("evidence", evidence, evidenceKinds, true); err != nil {
		return ProfileItem{}, err
	}
	if err := checkRoom("profile_items", len(s.ProfileItems), MaxCards); err != nil {
		return ProfileItem{}, err
	}
	if evidence == "" {
		evidence = EvidenceAssumption
	}
	it := ProfileItem{ID: NewID("pi"), SegmentID: segmentID, Type: typ, Text: text, Importance: 2, Evidence: evidence}
	if typ == ItemJob {
		it.JobKind = "functional"
	}
	s.ProfileItems = append(s.ProfileItems, it)
	return it, nil
}

// AddValueItem adds a card of the value map (step 4).
func (s *Session) AddValueItem(segmentID, typ, text string) (ValueItem, error) {
	if err := s.checkSegment(segmentID); err != nil {
		return ValueItem{}, err
	}
	if err := checkEnum("type", typ, valueTypes, false); err != nil {
		return ValueItem{}, err
	}
	if err := checkCard("text", text); err != nil {
		return ValueItem{}, err
	}
	if err := checkRoom("value_items", len(s.ValueItems), MaxCards); err != nil {
		return ValueItem{}, err
	}
	it := ValueItem{ID: NewID("vi"), SegmentID: segmentID, Type: typ, Text: text, Addresses: []string{}}
	s.ValueItems = append(s.ValueItems, it)
	return it, nil
}

// AddAlternative adds what the customer would do without us (step 4).
func (s *Session) AddAlternative(text string) (Note, error) {
	if err := checkCard("text", text); err != nil {
		return Note{}, err
	}
	if err := checkRoom("alternatives", len(s.Alternatives), MaxCards); err != nil {
		return Note{}, err
	}
	n := Note{ID: NewID("alt"), Step: StepValueMap, Text: text}
	s.Alternatives = append(s.Alternatives, n)
	return n, nil
}

// MooreText writes the Moore scaffold as the method's sentence in the
// language: "[For whom], who [need], [benefit]. Unlike [alternative],
// [differentiator]." Empty parts are left out.
func MooreText(m Moore, lang string) string {
	t := func(x string) string { return strings.TrimSpace(x) }
	who, unlike := ", joka ", "Toisin kuin "
	var b strings.Builder
	if lang == "en" {
		who, unlike = ", who ", "Unlike "
		if t(m.For) != "" {
			b.WriteString("For ")
		}
	}
	b.WriteString(t(m.For))
	if t(m.Need) != "" {
		if b.Len() > 0 {
			b.WriteString(who)
		}
		b.WriteString(t(m.Need))
	}
	if t(m.Benefit) != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t(m.Benefit))
	}
	if b.Len() > 0 {
		b.WriteString(".")
	}
	if t(m.Unlike) != "" || t(m.Differentiator) != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		if t(m.Unlike) != "" {
			b.WriteString(unlike + t(m.Unlike))
			if t(m.Differentiator) != "" {
				b.WriteString(", ")
			}
		}
		b.WriteString(t(m.Differentiator) + ".")
	}
	return b.String()
}

func checkDraftText(field, text string) error {
	if err := checkCard(field, text); err != nil {
		return err
	}
	if n := WordCount(text); n > MaxDraftWords {
		return inputProblem(field, ProblemWords, "%d words; at most %d", n, MaxDraftWords)
	}
	return nil
}

// AddDraft adds a promise draft (step 5) by its author, or anonymous when
// authorID is empty. With the Moore scaffold and no text, the scaffold
// written as a sentence is the text.
func (s *Session) AddDraft(text string, moore *Moore, authorID string) (Draft, error) {
	if authorID != "" {
		if err := s.checkParticipant(authorID); err != nil {
			return Draft{}, err
		}
	}
	if moore != nil {
		m := *moore
		for _, f := range []struct{ name, v string }{{"moore_for", m.For}, {"moore_need", m.Need},
			{"moore_benefit", m.Benefit}, {"moore_unlike", m.Unlike}, {"moore_differentiator", m.Differentiator}} {
			if err := checkInput(f.name, f.v); err != nil {
				return Draft{}, err
			}
		}
		if strings.TrimSpace(text) == "" {
			text = MooreText(m, s.Language)
		}
		moore = &m
	}
	if err := checkDraftText("text", text); err != nil {
		return Draft{}, err
	}
	if err := checkRoom("drafts", len(s.Drafts), MaxCards); err != nil {
		return Draft{}, err
	}
	d := Draft{ID: NewID("dr"), Text: text, AuthorIDs: []string{}, SegmentIDs: []string{}, Moore: moore, Version: 1}
	for _, g := range s.Segments {
		if g.Focus { // a new draft is for the focus segments until the room says otherwise
			d.SegmentIDs = append(d.SegmentIDs, g.ID)
		}
	}
	if authorID != "" {
		d.AuthorIDs = []string{authorID}
	}
	s.Drafts = append(s.Drafts, d)
	return d, nil
}

// RateDraft stores a participant's rating row of a draft ("55434545", as
// ParseScores reads it); an empty row takes the rating back. Only the drafts
// the room rates (RatingDrafts) can be rated.
func (s *Session) RateDraft(participantID, draftID, row string) (r Rating, gone bool, err error) {
	if err := s.checkVoter(participantID); err != nil {
		return Rating{}, false, err
	}
	if s.Draft(draftID) == nil {
		return Rating{}, false, inputProblem("draft_id", ProblemUnknown, "%q", clip(draftID))
	}
	ids, _ := s.RatingDrafts()
	if !containsString(ids, draftID) {
		return Rating{}, false, inputProblem("draft_id", ProblemNotRated, "%q", clip(draftID))
	}
	scores, ok, err := ParseScores(row)
	if err != nil {
		return Rating{}, false, err
	}
	if ok && s.RatingOf(participantID, draftID) == nil {
		if err := checkRoom("ratings", len(s.Ratings), MaxCards); err != nil {
			return Rating{}, false, err
		}
	}
	r, gone = s.SetScores(participantID, draftID, scores, ok)
	return r, gone, nil
}

// GiveConsent records a participant's fist of five in the current round and,
// under three fingers, their concern, which joins the open concerns; three
// or more fingers take an earlier concern of the round back.
func (s *Session) GiveConsent(participantID string, fingers int, concern string) (Consent, error) {
	if err := s.checkVoter(participantID); err != nil {
		return Consent{}, err
	}
	if fingers < 0 || fingers > 5 {
		return Consent{}, inputProblem("fingers", ProblemInvalid, "%d is not 0–5", fingers)
	}
	if err := checkInput("concern", concern); err != nil {
		return Consent{}, err
	}
	if s.ConsentOf(participantID) == nil {
		if err := checkRoom("consent", len(s.Consent), MaxCards); err != nil {
			return Consent{}, err
		}
	}
	if fingers >= 3 {
		concern = ""
	}
	if _, err := s.SetFingers(participantID, fingers); err != nil {
		return Consent{}, err
	}
	c, _, err := s.SetConcern(participantID, concern)
	return c, err
}

// AddMeasure adds a proposed measure (step 8): its name, type (or empty),
// how it is measured, and the owner typed or picked (see SetOwner).
func (s *Session) AddMeasure(name, typ, definition, owner string) (Measure, error) {
	if err := checkCard("name", name); err != nil {
		return Measure{}, err
	}
	if err := checkEnum("type", typ, measureTypes, true); err != nil {
		return Measure{}, err
	}
	if err := checkInput("definition", definition); err != nil {
		return Measure{}, err
	}
	if err := checkInput("owner", owner); err != nil {
		return Measure{}, err
	}
	if err := checkRoom("measures", len(s.Measures), MaxCards); err != nil {
		return Measure{}, err
	}
	m := Measure{ID: NewID("M"), Name: name, Type: typ, Definition: definition}
	s.SetOwner(owner, &m.OwnerID, &m.OwnerName)
	s.Measures = append(s.Measures, m)
	return m, nil
}

// Card kinds a participant adds and may change or withdraw again.
const (
	CardSegment     = "segment"
	CardProfileItem = "profile_item"
	CardValueItem   = "value_item"
	CardAlternative = "alternative"
	CardDraft       = "draft"
	CardMeasure     = "measure"
	CardAction      = "action"
)

// ErrNoCard is a card that does not exist (any more).
var ErrNoCard = errors.New("no such card")

// cardText finds the main text of a card of a kind, or nil.
func (s *Session) cardText(kind, id string) *string {
	switch kind {
	case CardSegment:
		if g := s.Segment(id); g != nil {
			return &g.Name
		}
	case CardProfileItem:
		if it := s.ProfileItem(id); it != nil {
			return &it.Text
		}
	case CardValueItem:
		if it := s.ValueItem(id); it != nil {
			return &it.Text
		}
	case CardAlternative:
		if n := byID(s.Alternatives, id, noteID); n != nil {
			return &n.Text
		}
	case CardDraft:
		if d := s.Draft(id); d != nil {
			return &d.Text
		}
	case CardMeasure:
		if m := s.Measure(id); m != nil {
			return &m.Name
		}
	case CardAction:
		if a := s.Action(id); a != nil {
			return &a.Text
		}
	}
	return nil
}

// CardText is the main text of a card (a segment's or measure's name, the
// text of the others), and whether the card exists.
func (s *Session) CardText(kind, id string) (string, bool) {
	if p := s.cardText(kind, id); p != nil {
		return *p, true
	}
	return "", false
}

// SetCardText changes the main text of a card, with the checks of adding it.
func (s *Session) SetCardText(kind, id, text string) error {
	p := s.cardText(kind, id)
	if p == nil {
		return ErrNoCard
	}
	check := checkCard
	if kind == CardDraft {
		check = checkDraftText
	}
	if err := check("text", text); err != nil {
		return err
	}
	*p = text
	return nil
}

// WithdrawCard removes a card its author takes back. A card that anything
// refers to (votes or ratings on a draft, items of a segment, a value item
// addressing a profile item, an action following a measure) is refused with
// an *InUseError: taking it back would take others' work with it.
func (s *Session) WithdrawCard(kind, id string) error {
	if s.cardText(kind, id) == nil {
		return ErrNoCard
	}
	inUse := func(by string) error { return &InUseError{Kind: kind, ID: id, By: by} }
	switch kind {
	case CardSegment:
		for _, it := range s.ProfileItems {
			if it.SegmentID == id {
				return inUse("profile_items")
			}
		}
		for _, it := range s.ValueItems {
			if it.SegmentID == id {
				return inUse("value_items")
			}
		}
		for _, d := range s.Drafts {
			if containsString(d.SegmentIDs, id) {
				return inUse("drafts")
			}
		}
		s.Segments = removeWhere(s.Segments, func(g Segment) bool { return g.ID == id })
	case CardProfileItem:
		for _, it := range s.ValueItems {
			if containsString(it.Addresses, id) {
				return inUse("value_items")
			}
		}
		for _, d := range s.Drafts {
			if containsString(d.BasedOn, id) {
				return inUse("drafts")
			}
		}
		s.ProfileItems = removeWhere(s.ProfileItems, func(it ProfileItem) bool { return it.ID == id })
	case CardValueItem:
		s.ValueItems = removeWhere(s.ValueItems, func(it ValueItem) bool { return it.ID == id })
	case CardAlternative:
		s.Alternatives = removeWhere(s.Alternatives, func(n Note) bool { return n.ID == id })
	case CardDraft:
		for _, v := range s.DotVotes {
			if v.DraftID == id {
				return inUse("dot_votes")
			}
		}
		for _, r := range s.Ratings {
			if r.DraftID == id {
				return inUse("ratings")
			}
		}
		for _, d := range s.Drafts {
			if d.ParentID == id {
				return inUse("drafts")
			}
		}
		if s.Decision.ChosenDraftID == id || s.Rejection(id) != "" {
			return inUse("decision")
		}
		s.Drafts = removeWhere(s.Drafts, func(d Draft) bool { return d.ID == id })
	case CardMeasure:
		for _, a := range s.Actions {
			if a.MeasureID == id {
				return inUse("actions")
			}
		}
		s.Measures = removeWhere(s.Measures, func(m Measure) bool { return m.ID == id })
	case CardAction:
		s.Actions = removeWhere(s.Actions, func(a Action) bool { return a.ID == id })
	}
	return nil
}

func removeWhere[T any](list []T, drop func(T) bool) []T {
	out := make([]T, 0, len(list))
	for _, x := range list {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}
