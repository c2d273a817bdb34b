package report

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The domain, the report included, draws its text with the fonts in
// assets and needs nothing from the UI toolkit: a phone front end or the
// command line can use it without linking Fyne.
func TestWorkshopPackagesImportNothingFromFyne(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goBin, "list", "-deps", "lupauspaja/workshop/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var fyne []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") {
			fyne = append(fyne, p)
		}
	}
	if len(fyne) > 0 {
		t.Errorf("lupauspaja/workshop/... depends on %d Fyne packages: %s", len(fyne), strings.Join(fyne, " "))
	}
}
