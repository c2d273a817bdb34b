package phone

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// room is a real room for a test: a SQLite file in a temporary folder, the
// session's editor and the server on a free port of 127.0.0.1.
type room struct {
	t   testing.TB
	st  *store.Store
	ed  Session
	srv *Server
	id  int64
}

// testSession is a small workshop: three employees, a focus segment, four drafts.
func testSession() *workshop.Session {
	s := workshop.NewSession("fi")
	s.Title, s.Organisation = "Arvolupaustyöpaja", "Nordrahti Oy"
	s.Participants = []workshop.Participant{
		{ID: "p1", Name: "Anna Virtanen", Kind: workshop.KindEmployee},
		{ID: "p2", Name: "Jussi Korhonen", Kind: workshop.KindEmployee},
		{ID: "p3", Name: "Maija Lehto", Kind: workshop.KindCustomer},
	}
	s.Segments = []workshop.Segment{{ID: "s1", Name: "Verkkokaupat", Focus: true}}
	s.Drafts = []workshop.Draft{
		{ID: "d1", Text: "Tiedät aina, missä tavarasi menee.", AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1},
		{ID: "d2", Text: "Toimitamme ajallaan – ja kerromme ensin, jos emme ehdi.", AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1},
		{ID: "d3", Text: "Yksi yhteyshenkilö, joka vastaa samana päivänä.", AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1},
	}
	s.Dots = 3
	s.PrivateNotes = map[string]string{workshop.StepEvaluation: "SALAINEN-MUISTIINPANO"}
	s.Decision.FinalText = "Tiedät aina, missä tavarasi menee."
	return s
}

func newRoom(t testing.TB, opt Options) *room {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "room.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := testSession()
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	ed, err := editor.Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	sess := Session(ed)
	srv := New(sess, opt)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &room{t: t, st: st, ed: sess, srv: srv, id: s.ID}
}

// goTo puts the facilitator on a step and opens its phone input.
func (r *room) goTo(step string) {
	r.t.Helper()
	if err := r.ed.Edit(func(s *workshop.Session) error { s.CurrentStep = step; return nil }); err != nil {
		r.t.Fatal(err)
	}
	r.srv.SetInputOpen(step, true)
}

// stored is the session as the database file holds it now.
func (r *room) stored() *workshop.Session {
	r.t.Helper()
	s, err := r.st.Load(r.id)
	if err != nil {
		r.t.Fatal(err)
	}
	return s
}

// phone is one simulated phone: an HTTP client with its own cookies.
type phone struct {
	t      testing.TB
	r      *room
	c      *http.Client
	origin string
}

func (r *room) phone() *phone {
	jar, _ := cookiejar.New(nil)
	return &phone{t: r.t, r: r, origin: r.srv.ShortURL(),
		c: &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// phoneFrom is a phone whose requests come from another loopback address.
func (r *room) phoneFrom(ip string) *phone {
	p := r.phone()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	p.c.Transport = &http.Transport{DialContext: d.DialContext}
	return p
}

// namedFrom is a phone at another loopback address that joined and picked a participant.
func (r *room) namedFrom(ip, participantID string) *phone {
	p := r.phoneFrom(ip)
	p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL()))
	if code, body := p.post("/api/name", map[string]any{"participant_id": participantID}); code != http.StatusOK {
		r.t.Fatalf("pick %s: %d %s", participantID, code, body)
	}
	return p
}

// joined is a phone that scanned the QR code.
func (r *room) joined() *phone {
	p := r.phone()
	if code, _ := p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL())); code != http.StatusOK {
		r.t.Fatalf("join: %d", code)
	}
	return p
}

// named is a joined phone that picked a participant.
func (r *room) named(participantID string) *phone {
	p := r.joined()
	if code, body := p.post("/api/name", map[string]any{"participant_id": participantID}); code != http.StatusOK {
		r.t.Fatalf("pick %s: %d %s", participantID, code, body)
	}
	return p
}

func (p *phone) do(method, path string, body io.Reader, hdr map[string]string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(method, p.r.srv.ShortURL()+path, body)
	if err != nil {
		p.t.Fatal(err)
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (p *phone) get(path string) (int, string) { return p.do("GET", path, nil, nil) }

func (p *phone) post(path string, v any) (int, string) {
	b, err := json.Marshal(v)
	if err != nil {
		p.t.Fatal(err)
	}
	return p.do("POST", path, bytes.NewReader(b), map[string]string{"Origin": p.origin, "Content-Type": "application/json"})
}

func (p *phone) op(v map[string]any) (int, string) { return p.post("/api/op", v) }

func (p *phone) state() view {
	p.t.Helper()
	code, body := p.get("/api/state")
	if code != http.StatusOK {
		p.t.Fatalf("state: %d %s", code, body)
	}
	var v view
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		p.t.Fatal(err)
	}
	return v
}

func (p *phone) cookie() *http.Cookie {
	u, _ := url.Parse(p.r.srv.ShortURL())
	for _, c := range p.c.Jar.Cookies(u) {
		if c.Name == CookieName {
			return c
		}
	}
	return nil
}

func errorKey(body string) string {
	var pr problem
	_ = json.Unmarshal([]byte(body), &pr)
	return pr.Error
}
