package checkin

import (
	"strings"
	"testing"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// A refused check-in input reads as a sentence in the window's language:
// the field's own sentence where it has one, otherwise the problem's, never
// the operation's English detail.
func TestRefusalsAreSentencesInTheWindowsLanguage(t *testing.T) {
	c, err := workshop.NewCheckin(fixture.Nordrahti(), "2027-03-10", "90min", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	_, noValue := c.AddReading(c.Measures[0].ID, " ", "", "")
	_, unknown := c.AddReading("M404", "1", "", "")
	for _, lang := range []string{"fi", "en"} {
		tr := i18n.New(lang)
		if got, want := Explain(tr, noValue).Error(), i18n.TIn(lang, "checkin.err.value"); got != want {
			t.Errorf("%s: empty value says %q, want %q", lang, got, want)
		}
		got := Explain(tr, unknown).Error()
		if got != i18n.TIn(lang, "field.error.invalid") || strings.Contains(got, "M404") {
			t.Errorf("%s: unknown measure says %q", lang, got)
		}
	}
}
