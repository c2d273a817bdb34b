package ui

import (
	"errors"
	"fmt"
	"log"
	"net"
	"runtime"
	"strconv"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/projector"
	"lupauspaja/workshop"
	"lupauspaja/workshop/phone"
)

// roomPort is the port the room listens on: a fixed one, so that the
// firewall's permission given once keeps working.
const roomPort = 8765

// phoneRoom is the room for the participants' phones: the server while the
// room is open, and the window with the facilitator's controls (who joined,
// lock, remove, per-step input, approval). None of these controls is
// reachable from a phone.
type phoneRoom struct {
	w   *workspace
	srv *phone.Server
	win fyne.Window

	stopSrv, stopEd func()
	step            string // the step on screen when the room last looked

	addr     *widget.Label
	code     *widget.Label
	input    *widget.Check
	lock     *widget.Check
	guests   *widget.Check
	approval *widget.Check
	devices  *fyne.Container
	pending  *fyne.Container
	joined   *widget.Label
	held     *widget.Label
}

// open reports whether the room serves phones now.
func (r *phoneRoom) open() bool { return r.srv != nil }

// toggle opens the room (asking which address first), or shows its window.
func (r *phoneRoom) toggle() {
	if r.open() {
		r.showWindow()
		return
	}
	r.ask()
}

// addressChoice is an address the facilitator can pick, as the list shows it.
type addressChoice struct {
	ip, label string
}

func addressChoices(tr *i18n.Tr) []addressChoice {
	var out []addressChoice
	for _, c := range phone.Addresses() {
		l := c.IP + " · " + c.Interface
		if c.Preferred {
			l += " · " + tr.T("room.addr.preferred")
		}
		out = append(out, addressChoice{c.IP, l})
	}
	return append(out, addressChoice{"127.0.0.1", "127.0.0.1 · " + tr.T("room.addr.local")})
}

// ask shows where the room will listen, says why the firewall may ask, and
// opens the room. Opening is the button the keyboard starts on: Enter opens
// the room, from the address and the port too; Esc cancels from anywhere.
func (r *phoneRoom) ask() {
	choices := addressChoices(r.w.u.tr)
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.label
	}
	var d *dialog.CustomDialog
	var open func()
	cancel := func() { d.Hide() }
	pick := newKeySelect(labels, cancel, func() { open() })
	pick.SetSelectedIndex(0)
	port := newKeyEntry(cancel)
	port.SetText(strconv.Itoa(roomPort))
	port.OnSubmitted = func(string) { open() }
	fw := widget.NewLabel(r.w.u.tr.T("room.firewall"))
	fw.Wrapping = fyne.TextWrapWord
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	form := container.NewVBox(
		widget.NewLabel(r.w.u.tr.T("room.addr.pick")), pick,
		widget.NewLabel(r.w.u.tr.T("room.port")), port,
		fw, msg, newKeyButton(r.w.u.tr.T("room.help.button"), nil, func() { r.showHelp(r.w.u.win) }, cancel))
	open = func() {
		p, err := strconv.Atoi(port.Text)
		if err != nil || p < 0 || p > 65535 { // 0: any free port
			msg.SetText(r.w.u.tr.T("room.port.bad"))
			msg.Show()
			return
		}
		ip := choices[pick.SelectedIndex()].ip
		if err := r.start(net.JoinHostPort(ip, strconv.Itoa(p))); err != nil {
			msg.SetText(openProblem(r.w.u.tr, err, ip, p))
			msg.Show()
			return
		}
		d.Hide()
		r.showWindow()
	}
	openBtn := newKeyButton(r.w.u.tr.T("room.open"), theme.ConfirmIcon(), open, cancel)
	openBtn.Importance = widget.HighImportance
	cancelBtn := newKeyButton(r.w.u.tr.T("room.cancel"), nil, cancel, cancel)
	d = dialog.NewCustomWithoutButtons(r.w.u.tr.T("room.open.title"), container.NewPadded(form), r.w.u.win)
	setButtons(d, width(560), cancelBtn, openBtn)
	r.w.u.showKeyed(d, &keyedDialog{esc: cancel, enter: open}, openBtn)
}

// openProblem says why the room could not be opened on ip and port, in a
// sentence of the app's own for what a facilitator can do something about.
func openProblem(tr *i18n.Tr, err error, ip string, port int) string {
	args := map[string]any{"Addr": ip, "Port": port, "Err": err.Error()}
	switch {
	case netErr(err, syscall.EADDRINUSE, 10048): // WSAEADDRINUSE
		return tr.T("room.open.in_use", args)
	case netErr(err, syscall.EADDRNOTAVAIL, 10049): // WSAEADDRNOTAVAIL
		return tr.T("room.open.no_addr", args)
	case netErr(err, syscall.EACCES, 10013): // WSAEACCES
		return tr.T("room.open.denied", args)
	}
	return tr.T("room.open.failed", args)
}

// netErr reports whether err is the system's error errno, or on Windows
// its Winsock number wsa.
func netErr(err error, errno syscall.Errno, wsa uintptr) bool {
	var e syscall.Errno
	if !errors.As(err, &e) {
		return false
	}
	return e == errno || (runtime.GOOS == "windows" && uintptr(e) == wsa)
}

// start opens the room on the address: phones may answer the step on screen.
func (r *phoneRoom) start(addr string) error {
	srv := phone.New(r.w.ed, phone.Options{Addr: addr, Logf: log.Printf})
	if err := srv.Start(); err != nil {
		return err
	}
	r.srv = srv
	r.w.ed.Read(func(s *workshop.Session) { r.step = s.CurrentStep })
	// The settings are the session's, as the room was left; phones may
	// answer the step on screen unless the facilitator closed its input.
	if err := srv.FollowInput("", r.step); err != nil {
		srv.Close()
		r.srv = nil
		return err
	}
	r.w.proj.SetJoin(&projector.Join{Link: srv.JoinURL(), Short: srv.ShortURL(), Code: srv.Code()})
	r.stopSrv = srv.OnChange(func() { fyne.Do(r.refresh) })
	r.stopEd = r.w.ed.OnChange(func() { fyne.Do(r.sessionChanged) })
	r.w.header.setRoom(true)
	return nil
}

// stop stops the server: every phone is disconnected. It touches no
// window, so it is safe once the app's loop has ended.
func (r *phoneRoom) stop() {
	if r.srv == nil {
		return
	}
	r.stopSrv()
	r.stopEd()
	r.srv.Close()
	r.srv = nil
}

// close closes the room: the server stops, the join column and the room's
// window go.
func (r *phoneRoom) close() {
	if r.srv == nil {
		return
	}
	r.stop()
	r.w.proj.SetJoin(nil)
	if r.win != nil {
		w := r.win
		r.win = nil
		w.Close()
	}
	if !r.w.closed {
		r.w.header.setRoom(false)
	}
}

// showWindow opens the room's window, the facilitator's controls.
func (r *phoneRoom) showWindow() {
	if r.win != nil {
		r.win.RequestFocus()
		return
	}
	win := r.w.u.app.NewWindow(r.w.u.tr.T("room.window"))
	r.win = win
	r.addr = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.code = widget.NewLabel("")
	r.input = widget.NewCheck("", func(on bool) {
		if r.srv != nil && on != r.srv.InputOpen(r.step) {
			r.settingDone(r.srv.SetInputOpen(r.step, on))
		}
	})
	setting := func(set func(*phone.Server, bool) error, get func(*phone.Server) bool) func(bool) {
		return func(on bool) {
			if r.srv != nil && on != get(r.srv) {
				r.settingDone(set(r.srv, on))
			}
		}
	}
	r.lock = widget.NewCheck(r.w.u.tr.T("room.lock"), setting((*phone.Server).SetLocked, (*phone.Server).Locked))
	r.guests = widget.NewCheck(r.w.u.tr.T("room.guests"), setting((*phone.Server).SetGuests, (*phone.Server).Guests))
	r.approval = widget.NewCheck(r.w.u.tr.T("room.approval"), setting((*phone.Server).SetApproval, (*phone.Server).Approval))
	r.joined = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.held = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.devices = container.NewVBox()
	r.pending = container.NewVBox()
	closeBtn := button.New(r.w.u.tr.T("room.close"), theme.CancelIcon(), r.close)
	closeBtn.Importance = widget.DangerImportance
	help := button.New(r.w.u.tr.T("room.help.button"), theme.HelpIcon(), func() { r.showHelp(win) })
	cards := button.New(r.w.u.tr.T("cards.open"), theme.ListIcon(), r.w.toggleCards)
	body := container.NewVBox(
		r.addr, r.code,
		widget.NewSeparator(),
		r.input, r.lock, r.guests, r.approval,
		widget.NewSeparator(),
		r.joined, r.devices,
		r.held, r.pending,
	)
	r.win.SetContent(container.NewBorder(nil,
		container.NewPadded(container.NewHBox(help, cards, layout.NewSpacer(), closeBtn)), nil, nil,
		container.NewVScroll(container.NewPadded(body))))
	r.win.Resize(fyne.NewSize(720, 640))
	r.w.u.bindDialogKeys(win)
	r.win.SetOnClosed(func() {
		r.w.u.forgetDialogs(win)
		if r.win == win {
			r.win = nil
		}
	})
	r.refresh()
	r.win.Show()
}

// removeDevice removes the phone from the room. A phone that joined as a
// guest made that guest a participant: the facilitator is asked whether the
// guest goes too (a name typed wrong, someone who left), or stays among the
// participants with what they gave.
func (r *phoneRoom) removeDevice(id, participantID string) {
	srv := r.srv
	var guest string
	r.w.ed.Read(func(s *workshop.Session) {
		if p := s.Participant(participantID); p != nil && p.Kind == workshop.KindGuest {
			guest = p.Name
		}
	})
	if guest == "" || r.win == nil {
		srv.RemoveDevice(id)
		return
	}
	tr := r.w.u.tr
	var d *dialog.CustomDialog
	hide := func() { d.Hide() }
	phoneOnly := newKeyButton(tr.T("room.device.remove.phone"), nil, func() {
		d.Hide()
		srv.RemoveDevice(id)
	}, hide)
	both := newKeyButton(tr.T("room.device.remove.guest"), theme.DeleteIcon(), func() {
		d.Hide()
		if srv.RemoveDevice(id) {
			r.w.deleteParticipant(participantID)
		}
	}, hide)
	both.Importance = widget.DangerImportance
	cancel := newKeyButton(tr.T("room.cancel"), nil, hide, hide)
	body := messageBody(widget.NewIcon(theme.QuestionIcon()), tr.T("room.device.remove.ask", map[string]string{"Name": guest}))
	d = dialog.NewCustomWithoutButtons(tr.T("room.device.remove.title"), body, r.win)
	setButtons(d, width(560), cancel, phoneOnly, both)
	// The keyboard starts on Cancel: Enter or Space at once removes nothing;
	// Esc cancels from any of the buttons and with nothing focused.
	r.w.u.showKeyedIn(r.win, d, &keyedDialog{esc: hide}, cancel)
}

// settingDone says why a setting of the room could not be saved, and shows
// the settings as the session holds them.
func (r *phoneRoom) settingDone(err error) {
	if err != nil && r.win != nil {
		r.say(r.w.u.tr.T("room.setting.failed", map[string]string{"Why": cardProblem(r.w.u.tr, err)}))
	}
	r.refresh()
}

// refresh shows the room as it is now.
func (r *phoneRoom) refresh() {
	if r.win == nil || r.srv == nil {
		return
	}
	srv := r.srv
	r.addr.SetText(r.w.u.tr.T("room.address", map[string]string{"Addr": srv.ShortURL()}))
	r.code.SetText(r.w.u.tr.T("room.code", map[string]string{"Code": srv.Code()}))
	var title string
	r.w.ed.Read(func(s *workshop.Session) { title = workshop.StepTitle(s.CurrentStep, s.Language) })
	r.input.Text = r.w.u.tr.T("room.input", map[string]string{"Step": title})
	r.input.Checked = srv.InputOpen(r.step)
	r.input.Refresh()
	r.lock.Checked, r.guests.Checked, r.approval.Checked = srv.Locked(), srv.Guests(), srv.Approval()
	r.lock.Refresh()
	r.guests.Refresh()
	r.approval.Refresh()

	devs := srv.Devices()
	r.joined.SetText(r.w.u.tr.T("room.joined", map[string]int{"N": len(devs)}))
	rows := make([]fyne.CanvasObject, 0, len(devs))
	for _, d := range devs {
		id := d.ID
		name := d.Name
		switch {
		case d.Anonymous:
			name = r.w.u.tr.T("room.device.anonymous")
		case name == "":
			name = r.w.u.tr.T("room.device.unnamed")
		}
		label := widget.NewLabel(fmt.Sprintf("%s · %s", name, r.w.u.tr.T("room.device.since", map[string]string{"At": d.Joined.Format("15.04")})))
		label.Truncation = fyne.TextTruncateEllipsis
		rm := button.New(r.w.u.tr.T("room.device.remove"), theme.DeleteIcon(), func() { r.removeDevice(id, d.ParticipantID) })
		rows = append(rows, container.NewBorder(nil, nil, nil, rm, label))
	}
	r.devices.Objects = rows
	r.devices.Refresh()

	held := srv.PendingCards()
	if len(held) == 0 {
		r.held.Hide()
	} else {
		r.held.SetText(r.w.u.tr.T("room.pending", map[string]int{"N": len(held)}))
		r.held.Show()
	}
	rows = make([]fyne.CanvasObject, 0, len(held))
	for _, p := range held {
		id := p.ID
		label := widget.NewLabel(p.Text)
		label.Wrapping = fyne.TextWrapWord
		ok := button.New(r.w.u.tr.T("room.approve"), theme.ConfirmIcon(), func() {
			if err := srv.Approve(id); err != nil {
				r.say(r.w.u.tr.T("cards.approve.failed", map[string]string{"Why": cardProblem(r.w.u.tr, err)}))
			}
		})
		no := button.New(r.w.u.tr.T("room.reject"), theme.CancelIcon(), func() { srv.Reject(id) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(ok, no), label))
	}
	r.pending.Objects = rows
	r.pending.Refresh()
}

// sessionChanged follows the facilitator to another step: phones may answer
// the new step when they could answer the one left; a step whose input the
// facilitator closed stays closed when they come back to it
// (workshop.FollowStepInput).
func (r *phoneRoom) sessionChanged() {
	if r.srv == nil {
		return
	}
	var now string
	r.w.ed.Read(func(s *workshop.Session) { now = s.CurrentStep })
	if now != r.step {
		from := r.step
		r.step = now
		if err := r.srv.FollowInput(from, now); err != nil {
			r.settingDone(err)
			return
		}
	}
	r.refresh()
}

// showHelp is "phones cannot connect?": what to check, then the fallbacks,
// over the window whose button asked (the main one's room dialog, or the
// room's window). Esc or Enter closes it.
func (r *phoneRoom) showHelp(win fyne.Window) {
	l := widget.NewLabel(r.w.u.tr.T("room.help.text"))
	l.Wrapping = fyne.TextWrapWord
	d := newDismissDialog(r.w.u.tr.T("room.help.title"), r.w.u.tr.T("room.help.close"), container.NewVScroll(l), win,
		func() fyne.Size { return fyne.NewSize(620, 520) })
	r.w.u.showKeyedIn(win, d, &keyedDialog{esc: d.Hide, enter: d.Hide}, nil)
}

// say tells, over the room's window, why something asked of it could not
// be done; Enter or Esc closes it, as its OK does.
func (r *phoneRoom) say(text string) {
	if r.win == nil {
		return
	}
	body := messageBody(widget.NewIcon(theme.InfoIcon()), text)
	d := newDismissDialog(r.w.u.tr.T("room.window"), r.w.u.tr.T("app.ok"), body, r.win, func() fyne.Size {
		return fyne.NewSize(min(560, r.win.Canvas().Size().Width-40), body.MinSize().Height)
	})
	r.w.u.showKeyedIn(r.win, d, &keyedDialog{esc: d.Hide, enter: d.Hide}, nil)
}
