package workshop

import (
	"math"
	"testing"
)

func TestFormatDecimalRoundsHalvesAwayFromZeroInBothLanguages(t *testing.T) {
	sum := 0.0
	for range 10 {
		sum += 0.425 // 4.249999999999999 in binary: a person's 4,25
	}
	cases := []struct {
		v      float64
		dec    int
		fi, en string
	}{
		{4.25, 1, "4,3", "4.3"}, // exact in binary; half-to-even gave 4,2
		{4.75, 1, "4,8", "4.8"},
		{4.35, 1, "4,4", "4.4"},
		{87.0 / 20, 1, "4,4", "4.4"}, // a mean of 20 ratings
		{sum, 1, "4,3", "4.3"},
		{2.05, 1, "2,1", "2.1"},    // stored as 2.0499999999999998…
		{2.675, 2, "2,68", "2.68"}, // stored as 2.67499999999999982…
		{2.5, 0, "3", "3"},
		{0.5, 0, "1", "1"},
		{12.5, 0, "13", "13"}, // a ladder share in per cent
		{4.24, 1, "4,2", "4.2"},
		{4.26, 1, "4,3", "4.3"},
		{9.95, 1, "10,0", "10.0"},
		{99.95, 1, "100,0", "100.0"},
		{0.1 + 0.2, 1, "0,3", "0.3"},
		{4, 1, "4,0", "4.0"},
		{0, 1, "0,0", "0.0"},
		{0.05, 1, "0,1", "0.1"},
		{0.004, 2, "0,00", "0.00"},
		{1e-20, 1, "0,0", "0.0"},
		{-4.25, 1, "-4,3", "-4.3"},
		{-4.75, 1, "-4,8", "-4.8"},
		{-2.05, 1, "-2,1", "-2.1"},
		{-0.5, 0, "-1", "-1"},
		{-0.04, 1, "0,0", "0.0"}, // no "-0,0"
		{math.Copysign(0, -1), 1, "0,0", "0.0"},
		{123456.75, 1, "123456,8", "123456.8"},
		{4.25, 2, "4,25", "4.25"},
		{3.14159, 3, "3,142", "3.142"},
		{math.NaN(), 1, "–", "–"},
	}
	for _, c := range cases {
		if got := FormatDecimal(c.v, c.dec, "fi"); got != c.fi {
			t.Errorf("FormatDecimal(%v, %d, fi) = %q, want %q", c.v, c.dec, got, c.fi)
		}
		if got := FormatDecimal(c.v, c.dec, "en"); got != c.en {
			t.Errorf("FormatDecimal(%v, %d, en) = %q, want %q", c.v, c.dec, got, c.en)
		}
	}
	if got := FormatScore(4.25, "fi"); got != "4,3" {
		t.Errorf("FormatScore(4.25, fi) = %q, want 4,3", got)
	}
}

func TestQuoteUsesTheMarksOfTheLanguage(t *testing.T) {
	if got := Quote("Lupaus", "fi"); got != "”Lupaus”" {
		t.Errorf("fi: %q", got)
	}
	if got := Quote("Promise", "en"); got != "“Promise”" {
		t.Errorf("en: %q", got)
	}
}

func TestMeasureValueShowsTheScaleWithTheNumber(t *testing.T) {
	cases := []struct {
		v, scale, lang, want string
	}{
		{"22", "%", "fi", "22 %"},
		{"22", "%", "en", "22%"},
		{" 90 ", " % ", "fi", "90 %"},
		{"90 %", "%", "fi", "90 %"}, // already says it
		{"5,8", "1-7 (1 = täysin eri mieltä, 7 = täysin samaa mieltä)", "fi", "5,8 (1-7)"},
		{"+21", "-100…+100", "en", "+21 (-100…+100)"},
		{"3", "0–10, kysely", "fi", "3 (0–10)"},
		{"12", "pv", "fi", "12 pv"},
		{"12 pv", "pv", "fi", "12 pv"},
		{"ei mitattu", "%", "fi", "ei mitattu"},
		{"", "%", "fi", ""},
		{"41", "", "fi", "41"},
		{"41", "asiakkaan oma arvio kyselyssä", "fi", "41"},
	}
	for _, c := range cases {
		if got := MeasureValue(c.v, c.scale, c.lang); got != c.want {
			t.Errorf("MeasureValue(%q, %q, %s) = %q, want %q", c.v, c.scale, c.lang, got, c.want)
		}
	}
}

// A measure's way is its values with their unit, but a range scale only
// after the target.
func TestMeasureWay(t *testing.T) {
	for _, c := range []struct {
		scale, lang string
		values      []string
		want        string
	}{
		{"%", "fi", []string{"41", "66"}, "41 % · 66 %"},
		{"%", "en", []string{"41", "66"}, "41% · 66%"},
		{"-100…+100", "fi", []string{"21", "26"}, "21 · 26"},
		{"1-7 (1 = täysin eri mieltä)", "en", []string{"5,2"}, "5,2"},
		{"pv", "fi", []string{"", "12"}, "– · 12 pv"},
		{"%", "fi", []string{"ei mitattu"}, "ei mitattu"},
	} {
		if got := MeasureWay(c.scale, c.lang, c.values...); got != c.want {
			t.Errorf("MeasureWay(%q, %q, %q) = %q, want %q", c.scale, c.lang, c.values, got, c.want)
		}
	}
}
