package charts

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/workshop"
)

// bigTheme is a projector-like override: the default theme with 32 px text.
type bigTheme struct{ fyne.Theme }

func (b bigTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 32
	}
	return b.Theme.Size(n)
}

func textsOf(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && t.Visible() {
			out = append(out, t)
		}
	}
	return out
}

func rects(o fyne.CanvasObject) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, x := range test.LaidOutObjects(o) {
		if r, ok := x.(*canvas.Rectangle); ok {
			out = append(out, r)
		}
	}
	return out
}

// render writes the window's image to $RENDER_DIR (when set) for a person to look at.
func render(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("RENDER_DIR")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func session() *workshop.Session {
	s := workshop.NewSession("fi")
	for i, p := range []string{"P1", "P2", "P3", "P4", "P5", "P6"} {
		s.Participants = append(s.Participants, workshop.Participant{ID: p, Name: "Nimi " + p})
		s.Ladder = append(s.Ladder, workshop.LadderVote{ParticipantID: p, Level: []int{1, 2, 2, 3, 2, 1}[i]})
	}
	s.Drafts = []workshop.Draft{
		{ID: "D1", Text: "Tiedät aina, missä lähetyksesi menee – ja kuulet poikkeamasta meiltä ensin.", Shortlisted: true},
		{ID: "D2", Text: "Suomen luotettavinta logistiikkaa."},
		{ID: "D3", Text: "Yksi nimetty yhteyshenkilö, joka tuntee sinun toimituksesi ja vastaa samana päivänä.", Shortlisted: true},
	}
	s.DotVotes = []workshop.DotVote{{ParticipantID: "P1", DraftID: "D1", Dots: 2}, {ParticipantID: "P1", DraftID: "D3", Dots: 1}, {ParticipantID: "P2", DraftID: "D3", Dots: 3}, {ParticipantID: "P3", DraftID: "D1", Dots: 3}, {ParticipantID: "P4", DraftID: "D2", Dots: 1}}
	s.Ratings = []workshop.Rating{
		{ParticipantID: "P1", DraftID: "D1", Scores: [8]int{5, 5, 4, 4, 3, 5, 4, 5}},
		{ParticipantID: "P2", DraftID: "D1", Scores: [8]int{4, 5, 5, 4, 3, 4, 4, 5}},
		{ParticipantID: "P1", DraftID: "D3", Scores: [8]int{5, 4, 3, 4, 2, 4, 3, 4}},
	}
	s.Consent = []workshop.Consent{{ParticipantID: "P1", Fingers: 5, Concern: ""}, {ParticipantID: "P2", Fingers: 4, Concern: ""}, {ParticipantID: "P3", Fingers: 4, Concern: ""}, {ParticipantID: "P4", Fingers: 3, Concern: ""}, {ParticipantID: "P5", Fingers: 2, Concern: "liian pitkä"}}
	return s
}

// The bar lengths follow the values, the texts are drawn at the theme's
// size, and a theme override makes the same chart larger.
func TestBarsFollowValuesAndTheme(t *testing.T) {
	test.NewTempApp(t)
	bars := NewBars([]Bar{
		{Label: "Yksi", Value: 1, Max: 4, ValueText: "1"},
		{Label: "Neljä", Value: 4, Max: 4, ValueText: "4"},
	})
	w := test.NewTempWindow(t, container.NewThemeOverride(bars, bigTheme{theme.DefaultTheme()}))
	w.Resize(fyne.NewSize(800, 400))

	var labels []string
	for _, tx := range textsOf(bars) {
		labels = append(labels, tx.Text)
		if tx.TextSize != 32 {
			t.Errorf("text %q is %v px, want the override's 32", tx.Text, tx.TextSize)
		}
	}
	if got := strings.Join(labels, "|"); got != "Yksi|1|Neljä|4" {
		t.Fatalf("texts %q", got)
	}
	primary := theme.DefaultTheme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	var fills []float32
	for _, r := range rects(bars) {
		if r.FillColor == primary {
			fills = append(fills, r.Size().Width)
		}
	}
	if len(fills) != 2 || fills[0] <= 0 || fills[1] < 3.9*fills[0] || fills[1] > 4.1*fills[0] {
		t.Fatalf("bar widths %v, want 1:4", fills)
	}

	bars.SetBars([]Bar{{Label: "Vain yksi", Value: 2, ValueText: "2"}})
	if n := len(textsOf(bars)); n != 2 {
		t.Fatalf("after SetBars %d texts, want 2", n)
	}
}

// The reference marker sits at the reference value and its text is shown.
func TestBarsReference(t *testing.T) {
	test.NewTempApp(t)
	s := session()
	bars := NewBars(LadderBars(s, "fi"))
	w := test.NewTempWindow(t, bars)
	w.Resize(fyne.NewSize(900, 600))
	all := ""
	for _, tx := range textsOf(bars) {
		all += tx.Text + "\n"
	}
	for _, want := range []string{"Suomi 2021: 27 %", "3 (50 %)", "2 (33 %)", "0 (0 %)", "1 · Organisaatiolla ei ole selvää asiakaslupausta"} {
		if !strings.Contains(all, want) {
			t.Errorf("ladder chart lacks %q:\n%s", want, all)
		}
	}
	// Step 1's legend tells the reference by where it is: the last figure
	// of its bar's row, after the count, in the row's colour and regular.
	var value, ref *canvas.Text
	for _, tx := range textsOf(bars) {
		if tx.Text == "Suomi 2021: 15 %" {
			ref = tx
		}
	}
	if ref == nil {
		t.Fatal("the first rung's reference is not drawn")
	}
	for _, tx := range textsOf(bars) {
		if tx != ref && tx.TextStyle.Bold && tx.Position().Y == ref.Position().Y {
			value = tx // the row's count
		}
	}
	if value == nil {
		t.Fatal("the first rung's count is not on the reference's line")
	}
	if ref.Position().X <= value.Position().X+value.MinSize().Width || ref.Position().Y != value.Position().Y || ref.TextStyle.Bold {
		t.Errorf("the reference %q at %v is not the regular figure after the count %q at %v", ref.Text, ref.Position(), value.Text, value.Position())
	}
	render(t, w, "charts-ladder.png")
}

func TestLadderBarsEnglish(t *testing.T) {
	b := LadderBars(session(), "en")
	if b[0].ReferenceText != "Finland 2021: 15 %" || b[1].Value != 50 || b[4].Label != "5 · Most employees live the promise" {
		t.Fatalf("%+v", b)
	}
}

func TestDotAndFistBars(t *testing.T) {
	s := session()
	d := DotBars(s, "fi")
	if len(d) != 3 || d[0].ValueText != "5" || !strings.HasPrefix(d[0].Label, "L1 · Tiedät") || d[1].ValueText != "4" || d[2].Value != 1 {
		t.Fatalf("dots %+v", d)
	}
	f := FistBars(s, "fi")
	if f[0].Label != "5 sormea" || f[0].Value != 1 || f[1].Value != 2 || f[3].Value != 1 || f[4].Label != "1 sormi" {
		t.Fatalf("fist %+v", f)
	}
	c := CriteriaBars(s, "D1", "fi")
	if c[0].ValueText != "4,5" || c[0].Label != "C1 Ymmärrettävä" || c[0].Max != 5 {
		t.Fatalf("criteria %+v", c[0])
	}
}

// Long labels wrap to two lines and end with an ellipsis, never wider than the chart.
func TestLongLabelsWrap(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("Tiedät aina, missä tavarasi menee ja kuka siitä vastaa. ", 6)
	bars := NewBars([]Bar{{Label: long, Value: 1, ValueText: "1"}})
	w := test.NewTempWindow(t, bars)
	w.Resize(fyne.NewSize(500, 300))
	tx := textsOf(bars)
	if len(tx) != 3 {
		t.Fatalf("%d texts, want two label lines and the value", len(tx))
	}
	if !strings.HasSuffix(tx[1].Text, "…") {
		t.Fatalf("second line %q has no ellipsis", tx[1].Text)
	}
	for _, x := range tx[:2] {
		if wd := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle).Width; wd > bars.Size().Width+0.5 {
			t.Fatalf("line %q is %v px, chart %v", x.Text, wd, bars.Size().Width)
		}
	}
}

// The grouped chart draws one bar per series in every group, with a legend.
func TestGroupedCriteria(t *testing.T) {
	test.NewTempApp(t)
	s := session()
	series, groups := CriteriaGroups(s, "fi")
	if len(series) != 2 || !strings.HasPrefix(series[0], "L1: ") || !strings.HasPrefix(series[1], "L3: ") {
		t.Fatalf("series %q", series)
	}
	g := NewGrouped(series, groups, 5)
	w := test.NewTempWindow(t, container.NewThemeOverride(g, bigTheme{theme.DefaultTheme()}))
	w.Resize(fyne.NewSize(1600, 700))
	all := ""
	for _, tx := range textsOf(g) {
		all += tx.Text + "\n"
	}
	for _, want := range []string{"C1", "C8", "4,5", "L1: Tiedät", "\n5\n", "\n1\n"} {
		if !strings.Contains(all, want) {
			t.Errorf("grouped chart lacks %q:\n%s", want, all)
		}
	}
	var s0, s1 int
	for _, r := range rects(g) {
		switch r.FillColor {
		case seriesColor(lookFor(g), 0):
			s0++
		case seriesColor(lookFor(g), 1):
			s1++
		}
	}
	if s0 != 9 || s1 < 9 { // 8 bars and the legend's swatch; the axis shares series 1's colour
		t.Fatalf("series bars %d and %d, want 9 each", s0, s1)
	}
	render(t, w, "charts-criteria.png")

}

// A fitted chart shows the bars that fit its height and counts the rest.
func TestBarsFit(t *testing.T) {
	test.NewTempApp(t)
	var many []Bar
	for i := 0; i < 20; i++ {
		many = append(many, Bar{Label: "L", Value: float64(i), ValueText: "v"})
	}
	b := NewBars(many)
	b.Fit = true
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(600, 300))
	if h := b.MinSize().Height; h >= 300 {
		t.Fatalf("fitted chart asks for %v px", h)
	}
	shown, more := 0, ""
	for _, tx := range textsOf(b) {
		if tx.Text == "v" {
			shown++
		}
		if strings.HasPrefix(tx.Text, "+") {
			more = tx.Text
		}
		if tx.Position().Y+tx.Size().Height > b.Size().Height+0.5 {
			t.Fatalf("%q at %v is below the chart's %v px", tx.Text, tx.Position().Y, b.Size().Height)
		}
	}
	if shown == 0 || shown >= 20 || more != "+"+strconv.Itoa(20-shown)+" muuta" {
		t.Fatalf("%d bars shown, more line %q", shown, more)
	}
}

// A squeezed chart of a few fixed rows, given less height than its rows
// take at their spacing, brings them closer together and shows every one,
// the text at its size, inside its box; without Squeeze the same chart
// leaves rows out; and in a height too low even for its least spacing it
// counts the rest, as a fitted chart does. The six fingers of the fist,
// labels beside their bars, and the ladder's five rungs, labels above.
func TestSqueezedBarsShowEveryRowBeforeCountingAny(t *testing.T) {
	test.NewTempApp(t)
	s := session()
	for _, c := range []struct {
		name string
		bars []Bar
	}{{"fist", FistBars(s, "fi")}, {"ladder", LadderBars(s, "fi")}} {
		b := NewBars(c.bars)
		b.Fit, b.Lang = true, "fi"
		w := test.NewTempWindow(t, b)
		w.Resize(fyne.NewSize(900, 2000))
		natural := float32(0)
		for _, tx := range textsOf(b) {
			natural = fyne.Max(natural, tx.Position().Y+tx.Size().Height)
		}
		labels := func() (shown int, more string) {
			for _, tx := range textsOf(b) {
				for _, bar := range c.bars {
					if tx.Text == bar.Label {
						shown++
					}
				}
				if strings.HasPrefix(tx.Text, "+") {
					more = tx.Text
				}
				if tx.Position().Y+tx.Size().Height > b.Size().Height+0.5 || tx.Position().Y < -tx.Size().Height/2 {
					t.Errorf("%s: %q at %.0f–%.0f is outside the chart's %.0f px", c.name, tx.Text, tx.Position().Y, tx.Position().Y+tx.Size().Height, b.Size().Height)
				}
				if tx.TextSize != theme.TextSize() {
					t.Errorf("%s: %q is %.1f px, not the theme's %.1f", c.name, tx.Text, tx.TextSize, theme.TextSize())
				}
			}
			return
		}
		low := fyne.NewSize(900, natural*0.85) // less than it takes at its spacing
		w.Resize(low)
		b.Resize(low)
		if n, more := labels(); n == len(c.bars) || more == "" {
			t.Fatalf("%s: fitted without Squeeze in %.0f of %.0f px, %d of %d rows and %q: the test's height is not too low", c.name, low.Height, natural, n, len(c.bars), more)
		}
		b.Squeeze = true
		b.Refresh()
		if n, more := labels(); n != len(c.bars) || more != "" {
			t.Errorf("%s: squeezed into %.0f of %.0f px, %d of %d rows shown and %q", c.name, low.Height, natural, n, len(c.bars), more)
		}
		render(t, w, "charts-squeezed-"+c.name+".png")
		tiny := fyne.NewSize(900, natural*0.4)
		w.Resize(tiny)
		b.Resize(tiny)
		if n, more := labels(); n == len(c.bars) || more != "+"+strconv.Itoa(len(c.bars)-n)+" muuta" {
			t.Errorf("%s: in %.0f of %.0f px, %d of %d rows shown and %q", c.name, tiny.Height, natural, n, len(c.bars), more)
		}
	}
}

// The grouped chart given less height than it asks for keeps its legend
// and its groups' labels (C1…C8) inside its box, the plot lower, instead of
// pushing them out where a view that cannot scroll cuts them off.
func TestGroupedFitsALowBox(t *testing.T) {
	test.NewTempApp(t)
	series, groups := CriteriaGroups(session(), "fi")
	g := NewGrouped(series, groups, 5)
	w := test.NewTempWindow(t, container.NewWithoutLayout(g))
	w.Resize(fyne.NewSize(1600, 700))
	min := g.MinSize().Height
	low := fyne.NewSize(1200, min*0.7)
	g.Resize(low)
	var bottom float32
	seen := map[string]bool{}
	for _, o := range test.WidgetRenderer(g).Objects() { // as drawn: textsOf would lay it out at its minimum
		tx, ok := o.(*canvas.Text)
		if !ok || !tx.Visible() {
			continue
		}
		seen[tx.Text] = true
		if strings.HasPrefix(tx.Text, "L1") {
			seen["L1"] = true // the legend's first series, its name cut to the width
		}
		bottom = fyne.Max(bottom, tx.Position().Y+tx.Size().Height)
	}
	for _, want := range []string{"C1", "C8", "L1"} {
		for text := range seen {
			if strings.HasPrefix(text, want) {
				seen[want] = true // the group's label is "C1 Ymmärrettävä" on one line
			}
		}
		if !seen[want] {
			t.Errorf("the low chart lacks %q", want)
		}
	}
	if bottom > low.Height+0.5 {
		t.Errorf("the chart's texts reach %.0f px, below its %.0f px box (it asks for %.0f)", bottom, low.Height, min)
	}
}

// The chart takes its colours from the theme it is shown in, light or dark.
func TestChartColoursFollowTheTheme(t *testing.T) {
	test.NewTempApp(t)
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		th := variantTheme{theme.DefaultTheme(), v}
		b := NewBars([]Bar{{Label: "Yksi", Value: 1, Max: 2, ValueText: "1"}})
		w := test.NewTempWindow(t, container.NewThemeOverride(b, th))
		w.Resize(fyne.NewSize(400, 200))
		fg := th.Color(theme.ColorNameForeground, v)
		for _, tx := range textsOf(b) {
			if tx.Color != fg {
				t.Errorf("%s: %q in %v, want the theme's foreground %v", name, tx.Text, tx.Color, fg)
			}
		}
		fill := false
		for _, r := range rects(b) {
			fill = fill || r.FillColor == th.Color(theme.ColorNamePrimary, v)
		}
		if !fill {
			t.Errorf("%s: no bar in the theme's primary colour", name)
		}
	}
}

// variantTheme is the default theme held to one variant, whatever the app's.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// The window shows a mean of 4,25 as 4,3 and 4,75 as 4,8 (halves away
// from zero, as the PDF does), in Finnish with a comma and in English with
// a point.
func TestCriteriaBarsRoundHalvesAwayFromZero(t *testing.T) {
	s := workshop.NewSession("fi")
	s.Drafts = []workshop.Draft{{ID: "d1", Text: "Lupaus"}}
	scores := [][8]int{{5, 5}, {4, 5}, {4, 5}, {4, 4}} // C1: 17/4 = 4.25, C2: 19/4 = 4.75
	for i, sc := range scores {
		s.Participants = append(s.Participants, workshop.Participant{ID: strconv.Itoa(i), Name: "P" + strconv.Itoa(i)})
		s.Ratings = append(s.Ratings, workshop.Rating{ParticipantID: strconv.Itoa(i), DraftID: "d1", Scores: sc})
	}
	for lang, want := range map[string][2]string{"fi": {"4,3", "4,8"}, "en": {"4.3", "4.8"}} {
		bars := CriteriaBars(s, "d1", lang)
		if bars[0].ValueText != want[0] || bars[1].ValueText != want[1] {
			t.Errorf("%s: C1 %q, C2 %q; want %q, %q", lang, bars[0].ValueText, bars[1].ValueText, want[0], want[1])
		}
	}
}
