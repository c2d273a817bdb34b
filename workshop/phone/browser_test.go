//go:build browser

package phone

// Browser tests: Debian's chromium, headless, drives the phone page served
// by the real server on 127.0.0.1, as a participant's thumb would. They run
// with -tags browser (scripts/phone-browser.sh, called by make test), so that
// the ordinary test run needs no browser. With PHONE_SCREENSHOTS=DIR they
// also save a 390×844 screenshot of every step kind into DIR.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lupauspaja/workshop"
)

const chromium = "/usr/bin/chromium"

// eval runs JavaScript on the page for its effect.
func eval(js string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[any](js)(ctx, t)
		return chromedp.Void{}, err
	}
}

// browser starts a fresh headless chromium that reaches nothing but this
// machine's loopback: every host name but 127.0.0.1 resolves to nothing.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no chromium at " + chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelC(); cancelB(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(1), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// until waits for a JavaScript condition on the page to hold.
func until(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("waited in vain for %s; the page says:\n%s", what, page)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// storeHas waits for the session on disk to satisfy a condition.
func (r *room) storeHas(what string, ok func(s *workshop.Session) bool) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok(r.stored()) {
		if time.Now().After(deadline) {
			r.t.Fatalf("the store never had %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// saved clicks the button and waits for the page to say the input was saved.
func saved[S chromedp.Selectable](t *testing.T, ctx context.Context, sel S) {
	t.Helper()
	run(t, ctx, eval(`document.getElementById("status").className = ""`), chromedp.Click(sel))
	until(t, ctx, "saved", `document.getElementById("status").className === "ok"`)
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("PHONE_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "phone-"+name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// titleWhole: the workshop's title in the phone's header is shown whole, not cut short.
const titleWhole = `(() => { const e = document.getElementById("title");
	return e.textContent.length > 20 && e.scrollWidth <= e.clientWidth; })()`

// A participant joins through the QR code's link, picks their name and takes
// part in every step; each input is checked on disk.
func TestAPhoneTakesPartInEveryStepInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)

	// The room code page, as someone who types the address sees it.
	run(t, ctx, chromedp.Navigate(r.srv.ShortURL()+"/"), chromedp.WaitVisible(chromedp.CSS("#code")))
	shot(t, ctx, "code")

	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Anna Virtanen"))`)
	until(t, ctx, "the whole title above the name list", titleWhole)
	shot(t, ctx, "name")
	run(t, ctx, chromedp.Click(`//button[contains(., "Anna Virtanen")]`))
	until(t, ctx, "Anna's name in the header", `document.getElementById("who").textContent === "Anna Virtanen"`)
	// On a phone held upright the workshop's title has a row of its own,
	// shown whole, above the name and the language button.
	until(t, ctx, "the whole title in the header", titleWhole+` && document.getElementById("title").getBoundingClientRect().bottom <=
		document.getElementById("who").getBoundingClientRect().top + 1`)
	if d := r.srv.Devices(); len(d) != 1 || d[0].ParticipantID != "p1" {
		t.Fatalf("devices %+v", d)
	}

	// 1: the rung and would-you-buy.
	r.goTo(workshop.StepBaseline)
	until(t, ctx, "the ladder", `document.querySelectorAll("button[aria-pressed]").length >= 8`)
	saved(t, ctx, `//button[starts-with(normalize-space(.), "3 ·")]`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#why"), "Nopeat toimitukset, mutta hinta mietityttää."))
	saved(t, ctx, `//button[normalize-space(.)="Ehkä"]`)
	r.storeHas("the ladder vote", func(s *workshop.Session) bool {
		return len(s.Ladder) == 1 && s.Ladder[0].Level == 3 && s.Ladder[0].WouldBuy == "maybe" && strings.HasPrefix(s.Ladder[0].WhyBuy, "Nopeat")
	})
	shot(t, ctx, "1-baseline")

	// 2: a segment card.
	r.goTo(workshop.StepPurpose)
	until(t, ctx, "the segment form", `!!document.getElementById("segname")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#segname"), "Tukkukauppiaat"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the segment", func(s *workshop.Session) bool { return len(s.Segments) == 2 && s.Segments[1].Name == "Tukkukauppiaat" })
	shot(t, ctx, "2-purpose")

	// 3: a pain with its evidence.
	r.goTo(workshop.StepProfile)
	until(t, ctx, "the profile form", `!!document.getElementById("ptext")`)
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#ptype"), "pain"), chromedp.SetValue(chromedp.CSS("#evidence"), "customer_said"),
		chromedp.SendKeys(chromedp.CSS("#ptext"), "Ei tiedä, missä lähetys on"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the pain", func(s *workshop.Session) bool {
		return len(s.ProfileItems) == 1 && s.ProfileItems[0].Type == "pain" && s.ProfileItems[0].Evidence == workshop.EvidenceCustomerSaid && s.ProfileItems[0].SegmentID == "s1"
	})
	until(t, ctx, "the card among the phone's own", `document.querySelector(".mine") && document.querySelector(".mine").textContent.includes("Ei tiedä")`)
	shot(t, ctx, "3-profile")

	// 4: a value-map card.
	r.goTo(workshop.StepValueMap)
	until(t, ctx, "the value-map form", `!!document.getElementById("vtext")`)
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#vtype"), "pain_reliever"), chromedp.SendKeys(chromedp.CSS("#vtext"), "Seurantalinkki jokaiseen lähetykseen"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the value item", func(s *workshop.Session) bool {
		return len(s.ValueItems) == 1 && s.ValueItems[0].Type == "pain_reliever"
	})
	shot(t, ctx, "4-valuemap")

	// 5: a draft, and one with script in it that stays text.
	r.goTo(workshop.StepDrafts)
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	// A screen reader is told the new step, once, and not the whole page at every push.
	until(t, ctx, "the step said in the live region", `document.getElementById("announce").textContent === "Vaihe 5. Lupausluonnokset" &&
		!document.getElementById("app").hasAttribute("aria-live")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), "Kerromme aina ensin, jos toimitus myöhästyy."))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the draft", func(s *workshop.Session) bool {
		return len(s.Drafts) == 4 && s.Drafts[3].Text == "Kerromme aina ensin, jos toimitus myöhästyy." && s.Drafts[3].AuthorIDs[0] == "p1"
	})
	evil := `<img src=x onerror="window.pwned=1">`
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), evil))
	saved(t, ctx, chromedp.CSS("button.primary"))
	until(t, ctx, "the script shown as text", `document.querySelector(".mine").textContent.includes("onerror") && !document.querySelector(".mine img") && !window.pwned`)
	run(t, ctx, chromedp.Click(`//div[contains(@class,"mine")]//div[contains(@class,"card")][p[contains(., "onerror")]]//button[2]`))
	until(t, ctx, "the second question", `!!document.querySelector(".mine button.danger")`)
	// In the middle of the screen, as a thumb scrolls it there: at the
	// screen's edge the page's fixed footer is over it.
	run(t, ctx, eval(`document.querySelector(".mine button.danger").scrollIntoView({block: "center"})`),
		chromedp.Click(`//div[contains(@class,"mine")]//button[contains(@class,"danger")]`))
	r.storeHas("the script draft withdrawn", func(s *workshop.Session) bool { return len(s.Drafts) == 4 })
	// The page draws the step anew when it hears of the withdrawal: typing
	// into the entry before then would type into one that is replaced.
	until(t, ctx, "the withdrawn draft gone from the phone's own", `![...document.querySelectorAll(".mine .card")].some((c) => c.textContent.includes("onerror"))`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), "Vastaamme samana päivänä"))
	until(t, ctx, "the word count", `document.getElementById("dtext-words").textContent === "3 / 25 sanaa"`)
	shot(t, ctx, "5-drafts")
	run(t, ctx, eval(`document.getElementById("dtext").value = ""`))

	// 6: three dots, a fourth refused by the server, then a rating.
	r.goTo(workshop.StepEvaluation)
	until(t, ctx, "the dot buttons", `document.querySelectorAll(".dotsline").length === 4`)
	plus := func(draft string) string {
		return fmt.Sprintf(`//span[@data-draft=%q]/following-sibling::button`, draft)
	}
	for i, d := range []string{"d1", "d1", "d2"} {
		saved(t, ctx, plus(d))
		want := map[int]string{0: "1", 1: "2", 2: "1"}[i]
		until(t, ctx, "the dot count", fmt.Sprintf(`document.querySelector('[data-draft=%q]').textContent === %q`, d, want))
	}
	until(t, ctx, "no dots left", `document.getElementById("dotsleft").textContent === "Pisteitä jäljellä 0 / 3"`)
	refused, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch("/api/op", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({op: "dot", draft_id: "d3", delta: 1})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if refused != 409 {
		t.Fatalf("a fourth dot from the page: %d", refused)
	}
	r.storeHas("three dots", func(s *workshop.Session) bool {
		return s.DotsGiven("p1") == 3 && s.DotsOn("p1", "d1") == 2 && s.DotsOn("p1", "d2") == 1 && s.DotsOn("p1", "d3") == 0
	})
	until(t, ctx, "the rating cards", `!!document.querySelector('[data-rate="d1"]')`)
	for i, score := range []int{5, 4, 4, 3, 5, 2, 3, 4} {
		run(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-rate="d1"] button[aria-label="C%d %d"]`, i+1, score))))
	}
	shot(t, ctx, "6-evaluation")
	saved(t, ctx, chromedp.CSS(`[data-rate="d1"] button.primary`))
	r.storeHas("the rating", func(s *workshop.Session) bool {
		rt := s.RatingOf("p1", "d1")
		return rt != nil && workshop.FormatScores(rt.Scores) == "54435234"
	})

	// 7: two fingers and a concern.
	r.goTo(workshop.StepDecision)
	until(t, ctx, "the fingers", `document.querySelectorAll(".fingers button").length === 6`)
	run(t, ctx, chromedp.Click(`//div[@class="fingers"]/button[normalize-space(.)="2"]`))
	until(t, ctx, "the concern box", `!document.getElementById("concernbox").hidden`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#concern"), "Lupaus on liian yleinen."))
	shot(t, ctx, "7-decision")
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the fist of five", func(s *workshop.Session) bool {
		c := s.ConsentOf("p1")
		return c != nil && c.Fingers == 2 && c.Concern == "Lupaus on liian yleinen." && len(s.Decision.OpenConcerns) == 1
	})

	// 8: a measure.
	r.goTo(workshop.StepMeasures)
	until(t, ctx, "the measure form", `!!document.getElementById("mname")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#mname"), "Toimitusvarmuus"), chromedp.SetValue(chromedp.CSS("#mtype"), "operational"),
		chromedp.SendKeys(chromedp.CSS("#mdef"), "Ajallaan perille tulleet / kaikki"), chromedp.SendKeys(chromedp.CSS("#mowner"), "Jussi Korhonen"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the measure", func(s *workshop.Session) bool {
		return len(s.Measures) == 1 && s.Measures[0].Type == "operational" && s.Measures[0].OwnerID == "p2"
	})
	shot(t, ctx, "8-measures")

	// 9: an action.
	r.goTo(workshop.StepNextSteps)
	until(t, ctx, "the action form", `!!document.getElementById("atext")`)
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#akind"), "act"), chromedp.SendKeys(chromedp.CSS("#atext"), "Soitan kolmelle asiakkaalle"),
		chromedp.SendKeys(chromedp.CSS("#aowner"), "Anna Virtanen"), chromedp.SetValue(chromedp.CSS("#adue"), "2026-12-15"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the action", func(s *workshop.Session) bool {
		return len(s.Actions) == 1 && s.Actions[0].Kind == "act" && s.Actions[0].OwnerID == "p1" && s.Actions[0].Due == "2026-12-15"
	})
	shot(t, ctx, "9-nextsteps")

	// Closing the step's input shows it on the phone at once.
	r.srv.SetInputOpen(workshop.StepNextSteps, false)
	until(t, ctx, "the closed notice", `!!document.querySelector(".notice") && !document.getElementById("atext")`)
	shot(t, ctx, "closed")

	if err := r.stored().Validate(); err != nil {
		t.Fatal(err)
	}
}

// A participant who stays anonymous places the rung, gives dots within the
// budget (a fourth refused by the server for that phone) and a fist of
// five with a concern: each counted on disk under a voter id that names no
// one, and the page says the votes count without a name.
func TestAnAnonymousPhoneVotesUnderNoNameInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the anonymous choice", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Osallistun nimettömänä"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Osallistun nimettömänä")]`))
	until(t, ctx, "anonymous in the header", `document.getElementById("who").textContent === "nimetön"`)

	r.goTo(workshop.StepBaseline)
	until(t, ctx, "the ladder", `document.querySelectorAll("button[aria-pressed]").length >= 8`)
	until(t, ctx, "the anonymous note", `document.getElementById("anonnote").textContent.includes("äänesi lasketaan")`)
	saved(t, ctx, `//button[starts-with(normalize-space(.), "4 ·")]`)
	r.storeHas("the anonymous rung", func(s *workshop.Session) bool {
		return len(s.Ladder) == 1 && s.Ladder[0].Level == 4 && workshop.IsAnonymous(s.Ladder[0].ParticipantID)
	})

	r.goTo(workshop.StepEvaluation)
	until(t, ctx, "the dot buttons", `document.querySelectorAll(".dotsline").length === 3`)
	plus := func(draft string) string {
		return fmt.Sprintf(`//span[@data-draft=%q]/following-sibling::button`, draft)
	}
	for _, d := range []string{"d2", "d2", "d3"} {
		saved(t, ctx, plus(d))
	}
	until(t, ctx, "no dots left", `document.getElementById("dotsleft").textContent === "Pisteitä jäljellä 0 / 3"`)
	refused, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch("/api/op", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({op: "dot", draft_id: "d1", delta: 1})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if refused != 409 {
		t.Fatalf("a fourth anonymous dot from the page: %d", refused)
	}
	shot(t, ctx, "anon-6-evaluation")
	r.storeHas("three anonymous dots", func(s *workshop.Session) bool {
		v := s.AnonymousVoters()
		return len(v) == 1 && s.DotsGiven(v[0]) == 3 && s.DotsOn(v[0], "d2") == 2 && s.DotsOn(v[0], "d1") == 0
	})

	r.goTo(workshop.StepDecision)
	until(t, ctx, "the fingers", `document.querySelectorAll(".fingers button").length === 6`)
	run(t, ctx, chromedp.Click(`//div[@class="fingers"]/button[normalize-space(.)="1"]`))
	until(t, ctx, "the concern box", `!document.getElementById("concernbox").hidden`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#concern"), "Ei erotu kilpailijoista."))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the anonymous fist of five", func(s *workshop.Session) bool {
		res := s.ConsentResult()
		return res.Votes == 1 && len(res.Concerns) == 1 && res.Concerns[0] == "Ei erotu kilpailijoista." &&
			len(s.Decision.OpenConcerns) == 1 && s.Decision.OpenConcerns[0] == "Ei erotu kilpailijoista."
	})
	shot(t, ctx, "anon-7-decision")
	s := r.stored()
	if len(s.Participants) != 3 || len(s.AnonymousVoters()) != 1 {
		t.Fatalf("%d participants, voters %v", len(s.Participants), s.AnonymousVoters())
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}

// A sleeping phone loses nothing: when the page is shown again it takes the
// whole state afresh, and a removed phone is told so.
func TestAPhoneComingBackTakesAFreshStateAndARemovedOneIsTold(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepDrafts)
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Maija Lehto"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Maija Lehto")]`))
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	// The event stream is cut (a Wi-Fi blip); meanwhile the facilitator moves on.
	run(t, ctx, eval(`window.stop()`))
	r.goTo(workshop.StepDecision)
	run(t, ctx, eval(`document.dispatchEvent(new Event("visibilitychange"))`))
	until(t, ctx, "step 7 after coming back", `document.querySelectorAll(".fingers button").length === 6`)
	r.srv.RemoveDevice(r.srv.Devices()[0].ID)
	until(t, ctx, "the removed notice", `document.body.innerText.includes("poisti tämän puhelimen")`)
}

// Someone who cannot scan types the room's address and its code: the
// browser's own form post is let in (a browser sends the page's origin
// with it), and a wrong code is told so on the page, not as raw JSON.
func TestTheRoomCodeJoinsInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	run(t, ctx, chromedp.Navigate(r.srv.ShortURL()+"/"), chromedp.WaitVisible(chromedp.CSS("#code")))
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#code"), "ZZZZZZ"), chromedp.Click(chromedp.CSS(`form[action="/join"] button[type=submit]`)))
	until(t, ctx, "the wrong code's message", `!!document.querySelector("p.error") && !!document.getElementById("code")`)
	code := strings.ToLower(r.srv.Code()) // typed as it comes, in small letters
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#code"), code), chromedp.Click(chromedp.CSS(`form[action="/join"] button[type=submit]`)))
	until(t, ctx, "the name list after the code", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Anna Virtanen"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Anna Virtanen")]`))
	until(t, ctx, "Anna's name in the header", `document.getElementById("who").textContent === "Anna Virtanen"`)
	// On a phone held upright the workshop's title has a row of its own,
	// shown whole, above the name and the language button.
	until(t, ctx, "the whole title in the header", titleWhole+` && document.getElementById("title").getBoundingClientRect().bottom <=
		document.getElementById("who").getBoundingClientRect().top + 1`)
	if d := r.srv.Devices(); len(d) != 1 || d[0].ParticipantID != "p1" {
		t.Fatalf("devices %+v", d)
	}
}

// The app restarts while an anonymous phone is in the room: the page
// reconnects by itself to the room opened again on the same address, and
// the browser's cookie makes it the same voter, with the dot it had left
// and no more; reloading the page keeps it in the room without scanning.
func TestAnAnonymousPhoneIsTheSameVoterAfterARestartInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the anonymous choice", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Osallistun nimettömänä"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Osallistun nimettömänä")]`))
	until(t, ctx, "anonymous in the header", `document.getElementById("who").textContent === "nimetön"`)
	r.goTo(workshop.StepEvaluation)
	until(t, ctx, "the dot buttons", `document.querySelectorAll(".dotsline").length === 3`)
	plus := func(draft string) string {
		return fmt.Sprintf(`//span[@data-draft=%q]/following-sibling::button`, draft)
	}
	for _, d := range []string{"d2", "d3"} {
		saved(t, ctx, plus(d))
	}
	until(t, ctx, "one dot left", `document.getElementById("dotsleft").textContent === "Pisteitä jäljellä 1 / 3"`)
	voters := r.stored().AnonymousVoters()

	r.restart()
	// The page finds the room again by itself and is told the state anew.
	if err := r.ed.Edit(func(s *workshop.Session) error { s.Title = "Iltapäivä"; return nil }); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the page back in the restarted room", `document.body.innerText.includes("Iltapäivä")`)
	run(t, ctx, chromedp.Reload())
	until(t, ctx, "the dots after reloading", `document.getElementById("dotsleft") !== null && document.getElementById("dotsleft").textContent === "Pisteitä jäljellä 1 / 3"`)
	until(t, ctx, "still anonymous", `document.getElementById("who").textContent === "nimetön"`)
	saved(t, ctx, plus("d1"))
	refused, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch("/api/op", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({op: "dot", draft_id: "d1", delta: 1})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if refused != 409 {
		t.Fatalf("a fourth dot after the restart: %d (a fresh budget?)", refused)
	}
	r.storeHas("the same voter's three dots", func(s *workshop.Session) bool {
		v := s.AnonymousVoters()
		return len(v) == 1 && len(voters) == 1 && v[0] == voters[0] && s.DotsGiven(v[0]) == 3
	})
	if n := len(r.srv.Devices()); n != 1 {
		t.Fatalf("%d phones in the restarted room, want the one that came back", n)
	}
}

// What a participant typed but did not send when the facilitator moved
// on is kept on the phone with its step, said so, and back when the step
// comes again; the footer's "saved" goes once more is typed, a draft's
// word count starts again after it is added, a card is withdrawn only
// after a second tap, and a long name leaves the header on the screen.
func TestThePhoneKeepsWhatWasNotSentInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	long := "Kristiina-Johanna Väänänen-Österberg-Lindqvist von Hellens-Åkerblom"
	if err := r.ed.Edit(func(s *workshop.Session) error { s.Participants[0].Name = long; return nil }); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	r.goTo(workshop.StepProfile)
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Kristiina-Johanna"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Kristiina-Johanna")]`))
	until(t, ctx, "the profile form", `!!document.getElementById("ptext")`)
	if s := r.texts(ctx, `document.getElementById("status").textContent`); s != "" {
		t.Errorf("the footer after picking a name says %q", s)
	}
	if ok := r.check(ctx, `document.documentElement.scrollWidth <= window.innerWidth && document.getElementById("title").getBoundingClientRect().width > 80`); !ok {
		t.Error("a long name pushes the header off the screen")
	}

	// Saved, then typing again: the footer no longer says saved.
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#ptext"), "Toimitus myöhästyy"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#ptext"), "Kirjoitan tätä juuri nyt"))
	until(t, ctx, "the footer cleared by typing", `document.getElementById("status").className === ""`)

	// The facilitator moves on: the typing is parked, and the page says so.
	r.goTo(workshop.StepValueMap)
	until(t, ctx, "the value map", `!!document.getElementById("vtext")`)
	until(t, ctx, "the parked notice", `!!document.getElementById("parked") && document.getElementById("parked").textContent.includes("tallessa")`)
	if n := len(r.stored().ProfileItems); n != 1 {
		t.Fatalf("%d profile items stored, want the one sent", n)
	}
	r.goTo(workshop.StepProfile)
	until(t, ctx, "the typing back", `!!document.getElementById("ptext") && document.getElementById("ptext").value === "Kirjoitan tätä juuri nyt"`)
	until(t, ctx, "the notice that it is back", `!!document.getElementById("parked") && document.getElementById("parked").textContent.includes("palautettu")`)

	// Withdrawing the card sent asks once more first.
	run(t, ctx, chromedp.Click(`//div[contains(@class,"mine")]//button[normalize-space(.)="Poista"]`))
	until(t, ctx, "the second question", `[...document.querySelectorAll("button.danger")].length === 1`)
	if n := len(r.stored().ProfileItems); n != 1 {
		t.Fatal("withdrawn on the first tap")
	}
	run(t, ctx, eval(`document.querySelector("button.danger").scrollIntoView({block: "center"})`), chromedp.Click(chromedp.CSS("button.danger")))
	r.storeHas("the card withdrawn", func(s *workshop.Session) bool { return len(s.ProfileItems) == 0 })
	until(t, ctx, "the footer says withdrawn", `document.getElementById("status").textContent === "Kortti poistettu."`)

	// A draft added: its word count starts again.
	r.goTo(workshop.StepDrafts)
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), "Toimitamme ajallaan tai kerromme ennen"))
	until(t, ctx, "five words counted", `document.getElementById("dtext-words").textContent === "5 / 25 sanaa"`)
	saved(t, ctx, chromedp.CSS("button.primary"))
	until(t, ctx, "the count after adding", `document.getElementById("dtext-words").textContent === "0 / 25 sanaa"`)
}

func (r *room) texts(ctx context.Context, js string) string {
	r.t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		r.t.Fatal(err)
	}
	return s
}

func (r *room) check(ctx context.Context, js string) bool {
	r.t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		r.t.Fatal(err)
	}
	return ok
}

// A participant whose language is not the session's switches the page from
// its header: the step and the page's own texts come in English, what was
// typed and not sent stays, the session's language stays Finnish, and the
// choice holds when the page is loaded again; "Suomeksi" switches back.
func TestThePhoneSwitchesItsLanguageInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepProfile)
	run(t, ctx, chromedp.Navigate(r.srv.ShortURL()))
	until(t, ctx, "the room code's page in Finnish", `document.querySelector(".lang button") && document.querySelector(".lang button").textContent === "In English" && document.documentElement.lang === "fi"`)
	shot(t, ctx, "lang-code-fi")
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", `[...document.querySelectorAll("button")].some(b => b.textContent.includes("Maija"))`)
	run(t, ctx, chromedp.Click(`//button[contains(., "Maija")]`))
	until(t, ctx, "the profile form", `!!document.getElementById("ptext")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#ptext"), "Kirjoitan tätä"))
	if ok := r.check(ctx, `(() => { const b = document.querySelector(".lang button").getBoundingClientRect(); return b.height >= 44 && b.right <= window.innerWidth; })()`); !ok {
		t.Error("the language switch is no thumb's size, or off the screen")
	}
	run(t, ctx, chromedp.Click(`.lang button`))
	profile := workshop.StepByKey(workshop.StepProfile)
	until(t, ctx, "the step in English", fmt.Sprintf(`document.documentElement.lang === "en" && document.body.innerText.includes(%q)`, profile.Title.En))
	until(t, ctx, "the typing kept", `!!document.getElementById("ptext") && document.getElementById("ptext").value === "Kirjoitan tätä"`)
	if s := r.texts(ctx, `document.querySelector(".lang button").textContent`); s != "Suomeksi" {
		t.Errorf("the switch back reads %q", s)
	}
	shot(t, ctx, "lang-en")
	if l := r.stored().Language; l != "fi" {
		t.Fatalf("the session's language became %q", l)
	}
	run(t, ctx, chromedp.Reload())
	until(t, ctx, "English after a reload", fmt.Sprintf(`document.documentElement.lang === "en" && document.body.innerText.includes(%q)`, profile.Title.En))
	run(t, ctx, chromedp.Click(`.lang button`))
	until(t, ctx, "Finnish again", fmt.Sprintf(`document.documentElement.lang === "fi" && document.body.innerText.includes(%q)`, profile.Title.Fi))
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// paste puts text (a JavaScript expression) into the field as a paste
// does: through the browser's own editing, which keeps to a field's
// maxlength, with the input event the page hears.
func paste(sel, text string) chromedp.Action[chromedp.Void] {
	return eval(fmt.Sprintf(`(() => { const f = document.querySelector(%s); f.focus(); f.select();
		document.execCommand("insertText", false, %s); })()`, jsString(sel), text))
}

// joinAs opens the join link and picks the participant's name.
func (r *room) joinAs(ctx context.Context, name string) {
	r.t.Helper()
	t := r.t.(*testing.T)
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", fmt.Sprintf(`[...document.querySelectorAll("button")].some(b => b.textContent.includes(%s))`, jsString(name)))
	run(t, ctx, chromedp.Click(fmt.Sprintf(`//button[contains(., %q)]`, name)))
	until(t, ctx, "the name in the header", fmt.Sprintf(`document.getElementById("who").textContent === %s`, jsString(name)))
}

// A long text pasted into a field is sent whole, up to the server's own
// limit: nothing is cut off on the way. Over the limit the page says so at
// the field, in the phone's language, sends nothing and leaves the text in
// the field; a form the server refuses as too big as a whole (413) is said
// at its longest field the same way.
func TestALongPasteIsSentWholeOrToldAtItsFieldInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepPurpose)
	r.joinAs(ctx, "Anna Virtanen")
	until(t, ctx, "the segment form", `!!document.getElementById("segdesc")`)

	// 2,995 characters, as in a description pasted from a document.
	desc := []rune(strings.Repeat("Pienet verkkokaupat, jotka lähettävät alle sata pakettia viikossa. ", 50))[:2995]
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#segname"), "Pienet verkkokaupat"), paste("#segdesc", jsString(string(desc))))
	until(t, ctx, "the whole paste in the field", fmt.Sprintf(`document.getElementById("segdesc").value.length === %d`, len(desc)))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the whole description", func(s *workshop.Session) bool {
		return len(s.Segments) == 2 && s.Segments[1].Description == string(desc)
	})

	// Over the limit: said at once at the field, and nothing is sent.
	tooLong := `"ä".repeat(100001)` // 200,002 bytes
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#segname"), "Liian pitkä"), paste("#segdesc", tooLong))
	until(t, ctx, "the message at the field", `document.getElementById("segdesc").value.length === 100001 &&
		!document.getElementById("segdesc-msg").hidden && document.getElementById("segdesc-msg").textContent.includes("liian pitkä")`)
	// The page's posts are counted: the tap sends none.
	run(t, ctx, eval(`window.posts = 0; { const f = window.fetch; window.fetch = (u, o) => { if (o && o.method === "POST") window.posts++; return f(u, o); }; }
		document.getElementById("status").className = ""`), chromedp.Click(chromedp.CSS("button.primary")))
	until(t, ctx, "the footer's error", `document.getElementById("status").className === "error"`)
	if !r.check(ctx, `window.posts === 0`) {
		t.Fatal("the text over the limit was sent")
	}
	if n := len(r.stored().Segments); n != 2 {
		t.Fatalf("%d segments stored, want the text over the limit kept back", n)
	}
	if !r.check(ctx, `document.getElementById("segdesc").value === "ä".repeat(100001) && document.getElementById("segname").value === "Liian pitkä" &&
		document.getElementById("segdesc-msg").textContent.includes("200")`) {
		t.Fatal("the text over the limit, or its message, is gone from the field")
	}
	run(t, ctx, eval(`document.getElementById("segdesc").scrollIntoView({block: "center"})`))
	shot(t, ctx, "field-too-long")

	// In English the same: the page switches language with the text kept.
	run(t, ctx, chromedp.Click(`.lang button`))
	until(t, ctx, "the message in English", `document.documentElement.lang === "en" && !!document.getElementById("segdesc") &&
		document.getElementById("segdesc").value === "ä".repeat(100001) && document.getElementById("segdesc-msg").textContent.includes("too long")`)

	// Three fields, each within the limit, too big together for one request.
	r.goTo(workshop.StepMeasures)
	until(t, ctx, "the measure form", `!!document.getElementById("mname")`)
	run(t, ctx, paste("#mname", `"a".repeat(150000)`), paste("#mdef", `"b".repeat(150000)`), paste("#mowner", `"c".repeat(150000)`))
	until(t, ctx, "no message before sending", `document.getElementById("mowner").value.length === 150000 && document.getElementById("mname-msg").hidden`)
	run(t, ctx, eval(`document.getElementById("status").className = ""`), chromedp.Click(chromedp.CSS("button.primary")))
	until(t, ctx, "the server's refusal said at the field", `document.getElementById("status").className === "error" &&
		!document.getElementById("mname-msg").hidden && document.getElementById("mname-msg").textContent.includes("too long")`)
	if !r.check(ctx, `["mname", "mdef", "mowner"].every((id, i) => document.getElementById(id).value === "abc"[i].repeat(150000))`) {
		t.Fatal("the texts the server refused are gone from their fields")
	}
	if n := len(r.stored().Measures); n != 0 {
		t.Fatalf("%d measures stored", n)
	}
}

// The facilitator closes the step's input while a participant types: what
// was typed is kept on the phone, the page says so, and it is back in its
// field when the input opens again; so too when the room comes back to a
// step whose input stays closed for a while.
func TestTypingIsKeptWhenTheStepsInputClosesInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepProfile)
	r.joinAs(ctx, "Jussi Korhonen")
	until(t, ctx, "the profile form", `!!document.getElementById("ptext")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#ptext"), "Asiakas ei tiedä, milloin lähetys tulee"))

	r.srv.SetInputOpen(workshop.StepProfile, false)
	until(t, ctx, "the closed step", `!document.getElementById("ptext") && !!document.querySelector(".notice")`)
	until(t, ctx, "the parked notice", `!!document.getElementById("parked") && document.getElementById("parked").textContent.includes("tallessa")`)
	shot(t, ctx, "parked-closed")
	r.srv.SetInputOpen(workshop.StepProfile, true)
	until(t, ctx, "the typing back", `!!document.getElementById("ptext") && document.getElementById("ptext").value === "Asiakas ei tiedä, milloin lähetys tulee"`)
	until(t, ctx, "the notice that it is back", `document.getElementById("parked").textContent.includes("palautettu")`)
	if n := len(r.stored().ProfileItems); n != 0 {
		t.Fatalf("%d profile items stored, none sent", n)
	}

	// Moved on with the typing, and back to the step while its input is
	// still closed: the typing waits on the phone until it opens.
	r.goTo(workshop.StepValueMap)
	until(t, ctx, "the value map", `!!document.getElementById("vtext")`)
	r.srv.SetInputOpen(workshop.StepProfile, false)
	if err := r.ed.Edit(func(s *workshop.Session) error { s.CurrentStep = workshop.StepProfile; return nil }); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the closed step again", `!document.getElementById("vtext") && !document.getElementById("ptext") && !!document.querySelector(".notice")`)
	r.srv.SetInputOpen(workshop.StepProfile, true)
	until(t, ctx, "the typing back after all", `!!document.getElementById("ptext") && document.getElementById("ptext").value === "Asiakas ei tiedä, milloin lähetys tulee"`)
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the card sent at last", func(s *workshop.Session) bool {
		return len(s.ProfileItems) == 1 && s.ProfileItems[0].Text == "Asiakas ei tiedä, milloin lähetys tulee"
	})
}

// An edit of one's own card stays open, with what was typed, over the
// pushes of new state (the facilitator lets guests in, the workshop's
// title changes, the phone switches its language), and the footer does
// not say "saved" over it; moved on unsent, the edit is parked as other
// typing is and opens again when its step comes back; saved, it closes.
func TestAnOpenEditSurvivesNewStateInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepProfile)
	r.joinAs(ctx, "Maija Lehto")
	until(t, ctx, "the profile form", `!!document.getElementById("ptext")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#ptext"), "Toimitus myöhästyy"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the card", func(s *workshop.Session) bool { return len(s.ProfileItems) == 1 })
	id := r.stored().ProfileItems[0].ID
	area := fmt.Sprintf(`document.getElementById(%s)`, jsString("edit-"+workshop.CardProfileItem+"-"+id))

	run(t, ctx, chromedp.Click(`//div[contains(@class,"mine")]//button[normalize-space(.)="Muokkaa"]`))
	until(t, ctx, "the edit box", `!!`+area)
	if s := r.texts(ctx, `document.getElementById("status").textContent`); s != "" {
		t.Errorf("with the edit open the footer says %q", s)
	}
	run(t, ctx, eval(area+`.setSelectionRange(`+area+`.value.length, `+area+`.value.length)`))
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("textarea[id^=edit-]"), " joka toinen viikko"))
	edited := "Toimitus myöhästyy joka toinen viikko"

	r.srv.SetGuests(true)
	if err := r.ed.Edit(func(s *workshop.Session) error { s.Title = "Iltapäivän työpaja"; return nil }); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the new title", `document.getElementById("title").textContent.includes("Iltapäivän työpaja")`)
	until(t, ctx, "the edit still open after the push", `!!`+area+` && `+area+`.value === `+jsString(edited))
	if s := r.texts(ctx, `document.getElementById("status").textContent`); strings.Contains(s, "Tallennettu") {
		t.Errorf("over an unsent edit the footer says %q", s)
	}
	run(t, ctx, eval(area+`.scrollIntoView({block: "center"})`))
	shot(t, ctx, "edit-after-push")

	run(t, ctx, chromedp.Click(`.lang button`))
	until(t, ctx, "the edit open in English", `document.documentElement.lang === "en" && !!`+area+` && `+area+`.value === `+jsString(edited))

	// Moved on unsent: parked, and open again when the step comes back.
	r.goTo(workshop.StepValueMap)
	until(t, ctx, "the value map", `!!document.getElementById("vtext")`)
	until(t, ctx, "the parked notice", `!!document.getElementById("parked")`)
	r.goTo(workshop.StepProfile)
	until(t, ctx, "the edit back", `!!`+area+` && `+area+`.value === `+jsString(edited))
	if s := r.stored().ProfileItems[0].Text; s != "Toimitus myöhästyy" {
		t.Fatalf("the card became %q before it was saved", s)
	}

	saved(t, ctx, `//div[contains(@class,"mine")]//button[normalize-space(.)="Save"]`)
	r.storeHas("the edit", func(s *workshop.Session) bool { return s.ProfileItems[0].Text == edited })
	until(t, ctx, "the edit closed", `!`+area+` && document.querySelector(".mine").textContent.includes(`+jsString(edited)+`)`)
}
