package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/checkin"
	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
)

// summaryPage shows what the PDF will say and sends it on its way.
type summaryPage struct {
	w       *workspace
	body    *fyne.Container
	status  *widget.Label
	openBtn *button.Button
	pdfPath string
	pdfAt   uint64 // the editor's Changes when the PDF at pdfPath was written
	obj     fyne.CanvasObject
}

func newSummaryPage(w *workspace) *summaryPage {
	p := &summaryPage{w: w}
	title := widget.NewLabelWithStyle(w.u.tr.T("nav.summary"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Importance = widget.HighImportance
	intro := widget.NewLabel(w.u.tr.T("summary.intro"))
	intro.Wrapping = fyne.TextWrapWord
	p.body = container.NewVBox()
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.Hide()

	export := button.Primary(w.u.tr.T("summary.export"), theme.DocumentSaveIcon(), p.chooseExport)
	p.openBtn = button.New(w.u.tr.T("summary.open"), theme.DocumentIcon(), p.openPDF)
	p.openBtn.Disable()
	mail := button.New(w.u.tr.T("summary.email"), theme.MailSendIcon(), p.sendEmail)
	file := button.New(w.u.tr.T("summary.sessionfile"), theme.DownloadIcon(), p.chooseSessionFile)
	file.Importance = widget.LowImportance
	prev := button.New(w.u.tr.T("step.prev"), theme.NavigateBackIcon(), w.prev)

	// Two rows, so that neither is wider than the page at 1366 px: one row
	// with everything made Fyne's box squeeze its buttons over each other.
	kit := append(checkin.KitButtons(w.env), layout.NewSpacer(), file)
	buttons := container.NewVBox(p.status,
		container.NewHBox(kit...),
		container.NewHBox(prev, layout.NewSpacer(), mail, p.openBtn, export))
	p.obj = container.NewPadded(container.NewBorder(container.NewVBox(title, intro, widget.NewSeparator()), buttons, nil, nil,
		field.NewVScroll(p.body)))
	p.Refresh()
	return p
}

func (p *summaryPage) Object() fyne.CanvasObject { return p.obj }
func (p *summaryPage) Flush()                    {}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Refresh shows the promise, measures, actions and what is still missing.
func (p *summaryPage) Refresh() {
	s := p.w.ed.Snapshot()
	lang := s.Language
	// The lines are made anew and shown only when they differ from those
	// shown: laying out and wrapping the whole summary again took a frame
	// on every visit, though a move to the page changes none of it.
	var objs []fyne.CanvasObject
	add := func(o fyne.CanvasObject) { objs = append(objs, o) }

	if s.IsCheckin() {
		// A check-in follows an agreed promise; it has no fist of five of its own.
		add(heading(p.w.u.tr.T("checkin.promise.now")))
	} else if s.ConsentResult().Reached {
		add(heading(p.w.u.tr.T("summary.promise")))
	} else {
		add(heading(p.w.u.tr.T("summary.promise.proposed")))
	}
	if t := strings.TrimSpace(s.Decision.FinalText); t != "" {
		l := wrapped(workshop.Quote(t, p.w.u.tr.Language()))
		l.SizeName = sizeQuestion
		l.TextStyle.Bold = true
		add(l)
		add(wrapped(workshop.Label(workshop.ValidationLabels, s.Decision.ValidationStatus, lang)))
		if r := strings.TrimSpace(s.Decision.Rationale); r != "" {
			add(wrapped(r))
		}
		if cs := s.ConsentResult(); cs.Votes > 0 {
			key := "summary.consent.not_reached"
			if cs.Reached {
				key = "summary.consent.reached"
			}
			add(wrapped(p.w.u.tr.T(key, map[string]any{"Votes": cs.Votes, "Lowest": cs.Lowest})))
		}
	} else {
		missing := wrapped(p.w.u.tr.T("summary.promise.missing"))
		missing.Importance = widget.WarningImportance
		add(missing)
	}

	add(heading(p.w.u.tr.T("summary.measures", map[string]any{"Count": len(s.Measures)})))
	if len(s.Measures) == 0 {
		add(muted(p.w.u.tr.T("summary.none")))
	}
	for _, m := range s.Measures {
		line := "• " + m.Name
		if m.Baseline != "" || m.Target != "" {
			// Words, not an arrow: the UI font has no arrow glyph.
			lang := p.w.u.tr.Language()
			line += ": " + p.w.u.tr.T("summary.measure.values", map[string]any{"Baseline": orDash(workshop.MeasureValue(m.Baseline, m.Scale, lang)), "Target": orDash(workshop.MeasureValue(m.Target, m.Scale, lang))})
		}
		if m.TargetDate != "" {
			line += " (" + field.FormatDate(p.w.u.tr.Language(), m.TargetDate) + ")"
		}
		if o := s.PersonName(m.OwnerID, m.OwnerName); o != "" {
			line += " · " + o
		}
		add(wrapped(line))
	}

	add(heading(p.w.u.tr.T("summary.actions", map[string]any{"Count": len(s.Actions)})))
	if len(s.Actions) == 0 {
		add(muted(p.w.u.tr.T("summary.none")))
	}
	for _, kind := range []string{workshop.ActionUnderstand, workshop.ActionMobilise, workshop.ActionAct} {
		var acts []workshop.Action
		for _, a := range s.Actions {
			if a.Kind == kind {
				acts = append(acts, a)
			}
		}
		if len(acts) == 0 {
			continue
		}
		workshop.SortActionsByDue(acts)
		k := widget.NewLabelWithStyle(workshop.Label(workshop.ActionKindLabels, kind, lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		add(k)
		for _, a := range acts {
			owner := s.PersonName(a.OwnerID, a.OwnerName)
			if owner == "" {
				owner = "⚠ " + p.w.u.tr.T("summary.no_owner")
			}
			due := field.FormatDate(p.w.u.tr.Language(), a.Due)
			if due == "" {
				due = "⚠ " + p.w.u.tr.T("summary.no_due")
			}
			add(wrapped(fmt.Sprintf("• %s — %s, %s", a.Text, owner, due)))
		}
	}

	if ws := s.Warnings(); len(ws) > 0 {
		add(heading(p.w.u.tr.T("summary.warnings")))
		for _, wn := range ws {
			l := wrapped("⚠ " + warningText(p.w.u.tr, wn))
			l.Importance = widget.WarningImportance
			add(l)
		}
	}
	if sameLabels(p.body.Objects, objs) {
		return
	}
	p.body.Objects = objs
	p.body.Refresh()
}

// sameLabels tells whether two lists of labels show the same: the same
// texts in the same style, size, colour and wrapping.
func sameLabels(a, b []fyne.CanvasObject) bool {
	return slices.EqualFunc(a, b, func(x, y fyne.CanvasObject) bool {
		l, ok1 := x.(*widget.Label)
		m, ok2 := y.(*widget.Label)
		return ok1 && ok2 && l.Text == m.Text && l.TextStyle == m.TextStyle && l.Importance == m.Importance &&
			l.SizeName == m.SizeName && l.Wrapping == m.Wrapping && l.Truncation == m.Truncation &&
			l.Alignment == m.Alignment && l.Visible() == m.Visible()
	})
}

func muted(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	return l
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func (p *summaryPage) setStatus(text string) {
	p.status.SetText(text)
	p.status.Show()
}

func (p *summaryPage) chooseExport() { p.withPDF(nil) }

// withPDF asks where to save the PDF, writes it and then calls then, if set.
func (p *summaryPage) withPDF(then func(path string)) {
	s := p.w.ed.Snapshot()
	saveDialog(p.w.u, library.FileName(s, ".pdf"), ".pdf", func(path string) {
		if p.exportPDF(path) == nil && then != nil {
			then(path)
		}
	})
}

// exportPDF writes the PDF in the session's language to path, from what
// the file holds once the typing is saved.
func (p *summaryPage) exportPDF(path string) error {
	p.w.flush()
	at := p.w.ed.Changes()
	if err := p.w.u.lib.PDF(p.w.ed.ID(), path, ""); err != nil {
		p.w.u.showError(err)
		return err
	}
	p.pdfPath, p.pdfAt = path, at
	p.openBtn.Enable()
	p.setStatus(p.w.u.tr.T("summary.saved", map[string]any{"Path": path}))
	return nil
}

// currentPDF is the exported PDF, written again first when the session
// has changed since (or the file is gone): what is opened or mailed is
// always what the summary shows. False when there is none, or it could
// not be written (the error shown).
func (p *summaryPage) currentPDF() bool {
	if p.pdfPath == "" {
		return false
	}
	p.w.flush()
	if _, err := os.Stat(p.pdfPath); err == nil && p.w.ed.Changes() == p.pdfAt {
		return true
	}
	if p.exportPDF(p.pdfPath) != nil {
		return false
	}
	p.setStatus(p.w.u.tr.T("summary.pdf.updated", map[string]any{"Path": p.pdfPath}))
	return true
}

// openPDF opens the exported PDF in the system's viewer.
func (p *summaryPage) openPDF() {
	if !p.currentPDF() {
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(p.pdfPath)}
	if err := p.w.u.app.OpenURL(u); err != nil {
		p.w.u.showError(err)
	}
}

// sendEmail opens the mail program with the PDF attached; where that
// cannot be done, it shows the PDF in its folder and puts a ready-written
// message on the clipboard. Nothing is ever sent by the app.
func (p *summaryPage) sendEmail() {
	if p.pdfPath == "" {
		p.withPDF(p.mail)
		return
	}
	if p.currentPDF() {
		p.mail(p.pdfPath)
	}
}

func (p *summaryPage) mail(path string) {
	subject, body := composeEmail(p.w.ed.Snapshot())
	switch openMail(p.w.u.start, subject, body, path) {
	case mailAttached:
		p.setStatus(p.w.u.tr.T("summary.email.opened"))
		return
	case mailNoAttach:
		p.w.u.app.Clipboard().SetContent(subject + "\n\n" + body)
		p.setStatus(p.w.u.tr.T("summary.email.attach"))
		return
	}
	p.w.u.app.Clipboard().SetContent(subject + "\n\n" + body)
	folder := showInFolder(p.w.u.start, path) == nil
	msg := p.w.u.tr.T("summary.email.fallback", map[string]any{"Path": path})
	if !folder {
		msg = p.w.u.tr.T("summary.email.fallback.nofolder", map[string]any{"Path": path})
	}
	p.setStatus(msg)
	note := messageBody(widget.NewIcon(theme.InfoIcon()), msg)
	d := newDismissDialog(p.w.u.tr.T("summary.email"), p.w.u.tr.T("app.ok"), note, p.w.u.win, func() fyne.Size { return p.w.u.dialogSize(note) })
	p.w.u.showKeyed(d, &keyedDialog{esc: d.Hide, enter: d.Hide}, nil)
}

// chooseSessionFile saves the session as a session file, for moving it to
// another laptop or keeping a copy.
func (p *summaryPage) chooseSessionFile() {
	p.w.flush()
	name, err := p.w.u.lib.SessionFileName(p.w.ed.ID())
	if err != nil {
		p.w.u.showError(err)
		return
	}
	saveDialog(p.w.u, name, ".json", func(path string) {
		if err := p.w.u.lib.Export(p.w.ed.ID(), path, false); err != nil {
			p.w.u.showError(err)
			return
		}
		p.setStatus(p.w.u.tr.T("summary.saved", map[string]any{"Path": path}))
	})
}
