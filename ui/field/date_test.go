package field

import (
	"testing"
	"time"
)

func TestFormatDateAndTime(t *testing.T) {
	at := time.Date(2026, 12, 2, 9, 5, 0, 0, time.Local)
	for _, c := range []struct{ lang, date, time string }{
		{"fi", "3.12.2026", "2.12.2026 09:05"},
		{"en", "2026-12-03", "2026-12-02 09:05"},
	} {
		if got := FormatDate(c.lang, "2026-12-03"); got != c.date {
			t.Errorf("FormatDate(%s) = %q, want %q", c.lang, got, c.date)
		}
		if got := FormatTime(c.lang, at); got != c.time {
			t.Errorf("FormatTime(%s) = %q, want %q", c.lang, got, c.time)
		}
	}
	if got := FormatDate("fi", "ensi viikolla"); got != "ensi viikolla" {
		t.Errorf("a date not understood is shown as typed: %q", got)
	}
}
