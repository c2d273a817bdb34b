package phone

import (
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"lupauspaja/workshop"
)

//go:embed web
var web embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"json": func(v any) (string, error) { b, err := json.Marshal(v); return string(b), err },
}).ParseFS(web, "web/*.html"))

// now is the clock of joins and last-seen times.
var now = time.Now

const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /j/{token}", s.joinToken)
	mux.HandleFunc("POST /join", s.joinCode)
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("POST /lang", s.setLang)
	mux.HandleFunc("GET /s/{file}", s.static)
	mux.HandleFunc("GET /api/state", s.authed(s.state))
	mux.HandleFunc("GET /api/events", s.authed(s.events))
	mux.HandleFunc("POST /api/name", s.authed(s.pickName))
	mux.HandleFunc("POST /api/op", s.authed(s.op))
	return s.guard(mux)
}

// guard is what every request passes first: the headers that keep the page
// to itself, the Host check against DNS rebinding, the address's rate, the
// Origin of state-changing requests and the size of bodies.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: with no-referrer a browser sends
		// "Origin: null" with a form's post, and the room code's form was
		// refused; the join link's token still goes to no other site.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if r.Host != s.addr {
			s.refuse(w, r, http.StatusMisdirectedRequest, "phone.err.host")
			return
		}
		if !s.addressAllows(r) {
			w.Header().Set("Retry-After", "1")
			s.refuse(w, r, http.StatusTooManyRequests, "phone.err.slow")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if r.Header.Get("Origin") != s.origin {
				s.refuse(w, r, http.StatusForbidden, "phone.err.origin")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		// Ordinary requests are short; the event stream lifts this itself.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opt.RequestTimeout))
		next.ServeHTTP(w, r)
	})
}

func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) addressAllows(r *http.Request) bool {
	host := remoteHost(r)
	s.mu.Lock()
	l := s.addrs[host]
	if l == nil {
		if len(s.addrs) >= maxAddresses {
			s.addrs = map[string]*rate.Limiter{} // a flood of addresses: start counting anew
		}
		l = rate.NewLimiter(s.opt.AddressRate, s.opt.AddressBurst)
		s.addrs[host] = l
	}
	s.mu.Unlock()
	return l.Allow()
}

// problem is the body of a refusal: a message key the page translates, and
// the message in the phone's language for anyone reading it raw.
type problem struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

func (s *Server) refuse(w http.ResponseWriter, r *http.Request, code int, key string) {
	s.logf("room: %s %s from %s: %d %s", r.Method, r.URL.Path, remoteHost(r), code, key)
	writeJSON(w, code, problem{Error: key, Message: text(s.langOf(r), key)})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// page renders one of the HTML pages in the phone's language (langOf).
func (s *Server) page(w http.ResponseWriter, r *http.Request, code int, name string, data map[string]any) {
	l := s.langOf(r)
	if data == nil {
		data = map[string]any{}
	}
	data["Lang"] = l
	data["T"] = texts(l)
	data["MaxText"], data["MaxName"] = workshop.MaxTextBytes, workshop.MaxNameBytes // the page's fields say so before sending
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		s.logf("room: page %s: %v", name, err)
	}
}

func (s *Server) message(w http.ResponseWriter, r *http.Request, code int, key string) {
	s.page(w, r, code, "message.html", map[string]any{"Key": key})
}

// joinToken is the QR code's link: a valid token gives the phone its cookie.
// The page it answers with moves on to the room by itself (a meta refresh,
// a same-site navigation, so that the SameSite=Strict cookie goes along).
func (s *Server) joinToken(w http.ResponseWriter, r *http.Request) {
	if !s.validToken(r.PathValue("token")) {
		// A link of an earlier room (a photo of an old QR code, say): a
		// phone already in the room goes on to it; another may type the
		// room's code instead of meeting a dead end.
		if s.deviceOf(r) != nil {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		s.page(w, r, http.StatusNotFound, "code.html", map[string]any{"Stale": true})
		return
	}
	if s.deviceOf(r) == nil {
		if code, key := s.join(w, r); code != 0 {
			s.message(w, r, code, key)
			return
		}
	}
	s.page(w, r, http.StatusOK, "joined.html", nil)
}

// joinCode is the room code typed on the start page.
func (s *Server) joinCode(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.message(w, r, http.StatusRequestEntityTooLarge, "phone.err.big")
			return
		}
		s.message(w, r, http.StatusBadRequest, "phone.err.bad")
		return
	}
	code := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(r.PostForm.Get("code")), " ", ""))
	if len(code) != len(s.code) || !constEq(code, s.code) {
		s.page(w, r, http.StatusForbidden, "code.html", map[string]any{"Wrong": true})
		return
	}
	if s.deviceOf(r) == nil {
		if status, key := s.join(w, r); status != 0 {
			s.message(w, r, status, key)
			return
		}
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func constEq(a, b string) bool {
	var v byte
	for i := 0; i < len(a) && i < len(b); i++ {
		v |= a[i] ^ b[i]
	}
	return v == 0 && len(a) == len(b)
}

// join makes a new device and sets its cookie; a non-zero status refuses.
func (s *Server) join(w http.ResponseWriter, r *http.Request) (int, string) {
	host := remoteHost(r)
	locked := s.Locked()
	s.mu.Lock()
	fromHere := 0
	for _, d := range s.devices {
		if d.addr == host {
			fromHere++
		}
	}
	switch {
	case locked:
		s.mu.Unlock()
		return http.StatusForbidden, "phone.err.locked"
	case len(s.devices) >= MaxDevices, fromHere >= MaxDevicesPerAddr:
		s.mu.Unlock()
		return http.StatusServiceUnavailable, "phone.err.full"
	}
	t := now()
	d := &device{
		Device:  Device{ID: randomHex(3), Joined: t, LastSeen: t},
		addr:    host,
		secret:  randomHex(16),
		owned:   map[string]bool{},
		limiter: rate.NewLimiter(s.opt.DeviceRate, s.opt.DeviceBurst),
		kick:    make(chan struct{}),
	}
	for s.byID[d.ID] != nil {
		d.ID = randomHex(3)
	}
	// In the room at once (nobody has its cookie yet), so that the limits
	// above count it while it is being remembered.
	s.devices[d.secret] = d
	s.byID[d.ID] = d
	s.mu.Unlock()
	// The session remembers the phone (the hash of its cookie) before the
	// cookie is given, so that it is the same phone after a restart. An id
	// the session remembers from an earlier room is drawn again.
	for try := 0; ; try++ {
		err := s.sess.Edit(func(ws *workshop.Session) error {
			for _, p := range ws.Pending {
				if p.Device == s.deviceKey(d) { // a forgotten phone's held card: not this one's
					return &workshop.InputError{Field: "id", Problem: workshop.ProblemTaken}
				}
			}
			_, err := ws.JoinDevice(d.ID, d.secret, t)
			return err
		})
		if err == nil {
			break
		}
		var ie *workshop.InputError
		retry := try < 8 && errors.As(err, &ie) && ie.Field == "id" && ie.Problem == workshop.ProblemTaken
		s.mu.Lock()
		delete(s.byID, d.ID)
		if !retry {
			delete(s.devices, d.secret)
			s.mu.Unlock()
			return status(err)
		}
		d.ID = randomHex(3)
		for s.byID[d.ID] != nil {
			d.ID = randomHex(3)
		}
		s.byID[d.ID] = d
		s.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: d.secret, Path: "/", MaxAge: 12 * 3600,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	s.roomChanged()
	return 0, ""
}

func (s *Server) deviceOf(r *http.Request) *device {
	c, err := r.Cookie(CookieName)
	if err != nil || len(c.Value) != 32 {
		return nil
	}
	s.mu.Lock()
	d := s.devices[c.Value]
	s.mu.Unlock()
	if d != nil {
		return d
	}
	return s.comeBack(c.Value, remoteHost(r))
}

// comeBack lets in again a phone the session remembers (from a room open
// before, maybe before the app restarted): the same id, the same name or
// anonymous voter, its own cards. A name another phone has taken meanwhile
// is given up: the phone picks again. nil when the cookie is no phone's.
func (s *Server) comeBack(secret, host string) *device {
	var rd *workshop.RoomDevice
	s.sess.Read(func(ws *workshop.Session) {
		if d := ws.RoomDeviceByToken(secret); d != nil {
			c := *d
			c.Owned = append([]string(nil), d.Owned...)
			if c.ParticipantID != "" && ws.Participant(c.ParticipantID) == nil {
				c.ParticipantID = "" // deleted by the facilitator: pick again
			}
			rd = &c
		}
	})
	if rd == nil {
		return nil
	}
	joined, _ := time.Parse(time.RFC3339, rd.Joined)
	s.mu.Lock()
	if d := s.devices[secret]; d != nil { // came back on another request meanwhile
		s.mu.Unlock()
		return d
	}
	if s.byID[rd.ID] != nil || len(s.devices) >= MaxDevices {
		s.mu.Unlock()
		return nil
	}
	d := &device{
		Device:  Device{ID: rd.ID, ParticipantID: rd.ParticipantID, Anonymous: rd.Anonymous, Joined: joined, LastSeen: now()},
		addr:    host,
		secret:  secret,
		voter:   rd.Voter,
		owned:   make(map[string]bool, len(rd.Owned)),
		limiter: rate.NewLimiter(s.opt.DeviceRate, s.opt.DeviceBurst),
		kick:    make(chan struct{}),
	}
	for _, k := range rd.Owned {
		d.owned[k] = true
	}
	for _, o := range s.devices {
		if d.ParticipantID != "" && o.ParticipantID == d.ParticipantID {
			d.ParticipantID = "" // another phone has the name now
		}
	}
	s.devices[secret] = d
	s.byID[d.ID] = d
	s.mu.Unlock()
	s.roomChanged()
	return d
}

// remember changes what the session remembers of the phone, in the same
// way as the phone's state in memory; a phone the session no longer
// remembers (forgotten among too many) is left as it is.
func (s *Server) remember(d *device, fn func(ws *workshop.Session) error) error {
	return s.sess.Edit(func(ws *workshop.Session) error {
		if ws.RoomDevice(d.ID) == nil {
			return nil
		}
		return fn(ws)
	})
}

// authed lets through only a joined phone, within its own rate.
func (s *Server) authed(fn func(w http.ResponseWriter, r *http.Request, d *device)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d := s.deviceOf(r)
		if d == nil {
			s.refuse(w, r, http.StatusUnauthorized, "phone.err.unjoined")
			return
		}
		if !d.limiter.Allow() {
			w.Header().Set("Retry-After", "1")
			s.refuse(w, r, http.StatusTooManyRequests, "phone.err.slow")
			return
		}
		s.mu.Lock()
		d.LastSeen = now()
		s.mu.Unlock()
		fn(w, r, d)
	}
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	if s.deviceOf(r) == nil {
		s.page(w, r, http.StatusOK, "code.html", nil)
		return
	}
	// The page gives up waiting for an answer once the server no longer
	// gives one (its write deadline), and a moment more.
	s.page(w, r, http.StatusOK, "index.html", map[string]any{"Timeout": (s.opt.RequestTimeout + wifiGrace).Milliseconds()})
}

// setLang keeps the language the phone chose (the header's "In English" /
// "Suomeksi", a form's post: guard checks its Origin, so that no other page
// switches a phone) in a cookie of its own and goes back to the room's
// page. Nothing of the session changes: any phone may choose, joined or not.
func (s *Server) setLang(w http.ResponseWriter, r *http.Request) {
	l := r.PostFormValue("lang")
	if l != "fi" && l != "en" {
		s.message(w, r, http.StatusBadRequest, "phone.err.bad")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if strings.Contains(name, "/") || strings.HasSuffix(name, ".html") {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(web, "web/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

func (s *Server) state(w http.ResponseWriter, r *http.Request, d *device) {
	writeJSON(w, http.StatusOK, s.view(d, s.langOf(r)))
}

// readInput reads a JSON body of one input, refusing anything else.
func (s *Server) readInput(w http.ResponseWriter, r *http.Request) (input, bool) {
	var in input
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		s.refuse(w, r, http.StatusUnsupportedMediaType, "phone.err.bad")
		return in, false
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(&in)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("more than one value")
	}
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, "phone.err.big")
		} else {
			s.refuse(w, r, http.StatusBadRequest, "phone.err.bad")
		}
		return in, false
	}
	return in, true
}

// pickName binds the phone to a participant, a new guest, or anonymity.
func (s *Server) pickName(w http.ResponseWriter, r *http.Request, d *device) {
	in, ok := s.readInput(w, r)
	if !ok {
		return
	}
	// A phone is one person from its first choice on ("this phone stays
	// you"): it cannot go on as another participant, or vote once more
	// under no name. The same choice again (a second tap, a retry) is no
	// change; the facilitator releases a phone by removing it.
	s.mu.Lock()
	had, hadAnon := d.ParticipantID, d.Anonymous
	s.mu.Unlock()
	if had != "" {
		s.sess.Read(func(ws *workshop.Session) {
			if ws.Participant(had) == nil {
				had = "" // deleted by the facilitator: the phone picks again
			}
		})
	}
	if had != "" || hadAnon {
		if (hadAnon && in.Anonymous) || (had != "" && !in.Anonymous && in.ParticipantID == had) {
			writeJSON(w, http.StatusOK, s.view(d, s.langOf(r)))
			return
		}
		s.refuse(w, r, http.StatusConflict, "phone.err.named")
		return
	}
	var err error
	switch {
	case in.Anonymous:
		s.mu.Lock()
		voter := d.voter
		if voter == "" {
			voter = workshop.NewAnonymousVoter() // this phone's votes, counted under no name
		}
		s.mu.Unlock()
		err = s.remember(d, func(ws *workshop.Session) error { return ws.SetDeviceAnonymous(d.ID, voter) })
		if err == nil {
			s.mu.Lock()
			d.ParticipantID, d.Anonymous, d.voter = "", true, voter
			s.mu.Unlock()
		}
	case in.ParticipantID != "":
		err = s.bind(d, in.ParticipantID)
	case trimmed(in.Name) != "":
		if !s.Guests() {
			s.refuse(w, r, http.StatusForbidden, "phone.err.noguests")
			return
		}
		var id string
		err = s.sess.Edit(func(ws *workshop.Session) error {
			p, err := ws.AddGuest(in.Name)
			if err != nil {
				return err
			}
			// Counted once the name is one the room takes: a refused
			// name uses up nothing of the room's new guests.
			if !s.guests.Allow() {
				return errGuestsBusy
			}
			id = p.ID
			return nil
		})
		if err == nil {
			err = s.bind(d, id)
		}
	default:
		s.refuse(w, r, http.StatusUnprocessableEntity, "phone.err.empty")
		return
	}
	if err != nil {
		code, key := status(err)
		s.refuse(w, r, code, key)
		return
	}
	s.roomChanged()
	writeJSON(w, http.StatusOK, s.view(d, s.langOf(r)))
}

func (s *Server) bind(d *device, participantID string) error {
	exists := false
	s.sess.Read(func(ws *workshop.Session) { exists = ws.Participant(participantID) != nil })
	if !exists {
		return &workshop.InputError{Field: "participant_id", Problem: workshop.ProblemUnknown}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.devices {
		if o != d && o.ParticipantID == participantID {
			return &workshop.InputError{Field: "participant_id", Problem: workshop.ProblemTaken}
		}
	}
	d.ParticipantID, d.Anonymous = participantID, false // taken now, so that no other phone takes it meanwhile
	s.mu.Unlock()
	err := s.remember(d, func(ws *workshop.Session) error { return ws.SetDeviceParticipant(d.ID, participantID) })
	s.mu.Lock()
	if err != nil && d.ParticipantID == participantID {
		d.ParticipantID = ""
	}
	return err
}

// op runs one of the step's operations; the answer is the phone's new state,
// sent once the change is on disk.
func (s *Server) op(w http.ResponseWriter, r *http.Request, d *device) {
	in, ok := s.readInput(w, r)
	if !ok {
		return
	}
	held, err := s.apply(d, in)
	if err != nil {
		code, key := status(err)
		s.refuse(w, r, code, key)
		return
	}
	v := s.view(d, s.langOf(r))
	v.Held = held
	writeJSON(w, http.StatusOK, v)
}

// events streams the phone's state: a whole fresh state at once, and again
// after every change. The phone reconnects by itself after a Wi-Fi blip.
// A stream over the phone's MaxStreamsPerDev ends its oldest one instead
// of being refused: a tab opened last is one looked at, and the streams of
// a phone whose Wi-Fi dropped are held until TCP gives up on them.
func (s *Server) events(w http.ResponseWriter, r *http.Request, d *device) {
	s.mu.Lock()
	if len(d.streams) >= MaxStreamsPerDev {
		close(d.streams[0])
		d.streams = slices.Delete(d.streams, 0, 1)
	}
	replaced := make(chan struct{})
	d.streams = append(d.streams, replaced)
	wake := make(chan struct{}, 1)
	s.streams[wake] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if i := slices.Index(d.streams, replaced); i >= 0 {
			d.streams = slices.Delete(d.streams, i, i+1)
		}
		delete(s.streams, wake)
		s.mu.Unlock()
	}()
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	lang := s.langOf(r) // a switch reloads the page, and the stream with it
	send := func() bool {
		b, err := json.Marshal(s.view(d, lang))
		if err != nil {
			return false
		}
		_ = rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.WriteString(w, "event: state\ndata: "+string(b)+"\n\n"); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	// The room closing is said before the stream ends, so that the page
	// stops trying and tells the participant why; a phone that takes
	// nothing in does not hold Close up (closeWait).
	closed := func() {
		_ = rc.SetWriteDeadline(time.Now().Add(closeWait / 2))
		_, _ = io.WriteString(w, "event: closed\ndata: {}\n\n")
		_ = rc.Flush()
	}
	if !send() {
		return
	}
	last := time.Now()
	beat := time.NewTicker(heartbeatInterval)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			closed()
			return
		case <-d.kick:
			_, _ = io.WriteString(w, "event: removed\ndata: {}\n\n")
			_ = rc.Flush()
			return
		case <-replaced:
			// Told, so that the tab does not reconnect at once and end
			// another in turn: it asks for the state now and then, and
			// takes a stream again when shown.
			_ = rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
			_, _ = io.WriteString(w, "event: replaced\ndata: {}\n\n")
			_ = rc.Flush()
			return
		case <-wake:
			// A burst of changes (a room typing at once) is one push: wait
			// out the rest of the interval, then send the newest state.
			if wait := pushInterval - time.Since(last); wait > 0 {
				select {
				case <-time.After(wait):
				case <-r.Context().Done():
					return
				case <-s.done:
					closed()
					return
				}
				select {
				case <-wake:
				default:
				}
			}
			if !send() {
				return
			}
			last = time.Now()
		case <-beat.C:
			_ = rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
