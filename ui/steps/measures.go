package steps

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// measureTypes are the measure types in the order the method names them.
var measureTypes = []string{workshop.MeasureNPS, workshop.MeasureCES, workshop.MeasureCSAT,
	workshop.MeasureOperational, workshop.MeasureEmployee, workshop.MeasureOther}

// measures is step 8: how keeping the promise is measured, a form per
// measure, with hints while a customer-perceived or an operational measure
// is missing.
type measures struct {
	env   *Env
	ed    *editor.Editor
	hints *widget.Label
	list  *itemList
	obj   fyne.CanvasObject
}

func newMeasures(env *Env) View {
	m := &measures{env: env, ed: env.Room.Ed}
	m.hints = widget.NewLabel("")
	m.hints.Wrapping = fyne.TextWrapWord
	m.list = newItemList(m.env.Room, env.T("measures.new"), false)
	m.list.kind = workshop.CardMeasure
	m.list.ids = func(s *workshop.Session) []string {
		out := make([]string, len(s.Measures))
		for i, x := range s.Measures {
			out[i] = x.ID
		}
		return out
	}
	m.list.add = func(s *workshop.Session, text string) (string, error) {
		x, err := s.AddMeasure(text, "", "", "")
		return x.ID, err
	}
	m.list.remove = (*workshop.Session).RemoveMeasure
	m.list.mark = func(s *workshop.Session, id string) string {
		x := s.Measure(id)
		if x == nil {
			return ""
		}
		var miss []string
		if strings.TrimSpace(x.Target) == "" {
			miss = append(miss, env.T("measures.mark.target"))
		}
		if strings.TrimSpace(s.PersonName(x.OwnerID, x.OwnerName)) == "" {
			miss = append(miss, env.T("measures.mark.owner"))
		}
		if len(miss) == 0 {
			return ""
		}
		return env.T("measures.mark", map[string]string{"List": strings.Join(miss, ", ")})
	}
	m.list.markRoom = []string{env.T("measures.mark", map[string]string{
		"List": env.T("measures.mark.target") + ", " + env.T("measures.mark.owner")})}
	m.list.build = m.form
	m.list.Refresh()
	m.obj = container.NewBorder(m.hints, nil, nil, nil,
		field.NewVScroll(container.NewPadded(m.list.Object())))
	m.Refresh()
	return m
}

func (m *measures) Object() fyne.CanvasObject { return m.obj }

func (m *measures) Refresh() {
	m.list.Refresh()
	var hints []string
	m.ed.Read(func(s *workshop.Session) { hints = s.MeasureHints() })
	var lines []string
	needed := false
	for _, h := range hints {
		lines = append(lines, m.env.T("measures.hint."+h))
		needed = needed || h != workshop.HintNoEmployeeMeasure
	}
	if len(lines) == 0 {
		m.hints.Hide()
		return
	}
	m.hints.Importance = widget.LowImportance
	if needed {
		m.hints.Importance = widget.WarningImportance
	}
	m.hints.SetText(strings.Join(lines, "\n"))
	m.hints.Show()
}

func (m *measures) Flush()    { m.list.Flush() }
func (m *measures) FocusNew() { m.list.FocusNew() }

// measureText binds a text field of the measure with the id, by its name
// in the session file (workshop.SetMeasureField).
func measureText(r *room.Room, id string, multi bool, name string) *field.Text {
	get, set := measureField(id, name)
	return field.NewText(r, multi, get, set)
}

func measureDate(r *room.Room, id, name string) *field.Text {
	get, set := measureField(id, name)
	return field.NewDate(r, get, set)
}

// measureField reads and sets the measure's field (field.NamedField).
func measureField(id, name string) (func(s *workshop.Session) string, func(s *workshop.Session, v string) error) {
	return field.NamedField(id, name, func(s *workshop.Session, id string) bool { return s.Measure(id) != nil },
		(*workshop.Session).MeasureField, (*workshop.Session).SetMeasureField)
}

// form is one measure's form: what is measured, how, from where to where
// by when, how often and by whom.
func (m *measures) form(id string) *itemForm {
	ed := m.ed
	lang := "fi"
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	name := measureText(m.env.Room, id, false, "name")
	name.Entry.TextStyle.Bold = true
	// The type's help is read at the picker, so it is in the text's own
	// colour, not the low-contrast grey; it has no box, unlike the inputs.
	help := helpLabel("")
	help.Importance = widget.MediumImportance
	typeGet, typeSet := measureField(id, "type")
	kind := field.NewSelect(m.env.Room.Tr, ed, field.Options(workshop.MeasureTypeLabels, lang, measureTypes...), m.env.T("measures.type.choose"),
		typeGet, typeSet)
	kind.OnError = m.env.ShowError
	showHelp := func() {
		var t string
		ed.Read(func(s *workshop.Session) {
			if x := s.Measure(id); x != nil {
				if h, ok := workshop.MeasureHelp[x.Type]; ok {
					t = h.In(lang)
				} else if x.Type != "" {
					t = m.env.T("measures.help." + x.Type)
				}
			}
		})
		help.SetText(t)
	}
	kind.OnSaved = func() { showHelp(); m.Refresh() }
	showHelp()
	def := measureText(m.env.Room, id, true, "definition")
	def.SetPlaceHolder(m.env.T("measures.definition.placeholder"))
	scale := measureText(m.env.Room, id, false, "scale")
	touch := measureText(m.env.Room, id, false, "touchpoint")
	touch.SetPlaceHolder(m.env.T("measures.touchpoint.placeholder"))
	base := measureText(m.env.Room, id, false, "baseline")
	baseDate := measureDate(m.env.Room, id, "baseline_date")
	baseNote := measureText(m.env.Room, id, false, "baseline_note")
	baseNote.SetPlaceHolder(m.env.T("measures.baseline_note.placeholder"))
	target := measureText(m.env.Room, id, false, "target")
	targetDate := measureDate(m.env.Room, id, "target_date")
	freq := measureText(m.env.Room, id, false, "frequency")
	freq.SetPlaceHolder(m.env.T("measures.frequency.placeholder"))
	owner := ownerField(m.env.Room, measureField, id)
	owner.(*ownerBound).OnSaved = m.list.Refresh
	source := measureText(m.env.Room, id, false, "data_source")
	target.OnSaved = m.list.Refresh

	// The unit after the baseline and the target, so that "22" on a "%"
	// scale reads as 22 %; it follows the scale as it is typed.
	baseUnit, targetUnit := widget.NewLabel(""), widget.NewLabel("")
	showUnit := func() {
		u := ""
		ed.Read(func(s *workshop.Session) {
			if x := s.Measure(id); x != nil {
				u = workshop.MeasureUnit(x.Scale)
			}
		})
		baseUnit.SetText(u)
		targetUnit.SetText(u)
	}
	scale.OnSaved = showUnit
	showUnit()
	unit := func(o fyne.CanvasObject, u *widget.Label) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, u, o)
	}
	lbl := func(key string) fyne.CanvasObject { return widget.NewLabel(m.env.T(key)) }
	pair := func(a, b fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(2, a, b) }
	grid := container.New(layout.NewFormLayout(),
		lbl("measures.name"), name.Object(),
		lbl("measures.type"), container.NewBorder(nil, nil, kind.Object(), nil, help),
		lbl("measures.definition"), def.Object(),
		lbl("measures.scale_touchpoint"), pair(scale.Object(), touch.Object()),
		lbl("measures.baseline"), pair(unit(base.Object(), baseUnit), container.NewBorder(nil, nil, widget.NewLabel(m.env.T("measures.date")), nil, baseDate.Object())),
		lbl("measures.baseline_note"), baseNote.Object(),
		lbl("measures.target"), pair(unit(target.Object(), targetUnit), container.NewBorder(nil, nil, widget.NewLabel(m.env.T("measures.by")), nil, targetDate.Object())),
		lbl("measures.frequency_owner"), pair(freq.Object(), owner.Object()),
		lbl("measures.source"), source.Object(),
	)
	return &itemForm{
		Fields: field.Group{name, kind, def, scale, touch, base, baseDate, baseNote, target, targetDate, freq, owner, source,
			field.Custom(help, showHelp), field.Custom(baseUnit, showUnit)},
		body: grid,
	}
}
