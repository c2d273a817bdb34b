//go:build !windows && !darwin && !dragonfly && !freebsd && !linux && !netbsd && !openbsd

package store

import "os"

// lockFile does not lock on systems without flock (the app is not shipped
// for them): a second window there is not refused, and SQLite still keeps
// the file sound.
func lockFile(f *os.File) error { return nil }

func unlockFile(f *os.File) {}
