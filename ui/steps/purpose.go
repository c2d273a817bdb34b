package steps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/workshop"
)

// purpose is step 2: why we exist, whom we serve, what value we create, and
// the customer segments with the one or two chosen as focus.
type purpose struct {
	env      *Env
	fields   field.Group
	segments *field.CardList
	focusMsg *widget.Label
	obj      fyne.CanvasObject
}

func newPurpose(env *Env) View {
	p := &purpose{env: env}
	text := func(name, ph string) *field.Text {
		t := field.SessionText(env.Room, true, name)
		t.SetPlaceHolder(ph)
		t.Entry.SetMinRowsVisible(3)
		return t
	}
	why := text("purpose_why", env.T("steps.purpose.why.placeholder"))
	whom := text("purpose_whom", env.T("steps.purpose.whom.placeholder"))
	value := text("purpose_value", env.T("steps.purpose.value.placeholder"))
	p.fields = field.Group{why, whom, value}

	p.segments = field.NewCardList(env.Room, segmentCards(), field.CardOptions{
		Placeholder: env.T("steps.purpose.segment.new"),
		Extra:       func(id string) []field.Bound { return segmentExtras(env, id) },
	})
	p.focusMsg = widget.NewLabel("")
	p.focusMsg.Wrapping = fyne.TextWrapWord

	left := container.NewVBox(
		sectionHead(env.T("steps.purpose.why")), why.Object(),
		sectionHead(env.T("steps.purpose.whom")), whom.Object(),
		sectionHead(env.T("steps.purpose.value")), value.Object())
	right := newStack(
		sectionHead(env.T("steps.purpose.segments")),
		helpLabel(env.T("steps.purpose.segments.help")),
		p.focusMsg, p.segments.Object())
	p.obj = field.NewVScroll(newColumns(left, right))
	p.Refresh()
	return p
}

func (p *purpose) Object() fyne.CanvasObject { return p.obj }
func (p *purpose) Flush()                    { p.fields.Flush(); p.segments.Flush() }
func (p *purpose) FocusNew()                 { p.segments.FocusNew() }
func (p *purpose) Refresh() {
	p.fields.Refresh()
	p.segments.Refresh()
	focus, all := 0, 0
	p.env.Room.Ed.Read(func(s *workshop.Session) {
		all = len(s.Segments)
		for _, g := range s.Segments {
			if g.Focus {
				focus++
			}
		}
	})
	switch {
	case all == 0:
		p.focusMsg.Importance = widget.LowImportance
		p.focusMsg.SetText(p.env.T("steps.purpose.focus.none_yet"))
	case focus == 0:
		p.focusMsg.Importance = widget.WarningImportance
		p.focusMsg.SetText(p.env.T("steps.purpose.focus.zero"))
	case focus > 2:
		p.focusMsg.Importance = widget.WarningImportance
		p.focusMsg.SetText(p.env.T("steps.purpose.focus.many", map[string]int{"N": focus}))
	default:
		p.focusMsg.Importance = widget.SuccessImportance
		p.focusMsg.SetText(p.env.T("steps.purpose.focus.ok", map[string]int{"N": focus}))
	}
}

// segmentCards are the session's customer segments as cards. Deleting a
// segment also deletes its profile and value map and drops it from drafts,
// and undoing the delete brings all of that back.
func segmentCards() field.Cards[workshop.Segment] {
	return field.Cards[workshop.Segment]{
		List: func(s *workshop.Session) *[]workshop.Segment { return &s.Segments },
		Kind: workshop.CardSegment,
		ID:   func(c *workshop.Segment) string { return c.ID },
		Text: func(c *workshop.Segment) *string { return &c.Name },
		Add: func(s *workshop.Session, text string) (string, error) {
			g, err := s.AddSegment(text, "")
			return g.ID, err
		},
		Remove: (*workshop.Session).RemoveSegment,
	}
}

// segmentExtras are a segment card's description and focus check.
func segmentExtras(env *Env, id string) []field.Bound {
	ed := env.Room.Ed
	// put runs op unless the segment is gone (removed while its card was
	// shown): then there is nothing to store.
	put := func(s *workshop.Session, op func() error) error {
		if s.Segment(id) == nil {
			return nil
		}
		return op()
	}
	desc := field.NewText(env.Room, true,
		func(s *workshop.Session) string {
			if g := s.Segment(id); g != nil {
				return g.Description
			}
			return ""
		},
		func(s *workshop.Session, v string) error {
			return put(s, func() error { return s.SetSegmentDescription(id, v) })
		}).SetPlaceHolder(env.T("steps.purpose.segment.description"))
	desc.Entry.SetMinRowsVisible(2)
	var check *widget.Check
	loading := false
	check = widget.NewCheck(env.T("steps.purpose.segment.focus"), func(on bool) {
		if loading {
			return
		}
		if err := ed.Edit(func(s *workshop.Session) error {
			return put(s, func() error { return s.SetSegmentFocus(id, on) })
		}); err != nil && env.ShowError != nil {
			env.ShowError(err)
		}
	})
	refresh := func() {
		on := false
		ed.Read(func(s *workshop.Session) {
			if g := s.Segment(id); g != nil {
				on = g.Focus
			}
		})
		if check.Checked != on {
			loading = true
			check.SetChecked(on)
			loading = false
		}
	}
	refresh()
	// The description takes the width the check leaves.
	row := container.NewBorder(nil, nil, nil, container.NewVBox(check), desc.Object())
	return []field.Bound{field.Custom(row, func() { desc.Refresh(); refresh() }), flusher{desc}}
}

// flusher passes Flush to a field whose object is shown inside another Bound.
type flusher struct{ t *field.Text }

func (f flusher) Object() fyne.CanvasObject { return nil }
func (f flusher) Refresh()                  {}
func (f flusher) Flush()                    { f.t.Flush() }
