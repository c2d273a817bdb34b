package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"lupauspaja/workshop"
	"lupauspaja/workshop/safefile"
)

// The validation kit: what the facilitator prints to validate the promise
// with real customers (S1's three requirements in the customer's mind): an
// interview guide with a short script and room for the answers, and a
// one-page survey. What comes back is typed in the check-in's step 3.

// Kit documents.
const (
	KitInterview = "interview"
	KitSurvey    = "survey"
)

// WriteKit writes the interview guide or the survey of the session's
// current promise, in opt.Lang (the session's language when empty).
func WriteKit(w io.Writer, s *workshop.Session, kind string, opt Options) error {
	var buf bytes.Buffer
	if err := renderKit(&buf, s, kind, opt); err != nil {
		return err
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// WriteKitFile writes the kit's PDF to path through a temporary file.
func WriteKitFile(path string, s *workshop.Session, kind string, opt Options) error {
	var buf bytes.Buffer
	if err := renderKit(&buf, s, kind, opt); err != nil {
		return err
	}
	if err := safefile.Write(path, 0o644, safefile.Bytes(buf.Bytes())); err != nil {
		return fmt.Errorf("save PDF to %s: %w", path, err)
	}
	return nil
}

// KitFileName suggests a file name such as "Nordrahti-Oy-haastattelu.pdf".
func KitFileName(s *workshop.Session, kind, lang string) string {
	word := map[string][2]string{KitInterview: {"asiakashaastattelu", "customer-interview"}, KitSurvey: {"asiakaskysely", "customer-survey"}}[kind]
	name := word[0]
	if lang == "en" {
		name = word[1]
	}
	if s != nil {
		if org := asciiSlug(s.Organisation, 60); org != "" {
			name = org + "-" + name
		}
	}
	return name + ".pdf"
}

func renderKit(buf *bytes.Buffer, s *workshop.Session, kind string, opt Options) (err error) {
	if s == nil {
		return errors.New("write PDF: no session")
	}
	if kind != KitInterview && kind != KitSurvey {
		return fmt.Errorf("write PDF: no such kit document %q", kind)
	}
	defer recoverPDF(&err)
	lang := opt.language(s)
	// The sheet is printed and written on by hand: it is drawn with the
	// roomiest spacing that keeps it on one page; a sheet that takes two
	// pages even at the tightest takes them at the roomiest, each question
	// with its answer lines.
	draw := func(l kitLayout) (*doc, error) {
		d := newDoc(s, lang)
		d.ci = ciWordsFor(lang)
		d.kit = l
		d.meta()
		title := d.ci.GuideTitle
		if kind == KitSurvey {
			title = d.ci.SurveyTitle
		}
		d.pdf.SetTitle(oneLine(s.Organisation+" – "+title), true)
		d.newPage()
		if kind == KitInterview {
			d.interviewGuide()
		} else {
			d.survey()
		}
		if d.pdf.Err() {
			return nil, fmt.Errorf("write PDF: %w", d.pdf.Error())
		}
		return d, nil
	}
	for _, l := range kitLayouts {
		d, err := draw(l)
		if err != nil {
			return err
		}
		if d.pdf.PageCount() == 1 {
			return d.pdf.Output(buf)
		}
	}
	d, err := draw(kitLayouts[0])
	if err != nil {
		return err
	}
	return d.pdf.Output(buf)
}

// kitLayout is the spacing of a kit's sheet: the ruled lines' pitch (the
// height of a handwritten line), the space above each question, the space
// after the lead, the script and the promise, the height of the fields of
// the interviewer and the respondent, and the promise's type size.
type kitLayout struct {
	pitch, question, space, who, promise float64
}

// kitLayouts, roomiest first. 7 mm, a ruled notebook's line, is the least
// pitch that stays comfortable to write on while holding the sheet; the
// last layout sets a long promise smaller rather than the lines tighter.
var kitLayouts = []kitLayout{
	{pitch: 8, question: 3, space: 3, who: 20, promise: 15},
	{pitch: 7.5, question: 2.5, space: 2.5, who: 19, promise: 15},
	{pitch: 7, question: 2, space: 2, who: 18, promise: 15},
	{pitch: 7, question: 2, space: 2, who: 18, promise: 12.5},
}

func (d *doc) kitHead(title string) {
	d.font("B", 7.5, accent)
	d.pdf.SetXY(marginL, d.y())
	d.pdf.CellFormat(contentW, 4, d.fit(upper(oneLine(d.s.Organisation)), contentW), "", 2, "L", false, 0, "")
	d.gap(1)
	d.font("B", sizeH1+2, accent)
	d.pdf.SetXY(marginL, d.y())
	d.pdf.CellFormat(contentW, 10, title, "", 2, "L", false, 0, "")
	d.gap(2)
}

func (d *doc) kitPromise() {
	t := d.promiseText()
	if t == "" {
		t = d.ci.NoPromiseYet
	}
	size := d.kit.promise
	d.panel(accentLight, accent, []block{{text: t, style: "B", size: size, lh: size * 0.48, color: accent}})
}

// lines draws n ruled lines to write on, at the layout's pitch; ask has
// made room for them.
func (d *doc) lines(n int, x, w float64) {
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.25)
	for range n {
		d.gap(d.kit.pitch)
		d.pdf.Line(x, d.y(), x+w, d.y())
	}
	d.gap(1)
}

// answer is what follows a question on the sheet (ruled lines, a scale,
// boxes to tick, a prompt), with its height known before it is drawn.
type answer struct {
	h    float64
	draw func()
}

func (d *doc) ruled(n int) answer {
	return answer{float64(n)*d.kit.pitch + 1, func() { d.lines(n, marginL, contentW) }}
}

func (d *doc) scaleAnswer() answer { return answer{8, func() { d.scale(marginL + 5) }} }

func (d *doc) choiceAnswer() answer { return answer{8, func() { d.choice(marginL + 5) }} }

// prompt is the small "Why?" above the lines that follow a scale.
func (d *doc) prompt(text string) answer {
	x, w := marginL+5, contentW-5
	return answer{d.paraHeight(text, w, "", sizeSmall, lineSmall), func() { d.para(text, x, w, "", sizeSmall, lineSmall, muted) }}
}

// paraHeight is the height para gives the text.
func (d *doc) paraHeight(text string, w float64, style string, size, lh float64) float64 {
	d.pdf.SetFont(family, style, size)
	return float64(len(d.wrap(clean(text), w))) * lh
}

// scale draws boxes 1..5 with the ends named.
func (d *doc) scale(x float64) {
	d.font("", sizeBody, ink)
	y := d.y()
	for i := 1; i <= 5; i++ {
		bx := x + float64(i-1)*14
		d.draw(ink)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Rect(bx, y, 6, 6, "D")
		d.pdf.SetXY(bx+7, y)
		d.pdf.CellFormat(5, 6, fmt.Sprint(i), "", 0, "L", false, 0, "")
	}
	d.font("", sizeSmall, muted)
	d.pdf.SetXY(x+72, y)
	d.pdf.CellFormat(contentW-72-(x-marginL), 6, d.fit("1 = "+d.ci.NotAtAll+" · 5 = "+d.ci.Very, contentW-72-(x-marginL)), "", 0, "L", false, 0, "")
	d.setY(y + 8)
}

// choice draws boxes for yes / maybe / no.
func (d *doc) choice(x float64) {
	y := d.y()
	d.font("", sizeBody, ink)
	for i, l := range []string{d.ci.Yes, d.ci.Maybe, d.ci.No} {
		bx := x + float64(i)*30
		d.draw(ink)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Rect(bx, y, 6, 6, "D")
		d.pdf.SetXY(bx+8, y)
		d.pdf.CellFormat(20, 6, l, "", 0, "L", false, 0, "")
	}
	d.setY(y + 8)
}

// ask draws a numbered question with its answers, together: on the next
// page when they do not fit on this one, never the question at the foot of
// a page and its lines on the next.
func (d *doc) ask(n int, q string, answers ...answer) {
	text := fmt.Sprintf("%d.  %s", n, q)
	const size, lh = sizeBody + 1, lineBody + 0.6
	h := d.kit.question + d.paraHeight(text, contentW, "B", size, lh) + 1
	for _, a := range answers {
		h += a.h
	}
	d.need(h)
	d.gap(d.kit.question)
	d.para(text, marginL, contentW, "B", size, lh, ink)
	d.gap(1)
	for _, a := range answers {
		a.draw()
	}
}

func (d *doc) interviewGuide() {
	w := d.ci
	d.kitHead(w.GuideTitle)
	d.para(w.GuideLead, marginL, contentW, "", sizeBody, lineBody, muted)
	d.gap(d.kit.space)
	// Who and when, without names: the answers are typed in anonymously.
	d.font("", sizeSmall, muted)
	y := d.y()
	for i, l := range []string{w.Interviewer, w.Date, w.Segment2, w.Respondent} {
		x := marginL + float64(i%2)*(contentW/2)
		yy := y + float64(i/2)*9
		d.pdf.SetXY(x, yy)
		d.pdf.CellFormat(contentW/2-4, 4, l, "", 0, "L", false, 0, "")
		d.draw(ruleCol)
		d.pdf.Line(x, yy+8, x+contentW/2-6, yy+8)
	}
	d.setY(y + d.kit.who)
	d.label(w.ScriptTitle, marginL, contentW)
	d.gap(0.5)
	d.para(w.Script, marginL, contentW, "I", sizeBody, lineBody, ink)
	d.gap(d.kit.space)
	d.kitPromise()
	d.gap(d.kit.space - 1)
	d.label(w.Questions, marginL, contentW)
	d.ask(1, w.Q1, d.ruled(4))
	d.ask(2, w.Q2, d.scaleAnswer(), d.prompt(w.WhyLine), d.ruled(2))
	d.ask(3, w.Q3, d.scaleAnswer(), d.prompt(w.HowLine), d.ruled(2))
	d.ask(4, w.Q4, d.choiceAnswer())
	d.ask(5, w.Q5, d.ruled(3))
	d.kitFooter()
}

func (d *doc) survey() {
	w := d.ci
	d.kitHead(w.SurveyTitle)
	d.para(w.SurveyLead, marginL, contentW, "", sizeBody, lineBody, muted)
	d.gap(d.kit.space)
	d.kitPromise()
	d.ask(1, w.Q1, d.ruled(3))
	d.ask(2, strings.TrimSuffix(strings.TrimSuffix(w.Q2, " Miksi?"), " Why?"), d.scaleAnswer())
	d.ask(3, strings.TrimSuffix(strings.TrimSuffix(w.Q3, " Miten?"), " How?"), d.scaleAnswer())
	d.ask(4, w.Q4, d.choiceAnswer())
	d.ask(5, w.Q5, d.ruled(2))
	d.gap(3)
	d.para(w.ThankYou, marginL, contentW, "B", sizeBody, lineBody, accent)
	d.kitFooter()
}

// kitFooter puts the organisation and page numbers on every page.
func (d *doc) kitFooter() {
	p := d.pdf
	last := p.PageCount()
	for n := 1; n <= last; n++ {
		p.SetPage(n)
		p.SetFont(family, "B", 1)
		d.font("", sizeSmall, muted)
		p.SetXY(marginL, 284)
		p.CellFormat(contentW-35, 4, d.fit(oneLine(d.s.Organisation), contentW-35), "", 0, "L", false, 0, "")
		p.SetXY(pageW-marginR-35, 284)
		p.CellFormat(35, 4, fmt.Sprintf(d.w.Page, n, last), "", 0, "R", false, 0, "")
	}
	p.SetPage(last)
}
