package projector

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"lupauspaja/workshop"
)

// build renders one state: the blank screen, a presentation page or the
// current step, always on the projector's own white background (the window's
// background follows the app's theme, which may be dark).
func build(st *state, th *Theme) view {
	st.th = th
	bg := st.rect(colBackground, color.Transparent, 0, 0, fyne.Size{})
	if st.hidden {
		org := muted(st.fixed(st.s.Organisation, sizeText, false))
		centered(org)
		return view{obj: container.NewStack(bg, container.NewCenter(org))}
	}
	var v view
	var title string
	var questions []string
	var hint string
	var body fyne.CanvasObject
	footRight := ""
	if st.presenting {
		title, body = presentPage(st)
		footRight = st.t("projector.page", map[string]int{"N": st.page + 1, "Of": numPages})
	} else {
		key := st.s.CurrentStep
		if step := workshop.StepByKey(key); step != nil {
			title = strconv.Itoa(step.No) + " · " + step.Title.In(st.lang)
			// Step 9's three questions head its three columns instead.
			if key != workshop.StepNextSteps {
				for _, q := range step.Questions {
					questions = append(questions, q.In(st.lang))
				}
			}
			hint = step.Hint.In(st.lang)
			of := len(workshop.Steps)
			if st.s.IsCheckin() {
				of = len(workshop.CheckinSteps)
			}
			footRight = st.t("projector.page", map[string]int{"N": step.No, "Of": of})
		}
		body = stepBody(st, key)
		switch key {
		case workshop.StepBreak:
			title = workshop.BreakTitle.In(st.lang)
		case workshop.StepSummary:
			title = st.t("projector.summary")
		case workshop.StepHistory:
			title = workshop.HistoryTitle.In(st.lang)
		case workshop.StepSetup, "":
			title = st.s.Title
		}
		if a := st.s.AgendaItem(key); a != nil {
			if tm, ok := a.Timer(st.now); ok {
				ag := *a
				v.agenda = &ag
				v.timer = st.timerText()
				v.timer.Text, v.timer.Color = tm.Text, timerColor(tm.Phase)
				v.timer.TextSize = st.size(sizeTimer)
				v.timer.TextStyle = fyne.TextStyle{Bold: true}
			}
		}
	}

	head := []fyne.CanvasObject{}
	titleRow := fyne.CanvasObject(st.line(title, sizeHeading, true))
	if v.timer != nil && st.s.CurrentStep == workshop.StepBreak && !st.presenting {
		// A break's page is its clock, large, for a room that comes and goes.
		v.timer.TextSize = st.size(sizePromise) * 2
		v.timer.Alignment = fyne.TextAlignCenter
		body = container.New(&middle{gap: st.size(sizePadding) * 2}, v.timer, body)
	} else if v.timer != nil {
		titleRow = container.NewBorder(nil, nil, nil, v.timer, titleRow)
	}
	head = append(head, titleRow)
	for _, q := range questions {
		head = append(head, st.text(q, sizeQuestion, false))
	}
	if hint != "" {
		head = append(head, muted(st.text(hint, sizeText, false)))
	}
	rule := st.rect(colTileEdge, color.Transparent, 0, 0, fyne.NewSize(1, 2))
	head = append(head, rule)

	footLeft := st.s.Organisation
	if st.s.Title != "" && footLeft != "" {
		footLeft += " · " + st.s.Title
	}
	m := st.size(sizePadding) * 3
	right := []fyne.CanvasObject{muted(st.fixed(footRight, sizeText, false))}
	center := fyne.CanvasObject(st.clipBox(container.New(layout.NewCustomPaddedLayout(2, 2, 2, 2), body)))
	if st.join != nil {
		// The way in for phones takes a narrow column and the footer's
		// line, none of the body's height (join.go).
		right = append(joinWords(st), right...)
		center = container.NewBorder(nil, nil, nil,
			container.New(layout.NewCustomPaddedLayout(0, 0, m*1.5, 0), joinColumn(st)), center)
	}
	foot := fyne.CanvasObject(container.NewBorder(nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, m, 0), container.New(&row{gap: m}, right...)),
		muted(st.line(footLeft, sizeText, false))))
	page := container.NewBorder(container.NewVBox(head...), foot, nil, nil,
		container.New(layout.NewCustomPaddedLayout(m/2, m/2, 0, 0), center))
	v.obj = container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(m, m/2, m*1.5, m*1.5), page))
	return v
}
