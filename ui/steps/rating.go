package steps

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// rating is the second half of step 6: each participant's scores of a
// draft on C1..C8, typed as one row of eight digits, and the draft's
// criteria means, weighted score, core gate and disagreement flags.
type rating struct {
	env *Env
	ed  *editor.Editor

	pick      *widget.Select
	ids       []string // the drafts being rated
	labels    []string // their labels in pick
	current   string   // the draft shown
	note      *widget.Label
	draftText *widget.Label
	reveal    *widget.Check
	mute      bool

	rows    *fyne.Container
	persons personRows[*scoreRow]

	chartHead *widget.Label
	chart     *charts.Bars
	score     *widget.Label
	gate      *widget.Label
	flags     *widget.Label
	compare   *widget.Label
	obj       fyne.CanvasObject
}

func newRating(env *Env) *rating {
	r := &rating{env: env, ed: env.Room.Ed}
	r.pick = widget.NewSelect(nil, func(label string) {
		if r.mute {
			return
		}
		for i, l := range r.labels {
			if l == label {
				r.flushAll()
				r.current = r.ids[i]
			}
		}
		r.Refresh()
	})
	r.pick.PlaceHolder = env.T("eval.rating.pick")
	r.note = helpLabel("")
	r.note.Importance = widget.WarningImportance
	r.draftText = widget.NewLabel("")
	r.draftText.Wrapping = fyne.TextWrapWord
	r.reveal = widget.NewCheck(env.T("eval.rating.reveal"), func(on bool) {
		if !r.mute {
			env.Room.SetRatingsRevealed(on)
		}
	})
	r.rows = container.NewVBox()
	r.chartHead = sectionHead("")
	r.chart = charts.NewBars(nil)
	r.score = widget.NewLabel("")
	r.score.TextStyle.Bold = true
	r.gate = widget.NewLabel("")
	r.gate.Wrapping = fyne.TextWrapWord
	r.gate.TextStyle.Bold = true
	r.flags = widget.NewLabel("")
	r.flags.Wrapping = fyne.TextWrapWord
	r.flags.Importance = widget.WarningImportance
	r.compare = widget.NewLabel("")
	r.compare.Wrapping = fyne.TextWrapWord

	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(env.T("eval.rating.draft")), r.reveal, r.pick),
		r.note, r.draftText)
	left := container.NewVBox(helpLabel(env.T("eval.rating.help")), r.rows)
	right := container.NewVBox(r.chartHead, r.chart, r.score, r.gate, r.flags,
		sectionHead(env.T("eval.rating.compare")), r.compare,
		sectionHead(env.T("eval.rating.legend")), criteriaLegend(env.Room.Ed))
	split := container.NewHSplit(field.NewVScroll(left), field.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.5
	r.obj = container.NewBorder(top, nil, nil, nil, split)
	r.Refresh()
	return r
}

// criteriaLegend lists C1..C8 with their questions and what 1, 3 and 5 mean,
// in the session's language: the facilitator reads them out while rating.
func criteriaLegend(ed *editor.Editor) fyne.CanvasObject {
	lang := "fi"
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	box := container.NewVBox()
	for _, c := range workshop.Criteria {
		name := widget.NewLabel(c.ID + " " + c.Name.In(lang) + weightMark(lang, c))
		name.TextStyle.Bold = true
		q := widget.NewLabel(c.Question.In(lang) + "\n1 " + c.Scale[0].In(lang) + " · 3 " + c.Scale[1].In(lang) + " · 5 " + c.Scale[2].In(lang))
		q.Wrapping = fyne.TextWrapWord
		box.Add(container.NewVBox(name, q))
	}
	return box
}

func weightMark(lang string, c workshop.Criterion) string {
	if c.Core {
		return " · " + i18n.TIn(lang, "eval.rating.core", map[string]int{"W": c.Weight})
	}
	return ""
}

func (r *rating) Refresh() {
	var ids []string
	var short bool
	var people []workshop.Participant
	var s *workshop.Session
	var dotted bool
	r.ed.Read(func(ss *workshop.Session) {
		ids, short = ss.RatingDrafts()
		for _, v := range ss.DotVotes {
			dotted = dotted || v.Dots > 0
		}
		people = append(people, ss.Participants...)
		s = ss
		r.labels = r.labels[:0]
		for _, id := range ids {
			r.labels = append(r.labels, charts.DraftShort(ss, id, ss.Language)+" · "+clipText(ss.Draft(id).Text, 50))
		}
	})
	r.ids = ids
	r.mute = true
	found := -1
	for i, id := range ids {
		if id == r.current {
			found = i
		}
	}
	if found < 0 && len(ids) > 0 {
		found, r.current = 0, ids[0]
	}
	chosen := ""
	if found < 0 {
		r.current = ""
	} else {
		chosen = r.labels[found]
	}
	setSelected(r.pick, append([]string(nil), r.labels...), chosen)
	r.reveal.SetChecked(r.env.Room.RatingsRevealed())
	r.mute = false

	switch {
	case len(ids) == 0:
		setLabel(r.note, r.env.T("eval.rating.none"))
		r.note.Show()
	case !short && !dotted:
		setLabel(r.note, r.env.T("eval.rating.all"))
		r.note.Show()
	case !short:
		setLabel(r.note, r.env.T("eval.rating.top3", map[string]int{"N": len(ids)}))
		r.note.Show()
	default:
		r.note.Hide()
	}

	// Rows: one a participant, rebuilt only when the room changes.
	if objs, changed := r.persons.sync(people, func(id string) *scoreRow { return newScoreRow(r, id) },
		func(row *scoreRow) fyne.CanvasObject { return row.obj }); changed {
		r.rows.Objects = objs
		r.rows.Refresh()
	}
	r.ed.Read(func(ss *workshop.Session) {
		for _, p := range ss.Participants {
			if row := r.persons.by[p.ID]; row != nil {
				setLabel(row.name, p.Name)
				text := ""
				if rt := ss.RatingOf(p.ID, r.current); rt != nil {
					text = workshop.FormatScores(rt.Scores)
				}
				row.load(text, r.current != "")
			}
		}
		r.showResults(ss)
	})
	_ = s
}

// showResults draws the current draft's means and flags, and a line for
// each draft being rated so they can be compared at a glance.
func (r *rating) showResults(s *workshop.Session) {
	lang := s.Language
	if r.current == "" || s.Draft(r.current) == nil {
		setLabel(r.draftText, "")
		setLabel(r.chartHead, r.env.T("eval.rating.means"))
		setBars(r.chart, nil)
		setLabel(r.score, "")
		setLabel(r.gate, "")
		setLabel(r.flags, "")
		setLabel(r.compare, "")
		return
	}
	d := s.Draft(r.current)
	setLabel(r.draftText, workshop.Quote(d.Text, r.env.Room.Tr.Language()))
	short := charts.DraftShort(s, r.current, lang)
	setLabel(r.chartHead, r.env.T("eval.rating.means_of", map[string]string{"Draft": short}))
	setBars(r.chart, charts.CriteriaBars(s, r.current, lang))
	var lines []string
	for _, res := range s.Results() {
		for _, id := range r.ids {
			if id != res.DraftID {
				continue
			}
			line := resultLine(s, res)
			lines = append(lines, line)
			if id == r.current {
				r.showVerdict(s, res)
			}
		}
	}
	setLabel(r.compare, strings.Join(lines, "\n"))
}

func (r *rating) showVerdict(s *workshop.Session, res workshop.DraftResult) {
	lang := s.Language
	if res.Raters == 0 {
		setLabel(r.score, r.env.T("eval.rating.no_scores"))
		setLabel(r.gate, "")
		setLabel(r.flags, "")
		return
	}
	setLabel(r.score, r.env.T("eval.rating.weighted", map[string]any{
		"Score": charts.Number(res.Weighted, lang), "Raters": res.Raters}))
	if res.GatePassed {
		r.gate.Importance = widget.SuccessImportance
		setLabel(r.gate, r.env.T("eval.rating.gate_ok"))
	} else {
		var low []string
		for c, cr := range workshop.Criteria {
			if cr.Core && res.Mean[c] < 3 {
				v := "–"
				if res.Mean[c] > 0 {
					v = charts.Number(res.Mean[c], lang)
				}
				low = append(low, cr.ID+" "+v)
			}
		}
		r.gate.Importance = widget.DangerImportance
		setLabel(r.gate, r.env.T("eval.rating.gate_fail", map[string]string{"Low": strings.Join(low, ", ")}))
	}
	if len(res.Disagreement) == 0 {
		setLabel(r.flags, "")
		return
	}
	var parts []string
	for _, c := range res.Disagreement {
		parts = append(parts, workshop.Criteria[c].ID+" ("+strconv.Itoa(res.Min[c])+"–"+strconv.Itoa(res.Max[c])+")")
	}
	setLabel(r.flags, r.env.T("eval.rating.disagree", map[string]string{"List": strings.Join(parts, ", ")}))
}

// resultLine is one draft's result in a sentence: dots, weighted score, gate, flags.
func resultLine(s *workshop.Session, res workshop.DraftResult) string {
	lang := s.Language
	short := charts.DraftShort(s, res.DraftID, lang)
	if res.Raters == 0 {
		return i18n.TIn(lang, "eval.rating.line_unrated", map[string]any{"Draft": short, "Dots": res.Dots})
	}
	gate := i18n.TIn(lang, "eval.rating.gate_short_ok")
	if !res.GatePassed {
		gate = i18n.TIn(lang, "eval.rating.gate_short_fail")
	}
	return i18n.TIn(lang, "eval.rating.line", map[string]any{
		"Draft": short, "Dots": res.Dots, "Score": charts.Number(res.Weighted, lang),
		"Gate": gate, "Flags": len(res.Disagreement)})
}

func (r *rating) flushAll() {
	for _, row := range r.persons.by {
		row.commit()
	}
}

func (r *rating) focusFirstEmpty() {
	for _, id := range r.persons.ids {
		if row := r.persons.by[id]; row != nil && strings.TrimSpace(row.entry.Text) == "" {
			row.focus()
			return
		}
	}
	if len(r.persons.ids) > 0 {
		r.persons.by[r.persons.ids[0]].focus()
	}
}

// next puts the focus on the row after the participant's: Enter moves down
// the room the way the facilitator goes round it.
func (r *rating) next(pid string) {
	for i, id := range r.persons.ids {
		if id == pid && i+1 < len(r.persons.ids) {
			r.persons.by[r.persons.ids[i+1]].focus()
			return
		}
	}
}

// save stores a typed row for the current draft; nil when stored or unchanged.
func (r *rating) save(pid, typed string) error {
	scores, ok, err := workshop.ParseScores(typed)
	if err != nil {
		return scoresMessage(r.env.Room.Tr, err)
	}
	did := r.current
	if did == "" {
		return nil
	}
	err = r.ed.Edit(func(s *workshop.Session) error {
		if s.Draft(did) == nil || s.Participant(pid) == nil {
			return nil
		}
		if old := s.RatingOf(pid, did); old != nil && ok && old.Scores == scores {
			return nil
		}
		s.SetScores(pid, did, scores, ok)
		return nil
	})
	if err != nil {
		return errors.New(r.env.T("eval.error.save", map[string]string{"Err": err.Error()}))
	}
	r.ed.Read(r.showResults)
	return nil
}

func scoresMessage(tr *i18n.Tr, err error) error {
	var se *workshop.ScoresError
	if !errors.As(err, &se) {
		return err
	}
	if se.Char != "" {
		return errors.New(tr.T("eval.rating.bad_char", map[string]any{"Char": se.Char, "Pos": se.Pos}))
	}
	return errors.New(tr.T("eval.rating.bad_count", map[string]int{"N": se.Count}))
}

// scoreRow is one participant's row: the name and the eight digits.
type scoreRow struct {
	r     *rating
	pid   string
	name  *widget.Label
	entry *scoreEntry
	msg   *widget.Label
	obj   fyne.CanvasObject

	mu      sync.Mutex
	dirty   bool
	loading bool
}

func newScoreRow(r *rating, pid string) *scoreRow {
	row := &scoreRow{r: r, pid: pid}
	row.name = widget.NewLabel("")
	row.name.Truncation = fyne.TextTruncateEllipsis
	row.entry = &scoreEntry{row: row}
	row.entry.ExtendBaseWidget(row.entry)
	row.entry.SetPlaceHolder(r.env.T("eval.rating.placeholder"))
	row.entry.OnChanged = row.changed
	row.entry.OnSubmitted = func(string) {
		if row.commit() {
			r.next(pid)
		}
	}
	row.msg = messageLabel()
	nameBox := container.NewGridWrap(fyne.NewSize(190, row.entry.MinSize().Height), row.name)
	row.obj = container.NewBorder(nil, row.msg, nameBox, nil, row.entry)
	return row
}

func (row *scoreRow) load(text string, enabled bool) {
	if enabled {
		row.entry.Enable()
	} else {
		row.entry.Disable()
	}
	row.mu.Lock()
	skip := row.dirty || row.entry.focused
	row.mu.Unlock()
	if skip || row.entry.Text == text {
		return
	}
	row.mu.Lock()
	row.loading = true
	row.mu.Unlock()
	row.entry.SetText(text)
	row.mu.Lock()
	row.loading = false
	row.mu.Unlock()
	showMessage(row.r.env.Room.Tr, row.msg, nil)
}

// changed stores a row as soon as it holds eight valid scores, and says at
// once when a character cannot be a score; a row still being typed waits.
func (row *scoreRow) changed(text string) {
	row.mu.Lock()
	if row.loading {
		row.mu.Unlock()
		return
	}
	row.dirty = true
	row.mu.Unlock()
	_, ok, err := workshop.ParseScores(text)
	var se *workshop.ScoresError
	switch {
	case errors.As(err, &se) && se.Char != "":
		showMessage(row.r.env.Room.Tr, row.msg, scoresMessage(row.r.env.Room.Tr, err))
	case ok:
		row.commit()
	default:
		showMessage(row.r.env.Room.Tr, row.msg, nil)
	}
}

// commit stores what was typed; false (and the message) when it is refused.
// A refused row keeps its text so that nothing typed is lost.
func (row *scoreRow) commit() bool {
	row.mu.Lock()
	dirty := row.dirty
	row.mu.Unlock()
	if !dirty {
		return true
	}
	if err := row.r.save(row.pid, row.entry.Text); err != nil {
		showMessage(row.r.env.Room.Tr, row.msg, err)
		return false
	}
	row.mu.Lock()
	row.dirty = false
	row.mu.Unlock()
	showMessage(row.r.env.Room.Tr, row.msg, nil)
	return true
}

func (row *scoreRow) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(row.entry); c != nil {
		c.Focus(row.entry)
	}
}

// scoreEntry is the row's entry; leaving it stores the row.
type scoreEntry struct {
	widget.Entry
	row     *scoreRow
	focused bool
}

func (e *scoreEntry) FocusGained() {
	e.row.mu.Lock()
	e.focused = true
	e.row.mu.Unlock()
	e.Entry.FocusGained()
}

func (e *scoreEntry) FocusLost() {
	e.row.mu.Lock()
	e.focused = false
	e.row.mu.Unlock()
	e.Entry.FocusLost()
	e.row.commit()
}

// clipText shortens a text to n characters for a label.
func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
