package steps

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// decision is step 7: the final wording and its versions, why it was chosen
// and the others not, the fist-of-five and the validation with customers.
type decision struct {
	env *Env
	ed  *editor.Editor

	warning *widget.Label // not validated with customers
	tabs    *container.AppTabs

	chosen      *widget.Select
	chosenIDs   []string
	mute        bool
	winner      *button.Button
	useChosen   *button.Button
	final       *field.Text
	finalAlt    *field.Text
	words       *widget.Label
	saveVer     *button.Button
	versions    *fyne.Container
	versionRows []versionRow // what the versions' rows say now
	verMu       sync.Mutex
	verTimer    *time.Timer
	msg         *widget.Label

	rationale *field.Text
	rejected  *fyne.Container
	rejIDs    []string
	rejLabels []*widget.Label // the draft above each reason entry
	rejFields field.Group

	consent *consentRound

	validation *field.Choice
	plan       *field.Text
}

func newDecision(env *Env) View {
	d := &decision{env: env, ed: env.Room.Ed}
	lang := d.lang()
	d.warning = widget.NewLabel("")
	d.warning.Importance = widget.WarningImportance
	d.warning.TextStyle.Bold = true
	d.warning.Wrapping = fyne.TextWrapWord
	d.msg = messageLabel()

	// Wording.
	d.chosen = widget.NewSelect(nil, d.choose)
	d.chosen.PlaceHolder = env.T("decision.chosen.none")
	d.winner = button.New(env.T("decision.winner"), theme.MediaSkipNextIcon(), d.startFromWinner)
	d.useChosen = button.New(env.T("decision.use_chosen"), nil, func() { d.startFrom("") })
	d.final = field.SessionText(d.env.Room, true, "final_text")
	d.final.Entry.SetMinRowsVisible(3)
	d.final.Entry.TextStyle.Bold = true
	d.final.SetPlaceHolder(env.T("decision.final.placeholder"))
	d.final.OnSaved = d.wordingSaved
	d.finalAlt = field.SessionText(d.env.Room, true, "final_text_alt")
	d.finalAlt.Entry.SetMinRowsVisible(2)
	d.finalAlt.SetPlaceHolder(env.T("decision.alt.placeholder"))
	d.words = helpLabel("")
	d.saveVer = button.New(env.T("decision.version.save"), theme.DocumentSaveIcon(), func() { d.saveVersion(env.T("decision.version.note_manual")) })
	d.versions = container.NewVBox()
	altTitle := env.T("decision.alt.en")
	if lang == "en" {
		altTitle = env.T("decision.alt.fi")
	}
	wording := container.NewVBox(
		// The buttons get a row of their own so that at 1024 px nothing is cut.
		container.NewBorder(nil, nil, widget.NewLabel(env.T("decision.chosen")), nil, d.chosen),
		container.NewHBox(d.useChosen, d.winner),
		sectionHead(env.T("decision.final")), d.final.Object(),
		container.NewBorder(nil, nil, nil, d.saveVer, d.words),
		d.msg,
		widget.NewLabel(altTitle), d.finalAlt.Object(),
		sectionHead(env.T("decision.versions")), helpLabel(env.T("decision.versions.help")), d.versions)

	// Reasons.
	d.rationale = field.SessionText(d.env.Room, true, "rationale")
	d.rationale.Entry.SetMinRowsVisible(4)
	d.rationale.SetPlaceHolder(env.T("decision.rationale.placeholder"))
	d.rejected = container.NewVBox()
	reasons := container.NewVBox(
		sectionHead(env.T("decision.rationale")), d.rationale.Object(),
		sectionHead(env.T("decision.rejected")), helpLabel(env.T("decision.rejected.help")), d.rejected)

	d.consent = newConsentRound(env)

	// Validation.
	d.validation = field.NewRadio(env.Room.Tr, d.ed,
		field.Options(workshop.ValidationLabels, lang, workshop.ValidationInternal, workshop.ValidationPending, workshop.ValidationDone),
		func(s *workshop.Session) string { return s.Decision.ValidationStatus },
		func(s *workshop.Session, v string) error { return s.SetValidationStatus(v) })
	d.validation.Radio.Horizontal = false
	d.validation.OnSaved = d.showWarning
	d.validation.OnError = env.ShowError
	d.plan = field.SessionText(d.env.Room, true, "validation_plan")
	d.plan.Entry.SetMinRowsVisible(3)
	d.plan.SetPlaceHolder(env.T("decision.plan.placeholder"))
	validation := container.NewVBox(
		sectionHead(env.T("decision.validation")), helpLabel(env.T("decision.validation.help")),
		d.validation.Object(),
		sectionHead(env.T("decision.plan")), d.plan.Object())

	scroll := func(o fyne.CanvasObject) fyne.CanvasObject { return field.NewVScroll(container.NewPadded(o)) }
	d.tabs = container.NewAppTabs(
		container.NewTabItem(env.T("decision.tab.wording"), scroll(wording)),
		container.NewTabItem(env.T("decision.tab.reasons"), scroll(reasons)),
		container.NewTabItem(env.T("decision.tab.consent"), d.consent.obj),
		container.NewTabItem(env.T("decision.tab.validation"), scroll(validation)))
	d.tabs.OnSelected = func(*container.TabItem) { d.Refresh() }
	d.Refresh()
	return d
}

func (d *decision) Object() fyne.CanvasObject {
	return container.NewBorder(d.warning, nil, nil, nil, d.tabs)
}

func (d *decision) lang() (l string) {
	d.ed.Read(func(s *workshop.Session) { l = s.Language })
	return l
}

func (d *decision) Refresh() {
	var labels []string
	var chosenLabel string
	d.chosenIDs = d.chosenIDs[:0]
	d.ed.Read(func(s *workshop.Session) {
		for _, dr := range s.Drafts {
			l := charts.DraftShort(s, dr.ID, s.Language) + " · " + clipText(dr.Text, 70)
			labels = append(labels, l)
			d.chosenIDs = append(d.chosenIDs, dr.ID)
			if dr.ID == s.Decision.ChosenDraftID {
				chosenLabel = l
			}
		}
		if w := s.WinningDraft(); w != "" {
			setButton(&d.winner.Button, d.env.T("decision.winner_of", map[string]string{"Draft": charts.DraftShort(s, w, s.Language)}))
			d.winner.Enable()
		} else {
			setButton(&d.winner.Button, d.env.T("decision.winner"))
			d.winner.Disable()
		}
		n := workshop.WordCount(s.Decision.FinalText)
		if n > workshop.LongDraftWords {
			d.words.Importance = widget.WarningImportance
			setLabel(d.words, d.env.T("decision.words.long", map[string]int{"N": n, "Max": workshop.LongDraftWords}))
		} else {
			d.words.Importance = widget.LowImportance
			setLabel(d.words, d.env.T("decision.words", map[string]int{"N": n}))
		}
	})
	d.mute = true
	setSelected(d.chosen, labels, chosenLabel)
	d.mute = false
	if chosenLabel == "" {
		d.useChosen.Disable()
	} else {
		d.useChosen.Enable()
	}
	d.final.Refresh()
	d.finalAlt.Refresh()
	d.rationale.Refresh()
	d.refreshVersions()
	d.refreshRejected()
	d.consent.Refresh()
	d.validation.Refresh()
	d.plan.Refresh()
	d.showWarning()
}

func (d *decision) showWarning() {
	var text string
	d.ed.Read(func(s *workshop.Session) {
		if s.Decision.ValidationStatus != workshop.ValidationDone {
			text = d.env.T("decision.warning.not_validated")
		}
	})
	if text == "" {
		d.warning.Hide()
		return
	}
	setLabel(d.warning, text)
	d.warning.Show()
}

// choose records which draft the final wording comes from.
func (d *decision) choose(label string) {
	if d.mute {
		return
	}
	id := ""
	for i, l := range d.chosen.Options {
		if l == label && i < len(d.chosenIDs) {
			id = d.chosenIDs[i]
		}
	}
	err := d.ed.Edit(func(s *workshop.Session) error {
		if s.Decision.ChosenDraftID == id || (id != "" && s.Draft(id) == nil) {
			return nil // unchanged, or deleted meanwhile
		}
		return s.ChooseDraft(id) // the chosen draft is not rejected either
	})
	d.report(err)
	d.Refresh()
}

func (d *decision) startFromWinner() {
	var id string
	d.ed.Read(func(s *workshop.Session) { id = s.WinningDraft() })
	if id != "" {
		d.startFrom(id)
	}
}

// startFrom makes a draft's wording the final wording (id "" means the
// chosen draft). What was there is kept as a version first, so nothing the
// room wrote is lost by starting over.
func (d *decision) startFrom(id string) {
	d.unfocus()
	d.final.Flush()
	d.finalAlt.Flush()
	now := time.Now()
	err := d.ed.Edit(func(s *workshop.Session) error {
		if id == "" {
			id = s.Decision.ChosenDraftID
		}
		if s.Draft(id) == nil {
			return nil // none chosen, or deleted meanwhile
		}
		return s.AdoptDraft(id, now, d.env.T("decision.version.note_before"),
			d.env.T("decision.version.note_from", map[string]string{"Draft": charts.DraftShort(s, id, s.Language)}))
	})
	d.report(err)
	d.Refresh()
}

// wordingSaved runs after each autosave of the final wording: the version
// is kept once the wording has rested for the room's version pause.
func (d *decision) wordingSaved() {
	d.verMu.Lock()
	defer d.verMu.Unlock()
	if d.verTimer != nil {
		d.verTimer.Stop()
	}
	d.verTimer = time.AfterFunc(d.env.Room.Typing.VersionRest(), func() { fyne.Do(d.versionDue) })
	d.Refresh()
}

// Flush saves every text typed on the page, and the version waiting for
// the pause, so that leaving the step or closing the window keeps both.
func (d *decision) Flush() {
	d.final.Flush()
	d.finalAlt.Flush()
	d.rationale.Flush()
	d.plan.Flush()
	d.rejFields.Flush()
	d.consent.Flush()
	if d.versionPending() {
		d.saveVersion("")
	}
}

// versionDue runs when the wording has rested for the version pause.
func (d *decision) versionDue() { d.saveVersion("") }

// versionPending reports whether a version is waiting for the pause.
func (d *decision) versionPending() bool {
	d.verMu.Lock()
	defer d.verMu.Unlock()
	return d.verTimer != nil
}

// saveVersion keeps the current wording as a version when it differs from the latest.
func (d *decision) saveVersion(note string) {
	d.verMu.Lock()
	if d.verTimer != nil {
		d.verTimer.Stop()
		d.verTimer = nil
	}
	d.verMu.Unlock()
	d.final.Flush()
	err := d.ed.Edit(func(s *workshop.Session) error {
		s.SaveVersion(time.Now(), note)
		return nil
	})
	d.report(err)
	d.refreshVersions()
}

// restore makes a version the current wording; restoring is itself a version.
func (d *decision) restore(id string) {
	d.unfocus()
	d.final.Flush()
	var note string
	d.ed.Read(func(s *workshop.Session) {
		for i, v := range s.VersionsByTime() {
			if v.ID == id {
				note = d.env.T("decision.version.note_restored", map[string]any{"N": i + 1, "Time": versionTime(d.env.Room.Tr, v.At)})
			}
		}
	})
	err := d.ed.Edit(func(s *workshop.Session) error {
		if d.currentVersionID(s) == id {
			return nil
		}
		s.RestoreVersion(id, time.Now(), note) // a version deleted meanwhile: nothing to restore
		return nil
	})
	d.report(err)
	d.Refresh()
}

func (d *decision) currentVersionID(s *workshop.Session) string {
	if l := s.LatestVersion(); l != nil && strings.TrimSpace(l.Text) == strings.TrimSpace(s.Decision.FinalText) {
		return l.ID
	}
	return ""
}

// unfocus takes the keyboard focus from the entries so that a wording set
// by a button is shown even in the entry the facilitator was typing in.
func (d *decision) unfocus() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(d.tabs); c != nil {
			c.Unfocus()
		}
	}
}

func (d *decision) report(err error) {
	if err != nil {
		showMessage(d.env.Room.Tr, d.msg, errors.New(d.env.T("decision.error.save", map[string]string{"Err": err.Error()})))
		return
	}
	showMessage(d.env.Room.Tr, d.msg, nil)
}

// refreshVersions lists the versions newest first, each with its time and a
// restore button; the one that is the current wording is marked.
func (d *decision) refreshVersions() {
	var vs []workshop.PromiseVersion
	var current string
	d.ed.Read(func(s *workshop.Session) {
		vs = s.VersionsByTime()
		current = d.currentVersionID(s)
	})
	// The rows are made again only when what they say changed: each
	// refresh (every move to the step) made and laid out all of them.
	rows := make([]versionRow, 0, len(vs))
	for i := len(vs) - 1; i >= 0; i-- {
		v := vs[i]
		head := d.env.T("decision.version.head", map[string]any{"N": i + 1, "Time": versionTime(d.env.Room.Tr, v.At)})
		if v.Note != "" {
			head += " · " + v.Note
		}
		rows = append(rows, versionRow{id: v.ID, head: head, text: v.Text, current: v.ID == current})
	}
	if d.versionRows != nil && slices.Equal(d.versionRows, rows) {
		return
	}
	d.versionRows = rows
	objs := make([]fyne.CanvasObject, 0, len(vs))
	for _, v := range rows {
		h := widget.NewLabel(v.head)
		h.Importance = widget.LowImportance
		text := widget.NewLabel(v.text)
		text.Wrapping = fyne.TextWrapWord
		var right fyne.CanvasObject
		if v.current {
			l := widget.NewLabel(d.env.T("decision.version.current"))
			l.Importance = widget.SuccessImportance
			l.TextStyle.Bold = true
			right = l
		} else {
			id := v.id
			b := button.New(d.env.T("decision.version.restore"), theme.ContentUndoIcon(), func() { d.restore(id) })
			right = b
		}
		objs = append(objs, container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(right), container.NewVBox(h, text)))
	}
	if len(objs) == 0 {
		objs = append(objs, helpLabel(d.env.T("decision.versions.none")))
	}
	d.versions.Objects = objs
	d.versions.Refresh()
}

// versionRow is what a row of the promise's versions says.
type versionRow struct {
	id, head, text string
	current        bool
}

// versionTime shows a version's time as the room saw it: the local clock.
func versionTime(tr *i18n.Tr, at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	t = t.Local()
	if tr.Language() == "en" {
		return t.Format("2 Jan 15:04:05")
	}
	return t.Format("2.1. 15.04.05")
}

// refreshRejected shows a reason entry for each draft that was not chosen;
// the rows are rebuilt only when the drafts or the choice change, so an
// entry being typed in is never replaced; a draft's text edited meanwhile
// is set in its label.
func (d *decision) refreshRejected() {
	var ids []string
	var labels []string
	d.ed.Read(func(s *workshop.Session) {
		for _, dr := range s.Drafts {
			if dr.ID != s.Decision.ChosenDraftID {
				ids = append(ids, dr.ID)
				labels = append(labels, charts.DraftShort(s, dr.ID, s.Language)+" · "+dr.Text)
			}
		}
	})
	if strings.Join(ids, "\x00") == strings.Join(d.rejIDs, "\x00") {
		for i, l := range d.rejLabels {
			setLabel(l, labels[i])
		}
		d.rejFields.Refresh()
		return
	}
	d.rejFields.Flush()
	d.rejIDs = ids
	d.rejFields = d.rejFields[:0]
	d.rejLabels = d.rejLabels[:0]
	objs := make([]fyne.CanvasObject, 0, len(ids))
	for i, id := range ids {
		id := id
		f := field.NewText(d.env.Room, false,
			func(s *workshop.Session) string { return s.Rejection(id) },
			func(s *workshop.Session, v string) error {
				s.SetRejection(id, v)
				return nil
			})
		f.SetPlaceHolder(d.env.T("decision.rejected.placeholder"))
		d.rejFields = append(d.rejFields, f)
		l := widget.NewLabel(labels[i])
		l.Wrapping = fyne.TextWrapWord
		d.rejLabels = append(d.rejLabels, l)
		objs = append(objs, container.NewVBox(l, f.Object()))
	}
	if len(objs) == 0 {
		objs = append(objs, helpLabel(d.env.T("decision.rejected.none")))
	}
	d.rejected.Objects = objs
	d.rejected.Refresh()
}

// FocusNew (Ctrl+N) puts the keyboard where the open tab is typed in: the
// wording, the rationale, a new open concern or the validation plan.
func (d *decision) FocusNew() {
	var target fyne.Focusable
	switch d.tabs.SelectedIndex() {
	case 0:
		target = d.final.Entry
	case 1:
		target = d.rationale.Entry
	case 2:
		target = d.consent.newConcern
	default:
		target = d.plan.Entry
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(d.tabs); c != nil {
		c.Focus(target)
	}
}
