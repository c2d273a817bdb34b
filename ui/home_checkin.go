package ui

import (
	"sort"

	"lupauspaja/ui/checkin"
	"lupauspaja/workshop/library"
)

// groupFamilies puts each check-in right under the session it follows
// (a workshop with its check-ins together, in date order); the families
// keep the order of their most recently edited member.
func groupFamilies(items []library.Summary) []library.Summary {
	byID := map[int64]int{}
	for i, it := range items {
		byID[it.ID] = i
	}
	root := func(i int) int {
		seen := map[int]bool{}
		for !seen[i] {
			seen[i] = true
			f, ok := byID[items[i].FollowsID]
			if items[i].FollowsID == 0 || !ok {
				return i
			}
			i = f
		}
		return i
	}
	fams := map[int][]int{}
	var order []int
	for i := range items {
		r := root(i)
		if _, ok := fams[r]; !ok {
			order = append(order, r)
		}
		fams[r] = append(fams[r], i)
	}
	out := make([]library.Summary, 0, len(items))
	for _, r := range order {
		members := fams[r]
		sort.SliceStable(members, func(a, b int) bool {
			ia, ib := members[a], members[b]
			if (ia == r) != (ib == r) {
				return ia == r
			}
			if items[ia].Date != items[ib].Date {
				return items[ia].Date < items[ib].Date
			}
			return items[ia].ID < items[ib].ID
		})
		for _, i := range members {
			out = append(out, items[i])
		}
	}
	return out
}

// newCheckin starts a check-in of the selected session (a workshop or a
// check-in), dated today with the 45-minute agenda, and opens it.
func (h *home) newCheckin() {
	sm, ok := h.current()
	if !ok {
		return
	}
	id, err := h.u.lib.Checkin(sm.ID, "", "45min")
	if err != nil {
		h.u.showError(checkin.Explain(h.u.tr, err))
		return
	}
	if err := h.u.open(id); err != nil {
		h.u.showError(err)
	}
}

// newCheckin starts a check-in of the open session, or of the one selected
// on the home screen (Ctrl+Shift+N).
func (u *UI) newCheckin() {
	switch {
	case u.ws != nil:
		// The workshop is left for its check-in: what is typed is saved
		// first, and what cannot be is asked about, as on leaving it.
		if !u.saveTyped(u.newCheckin) {
			return
		}
		u.closeAnyway = false
		id, err := u.lib.Checkin(u.ws.ed.ID(), "", "45min")
		if err != nil {
			u.showError(checkin.Explain(u.tr, err))
			return
		}
		if err := u.open(id); err != nil {
			u.showError(err)
		}
	case u.home != nil:
		u.home.newCheckin()
	}
}
