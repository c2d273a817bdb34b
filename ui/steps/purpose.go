package steps

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

func init() { builders[workshop.StepPurpose] = newPurpose }

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
	ed := env.Room.Ed
	text := func(get func(s *workshop.Session) *string, ph string) *field.Text {
		t := field.HeaderText(ed, true, get)
		t.SetPlaceHolder(ph)
		t.Entry.SetMinRowsVisible(3)
		return t
	}
	why := text(func(s *workshop.Session) *string { return &s.Purpose.Why }, i18n.T("steps.purpose.why.placeholder"))
	whom := text(func(s *workshop.Session) *string { return &s.Purpose.Whom }, i18n.T("steps.purpose.whom.placeholder"))
	value := text(func(s *workshop.Session) *string { return &s.Purpose.Value }, i18n.T("steps.purpose.value.placeholder"))
	p.fields = field.Group{why, whom, value}

	p.segments = field.NewCardList(ed, segmentCards(), field.CardOptions{
		Placeholder: i18n.T("steps.purpose.segment.new"),
		Extra:       func(id string) []field.Bound { return segmentExtras(env, id) },
	})
	p.focusMsg = widget.NewLabel("")
	p.focusMsg.Wrapping = fyne.TextWrapWord

	left := container.NewVBox(
		sectionHead(i18n.T("steps.purpose.why")), why.Object(),
		sectionHead(i18n.T("steps.purpose.whom")), whom.Object(),
		sectionHead(i18n.T("steps.purpose.value")), value.Object())
	right := newStack(
		sectionHead(i18n.T("steps.purpose.segments")),
		helpLabel(i18n.T("steps.purpose.segments.help")),
		p.focusMsg, p.segments.Object())
	p.obj = container.NewVScroll(newColumns(left, right))
	p.Refresh()
	return p
}

func (p *purpose) Object() fyne.CanvasObject { return p.obj }
func (p *purpose) Flush()                    { p.fields.Flush(); p.segments.Flush() }
func (p *purpose) FocusNew()                 { p.segments.FocusNew() }
func (p *purpose) Undo() bool                { return p.segments.Undo() }

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
		p.focusMsg.SetText(i18n.T("steps.purpose.focus.none_yet"))
	case focus == 0:
		p.focusMsg.Importance = widget.WarningImportance
		p.focusMsg.SetText(i18n.T("steps.purpose.focus.zero"))
	case focus > 2:
		p.focusMsg.Importance = widget.WarningImportance
		p.focusMsg.SetText(i18n.T("steps.purpose.focus.many", map[string]int{"N": focus}))
	default:
		p.focusMsg.Importance = widget.SuccessImportance
		p.focusMsg.SetText(i18n.T("steps.purpose.focus.ok", map[string]int{"N": focus}))
	}
}

// segmentCards are the session's customer segments as cards. Deleting a
// segment also deletes its profile and value map and drops it from drafts,
// and undoing the delete brings all of that back.
func segmentCards() field.Cards[workshop.Segment] {
	return field.Cards[workshop.Segment]{
		List:   func(s *workshop.Session) *[]workshop.Segment { return &s.Segments },
		ID:     func(c *workshop.Segment) string { return c.ID },
		Text:   func(c *workshop.Segment) *string { return &c.Name },
		Record: func(c workshop.Segment) store.Record { return store.Segment(c) },
		New: func(s *workshop.Session, text string) workshop.Segment {
			return workshop.Segment{ID: workshop.NewID("seg"), Name: text}
		},
		Also: dropSegment,
	}
}

func dropSegment(s *workshop.Session, id string) (editor.Change, func(s *workshop.Session) editor.Change) {
	var ch editor.Change
	var items []workshop.ProfileItem
	var values []workshop.ValueItem
	gone := map[string]bool{}
	s.ProfileItems = slices.DeleteFunc(s.ProfileItems, func(it workshop.ProfileItem) bool {
		if it.SegmentID == id {
			items = append(items, it)
			gone[it.ID] = true
			ch.Remove = append(ch.Remove, store.ProfileItem(it))
			return true
		}
		return false
	})
	s.ValueItems = slices.DeleteFunc(s.ValueItems, func(it workshop.ValueItem) bool {
		if it.SegmentID == id {
			values = append(values, it)
			ch.Remove = append(ch.Remove, store.ValueItem(it))
			return true
		}
		return false
	})
	refs, undoRefs := dropProfileRefs(s, gone)
	ch.Put = append(ch.Put, refs.Put...)
	var drafts []string // drafts that named the segment
	for i := range s.Drafts {
		d := &s.Drafts[i]
		if slices.Contains(d.SegmentIDs, id) {
			d.SegmentIDs = slices.DeleteFunc(d.SegmentIDs, func(x string) bool { return x == id })
			drafts = append(drafts, d.ID)
			ch.Put = putDraft(ch.Put, *d)
		}
	}
	return ch, func(s *workshop.Session) editor.Change {
		var ch editor.Change
		for _, it := range items {
			s.ProfileItems = append(s.ProfileItems, it)
			ch.Put = append(ch.Put, store.ProfileItem(it))
		}
		for _, it := range values {
			s.ValueItems = append(s.ValueItems, it)
			ch.Put = append(ch.Put, store.ValueItem(it))
		}
		for _, did := range drafts {
			if d := s.Draft(did); d != nil && !slices.Contains(d.SegmentIDs, id) {
				d.SegmentIDs = append(d.SegmentIDs, id)
				ch.Put = putDraft(ch.Put, *d)
			}
		}
		more := undoRefs(s)
		for _, r := range more.Put {
			if d, ok := r.(store.Draft); ok {
				ch.Put = putDraft(ch.Put, *s.Draft(d.ID))
			} else {
				ch.Put = append(ch.Put, r)
			}
		}
		return ch
	}
}

// putDraft adds the draft to the records to store, replacing an earlier copy
// of it, so that one change stores each draft once and in its final form.
func putDraft(put []store.Record, d workshop.Draft) []store.Record {
	for i, r := range put {
		if x, ok := r.(store.Draft); ok && x.ID == d.ID {
			put[i] = store.Draft(d)
			return put
		}
	}
	return append(put, store.Draft(d))
}

// dropProfileRefs removes references to the profile items from the value
// map's links and the drafts' "based on", and returns how to put them back.
func dropProfileRefs(s *workshop.Session, gone map[string]bool) (editor.Change, func(s *workshop.Session) editor.Change) {
	var ch editor.Change
	valueRefs := map[string][]string{} // value item id → the ids dropped from it
	draftRefs := map[string][]string{}
	for i := range s.ValueItems {
		v := &s.ValueItems[i]
		n := len(v.Addresses)
		v.Addresses = slices.DeleteFunc(v.Addresses, func(x string) bool {
			if gone[x] {
				valueRefs[v.ID] = append(valueRefs[v.ID], x)
				return true
			}
			return false
		})
		if len(v.Addresses) != n {
			ch.Put = append(ch.Put, store.ValueItem(*v))
		}
	}
	for i := range s.Drafts {
		d := &s.Drafts[i]
		n := len(d.BasedOn)
		d.BasedOn = slices.DeleteFunc(d.BasedOn, func(x string) bool {
			if gone[x] {
				draftRefs[d.ID] = append(draftRefs[d.ID], x)
				return true
			}
			return false
		})
		if len(d.BasedOn) != n {
			ch.Put = putDraft(ch.Put, *d)
		}
	}
	return ch, func(s *workshop.Session) editor.Change {
		var ch editor.Change
		for i := range s.ValueItems {
			v := &s.ValueItems[i]
			if refs := valueRefs[v.ID]; len(refs) > 0 {
				for _, r := range refs {
					if !slices.Contains(v.Addresses, r) {
						v.Addresses = append(v.Addresses, r)
					}
				}
				ch.Put = append(ch.Put, store.ValueItem(*v))
			}
		}
		for i := range s.Drafts {
			d := &s.Drafts[i]
			if refs := draftRefs[d.ID]; len(refs) > 0 {
				for _, r := range refs {
					if !slices.Contains(d.BasedOn, r) {
						d.BasedOn = append(d.BasedOn, r)
					}
				}
				ch.Put = putDraft(ch.Put, *d)
			}
		}
		return ch
	}
}

// segmentExtras are a segment card's description and focus check.
func segmentExtras(env *Env, id string) []field.Bound {
	ed := env.Room.Ed
	put := func(s *workshop.Session, fn func(g *workshop.Segment)) editor.Change {
		g := s.Segment(id)
		if g == nil {
			return editor.Change{}
		}
		fn(g)
		return editor.Change{Put: []store.Record{store.Segment(*g)}}
	}
	desc := field.NewText(ed, true,
		func(s *workshop.Session) string {
			if g := s.Segment(id); g != nil {
				return g.Description
			}
			return ""
		},
		func(s *workshop.Session, v string) editor.Change {
			return put(s, func(g *workshop.Segment) { g.Description = v })
		}).SetPlaceHolder(i18n.T("steps.purpose.segment.description"))
	desc.Entry.SetMinRowsVisible(2)
	var check *widget.Check
	loading := false
	check = widget.NewCheck(i18n.T("steps.purpose.segment.focus"), func(on bool) {
		if loading {
			return
		}
		if err := ed.Edit(func(s *workshop.Session) editor.Change {
			return put(s, func(g *workshop.Segment) { g.Focus = on })
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
