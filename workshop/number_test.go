package workshop_test

import (
	"errors"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Each way a number is written in a measure's text: the Finnish minus (an
// en dash, as typography and Word's autocorrect write it) and thousands
// grouped by spaces read as meant; what could be read two ways is refused
// with why, never read as something else.
func TestReadNumberReadsFinnishTypographyAndRefusesWhatIsAmbiguous(t *testing.T) {
	for in, want := range map[string]float64{
		// as before
		"54": 54, "4,1": 4.1, "92 %": 92, "NPS -12": -12, "+35": 35, "1.5 pv": 1.5, "\u22123": -3, "92.": 92,
		"21 (-100…+100)": 21, "5,2 (1-7)": 5.2, "-12": -12,
		// an en dash before the digits is a minus
		"\u201312": -12, "NPS \u201312": -12, "(\u201312)": -12, "NPS: \u20134,5": -4.5, "\u22121 234": -1234,
		// thousands in groups of three: a space, a no-break space, a narrow
		// no-break space, a thin space
		"1 234": 1234, "1\u00a0234": 1234, "1\u202f234": 1234, "1\u2009234": 1234, "12 345 678": 12345678,
		"\u20131 234,5": -1234.5, "1 234.5": 1234.5, "5 000 €": 5000, "1 234 asiakasta": 1234,
	} {
		v, err := workshop.ReadNumber(in)
		if err != nil || v != want {
			t.Errorf("%q: %v %v, want %v", in, v, err, want)
		}
		if p, ok := workshop.ParseNumber(in); !ok || p != want {
			t.Errorf("ParseNumber(%q): %v %v", in, p, ok)
		}
	}
	for in, problem := range map[string]string{
		"1 23": workshop.NumberGrouping, "1234 567": workshop.NumberGrouping, "1 2345": workshop.NumberGrouping,
		"1  234": workshop.NumberGrouping, "1\u00a023": workshop.NumberGrouping, "1.234,5": workshop.NumberGrouping,
		"1,234.5": workshop.NumberGrouping, "4,5 678": workshop.NumberGrouping,
		"\u2013 12": workshop.NumberSign, "- 12": workshop.NumberSign, "NPS \u2013 12": workshop.NumberSign,
		"NPS\u201312": workshop.NumberSign, "\u201412": workshop.NumberSign,
		"10\u201312": workshop.NumberRange, "10 - 12": workshop.NumberRange, "5 000\u20136 000": workshop.NumberRange, "2026-12-03": workshop.NumberRange,
	} {
		_, err := workshop.ReadNumber(in)
		var ne *workshop.NumberError
		if !errors.As(err, &ne) || ne.Problem != problem {
			t.Errorf("%q: %v, want it refused as %s", in, err, problem)
			continue
		}
		if _, ok := workshop.ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) read it", in)
		}
	}
	for in, want := range map[string]error{"": workshop.ErrNoNumber, "ei mitattu": workshop.ErrNoNumber, "\u2013": workshop.ErrNoNumber,
		"1.2.3": workshop.ErrNotANumber, "3.12.2026": workshop.ErrNotANumber} {
		if _, err := workshop.ReadNumber(in); !errors.Is(err, want) {
			t.Errorf("%q: %v, want %v", in, err, want)
		}
	}
}

// An NPS whose baseline is typed "–12" (an en dash) is below zero: a
// reading of –15 is off track, not "target reached" as when the baseline
// read as +12; a reading that could be read two ways is refused with the
// reason, the field naming it.
func TestAMeasureWithAnEnDashBaselineAndGroupedReadings(t *testing.T) {
	c, err := workshop.NewCheckin(fixture.Nordrahti(), "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.AddMeasure("Suositteluhalukkuus", workshop.MeasureNPS, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetMeasureField(m.ID, "baseline", "\u201312"); err != nil {
		t.Fatal(err)
	}
	if err := c.SetMeasureField(m.ID, "target", "10"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddReading(m.ID, "\u201315", "2027-03-01", ""); err != nil {
		t.Fatal(err)
	}
	if tr := c.MeasureTrack(m.ID); tr.Status != workshop.TrackOff || tr.Trend != -1 {
		t.Fatalf("NPS –12 → –15 toward 10: %s, trend %d", tr.Status, tr.Trend)
	}
	if _, err := c.AddReading(m.ID, "\u20134", "", ""); err != nil {
		t.Fatal(err)
	}
	if tr := c.MeasureTrack(m.ID); tr.Status == workshop.TrackReached || tr.Trend != 1 {
		t.Fatalf("NPS –12 → –4 toward 10: %s, trend %d", tr.Status, tr.Trend)
	}

	sales, err := c.AddMeasure("Tilaukset", workshop.MeasureOperational, "", "")
	if err != nil {
		t.Fatal(err)
	}
	c.SetMeasureField(sales.ID, "baseline", "1 200")
	c.SetMeasureField(sales.ID, "target", "2 000")
	if _, err := c.AddReading(sales.ID, "1\u00a0650", "", ""); err != nil {
		t.Fatal(err)
	}
	if tr := c.MeasureTrack(sales.ID); tr.Status == workshop.TrackUnknown || tr.Progress < 0.56 || tr.Progress > 0.57 {
		t.Fatalf("1 200 → 1 650 toward 2 000: %s %.3f", tr.Status, tr.Progress)
	}
	for value, field := range map[string]string{"1 65": "value_grouping", "\u2013 5": "value_sign", "1 600\u20131 700": "value_range", "paljon": "value_number"} {
		var ie *workshop.InputError
		if _, err := c.AddReading(sales.ID, value, "", ""); !errors.As(err, &ie) || ie.Field != field {
			t.Errorf("%q: %v, want it refused as %s", value, err, field)
		}
	}
	if n := len(c.ReadingsOf(sales.ID)); n != 1 {
		t.Fatalf("%d readings, the refused ones are not recorded", n)
	}
}
