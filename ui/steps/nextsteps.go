package steps

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// actionKinds are the three columns of step 9, in the method's order; the
// step's three questions are theirs.
var actionKinds = []string{workshop.ActionUnderstand, workshop.ActionMobilise, workshop.ActionAct}

// nextSteps is step 9: actions in three columns (understand, mobilise,
// act), each with an owner, a due date, a success criterion, a linked
// measure and a status; an action without an owner or a due date is flagged.
type nextSteps struct {
	env     *Env
	ed      *editor.Editor
	summary *widget.Label
	cols    map[string]*itemList
	last    string // the column typed in last, for Ctrl+N
	obj     fyne.CanvasObject
}

func newNextSteps(env *Env) View {
	n := &nextSteps{env: env, ed: env.Room.Ed, cols: map[string]*itemList{}, last: workshop.ActionUnderstand}
	lang := "fi"
	n.ed.Read(func(s *workshop.Session) { lang = s.Language })
	n.summary = widget.NewLabel("")
	n.summary.Wrapping = fyne.TextWrapWord
	n.summary.TextStyle.Bold = true
	step := workshop.StepByKey(workshop.StepNextSteps)
	// Three rows of three cells, so that the columns' entries line up
	// however many lines each question takes.
	var heads, entries, lists []fyne.CanvasObject
	for i, kind := range actionKinds {
		kind := kind
		l := newItemList(n.env.Room, env.T("actions.new"), true)
		l.kind = workshop.CardAction
		l.ids = func(s *workshop.Session) []string {
			var out []string
			for _, a := range s.Actions {
				if a.Kind == kind {
					out = append(out, a.ID)
				}
			}
			return out
		}
		l.add = func(s *workshop.Session, text string) (string, error) {
			a, err := s.AddAction(kind, text, "", "", "", "", "")
			return a.ID, err
		}
		l.remove = (*workshop.Session).RemoveAction
		l.mark = actionMark
		l.markRoom = []string{env.T("measures.mark", map[string]string{
			"List": env.T("actions.mark.owner") + ", " + env.T("actions.mark.due")})}
		l.markOneLine = true // three columns side by side
		l.build = n.form
		l.onChange = func() {
			n.last = kind
			n.afterChange(l)
		}
		n.cols[kind] = l
		l.Refresh()
		title := sectionHead(workshop.Label(workshop.ActionKindLabels, kind, lang))
		title.Wrapping = fyne.TextWrapWord
		var question string
		if step != nil && i < len(step.Questions) {
			question = step.Questions[i].In(lang)
		}
		q := helpLabel(question)
		heads = append(heads, container.NewVBox(title, q))
		entries = append(entries, l.Apart())
		lists = append(lists, field.NewVScroll(l.Rows))
	}
	top := container.NewVBox(n.summary, container.NewGridWithColumns(3, heads...), container.NewGridWithColumns(3, entries...))
	n.obj = container.NewBorder(top, nil, nil, nil, container.NewGridWithColumns(3, lists...))
	n.Refresh()
	return n
}

func (n *nextSteps) Object() fyne.CanvasObject { return n.obj }

func (n *nextSteps) Refresh() {
	for _, l := range n.cols {
		l.Refresh()
	}
	var total, noOwner, noDue int
	n.ed.Read(func(s *workshop.Session) {
		for _, a := range s.Actions {
			total++
			o, d := s.ActionGaps(a)
			if o {
				noOwner++
			}
			if d {
				noDue++
			}
		}
	})
	n.summary.Importance = widget.MediumImportance
	if noOwner+noDue > 0 {
		n.summary.Importance = widget.WarningImportance
	}
	n.summary.SetText(n.env.T("actions.summary", map[string]int{"N": total, "NoOwner": noOwner, "NoDue": noDue}))
}

// afterChange keeps the summary current.
func (n *nextSteps) afterChange(l *itemList) { n.Refresh() }

// FocusNew (Ctrl+N) goes to the new-action entry of the column used last.
// Flush saves what is typed in every column.
func (n *nextSteps) Flush() {
	for _, l := range n.cols {
		l.Flush()
	}
}

func (n *nextSteps) FocusNew() { n.cols[n.last].FocusNew() }

// actionMark flags an action without an owner or a due date: the PDF marks
// them too, and an action nobody owns by no date does not happen.
func actionMark(s *workshop.Session, id string) string {
	for _, a := range s.Actions {
		if a.ID != id {
			continue
		}
		noOwner, noDue := s.ActionGaps(a)
		var miss []string
		if noOwner {
			miss = append(miss, i18n.TIn(s.Language, "actions.mark.owner"))
		}
		if noDue {
			miss = append(miss, i18n.TIn(s.Language, "actions.mark.due"))
		}
		if len(miss) == 0 {
			return ""
		}
		return i18n.TIn(s.Language, "measures.mark", map[string]string{"List": strings.Join(miss, ", ")})
	}
	return ""
}

// ActionText, ActionOwner and ActionDue are the fields of the action id as
// step 9's card has them, for the actions a check-in adds.
func ActionText(r *room.Room, id string) *field.Text {
	get, set := actionField(id, "text")
	return field.NewText(r, true, get, set)
}

func ActionOwner(r *room.Room, id string) field.Bound { return ownerField(r, actionField, id) }

func ActionDue(r *room.Room, id string) *field.Text {
	get, set := actionField(id, "due")
	return field.NewDate(r, get, set)
}

// ActionSuccess is the action's success criterion as step 9's card has
// it: how we know it is done.
func ActionSuccess(r *room.Room, id string) *field.Text {
	get, set := actionField(id, "success_criterion")
	t := field.NewText(r, false, get, set)
	t.SetPlaceHolder(r.Tr.T("actions.success.placeholder"))
	return t
}

// ActionMeasure is the measure the action moves, as step 9's card links it.
func ActionMeasure(r *room.Room, id string, onError func(error)) field.Bound {
	return newMeasurePick(r.Tr, r.Ed, id, onError)
}

// actionField reads and sets the action's field (field.NamedField).
func actionField(id, name string) (func(s *workshop.Session) string, func(s *workshop.Session, v string) error) {
	return field.NamedField(id, name, func(s *workshop.Session, id string) bool { return s.Action(id) != nil },
		(*workshop.Session).ActionField, (*workshop.Session).SetActionField)
}

// form is one action's card: what, who, by when, how we know it is done,
// which measure it moves, and where it stands.
func (n *nextSteps) form(id string) *itemForm {
	ed := n.ed
	lang := "fi"
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	text := ActionText(n.env.Room, id)
	text.Entry.SetMinRowsVisible(3)
	owner := ActionOwner(n.env.Room, id)
	due := ActionDue(n.env.Room, id)
	success := ActionSuccess(n.env.Room, id)
	// A status set in the workshop is dated the workshop's day; its note,
	// written at a check-in, stays.
	stg := func(s *workshop.Session) string {
		if a := s.Action(id); a != nil {
			return a.Status
		}
		return ""
	}
	sts := func(s *workshop.Session, v string) error {
		a := s.Action(id)
		if a == nil {
			return nil
		}
		_, err := s.SetActionStatus(id, v, a.StatusNote, "")
		return err
	}
	status := field.NewSelect(n.env.Room.Tr, ed, field.Options(workshop.ActionStatusLabels, lang,
		workshop.ActionOpen, workshop.ActionInProgress, workshop.ActionDone), n.env.T("actions.status"), stg, sts)
	status.OnError = n.env.ShowError
	measure := newMeasurePick(n.env.Room.Tr, ed, id, n.env.ShowError)
	refreshMarks := func() { n.Refresh() }
	owner.(*ownerBound).OnSaved = refreshMarks
	due.OnSaved = refreshMarks

	lbl := func(key string) fyne.CanvasObject { return widget.NewLabel(n.env.T(key)) }
	grid := container.New(layout.NewFormLayout(),
		lbl("actions.owner"), owner.Object(),
		lbl("actions.due"), due.Object(),
		lbl("actions.success"), success.Object(),
		lbl("actions.measure"), measure.Object(),
		lbl("actions.status"), status.Object())
	return &itemForm{
		Fields: field.Group{text, owner, due, success, status, measure},
		body:   container.NewVBox(text.Object(), grid),
	}
}

// measurePick links an action to a measure; its options follow the
// measures of step 8, which may change while the view is open.
type measurePick struct {
	ed      *editor.Editor
	id      string
	sel     *widget.Select
	ids     []string
	loading bool
	onError func(error)
}

func newMeasurePick(tr *i18n.Tr, ed *editor.Editor, actionID string, onError func(error)) *measurePick {
	p := &measurePick{ed: ed, id: actionID, onError: onError}
	p.sel = widget.NewSelect(nil, p.chosen)
	p.sel.PlaceHolder = tr.T("actions.measure.none")
	p.Refresh()
	return p
}

func (p *measurePick) Object() fyne.CanvasObject { return p.sel }
func (p *measurePick) Flush()                    {}

// measureOptions are the choices of the measure an action moves: none,
// then step 8's measures by name, with their ids ("" for none).
func measureOptions(s *workshop.Session) (labels, ids []string) {
	labels, ids = []string{i18n.TIn(s.Language, "actions.measure.none")}, []string{""}
	for _, m := range s.Measures {
		labels = append(labels, clipText(m.Name, 40))
		ids = append(ids, m.ID)
	}
	return labels, ids
}

func (p *measurePick) Refresh() {
	var labels []string
	var current string
	p.ed.Read(func(s *workshop.Session) {
		labels, p.ids = measureOptions(s)
		if a := s.Action(p.id); a != nil {
			current = a.MeasureID
		}
	})
	p.loading = true
	defer func() { p.loading = false }()
	chosen := ""
	for i, id := range p.ids {
		if id == current && current != "" {
			chosen = labels[i]
			break
		}
	}
	setSelected(p.sel, labels, chosen)
}

func (p *measurePick) chosen(label string) {
	if p.loading {
		return
	}
	mid := ""
	for i, l := range p.sel.Options {
		if l == label && i < len(p.ids) {
			mid = p.ids[i]
		}
	}
	err := p.ed.Edit(func(s *workshop.Session) error {
		a := s.Action(p.id)
		if a == nil || a.MeasureID == mid || (mid != "" && s.Measure(mid) == nil) {
			return nil // deleted meanwhile, or nothing to change
		}
		return s.SetActionMeasure(p.id, mid)
	})
	if err != nil && p.onError != nil {
		p.onError(err)
	}
	if mid == "" {
		p.Refresh()
	}
}

// MeasureChoice is step 9's choice of a measure for an action not yet
// added (a check-in's new-action form): the same options, which follow
// the measures as they change; the choice is kept until Reset.
type MeasureChoice struct {
	ed  *editor.Editor
	sel *widget.Select
	ids []string
}

// NewMeasureChoice returns a choice of "no measure" or one of the session's measures.
func NewMeasureChoice(tr *i18n.Tr, ed *editor.Editor) *MeasureChoice {
	c := &MeasureChoice{ed: ed, sel: widget.NewSelect(nil, nil)}
	c.sel.PlaceHolder = tr.T("actions.measure.none")
	c.Refresh()
	return c
}

func (c *MeasureChoice) Object() fyne.CanvasObject { return c.sel }
func (c *MeasureChoice) Flush()                    {}

// Refresh follows the measures; a chosen measure since removed is no longer chosen.
func (c *MeasureChoice) Refresh() {
	chosen := c.ID()
	var labels []string
	c.ed.Read(func(s *workshop.Session) { labels, c.ids = measureOptions(s) })
	label := ""
	for i, id := range c.ids {
		if id == chosen && chosen != "" {
			label = labels[i]
		}
	}
	setSelected(c.sel, labels, label)
}

// ID is the chosen measure's id, "" for none.
func (c *MeasureChoice) ID() string {
	if i := c.sel.SelectedIndex(); i >= 0 && i < len(c.ids) {
		return c.ids[i]
	}
	return ""
}

// Reset chooses no measure again.
func (c *MeasureChoice) Reset() { c.sel.ClearSelected() }
