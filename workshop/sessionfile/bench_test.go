package sessionfile_test

import (
	"bytes"
	"testing"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
)

func BenchmarkWriteLarge(b *testing.B) {
	s := fixture.Large()
	var n int
	for i := 0; i < b.N; i++ {
		out, err := sessionfile.Marshal(s, sessionfile.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n)/1024, "kB/file")
}

func BenchmarkReadLarge(b *testing.B) {
	data, err := sessionfile.Marshal(fixture.Large(), sessionfile.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := sessionfile.Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
