package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// wordBoxes returns every word pdftotext finds with its box in points.
func wordBoxes(t *testing.T, pdf []byte) (words []string, boxes [][4]float64, pageW, pageH float64) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	page := regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)"`).FindSubmatch(out)
	if page == nil {
		t.Fatal("no page in pdftotext -bbox output")
	}
	pageW, _ = strconv.ParseFloat(string(page[1]), 64)
	pageH, _ = strconv.ParseFloat(string(page[2]), 64)
	re := regexp.MustCompile(`<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>`)
	for _, m := range re.FindAllSubmatch(out, -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		words = append(words, string(m[5]))
		boxes = append(boxes, b)
	}
	return
}

// assertInsideMargins fails when any word pokes out of the text area,
// which is what a cut-off line or an unbroken long word looks like.
func assertInsideMargins(t *testing.T, pdf []byte) {
	t.Helper()
	words, boxes, pw, ph := wordBoxes(t, pdf)
	const mm = 72 / 25.4
	for i, b := range boxes {
		if b[0] < marginL*mm-2 || b[2] > pw-marginR*mm+2 || b[1] < 0 || b[3] > ph-5*mm {
			t.Errorf("word %q at x %.0f–%.0f, y %.0f–%.0f is outside the text area", trunc(words[i]), b[0], b[2], b[1], b[3])
			return
		}
	}
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func TestLongTextsWrapAndBreakPages(t *testing.T) {
	s := small()
	long := string([]rune(strings.Repeat("Pitkä muistiinpano, jossa on sanoja ja välejä. ", 213))[:10000])
	word := strings.Repeat("ä", 150) + strings.Repeat("x", 150) // 300 letters
	s.Decision.Rationale = long
	s.Decision.FinalText = "Lupaus " + word + " loppuu tähän."
	s.Drafts[1].Text = word
	s.ParkingLot = append(s.ParkingLot, workshop.Note{ID: "n2", Text: long})
	s.Actions[0].Text = long
	s.Measures[0].Definition = word + " " + long
	s.Participants[0].Role = word
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{}); err != nil {
		t.Fatal(err)
	}
	assertInsideMargins(t, buf.Bytes())
	// The footers of the pages it runs over are not part of the text.
	var kept []string
	for _, l := range strings.Split(readBack(t, buf.Bytes()), "\n") {
		if !strings.Contains(l, "sivu ") && !strings.Contains(l, s.Organisation) {
			kept = append(kept, l)
		}
	}
	nows := strings.Join(strings.Fields(strings.Join(kept, "\n")), "")
	if !strings.Contains(nows, word) {
		t.Error("the 300-letter word is not in the PDF (split pieces joined)")
	}
	if !strings.Contains(nows, strings.Join(strings.Fields(long), "")) {
		t.Error("the 10,000-character text is not in the PDF whole")
	}
}

func TestLargeSessionStaysInsideMargins(t *testing.T) {
	s := fixture.Large()
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{}); err != nil {
		t.Fatal(err)
	}
	assertInsideMargins(t, buf.Bytes())
	ft := flat(readBack(t, buf.Bytes()))
	for _, a := range s.Actions {
		if a.Due != "" && !strings.Contains(ft, fiDate(a.Due)) {
			t.Errorf("action %s: due date %s missing", a.ID, a.Due)
		}
	}
	for _, p := range s.Participants {
		if !strings.Contains(ft, flat(p.Name)) {
			t.Errorf("participant %q missing", p.Name)
		}
	}
}

func TestHostileCharactersAreReplaced(t *testing.T) {
	s := small()
	s.Organisation = "Emoji 🚚 Oy\x00\x07"
	s.Decision.FinalText = "Lupaus 😀 \u202eRTL\u202c שלום مرحبا \xff\xfe rikki \xed\xa0\x80 pari \U0010FFFF loppu\r\nrivi\ttab"
	s.Participants[0].Name = "Nimi \x1b[31m punainen"
	s.Actions[0].Text = "'; DROP TABLE actions; --"
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	ft := flat(readBack(t, buf.Bytes()))
	for _, want := range []string{"Emoji ? Oy", "Lupaus ?", "rikki", "pari ? loppu", "rivi tab", "DROP TABLE actions"} {
		if !strings.Contains(ft, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.ContainsAny(ft, "🚚😀\x00\x07\x1b") {
		t.Error("an undrawable character reached the PDF")
	}
}

func TestCleanKeepsEuropeanLetters(t *testing.T) {
	in := "äöåÄÖÅ éèêëçñß øæœ łżźćńśąę čšž ğış ΑΩ жЯ ő ű"
	if got := clean(in); got != in {
		t.Errorf("clean(%q) = %q", in, got)
	}
	// macOS keyboards can produce decomposed letters; they are composed.
	if got := clean("a\u0308"); got != "ä" {
		t.Errorf("clean(decomposed ä) = %q", got)
	}
}

func TestOutOfRangeValuesDoNotFail(t *testing.T) {
	s := small()
	s.Ladder = append(s.Ladder, workshop.LadderVote{ParticipantID: "ghost", Level: 99})
	s.Ratings = append(s.Ratings, workshop.Rating{ParticipantID: "p2", DraftID: "nope", Scores: [8]int{-5, 99}})
	s.Consent = append(s.Consent, workshop.Consent{ParticipantID: "x", Fingers: 17})
	s.DotVotes = append(s.DotVotes, workshop.DotVote{ParticipantID: "p1", DraftID: "d1", Dots: 1 << 40})
	s.Actions = append(s.Actions, workshop.Action{Kind: "weird", Due: "huomenna"})
	s.ValueItems[0].Addresses = []string{"missing"}
	s.Agenda = append(s.Agenda, workshop.AgendaItem{Step: "??", PlannedMin: -4, UsedSec: 1 << 40})
	s.Decision.Rejected = append(s.Decision.Rejected, workshop.Rejection{DraftID: "zz", Reason: "ei ole"})
	s.Drafts = append(s.Drafts, workshop.Draft{ID: "d1", Text: "kaksoiskappale"})
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{Lang: "xx"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Error("no PDF header")
	}
}

func FuzzReport(f *testing.F) {
	f.Add("Nordrahti Oy", "Tiedät aina, missä tavarasi menee.", "Markku Väisänen", "2026-12-03", 3)
	f.Add("🚚\x00\xff", strings.Repeat("ä", 400), "\u202e", "2026-13-45", 0)
	f.Add("", "", "", "", -1)
	f.Fuzz(func(t *testing.T, a, b, c, date string, n int) {
		s := everyField(a, b, c, date, n)
		var buf bytes.Buffer
		if err := Write(&buf, s, Options{Lang: []string{"fi", "en", ""}[uint(n)%3]}); err != nil {
			t.Fatalf("Write: %v", err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-32):], []byte("%%EOF")) {
			t.Fatalf("not a complete PDF (%d bytes)", len(out))
		}
	})
}

// everyField puts the fuzzer's strings into every text field of a session.
func everyField(a, b, c, date string, n int) *workshop.Session {
	s := small()
	s.Title, s.Organisation, s.Place, s.Facilitator, s.Goal = a, b, c, a+b, c
	s.Date, s.NextReviewDate, s.StartTime = date, date, a
	s.Baseline.ExistingPromise = b
	s.Purpose = workshop.Purpose{Why: a, Whom: b, Value: c}
	for i := range s.Participants {
		s.Participants[i].Name, s.Participants[i].Role, s.Participants[i].Department = a, b, c
	}
	for i := range s.Ladder {
		s.Ladder[i].Note, s.Ladder[i].WhyBuy, s.Ladder[i].WouldBuy = a, b, c
		s.Ladder[i].Level = n
	}
	for i := range s.Segments {
		s.Segments[i].Name, s.Segments[i].Description = a, b
	}
	for i := range s.ProfileItems {
		s.ProfileItems[i].Text, s.ProfileItems[i].EvidenceNote, s.ProfileItems[i].Evidence = a, b, c
		s.ProfileItems[i].Importance = n
	}
	for i := range s.ValueItems {
		s.ValueItems[i].Text, s.ValueItems[i].DeliveredToday = b, c
	}
	s.Alternatives = []workshop.Note{{Text: a}}
	for i := range s.Drafts {
		s.Drafts[i].Text, s.Drafts[i].TextAlt = b, a
	}
	for i := range s.DotVotes {
		s.DotVotes[i].Dots = n
	}
	for i := range s.Ratings {
		s.Ratings[i].Scores[uint(n)%8] = n
		s.Ratings[i].Comment = c
	}
	s.Decision.FinalText, s.Decision.FinalTextAlt, s.Decision.Rationale = b, a, c
	s.Decision.OpenConcerns = []string{a, b}
	s.Decision.ValidationPlan, s.Decision.ValidationStatus = c, a
	s.Decision.Rejected[0].Reason = b
	for i := range s.Consent {
		s.Consent[i].Concern, s.Consent[i].Fingers = c, n
	}
	s.PromiseVersions = []workshop.PromiseVersion{{Text: b, At: date, Note: c}}
	for i := range s.Measures {
		m := &s.Measures[i]
		m.Name, m.Definition, m.Scale, m.Touchpoint, m.Baseline, m.Target = a, b, c, a, b, c
		m.BaselineDate, m.TargetDate, m.Frequency, m.OwnerName, m.DataSource, m.Type = date, date, a, b, c, a
	}
	for i := range s.Actions {
		ac := &s.Actions[i]
		ac.Text, ac.OwnerName, ac.Due, ac.SuccessCriterion, ac.Kind, ac.Status = a, b, date, c, a, b
	}
	s.ParkingLot = []workshop.Note{{Text: c}, {Text: fmt.Sprint(n)}}
	s.Agenda[0].StartedAt, s.Agenda[0].EndedAt = date, a
	s.PrivateNotes = map[string]string{a: b}
	return s
}
