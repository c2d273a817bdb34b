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
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write PDF: %v", r)
		}
	}()
	lang := opt.Lang
	if lang == "" {
		lang = s.Language
	}
	if lang != "en" {
		lang = "fi"
	}
	d := newDoc(s, lang)
	d.ci = ciWordsFor(lang)
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
		return fmt.Errorf("write PDF: %w", d.pdf.Error())
	}
	return d.pdf.Output(buf)
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
	d.panel(accentLight, accent, []block{{text: t, style: "B", size: 15, lh: 7.2, color: accent}})
}

// lines draws n ruled lines to write on.
func (d *doc) lines(n int, x, w float64) {
	d.draw(ruleCol)
	d.pdf.SetLineWidth(0.25)
	for range n {
		d.need(8)
		d.gap(7.5)
		d.pdf.Line(x, d.y(), x+w, d.y())
	}
	d.gap(1)
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

func (d *doc) question(n int, q string) {
	d.need(22)
	d.gap(3)
	d.para(fmt.Sprintf("%d.  %s", n, q), marginL, contentW, "B", sizeBody+1, lineBody+0.6, ink)
	d.gap(1)
}

func (d *doc) interviewGuide() {
	w := d.ci
	d.kitHead(w.GuideTitle)
	d.para(w.GuideLead, marginL, contentW, "", sizeBody, lineBody, muted)
	d.gap(3)
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
	d.setY(y + 20)
	d.label(w.ScriptTitle, marginL, contentW)
	d.gap(0.5)
	d.para(w.Script, marginL, contentW, "I", sizeBody, lineBody, ink)
	d.gap(3)
	d.kitPromise()
	d.gap(2)
	d.label(w.Questions, marginL, contentW)
	d.question(1, w.Q1)
	d.lines(4, marginL, contentW)
	d.question(2, w.Q2)
	d.scale(marginL + 5)
	d.para(w.WhyLine, marginL+5, contentW-5, "", sizeSmall, lineSmall, muted)
	d.lines(2, marginL, contentW)
	d.question(3, w.Q3)
	d.scale(marginL + 5)
	d.para(w.HowLine, marginL+5, contentW-5, "", sizeSmall, lineSmall, muted)
	d.lines(2, marginL, contentW)
	d.question(4, w.Q4)
	d.choice(marginL + 5)
	d.question(5, w.Q5)
	d.lines(3, marginL, contentW)
	d.kitFooter()
}

func (d *doc) survey() {
	w := d.ci
	d.kitHead(w.SurveyTitle)
	d.para(w.SurveyLead, marginL, contentW, "", sizeBody, lineBody, muted)
	d.gap(3)
	d.kitPromise()
	d.question(1, w.Q1)
	d.lines(3, marginL, contentW)
	d.question(2, strings.TrimSuffix(strings.TrimSuffix(w.Q2, " Miksi?"), " Why?"))
	d.scale(marginL + 5)
	d.question(3, strings.TrimSuffix(strings.TrimSuffix(w.Q3, " Miten?"), " How?"))
	d.scale(marginL + 5)
	d.question(4, w.Q4)
	d.choice(marginL + 5)
	d.question(5, w.Q5)
	d.lines(2, marginL, contentW)
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
