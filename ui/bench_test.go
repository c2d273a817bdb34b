package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/testkit"
)

// startupDB makes a database with n copies of the example workshop.
func startupDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "startup.db")
	lib, err := library.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	for i := 0; i < n; i++ {
		testkit.Create(b, lib, fixture.Nordrahti())
	}
	return path
}

// BenchmarkStartupBeforeWindow is what the app does before its window can
// map, beyond what a bare Fyne window does: open the database of 1,000
// sessions and build the window's content (the list itself loads after).
func BenchmarkStartupBeforeWindow(b *testing.B) {
	path := startupDB(b, 1000)
	a := test.NewTempApp(b)
	b.ResetTimer()
	for b.Loop() {
		lib, err := library.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		u := New(a, lib)
		u.win.Close()
		lib.Close()
	}
}

// BenchmarkSessionsList1000 is loading and showing the list of 1,000
// sessions, which happens once the window is up.
func BenchmarkSessionsList1000(b *testing.B) {
	path := startupDB(b, 1000)
	a := test.NewTempApp(b)
	u := New(a, testkit.OpenLibrary(b, path))
	b.ResetTimer()
	for b.Loop() {
		u.home.reload()
	}
	if len(u.home.items) != 1000 {
		b.Fatalf("%d sessions listed", len(u.home.items))
	}
}

// BenchmarkOpenWorkshop is opening the example workshop at its step.
func BenchmarkOpenWorkshop(b *testing.B) {
	path := startupDB(b, 1)
	a := test.NewTempApp(b)
	u := New(a, testkit.OpenLibrary(b, path))
	u.tickEvery = 0
	b.ResetTimer()
	for b.Loop() {
		if err := u.open(1); err != nil {
			b.Fatal(err)
		}
		u.showHome(false)
	}
}

// BenchmarkSwitchStep is moving to each page of the large session (40
// participants, 300 cards, 30 drafts, 60 actions) from the page before it,
// as the step list, Ctrl+→ and Ctrl+← do: the move is saved, the page is
// shown and laid out at 1366×768, and the header, step list and side panel
// follow. Each sub-benchmark is one page; ms/median is of the moves to it.
func BenchmarkSwitchStep(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	lib := testkit.OpenLibrary(b, path)
	id := testkit.Create(b, lib, fixture.Large())
	a := test.NewTempApp(b)
	u := New(a, lib)
	u.tickEvery = 0
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	if err := u.open(id); err != nil {
		b.Fatal(err)
	}
	keys := u.ws.pages()
	for i, key := range keys {
		from := keys[(i+len(keys)-1)%len(keys)]
		b.Run(key, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				b.StopTimer()
				u.ws.goTo(from)
				b.StartTimer()
				start := time.Now()
				u.ws.goTo(key)
				times = append(times, time.Since(start))
			}
			if u.ws.key != key {
				b.Fatalf("at %s, want %s", u.ws.key, key)
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2])/1e6, "ms/median")
		})
	}
}
