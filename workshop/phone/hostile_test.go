package phone

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"lupauspaja/workshop"
)

// Every hostile request is refused with its status, stores nothing, and
// leaves the server serving an honest phone.

// stillServes checks that an honest phone still gets its answers and that
// the session holds exactly the drafts it had.
func stillServes(t *testing.T, r *room, drafts int) {
	t.Helper()
	p := r.named("p3")
	if v := p.state(); v.Me == nil {
		t.Fatal("an honest phone is not served")
	}
	if s := r.stored(); len(s.Drafts) != drafts {
		t.Fatalf("%d drafts stored, want %d", len(s.Drafts), drafts)
	}
	r.srv.RemoveDevice(r.srv.Devices()[len(r.srv.Devices())-1].ID)
}

func TestNoTokenNoCookieAndAWrongTokenAreRefused(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	p := r.phone()
	if code, _ := p.get("/api/state"); code != http.StatusUnauthorized {
		t.Errorf("state without a cookie: %d", code)
	}
	if code, _ := p.get("/api/events"); code != http.StatusUnauthorized {
		t.Errorf("events without a cookie: %d", code)
	}
	if code, _ := p.op(map[string]any{"op": "draft", "text": "x"}); code != http.StatusUnauthorized {
		t.Errorf("op without a cookie: %d", code)
	}
	if code, page := p.get("/j/" + strings.Repeat("0", 32)); code != http.StatusNotFound || p.cookie() != nil || !strings.Contains(page, `name="code"`) {
		t.Errorf("wrong token: %d, cookie %v, the code's form offered: %v", code, p.cookie(), strings.Contains(page, `name="code"`))
	}
	// A phone in the room with a link of an earlier one goes on to the room.
	in := r.joined()
	if code, _ := in.get("/j/" + strings.Repeat("0", 32)); code != http.StatusSeeOther {
		t.Errorf("a joined phone's old link: %d", code)
	}
	// A made-up cookie is no cookie.
	req, _ := http.NewRequest("GET", r.srv.ShortURL()+"/api/state", nil)
	req.AddCookie(&http.Cookie{Name: CookieName, Value: strings.Repeat("a", 32)})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged cookie: %d", resp.StatusCode)
	}
	if code, _ := p.get("/api/nothing"); code != http.StatusNotFound {
		t.Errorf("unknown path: %d", code)
	}
	stillServes(t, r, 3)
}

func TestALockedRoomLetsNoNewPhoneInAndKeepsThoseIn(t *testing.T) {
	r := newRoom(t, Options{})
	in := r.named("p1")
	r.srv.SetLocked(true)
	p := r.phone()
	if code, body := p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL())); code != http.StatusForbidden || p.cookie() != nil ||
		!strings.Contains(body, "lukittu") {
		t.Fatalf("join a locked room: %d, cookie %v", code, p.cookie())
	}
	if code, _ := p.do("POST", "/join", strings.NewReader("code="+r.srv.Code()), map[string]string{
		"Origin": p.origin, "Content-Type": "application/x-www-form-urlencoded"}); code != http.StatusForbidden {
		t.Fatalf("code into a locked room: %d", code)
	}
	if v := in.state(); v.Me == nil || v.Me.ID != "p1" {
		t.Fatal("a phone already in was dropped by the lock")
	}
	r.srv.SetLocked(false)
	stillServes(t, r, 3)
}

func TestAWrongHostIsRefused(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.joined()
	for _, host := range []string{"evil.example", "localhost" + r.srv.Addr()[strings.LastIndex(r.srv.Addr(), ":"):], "127.0.0.1"} {
		if code, _ := p.do("GET", "/api/state", nil, map[string]string{"Host": host}); code != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %d", host, code)
		}
	}
	if code, _ := p.do("GET", strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL()), nil, map[string]string{"Host": "rebound.example"}); code != http.StatusMisdirectedRequest {
		t.Errorf("join link through a rebound name: %d", code)
	}
	stillServes(t, r, 3)
}

func TestACrossOriginPostIsRefusedAndStoresNothing(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	p := r.named("p1")
	body := `{"op":"draft","text":"Ristiin"}`
	for _, origin := range []string{"http://evil.example", "null", ""} {
		hdr := map[string]string{"Content-Type": "application/json"}
		if origin != "" {
			hdr["Origin"] = origin
		}
		if code, _ := p.do("POST", "/api/op", strings.NewReader(body), hdr); code != http.StatusForbidden {
			t.Errorf("Origin %q: %d", origin, code)
		}
	}
	// A form post from another site, the classic CSRF, is no better.
	if code, _ := p.do("POST", "/api/op", strings.NewReader("op=draft&text=x"), map[string]string{
		"Origin": p.origin, "Content-Type": "application/x-www-form-urlencoded"}); code != http.StatusUnsupportedMediaType {
		t.Errorf("form post: %d", code)
	}
	stillServes(t, r, 3)
}

func TestAOneMegabyteBodyIsRefused(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	p := r.named("p1")
	big := `{"op":"draft","text":"` + strings.Repeat("a", 1<<20) + `"}`
	code, _ := p.do("POST", "/api/op", strings.NewReader(big), map[string]string{"Origin": p.origin, "Content-Type": "application/json"})
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("1 MB body: %d", code)
	}
	code, _ = p.do("POST", "/join", bytes.NewReader(append([]byte("code="), bytes.Repeat([]byte("A"), 1<<20)...)),
		map[string]string{"Origin": p.origin, "Content-Type": "application/x-www-form-urlencoded"})
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("1 MB room code: %d", code)
	}
	stillServes(t, r, 3)
}

func TestScriptInACardIsKeptAsTextAndNeverServedAsMarkup(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	p := r.named("p1")
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	if code, body := p.op(map[string]any{"op": "draft", "text": evil}); code != http.StatusOK || strings.Contains(body, "<script>") {
		t.Fatalf("script card: %d %s", code, body)
	}
	if s := r.stored(); s.Drafts[3].Text != evil {
		t.Fatalf("stored %q", s.Drafts[3].Text)
	}
	resp, err := p.c.Get(r.srv.ShortURL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Fatalf("CSP %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatal("no nosniff")
	}
	// The page has no inline script at all: every script is a file of its own.
	_, page := p.get("/")
	if strings.Contains(page, "<script>") || strings.Contains(page, "onclick=") {
		t.Fatalf("inline script in the page: %s", page)
	}
}

func TestDraftsOverTheWordAndLengthLimitsAreRefused(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	p := r.named("p1")
	words := strings.TrimSpace(strings.Repeat("lupaus ", workshop.MaxDraftWords+1))
	if code, body := p.op(map[string]any{"op": "draft", "text": words}); code != http.StatusUnprocessableEntity || errorKey(body) != "phone.err.words" {
		t.Fatalf("%d words: %d %s", workshop.MaxDraftWords+1, code, body)
	}
	long := strings.Repeat("ä", MaxBody) // twice MaxBody in bytes: over the body limit
	if code, _ := p.op(map[string]any{"op": "draft", "text": long}); code != http.StatusRequestEntityTooLarge {
		t.Fatalf("long draft: %d", code)
	}
	if code, _ := p.op(map[string]any{"op": "draft", "moore": map[string]any{"for": strings.Repeat("x ", 100)}}); code != http.StatusUnprocessableEntity {
		t.Fatalf("draft over the words with the scaffold: %d", code)
	}
	if code, _ := p.op(map[string]any{"op": "draft", "text": "   "}); code != http.StatusUnprocessableEntity {
		t.Fatalf("empty draft: %d", code)
	}
	if code, _ := p.op(map[string]any{"op": "draft", "text": "x", "extra": 1}); code != http.StatusBadRequest {
		t.Fatalf("unknown field: %d", code)
	}
	stillServes(t, r, 3)
}

func TestTenThousandRequestsFromOneClientAreThrottledAndOthersStillServed(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	flood := r.named("p1")
	honest := r.namedFrom("127.0.0.2", "p2")
	var ok, slow, full, other atomic.Int64
	var wg sync.WaitGroup
	work := make(chan struct{})
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range work {
				req, _ := http.NewRequest("POST", r.srv.ShortURL()+"/api/op", strings.NewReader(`{"op":"draft","text":"Tulva"}`))
				req.Header.Set("Origin", flood.origin)
				req.Header.Set("Content-Type", "application/json")
				resp, err := flood.c.Do(req)
				if err != nil {
					other.Add(1)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case resp.StatusCode == http.StatusOK:
					ok.Add(1)
				case resp.StatusCode == http.StatusTooManyRequests:
					slow.Add(1)
				case resp.StatusCode == http.StatusUnprocessableEntity && strings.Contains(string(body), "phone.err.phone_full"):
					// On a slow machine more than MaxCardsPerPhone pass the
					// rate limit; the phone's own cap refuses the rest.
					full.Add(1)
				default:
					other.Add(1)
				}
			}
		}()
	}
	for i := 0; i < 10_000; i++ {
		work <- struct{}{}
	}
	close(work)
	wg.Wait()
	if slow.Load() < 9_000 || other.Load() != 0 || ok.Load() > MaxCardsPerPhone {
		t.Fatalf("10,000 requests: %d accepted, %d refused as too many, %d as the phone's cards full, %d other", ok.Load(), slow.Load(), full.Load(), other.Load())
	}
	// What was accepted is stored, nothing more.
	if s := r.stored(); len(s.Drafts) != 3+int(ok.Load()) {
		t.Fatalf("%d drafts stored, %d accepted", len(s.Drafts)-3, ok.Load())
	}
	// A phone at another address (on a real network every phone has its
	// own; here another loopback address) is served as before.
	if code, body := honest.op(map[string]any{"op": "draft", "text": "Rehellinen"}); code != http.StatusOK {
		t.Fatalf("honest phone after the flood: %d %s", code, body)
	}
}

func TestOneAddressCannotFillTheRoomWithPhones(t *testing.T) {
	r := newRoom(t, Options{})
	for i := 0; i < MaxDevicesPerAddr; i++ {
		r.joined()
	}
	p := r.phone()
	if code, _ := p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL())); code != http.StatusServiceUnavailable || p.cookie() != nil {
		t.Fatalf("phone %d from one address: %d", MaxDevicesPerAddr+1, code)
	}
	if n := len(r.srv.Devices()); n != MaxDevicesPerAddr {
		t.Fatalf("%d devices", n)
	}
	// A phone at another address still joins.
	q := r.namedFrom("127.0.0.3", "p2")
	if v := q.state(); v.Me == nil || v.Me.ID != "p2" {
		t.Fatal("a phone at another address was kept out")
	}
}

// One machine that takes many addresses on the Wi-Fi cannot fill the
// participant list with made-up guests: new guests come at a rate for the
// whole room; the refused phone is told to wait, and picking a name from
// the list still works for everyone.
func TestManyAddressesCannotFillTheRoomWithGuests(t *testing.T) {
	r := newRoom(t, Options{GuestRate: rate.Every(time.Hour), GuestBurst: 5})
	r.srv.SetGuests(true)
	before := len(r.stored().Participants)
	added := 0
	var refused *phone
	// Names the room refuses (taken, empty of letters) use up nothing.
	for i, name := range []string{"Anna Virtanen", "\u200b", "anna virtanen"} {
		p := r.phoneFrom(fmt.Sprintf("127.0.0.%d", 40+i))
		p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL()))
		if code, body := p.post("/api/name", map[string]any{"name": name}); code == http.StatusOK || errorKey(body) == "phone.err.guests_busy" {
			t.Fatalf("the name %q: %d %s", name, code, body)
		}
	}
	for i := 0; i < 12; i++ {
		p := r.phoneFrom(fmt.Sprintf("127.0.0.%d", 10+i))
		p.get(strings.TrimPrefix(r.srv.JoinURL(), r.srv.ShortURL()))
		code, body := p.post("/api/name", map[string]any{"name": fmt.Sprintf("Keksitty %d", i)})
		switch {
		case code == http.StatusOK:
			added++
		case code == http.StatusTooManyRequests && errorKey(body) == "phone.err.guests_busy":
			refused = p
		default:
			t.Fatalf("guest %d: %d %s", i, code, body)
		}
	}
	if added != 5 || refused == nil {
		t.Fatalf("%d guests added of 12, want the burst of 5", added)
	}
	if n := len(r.stored().Participants); n != before+5 {
		t.Fatalf("%d participants, want %d", n, before+5)
	}
	if code, body := refused.post("/api/name", map[string]any{"participant_id": "p2"}); code != http.StatusOK {
		t.Fatalf("a refused guest picks a name from the list: %d %s", code, body)
	}
}
