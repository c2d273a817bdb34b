package projector

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/i18n"
)

// flowGrid lays tiles out in rows of equal columns, choosing the fewest
// columns at which every tile fits the height, up to maxCols and down to
// minColW wide. When that does not fit, the card texts in shrink are set at
// the smallest text size and it tries again; when even that does not fit,
// the tiles that do not fit are hidden and the "more" label says how many:
// text never shrinks below the theme's smallest size to make room.
type flowGrid struct {
	minColW func() float32
	maxCols int
	gap     func() float32
	more    *ptext // the last object of the container; may be nil
	lang    string
	shrink  []*ptext
	full    fyne.ThemeSizeName // the card texts' own size, while shrunk
	forced  *bool              // set by sideBySide: shrink or not, as the columns next to it
	// keep > 0: when the tiles do not fit, the longest are shortened to a
	// shared height, each keeping at least keep lines of its text, so that
	// more of them show (cappedGrid); clamps are the tiles' texts, by index.
	keep   int
	clamps []*clamped
	// pager, when set, turns the tiles in pages when they do not all fit
	// (layoutPages) instead of hiding those that do not; paged is its
	// last layout.
	pager *pager
	paged *pagedLayout
}

// pager is the page of a paged grid the projector asks for, and what the
// grid's last layout made of it: how many pages, and the tiles shown.
type pager struct {
	page         int // asked for; the grid shows the last page when fewer
	pages        int // 0 until a paged grid is laid out; 1 when every tile fits
	shown        int // the page shown, from 0
	first, count int // the tiles shown: from index first, count of them
	// label is the line under a page: which page of how many, and which tiles.
	label func(page, pages, first, last, all int) string
	// laidOut, when set, runs after each layout of the grid with what it
	// made of the page (the projector tells the facilitator's window);
	// inBuild says that the projector's current build has a grid of drafts.
	laidOut func()
	inBuild bool
}

// done runs laidOut after a layout.
func (p *pager) done() {
	if p.laidOut != nil {
		p.laidOut()
	}
}

// setShrunk sets the card texts at the smallest size, or back at their own.
func (g *flowGrid) setShrunk(on bool) {
	if len(g.shrink) == 0 || on == (g.full != "") {
		return
	}
	if on {
		g.full = seg(g.shrink[0]).Style.SizeName
	}
	size := g.full
	if on {
		size = sizeText
	} else {
		g.full = ""
	}
	for _, rt := range g.shrink {
		seg(rt).Style.SizeName = size
		rt.Refresh()
	}
}

func (g *flowGrid) tiles(objs []fyne.CanvasObject) []fyne.CanvasObject {
	if g.more != nil && len(objs) > 0 && objs[len(objs)-1] == g.more {
		return objs[:len(objs)-1]
	}
	return objs
}

// rows splits the tiles into rows at colW and returns each row's height.
func rowHeights(tiles []fyne.CanvasObject, cols int, colW float32) []float32 {
	return rowsOf(tileHeights(tiles, colW), cols)
}

// tileHeights sizes each tile at width colW and returns its height.
func tileHeights(tiles []fyne.CanvasObject, colW float32) []float32 {
	hs := make([]float32, len(tiles))
	for i, t := range tiles {
		// A wrapping text's height depends on its width: size it first, at
		// a height that any text fits, so that a tile's clamp measures its
		// text whole without looking for where to cut it.
		sizeAnew(t, fyne.NewSize(colW, measureHeight))
		hs[i] = t.MinSize().Height
	}
	return hs
}

// measureHeight is higher than any page.
const measureHeight = 1 << 20

// sizeAnew lays o out at size s also when it has that size already, when
// Fyne's Resize does nothing: the grid measures its tiles again after
// setting their texts smaller (setShrunk), which changes what they hold
// but not their size, and a clamp measures its text when laid out.
func sizeAnew(o fyne.CanvasObject, s fyne.Size) {
	if o.Size() == s {
		o.Resize(s.AddWidthHeight(0, 1))
	}
	o.Resize(s)
}

// rowsOf is each row's height, of tiles of heights hs at cols columns.
func rowsOf(hs []float32, cols int) []float32 {
	rows := make([]float32, 0, (len(hs)+cols-1)/cols)
	for i, h := range hs {
		if i%cols == 0 {
			rows = append(rows, h)
		} else {
			rows[len(rows)-1] = fyne.Max(rows[len(rows)-1], h)
		}
	}
	return rows
}

func sum(hs []float32, gap float32) float32 {
	var s float32
	for i, h := range hs {
		if i > 0 {
			s += gap
		}
		s += h
	}
	return s
}

func (g *flowGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	tiles := g.tiles(objs)
	gap := g.gap()
	if len(tiles) == 0 {
		if g.more != nil {
			g.more.Hide()
		}
		return
	}
	if g.pager != nil {
		if g.layoutPages(tiles, size) {
			return
		}
		g.pager.pages, g.pager.shown, g.pager.first, g.pager.count = 1, 0, 0, len(tiles)
		g.pager.done()
	}
	colWidth := func(cols int) float32 { return (size.Width - gap*float32(cols-1)) / float32(cols) }
	var cols int
	var rows []float32
	// With keep, what each column count measured, for shortening below.
	var tried map[int]measured
	last := 0 // the column count the tiles were last sized at
	// search finds the fewest columns at which every tile fits. With
	// skip, a column count at which the tiles cannot fit, by their heights
	// at fewer, wider columns (a narrower tile is never shorter), is not
	// measured: for a search whose figures the shortening will not use.
	search := func(skip bool) {
		cols, rows, tried = 1, nil, map[int]measured{}
		keepH := float32(-1)
		var wider []float32 // each tile's height at the last count measured
		for c := 1; c <= g.maxCols && c <= len(tiles); c++ {
			if c > 1 && colWidth(c) < g.minColW() {
				break
			}
			if skip && wider != nil && sum(rowsOf(wider, c), gap) > size.Height {
				continue
			}
			hs := tileHeights(tiles, colWidth(c))
			cols, rows, last, wider = c, rowsOf(hs, c), c, hs
			if g.keep > 0 {
				if keepH < 0 {
					keepH = g.keepHeight()
				}
				tried[c] = measured{rows, g.leastRows(hs, c, keepH)}
			}
			if sum(rows, gap) <= size.Height {
				break
			}
		}
	}
	if g.forced != nil {
		g.setShrunk(*g.forced)
		search(false)
	} else {
		g.setShrunk(false)
		search(g.keep > 0 && len(g.shrink) > 0)
		if sum(rows, gap) > size.Height && len(g.shrink) > 0 {
			g.setShrunk(true)
			search(false)
		}
	}
	// A few tiles that fit in one row take it, rather than leaving a hole
	// under a half-empty second row.
	if n := len(tiles); n <= g.maxCols && cols < n && colWidth(n) >= g.minColW() {
		if one := rowHeights(tiles, n, colWidth(n)); one[0] <= size.Height {
			cols, rows, last = n, one, n
		} else {
			rowHeights(tiles, cols, colWidth(cols)) // size the tiles back
		}
	}
	if g.keep > 0 && sum(rows, gap) > size.Height {
		// The fewest columns at which the most tiles show, shortened.
		best := 0
		for c := 1; c <= g.maxCols && c <= len(tiles); c++ {
			m, ok := tried[c]
			if !ok {
				break // narrower than the least width
			}
			capped, fit := g.capRows(m, size.Height, gap)
			if n := min(fit*c, len(tiles)); n > best {
				best, cols, rows = n, c, capped
			}
			if best == len(tiles) {
				break
			}
		}
		if cols != last {
			rowHeights(tiles, cols, colWidth(cols)) // size the tiles back
		}
	}
	colW := colWidth(cols)
	shown := len(tiles)
	if sum(rows, gap) > size.Height && g.more != nil {
		// Keep the rows that fit above one line for the "more" label.
		moreH := g.more.MinSize().Height
		y, fit := float32(0), 0
		for _, h := range rows {
			if y+h+moreH > size.Height {
				break
			}
			y += h + gap
			fit++
		}
		if fit == 0 {
			// One card that ends at a whole line with "…" says more than
			// none: the first row takes what the "more" label leaves.
			fit = 1
			rows[0] = size.Height
			if cols < len(tiles) {
				rows[0] -= moreH + gap
			}
			rows[0] = fyne.Max(rows[0], 0)
		}
		shown = fit * cols
		if shown > len(tiles) {
			shown = len(tiles)
		}
	}
	y := float32(0)
	for i, t := range tiles {
		if i >= shown {
			t.Hide()
			continue
		}
		t.Show()
		r, c := i/cols, i%cols
		if c == 0 && r > 0 {
			y += rows[r-1] + gap
		}
		t.Move(fyne.NewPos(float32(c)*(colW+gap), y))
		t.Resize(fyne.NewSize(colW, rows[r]))
	}
	if g.more == nil {
		return
	}
	if shown >= len(tiles) {
		g.more.Hide()
		return
	}
	seg(g.more).Text = i18n.TIn(g.lang, "projector.more", map[string]int{"N": len(tiles) - shown})
	g.more.Refresh()
	g.more.Show()
	if shown > 0 {
		y += rows[(shown-1)/cols] + gap
	}
	g.more.Move(fyne.NewPos(0, y))
	g.more.Resize(fyne.NewSize(size.Width, g.more.MinSize().Height))
}

// measured is the tiles' rows at one column count: each row's height, and
// its height with the tiles' texts shortened to keep lines (leastRows).
type measured struct{ rows, least []float32 }

// keepHeight is the height of keep lines of the tiles' texts (all of one
// size), or 0 when no tile has a text to shorten.
func (g *flowGrid) keepHeight() float32 {
	for _, c := range g.clamps {
		if c != nil {
			return c.linesHeight(g.keep, c.w)
		}
	}
	return 0
}

// leastRows is each row's height at cols columns with its tiles' texts at
// keepH, from the tiles' heights hs just measured at that width
// (tileHeights, which left each clamp's whole height at it).
func (g *flowGrid) leastRows(hs []float32, cols int, keepH float32) []float32 {
	least := make([]float32, len(hs))
	for i, h := range hs {
		if i < len(g.clamps) && g.clamps[i] != nil && keepH > 0 && keepH < g.clamps[i].fullH {
			h -= g.clamps[i].fullH - keepH
		}
		least[i] = h
	}
	return rowsOf(least, cols)
}

// capRows shortens the tallest rows to one height, so that as many rows
// as possible fit in height (with a line for the "more" label when some
// still do not): a row is never shorter than its tiles with keep lines of
// their texts. It returns the rows' heights, those that cannot show as
// they were, and how many fit.
func (g *flowGrid) capRows(m measured, height, gap float32) ([]float32, int) {
	rows, least := m.rows, m.least
	var moreH float32
	if g.more != nil {
		moreH = g.more.MinSize().Height
	}
	for k := len(rows); k > 1; k-- {
		room := height - gap*float32(k-1)
		if k < len(rows) {
			if g.more == nil {
				break
			}
			room -= moreH + gap
		}
		// Whole pixels: the rows' sum stays within the room.
		top := float32(math.Floor(float64(waterLevel(rows[:k], room))))
		ok := true
		for _, l := range least[:k] {
			if l > top {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		capped := append([]float32(nil), rows...)
		for i := range capped[:k] {
			capped[i] = fyne.Min(capped[i], top)
		}
		return capped, k
	}
	// One row, or none: what the "more" label leaves (Layout).
	return rows, min(1, len(rows))
}

// waterLevel is the height h at which rows each cut to at most h sum to
// room; the rows' own tallest height when they fit as they are.
func waterLevel(rows []float32, room float32) float32 {
	sorted := append([]float32(nil), rows...)
	slices.Sort(sorted)
	var below float32 // the rows shorter than the level, whole
	for i, h := range sorted {
		left := len(sorted) - i // rows cut to the level
		if level := (room - below) / float32(left); level <= h {
			return level
		}
		below += h
	}
	return sorted[len(sorted)-1]
}

// MinSize is small on purpose: the grid takes the room it is given, and a
// large minimum would make the window grow past the projector's screen.
func (g *flowGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(g.minColW(), 0)
}

// scaler gives its one child the whole size, first setting the theme's scale
// from the view's size so that the page looks the same at any resolution.
type scaler struct {
	onSize func(fyne.Size) bool // reports whether the content was rebuilt
}

func (s *scaler) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if s.onSize != nil && s.onSize(size) {
		return // the rebuild laid the new content out
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (s *scaler) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(160, 90) }

// middle gives its children the full width and centres them, stacked, in
// the height: a wrapping statement keeps its width (a plain centre layout
// would shrink it to one word a line).
type middle struct{ gap float32 }

func (m *middle) heights(objs []fyne.CanvasObject, w float32) (hs []float32, total float32) {
	for i, o := range objs {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height
		hs = append(hs, h)
		if i > 0 {
			total += m.gap
		}
		total += h
	}
	return
}

func (m *middle) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	hs, total := m.heights(objs, size.Width)
	y := (size.Height - total) / 2
	if y < 0 {
		y = 0
	}
	for i, o := range objs {
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, hs[i]))
		y += hs[i] + m.gap
	}
}

func (m *middle) MinSize(objs []fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// fitted is middle with its statement rt set at the largest of sizes at
// which the statement and what is under it fit the height: a long promise
// is drawn smaller rather than cut off by the page's edge.
type fitted struct {
	middle
	rt    *ptext
	sizes []fyne.ThemeSizeName
}

func (f *fitted) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, sz := range f.sizes {
		// Refreshed even at the size it has: a text handed out again
		// (memo) had its size set back without being measured anew.
		seg(f.rt).Style.SizeName = sz
		f.rt.Refresh()
		if _, total := f.heights(objs, size.Width); total <= size.Height || i == len(f.sizes)-1 {
			break
		}
	}
	f.middle.Layout(objs, size)
}

// atMost gives its one object the width and the height it needs, at most
// the height it is given: a tile under a text that gives way (topShare)
// keeps its own height, and ends at a whole line when it must.
type atMost struct{}

func (atMost) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	o := objs[0]
	o.Resize(fyne.NewSize(size.Width, o.MinSize().Height)) // a wrapping text's height follows its width
	o.Move(fyne.NewPos(0, 0))
	o.Resize(fyne.NewSize(size.Width, fyne.Min(o.MinSize().Height, size.Height)))
}

func (atMost) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, 0)
}

// fitsFull reports whether the grid's tiles all fit in size with the card
// texts at their own size. It sizes the tiles: lay the grid out afterwards.
func (g *flowGrid) fitsFull(objs []fyne.CanvasObject, size fyne.Size) bool {
	tiles := g.tiles(objs)
	g.setShrunk(false)
	gap := g.gap()
	for c := 1; c <= g.maxCols && c <= len(tiles); c++ {
		w := (size.Width - gap*float32(c-1)) / float32(c)
		if c > 1 && w < g.minColW() {
			break
		}
		if sum(rowHeights(tiles, c, w), gap) <= size.Height {
			return true
		}
	}
	return len(tiles) == 0
}

// sideBySide lays columns of cards out in equal widths, and sets the card
// texts of every column smaller when one column's cards do not fit, so that
// the columns next to each other keep one text size.
type sideBySide struct{ gap float32 }

func (l *sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	cell := fyne.NewSize((size.Width-l.gap*float32(len(objs)-1))/float32(len(objs)), size.Height)
	shrink := false
	for _, o := range objs {
		if c, ok := o.(*fyne.Container); ok {
			if g, ok := c.Layout.(*flowGrid); ok && !g.fitsFull(c.Objects, cell) {
				shrink = true
			}
		}
	}
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*(cell.Width+l.gap), 0))
		o.Resize(cell)
		if c, ok := o.(*fyne.Container); ok {
			if g, ok := c.Layout.(*flowGrid); ok {
				g.forced = &shrink
				g.Layout(c.Objects, cell) // the measuring above moved its tiles
			}
		}
	}
}

func (l *sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = fyne.Max(h, m.Height)
	}
	return fyne.NewSize(w+l.gap*float32(len(objs)-1), h)
}

// topShare gives its first object the height it needs, and the second the
// rest; when both do not fit, the first gives up height down to a share of
// the whole: the purpose's three texts above leave the segments under them
// room for at least a row.
type topShare struct {
	share float32
	gap   float32
	rest  func(w float32) float32 // the height the second object needs at width w
}

func (l *topShare) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top, rest := objs[0], objs[1]
	// A wrapping text's height depends on its width: size it first.
	top.Resize(fyne.NewSize(size.Width, top.MinSize().Height))
	h := top.MinSize().Height
	if h+l.gap+l.rest(size.Width) > size.Height {
		h = fyne.Min(h, fyne.Max(size.Height*l.share, size.Height-l.gap-l.rest(size.Width)))
	}
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, h))
	rest.Move(fyne.NewPos(0, h+l.gap))
	rest.Resize(fyne.NewSize(size.Width, fyne.Max(size.Height-h-l.gap, 0)))
}

func (l *topShare) MinSize(objs []fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// natural is the height the grid needs to show every tile at width w, at
// the most columns it may take.
func (g *flowGrid) natural(objs []fyne.CanvasObject, w float32) float32 {
	tiles := g.tiles(objs)
	if len(tiles) == 0 {
		return 0
	}
	gap := g.gap()
	cols := min(g.maxCols, len(tiles))
	for cols > 1 && (w-gap*float32(cols-1))/float32(cols) < g.minColW() {
		cols--
	}
	return sum(rowHeights(tiles, cols, (w-gap*float32(cols-1))/float32(cols)), gap)
}

// layoutPages lays out one page of tiles when they do not all fit, and
// reports whether it did. A page's tiles run down its columns, each column
// as many as fit above the page's line (which says which page it is and
// which tiles it shows), so that tiles of different heights leave little
// room unused; the column count is the one that makes the fewest pages,
// of those the one that shows the most on the first page, and of those
// the fewest columns (the widest tiles). When every tile fits, at the
// texts' own size or the smallest, it lays out nothing: the grid's own
// layout shows them all.
func (g *flowGrid) layoutPages(tiles []fyne.CanvasObject, size fyne.Size) bool {
	if m := g.paged; m != nil && m.size == size && m.n == len(tiles) {
		// Laid out at this size already in this build: the same again,
		// without measuring every tile at every column count anew.
		if !m.paged {
			return false
		}
		g.placePage(tiles, size, m)
		return true
	}
	m := &pagedLayout{size: size, n: len(tiles)}
	g.paged = m
	gap := g.gap()
	colWidth := func(cols int) float32 { return (size.Width - gap*float32(cols-1)) / float32(cols) }
	// measure sizes the tiles at each column count, and reports whether
	// they all fit at one (then it stops) or, when none, their heights at each.
	measure := func() (bool, map[int][]float32) {
		hss := map[int][]float32{}
		for c := 1; c <= g.maxCols && c <= len(tiles); c++ {
			if c > 1 && colWidth(c) < g.minColW() {
				break
			}
			hs := tileHeights(tiles, colWidth(c))
			if sum(rowsOf(hs, c), gap) <= size.Height {
				return true, nil
			}
			hss[c] = hs
		}
		return false, hss
	}
	g.setShrunk(false)
	fit, hss := measure()
	if !fit && len(g.shrink) > 0 {
		g.setShrunk(true)
		if fit, hss = measure(); fit {
			g.setShrunk(false) // the grid's own layout finds the same
		}
	}
	if fit {
		return false
	}
	g.more.Show()
	seg(g.more).Text = g.pager.label(1, 2, 1, 1, len(tiles)) // its height, for the room left
	g.more.Refresh()
	m.lineH = g.more.MinSize().Height
	room := size.Height - m.lineH - gap
	// flow places tiles of heights hs down cols columns a page: each
	// tile's page, column and top.
	flow := func(hs []float32, cols int) ([]place, int) {
		out := make([]place, len(hs))
		page, col, y := 0, 0, float32(0)
		for i, h := range hs {
			h = fyne.Min(h, room) // a tile higher than the page ends at a whole line
			if y > 0 && y+h > room {
				col, y = col+1, 0
				if col == cols {
					page, col = page+1, 0
				}
			}
			out[i] = place{page, col, y, h}
			y += h + gap
		}
		return out, page + 1
	}
	firstPage := func(ps []place) (n int) {
		for _, p := range ps {
			if p.page == 0 {
				n++
			}
		}
		return
	}
	for c := 1; c <= g.maxCols && c <= len(tiles); c++ {
		hs, ok := hss[c]
		if !ok {
			break // narrower than the least width
		}
		ps, n := flow(hs, c)
		if m.cols == 0 || n < m.pages || n == m.pages && firstPage(ps) > firstPage(m.places) {
			m.cols, m.pages, m.places = c, n, ps
		}
	}
	m.paged, m.colW = true, colWidth(m.cols)
	g.placePage(tiles, size, m)
	return true
}

// pagedLayout is what layoutPages made of the tiles at a size: whether
// they were paged, and each tile's place at the column count chosen.
type pagedLayout struct {
	size        fyne.Size
	n           int
	paged       bool
	cols, pages int
	colW, lineH float32
	places      []place
}

// place is a paged tile's page, column, top and height.
type place struct {
	page, col int
	y, h      float32
}

// placePage shows the page asked for (the last when there are fewer) and
// its line, and hides the other tiles.
func (g *flowGrid) placePage(tiles []fyne.CanvasObject, size fyne.Size, m *pagedLayout) {
	gap := g.gap()
	page := min(max(g.pager.page, 0), m.pages-1)
	first, count := -1, 0
	for i, t := range tiles {
		p := m.places[i]
		if p.page != page {
			t.Hide()
			continue
		}
		if first < 0 {
			first = i
		}
		count++
		t.Show()
		t.Move(fyne.NewPos(float32(p.col)*(m.colW+gap), p.y))
		t.Resize(fyne.NewSize(m.colW, p.h))
	}
	g.pager.pages, g.pager.shown, g.pager.first, g.pager.count = m.pages, page, first, count
	g.more.Show()
	seg(g.more).Text = g.pager.label(page+1, m.pages, first+1, first+count, len(tiles))
	g.more.Refresh()
	g.more.Move(fyne.NewPos(0, size.Height-m.lineH))
	g.more.Resize(fyne.NewSize(size.Width, m.lineH))
	g.pager.done()
}
