package report

import (
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// standPart is the text of the PDF's "where we stand" part: from its
// heading to the customer part's.
func standPart(t *testing.T, s *workshop.Session, lang string) string {
	t.Helper()
	w := wordsFor(lang)
	ft := flat(pdfText(t, s, Options{Lang: lang}))
	from := strings.Index(ft, "1 "+w.Stand)
	to := strings.Index(ft, "2 "+w.Customer)
	if from < 0 || to < from {
		t.Fatalf("%s: no part %q before %q in:\n%s", lang, w.Stand, w.Customer, ft)
	}
	return ft[from:to]
}

// "Missä olemme nyt" / "Where we stand" carries the method's maturity
// contrast with its source beside the ladder, as METHOD words it: with
// the room's placements, and also before anyone has placed the
// organisation (the contrast is the method's, not the room's).
func TestWhereWeStandHasTheMaturityContrast(t *testing.T) {
	for _, c := range []struct{ lang, says, source string }{
		{"fi", "Aloittelijoista 0 % ja pioneereista 88 % sanoo, että suuri osa työntekijöistä elää asiakaslupausta todeksi.", "Asiakaskeskeisyyden tila 2021, kypsyystyypit aloittelijoista pioneereihin."},
		{"en", "0% of beginners and 88% of pioneers say most employees live the promise.", "The state of customer-centricity in Finland 2021, maturity types from beginners to pioneers."},
	} {
		voted := fixture.Nordrahti()
		none := fixture.Nordrahti()
		none.Ladder = nil
		for name, s := range map[string]*workshop.Session{"placed": voted, "not placed": none} {
			part := standPart(t, s, c.lang)
			for _, want := range []string{c.says, c.source} {
				if !strings.Contains(part, want) {
					t.Errorf("%s, %s: %q lacks %q:\n%s", c.lang, name, wordsFor(c.lang).Stand, want, part)
				}
			}
		}
	}
}
