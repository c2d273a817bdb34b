package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// importFixture makes a database holding the Nordrahti workshop as session 1.
func importFixture(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "l.db")
	if code, out, errOut := cli(t, "import", writeFixture(t, dir), "--db", db); code != 0 || out != "1\n" {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	return dir, db
}

// pdftotext reads a PDF file back as text with whitespace folded.
func pdftotext(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestPDFVerb(t *testing.T) {
	dir, db := importFixture(t)
	fiPath := filepath.Join(dir, "yhteenveto.pdf")
	code, out, errOut := cli(t, "pdf", "1", "-o", fiPath, "--db", db)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("pdf: %d %q %q", code, out, errOut)
	}
	fi := pdftotext(t, fiPath)
	for _, want := range []string{"Nordrahti Oy", "Yhteenveto", "Tiedät aina, missä tavarasi menee. Jos jokin muuttuu, kuulet sen meiltä ensin – ja ratkaisun kanssa.", "Markku Väisänen", "sivu 2 /"} {
		if !strings.Contains(fi, want) {
			t.Errorf("Finnish PDF lacks %q", want)
		}
	}

	enPath := filepath.Join(dir, "summary.pdf")
	code, _, errOut = cli(t, "--db", db, "pdf", "--lang", "en", "-o", enPath, "1")
	if code != 0 || errOut != "" {
		t.Fatalf("pdf --lang en: %d %q", code, errOut)
	}
	en := pdftotext(t, enPath)
	for _, want := range []string{"Summary", "Where we stand", "How we measure it", "Next steps", "Who does what", "page 2 /"} {
		if !strings.Contains(en, want) {
			t.Errorf("English PDF lacks heading %q", want)
		}
	}
	if strings.Contains(en, "Seuraavat askeleet") {
		t.Error("English PDF has Finnish headings")
	}

	// -o - writes the PDF to stdout, for pipes.
	code, out, errOut = cli(t, "pdf", "1", "-o", "-", "--lang=en", "--db", db)
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "%PDF-") || !strings.Contains(out[len(out)-16:], "%%EOF") {
		t.Fatalf("pdf to stdout: %d %q, %d bytes", code, errOut, len(out))
	}
}

func TestPDFVerbErrors(t *testing.T) {
	dir, db := importFixture(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no id", []string{"pdf", "-o", "x.pdf"}, "give the id"},
		{"bad id", []string{"pdf", "yksi", "-o", "x.pdf"}, "not a session id"},
		{"no output", []string{"pdf", "1"}, "-o FILE.pdf is required"},
		{"bad language", []string{"pdf", "1", "-o", filepath.Join(dir, "x.pdf"), "--lang", "sv"}, `--lang "sv"`},
		{"unknown option", []string{"pdf", "1", "--colour"}, "unknown option --colour"},
		{"missing session", []string{"pdf", "99", "-o", filepath.Join(dir, "x.pdf")}, "no such session"},
		{"missing folder", []string{"pdf", "1", "-o", filepath.Join(dir, "ei", "ole", "x.pdf")}, "no such file or directory"},
		{"full disk", []string{"pdf", "1", "-o", "/dev/full"}, "no space left on device"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, append(c.args, "--db", db)...)
			if code == 0 {
				t.Fatalf("exit 0, want failure")
			}
			if out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "lupauspaja pdf: ") {
				t.Errorf("stdout %q, stderr %q: want one line on stderr with %q", out, errOut, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed export left a file behind")
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestPDFVerbIsListedInHelp(t *testing.T) {
	var o, e bytes.Buffer
	if code := run([]string{"help"}, &o, &e); code != 0 || !strings.Contains(o.String(), "pdf ID -o FILE.pdf [--lang fi|en]") {
		t.Errorf("help: %d %q", code, o.String())
	}
}
