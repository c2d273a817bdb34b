package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileWritesAPDF(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName(small()))
	if err := WriteFile(path, small(), Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("the file is not a PDF")
	}
	if ft := flat(readBack(t, b)); !strings.Contains(ft, "Åströmin Särkät Oy") {
		t.Error("the file does not read back")
	}
	// Overwriting keeps working and leaves no temporary files behind.
	if err := WriteFile(path, small(), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, filepath.Base(path))
}

func TestWriteFileFailures(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, want string
	}{
		{"missing folder", filepath.Join(dir, "no", "such", "folder", "a.pdf"), "no such file or directory"},
		{"parent is a file", filepath.Join(notDir, "a.pdf"), "not a directory"},
		{"target is a folder", dir, "is a folder"},
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		cases = append(cases, struct{ name, path, want string }{"full disk", "/dev/full", "no space left on device"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := WriteFile(c.path, small(), Options{})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, c.want) || !strings.Contains(msg, c.path) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s and %q", msg, c.path, c.want)
			}
			if strings.Contains(msg, ".tmp") {
				t.Errorf("error %q names the temporary file", msg)
			}
		})
	}
	assertOnly(t, dir, "file.txt")
	if fi, err := os.Stat("/dev/full"); err == nil && fi.Mode()&os.ModeDevice == 0 {
		t.Fatal("/dev/full is no longer a device")
	}
}

func TestWriteFileReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o755)
	err := WriteFile(filepath.Join(ro, "a.pdf"), small(), Options{})
	if !errors.Is(err, os.ErrPermission) {
		t.Fatalf("err = %v, want permission denied", err)
	}
	assertOnly(t, ro)
}

// failingWriter fails after n bytes, like a disk that fills up mid-write.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, syscall.ENOSPC
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteReportsWriterErrors(t *testing.T) {
	err := Write(&failingWriter{n: 1000}, small(), Options{})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
}

// assertOnly fails unless the folder holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %v, want %v", got, names)
	}
}
