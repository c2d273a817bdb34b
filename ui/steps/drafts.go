package steps

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/charts"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// drafts is step 5: the promise drafts as cards, each with its authors
// (anonymous unless someone wants their name on it), segments, length,
// optional Moore scaffold, version and whether it goes on to evaluation.
type drafts struct {
	env     *Env
	list    *field.CardList
	summary *widget.Label
	// editing holds the drafts whose wording is being edited now: the first
	// save of an edit counts a new version, the saves while typing on do not.
	editing map[string]bool
	extras  map[string]*draftExtras
	obj     fyne.CanvasObject
}

func newDrafts(env *Env) View {
	d := &drafts{env: env, editing: map[string]bool{}, extras: map[string]*draftExtras{}}
	d.list = field.NewCardList(env.Room, d.cards(), field.CardOptions{
		Placeholder: env.T("steps.drafts.new"),
		MultiLine:   true,
		Extra: func(id string) []field.Bound {
			x := newDraftExtras(env, id)
			d.extras[id] = x
			return []field.Bound{x}
		},
		Mark:    longMark,
		OnLeave: func(id string) { delete(d.editing, id) },
		// The word count follows the typing, not the save after it.
		OnTyped: func(id, text string) {
			if x := d.extras[id]; x != nil {
				x.words = workshop.WordCount(text)
				x.showFacts()
			}
		},
	})
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	d.obj = container.NewBorder(d.summary, nil, nil, nil, field.NewVScroll(d.list.Object()))
	d.Refresh()
	return d
}

func (d *drafts) Object() fyne.CanvasObject { return d.obj }
func (d *drafts) Flush()                    { d.list.Flush() }
func (d *drafts) FocusNew()                 { d.list.FocusNew() }
func (d *drafts) Refresh() {
	d.list.Refresh()
	var all, short, long int
	d.env.Room.Ed.Read(func(s *workshop.Session) {
		all = len(s.Drafts)
		for _, x := range s.Drafts {
			if x.Shortlisted {
				short++
			}
			if workshop.WordCount(x.Text) > workshop.LongDraftWords {
				long++
			}
		}
	})
	data := map[string]int{"All": all, "Short": short, "Long": long, "Max": workshop.LongDraftWords}
	text := d.env.T("steps.drafts.summary", data)
	if short == 0 && all > 0 {
		text += " " + d.env.T("steps.drafts.summary.all_rated")
	}
	if long > 0 {
		text += " " + d.env.T("steps.drafts.summary.long", data)
	}
	d.summary.SetText(text)
}

// cards are the drafts. A new draft is anonymous and for the focus segments.
func (d *drafts) cards() field.Cards[workshop.Draft] {
	return field.Cards[workshop.Draft]{
		List: func(s *workshop.Session) *[]workshop.Draft { return &s.Drafts },
		Kind: workshop.CardDraft,
		ID:   func(c *workshop.Draft) string { return c.ID },
		Text: func(c *workshop.Draft) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			d, err := s.AddDraft(text, nil, "")
			return d.ID, err
		},
		TextChanged: func(s *workshop.Session, c *workshop.Draft) {
			if !d.editing[c.ID] {
				d.editing[c.ID] = true
				if c.Version < workshop.MaxVersion {
					c.Version++
				}
			}
		},
		Remove: (*workshop.Session).RemoveDraft,
	}
}

// longMark flags a draft over the recommended length.
func longMark(s *workshop.Session, id string) string {
	if x := s.Draft(id); x != nil {
		if n := workshop.WordCount(x.Text); n > workshop.LongDraftWords {
			return i18n.TIn(s.Language, "steps.drafts.long", map[string]int{"N": n, "Max": workshop.LongDraftWords})
		}
	}
	return ""
}

// draftExtras are a draft's line of facts and choices and its Moore scaffold.
type draftExtras struct {
	env       *Env
	id        string
	facts     *widget.Label
	name      string // L1, L2…
	words     int
	version   int
	authors   *checkPicker
	segments  *checkPicker
	basedOn   *checkPicker
	shortlist *widget.Check
	loading   bool
	mooreBtn  *button.Button
	moore     *fyne.Container
	fields    field.Group
	obj       fyne.CanvasObject
}

func newDraftExtras(env *Env, id string) *draftExtras {
	x := &draftExtras{env: env, id: id}
	ed := env.Room.Ed
	x.facts = widget.NewLabel("")
	x.authors = x.linkPicker(workshop.DraftAuthor,
		func(opts []pickOption) string {
			return pickTitle(env.Room.Tr, "steps.drafts.authors", "steps.drafts.anonymous", opts)
		},
		func(s *workshop.Session, d *workshop.Draft) []pickOption {
			var out []pickOption
			for _, p := range s.Participants {
				out = append(out, pickOption{p.ID, p.Name, slices.Contains(d.AuthorIDs, p.ID)})
			}
			return out
		})
	x.segments = x.linkPicker(workshop.DraftSegment,
		func(opts []pickOption) string {
			return pickTitle(env.Room.Tr, "steps.drafts.segments", "steps.drafts.segments.none", opts)
		},
		func(s *workshop.Session, d *workshop.Draft) []pickOption {
			var out []pickOption
			for _, g := range s.Segments {
				out = append(out, pickOption{g.ID, g.Name, slices.Contains(d.SegmentIDs, g.ID)})
			}
			return out
		})
	// What the draft rests on: the profile items of the focus segments, so
	// that the evaluation can see whether it hits a top job, pain or gain.
	x.basedOn = x.linkPicker(workshop.DraftBasedOn,
		func(opts []pickOption) string {
			return env.T("steps.drafts.based_on", map[string]int{"N": picked(opts)})
		},
		func(s *workshop.Session, d *workshop.Draft) []pickOption {
			var out []pickOption
			segs, _ := focusSegments(s)
			for _, g := range segs {
				for _, it := range s.ProfileItems {
					if it.SegmentID == g.ID {
						label := workshop.Label(workshop.ItemTypeLabels, it.Type, s.Language) + " · " + it.Text
						if len(segs) > 1 {
							label = g.Name + " · " + label
						}
						out = append(out, pickOption{it.ID, label, slices.Contains(d.BasedOn, it.ID)})
					}
				}
			}
			return out
		})
	x.shortlist = widget.NewCheck(env.T("steps.drafts.shortlist"), func(on bool) {
		if x.loading {
			return
		}
		if err := ed.Edit(func(s *workshop.Session) error {
			return x.put(s, func() error { return s.ShortlistDraft(id, on) })
		}); err != nil && env.ShowError != nil {
			env.ShowError(err)
		}
	})

	// The Moore scaffold: five short fields, closed until asked for, since
	// most drafts are written freely.
	mooreField := func(part string) *field.Text {
		t := field.NewText(env.Room, false,
			func(s *workshop.Session) string {
				if d := s.Draft(id); d != nil {
					return d.Moore.Part(part)
				}
				return ""
			},
			func(s *workshop.Session, v string) error {
				return x.put(s, func() error { return s.SetMoorePart(id, part, v) })
			})
		t.SetPlaceHolder(env.T("steps.drafts.moore." + part))
		return t
	}
	form := widget.NewForm()
	for _, part := range workshop.MooreParts {
		t := mooreField(part)
		form.Append(env.T("steps.drafts.moore."+part+".label"), t.Object())
		x.fields = append(x.fields, t)
	}
	x.moore = container.NewVBox(form)
	x.moore.Hide()
	x.mooreBtn = button.New(env.T("steps.drafts.moore"), theme.MenuDropDownIcon(), func() {
		if x.moore.Visible() {
			x.moore.Hide()
		} else {
			x.moore.Show()
		}
		x.obj.Refresh()
	})
	x.mooreBtn.Importance = widget.LowImportance

	// Two short lines rather than one long one, so that a card never grows
	// wider than the middle of the window.
	row := container.NewBorder(nil, nil, x.facts, container.NewHBox(x.shortlist, x.mooreBtn))
	pickers := newColumns(x.authors.toggle, x.segments.toggle, x.basedOn.toggle)
	x.obj = container.NewVBox(row, pickers, x.authors.checks, x.segments.checks, x.basedOn.checks, x.moore)
	x.Refresh()
	return x
}

// pickTitle is a picker's button text: the names chosen, or what none means.
func pickTitle(tr *i18n.Tr, key, noneKey string, opts []pickOption) string {
	var names []string
	for _, o := range opts {
		if o.On {
			names = append(names, o.Label)
		}
	}
	if len(names) == 0 {
		return tr.T(key, map[string]string{"Names": tr.T(noneKey)})
	}
	list := strings.Join(names, ", ")
	if r := []rune(list); len(r) > 24 {
		list = string(r[:24]) + "…"
	}
	return tr.T(key, map[string]string{"Names": list})
}

// linkPicker is a picker of the draft's links of one kind (workshop.LinkDraft):
// the options, as the draft links them, come from options while the draft is there.
func (x *draftExtras) linkPicker(link string, title func(opts []pickOption) string,
	options func(s *workshop.Session, d *workshop.Draft) []pickOption) *checkPicker {
	return newCheckPicker(x.env, title,
		func(s *workshop.Session) []pickOption {
			if d := s.Draft(x.id); d != nil {
				return options(s, d)
			}
			return nil
		},
		func(s *workshop.Session, refID string, on bool) error {
			return x.put(s, func() error { return s.LinkDraft(x.id, link, refID, on) })
		})
}

// put runs op, which changes the draft, unless the draft is gone (removed
// while its card was still shown): then there is nothing to store.
func (x *draftExtras) put(s *workshop.Session, op func() error) error {
	if s.Draft(x.id) == nil {
		return nil
	}
	return op()
}

// showFacts shows the draft's name, length and version; over the limit the
// length is a warning.
func (x *draftExtras) showFacts() {
	facts := x.env.T("steps.drafts.facts", map[string]any{"Name": x.name, "Words": x.words, "Version": x.version})
	imp := widget.MediumImportance
	if x.words > workshop.LongDraftWords {
		imp = widget.WarningImportance
	}
	if x.facts.Text != facts || x.facts.Importance != imp {
		x.facts.Importance = imp
		x.facts.SetText(facts)
	}
}

func (x *draftExtras) Object() fyne.CanvasObject { return x.obj }
func (x *draftExtras) Flush()                    { x.fields.Flush() }

func (x *draftExtras) Refresh() {
	var short, hasMoore bool
	x.env.Room.Ed.Read(func(s *workshop.Session) {
		d := s.Draft(x.id)
		if d == nil {
			return
		}
		x.name, x.words, x.version = charts.DraftShort(s, x.id, s.Language), workshop.WordCount(d.Text), d.Version
		short = d.Shortlisted
		hasMoore = d.Moore != nil
	})
	// Only what changed is redrawn: the shell refreshes the view after every
	// saved keystroke pause, and a large session has dozens of drafts.
	x.showFacts()
	if x.shortlist.Checked != short {
		x.loading = true
		x.shortlist.SetChecked(short)
		x.loading = false
	}
	imp := widget.LowImportance
	if hasMoore {
		imp = widget.MediumImportance
	}
	if x.mooreBtn.Importance != imp {
		x.mooreBtn.Importance = imp
		x.mooreBtn.Refresh()
	}
	x.authors.Refresh()
	x.segments.Refresh()
	x.basedOn.Refresh()
	x.fields.Refresh()
}
