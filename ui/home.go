package ui

import (
	"image/color"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
)

// home is the sessions list: search, new, the example, open, duplicate,
// delete, import, export.
type home struct {
	u *UI

	search      *searchEntry
	list        *sessionList
	empty       *fyne.Container
	emptyMsg    *widget.Label
	emptyNew    *button.Button
	emptySample *button.Button
	body        *fyne.Container
	actions     []*button.Button // enabled while a session is selected
	obj         fyne.CanvasObject
	mu          sync.Mutex
	all         []library.Summary // every session, most recently edited first
	items       []library.Summary // those the search matches
	nth         map[int64]int     // 2, 3… for the later of sessions that would look the same
	selected    int               // index in items, -1 when none
	loaded      bool
	timer       *time.Timer
}

func newHome(u *UI) *home {
	h := &home{u: u, selected: -1}
	h.search = newSearchEntry(h)
	h.search.SetPlaceHolder(u.tr.T("home.search"))
	h.search.OnChanged = func(string) { h.searchSoon() }
	h.search.OnSubmitted = func(string) { h.openSelectedOrOnly() }

	h.list = newSessionList(h)
	// The keyboard's highlight follows the selection, so that the row seen
	// chosen is the one Enter opens (sessionList).
	h.list.OnSelected = func(id widget.ListItemID) { h.selected = id; h.list.Highlight(id); h.enable() }
	h.list.OnUnselected = func(widget.ListItemID) { h.selected = -1; h.enable() }

	newBtn := button.Primary(u.tr.T("home.new"), theme.ContentAddIcon(), h.newSession)
	importBtn := button.New(u.tr.T("home.import"), theme.FolderOpenIcon(), h.chooseImport)
	sampleBtn := button.New(u.tr.T("home.example"), theme.HelpIcon(), h.openExample)
	aboutBtn := button.New("", theme.InfoIcon(), u.showAbout)
	title := widget.NewLabelWithStyle(u.tr.T("home.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(windowIcon()), title),
		container.NewHBox(importBtn, sampleBtn, newBtn, aboutBtn))

	open := button.Primary(u.tr.T("home.open"), theme.NavigateNextIcon(), func() { h.openSelected() })
	dup := button.New(u.tr.T("home.duplicate"), theme.ContentCopyIcon(), h.duplicateSelected)
	exp := button.New(u.tr.T("home.export"), theme.DocumentSaveIcon(), h.chooseExport)
	del := button.New(u.tr.T("home.delete"), theme.DeleteIcon(), h.confirmDelete)
	del.Importance = widget.DangerImportance
	checkin := button.New(u.tr.T("checkin.new"), theme.HistoryIcon(), h.newCheckin)
	h.actions = []*button.Button{open, checkin, dup, exp, del}
	bar := container.NewHBox(open, checkin, dup, exp, layout.NewSpacer(), del)

	emptyText := widget.NewLabelWithStyle(u.tr.T("home.empty"), fyne.TextAlignCenter, fyne.TextStyle{})
	emptyText.SizeName = theme.SizeNameSubHeadingText
	emptyText.Wrapping = fyne.TextWrapWord
	emptyBtn := button.Primary(u.tr.T("home.new"), theme.ContentAddIcon(), h.newSession)
	emptySample := button.New(u.tr.T("home.example"), theme.HelpIcon(), h.openExample)
	h.emptyMsg, h.emptyNew, h.emptySample = emptyText, emptyBtn, emptySample
	// The message gets a column of its own width, not the buttons' (in
	// which it wrapped word by word and split the longest).
	h.empty = container.New(&centredColumn{width: 620},
		container.NewVBox(emptyText, container.NewCenter(container.NewHBox(emptyBtn, emptySample))))
	h.empty.Hide()
	h.body = container.NewStack(h.list, h.empty)

	// In the order they are seen, which is the order of Tab: the header's
	// buttons, the search, the list, the buttons under it (a Border
	// container holds its middle first, so that Tab from the search skipped
	// the list for the buttons under it).
	head := container.NewVBox(top, h.search)
	h.obj = container.NewPadded(container.New(layout.NewBorderLayout(head, bar, nil, nil), head, h.body, bar))
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
	items, err := h.u.lib.List("")
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
		h.u.shown("home %d", len(h.items))
	})
}

// filter shows the sessions that match the search: every word of it, in
// any case (also Å, Ä, Ö, which SQLite's LIKE does not fold), in the title,
// organisation or date as stored or as shown.
func (h *home) filter() {
	words := strings.Fields(strings.ToLower(h.search.Text))
	var out []library.Summary
	for _, sm := range h.all {
		hay := strings.ToLower(sm.Title + " " + sm.Organisation + " " + sm.Date + " " + field.FormatDate(h.u.tr.Language(), sm.Date))
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

// searchPause is the pause in typing after which the list is filtered:
// half the inputs' pause before a save.
func (h *home) searchPause() time.Duration {
	d, _, _ := h.u.typing.Timings()
	return d / 2
}

// searchSoon filters after a short pause in typing.
func (h *home) searchSoon() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.timer != nil {
		h.timer.Stop()
	}
	h.timer = time.AfterFunc(h.searchPause(), func() { fyne.Do(h.filter) })
}

// reload reads the list again from the database.
func (h *home) reload() {
	if h.u.home != h {
		return
	}
	items, err := h.u.lib.List("")
	if err != nil {
		h.u.showError(err)
		return
	}
	h.all = items
	h.filter()
}

// numberAlike gives the later of sessions that would show the same title,
// organisation and date (two imports of one file, two new workshops) a
// number, 2, 3…, in the order they were made, so that rows never look the same.
func (h *home) numberAlike() {
	type look struct{ title, org, date string }
	byLook := map[look][]int64{}
	for _, sm := range h.all {
		k := look{strings.TrimSpace(sm.Title), strings.TrimSpace(sm.Organisation), sm.Date}
		byLook[k] = append(byLook[k], sm.ID)
	}
	h.nth = map[int64]int{}
	for _, ids := range byLook {
		if len(ids) < 2 {
			continue
		}
		slices.Sort(ids)
		for i, id := range ids[1:] {
			h.nth[id] = i + 2
		}
	}
}

func (h *home) setItems(items []library.Summary) {
	items = groupFamilies(items)
	var keep int64 = -1
	if h.selected >= 0 && h.selected < len(h.items) {
		keep = h.items[h.selected].ID
	}
	h.loaded = true
	h.numberAlike()
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
			h.emptyMsg.SetText(h.u.tr.T("home.empty"))
			h.emptyNew.Show()
			h.emptySample.Show()
		} else {
			h.emptyMsg.SetText(h.u.tr.T("home.no_match"))
			h.emptyNew.Hide()
			h.emptySample.Hide()
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

func (h *home) current() (library.Summary, bool) {
	if h.selected < 0 || h.selected >= len(h.items) {
		return library.Summary{}, false
	}
	return h.items[h.selected], true
}

// newSession creates a session in the UI language and opens its setup.
func (h *home) newSession() {
	s := workshop.NewSession(h.u.tr.Language())
	s.Title = h.u.tr.T("home.default_title")
	id, err := h.u.lib.Create(s)
	if err != nil {
		h.u.showError(err)
		return
	}
	if err := h.u.open(id); err != nil {
		h.u.showError(err)
	}
}

// openExample stores the example workshop that comes with the app as a new
// session and opens it, for a newcomer to look around a whole workshop.
func (h *home) openExample() {
	id, err := h.u.lib.ImportExample(h.u.tr.Language())
	if err != nil {
		h.u.showError(err)
		return
	}
	if err := h.u.open(id); err != nil {
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
	id, err := h.u.lib.Duplicate(sm.ID, h.u.tr.T("home.copy_title", map[string]any{"Title": sm.Title}))
	if err != nil {
		h.u.showError(err)
		return
	}
	h.reload()
	h.selectID(id)
}

// confirmDelete asks before deleting the selected session, saying what goes
// with it: a workshop takes its check-ins (named by their dates), each with
// its copy of the participants' names; a check-in goes alone.
func (h *home) confirmDelete() {
	sm, ok := h.current()
	if !ok {
		return
	}
	with, err := h.u.lib.DeletedWith(sm.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	lang := h.u.tr.Language()
	data := map[string]any{"Title": sm.Title, "Organisation": sm.Organisation, "Date": field.FormatDate(lang, sm.Date)}
	var title, msg string
	switch {
	case len(with) > 0:
		dates := make([]string, len(with))
		for i, c := range with {
			dates[i] = field.FormatDate(lang, c.Date)
			if c.Date == "" {
				dates[i] = h.u.tr.T("home.delete.no_date")
			}
		}
		data["Count"], data["Dates"] = len(with), strings.Join(dates, ", ")
		title, msg = h.u.tr.T("home.delete.title.family"), h.u.tr.T("home.delete.message.family", data)
	case sm.Kind == workshop.SessionCheckin && sm.FollowsID != 0:
		title, msg = h.u.tr.T("home.delete.title.checkin"), h.u.tr.T("home.delete.message.checkin", data)
	case sm.Kind == workshop.SessionCheckin: // it follows none: no workshop left to keep
		title, msg = h.u.tr.T("home.delete.title.checkin"), h.u.tr.T("home.delete.message", data)
	default:
		title, msg = h.u.tr.T("home.delete.title"), h.u.tr.T("home.delete.message", data)
	}
	h.u.confirm(title, msg, h.u.tr.T("home.delete.confirm"), h.u.tr.T("app.cancel"), true, func(yes bool) {
		if yes {
			h.delete(sm.ID)
		}
	})
}

func (h *home) delete(id int64) {
	if err := h.u.lib.Delete(id); err != nil {
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
	id, err := h.u.lib.ImportFile(path)
	if err != nil {
		h.u.showError(err)
		return 0, err
	}
	h.search.SetText("")
	h.reload()
	h.selectID(id)
	return id, nil
}

func (h *home) chooseExport() {
	sm, ok := h.current()
	if !ok {
		return
	}
	name, err := h.u.lib.SessionFileName(sm.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	saveDialog(h.u, name, ".json", func(path string) { h.export(sm.ID, path) })
}

// export writes the session as a session file, without the private notes.
func (h *home) export(id int64, path string) error {
	err := h.u.lib.Export(id, path, false)
	h.u.showError(err)
	return err
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
	h      *home
	id     int
	title  *widget.Label
	info   *widget.Label
	indent *canvas.Rectangle // a check-in's two lines stand in under its workshop's
	box    *fyne.Container
}

// checkinIndent is how far a check-in's row stands in.
const checkinIndent = 28

func newSessionRow(h *home) *sessionRow {
	r := &sessionRow{h: h, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		info: widget.NewLabel(""), indent: canvas.NewRectangle(color.Transparent)}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.info.Truncation = fyne.TextTruncateEllipsis
	r.box = container.NewBorder(nil, nil, r.indent, nil, container.NewVBox(r.title, r.info))
	r.ExtendBaseWidget(r)
	return r
}

func (r *sessionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

func (r *sessionRow) set(id int, sm library.Summary) {
	r.id = id
	t := sm.Title
	if strings.TrimSpace(t) == "" {
		t = r.h.u.tr.T("home.untitled")
	}
	if n := r.h.nth[sm.ID]; n > 1 {
		t = r.h.u.tr.T("home.alike", map[string]any{"Title": t, "N": n})
	}
	if sm.Organisation != "" {
		t = sm.Organisation + " · " + t
	}
	var indent float32
	if sm.Kind == workshop.SessionCheckin {
		t = "• " + r.h.u.tr.T("checkin.kind") + " " + field.FormatDate(r.h.u.tr.Language(), sm.Date) + " · " + t
		indent = checkinIndent
	}
	if r.indent.MinSize().Width != indent {
		r.indent.SetMinSize(fyne.NewSize(indent, 0))
		r.box.Refresh()
	}
	r.title.SetText(t)
	parts := []string{}
	if sm.Date != "" {
		parts = append(parts, field.FormatDate(r.h.u.tr.Language(), sm.Date))
	}
	parts = append(parts, workshop.Label(workshop.StatusLabels, sm.Status, r.h.u.tr.Language()))
	if !sm.UpdatedAt.IsZero() {
		parts = append(parts, r.h.u.tr.T("home.edited", map[string]any{"When": field.FormatTime(r.h.u.tr.Language(), sm.UpdatedAt)}))
	}
	r.info.SetText(strings.Join(parts, " · "))
}

// Tapped selects the session and gives the list the keyboard, so that
// Enter opens it and ↑ and ↓ move on from it.
func (r *sessionRow) Tapped(*fyne.PointEvent) {
	r.h.list.Select(r.id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.h.list); c != nil {
		c.Focus(r.h.list)
	}
}

func (r *sessionRow) DoubleTapped(*fyne.PointEvent) {
	r.h.list.Select(r.id)
	r.h.openSelected()
}

// step moves the selection delta rows down (up when negative), from none
// to the first row: ↑ and ↓ in the search and in the list.
func (h *home) step(delta int) {
	if len(h.items) == 0 {
		return
	}
	i := max(0, min(len(h.items)-1, h.selected+delta))
	h.list.Select(i)
	h.list.ScrollTo(i)
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
	switch ev.Name {
	case fyne.KeyDown:
		e.h.step(1)
		return
	case fyne.KeyUp:
		e.h.step(-1)
		return
	}
	e.Entry.TypedKey(ev)
}

// sessionList is the list of sessions; Enter opens the selected one, as it
// does from the search field. Its keyboard highlight and its selection are
// one: ↑ and ↓ select, and the list given the keyboard (Tab) selects the
// row it highlights, so that Enter opens the row seen chosen. Fyne's list
// moves only its highlight with the arrows, and Enter opened the selection
// elsewhere, or nothing when there was none.
type sessionList struct {
	widget.List
	h *home
}

func newSessionList(h *home) *sessionList {
	l := &sessionList{h: h}
	l.Length = func() int { return len(h.items) }
	l.CreateItem = func() fyne.CanvasObject { return newSessionRow(h) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(h.items) {
			o.(*sessionRow).set(id, h.items[id])
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

func (l *sessionList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.h.openSelected()
	case fyne.KeyDown:
		l.h.step(1)
	case fyne.KeyUp:
		l.h.step(-1)
	default:
		l.List.TypedKey(ev)
	}
}

// FocusGained highlights the selected row, or selects the first when none
// is (the row Fyne's highlight starts on).
func (l *sessionList) FocusGained() {
	if _, ok := l.h.current(); ok {
		l.Highlight(l.h.selected)
	} else if len(l.h.items) > 0 {
		l.Select(0)
	}
	l.List.FocusGained()
}

// centredColumn lays its content out in the middle, as wide as it may be
// up to width, and as high as the content needs at that width.
type centredColumn struct{ width float32 }

func (c *centredColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.width)
	for _, o := range objs {
		// A wrapping text's height depends on its width: set the width first.
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := min(size.Height, o.MinSize().Height)
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

func (c *centredColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
