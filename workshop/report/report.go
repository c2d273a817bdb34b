// Package report writes the PDF summary of a workshop: the agreed promise,
// why it was chosen, how it is measured and who does what next, for a
// reader who was not in the room.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"lupauspaja/workshop"
	"lupauspaja/workshop/safefile"
)

// Options choose how the report is written.
type Options struct {
	Lang string // "fi" or "en"; empty = the session's language
}

// Write writes the PDF summary of the session to w. Nothing in the session
// can make it fail or panic; errors come only from writing to w.
func Write(w io.Writer, s *workshop.Session, opt Options) error {
	var buf bytes.Buffer
	if err := render(&buf, s, opt); err != nil {
		return err
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// recoverPDF turns a panic into the error of the function that defers it:
// gofpdf reports some faults by panicking, and a document that cannot be
// drawn must still leave the app running with an error to show.
func recoverPDF(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("write PDF: %v", r)
	}
}

// language is the document's: the one asked for, or the session's; Finnish
// unless it is English.
func (opt Options) language(s *workshop.Session) string {
	lang := opt.Lang
	if lang == "" {
		lang = s.Language
	}
	if lang != "en" {
		lang = "fi"
	}
	return lang
}

// render draws the whole document into buf.
func render(buf *bytes.Buffer, s *workshop.Session, opt Options) (err error) {
	if s == nil {
		return errors.New("write PDF: no session")
	}
	defer recoverPDF(&err)
	d := newDoc(s, opt.language(s))
	d.meta()
	if s.IsCheckin() {
		d.buildCheckin()
	} else {
		d.build()
	}
	if d.pdf.Err() {
		return fmt.Errorf("write PDF: %w", d.pdf.Error())
	}
	if err := d.pdf.Output(buf); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// WriteFile writes the PDF to path through a temporary file in the same
// folder, so that a failed export never leaves a half-written file behind.
func WriteFile(path string, s *workshop.Session, opt Options) error {
	var buf bytes.Buffer
	if err := render(&buf, s, opt); err != nil {
		return err
	}
	// A summary is meant to be shared: readable by others, unlike the database.
	if err := safefile.Write(path, 0o644, safefile.Bytes(buf.Bytes())); err != nil {
		return fmt.Errorf("save PDF to %s: %w", path, err)
	}
	return nil
}

// FileName suggests a file name for the session's PDF, such as
// "Nordrahti-Oy-arvolupaus-2026-12-03.pdf", or for a check-in's
// "Nordrahti-Oy-seuranta-2027-03-10.pdf": ASCII only, so that it survives
// any mail client and file system.
func FileName(s *workshop.Session) string {
	if s == nil {
		return "arvolupaus.pdf"
	}
	word := "arvolupaus"
	switch {
	case s.IsCheckin() && s.Language == "en":
		word = "check-in"
	case s.IsCheckin():
		word = "seuranta"
	case s.Language == "en":
		word = "value-promise"
	}
	parts := []string{}
	if org := asciiSlug(s.Organisation, 60); org != "" {
		parts = append(parts, org)
	}
	parts = append(parts, word)
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(s.Date)); err == nil {
		parts = append(parts, t.Format("2006-01-02"))
	}
	return strings.Join(parts, "-") + ".pdf"
}

// asciiSlug keeps letters and digits (accents removed: ä → a) and joins
// the words with hyphens.
func asciiSlug(s string, maxLen int) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
		case unicode.Is(unicode.Mn, r):
			// the accent of a decomposed letter
		default:
			hyphen = true
		}
		if b.Len() >= maxLen {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// meta fills the document properties that mail clients and viewers show.
func (d *doc) meta() {
	p := d.pdf
	title := d.w.DocTitle
	if org := oneLine(d.s.Organisation); org != "" {
		title = org + " – " + title
	}
	p.SetTitle(title, true)
	p.SetSubject(oneLine(d.s.Title), true)
	p.SetAuthor(oneLine(d.s.Facilitator), true)
	p.SetCreator("Lupauspaja", true)
	p.SetProducer("Lupauspaja", true)
	// A fixed date keeps the same session's PDF byte-for-byte the same.
	when := d.s.UpdatedAt
	if when.IsZero() {
		when = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(when)
	p.SetModificationDate(when)
}

// build draws every part in the order of the method's PDF summary.
func (d *doc) build() {
	d.results = d.s.Results()
	d.newPage()
	d.cover()
	if d.isEmpty() {
		d.missing()
		return
	}
	d.newPage()
	d.summary()
	d.stand()
	d.customer()
	d.chose()
	d.practice()
	d.measures()
	d.nextSteps()
	d.whoDoesWhat()
	d.appendix()
	d.footers()
}

// isEmpty is true while nothing of the workshop's content has been recorded.
func (d *doc) isEmpty() bool {
	s := d.s
	return strings.TrimSpace(s.Decision.FinalText) == "" && len(s.Drafts) == 0 &&
		len(s.Measures) == 0 && len(s.Actions) == 0 && len(s.ProfileItems) == 0 &&
		len(s.Ladder) == 0 && len(s.Segments) == 0 && len(s.ValueItems) == 0 &&
		strings.TrimSpace(s.Purpose.Why+s.Purpose.Whom+s.Purpose.Value) == "" &&
		strings.TrimSpace(s.Baseline.ExistingPromise) == ""
}
