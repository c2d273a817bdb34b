package workshop

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// What the facilitator does with the cards the room sends (from phones or
// typed): hold them until approved, hide them from the room, merge two
// into one. Each is an operation on the session, stored through the editor
// like any edit, so that a held card survives a restart of the app and a
// hidden card stays hidden when the workshop is opened again.

// CardInput is a card as it is sent, before it is added: its kind (one of
// the Card… kinds) and the fields of the operation that adds it.
type CardInput struct {
	Kind        string `json:"kind"`
	SegmentID   string `json:"segment_id,omitempty"`
	Type        string `json:"type,omitempty"`
	Text        string `json:"text"` // a segment's or measure's name, the text of the others
	Description string `json:"description,omitempty"`
	Evidence    string `json:"evidence,omitempty"`
	Moore       *Moore `json:"moore,omitempty"`
	Definition  string `json:"definition,omitempty"`
	Owner       string `json:"owner,omitempty"`
	ActionKind  string `json:"action_kind,omitempty"`
	Due         string `json:"due,omitempty"`
}

// cardSteps is the step in which each kind of card is added.
var cardSteps = map[string]string{
	CardSegment:     StepPurpose,
	CardProfileItem: StepProfile,
	CardValueItem:   StepValueMap,
	CardAlternative: StepValueMap,
	CardDraft:       StepDrafts,
	CardMeasure:     StepMeasures,
	CardAction:      StepNextSteps,
}

// CardStep is the step in which cards of the kind are added; "" for a kind
// that is not a card.
func CardStep(kind string) string { return cardSteps[kind] }

// CardKinds are the kinds of card added in the step, in the order the step shows them.
func CardKinds(step string) []string {
	var out []string
	for _, k := range []string{CardSegment, CardProfileItem, CardValueItem, CardAlternative, CardDraft, CardMeasure, CardAction} {
		if cardSteps[k] == step {
			out = append(out, k)
		}
	}
	return out
}

// AddCard adds a card through the operation of its kind (AddSegment,
// AddDraft, …), by its author or anonymous when authorID is empty (only a
// draft keeps its author). It returns the new card's id.
func (s *Session) AddCard(in CardInput, authorID string) (string, error) {
	switch in.Kind {
	case CardSegment:
		g, err := s.AddSegment(in.Text, in.Description)
		return g.ID, err
	case CardProfileItem:
		it, err := s.AddProfileItem(in.SegmentID, in.Type, in.Text, in.Evidence)
		return it.ID, err
	case CardValueItem:
		it, err := s.AddValueItem(in.SegmentID, in.Type, in.Text)
		return it.ID, err
	case CardAlternative:
		n, err := s.AddAlternative(in.Text)
		return n.ID, err
	case CardDraft:
		if authorID != "" && s.Participant(authorID) == nil {
			authorID = "" // the author was deleted meanwhile: the draft stays, anonymous
		}
		d, err := s.AddDraft(in.Text, in.Moore, authorID)
		return d.ID, err
	case CardMeasure:
		m, err := s.AddMeasure(in.Text, in.Type, in.Definition, in.Owner)
		return m.ID, err
	case CardAction:
		var id, name string
		s.SetOwner(in.Owner, &id, &name)
		a, err := s.AddAction(in.ActionKind, in.Text, id, name, in.Due, "", "")
		return a.ID, err
	}
	return "", inputProblem("kind", ProblemInvalid, "%q", clip(in.Kind))
}

// PendingCard is a card held until the facilitator approves it: it is in
// the session (and so on disk) but in none of the session's lists, so that
// neither the projector nor any phone shows it.
type PendingCard struct {
	ID       string `json:"id"`
	AuthorID string `json:"author_id,omitempty"` // the participant who sent it; "" when anonymous
	Device   string `json:"device,omitempty"`    // the phone that sent it, as the room that was open named it
	At       string `json:"at"`                  // RFC 3339
	CardInput
}

// MaxPending is the most cards held at once.
const MaxPending = 1000

// PendingText is the held card's text as the window shows it: what it
// will say once added (a draft written with the Moore scaffold as its sentence).
func (s *Session) PendingText(p PendingCard) string {
	if p.Kind == CardDraft && strings.TrimSpace(p.Text) == "" && p.Moore != nil {
		return MooreText(*p.Moore, s.Language)
	}
	return p.Text
}

// PendingCard returns the held card with the id, or nil.
func (s *Session) PendingCard(id string) *PendingCard {
	return byID(s.Pending, id, func(p *PendingCard) string { return p.ID })
}

// HoldCard keeps a card for approval. It is checked as adding it would
// check it (on a copy of the session), so that a card that could never be
// added is refused now, with the same error, and not at approval.
func (s *Session) HoldCard(in CardInput, authorID, device string, at time.Time) (PendingCard, error) {
	if authorID != "" {
		if err := s.checkParticipant(authorID); err != nil {
			return PendingCard{}, err
		}
	}
	if err := checkInput("device", device); err != nil {
		return PendingCard{}, err
	}
	if err := checkRoom("pending", len(s.Pending), MaxPending); err != nil {
		return PendingCard{}, err
	}
	trial := s.cardTrial()
	if _, err := trial.AddCard(in, authorID); err != nil {
		return PendingCard{}, err
	}
	if in.Moore != nil {
		m := *in.Moore
		in.Moore = &m
	}
	p := PendingCard{ID: NewID("h"), AuthorID: authorID, Device: device, At: at.UTC().Format(time.RFC3339), CardInput: in}
	s.Pending = append(s.Pending, p)
	return p, nil
}

// cardTrial is a copy of the session to try adding a card on: the lists an
// add reads or appends to are copied, the rest shared (an add changes only
// its own list).
func (s *Session) cardTrial() *Session {
	c := *s
	c.Segments = slices.Clone(s.Segments)
	c.ProfileItems = slices.Clone(s.ProfileItems)
	c.ValueItems = slices.Clone(s.ValueItems)
	c.Alternatives = slices.Clone(s.Alternatives)
	c.Drafts = slices.Clone(s.Drafts)
	c.Measures = slices.Clone(s.Measures)
	c.Actions = slices.Clone(s.Actions)
	return &c
}

// ApproveCard adds a held card through the operation of its kind and takes
// it off the queue; it returns the card as it was held and the new card's
// id. When the card can no longer be added (its segment was deleted
// meanwhile, say), the error says why and the card stays held.
func (s *Session) ApproveCard(id string) (PendingCard, string, error) {
	p := s.PendingCard(id)
	if p == nil {
		return PendingCard{}, "", &NotFoundError{"pending card", id}
	}
	held := *p
	cardID, err := s.AddCard(held.CardInput, held.AuthorID)
	if err != nil {
		return held, "", err
	}
	s.Pending = removeWhere(s.Pending, func(x PendingCard) bool { return x.ID == id })
	return held, cardID, nil
}

// RejectCard drops a held card; the Removal puts it back in the queue.
func (s *Session) RejectCard(id string) (*Removal, error) {
	p, at, ok := take(&s.Pending, id, func(p *PendingCard) string { return p.ID })
	if !ok {
		return nil, &NotFoundError{"pending card", id}
	}
	return &Removal{What: "pending card", ID: id, Text: s.PendingText(p), restore: func(s *Session) {
		putBack(&s.Pending, at, p, func(p *PendingCard) string { return p.ID })
	}}, nil
}

// hiddenKey is a card's key in HiddenCards.
func hiddenKey(kind, id string) string { return kind + ":" + id }

// CardHidden reports whether the facilitator hid the card from the room.
func (s *Session) CardHidden(kind, id string) bool { return s.HiddenCards[hiddenKey(kind, id)] }

// SetCardHidden hides a card from the projector and the phones, or shows it
// again. A hidden card stays in the session, in the window and in the report.
func (s *Session) SetCardHidden(kind, id string, hidden bool) error {
	if s.cardText(kind, id) == nil {
		return ErrNoCard
	}
	k := hiddenKey(kind, id)
	if hidden == s.HiddenCards[k] {
		return nil
	}
	m := make(map[string]bool, len(s.HiddenCards)+1) // a copy: a snapshot may share the map
	for key, v := range s.HiddenCards {
		if v {
			m[key] = true
		}
	}
	if hidden {
		m[k] = true
	} else {
		delete(m, k)
	}
	if len(m) == 0 {
		m = nil
	}
	s.HiddenCards = m
	return nil
}

// WithoutHidden takes the hidden cards out of the session's lists, with what
// hangs on them (a hidden segment's items, the votes and ratings of a hidden
// draft): what the room may see. It changes s; call it on a copy.
func (s *Session) WithoutHidden() *Session {
	if len(s.HiddenCards) == 0 {
		return s
	}
	h := func(kind, id string) bool { return s.HiddenCards[hiddenKey(kind, id)] }
	s.Segments = removeWhere(s.Segments, func(g Segment) bool { return h(CardSegment, g.ID) })
	s.ProfileItems = removeWhere(s.ProfileItems, func(it ProfileItem) bool {
		return h(CardProfileItem, it.ID) || h(CardSegment, it.SegmentID)
	})
	s.ValueItems = removeWhere(s.ValueItems, func(it ValueItem) bool {
		return h(CardValueItem, it.ID) || h(CardSegment, it.SegmentID)
	})
	s.Alternatives = removeWhere(s.Alternatives, func(n Note) bool { return h(CardAlternative, n.ID) })
	s.Drafts = removeWhere(s.Drafts, func(d Draft) bool { return h(CardDraft, d.ID) })
	s.DotVotes = removeWhere(s.DotVotes, func(v DotVote) bool { return h(CardDraft, v.DraftID) })
	s.Ratings = removeWhere(s.Ratings, func(r Rating) bool { return h(CardDraft, r.DraftID) })
	s.Measures = removeWhere(s.Measures, func(m Measure) bool { return h(CardMeasure, m.ID) })
	s.Actions = removeWhere(s.Actions, func(a Action) bool { return h(CardAction, a.ID) })
	return s
}

// MergeError refuses a merge: a card into itself, or two cards that do not
// belong together (items of different segments or types).
type MergeError struct {
	Kind, Into, From string
	Why              string // "same", "segment", "type"
}

func (e *MergeError) Error() string {
	return "merge " + e.Kind + " " + e.From + " into " + e.Into + ": " + e.Why
}

// MergeTargets are the cards the card can be merged into: the others of its
// kind (of the same segment and type for profile and value items), as
// their ids.
func (s *Session) MergeTargets(kind, id string) []string {
	var out []string
	for _, other := range s.cardIDs(kind) {
		if other != id && s.mergeProblem(kind, other, id) == "" {
			out = append(out, other)
		}
	}
	return out
}

// cardIDs are the ids of the cards of a kind, in their list's order.
func (s *Session) cardIDs(kind string) []string {
	switch kind {
	case CardSegment:
		return idsOf(s.Segments, segmentID)
	case CardProfileItem:
		return idsOf(s.ProfileItems, profileItemID)
	case CardValueItem:
		return idsOf(s.ValueItems, valueItemID)
	case CardAlternative:
		return idsOf(s.Alternatives, noteID)
	case CardDraft:
		return idsOf(s.Drafts, draftID)
	case CardMeasure:
		return idsOf(s.Measures, measureID)
	case CardAction:
		return idsOf(s.Actions, actionID)
	}
	return nil
}

// idsOf lists the ids of a list's records, in order.
func idsOf[T any](list []T, idOf func(*T) string) []string {
	out := make([]string, 0, len(list))
	for i := range list {
		out = append(out, idOf(&list[i]))
	}
	return out
}

// CardIDs are the ids of the cards of a kind, in their list's order.
func (s *Session) CardIDs(kind string) []string { return s.cardIDs(kind) }

func (s *Session) mergeProblem(kind, into, from string) string {
	if into == from {
		return "same"
	}
	switch kind {
	case CardProfileItem:
		a, b := s.ProfileItem(into), s.ProfileItem(from)
		return placeProblem(a.SegmentID, a.Type, b.SegmentID, b.Type)
	case CardValueItem:
		a, b := s.ValueItem(into), s.ValueItem(from)
		return placeProblem(a.SegmentID, a.Type, b.SegmentID, b.Type)
	}
	return ""
}

// placeProblem is why two items of a segment cannot be merged: they are of
// different segments, or of different types; "" when they can.
func placeProblem(segA, typeA, segB, typeB string) string {
	if segA != segB {
		return "segment"
	}
	if typeA != typeB {
		return "type"
	}
	return ""
}

// joinTexts is the text of two merged cards: both, the one merged into
// first; one of them when they say the same.
func joinTexts(into, from string) string {
	a, b := strings.TrimSpace(into), strings.TrimSpace(from)
	switch {
	case b == "" || strings.EqualFold(a, b):
		return into
	case a == "":
		return from
	}
	return a + " / " + b
}

func union(into, from []string) []string {
	out := slices.Clone(into)
	if out == nil {
		out = []string{}
	}
	for _, x := range from {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// repoint makes the records' reference to from (the field ref points at)
// a reference to into.
func repoint[T any](list []T, ref func(*T) *string, from, into string) {
	for i := range list {
		if r := ref(&list[i]); *r == from {
			*r = into
		}
	}
}

// replaceRef points references to from at into instead, each once.
func replaceRef(refs []string, from, into string) []string {
	if !slices.Contains(refs, from) {
		return refs
	}
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if r == from {
			r = into
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func fill(into *string, from string) {
	if strings.TrimSpace(*into) == "" {
		*into = from
	}
}

// MergeCards merges the card from into the card into, of the same kind:
// the merged card keeps both texts (one when they say the same) and both
// authors, and everything that referred to from (votes, ratings, items
// under a segment, value items addressing a profile item, actions following
// a measure, a chosen or rejected draft) follows it to into; from is then
// gone and shown nowhere. A merged text over the limits of its kind is
// refused as adding it would be, and nothing changes.
//
// The Removal takes the merge back: every list the merge changed that has
// not changed since is put back as it was (the card merged away, the
// merged card's text and authors, the votes as they were given).
func (s *Session) MergeCards(kind, into, from string) (*Removal, error) {
	fromText, _ := s.CardText(kind, from)
	before := Clone(s)
	if err := s.mergeCards(kind, into, from); err != nil {
		return nil, err
	}
	after := Clone(s)
	return &Removal{What: "merge", ID: from, Text: fromText, restore: func(s *Session) {
		back := Clone(before) // a copy each time: the snapshot stays whole for another undo
		whole := true
		for i, p := range mergeParts {
			if sameJSON(p.get(s), p.get(after)) {
				p.set(s, back)
			} else if i == mergePartOf[kind] {
				whole = false
			}
		}
		if !whole { // the card's list changed since: the two cards at least
			restoreCards(s, back, after, kind, into, from)
		}
	}}, nil
}

// mergePartOf is the index in mergeParts of each kind's own list.
var mergePartOf = map[string]int{CardSegment: 0, CardProfileItem: 1, CardValueItem: 2, CardAlternative: 3,
	CardDraft: 4, CardMeasure: 7, CardAction: 8}

// restoreCards puts the card merged away back at its place and the card
// merged into as it was, when it has not changed since the merge.
func restoreCards(s, before, after *Session, kind, into, from string) {
	switch kind {
	case CardSegment:
		restoreCard(&s.Segments, before.Segments, after.Segments, segmentID, into, from)
	case CardProfileItem:
		restoreCard(&s.ProfileItems, before.ProfileItems, after.ProfileItems, profileItemID, into, from)
	case CardValueItem:
		restoreCard(&s.ValueItems, before.ValueItems, after.ValueItems, valueItemID, into, from)
	case CardAlternative:
		restoreCard(&s.Alternatives, before.Alternatives, after.Alternatives, noteID, into, from)
	case CardDraft:
		restoreCard(&s.Drafts, before.Drafts, after.Drafts, draftID, into, from)
	case CardMeasure:
		restoreCard(&s.Measures, before.Measures, after.Measures, measureID, into, from)
	case CardAction:
		restoreCard(&s.Actions, before.Actions, after.Actions, actionID, into, from)
	}
}

func restoreCard[T any](list *[]T, before, after []T, id func(*T) string, into, from string) {
	var was, merged *T
	for i := range after {
		if id(&after[i]) == into {
			merged = &after[i]
		}
	}
	for i := range before {
		switch id(&before[i]) {
		case into:
			was = &before[i]
		case from:
			putBack(list, i, before[i], id)
		}
	}
	for i := range *list {
		if id(&(*list)[i]) == into && was != nil && merged != nil && sameJSON((*list)[i], *merged) {
			(*list)[i] = *was
		}
	}
}

// mergeParts are the parts of a session a merge may change.
var mergeParts = []struct {
	get func(s *Session) any
	set func(s, from *Session)
}{
	{func(s *Session) any { return s.Segments }, func(s, f *Session) { s.Segments = f.Segments }},
	{func(s *Session) any { return s.ProfileItems }, func(s, f *Session) { s.ProfileItems = f.ProfileItems }},
	{func(s *Session) any { return s.ValueItems }, func(s, f *Session) { s.ValueItems = f.ValueItems }},
	{func(s *Session) any { return s.Alternatives }, func(s, f *Session) { s.Alternatives = f.Alternatives }},
	{func(s *Session) any { return s.Drafts }, func(s, f *Session) { s.Drafts = f.Drafts }},
	{func(s *Session) any { return s.DotVotes }, func(s, f *Session) { s.DotVotes = f.DotVotes }},
	{func(s *Session) any { return s.Ratings }, func(s, f *Session) { s.Ratings = f.Ratings }},
	{func(s *Session) any { return s.Measures }, func(s, f *Session) { s.Measures = f.Measures }},
	{func(s *Session) any { return s.Actions }, func(s, f *Session) { s.Actions = f.Actions }},
	{func(s *Session) any { return s.Readings }, func(s, f *Session) { s.Readings = f.Readings }},
	{func(s *Session) any { return s.ValidationAnswers }, func(s, f *Session) { s.ValidationAnswers = f.ValidationAnswers }},
	{func(s *Session) any { return s.Decision }, func(s, f *Session) { s.Decision = f.Decision }},
	{func(s *Session) any { return s.HiddenCards }, func(s, f *Session) { s.HiddenCards = f.HiddenCards }},
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func (s *Session) mergeCards(kind, into, from string) error {
	if s.cardText(kind, into) == nil || s.cardText(kind, from) == nil {
		return ErrNoCard
	}
	if why := s.mergeProblem(kind, into, from); why != "" {
		return &MergeError{Kind: kind, Into: into, From: from, Why: why}
	}
	text := joinTexts(*s.cardText(kind, into), *s.cardText(kind, from))
	check := checkCard
	if kind == CardDraft {
		check = checkDraftText
	}
	if err := check("text", text); err != nil {
		return err
	}
	switch kind {
	case CardSegment:
		a, b := s.Segment(into), *s.Segment(from)
		desc := joinTexts(a.Description, b.Description)
		if err := checkInput("description", desc); err != nil {
			return err
		}
		a.Name, a.Description, a.Focus = text, desc, a.Focus || b.Focus
		repoint(s.ProfileItems, func(it *ProfileItem) *string { return &it.SegmentID }, from, into)
		repoint(s.ValueItems, func(it *ValueItem) *string { return &it.SegmentID }, from, into)
		for i := range s.Drafts {
			s.Drafts[i].SegmentIDs = replaceRef(s.Drafts[i].SegmentIDs, from, into)
		}
		repoint(s.ValidationAnswers, func(a *ValidationAnswer) *string { return &a.SegmentID }, from, into)
		s.Segments = removeWhere(s.Segments, func(g Segment) bool { return g.ID == from })
	case CardProfileItem:
		a, b := s.ProfileItem(into), *s.ProfileItem(from)
		note := joinTexts(a.EvidenceNote, b.EvidenceNote)
		if err := checkInput("evidence_note", note); err != nil {
			return err
		}
		a.Text, a.EvidenceNote = text, note
		a.Importance = max(a.Importance, b.Importance)
		if a.Evidence == EvidenceAssumption || a.Evidence == "" {
			a.Evidence = b.Evidence // what the room knows beats what it assumes
		}
		for i := range s.ValueItems {
			s.ValueItems[i].Addresses = replaceRef(s.ValueItems[i].Addresses, from, into)
		}
		for i := range s.Drafts {
			s.Drafts[i].BasedOn = replaceRef(s.Drafts[i].BasedOn, from, into)
		}
		s.ProfileItems = removeWhere(s.ProfileItems, func(it ProfileItem) bool { return it.ID == from })
	case CardValueItem:
		a, b := s.ValueItem(into), *s.ValueItem(from)
		a.Text, a.Addresses = text, union(a.Addresses, b.Addresses)
		fill(&a.DeliveredToday, b.DeliveredToday)
		s.ValueItems = removeWhere(s.ValueItems, func(it ValueItem) bool { return it.ID == from })
	case CardAlternative:
		for i := range s.Alternatives {
			if s.Alternatives[i].ID == into {
				s.Alternatives[i].Text = text
			}
		}
		s.Alternatives = removeWhere(s.Alternatives, func(n Note) bool { return n.ID == from })
	case CardDraft:
		if err := s.mergeDrafts(into, from, text); err != nil {
			return err
		}
	case CardMeasure:
		a, b := s.Measure(into), *s.Measure(from)
		def := joinTexts(a.Definition, b.Definition)
		if err := checkInput("definition", def); err != nil {
			return err
		}
		a.Name, a.Definition = text, def
		for _, f := range []struct {
			into *string
			from string
		}{{&a.Scale, b.Scale}, {&a.Touchpoint, b.Touchpoint}, {&a.Baseline, b.Baseline}, {&a.BaselineDate, b.BaselineDate},
			{&a.BaselineNote, b.BaselineNote}, {&a.Target, b.Target}, {&a.TargetDate, b.TargetDate}, {&a.Frequency, b.Frequency},
			{&a.DataSource, b.DataSource}, {&a.Type, b.Type}} {
			fill(f.into, f.from)
		}
		if a.OwnerID == "" && a.OwnerName == "" {
			a.OwnerID, a.OwnerName = b.OwnerID, b.OwnerName
		}
		repoint(s.Actions, func(a *Action) *string { return &a.MeasureID }, from, into)
		repoint(s.Readings, func(r *Reading) *string { return &r.MeasureID }, from, into)
		s.Measures = removeWhere(s.Measures, func(m Measure) bool { return m.ID == from })
	case CardAction:
		var a *Action
		var b Action
		for i := range s.Actions {
			switch s.Actions[i].ID {
			case into:
				a = &s.Actions[i]
			case from:
				b = s.Actions[i]
			}
		}
		a.Text = text
		if a.OwnerID == "" && a.OwnerName == "" {
			a.OwnerID, a.OwnerName = b.OwnerID, b.OwnerName
		}
		fill(&a.Due, b.Due)
		fill(&a.SuccessCriterion, b.SuccessCriterion)
		fill(&a.MeasureID, b.MeasureID)
		s.Actions = removeWhere(s.Actions, func(x Action) bool { return x.ID == from })
	}
	if s.HiddenCards[hiddenKey(kind, from)] {
		m := make(map[string]bool, len(s.HiddenCards)) // a copy: a snapshot may share the map
		for k, v := range s.HiddenCards {
			if v && k != hiddenKey(kind, from) {
				m[k] = true
			}
		}
		if len(m) == 0 {
			m = nil
		}
		s.HiddenCards = m
	}
	return nil
}

// mergeDrafts merges draft from into draft into: authors, segments and
// the profile items it rests on together; each participant's dots on both
// added up (within the budget they already were), one rating per
// participant (the one of the draft merged into, when they rated both).
func (s *Session) mergeDrafts(into, from, text string) error {
	a, b := s.Draft(into), *s.Draft(from)
	alt := joinTexts(a.TextAlt, b.TextAlt)
	if strings.TrimSpace(a.TextAlt) != "" || strings.TrimSpace(b.TextAlt) != "" {
		if err := checkInput("text_alt", alt); err != nil {
			return err
		}
	}
	a.Text, a.TextAlt = text, alt
	a.AuthorIDs = union(a.AuthorIDs, b.AuthorIDs)
	a.SegmentIDs = union(a.SegmentIDs, b.SegmentIDs)
	if a.BasedOn != nil || b.BasedOn != nil {
		a.BasedOn = union(a.BasedOn, b.BasedOn)
	}
	if a.Moore == nil && b.Moore != nil {
		m := *b.Moore
		a.Moore = &m
	}
	a.Shortlisted = a.Shortlisted || b.Shortlisted
	var votes []DotVote
	for _, v := range s.DotVotes {
		if v.DraftID != from {
			votes = append(votes, v)
		}
	}
	for _, v := range s.DotVotes {
		if v.DraftID != from {
			continue
		}
		merged := false
		for i := range votes {
			if votes[i].DraftID == into && votes[i].ParticipantID == v.ParticipantID {
				votes[i].Dots += v.Dots
				merged = true
			}
		}
		if !merged {
			v.DraftID = into
			votes = append(votes, v)
		}
	}
	if votes == nil {
		votes = []DotVote{}
	}
	s.DotVotes = votes
	ratings := make([]Rating, 0, len(s.Ratings))
	for _, r := range s.Ratings {
		if r.DraftID == from {
			if s.RatingOf(r.ParticipantID, into) != nil {
				continue
			}
			r.DraftID = into
		}
		ratings = append(ratings, r)
	}
	s.Ratings = ratings
	repoint(s.Drafts, func(d *Draft) *string { return &d.ParentID }, from, into)
	if a.ParentID == into { // into was a new version of from: it follows from's own parent
		a.ParentID = b.ParentID
		if a.ParentID == into {
			a.ParentID = ""
		}
	}
	if s.Decision.ChosenDraftID == from {
		s.Decision.ChosenDraftID = into
	}
	if s.Rejection(from) != "" {
		var rej []Rejection
		for _, r := range s.Decision.Rejected {
			if r.DraftID == from {
				if s.Rejection(into) != "" || s.Decision.ChosenDraftID == into {
					continue
				}
				r.DraftID = into
			}
			rej = append(rej, r)
		}
		s.Decision.Rejected = rej
	}
	s.Drafts = removeWhere(s.Drafts, func(d Draft) bool { return d.ID == from })
	return nil
}
