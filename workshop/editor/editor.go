// Package editor applies the facilitator's edits to an open session: each
// edit changes the session in memory, is stored in one transaction, and is
// announced to the views that follow the session (facilitator and projector).
package editor

import (
	"fmt"
	"sync"

	"lupauspaja/workshop"
	"lupauspaja/workshop/notify"
	"lupauspaja/workshop/store"
)

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
	saved     stored // what the file holds of s, to compare an edit with
	changes   uint64 // how many times the listeners were told of a change
	listeners notify.List[func()]
}

// Open loads the session from the store for editing.
func Open(st *store.Store, id int64) (*Editor, error) {
	s, err := st.Load(id)
	if err != nil {
		return nil, err
	}
	saved, err := capture(s, stored{})
	if err != nil {
		return nil, fmt.Errorf("open session %d: %w", id, err)
	}
	return &Editor{st: st, s: s, saved: saved}, nil
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

// Edit changes the session with fn and stores in one transaction whatever
// fn changed: the session's own fields, the records added, changed and
// deleted, and the order of a list when fn moved something in it. fn need
// not say what it changed; the editor compares the session with what the
// file holds. When fn returns an error, nothing is stored and the session is
// put back as the file holds it. When storing fails, the session is read
// back from the store so that memory never shows what the file does not
// hold, and a *SaveError is returned.
func (e *Editor) Edit(fn func(s *workshop.Session) error) error {
	e.mu.Lock()
	ferr := fn(e.s)
	next, err := capture(e.s, e.saved)
	if err == nil && ferr == nil {
		d := e.saved.diff(next)
		if d.empty() {
			e.mu.Unlock()
			return nil
		}
		err = e.st.Update(e.s.ID, func(tx *store.Tx) error { return d.apply(tx, e.s) })
		if err == nil {
			e.saved = next
			e.mu.Unlock()
			e.announce()
			return nil
		}
		err = &SaveError{Err: err}
	} else if err != nil {
		err = &SaveError{Err: err}
	} else if e.saved.diff(next).empty() {
		e.mu.Unlock()
		return ferr // refused before it changed anything
	} else {
		err = ferr
	}
	e.reload()
	e.mu.Unlock()
	e.announce()
	return err
}

// reload puts the session back as the file holds it (e.mu held).
func (e *Editor) reload() {
	fresh, err := e.st.Load(e.s.ID)
	if err != nil {
		return // the file cannot be read: the next save reports it
	}
	if saved, err := capture(fresh, stored{}); err == nil {
		*e.s = *fresh
		e.saved = saved
	}
}

// Changes counts the changes announced so far: a front end that has just
// shown the session after an edit of its own can tell from it that the
// notice of that edit, arriving later, brings nothing new.
func (e *Editor) Changes() uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.changes
}

// OnChange registers fn to run after every edit; the returned function removes it.
func (e *Editor) OnChange(fn func()) (remove func()) { return e.listeners.Add(fn) }

func (e *Editor) announce() {
	e.mu.Lock()
	e.changes++
	e.mu.Unlock()
	for _, fn := range e.listeners.All() {
		fn()
	}
}
