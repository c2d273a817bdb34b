package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"lupauspaja/workshop"
)

// crowded is the small session with more profile items than the customer
// section shows: five pains of the focus segment, and a segment that is
// not a focus with items of its own.
func crowded() *workshop.Session {
	s := small()
	s.Segments = append(s.Segments, workshop.Segment{ID: "s2", Name: "Kalatukut", Description: "Pienet tukkurit."})
	for i := 1; i <= 5; i++ {
		ev := workshop.EvidenceCustomerSaid
		if i == 5 {
			ev = workshop.EvidenceAssumption
		}
		s.ProfileItems = append(s.ProfileItems, workshop.ProfileItem{
			ID: fmt.Sprintf("k%d", i), SegmentID: "s1", Type: workshop.ItemPain,
			Text: fmt.Sprintf("Lisäkipu-%d jäätyneet laatikot", i), Importance: 1, Evidence: ev,
		})
	}
	s.ProfileItems = append(s.ProfileItems,
		workshop.ProfileItem{ID: "t1", SegmentID: "s2", Type: workshop.ItemJob, Text: "Tukkurin-tehtävä myydä eteenpäin", Importance: 2, JobKind: "social", Evidence: workshop.EvidenceAssumption},
		workshop.ProfileItem{ID: "t2", SegmentID: "gone", Type: workshop.ItemGain, Text: "Orpo-hyöty ilman segmenttiä", Importance: 1, Evidence: workshop.EvidenceObservation},
	)
	return s
}

// Everything typed into the customer profile is in the PDF: the customer
// section shows the top three of each type and says how many more there
// are, and the appendix lists the whole profile, the segments that are not
// a focus and items of no known segment included.
func TestProfileItemsBeyondTheTopThreeAreInTheAppendix(t *testing.T) {
	s := crowded()
	for _, lang := range []string{"fi", "en"} {
		ft := flat(pdfText(t, s, Options{Lang: lang}))
		for _, it := range s.ProfileItems {
			if !strings.Contains(ft, flat(it.Text)) {
				t.Errorf("%s: profile item %q is not in the PDF", lang, it.Text)
			}
		}
		more, whole := "+3 muuta – ks. liite", "Asiakasprofiili kokonaan"
		if lang == "en" {
			more, whole = "+3 more – see the appendix", "The whole customer profile"
		}
		// Six pains in the focus segment: three shown, three more.
		if !strings.Contains(ft, more) {
			t.Errorf("%s: no %q pointer for the pains beyond the top three", lang, more)
		}
		if !strings.Contains(ft, whole) {
			t.Errorf("%s: the appendix has no %q", lang, whole)
		}
		// A pain beyond the top three is in the appendix only; one of the
		// top three is in the customer section and again in the appendix.
		if n := strings.Count(ft, "Lisäkipu-5"); n != 1 {
			t.Errorf("%s: a pain beyond the top three appears %d times, want 1 (the appendix)", lang, n)
		}
		if n := strings.Count(ft, "Lisäkipu-1"); n != 2 {
			t.Errorf("%s: a pain of the top three appears %d times, want 2 (section and appendix)", lang, n)
		}
	}
}

// The count of assumptions under the customer section is of the items it
// shows; the whole profile's count is given beside it.
func TestAssumptionCountIsOfTheItemsShown(t *testing.T) {
	s := crowded()
	ft := flat(pdfText(t, s, Options{}))
	// Shown: the job and the top three pains of s1 (one assumption) and the
	// item of no known segment; the whole profile: 9 items, 3 assumptions
	// (i2, k5, t1).
	want := "Näytetyistä 1 / 5 kohdasta perustuu oletukseen, koko profiilista 3 / 9."
	if !strings.Contains(ft, want) {
		t.Errorf("PDF lacks %q", want)
	}
	if strings.Contains(ft, "3 / 9 asiakasprofiilin kohdasta perustuu oletukseen") {
		t.Error("the customer section counts assumptions it does not show")
	}
	// With every item shown, the count is simply of them all.
	ft = flat(pdfText(t, small(), Options{}))
	if !strings.Contains(ft, "1 / 2 asiakasprofiilin kohdasta perustuu oletukseen") {
		t.Error("the small session's assumption count is missing")
	}
}

// A measure's touchpoint, the raters' comments and the drafts' Moore
// scaffolds, the drafts' other-language wording, segments and sources are
// all in the PDF.
func TestTouchpointsCommentsAndMooreScaffoldsAreInThePDF(t *testing.T) {
	s := small()
	s.Measures[0].Touchpoint = "Kosketuspiste-aamutoimitus"
	s.Ratings[0].Comment = "Arviokommentti-7 hyvä mutta kallis"
	s.Drafts[0].TextAlt = "Fish by seven-alt, always."
	s.Drafts[0].SegmentIDs = []string{"s1"}
	s.Drafts[0].BasedOn = []string{"i2"}
	s.Drafts[1].Moore = &workshop.Moore{For: "Moore-kenelle ravintoloille", Need: "Moore-tarve tuore kala", Benefit: "Moore-hyöty aamulla",
		Unlike: "Moore-vaihtoehto tukkurit", Differentiator: "Moore-ero soitamme ensin"}
	for _, lang := range []string{"fi", "en"} {
		ft := flat(pdfText(t, s, Options{Lang: lang}))
		for _, want := range []string{
			"Kosketuspiste-aamutoimitus", "Arviokommentti-7 hyvä mutta kallis", "Säde Björkqvist",
			"Moore-kenelle ravintoloille", "Moore-tarve tuore kala", "Moore-hyöty aamulla", "Moore-vaihtoehto tukkurit", "Moore-ero soitamme ensin",
		} {
			if !strings.Contains(ft, want) {
				t.Errorf("%s: PDF lacks %q", lang, want)
			}
		}
		label := map[string]string{"fi": "Kohtaaminen: Kosketuspiste", "en": "Touchpoint: Kosketuspiste"}[lang]
		if !strings.Contains(ft, label) {
			t.Errorf("%s: the touchpoint is not labelled %q", lang, label)
		}
	}
	ft := flat(pdfText(t, s, Options{}))
	for _, want := range []string{"Englanniksi: Fish by seven-alt, always.", "Segmentit: Ravintolat", "Perustuu: Myöhästymiset"} {
		if !strings.Contains(ft, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// Halves round away from zero in the PDF as in the window: a criterion
// mean of 4,25 is 4,3, and 4,75 is 4,8.
func TestPDFScoresRoundHalvesAwayFromZero(t *testing.T) {
	s := small()
	s.Participants = append(s.Participants, workshop.Participant{ID: "p4", Name: "Neljäs Arvioija", Kind: workshop.KindEmployee})
	// d2's C1 scores 5, 4, 4, 4 (mean 4,25), C2 5, 5, 5, 4 (4,75).
	s.Ratings = []workshop.Rating{
		{ParticipantID: "p1", DraftID: "d2", Scores: [8]int{5, 5, 1, 1, 1, 1, 1, 1}},
		{ParticipantID: "p2", DraftID: "d2", Scores: [8]int{4, 5, 1, 1, 1, 1, 1, 1}},
		{ParticipantID: "p3", DraftID: "d2", Scores: [8]int{4, 5, 1, 1, 1, 1, 1, 1}},
		{ParticipantID: "p4", DraftID: "d2", Scores: [8]int{4, 4, 1, 1, 1, 1, 1, 1}},
	}
	for lang, want := range map[string][]string{"fi": {"4,3", "4,8"}, "en": {"4.3", "4.8"}} {
		ft := flat(pdfText(t, s, Options{Lang: lang}))
		for _, w := range want {
			if !strings.Contains(ft, " "+w+" ") {
				t.Errorf("%s: the heatmap lacks %q", lang, w)
			}
		}
		for _, bad := range []string{"4,2 ", "4.2 "} {
			if strings.Contains(ft, " "+bad) {
				t.Errorf("%s: 4.25 is written %q (half to even)", lang, bad)
			}
		}
	}
}

// Quotations use the language's marks: ”…” in Finnish, “…” in English.
func TestQuotationMarksFollowTheLanguage(t *testing.T) {
	s := small()
	s.Baseline.ExistingPromise = "Vanha-lupaus tuoreesta kalasta"
	s.Ladder[0].Note = "Portaan-huomio kuljettajista"
	fi := flat(pdfText(t, s, Options{}))
	for _, want := range []string{"”Vanha-lupaus tuoreesta kalasta”", "Säde Björkqvist: ”Portaan-huomio kuljettajista”", "”Kala on keittiössäsi"} {
		if !strings.Contains(fi, want) {
			t.Errorf("Finnish PDF lacks %q", want)
		}
	}
	if strings.Contains(fi, "“") {
		t.Error("the Finnish PDF has an English opening quotation mark “")
	}
	en := flat(pdfText(t, s, Options{Lang: "en"}))
	for _, want := range []string{"“Vanha-lupaus tuoreesta kalasta”", "“The fish is in your kitchen"} {
		if !strings.Contains(en, want) {
			t.Errorf("English PDF lacks %q", want)
		}
	}
}

// A baseline and a target are shown with the measure's unit on the
// summary page and in the measures section: 22 and 90 of a "%" measure are
// "22 %" and "90 %", never a bare "22 → 90".
func TestMeasureValuesCarryTheirUnit(t *testing.T) {
	s := small()
	s.Measures[0].Baseline, s.Measures[0].Target, s.Measures[0].Scale = "22", "90", "%"
	s.Measures[1].Baseline, s.Measures[1].Target, s.Measures[1].Scale = "4,1", "5,8", "1-7 (1 = täysin eri mieltä)"
	for lang, want := range map[string][]string{
		"fi": {"22 %", "90 %", "4,1 (1-7)", "5,8 (1-7)"},
		"en": {"22%", "90%", "4,1 (1-7)", "5,8 (1-7)"},
	} {
		ft := flat(pdfText(t, s, Options{Lang: lang}))
		for _, w := range want {
			// Once on the summary page, once in the measures section.
			if n := strings.Count(ft, w); n < 2 {
				t.Errorf("%s: %q appears %d times, want it on the summary and in the measures section", lang, w, n)
			}
		}
	}
}

// A table cell breaks a hyphenated name at its hyphen, and cuts inside a
// word only when the word cannot fit a line on its own: no piece of
// "Vähä-Mäkelä-Kivimäki" in the measures' narrow owner column is a part
// of a word ("Mäke" / "lä").
func TestTableCellsBreakAtSpacesAndHyphens(t *testing.T) {
	s := small()
	s.Measures[0].OwnerID = ""
	s.Measures[0].OwnerName = "Anna-Kaisa Vähä-Mäkelä-Kivimäki"
	s.Measures[0].Frequency = "Kerran-kuussa"
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{}); err != nil {
		t.Fatal(err)
	}
	words, _, _, _ := wordBoxes(t, buf.Bytes())
	wholes := []string{"Anna", "Kaisa", "Vähä", "Mäkelä", "Kivimäki", "Kerran", "kuussa"}
	found := map[string]int{}
	for _, w := range words {
		for _, part := range strings.Split(strings.Trim(w, ".,:;()"), "-") {
			for _, whole := range wholes {
				if part == whole {
					found[whole]++
				} else if len([]rune(part)) >= 2 && (strings.HasPrefix(whole, part) || strings.HasSuffix(whole, part)) {
					t.Errorf("%q is cut: the PDF has the piece %q (in %q)", whole, part, w)
				}
			}
		}
	}
	for _, whole := range wholes {
		if found[whole] == 0 {
			t.Errorf("no whole %q in the PDF", whole)
		}
	}
}

// wrap keeps a hyphenated word whole when it fits a line alone, breaks it
// after a hyphen when it does not, and cuts between letters only a part
// that cannot fit a line on its own.
func TestWrapBreaksAfterHyphensBeforeCuttingWords(t *testing.T) {
	d := measuring()
	d.font("", 8.5, ink)
	name := "Vähä-Mäkelä"
	w := d.pdf.GetStringWidth(name) + 0.5
	if got := d.wrap("Anna "+name, w); len(got) != 2 || got[1] != name {
		t.Errorf("wrap(%q, fits alone) = %q, want the name whole on the second line", "Anna "+name, got)
	}
	narrow := max(d.pdf.GetStringWidth("Mäkelä-"), d.pdf.GetStringWidth("Kivimäki")) + 0.5
	got := d.wrap("Vähä-Mäkelä-Kivimäki", narrow)
	if strings.Join(got, "|") != "Vähä-|Mäkelä-|Kivimäki" {
		t.Errorf("wrap at hyphens = %q, want [Vähä- Mäkelä- Kivimäki]", got)
	}
	// The minus of a number is not a place to break.
	if p := hyphenParts("-100…+100"); len(p) != 1 {
		t.Errorf("hyphenParts(-100…+100) = %q", p)
	}
	// A part wider than the line is still cut so that nothing runs off.
	long := strings.Repeat("ä", 80)
	got = d.wrap("Ylä-"+long, 30)
	for _, l := range got {
		if lw := d.pdf.GetStringWidth(l); lw > 30 {
			t.Errorf("line %q is %.1f mm, over 30", l, lw)
		}
	}
	if got[0] != "Ylä-" {
		t.Errorf("the long word's first line is %q, want the part before the hyphen", got[0])
	}
}

// Shares are written the language's way: "27 %" in Finnish, "27%" in
// English; the ladder's two thirds is 67, one third 33.
func TestPercentagesFollowTheLanguage(t *testing.T) {
	s := small()
	fi := flat(pdfText(t, s, Options{}))
	for _, want := range []string{"2 (67 %)", "1 (33 %)", "27 %"} {
		if !strings.Contains(fi, want) {
			t.Errorf("Finnish PDF lacks %q", want)
		}
	}
	en := flat(pdfText(t, s, Options{Lang: "en"}))
	for _, want := range []string{"2 (67%)", "1 (33%)", "27%"} {
		if !strings.Contains(en, want) {
			t.Errorf("English PDF lacks %q", want)
		}
	}
}
