package room

import (
	"sync"
	"time"
)

// DefaultDebounce is how long typing must pause before the text is saved:
// short enough that a killed app loses at most a few words, long enough that
// a fast typist does not cause a transaction per key.
const DefaultDebounce = 300 * time.Millisecond

// DefaultMaxWait is the longest typed text waits to be saved while typing
// goes on without a pause: one save takes about a tenth of a millisecond, so
// a steady typist's text is saved four times a second and a killed app loses
// at most the last half second of it.
const DefaultMaxWait = 250 * time.Millisecond

// DefaultVersionPause is how long the final wording must rest before it is
// kept as a new version: longer than the autosave's debounce, so that a
// version is a thought the room finished, not every pause between two words.
const DefaultVersionPause = 2 * time.Second

// Typing is how the text inputs of a window save what is typed: the pause
// and the longest wait before a save, the clock that measures them, and the
// record of typed text that could not be saved. One window's inputs share
// one; a test gives its own, so that tests do not share any.
type Typing struct {
	Debounce time.Duration
	MaxWait  time.Duration
	Now      func() time.Time
	// VersionPause is how long the final wording rests before it is kept
	// as a version (DefaultVersionPause).
	VersionPause time.Duration

	mu      sync.Mutex
	unsaved error
}

// NewTyping returns the default typing environment on the wall clock.
func NewTyping() *Typing {
	return &Typing{Debounce: DefaultDebounce, MaxWait: DefaultMaxWait, Now: time.Now, VersionPause: DefaultVersionPause}
}

// NoteUnsaved records that typed text could not be saved (err).
func (t *Typing) NoteUnsaved(err error) {
	t.mu.Lock()
	t.unsaved = err
	t.mu.Unlock()
}

// TakeUnsaved returns the error of the last flush that could not save typed
// text since the last call, and forgets it: the window asks before closing
// rather than dropping that text without a word.
func (t *Typing) TakeUnsaved() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	err := t.unsaved
	t.unsaved = nil
	return err
}

// Timings are the pause and the longest wait, read together.
func (t *Typing) Timings() (debounce, maxWait time.Duration, now func() time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now = t.Now
	if now == nil {
		now = time.Now
	}
	return t.Debounce, t.MaxWait, now
}

// VersionRest is how long the final wording rests before it is kept as a version.
func (t *Typing) VersionRest() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.VersionPause <= 0 {
		return DefaultVersionPause
	}
	return t.VersionPause
}

// SetTimings changes the pause and the longest wait, e.g. for a test that
// saves typed text only when asked.
func (t *Typing) SetTimings(debounce, maxWait time.Duration) {
	t.mu.Lock()
	t.Debounce, t.MaxWait = debounce, maxWait
	t.mu.Unlock()
}
