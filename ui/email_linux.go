package ui

import "path/filepath"

// openMail opens the user's mail program with the message and the PDF
// attached, through xdg-email (xdg-utils), which knows the desktop's mail program.
func openMail(start starter, subject, body, file string) mailResult {
	if err := start("xdg-email", "--subject", subject, "--body", body, "--attach", file); err != nil {
		return mailFailed
	}
	return mailAttached
}

// showInFolder opens the folder of the file in the file manager.
func showInFolder(start starter, file string) error {
	return start("xdg-open", filepath.Dir(file))
}
