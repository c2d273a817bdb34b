package ui

// openMail opens Mail with the PDF in a new message; Mail takes no subject or
// body this way, so the caller also copies the message to the clipboard.
func openMail(start starter, subject, body, file string) mailResult {
	if err := start("open", "-a", "Mail", file); err != nil {
		return mailFailed
	}
	return mailNoAttach
}

// showInFolder shows the file selected in Finder.
func showInFolder(start starter, file string) error {
	return start("open", "-R", file)
}
