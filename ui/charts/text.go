// Package charts draws the workshop's charts (bars with a reference marker,
// grouped bars with a legend) from canvas primitives, sized by the theme's
// text size and coloured by the theme: the widget's theme, or the one set in
// its Look, so that the same chart is projector-large and light or dark.
package charts

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A chart's Look field, when set, gives the chart its sizes and colours
// instead of the widget's theme: a view drawn in a look of its own without a
// theme override (which costs Fyne a parsed copy of its fonts), like the
// projector, hands its charts its theme there.
func (b *Bars) ownLook() fyne.Theme    { return b.Look }
func (g *Grouped) ownLook() fyne.Theme { return g.Look }

// look is what a chart reads from the theme at layout time. The chart's
// Look wins over the widget's own theme (set by a theme override), which
// wins over the app's.
type look struct {
	text, pad             float32
	fg, bg, primary, weak color.Color
}

func lookFor(w fyne.Widget) look {
	th := theme.CurrentForWidget(w)
	if l, ok := w.(interface{ ownLook() fyne.Theme }); ok && l.ownLook() != nil {
		th = l.ownLook()
	}
	v := fyne.CurrentApp().Settings().ThemeVariant()
	return look{
		text:    th.Size(theme.SizeNameText),
		pad:     th.Size(theme.SizeNamePadding),
		fg:      th.Color(theme.ColorNameForeground, v),
		bg:      th.Color(theme.ColorNameBackground, v),
		primary: th.Color(theme.ColorNamePrimary, v),
		weak:    th.Color(theme.ColorNameDisabled, v),
	}
}

// fade mixes c towards the background: a track or a lighter series colour
// that stays in the theme's palette.
func fade(c, bg color.Color, keep float64) color.Color {
	r1, g1, b1, _ := c.RGBA()
	r2, g2, b2, _ := bg.RGBA()
	mix := func(a, b uint32) uint8 {
		return uint8((float64(a)*keep + float64(b)*(1-keep)) / 257)
	}
	return color.NRGBA{mix(r1, r2), mix(g1, g2), mix(b1, b2), 0xff}
}

// wrap breaks text into at most maxLines lines no wider than width; the last
// line ends with an ellipsis when text is cut. Chart labels are canvas texts
// (which do not wrap) so that a theme override reaches them however often
// the chart's data changes.
func wrap(text string, size float32, style fyne.TextStyle, width float32, maxLines int) []string {
	words := strings.Fields(clip(text))
	if len(words) == 0 {
		return nil
	}
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	var lines []string
	cur := ""
	for i, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if fits(try) || cur == "" {
			cur = try
			continue
		}
		if len(lines) == maxLines-1 {
			return append(lines, ellipsize(cur+" "+strings.Join(words[i:], " "), size, style, width))
		}
		lines = append(lines, cur)
		cur = w
	}
	if maxLines > 0 && len(lines) >= maxLines {
		return lines[:maxLines]
	}
	return append(lines, ellipsize(cur, size, style, width))
}

// clip cuts a label to a length no chart line can show anyway, before any
// measuring: measuring 100 kB of text on every layout would stall the UI.
func clip(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	if r := []rune(s); len(r) > max {
		return strings.TrimSpace(string(r[:max])) + "…"
	}
	return s
}

// ellipsize cuts s to width, ending with "…" when it had to cut.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	s = clip(s)
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(strings.TrimSpace(string(r[:mid]))+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// texts keeps a pool of canvas texts so that a re-layout reuses objects.
type texts struct{ pool []*canvas.Text }

func (t *texts) get(i int) *canvas.Text {
	for len(t.pool) <= i {
		t.pool = append(t.pool, canvas.NewText("", color.Black))
	}
	return t.pool[i]
}

func (t *texts) objects(n int) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, n)
	for _, x := range t.pool[:n] {
		out = append(out, x)
	}
	return out
}
