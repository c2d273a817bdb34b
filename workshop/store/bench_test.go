package store_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/fixture"
)

// reportMedian adds the median (and the 95th percentile) of the per-operation
// durations: the quality bar is a median, and a mean hides the spread.
func reportMedian(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	ms := func(x time.Duration) float64 { return float64(x) / float64(time.Millisecond) }
	b.ReportMetric(ms(d[len(d)/2]), "ms/median")
	b.ReportMetric(ms(d[len(d)*95/100]), "ms/p95")
}

// One autosave: an edited card of the large session saved through the
// editor (one transaction, listeners notified) into a real database file.
func BenchmarkSaveCard(b *testing.B) {
	st := open(b)
	s := fixture.Large()
	if err := st.Create(s); err != nil {
		b.Fatal(err)
	}
	ed, err := editor.Open(st, s.ID)
	if err != nil {
		b.Fatal(err)
	}
	ed.OnChange(func() {})
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		err := ed.Edit(func(s *workshop.Session) error {
			it := &s.ValueItems[i%len(s.ValueItems)]
			it.Text = fmt.Sprintf("Kerromme myöhästymisestä ennen kuin asiakas ehtii kysyä (versio %d)", i)
			return nil
		})
		durations = append(durations, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportMedian(b, durations)
}

// Opening the large session: every record read and decoded.
func BenchmarkOpenLarge(b *testing.B) {
	st := open(b)
	s := fixture.Large()
	if err := st.Create(s); err != nil {
		b.Fatal(err)
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		got, err := st.Load(s.ID)
		durations = append(durations, time.Since(start))
		if err != nil || len(got.Participants) != fixture.LargeParticipants {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportMedian(b, durations)
}

// The sessions list with 1,000 sessions in the database.
func BenchmarkList1000(b *testing.B) {
	st := open(b)
	for i := 0; i < 1000; i++ {
		s := workshop.NewSession("fi")
		s.Title = fmt.Sprintf("Asiakaslupaustyöpaja %d", i+1)
		s.Organisation = fmt.Sprintf("Yritys %d Oy – Jyväskylä", i%97)
		s.Date = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format("2006-01-02")
		if err := st.Create(s); err != nil {
			b.Fatal(err)
		}
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		l, err := st.List("")
		durations = append(durations, time.Since(start))
		if err != nil || len(l) != 1000 {
			b.Fatalf("%d sessions, %v", len(l), err)
		}
	}
	b.StopTimer()
	reportMedian(b, durations)
}
