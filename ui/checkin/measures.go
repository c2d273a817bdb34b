package checkin

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// Step 2: a new reading for each measure, and its way from the baseline
// through the readings to the target, on or off track.
func newMeasures(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		if len(s.Measures) == 0 {
			v.add(muted(env.T("checkin.measures.none")))
		}
		for _, m := range s.Measures {
			v.add(v.measureCard(s, m), widget.NewSeparator())
		}
	}, func(s *workshop.Session) string {
		var b strings.Builder
		for _, m := range s.Measures {
			b.WriteString(m.ID + "|" + m.Baseline + "|" + m.Target + ";")
		}
		for _, r := range s.Readings {
			fmt.Fprintf(&b, "%s|%s|%s;", r.ID, r.Value, r.Date)
		}
		return b.String()
	})
}

// TrackText is a measure's track in words, with its latest reading.
func TrackText(s *workshop.Session, measureID string) string {
	tr := s.MeasureTrack(measureID)
	st := workshop.Label(workshop.TrackLabels, tr.Status, s.Language)
	if tr.Latest == nil {
		return i18n.TIn(s.Language, "checkin.measures.no_reading")
	}
	trend := ""
	switch tr.Trend {
	case 1:
		trend = " · " + i18n.TIn(s.Language, "checkin.measures.up")
	case -1:
		trend = " · " + i18n.TIn(s.Language, "checkin.measures.down")
	}
	m := s.Measure(measureID)
	latest := tr.Latest.Value
	if m != nil {
		latest = value(s.Language, latest, *m)
	}
	return fmt.Sprintf("%s (%s) · %s%s", latest, field.FormatDate(s.Language, tr.Latest.Date), st, trend)
}

func (v *view) measureCard(s *workshop.Session, m workshop.Measure) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(m.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	lang := v.env.Room.Tr.Language()
	plan := v.env.T("checkin.measures.plan", map[string]any{"Baseline": orDash(value(lang, m.Baseline, m)), "Target": orDash(value(lang, m.Target, m)), "By": field.FormatDate(lang, m.TargetDate)})
	tr := s.MeasureTrack(m.ID)
	status := widget.NewLabelWithStyle(TrackText(s, m.ID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch tr.Status {
	case workshop.TrackOn, workshop.TrackReached:
		status.Importance = widget.SuccessImportance
	case workshop.TrackOff:
		status.Importance = widget.DangerImportance
	}
	// The readings, oldest first: those of earlier sessions on one line,
	// this check-in's each with a button to take back a mistyped one
	// (Ctrl+Z brings it back).
	var hist []string
	var mine []fyne.CanvasObject
	for _, r := range tr.Readings {
		h := field.FormatDate(v.env.Room.Tr.Language(), r.Date) + ": " + r.Value
		if r.SourceNote != "" {
			h += " (" + r.SourceNote + ")"
		}
		if r.Earlier {
			hist = append(hist, h)
			continue
		}
		rid, text := r.ID, h
		del := v.removeButton(v.env.T("checkin.measures.reading.remove"), func(s *workshop.Session) (func(*workshop.Session) error, string, error) {
			gone, err := s.RemoveReading(rid)
			return func(s *workshop.Session) error { return s.RestoreReading(gone) },
				v.env.T("checkin.measures.reading.removed", map[string]any{"Value": text}), err
		})
		mine = append(mine, container.NewBorder(nil, nil, nil, del, muted(h)))
	}
	value := field.NewEntry(false)
	value.SetPlaceHolder(v.env.T("checkin.measures.value"))
	v.newInput(value)
	date := dateEntry(v.env.T("checkin.measures.date"))
	source := field.NewEntry(false)
	source.SetPlaceHolder(v.env.T("checkin.measures.source"))
	id := m.ID
	add := func() {
		if strings.TrimSpace(value.Text) == "" {
			return
		}
		d, ok := v.parseDate(date.Text)
		if !ok {
			return
		}
		if v.apply(func(s *workshop.Session) error {
			_, err := s.AddReading(id, value.Text, d, source.Text)
			return err
		}) {
			value.SetText("")
			source.SetText("")
		}
	}
	value.OnSubmitted = func(string) { add() }
	source.OnSubmitted = func(string) { add() }
	v.flushes = append(v.flushes, func() {
		if strings.TrimSpace(value.Text) != "" {
			add()
		}
	})
	btn := button.New(v.env.T("checkin.measures.add"), nil, add)
	form := container.NewBorder(nil, nil, nil, btn, container.NewGridWithColumns(3, value.Object(), date.Object(), source.Object()))
	left := container.NewVBox(title, muted(plan), status)
	if len(hist) > 0 {
		left.Add(muted(strings.Join(hist, " · ")))
	}
	for _, o := range mine {
		left.Add(o)
	}
	// The form for a new reading runs under the chart too: its three
	// entries get the card's whole width, not what the chart leaves.
	return container.NewVBox(container.NewBorder(nil, nil, nil, newTrackChart(s, m), left), form)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// newTrackChart draws baseline → readings → target as a line: the way so
// far in the track's colour, the rest of the way to the target dashed grey.
func newTrackChart(s *workshop.Session, m workshop.Measure) fyne.CanvasObject {
	const w, h, pad = 220, 90, 8
	tr := s.MeasureTrack(m.ID)
	var vals []float64
	var marks []string
	if b, ok := workshop.ParseNumber(m.Baseline); ok {
		vals, marks = append(vals, b), append(marks, "b")
	}
	for _, r := range tr.Readings {
		if x, ok := workshop.ParseNumber(r.Value); ok {
			vals, marks = append(vals, x), append(marks, "r")
		}
	}
	t, okT := workshop.ParseNumber(m.Target)
	if okT {
		vals, marks = append(vals, t), append(marks, "t")
	}
	objs := []fyne.CanvasObject{}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.Resize(fyne.NewSize(w, h))
	objs = append(objs, bg)
	if len(vals) >= 2 {
		lo, hi := vals[0], vals[0]
		for _, x := range vals {
			lo, hi = min(lo, x), max(hi, x)
		}
		if hi == lo {
			hi = lo + 1
		}
		pos := func(i int) fyne.Position {
			x := pad + float32(i)*(w-2*pad)/float32(len(vals)-1)
			y := h - pad - float32((vals[i]-lo)/(hi-lo))*(h-2*pad)
			return fyne.NewPos(x, y)
		}
		col := theme.Color(theme.ColorNameDisabled)
		switch tr.Status {
		case workshop.TrackOn, workshop.TrackReached:
			col = theme.Color(theme.ColorNameSuccess)
		case workshop.TrackOff:
			col = theme.Color(theme.ColorNameError)
		}
		for i := 1; i < len(vals); i++ {
			l := canvas.NewLine(col)
			l.StrokeWidth = 3
			if marks[i] == "t" {
				l.StrokeColor = theme.Color(theme.ColorNameDisabled)
				l.StrokeWidth = 1.5
			}
			l.Position1, l.Position2 = pos(i-1), pos(i)
			objs = append(objs, l)
		}
		for i := range vals {
			c := canvas.NewCircle(col)
			if marks[i] == "t" {
				c.FillColor = color.Transparent
				c.StrokeColor = theme.Color(theme.ColorNameForeground)
				c.StrokeWidth = 2
			} else if marks[i] == "b" {
				c.FillColor = theme.Color(theme.ColorNameForeground)
			}
			p := pos(i)
			c.Move(fyne.NewPos(p.X-4, p.Y-4))
			c.Resize(fyne.NewSize(8, 8))
			objs = append(objs, c)
		}
	}
	chart := container.NewWithoutLayout(objs...)
	return container.NewGridWrap(fyne.NewSize(w, h), chart)
}

// value is a baseline, reading or target with the measure's unit: "41 %".
func value(lang, v string, m workshop.Measure) string {
	return workshop.MeasureValue(v, m.Scale, lang)
}
