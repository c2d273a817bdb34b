// Package phone serves an open session to the participants' phones on the
// room's own network: a small web server that lives only while the room is
// open, where each phone joins with the QR code's token (or the room code),
// picks a name and does what the current step asks, through the same
// operations of package workshop and the same editor as the facilitator's
// window. Nothing of the facilitator's controls is reachable over HTTP: they
// are the Server's methods.
package phone

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"lupauspaja/workshop"
	"lupauspaja/workshop/notify"
)

// Session is the open session the room serves: the session's editor, the
// one write path. *editor.Editor is one.
type Session interface {
	Edit(fn func(s *workshop.Session) error) error
	Read(fn func(s *workshop.Session))
	OnChange(fn func()) (remove func())
}

// Limits of the server. They keep one phone, or one stranger on the Wi-Fi,
// from slowing the room down for the others.
const (
	// MaxBody is the most bytes of one request body: a text field as long
	// as the session takes (workshop.MaxTextBytes), even if every
	// character of it is one JSON writes as two (a quote, a line break),
	// and the rest of its form. The page checks each field against
	// MaxTextBytes before sending; a form too big as a whole is refused
	// with 413, which the page says at the field.
	MaxBody           = 2*workshop.MaxTextBytes + 16<<10
	MaxDevices        = 200  // phones joined at once
	MaxDevicesPerAddr = 8    // phones joined from one network address (one phone, its browsers and tabs)
	MaxStreamsPerDev  = 4    // open event streams of one phone (tabs); another ends the oldest
	maxAddresses      = 4096 // addresses whose request rate is kept
	codeAlphabet      = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	CookieName        = "lupauspaja_room"
	heartbeatInterval = 20 * time.Second
	pushInterval      = 100 * time.Millisecond // at most one push a phone in this time
	closeWait         = time.Second            // Close lets the phones' requests finish this long
	wifiGrace         = time.Second            // the page waits this much longer than RequestTimeout
)

// Options configure a server. The zero value serves on a free port of
// 127.0.0.1 with the default rate limits.
type Options struct {
	Addr string // host:port to listen on; the port may be 0

	// Requests a second, and bursts, allowed from one phone and from one
	// network address (zero: 10/s bursts of 40, and 40/s bursts of 200).
	DeviceRate, AddressRate   rate.Limit
	DeviceBurst, AddressBurst int

	// New guests (names not on the participant list) a second, and their
	// burst, in the whole room (zero: one every 2 s, bursts of 40): a room of
	// walk-ins joins at once, but one machine on the Wi-Fi with many
	// addresses cannot fill the participant list with made-up names.
	GuestRate  rate.Limit
	GuestBurst int

	// RequestTimeout is the longest the server takes to answer an ordinary
	// request (its write deadline; the event stream keeps its own), and
	// what the page waits for an answer, with wifiGrace more (zero: 15 s).
	RequestTimeout time.Duration

	Logf func(format string, args ...any) // where bad requests are logged; nil: nowhere
}

// Device is a phone that joined, as the facilitator sees it.
type Device struct {
	ID            string // short, for the facilitator's list
	ParticipantID string // "" while no name is picked or when anonymous
	Name          string // the participant's name, "" when none
	Anonymous     bool
	Joined        time.Time
	LastSeen      time.Time
}

// Pending is a card held until the facilitator approves it, as the room
// shows it. The card itself is in the session (workshop.PendingCard), so
// that it survives a restart of the app.
type Pending struct {
	ID     string
	Kind   string // a workshop.Card… kind
	Step   string
	Text   string
	Device string // the device's ID; "" when it was sent to a room open earlier
	Name   string // who sent it, "" when anonymous
	At     time.Time
}

type device struct {
	Device
	addr    string // the network address it joined from
	secret  string
	voter   string          // the anonymous voter id, once the phone chose to stay anonymous
	owned   map[string]bool // "kind:id" of the cards this phone added
	limiter *rate.Limiter
	kick    chan struct{}   // closed when the device is removed
	streams []chan struct{} // its open event streams, oldest first: one is closed to end that stream
}

// Server is the room's web server for one session.
type Server struct {
	sess Session
	opt  Options

	token string // the QR link's secret
	code  string // the room code typed instead

	ln       net.Listener
	srv      *http.Server
	addr     string // host:port served, what Host must say
	origin   string // http://addr
	done     chan struct{}
	closeErr error
	once     sync.Once
	stopEd   func()

	mu      sync.Mutex
	devices map[string]*device
	byID    map[string]*device
	addrs   map[string]*rate.Limiter
	guests  *rate.Limiter // new guests in the whole room
	streams map[chan struct{}]struct{}
	version uint64

	listeners notify.List[func()]
}

// New returns a server for the session; it listens once Start is called.
func New(sess Session, opt Options) *Server {
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:0"
	}
	if opt.DeviceRate == 0 {
		opt.DeviceRate, opt.DeviceBurst = 10, 40
	}
	if opt.AddressRate == 0 {
		opt.AddressRate, opt.AddressBurst = 40, 200
	}
	if opt.GuestRate == 0 {
		opt.GuestRate, opt.GuestBurst = rate.Every(2*time.Second), 40
	}
	if opt.RequestTimeout == 0 {
		opt.RequestTimeout = 15 * time.Second
	}
	return &Server{
		sess: sess, opt: opt,
		token: randomHex(16),
		code:  randomCode(6),
		done:  make(chan struct{}),
		// A phone keeps the newest state it was told (by version); a room
		// opened again after a restart goes on from the clock, past every
		// version of the one before (microseconds stay exact in JavaScript).
		version: uint64(time.Now().UnixMicro()),
		devices: map[string]*device{},
		byID:    map[string]*device{},
		addrs:   map[string]*rate.Limiter{},
		guests:  rate.NewLimiter(opt.GuestRate, opt.GuestBurst),
		streams: map[chan struct{}]struct{}{},
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

func randomCode(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)] // 256 is a multiple of 32: no bias
	}
	return string(b)
}

// Start listens on the address and serves until Close.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return fmt.Errorf("open the room on %s: %w", s.opt.Addr, err)
	}
	s.ln = ln
	s.addr = ln.Addr().String()
	s.origin = "http://" + s.addr
	s.srv = &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    8 << 10,
	}
	s.stopEd = s.sess.OnChange(s.changed)
	go func() {
		err := s.srv.Serve(ln)
		if !errors.Is(err, http.ErrServerClosed) {
			s.logf("room server: %v", err)
		}
	}()
	return nil
}

// Close stops the server: phones are disconnected and the port is free again.
// Every open event stream first tells its phone that the room is closed, and
// a request under way gets its answer; what is not done in closeWait is cut.
func (s *Server) Close() error {
	s.once.Do(func() {
		close(s.done)
		if s.stopEd != nil {
			s.stopEd()
		}
		if s.srv != nil {
			ctx, cancel := context.WithTimeout(context.Background(), closeWait)
			err := s.srv.Shutdown(ctx)
			cancel()
			if err != nil { // a phone that takes nothing in: cut it off
				err = s.srv.Close()
			}
			s.closeErr = err
			s.ln.Close() // Serve may not have taken the listener yet
		}
	})
	return s.closeErr
}

// Done is closed when the server has been closed.
func (s *Server) Done() <-chan struct{} { return s.done }

// Addr is the address served, host:port.
func (s *Server) Addr() string { return s.addr }

// ShortURL is the address to type: http://host:port.
func (s *Server) ShortURL() string { return s.origin }

// JoinURL is the QR code's link, with the token.
func (s *Server) JoinURL() string { return s.origin + "/j/" + s.token }

// Code is the six-character room code typed instead of scanning.
func (s *Server) Code() string { return s.code }

func (s *Server) validToken(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

func (s *Server) logf(format string, args ...any) {
	if s.opt.Logf != nil {
		s.opt.Logf(format, args...)
	}
}

// OnChange registers fn to run when the room changes (a phone joined or
// left, a card waits for approval, a setting changed); not for the session's
// own changes, which the editor announces.
func (s *Server) OnChange(fn func()) (remove func()) { return s.listeners.Add(fn) }

// roomChanged tells the facilitator's listeners and the phones; s.mu must not be held.
func (s *Server) roomChanged() {
	for _, fn := range s.listeners.All() {
		fn()
	}
	s.changed()
}

// changed wakes every phone's event stream to send a fresh state.
func (s *Server) changed() {
	s.mu.Lock()
	s.version++
	for ch := range s.streams {
		select {
		case ch <- struct{}{}:
		default: // a wake-up is already waiting: it sends the newest state anyway
		}
	}
	s.mu.Unlock()
}

// setting changes one of the room's settings in the session, through the
// editor: it is on disk when this returns, so that the room opened again
// (after a restart of the app, or a crash) starts as it was left.
func (s *Server) setting(op func(ws *workshop.Session) error) error {
	if err := s.sess.Edit(op); err != nil {
		return err
	}
	s.roomChanged()
	return nil
}

func (s *Server) option(name string) (on bool) {
	s.sess.Read(func(ws *workshop.Session) { on = ws.RoomOption(name) })
	return on
}

func (s *Server) setOption(name string, on bool) error {
	return s.setting(func(ws *workshop.Session) error { return ws.SetRoomOption(name, on) })
}

// SetLocked locks or unlocks the room: while locked, no new phone can join;
// the phones already in stay.
func (s *Server) SetLocked(v bool) error { return s.setOption(workshop.RoomLocked, v) }

// Locked reports whether the room is locked.
func (s *Server) Locked() bool { return s.option(workshop.RoomLocked) }

// SetGuests allows or forbids joining as a guest not on the participant list.
func (s *Server) SetGuests(v bool) error { return s.setOption(workshop.RoomGuests, v) }

// Guests reports whether guests may join.
func (s *Server) Guests() bool { return s.option(workshop.RoomGuests) }

// SetApproval holds the cards phones send until the facilitator approves
// them (on), or adds them at once (off). Turning it off keeps what is held.
func (s *Server) SetApproval(v bool) error { return s.setOption(workshop.RoomApproval, v) }

// Approval reports whether cards wait for approval.
func (s *Server) Approval() bool { return s.option(workshop.RoomApproval) }

// SetInputOpen opens or closes phone input for a step, as the facilitator
// does (workshop.SetStepInput: a step closed so stays closed when the room
// follows the facilitator back to it).
func (s *Server) SetInputOpen(step string, open bool) error {
	return s.setting(func(ws *workshop.Session) error { return ws.SetStepInput(step, open) })
}

// FollowInput lets phone input follow the facilitator from one step to
// another (from "" when the room has just opened): workshop.FollowStepInput.
func (s *Server) FollowInput(from, to string) error {
	return s.setting(func(ws *workshop.Session) error { return ws.FollowStepInput(from, to) })
}

// InputOpen reports whether phones may give input in the step.
func (s *Server) InputOpen(step string) (open bool) {
	s.sess.Read(func(ws *workshop.Session) { open = ws.StepInputOpen(step) })
	return open
}

// Devices are the phones joined, in the order they joined.
func (s *Server) Devices() []Device {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Device, 0, len(s.devices))
	for _, d := range s.devices {
		out = append(out, d.Device)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Joined.Before(out[j].Joined) })
	var names map[string]string
	s.sess.Read(func(ws *workshop.Session) {
		names = make(map[string]string, len(ws.Participants))
		for _, p := range ws.Participants {
			names[p.ID] = p.Name
		}
	})
	for i := range out {
		out[i].Name = names[out[i].ParticipantID]
	}
	return out
}

// RemoveDevice takes a phone out of the room: its cookie no longer works
// (the session forgets it first, so it stays out after a restart too) and
// its event stream ends. What it sent stays in the session.
func (s *Server) RemoveDevice(id string) bool {
	s.mu.Lock()
	known := s.byID[id] != nil
	s.mu.Unlock()
	if !known {
		return false
	}
	err := s.sess.Edit(func(ws *workshop.Session) error {
		if ws.RoomDevice(id) == nil {
			return nil
		}
		return ws.ForgetDevice(id)
	})
	if err != nil {
		s.logf("room: forget device %s: %v", id, err)
		return false
	}
	s.mu.Lock()
	d := s.byID[id]
	if d != nil {
		delete(s.byID, id)
		delete(s.devices, d.secret)
		close(d.kick)
	}
	s.mu.Unlock()
	if d != nil {
		s.roomChanged()
	}
	return d != nil
}

// devicePrefix names a phone the session remembers in its held cards; the
// held cards of a room before the phones were remembered have another one,
// and are nobody's phone's.
const devicePrefix = "device:"

// deviceKey names a phone in the session's held cards: the same after a
// restart, as the session remembers the phone.
func (s *Server) deviceKey(d *device) string { return devicePrefix + d.ID }

// deviceIDOf is the id of the phone a held card names, or "".
func deviceIDOf(key string) string {
	id, _ := strings.CutPrefix(key, devicePrefix)
	if id == key {
		return ""
	}
	return id
}

// deviceByKey is the phone in this room a held card names, or nil.
func (s *Server) deviceByKey(key string) *device {
	id := deviceIDOf(key)
	if id == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id]
}

// PendingCards are the cards waiting for approval, oldest first: those of
// the session, held by this room or by one open before.
func (s *Server) PendingCards() []Pending {
	s.mu.Lock()
	here := make(map[string]bool, len(s.byID))
	for id := range s.byID {
		here[id] = true
	}
	s.mu.Unlock()
	var out []Pending
	s.sess.Read(func(ws *workshop.Session) {
		for _, p := range ws.Pending {
			at, _ := time.Parse(time.RFC3339, p.At)
			dev := deviceIDOf(p.Device)
			if !here[dev] {
				dev = "" // a phone not in the room now
			}
			out = append(out, Pending{ID: p.ID, Kind: p.Kind, Step: workshop.CardStep(p.Kind), Text: ws.PendingText(p),
				Device: dev, Name: ws.PersonName(p.AuthorID, ""), At: at})
		}
	})
	return out
}

// ErrNoPending is an approval of a card that is no longer waiting.
var ErrNoPending = errors.New("no such card waiting")

// Approve adds a held card to the session through the same operation as
// without approval (workshop.ApproveCard); it is then the sending phone's
// own card, when the session remembers that phone (in the same
// transaction). A card that can no longer be added stays held, and the
// error says why.
func (s *Server) Approve(id string) error {
	var held workshop.PendingCard
	var cardID string
	err := s.sess.Edit(func(ws *workshop.Session) error {
		var err error
		if held, cardID, err = ws.ApproveCard(id); err != nil {
			return err
		}
		if dev := deviceIDOf(held.Device); dev != "" && ws.RoomDevice(dev) != nil {
			return ws.SetDeviceOwns(dev, held.Kind+":"+cardID, true)
		}
		return nil
	})
	var nf *workshop.NotFoundError
	if errors.As(err, &nf) {
		return ErrNoPending
	}
	if err != nil {
		return err
	}
	if d := s.deviceByKey(held.Device); d != nil {
		s.mu.Lock()
		d.owned[held.Kind+":"+cardID] = true
		s.mu.Unlock()
	}
	s.roomChanged()
	return nil
}

// Reject drops a held card.
func (s *Server) Reject(id string) bool {
	err := s.sess.Edit(func(ws *workshop.Session) error {
		_, err := ws.RejectCard(id)
		return err
	})
	if err == nil {
		s.roomChanged()
	}
	return err == nil
}
