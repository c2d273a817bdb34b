package steps

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// valueMap is step 4: per focus segment what we do (products and services,
// pain relievers, gain creators), which pains and gains each addresses and
// whether we deliver it today; and what the customer would do without us.
type valueMap struct{ segmentStep }

func newValueMap(env *Env) View {
	v := &valueMap{newSegmentStep(env, func(env *Env, segID string) segmentPage { return newValuePage(env, segID) })}
	v.Refresh()
	return v
}

var valueTypes = []string{workshop.ValueProduct, workshop.ValuePainReliever, workshop.ValueGainCreator}

// valuePage is one segment's value map and the alternatives.
type valuePage struct {
	env     *Env
	segID   string
	lists   map[string]*field.CardList
	heads   map[string]*widget.Label
	alts    *field.CardList
	summary *widget.Label
	last    *field.CardList // used last, for Ctrl+N and Ctrl+Z
	obj     fyne.CanvasObject
}

func newValuePage(env *Env, segID string) *valuePage {
	p := &valuePage{env: env, segID: segID, lists: map[string]*field.CardList{}, heads: map[string]*widget.Label{}}
	for _, typ := range valueTypes {
		typ := typ
		opt := field.CardOptions{
			Placeholder: env.T("steps.valuemap.new." + typ),
			MultiLine:   true,
			Rows:        3, // narrow columns: a card's sentence wraps to three lines
		}
		if typ != workshop.ValueProduct {
			opt.Extra = func(id string) []field.Bound { return []field.Bound{newValueExtras(env, segID, id, typ)} }
			opt.Mark = gapMark
		}
		var l *field.CardList
		opt.OnAdded = func(string) { p.last = l }
		opt.OnRemoved = opt.OnAdded
		p.heads[typ] = sectionHead("")
		l = field.NewCardList(env.Room, valueCards(segID, typ), opt)
		p.lists[typ] = l
	}
	altOpt := field.CardOptions{Placeholder: env.T("steps.valuemap.alternative.new")}
	altOpt.OnAdded = func(string) { p.last = p.alts }
	altOpt.OnRemoved = altOpt.OnAdded
	p.alts = field.NewCardList(env.Room, alternativeCards(), altOpt)
	p.last = p.lists[workshop.ValueProduct]
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.obj = columnsPage(p.summary, p.heads, p.lists, valueTypes,
		sectionHead(env.T("steps.valuemap.alternatives")),
		helpLabel(env.T("steps.valuemap.alternatives.help")),
		p.alts.Object())
	p.Refresh()
	return p
}

func (p *valuePage) Object() fyne.CanvasObject { return p.obj }
func (p *valuePage) FocusNew()                 { p.last.FocusNew() }

func (p *valuePage) Flush() {
	for _, l := range p.lists {
		l.Flush()
	}
	p.alts.Flush()
}

func (p *valuePage) Refresh() {
	counts := map[string]int{}
	var painsOpen, pains, gainsOpen, gains, gaps int
	p.env.Room.Ed.Read(func(s *workshop.Session) {
		addressed := map[string]bool{}
		for _, v := range s.ValueItems {
			if v.SegmentID != p.segID {
				continue
			}
			counts[v.Type]++
			for _, id := range v.Addresses {
				addressed[id] = true
			}
			if v.Type != workshop.ValueProduct && v.DeliveredToday != "yes" {
				gaps++
			}
		}
		for _, it := range s.ProfileItems {
			if it.SegmentID != p.segID {
				continue
			}
			switch it.Type {
			case workshop.ItemPain:
				pains++
				if !addressed[it.ID] {
					painsOpen++
				}
			case workshop.ItemGain:
				gains++
				if !addressed[it.ID] {
					gainsOpen++
				}
			}
		}
	})
	for _, typ := range valueTypes {
		p.heads[typ].SetText(p.env.T("steps.valuemap.head."+typ, map[string]int{"N": counts[typ]}))
		p.lists[typ].Refresh()
	}
	p.alts.Refresh()
	p.summary.SetText(p.env.T("steps.valuemap.summary", map[string]int{
		"PainsOpen": painsOpen, "Pains": pains, "GainsOpen": gainsOpen, "Gains": gains, "Gaps": gaps,
	}))
	if painsOpen+gainsOpen+gaps > 0 {
		p.summary.Importance = widget.WarningImportance
	} else {
		p.summary.Importance = widget.SuccessImportance
	}
	p.summary.Refresh()
}

// gapMark flags what we do not (fully) deliver today.
func gapMark(s *workshop.Session, id string) string {
	v := s.ValueItem(id)
	if v == nil || v.DeliveredToday == "yes" {
		return ""
	}
	if v.DeliveredToday == "" {
		return i18n.TIn(s.Language, "steps.valuemap.gap.unknown")
	}
	return i18n.TIn(s.Language, "steps.valuemap.gap", map[string]string{"State": workshop.Label(workshop.DeliveredLabels, v.DeliveredToday, s.Language)})
}

func valueCards(segID, typ string) field.Cards[workshop.ValueItem] {
	return field.Cards[workshop.ValueItem]{
		List: func(s *workshop.Session) *[]workshop.ValueItem { return &s.ValueItems },
		Kind: workshop.CardValueItem,
		Keep: func(_ *workshop.Session, c *workshop.ValueItem) bool {
			return c.SegmentID == segID && c.Type == typ
		},
		ID:   func(c *workshop.ValueItem) string { return c.ID },
		Text: func(c *workshop.ValueItem) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			it, err := s.AddValueItem(segID, typ, text)
			return it.ID, err
		},
		Remove: (*workshop.Session).RemoveValueItem,
	}
}

func alternativeCards() field.Cards[workshop.Note] {
	return field.Cards[workshop.Note]{
		List: func(s *workshop.Session) *[]workshop.Note { return &s.Alternatives },
		Kind: workshop.CardAlternative,
		ID:   func(c *workshop.Note) string { return c.ID },
		Text: func(c *workshop.Note) *string { return &c.Text },
		Add: func(s *workshop.Session, text string) (string, error) {
			n, err := s.AddAlternative(text)
			return n.ID, err
		},
		Remove: (*workshop.Session).RemoveAlternative,
	}
}

// valueExtras are a reliever's or creator's "delivered today?" and its links
// to the segment's pains or gains: a toggle opens the check list in the card,
// and the linked items are listed under it when it is closed.
type valueExtras struct {
	env      *Env
	id       string
	itemType string // the profile items it may address: pains or gains

	delivered *field.Choice
	links     *checkPicker
	toggle    *pickerToggle // the links' toggle
	linked    *widget.Label
	obj       fyne.CanvasObject
}

func newValueExtras(env *Env, segID, id, typ string) *valueExtras {
	x := &valueExtras{env: env, id: id, itemType: workshop.ItemPain}
	if typ == workshop.ValueGainCreator {
		x.itemType = workshop.ItemGain
	}
	ed := env.Room.Ed
	var lang string
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	x.delivered = field.NewSelect(env.Room.Tr, ed, field.Options(workshop.DeliveredLabels, lang, "yes", "partly", "no"),
		env.T("steps.valuemap.delivered"),
		func(s *workshop.Session) string {
			if v := s.ValueItem(id); v != nil {
				return v.DeliveredToday
			}
			return ""
		},
		func(s *workshop.Session, val string) error {
			v := s.ValueItem(id)
			if v == nil {
				return nil
			}
			v.DeliveredToday = val
			return nil
		})
	x.delivered.OnError = env.ShowError
	x.links = newCheckPicker(env,
		func(opts []pickOption) string {
			return env.T("steps.valuemap.links."+x.itemType, map[string]int{"N": picked(opts)})
		},
		func(s *workshop.Session) []pickOption {
			v := s.ValueItem(id)
			if v == nil {
				return nil
			}
			var out []pickOption
			for _, it := range s.ProfileItems {
				if it.SegmentID == segID && it.Type == x.itemType {
					out = append(out, pickOption{it.ID, it.Text, slices.Contains(v.Addresses, it.ID)})
				}
			}
			return out
		},
		func(s *workshop.Session, itemID string, on bool) error {
			if s.ValueItem(id) == nil {
				return nil // removed while its card was shown
			}
			return s.LinkValueItem(id, itemID, on)
		})
	x.links.empty = env.T("steps.valuemap.links.none." + x.itemType)
	x.toggle = x.links.toggle
	x.links.onToggle = x.Refresh
	x.linked = widget.NewLabel("")
	x.linked.Wrapping = fyne.TextWrapWord
	x.obj = container.NewVBox(newColumns(x.delivered.Object(), x.toggle), x.links.checks, x.linked)
	x.Refresh()
	return x
}

func (x *valueExtras) Object() fyne.CanvasObject { return x.obj }
func (x *valueExtras) Flush()                    {}

func (x *valueExtras) Refresh() {
	x.delivered.Refresh()
	x.links.Refresh()
	// Closed, the card lists what it addresses; open, the checks say it.
	if x.links.Open() {
		x.linked.Hide()
		return
	}
	var names []string
	x.env.Room.Ed.Read(func(s *workshop.Session) {
		if v := s.ValueItem(x.id); v != nil {
			for _, it := range s.ProfileItems {
				if slices.Contains(v.Addresses, it.ID) {
					names = append(names, "• "+workshop.Label(workshop.ItemTypeLabels, it.Type, s.Language)+": "+it.Text)
				}
			}
		}
	})
	if len(names) == 0 {
		x.linked.Hide()
		return
	}
	if t := strings.Join(names, "\n"); x.linked.Text != t {
		x.linked.SetText(t)
	}
	x.linked.Show()
}

// Linked is how many profile items the card addresses (for tests and the shell).
func (x *valueExtras) Linked() int {
	n := 0
	x.env.Room.Ed.Read(func(s *workshop.Session) {
		if v := s.ValueItem(x.id); v != nil {
			n = len(v.Addresses)
		}
	})
	return n
}
