package steps

// Pieces shared by the card views of steps 3 and 4: one tab per focus segment.

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/workshop"
)

// segmentPage is the content of one segment's tab in steps 3 and 4: a part
// of a step like any other, with an entry for a new card.
type segmentPage interface {
	View
	NewFocuser
}

// segmentStep is the shell of steps 3 and 4 (the profile, the value map):
// the segment tabs, each holding a page built by page.
type segmentStep struct {
	env  *Env
	tabs *segmentTabs
	obj  fyne.CanvasObject
}

func newSegmentStep(env *Env, page func(env *Env, segID string) segmentPage) segmentStep {
	t := newSegmentTabs(env, func(segID string) segmentPage { return page(env, segID) })
	return segmentStep{env: env, tabs: t, obj: t.obj}
}

func (v *segmentStep) Object() fyne.CanvasObject { return v.obj }
func (v *segmentStep) Refresh()                  { v.tabs.Refresh() }
func (v *segmentStep) Flush()                    { v.tabs.Flush() }
func (v *segmentStep) FocusNew()                 { v.tabs.FocusNew() }

// columnsPage is a segment page's layout: the top lines, then the columns,
// each a head over its card list, side by side and below them, past a
// separator, what comes under (the motives, the alternatives), all in one
// scroll.
func columnsPage(top fyne.CanvasObject, heads map[string]*widget.Label, lists map[string]*field.CardList,
	types []string, under ...fyne.CanvasObject) fyne.CanvasObject {
	cols := make([]fyne.CanvasObject, len(types))
	for i, typ := range types {
		cols[i] = container.NewVBox(heads[typ], lists[typ].Object())
	}
	body := append([]fyne.CanvasObject{newColumns(cols...), widget.NewSeparator()}, under...)
	return container.NewBorder(top, nil, nil, nil, field.NewVScroll(container.NewVBox(body...)))
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
	t.empty = widget.NewLabel(env.T("steps.segments.none"))
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
		t.note.SetText(t.env.T("steps.segments.no_focus"))
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

// pickOption is one choice of a checkPicker.
type pickOption struct {
	ID, Label string
	On        bool
}

// picked counts the options checked.
func picked(opts []pickOption) int {
	n := 0
	for _, o := range opts {
		if o.On {
			n++
		}
	}
	return n
}

// checkPicker is a button that opens a list of checks inside the card (not
// a pop-up, so that it works with the keyboard and on the projector's mirror
// of the card): a draft's authors and segments. Closed, the button's text
// says what is chosen.
type checkPicker struct {
	env     *Env
	title   func(opts []pickOption) string
	options func(s *workshop.Session) []pickOption
	set     func(s *workshop.Session, id string, on bool) error
	empty   string // said in the open list when there is nothing to choose
	// onToggle runs after the list was opened or closed.
	onToggle func()

	toggle  *pickerToggle
	checks  *fyne.Container
	ids     []string
	boxes   []*widget.Check
	labels  []*widget.Label
	loading bool
	obj     *fyne.Container
}

func newCheckPicker(env *Env, title func(opts []pickOption) string,
	options func(s *workshop.Session) []pickOption,
	set func(s *workshop.Session, id string, on bool) error) *checkPicker {
	p := &checkPicker{env: env, title: title, options: options, set: set}
	p.toggle = newPickerToggle(func() {
		opened := !p.checks.Visible()
		if opened {
			p.checks.Show()
		} else {
			p.checks.Hide()
		}
		p.Refresh()
		if p.onToggle != nil {
			p.onToggle()
		}
		if opened {
			// Opened near the bottom of the page, the list would be
			// below the fold, and Tab would go on into it unseen.
			field.Reveal(p.checks)
		}
	})
	p.checks = container.NewVBox()
	p.checks.Hide()
	p.Refresh()
	return p
}

// Open reports whether the check list is shown.
func (p *checkPicker) Open() bool { return p.checks.Visible() }

// Check returns the check of the option with the id while the list is open, or nil.
func (p *checkPicker) Check(id string) *widget.Check {
	if i := slices.Index(p.ids, id); i >= 0 && i < len(p.boxes) {
		return p.boxes[i]
	}
	return nil
}

func (p *checkPicker) choose(id string, on bool) {
	err := p.env.Room.Ed.Edit(func(s *workshop.Session) error { return p.set(s, id, on) })
	if err != nil && p.env.ShowError != nil {
		p.env.ShowError(err)
	}
}

func (p *checkPicker) Refresh() {
	var opts []pickOption
	p.env.Room.Ed.Read(func(s *workshop.Session) { opts = p.options(s) })
	if t := p.title(opts); p.toggle.Text != t {
		p.toggle.SetText(t)
	}
	if !p.checks.Visible() {
		return
	}
	ids := make([]string, len(opts))
	for i, o := range opts {
		ids[i] = o.ID
	}
	if !slices.Equal(ids, p.ids) {
		p.ids = ids
		// A check's own text does not wrap, and a profile item's text is a
		// sentence: the text is a wrapping label beside a bare check box.
		objs := make([]fyne.CanvasObject, len(opts))
		p.boxes = make([]*widget.Check, len(opts))
		p.labels = make([]*widget.Label, len(opts))
		for i, o := range opts {
			id := o.ID
			box := widget.NewCheck("", func(on bool) {
				if !p.loading {
					p.choose(id, on)
				}
			})
			label := widget.NewLabel("")
			label.Wrapping = fyne.TextWrapWord
			p.boxes[i], p.labels[i] = box, label
			objs[i] = container.NewBorder(nil, nil, container.NewVBox(box), nil, label)
		}
		p.checks.Objects = objs
	}
	if len(opts) == 0 && len(p.checks.Objects) == 0 && p.empty != "" {
		p.checks.Objects = []fyne.CanvasObject{helpLabel(p.empty)}
	}
	p.loading = true
	for i, o := range opts {
		if p.labels[i].Text != o.Label {
			p.labels[i].SetText(o.Label)
		}
		if p.boxes[i].Checked != o.On {
			p.boxes[i].SetChecked(o.On)
		}
	}
	p.loading = false
	p.checks.Refresh()
}

// boundGroup shows obj and refreshes and flushes the group's inputs.
func boundGroup(obj fyne.CanvasObject, g field.Group) field.Bound {
	return &grouped{obj: obj, g: g}
}

type grouped struct {
	obj fyne.CanvasObject
	g   field.Group
}

func (b *grouped) Object() fyne.CanvasObject { return b.obj }
func (b *grouped) Refresh()                  { b.g.Refresh() }
func (b *grouped) Flush()                    { b.g.Flush() }

// equalColumns lays its objects side by side in columns of equal width. Unlike
// a grid, its minimum width is that of one column, not the sum: in the narrow
// middle of the facilitator's window the columns' inputs shrink (their texts
// truncate) instead of pushing the window's side panels away.
type equalColumns struct{}

func newColumns(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(equalColumns{}, objs...)
}

func (equalColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	w := (size.Width - pad*float32(len(objs)-1)) / float32(len(objs))
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

func (equalColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		min.Height = max(min.Height, m.Height)
		min.Width = max(min.Width, m.Width)
	}
	return min
}

// heightForWidth stacks its objects like a VBox, but gives each object its
// width before asking for its height. A chart whose labels wrap needs more
// height when narrower; a VBox asks before resizing, so after the window or
// a split narrows, the chart would be drawn over what follows it.
type heightForWidth struct{}

func newStack(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(heightForWidth{}, objs...)
}

func (heightForWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	pad := theme.Padding()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.Size().Height))
		h := o.MinSize().Height // now measured at the final width
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

func (heightForWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		min.Width = max(min.Width, m.Width)
		min.Height += m.Height
		n++
	}
	if n > 1 {
		min.Height += theme.Padding() * float32(n-1)
	}
	return min
}

// The views of steps 1–5 answer the step screen's Ctrl+N.
var (
	_ NewFocuser = (*purpose)(nil)
	_ NewFocuser = (*profile)(nil)
	_ NewFocuser = (*valueMap)(nil)
	_ NewFocuser = (*drafts)(nil)
)

// sideBySide puts its two objects side by side (the first gets ratio of the
// width) when the width allows both their minimum widths, and one above the
// other otherwise, so that a narrow window (1024 px, side panels open) still
// shows both, the first on top with ratio of the height.
type sideBySide struct{ ratio float32 }

func newSideBySide(ratio float32, first, second fyne.CanvasObject) *fyne.Container {
	return container.New(sideBySide{ratio}, first, second)
}

func (l sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 2 {
		return
	}
	a, b := objs[0], objs[1]
	pad := theme.Padding()
	if w := size.Width - pad; w*l.ratio >= a.MinSize().Width && w*(1-l.ratio) >= b.MinSize().Width {
		a.Move(fyne.NewPos(0, 0))
		a.Resize(fyne.NewSize(w*l.ratio, size.Height))
		b.Move(fyne.NewPos(w*l.ratio+pad, 0))
		b.Resize(fyne.NewSize(w*(1-l.ratio), size.Height))
		return
	}
	h := size.Height - pad
	a.Move(fyne.NewPos(0, 0))
	a.Resize(fyne.NewSize(size.Width, h*l.ratio))
	b.Move(fyne.NewPos(0, h*l.ratio+pad))
	b.Resize(fyne.NewSize(size.Width, h*(1-l.ratio)))
}

func (l sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		min.Width = max(min.Width, m.Width)
		min.Height += m.Height
	}
	return min.AddWidthHeight(0, theme.Padding())
}

// pickerToggle opens and closes a picker's list. Unlike widget.Button its
// text truncates with an ellipsis, so that pickers sharing a row in a narrow
// window never draw over each other (the full list shows when it opens).
// It takes the keyboard in its turn of Tab, Space or Enter opening and
// closing the list, and shows the focus in the theme's focus colour behind
// it, as a focused select does.
type pickerToggle struct {
	widget.BaseWidget
	Text    string
	label   *widget.Label
	onTap   func()
	focused bool
}

var _ fyne.Focusable = (*pickerToggle)(nil)

func newPickerToggle(onTap func()) *pickerToggle {
	b := &pickerToggle{onTap: onTap, label: widget.NewLabel("")}
	b.label.TextStyle.Bold = true
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.ExtendBaseWidget(b)
	return b
}

// SetText sets the toggle's text.
func (b *pickerToggle) SetText(s string) {
	b.Text = s
	b.label.SetText(s)
}

func (b *pickerToggle) Tapped(*fyne.PointEvent) { b.onTap() }

func (b *pickerToggle) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (b *pickerToggle) FocusGained() {
	b.focused = true
	b.Refresh()
}

func (b *pickerToggle) FocusLost() {
	b.focused = false
	b.Refresh()
}

func (b *pickerToggle) TypedRune(rune) {}

func (b *pickerToggle) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		b.onTap()
	}
}

func (b *pickerToggle) CreateRenderer() fyne.WidgetRenderer {
	r := &pickerToggleRenderer{b: b, bg: canvas.NewRectangle(color.Transparent),
		content: container.NewBorder(nil, nil, widget.NewIcon(theme.MenuDropDownIcon()), nil, b.label)}
	r.Refresh()
	return r
}

// pickerToggleRenderer draws the toggle's icon and text over a background
// that is the focus colour while it has the keyboard.
type pickerToggleRenderer struct {
	b       *pickerToggle
	bg      *canvas.Rectangle
	content *fyne.Container
}

func (r *pickerToggleRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.content.Resize(size)
}

func (r *pickerToggleRenderer) MinSize() fyne.Size { return r.content.MinSize() }

func (r *pickerToggleRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.content}
}

func (r *pickerToggleRenderer) Refresh() {
	th := r.b.Theme()
	var fill color.Color = color.Transparent
	if r.b.focused {
		fill = th.Color(theme.ColorNameFocus, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.bg.FillColor = fill
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Refresh()
	r.content.Refresh()
}

func (r *pickerToggleRenderer) Destroy() {}
