//go:build !linux && !darwin && !windows

package ui

import "errors"

// openMail has no mail program to open on this system.
func openMail(_ starter, subject, body, file string) mailResult { return mailFailed }

// showInFolder has no file manager to open on this system.
func showInFolder(_ starter, file string) error { return errors.New("no file manager") }
