package steps

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop/editor"
)

// Small pieces shared by the views of steps 6–9.

// joinFirst is the first error that is not nil: a refusal of the rules
// before a storing error, as the refusal is what the facilitator can fix.
func joinFirst(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// sectionHead is the title of a part of a step's view.
func sectionHead(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// messageLabel is a hidden red label for refusals; showMessage fills it.
func messageLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showMessage shows err's sentence in the label, or hides it for nil.
func showMessage(tr *i18n.Tr, l *widget.Label, err error) {
	if err == nil {
		if l.Visible() {
			l.Hide()
		}
		return
	}
	l.SetText(userMessage(tr, err))
	l.Show()
}

// userMessage is the sentence a facilitator sees for err: a refused input
// explains itself; a failed save gets a plain sentence, and its detail goes
// to the log.
func userMessage(tr *i18n.Tr, err error) string {
	var se *editor.SaveError
	if errors.As(err, &se) {
		log.Printf("lupauspaja: %v", err)
		return tr.T("decision.error.not_saved")
	}
	return err.Error()
}

// helpLabel is a wrapped, quiet line of guidance.
func helpLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}
