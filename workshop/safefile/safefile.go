// Package safefile writes a file so that a failure never leaves a
// half-written file at its path: through a temporary file in the same
// folder, synced and then renamed over the path.
package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// Write writes path with the mode perm through write. On any failure the
// path is left as it was and no temporary file remains. A device or pipe
// (/dev/stdout, /dev/full) is written directly: it holds no file to protect,
// and renaming over it would replace the device itself (which root may).
// Errors carry the cause without the temporary file's name, which would only
// confuse the reader; callers name the path.
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return errors.New("is a folder")
		}
		return writeDirect(path, write)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return Cause(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(perm); err != nil {
		return Cause(err)
	}
	if err := write(f); err != nil {
		return Cause(err)
	}
	if err := f.Sync(); err != nil {
		return Cause(err)
	}
	if err := f.Close(); err != nil {
		return Cause(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return Cause(err)
	}
	return nil
}

func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return Cause(err)
	}
	if err := write(f); err != nil {
		f.Close()
		return Cause(err)
	}
	return Cause(f.Close())
}

// Cause drops the file name an *os.PathError or *os.LinkError repeats, so
// that a message names the file the user chose and says what went wrong.
func Cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// Bytes is a write function that writes b.
func Bytes(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}
