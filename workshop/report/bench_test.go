package report

import (
	"bytes"
	"io"
	"testing"

	"lupauspaja/workshop/fixture"
)

// BenchmarkLargePDF measures the PDF of the large session (40 participants,
// 300 cards, 30 drafts, 60 actions); the goal is under 300 ms and 2 MB.
func BenchmarkLargePDF(b *testing.B) {
	s := fixture.Large()
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{}); err != nil {
		b.Fatal(err)
	}
	size := buf.Len()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/pdf")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// BenchmarkNordrahtiPDF is the realistic six-participant workshop.
func BenchmarkNordrahtiPDF(b *testing.B) {
	s := fixture.Nordrahti()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontCoverage is the one-off cost of learning which characters
// the embedded fonts can draw.
func BenchmarkFontCoverage(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = buildCoverage()
	}
}
