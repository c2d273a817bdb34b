package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
)

// openMail opens a new message in the default mail program through a
// mailto: link; a link cannot carry an attachment, so the file is shown in
// Explorer to be dragged into the message.
func openMail(subject, body, file string) mailResult {
	q := url.Values{}
	q.Set("subject", subject)
	q.Set("body", body)
	u, err := url.Parse("mailto:?" + strings.ReplaceAll(q.Encode(), "+", "%20"))
	if err != nil || fyne.CurrentApp().OpenURL(u) != nil {
		return mailFailed
	}
	_ = showInFolder(file)
	return mailNoAttach
}

// showInFolder shows the file selected in Explorer.
func showInFolder(file string) error {
	return startCommand("explorer", "/select,"+file)
}
