package workshop

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// A measure's baseline, target and readings are texts as typed: "54",
// "4,1", "92 %", "NPS –12", "1 234 €". ReadNumber reads the number in such
// a text the way a Finnish or English writer means it, and refuses one it
// could read more than one way rather than guess.

var (
	// ErrNoNumber: the text has no digits.
	ErrNoNumber = errors.New("no number")
	// ErrNotANumber: the text's digits are not one number ("3.12.2026", "1.2.3").
	ErrNotANumber = errors.New("not a number")
)

// Why a number can be read more than one way (NumberError.Problem).
const (
	// NumberGrouping: digits apart that are not thousands in groups of three
	// ("1 23", "1234 567"), or both a point and a comma ("1.234,5").
	NumberGrouping = "grouping"
	// NumberSign: a dash before the number that may not be a minus ("– 12"
	// with a space, "NPS–12" joined to a word, an em dash "—12").
	NumberSign = "sign"
	// NumberRange: two numbers with a dash between ("10–12").
	NumberRange = "range"
)

// NumberError refuses a text whose number can be read more than one way.
type NumberError struct {
	Text    string
	Problem string // NumberGrouping, NumberSign or NumberRange
}

func (e *NumberError) Error() string {
	why := map[string]string{
		NumberGrouping: "digits apart are thousands only in groups of three (1 234 567), with one decimal comma or point",
		NumberSign:     "a minus goes right before the digits (–12, -12)",
		NumberRange:    "a reading is one number, not a range",
	}[e.Problem]
	return fmt.Sprintf("%q can be read more than one way: %s", clip(e.Text), why)
}

// ParseNumber reads the number in a measure's text (ReadNumber); ok is
// false when there is none, or one that can be read more than one way.
func ParseNumber(s string) (v float64, ok bool) {
	v, err := ReadNumber(s)
	return v, err == nil
}

// ReadNumber reads the first number in a measure's text: "54", "4,1",
// "-12", "92 %", "NPS +35". A minus is a hyphen, U+2212 or an en dash (as
// Finnish typography and word processors write it: "–12") right before the
// digits, at the start or after a space or a bracket. Thousands may be
// grouped by threes with a space, a no-break space or a narrow or thin
// space ("1 234", "12 345,5"). The decimal separator is a comma or a point.
//
// It returns ErrNoNumber for a text without digits, ErrNotANumber for
// digits that are not one number, and a *NumberError for a number that
// could be read more than one way: spaces between digits that are not
// thousands, both a point and a comma, a dash that may not be a minus, a
// range.
func ReadNumber(s string) (float64, error) {
	rs := []rune(s)
	start := -1
	for i, r := range rs {
		if isDigit(r) {
			start = i
			break
		}
	}
	if start < 0 {
		return 0, ErrNoNumber
	}
	ambiguous := func(problem string) (float64, error) {
		return 0, &NumberError{Text: strings.TrimSpace(s), Problem: problem}
	}
	i := start
	digits := func() int {
		n := 0
		for i < len(rs) && isDigit(rs[i]) {
			i++
			n++
		}
		return n
	}
	// spaces reports where the run of group spaces at j ends, and whether
	// a digit follows it.
	spaces := func(j int) (int, bool) {
		for j < len(rs) && isGroupSpace(rs[j]) {
			j++
		}
		return j, j < len(rs) && isDigit(rs[j])
	}

	var num strings.Builder
	lead := digits()
	num.WriteString(string(rs[start:i]))
	for {
		end, digitNext := spaces(i)
		if end == i || !digitNext {
			break
		}
		// Digits after a space: a thousands group, or a second number.
		if end-i > 1 || lead > 3 {
			return ambiguous(NumberGrouping)
		}
		i = end
		from := i
		if digits() != 3 {
			return ambiguous(NumberGrouping)
		}
		num.WriteString(string(rs[from:i]))
	}
	if i+1 < len(rs) && isDecimal(rs[i]) && isDigit(rs[i+1]) {
		sep := rs[i]
		i++
		from := i
		digits()
		num.WriteByte('.')
		num.WriteString(string(rs[from:i]))
		if i+1 < len(rs) && isDecimal(rs[i]) && isDigit(rs[i+1]) {
			if rs[i] != sep {
				return ambiguous(NumberGrouping) // 1.234,5 or 1,234.5
			}
			return 0, ErrNotANumber // 3.12.2026, 1.2.3
		}
		if _, digitNext := spaces(i); digitNext && isGroupSpace(rs[i]) {
			return ambiguous(NumberGrouping) // 4,123 456
		}
	}
	// A dash after the number and a digit after it: a range.
	if j, _ := spaces(i); j < len(rs) && isDash(rs[j]) {
		if _, digitNext := spaces(j + 1); digitNext {
			return ambiguous(NumberRange)
		}
	}
	f, err := strconv.ParseFloat(num.String(), 64)
	if err != nil {
		return 0, ErrNotANumber
	}

	// The sign.
	if start == 0 {
		return f, nil
	}
	before := rs[start-1]
	switch {
	case before == '+':
		return f, nil
	case isMinus(before):
		if start >= 2 && (unicode.IsLetter(rs[start-2]) || unicode.IsDigit(rs[start-2])) {
			return ambiguous(NumberSign) // NPS–12, CES-2: a hyphen as in a name
		}
		return -f, nil
	case isDash(before):
		return ambiguous(NumberSign) // —12, ‐12: not written as a minus
	case isGroupSpace(before):
		j := start - 1
		for j >= 0 && isGroupSpace(rs[j]) {
			j--
		}
		if j >= 0 && isDash(rs[j]) {
			return ambiguous(NumberSign) // – 12: a minus, or a dash between words
		}
	}
	return f, nil
}

func isDigit(r rune) bool   { return r >= '0' && r <= '9' }
func isDecimal(r rune) bool { return r == ',' || r == '.' }

// isGroupSpace: the spaces that group thousands: a space, a no-break space
// (U+00A0), a figure space (U+2007), a thin space (U+2009) and a narrow
// no-break space (U+202F).
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2007' || r == '\u2009' || r == '\u202f'
}

// isMinus: the characters read as a minus: a hyphen-minus, the minus sign
// U+2212 and the en dash U+2013.
func isMinus(r rune) bool { return r == '-' || r == '\u2212' || r == '\u2013' }

// isDash: any dash or minus.
func isDash(r rune) bool {
	return isMinus(r) || (r >= '\u2010' && r <= '\u2015') || r == '\ufe58' || r == '\ufe63' || r == '\uff0d'
}
