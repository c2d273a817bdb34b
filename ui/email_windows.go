package ui

import (
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
)

// openMail opens a new message in the default mail program through a
// mailto: link; a link cannot carry an attachment, so the file is shown in
// Explorer to be dragged into the message.
func openMail(start starter, subject, body, file string) mailResult {
	q := url.Values{}
	q.Set("subject", subject)
	q.Set("body", body)
	u, err := url.Parse("mailto:?" + strings.ReplaceAll(q.Encode(), "+", "%20"))
	if err != nil || fyne.CurrentApp().OpenURL(u) != nil {
		return mailFailed
	}
	_ = showInFolder(start, file)
	return mailNoAttach
}

// showInFolder shows the file selected in Explorer. Explorer reads its
// command line itself and wants /select,"C:\folder\file.pdf": backslashes
// (Fyne's file dialogs give forward slashes) and the quotes after the
// comma. Go would quote the whole argument, /select included, for a path
// with a space, and Explorer would open the Documents folder instead; so
// the command line is written here.
func showInFolder(_ starter, file string) error {
	cmd := exec.Command("explorer")
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: explorerSelect(file)}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start explorer: %w", err)
	}
	go cmd.Wait() // Explorer's exit status means nothing
	return nil
}

// explorerSelect is the command line that shows file selected in Explorer.
func explorerSelect(file string) string {
	return `explorer /select,"` + filepath.FromSlash(file) + `"`
}
