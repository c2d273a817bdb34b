package steps

// Pieces shared by the card views of steps 3 and 4: one tab per focus segment.

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// segmentPage is the content of one segment's tab in steps 3 and 4.
type segmentPage interface {
	Object() fyne.CanvasObject
	Refresh()
	Flush()
	FocusNew()
	Undo() bool
}

// segmentTabs shows one tab per focus segment (every segment when none is
// chosen yet, with a warning), building a tab's content the first time it
// is opened so that a large session opens fast.
type segmentTabs struct {
	env   *Env
	build func(segID string) segmentPage

	ids   []string
	pages map[string]segmentPage
	tabs  *container.AppTabs
	note  *widget.Label
	empty *widget.Label
	obj   *fyne.Container
}

func newSegmentTabs(env *Env, build func(segID string) segmentPage) *segmentTabs {
	t := &segmentTabs{env: env, build: build, pages: map[string]segmentPage{}}
	t.tabs = container.NewAppTabs()
	t.tabs.OnSelected = func(*container.TabItem) { t.ensure() }
	t.note = widget.NewLabel("")
	t.note.Importance = widget.WarningImportance
	t.note.Wrapping = fyne.TextWrapWord
	t.note.Hide()
	t.empty = widget.NewLabel(i18n.T("steps.segments.none"))
	t.empty.Importance = widget.WarningImportance
	t.empty.Wrapping = fyne.TextWrapWord
	t.empty.Hide()
	t.obj = container.NewBorder(container.NewVBox(t.note, t.empty), nil, nil, nil, t.tabs)
	return t
}

// focusSegments are the segments the steps work on: the focus segments, or
// every segment when none is chosen (noFocus then reports it).
func focusSegments(s *workshop.Session) (segs []workshop.Segment, noFocus bool) {
	for _, g := range s.Segments {
		if g.Focus {
			segs = append(segs, g)
		}
	}
	if len(segs) == 0 {
		return s.Segments, len(s.Segments) > 0
	}
	return segs, false
}

// current is the page of the selected tab, or nil.
func (t *segmentTabs) current() segmentPage {
	i := t.tabs.SelectedIndex()
	if i < 0 || i >= len(t.ids) {
		return nil
	}
	return t.pages[t.ids[i]]
}

// ensure builds the selected tab's page when it has none yet.
func (t *segmentTabs) ensure() {
	i := t.tabs.SelectedIndex()
	if i < 0 || i >= len(t.ids) {
		return
	}
	id := t.ids[i]
	if t.pages[id] == nil {
		p := t.build(id)
		t.pages[id] = p
		t.tabs.Items[i].Content = p.Object()
		t.tabs.Refresh()
	}
}

// Select opens the tab of the segment.
func (t *segmentTabs) Select(segID string) {
	if i := slices.Index(t.ids, segID); i >= 0 {
		t.tabs.SelectIndex(i)
		t.ensure()
	}
}

func (t *segmentTabs) Refresh() {
	var segs []workshop.Segment
	var noFocus bool
	t.env.Room.Ed.Read(func(s *workshop.Session) { segs, noFocus = focusSegments(s) })
	if noFocus {
		t.note.SetText(i18n.T("steps.segments.no_focus"))
		t.note.Show()
	} else {
		t.note.Hide()
	}
	if len(segs) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
	ids := make([]string, len(segs))
	for i, g := range segs {
		ids[i] = g.ID
	}
	if !slices.Equal(ids, t.ids) {
		selected := ""
		if i := t.tabs.SelectedIndex(); i >= 0 && i < len(t.ids) {
			selected = t.ids[i]
		}
		items := make([]*container.TabItem, len(segs))
		for i, g := range segs {
			var content fyne.CanvasObject = widget.NewLabel("")
			if p := t.pages[g.ID]; p != nil {
				content = p.Object()
			}
			items[i] = container.NewTabItem(tabTitle(g.Name), content)
		}
		for id := range t.pages {
			if !slices.Contains(ids, id) {
				delete(t.pages, id)
			}
		}
		t.ids = ids
		t.tabs.SetItems(items)
		if i := slices.Index(ids, selected); i >= 0 {
			t.tabs.SelectIndex(i)
		}
		t.ensure()
	} else {
		for i, g := range segs {
			if title := tabTitle(g.Name); t.tabs.Items[i].Text != title {
				t.tabs.Items[i].Text = title
				t.tabs.Refresh()
			}
		}
	}
	for _, p := range t.pages {
		p.Refresh()
	}
}

// tabTitle keeps a long segment name from pushing the other tabs away.
func tabTitle(name string) string {
	r := []rune(name)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	if len(r) == 0 {
		return "…"
	}
	return name
}

func (t *segmentTabs) Flush() {
	for _, p := range t.pages {
		p.Flush()
	}
}

func (t *segmentTabs) FocusNew() {
	if p := t.current(); p != nil {
		p.FocusNew()
	}
}

func (t *segmentTabs) Undo() bool {
	if p := t.current(); p != nil {
		return p.Undo()
	}
	return false
}
