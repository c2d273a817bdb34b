package report

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// fiDate is how the Finnish report writes an ISO date.
func fiDate(iso string) string {
	var y, m, d int
	fmt.Sscanf(iso, "%d-%d-%d", &y, &m, &d)
	return fmt.Sprintf("%d.%d.%d", d, m, y)
}

func TestNordrahtiReadsBack(t *testing.T) {
	s := fixture.Nordrahti()
	s.PrivateNotes = map[string]string{"decision": "Yksityinen-huomio-7731: Markku epäröi"}
	text := pdfText(t, s, Options{})
	ft := flat(text)

	for _, want := range []string{s.Organisation, s.Title, flat(s.Decision.FinalText), "Yhteenveto", "Seuraavat askeleet", "Kuka tekee mitä"} {
		if !strings.Contains(ft, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, p := range s.Participants {
		if !strings.Contains(ft, p.Name) {
			t.Errorf("participant %q missing", p.Name)
		}
	}
	for _, a := range s.Actions {
		owner := s.PersonName(a.OwnerID, a.OwnerName)
		if owner == "" || !strings.Contains(ft, owner) {
			t.Errorf("action %s: owner %q missing", a.ID, owner)
		}
		if a.Due == "" || !strings.Contains(ft, fiDate(a.Due)) {
			t.Errorf("action %s: due date %q missing", a.ID, a.Due)
		}
	}
	for _, m := range s.Measures {
		if m.Target == "" || !strings.Contains(ft, flat(m.Target)) {
			t.Errorf("measure %s: target %q missing", m.ID, m.Target)
		}
	}
	if strings.Contains(ft, "Yksityinen-huomio-7731") {
		t.Error("a private note is in the PDF")
	}
}

func TestSmallSessionDetails(t *testing.T) {
	s := small()
	text := pdfText(t, s, Options{})
	ft := flat(text)
	for _, want := range []string{
		"Åströmin Särkät Oy", "Säde Björkqvist", "Åke Öhman", "Jürgen Łukasz", "Öljy-Päivi Ström",
		"Örjan Vähä-Äijälä", "Kirsi Ääpälä", // owners who were not in the room
		flat(s.Decision.FinalText), flat(s.Decision.FinalTextAlt),
		"97,5 %", "+35", "29.1.2027", "12.2.2027", "1.3.2027",
		"EI VASTUUHENKILÖÄ", "EI PÄIVÄÄ", // an action without owner, one without a date
		"Lupausta ei ole vielä validoitu asiakkaiden kanssa",
		"Asiakas mukana työpajassa",
		"OLETUS",  // the assumption is marked
		"nimetön", // the draft without authors
		"Kuljettajat eivät ehdi.",
	} {
		if !strings.Contains(ft, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(ft, "SALAINEN-MUISTIINPANO") {
		t.Error("a private note is in the PDF")
	}
	// The summary keeps the rationale to three sentences; the rest is in
	// the detail section, so the fourth sentence appears exactly once.
	if n := strings.Count(ft, "Neljäs lause"); n != 1 {
		t.Errorf("fourth sentence of the rationale appears %d times, want 1 (detail only)", n)
	}
}

func TestValidatedPromiseHasNoWarning(t *testing.T) {
	s := small()
	s.Decision.ValidationStatus = workshop.ValidationDone
	if ft := flat(pdfText(t, s, Options{})); strings.Contains(ft, "ei ole vielä validoitu") {
		t.Error("warning shown for a validated promise")
	}
}

func TestEnglishHeadings(t *testing.T) {
	s := fixture.Nordrahti()
	ft := flat(pdfText(t, s, Options{Lang: "en"}))
	for _, want := range []string{"VALUE PROMISE WORKSHOP SUMMARY", "Summary", "Where we stand", "The customer", "How we chose",
		"The promise in practice", "How we measure it", "Next steps", "Who does what", "Appendix", "page 2 /",
		flat(s.Decision.FinalTextAlt)} {
		if !strings.Contains(ft, want) {
			t.Errorf("English PDF lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Yhteenveto", "Seuraavat askeleet", "Miten mittaamme", "sivu 2 /"} {
		if strings.Contains(ft, unwanted) {
			t.Errorf("English PDF has the Finnish heading %q", unwanted)
		}
	}
}

func TestPageNumbersCountAllPages(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, fixture.Nordrahti(), Options{}); err != nil {
		t.Fatal(err)
	}
	n := pages(t, buf.Bytes())
	ft := flat(readBack(t, buf.Bytes()))
	for _, want := range []string{"sivu 2 / " + n, "sivu " + n + " / " + n} {
		if !strings.Contains(ft, want) {
			t.Errorf("no %q in a %s-page PDF", want, n)
		}
	}
}

func TestEmptySessionIsOnePageSayingWhatIsMissing(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		s := workshop.NewSession(lang)
		var buf bytes.Buffer
		if err := Write(&buf, s, Options{}); err != nil {
			t.Fatal(err)
		}
		if n := pages(t, buf.Bytes()); n != "1" {
			t.Errorf("%s: empty session gives %s pages, want 1", lang, n)
		}
		ft := flat(readBack(t, buf.Bytes()))
		want := map[string][]string{
			"fi": {"Työpaja on vielä kesken", "VIELÄ PUUTTUU", "sovittu lupaus", "mittarit", "osallistujat"},
			"en": {"The workshop is not finished yet", "STILL MISSING", "the agreed promise", "measures", "participants"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(ft, w) {
				t.Errorf("%s: empty-session PDF lacks %q", lang, w)
			}
		}
	}
}

func TestHalfwaySessionShowsLeadingDraft(t *testing.T) {
	s := small()
	s.Decision = workshop.Decision{}
	s.Consent = nil
	ft := flat(pdfText(t, s, Options{}))
	for _, want := range []string{"Lupausta ei ole vielä päätetty.", "Kala perillä aamuseitsemältä – aina.", "Yhteisymmärrystä ei ole vielä kysytty."} {
		if !strings.Contains(ft, want) {
			t.Errorf("half-way PDF lacks %q", want)
		}
	}
}

func TestFileName(t *testing.T) {
	s := small()
	if got, want := FileName(s), "Astromin-Sarkat-Oy-arvolupaus-2026-11-20.pdf"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	s.Organisation = " ../ <Ål/ands> \x00 Åb 🚚 "
	s.Language = "en"
	s.Date = "not a date"
	if got, want := FileName(s), "Al-ands-Ab-value-promise.pdf"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	if got := FileName(nil); got != "arvolupaus.pdf" {
		t.Errorf("FileName(nil) = %q", got)
	}
	if got := FileName(fixture.Nordrahti()); got != "Nordrahti-Oy-arvolupaus-2026-12-03.pdf" {
		t.Errorf("FileName(Nordrahti) = %q", got)
	}
	ci := fixture.Nordrahti()
	ci.Kind, ci.Date = workshop.SessionCheckin, "2027-03-10"
	if got := FileName(ci); got != "Nordrahti-Oy-seuranta-2027-03-10.pdf" {
		t.Errorf("a check-in's FileName = %q", got)
	}
	ci.Language = "en"
	if got := FileName(ci); got != "Nordrahti-Oy-check-in-2027-03-10.pdf" {
		t.Errorf("an English check-in's FileName = %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	s := fixture.Nordrahti()
	if err := Write(&a, s, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, s, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same session gives different PDF bytes")
	}
}

func TestNilSession(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("Write(nil) gave no error")
	}
}

// Every report string exists in both languages and uses only characters
// the embedded font can draw.
func TestWordsComplete(t *testing.T) {
	for lang, w := range map[string]*words{"fi": &fi, "en": &en} {
		v := reflect.ValueOf(*w)
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			name := v.Type().Field(i).Name
			var texts []string
			switch f.Kind() {
			case reflect.String:
				texts = []string{f.String()}
			case reflect.Slice:
				if f.Len() == 0 {
					t.Errorf("%s.%s is empty", lang, name)
				}
				for j := 0; j < f.Len(); j++ {
					texts = append(texts, f.Index(j).Index(0).String(), f.Index(j).Index(1).String())
				}
			}
			for _, s := range texts {
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s.%s is empty", lang, name)
				}
				if clean(s) != s {
					t.Errorf("%s.%s %q has characters the font cannot draw", lang, name, s)
				}
			}
		}
	}
}

// The GUI may export while another export runs; documents share only the
// font bytes, which must stay untouched.
func TestConcurrentWrites(t *testing.T) {
	var want bytes.Buffer
	if err := Write(&want, small(), Options{}); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	outs := make(chan []byte, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var b bytes.Buffer
			errs <- Write(&b, small(), Options{})
			outs <- b.Bytes()
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(<-outs, want.Bytes()) {
			t.Error("a concurrent export differs from a lone one")
		}
	}
}

// A wording the room has not consented to is a proposal, not "agreed".
func TestPromiseIsAgreedOnlyWithConsent(t *testing.T) {
	s := fixture.Nordrahti()
	if ft := strings.ToLower(flat(pdfText(t, s, Options{}))); !strings.Contains(ft, "sovittu asiakaslupaus") || strings.Contains(ft, "lupausehdotus") {
		t.Fatal("the example reached consent: its promise is agreed")
	}
	s.Consent[0].Fingers = 1
	ft := strings.ToLower(flat(pdfText(t, s, Options{})))
	if strings.Contains(ft, "sovittu asiakaslupaus") || !strings.Contains(ft, "lupausehdotus") {
		t.Fatal("a promise without consent is headed as agreed")
	}
}
