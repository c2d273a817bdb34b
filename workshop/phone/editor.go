package phone

import (
	"reflect"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// FromEditor is the session's editor as the room uses it: an edit is an
// operation that returns an error, and what it changed is worked out by
// comparing the session's records before and after, then stored by the
// editor in one transaction like any edit. (The editor is learning to do
// this comparison itself; then it is a Session as it is.)
func FromEditor(ed *editor.Editor) Session { return editorSession{ed} }

type editorSession struct{ *editor.Editor }

type recordKey struct{ kind, key string }

// records are the session's records by kind and key. They are copies of
// the list items, so they keep what the session held before an edit.
func records(s *workshop.Session) map[recordKey]store.Record {
	recs := store.Records(s)
	out := make(map[recordKey]store.Record, len(recs))
	for _, r := range recs {
		out[recordKey{r.RecordKind(), r.RecordKey()}] = r
	}
	return out
}

// Edit runs the operation; a refused operation (which changes nothing) stores nothing.
func (e editorSession) Edit(fn func(s *workshop.Session) error) error {
	var opErr error
	err := e.Editor.Edit(func(s *workshop.Session) editor.Change {
		before := records(s)
		if opErr = fn(s); opErr != nil {
			return editor.Change{}
		}
		ch := editor.Change{Header: true}
		after := store.Records(s)
		seen := make(map[recordKey]bool, len(after))
		for _, r := range after {
			k := recordKey{r.RecordKind(), r.RecordKey()}
			seen[k] = true
			if old, ok := before[k]; !ok || !reflect.DeepEqual(old, r) {
				ch.Put = append(ch.Put, r)
			}
		}
		for k := range before {
			if !seen[k] {
				ch.Remove = append(ch.Remove, removed{k})
			}
		}
		return ch
	})
	if opErr != nil {
		return opErr
	}
	return err
}

// removed names a deleted record for the store, which needs only its kind and key.
type removed struct{ k recordKey }

func (r removed) RecordKind() string { return r.k.kind }
func (r removed) RecordKey() string  { return r.k.key }
