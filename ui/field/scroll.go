package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// wheelFactor is how many times Fyne's step a notch of the mouse wheel
// moves a page: Fyne moves 25 px a notch (10 on macOS, whose trackpads send
// many small steps), which on a page of cards is under a line of text.
const wheelFactor = 3

// Scroll is a page's vertical scroll whose wheel moves about three lines a
// notch rather than Fyne's one. The rows of the Lists in it are built as
// they come within half a view of what is shown, so that a page of
// hundreds of cards holds widgets only for those near the view.
type Scroll struct {
	container.Scroll
	lists     []*List
	revealing bool
}

// NewVScroll returns a page's vertical scroll of content; the Lists in
// content (through its containers) build their rows as they come near the
// view.
func NewVScroll(content fyne.CanvasObject) *Scroll {
	s := &Scroll{}
	s.Content = content
	s.Direction = container.ScrollVerticalOnly
	s.OnScrolled = func(fyne.Position) { s.reveal() }
	s.ExtendBaseWidget(s)
	walkRows(content, fyne.Position{}, func(l *List, _ int, _ *fyne.Container, _ fyne.Position) {
		if l.scroll == nil {
			l.scroll = s
			s.lists = append(s.lists, l)
		}
	})
	return s
}

// Scrolled moves the page wheelFactor times Fyne's step.
func (s *Scroll) Scrolled(ev *fyne.ScrollEvent) {
	faster := *ev
	faster.Scrolled = fyne.NewDelta(ev.Scrolled.DX*wheelFactor, ev.Scrolled.DY*wheelFactor)
	s.Scroll.Scrolled(&faster)
}

// Resize lays the page out at the size and builds the rows that came into view.
func (s *Scroll) Resize(size fyne.Size) {
	s.Scroll.Resize(size)
	s.reveal()
}

// ScrollToOffset shows the content from the offset on, with its rows built.
func (s *Scroll) ScrollToOffset(p fyne.Position) {
	s.Scroll.ScrollToOffset(p)
	s.reveal()
}

// ScrollToTop shows the top of the content, with its rows built.
func (s *Scroll) ScrollToTop() {
	s.Scroll.ScrollToTop()
	s.reveal()
}

// ScrollToBottom shows the end of the content, with its rows built (which
// can make the content longer: then the end again).
func (s *Scroll) ScrollToBottom() {
	for i := 0; i < 4; i++ {
		s.Scroll.ScrollToBottom()
		s.reveal()
		if s.Offset.Y+s.Size().Height >= s.Content.Size().Height {
			return
		}
	}
}

// Refresh shows the content as it is now, with the rows that came into view built.
func (s *Scroll) Refresh() {
	s.Scroll.Refresh()
	s.reveal()
}

// walkRows calls f for every row place of every List under o (through
// containers), with its position in o's parent's coordinates.
func walkRows(o fyne.CanvasObject, at fyne.Position, f func(l *List, i int, slot *fyne.Container, pos fyne.Position)) {
	c, ok := o.(*fyne.Container)
	if !ok || !c.Visible() {
		return
	}
	at = at.Add(c.Position())
	if rl, ok := c.Layout.(rowsLayout); ok {
		for i, slot := range c.Objects {
			if sc, ok := slot.(*fyne.Container); ok && i < len(rl.l.order) {
				f(rl.l, i, sc, at.Add(sc.Position()))
			}
		}
		return
	}
	for _, child := range c.Objects {
		walkRows(child, at, f)
	}
}

// reveal builds the rows not built yet that are within half a view (and
// a row) of what the scroll shows, lays the page out again, and keeps what
// is shown where it was when rows above it turn out taller or shorter than
// their space: the row at the top of the view stays at the same place on
// the screen.
func (s *Scroll) reveal() {
	view := s.Size().Height
	if len(s.lists) == 0 || s.revealing || view <= 0 || s.Content == nil {
		return
	}
	s.revealing = true
	defer func() { s.revealing = false }()
	for pass := 0; pass < 16; pass++ {
		built := false
		first := map[*List]bool{}
		anchor, anchorY := s.topRow()
		s.eachRow(func(l *List, id string, slot *fyne.Container, pos fyne.Position) {
			h := slot.Size().Height
			// Half a view either way, and at least a row: the row after
			// (and before) the one being typed in is there for Tab (Shift+Tab).
			margin := fyne.Max(view/2, l.rowH)
			if l.rows[id] != nil || pos.Y+h < s.Offset.Y-margin || pos.Y > s.Offset.Y+view+margin || first[l] {
				return
			}
			if l.rowH == 0 {
				// The list's first row tells the others' height: build it
				// alone, lay out, and look again.
				first[l] = true
			}
			l.build(id)
			built = true
		})
		if !built {
			return
		}
		s.relayout()
		if anchor != nil {
			s.eachRow(func(_ *List, _ string, slot *fyne.Container, pos fyne.Position) {
				if slot == anchor && pos.Y != anchorY {
					s.Offset.Y += pos.Y - anchorY
					s.relayout() // keeps the offset within the content, moves the bars
				}
			})
		}
	}
}

// eachRow calls f for every row place of the Lists in the scroll, with its
// position in the content.
func (s *Scroll) eachRow(f func(l *List, id string, slot *fyne.Container, pos fyne.Position)) {
	walkRows(s.Content, fyne.NewPos(-s.Content.Position().X, -s.Content.Position().Y), func(l *List, i int, slot *fyne.Container, pos fyne.Position) {
		f(l, l.order[i], slot, pos)
	})
}

// topRow is the row place at the top of the view (the first one that
// reaches into it), and its position in the content; nil if none is in view.
func (s *Scroll) topRow() (*fyne.Container, float32) {
	var top *fyne.Container
	var y float32
	s.eachRow(func(_ *List, _ string, slot *fyne.Container, pos fyne.Position) {
		h := slot.Size().Height // 0: not laid out yet, no place to keep
		if top == nil && h > 0 && pos.Y+h > s.Offset.Y && pos.Y < s.Offset.Y+s.Size().Height {
			top, y = slot, pos.Y
		}
	})
	return top, y
}

// relayout lays out the whole page again after rows were built: a row's
// own height changes the heights of the containers around it, up to the
// scroll's content.
func (s *Scroll) relayout() {
	if s.Content == nil || s.Size().IsZero() {
		return
	}
	c := s.Content
	min := c.MinSize()
	size := s.Size()
	c.Resize(fyne.NewSize(fyne.Max(min.Width, size.Width), fyne.Max(min.Height, size.Height)))
	layoutTree(c)
	s.Offset.Y = fyne.Max(0, fyne.Min(s.Offset.Y, c.Size().Height-size.Height))
	// The scroll's own renderer only: refreshing the content would refresh
	// every widget on the page.
	s.Scroll.Base.Refresh()
}

// layoutTree lays out every container under o at the size it has.
func layoutTree(o fyne.CanvasObject) {
	c, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	for _, child := range c.Objects {
		layoutTree(child)
	}
}
