package room

import (
	"sync"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Undo is the workshop's one undo stack: every deletion (a card, a
// participant, a measure, an action…) and an accepted rebalancing push an
// entry, and Ctrl+Z or the undo bar takes back the newest. It is safe for
// concurrent use; listeners run on the goroutine that changed it.
type Undo struct {
	mu        sync.Mutex
	items     []UndoItem
	seq       int
	listeners []func()
}

// UndoItem is one thing that can be taken back.
type UndoItem struct {
	Text string                          // what was done, as the undo bar says it
	Do   func(s *workshop.Session) error // takes it back (through the editor)
	Done func()                          // runs after Do was saved, e.g. to refresh a list

	seq int
}

// maxUndo bounds the stack: older deletions fall off.
const maxUndo = 50

// Push adds an entry on top.
func (u *Undo) Push(it UndoItem) {
	u.mu.Lock()
	u.seq++
	it.seq = u.seq
	u.items = append(u.items, it)
	if len(u.items) > maxUndo {
		u.items = u.items[len(u.items)-maxUndo:]
	}
	u.mu.Unlock()
	u.changed()
}

// Top is the newest entry's text; false when there is nothing to undo.
func (u *Undo) Top() (string, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.items) == 0 {
		return "", false
	}
	return u.items[len(u.items)-1].Text, true
}

// Len is the number of entries.
func (u *Undo) Len() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.items)
}

// Pop takes back the newest entry through the editor. It reports whether
// there was one; an entry whose undo could not be saved stays on the stack.
func (u *Undo) Pop(ed *editor.Editor) (bool, error) {
	u.mu.Lock()
	if len(u.items) == 0 {
		u.mu.Unlock()
		return false, nil
	}
	it := u.items[len(u.items)-1]
	u.mu.Unlock()
	if err := ed.Edit(it.Do); err != nil {
		return true, err
	}
	u.mu.Lock()
	if n := len(u.items); n > 0 && u.items[n-1].seq == it.seq {
		u.items = u.items[:n-1]
	}
	u.mu.Unlock()
	if it.Done != nil {
		it.Done()
	}
	u.changed()
	return true, nil
}

// OnChange registers fn to run after every push and pop.
func (u *Undo) OnChange(fn func()) {
	u.mu.Lock()
	u.listeners = append(u.listeners, fn)
	u.mu.Unlock()
}

func (u *Undo) changed() {
	u.mu.Lock()
	fns := append([]func(){}, u.listeners...)
	u.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// Removal is the undo entry of a deletion made through a domain operation.
func Removal(text string, r *workshop.Removal, done func()) UndoItem {
	return UndoItem{Text: text, Do: func(s *workshop.Session) error { r.Restore(s); return nil }, Done: done}
}
