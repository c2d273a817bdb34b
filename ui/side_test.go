package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The side panel's icons (a participant's, a warning's) sit on the middle
// of their text's first line, also when the text wraps to two lines.
func TestSideIconsSitOnTheFirstLine(t *testing.T) {
	u, st, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	p := u.ws.side
	rows := append(append([]*iconRow{}, p.rows...), p.warns...)
	if len(p.rows) < 2 || len(p.warns) == 0 {
		t.Fatalf("%d participant rows, %d warnings: the fixture has both", len(p.rows), len(p.warns))
	}
	d := fyne.CurrentApp().Driver()
	line := widget.NewLabel("Ag").MinSize().Height // one line of a label, with its padding
	wrapped := false
	for _, r := range rows {
		if r.label.MinSize().Height > line+1 {
			wrapped = true
		}
		icon := d.AbsolutePositionForObject(r.icon).Y + r.icon.Size().Height/2
		text := d.AbsolutePositionForObject(r.label).Y + line/2
		if diff := icon - text; diff < -1 || diff > 1 {
			t.Errorf("%q: the icon's middle is %.1f px from its first line's", r.label.Text, diff)
		}
	}
	if !wrapped {
		t.Error("no row wrapped: the test should see a row of two lines")
	}
}

// A warning about actions says its number in words that agree with it, as
// the app's other counts do: "1 action without an owner", "3 actions …",
// not "1 action(s)". No English text writes a plural as "(s)".
func TestAWarningsWordsAgreeWithItsCount(t *testing.T) {
	tr := i18n.New("en")
	for _, c := range []struct {
		kind string
		n    int
		want string
	}{
		{workshop.WarnActionNoOwner, 1, "1 action without an owner."},
		{workshop.WarnActionNoOwner, 3, "3 actions without an owner."},
		{workshop.WarnActionNoDue, 1, "1 action without a due date."},
		{workshop.WarnActionNoDue, 2, "2 actions without a due date."},
	} {
		if got := warningText(tr, workshop.Warning{Kind: c.kind, Count: c.n}); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.kind, c.n, got, c.want)
		}
	}
	for _, k := range i18n.Keys("en") {
		if s := i18n.TIn("en", k); strings.Contains(s, "(s)") {
			t.Errorf("%s: %q writes a plural as (s)", k, s)
		}
	}
}

// A count of one is said in the singular, in both languages, wherever the
// window or the projector counts answers, words, votes or actions.
func TestCountsOfOneAreSingular(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		args      map[string]any
		want      string
	}{
		{"fi", "checkin.customers.count", map[string]any{"N": 1}, "1 asiakkaan vastaus"},
		{"fi", "checkin.customers.count", map[string]any{"N": 4}, "4 asiakkaan vastausta"},
		{"en", "checkin.customers.count", map[string]any{"N": 1}, "1 customer's answer"},
		{"en", "checkin.customers.count", map[string]any{"N": 4}, "4 customers' answers"},
		{"fi", "checkin.customers.count_now", map[string]any{"N": 1}, "1 asiakkaan vastaus nykyisestä sanamuodosta"},
		{"en", "checkin.customers.count_now", map[string]any{"N": 1}, "1 customer's answer about the current wording"},
		{"fi", "decision.words", map[string]any{"N": 1}, "1 sana"},
		{"en", "decision.words", map[string]any{"N": 1}, "1 word"},
		{"en", "decision.words", map[string]any{"N": 9}, "9 words"},
		{"fi", "projector.fist.title", map[string]any{"N": 1, "Round": 2}, "Nyrkki viiteen, kierros 2: 1 ääni"},
		{"en", "projector.fist.title", map[string]any{"N": 1, "Round": 2}, "Fist of five, round 2: 1 vote"},
		{"en", "projector.fist.title", map[string]any{"N": 6, "Round": 1}, "Fist of five, round 1: 6 votes"},
		{"fi", "actions.summary", map[string]any{"N": 1, "NoOwner": 0, "NoDue": 0}, "1 toimenpide"},
		{"en", "actions.summary", map[string]any{"N": 1, "NoOwner": 1, "NoDue": 0}, "1 action · 1 without an owner"},
		{"en", "actions.summary", map[string]any{"N": 3, "NoOwner": 0, "NoDue": 0}, "3 actions"},
	} {
		if got := i18n.TIn(c.lang, c.key, c.args); got != c.want {
			t.Errorf("%s %s %v: %q, want %q", c.lang, c.key, c.args, got, c.want)
		}
	}
}
