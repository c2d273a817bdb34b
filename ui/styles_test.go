package ui

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// textStyles gathers the text styles the windows draw with, and where each
// is drawn; under boxes, the texts that draw a missing-glyph box.
type textStyles map[fyne.TextStyle][]string

// boxes is no style Fyne draws (TabWidth -1): the key of the texts with a
// box.
var boxes = fyne.TextStyle{TabWidth: -1}

// arrowThenSpace is an arrow that Noto Sans lacks and a space after it: Fyne
// draws the arrow from its symbol font and keeps the space in that font,
// which has none, so a box shows after the arrow (ui/rebalance.go arrowText).
var arrowThenSpace = regexp.MustCompile(`[←↑→↓]\s`)

// add records the styles of everything under o: the TextStyle of any object
// that has one (canvas.Text, Label, Entry and the entries that embed one,
// Hyperlink…), RichText's segments, and TextGrid (always monospace); every
// tab of AppTabs.
func (ts textStyles) add(where string, o fyne.CanvasObject) {
	note := func(s fyne.TextStyle, what string) {
		ts[s] = append(ts[s], where+": "+what)
	}
	var segments func([]widget.RichTextSegment)
	segments = func(segs []widget.RichTextSegment) {
		for _, seg := range segs {
			switch s := seg.(type) {
			case *widget.TextSegment:
				note(s.Style.TextStyle, fmt.Sprintf("a RichText segment %q", short(s.Text)))
			case *widget.ListSegment:
				segments(s.Items)
			case *widget.ParagraphSegment:
				segments(s.Texts)
			}
		}
	}
	uitest.Walk(o, func(x fyne.CanvasObject) {
		v := reflect.ValueOf(x)
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("TextStyle"); f.IsValid() && f.Type() == reflect.TypeOf(fyne.TextStyle{}) {
				text := ""
				if t := v.Elem().FieldByName("Text"); t.IsValid() && t.Kind() == reflect.String {
					text = t.String()
				}
				note(f.Interface().(fyne.TextStyle), fmt.Sprintf("a %T %q", x, short(text)))
			}
		}
		switch w := x.(type) {
		case *canvas.Text:
			if !w.TextStyle.Monospace && arrowThenSpace.MatchString(w.Text) {
				ts[boxes] = append(ts[boxes], fmt.Sprintf("%s: %q", where, short(w.Text)))
			}
		case *widget.RichText:
			segments(w.Segments)
		case *widget.TextGrid:
			note(fyne.TextStyle{Monospace: true}, "a TextGrid")
		case *container.AppTabs: // the tabs not shown are not in its objects
			for _, it := range w.Items {
				ts.add(where+", tab "+it.Text, it.Content)
			}
		}
	})
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// addWindow records the window's content and its pop-ups and dialogs.
func (ts textStyles) addWindow(where string, w fyne.Window) {
	ts.add(where, w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		ts.add(where+" (overlay)", o)
	}
}

// Fyne parses the fonts (Noto Sans, the emoji and symbol fonts: about 6 MB)
// once for every text style it draws and keeps them (issue 14), so every
// screen draws in two styles only: regular and bold. This walks every page
// of the large session with the projector, the sessions list, F1, the about
// box and its licences, the offer to fit the agenda, the check-in's pages and
// the room's and cards' windows.
func TestOnlyRegularAndBoldText(t *testing.T) {
	seen := textStyles{}
	u, st, _ := newTestUI(t)

	// The sessions list, the about box and its licences.
	large := createSession(t, st, fixture.Large())
	nordrahti := createSession(t, st, fixture.Nordrahti())
	u.showHome(true)
	u.home.reload()
	u.home.selectID(large)
	seen.addWindow("the sessions list", u.win)
	u.showAbout()
	seen.addWindow("the about box", u.win)
	test.Tap(findButton(topOverlay(u), u.tr.T("about.licences")))
	seen.addWindow("the licences", u.win)
	u.win.Canvas().Overlays().Remove(topOverlay(u))

	// Every page of the large session, the projector showing it.
	if err := u.open(large); err != nil {
		t.Fatal(err)
	}
	proj := test.NewTempWindow(t, u.ws.proj.Content())
	proj.Resize(fyne.NewSize(1920, 1080))
	pages := u.ws.pages()
	for _, key := range pages {
		u.ws.goTo(key)
		uitest.Relayout(u.win.Content())
		seen.addWindow("page "+key, u.win)
		seen.add("the projector on "+key, u.ws.proj.Content())
	}
	if len(pages) < 12 {
		t.Fatalf("the large session has only %d pages: %v", len(pages), pages)
	}
	u.toggleHelp()
	seen.addWindow("F1", u.win)
	u.help.hide()

	// The room's window and the cards' window.
	if err := u.ws.phones.start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	u.ws.toggleRoom()
	if u.ws.phones.win == nil {
		t.Fatal("the room's window did not open")
	}
	seen.addWindow("the room's window", u.ws.phones.win)
	u.ws.toggleCards()
	if u.ws.cards.win == nil {
		t.Fatal("the cards' window did not open")
	}
	seen.addWindow("the cards' window", u.ws.cards.win)

	// A new session, and a step of it that ran over: the offer to fit the
	// rest of the agenda.
	fresh := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(fresh); err != nil {
		t.Fatal(err)
	}
	for _, key := range u.ws.pages() { // and the pages of a new session, empty
		u.ws.goTo(key)
		uitest.Relayout(u.win.Content())
		seen.addWindow("new session's page "+key, u.win)
	}
	runTimerOver(u)
	seen.addWindow("the timer over", u.win)
	u.ws.next()
	if u.ws.offer == nil {
		t.Fatal("no offer to fit the agenda")
	}
	seen.addWindow("the offer to fit the agenda", u.win)
	u.ws.offer.d.Hide()
	u.now = time.Now

	// A check-in of the example, with its customers' answers and quotes.
	u.showHome(false)
	newCheckinFromHome(t, u, nordrahti)
	if err := u.ws.ed.Edit(func(s *workshop.Session) error {
		for _, a := range fixture.NordrahtiCheckin().ValidationAnswers {
			if _, err := s.AddAnswer(a); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	proj = test.NewTempWindow(t, u.ws.proj.Content())
	proj.Resize(fyne.NewSize(1920, 1080))
	for _, key := range u.ws.pages() {
		u.ws.goTo(key)
		uitest.Relayout(u.win.Content())
		seen.addWindow("check-in page "+key, u.win)
		seen.add("the projector on check-in page "+key, u.ws.proj.Content())
		if key == workshop.StepCICustomers && !strings.Contains(labelTexts(u.win.Content()), "Tätä olen toivonut") {
			t.Fatalf("the customers' page does not quote them:\n%s", labelTexts(u.win.Content()))
		}
	}

	if b := seen[boxes]; len(b) > 0 {
		t.Errorf("texts drawn with a missing-glyph box after an arrow:\n%s", strings.Join(slices.Compact(b), "\n"))
	}
	var other []string
	for s, where := range seen {
		if s != (fyne.TextStyle{}) && s != (fyne.TextStyle{Bold: true}) && s != boxes {
			where = slices.Compact(where)
			other = append(other, fmt.Sprintf("%+v (%d):\n\t%s", s, len(where), strings.Join(where, "\n\t")))
		}
	}
	sort.Strings(other)
	if len(other) > 0 {
		t.Errorf("text in styles other than regular and bold:\n%s", strings.Join(other, "\n"))
	}
	if _, ok := seen[fyne.TextStyle{Bold: true}]; !ok {
		t.Error("no bold text seen: the walk found nothing")
	}
}

// The timer, the agenda's old and new minutes and the rating rows are in Noto
// Sans, not a monospace font: its digits share one width, so a counting time
// keeps its place and columns of figures line up.
func TestTimeDigitsShareOneWidth(t *testing.T) {
	u, _, _ := newTestUI(t)
	if _, ok := u.app.Settings().Theme().(*appTheme); !ok {
		t.Fatalf("the app's theme is %T", u.app.Settings().Theme())
	}
	for _, c := range []struct {
		name  string
		size  float32
		style fyne.TextStyle
	}{
		{"the timer", theme.Size(sizeTimer), fyne.TextStyle{Bold: true}},
		{"regular text", theme.Size(theme.SizeNameText), fyne.TextStyle{}},
	} {
		want := fyne.MeasureText("0", c.size, c.style).Width
		if want <= 0 {
			t.Fatalf("%s: a digit measures %.2f", c.name, want)
		}
		for d := '1'; d <= '9'; d++ {
			if w := fyne.MeasureText(string(d), c.size, c.style).Width; w != want {
				t.Errorf("%s: %c is %.2f px wide, 0 is %.2f", c.name, d, w, want)
			}
		}
		if a, b := fyne.MeasureText("10:11", c.size, c.style).Width, fyne.MeasureText("48:09", c.size, c.style).Width; a != b {
			t.Errorf("%s: 10:11 is %.2f px wide, 48:09 %.2f", c.name, a, b)
		}
	}
}
