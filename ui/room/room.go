// Package room is the live state of a running workshop that the facilitator
// view and the projector view share: the open session's editor, and what the
// projector may show right now (blanked, votes revealed…), which the
// database does not keep.
package room

import (
	"sync"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/notify"
)

// Room is one open workshop. Its methods are safe for concurrent use;
// listeners run on the goroutine that made the change.
type Room struct {
	Ed     *editor.Editor
	Undo   *Undo    // the facilitator's undo stack
	Typing *Typing  // how the window's inputs save typed text
	Tr     *i18n.Tr // the facilitator window's language

	mu              sync.Mutex
	hidden          bool
	votesRevealed   bool
	ratingsRevealed bool
	presenting      bool
	page            int
	listeners       notify.List[func()]
}

// New returns the room of an open session: projector showing, votes hidden,
// typing saved with the default timings, the window in the session's language.
func New(ed *editor.Editor) *Room {
	var lang string
	ed.Read(func(s *workshop.Session) { lang = s.Language })
	return NewWith(ed, NewTyping(), i18n.New(lang))
}

// NewWith returns the room of an open session whose inputs save typed text
// as typing says, in a window that speaks as tr does.
func NewWith(ed *editor.Editor, typing *Typing, tr *i18n.Tr) *Room {
	return &Room{Ed: ed, Undo: &Undo{}, Typing: typing, Tr: tr}
}

func (r *Room) set(fn func()) {
	r.mu.Lock()
	fn()
	r.mu.Unlock()
	for _, l := range r.listeners.All() {
		l()
	}
}

func (r *Room) get(fn func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fn()
}

// OnChange registers fn to run after every change of the room's state
// (not of the session: use Ed.OnChange for that). It returns a remover.
func (r *Room) OnChange(fn func()) (remove func()) { return r.listeners.Add(fn) }

// Hidden reports whether the projector is blanked.
func (r *Room) Hidden() (v bool) { r.get(func() { v = r.hidden }); return }

// SetHidden blanks or shows the projector.
func (r *Room) SetHidden(v bool) { r.set(func() { r.hidden = v }) }

// VotesRevealed reports whether the projector may show the dot votes.
func (r *Room) VotesRevealed() (v bool) { r.get(func() { v = r.votesRevealed }); return }

// SetVotesRevealed reveals or hides the dot votes on the projector.
func (r *Room) SetVotesRevealed(v bool) { r.set(func() { r.votesRevealed = v }) }

// RatingsRevealed reports whether the projector may show the criteria ratings.
func (r *Room) RatingsRevealed() (v bool) { r.get(func() { v = r.ratingsRevealed }); return }

// SetRatingsRevealed reveals or hides the criteria ratings on the projector.
func (r *Room) SetRatingsRevealed(v bool) { r.set(func() { r.ratingsRevealed = v }) }

// Presenting reports whether the projector shows the end-of-workshop
// presentation, and which page of it.
func (r *Room) Presenting() (on bool, page int) {
	r.get(func() { on, page = r.presenting, r.page })
	return
}

// SetPresenting turns the presentation on or off at a page.
func (r *Room) SetPresenting(on bool, page int) {
	if page < 0 {
		page = 0
	}
	r.set(func() { r.presenting, r.page = on, page })
}
