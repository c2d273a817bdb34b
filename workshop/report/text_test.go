package report

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"lupauspaja/workshop"
)

// measuring is one document kept for measuring text, since making a
// document (parsing three fonts) costs far more than wrapping a string.
var measuring = sync.OnceValue(func() *doc {
	d := newDoc(workshop.NewSession("fi"), "fi")
	d.newPage()
	return d
})

func TestWrapBreaksLongWords(t *testing.T) {
	d := measuring()
	d.font("", sizeBody, ink)
	word := strings.Repeat("ä", 300)
	lines := d.wrap("alku "+word+" loppu", 50)
	if len(lines) < 3 {
		t.Fatalf("a 300-letter word in 50 mm gave %d lines", len(lines))
	}
	for _, l := range lines {
		if w := d.pdf.GetStringWidth(l); w > 50 {
			t.Errorf("line %q is %.1f mm wide, over 50", l, w)
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(lines, " ")), ""); got != "alku"+word+"loppu" {
		t.Errorf("letters lost or added: %q", got)
	}
}

// FuzzLayoutText checks what every export does with every typed text:
// cleaning leaves only drawable characters, and wrapping loses nothing and
// keeps every line inside its width.
func FuzzLayoutText(f *testing.F) {
	f.Add("Tiedät aina, missä tavarasi menee.", 60.0)
	f.Add("🚚\x00\xff\xed\xa0\x80 a\u0308 \u202eRTL", 10.0)
	f.Add(strings.Repeat("x", 500), 1.0)
	f.Fuzz(func(t *testing.T, s string, w float64) {
		if w != w || w < 1 || w > contentW {
			w = contentW
		}
		c := clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("clean(%q) is not valid UTF-8", s)
		}
		for _, r := range c {
			if r != '\n' && !drawable(r) {
				t.Fatalf("clean(%q) keeps %U, which the font cannot draw", s, r)
			}
		}
		d := measuring()
		d.font("", sizeBody, ink)
		lines := d.wrap(c, w)
		for _, l := range lines {
			if lw := d.pdf.GetStringWidth(l); lw > w+0.01 && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %.2f mm wide, over %.2f", l, lw, w)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, " ")), ""), strings.Join(strings.Fields(c), ""); got != want {
			t.Fatalf("wrap lost text: %q, want %q", got, want)
		}
	})
}
