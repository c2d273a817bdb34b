//go:build !linux

package testkit

import "errors"

func setImmutable(path string, on bool) error {
	return errors.New("no immutable flag on this system")
}
