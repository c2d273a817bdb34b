package projector

import (
	"image/color"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/ui/charts"
	"lupauspaja/workshop"
)

// stepBody is what the room sees of a step under its title and questions.
// Nothing here reads the facilitator's notes or who wrote a draft.
func stepBody(st *state, key string) fyne.CanvasObject {
	if b := checkinBody(st, key); b != nil {
		return b
	}
	switch key {
	case workshop.StepBaseline:
		return baselineBody(st)
	case workshop.StepPurpose:
		return purposeBody(st)
	case workshop.StepProfile:
		return profileBody(st)
	case workshop.StepValueMap:
		return valueMapBody(st)
	case workshop.StepDrafts:
		return draftsBody(st)
	case workshop.StepEvaluation:
		return evaluationBody(st)
	case workshop.StepDecision:
		return decisionBody(st)
	case workshop.StepMeasures:
		return measuresGrid(st)
	case workshop.StepNextSteps:
		return actionColumns(st, true)
	case workshop.StepBreak:
		return breakBody(st)
	case workshop.StepSummary:
		return promiseStatement(st)
	case workshop.StepHistory:
		return historyBody(st)
	}
	return welcomeBody(st)
}

func welcomeBody(st *state) fyne.CanvasObject {
	s := st.s
	meta := date(s.Date, st.lang)
	if s.StartTime != "" {
		meta += " " + s.StartTime
	}
	if s.Place != "" {
		meta += " · " + s.Place
	}
	var tiles []fyne.CanvasObject
	var words []string // every word of the names, for the columns' least width
	for _, a := range s.Agenda {
		if a.Skipped {
			continue
		}
		name := workshop.StepTitle(a.Step, st.lang)
		words = append(words, strings.Fields(name)...)
		if step := workshop.StepByKey(a.Step); step != nil {
			name = strconv.Itoa(step.No) + " · " + name
		}
		tiles = append(tiles, tile(st, colPrimary, st.tag(st.t("projector.minutes", map[string]int{"N": a.PlannedMin}), inkText), name))
	}
	// Built whole: adding to a container lays it out at once, before the
	// projector's theme reaches the new texts.
	parts := []fyne.CanvasObject{st.text(s.Organisation, sizeSubHeading, true), st.text(meta, sizeBody, false)}
	if s.Goal != "" {
		parts = append(parts, st.text(s.Goal, sizeBody, false))
	}
	top := container.NewVBox(parts...)
	// The agenda's names are short: narrower columns, up to five, keep
	// every step on the page beside the room's way in (join.go), a long
	// name ending at a line with "…" when even so they do not fit. A
	// column is as wide as the longest word at the names' size, so that
	// no word ("Lupausluonnokset") breaks.
	agenda := cappedGrid(st, 5, tiles)
	if c, ok := agenda.(*fyne.Container); ok {
		g := c.Layout.(*flowGrid)
		g.minColW = func() float32 {
			size := sizeBody
			if g.full != "" || st.dense { // set at the smallest size (setShrunk)
				size = sizeText
			}
			w := st.size(sizeText) * 6
			for _, word := range words {
				w = fyne.Max(w, fyne.MeasureText(word, st.size(size), fyne.TextStyle{}).Width)
			}
			// The tile's edge and paddings, and the text's own (tile, ptext).
			return w + st.size(sizePadding)*1.5 + st.size(sizeInnerPadding)*2 + 4
		}
	}
	return container.NewBorder(top, nil, nil, nil, st.section(st.t("projector.agenda"), agenda))
}

func breakBody(st *state) fyne.CanvasObject {
	msg := ""
	if a := st.s.AgendaItem(workshop.StepBreak); a != nil {
		if tm, ok := a.Timer(st.now); ok && tm.Left > 0 {
			at := st.now.Add(tm.Left).Local()
			clock := strings.TrimPrefix(at.Format("15.04"), "0") // 9.47
			if st.lang == "en" {
				clock = at.Format("15:04")
			}
			msg = st.t("projector.break.resume", map[string]string{"T": clock})
		}
	}
	return centered(st.text(msg, sizeQuestion, false))
}

func baselineBody(st *state) fyne.CanvasObject {
	s := st.s
	counts := s.LadderCounts()
	placed := 0
	for _, c := range counts {
		placed += c
	}
	ladder := container.NewBorder(nil, muted(st.text(workshop.LadderSource.In(st.lang), sizeText, false)), nil, nil,
		st.fitBars("ladder", st.lang, charts.LadderBars(s, st.lang)))
	left := st.section(st.t("projector.ladder.title", map[string]int{"N": placed}), ladder)

	var yes, maybe, no int
	var quotes []fyne.CanvasObject
	for _, v := range s.Ladder {
		switch v.WouldBuy {
		case workshop.BuyYes:
			yes++
		case workshop.BuyMaybe:
			maybe++
		case workshop.BuyNo:
			no++
		}
		if why := strings.TrimSpace(v.WhyBuy); why != "" {
			// The sentence without the answer beside it: the room sees the
			// totals, never one person's vote.
			quotes = append(quotes, tile(st, colPrimary, nil, why))
		}
	}
	var right []fyne.CanvasObject
	if ex := strings.TrimSpace(s.Baseline.ExistingPromise); ex != "" {
		right = append(right, tile(st, colTileEdge, st.tag(st.t("projector.existing"), inkText), "", st.text(ex, sizeText, false)))
	}
	right = append(right, st.line(st.t("projector.buy.title"), sizeSubHeading, true),
		st.text(st.t("projector.buy.counts", map[string]int{"Yes": yes, "Maybe": maybe, "No": no}), sizeBody, true))
	// At the foot of the column, level with the ladder's source: what the
	// ladder's top rung means across the survey, the beginners against the
	// pioneers. The chart keeps its height for all five rungs; the quotes
	// give up theirs ("+N more").
	maturity := st.text(workshop.MaturityContrast.Says.In(st.lang), sizeText, false)
	return split(st, left, container.NewBorder(container.NewVBox(right...), maturity, nil, nil, grid(st, 1, quotes)), 0.58)
}

func purposeBody(st *state) fyne.CanvasObject {
	p := st.s.Purpose
	three := container.NewGridWithColumns(3,
		tile(st, colPrimary, st.tag(st.t("projector.purpose.why"), inkPrimary), p.Why),
		tile(st, colPrimary, st.tag(st.t("projector.purpose.whom"), inkPrimary), p.Whom),
		tile(st, colPrimary, st.tag(st.t("projector.purpose.value"), inkPrimary), p.Value))
	var segs []fyne.CanvasObject
	st.dense = true // the segments are the page's second matter: the purpose comes first
	for _, sg := range st.s.Segments {
		head := sg.Name
		accent := color.Color(colTileEdge)
		if sg.Focus {
			head += " · " + st.t("projector.focus")
			accent = colPrimary
		}
		segs = append(segs, tile(st, accent, st.tag(head, inkText), sg.Description))
	}
	// The purpose takes at most half the height; a longer text ends at a
	// whole line, so that the segments keep the other half.
	head := st.line(st.t("projector.segments"), sizeSubHeading, true)
	g := grid(st, 3, segs)
	need := func(w float32) float32 {
		h := head.MinSize().Height + theme.Padding() // the border's, under the head
		if c, ok := g.(*fyne.Container); ok {
			if fg, ok := c.Layout.(*flowGrid); ok {
				return h + fg.natural(c.Objects, w)
			}
		}
		return h + g.MinSize().Height
	}
	return container.New(&topShare{share: 0.5, gap: st.size(sizePadding) * 2, rest: need},
		three, container.NewBorder(head, nil, nil, nil, g))
}

// profileSegments are the segments whose profile the room works on: the
// focus segments, or every segment with items when none is marked.
func profileSegments(s *workshop.Session) map[string]bool {
	out := map[string]bool{}
	for _, sg := range s.Segments {
		if sg.Focus {
			out[sg.ID] = true
		}
	}
	if len(out) == 0 {
		for _, it := range s.ProfileItems {
			out[it.SegmentID] = true
		}
	}
	return out
}

func profileBody(st *state) fyne.CanvasObject {
	s := st.s
	segs := profileSegments(s)
	multi := len(segs) > 1
	// Most important first, the segments taking turns, so that every focus
	// segment shows even when not all cards fit.
	items := append([]workshop.ProfileItem(nil), s.ProfileItems...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Importance > items[j].Importance })
	turn := map[string]int{}
	rank := make([]int, len(items))
	for i, it := range items {
		k := it.SegmentID + "/" + it.Type
		rank[i] = turn[k]
		turn[k]++
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := items[idx[a]], items[idx[b]]
		if x.Importance != y.Importance {
			return x.Importance > y.Importance
		}
		return rank[idx[a]] < rank[idx[b]]
	})
	sorted := make([]workshop.ProfileItem, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	items = sorted
	types := []string{workshop.ItemJob, workshop.ItemPain, workshop.ItemGain}
	heads := []string{st.t("projector.profile.jobs"), st.t("projector.profile.pains"), st.t("projector.profile.gains")}
	accents := []color.Color{colPrimary, colPain, colGain}
	bodies := make([]fyne.CanvasObject, 3)
	n := 0
	for _, it := range items {
		if segs[it.SegmentID] {
			n++
		}
	}
	st.dense = n > denseCards
	for i, ty := range types {
		var tiles []fyne.CanvasObject
		for _, it := range items {
			if it.Type != ty || !segs[it.SegmentID] {
				continue
			}
			var tags []string
			if multi {
				if sg := s.Segment(it.SegmentID); sg != nil {
					tags = append(tags, shortName(sg.Name))
				}
			}
			// Only assumptions are flagged: they are what the room must
			// check; the evidence of the others is in the PDF.
			imp := inkText
			if it.Evidence == workshop.EvidenceAssumption || it.Evidence == "" {
				tags = append(tags, strings.ToUpper(workshop.Label(workshop.EvidenceLabels, workshop.EvidenceAssumption, st.lang)))
				imp = inkWarning
			}
			var tg *ptext
			if len(tags) > 0 {
				tg = st.tag(strings.Join(tags, " · "), imp)
			}
			tiles = append(tiles, tile(st, accents[i], tg, it.Text))
		}
		bodies[i] = grid(st, 1, tiles)
	}
	return columns(st, heads, accents, bodies)
}

// shortName is a segment's name up to its first colon or dash, for tags.
func shortName(name string) string {
	for _, sep := range []string{":", " – ", " - "} {
		if i := strings.Index(name, sep); i > 0 {
			return name[:i]
		}
	}
	return name
}

func valueMapBody(st *state) fyne.CanvasObject {
	s := st.s
	types := []string{workshop.ValueProduct, workshop.ValuePainReliever, workshop.ValueGainCreator}
	accents := []color.Color{colPrimary, colPain, colGain}
	heads := make([]string, 3)
	bodies := make([]fyne.CanvasObject, 3)
	st.dense = len(s.ValueItems) > denseCards
	for i, ty := range types {
		heads[i] = workshop.Label(workshop.ValueTypeLabels, ty, st.lang)
		var tiles []fyne.CanvasObject
		for _, v := range s.ValueItems {
			if v.Type != ty {
				continue
			}
			imp := inkSuccess
			switch v.DeliveredToday {
			case "partly":
				imp = inkWarning
			case "no", "":
				imp = inkUrgent
			}
			tiles = append(tiles, tile(st, accents[i], st.tag(workshop.Label(workshop.DeliveredLabels, v.DeliveredToday, st.lang), imp), v.Text))
		}
		bodies[i] = grid(st, 1, tiles)
	}
	body := columns(st, heads, accents, bodies)
	var alts []string
	for _, a := range s.Alternatives {
		if t := strings.TrimSpace(a.Text); t != "" {
			alts = append(alts, t)
		}
	}
	if len(alts) == 0 {
		return body
	}
	bottom := tile(st, colTileEdge, st.tag(st.t("projector.alternatives"), inkText), strings.Join(alts, " · "))
	return container.NewBorder(nil, bottom, nil, nil, body)
}

// draftTiles are the drafts as the room should judge them: the words only,
// with their short name; never who wrote them.
func draftTiles(st *state, only func(d *workshop.Draft) bool) []fyne.CanvasObject {
	var tiles []fyne.CanvasObject
	for i := range st.s.Drafts {
		d := &st.s.Drafts[i]
		if only != nil && !only(d) {
			continue
		}
		head := charts.DraftShort(st.s, d.ID, st.lang)
		imp := inkPrimary
		if n := workshop.WordCount(d.Text); n > workshop.LongDraftWords {
			head += " · " + st.t("projector.words", map[string]int{"N": n})
			imp = inkWarning
		}
		if st.dense {
			// Many drafts: the short name starts the text instead of taking
			// a line of its own, so that up to twelve fit at the room's
			// smallest text size.
			tiles = append(tiles, tile(st, colPrimary, nil, head+" · "+charts.DraftText(d, st.s, st.lang)))
			continue
		}
		tiles = append(tiles, tile(st, colPrimary, st.tag(head, imp), charts.DraftText(d, st.s, st.lang)))
	}
	return tiles
}

func draftsBody(st *state) fyne.CanvasObject {
	st.dense = len(st.s.Drafts) > denseCards
	return draftGrid(st, draftTiles(st, nil))
}

// draftGrid is the drafts as steps 5 and 6 show them while the room writes
// and votes: every draft while they fit, many drafts in more and narrower
// columns set closer together; when even so they do not fit, a page of
// them at a time, under a line that says which page of how many, which the
// projector's page keys turn (Keys).
func draftGrid(st *state, tiles []fyne.CanvasObject) fyne.CanvasObject {
	g := grid(st, draftCols, tiles)
	c, ok := g.(*fyne.Container)
	if !ok || st.pager == nil {
		return g
	}
	fg := c.Layout.(*flowGrid)
	if st.dense {
		fg.maxCols = manyDraftCols
		fg.minColW = func() float32 { return st.size(sizeText) * 9 }
		fg.gap = func() float32 { return st.size(sizePadding) }
	}
	st.pager.label = func(page, pages, first, last, all int) string {
		return st.t("projector.drafts.page", map[string]int{"N": page, "Of": pages, "First": first, "Last": last, "All": all})
	}
	fg.pager = st.pager
	st.pager.inBuild = true
	return g
}

// draftCols is the most columns of drafts: twelve drafts fit in three rows
// of four, so that the room sees every draft while it writes and votes.
// manyDraftCols is the most when there are more (the short name then
// starts a draft's text, at the smallest text size): six of about sixteen
// characters a line at that size.
const (
	draftCols     = 4
	manyDraftCols = 6
)

// denseCards is the number of cards above which card texts are set at the
// smallest size: more of them fit, and none is smaller than the room's minimum.
const denseCards = 9
