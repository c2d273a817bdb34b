package steps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// profile is step 3: for each focus segment the customer's jobs, pains,
// gains and buying motives, each with the evidence behind it.
type profile struct{ segmentStep }

func newProfile(env *Env) View {
	p := &profile{newSegmentStep(env, func(env *Env, segID string) segmentPage { return newProfilePage(env, segID) })}
	p.Refresh()
	return p
}

// profileTypes are the columns of a profile, the motives last and smaller.
var profileTypes = []string{workshop.ItemJob, workshop.ItemPain, workshop.ItemGain, workshop.ItemMotive}

// profilePage is one segment's profile.
type profilePage struct {
	env     *Env
	segID   string
	lists   map[string]*field.CardList
	heads   map[string]*widget.Label
	evident *widget.Label
	last    string // the type whose list was used last, for Ctrl+N and Ctrl+Z
	obj     fyne.CanvasObject
}

func newProfilePage(env *Env, segID string) *profilePage {
	p := &profilePage{env: env, segID: segID, lists: map[string]*field.CardList{},
		heads: map[string]*widget.Label{}, last: workshop.ItemJob}
	var lang string
	env.Room.Ed.Read(func(s *workshop.Session) { lang = s.Language })
	for _, typ := range profileTypes {
		typ := typ
		p.heads[typ] = sectionHead("")
		p.lists[typ] = field.NewCardList(env.Room, profileCards(segID, typ), field.CardOptions{
			Placeholder: env.T("steps.profile.new." + typ),
			MultiLine:   true,
			Rows:        3, // narrow columns: a card's sentence wraps to three lines
			Extra:       func(id string) []field.Bound { return []field.Bound{profileExtras(env, id, typ, lang)} },
			Mark:        assumptionMark,
			OnAdded:     func(string) { p.last = typ },
			OnRemoved:   func(string) { p.last = typ },
		})
	}
	p.evident = widget.NewLabel("")
	p.evident.Wrapping = fyne.TextWrapWord
	p.obj = columnsPage(newStack(p.evident, helpLabel(env.T("steps.profile.importance.help"))), p.heads, p.lists,
		[]string{workshop.ItemJob, workshop.ItemPain, workshop.ItemGain},
		p.heads[workshop.ItemMotive], helpLabel(env.T("steps.profile.motive.help")),
		p.lists[workshop.ItemMotive].Object())
	p.Refresh()
	return p
}

func (p *profilePage) Object() fyne.CanvasObject { return p.obj }
func (p *profilePage) FocusNew()                 { p.lists[p.last].FocusNew() }

func (p *profilePage) Flush() {
	for _, l := range p.lists {
		l.Flush()
	}
}

func (p *profilePage) Refresh() {
	counts := map[string]int{}
	assumed, total, allAssumed, all := 0, 0, 0, 0
	p.env.Room.Ed.Read(func(s *workshop.Session) {
		for _, it := range s.ProfileItems {
			if it.SegmentID == p.segID {
				counts[it.Type]++
				total++
				if isAssumption(it) {
					assumed++
				}
			}
		}
		allAssumed, all = s.AssumptionCount()
	})
	for _, typ := range profileTypes {
		p.heads[typ].SetText(p.env.T("steps.profile.head."+typ, map[string]int{"N": counts[typ]}))
		p.lists[typ].Refresh()
	}
	data := map[string]int{"N": assumed, "Of": total, "All": allAssumed, "AllOf": all}
	switch {
	case total == 0:
		p.evident.Importance = widget.LowImportance
		p.evident.SetText(p.env.T("steps.profile.evidence.empty"))
	case assumed == 0:
		p.evident.Importance = widget.SuccessImportance
		p.evident.SetText(p.env.T("steps.profile.evidence.none", data))
	default:
		p.evident.Importance = widget.WarningImportance
		p.evident.SetText(p.env.T("steps.profile.evidence.some", data))
	}
}

func isAssumption(it workshop.ProfileItem) bool {
	return it.Evidence == workshop.EvidenceAssumption || it.Evidence == ""
}

func assumptionMark(s *workshop.Session, id string) string {
	if it := s.ProfileItem(id); it != nil && isAssumption(*it) {
		return i18n.TIn(s.Language, "steps.profile.assumption")
	}
	return ""
}

// profileCards are one segment's items of one type. A new item rests on an
// assumption until the room says where it comes from: that is the honest
// default, and it is highlighted until changed.
func profileCards(segID, typ string) field.Cards[workshop.ProfileItem] {
	return field.Cards[workshop.ProfileItem]{
		List: func(s *workshop.Session) *[]workshop.ProfileItem { return &s.ProfileItems },
		Kind: workshop.CardProfileItem,
		Keep: func(_ *workshop.Session, c *workshop.ProfileItem) bool {
			return c.SegmentID == segID && c.Type == typ
		},
		ID:   func(c *workshop.ProfileItem) string { return c.ID },
		Text: func(c *workshop.ProfileItem) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			it, err := s.AddProfileItem(segID, typ, text, "")
			return it.ID, err
		},
		Remove: (*workshop.Session).RemoveProfileItem,
	}
}

// profileExtras are an item's evidence, importance, job kind (for jobs)
// and evidence note, laid out to fit a narrow column.
func profileExtras(env *Env, id, typ, lang string) field.Bound {
	ed := env.Room.Ed
	get := func(s *workshop.Session) workshop.ProfileItem {
		if it := s.ProfileItem(id); it != nil {
			return *it
		}
		return workshop.ProfileItem{}
	}
	put := func(s *workshop.Session, fn func(it *workshop.ProfileItem)) error {
		it := s.ProfileItem(id)
		if it == nil {
			return nil
		}
		fn(it)
		return nil
	}
	evidence := field.NewSelect(env.Room.Tr, ed, field.Options(workshop.EvidenceLabels, lang, workshop.EvidenceCustomerSaid,
		workshop.EvidenceFeedbackData, workshop.EvidenceObservation, workshop.EvidenceAssumption),
		env.T("steps.profile.evidence"),
		func(s *workshop.Session) string { return get(s).Evidence },
		func(s *workshop.Session, v string) error {
			return put(s, func(it *workshop.ProfileItem) { it.Evidence = v })
		})
	importance := field.NewLevels(env.Room.Tr, ed, 3,
		func(s *workshop.Session) int { return get(s).Importance },
		func(s *workshop.Session, n int) error {
			return put(s, func(it *workshop.ProfileItem) { it.Importance = n })
		})
	importance.OnError = env.ShowError
	note := field.NewText(env.Room, false,
		func(s *workshop.Session) string { return get(s).EvidenceNote },
		func(s *workshop.Session, v string) error {
			return put(s, func(it *workshop.ProfileItem) { it.EvidenceNote = v })
		}).SetPlaceHolder(env.T("steps.profile.evidence_note"))
	group := field.Group{evidence, importance, note}
	evidence.OnError = env.ShowError
	var kindObj fyne.CanvasObject // a job's kind
	if typ == workshop.ItemJob {
		kind := field.NewSelect(env.Room.Tr, ed, []field.Option{
			{Value: "functional", Label: env.T("steps.profile.jobkind.functional")},
			{Value: "social", Label: env.T("steps.profile.jobkind.social")},
			{Value: "emotional", Label: env.T("steps.profile.jobkind.emotional")},
		}, env.T("steps.profile.jobkind"),
			func(s *workshop.Session) string { return get(s).JobKind },
			func(s *workshop.Session, v string) error {
				return put(s, func(it *workshop.ProfileItem) { it.JobKind = v })
			})
		kind.OnError = env.ShowError
		group = append(group, kind)
		kindObj = kind.Object()
	}
	if typ == workshop.ItemMotive {
		// The motives have the whole width: one line each, the importance
		// buttons keeping their size and the evidence taking the rest.
		return boundGroup(newColumns(container.NewBorder(nil, nil, nil, importance.Object(), evidence.Object()), note.Object()), group)
	}
	// In a card of a column, the evidence has a line of its own, where its
	// longest option shows whole ("asiakkaan sanoma"), and the importance
	// buttons go to the end of the note's line.
	lines := []fyne.CanvasObject{evidence.Object()}
	if kindObj != nil {
		lines = append(lines, kindObj)
	}
	lines = append(lines, container.NewBorder(nil, nil, nil, importance.Object(), note.Object()))
	return boundGroup(container.NewVBox(lines...), group)
}
