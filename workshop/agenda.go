package workshop

import (
	"math"
	"sort"
	"time"
)

// MinTimeboxMin is the smallest timebox rebalancing leaves a step: below
// three minutes a step cannot be run at all, and skipping it is the
// facilitator's call, not the app's.
const MinTimeboxMin = 3

// Running reports whether the item's timer runs.
func (a *AgendaItem) Running() bool { return a.RunningSince != "" }

func (a *AgendaItem) since() (time.Time, bool) {
	if a.RunningSince == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, a.RunningSince)
	return t, err == nil
}

// Used is the time the step's timer has run up to now.
func (a *AgendaItem) Used(now time.Time) time.Duration {
	d := time.Duration(a.UsedSec) * time.Second
	if t, ok := a.since(); ok && now.After(t) {
		d += now.Sub(t)
	}
	return d
}

// Left is the planned time minus the used time; negative when the step runs over.
func (a *AgendaItem) Left(now time.Time) time.Duration {
	return time.Duration(a.PlannedMin)*time.Minute - a.Used(now)
}

// Over is how long the step has run over its timebox (0 when within it).
func (a *AgendaItem) Over(now time.Time) time.Duration {
	if l := a.Left(now); l < 0 {
		return -l
	}
	return 0
}

func stamp(now time.Time) string { return now.UTC().Format(time.RFC3339Nano) }

// Start starts the timer; the first start is logged as the step's start.
func (a *AgendaItem) Start(now time.Time) {
	if a.Running() {
		return
	}
	a.RunningSince = stamp(now)
	if a.StartedAt == "" {
		a.StartedAt = now.UTC().Format(time.RFC3339)
	}
}

// Pause stops the timer and keeps the time used so far.
func (a *AgendaItem) Pause(now time.Time) {
	if !a.Running() {
		return
	}
	a.UsedSec = int(a.Used(now) / time.Second)
	a.RunningSince = ""
}

// Toggle starts a paused timer or pauses a running one.
func (a *AgendaItem) Toggle(now time.Time) {
	if a.Running() {
		a.Pause(now)
	} else {
		a.Start(now)
	}
}

// Reset sets the used time back to zero and stops the timer; the plan stays.
func (a *AgendaItem) Reset() {
	a.UsedSec = 0
	a.RunningSince = ""
}

// AddMinute extends the step's timebox by a minute, up to MaxPlannedMin.
func (a *AgendaItem) AddMinute() {
	if a.PlannedMin < MaxPlannedMin {
		a.PlannedMin++
	}
}

// SetPlanned sets the timebox of a step of the agenda: 0 to MaxPlannedMin minutes.
func (s *Session) SetPlanned(step string, minutes int) error {
	a := s.AgendaItem(step)
	if a == nil {
		return inputProblem("step", ProblemUnknown, "no step %q in the agenda", clip(step))
	}
	if minutes < 0 || minutes > MaxPlannedMin {
		return inputProblem("planned_min", ProblemInvalid, "%d is not 0–%d minutes", minutes, MaxPlannedMin)
	}
	a.PlannedMin = minutes
	return nil
}

// Finish pauses the timer and logs the step's end, as when the room moves on.
func (a *AgendaItem) Finish(now time.Time) {
	a.Pause(now)
	if a.UsedSec > 0 || a.StartedAt != "" {
		a.EndedAt = now.UTC().Format(time.RFC3339)
	}
	a.Done = true
}

// PlannedTotal is the planned length of the agenda in minutes; skipped items do not count.
func PlannedTotal(agenda []AgendaItem) int {
	n := 0
	for _, a := range agenda {
		if !a.Skipped {
			n += a.PlannedMin
		}
	}
	return n
}

// TimeLeft is how much of the agenda is still to run at now: the unused
// part of each item that is neither done nor skipped.
func TimeLeft(agenda []AgendaItem, now time.Time) time.Duration {
	var d time.Duration
	for i := range agenda {
		a := &agenda[i]
		if a.Skipped || a.Done {
			continue
		}
		if l := a.Left(now); l > 0 {
			d += l
		}
	}
	return d
}

// Started reports whether any step's timer has run.
func Started(agenda []AgendaItem) bool {
	for _, a := range agenda {
		if a.UsedSec > 0 || a.Running() || a.Done {
			return true
		}
	}
	return false
}

// Rebalancing is a proposed new plan after a step ran over: the remaining
// steps' timeboxes shrink so that the workshop still ends on time.
type Rebalancing struct {
	Step    string       // the step that ran over
	OverMin int          // by how many whole minutes
	Old     []AgendaItem // the agenda before, for undo
	New     []AgendaItem // the agenda after
	Short   int          // minutes the floors kept from being absorbed
}

// Changed lists the indexes of the items whose timebox the plan changes.
func (r Rebalancing) Changed() []int {
	var out []int
	for i := range r.New {
		if i < len(r.Old) && r.New[i].PlannedMin != r.Old[i].PlannedMin {
			out = append(out, i)
		}
	}
	return out
}

// shrinkable reports whether rebalancing may shorten the item: only steps
// still to come, after the one that ran over (an earlier step left undone
// was passed over on purpose, and shortening it would surprise). A break is
// kept whole because a tired room works worse, which costs more than the
// minutes won.
func shrinkable(a AgendaItem) bool {
	return a.Step != StepBreak && !a.Done && !a.Skipped && !a.Running() && a.UsedSec == 0
}

// Rebalance proposes a new plan when the step has run over its timebox by at
// least a whole minute at now: the overrun is taken proportionally from the
// steps after it that have not started, none below MinTimeboxMin (or its current timebox when that is
// already smaller), in whole minutes. ok is false when there is nothing to do.
func Rebalance(agenda []AgendaItem, step string, now time.Time) (r Rebalancing, ok bool) {
	var cur *AgendaItem
	at := -1
	for i := range agenda {
		if agenda[i].Step == step {
			cur, at = &agenda[i], i
		}
	}
	if cur == nil {
		return r, false
	}
	over := int(cur.Over(now) / time.Minute)
	if over < 1 {
		return r, false
	}
	var idx []int
	for i := at + 1; i < len(agenda); i++ {
		if shrinkable(agenda[i]) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return r, false
	}
	old := make([]int, len(idx))
	floor := make([]int, len(idx))
	for k, i := range idx {
		old[k] = agenda[i].PlannedMin
		floor[k] = min(old[k], MinTimeboxMin)
	}
	nw, short := shrink(old, floor, over)
	r = Rebalancing{Step: step, OverMin: over, Short: short}
	r.Old = append([]AgendaItem(nil), agenda...)
	r.New = append([]AgendaItem(nil), agenda...)
	for k, i := range idx {
		r.New[i].PlannedMin = nw[k]
	}
	if len(r.Changed()) == 0 {
		return r, false
	}
	return r, true
}

// shrink takes cut minutes from the timeboxes in proportion to their length,
// never below their floors, and rounds to whole minutes that add up exactly
// (largest remainder). It returns the new timeboxes and the minutes it could
// not take.
func shrink(old, floor []int, cut int) (nw []int, short int) {
	total, spare := 0, 0
	for k := range old {
		total += old[k]
		spare += old[k] - floor[k]
	}
	if cut > spare {
		short = cut - spare
		cut = spare
	}
	target := float64(total - cut)
	// Scale the free part; items that would fall below their floor are
	// pinned there and the rest is scaled again until none falls below.
	exact := make([]float64, len(old))
	pinned := make([]bool, len(old))
	for {
		free, freeOld := target, 0.0
		for k := range old {
			if pinned[k] {
				free -= float64(floor[k])
			} else {
				freeOld += float64(old[k])
			}
		}
		again := false
		for k := range old {
			if pinned[k] {
				exact[k] = float64(floor[k])
				continue
			}
			exact[k] = float64(old[k]) * free / freeOld
			if exact[k] < float64(floor[k]) {
				pinned[k], again = true, true
			}
		}
		if !again || freeOld == 0 {
			break
		}
	}
	nw = make([]int, len(old))
	sum := 0
	for k, x := range exact {
		nw[k] = int(math.Floor(x + 1e-9))
		sum += nw[k]
	}
	order := make([]int, len(old))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa := exact[order[a]] - math.Floor(exact[order[a]]+1e-9)
		fb := exact[order[b]] - math.Floor(exact[order[b]]+1e-9)
		return fa > fb
	})
	for _, k := range order {
		if sum >= int(target) {
			break
		}
		if nw[k] < old[k] {
			nw[k]++
			sum++
		}
	}
	return nw, short
}

// Apply sets the plan's new timeboxes on the items it changes (matched by
// step), leaving every other item and every timer as it is.
func (r Rebalancing) Apply(agenda []AgendaItem) {
	for _, i := range r.Changed() {
		if a := itemByStep(agenda, r.New[i].Step); a != nil {
			a.PlannedMin = r.New[i].PlannedMin
		}
	}
}

// Undo puts back the timeboxes the plan changed, without touching the timers
// that ran since. Only an item that still has the timebox the plan gave it is
// put back: a step the plan left alone keeps whatever it has now, and an item
// changed again after the plan (+1 min, an edit in setup) keeps that later
// change, which wins over the undo.
func (r Rebalancing) Undo(agenda []AgendaItem) {
	for _, i := range r.Changed() {
		a := itemByStep(agenda, r.New[i].Step)
		if a == nil || a.PlannedMin != r.New[i].PlannedMin {
			continue
		}
		a.PlannedMin = r.Old[i].PlannedMin
	}
}

// itemByStep is the agenda's item for step (a step is on the agenda at most
// once), or nil.
func itemByStep(agenda []AgendaItem, step string) *AgendaItem {
	for i := range agenda {
		if agenda[i].Step == step {
			return &agenda[i]
		}
	}
	return nil
}

// ExpectedEnd is when the workshop will end if the steps still to come keep
// their timeboxes: now plus the time left. Before the workshop has started it
// is the planned start (Date and StartTime) plus the planned total; ok is false
// when neither can be known.
func (s *Session) ExpectedEnd(now time.Time) (end time.Time, ok bool) {
	if Started(s.Agenda) {
		return now.Add(TimeLeft(s.Agenda, now)), true
	}
	if s.Date == "" || s.StartTime == "" {
		return time.Time{}, false
	}
	start, err := time.ParseInLocation("2006-01-02 15:04", s.Date+" "+s.StartTime, time.Local)
	if err != nil {
		return time.Time{}, false
	}
	return start.Add(time.Duration(PlannedTotal(s.Agenda)) * time.Minute), true
}
