package workshop

import (
	"reflect"
	"sync"
)

// Clone returns a deep copy of the session that shares nothing with it:
// every list, map and pointer is new, so that either can change without the
// other seeing it (the projector's snapshot, the undo of a merge, a
// check-in's carried-over records). It copies field by field, which keeps
// every field, including those the session file leaves out (ID, FollowsID).
func Clone(s *Session) *Session {
	if s == nil {
		return nil
	}
	return deepCopy(reflect.ValueOf(s)).Interface().(*Session)
}

// deepCopy copies v, and whatever it refers to, into new memory.
func deepCopy(v reflect.Value) reflect.Value {
	t := v.Type()
	if !hasRefs(t) {
		return v
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		c := reflect.New(t.Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(t).Elem()
		c.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if f := c.Field(i); f.CanSet() && hasRefs(f.Type()) {
				f.Set(deepCopy(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		c := reflect.MakeSlice(t, v.Len(), v.Len())
		if !hasRefs(t.Elem()) {
			reflect.Copy(c, v)
			return c
		}
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		c := reflect.MakeMapWithSize(t, v.Len())
		it := v.MapRange()
		for it.Next() {
			c.SetMapIndex(deepCopy(it.Key()), deepCopy(it.Value()))
		}
		return c
	case reflect.Array:
		c := reflect.New(t).Elem()
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	}
	return v
}

var refsOf sync.Map // reflect.Type → bool

// hasRefs reports whether a value of type t refers to memory a copy of it
// would share (a pointer, slice or map, at any depth). Strings are
// immutable, and a struct's unexported fields (time.Time's location) are
// copied as they are.
func hasRefs(t reflect.Type) bool {
	if r, ok := refsOf.Load(t); ok {
		return r.(bool)
	}
	refsOf.Store(t, true) // a type that refers to itself refers to memory
	r := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		r = true
	case reflect.Array:
		r = hasRefs(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && hasRefs(f.Type) {
				r = true
				break
			}
		}
	}
	refsOf.Store(t, r)
	return r
}
