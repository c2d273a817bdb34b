package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"strings"

	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// rebalanceDialog is the open offer, kept so that tests and shortcuts can answer it.
type rebalanceDialog struct {
	d    *dialog.CustomDialog
	plan workshop.Rebalancing
}

// offerRebalance shows the old and new timebox of each step that would
// change, and applies the plan when the facilitator accepts. The offer
// comes unasked, after a move to another step, so the keyboard starts on
// Keep, as the app's other questions that change what was not asked for
// start on Cancel: Enter or Space at once changes nothing. Enter presses
// the focused button, Esc keeps the agenda as it is from anywhere.
func (w *workspace) offerRebalance(plan workshop.Rebalancing) {
	lang := w.u.tr.Language()
	intro := widget.NewLabel(w.u.tr.T("rebalance.intro", map[string]any{
		"Step": workshop.StepTitle(plan.Step, lang), "Minutes": plan.OverMin}))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.New(layout.NewFormLayout())
	for _, i := range plan.Changed() {
		rows.Add(widget.NewLabel(pageTitle(plan.New[i].Step, lang)))
		// Bold, not monospace: Noto Sans's digits share one width, so the
		// columns of figures line up.
		rows.Add(arrowText(w.u.tr.T("rebalance.row", map[string]any{
			"Old": plan.Old[i].PlannedMin, "New": plan.New[i].PlannedMin}), fyne.TextStyle{Bold: true}))
	}
	content := container.NewVBox(intro, rows)
	if plan.Short > 0 {
		short := widget.NewLabel(w.u.tr.T("rebalance.short", map[string]any{"Minutes": plan.Short}))
		short.Wrapping = fyne.TextWrapWord
		short.Importance = widget.WarningImportance
		content.Add(short)
	}
	var d *dialog.CustomDialog
	answered := false
	reply := func(ok bool) {
		if answered {
			return
		}
		answered = true
		w.offer = nil
		d.Hide()
		if ok {
			w.acceptRebalance(plan)
		}
	}
	keep := newKeyButton(w.u.tr.T("rebalance.keep"), theme.CancelIcon(), func() { reply(false) }, func() { reply(false) })
	accept := newKeyButton(w.u.tr.T("rebalance.accept"), theme.ConfirmIcon(), func() { reply(true) }, func() { reply(false) })
	accept.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(w.u.tr.T("rebalance.title"), content, w.u.win)
	setButtons(d, width(520), keep, accept)
	d.SetOnClosed(func() { reply(false) }) // closed some other way: nothing changes
	w.offer = &rebalanceDialog{d: d, plan: plan}
	w.u.showKeyed(d, &keyedDialog{esc: func() { reply(false) }}, keep)
}

// arrowText is text in style with each arrow (→, which Noto Sans lacks) a
// piece of its own. Fyne draws the arrow from its symbol font, and the text
// shaper keeps a space that follows in the same font, which has no space: a
// missing-glyph box after the arrow.
func arrowText(text string, style fyne.TextStyle) *widget.RichText {
	var segs []widget.RichTextSegment
	add := func(s string) {
		if s == "" {
			return
		}
		st := widget.RichTextStyleInline
		st.TextStyle = style
		segs = append(segs, &widget.TextSegment{Text: s, Style: st})
	}
	for {
		i := strings.IndexRune(text, '→')
		if i < 0 {
			break
		}
		add(text[:i])
		add("→")
		text = text[i+len("→"):]
	}
	add(text)
	return widget.NewRichText(segs...)
}

// acceptRebalance applies the plan's timeboxes; the undo stack can put the
// old ones back where nothing has changed them since.
func (w *workspace) acceptRebalance(plan workshop.Rebalancing) {
	if w.edit(func(s *workshop.Session) error {
		plan.Apply(s.Agenda)
		return nil
	}) {
		w.room.Undo.Push(room.UndoItem{Text: w.u.tr.T("agenda.rebalanced"), Do: func(s *workshop.Session) error {
			plan.Undo(s.Agenda)
			return nil
		}, Done: w.changed})
		w.changed()
	}
}
