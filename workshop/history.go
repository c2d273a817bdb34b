package workshop

import (
	"sort"
	"strings"
)

// The promise's history: a workshop and the check-ins after it, read as one
// timeline, and what has changed since the workshop.

// Timeline event kinds.
const (
	EventSession    = "session" // the workshop or a check-in was held
	EventVersion    = "version" // a wording of the promise
	EventReading    = "reading" // a new value of a measure
	EventActionDone = "action_done"
	EventAnswers    = "answers"    // customers' answers recorded on a day
	EventValidation = "validation" // the validation status a session ended with
)

// Event is one dated thing on the promise's timeline.
type Event struct {
	Date    string // YYYY-MM-DD
	Kind    string
	Session int    // index of the session in the family
	Text    string // the wording, the measure's name, the action, …
	Detail  string // the reason, the value, the count, the status
}

// Timeline lists the family's events by date: each session, every wording
// of the promise, every reading, every action done and the customers'
// answers, each once even when later check-ins carry it over.
func Timeline(family []*Session) []Event {
	var out []Event
	seen := map[string]bool{}
	once := func(key string) bool {
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	lastStatus := ""
	for i, s := range family {
		out = append(out, Event{Date: s.Date, Kind: EventSession, Session: i, Text: s.Title, Detail: s.KindOrWorkshop()})
		for _, v := range s.PromiseVersions {
			if once("v" + v.ID) {
				out = append(out, Event{Date: dateOf(v.At), Kind: EventVersion, Session: i, Text: v.Text, Detail: v.Note})
			}
		}
		for _, r := range s.Readings {
			if once("r" + r.ID) {
				name := r.MeasureID
				if m := s.Measure(r.MeasureID); m != nil {
					name = m.Name
				}
				out = append(out, Event{Date: r.Date, Kind: EventReading, Session: i, Text: name, Detail: r.Value})
			}
		}
		for _, a := range s.Actions {
			if a.Status == ActionDone && once("a"+a.ID) {
				d := a.StatusDate
				if d == "" {
					d = s.Date
				}
				out = append(out, Event{Date: d, Kind: EventActionDone, Session: i, Text: a.Text, Detail: s.PersonName(a.OwnerID, a.OwnerName)})
			}
		}
		perDay := map[string]int{}
		for _, a := range s.ValidationAnswers {
			if once("q" + a.ID) {
				perDay[a.Date]++
			}
		}
		for d, n := range perDay {
			out = append(out, Event{Date: d, Kind: EventAnswers, Session: i, Detail: itoa(n)})
		}
		if st := s.Decision.ValidationStatus; st != "" && st != lastStatus && (i > 0 || st == ValidationDone) {
			out = append(out, Event{Date: s.Date, Kind: EventValidation, Session: i, Detail: st})
		}
		lastStatus = s.Decision.ValidationStatus
	}
	order := map[string]int{EventSession: 0, EventVersion: 1, EventReading: 2, EventActionDone: 3, EventAnswers: 4, EventValidation: 5}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return order[out[i].Kind] < order[out[j].Kind]
	})
	return out
}

func dateOf(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// HistoryOf is the part of the family that the session with the id looks
// back on: for a check-in, the sessions up to and including it, in the
// family's order (an earlier check-in's history ends with it, not with the
// ones held after it); for the family's first session, the workshop, all
// of them, since its history is that of the promise it began. A session
// not in the family gets the whole family.
func HistoryOf(family []*Session, id int64) []*Session {
	for i, s := range family {
		if s.ID == id && i > 0 {
			return family[: i+1 : i+1]
		}
	}
	return family
}

// MeasureChange is one measure from the workshop's baseline to now.
type MeasureChange struct {
	Measure Measure
	Track   Track
}

// Way is the measure's way from its baseline to its latest reading, for
// one line: "41 % · 66 %" (MeasureWay).
func (c MeasureChange) Way(lang string) string {
	values := []string{c.Measure.Baseline}
	if c.Track.Latest != nil {
		values = append(values, c.Track.Latest.Value)
	}
	return MeasureWay(c.Measure.Scale, lang, values...)
}

// Since is what changed from the first session of the family to the last.
type Since struct {
	From, To                string // dates
	Checkins                int
	PromiseThen, PromiseNow string
	Versions                int // wordings after the first
	Measures                []MeasureChange
	ActionsDone, Actions    int
	Late                    int
	// Answers are the customers' answers about the promise's wording now,
	// which the validation status rests on (CurrentView); AnswersEarlier
	// those about an earlier wording (AboutEarlier), counted apart.
	Answers, AnswersEarlier int
	Customers               CustomerScores // the scores of Answers
	LadderThen, LadderNow   [5]int
	ValidationThen          string
	ValidationNow           string
}

// SinceWorkshop compares the last session of the family with the first.
func SinceWorkshop(family []*Session) Since {
	var out Since
	if len(family) == 0 {
		return out
	}
	first, last := family[0], family[len(family)-1]
	out.From, out.To = first.Date, last.Date
	for _, s := range family[1:] {
		if s.IsCheckin() {
			out.Checkins++
		}
	}
	out.PromiseThen = strings.TrimSpace(first.Decision.FinalText)
	if first.IsCheckin() && first.Checkin != nil && first.Checkin.PromiseBefore != "" {
		out.PromiseThen = first.Checkin.PromiseBefore
	}
	out.PromiseNow = strings.TrimSpace(last.Decision.FinalText)
	texts := map[string]bool{}
	for _, s := range family {
		for _, v := range s.PromiseVersions {
			texts[v.Text] = true
		}
	}
	delete(texts, out.PromiseThen)
	out.Versions = len(texts)
	for _, m := range last.Measures {
		out.Measures = append(out.Measures, MeasureChange{Measure: m, Track: last.MeasureTrack(m.ID)})
	}
	out.Actions = len(last.Actions)
	for _, a := range last.Actions {
		if a.Status == ActionDone {
			out.ActionsDone++
		}
	}
	out.Late = len(last.LateActions())
	out.Customers = last.CurrentView()
	out.Answers = out.Customers.Answers
	out.AnswersEarlier = last.AboutEarlier()
	out.LadderThen = first.LadderCounts()
	if first.IsCheckin() && first.Checkin != nil {
		out.LadderThen = first.Checkin.WorkshopLadder
	}
	out.LadderNow = last.LadderCounts()
	out.ValidationThen = first.Decision.ValidationStatus
	out.ValidationNow = last.Decision.ValidationStatus
	return out
}
