// Package editor applies the facilitator's edits to an open session: each
// edit changes the session in memory, is stored in one transaction, and is
// announced to the views that follow the session (facilitator and projector).
package editor

import (
	"sync"

	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// Change says what an edit changed, for the store to save.
type Change struct {
	Header bool           // the session's own fields (agenda, purpose, decision, notes…)
	Put    []store.Record // records added or changed
	Remove []store.Record // records deleted (only kind and key are used)
	Order  []string       // record kinds whose stored order must follow the session's lists (after an undo)
}

// Empty reports whether the change changes nothing.
func (c Change) Empty() bool { return !c.Header && len(c.Put) == 0 && len(c.Remove) == 0 }

// SaveError is an edit that could not be stored (and so was taken back):
// the disk, the file or the database failed, not the facilitator's input.
type SaveError struct{ Err error }

func (e *SaveError) Error() string { return "save: " + e.Err.Error() }
func (e *SaveError) Unwrap() error { return e.Err }

// Editor holds one open session. Its methods are safe for concurrent use;
// listeners run on the goroutine that made the edit.
type Editor struct {
	st *store.Store

	mu        sync.Mutex
	s         *workshop.Session
	listeners map[int]func()
	next      int
}

// Open loads the session from the store for editing.
func Open(st *store.Store, id int64) (*Editor, error) {
	s, err := st.Load(id)
	if err != nil {
		return nil, err
	}
	return &Editor{st: st, s: s, listeners: map[int]func(){}}, nil
}

// Store is the store the session lives in.
func (e *Editor) Store() *store.Store { return e.st }

// ID is the session's id.
func (e *Editor) ID() int64 { return e.s.ID }

// Read calls fn with the session while no edit can run. fn must not keep
// the session or call the editor.
func (e *Editor) Read(fn func(s *workshop.Session)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	fn(e.s)
}

// Snapshot returns a deep copy of the session, for views that render it later.
func (e *Editor) Snapshot() *workshop.Session {
	e.mu.Lock()
	defer e.mu.Unlock()
	return workshop.Clone(e.s)
}

// Edit changes the session with fn and stores the change it reports in one
// transaction. When storing fails, the session is read back from the store so
// that memory never shows what the file does not hold, and the error is returned.
func (e *Editor) Edit(fn func(s *workshop.Session) Change) error {
	e.mu.Lock()
	ch := fn(e.s)
	if ch.Empty() {
		e.mu.Unlock()
		return nil
	}
	err := e.st.Update(e.s.ID, func(tx *store.Tx) error {
		if ch.Header {
			if err := tx.SaveHeader(e.s); err != nil {
				return err
			}
		}
		for _, r := range ch.Remove {
			if err := tx.Remove(r.RecordKind(), r.RecordKey()); err != nil {
				return err
			}
		}
		for _, r := range ch.Put {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		for _, kind := range ch.Order {
			var keys []string
			for _, r := range store.Records(e.s) {
				if r.RecordKind() == kind {
					keys = append(keys, r.RecordKey())
				}
			}
			if err := tx.Reorder(kind, keys); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if fresh, lerr := e.st.Load(e.s.ID); lerr == nil {
			*e.s = *fresh
		}
		e.mu.Unlock()
		e.announce()
		return &SaveError{Err: err}
	}
	e.mu.Unlock()
	e.announce()
	return nil
}

// OnChange registers fn to run after every edit; the returned function removes it.
func (e *Editor) OnChange(fn func()) (remove func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	id := e.next
	e.next++
	e.listeners[id] = fn
	return func() {
		e.mu.Lock()
		delete(e.listeners, id)
		e.mu.Unlock()
	}
}

func (e *Editor) announce() {
	e.mu.Lock()
	fns := make([]func(), 0, len(e.listeners))
	for _, fn := range e.listeners {
		fns = append(fns, fn)
	}
	e.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}
