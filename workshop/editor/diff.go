package editor

import (
	"bytes"
	"maps"
	"slices"

	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// stored is a session as the store encodes it: the header, and each kind's
// records in the session's order.
type stored struct {
	header []byte
	kinds  map[string]*kindState
}

// kindState is one kind's records: keys in order, their encodings, and a
// copy of each record that shares nothing with the session (store.List's
// Copy). A record equal to its copy is not encoded again, which keeps an
// edit of a large session cheap (BenchmarkSaveCard), and an edit made in
// place cannot change the copy unseen.
type kindState struct {
	keys []string
	data [][]byte
	vals []any
	at   map[string]int // key → index, built when first needed
}

func (k *kindState) index(key string) int {
	if k == nil {
		return -1
	}
	if k.at == nil {
		k.at = make(map[string]int, len(k.keys))
		for i, key := range k.keys {
			k.at[key] = i
		}
	}
	if i, ok := k.at[key]; ok {
		return i
	}
	return -1
}

// capture encodes the session, reusing prev's encoding of every record
// equal to prev's copy of it (prev may be the zero stored). Keys are unique
// in a kind (Validate); were one twice, both are put and the last one stays,
// as in the store.
func capture(s *workshop.Session, prev stored) (stored, error) {
	h, err := store.EncodeHeader(s)
	if err != nil {
		return stored{}, err
	}
	st := stored{header: h, kinds: make(map[string]*kindState, len(store.Lists))}
	for _, l := range store.Lists {
		n := l.Len(s)
		if n == 0 {
			continue
		}
		old := prev.kinds[l.Kind]
		cur := &kindState{keys: make([]string, n), data: make([][]byte, n), vals: make([]any, n)}
		st.kinds[l.Kind] = cur
		for j := 0; j < n; j++ {
			key := l.Key(s, j)
			cur.keys[j] = key
			// The same place as before is the common case; a moved record is looked up.
			i := -1
			if old != nil && j < len(old.keys) && old.keys[j] == key {
				i = j
			} else if old != nil {
				i = old.index(key)
			}
			if i >= 0 && l.Same(s, j, old.vals[i]) {
				cur.data[j], cur.vals[j] = old.data[i], old.vals[i]
				continue
			}
			if cur.data[j], err = store.Encode(l.Record(s, j)); err != nil {
				return stored{}, err
			}
			if cur.vals[j], err = l.Copy(s, j, cur.data[j]); err != nil {
				return stored{}, err
			}
		}
	}
	return st, nil
}

type recordID struct{ kind, key string }

// change is what the store must write to turn one stored state into another.
type change struct {
	header  []byte // the new header, when it changed
	put     []recordID
	data    map[recordID][]byte
	remove  []recordID
	reorder map[string][]string
}

func (c change) empty() bool {
	return c.header == nil && len(c.put) == 0 && len(c.remove) == 0 && len(c.reorder) == 0
}

// diff says what to write to the store holding old so that it holds next.
// A record is put in the place after the kind's last record, so a kind is
// reordered only when next has a record elsewhere (an undo putting a
// deleted card back in its old place, a card moved).
func (old stored) diff(next stored) change {
	var c change
	if !bytes.Equal(old.header, next.header) {
		c.header = next.header
	}
	for _, kind := range kindsOf(old, next) {
		o, n := old.kinds[kind], next.kinds[kind]
		if o == nil {
			o = &kindState{}
		}
		if n == nil {
			n = &kindState{}
		}
		same := slices.Equal(o.keys, n.keys)
		var added []string
		for j, key := range n.keys {
			i := j
			if !same {
				i = o.index(key)
			}
			if i < 0 {
				added = append(added, key)
			}
			if i < 0 || !bytes.Equal(o.data[i], n.data[j]) {
				id := recordID{kind, key}
				if c.data == nil {
					c.data = map[recordID][]byte{}
				}
				c.put = append(c.put, id)
				c.data[id] = n.data[j]
			}
		}
		if same {
			continue
		}
		want := make([]string, 0, len(n.keys))
		for _, key := range o.keys {
			if n.index(key) >= 0 {
				want = append(want, key)
			} else {
				c.remove = append(c.remove, recordID{kind, key})
			}
		}
		want = append(want, added...)
		if !slices.Equal(want, n.keys) {
			if c.reorder == nil {
				c.reorder = map[string][]string{}
			}
			c.reorder[kind] = n.keys
		}
	}
	return c
}

// kindsOf lists the store's kinds, then any other kind either state holds,
// so that a kind missing from store.Kinds is still saved.
func kindsOf(a, b stored) []string {
	kinds := store.Kinds()
	var extra []string
	for _, st := range []stored{a, b} {
		for k := range st.kinds {
			if !slices.Contains(kinds, k) && !slices.Contains(extra, k) {
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	return append(kinds, extra...)
}

func (c change) apply(tx *store.Tx, s *workshop.Session) error {
	if c.header != nil {
		if err := tx.SaveHeaderEncoded(s, c.header); err != nil {
			return err
		}
	}
	for _, id := range c.remove {
		if err := tx.Remove(id.kind, id.key); err != nil {
			return err
		}
	}
	for _, id := range c.put {
		if err := tx.PutEncoded(id.kind, id.key, c.data[id]); err != nil {
			return err
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(c.reorder)) {
		if keys, ok := c.reorder[kind]; ok {
			if err := tx.Reorder(kind, keys); err != nil {
				return err
			}
		}
	}
	return nil
}
