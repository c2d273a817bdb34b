package workshop

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// A check-in (seuranta) is a short session that follows a workshop or an
// earlier check-in: it reviews the actions, records new readings of the
// measures, brings in what customers said of the promise, keeps or revises
// the wording, asks the ladder again and sets the next review (METHOD.md §6).
// The functions here change a session in memory and check their input; the
// editor stores what changed.

// Session kinds.
const (
	SessionWorkshop = "workshop"
	SessionCheckin  = "checkin"
)

// Check-in step keys, in the method's order.
const (
	StepCIActions   = "ci_actions"
	StepCIMeasures  = "ci_measures"
	StepCICustomers = "ci_customers"
	StepCIPromise   = "ci_promise"
	StepCILadder    = "ci_ladder"
	StepCINext      = "ci_next"

	// StepHistory is the screen of the promise's history (timeline, since the workshop).
	StepHistory = "history"
)

// CheckinSteps are the six steps of a check-in.
var CheckinSteps = []Step{
	{Key: StepCIActions, No: 1,
		Title: Text{"Toimenpiteet", "Actions"},
		Questions: []Text{
			{"Mitä olemme tehneet sitten viime kerran? Mikä jäi kesken ja miksi?", "What have we done since last time? What is unfinished, and why?"},
		}},
	{Key: StepCIMeasures, No: 2,
		Title: Text{"Mittarit", "Measures"},
		Questions: []Text{
			{"Mitä mittarit kertovat: pitääkö lupaus asiakkaan kokemana?", "What do the measures say: is the promise kept as customers experience it?"},
		}},
	{Key: StepCICustomers, No: 3,
		Title: Text{"Asiakkaiden näkemys", "Customers' view"},
		Questions: []Text{
			{"Mitä asiakkaat sanoivat lupauksesta omin sanoin?", "What did customers say about the promise in their own words?"},
		}},
	{Key: StepCIPromise, No: 4,
		Title: Text{"Lupaus", "The promise"},
		Questions: []Text{
			{"Pidämmekö sanamuodon vai tarkennammeko sitä? Miksi?", "Do we keep the wording or refine it? Why?"},
		}},
	{Key: StepCILadder, No: 5,
		Title: Text{"Lähtötaso nyt", "The ladder now"},
		Questions: []Text{
			{"Millä portaalla lupauksemme elää nyt?", "On which ladder step does our promise live now?"},
		}},
	{Key: StepCINext, No: 6,
		Title: Text{"Seuraavaksi", "Next"},
		Questions: []Text{
			{"Mitä teemme seuraavaksi, ja milloin katsomme tilanteen uudelleen?", "What do we do next, and when do we review again?"},
		}},
}

// CheckinPresets are the check-in agendas of 45 and 90 minutes.
var CheckinPresets = []Preset{
	{Key: "45min", Name: Text{"45 minuuttia", "45 minutes"}, Items: []AgendaItem{
		{Step: StepCIActions, PlannedMin: 10},
		{Step: StepCIMeasures, PlannedMin: 10},
		{Step: StepCICustomers, PlannedMin: 10},
		{Step: StepCIPromise, PlannedMin: 5},
		{Step: StepCILadder, PlannedMin: 5},
		{Step: StepCINext, PlannedMin: 5},
	}},
	{Key: "90min", Name: Text{"90 minuuttia", "90 minutes"}, Items: []AgendaItem{
		{Step: StepCIActions, PlannedMin: 20},
		{Step: StepCIMeasures, PlannedMin: 20},
		{Step: StepCICustomers, PlannedMin: 20},
		{Step: StepCIPromise, PlannedMin: 10},
		{Step: StepCILadder, PlannedMin: 10},
		{Step: StepCINext, PlannedMin: 10},
	}},
}

// CheckinPresetAgenda returns a fresh copy of the check-in preset (45 min
// when the key is unknown).
func CheckinPresetAgenda(key string) []AgendaItem {
	p := CheckinPresets[0]
	for _, q := range CheckinPresets {
		if q.Key == key {
			p = q
		}
	}
	return append([]AgendaItem(nil), p.Items...)
}

// CheckinStepByKey returns the check-in step with the key, or nil.
func CheckinStepByKey(key string) *Step {
	for i := range CheckinSteps {
		if CheckinSteps[i].Key == key {
			return &CheckinSteps[i]
		}
	}
	return nil
}

// IsCheckin reports whether the session is a check-in.
func (s *Session) IsCheckin() bool { return s.Kind == SessionCheckin }

// KindOrWorkshop is the session's kind, SessionWorkshop when unset.
func (s *Session) KindOrWorkshop() string {
	if s.Kind == "" {
		return SessionWorkshop
	}
	return s.Kind
}

// CheckinInfo is what a check-in knows of the sessions before it, so that it
// reads whole on its own (in its PDF, its session file, on the projector).
type CheckinInfo struct {
	FollowsDate    string     `json:"follows_date"`              // the date of the session it follows: "since DATE"
	FollowsTitle   string     `json:"follows_title"`             // its title
	FollowsKind    string     `json:"follows_kind"`              // workshop or checkin
	WorkshopDate   string     `json:"workshop_date"`             // the date of the workshop the chain began with
	WorkshopLadder [5]int     `json:"workshop_ladder"`           // the workshop's placements per rung
	PreviousLadder [5]int     `json:"previous_ladder"`           // the placements of the session it follows
	RoomCore       [3]float64 `json:"room_core"`                 // the room's C1–C3 means of the chosen draft (0 = not rated)
	PromiseChoice  string     `json:"promise_choice,omitempty"`  // "", PromiseKept or PromiseRevised
	PromiseReason  string     `json:"promise_reason,omitempty"`  // why the wording was kept or revised
	PromiseBefore  string     `json:"promise_before,omitempty"`  // the wording the check-in started with
	CarriedActions []string   `json:"carried_actions,omitempty"` // ids of the actions carried over
	// The family's calendar (workshop/calendar): when the workshop the chain
	// began with was created, which names the family's events for good (its
	// title and organisation may be corrected later), and the check-in's
	// place in the chain (1 for the first after the workshop), which orders
	// the family's calendar files. Zero in check-ins made before they were kept.
	WorkshopCreated time.Time `json:"workshop_created,omitzero"`
	Round           int       `json:"round,omitempty"`
}

// MaxRound is the most check-ins a chain counts (CheckinInfo.Round).
const MaxRound = 100000

// Promise choices of a check-in's step 4.
const (
	PromiseKept    = "kept"
	PromiseRevised = "revised"
)

// Reading is one new value of a measure.
type Reading struct {
	ID         string `json:"id"`
	MeasureID  string `json:"measure_id"`
	Value      string `json:"value"` // as typed: "54", "4,1", "92 %"
	Date       string `json:"date"`  // YYYY-MM-DD
	SourceNote string `json:"source_note,omitempty"`
	Earlier    bool   `json:"earlier,omitempty"` // recorded in an earlier session, carried over
}

// Survey methods of a validation answer.
const (
	MethodInterview = "interview"
	MethodSurvey    = "survey"
)

// Understood answers: how close a customer's own words came to what the
// promise means (the facilitator's reading of the answer).
const (
	UnderstoodYes    = "yes"
	UnderstoodPartly = "partly"
	UnderstoodNo     = "no"
)

// ValidationAnswer is one customer's answer to the interview or the survey.
type ValidationAnswer struct {
	ID              string `json:"id"`
	SegmentID       string `json:"segment_id,omitempty"`
	Date            string `json:"date"`
	Method          string `json:"method"`          // interview or survey
	UnderstoodAs    string `json:"understood_as"`   // what they understood it to mean, in their words
	Understood      string `json:"understood"`      // yes, partly, no: did that match the promise
	Meaningful      int    `json:"meaningful"`      // 1..5, 0 = not answered
	Differentiating int    `json:"differentiating"` // 1..5, 0 = not answered
	WouldChoose     string `json:"would_choose"`    // yes, maybe, no or empty
	Quote           string `json:"quote,omitempty"`
	Earlier         bool   `json:"earlier,omitempty"` // given before this check-in, carried over
	// Wording is the promise as it read when the answer was recorded: an
	// answer about an earlier wording does not validate a revised one.
	// Empty in answers recorded before it was kept (AboutNow).
	Wording string `json:"wording,omitempty"`
}

// Labels of the check-in's enumerations.
var (
	MethodLabels = map[string]Text{
		MethodInterview: {"haastattelu", "interview"},
		MethodSurvey:    {"kysely", "survey"},
	}
	UnderstoodLabels = map[string]Text{
		UnderstoodYes:    {"ymmärsi", "understood"},
		UnderstoodPartly: {"osittain", "partly"},
		UnderstoodNo:     {"ei ymmärtänyt", "did not understand"},
	}
	// CheckinStatusLabels name the action statuses as a check-in asks them.
	CheckinStatusLabels = map[string]Text{
		ActionDone:       {"valmis", "done"},
		ActionInProgress: {"käynnissä", "in progress"},
		ActionOpen:       {"ei aloitettu", "not started"},
		ActionDropped:    {"luovuttu", "dropped"},
	}
	TrackLabels = map[string]Text{
		TrackReached: {"tavoite saavutettu", "target reached"},
		TrackOn:      {"aikataulussa", "on track"},
		TrackOff:     {"jäljessä", "off track"},
		TrackUnknown: {"ei arvioitavissa", "cannot tell"},
	}
)

// CheckinStatuses are the statuses an action can have in a check-in, in order.
var CheckinStatuses = []string{ActionDone, ActionInProgress, ActionOpen, ActionDropped}

// CheckinError refuses to start a check-in.
type CheckinError struct{ Problem string }

func (e *CheckinError) Error() string { return "new check-in: " + e.Problem }

// NewCheckin starts a check-in that follows prev (a workshop or an earlier
// check-in), dated date (YYYY-MM-DD; empty: today) with the agenda preset
// ("45min" or "90min"). It carries over the promise and its versions, the
// segments, measures and their readings, the actions with their statuses,
// the customers' earlier answers and the participants; the ladder is asked
// again. prev is not changed; the caller stores the new session and its link
// (FollowsID = prev.ID).
func NewCheckin(prev *Session, date, preset string, now time.Time) (*Session, error) {
	if prev == nil {
		return nil, &CheckinError{"no session to follow"}
	}
	if date == "" {
		// Today, or the day of the session it follows when that is still
		// to come (a check-in made ahead): never dated before it.
		date = now.Format("2006-01-02")
		if ValidateDate(prev.Date) == nil && prev.Date > date {
			date = prev.Date
		}
	}
	if err := ValidateDate(date); err != nil {
		return nil, &CheckinError{fmt.Sprintf("date %v", err)}
	}
	if ValidateDate(prev.Date) == nil && prev.Date != "" && date < prev.Date {
		return nil, &CheckinError{fmt.Sprintf("date %s is before %s, the day of the session it follows", date, prev.Date)}
	}
	if preset != "" && preset != "45min" && preset != "90min" {
		return nil, &CheckinError{fmt.Sprintf("agenda %q is not 45min or 90min", clip(preset))}
	}
	src := Clone(prev)
	c := NewSession(src.Language)
	c.Kind = SessionCheckin
	c.FollowsID = prev.ID
	c.Date = date
	c.CreatedAt, c.UpdatedAt = now.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	c.Title, c.Organisation, c.Place, c.Facilitator = src.Title, src.Organisation, src.Place, src.Facilitator
	c.CurrentStep = StepSetup
	c.Agenda = CheckinPresetAgenda(preset)
	c.Participants = src.Participants
	c.Segments = src.Segments
	c.Measures = src.Measures
	c.PromiseVersions = src.PromiseVersions
	c.Decision = Decision{
		FinalText:        src.Decision.FinalText,
		FinalTextAlt:     src.Decision.FinalTextAlt,
		Rationale:        src.Decision.Rationale,
		ValidationStatus: src.Decision.ValidationStatus,
		ValidationPlan:   src.Decision.ValidationPlan,
		OpenConcerns:     src.Decision.OpenConcerns,
	}
	if c.Decision.ValidationStatus == "" {
		c.Decision.ValidationStatus = ValidationInternal
	}
	info := &CheckinInfo{
		FollowsDate:    src.Date,
		FollowsTitle:   src.Title,
		FollowsKind:    src.KindOrWorkshop(),
		PreviousLadder: src.LadderCounts(),
		PromiseBefore:  src.Decision.FinalText,
	}
	if src.Checkin != nil && src.IsCheckin() {
		info.WorkshopDate = src.Checkin.WorkshopDate
		info.WorkshopLadder = src.Checkin.WorkshopLadder
		info.RoomCore = src.Checkin.RoomCore
		info.WorkshopCreated = src.Checkin.WorkshopCreated
		// One kept before rounds were is at least the first.
		info.Round = min(max(src.Checkin.Round, 1)+1, MaxRound)
	} else {
		info.WorkshopDate = src.Date
		info.WorkshopLadder = src.LadderCounts()
		info.RoomCore = roomCore(src)
		info.WorkshopCreated = src.CreatedAt.UTC()
		info.Round = 1
	}
	c.Checkin = info
	for _, r := range src.Readings {
		r.Earlier = true
		c.Readings = append(c.Readings, r)
	}
	for _, a := range src.ValidationAnswers {
		a.Earlier = true
		c.ValidationAnswers = append(c.ValidationAnswers, a)
	}
	for _, a := range src.Actions {
		if a.Status == "" {
			a.Status = ActionOpen
		}
		c.Actions = append(c.Actions, a)
		info.CarriedActions = append(info.CarriedActions, a.ID)
	}
	// A measure, action or answer that points at something not carried over
	// would make the new session unsound; drop the pointer, keep the card.
	for i := range c.Actions {
		if c.Measure(c.Actions[i].MeasureID) == nil {
			c.Actions[i].MeasureID = ""
		}
	}
	for i := range c.ValidationAnswers {
		if c.Segment(c.ValidationAnswers[i].SegmentID) == nil {
			c.ValidationAnswers[i].SegmentID = ""
		}
	}
	c.NextReviewDate = ""
	if err := c.Validate(); err != nil {
		return nil, &CheckinError{fmt.Sprintf("the session it follows is not sound: %v", err)}
	}
	return c, nil
}

// roomCore is the room's C1–C3 means of the promise the workshop chose: the
// chosen draft's, or the winning draft's when none was chosen.
func roomCore(s *Session) [3]float64 {
	id := s.Decision.ChosenDraftID
	if id == "" {
		id = s.WinningDraft()
	}
	var out [3]float64
	for _, r := range s.Results() {
		if r.DraftID == id {
			copy(out[:], r.Mean[:3])
		}
	}
	return out
}

// ErrNotCheckin: the operation belongs to a check-in, and the session is a workshop.
var ErrNotCheckin = errors.New("the session is not a check-in")

func checkText(field, s string) error {
	if err := ValidateText(s); err != nil {
		if len(s) > MaxTextBytes {
			return inputProblem(field, ProblemTooLong, "%v", err)
		}
		return inputProblem(field, ProblemInvalid, "%v", err)
	}
	return nil
}

func checkDate(field, s string, required bool) error {
	if s == "" {
		if required {
			return inputProblem(field, ProblemEmpty, "a date is needed")
		}
		return nil
	}
	if err := ValidateDate(s); err != nil {
		return inputProblem(field, ProblemInvalid, "%v", err)
	}
	return nil
}

// Action returns the action with the id, or nil.
func (s *Session) Action(id string) *Action { return byID(s.Actions, id, actionID) }

// SetActionStatus records an action's status (done, in_progress, open =
// not started, dropped) with a note and the date of the change (empty: the
// session's date). It returns the action as it is now.
func (s *Session) SetActionStatus(id, status, note, date string) (Action, error) {
	a := s.Action(id)
	if a == nil {
		return Action{}, inputProblem("action", ProblemUnknown, "no action %q", clip(id))
	}
	if !actionStatuses[status] {
		return Action{}, inputProblem("status", ProblemInvalid, "%q is not one of %s", clip(status), names(actionStatuses))
	}
	if err := checkText("status_note", note); err != nil {
		return Action{}, err
	}
	if date == "" {
		date = s.Date
	}
	if err := checkDate("status_date", date, false); err != nil {
		return Action{}, err
	}
	a.Status, a.StatusNote, a.StatusDate = status, note, date
	return *a, nil
}

// AddAction adds an action (as in step 9) and returns it: its kind, what
// is done, who carries it (a participant's id, or a name), by when
// (YYYY-MM-DD or empty), how we know it is done (the success criterion, or
// empty) and the measure it moves (a measure's id, or empty).
func (s *Session) AddAction(kind, text, ownerID, ownerName, due, success, measureID string) (Action, error) {
	if !actionKinds[kind] {
		return Action{}, inputProblem("kind", ProblemInvalid, "%q is not one of %s", clip(kind), names(actionKinds))
	}
	if strings.TrimSpace(text) == "" {
		return Action{}, inputProblem("text", ProblemEmpty, "the action has no text")
	}
	for _, f := range [][2]string{{"text", text}, {"owner_name", ownerName}, {"success_criterion", success}} {
		if err := checkText(f[0], f[1]); err != nil {
			return Action{}, err
		}
	}
	if ownerID != "" && s.Participant(ownerID) == nil {
		return Action{}, inputProblem("owner_id", ProblemUnknown, "no participant %q", clip(ownerID))
	}
	if measureID != "" && s.Measure(measureID) == nil {
		return Action{}, inputProblem("measure_id", ProblemUnknown, "no measure %q", clip(measureID))
	}
	if err := checkDate("due", due, false); err != nil {
		return Action{}, err
	}
	if len(s.Actions) >= MaxCards {
		return Action{}, inputProblem("actions", ProblemTooMany, "at most %d actions", MaxCards)
	}
	a := Action{ID: NewID("A"), Kind: kind, Text: strings.TrimSpace(text), OwnerID: ownerID, OwnerName: ownerName, Due: due,
		SuccessCriterion: strings.TrimSpace(success), MeasureID: measureID, Status: ActionOpen}
	s.Actions = append(s.Actions, a)
	return a, nil
}

// ActionLate reports whether the action is late on the day: its due date
// has passed and it is neither done nor dropped.
func ActionLate(a Action, day string) bool {
	return a.Due != "" && day != "" && a.Due < day && a.Status != ActionDone && a.Status != ActionDropped
}

// LateActions are the session's late actions on its date.
func (s *Session) LateActions() []Action {
	var out []Action
	for _, a := range s.Actions {
		if ActionLate(a, s.Date) {
			out = append(out, a)
		}
	}
	return out
}

// NewActions are the actions added in this check-in (not carried over).
func (s *Session) NewActions() []Action {
	carried := map[string]bool{}
	if s.Checkin != nil {
		for _, id := range s.Checkin.CarriedActions {
			carried[id] = true
		}
	}
	var out []Action
	for _, a := range s.Actions {
		if !carried[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// AddReading records a new value of a measure. value is as typed; date
// empty means the session's date.
func (s *Session) AddReading(measureID, value, date, sourceNote string) (Reading, error) {
	if s.Measure(measureID) == nil {
		return Reading{}, inputProblem("measure_id", ProblemUnknown, "no measure %q", clip(measureID))
	}
	if strings.TrimSpace(value) == "" {
		return Reading{}, inputProblem("value", ProblemEmpty, "the reading has no value")
	}
	if err := checkText("value", value); err != nil {
		return Reading{}, err
	}
	// A measure with a number for its baseline or target takes numbers:
	// "paljon parempi" would leave its track not to be told.
	// One it could read more than one way ("1 23", "– 12", "10–12") is
	// refused with why, rather than read wrong.
	if m := s.Measure(measureID); m != nil && numeric(m.Baseline, m.Target) {
		if _, err := ReadNumber(value); err != nil {
			if ne := (*NumberError)(nil); errors.As(err, &ne) {
				return Reading{}, inputProblem("value_"+ne.Problem, ProblemInvalid, "%v", ne)
			}
			return Reading{}, inputProblem("value_number", ProblemInvalid, "%q is not a number, as the measure's baseline and target are", clip(value))
		}
	}
	if err := checkText("source_note", sourceNote); err != nil {
		return Reading{}, err
	}
	if date == "" {
		date = s.Date
	}
	if err := checkDate("date", date, true); err != nil {
		return Reading{}, err
	}
	if len(s.Readings) >= MaxCards {
		return Reading{}, inputProblem("readings", ProblemTooMany, "at most %d readings", MaxCards)
	}
	r := Reading{ID: NewID("R"), MeasureID: measureID, Value: strings.TrimSpace(value), Date: date, SourceNote: sourceNote}
	s.Readings = append(s.Readings, r)
	return r, nil
}

// numeric reports whether any of the values is a number (ReadNumber),
// also one that can be read more than one way: the measure is of numbers.
func numeric(values ...string) bool {
	for _, v := range values {
		if _, err := ReadNumber(v); err == nil || errors.As(err, new(*NumberError)) {
			return true
		}
	}
	return false
}

// Removed is a card taken out of a list, with its place, for an undo.
type Removed[T any] struct {
	Item  T
	Index int
}

// RemoveReading takes a reading out; Restore puts it back in its place.
func (s *Session) RemoveReading(id string) (Removed[Reading], error) {
	for i, r := range s.Readings {
		if r.ID == id {
			s.Readings = append(s.Readings[:i:i], s.Readings[i+1:]...)
			return Removed[Reading]{r, i}, nil
		}
	}
	return Removed[Reading]{}, inputProblem("reading", ProblemUnknown, "no reading %q", clip(id))
}

// RestoreReading puts a removed reading back, when its measure still exists.
func (s *Session) RestoreReading(r Removed[Reading]) error {
	if s.Measure(r.Item.MeasureID) == nil {
		return inputProblem("measure_id", ProblemInvalid, "the measure of the reading is gone")
	}
	for _, x := range s.Readings {
		if x.ID == r.Item.ID {
			return nil
		}
	}
	i := min(max(r.Index, 0), len(s.Readings))
	s.Readings = append(s.Readings[:i], append([]Reading{r.Item}, s.Readings[i:]...)...)
	return nil
}

// ReadingsOf are the measure's readings by date (oldest first).
func (s *Session) ReadingsOf(measureID string) []Reading {
	var out []Reading
	for _, r := range s.Readings {
		if r.MeasureID == measureID {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// Tracks: where a measure stands against its baseline and target.
const (
	TrackReached = "reached"
	TrackOn      = "on_track"
	TrackOff     = "off_track"
	TrackUnknown = "unknown"
)

// Track is a measure's way from its baseline to its target.
type Track struct {
	MeasureID string
	Readings  []Reading // by date
	Latest    *Reading  // nil when there is no reading
	// Progress is the share of the way from baseline to target the latest
	// reading has come (0 = at the baseline, 1 = at the target); Expected is
	// the share a straight line from the baseline date to the target date
	// asks for on the latest reading's date (-1 when the dates are unknown).
	Progress, Expected float64
	// Trend compares the latest reading with the one before it (or the
	// baseline): +1 toward the target, -1 away from it, 0 unchanged or unknown.
	Trend  int
	Status string // reached, on_track, off_track, unknown
}

// MeasureTrack says whether the measure is on track: reached when the latest
// reading is at or past the target; on track when it has come at least as
// far as a straight line from the baseline (on its date) to the target (on
// its date) asks for on the reading's date, or, without those dates, when it
// has moved toward the target; off track otherwise; unknown when the
// baseline, the target or the reading is not a number.
func (s *Session) MeasureTrack(measureID string) Track {
	t := Track{MeasureID: measureID, Status: TrackUnknown, Expected: -1}
	m := s.Measure(measureID)
	if m == nil {
		return t
	}
	t.Readings = s.ReadingsOf(measureID)
	if len(t.Readings) == 0 {
		return t
	}
	t.Latest = &t.Readings[len(t.Readings)-1]
	base, okB := ParseNumber(m.Baseline)
	target, okT := ParseNumber(m.Target)
	val, okV := ParseNumber(t.Latest.Value)
	if !okB || !okT || !okV || base == target {
		return t
	}
	dir := 1.0
	if target < base {
		dir = -1
	}
	t.Progress = (val - base) / (target - base)
	prev := base
	if len(t.Readings) > 1 {
		if p, ok := ParseNumber(t.Readings[len(t.Readings)-2].Value); ok {
			prev = p
		}
	}
	switch d := (val - prev) * dir; {
	case d > 1e-9:
		t.Trend = 1
	case d < -1e-9:
		t.Trend = -1
	}
	if bd, err1 := time.Parse("2006-01-02", m.BaselineDate); err1 == nil {
		if td, err2 := time.Parse("2006-01-02", m.TargetDate); err2 == nil && td.After(bd) {
			if rd, err3 := time.Parse("2006-01-02", t.Latest.Date); err3 == nil {
				t.Expected = math.Max(0, math.Min(1, rd.Sub(bd).Hours()/td.Sub(bd).Hours()))
			}
		}
	}
	switch {
	case t.Progress >= 1-1e-9:
		t.Status = TrackReached
	case t.Expected >= 0 && t.Progress >= t.Expected-1e-9:
		t.Status = TrackOn
	case t.Expected < 0 && t.Progress > 1e-9:
		t.Status = TrackOn
	default:
		t.Status = TrackOff
	}
	return t
}

// AddAnswer records a customer's answer. Its id is made here; an empty
// date is the session's date, an empty method an interview. A validation
// the answers no longer carry with it (a customer who did not understand
// the promise, a low score) goes back to pending (keepValidationHonest).
func (s *Session) AddAnswer(a ValidationAnswer) (ValidationAnswer, error) {
	a.ID = NewID("Q")
	a.Earlier = false
	a.Wording = s.Decision.FinalText
	if err := s.checkAnswer(&a); err != nil {
		return ValidationAnswer{}, err
	}
	if len(s.ValidationAnswers) >= MaxCards {
		return ValidationAnswer{}, inputProblem("validation_answers", ProblemTooMany, "at most %d answers", MaxCards)
	}
	defer s.keepValidationHonest(s.CurrentView().Verdict())
	s.ValidationAnswers = append(s.ValidationAnswers, a)
	return a, nil
}

// UpdateAnswer replaces the answer with a's id (still about the wording
// it was given about). A validation the answers no longer carry goes back
// to pending (keepValidationHonest).
func (s *Session) UpdateAnswer(a ValidationAnswer) (ValidationAnswer, error) {
	for i := range s.ValidationAnswers {
		if s.ValidationAnswers[i].ID == a.ID {
			a.Earlier = s.ValidationAnswers[i].Earlier
			a.Wording = s.ValidationAnswers[i].Wording
			if err := s.checkAnswer(&a); err != nil {
				return ValidationAnswer{}, err
			}
			defer s.keepValidationHonest(s.CurrentView().Verdict())
			s.ValidationAnswers[i] = a
			return a, nil
		}
	}
	return ValidationAnswer{}, inputProblem("answer", ProblemUnknown, "no answer %q", clip(a.ID))
}

// RemoveAnswer takes an answer out; RestoreAnswer puts it back. A
// validation the answers no longer carry goes back to pending.
func (s *Session) RemoveAnswer(id string) (Removed[ValidationAnswer], error) {
	for i, a := range s.ValidationAnswers {
		if a.ID == id {
			defer s.keepValidationHonest(s.CurrentView().Verdict())
			s.ValidationAnswers = append(s.ValidationAnswers[:i:i], s.ValidationAnswers[i+1:]...)
			return Removed[ValidationAnswer]{a, i}, nil
		}
	}
	return Removed[ValidationAnswer]{}, inputProblem("answer", ProblemUnknown, "no answer %q", clip(id))
}

// RestoreAnswer puts a removed answer back in its place.
func (s *Session) RestoreAnswer(r Removed[ValidationAnswer]) error {
	for _, x := range s.ValidationAnswers {
		if x.ID == r.Item.ID {
			return nil
		}
	}
	if s.Segment(r.Item.SegmentID) == nil {
		r.Item.SegmentID = ""
	}
	i := min(max(r.Index, 0), len(s.ValidationAnswers))
	s.ValidationAnswers = append(s.ValidationAnswers[:i], append([]ValidationAnswer{r.Item}, s.ValidationAnswers[i:]...)...)
	return nil
}

func (s *Session) checkAnswer(a *ValidationAnswer) error {
	if a.SegmentID != "" && s.Segment(a.SegmentID) == nil {
		return inputProblem("segment_id", ProblemUnknown, "no segment %q", clip(a.SegmentID))
	}
	if a.Date == "" {
		a.Date = s.Date
	}
	if err := checkDate("date", a.Date, true); err != nil {
		return err
	}
	if a.Method == "" {
		a.Method = MethodInterview
	}
	if !surveyMethods[a.Method] {
		return inputProblem("method", ProblemInvalid, "%q is not one of %s", clip(a.Method), names(surveyMethods))
	}
	if a.Understood != "" && !understoodAnswers[a.Understood] {
		return inputProblem("understood", ProblemInvalid, "%q is not one of %s", clip(a.Understood), names(understoodAnswers))
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"meaningful", a.Meaningful}, {"differentiating", a.Differentiating}} {
		if f.n < 0 || f.n > 5 {
			return inputProblem(f.name, ProblemInvalid, "%d is not between 1 and 5", f.n)
		}
	}
	if a.WouldChoose != "" && !buyAnswers[a.WouldChoose] {
		return inputProblem("would_choose", ProblemInvalid, "%q is not one of %s", clip(a.WouldChoose), names(buyAnswers))
	}
	for _, f := range [][2]string{{"understood_as", a.UnderstoodAs}, {"quote", a.Quote}, {"wording", a.Wording}} {
		if err := checkText(f[0], f[1]); err != nil {
			return err
		}
	}
	if a.empty() {
		return inputProblem("answer", ProblemEmpty, "the answer is empty")
	}
	return nil
}

// empty reports whether the answer says nothing: no words, no score, no choice.
func (a *ValidationAnswer) empty() bool {
	return strings.TrimSpace(a.UnderstoodAs) == "" && strings.TrimSpace(a.Quote) == "" && a.Meaningful == 0 && a.Differentiating == 0 && a.WouldChoose == "" && a.Understood == ""
}

var (
	surveyMethods     = set(MethodInterview, MethodSurvey)
	understoodAnswers = set(UnderstoodYes, UnderstoodPartly, UnderstoodNo)
)

// MinValidationAnswers is how many customers' answers validation asks for [OP].
const MinValidationAnswers = 3

// CustomerScores are the customers' C1–C3: the share who understood the
// promise as meant, as a 1–5 score (yes 5, partly 3, no 1), and the means
// of "matters to me" and "sets you apart"; with the would-choose answers.
type CustomerScores struct {
	Answers  int
	Core     [3]float64 // C1, C2, C3 means; 0 when nobody answered
	Counted  [3]int     // answers behind each mean
	Choose   map[string]int
	Segments map[string]int // answers per segment id ("" = none given)
}

// CustomerView sums up the customers' answers; earlier ones count too,
// unless onlyNew.
func (s *Session) CustomerView(onlyNew bool) CustomerScores {
	return s.customerView(func(a ValidationAnswer) bool { return !onlyNew || !a.Earlier })
}

// CurrentView sums up the answers about the promise's wording now
// (AboutNow): the ones its validation rests on.
func (s *Session) CurrentView() CustomerScores { return s.customerView(s.AboutNow) }

// AboutNow reports whether the answer was given about the promise as it
// reads now. An answer recorded before answers kept their wording is
// taken to be about it, unless this check-in revised the promise.
func (s *Session) AboutNow(a ValidationAnswer) bool {
	if a.Wording != "" {
		return strings.TrimSpace(a.Wording) == strings.TrimSpace(s.Decision.FinalText)
	}
	return s.Checkin == nil || s.Checkin.PromiseChoice != PromiseRevised
}

// AboutEarlier is how many answers were given about an earlier wording.
func (s *Session) AboutEarlier() int {
	n := 0
	for _, a := range s.ValidationAnswers {
		if !s.AboutNow(a) {
			n++
		}
	}
	return n
}

func (s *Session) customerView(counts func(ValidationAnswer) bool) CustomerScores {
	cs := CustomerScores{Choose: map[string]int{}, Segments: map[string]int{}}
	var sum [3]float64
	for _, a := range s.ValidationAnswers {
		if !counts(a) {
			continue
		}
		cs.Answers++
		cs.Segments[a.SegmentID]++
		if a.WouldChoose != "" {
			cs.Choose[a.WouldChoose]++
		}
		switch a.Understood {
		case UnderstoodYes:
			sum[0] += 5
			cs.Counted[0]++
		case UnderstoodPartly:
			sum[0] += 3
			cs.Counted[0]++
		case UnderstoodNo:
			sum[0] += 1
			cs.Counted[0]++
		}
		if a.Meaningful > 0 {
			sum[1] += float64(a.Meaningful)
			cs.Counted[1]++
		}
		if a.Differentiating > 0 {
			sum[2] += float64(a.Differentiating)
			cs.Counted[2]++
		}
	}
	for i := range sum {
		if cs.Counted[i] > 0 {
			cs.Core[i] = sum[i] / float64(cs.Counted[i])
		}
	}
	return cs
}

// ValidationVerdict is the validation status the customers' answers give,
// with the reason in words the UI and the report translate.
type ValidationVerdict struct {
	Status string // ValidationDone or ValidationPending
	// Reason is "too_few", "core_low" (a mean below 3, in Low),
	// "not_assessed" (no mean below 3, but a criterion nobody's answer
	// assessed, in Unassessed) or "passed".
	Reason     string
	Low        []int // indexes 0..2 of the customers' C1–C3 below 3
	Unassessed []int // indexes 0..2 of the C1–C3 no answer gave a value for
}

// Verdict applies the workshop's gate to the customers' answers: the
// promise is validated when at least MinValidationAnswers customers
// answered, each of C1–C3 has answers, and no mean of them is below 3. A
// criterion without answers is not assessed, not low: for C1, nobody
// recorded whether the customer understood the promise.
func (cs CustomerScores) Verdict() ValidationVerdict {
	if cs.Answers < MinValidationAnswers {
		return ValidationVerdict{Status: ValidationPending, Reason: "too_few"}
	}
	v := ValidationVerdict{Status: ValidationDone, Reason: "passed"}
	for i, m := range cs.Core {
		switch {
		case cs.Counted[i] == 0:
			v.Unassessed = append(v.Unassessed, i)
		case m < 3:
			v.Low = append(v.Low, i)
		}
	}
	switch {
	case len(v.Low) > 0:
		v.Status, v.Reason = ValidationPending, "core_low"
	case len(v.Unassessed) > 0:
		v.Status, v.Reason = ValidationPending, "not_assessed"
	}
	return v
}

// ApplyValidation sets the promise's validation status from the customers'
// answers about its wording now (earlier check-ins' too) and returns the
// verdict.
func (s *Session) ApplyValidation() ValidationVerdict {
	v := s.CurrentView().Verdict()
	s.Decision.ValidationStatus = v.Status
	return v
}

// keepValidationHonest puts a validated promise back to pending when a
// change of the answers took away the verdict it had (before): a status
// the facilitator set by other means, which the answers never gave, stays.
func (s *Session) keepValidationHonest(before ValidationVerdict) {
	if s.Decision.ValidationStatus == ValidationDone && before.Status == ValidationDone &&
		s.CurrentView().Verdict().Status != ValidationDone {
		s.Decision.ValidationStatus = ValidationPending
	}
}

// KeepPromise records that the check-in keeps the wording, and why.
func (s *Session) KeepPromise(reason string) error {
	if s.Checkin == nil {
		return ErrNotCheckin
	}
	if err := checkText("reason", reason); err != nil {
		return err
	}
	if s.Checkin.PromiseChoice == PromiseRevised && s.Decision.FinalText != s.Checkin.PromiseBefore {
		return inputProblem("promise", ProblemInvalid, "the wording was revised in this check-in; revise it back to keep it")
	}
	s.Checkin.PromiseChoice, s.Checkin.PromiseReason = PromiseKept, reason
	return nil
}

// RevisePromise makes text the promise's new wording (textAlt in the other
// language), saved as a new version with the reason and the time.
func (s *Session) RevisePromise(text, textAlt, reason string, at time.Time) (PromiseVersion, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return PromiseVersion{}, inputProblem("text", ProblemEmpty, "the new wording is empty")
	}
	for _, f := range [][2]string{{"text", text}, {"text_alt", textAlt}, {"reason", reason}} {
		if err := checkText(f[0], f[1]); err != nil {
			return PromiseVersion{}, err
		}
	}
	if strings.TrimSpace(reason) == "" {
		return PromiseVersion{}, inputProblem("reason", ProblemEmpty, "say why the wording changes")
	}
	if text == s.Decision.FinalText && textAlt == s.Decision.FinalTextAlt {
		return PromiseVersion{}, inputProblem("text", ProblemInvalid, "the wording is the same as now")
	}
	// A new wording with the other language's old one would say two
	// different promises: the other is written anew, or left empty.
	if text != s.Decision.FinalText && textAlt != "" && strings.TrimSpace(textAlt) == strings.TrimSpace(s.Decision.FinalTextAlt) {
		return PromiseVersion{}, inputProblem("text_alt", ProblemInvalid, "the wording in the other language is the one before; write it anew or leave it empty")
	}
	if len(s.PromiseVersions) >= MaxCards {
		return PromiseVersion{}, inputProblem("promise_versions", ProblemTooMany, "at most %d versions", MaxCards)
	}
	// The wording before is a version too, so the history shows where it came from.
	// It is dated when it was agreed: the day of the session this check-in
	// follows, when known.
	if s.Decision.FinalText != "" && (s.LatestVersion() == nil || s.LatestVersion().Text != s.Decision.FinalText) {
		was := at.Add(-time.Second).UTC()
		if s.Checkin != nil {
			if d, err := time.Parse("2006-01-02", s.Checkin.FollowsDate); err == nil && d.Before(was) {
				was = d.Add(12 * time.Hour)
			}
		}
		s.PromiseVersions = append(s.PromiseVersions, PromiseVersion{ID: NewID("V"), Text: s.Decision.FinalText,
			At: was.Format(time.RFC3339)})
	}
	v := PromiseVersion{ID: NewID("V"), Text: text, At: at.UTC().Format(time.RFC3339), Note: strings.TrimSpace(reason)}
	s.PromiseVersions = append(s.PromiseVersions, v)
	s.Decision.FinalText, s.Decision.FinalTextAlt = text, textAlt
	if s.Checkin != nil {
		s.Checkin.PromiseChoice, s.Checkin.PromiseReason = PromiseRevised, strings.TrimSpace(reason)
	}
	// A new wording has not been validated with customers.
	if s.Decision.ValidationStatus == ValidationDone {
		s.Decision.ValidationStatus = ValidationPending
	}
	return v, nil
}

// SetLadder places the organisation on a rung (1..5; 0 takes the placement
// back) for a participant.
func (s *Session) SetLadder(participantID string, level int) (LadderVote, error) {
	if s.Participant(participantID) == nil {
		return LadderVote{}, inputProblem("participant_id", ProblemUnknown, "no participant %q", clip(participantID))
	}
	if level < 0 || level > len(Ladder) {
		return LadderVote{}, inputProblem("level", ProblemInvalid, "%d is not a rung 1–%d", level, len(Ladder))
	}
	for i := range s.Ladder {
		if s.Ladder[i].ParticipantID == participantID {
			s.Ladder[i].Level = level
			return s.Ladder[i], nil
		}
	}
	v := LadderVote{ParticipantID: participantID, Level: level}
	s.Ladder = append(s.Ladder, v)
	return v, nil
}

// SetNextReview sets the next review date (empty clears it); it must not be
// before the session's own date.
func (s *Session) SetNextReview(date string) error {
	if err := checkDate("next_review_date", date, false); err != nil {
		return err
	}
	if date != "" && s.Date != "" && date < s.Date {
		return inputProblem("next_review_date", ProblemInvalid, "%s is before the session's date %s", date, s.Date)
	}
	s.NextReviewDate = date
	return nil
}

// LadderMean is the mean rung of the counts (0 when nobody placed it).
func LadderMean(c [5]int) float64 {
	n, sum := 0, 0
	for i, k := range c {
		n += k
		sum += k * (i + 1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// PresetsOf are the agenda presets of a session kind.
func PresetsOf(kind string) []Preset {
	if kind == SessionCheckin {
		return CheckinPresets
	}
	return Presets
}

// PresetAgendaOf returns a fresh copy of a preset of the session kind.
func PresetAgendaOf(kind, key string) []AgendaItem {
	if kind == SessionCheckin {
		return CheckinPresetAgenda(key)
	}
	return PresetAgenda(key)
}
