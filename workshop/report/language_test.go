package report

import (
	"strings"
	"testing"

	"lupauspaja/workshop/fixture"
)

// A Finnish workshop switched to English in setup: the English PDF shows the
// English promise as the agreed one and the Finnish under "In Finnish".
func TestPDFAfterSwitchingTheWorkshopToEnglish(t *testing.T) {
	s := fixture.Nordrahti()
	fi, en := s.Decision.FinalText, s.Decision.FinalTextAlt
	if err := s.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	ft := flat(pdfText(t, s, Options{Lang: "en"}))
	iEn, iFi := strings.Index(ft, flat(en)), strings.Index(ft, "In Finnish")
	if iEn < 0 || iFi < 0 || iEn > iFi {
		t.Fatalf("English promise at %d, \"In Finnish\" at %d", iEn, iFi)
	}
	if !strings.Contains(ft[iFi:], flat(fi)) {
		t.Error("the Finnish wording is not under \"In Finnish\"")
	}
	if strings.Contains(ft, "In English") {
		t.Error("the English PDF labels a text \"In English\"")
	}
}
