package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// sidePanel is the right column: who is in the room, the facilitator's
// private notes for the step (never on the projector or in the PDF), and
// what the facilitator should act on.
type sidePanel struct {
	w          *workspace
	peopleHead *widget.Label
	people     *fyne.Container
	notesBox   *fyne.Container
	notes      *field.Text
	stepNotes  map[string]*field.Text // the notes of each step shown, by key
	warnings   *fyne.Container
	warnScroll *container.Scroll
	obj        fyne.CanvasObject

	// The rows shown, kept from one refresh to the next.
	nobody *widget.Label
	rows   []*iconRow // participants
	warns  []*iconRow
}

func newSidePanel(w *workspace) *sidePanel {
	p := &sidePanel{w: w}
	p.peopleHead = heading("")
	p.people = container.New(&atWidth{}) // wrapping rows measured at the panel's width
	peopleScroll := container.NewVScroll(p.people)
	peopleScroll.SetMinSize(fyne.NewSize(0, 80))

	notesHead := heading(w.u.tr.T("side.notes"))
	p.notesBox = container.NewStack()
	p.warnings = container.NewVBox()
	p.warnScroll = container.NewVScroll(p.warnings)
	p.warnScroll.SetMinSize(fyne.NewSize(0, 120))

	// The participants take what the notes and warnings leave.
	bottom := container.NewVBox(widget.NewSeparator(), notesHead, p.notesBox, p.warnScroll)
	p.obj = container.NewBorder(nil, nil, widget.NewSeparator(), nil,
		container.NewBorder(p.peopleHead, bottom, nil, nil, peopleScroll))
	p.Refresh()
	return p
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (p *sidePanel) Object() fyne.CanvasObject { return p.obj }

// setStep binds the notes to the step's key; the field of a step visited
// before is shown again.
func (p *sidePanel) setStep(key string) {
	p.flush()
	if n := p.stepNotes[key]; n != nil {
		p.notes = n
		n.Refresh()
		setObjects(p.notesBox, []fyne.CanvasObject{n.Object()})
		return
	}
	p.notes = field.NewText(p.w.room, true,
		func(s *workshop.Session) string { return s.PrivateNotes[key] },
		func(s *workshop.Session, v string) error { return s.SetPrivateNote(key, v) })
	p.notes.SetPlaceHolder(p.w.u.tr.T("side.notes.placeholder"))
	p.notes.Entry.SetMinRowsVisible(5)
	if p.stepNotes == nil {
		p.stepNotes = map[string]*field.Text{}
	}
	p.stepNotes[key] = p.notes
	p.notesBox.Objects = []fyne.CanvasObject{p.notes.Object()}
	p.notesBox.Refresh()
}

func (p *sidePanel) flush() {
	if p.notes != nil {
		p.notes.Flush()
	}
}

// Refresh reads the participants and the warnings again. It runs after
// every edit (each move to another step is one), so the rows are kept and
// only their texts and icons set when they differ: a large session's 40
// rows are not made anew each time (docs/benchmarks-gui.md).
func (p *sidePanel) Refresh() {
	var people []workshop.Participant
	var warns []workshop.Warning
	var lang string
	p.w.ed.Read(func(s *workshop.Session) {
		people = append(people, s.Participants...)
		warns = s.Warnings()
		lang = s.Language
	})
	setText(p.peopleHead, p.w.u.tr.T("side.people", map[string]any{"Count": len(people)}))
	var objs []fyne.CanvasObject
	if len(people) == 0 {
		if p.nobody == nil {
			p.nobody = widget.NewLabel("")
			p.nobody.Importance = widget.LowImportance
			p.nobody.Wrapping = fyne.TextWrapWord
		}
		setText(p.nobody, p.w.u.tr.T("side.people.none"))
		objs = append(objs, p.nobody)
	}
	for i, pp := range people {
		if i == len(p.rows) {
			p.rows = append(p.rows, newIconRow(false))
		}
		text, icon := personLine(pp, lang)
		p.rows[i].set(text, icon)
		objs = append(objs, p.rows[i].obj)
	}
	p.rows = p.rows[:len(people)]
	setObjects(p.people, objs)

	objs = nil
	for i, wn := range warns {
		if i == len(p.warns) {
			p.warns = append(p.warns, newIconRow(true))
		}
		p.warns[i].set(warningText(p.w.u.tr, wn), theme.WarningIcon())
		objs = append(objs, p.warns[i].obj)
	}
	p.warns = p.warns[:len(warns)]
	setObjects(p.warnings, objs)
	if p.notes != nil {
		p.notes.Refresh()
	}
}

// setText sets a label's text when it differs: a refresh of the same text
// would lay out and shape it again.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// setObjects puts objs in box, refreshing it only when they differ.
func setObjects(box *fyne.Container, objs []fyne.CanvasObject) {
	if slices.Equal(box.Objects, objs) {
		return
	}
	box.Objects = objs
	box.Refresh()
}

// iconRow is a row of the side panel: an icon and a line of text, a
// participant (truncated) or a warning (wrapped).
type iconRow struct {
	icon  *widget.Icon
	label *widget.Label
	obj   fyne.CanvasObject
}

func newIconRow(warning bool) *iconRow {
	r := &iconRow{icon: widget.NewIcon(nil), label: widget.NewLabel("")}
	// A participant's name and role wrap rather than end in "…", as a
	// warning does.
	r.label.Wrapping = fyne.TextWrapWord
	if warning {
		r.label.Importance = widget.WarningImportance
	}
	r.obj = container.NewBorder(nil, nil, container.New(firstLine{r.label}, r.icon), nil, r.label)
	return r
}

// firstLine places an icon beside the first line of a label that may wrap:
// centred on that line's height, not at the top of the row.
type firstLine struct{ label *widget.Label }

// height is the height of the label's first line with its padding, as a
// label of one line has.
func (l firstLine) height() float32 {
	th := l.label.Theme()
	size := th.Size(theme.SizeNameText)
	if l.label.SizeName != "" {
		size = th.Size(l.label.SizeName)
	}
	return fyne.MeasureText("Ag", size, l.label.TextStyle).Height + 2*th.Size(theme.SizeNameInnerPadding)
}

func (l firstLine) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos((size.Width-m.Width)/2, (l.height()-m.Height)/2))
	}
}

func (l firstLine) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.height())
}

func (r *iconRow) set(text string, icon fyne.Resource) {
	setText(r.label, text)
	if !sameResource(r.icon.Resource, icon) {
		r.icon.SetResource(icon)
	}
}

// personLine is a participant as the side panel lists them: the name and
// what they bring (customer, customer-facing), and the icon.
func personLine(pp workshop.Participant, lang string) (string, fyne.Resource) {
	name := strings.TrimSpace(pp.Name)
	if name == "" {
		name = i18n.TIn(lang, "side.people.unnamed")
	}
	var tags []string
	if pp.Kind != "" && pp.Kind != workshop.KindEmployee {
		tags = append(tags, workshop.Label(workshop.KindLabels, pp.Kind, lang))
	}
	if pp.CustomerFacing {
		tags = append(tags, i18n.TIn(lang, "setup.people.facing.short"))
	}
	text := name
	if len(tags) > 0 {
		text += " · " + strings.Join(tags, ", ")
	}
	icon := theme.AccountIcon()
	if pp.Kind == workshop.KindCustomer || pp.CustomerFacing {
		icon = theme.NewPrimaryThemedResource(icon)
	}
	return text, icon
}

// warningText is a warning as a sentence the facilitator can act on.
func warningText(tr *i18n.Tr, w workshop.Warning) string {
	key := "app.warn." + w.Kind
	if !tr.Has(key) {
		return fmt.Sprintf("%s (%d)", w.Kind, w.Count)
	}
	return tr.T(key, map[string]any{"Count": w.Count})
}
