package ui

import (
	"fmt"
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
	warnings   *fyne.Container
	warnScroll *container.Scroll
	obj        fyne.CanvasObject
}

func newSidePanel(w *workspace) *sidePanel {
	p := &sidePanel{w: w}
	p.peopleHead = heading("")
	p.people = container.NewVBox()
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

// setStep binds the notes to the step's key.
func (p *sidePanel) setStep(key string) {
	p.flush()
	p.notes = field.NewText(p.w.room, true,
		func(s *workshop.Session) string { return s.PrivateNotes[key] },
		func(s *workshop.Session, v string) error {
			if s.PrivateNotes == nil {
				s.PrivateNotes = map[string]string{}
			}
			if v == "" {
				delete(s.PrivateNotes, key)
			} else {
				s.PrivateNotes[key] = v
			}
			return nil
		})
	p.notes.SetPlaceHolder(p.w.u.tr.T("side.notes.placeholder"))
	p.notes.Entry.SetMinRowsVisible(5)
	p.notesBox.Objects = []fyne.CanvasObject{p.notes.Object()}
	p.notesBox.Refresh()
}

func (p *sidePanel) flush() {
	if p.notes != nil {
		p.notes.Flush()
	}
}

// Refresh reads the participants and the warnings again.
func (p *sidePanel) Refresh() {
	var people []workshop.Participant
	var warns []workshop.Warning
	var lang string
	p.w.ed.Read(func(s *workshop.Session) {
		people = append(people, s.Participants...)
		warns = s.Warnings()
		lang = s.Language
	})
	p.peopleHead.SetText(p.w.u.tr.T("side.people", map[string]any{"Count": len(people)}))
	p.people.Objects = p.people.Objects[:0]
	if len(people) == 0 {
		l := widget.NewLabel(p.w.u.tr.T("side.people.none"))
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		p.people.Add(l)
	}
	for _, pp := range people {
		p.people.Add(personLabel(pp, lang))
	}
	p.people.Refresh()

	p.warnings.Objects = p.warnings.Objects[:0]
	for _, wn := range warns {
		l := widget.NewLabel(warningText(p.w.u.tr, wn))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		p.warnings.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.WarningIcon())), nil, l))
	}
	p.warnings.Refresh()
	if p.notes != nil {
		p.notes.Refresh()
	}
}

// personLabel is a participant as the side panel lists them: the name and
// what they bring (customer, customer-facing).
func personLabel(pp workshop.Participant, lang string) fyne.CanvasObject {
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
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	icon := theme.AccountIcon()
	if pp.Kind == workshop.KindCustomer || pp.CustomerFacing {
		icon = theme.NewPrimaryThemedResource(icon)
	}
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// warningText is a warning as a sentence the facilitator can act on.
func warningText(tr *i18n.Tr, w workshop.Warning) string {
	key := "app.warn." + w.Kind
	if !i18n.Has(tr.Language(), key) {
		return fmt.Sprintf("%s (%d)", w.Kind, w.Count)
	}
	return tr.T(key, map[string]any{"Count": w.Count})
}
