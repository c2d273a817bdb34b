package phone

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
)

// event is one event of a phone's event stream.
type event struct{ name, data string }

// stream opens the phone's event stream (a tab of the page); its events
// come on the channel, which is closed when the stream ends. The stream
// is cut when the test ends.
func (p *phone) stream() <-chan event {
	p.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", p.r.srv.ShortURL()+"/api/events", nil)
	c := &http.Client{Jar: p.c.Jar, Transport: p.c.Transport} // no timeout: a stream lasts
	resp, err := c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		p.t.Fatalf("event stream: %d", resp.StatusCode)
	}
	out := make(chan event, 64)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		name := "message"
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(line, "data: "); ok {
				out <- event{name, d}
				name = "message"
			}
		}
	}()
	return out
}

// waitFor waits for an event of the name on the stream; ok is false when
// the stream ended first.
func waitFor(t *testing.T, ev <-chan event, name string) (e event, ok bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-ev:
			if !ok || e.name == name {
				return e, ok
			}
		case <-deadline:
			t.Fatalf("no %q event in 10 s", name)
		}
	}
}

// ended waits for the stream to end, with no event of the name before.
func ended(t *testing.T, ev <-chan event, not string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-ev:
			if !ok {
				return
			}
			if e.name == not {
				t.Fatalf("a %q event", not)
			}
		case <-deadline:
			t.Fatal("the stream did not end in 10 s")
		}
	}
}

// Closing the room tells every phone's open stream so (an event "closed")
// before the stream ends, so that the page can stop trying and say why;
// a request stuck half-sent (a phone gone from the Wi-Fi) holds Close up
// no longer than closeWait, and the port is free once it returns.
func TestClosingTheRoomTellsEveryOpenStreamItIsClosed(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepDrafts)
	a, b := r.named("p1"), r.named("p2")
	streams := []<-chan event{a.stream(), a.stream(), b.stream()}
	for _, ev := range streams {
		if _, ok := waitFor(t, ev, "state"); !ok {
			t.Fatal("the stream ended before its first state")
		}
	}
	half, err := net.Dial("tcp", r.srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	if _, err := io.WriteString(half, "GET /api/state HTTP/1.1\r\nHost: "+r.srv.Addr()+"\r\n"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	addr := r.srv.Addr()
	r.srv.Close()
	if d := time.Since(start); d > closeWait+time.Second {
		t.Errorf("Close took %v", d)
	}
	for i, ev := range streams {
		if _, ok := waitFor(t, ev, "closed"); !ok {
			t.Fatalf("stream %d ended without saying the room is closed", i)
		}
		ended(t, ev, "state")
	}
	again := New(r.ed, Options{Addr: addr})
	if err := again.Start(); err != nil {
		t.Fatalf("port still taken after close: %v", err)
	}
	again.Close()
}

// stateOn waits for a state of the step on the stream.
func stateOn(t *testing.T, ev <-chan event, step string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-ev:
			if !ok {
				t.Fatalf("the stream ended before a state of %s", step)
			}
			var v view
			if e.name == "state" && json.Unmarshal([]byte(e.data), &v) == nil && v.Step.Key == step {
				return
			}
		case <-deadline:
			t.Fatalf("no state of %s in 10 s", step)
		}
	}
}

// A phone that opens a stream over its limit (a fifth tab, or its tabs
// again after the Wi-Fi dropped, their old streams not yet given up by
// TCP) is not refused: its oldest stream ends, told so (an event
// "replaced", for the page not to reconnect at once), and the others go
// on following the room, another phone's untouched.
func TestAStreamOverAPhonesLimitEndsItsOldest(t *testing.T) {
	r := newRoom(t, Options{})
	p := r.named("p1")
	other := r.named("p2").stream()
	var tabs []<-chan event
	for range MaxStreamsPerDev {
		ev := p.stream()
		if _, ok := waitFor(t, ev, "state"); !ok {
			t.Fatal("a stream ended before its first state")
		}
		tabs = append(tabs, ev)
	}
	fifth := p.stream()
	if _, ok := waitFor(t, fifth, "state"); !ok {
		t.Fatal("the fifth stream ended before its first state")
	}
	if _, ok := waitFor(t, tabs[0], "replaced"); !ok {
		t.Fatal("the oldest stream ended without being told why")
	}
	ended(t, tabs[0], "state")
	r.goTo(workshop.StepDrafts)
	for _, ev := range append(tabs[1:], fifth, other) {
		stateOn(t, ev, workshop.StepDrafts)
	}
	// Once more: the next oldest goes, not the newest.
	sixth := p.stream()
	if _, ok := waitFor(t, tabs[1], "replaced"); !ok {
		t.Fatal("the second oldest stream ended without being told why")
	}
	r.goTo(workshop.StepEvaluation)
	for _, ev := range append(tabs[2:], fifth, sixth, other) {
		stateOn(t, ev, workshop.StepEvaluation)
	}
}

// The page waits for an answer as long as the server may take to give
// one (its write deadline, RequestTimeout) and a moment more; then it
// gives the send up and the phone may tap again.
func TestThePageWaitsAsLongAsTheServerMayTakeToAnswer(t *testing.T) {
	for _, c := range []struct {
		opt  time.Duration
		want string
	}{{0, `data-timeout="16000"`}, {2 * time.Second, `data-timeout="3000"`}} {
		r := newRoom(t, Options{RequestTimeout: c.opt})
		if _, page := r.joined().get("/"); !strings.Contains(page, c.want) {
			t.Errorf("RequestTimeout %v: the page has no %s", c.opt, c.want)
		}
	}
}
