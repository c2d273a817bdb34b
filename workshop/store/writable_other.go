//go:build !unix

package store

import (
	"errors"
	"io/fs"
	"os"
)

// writable tells whether the file at path may be written, from its
// read-only attribute; a folder that refuses new files shows when SQLite
// cannot make its -wal and -shm there (see readOnly).
func writable(path string) bool {
	fi, err := os.Stat(path)
	return err != nil || fi.Mode().Perm()&0o200 != 0
}

// cannotWrite tells whether err refuses a write for want of permission.
func cannotWrite(err error) bool { return errors.Is(err, fs.ErrPermission) }
