// Package calendar writes a session's follow-up dates as an iCalendar file
// (RFC 5545): the next review and every action's due date, each an all-day
// event with what is to be done and who does it in its description. The app
// sends nothing itself; the facilitator imports the file into a calendar.
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
}

// Events are the session's dated follow-ups: the next review first, then
// the actions by due date. Actions done or dropped are left out.
func Events(s *workshop.Session) []Event {
	lang := s.Language
	t := func(fi, en string) string {
		if lang == "en" {
			return en
		}
		return fi
	}
	org := strings.TrimSpace(s.Organisation)
	title := strings.TrimSpace(s.Title)
	key := sessionKey(s)
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
		if a.Due == "" || a.Status == workshop.ActionDone || a.Status == workshop.ActionDropped {
			continue
		}
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
		if workshop.ActionLate(a, s.Date) {
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
func sessionKey(s *workshop.Session) string {
	first := s.Date
	if s.Checkin != nil && s.Checkin.WorkshopDate != "" {
		first = s.Checkin.WorkshopDate
	}
	h := sha256.Sum256([]byte(s.Organisation + "\x1f" + s.Title + "\x1f" + first))
	return hex.EncodeToString(h[:6])
}

// Write writes the session's events as an iCalendar file; ErrNoDates when
// there is none. now is the file's time stamp (DTSTAMP).
func Write(w io.Writer, s *workshop.Session, now time.Time) error {
	evs := Events(s)
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
	stamp := now.UTC().Format("20060102T150405Z")
	for _, e := range evs {
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			return fmt.Errorf("calendar: date %q: %w", e.Date, err)
		}
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", d.Format("20060102"))
		line("DTEND;VALUE=DATE", d.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY", Text(e.Summary))
		line("DESCRIPTION", Text(e.Description))
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
