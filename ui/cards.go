package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// cardsWindow is the facilitator's window for the room's cards (Ctrl+K):
// the cards held for approval, whether the room is open or not (they are
// in the session, so a restart keeps them), and the cards of the step on
// screen, each of which can be hidden from the projector and the phones,
// shown again, or merged into another card of its kind. The cards' texts
// are edited on the step's own page, as any card.
type cardsWindow struct {
	w   *workspace
	win fyne.Window

	title   *widget.Label
	msg     *widget.Label
	pending *fyne.Container
	cards   *fyne.Container
	body    *fyne.Container
	stopEd  func()
}

// toggle opens the window, or brings it to the front.
func (c *cardsWindow) toggle() {
	if c.win != nil {
		c.win.RequestFocus()
		return
	}
	c.win = c.w.u.app.NewWindow(c.w.u.tr.T("cards.window"))
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.msg = widget.NewLabel("")
	c.msg.Wrapping = fyne.TextWrapWord
	c.msg.Importance = widget.DangerImportance
	c.msg.Hide()
	c.pending = container.NewVBox()
	c.cards = container.NewVBox()
	note := widget.NewLabel(c.w.u.tr.T("cards.note"))
	note.Wrapping = fyne.TextWrapWord
	closeBtn := button.New(c.w.u.tr.T("cards.close"), nil, func() { c.win.Close() })
	c.body = container.NewVBox(c.title, note, c.msg, c.pending, widget.NewSeparator(), c.cards)
	body := c.body
	c.win.SetContent(container.NewBorder(nil, container.NewPadded(container.NewHBox(layout.NewSpacer(), closeBtn)), nil, nil,
		container.NewVScroll(container.NewPadded(body))))
	c.win.Resize(fyne.NewSize(760, 680))
	c.stopEd = c.w.ed.OnChange(func() { fyne.Do(c.refresh) })
	win := c.win
	c.w.u.bindDialogKeys(win)
	c.win.SetOnClosed(func() {
		c.stopEd()
		c.w.u.forgetDialogs(win)
		c.win = nil
	})
	c.refresh()
	c.win.Show()
}

// close closes the window when it is open (leaving the workshop).
func (c *cardsWindow) close() {
	if c.win != nil {
		c.win.Close()
	}
}

// say shows a message over the lists; "" clears it.
func (c *cardsWindow) say(text string) {
	c.msg.SetText(text)
	c.msg.Hidden = text == ""
	c.body.Refresh()
}

// kindLabel is a card kind's heading.
func kindLabel(tr *i18n.Tr, kind string) string {
	switch kind {
	case workshop.CardSegment:
		return tr.T("cards.kind.segment")
	case workshop.CardProfileItem:
		return tr.T("cards.kind.profile_item")
	case workshop.CardValueItem:
		return tr.T("cards.kind.value_item")
	case workshop.CardAlternative:
		return tr.T("cards.kind.alternative")
	case workshop.CardDraft:
		return tr.T("cards.kind.draft")
	case workshop.CardMeasure:
		return tr.T("cards.kind.measure")
	case workshop.CardAction:
		return tr.T("cards.kind.action")
	}
	return kind
}

// refresh shows the held cards and the step's cards as the session has them now.
func (c *cardsWindow) refresh() {
	if c.win == nil || c.w.closed {
		return
	}
	type row struct {
		kind, id, text string
		hidden         bool
		targets        int
	}
	var held []workshop.PendingCard
	heldText := map[string]string{}
	heldWho := map[string]string{}
	var rows []row
	c.w.ed.Read(func(s *workshop.Session) {
		c.title.SetText(c.w.u.tr.T("cards.title", map[string]string{"Step": workshop.StepTitle(s.CurrentStep, s.Language)}))
		held = append(held, s.Pending...)
		for _, p := range s.Pending {
			heldText[p.ID] = s.PendingText(p)
			heldWho[p.ID] = s.PersonName(p.AuthorID, c.w.u.tr.T("room.device.anonymous"))
		}
		for _, kind := range workshop.CardKinds(s.CurrentStep) {
			for _, id := range s.CardIDs(kind) {
				text, _ := s.CardText(kind, id)
				rows = append(rows, row{kind, id, text, s.CardHidden(kind, id), len(s.MergeTargets(kind, id))})
			}
		}
	})

	var objs []fyne.CanvasObject
	if len(held) > 0 {
		objs = append(objs, widget.NewLabelWithStyle(c.w.u.tr.T("room.pending", map[string]int{"N": len(held)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, p := range held {
		id := p.ID
		label := widget.NewLabel(fmt.Sprintf("%s\n%s · %s", heldText[id], kindLabel(c.w.u.tr, p.Kind), heldWho[id]))
		label.Wrapping = fyne.TextWrapWord
		ok := button.New(c.w.u.tr.T("room.approve"), theme.ConfirmIcon(), func() { c.approve(id) })
		no := button.New(c.w.u.tr.T("room.reject"), theme.CancelIcon(), func() { c.reject(id) })
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewHBox(ok, no), label))
	}
	c.pending.Objects = objs

	objs = nil
	if len(rows) == 0 {
		objs = append(objs, widget.NewLabel(c.w.u.tr.T("cards.none")))
	}
	kind := ""
	for _, r := range rows {
		r := r
		if r.kind != kind {
			kind = r.kind
			objs = append(objs, widget.NewLabelWithStyle(kindLabel(c.w.u.tr, kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		text := r.text
		if r.hidden {
			text = c.w.u.tr.T("cards.hidden.mark", map[string]string{"Text": r.text})
		}
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		if r.hidden {
			label.Importance = widget.LowImportance
		}
		hide := button.New(c.w.u.tr.T("cards.hide"), theme.VisibilityOffIcon(), func() { c.setHidden(r.kind, r.id, true) })
		if r.hidden {
			hide = button.New(c.w.u.tr.T("cards.show"), theme.VisibilityIcon(), func() { c.setHidden(r.kind, r.id, false) })
		}
		merge := button.New(c.w.u.tr.T("cards.merge"), theme.ContentPasteIcon(), func() { c.askMerge(r.kind, r.id) })
		if r.targets == 0 {
			merge.Disable()
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewHBox(hide, merge), label))
	}
	c.cards.Objects = objs
	c.body.Refresh() // the lists' heights changed: lay the whole window out again
}

// approve adds a held card: through the room while it is open (the card is
// then the sending phone's own), through the editor otherwise.
func (c *cardsWindow) approve(id string) {
	var err error
	if c.w.phones.open() {
		err = c.w.phones.srv.Approve(id)
	} else {
		err = c.w.ed.Edit(func(s *workshop.Session) error { _, _, err := s.ApproveCard(id); return err })
	}
	if err != nil {
		c.say(c.w.u.tr.T("cards.approve.failed", map[string]string{"Why": cardProblem(c.w.u.tr, err)}))
		return
	}
	c.say("")
}

// reject drops a held card; the undo bar (Ctrl+Z) puts it back.
func (c *cardsWindow) reject(id string) {
	var rm *workshop.Removal
	err := c.w.ed.Edit(func(s *workshop.Session) error {
		var err error
		rm, err = s.RejectCard(id)
		return err
	})
	if err != nil {
		c.say(c.w.u.tr.T("cards.failed", map[string]string{"Why": cardProblem(c.w.u.tr, err)}))
		return
	}
	c.say("")
	c.w.room.Undo.Push(room.Removal(c.w.u.tr.T("cards.rejected", map[string]string{"Text": rm.Text}), rm, nil))
}

func (c *cardsWindow) setHidden(kind, id string, on bool) {
	if err := c.w.ed.Edit(func(s *workshop.Session) error { return s.SetCardHidden(kind, id, on) }); err != nil {
		c.say(c.w.u.tr.T("cards.failed", map[string]string{"Why": cardProblem(c.w.u.tr, err)}))
		return
	}
	c.say("")
}

// askMerge asks which card to merge the card into, then merges. The
// keyboard starts on the choice of card: ↑, ↓ or Space open its list, ← and
// → step through it, Enter merges (there and with nothing focused), Esc
// cancels from anywhere; the merge is undone with Ctrl+Z.
func (c *cardsWindow) askMerge(kind, from string) {
	var fromText string
	var ids, labels []string
	c.w.ed.Read(func(s *workshop.Session) {
		fromText, _ = s.CardText(kind, from)
		for _, id := range s.MergeTargets(kind, from) {
			t, _ := s.CardText(kind, id)
			ids, labels = append(ids, id), append(labels, t)
		}
	})
	if len(ids) == 0 {
		return
	}
	tr := c.w.u.tr
	var d *dialog.CustomDialog
	var pick *keySelect
	cancel := func() { d.Hide() }
	merge := func() {
		d.Hide()
		if pick.SelectedIndex() < 0 {
			return
		}
		into := ids[pick.SelectedIndex()]
		var rm *workshop.Removal
		if err := c.w.ed.Edit(func(s *workshop.Session) error {
			var err error
			rm, err = s.MergeCards(kind, into, from)
			return err
		}); err != nil {
			c.say(tr.T("cards.merge.failed", map[string]string{"Why": cardProblem(tr, err)}))
			return
		}
		c.say("")
		c.w.room.Undo.Push(room.Removal(tr.T("cards.merged", map[string]string{"Text": rm.Text}), rm, nil))
	}
	pick = newKeySelect(labels, cancel, merge)
	pick.SetSelectedIndex(0)
	what := widget.NewLabel(tr.T("cards.merge.what", map[string]string{"Text": fromText}))
	what.Wrapping = fyne.TextWrapWord
	how := widget.NewLabel(tr.T("cards.merge.how"))
	how.Wrapping = fyne.TextWrapWord
	cancelBtn := newKeyButton(tr.T("room.cancel"), theme.CancelIcon(), cancel, cancel)
	ok := newKeyButton(tr.T("cards.merge.ok"), theme.ConfirmIcon(), merge, cancel)
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(tr.T("cards.merge.title"), container.NewVBox(what, pick, how), c.win)
	setButtons(d, width(560), cancelBtn, ok)
	c.w.u.showKeyedIn(c.win, d, &keyedDialog{esc: cancel, enter: merge}, pick)
}

// cardProblem puts a card operation's error in words.
func cardProblem(tr *i18n.Tr, err error) string {
	var ie *workshop.InputError
	var me *workshop.MergeError
	var nf *workshop.NotFoundError
	switch {
	case errors.As(err, &me) && me.Why == "same":
		return tr.T("cards.err.merge.same")
	case errors.As(err, &me):
		return tr.T("cards.err.merge.apart")
	case errors.As(err, &ie):
		switch ie.Problem {
		case workshop.ProblemTooLong:
			return tr.T("cards.err.too_long")
		case workshop.ProblemWords:
			return tr.T("cards.err.words", map[string]int{"N": workshop.MaxDraftWords})
		case workshop.ProblemUnknown:
			return tr.T("cards.err.unknown")
		case workshop.ProblemTooMany:
			return tr.T("cards.err.too_many")
		}
		return tr.T("cards.err.invalid", map[string]string{"Detail": ie.Error()})
	case errors.As(err, &nf), errors.Is(err, workshop.ErrNoCard):
		return tr.T("cards.err.gone")
	}
	return humanError(tr, err)
}
