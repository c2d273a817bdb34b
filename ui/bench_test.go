package ui

import (
	"path/filepath"
	"testing"

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
