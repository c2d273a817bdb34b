package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
)

// home is the sessions list: search, new, open, duplicate, delete, import, export.
type home struct {
	u *UI

	search   *searchEntry
	list     *widget.List
	empty    *fyne.Container
	emptyMsg *widget.Label
	emptyNew *widget.Button
	body     *fyne.Container
	actions  []*widget.Button // enabled while a session is selected
	obj      fyne.CanvasObject
	mu       sync.Mutex
	all      []store.Summary // every session, most recently edited first
	items    []store.Summary // those the search matches
	selected int             // index in items, -1 when none
	loaded   bool
	timer    *time.Timer
}

func newHome(u *UI) *home {
	h := &home{u: u, selected: -1}
	h.search = newSearchEntry(h)
	h.search.SetPlaceHolder(i18n.T("home.search"))
	h.search.OnChanged = func(string) { h.searchSoon() }
	h.search.OnSubmitted = func(string) { h.openSelectedOrOnly() }

	h.list = widget.NewList(
		func() int { return len(h.items) },
		func() fyne.CanvasObject { return newSessionRow(h) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(h.items) {
				o.(*sessionRow).set(id, h.items[id])
			}
		})
	h.list.OnSelected = func(id widget.ListItemID) { h.selected = id; h.enable() }
	h.list.OnUnselected = func(widget.ListItemID) { h.selected = -1; h.enable() }

	newBtn := widget.NewButtonWithIcon(i18n.T("home.new"), theme.ContentAddIcon(), h.newSession)
	newBtn.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(i18n.T("home.import"), theme.FolderOpenIcon(), h.chooseImport)
	aboutBtn := widget.NewButtonWithIcon("", theme.InfoIcon(), u.showAbout)
	title := widget.NewLabelWithStyle(i18n.T("home.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(windowIcon()), title),
		container.NewHBox(importBtn, newBtn, aboutBtn))

	open := widget.NewButtonWithIcon(i18n.T("home.open"), theme.NavigateNextIcon(), func() { h.openSelected() })
	open.Importance = widget.HighImportance
	dup := widget.NewButtonWithIcon(i18n.T("home.duplicate"), theme.ContentCopyIcon(), h.duplicateSelected)
	exp := widget.NewButtonWithIcon(i18n.T("home.export"), theme.DocumentSaveIcon(), h.chooseExport)
	del := widget.NewButtonWithIcon(i18n.T("home.delete"), theme.DeleteIcon(), h.confirmDelete)
	del.Importance = widget.DangerImportance
	h.actions = []*widget.Button{open, dup, exp, del}
	bar := container.NewHBox(open, dup, exp, layout.NewSpacer(), del)

	emptyText := widget.NewLabelWithStyle(i18n.T("home.empty"), fyne.TextAlignCenter, fyne.TextStyle{})
	emptyText.SizeName = theme.SizeNameSubHeadingText
	emptyText.Wrapping = fyne.TextWrapWord
	emptyBtn := widget.NewButtonWithIcon(i18n.T("home.new"), theme.ContentAddIcon(), h.newSession)
	emptyBtn.Importance = widget.HighImportance
	h.emptyMsg, h.emptyNew = emptyText, emptyBtn
	h.empty = container.NewCenter(container.NewVBox(emptyText, container.NewCenter(emptyBtn)))
	h.empty.Hide()
	h.body = container.NewStack(h.list, h.empty)

	h.obj = container.NewPadded(container.NewBorder(
		container.NewVBox(top, h.search), bar, nil, nil, h.body))
	h.enable()
	return h
}

func (h *home) Object() fyne.CanvasObject { return h.obj }

func (h *home) enable() {
	for _, b := range h.actions {
		if h.selected >= 0 && h.selected < len(h.items) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// loadAsync reads the list off the UI goroutine, so that the window maps
// before the database is read.
func (h *home) loadAsync() {
	items, err := h.u.st.List("")
	fyne.Do(func() {
		if h.u.home != h || h.loaded {
			return
		}
		if err != nil {
			h.u.showError(err)
			return
		}
		h.all = items
		h.filter()
	})
}

// filter shows the sessions that match the search: every word of it, in
// any case (also Å, Ä, Ö, which SQLite's LIKE does not fold), in the title,
// organisation or date as stored or as shown.
func (h *home) filter() {
	words := strings.Fields(strings.ToLower(h.search.Text))
	var out []store.Summary
	for _, sm := range h.all {
		hay := strings.ToLower(sm.Title + " " + sm.Organisation + " " + sm.Date + " " + field.FormatDate(sm.Date))
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, sm)
		}
	}
	h.setItems(out)
}

// searchSoon filters after a short pause in typing.
func (h *home) searchSoon() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.timer != nil {
		h.timer.Stop()
	}
	h.timer = time.AfterFunc(field.Debounce/2, func() { fyne.Do(h.filter) })
}

// reload reads the list again from the database.
func (h *home) reload() {
	if h.u.home != h {
		return
	}
	items, err := h.u.st.List("")
	if err != nil {
		h.u.showError(err)
		return
	}
	h.all = items
	h.filter()
}

func (h *home) setItems(items []store.Summary) {
	var keep int64 = -1
	if h.selected >= 0 && h.selected < len(h.items) {
		keep = h.items[h.selected].ID
	}
	h.loaded = true
	h.items = items
	h.list.UnselectAll()
	h.selected = -1
	h.list.Refresh()
	for i, it := range items {
		if it.ID == keep {
			h.list.Select(i)
		}
	}
	if len(items) == 0 {
		if strings.TrimSpace(h.search.Text) == "" {
			h.emptyMsg.SetText(i18n.T("home.empty"))
			h.emptyNew.Show()
		} else {
			h.emptyMsg.SetText(i18n.T("home.no_match"))
			h.emptyNew.Hide()
		}
		h.empty.Show()
	} else {
		h.empty.Hide()
	}
	h.enable()
}

func (h *home) selectID(id int64) {
	for i, it := range h.items {
		if it.ID == id {
			h.list.Select(i)
			h.list.ScrollTo(i)
		}
	}
}

func (h *home) current() (store.Summary, bool) {
	if h.selected < 0 || h.selected >= len(h.items) {
		return store.Summary{}, false
	}
	return h.items[h.selected], true
}

// newSession creates a session in the UI language and opens its setup.
func (h *home) newSession() {
	s := workshop.NewSession(i18n.Language())
	s.Title = i18n.T("home.default_title")
	if err := h.u.st.Create(s); err != nil {
		h.u.showError(err)
		return
	}
	if err := h.u.open(s.ID); err != nil {
		h.u.showError(err)
	}
}

func (h *home) openSelected() {
	if sm, ok := h.current(); ok {
		if err := h.u.open(sm.ID); err != nil {
			h.u.showError(err)
		}
	}
}

// openSelectedOrOnly opens on Enter in the search: the selected session, or
// the first match.
func (h *home) openSelectedOrOnly() {
	if _, ok := h.current(); !ok && len(h.items) > 0 {
		h.list.Select(0)
	}
	h.openSelected()
}

// duplicateSelected stores a copy of the session as a template: its
// structure and agenda, none of the participants' input.
func (h *home) duplicateSelected() {
	sm, ok := h.current()
	if !ok {
		return
	}
	s, err := h.u.st.Load(sm.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	t := s.AsTemplate()
	t.Title = i18n.T("home.copy_title", map[string]any{"Title": s.Title})
	if err := h.u.st.Create(t); err != nil {
		h.u.showError(err)
		return
	}
	h.reload()
	h.selectID(t.ID)
}

func (h *home) confirmDelete() {
	sm, ok := h.current()
	if !ok {
		return
	}
	msg := i18n.T("home.delete.message", map[string]any{
		"Title": sm.Title, "Organisation": sm.Organisation, "Date": field.FormatDate(sm.Date)})
	d := dialog.NewConfirm(i18n.T("home.delete.title"), msg, func(yes bool) {
		if yes {
			h.delete(sm.ID)
		}
	}, h.u.win)
	d.SetConfirmText(i18n.T("home.delete.confirm"))
	d.SetDismissText(i18n.T("app.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (h *home) delete(id int64) {
	if err := h.u.st.Delete(id); err != nil {
		h.u.showError(err)
	}
	h.reload()
}

func (h *home) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		h.importFile(path)
	}, h.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importFile stores the session file as a new session and selects it.
func (h *home) importFile(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		h.u.showError(err)
		return 0, err
	}
	defer f.Close()
	id, err := sessionfile.Import(h.u.st, f)
	if err != nil {
		err = fmt.Errorf("import %s: %w", filepath.Base(path), err)
		h.u.showError(err)
		return 0, err
	}
	h.search.SetText("")
	h.reload()
	h.selectID(id)
	return id, nil
}

// sessionFileName suggests a file name for a session file.
func sessionFileName(s *workshop.Session) string {
	return strings.TrimSuffix(reportFileName(s), ".pdf") + ".json"
}

func (h *home) chooseExport() {
	sm, ok := h.current()
	if !ok {
		return
	}
	s, err := h.u.st.Load(sm.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	saveDialog(h.u, sessionFileName(s), ".json", func(path string) {
		if err := sessionfile.WriteFile(path, s, sessionfile.Options{}); err != nil {
			h.u.showError(err)
		}
	})
}

// saveDialog asks where to save a file and calls save with the path.
func saveDialog(u *UI, name, ext string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The dialog has created the file; it is written again atomically.
		w.Close()
		save(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// sessionRow is one session in the list; a double click opens it.
type sessionRow struct {
	widget.BaseWidget
	h     *home
	id    int
	title *widget.Label
	info  *widget.Label
}

func newSessionRow(h *home) *sessionRow {
	r := &sessionRow{h: h, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		info: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.info.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *sessionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.title, r.info))
}

func (r *sessionRow) set(id int, sm store.Summary) {
	r.id = id
	t := sm.Title
	if strings.TrimSpace(t) == "" {
		t = i18n.T("home.untitled")
	}
	if sm.Organisation != "" {
		t = sm.Organisation + " · " + t
	}
	r.title.SetText(t)
	parts := []string{}
	if sm.Date != "" {
		parts = append(parts, field.FormatDate(sm.Date))
	}
	parts = append(parts, workshop.Label(workshop.StatusLabels, sm.Status, i18n.Language()))
	if !sm.UpdatedAt.IsZero() {
		parts = append(parts, i18n.T("home.edited", map[string]any{"When": sm.UpdatedAt.Local().Format("2.1.2006 15:04")}))
	}
	r.info.SetText(strings.Join(parts, " · "))
}

func (r *sessionRow) Tapped(*fyne.PointEvent) { r.h.list.Select(r.id) }

func (r *sessionRow) DoubleTapped(*fyne.PointEvent) {
	r.h.list.Select(r.id)
	r.h.openSelected()
}

// searchEntry is the search field; ↑ and ↓ move the selection in the list
// below it, so that finding and opening a workshop needs no mouse.
type searchEntry struct {
	widget.Entry
	h *home
}

func newSearchEntry(h *home) *searchEntry {
	e := &searchEntry{h: h}
	e.ExtendBaseWidget(e)
	return e
}

func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	h := e.h
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if len(h.items) == 0 {
			return
		}
		i := h.selected
		if ev.Name == fyne.KeyDown {
			i++
		} else {
			i--
		}
		i = max(0, min(len(h.items)-1, i))
		h.list.Select(i)
		h.list.ScrollTo(i)
		return
	}
	e.Entry.TypedKey(ev)
}
