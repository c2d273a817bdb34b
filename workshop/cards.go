package workshop

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Adding the room's cards: each operation checks the text, makes the card
// with the method's defaults and appends it to its list. The window, the
// command line and the phones add cards only through these.

// Reasons a text is refused.
const (
	TextEmpty   = "empty"
	TextInvalid = "invalid"  // not UTF-8
	TextTooLong = "too_long" // over MaxTextBytes
	TooMany     = "too_many" // the list holds MaxCards already
)

// TextError refuses a text or a new card.
type TextError struct {
	Reason string
	Chars  int // the text's length in characters, for TextTooLong
	Max    int // the limit in characters (TextTooLong) or cards (TooMany)
}

func (e *TextError) Error() string {
	switch e.Reason {
	case TextEmpty:
		return "the text is empty"
	case TextInvalid:
		return "the text is not valid UTF-8"
	case TextTooLong:
		return fmt.Sprintf("the text is %d characters long, over the limit of %d", e.Chars, e.Max)
	case TooMany:
		return fmt.Sprintf("there are %d cards already, the most one list holds", e.Max)
	}
	return "the text is refused: " + e.Reason
}

// CheckText refuses text that is not UTF-8 or is longer than a field holds.
// An empty text passes: a field may be emptied.
func CheckText(v string) error {
	if !utf8.ValidString(v) {
		return &TextError{Reason: TextInvalid}
	}
	if len(v) > MaxTextBytes {
		return &TextError{Reason: TextTooLong, Chars: utf8.RuneCountInString(v), Max: MaxTextBytes / 2}
	}
	return nil
}

// checkCard is CheckText for a new card, which must say something, on a
// list that has room.
func checkCard(text string, n int) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", &TextError{Reason: TextEmpty}
	}
	if err := CheckText(text); err != nil {
		return "", err
	}
	if n >= MaxCards {
		return "", &TextError{Reason: TooMany, Max: MaxCards}
	}
	return text, nil
}

// AddSegment adds a customer segment.
func (s *Session) AddSegment(name string) (string, error) {
	name, err := checkCard(name, len(s.Segments))
	if err != nil {
		return "", err
	}
	g := Segment{ID: NewID("seg"), Name: name}
	s.Segments = append(s.Segments, g)
	return g.ID, nil
}

// AddProfileItem adds a job, pain or gain of the segment; it starts as an
// assumption of middle importance (a job as a functional one).
func (s *Session) AddProfileItem(segmentID, typ, text string) (string, error) {
	text, err := checkCard(text, len(s.ProfileItems))
	if err != nil {
		return "", err
	}
	if s.Segment(segmentID) == nil {
		return "", &NotFoundError{"segment", segmentID}
	}
	it := ProfileItem{ID: NewID("pi"), SegmentID: segmentID, Type: typ, Text: text,
		Importance: 2, Evidence: EvidenceAssumption}
	if typ == ItemJob {
		it.JobKind = "functional"
	}
	s.ProfileItems = append(s.ProfileItems, it)
	return it.ID, nil
}

// AddValueItem adds a product, pain reliever or gain creator for the segment.
func (s *Session) AddValueItem(segmentID, typ, text string) (string, error) {
	text, err := checkCard(text, len(s.ValueItems))
	if err != nil {
		return "", err
	}
	if s.Segment(segmentID) == nil {
		return "", &NotFoundError{"segment", segmentID}
	}
	it := ValueItem{ID: NewID("vi"), SegmentID: segmentID, Type: typ, Text: text, Addresses: []string{}}
	s.ValueItems = append(s.ValueItems, it)
	return it.ID, nil
}

// AddAlternative adds a note on what the customer would do without us.
func (s *Session) AddAlternative(text string) (string, error) {
	text, err := checkCard(text, len(s.Alternatives))
	if err != nil {
		return "", err
	}
	n := Note{ID: NewID("alt"), Step: StepValueMap, Text: text}
	s.Alternatives = append(s.Alternatives, n)
	return n.ID, nil
}

// AddDraft adds an anonymous promise draft for the focus segments.
func (s *Session) AddDraft(text string) (string, error) {
	text, err := checkCard(text, len(s.Drafts))
	if err != nil {
		return "", err
	}
	d := Draft{ID: NewID("dr"), Text: text, AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1}
	for _, g := range s.Segments {
		if g.Focus {
			d.SegmentIDs = append(d.SegmentIDs, g.ID)
		}
	}
	s.Drafts = append(s.Drafts, d)
	return d.ID, nil
}

// AddMeasure adds a measure of the promise.
func (s *Session) AddMeasure(name string) (string, error) {
	name, err := checkCard(name, len(s.Measures))
	if err != nil {
		return "", err
	}
	m := Measure{ID: NewID("M"), Name: name}
	s.Measures = append(s.Measures, m)
	return m.ID, nil
}

// AddAction adds an open action of the kind.
func (s *Session) AddAction(kind, text string) (string, error) {
	text, err := checkCard(text, len(s.Actions))
	if err != nil {
		return "", err
	}
	a := Action{ID: NewID("A"), Kind: kind, Text: text, Status: ActionOpen}
	s.Actions = append(s.Actions, a)
	return a.ID, nil
}
