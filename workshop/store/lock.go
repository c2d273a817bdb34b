package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// ErrInUse: another running app has the database open.
var ErrInUse = errors.New("Lupauspaja is already open with this database (another window or another user)")

// errLocked is what the platform's lockFile returns when another holds the lock.
var errLocked = errors.New("locked")

// LockInstance takes the app's lock on the database at dbPath, so that two
// windows never edit the same sessions at once and overwrite each other's
// typing. The lock is the file PATH.lock, held for the life of the process:
// the operating system drops it when the process ends, even when it is
// killed, so a crash never leaves the database locked. The command line does
// not take it: its writes are whole new sessions in their own transactions,
// which SQLite orders safely beside the app.
//
// It returns ErrInUse while another process holds the lock. release is safe
// to call more than once.
func LockInstance(dbPath string) (release func(), err error) {
	if dbPath == "" {
		return nil, errors.New("lock database: no path given")
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, fmt.Errorf("lock database %s: %w", dbPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for the database: %w", err)
	}
	// The lock file is never removed: removing it would let a third process
	// lock a new file of the same name while the second still holds the old one.
	f, err := os.OpenFile(abs+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if cannotWrite(err) {
		return nil, &ReadOnlyError{Path: abs} // a read-only folder or disk
	}
	if err != nil {
		return nil, fmt.Errorf("lock database %s: %w", abs, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("%s: %w", abs, ErrInUse)
		}
		return nil, fmt.Errorf("lock database %s: %w", abs, err)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			unlockFile(f)
			f.Close()
		})
	}, nil
}
