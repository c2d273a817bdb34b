package report

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"lupauspaja/assets"
)

// missingGlyph stands in for a character the embedded font cannot draw
// (Noto Sans has no □, and no emoji).
const missingGlyph = "?"

// fontBytes are the TrueType fonts embedded in every report: Noto Sans from
// assets, the same files the window draws with.
var fontBytes = struct{ regular, bold, italic []byte }{
	assets.FontRegular,
	assets.FontBold,
	assets.FontItalic,
}

// coverage says which runes of the Basic Multilingual Plane every embedded
// font has a glyph for. gofpdf indexes its width table by rune and panics or
// draws nothing for anything else, so text is filtered through this first.
var coverage = sync.OnceValue(buildCoverage)

func buildCoverage() *[1 << 16]bool {
	var has [1 << 16]bool
	var fonts []*sfnt.Font
	for _, b := range [][]byte{fontBytes.regular, fontBytes.bold, fontBytes.italic} {
		f, err := sfnt.Parse(b)
		if err != nil {
			continue
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		ok := len(fonts) > 0
		for _, f := range fonts {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				ok = false
				break
			}
		}
		has[r] = ok
	}
	return &has
}

// drawable reports whether the fonts can draw the rune.
func drawable(r rune) bool {
	return r >= 0 && r < 1<<16 && coverage()[r]
}

// clean makes any string safe for the PDF: invalid UTF-8, control and
// format characters, unpaired surrogates and runes the font lacks are
// replaced, so that nothing a participant typed can fail the export.
// Line breaks are kept as "\n"; tabs become spaces.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	// Text pasted from macOS can carry ä as a plus two dots; the font
	// draws the composed letter properly.
	if utf8.ValidString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(missingGlyph)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t', r == '\u00a0', r == '\u2028', r == '\u2029':
			b.WriteByte(' ')
		case r == '\u00ad', r == '\u200b', r == '\ufeff', r == '\u200e', r == '\u200f':
			// invisible formatting: dropping it changes nothing a reader sees
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Bidi_Control, r):
		case drawable(r):
			b.WriteRune(r)
		default:
			b.WriteString(missingGlyph)
		}
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// oneLine is clean text with line breaks folded into spaces, for table
// cells and labels.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// upper is a caption in capitals; an upper-case form can be a letter the
// font lacks, so it is cleaned again.
func upper(s string) string { return clean(strings.ToUpper(s)) }
