package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"lupauspaja/workshop/fixture"
)

const ptPerMM = 72 / 25.4

// sheet is what a kit's PDF has on each page, read back from its bytes:
// the ruled lines to write on (full width, y from the top in millimetres,
// from qpdf's uncompressed content streams) and where each numbered
// question starts (pdftotext's word boxes).
type sheet struct {
	lines     [][]float64       // per page, top to bottom
	questions []map[int]float64 // per page: question number → top of its text
}

func readSheet(t *testing.T, pdf []byte) sheet {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/setup.sh installs it)", tool)
		}
	}
	dir := t.TempDir()
	in, qdf := filepath.Join(dir, "kit.pdf"), filepath.Join(dir, "qdf.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", in, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v: %s", err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	var sh sheet
	// gofpdf draws a line as "x1 y1 m x2 y2 l S", y from the page's foot.
	ruled := regexp.MustCompile(`(?m)^([0-9.]+) ([0-9.]+) m ([0-9.]+) ([0-9.]+) l S`)
	parts := regexp.MustCompile(`%% Contents for page \d+`).Split(string(raw), -1)
	for _, p := range parts[1:] {
		p, _, _ = strings.Cut(p, "endstream")
		var ys []float64
		for _, m := range ruled.FindAllStringSubmatch(p, -1) {
			f := make([]float64, 4)
			for i := range f {
				f[i], _ = strconv.ParseFloat(m[i+1], 64)
			}
			if f[1] == f[3] && f[0] < (marginL+1)*ptPerMM && f[2]-f[0] > (contentW-1)*ptPerMM {
				ys = append(ys, pageH-f[1]/ptPerMM)
			}
		}
		sort.Float64s(ys)
		sh.lines = append(sh.lines, ys)
	}
	out, err := exec.Command("pdftotext", "-bbox", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>`)
	for _, page := range strings.Split(string(out), "<page ")[1:] {
		qs := map[int]float64{}
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			if n, err := strconv.Atoi(strings.TrimSuffix(m[3], ".")); err == nil && strings.HasSuffix(m[3], ".") && x < (marginL+1)*ptPerMM {
				qs[n] = y / ptPerMM
			}
		}
		sh.questions = append(sh.questions, qs)
	}
	if len(sh.lines) != len(sh.questions) {
		t.Fatalf("qpdf reads %d pages, pdftotext %d", len(sh.lines), len(sh.questions))
	}
	return sh
}

// interviewLines are the ruled lines each question of the interview guide
// has for its answer.
var interviewLines = map[int]int{1: 4, 2: 2, 3: 2, 4: 0, 5: 3}

// checkTogether fails unless every question of the guide stands on the
// same page as all its answer lines, with no line on a page before its
// first question, and the lines at least 7 mm apart.
func checkTogether(t *testing.T, name string, sh sheet) {
	t.Helper()
	seen := map[int]bool{}
	for p := range sh.lines {
		type q struct {
			n int
			y float64
		}
		var qs []q
		for n, y := range sh.questions[p] {
			qs = append(qs, q{n, y})
			seen[n] = true
		}
		sort.Slice(qs, func(i, j int) bool { return qs[i].y < qs[j].y })
		lines := sh.lines[p]
		if len(lines) > 0 && (len(qs) == 0 || lines[0] < qs[0].y) {
			t.Errorf("%s: page %d starts with answer lines of a question on the page before (line at %.1f mm, first question %v)", name, p+1, lines[0], qs)
		}
		for i, x := range qs {
			next := pageH
			if i+1 < len(qs) {
				next = qs[i+1].y
			}
			var mine []float64
			for _, y := range lines {
				if y > x.y && y < next {
					mine = append(mine, y)
				}
			}
			if len(mine) != interviewLines[x.n] {
				t.Errorf("%s: question %d on page %d has %d of its %d answer lines there", name, x.n, p+1, len(mine), interviewLines[x.n])
			}
			for k := 1; k < len(mine); k++ {
				if d := mine[k] - mine[k-1]; d < 6.99 {
					t.Errorf("%s: question %d's lines are %.2f mm apart, too tight to write on", name, x.n, d)
				}
			}
		}
	}
	if len(seen) != len(interviewLines) {
		t.Errorf("%s: questions %v found", name, seen)
	}
}

// The interview guide is one A4 sheet for the fixture's promise, in both
// languages; a promise so long that the guide takes two pages moves a
// whole question, with its lines, to the second page.
func TestInterviewGuideFitsOneSheetAndKeepsEachQuestionWithItsLines(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		var b bytes.Buffer
		if err := WriteKit(&b, fixture.Nordrahti(), KitInterview, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("LUPAUSPAJA_PDF_OUT"); dir != "" {
			os.WriteFile(dir+"/kit-interview-"+lang+".pdf", b.Bytes(), 0o644)
		}
		sh := readSheet(t, b.Bytes())
		if len(sh.lines) != 1 {
			t.Errorf("%s: %d pages, want one sheet", lang, len(sh.lines))
		}
		checkTogether(t, lang, sh)

		long := fixture.Nordrahti()
		long.Decision.FinalText = strings.Repeat("Tiedät aina, missä tavarasi menee, ja jos jokin muuttuu, kuulet sen meiltä ensin. ", 6)
		long.Decision.FinalTextAlt = strings.Repeat("You always know where your goods are, and if anything changes, you hear it from us first. ", 6)
		b.Reset()
		if err := WriteKit(&b, long, KitInterview, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("LUPAUSPAJA_PDF_OUT"); dir != "" {
			os.WriteFile(dir+"/kit-interview-long-"+lang+".pdf", b.Bytes(), 0o644)
		}
		sh = readSheet(t, b.Bytes())
		if len(sh.lines) != 2 {
			t.Errorf("%s, a long promise: %d pages, want 2", lang, len(sh.lines))
		}
		checkTogether(t, fmt.Sprintf("%s, a long promise", lang), sh)
	}
}
