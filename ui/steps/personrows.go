package steps

import (
	"slices"

	"fyne.io/fyne/v2"

	"lupauspaja/workshop"
)

// personRows are the rows of a step's list that has one row a participant
// (the consent round's, the criteria ratings'): a row is made once and kept
// while its participant is in the room, in the room's order.
type personRows[R any] struct {
	ids []string     // the participants of the rows, in order
	by  map[string]R // the row of each
}

// sync makes the rows those of people, making a row with newRow for
// someone who has none. It says whether the participants or their order
// changed (as they have at the first sync), and then gives the rows'
// objects (obj) in order.
func (p *personRows[R]) sync(people []workshop.Participant, newRow func(id string) R,
	obj func(R) fyne.CanvasObject) ([]fyne.CanvasObject, bool) {
	if p.by != nil && slices.EqualFunc(people, p.ids, func(a workshop.Participant, id string) bool { return a.ID == id }) {
		return nil, false
	}
	keep := make(map[string]R, len(people))
	objs := make([]fyne.CanvasObject, 0, len(people))
	p.ids = p.ids[:0]
	for _, pp := range people {
		row, ok := p.by[pp.ID]
		if !ok {
			row = newRow(pp.ID)
		}
		keep[pp.ID] = row
		p.ids = append(p.ids, pp.ID)
		objs = append(objs, obj(row))
	}
	p.by = keep
	return objs, true
}
