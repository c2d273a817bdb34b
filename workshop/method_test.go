package workshop_test

import (
	"fmt"
	"strings"
	"testing"

	"lupauspaja/workshop"
)

// The method's maturity contrast (METHOD §0): 0 % of the beginners and 88 %
// of the pioneers say most employees live the promise, the ladder's top
// rung, in the survey the Finland 2021 figures come from; said in Finnish
// and English with the figures it holds.
func TestMaturityContrastIsTheMethods(t *testing.T) {
	m := workshop.MaturityContrast
	if m.Beginners != 0 || m.Pioneers != 88 || m.Level != 5 {
		t.Fatalf("contrast %+v", m)
	}
	top := workshop.Ladder[len(workshop.Ladder)-1]
	if top.Level != m.Level || top.Label.En != "Most employees live the promise" {
		t.Fatalf("the contrast's rung %d is not the ladder's top rung %+v", m.Level, top)
	}
	if got, want := m.Says.Fi, "Aloittelijoista 0 % ja pioneereista 88 % sanoo, että suuri osa työntekijöistä elää asiakaslupausta todeksi."; got != want {
		t.Errorf("Finnish %q, want %q", got, want)
	}
	if got, want := m.Says.En, "0% of beginners and 88% of pioneers say most employees live the promise."; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	for _, lang := range []string{"fi", "en"} {
		says := m.Says.In(lang)
		// The figures as the app writes a per cent in the language.
		for _, n := range []int{m.Beginners, m.Pioneers} {
			if want := workshop.MeasureValue(fmt.Sprint(n), "%", lang); !strings.Contains(says, want) {
				t.Errorf("%s: %q lacks %q", lang, says, want)
			}
		}
		if src := m.Source.In(lang); !strings.Contains(src, "2021") || src == "" {
			t.Errorf("%s: source %q", lang, src)
		}
	}
	if !strings.Contains(m.Source.Fi, "Asiakaskeskeisyyden tila 2021") || !strings.Contains(m.Source.Fi, "aloittelijoista pioneereihin") {
		t.Errorf("source %q is not the survey's maturity types", m.Source.Fi)
	}
}
