package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// TestPDFPages writes the example workshop's PDF in both languages and
// renders every page to PNG for looking at, when PDF_PAGES names a folder
// (docs/pdf keeps the example's pages); PDF_LARGE=1 adds the large
// session's pages, PDF_KEEP=1 keeps the PDFs too:
//
//	PDF_PAGES=$PWD/docs/pdf go test -count=1 -run '^TestPDFPages$' ./workshop/report
func TestPDFPages(t *testing.T) {
	dir := os.Getenv("PDF_PAGES")
	if dir == "" {
		t.Skip("PDF_PAGES is not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	type run struct {
		name string
		s    *workshop.Session
		lang string
		dpi  string
	}
	runs := []run{
		{"nordrahti-fi", fixture.Nordrahti(), "fi", "60"},
		{"nordrahti-en", fixture.Nordrahti(), "en", "60"},
	}
	if os.Getenv("PDF_LARGE") != "" {
		runs = append(runs, run{"large-fi", fixture.Large(), "fi", "50"})
	}
	for _, c := range runs {
		// PDF_KEEP=1 keeps the PDFs beside the pages.
		pdf := filepath.Join(t.TempDir(), c.name+".pdf")
		if os.Getenv("PDF_KEEP") != "" {
			pdf = filepath.Join(dir, c.name+".pdf")
		}
		if err := WriteFile(pdf, c.s, Options{Lang: c.lang}); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-r", c.dpi, "-png", pdf, filepath.Join(dir, c.name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, out)
		}
	}
}
