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
	var numeric string
	for _, m := range c.Measures {
		if _, ok := workshop.ParseNumber(m.Baseline); ok {
			numeric = m.ID
			break
		}
	}
	ambiguous := map[string]error{}
	for value, key := range map[string]string{"1 23": "checkin.err.value_grouping", "\u2013 5": "checkin.err.value_sign", "40\u201345": "checkin.err.value_range"} {
		_, ambiguous[key] = c.AddReading(numeric, value, "", "")
	}
	for _, lang := range []string{"fi", "en"} {
		tr := i18n.New(lang)
		if got, want := Explain(tr, noValue).Error(), i18n.TIn(lang, "checkin.err.value"); got != want {
			t.Errorf("%s: empty value says %q, want %q", lang, got, want)
		}
		for key, err := range ambiguous {
			if got, want := Explain(tr, err).Error(), i18n.TIn(lang, key); got != want || !tr.Has(key) {
				t.Errorf("%s: a reading read two ways says %q, want %q", lang, got, want)
			}
		}
		got := Explain(tr, unknown).Error()
		if got != i18n.TIn(lang, "field.error.invalid") || strings.Contains(got, "M404") {
			t.Errorf("%s: unknown measure says %q", lang, got)
		}
	}
}
