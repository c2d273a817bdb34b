package steps

import (
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The draft being rated stands in the language's quotation marks: ”…” in
// Finnish, “…” in English, as in the PDF (workshop.Quote).
func TestRatedDraftIsQuotedTheLanguagesWay(t *testing.T) {
	for _, c := range []struct{ lang, open, close string }{{"fi", "”", "”"}, {"en", "“", "”"}} {
		s := fixture.Nordrahti()
		s.Language = c.lang
		_, env, _ := stepEnv(t, s)
		v := New(workshop.StepEvaluation, env).(*evaluation)
		showView(t, env, v, 1100, 700)
		v.tabs.SelectIndex(1)
		got := v.rating.draftText.Text
		if !strings.HasPrefix(got, c.open) || !strings.HasSuffix(got, c.close) {
			t.Errorf("%s: the rated draft is shown as %q, want it between %s and %s", c.lang, got, c.open, c.close)
		}
	}
}
