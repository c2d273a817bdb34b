package projector

import (
	"image/color"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// state is what one rendering of the projector shows.
type state struct {
	s               *workshop.Session
	lang            string
	hidden          bool
	votesRevealed   bool
	ratingsRevealed bool
	presenting      bool
	page            int
	now             time.Time
	th              *Theme
	join            *joinState // the room is open: the join column on every page
	memo            *memo      // the objects of the previous build, to hand out again
	dense           bool       // many cards: card texts at the smallest size, so more fit
	// bodies maps a tile to its text, for the grid to set smaller when the
	// cards do not fit at their size (never below the smallest text size).
	bodies map[fyne.CanvasObject]*ptext
	// clamps maps a tile to its body's clamp, for a grid that shortens
	// long tiles so that every tile shows (cappedGrid).
	clamps map[fyne.CanvasObject]*clamped
	// pager is the projector's page of the drafts, for the grid of drafts
	// that do not fit (draftGrid); nil in a build without a projector.
	pager *pager
	// family is the workshop and its check-ins, s among them, on the
	// promise's history page (historyBody); nil elsewhere.
	family []*workshop.Session
}

func (st *state) size(n fyne.ThemeSizeName) float32 { return st.th.size(n) }

func (st *state) t(key string, data ...any) string { return i18n.TIn(st.lang, key, data...) }

// view is one rendering: the page, and the timer text the ticker updates.
type view struct {
	obj    fyne.CanvasObject
	timer  *canvas.Text
	agenda *workshop.AgendaItem
}

// text is a wrapping paragraph in one of the projector's sizes. It is a
// RichText rather than a Label so that its size and colour are the
// projector's names, which the app's theme answers (theme.go).
func (st *state) text(s string, size fyne.ThemeSizeName, bold bool) *ptext {
	return st.richText(clip(strings.TrimSpace(s)), size, bold, fyne.TextWrapWord, fyne.TextTruncateOff)
}

func newRichText(th *Theme, s string, size fyne.ThemeSizeName, bold bool) *ptext {
	t := &ptext{th: th}
	t.Scroll = fyne.ScrollNone
	t.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: inkText,
		SizeName:  size,
		TextStyle: fyne.TextStyle{Bold: bold},
	}}}
	t.ExtendBaseWidget(t)
	return t
}

// ptext is a RichText in the projector's look. Fyne pads a RichText with
// the inner padding of the app's theme, made for the facilitator's 16 px
// text; a ptext has the projector's, at its scale, as under a theme of its
// own: it reaches past the box it is given by the difference, so that it
// measures and draws as a RichText padded by the projector would. (The
// spacing between lines stays the app theme's.)
type ptext struct {
	widget.RichText
	th *Theme
	// line is a one-line text that ends in "…" when it does not fit (line):
	// its Truncation is Ellipsis only while the whole text is wider than
	// its box, as Fyne shapes such a text again at every width it is given
	// to find where to cut it, and a grid tries many widths (tileHeights).
	line bool
}

// extra is how much more the app's theme pads the text than the projector.
func (t *ptext) extra() float32 {
	return theme.SizeForWidget(theme.SizeNameInnerPadding, t) - t.th.size(sizeInnerPadding)
}

func (t *ptext) MinSize() fyne.Size {
	e, m := t.extra(), t.RichText.MinSize()
	if t.line && t.Truncation == fyne.TextTruncateOff {
		m.Width = ellipsisMinWidth(t.Theme())
	}
	return fyne.NewSize(fyne.Max(m.Width-2*e, 0), fyne.Max(m.Height-2*e, 0))
}

// ellipsisMinWidth is the least width Fyne gives a RichText that ends in
// "…" (its textRenderer's MinSize): an "M" and the ellipsis at the theme's
// text size, whatever the text's own size. A line reports it also while it
// shows its whole text, so that its box does not depend on its mode.
func ellipsisMinWidth(th fyne.Theme) float32 {
	size := th.Size(theme.SizeNameText)
	return fyne.MeasureText("M", size, fyne.TextStyle{}).Width + fyne.MeasureText("…", size, fyne.TextStyle{}).Width
}

// fits reports whether the whole text of a line fits the width w of its
// RichText (Fyne's own measure of a one-line text: its width and the
// inner padding on both sides).
func (t *ptext) fits(w float32) bool {
	th := t.Theme()
	sg := seg(t)
	whole := fyne.MeasureText(sg.Text, th.Size(sg.Style.SizeName), sg.Style.TextStyle).Width
	return w >= whole+2*th.Size(theme.SizeNameInnerPadding)
}

// setMode sets a line's truncation for the width w of its RichText and
// reports whether it changed.
func (t *ptext) setMode(w float32) bool {
	want := fyne.TextTruncateEllipsis
	if w > 0 && t.fits(w) {
		want = fyne.TextTruncateOff
	}
	if t.Truncation == want {
		return false
	}
	t.Truncation = want
	return true
}

func (t *ptext) Move(p fyne.Position) {
	e := t.extra()
	t.RichText.Move(p.SubtractXY(e, e))
}

func (t *ptext) Resize(s fyne.Size) {
	e := t.extra()
	s = s.AddWidthHeight(2*e, 2*e)
	if t.line && t.setMode(s.Width) {
		t.RichText.BaseWidget.Resize(s)
		t.RichText.Refresh() // its lines again, in the new mode
		return
	}
	if cur := t.Size(); cur.Width > 0 && s.Width == cur.Width &&
		(t.Truncation == fyne.TextTruncateOff || t.Wrapping == fyne.TextWrapOff) {
		// Only the height changes, which moves no line of a text that
		// either wraps without a truncation or is one line: lay it out
		// without wrapping it again (RichText's own Resize refreshes it,
		// that is wraps and shapes every line, at any change of its size;
		// the grids size each tile twice, to measure it and to place it).
		t.RichText.BaseWidget.Resize(s)
		return
	}
	t.RichText.Resize(s)
}

// Refresh shows the text as it is now: a line whose text or size changed
// may now fit its box, or no longer.
func (t *ptext) Refresh() {
	if t.line {
		t.setMode(t.Size().Width)
	}
	t.RichText.Refresh()
}

// maxRunes is the longest text the projector shows whole. Longer texts are
// cut: nobody reads 700 characters off a wall, and laying out 100 kB on
// every keystroke would stall the facilitator's window.
const maxRunes = 700

func clip(s string) string {
	if len(s) <= maxRunes { // bytes ≥ runes: most texts end here
		return s
	}
	if r := []rune(s); len(r) > maxRunes {
		return strings.TrimSpace(string(r[:maxRunes])) + "…"
	}
	return s
}

// line is a one-line text that ends in an ellipsis when it does not fit.
func (st *state) line(s string, size fyne.ThemeSizeName, bold bool) *ptext {
	return st.richText(clip(strings.TrimSpace(s)), size, bold, fyne.TextWrapOff, fyne.TextTruncateEllipsis)
}

// fixed is a one-line text that keeps its whole width (numbers, page counts).
func (st *state) fixed(s string, size fyne.ThemeSizeName, bold bool) *ptext {
	return st.richText(clip(strings.TrimSpace(s)), size, bold, fyne.TextWrapOff, fyne.TextTruncateOff)
}

func seg(rt *ptext) *widget.TextSegment { return rt.Segments[0].(*widget.TextSegment) }

// muted is secondary text (still at least 7:1 on the projector).
func muted(rt *ptext) *ptext { return colored(rt, inkMuted) }

func colored(rt *ptext, c fyne.ThemeColorName) *ptext {
	seg(rt).Style.ColorName = c
	return rt
}

func centered(rt *ptext) *ptext {
	seg(rt).Style.Alignment = fyne.TextAlignCenter
	return rt
}

// tile is a card: a tinted box with an accent edge in the colour of its kind,
// an optional tag line (short, bold) and the card's text in body size.
func tile(st *state, accent color.Color, tag *ptext, body string, more ...fyne.CanvasObject) fyne.CanvasObject {
	bg := st.rect(colTile, colTileEdge, 2, st.size(sizeRadius), fyne.Size{})
	edge := st.rect(accent, color.Transparent, 0, 0, fyne.NewSize(st.size(sizePadding), 1))
	var parts []fyne.CanvasObject
	if tag != nil {
		parts = append(parts, tag)
	}
	var bodyText *ptext
	var clampOf *clamped
	var content fyne.CanvasObject
	if body != "" {
		size := sizeBody
		if st.dense {
			size = sizeText
		}
		bodyText = st.text(body, size, false)
		// The body takes the height left under the tag and above what
		// follows it, and ends at a whole line when that is too little.
		var top, bottom fyne.CanvasObject
		if len(parts) > 0 {
			top = container.NewVBox(parts...)
		}
		if len(more) > 0 {
			bottom = container.NewVBox(more...)
		}
		cl := st.clampText(bodyText, clip(strings.TrimSpace(body)))
		content = container.NewBorder(top, bottom, nil, nil, cl)
		clampOf = cl.Layout.(*clamped)
	} else {
		content = container.NewVBox(append(parts, more...)...)
	}
	inner := container.New(layout.NewCustomPaddedLayout(0, 0, st.size(sizePadding)/2, 0), content)
	t := container.NewStack(bg, container.NewBorder(nil, nil, edge, nil, inner))
	if clampOf != nil {
		if st.clamps == nil {
			st.clamps = map[fyne.CanvasObject]*clamped{}
		}
		st.clamps[t] = clampOf
	}
	if bodyText != nil && !st.dense {
		if st.bodies == nil {
			st.bodies = map[fyne.CanvasObject]*ptext{}
		}
		st.bodies[t] = bodyText
	}
	return t
}

// tag is the short bold line at the top of a tile.
func (st *state) tag(s string, c fyne.ThemeColorName) *ptext {
	return colored(st.line(s, sizeText, true), c)
}

// grid is a reflowing grid of tiles (see flowGrid).
func grid(st *state, maxCols int, tiles []fyne.CanvasObject) fyne.CanvasObject {
	return newGrid(st, maxCols, tiles, 0)
}

// cappedGrid is a grid that, when its tiles do not all fit, shortens the
// longest tiles (their texts end at a whole line with "…", keeping at
// least keepLines of them) so that every tile shows, or as many as can:
// for a list whose every item the room must see, such as the actions at a
// check-in, where a status matters more than a text's last lines.
func cappedGrid(st *state, maxCols int, tiles []fyne.CanvasObject) fyne.CanvasObject {
	return newGrid(st, maxCols, tiles, keepLines)
}

// keepLines is the fewest lines of its text a shortened tile keeps: its
// status, owner and date say the most, and a line names the item.
const keepLines = 1

func newGrid(st *state, maxCols int, tiles []fyne.CanvasObject, keep int) fyne.CanvasObject {
	if len(tiles) == 0 {
		return muted(st.text(st.t("projector.empty"), sizeBody, false))
	}
	more := muted(st.line("", sizeText, true))
	g := &flowGrid{
		minColW: func() float32 { return st.size(sizeText) * 14 },
		maxCols: maxCols,
		gap:     func() float32 { return st.size(sizePadding) * 2 },
		more:    more,
		lang:    st.lang,
		keep:    keep,
	}
	for _, t := range tiles {
		if keep > 0 {
			g.clamps = append(g.clamps, st.clamps[t])
		}
		if b := st.bodies[t]; b != nil {
			g.shrink = append(g.shrink, b)
		}
	}
	return container.New(g, append(tiles, more)...)
}

// columns puts headed columns side by side, e.g. jobs, pains and gains. The
// heads share one row, so that the columns' cards start at the same height
// however the heads wrap; asks, when given, are the questions under the heads.
func columns(st *state, heads []string, accents []color.Color, bodies []fyne.CanvasObject, asks ...string) fyne.CanvasObject {
	hs := make([]fyne.CanvasObject, len(bodies))
	for i := range bodies {
		bar := st.rect(accents[i], color.Transparent, 0, 0, fyne.NewSize(4, 6))
		parts := []fyne.CanvasObject{st.text(heads[i], sizeSubHeading, true)}
		if i < len(asks) {
			parts = append(parts, st.text(asks[i], sizeText, false))
		}
		hs[i] = container.NewBorder(nil, bar, nil, nil, container.NewVBox(parts...))
	}
	gap := st.size(sizePadding)
	// The heads' grid and the bodies' side by side share their widths: both
	// split the width evenly with the theme's padding between.
	return container.NewBorder(container.NewGridWithColumns(len(hs), hs...), nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(gap, 0, 0, 0), container.New(&sideBySide{gap: gap}, bodies...)))
}

// section is a headed part of a page. Its title wraps rather than end in
// "…": titles carry counts ("6 votes") the room reads.
func (st *state) section(title string, body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(st.text(title, sizeSubHeading, true), nil, nil, nil, body)
}

// split puts left and right side by side, left taking the share of the width.
func split(st *state, left, right fyne.CanvasObject, share float32) fyne.CanvasObject {
	return container.New(&ratio{share: share, gap: st.size(sizePadding) * 4}, left, right)
}

// ratio lays two objects out side by side at a fixed share of the width.
type ratio struct{ share, gap float32 }

func (r *ratio) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := (size.Width - r.gap) * r.share
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(lw, size.Height))
	objs[1].Move(fyne.NewPos(lw+r.gap, 0))
	objs[1].Resize(fyne.NewSize(size.Width-lw-r.gap, size.Height))
}

func (r *ratio) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+r.gap, fyne.Max(a.Height, b.Height))
}

// date formats YYYY-MM-DD the way the language writes dates.
func date(d, lang string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2.1.2006")
}

// fitBars is a bar chart that takes the height it is given, instead of
// pushing the page past the screen: its rows come closer together when they
// do not fit (the ladder's five rungs, the fist's six fingers: each one
// matters), and only those that still do not fit are counted.
func (st *state) fitBars(name, lang string, data []charts.Bar) *charts.Bars {
	b := st.bars(name, data)
	b.Fit, b.Squeeze, b.Lang = true, true, lang
	return b
}

// clamped is a wrapping text that, given less height than it needs, ends
// at the last whole line that fits with "…": a tile given the room that is
// left shows whole lines, never a line cut through by the edge of the page.
type clamped struct {
	rt    *ptext
	full  string
	fullH float32 // the whole text's height at the last width laid out
	w     float32
	// cuts are the texts it ended with at the sizes it was laid out at:
	// the grids lay a tile out at a few sizes, again at each rebuild of
	// the page (a clamp is handed out again by the memo while its text
	// stays), and finding where to cut takes a wrap of the text a word
	// count's logarithm of times.
	cuts map[clampKey]clampCut
}

// clampKey is a size a clamp was laid out at, with its text's size then
// (a grid may set the cards' texts smaller, a projector's window resized
// scales its theme).
type clampKey struct {
	size     fyne.Size
	textSize float32
}

type clampCut struct {
	text  string
	fullH float32
}

// maxCuts bounds the sizes a clamp remembers, for a window resized many
// times over.
const maxCuts = 16

// clampText wraps rt (a text from text()) so that it gives up lines at the
// end when it must.
func (st *state) clampText(rt *ptext, full string) *fyne.Container {
	if o, ok := st.memo.take("clamp|" + full).(*fyne.Container); ok {
		if c, ok := o.Layout.(*clamped); ok && len(o.Objects) == 1 && o.Objects[0] == rt {
			c.restore()
			return o
		}
	}
	c := &clamped{rt: rt, full: full}
	c.restore()
	o := container.New(c, rt)
	st.memo.keep("clamp|"+full, o)
	return o
}

func (c *clamped) restore() {
	if s := seg(c.rt); s.Text != c.full {
		s.Text = c.full
		c.rt.Refresh()
	}
}

// heightAt is the text's height at width w with its current words.
func (c *clamped) heightAt(w float32) float32 {
	c.rt.Resize(fyne.NewSize(w, c.rt.MinSize().Height))
	return c.rt.MinSize().Height
}

func (c *clamped) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	key := clampKey{size, c.rt.Theme().Size(seg(c.rt).Style.SizeName)}
	if cut, ok := c.cuts[key]; ok {
		c.w, c.fullH = size.Width, cut.fullH
		if s := seg(c.rt); s.Text != cut.text {
			s.Text = cut.text
			c.rt.Refresh()
		}
		c.place(size)
		return
	}
	c.restore()
	c.w = size.Width
	c.fullH = c.heightAt(size.Width)
	if c.fullH > size.Height+0.5 {
		ends := wordEnds(c.full)
		// The most words that fit with the ellipsis, cut where a word ends
		// so that the text keeps its own line breaks; at least one line's
		// worth is not promised: with no room for a line the text is empty.
		lo, hi := 0, len(ends)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			seg(c.rt).Text = c.full[:ends[mid-1]] + "…"
			c.rt.Refresh()
			if c.heightAt(size.Width) <= size.Height+0.5 {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		if lo == 0 {
			seg(c.rt).Text = ""
		} else {
			seg(c.rt).Text = c.full[:ends[lo-1]] + "…"
		}
		c.rt.Refresh()
	}
	if c.cuts == nil || len(c.cuts) >= maxCuts {
		c.cuts = map[clampKey]clampCut{}
	}
	c.cuts[key] = clampCut{seg(c.rt).Text, c.fullH}
	c.place(size)
}

func (c *clamped) place(size fyne.Size) {
	c.rt.Move(fyne.NewPos(0, 0))
	c.rt.Resize(fyne.NewSize(size.Width, fyne.Min(size.Height, c.rt.MinSize().Height)))
}

// wordEnds are the byte offsets in s where its words end.
func wordEnds(s string) []int {
	var out []int
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if in {
				out = append(out, i)
			}
			in = false
		} else {
			in = true
		}
	}
	if in {
		out = append(out, len(s))
	}
	return out
}

// linesHeight is the height of n lines of the text at its size.
func (c *clamped) linesHeight(n int, w float32) float32 {
	s := seg(c.rt)
	was := s.Text
	s.Text = strings.TrimSuffix(strings.Repeat("X\n", n), "\n")
	c.rt.Refresh()
	h := c.heightAt(w)
	s.Text = was
	c.rt.Refresh()
	return h
}

// MinSize is the whole text's height at the width last laid out: what the
// tile would need to show every line.
func (c *clamped) MinSize(_ []fyne.CanvasObject) fyne.Size {
	if c.w == 0 {
		return c.rt.MinSize()
	}
	return fyne.NewSize(c.rt.MinSize().Width, c.fullH)
}
