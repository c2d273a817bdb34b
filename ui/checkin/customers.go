package checkin

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/steps"
	"lupauspaja/workshop"
)

// Step 3: what customers said when the promise was validated with them, the
// customers' C1–C3 next to the room's, and the validation status set from them.
func newCustomers(env *steps.Env) steps.View {
	return newView(env, func(v *view, s *workshop.Session) {
		v.add(v.customerSummary(s))
		v.add(container.NewHBox(KitButtons(env)...))
		v.add(widget.NewSeparator(), heading(env.T("checkin.customers.new")))
		v.add(v.answerForm(s))
		if len(s.ValidationAnswers) > 0 {
			v.add(widget.NewSeparator(), heading(env.T("checkin.customers.answers")))
		}
		for i := len(s.ValidationAnswers) - 1; i >= 0; i-- {
			v.add(v.answerCard(s, s.ValidationAnswers[i]))
		}
	}, func(s *workshop.Session) string {
		var b strings.Builder
		for _, a := range s.ValidationAnswers {
			fmt.Fprintf(&b, "%+v;", a)
		}
		return b.String() + s.Decision.ValidationStatus
	})
}

// CoreText is the customers' C1–C3 next to the room's, in words: of the
// answers about the promise's wording now, the ones its verdict rests on.
func CoreText(s *workshop.Session) string {
	cs := s.CurrentView()
	names := []string{i18n.TIn(s.Language, "checkin.c1"), i18n.TIn(s.Language, "checkin.c2"), i18n.TIn(s.Language, "checkin.c3")}
	var parts []string
	for i := range 3 {
		c, r := "–", "–"
		if cs.Counted[i] > 0 {
			c = num(s.Language, cs.Core[i])
		}
		if s.Checkin != nil && s.Checkin.RoomCore[i] > 0 {
			r = num(s.Language, s.Checkin.RoomCore[i])
		}
		parts = append(parts, i18n.TIn(s.Language, "checkin.customers.core", map[string]any{"N": i + 1, "Name": names[i], "Customers": c, "Room": r}))
	}
	return strings.Join(parts, "\n")
}

// unassessedKeys say, for each of C1–C3, that no answer assessed it and
// what to fill in.
var unassessedKeys = [3]string{"checkin.verdict.unassessed.c1", "checkin.verdict.unassessed.c2", "checkin.verdict.unassessed.c3"}

// VerdictText says what the answers about the promise's wording now say
// of its validation, and how many are about an earlier wording.
func VerdictText(s *workshop.Session) string {
	v := s.CurrentView().Verdict()
	var out []string
	switch v.Reason {
	case "too_few":
		out = append(out, i18n.TIn(s.Language, "checkin.verdict.too_few", map[string]any{"N": workshop.MinValidationAnswers}))
	case "passed":
		out = append(out, i18n.TIn(s.Language, "checkin.verdict.passed"))
	case "core_low":
		var low []string
		for _, i := range v.Low {
			low = append(low, fmt.Sprintf("C%d", i+1))
		}
		out = append(out, i18n.TIn(s.Language, "checkin.verdict.low", map[string]any{"Criteria": strings.Join(low, ", ")}))
	}
	// A criterion nobody assessed is no low score: it asks to be filled in.
	for _, i := range v.Unassessed {
		out = append(out, i18n.TIn(s.Language, unassessedKeys[i]))
	}
	if n := s.AboutEarlier(); n > 0 {
		out = append(out, i18n.TIn(s.Language, "checkin.verdict.earlier", map[string]any{"N": n}))
	}
	return strings.Join(out, " ")
}

func (v *view) customerSummary(s *workshop.Session) fyne.CanvasObject {
	// The numbers are the answers about the wording now; the verdict says
	// how many are about an earlier one.
	cs := s.CurrentView()
	count := v.env.T("checkin.customers.count", map[string]any{"N": cs.Answers})
	if s.AboutEarlier() > 0 {
		count = v.env.T("checkin.customers.count_now", map[string]any{"N": cs.Answers})
	}
	box := container.NewVBox(muted(count))
	if cs.Answers > 0 {
		box.Add(wrapped(CoreText(s)))
		box.Add(wrapped(v.env.T("checkin.customers.choose", map[string]any{"Yes": cs.Choose[workshop.BuyYes], "Maybe": cs.Choose[workshop.BuyMaybe], "No": cs.Choose[workshop.BuyNo]})))
	}
	verdict := widget.NewLabelWithStyle(VerdictText(s), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	verdict.Wrapping = fyne.TextWrapWord
	box.Add(verdict)
	status := wrapped(v.env.T("checkin.customers.status", map[string]any{"Status": label(v.env.Room.Tr, workshop.ValidationLabels, s.Decision.ValidationStatus)}))
	set := button.Primary(v.env.T("checkin.customers.set_status"), nil, func() {
		v.apply(func(s *workshop.Session) error { s.ApplyValidation(); return nil })
	})
	box.Add(container.NewBorder(nil, nil, nil, set, status))
	return box
}

// answerChoice is one of the answer form's choices under its question: a
// select shows only the value chosen, which without the question above it
// would be a bare "3" or "Kyllä". "No answer" comes first, so that a wrong
// pick can be taken back; answered says whether something else is chosen.
func (v *view) answerChoice(question string, opts ...string) (sel *widget.Select, obj fyne.CanvasObject, answered func() bool) {
	none := v.env.T("checkin.customers.no_answer")
	sel = widget.NewSelect(append([]string{none}, opts...), nil)
	sel.PlaceHolder = none
	return sel, container.NewVBox(muted(question), sel), func() bool { return sel.Selected != "" && sel.Selected != none }
}

func (v *view) answerForm(s *workshop.Session) fyne.CanvasObject {
	segNames := []string{v.env.T("checkin.customers.no_segment")}
	segID := map[string]string{}
	for _, sg := range s.Segments {
		segNames = append(segNames, sg.Name)
		segID[sg.Name] = sg.ID
	}
	seg := widget.NewSelect(segNames, nil)
	seg.SetSelected(segNames[0])
	methods, methodOf := options(v.env.Room.Tr, workshop.MethodLabels, workshop.MethodInterview, workshop.MethodSurvey)
	method := widget.NewRadioGroup(methods, nil)
	method.Horizontal = true
	method.SetSelected(methods[0])
	date := dateEntry(v.env.T("checkin.customers.date"))
	v.newInput(date)
	words := field.NewEntry(true)
	words.SetPlaceHolder(v.env.T("checkin.customers.words"))
	words.SetMinRowsVisible(2)
	unds, undOf := options(v.env.Room.Tr, workshop.UnderstoodLabels, workshop.UnderstoodYes, workshop.UnderstoodPartly, workshop.UnderstoodNo)
	und, undBox, undSet := v.answerChoice(v.env.T("checkin.customers.understood"), unds...)
	scores := []string{"1", "2", "3", "4", "5"}
	meaning, meaningBox, meaningSet := v.answerChoice(v.env.T("checkin.customers.meaningful"), scores...)
	diff, diffBox, diffSet := v.answerChoice(v.env.T("checkin.customers.differentiating"), scores...)
	chooses, chooseOf := options(v.env.Room.Tr, workshop.BuyLabels, workshop.BuyYes, workshop.BuyMaybe, workshop.BuyNo)
	choose, chooseBox, chooseSet := v.answerChoice(v.env.T("checkin.customers.would_choose"), chooses...)
	quote := field.NewEntry(false)
	quote.SetPlaceHolder(v.env.T("checkin.customers.quote"))
	add := func() {
		d, ok := v.parseDate(date.Text)
		if !ok {
			return
		}
		m, _ := strconv.Atoi(meaning.Selected)
		df, _ := strconv.Atoi(diff.Selected)
		a := workshop.ValidationAnswer{SegmentID: segID[seg.Selected], Date: d, Method: methodOf(method.Selected),
			UnderstoodAs: strings.TrimSpace(words.Text), Understood: undOf(und.Selected), Meaningful: m, Differentiating: df,
			WouldChoose: chooseOf(choose.Selected), Quote: strings.TrimSpace(quote.Text)}
		if v.apply(func(s *workshop.Session) error { _, err := s.AddAnswer(a); return err }) {
			words.SetText("")
			quote.SetText("")
			und.ClearSelected()
			meaning.ClearSelected()
			diff.ClearSelected()
			choose.ClearSelected()
		}
	}
	btn := button.Primary(v.env.T("checkin.customers.add"), nil, add)
	v.flushes = append(v.flushes, func() {
		// An answer half entered when the page is left is kept, a choice as much as a text.
		if strings.TrimSpace(words.Text) != "" || strings.TrimSpace(quote.Text) != "" ||
			undSet() || meaningSet() || diffSet() || chooseSet() {
			add()
		}
	})
	return container.NewVBox(
		container.NewGridWithColumns(2, seg, date.Object()), method,
		words.Object(),
		container.NewGridWithColumns(2, undBox, meaningBox, diffBox, chooseBox),
		container.NewBorder(nil, nil, nil, btn, quote.Object()))
}

func (v *view) answerCard(s *workshop.Session, a workshop.ValidationAnswer) fyne.CanvasObject {
	seg := v.env.T("checkin.customers.no_segment")
	if sg := s.Segment(a.SegmentID); sg != nil {
		seg = sg.Name
	}
	score := func(n int) string {
		if n == 0 {
			return "–"
		}
		return strconv.Itoa(n)
	}
	meta := fmt.Sprintf("%s · %s · %s · C1 %s · C2 %s · C3 %s · %s", field.FormatDate(v.env.Room.Tr.Language(), a.Date), seg, label(v.env.Room.Tr, workshop.MethodLabels, a.Method),
		orDash(label(v.env.Room.Tr, workshop.UnderstoodLabels, a.Understood)), score(a.Meaningful), score(a.Differentiating),
		v.env.T("checkin.customers.choose_one", map[string]any{"Answer": orDash(label(v.env.Room.Tr, workshop.BuyLabels, a.WouldChoose))}))
	if !s.AboutNow(a) {
		meta = v.env.T("checkin.customers.about_earlier") + " · " + meta
	}
	if a.Earlier {
		meta = v.env.T("checkin.customers.earlier") + " · " + meta
	}
	box := container.NewVBox()
	if a.UnderstoodAs != "" {
		box.Add(wrapped(workshop.Quote(a.UnderstoodAs, v.env.Room.Tr.Language())))
	}
	if a.Quote != "" {
		// Said as a quote, after what the customer understood (also in
		// quotation marks), in the same regular text.
		box.Add(wrapped(v.env.T("checkin.customers.quoted", map[string]any{"Quote": workshop.Quote(a.Quote, v.env.Room.Tr.Language())})))
	}
	box.Add(muted(meta))
	id := a.ID
	// Taken back with Ctrl+Z or the undo bar, as any deletion.
	del := v.removeButton(v.env.T("checkin.customers.remove"), func(s *workshop.Session) (func(*workshop.Session) error, string, error) {
		gone, err := s.RemoveAnswer(id)
		return func(s *workshop.Session) error { return s.RestoreAnswer(gone) }, v.env.T("checkin.customers.removed"), err
	})
	return container.NewBorder(nil, widget.NewSeparator(), nil, del, box)
}
