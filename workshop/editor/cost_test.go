package editor

import (
	"encoding/json"
	"reflect"
	"testing"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

func BenchmarkCaptureLarge(b *testing.B) {
	s := fixture.Large()
	prev, _ := capture(s, stored{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := capture(s, prev); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeepEqualLarge(b *testing.B) {
	s := fixture.Large()
	recs := store.Records(s)
	prev := make([]any, len(recs))
	for i, r := range recs {
		data, _ := json.Marshal(r)
		v := reflect.New(reflect.TypeOf(r))
		json.Unmarshal(data, v.Interface())
		prev[i] = v.Elem().Interface()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs := store.Records(s)
		for j, r := range recs {
			if !reflect.DeepEqual(r, prev[j]) {
				b.Fatal("differs", j)
			}
		}
	}
}
