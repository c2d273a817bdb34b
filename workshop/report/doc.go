package report

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"lupauspaja/workshop"
)

// rgb is a colour of the report's palette.
type rgb struct{ r, g, b int }

// The palette: one calm accent, a muted grey for secondary text, and
// amber and red kept for what needs attention.
var (
	ink         = rgb{33, 37, 41}
	muted       = rgb{108, 117, 125}
	accent      = rgb{22, 82, 110}
	accentSoft  = rgb{96, 150, 175}
	accentLight = rgb{231, 240, 245}
	ruleCol     = rgb{210, 216, 222}
	zebra       = rgb{247, 249, 250}
	amber       = rgb{166, 84, 10}
	amberLight  = rgb{255, 243, 220}
	red         = rgb{178, 34, 52}
	redLight    = rgb{252, 232, 234}
	green       = rgb{22, 116, 70}
	greenLight  = rgb{223, 242, 231}
	barGrey     = rgb{180, 187, 194}
	white       = rgb{255, 255, 255}
)

// Page geometry of A4 in millimetres.
const (
	pageW     = 210.0
	pageH     = 297.0
	marginL   = 20.0
	marginR   = 20.0
	marginTop = 20.0
	bodyLimit = 274.0 // lowest baseline area above the footer
	contentW  = pageW - marginL - marginR
)

// Type sizes in points and line heights in millimetres.
const (
	sizeBody  = 9.5
	lineBody  = 4.7
	sizeSmall = 8
	lineSmall = 3.9
	sizeH1    = 17
	sizeH2    = 11.5
)

const family = "noto"

// doc is one report being drawn: gofpdf plus the session, the language and
// the vertical cursor that every part advances.
type doc struct {
	pdf     *gofpdf.Fpdf
	s       *workshop.Session
	lang    string
	w       *words
	section int // number of the current detail section
	results []workshop.DraftResult
	ci      *ciWords  // a check-in's words (checkin.go)
	kit     kitLayout // a kit sheet's spacing (kit.go)
}

func newDoc(s *workshop.Session, lang string) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	// gofpdf pads font tables by appending to slices of the bytes it is
	// given, which writes into the array behind them: each document gets
	// its own copy, so that concurrent exports and Fyne's own text
	// rendering never see the bytes change.
	pdf.AddUTF8FontFromBytes(family, "", bytes.Clone(fontBytes.regular))
	pdf.AddUTF8FontFromBytes(family, "B", bytes.Clone(fontBytes.bold))
	pdf.AddUTF8FontFromBytes(family, "I", bytes.Clone(fontBytes.italic))
	pdf.SetMargins(marginL, marginTop, marginR)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	return &doc{pdf: pdf, s: s, lang: lang, w: wordsFor(lang)}
}

// footers put the organisation, the date and "page N / M" on every page
// but a workshop's cover; a check-in's report has no cover, its page 1 is
// the summary "since DATE" and has a footer too. They are drawn once the
// page count is known, so that the page number can be right-aligned
// exactly (gofpdf's page-count alias is measured as its placeholder, not as
// the number).
func (d *doc) footers() {
	p := d.pdf
	last := p.PageCount()
	first := 2
	if d.ci != nil { // buildCheckin's words
		first = 1
	}
	left := oneLine(d.s.Organisation)
	if dt := d.date(d.s.Date); dt != "" {
		if left != "" {
			left += " · "
		}
		left += dt
	}
	for n := first; n <= last; n++ {
		p.SetPage(n)
		// gofpdf skips a font or colour that it believes is already set, but
		// that belief is about the last page drawn, not this one: setting
		// something else first makes it write both into this page.
		p.SetFont(family, "B", 1)
		d.fill(white)
		d.draw(ruleCol)
		p.SetLineWidth(0.2)
		p.Line(marginL, 282, pageW-marginR, 282)
		d.font("", sizeSmall, muted)
		p.SetXY(marginL, 284)
		p.CellFormat(contentW-35, 4, d.fit(left, contentW-35), "", 0, "L", false, 0, "")
		p.SetXY(pageW-marginR-35, 284)
		p.CellFormat(35, 4, fmt.Sprintf(d.w.Page, n, last), "", 0, "R", false, 0, "")
	}
	p.SetPage(last)
}

func (d *doc) font(style string, size float64, c rgb) {
	d.pdf.SetFont(family, style, size)
	d.pdf.SetTextColor(c.r, c.g, c.b)
}

func (d *doc) fill(c rgb) { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) draw(c rgb) { d.pdf.SetDrawColor(c.r, c.g, c.b) }

// y is the vertical cursor.
func (d *doc) y() float64     { return d.pdf.GetY() }
func (d *doc) setY(y float64) { d.pdf.SetY(y) }
func (d *doc) gap(h float64)  { d.setY(d.y() + h) }

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.setY(marginTop)
}

// room is how much height is left on the page.
func (d *doc) room() float64 { return bodyLimit - d.y() }

// need starts a new page unless h millimetres fit on this one.
func (d *doc) need(h float64) {
	if h > d.room() {
		d.newPage()
	}
}

// fit shortens a one-line text with an ellipsis to the width in the current font.
func (d *doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.pdf.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// wrap breaks clean text into lines no wider than w in the current font.
// Lines break at spaces; a word that does not fit on a line of its own
// breaks after a hyphen or dash inside it ("Vähä-" / "Mäkelä"), and only a
// part that still cannot fit alone is cut between letters, since a pasted
// URL or a 300-letter word must not run off the page.
func (d *doc) wrap(text string, w float64) []string {
	var out []string
	space := d.pdf.GetStringWidth(" ")
	for _, par := range strings.Split(text, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			if line.Len() > 0 {
				out = append(out, line.String())
				line.Reset()
				lineW = 0
			}
		}
		for _, word := range strings.Fields(par) {
			ww := d.pdf.GetStringWidth(word)
			if line.Len() > 0 && lineW+space+ww <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if ww <= w {
				flush()
				line.WriteString(word)
				lineW = ww
				continue
			}
			// Too wide for any line: fill this line and the next ones with
			// its hyphenated parts.
			sep := line.Len() > 0
			for _, part := range hyphenParts(word) {
				pw := d.pdf.GetStringWidth(part)
				gap := 0.0
				if sep {
					gap = space
				}
				if line.Len() > 0 && lineW+gap+pw <= w {
					if sep {
						line.WriteByte(' ')
					}
					line.WriteString(part)
					lineW += gap + pw
					sep = false
					continue
				}
				flush()
				sep = false
				if pw > w {
					pieces := d.cutWord(part, w)
					out = append(out, pieces[:len(pieces)-1]...)
					part = pieces[len(pieces)-1]
					pw = d.pdf.GetStringWidth(part)
				}
				line.WriteString(part)
				lineW = pw
			}
		}
		out = append(out, line.String())
	}
	// Trailing empty paragraphs add nothing but height.
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// hyphenParts splits a word after each hyphen or dash that has a letter or
// digit before it and something after it: "Vähä-Mäkelä" is "Vähä-",
// "Mäkelä"; a leading minus ("-100…+100") stays with its number.
func hyphenParts(word string) []string {
	var parts []string
	start := 0
	prevAlnum := false
	for i, r := range word {
		isDash := r == '-' || r == '\u2010' || r == '\u2013' || r == '\u2014'
		if isDash && prevAlnum && i+utf8.RuneLen(r) < len(word) {
			end := i + utf8.RuneLen(r)
			parts = append(parts, word[start:end])
			start = end
			prevAlnum = false
			continue
		}
		prevAlnum = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return append(parts, word[start:])
}

// cutWord splits a word into pieces that fit the width (at least one
// rune each), in one pass so that a pasted 100 kB string stays linear.
func (d *doc) cutWord(word string, w float64) []string {
	var pieces []string
	start, acc := 0, 0.0
	for i, r := range word {
		cw := d.pdf.GetStringWidth(string(r))
		if acc+cw > w && i > start {
			pieces = append(pieces, word[start:i])
			start, acc = i, 0
		}
		acc += cw
	}
	return append(pieces, word[start:])
}

// para writes wrapped text at x with the given width, breaking pages
// between lines.
func (d *doc) para(text string, x, w float64, style string, size, lh float64, c rgb) {
	d.font(style, size, c)
	for _, ln := range d.wrap(clean(text), w) {
		if d.room() < lh {
			d.newPage()
			d.font(style, size, c)
		}
		d.pdf.SetXY(x, d.y())
		d.pdf.CellFormat(w, lh, ln, "", 2, "L", false, 0, "")
	}
}

// body writes a paragraph of body text across the content width.
func (d *doc) body(text string) {
	d.para(text, marginL, contentW, "", sizeBody, lineBody, ink)
}

// note writes a muted small paragraph.
func (d *doc) note(text string) {
	d.para(text, marginL, contentW, "", sizeSmall, lineSmall, muted)
}

// h1 starts a numbered detail section, on a new page when little room is left.
func (d *doc) h1(title string, newPage bool) {
	if newPage || d.room() < 70 {
		d.newPage()
	} else {
		d.gap(6)
	}
	d.section++
	title = fmt.Sprintf("%d  %s", d.section, title)
	d.pdf.Bookmark(title, 0, -1)
	d.font("B", sizeH1, accent)
	d.pdf.SetXY(marginL, d.y())
	d.pdf.CellFormat(contentW, 9, d.fit(title, contentW), "", 2, "L", false, 0, "")
	d.draw(accent)
	d.pdf.SetLineWidth(0.6)
	d.pdf.Line(marginL, d.y()+0.5, marginL+24, d.y()+0.5)
	d.gap(5)
}

// h2 is a sub-heading kept together with at least `keep` mm of what follows.
func (d *doc) h2(title string, keep float64) {
	d.need(8 + keep)
	if d.y() > marginTop+1 {
		d.gap(3)
	}
	d.font("B", sizeH2, ink)
	lines := d.wrap(clean(title), contentW)
	for _, ln := range lines {
		d.pdf.SetXY(marginL, d.y())
		d.pdf.CellFormat(contentW, 6, ln, "", 2, "L", false, 0, "")
	}
	d.gap(1)
}

// label writes a small upper-case caption in the accent colour.
func (d *doc) label(text string, x, w float64) {
	d.font("B", 7.5, accent)
	d.pdf.SetXY(x, d.y())
	d.pdf.CellFormat(w, 4, d.fit(upper(oneLine(text)), w), "", 2, "L", false, 0, "")
}

// notRecorded says in muted text that a part is still empty.
func (d *doc) notRecorded() {
	d.para(d.w.NotRecorded, marginL, contentW, "I", sizeBody, lineBody, muted)
}

// date shows an ISO date the way readers of the language write it; anything
// else is shown as typed.
func (d *doc) date(iso string) string {
	iso = strings.TrimSpace(iso)
	if len(iso) >= 10 {
		var y, m, dd int
		if n, _ := fmt.Sscanf(iso[:10], "%4d-%2d-%2d", &y, &m, &dd); n == 3 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 {
			if d.lang == "en" {
				return fmt.Sprintf("%d %s %d", dd, monthsEn[m-1], y)
			}
			return fmt.Sprintf("%d.%d.%d", dd, m, y)
		}
	}
	return oneLine(iso)
}

var monthsEn = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// num formats a decimal the way the language does (3,5 in Finnish),
// halves away from zero as in the window: workshop.FormatDecimal.
func (d *doc) num(v float64, prec int) string {
	return workshop.FormatDecimal(v, prec, d.lang)
}

// quote puts a text in the language's quotation marks: ”…” / “…”.
func (d *doc) quote(s string) string { return workshop.Quote(s, d.lang) }

// percent writes a share the language's way: "27 %" in Finnish, "27%" in English.
func (d *doc) percent(n string) string { return workshop.MeasureValue(n, "%", d.lang) }

// measureValue is a baseline or target with the measure's scale: "41 %".
func (d *doc) measureValue(v string, m workshop.Measure) string {
	return orDash(workshop.MeasureValue(v, m.Scale, d.lang))
}

// label of an enumeration value in the report language.
func (d *doc) enum(m map[string]workshop.Text, v string) string {
	return oneLine(workshop.Label(m, v, d.lang))
}

// person is the display name of a participant id or free-text name.
func (d *doc) person(id, fallback string) string {
	return oneLine(d.s.PersonName(id, strings.TrimSpace(fallback)))
}

// draftLabel is a short stable label for a draft: its place in the session.
func (d *doc) draftLabel(id string) string {
	for i := range d.s.Drafts {
		if d.s.Drafts[i].ID == id {
			if d.lang == "en" {
				return fmt.Sprintf("D%d", i+1)
			}
			return fmt.Sprintf("L%d", i+1)
		}
	}
	return "?"
}

// draftText is a draft's wording in the report language when it has one.
func (d *doc) draftText(dr *workshop.Draft) string {
	if dr == nil {
		return ""
	}
	if d.lang != d.sessionLang() && strings.TrimSpace(dr.TextAlt) != "" {
		return dr.TextAlt
	}
	return dr.Text
}

func (d *doc) sessionLang() string {
	if d.s.Language == "en" {
		return "en"
	}
	return "fi"
}
