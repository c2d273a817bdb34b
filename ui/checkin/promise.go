package checkin

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// Step 4: keep the wording or revise it, a new version with its reason.
//
// Nothing typed here is stored until the facilitator keeps the wording or
// saves a new version: a reason or a wording typed and not yet stored
// stays in its entry when the view is rebuilt, and closing asks before it
// is lost (promiseTyped).
func newPromise(env *steps.Env) steps.View {
	typed := &promiseTyped{}
	return newView(env, func(v *view, s *workshop.Session) {
		typed.settle(s)
		cur := widget.NewLabelWithStyle(orDash(s.Decision.FinalText), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		cur.Wrapping = fyne.TextWrapWord
		cur.SizeName = "subHeadingText"
		v.add(muted(env.T("checkin.promise.now")), cur)
		if s.Decision.FinalTextAlt != "" {
			v.add(muted(s.Decision.FinalTextAlt))
		}
		if c := s.Checkin; c != nil {
			switch c.PromiseChoice {
			case workshop.PromiseKept:
				v.add(wrapped(env.T("checkin.promise.kept", map[string]any{"Reason": c.PromiseReason})))
			case workshop.PromiseRevised:
				v.add(wrapped(env.T("checkin.promise.revised", map[string]any{"Reason": c.PromiseReason})))
			}
		}
		// The verdict follows the answers in place: an answer added (on
		// the customers' page, from a phone) does not rebuild the view.
		verdict := muted(VerdictText(s))
		v.bound = append(v.bound, field.Custom(verdict, func() {
			if t := VerdictText(v.ed().Snapshot()); t != verdict.Text {
				verdict.SetText(t)
				v.box.Refresh() // its lines may be more or fewer
			}
		}))
		v.add(verdict)
		reason := field.NewEntry(false)
		reason.SetPlaceHolder(env.T("checkin.promise.reason"))
		reason.SetText(typed.reason)
		reason.OnChanged = func(t string) { typed.reason = t }
		keep := button.New(env.T("checkin.promise.keep"), nil, func() {
			v.apply(func(s *workshop.Session) error { return s.KeepPromise(reason.Text) })
		})
		text := field.NewEntry(true)
		text.SetMinRowsVisible(2)
		text.SetText(s.Decision.FinalText)
		if typed.textSet {
			text.SetText(typed.text)
		}
		text.OnChanged = func(t string) { typed.text, typed.textSet = t, true }
		// The other language's wording starts empty: the one before would
		// not say the new wording (RevisePromise refuses it with a new one);
		// the hint shows it, to write from.
		alt := field.NewEntry(true) // a sentence, and its hint the wording before: both wrap
		alt.SetMinRowsVisible(2)
		alt.SetPlaceHolder(env.T("checkin.promise.alt"))
		if s.Decision.FinalTextAlt != "" {
			alt.SetPlaceHolder(env.T("checkin.promise.alt.was", map[string]any{"Text": s.Decision.FinalTextAlt}))
		}
		alt.SetText(typed.alt)
		alt.OnChanged = func(t string) { typed.alt = t }
		revise := button.Primary(env.T("checkin.promise.revise"), nil, func() {
			v.apply(func(s *workshop.Session) error {
				_, err := s.RevisePromise(text.Text, strings.TrimSpace(alt.Text), reason.Text, env.Now())
				return err
			})
		})
		// Leaving the step or closing never keeps nor revises the promise
		// on its own: what is typed and not stored is reported instead.
		v.flushes = append(v.flushes, func() {
			if typed.pending(v.ed().Snapshot()) && v.env.Room.Typing != nil {
				v.env.Room.Typing.NoteUnsaved(&field.Refused{Sentence: env.T("checkin.promise.unsaved",
					map[string]any{"Keep": keep.Text, "Revise": revise.Text})})
			}
		})
		v.add(widget.NewSeparator(), reason.Object(), container.NewHBox(keep),
			heading(env.T("checkin.promise.new")), text.Object(), alt.Object(), container.NewHBox(revise))
		versions := s.VersionsByTime()
		if len(versions) > 0 {
			v.add(widget.NewSeparator(), heading(env.T("checkin.promise.versions")))
		}
		for i := len(versions) - 1; i >= 0; i-- {
			pv := versions[i]
			line := field.FormatDate(env.Room.Tr.Language(), dateOnly(pv.At)) + " · " + pv.Text
			if pv.Note != "" {
				line += "\n" + env.T("checkin.promise.because", map[string]any{"Reason": pv.Note})
			}
			v.add(wrapped(line))
		}
	}, func(s *workshop.Session) string {
		c := ""
		if s.Checkin != nil {
			c = s.Checkin.PromiseChoice + s.Checkin.PromiseReason
		}
		return fmt.Sprintf("%s|%s|%d|%s", s.Decision.FinalText, s.Decision.FinalTextAlt, len(s.PromiseVersions), c)
	})
}

// promiseTyped is what is typed in step 4: the reason, the new wording and
// the other language's. It outlives the view's rebuilds, which show it
// again, until the session holds it (the wording kept or revised).
type promiseTyped struct {
	reason, text, alt string
	textSet           bool // the wording was typed in; else the entry shows the wording now
}

// settle forgets what the session now holds: a reason kept or revised
// with, a wording that is the promise now.
func (t *promiseTyped) settle(s *workshop.Session) {
	if !t.reasonPending(s) {
		t.reason = ""
	}
	if !t.textPending(s) {
		t.text, t.textSet = "", false
	}
	if !t.altPending(s) {
		t.alt = ""
	}
}

// pending tells whether something typed is not in the session.
func (t *promiseTyped) pending(s *workshop.Session) bool {
	return t.reasonPending(s) || t.textPending(s) || t.altPending(s)
}

func (t *promiseTyped) reasonPending(s *workshop.Session) bool {
	r := strings.TrimSpace(t.reason)
	return r != "" && (s.Checkin == nil || r != strings.TrimSpace(s.Checkin.PromiseReason))
}

func (t *promiseTyped) textPending(s *workshop.Session) bool {
	return t.textSet && strings.TrimSpace(t.text) != strings.TrimSpace(s.Decision.FinalText)
}

func (t *promiseTyped) altPending(s *workshop.Session) bool {
	a := strings.TrimSpace(t.alt)
	return a != "" && a != strings.TrimSpace(s.Decision.FinalTextAlt)
}

func dateOnly(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

// Step 5: each participant's rung now, against the workshop's placements
// and the Finland 2021 figures.
func newLadder(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		lang := env.Room.Tr.Language()
		var rungs []string
		for _, r := range workshop.Ladder {
			rungs = append(rungs, fmt.Sprintf("%d %s", r.Level, r.Label.In(lang)))
		}
		if len(s.Participants) == 0 {
			v.add(muted(env.T("checkin.ladder.nobody")))
		}
		grid := container.NewGridWithColumns(2)
		for _, p := range s.Participants {
			pick := widget.NewSelect(rungs, nil)
			pick.PlaceHolder = env.T("checkin.ladder.pick")
			for _, l := range s.Ladder {
				if l.ParticipantID == p.ID && l.Level > 0 {
					pick.SetSelected(rungs[l.Level-1])
				}
			}
			id := p.ID
			pick.OnChanged = func(sel string) {
				for i, r := range rungs {
					if r == sel {
						v.apply(func(s *workshop.Session) error { _, err := s.SetLadder(id, i+1); return err })
					}
				}
			}
			grid.Add(widget.NewLabel(p.Name))
			grid.Add(pick)
		}
		v.add(grid, widget.NewSeparator(), heading(env.T("checkin.ladder.compare")))
		now := s.LadderCounts()
		var ws, prev [5]int
		if s.Checkin != nil {
			ws, prev = s.Checkin.WorkshopLadder, s.Checkin.PreviousLadder
		}
		rungRows := &firstColumnWraps{cols: 5}
		table := container.New(rungRows, widget.NewLabelWithStyle(env.T("checkin.ladder.rung"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			widget.NewLabelWithStyle(env.T("checkin.ladder.now"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
			widget.NewLabelWithStyle(env.T("checkin.ladder.previous"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
			widget.NewLabelWithStyle(env.T("checkin.ladder.workshop"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
			widget.NewLabelWithStyle(env.T("checkin.ladder.finland"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		for i, r := range workshop.Ladder {
			name := widget.NewLabel(rungs[i])
			name.Wrapping = fyne.TextWrapWord // the rung's whole name, on two lines if need be
			table.Add(name)
			table.Add(widget.NewLabelWithStyle(fmt.Sprint(now[i]), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
			table.Add(widget.NewLabelWithStyle(fmt.Sprint(prev[i]), fyne.TextAlignTrailing, fyne.TextStyle{}))
			table.Add(widget.NewLabelWithStyle(fmt.Sprint(ws[i]), fyne.TextAlignTrailing, fyne.TextStyle{}))
			table.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d %%", r.Finland2021), fyne.TextAlignTrailing, fyne.TextStyle{}))
		}
		rungRows.box = table
		v.add(table)
		mean := func(c [5]int) string {
			if m := workshop.LadderMean(c); m > 0 {
				return num(env.Room.Tr.Language(), m)
			}
			return "–"
		}
		v.add(wrapped(env.T("checkin.ladder.means", map[string]any{"Now": mean(now), "Workshop": mean(ws)})))
		v.add(muted(workshop.LadderSource.In(lang)))
	}, func(s *workshop.Session) string {
		return fmt.Sprintf("%v|%d", s.LadderCounts(), len(s.Participants))
	})
}

// Step 6: the next review date and any new actions.
func newNext(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		review := dateEntry(env.T("checkin.next.review.placeholder"))
		review.SetText(field.FormatDate(env.Room.Tr.Language(), s.NextReviewDate))
		save := func() {
			d, ok := v.parseDate(review.Text)
			if !ok {
				return
			}
			if d == v.ed().Snapshot().NextReviewDate {
				return
			}
			v.apply(func(s *workshop.Session) error { return s.SetNextReview(d) })
		}
		review.OnSubmitted = func(string) { save() }
		v.flushes = append(v.flushes, save)
		btn := button.New(env.T("checkin.next.review.save"), nil, save)
		v.add(widget.NewLabelWithStyle(env.T("checkin.next.review"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewBorder(nil, nil, nil, btn, review.Object()))
		v.add(widget.NewSeparator(), heading(env.T("checkin.next.actions")))
		for _, a := range s.NewActions() {
			line := a.Text + " · " + personName(s, a.OwnerID, a.OwnerName)
			if a.Due != "" {
				line += " · " + field.FormatDate(env.Room.Tr.Language(), a.Due)
			}
			v.add(wrapped(line))
		}
		v.add(v.newActionForm(s))
	}, func(s *workshop.Session) string {
		// The new actions it lists are corrected in place on the actions page.
		var b strings.Builder
		for _, a := range s.NewActions() {
			fmt.Fprintf(&b, "%s|%s|%s|%s|%s;", a.ID, a.Text, a.OwnerID, a.OwnerName, a.Due)
		}
		return fmt.Sprintf("%s|%d|%d|%s", s.NextReviewDate, len(s.Actions), len(s.Participants), b.String())
	})
}

// firstColumnWraps lays a table out in rows of cols cells: the columns after
// the first as wide as their widest cell, the first (a wrapping text, such
// as a rung's name) the rest of the width, each row as tall as its tallest
// cell at those widths.
type firstColumnWraps struct {
	cols  int
	lastW float32 // the width last laid out at, which MinSize's height is for
	box   *fyne.Container
}

func (l *firstColumnWraps) widths(objs []fyne.CanvasObject, w float32) []float32 {
	ws := make([]float32, l.cols)
	rest := w
	for c := 1; c < l.cols; c++ {
		for i := c; i < len(objs); i += l.cols {
			ws[c] = fyne.Max(ws[c], objs[i].MinSize().Width)
		}
		rest -= ws[c]
	}
	ws[0] = fyne.Max(rest, 0)
	return ws
}

func (l *firstColumnWraps) rows(objs []fyne.CanvasObject, ws []float32) []float32 {
	var hs []float32
	for i, o := range objs {
		c := i % l.cols
		o.Resize(fyne.NewSize(ws[c], o.MinSize().Height)) // a wrapping text's height follows its width
		if c == 0 {
			hs = append(hs, 0)
		}
		hs[len(hs)-1] = fyne.Max(hs[len(hs)-1], o.MinSize().Height)
	}
	return hs
}

func (l *firstColumnWraps) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.lastW && l.box != nil {
		// The rows' heights follow the width: the page asks the height
		// again once it has laid the table out at a new width.
		before := l.MinSize(objs).Height
		l.lastW = size.Width
		if l.MinSize(objs).Height != before {
			box := l.box
			fyne.Do(box.Refresh)
		}
	}
	ws := l.widths(objs, size.Width)
	hs := l.rows(objs, ws)
	var y float32
	for r, h := range hs {
		var x float32
		for c := 0; c < l.cols && r*l.cols+c < len(objs); c++ {
			o := objs[r*l.cols+c]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(ws[c], h))
			x += ws[c]
		}
		y += h
	}
}

func (l *firstColumnWraps) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for c := 1; c < l.cols; c++ {
		var cw float32
		for i := c; i < len(objs); i += l.cols {
			cw = fyne.Max(cw, objs[i].MinSize().Width)
		}
		w += cw
	}
	w += 120 // room for a rung's name to wrap in
	var h float32
	for _, rh := range l.rows(objs, l.widths(objs, fyne.Max(w, l.lastW))) {
		h += rh
	}
	return fyne.NewSize(w, h)
}
