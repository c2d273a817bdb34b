package workshop

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of a session. They are far above what a workshop produces, and low
// enough that a hostile file cannot make the app or the PDF choke.
const (
	// MaxTextBytes is the longest text field: twice 100 kB, so that a pasted
	// 100 kB text (in any script) is always accepted.
	MaxTextBytes    = 200_000
	MaxIDBytes      = 64
	MaxParticipants = 500
	MaxCards        = 10_000 // of each kind: drafts, votes, actions…
	MaxAgendaItems  = 50
	MaxDots         = 20
	MaxPlannedMin   = 600
	MaxUsedSec      = 7 * 24 * 3600
	MaxVersion      = 10_000
)

// ValidationError says which part of a session is wrong and how.
type ValidationError struct {
	Where   string // the item, e.g. `participant 3 ("Anna")`, or "session"
	Field   string // the JSON name of the field, e.g. "name"
	Problem string // a sentence naming the field and the problem
}

func (e *ValidationError) Error() string { return e.Where + ": " + e.Problem }

// ValidateText checks a text field: valid UTF-8 and at most MaxTextBytes.
// Like the other Validate functions for one field, its message is a predicate
// ("is too long (…)") to follow the field's name.
func ValidateText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("is not valid UTF-8 text")
	}
	if len(s) > MaxTextBytes {
		return fmt.Errorf("is too long (%d bytes; at most %d)", len(s), MaxTextBytes)
	}
	return nil
}

// ValidateID checks a card's id: not empty, short, one line of printable text.
func ValidateID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("is empty")
	case !utf8.ValidString(id):
		return fmt.Errorf("is not valid UTF-8 text")
	case len(id) > MaxIDBytes:
		return fmt.Errorf("is too long (%d bytes; at most %d)", len(id), MaxIDBytes)
	case strings.IndexFunc(id, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return fmt.Errorf("%q contains control characters", id)
	}
	return nil
}

// dateShape is YYYY-MM-DD's shape, whether or not the day is real.
var dateShape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// ValidateDate checks a date: YYYY-MM-DD (a real day) or empty.
func ValidateDate(s string) error {
	if s == "" {
		return nil
	}
	if len(s) != 10 || !dateShape.MatchString(s) {
		return fmt.Errorf("%q is not a date of the form YYYY-MM-DD", clip(s))
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("%q is not a date: the calendar has no such day", clip(s)) // 2027-02-30
	}
	return nil
}

// ValidateTimestamp checks a point in time: RFC 3339, YYYY-MM-DDTHH:MM, or empty.
func ValidateTimestamp(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return nil
	}
	if _, err := time.Parse("2006-01-02T15:04", s); err == nil && len(s) == 16 {
		return nil
	}
	return fmt.Errorf("%q is not a time of the form YYYY-MM-DDTHH:MM or RFC 3339", clip(s))
}

// ValidateClock checks a time of day: HH:MM or empty.
func ValidateClock(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("15:04", s); err != nil || len(s) != 5 {
		return fmt.Errorf("%q is not a time of day of the form HH:MM", clip(s))
	}
	return nil
}

// clip shortens user text quoted in an error message.
func clip(s string) string {
	const max = 40
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// Enumerations a session may hold; empty is allowed where noted in Validate.
var (
	sessionStatuses  = set(StatusPlanned, StatusInProgress, StatusCompleted)
	participantKinds = set(KindEmployee, KindCustomer, KindGuest)
	buyAnswers       = set(BuyYes, BuyMaybe, BuyNo)
	itemTypes        = set(ItemJob, ItemPain, ItemGain, ItemMotive)
	jobKinds         = set("functional", "social", "emotional")
	evidenceKinds    = set(EvidenceCustomerSaid, EvidenceFeedbackData, EvidenceObservation, EvidenceAssumption)
	valueTypes       = set(ValueProduct, ValuePainReliever, ValueGainCreator)
	deliveredAnswers = set("yes", "partly", "no")
	validationKinds  = set(ValidationInternal, ValidationPending, ValidationDone)
	measureTypes     = set(MeasureNPS, MeasureCES, MeasureCSAT, MeasureOperational, MeasureEmployee, MeasureOther)
	actionKinds      = set(ActionUnderstand, ActionMobilise, ActionAct)
	actionStatuses   = set(ActionOpen, ActionInProgress, ActionDone, ActionDropped)
	agendaSteps      = set(StepBaseline, StepPurpose, StepProfile, StepValueMap, StepBreak, StepDrafts, StepEvaluation, StepDecision, StepMeasures, StepNextSteps,
		StepCIActions, StepCIMeasures, StepCICustomers, StepCIPromise, StepCILadder, StepCINext)
	screenSteps = set(StepSetup, StepBaseline, StepPurpose, StepProfile, StepValueMap, StepBreak, StepDrafts, StepEvaluation, StepDecision, StepMeasures, StepNextSteps, StepSummary,
		StepCIActions, StepCIMeasures, StepCICustomers, StepCIPromise, StepCILadder, StepCINext, StepHistory)
)

func set(vs ...string) map[string]bool {
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		m[v] = true
	}
	return m
}

func names(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out) // the same message every time
	return strings.Join(out, ", ")
}

// validator remembers the first problem found; later checks are no-ops.
type validator struct {
	err   *ValidationError
	where string
}

func (v *validator) fail(field, format string, args ...any) {
	if v.err == nil {
		v.err = &ValidationError{Where: v.where, Field: field, Problem: fmt.Sprintf(format, args...)}
	}
}

// valid checks a field with Validate functions in turn, whose messages
// follow the field's name; the first that fails says why.
func (v *validator) valid(field, s string, validate ...func(string) error) {
	for _, check := range validate {
		if v.err != nil {
			return
		}
		if err := check(s); err != nil {
			v.fail(field, "%s %v", field, err)
		}
	}
}

func (v *validator) text(field, s string)      { v.valid(field, s, ValidateText) }
func (v *validator) id(field, s string)        { v.valid(field, s, ValidateID) }
func (v *validator) date(field, s string)      { v.valid(field, s, ValidateText, ValidateDate) }
func (v *validator) timestamp(field, s string) { v.valid(field, s, ValidateText, ValidateTimestamp) }
func (v *validator) clock(field, s string)     { v.valid(field, s, ValidateText, ValidateClock) }

// enum checks a value against its allowed set; optional values may be empty.
func (v *validator) enum(field, s string, allowed map[string]bool, optional bool) {
	if v.err != nil || allowed[s] || (optional && s == "") {
		return
	}
	if s == "" {
		v.fail(field, "%s is empty (one of %s)", field, names(allowed))
		return
	}
	v.fail(field, "%s %q is not one of %s", field, clip(s), names(allowed))
}

func (v *validator) between(field string, n, lo, hi int) {
	if v.err == nil && (n < lo || n > hi) {
		v.fail(field, "%s %d is not between %d and %d", field, n, lo, hi)
	}
}

// voter checks the participant of a vote: a participant, or an anonymous voter.
func (v *validator) voter(id string, people map[string]bool) {
	if !IsAnonymous(id) {
		v.ref("participant_id", id, people, "participant")
	}
}

// ref checks that a non-empty reference points at an existing item.
func (v *validator) ref(field, id string, exists map[string]bool, what string) {
	if v.err == nil && id != "" && !exists[id] {
		v.fail(field, "%s %q: no such %s", field, clip(id), what)
	}
}

func (v *validator) refs(field string, ids []string, exists map[string]bool, what string) {
	if v.err != nil {
		return
	}
	if len(ids) > MaxCards {
		v.fail(field, "%s has too many entries (%d; at most %d)", field, len(ids), MaxCards)
		return
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if id == "" {
			v.fail(field, "%s has an empty id", field)
			return
		}
		if seen[id] {
			v.fail(field, "%s lists %q twice", field, clip(id))
			return
		}
		seen[id] = true
		v.ref(field, id, exists, what)
	}
}

// at names a list item for messages: `participant 3 ("Anna")`.
func at(kind string, i int, label string) string {
	if label == "" {
		return fmt.Sprintf("%s %d", kind, i+1)
	}
	return fmt.Sprintf("%s %d (%q)", kind, i+1, clip(label))
}

// ids checks a list's ids (non-empty, unique) and returns them as a set.
// An item is named in messages by its label, or by its id when label is nil.
func (v *validator) ids(kind string, n int, id func(int) string, label func(int) string) map[string]bool {
	if label == nil {
		label = id
	}
	seen := make(map[string]bool, n)
	for i := 0; i < n && v.err == nil; i++ {
		v.where = at(kind, i, label(i))
		v.id("id", id(i))
		v.once(seen, "id", id(i), "id %q is used twice")
	}
	return seen
}

// count checks the length of one of the session's lists.
func (v *validator) count(field string, n, max int) {
	if v.err == nil && n > max {
		v.where = "session"
		v.many(field, n, max)
	}
}

// many checks the length of a list of the item being checked.
func (v *validator) many(field string, n, max int) {
	if v.err == nil && n > max {
		v.fail(field, "%s has too many entries (%d; at most %d)", field, n, max)
	}
}

// once fails when the list has had the key before (format quotes it, as %q)
// and remembers it in seen.
func (v *validator) once(seen map[string]bool, field, key, format string) {
	if v.err == nil && seen[key] {
		v.fail(field, format, clip(key))
	}
	seen[key] = true
}

// Validate checks that the session is whole and sound: every text valid
// UTF-8 and of a sane length, dates and enumerations valid, ids unique,
// every reference pointing at something that exists, every number in range.
// It returns the first problem as a *ValidationError.
func (s *Session) Validate() error {
	v := &validator{where: "session"}
	v.header(s)
	v.count("participants", len(s.Participants), MaxParticipants)
	for _, l := range []struct {
		field string
		n     int
	}{
		{"ladder", len(s.Ladder)}, {"segments", len(s.Segments)}, {"profile_items", len(s.ProfileItems)},
		{"value_items", len(s.ValueItems)}, {"alternatives", len(s.Alternatives)}, {"drafts", len(s.Drafts)},
		{"dot_votes", len(s.DotVotes)}, {"ratings", len(s.Ratings)}, {"consent", len(s.Consent)},
		{"promise_versions", len(s.PromiseVersions)}, {"measures", len(s.Measures)}, {"actions", len(s.Actions)},
		{"parking_lot", len(s.ParkingLot)},
	} {
		v.count(l.field, l.n, MaxCards)
	}
	if v.err != nil {
		return v.err
	}

	people := v.ids("participant", len(s.Participants),
		func(i int) string { return s.Participants[i].ID }, func(i int) string { return participantLabel(s.Participants[i]) })
	segments := v.ids("segment", len(s.Segments),
		func(i int) string { return s.Segments[i].ID }, func(i int) string { return s.Segments[i].Name })
	items := v.ids("profile item", len(s.ProfileItems), func(i int) string { return s.ProfileItems[i].ID }, nil)
	v.ids("value item", len(s.ValueItems), func(i int) string { return s.ValueItems[i].ID }, nil)
	v.ids("alternative", len(s.Alternatives), func(i int) string { return s.Alternatives[i].ID }, nil)
	drafts := v.ids("draft", len(s.Drafts), func(i int) string { return s.Drafts[i].ID }, nil)
	v.ids("promise version", len(s.PromiseVersions), func(i int) string { return s.PromiseVersions[i].ID }, nil)
	measures := v.ids("measure", len(s.Measures), func(i int) string { return s.Measures[i].ID }, nil)
	v.ids("action", len(s.Actions), func(i int) string { return s.Actions[i].ID }, nil)
	v.ids("parking-lot note", len(s.ParkingLot), func(i int) string { return s.ParkingLot[i].ID }, nil)
	if v.err != nil {
		return v.err
	}

	v.decision(s, drafts)
	v.participants(s)
	v.ladder(s, people)
	v.profile(s, segments, items)
	v.drafts(s, people, segments, items, drafts)
	v.votes(s, people, drafts)
	v.measuresAndActions(s, people, measures)
	v.checkin(s, people, segments, measures)
	v.notes("alternative", s.Alternatives)
	v.notes("parking-lot note", s.ParkingLot)
	v.pending(s, people)
	for i, pv := range s.PromiseVersions {
		if v.err != nil {
			break
		}
		v.where = at("promise version", i, pv.ID)
		v.text("text", pv.Text)
		v.text("note", pv.Note)
		v.timestamp("at", pv.At)
	}
	if v.err != nil {
		return v.err
	}
	return nil
}

func (v *validator) header(s *Session) {
	v.where = "session"
	v.text("title", s.Title)
	v.text("organisation", s.Organisation)
	v.date("date", s.Date)
	v.clock("start_time", s.StartTime)
	v.text("place", s.Place)
	v.text("facilitator", s.Facilitator)
	v.text("goal", s.Goal)
	if v.err == nil && s.Language != "fi" && s.Language != "en" {
		v.fail("language", "language %q is not fi or en", clip(s.Language))
	}
	v.enum("status", s.Status, sessionStatuses, true)
	v.enum("current_step", s.CurrentStep, screenSteps, true)
	v.date("next_review_date", s.NextReviewDate)
	v.between("dots_per_participant", s.Dots, 1, MaxDots)
	v.text("existing_promise", s.Baseline.ExistingPromise)
	v.text("purpose why", s.Purpose.Why)
	v.text("purpose whom", s.Purpose.Whom)
	v.text("purpose value", s.Purpose.Value)
	steps := make([]string, 0, len(s.PrivateNotes))
	for step := range s.PrivateNotes {
		steps = append(steps, step)
	}
	sort.Strings(steps) // the same message every time
	for _, step := range steps {
		v.enum("private_notes", step, screenSteps, false)
		v.text("private_notes", s.PrivateNotes[step])
	}
	if v.err == nil && len(s.Agenda) > MaxAgendaItems {
		v.fail("agenda", "agenda has too many items (%d; at most %d)", len(s.Agenda), MaxAgendaItems)
	}
	seen := map[string]bool{}
	for i, a := range s.Agenda {
		if v.err != nil {
			return
		}
		v.where = at("agenda item", i, a.Step)
		v.enum("step", a.Step, agendaSteps, false)
		v.once(seen, "step", a.Step, "step %q is on the agenda twice")
		v.between("planned_min", a.PlannedMin, 0, MaxPlannedMin)
		v.between("used_sec", a.UsedSec, 0, MaxUsedSec)
		v.timestamp("running_since", a.RunningSince)
		v.timestamp("started_at", a.StartedAt)
		v.timestamp("ended_at", a.EndedAt)
	}
}

func (v *validator) decision(s *Session, drafts map[string]bool) {
	d := &s.Decision
	v.where = "decision"
	v.ref("chosen_draft_id", d.ChosenDraftID, drafts, "draft")
	v.text("final_text", d.FinalText)
	v.text("final_text_alt", d.FinalTextAlt)
	v.text("rationale", d.Rationale)
	v.enum("validation_status", d.ValidationStatus, validationKinds, true)
	v.text("validation_plan", d.ValidationPlan)
	v.between("consent_round", d.ConsentRound, 0, MaxVersion)
	v.many("open_concerns", len(d.OpenConcerns), MaxCards)
	for i, c := range d.OpenConcerns {
		v.where = fmt.Sprintf("decision: open concern %d", i+1)
		v.text("text", c)
	}
	v.where = "decision"
	v.many("rejected", len(d.Rejected), MaxCards)
	seen := map[string]bool{}
	for i, r := range d.Rejected {
		if v.err != nil {
			return
		}
		v.where = fmt.Sprintf("decision: rejected draft %d", i+1)
		v.id("draft_id", r.DraftID)
		v.ref("draft_id", r.DraftID, drafts, "draft")
		v.once(seen, "draft_id", r.DraftID, "draft %q is rejected twice")
		v.text("reason", r.Reason)
	}
}

// participantLabel names a participant in messages: the name, or the id while there is none.
func participantLabel(p Participant) string {
	if strings.TrimSpace(p.Name) != "" {
		return p.Name
	}
	return p.ID
}

func (v *validator) participants(s *Session) {
	for i, p := range s.Participants {
		if v.err != nil {
			return
		}
		v.where = at("participant", i, participantLabel(p))
		v.text("name", p.Name)
		if v.err == nil && strings.TrimSpace(p.Name) == "" {
			v.fail("name", "name is empty")
		}
		v.text("role", p.Role)
		v.text("department", p.Department)
		v.enum("kind", p.Kind, participantKinds, false)
	}
}

func (v *validator) ladder(s *Session, people map[string]bool) {
	seen := map[string]bool{}
	for i, l := range s.Ladder {
		if v.err != nil {
			return
		}
		v.where = at("ladder vote", i, l.ParticipantID)
		v.id("participant_id", l.ParticipantID)
		v.voter(l.ParticipantID, people)
		v.once(seen, "participant_id", l.ParticipantID, "participant %q has two ladder votes")
		v.between("level", l.Level, 0, len(Ladder))
		v.text("note", l.Note)
		v.enum("would_buy", l.WouldBuy, buyAnswers, true)
		v.text("why_buy", l.WhyBuy)
	}
}

func (v *validator) profile(s *Session, segments, items map[string]bool) {
	for i, sg := range s.Segments {
		if v.err != nil {
			return
		}
		v.where = at("segment", i, sg.Name)
		v.text("name", sg.Name)
		v.text("description", sg.Description)
	}
	for i, it := range s.ProfileItems {
		if v.err != nil {
			return
		}
		v.where = at("profile item", i, it.ID)
		v.ref("segment_id", it.SegmentID, segments, "segment")
		v.enum("type", it.Type, itemTypes, false)
		v.text("text", it.Text)
		v.enum("job_kind", it.JobKind, jobKinds, true)
		v.between("importance", it.Importance, 0, 3)
		v.enum("evidence", it.Evidence, evidenceKinds, true)
		v.text("evidence_note", it.EvidenceNote)
	}
	for i, it := range s.ValueItems {
		if v.err != nil {
			return
		}
		v.where = at("value item", i, it.ID)
		v.ref("segment_id", it.SegmentID, segments, "segment")
		v.enum("type", it.Type, valueTypes, false)
		v.text("text", it.Text)
		v.refs("addresses", it.Addresses, items, "profile item")
		v.enum("delivered_today", it.DeliveredToday, deliveredAnswers, true)
	}
}

func (v *validator) drafts(s *Session, people, segments, items, drafts map[string]bool) {
	for i, d := range s.Drafts {
		if v.err != nil {
			return
		}
		v.where = at("draft", i, d.ID)
		v.text("text", d.Text)
		v.text("text_alt", d.TextAlt)
		v.refs("author_ids", d.AuthorIDs, people, "participant")
		v.refs("segment_ids", d.SegmentIDs, segments, "segment")
		v.refs("based_on", d.BasedOn, items, "profile item")
		if m := d.Moore; m != nil {
			v.text("moore for", m.For)
			v.text("moore need", m.Need)
			v.text("moore benefit", m.Benefit)
			v.text("moore unlike", m.Unlike)
			v.text("moore differentiator", m.Differentiator)
		}
		v.ref("parent_id", d.ParentID, drafts, "draft")
		if v.err == nil && d.ParentID == d.ID {
			v.fail("parent_id", "parent_id is the draft itself")
		}
		v.between("version", d.Version, 0, MaxVersion)
	}
}

func (v *validator) votes(s *Session, people, drafts map[string]bool) {
	// An id with control characters is quoted, so that a hostile file cannot
	// break the message over lines or into the terminal's escape codes.
	label := func(id string) string {
		if strings.IndexFunc(id, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 || !utf8.ValidString(id) {
			return fmt.Sprintf("%q", clip(id))
		}
		return clip(id)
	}
	pair := func(kind string, p, d string) string {
		return fmt.Sprintf("%s of %s on %s", kind, label(p), label(d))
	}
	// A vote and a rating each belong to one participant and one draft,
	// once per pair.
	var seen map[[2]string]bool
	checkPair := func(p, d, verb string) {
		v.id("participant_id", p)
		v.id("draft_id", d)
		v.voter(p, people)
		v.ref("draft_id", d, drafts, "draft")
		if v.err == nil && seen[[2]string{p, d}] {
			v.fail("draft_id", "the same participant %s the same draft twice", verb)
		}
		seen[[2]string{p, d}] = true
	}
	seen = map[[2]string]bool{}
	given := map[string]int{}
	for _, dv := range s.DotVotes {
		if v.err != nil {
			return
		}
		v.where = pair("dot vote", dv.ParticipantID, dv.DraftID)
		checkPair(dv.ParticipantID, dv.DraftID, "votes on")
		v.between("dots", dv.Dots, 0, MaxDots)
		given[dv.ParticipantID] += dv.Dots
		if v.err == nil && given[dv.ParticipantID] > s.Dots {
			v.fail("dots", "participant %q gives %d dots in all; each has %d", clip(dv.ParticipantID), given[dv.ParticipantID], s.Dots)
		}
	}
	seen = map[[2]string]bool{}
	for _, r := range s.Ratings {
		if v.err != nil {
			return
		}
		v.where = pair("rating", r.ParticipantID, r.DraftID)
		checkPair(r.ParticipantID, r.DraftID, "rates")
		for c, score := range r.Scores {
			v.between("scores "+Criteria[c].ID, score, 0, 5)
		}
		v.text("comment", r.Comment)
	}
	once := map[string]bool{}
	for i, c := range s.Consent {
		if v.err != nil {
			return
		}
		v.where = at("consent vote", i, c.ParticipantID)
		v.id("participant_id", c.ParticipantID)
		v.voter(c.ParticipantID, people)
		v.once(once, "participant_id", c.ParticipantID, "participant %q votes twice")
		v.between("fingers", c.Fingers, 0, 5)
		v.text("concern", c.Concern)
	}
}

func (v *validator) measuresAndActions(s *Session, people, measures map[string]bool) {
	for i, m := range s.Measures {
		if v.err != nil {
			return
		}
		v.where = at("measure", i, m.ID)
		v.text("name", m.Name)
		v.enum("type", m.Type, measureTypes, true)
		v.text("definition", m.Definition)
		v.text("scale", m.Scale)
		v.text("touchpoint", m.Touchpoint)
		v.text("baseline", m.Baseline)
		v.date("baseline_date", m.BaselineDate)
		v.text("baseline_note", m.BaselineNote)
		v.text("target", m.Target)
		v.date("target_date", m.TargetDate)
		v.text("frequency", m.Frequency)
		v.ref("owner_id", m.OwnerID, people, "participant")
		v.text("owner_name", m.OwnerName)
		v.text("data_source", m.DataSource)
	}
	for i, a := range s.Actions {
		if v.err != nil {
			return
		}
		v.where = at("action", i, a.ID)
		v.enum("kind", a.Kind, actionKinds, false)
		v.text("text", a.Text)
		v.ref("owner_id", a.OwnerID, people, "participant")
		v.text("owner_name", a.OwnerName)
		v.date("due", a.Due)
		v.text("success_criterion", a.SuccessCriterion)
		v.ref("measure_id", a.MeasureID, measures, "measure")
		v.enum("status", a.Status, actionStatuses, true)
	}
}

// pending checks the cards held for approval and the hidden cards' keys.
func (v *validator) pending(s *Session, people map[string]bool) {
	v.count("pending", len(s.Pending), MaxPending)
	v.ids("pending card", len(s.Pending), func(i int) string { return s.Pending[i].ID }, nil)
	for i, p := range s.Pending {
		if v.err != nil {
			return
		}
		v.where = at("pending card", i, p.ID)
		if v.err == nil && CardStep(p.Kind) == "" {
			v.fail("kind", "kind %q is not a kind of card", clip(p.Kind))
		}
		v.ref("author_id", p.AuthorID, people, "participant")
		v.timestamp("at", p.At)
		for _, f := range [][2]string{{"device", p.Device}, {"segment_id", p.SegmentID}, {"type", p.Type}, {"text", p.Text},
			{"description", p.Description}, {"evidence", p.Evidence}, {"definition", p.Definition}, {"owner", p.Owner},
			{"action_kind", p.ActionKind}, {"due", p.Due}} {
			v.text(f[0], f[1])
		}
		if p.Moore != nil {
			for _, t := range []string{p.Moore.For, p.Moore.Need, p.Moore.Benefit, p.Moore.Unlike, p.Moore.Differentiator} {
				v.text("moore", t)
			}
		}
	}
	v.where = "session"
	v.count("hidden_cards", len(s.HiddenCards), 8*MaxCards)
	for k := range s.HiddenCards {
		v.id("hidden_cards", k)
	}
	v.count("room_devices", len(s.RoomDevices), MaxRoomDevices)
	v.ids("room device", len(s.RoomDevices), func(i int) string { return s.RoomDevices[i].ID }, nil)
	hashes := make(map[string]bool, len(s.RoomDevices))
	for i, d := range s.RoomDevices {
		if v.err != nil {
			return
		}
		v.where = at("room device", i, d.ID)
		if !validTokenHash(d.TokenHash) || hashes[d.TokenHash] {
			v.fail("token_hash", "token_hash is not a SHA-256 of its own")
		}
		hashes[d.TokenHash] = true
		v.text("participant_id", d.ParticipantID) // a participant deleted since: the phone picks again
		if d.Voter != "" && !IsAnonymous(d.Voter) {
			v.fail("voter", "voter %q is not an anonymous voter", clip(d.Voter))
		}
		v.text("voter", d.Voter)
		v.timestamp("joined", d.Joined)
		v.many("owned", len(d.Owned), 8*MaxCards)
		for _, k := range d.Owned {
			v.id("owned", k)
		}
	}
	v.where = "session"
	if r := s.Room; r != nil {
		v.count("room.open", len(r.Open), len(screenSteps))
		v.count("room.closed", len(r.Closed), len(screenSteps))
		for _, step := range r.Open {
			v.enum("room.open", step, screenSteps, false)
		}
		for _, step := range r.Closed {
			v.enum("room.closed", step, screenSteps, false)
		}
	}
}

func (v *validator) notes(kind string, notes []Note) {
	for i, n := range notes {
		if v.err != nil {
			return
		}
		v.where = at(kind, i, n.ID)
		v.enum("step", n.Step, screenSteps, true)
		v.text("text", n.Text)
	}
}
