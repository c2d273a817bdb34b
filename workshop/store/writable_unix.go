//go:build unix

package store

import (
	"errors"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// writable tells whether this process may write the file at path and make
// files in its folder (SQLite's -wal and -shm, a migration's backup). It
// asks the system, which also knows a read-only disk and an immutable file,
// which bind root too.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil && unix.Access(filepath.Dir(path), unix.W_OK) == nil
}

// cannotWrite tells whether err refuses a write for want of permission, on
// a read-only disk or to an immutable file.
func cannotWrite(err error) bool {
	return errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EROFS)
}
