// Package notify keeps the functions to call when something changes: the
// store's, the editor's and the phone room's listeners.
package notify

import "sync"

// List is a set of listeners of one kind, safe for concurrent use. Its zero
// value is an empty list.
type List[F any] struct {
	mu   sync.Mutex
	next int
	fns  map[int]F
}

// Add registers fn; the function returned removes it.
func (l *List[F]) Add(fn F) (remove func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fns == nil {
		l.fns = map[int]F{}
	}
	id := l.next
	l.next++
	l.fns[id] = fn
	return func() {
		l.mu.Lock()
		delete(l.fns, id)
		l.mu.Unlock()
	}
}

// All are the listeners registered now, to be called with no lock held: a
// listener may add or remove one.
func (l *List[F]) All() []F {
	l.mu.Lock()
	defer l.mu.Unlock()
	fns := make([]F, 0, len(l.fns))
	for _, fn := range l.fns {
		fns = append(fns, fn)
	}
	return fns
}
