// Package calendar writes a session's follow-up dates as an iCalendar file
// (RFC 5545): the next review and every action's due date, each an all-day
// event with what is to be done and who does it in its description. The app
// sends nothing itself; the facilitator imports the file into a calendar.
//
// Every file of a promise's family (the workshop and the check-ins that
// follow it) names its events alike, so that importing a later file updates
// the events an earlier one made: the review moves to the next date, an
// action's event changes with it, and one done, dropped, taken out or left
// without a date is sent as cancelled rather than left out, which would
// leave the earlier event standing. A later file of the family has a higher
// SEQUENCE, which RFC 5545 asks for when an event's date changes and by
// which calendars tell the newer file from the older.
package calendar

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"lupauspaja/workshop"
)

// ErrNoDates: the session has no next review date and no action with a due date.
var ErrNoDates = errors.New("the session has no review date and no action with a due date: nothing to put in a calendar")

// Event is one all-day entry of the calendar.
type Event struct {
	UID         string
	Date        string // YYYY-MM-DD
	Summary     string
	Description string
	// Cancelled: the action is done or dropped, or (Write with the sessions
	// before) gone or without a date since an earlier file of the family.
	Cancelled bool
}

// Events are the session's dated follow-ups: the next review first, then
// the actions by due date. An action done or dropped is there, cancelled,
// so that its event from an earlier file goes.
func Events(s *workshop.Session) []Event {
	return events(s, sessionKey(s), true)
}

// events are the session's events named by key; late says whether an
// action past its date is marked late.
func events(s *workshop.Session, key string, late bool) []Event {
	lang := s.Language
	t := func(fi, en string) string {
		if lang == "en" {
			return en
		}
		return fi
	}
	org := strings.TrimSpace(s.Organisation)
	title := strings.TrimSpace(s.Title)
	var out []Event
	if s.NextReviewDate != "" {
		var d strings.Builder
		fmt.Fprintf(&d, "%s: %s\n", t("Lupaus", "Promise"), s.Decision.FinalText)
		if s.Facilitator != "" {
			fmt.Fprintf(&d, "%s: %s\n", t("Fasilitaattori", "Facilitator"), s.Facilitator)
		}
		if len(s.Participants) > 0 {
			var names []string
			for _, p := range s.Participants {
				names = append(names, p.Name)
			}
			fmt.Fprintf(&d, "%s: %s\n", t("Osallistujat", "Participants"), strings.Join(names, ", "))
		}
		fmt.Fprintf(&d, "%s", t("Seuranta: toimenpiteet, mittarit, asiakkaiden näkemys, lupaus, lähtötaso, seuraavaksi.",
			"Check-in: actions, measures, customers' view, the promise, the ladder, next."))
		out = append(out, Event{
			UID:         "review-" + key + "@lupauspaja",
			Date:        s.NextReviewDate,
			Summary:     join(t("Arvolupauksen seuranta", "Value-promise check-in"), org),
			Description: d.String(),
		})
	}
	acts := append([]workshop.Action(nil), s.Actions...)
	sort.SliceStable(acts, func(i, j int) bool { return acts[i].Due < acts[j].Due })
	for _, a := range acts {
		if a.Due == "" {
			continue
		}
		closed := a.Status == workshop.ActionDone || a.Status == workshop.ActionDropped
		who := s.PersonName(a.OwnerID, a.OwnerName)
		if who == "" {
			who = t("ei vastuuhenkilöä", "no owner")
		}
		var d strings.Builder
		fmt.Fprintf(&d, "%s: %s\n", t("Mitä", "What"), a.Text)
		fmt.Fprintf(&d, "%s: %s\n", t("Kuka", "Who"), who)
		fmt.Fprintf(&d, "%s: %s\n", t("Laji", "Kind"), workshop.Label(workshop.ActionKindLabels, a.Kind, lang))
		if a.SuccessCriterion != "" {
			fmt.Fprintf(&d, "%s: %s\n", t("Onnistuminen", "Success"), a.SuccessCriterion)
		}
		fmt.Fprintf(&d, "%s: %s", t("Tila", "Status"), workshop.Label(workshop.CheckinStatusLabels, a.Status, lang))
		summary := join(a.Text, who)
		// Past its due date on the session's day and not done: said so,
		// as the check-in and its PDF say it, not only by the date.
		if late && !closed && workshop.ActionLate(a, s.Date) {
			fmt.Fprintf(&d, " · %s", t("myöhässä", "late"))
			summary = t("MYÖHÄSSÄ: ", "LATE: ") + summary
		}
		if title != "" {
			fmt.Fprintf(&d, "\n%s: %s", t("Työpaja", "Workshop"), title)
		}
		out = append(out, Event{
			UID:         "action-" + a.ID + "-" + key + "@lupauspaja",
			Date:        a.Due,
			Summary:     summary,
			Description: d.String(),
			Cancelled:   closed,
		})
	}
	return out
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + " – " + b
}

// sessionKey names the promise's family in UIDs: the same for a workshop and
// its check-ins, so that a calendar that imports the file of a later
// check-in updates the events it already has instead of doubling them.
//
// It is the moment the workshop was created, which no edit changes and the
// session file carries (created_at, and a check-in's workshop_created), so
// that it survives an export and an import on another laptop; the store's
// id does not, and the title and the organisation are corrected later
// (every event would double). A check-in made before the workshop's moment
// was kept into it has the key such files had: a hash of the organisation,
// the title and the workshop's date (Write with the sessions before it
// gives it its workshop's).
func sessionKey(s *workshop.Session) string {
	created := s.CreatedAt
	if s.IsCheckin() {
		created = time.Time{}
		if s.Checkin != nil {
			created = s.Checkin.WorkshopCreated
		}
	}
	if created.IsZero() {
		first := s.Date
		if s.Checkin != nil && s.Checkin.WorkshopDate != "" {
			first = s.Checkin.WorkshopDate
		}
		h := sha256.Sum256([]byte(s.Organisation + "\x1f" + s.Title + "\x1f" + first))
		return hex.EncodeToString(h[:6])
	}
	h := sha256.Sum256([]byte("workshop created\x1f" + created.UTC().Format(time.RFC3339Nano)))
	return hex.EncodeToString(h[:8])
}

// round is the session's place in its family: 0 for the workshop, 1 for
// the first check-in after it, and so on; it is the events' SEQUENCE.
func round(s *workshop.Session) int {
	if !s.IsCheckin() {
		return 0
	}
	if s.Checkin != nil && s.Checkin.Round > 0 {
		return min(s.Checkin.Round, workshop.MaxRound)
	}
	return 1 // a check-in made before rounds were kept
}

// Write writes the session's events as an iCalendar file; ErrNoDates when
// there is none. now is the file's time stamp (DTSTAMP).
//
// before are the sessions the session follows, the workshop first, each
// followed by the next (the store's links); with them the file is named
// and numbered by the family even when the session was made before check-
// ins kept it (CheckinInfo.WorkshopCreated, Round), and an action whose
// event an earlier file had and this session no longer dates (taken out,
// its date emptied) is sent cancelled on its last date.
func Write(w io.Writer, s *workshop.Session, now time.Time, before ...*workshop.Session) error {
	chain := append(append([]*workshop.Session(nil), before...), s)
	key := sessionKey(chain[0])
	seq := round(chain[0])
	for _, c := range chain[1:] {
		seq = max(round(c), seq+1)
	}
	evs := events(s, key, true)
	if len(before) > 0 {
		has := map[string]bool{}
		for _, e := range evs {
			has[e.UID] = true
		}
		// The last event an earlier file had of each action, in the order
		// the files came.
		gone := map[string]Event{}
		seen := map[string]bool{}
		var order []string
		for _, b := range before {
			for _, e := range events(b, key, false) {
				if !strings.HasPrefix(e.UID, "action-") || has[e.UID] {
					continue
				}
				if !seen[e.UID] {
					seen[e.UID] = true
					order = append(order, e.UID)
				}
				if e.Cancelled {
					delete(gone, e.UID)
					continue
				}
				gone[e.UID] = e
			}
		}
		for _, uid := range order {
			if e, ok := gone[uid]; ok {
				e.Cancelled = true
				evs = append(evs, e)
			}
		}
	}
	if len(evs) == 0 {
		return ErrNoDates
	}
	var b bytes.Buffer
	line := func(name, value string) { fold(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Lupauspaja//Lupauspaja//"+strings.ToUpper(s.Language))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", Text(join("Lupauspaja", s.Organisation)))
	stamp := now.UTC().Truncate(time.Second)
	// The time the session was last edited, never after the file's own.
	modified := s.UpdatedAt.UTC().Truncate(time.Second)
	if modified.After(stamp) {
		modified = stamp
	}
	for _, e := range evs {
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			return fmt.Errorf("calendar: date %q: %w", e.Date, err)
		}
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", stamp.Format("20060102T150405Z"))
		if !s.UpdatedAt.IsZero() {
			line("LAST-MODIFIED", modified.Format("20060102T150405Z"))
		}
		line("SEQUENCE", fmt.Sprint(seq))
		line("DTSTART;VALUE=DATE", d.Format("20060102"))
		line("DTEND;VALUE=DATE", d.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY", Text(e.Summary))
		line("DESCRIPTION", Text(e.Description))
		if e.Cancelled {
			line("STATUS", "CANCELLED")
		} else {
			line("STATUS", "CONFIRMED")
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	_, err := w.Write(b.Bytes())
	return err
}

// Text escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and
// comma get a backslash, a line break becomes \n; other control characters,
// which a content line may not hold, become spaces.
func Text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold writes a content line folded to at most 75 octets a line (RFC 5545
// 3.1), never inside a UTF-8 sequence, each line ending in CRLF.
func fold(b *bytes.Buffer, l string) {
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
}
