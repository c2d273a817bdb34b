package workshop

// The fields that the window's forms set one at a time: the session's own
// (the setup, the baseline, the purpose, the decision), a participant's, a
// measure's (step 8) and an action's (step 9); named as in the session
// file, each with the check the session file's reading gives it, read
// here in one place.

// A recordField is one field of a record of type T: where it is and what
// it takes.
type recordField[T any] struct {
	ptr   func(x *T) *string
	check func(field, v string) error
}

// The checks a field can have.
var (
	anyText  = checkText
	anyDate  = func(field, v string) error { return checkDate(field, v, false) }
	aMeasure = func(field, v string) error { return checkChoice(field, v, measureTypes) }
	aName    = checkCard // a text that must say something
	aClock   = func(field, v string) error {
		if err := checkText(field, v); err != nil {
			return err
		}
		if err := ValidateClock(v); err != nil {
			return inputProblem(field, ProblemInvalid, "%v", err)
		}
		return nil
	}
)

var sessionFields = map[string]recordField[Session]{
	"title":            {func(s *Session) *string { return &s.Title }, anyText},
	"organisation":     {func(s *Session) *string { return &s.Organisation }, anyText},
	"date":             {func(s *Session) *string { return &s.Date }, anyDate},
	"start_time":       {func(s *Session) *string { return &s.StartTime }, aClock},
	"place":            {func(s *Session) *string { return &s.Place }, anyText},
	"facilitator":      {func(s *Session) *string { return &s.Facilitator }, anyText},
	"goal":             {func(s *Session) *string { return &s.Goal }, anyText},
	"existing_promise": {func(s *Session) *string { return &s.Baseline.ExistingPromise }, anyText},
	"purpose_why":      {func(s *Session) *string { return &s.Purpose.Why }, anyText},
	"purpose_whom":     {func(s *Session) *string { return &s.Purpose.Whom }, anyText},
	"purpose_value":    {func(s *Session) *string { return &s.Purpose.Value }, anyText},
	"final_text":       {func(s *Session) *string { return &s.Decision.FinalText }, anyText},
	"final_text_alt":   {func(s *Session) *string { return &s.Decision.FinalTextAlt }, anyText},
	"rationale":        {func(s *Session) *string { return &s.Decision.Rationale }, anyText},
	"validation_plan":  {func(s *Session) *string { return &s.Decision.ValidationPlan }, anyText},
}

var participantFields = map[string]recordField[Participant]{
	"name":       {func(p *Participant) *string { return &p.Name }, aName},
	"role":       {func(p *Participant) *string { return &p.Role }, anyText},
	"department": {func(p *Participant) *string { return &p.Department }, anyText},
}

func checkChoice(field, v string, of map[string]bool) error {
	if v != "" && !of[v] {
		return inputProblem(field, ProblemInvalid, "%q is not one of %s", clip(v), names(of))
	}
	return nil
}

var measureFields = map[string]recordField[Measure]{
	"name":          {func(m *Measure) *string { return &m.Name }, anyText},
	"type":          {func(m *Measure) *string { return &m.Type }, aMeasure},
	"definition":    {func(m *Measure) *string { return &m.Definition }, anyText},
	"scale":         {func(m *Measure) *string { return &m.Scale }, anyText},
	"touchpoint":    {func(m *Measure) *string { return &m.Touchpoint }, anyText},
	"baseline":      {func(m *Measure) *string { return &m.Baseline }, anyText},
	"baseline_date": {func(m *Measure) *string { return &m.BaselineDate }, anyDate},
	"baseline_note": {func(m *Measure) *string { return &m.BaselineNote }, anyText},
	"target":        {func(m *Measure) *string { return &m.Target }, anyText},
	"target_date":   {func(m *Measure) *string { return &m.TargetDate }, anyDate},
	"frequency":     {func(m *Measure) *string { return &m.Frequency }, anyText},
	"data_source":   {func(m *Measure) *string { return &m.DataSource }, anyText},
}

var actionFields = map[string]recordField[Action]{
	"text":              {func(a *Action) *string { return &a.Text }, anyText},
	"due":               {func(a *Action) *string { return &a.Due }, anyDate},
	"success_criterion": {func(a *Action) *string { return &a.SuccessCriterion }, anyText},
}

// SessionField is one of the session's own text fields by its name in the
// session file (purpose and baseline fields as purpose_why, existing_promise).
func (s *Session) SessionField(name string) string { return getField(s, sessionFields, name) }

// SetSessionField sets one of the session's own text fields: title,
// organisation, date (YYYY-MM-DD or empty), start_time (HH:MM or empty),
// place, facilitator, goal, existing_promise, purpose_why, purpose_whom,
// purpose_value, final_text, final_text_alt, rationale, validation_plan.
// A check-in's date is never before the session it follows.
func (s *Session) SetSessionField(name, v string) error {
	if c := s.Checkin; name == "date" && c != nil && v != "" && c.FollowsDate != "" && v < c.FollowsDate && ValidateDate(v) == nil {
		return inputProblem("date", ProblemTooEarly, "%s is before %s, the day of the session the check-in follows", v, c.FollowsDate)
	}
	return setField(s, "session", "", sessionFields, name, v)
}

// ParticipantField is the participant's name, role or department.
func (s *Session) ParticipantField(id, name string) string {
	return getField(s.Participant(id), participantFields, name)
}

// SetParticipantField sets the participant's name (not blank), role or
// department.
func (s *Session) SetParticipantField(id, name, v string) error {
	return setField(s.Participant(id), "participant", id, participantFields, name, v)
}

// MeasureField is the measure's field by its name in the session file, ""
// for a measure or field that is not there; "owner" is who follows it, by
// name (a participant's as it now reads).
func (s *Session) MeasureField(id, name string) string {
	if m := s.Measure(id); m != nil && name == ownerField {
		return s.PersonName(m.OwnerID, m.OwnerName)
	}
	return getField(s.Measure(id), measureFields, name)
}

// SetMeasureField sets the measure's field (its name in the session file:
// name, type, definition, scale, touchpoint, baseline, baseline_date,
// baseline_note, target, target_date, frequency, data_source); a date is
// YYYY-MM-DD or empty, a type one of the measure types or empty; "owner"
// is SetMeasureOwner's.
func (s *Session) SetMeasureField(id, name, v string) error {
	if name == ownerField {
		return s.SetMeasureOwner(id, v)
	}
	return setField(s.Measure(id), "measure", id, measureFields, name, v)
}

// ownerField is the name MeasureField and ActionField, and their setters,
// give the owner: its name, or a participant's, kept as owner_name or
// owner_id in the session file.
const ownerField = "owner"

// ActionField is the action's field by its name in the session file;
// "owner" is who carries it, by name.
func (s *Session) ActionField(id, name string) string {
	if a := s.Action(id); a != nil && name == ownerField {
		return s.PersonName(a.OwnerID, a.OwnerName)
	}
	return getField(s.Action(id), actionFields, name)
}

// SetActionField sets the action's text, due (YYYY-MM-DD or empty),
// success_criterion or owner (SetActionOwner's). Its status is
// SetActionStatus's.
func (s *Session) SetActionField(id, name, v string) error {
	if name == ownerField {
		return s.SetActionOwner(id, v)
	}
	return setField(s.Action(id), "action", id, actionFields, name, v)
}

// SetMeasureOwner sets who follows the measure from what was typed or
// chosen (SetOwner).
func (s *Session) SetMeasureOwner(id, typed string) error {
	m := s.Measure(id)
	if m == nil {
		return inputProblem("measure", ProblemUnknown, "no measure %q", clip(id))
	}
	return s.setOwnerChecked(typed, &m.OwnerID, &m.OwnerName)
}

// SetActionOwner sets who carries the action from what was typed or
// chosen (SetOwner).
func (s *Session) SetActionOwner(id, typed string) error {
	a := s.Action(id)
	if a == nil {
		return inputProblem("action", ProblemUnknown, "no action %q", clip(id))
	}
	return s.setOwnerChecked(typed, &a.OwnerID, &a.OwnerName)
}

func (s *Session) setOwnerChecked(typed string, id, name *string) error {
	if err := checkText("owner_name", typed); err != nil {
		return err
	}
	s.SetOwner(typed, id, name)
	return nil
}

func getField[T any](x *T, fields map[string]recordField[T], name string) string {
	f, ok := fields[name]
	if x == nil || !ok {
		return ""
	}
	return *f.ptr(x)
}

func setField[T any](x *T, kind, id string, fields map[string]recordField[T], name, v string) error {
	if x == nil {
		return inputProblem(kind, ProblemUnknown, "no %s %q", kind, clip(id))
	}
	f, ok := fields[name]
	if !ok {
		return inputProblem("field", ProblemInvalid, "%s has no field %q", kind, clip(name))
	}
	if err := f.check(name, v); err != nil {
		return err
	}
	*f.ptr(x) = v
	return nil
}
