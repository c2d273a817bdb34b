package ui

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop/library"
)

// IsDatabaseProblem reports whether the error means that the file at the
// database path is not one this app can open (damaged, another program's,
// or from a newer version), so that moving it aside and starting afresh helps.
func IsDatabaseProblem(err error) bool {
	return errors.Is(err, library.ErrNotDatabase) || errors.Is(err, library.ErrForeignDatabase) ||
		errors.Is(err, library.ErrNewerDatabase)
}

// MoveAside renames the database file, and SQLite's journal files with it,
// to PATH.broken-TIME so that a new database can start at PATH. Nothing is
// deleted: the file can still be rescued or opened by a newer version.
func MoveAside(path string, now time.Time) (string, error) {
	suffix := ".broken-" + now.Format("20060102-150405")
	to := path + suffix
	if _, err := os.Stat(to); err == nil {
		return "", fmt.Errorf("move %s aside: %s already exists", path, to)
	}
	if err := os.Rename(path, to); err != nil {
		return "", fmt.Errorf("move %s aside: %w", path, err)
	}
	// A journal left next to a new database would be replayed into it.
	for _, j := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + j); err == nil {
			if err := os.Rename(path+j, to+j); err != nil {
				return to, fmt.Errorf("move %s aside: %w", path+j, err)
			}
		}
	}
	return to, nil
}

// ShowDatabaseProblem shows a window that explains why the database at path
// cannot be opened. When moving the file aside can help, it offers that and
// then calls opened with a new, empty database; it always offers to quit.
func ShowDatabaseProblem(a fyne.App, path string, openErr error, opened func(lib *library.Library)) fyne.Window {
	tr := i18n.New(a.Preferences().String(prefLanguage))
	if err := i18n.FyneSpeaks(tr.Language()); err != nil {
		log.Printf("translations: %v", err)
	}
	a.Settings().SetTheme(newTheme(nil))
	w := a.NewWindow(tr.T("app.name"))
	w.SetIcon(windowIcon())
	title := widget.NewLabelWithStyle(tr.T("dbproblem.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	msg := widget.NewLabel(humanError(tr, openErr) + "\n\n" + tr.T("dbproblem.path", map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	status.Importance = widget.DangerImportance
	status.Hide()

	quit := button.New(tr.T("dbproblem.quit"), nil, func() { a.Quit() })
	buttons := container.NewHBox(layout.NewSpacer(), quit)
	if IsDatabaseProblem(openErr) && opened != nil {
		intro := tr.T("dbproblem.offer")
		msg.SetText(msg.Text + "\n\n" + intro)
		fresh := button.Primary(tr.T("dbproblem.move"), theme.ContentAddIcon(), func() {
			to, err := MoveAside(path, time.Now())
			if err != nil {
				status.SetText(humanError(tr, err))
				status.Show()
				return
			}
			lib, err := library.Open(path)
			if err != nil {
				status.SetText(humanError(tr, err))
				status.Show()
				return
			}
			log.Printf("lupauspaja: moved the database aside to %s", to)
			opened(lib)
			w.Close()
		})
		buttons.Add(fresh)
	}
	w.SetContent(container.NewPadded(container.NewBorder(title, buttons, nil, nil, container.NewVScroll(container.NewVBox(msg, status)))))
	w.Resize(fyne.NewSize(640, 360))
	w.Show()
	return w
}
