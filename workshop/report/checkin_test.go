package report

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func writePDF(t *testing.T, s *workshop.Session, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, Options{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("LUPAUSPAJA_PDF_OUT"); dir != "" {
		os.WriteFile(dir+"/checkin-"+lang+".pdf", b.Bytes(), 0o644)
	}
	return b.Bytes()
}

func TestCheckinPDFOpensWithSinceDate(t *testing.T) {
	c := fixture.NordrahtiCheckin()
	for _, tc := range []struct {
		lang  string
		first []string
		later []string
	}{
		{"fi", []string{"3.12.2026 jälkeen", "LUPAUS NYT", "uuden ajan samalla", "Sanamuoto muuttui tässä seurannassa", "Ennen: Tiedät aina", "Syy: Asiakkaat eivät tienneet",
			"MITTARIT TAVOITTEISIINSA", "Ennakoivan poikkeamaviestinnän osuus", "63", "jäljessä", "kohti tavoitetta",
			"Kaikkiaan 7: 2 valmiina · 1 käynnissä · 3 ei aloitettu · 1 luovuttu. Myöhässä: 2 · uusia: 2", "Valmistui 7.12.2026", "MYÖHÄSSÄ", "MITÄ ASIAKKAAT SANOIVAT",
			// The four answers were given about the wording before the revision.
			"Nykyisestä sanamuodosta ei ole vielä vastauksia.", "Vastauksista 4 koskee aiempaa sanamuotoa, eikä niitä lasketa nykyisen validointiin. Uusi sanamuoto validoidaan vielä asiakkaiden kanssa.", "Seuraava katsaus: 10.6.2027"},
			[]string{"Kaikki toimenpiteet", "Kyselytyökalun hankinta viivästyi", "luovuttu", "TMS-raportti, helmikuu", "Asiakkaat ja huone (C1–C3)", "Tätä olen toivonut kymmenen vuotta", "koskee aiempaa sanamuotoa", "Lähtötaso nyt", "Suomi 2021", "Lupauksen versiot", "Tiimikohtainen aamupalaveri"}},
		{"en", []string{"Since 3 Dec 2026", "THE PROMISE NOW", "with a new time", "The wording changed in this check-in", "MEASURES AGAINST THEIR TARGETS", "off track", "All 7: 2 done · 1 in progress · 3 not started · 1 dropped. Late: 2 · new: 2", "WHAT CUSTOMERS SAID",
			"No answers about the current wording yet.", "4 of the answers are about an earlier wording and do not count towards validating this one. The new wording is still to be validated with customers.", "Next review: 10 Jun 2027"},
			[]string{"All actions", "Customers and the room (C1–C3)", "about an earlier wording", "The ladder now", "Finland 2021", "Versions of the promise"}},
	} {
		pdf := writePDF(t, c, tc.lang)
		pgs := strings.Split(readBack(t, pdf), "\f")
		if len(pgs) < 3 {
			t.Fatalf("%s: %d pages", tc.lang, len(pgs))
		}
		first := flat(pgs[0])
		for _, w := range tc.first {
			if !strings.Contains(first, w) {
				t.Errorf("%s: first page lacks %q:\n%s", tc.lang, w, first)
			}
		}
		rest := flat(strings.Join(pgs[1:], " "))
		for _, w := range tc.later {
			if !strings.Contains(rest, w) {
				t.Errorf("%s: details lack %q", tc.lang, w)
			}
		}
	}
}

func TestCheckinPDFOfAFreshCheckin(t *testing.T) {
	c, err := workshop.NewCheckin(fixture.Nordrahti(), "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	text := flat(readBack(t, b.Bytes()))
	for _, w := range []string{"3.12.2026 jälkeen", "ei lukemaa", "Asiakkaiden vastauksia ei ole vielä kirjattu", "Sanamuodosta ei vielä päätetty", "Seuraavaa katsausta ei ole sovittu"} {
		if !strings.Contains(text, w) {
			t.Errorf("fresh check-in lacks %q", w)
		}
	}
	// An action done at the workshop (dated its day, as step 9 dates it) was
	// that day's news; one done since is this check-in's.
	w := fixture.Nordrahti()
	first, second := w.Actions[0].ID, w.Actions[1].ID
	if _, err := w.SetActionStatus(first, workshop.ActionDone, "", ""); err != nil || w.Action(first).StatusDate != w.Date {
		t.Fatalf("done at the workshop: %v %+v", err, w.Action(first))
	}
	c, err = workshop.NewCheckin(w, "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetActionStatus(second, workshop.ActionDone, "Tehty", ""); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := Write(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	page := flat(strings.Split(readBack(t, b.Bytes()), "\f")[0])
	if n := strings.Count(page, "Valmistui "); n != 1 || !strings.Contains(page, "Valmistui 10.3.2027") {
		t.Errorf("done since the workshop: %d rows, want the one of 10.3.2027:\n%s", n, page)
	}

	empty := workshop.NewSession("en")
	empty.Kind = workshop.SessionCheckin
	if err := Write(&bytes.Buffer{}, empty, Options{}); err != nil {
		t.Fatalf("an empty check-in: %v", err)
	}
}

func TestValidationKitHasThePromiseAndTheQuestions(t *testing.T) {
	w := fixture.Nordrahti()
	for _, tc := range []struct {
		kind, lang string
		pages      int
		want       []string
	}{
		{KitInterview, "fi", 1, []string{"Asiakashaastattelu", "ALUSTUS", "Tiedät aina, missä tavarasi menee", "Mitä tämä lupaus tarkoittaa sinulle? Kerro omin sanoin.",
			"Kuinka tärkeää tämä on sinulle, kun asioit kanssamme (1–5)? Miksi?", "Erottaako tämä meidät muista, joita olet käyttänyt (1–5)? Miten?", "Valitsisitko meidät tämän vuoksi?", "Milloin viimeksi koit"}},
		{KitInterview, "en", 1, []string{"Customer interview", "You always know where your goods are", "What does this promise mean to you? In your own words.", "Does this set us apart"}},
		{KitSurvey, "fi", 1, []string{"Lyhyt kysely", "Tiedät aina", "Kuinka tärkeää tämä on sinulle, kun asioit kanssamme (1–5)?", "Kiitos vastauksestasi!"}},
		{KitSurvey, "en", 1, []string{"A short survey", "You always know", "Thank you for your answer!"}},
	} {
		var b bytes.Buffer
		if err := WriteKit(&b, w, tc.kind, Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("LUPAUSPAJA_PDF_OUT"); dir != "" {
			os.WriteFile(dir+"/kit-"+tc.kind+"-"+tc.lang+".pdf", b.Bytes(), 0o644)
		}
		text := readBack(t, b.Bytes())
		if n := len(strings.Split(strings.TrimSuffix(text, "\f"), "\f")); n > tc.pages {
			t.Errorf("%s %s: %d pages, at most %d", tc.kind, tc.lang, n, tc.pages)
		}
		for _, want := range tc.want {
			if !strings.Contains(flat(text), want) {
				t.Errorf("%s %s lacks %q", tc.kind, tc.lang, want)
			}
		}
	}
	if err := WriteKit(&bytes.Buffer{}, w, "poster", Options{}); err == nil {
		t.Fatal("unknown kit document")
	}
	if err := WriteKit(&bytes.Buffer{}, workshop.NewSession("fi"), KitSurvey, Options{}); err != nil {
		t.Fatalf("kit without a promise: %v", err)
	}
}

// checkinWith is a fresh check-in of the example workshop with the answers
// added through the domain.
func checkinWith(t *testing.T, answers ...workshop.ValidationAnswer) *workshop.Session {
	t.Helper()
	c, err := workshop.NewCheckin(fixture.Nordrahti(), "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range answers {
		if _, err := c.AddAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// checkinPages are the check-in PDF's first page and the rest, as text.
func checkinPages(t *testing.T, c *workshop.Session, lang string) (first, rest string) {
	t.Helper()
	pgs := strings.Split(readBack(t, writePDF(t, c, lang)), "\f")
	return flat(pgs[0]), flat(strings.Join(pgs[1:], " "))
}

// A promise the customers rejected after it was validated is not shown as
// validated next to their scores below 3.
func TestCheckinPDFDoesNotCallARejectedPromiseValidated(t *testing.T) {
	good := workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 4, Differentiating: 4}
	c := checkinWith(t, good, good, good)
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone {
		t.Fatalf("three good answers: %+v", v)
	}
	if first, _ := checkinPages(t, c, "fi"); !strings.Contains(first, "Validointi: validoitu asiakkaiden kanssa") {
		t.Fatalf("validated, the first page says:\n%s", first)
	}
	bad := workshop.ValidationAnswer{Understood: workshop.UnderstoodNo, Meaningful: 1, Differentiating: 1, UnderstoodAs: "Rahtia jossain"}
	for range 3 {
		if _, err := c.AddAnswer(bad); err != nil {
			t.Fatal(err)
		}
	}
	for lang, want := range map[string][2]string{
		"fi": {"Asiakkaiden arvio jää alle 3:n: C2 Merkityksellinen, C3 Erottava.", "Validointi: validoidaan asiakkaiden kanssa"},
		"en": {"Customers rate it below 3: C2 Meaningful, C3 Differentiating.", "Validation: to be validated with customers"},
	} {
		first, _ := checkinPages(t, c, lang)
		for _, w := range want {
			if !strings.Contains(first, w) {
				t.Errorf("%s: the first page lacks %q:\n%s", lang, w, first)
			}
		}
		if strings.Contains(first, "Validointi: validoitu") || strings.Contains(first, "Validation: validated") {
			t.Errorf("%s: the first page calls it validated next to the scores below 3:\n%s", lang, first)
		}
	}
}

// The check-in's customer numbers and quotes are the answers about the
// wording now, the ones the verdict rests on; the answers about the wording
// before the revision are counted apart and marked in the answers table,
// and once the new wording is validated the PDF no longer says it is still
// to be validated.
func TestCheckinPDFCountsTheAnswersAboutTheWordingNow(t *testing.T) {
	old := workshop.ValidationAnswer{Understood: workshop.UnderstoodNo, Meaningful: 2, Differentiating: 2, Quote: "Ratkaisu? Mikä ratkaisu?"}
	c := checkinWith(t, old, old, old)
	if _, err := c.RevisePromise("Tiedät aina, missä tavarasi menee – ja kuulet muutoksista meiltä ensin.", "", "Asiakkaat eivät tienneet, mitä ratkaisu tarkoittaa", fixture.CheckinAt.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Juuri tätä odotan.", "", ""} {
		if _, err := c.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 4, Differentiating: 4, WouldChoose: workshop.BuyYes, Quote: q}); err != nil {
			t.Fatal(err)
		}
	}
	if v := c.ApplyValidation(); v.Status != workshop.ValidationDone {
		t.Fatalf("three answers about the new wording: %+v", v)
	}
	// No late actions: the first page has room for the quotes.
	for _, a := range c.Actions {
		if _, err := c.SetActionStatus(a.ID, workshop.ActionDropped, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		lang                 string
		first, rest, neither []string
	}{
		{"fi",
			[]string{"3 vastausta · C1 Ymmärrettävä 5,0 · C2 Merkityksellinen 4,0 · C3 Erottava 4,0 · Valitsisi meidät: 3 kyllä, 0 ehkä, 0 ei",
				"Vastauksista 3 koskee aiempaa sanamuotoa, eikä niitä lasketa nykyisen validointiin.", "”Juuri tätä odotan.”", "Validointi: validoitu asiakkaiden kanssa"},
			[]string{"C1 Ymmärrettävä 5,0 4,8", "C2 Merkityksellinen 4,0 5,0", "C3 Erottava 4,0 4,5", "Vastauksista 3 koskee aiempaa sanamuotoa", "Ratkaisu? Mikä ratkaisu?"},
			[]string{"6 vastausta", "C1 Ymmärrettävä 3,0", "validoidaan vielä"}},
		{"en",
			[]string{"3 answers · C1 Understandable 5.0 · C2 Meaningful 4.0 · C3 Differentiating 4.0", "3 of the answers are about an earlier wording and do not count towards validating this one.", "“Juuri tätä odotan.”"},
			[]string{"C1 Understandable 5.0 4.8", "3 of the answers are about an earlier wording"},
			[]string{"6 answers", "C1 Understandable 3.0", "still to be validated"}},
	} {
		first, rest := checkinPages(t, c, tc.lang)
		for _, w := range tc.first {
			if !strings.Contains(first, w) {
				t.Errorf("%s: the first page lacks %q:\n%s", tc.lang, w, first)
			}
		}
		for _, w := range tc.rest {
			if !strings.Contains(rest, w) {
				t.Errorf("%s: the details lack %q:\n%s", tc.lang, w, rest)
			}
		}
		for _, w := range tc.neither {
			if strings.Contains(first, w) || strings.Contains(rest, w) {
				t.Errorf("%s: the PDF says %q, of all the answers mixed", tc.lang, w)
			}
		}
		if strings.Contains(first, "Ratkaisu? Mikä ratkaisu?") {
			t.Errorf("%s: the first page quotes an answer about the earlier wording", tc.lang)
		}
		// Each answer about the earlier wording is marked in the table, besides the count.
		mark := map[string]string{"fi": "koskee aiempaa sanamuotoa", "en": "about an earlier wording"}[tc.lang]
		if n := strings.Count(rest, mark); n != 3+1 {
			t.Errorf("%s: %q %d times in the details, want 3 marks and the count", tc.lang, mark, n)
		}
	}
}

// A criterion nobody assessed is not reported below 3: the verdict says C1
// was not assessed and asks for whether the customer understood the promise.
func TestCheckinPDFSaysC1WasNotAssessed(t *testing.T) {
	a := workshop.ValidationAnswer{UnderstoodAs: "Kuulen muutoksista ensin", Meaningful: 5, Differentiating: 4}
	c := checkinWith(t, a, a, a)
	for lang, want := range map[string]string{
		"fi": "C1 ei arvioitu: merkitse vastauksiin, ymmärsikö asiakas lupauksen.",
		"en": "C1 not assessed: record in the answers whether the customer understood the promise.",
	} {
		first, rest := checkinPages(t, c, lang)
		for where, text := range map[string]string{"first page": first, "details' pages": rest} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q is not on the %s:\n%s", lang, want, where, text)
			}
			if strings.Contains(text, "alle 3:n") || strings.Contains(text, "below 3") {
				t.Errorf("%s: C1 is below 3 on the %s with nobody assessing it:\n%s", lang, where, text)
			}
		}
	}
}

// A check-in's report has no cover: its page 1, the summary, opens with
// the heading "3.12.2026 jälkeen" ("since", as the window says it) and has
// the footer every later page has; a workshop's cover still has none.
func TestCheckinPDFHeadingAndFootersFromPageOne(t *testing.T) {
	c := fixture.NordrahtiCheckin()
	for _, tc := range []struct{ lang, heading, footer string }{
		{"fi", "3.12.2026 jälkeen", "Nordrahti Oy · 10.3.2027"},
		{"en", "Since 3 Dec 2026", "Nordrahti Oy · 10 Mar 2027"},
	} {
		pgs := strings.Split(strings.TrimSuffix(readBack(t, writePDF(t, c, tc.lang)), "\f"), "\f")
		var lines []string
		for _, l := range strings.Split(pgs[0], "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) < 2 || lines[1] != tc.heading {
			t.Errorf("%s: page 1 opens %q, want the heading %q", tc.lang, lines[:min(2, len(lines))], tc.heading)
		}
		if strings.Contains(pgs[0], "Sitten") {
			t.Errorf("%s: page 1 still says Sitten", tc.lang)
		}
		for i, p := range pgs {
			page := fmt.Sprintf(wordsFor(tc.lang).Page, i+1, len(pgs))
			if f := flat(p); !strings.Contains(f, tc.footer) || !strings.HasSuffix(f, page) {
				t.Errorf("%s: page %d has no footer %q … %q:\n…%s", tc.lang, i+1, tc.footer, page, f[max(0, len(f)-120):])
			}
		}
	}
	var b bytes.Buffer
	if err := Write(&b, fixture.Nordrahti(), Options{}); err != nil {
		t.Fatal(err)
	}
	pgs := strings.Split(readBack(t, b.Bytes()), "\f")
	if strings.Contains(pgs[0], "sivu 1 /") || !strings.Contains(pgs[1], "sivu 2 /") {
		t.Errorf("workshop: the cover has a footer, or page 2 has none:\n%s\n---\n%s", pgs[0], pgs[1])
	}
}
