// Package workshop is the value-promise workshop: the session model, the
// method (steps, questions, criteria), validation, analysis and the SQLite store.
package workshop

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Session statuses.
const (
	StatusPlanned    = "planned"
	StatusInProgress = "in_progress"
	StatusCompleted  = "completed"
)

// Participant kinds.
const (
	KindEmployee = "employee"
	KindCustomer = "customer"
	KindGuest    = "guest"
)

// Session is one workshop and everything the room produced in it.
type Session struct {
	ID             int64     `json:"-"`
	Kind           string    `json:"kind,omitempty"` // SessionWorkshop (also when empty) or SessionCheckin
	FollowsID      int64     `json:"-"`              // the stored session a check-in follows; 0 when none
	Title          string    `json:"title"`
	Organisation   string    `json:"organisation"`
	Date           string    `json:"date"` // YYYY-MM-DD
	StartTime      string    `json:"start_time,omitempty"`
	Place          string    `json:"place"`
	Facilitator    string    `json:"facilitator"`
	Goal           string    `json:"goal"`
	Language       string    `json:"language"` // "fi" or "en"
	Status         string    `json:"status"`
	CurrentStep    string    `json:"current_step"`
	NextReviewDate string    `json:"next_review_date"`
	Dots           int       `json:"dots_per_participant"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`

	Agenda       []AgendaItem      `json:"agenda"`
	Baseline     Baseline          `json:"baseline"`
	Purpose      Purpose           `json:"purpose"`
	Decision     Decision          `json:"decision"`
	PrivateNotes map[string]string `json:"private_notes,omitempty"` // step key → facilitator's notes
	// HiddenCards are the cards the facilitator hid from the projector and
	// the phones, as "kind:id" (cards.go).
	HiddenCards map[string]bool `json:"hidden_cards,omitempty"`
	// Room is how the facilitator set the room for the phones: lock, guests,
	// approval, the steps whose input is open (roomsettings.go).
	Room *RoomSettings `json:"room,omitempty"`

	Participants    []Participant    `json:"participants"`
	Ladder          []LadderVote     `json:"ladder"`
	Segments        []Segment        `json:"segments"`
	ProfileItems    []ProfileItem    `json:"profile_items"`
	ValueItems      []ValueItem      `json:"value_items"`
	Alternatives    []Note           `json:"alternatives"`
	Drafts          []Draft          `json:"drafts"`
	DotVotes        []DotVote        `json:"dot_votes"`
	Ratings         []Rating         `json:"ratings"`
	Consent         []Consent        `json:"consent"`
	PromiseVersions []PromiseVersion `json:"promise_versions"`
	Measures        []Measure        `json:"measures"`
	Actions         []Action         `json:"actions"`
	ParkingLot      []Note           `json:"parking_lot"`
	// Pending are the cards sent from phones that wait for the facilitator's
	// approval, oldest first (cards.go).
	Pending []PendingCard `json:"pending,omitempty"`
	// RoomDevices are the phones the room let in, so that one coming back
	// after a restart is who it was (roomdevices.go); never in a session file.
	RoomDevices []RoomDevice `json:"room_devices,omitempty"`

	// A check-in's own records (checkin.go).
	Checkin           *CheckinInfo       `json:"checkin,omitempty"`
	Readings          []Reading          `json:"readings"`
	ValidationAnswers []ValidationAnswer `json:"validation_answers"`
}

// AgendaItem is one step's place in the workshop plan and its time log.
type AgendaItem struct {
	Step         string `json:"step"`
	PlannedMin   int    `json:"planned_min"`
	UsedSec      int    `json:"used_sec"`                // time used while the timer was paused last
	RunningSince string `json:"running_since,omitempty"` // RFC 3339 while the timer runs
	StartedAt    string `json:"started_at,omitempty"`    // RFC 3339 or YYYY-MM-DDTHH:MM
	EndedAt      string `json:"ended_at,omitempty"`
	Skipped      bool   `json:"skipped,omitempty"`
	Done         bool   `json:"done,omitempty"`
}

// Baseline holds step 1's session-wide answers; the votes are LadderVote records.
type Baseline struct {
	ExistingPromise string `json:"existing_promise"`
}

// Purpose is step 2's answer: why we exist, whom we serve, what value we create.
type Purpose struct {
	Why   string `json:"why"`
	Whom  string `json:"whom"`
	Value string `json:"value"`
}

// Validation statuses of the final promise.
const (
	ValidationInternal = "internal_only"
	ValidationPending  = "to_validate_with_customers"
	ValidationDone     = "validated"
)

// Decision is step 7: the final wording and how the room agreed on it.
type Decision struct {
	ChosenDraftID    string      `json:"chosen_draft_id"`
	FinalText        string      `json:"final_text"`               // in the session's language
	FinalTextAlt     string      `json:"final_text_alt,omitempty"` // in the other language
	Rationale        string      `json:"rationale"`
	Rejected         []Rejection `json:"rejected"`
	OpenConcerns     []string    `json:"open_concerns"`
	ValidationStatus string      `json:"validation_status"`
	ValidationPlan   string      `json:"validation_plan"`
	ConsentRound     int         `json:"consent_round"`
}

// Rejection says why a draft was not chosen.
type Rejection struct {
	DraftID string `json:"draft_id"`
	Reason  string `json:"reason"`
}

// Participant is a person in the room.
type Participant struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Role           string `json:"role"`
	Department     string `json:"department,omitempty"`
	Kind           string `json:"kind"` // employee, customer, guest
	CustomerFacing bool   `json:"customer_facing"`
}

// Would-you-buy answers.
const (
	BuyYes   = "yes"
	BuyMaybe = "maybe"
	BuyNo    = "no"
)

// LadderVote is one participant's placement of the organisation on the
// promise ladder and their answer to "would you buy from us?".
type LadderVote struct {
	ParticipantID string `json:"participant_id"`
	Level         int    `json:"level"` // 1..5, 0 = not placed
	Note          string `json:"note,omitempty"`
	WouldBuy      string `json:"would_buy,omitempty"` // yes, maybe, no or empty
	WhyBuy        string `json:"why_buy,omitempty"`
}

// Segment is a customer segment; focus segments get a profile.
type Segment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Focus       bool   `json:"focus"`
}

// Profile item types.
const (
	ItemJob    = "job"
	ItemPain   = "pain"
	ItemGain   = "gain"
	ItemMotive = "motive"
)

// Evidence sources.
const (
	EvidenceCustomerSaid = "customer_said"
	EvidenceFeedbackData = "feedback_data"
	EvidenceObservation  = "employee_observation"
	EvidenceAssumption   = "assumption"
)

// ProfileItem is a job, pain, gain or buying motive of a segment with its evidence.
type ProfileItem struct {
	ID           string `json:"id"`
	SegmentID    string `json:"segment_id"`
	Type         string `json:"type"`
	Text         string `json:"text"`
	JobKind      string `json:"job_kind,omitempty"` // functional, social, emotional
	Importance   int    `json:"importance"`         // 1..3
	Evidence     string `json:"evidence"`
	EvidenceNote string `json:"evidence_note,omitempty"`
}

// Value item types.
const (
	ValueProduct      = "product_service"
	ValuePainReliever = "pain_reliever"
	ValueGainCreator  = "gain_creator"
)

// ValueItem is a card of the value map: what we do for a segment.
type ValueItem struct {
	ID             string   `json:"id"`
	SegmentID      string   `json:"segment_id"`
	Type           string   `json:"type"`
	Text           string   `json:"text"`
	Addresses      []string `json:"addresses"`       // profile item ids
	DeliveredToday string   `json:"delivered_today"` // yes, partly, no
}

// Note is a short text card: an alternative to us, or a parking-lot item.
type Note struct {
	ID   string `json:"id"`
	Step string `json:"step,omitempty"`
	Text string `json:"text"`
}

// Moore is the positioning scaffold of a draft.
type Moore struct {
	For            string `json:"for"`
	Need           string `json:"need"`
	Benefit        string `json:"benefit"`
	Unlike         string `json:"unlike"`
	Differentiator string `json:"differentiator"`
}

// Draft is a promise draft.
type Draft struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`               // in the session's language
	TextAlt     string   `json:"text_alt,omitempty"` // in the other language
	AuthorIDs   []string `json:"author_ids"`         // empty = anonymous
	SegmentIDs  []string `json:"segment_ids"`
	BasedOn     []string `json:"based_on,omitempty"` // profile item ids
	Moore       *Moore   `json:"moore,omitempty"`
	ParentID    string   `json:"parent_id,omitempty"`
	Version     int      `json:"version"`
	Shortlisted bool     `json:"shortlisted"`
}

// DotVote is how many dots a participant gave a draft.
type DotVote struct {
	ParticipantID string `json:"participant_id"`
	DraftID       string `json:"draft_id"`
	Dots          int    `json:"dots"`
}

// Rating is a participant's 1–5 scores of a draft on C1..C8 (0 = not rated).
type Rating struct {
	ParticipantID string           `json:"participant_id"`
	DraftID       string           `json:"draft_id"`
	Scores        [NumCriteria]int `json:"scores"`
	Comment       string           `json:"comment,omitempty"`
}

// Consent is a participant's fist-of-five (0..5) on the final wording.
type Consent struct {
	ParticipantID string `json:"participant_id"`
	Fingers       int    `json:"fingers"`
	Concern       string `json:"concern,omitempty"`
}

// PromiseVersion is one saved wording of the final promise.
type PromiseVersion struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	At   string `json:"at"` // RFC 3339
	Note string `json:"note,omitempty"`
}

// Measure types.
const (
	MeasureNPS         = "NPS"
	MeasureCES         = "CES"
	MeasureCSAT        = "CSAT"
	MeasureOperational = "operational"
	MeasureEmployee    = "employee"
	MeasureOther       = "other"
)

// Measure says how keeping the promise is measured.
type Measure struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Type         string `json:"type"`
	Definition   string `json:"definition"`
	Scale        string `json:"scale,omitempty"`
	Touchpoint   string `json:"touchpoint,omitempty"`
	Baseline     string `json:"baseline"`
	BaselineDate string `json:"baseline_date,omitempty"`
	BaselineNote string `json:"baseline_note,omitempty"` // how the baseline was measured, or why there is none
	Target       string `json:"target"`
	TargetDate   string `json:"target_date,omitempty"`
	Frequency    string `json:"frequency"`
	OwnerID      string `json:"owner_id,omitempty"`
	OwnerName    string `json:"owner_name,omitempty"` // when the owner was not in the room
	DataSource   string `json:"data_source,omitempty"`
}

// Action kinds: S2's three steps.
const (
	ActionUnderstand = "understand"
	ActionMobilise   = "mobilise"
	ActionAct        = "act"
)

// Action statuses.
const (
	ActionOpen       = "open"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDropped    = "dropped"
)

// Action is a next step.
type Action struct {
	ID               string `json:"id"`
	Kind             string `json:"kind"`
	Text             string `json:"text"`
	OwnerID          string `json:"owner_id,omitempty"`
	OwnerName        string `json:"owner_name,omitempty"` // when the owner was not in the room
	Due              string `json:"due"`                  // YYYY-MM-DD
	SuccessCriterion string `json:"success_criterion,omitempty"`
	MeasureID        string `json:"measure_id,omitempty"`
	Status           string `json:"status"`
	StatusNote       string `json:"status_note,omitempty"` // what was done, or why not (check-ins)
	StatusDate       string `json:"status_date,omitempty"` // YYYY-MM-DD of the last status change
}

// NewID returns a short random id for a card, unique within a session.
func NewID(prefix string) string {
	var b [5]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return prefix + hex.EncodeToString(b[:])
}

// byID is the element of the list with the id, or nil.
func byID[T any](list []T, id string, idOf func(*T) string) *T {
	for i := range list {
		if idOf(&list[i]) == id {
			return &list[i]
		}
	}
	return nil
}

// Participant returns the participant with the id, or nil.
func (s *Session) Participant(id string) *Participant { return byID(s.Participants, id, participantID) }

// Draft returns the draft with the id, or nil.
func (s *Session) Draft(id string) *Draft { return byID(s.Drafts, id, draftID) }

// Segment returns the segment with the id, or nil.
func (s *Session) Segment(id string) *Segment { return byID(s.Segments, id, segmentID) }

// Measure returns the measure with the id, or nil.
func (s *Session) Measure(id string) *Measure { return byID(s.Measures, id, measureID) }

// ProfileItem returns the profile item with the id, or nil.
func (s *Session) ProfileItem(id string) *ProfileItem { return byID(s.ProfileItems, id, profileItemID) }

// ValueItem returns the value item with the id, or nil.
func (s *Session) ValueItem(id string) *ValueItem { return byID(s.ValueItems, id, valueItemID) }

// PersonName is the name of a participant, or the free-text name when the
// person was not in the room; empty when neither is set.
func (s *Session) PersonName(id, fallback string) string {
	if p := s.Participant(id); p != nil {
		return p.Name
	}
	if IsAnonymous(id) {
		return AnonymousLabel.In(s.Language)
	}
	return fallback
}

// AgendaItem returns the agenda entry of a step, or nil.
func (s *Session) AgendaItem(step string) *AgendaItem {
	for i := range s.Agenda {
		if s.Agenda[i].Step == step {
			return &s.Agenda[i]
		}
	}
	return nil
}
