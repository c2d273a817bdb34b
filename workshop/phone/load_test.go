package phone

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"lupauspaja/workshop"
)

// BenchmarkSixtyPhones is the room under load: 60 phones, each from its own
// loopback address with its event stream open, join as guests and send
// drafts for LOAD_SECONDS (default 60) at a thumb's pace (one every 1–3 s).
// It prints the time from a phone's submit to the facilitator's change
// notice (the editor's OnChange, which the window and the projector follow)
// and to the phone's "saved", and fails if anything accepted is not in the
// database. Run it with:
//
//	go test -run '^$' -bench SixtyPhones -benchtime 1x ./workshop/phone/
func BenchmarkSixtyPhones(b *testing.B) {
	const phones = 60
	seconds := 60
	if v, err := strconv.Atoi(os.Getenv("LOAD_SECONDS")); err == nil && v > 0 && v <= 120 {
		seconds = v
	}
	for i := 0; i < b.N; i++ {
		loadRun(b, phones, time.Duration(seconds)*time.Second)
	}
}

func loadRun(b *testing.B, phones int, dur time.Duration) {
	// Sixty guests at once: more than the room's rate of new guests lets in,
	// which is not what is measured here.
	rm := newRoom(b, Options{GuestRate: rate.Inf})
	rm.srv.SetGuests(true)
	if err := rm.ed.Edit(func(s *workshop.Session) error { s.CurrentStep = workshop.StepDrafts; return nil }); err != nil {
		b.Fatal(err)
	}
	rm.srv.SetInputOpen(workshop.StepDrafts, true)

	var mu sync.Mutex
	sent := map[string]time.Time{}
	var toNotice, toSaved []time.Duration
	seen := 0
	rm.ed.OnChange(func() {
		at := time.Now()
		var fresh []string
		rm.ed.Read(func(s *workshop.Session) {
			for _, d := range s.Drafts[min(seen, len(s.Drafts)):] {
				fresh = append(fresh, d.Text)
			}
			seen = len(s.Drafts)
		})
		mu.Lock()
		for _, text := range fresh {
			if t0, ok := sent[text]; ok {
				toNotice = append(toNotice, at.Sub(t0))
			}
		}
		mu.Unlock()
	})

	ctx, cancel := context.WithTimeout(context.Background(), dur+30*time.Second)
	defer cancel()
	var accepted sync.Map
	var refused, failed, streamed sync.Map
	var wg sync.WaitGroup
	start := time.Now()
	for n := 0; n < phones; n++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			ip := net.IPv4(127, 0, 1, byte(10+n))
			d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 5 * time.Second}
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar, Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}}
			post := func(path, body string) (int, error) {
				req, _ := http.NewRequestWithContext(ctx, "POST", rm.srv.ShortURL()+path, strings.NewReader(body))
				req.Header.Set("Origin", rm.srv.ShortURL())
				req.Header.Set("Content-Type", "application/json")
				resp, err := c.Do(req)
				if err != nil {
					return 0, err
				}
				resp.Body.Close()
				return resp.StatusCode, nil
			}
			if resp, err := c.Get(rm.srv.JoinURL()); err != nil {
				failed.Store(n, err.Error())
				return
			} else {
				resp.Body.Close()
			}
			if code, err := post("/api/name", fmt.Sprintf(`{"name":"Puhelin %d"}`, n)); err != nil || code != http.StatusOK {
				failed.Store(n, fmt.Sprintf("name: %d %v", code, err))
				return
			}
			// The phone's event stream, read as the page would.
			go func() {
				req, _ := http.NewRequestWithContext(ctx, "GET", rm.srv.ShortURL()+"/api/events", nil)
				resp, err := c.Do(req)
				if err != nil {
					return
				}
				defer resp.Body.Close()
				sc := bufio.NewScanner(resp.Body)
				sc.Buffer(make([]byte, 1<<20), 1<<20)
				count := 0
				for sc.Scan() {
					if strings.HasPrefix(sc.Text(), "data: ") {
						count++
						streamed.Store(n, count)
					}
				}
			}()
			rng := rand.New(rand.NewPCG(uint64(n), 7))
			for k := 0; time.Since(start) < dur; k++ {
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Second + time.Duration(rng.IntN(2000))*time.Millisecond):
				}
				text := fmt.Sprintf("Puhelin %d lupaa %d: toimitamme ajallaan.", n, k)
				mu.Lock()
				t0 := time.Now()
				sent[text] = t0
				mu.Unlock()
				code, err := post("/api/op", `{"op":"draft","text":"`+text+`"}`)
				switch {
				case err != nil:
					failed.Store(fmt.Sprint(n, "/", k), err.Error())
				case code == http.StatusOK:
					mu.Lock()
					toSaved = append(toSaved, time.Since(t0))
					mu.Unlock()
					accepted.Store(text, true)
				default:
					refused.Store(text, code)
				}
			}
		}(n)
	}
	wg.Wait()
	elapsed := time.Since(start)
	cancel()

	stored := map[string]int{}
	for _, d := range rm.stored().Drafts {
		stored[d.Text]++
	}
	nAccepted, lost := 0, 0
	accepted.Range(func(k, _ any) bool {
		nAccepted++
		if stored[k.(string)] != 1 {
			lost++
		}
		return true
	})
	count := func(m *sync.Map) (n int, sample string) {
		m.Range(func(k, v any) bool { n++; sample = fmt.Sprint(k, ": ", v); return true })
		return
	}
	nRefused, sampleRefused := count(&refused)
	nFailed, sampleFailed := count(&failed)
	nStreams, _ := count(&streamed)
	mu.Lock()
	defer mu.Unlock()
	p := func(ds []time.Duration, q float64) time.Duration {
		if len(ds) == 0 {
			return 0
		}
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[min(len(s)-1, int(q*float64(len(s))))]
	}
	fmt.Printf("%d phones for %s: %d drafts accepted, %d refused %s, %d failed %s, %d lost; %d phones got pushes\n",
		phones, elapsed.Round(time.Second), nAccepted, nRefused, sampleRefused, nFailed, sampleFailed, lost, nStreams)
	fmt.Printf("submit → facilitator's change notice: p50 %s, p99 %s, max %s (%d)\n",
		p(toNotice, .5).Round(time.Microsecond), p(toNotice, .99).Round(time.Microsecond), p(toNotice, 1).Round(time.Microsecond), len(toNotice))
	fmt.Printf("submit → phone's saved: p50 %s, p99 %s, max %s\n",
		p(toSaved, .5).Round(time.Microsecond), p(toSaved, .99).Round(time.Microsecond), p(toSaved, 1).Round(time.Microsecond))
	b.ReportMetric(float64(p(toNotice, .5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p(toNotice, .99).Microseconds())/1000, "p99-ms")
	if lost > 0 || nFailed > 0 {
		b.Fatalf("%d accepted drafts missing from the database, %d requests failed", lost, nFailed)
	}
}
