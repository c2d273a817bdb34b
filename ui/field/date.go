package field

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// NewDate returns an entry for a date. It accepts the Finnish way of writing
// a date (3.12.2026) and ISO (2026-12-03), stores ISO YYYY-MM-DD, and shows
// the stored date the way the UI's language writes it. Empty clears the date.
func NewDate(r *room.Room,
	get func(s *workshop.Session) string,
	set func(s *workshop.Session, v string) error) *Text {
	t := NewText(r, false, get, set)
	t.Parse = func(typed string) (string, error) { return ParseDate(r.Tr, typed) }
	t.Format = func(stored string) string { return FormatDate(r.Tr.Language(), stored) }
	t.Entry.SetPlaceHolder(r.Tr.T("field.date.placeholder"))
	t.Refresh()
	return t
}

// ParseDate reads a date typed as D.M.YYYY (also with a trailing dot) or
// YYYY-MM-DD and returns it as YYYY-MM-DD; empty stays empty.
func ParseDate(tr *i18n.Tr, typed string) (string, error) {
	s := strings.TrimSpace(typed)
	if s == "" {
		return "", nil
	}
	s = strings.TrimSuffix(s, ".")
	for _, layout := range []string{"2.1.2006", "2006-01-02", "2006-1-2"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d.Format("2006-01-02"), nil
		}
	}
	return "", errors.New(tr.T("field.date.invalid", map[string]any{"Text": clip(typed)}))
}

// FormatDate shows a stored YYYY-MM-DD date as D.M.YYYY in Finnish and
// as is in English (lang); anything else is shown unchanged so nothing is hidden.
func FormatDate(lang, stored string) string {
	d, err := time.Parse("2006-01-02", stored)
	if err != nil || lang != "fi" {
		return stored
	}
	return fmt.Sprintf("%d.%d.%d", d.Day(), int(d.Month()), d.Year())
}

// FormatTime shows a moment in the local time as FormatDate shows its
// date, with the hour and minute after it: 2.12.2026 12:32 in Finnish,
// 2026-12-02 12:32 in English.
func FormatTime(lang string, t time.Time) string {
	t = t.Local()
	return FormatDate(lang, t.Format("2006-01-02")) + " " + t.Format("15:04")
}

// clip shortens user text quoted in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 30 {
		return s
	}
	return string(r[:30]) + "…"
}
