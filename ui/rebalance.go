package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// rebalanceDialog is the open offer, kept so that tests and shortcuts can answer it.
type rebalanceDialog struct {
	d    *dialog.ConfirmDialog
	plan workshop.Rebalancing
}

// offerRebalance shows the old and new timebox of each step that would
// change, and applies the plan when the facilitator accepts.
func (w *workspace) offerRebalance(plan workshop.Rebalancing) {
	lang := w.u.tr.Language()
	intro := widget.NewLabel(w.u.tr.T("rebalance.intro", map[string]any{
		"Step": workshop.StepTitle(plan.Step, lang), "Minutes": plan.OverMin}))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.New(layout.NewFormLayout())
	for _, i := range plan.Changed() {
		rows.Add(widget.NewLabel(pageTitle(plan.New[i].Step, lang)))
		rows.Add(widget.NewLabelWithStyle(w.u.tr.T("rebalance.row", map[string]any{
			"Old": plan.Old[i].PlannedMin, "New": plan.New[i].PlannedMin}), fyne.TextAlignLeading,
			// Monospace: its font has the arrow, and the columns of figures line up.
			fyne.TextStyle{Bold: true, Monospace: true}))
	}
	content := container.NewVBox(intro, rows)
	if plan.Short > 0 {
		short := widget.NewLabel(w.u.tr.T("rebalance.short", map[string]any{"Minutes": plan.Short}))
		short.Wrapping = fyne.TextWrapWord
		short.Importance = widget.WarningImportance
		content.Add(short)
	}
	d := dialog.NewCustomConfirm(w.u.tr.T("rebalance.title"), w.u.tr.T("rebalance.accept"), w.u.tr.T("rebalance.keep"),
		content, func(ok bool) {
			if ok {
				w.acceptRebalance(plan)
			}
			w.offer = nil
		}, w.u.win)
	w.offer = &rebalanceDialog{d: d, plan: plan}
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// acceptRebalance applies the plan's timeboxes; the undo stack can put the old ones back.
func (w *workspace) acceptRebalance(plan workshop.Rebalancing) {
	if w.edit(func(s *workshop.Session) error {
		workshop.RestorePlan(s.Agenda, plan.New)
		return nil
	}) {
		old := plan.Old
		w.room.Undo.Push(room.UndoItem{Text: w.u.tr.T("agenda.rebalanced"), Do: func(s *workshop.Session) error {
			workshop.RestorePlan(s.Agenda, old)
			return nil
		}, Done: w.changed})
		w.changed()
	}
}
