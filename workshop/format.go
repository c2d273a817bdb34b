package workshop

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds how the window, the projector and the PDF write numbers,
// quotations and measured values, so that every front end shows the same
// figure in the same way.

// FormatDecimal writes v with the given number of decimals in the
// language's way: a decimal comma in Finnish (4,3), a point in English
// (4.3).
//
// Halves are rounded away from zero, the way people round by hand
// (4,25 → 4,3; 4,75 → 4,8; -4,25 → -4,3), not to the even neighbour as
// fmt and strconv do. The half is judged on the number as it would be
// written with 15 significant digits, not on its binary value: 2.05 and
// 2.675 have no exact binary form and are stored a hair below the half,
// yet a person reads them as 2,05 and 2,675 and expects 2,1 and 2,68.
// Fifteen digits also absorb the last-bit error that sums and means pick
// up (0.1 + 0.2, or 87 / 20 for 4,35). A value that rounds to zero is
// written without a minus sign.
func FormatDecimal(v float64, decimals int, lang string) string {
	if decimals < 0 {
		decimals = 0
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	neg := v < 0
	// d.dddddddddddddde±XX: 15 significant digits, correctly rounded.
	e := strconv.FormatFloat(math.Abs(v), 'e', 14, 64)
	mant, exp, _ := strings.Cut(e, "e")
	x, _ := strconv.Atoi(exp)
	digits := []byte(mant[:1] + mant[2:])
	// The value is 0.digits × 10^point.
	point := x + 1
	if point < 0 {
		digits = append([]byte(strings.Repeat("0", -point)), digits...)
		point = 0
	}
	for len(digits) < point+decimals+1 {
		digits = append(digits, '0')
	}
	keep := point + decimals
	up := digits[keep] >= '5'
	digits = digits[:keep]
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
			point++
		}
	}
	intPart := strings.TrimLeft(string(digits[:point]), "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if decimals > 0 {
		sep := ","
		if lang == "en" {
			sep = "."
		}
		out += sep + string(digits[point:])
	}
	if neg && strings.Trim(out, "0,.") != "" {
		out = "-" + out
	}
	return out
}

// FormatScore writes a mean or weighted score of the 1–5 criteria with one
// decimal (4,3 / 4.3), as both windows and the PDF show them.
func FormatScore(v float64, lang string) string { return FormatDecimal(v, 1, lang) }

// Quote puts text in the quotation marks of the language: ”…” in Finnish
// (both marks alike), “…” in English.
func Quote(text, lang string) string {
	if lang == "en" {
		return "“" + text + "”"
	}
	return "”" + text + "”"
}

// MeasureValue writes a baseline or target with the measure's scale, so
// that a number never stands without its unit: "41" on a "%" scale is
// "41 %" (Finnish) or "41%" (English), "12" on a "pv" scale is "12 pv",
// and on a range scale such as "1-7 (1 = täysin eri mieltä …)" or
// "-100…+100" the range follows in brackets: "5,8 (1-7)".
//
// Only a value that is a number gets the scale: text such as "ei mitattu",
// or a value that already names its unit ("41 %", "12 pv"), is shown as
// typed. An empty value stays empty.
func MeasureValue(value, scale, lang string) string {
	v := strings.TrimSpace(value)
	if v == "" || !endsInNumber(v) {
		return v
	}
	u := MeasureUnit(scale)
	if u == "" {
		return v
	}
	if u == "%" && lang == "en" {
		return v + u
	}
	return v + " " + u
}

// MeasureWay writes a measure's values along its way (its baseline, then
// readings) for one line, "41 % · 58 %": each with its unit, as
// MeasureValue does, but a range scale such as NPS's "(-100…+100)" is
// left out, as it follows the target once (MeasureValue of the target):
// after every value it crowds the line. An empty value is "–".
func MeasureWay(scale, lang string, values ...string) string {
	if strings.HasPrefix(MeasureUnit(scale), "(") {
		scale = ""
	}
	way := make([]string, len(values))
	for i, v := range values {
		if way[i] = MeasureValue(v, scale, lang); way[i] == "" {
			way[i] = "–"
		}
	}
	return strings.Join(way, " · ")
}

// MeasureUnit is what MeasureValue writes after a number on the scale: "%",
// "pv", "(1-7)", or "" for a scale that is a description rather than a unit.
// The window shows it next to a baseline's or a target's field.
func MeasureUnit(scale string) string {
	sc := strings.Join(strings.Fields(scale), " ")
	switch {
	case sc == "" || sc == "%":
		return sc
	case strings.IndexFunc(sc, unicode.IsDigit) >= 0:
		// A range: its first word ("1-7", "0–10", "-100…+100"), without
		// the explanation that may follow.
		rng, _, _ := strings.Cut(sc, " ")
		rng = strings.TrimRight(rng, ",;:")
		return "(" + rng + ")"
	case utf8.RuneCountInString(sc) <= 12:
		return sc // a unit: €, pv, min, kpl, days
	}
	return "" // a description rather than a unit; the detail shows it
}

// endsInNumber is true for "41", "+21", "5,8", "≥ 90", "1 200": text whose
// last character is a digit, so that a unit after it reads as its unit.
func endsInNumber(v string) bool {
	r, _ := utf8.DecodeLastRuneInString(v)
	return unicode.IsDigit(r)
}
