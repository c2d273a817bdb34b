package workshop_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/report"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

// hostileTexts are what a room full of people, a clipboard or a hand-edited
// session file can put into a text field.
var hostileTexts = map[string]string{
	"empty":             "",
	"whitespace only":   " \t\n\u00a0\u3000 ",
	"100 kB":            strings.Repeat("Äänekosken öljynpuristamo ", 4000),
	"emoji":             "Lupaus 🚚📦 👩‍👩‍👧‍👦 🇫🇮 👍🏽",
	"control chars":     "a\x00b\x01c\x1b[31md\x7fe\r\n\tf\u2028g",
	"right-to-left":     "\u202eوعد العملاء שלום עולם\u202c abc",
	"combining":         "e\u0301\u0308\u0336 Z\u0335\u0321\u0322a\u0337l\u0338g\u0334o",
	"sql":               "'); DROP TABLE sessions; -- \" OR 1=1; /*",
	"html":              "<script>alert('x')</script><b>&amp;</b><!--",
	"long word":         strings.Repeat("Lentokonesuihkuturbiinimoottoriapumekaanikko", 500),
	"percent and verbs": "%s %d %!x %v {{.Detail}} \\n",
	"date wrong format": "3.12.2026",
	"date not a day":    "2026-02-30",
	"date far":          "99999-12-31",
	"invalid utf-8":     "ab\xffcd\xed\xa0\x80",
	"too long":          strings.Repeat("ö", workshop.MaxTextBytes/2+1),
}

// hostileNumbers go into every number field.
var hostileNumbers = map[string]int{
	"negative": -1, "most negative": -1 << 62, "huge": 1 << 40, "just above": 6, "thousand": 1000, "zero": 0,
}

// leaf is one settable text or number field of a session, found by reflection.
type leaf struct {
	path string
	get  func() reflect.Value
	set  func(reflect.Value)
	kind reflect.Kind
}

// leaves lists every string and int field of the session, going into the
// first item of every list, every element of arrays and every map value, so
// that a field added to the model later is tested without editing this file.
func leaves(s *workshop.Session) []leaf {
	var out []leaf
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String, reflect.Int:
			out = append(out, leaf{path: path, get: func() reflect.Value { return v }, set: v.Set, kind: v.Kind()})
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(time.Time{}) {
				return
			}
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() || f.Tag.Get("json") == "-" {
					continue
				}
				walk(v.Field(i), path+"."+f.Name)
			}
		case reflect.Slice:
			if v.Len() > 0 {
				walk(v.Index(0), path+"[0]")
			}
		case reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
			for _, k := range keys {
				m, k := v, k
				out = append(out, leaf{path: fmt.Sprintf("%s[%s]", path, k),
					get: func() reflect.Value { return m.MapIndex(k) }, set: func(x reflect.Value) { m.SetMapIndex(k, x) },
					kind: v.Type().Elem().Kind()})
			}
		}
	}
	walk(reflect.ValueOf(s).Elem(), "session")
	return out
}

// hostileBase is a small but whole session with one item in every list,
// every optional part present (a Moore scaffold, private notes, concerns,
// rejections), so that every field exists once.
func hostileBase() *workshop.Session {
	s := fixture.Nordrahti()
	s.Participants, s.Segments = s.Participants[:2], s.Segments[:1]
	s.Agenda = s.Agenda[:2]
	s.Ladder = s.Ladder[:1]
	s.ProfileItems = s.ProfileItems[:1]
	s.ValueItems = s.ValueItems[:1]
	s.ValueItems[0].Addresses = []string{s.ProfileItems[0].ID}
	s.ValueItems[0].SegmentID = s.ProfileItems[0].SegmentID
	for _, d := range s.Drafts {
		if d.Moore != nil {
			s.Drafts = []workshop.Draft{d}
			break
		}
	}
	d := &s.Drafts[0]
	d.AuthorIDs, d.SegmentIDs, d.BasedOn, d.ParentID = []string{s.Participants[0].ID}, []string{s.ProfileItems[0].SegmentID}, []string{s.ProfileItems[0].ID}, ""
	d.TextAlt = "In English"
	s.DotVotes = []workshop.DotVote{{ParticipantID: s.Participants[0].ID, DraftID: d.ID, Dots: 1}}
	s.Ratings = []workshop.Rating{{ParticipantID: s.Participants[0].ID, DraftID: d.ID, Scores: [workshop.NumCriteria]int{5, 4, 3, 2, 1, 5, 4, 3}, Comment: "Hyvä"}}
	s.Consent = s.Consent[:1]
	s.Consent[0].Concern = "Huoli"
	s.Decision.ChosenDraftID = d.ID
	s.Decision.Rejected = nil
	s.Decision.OpenConcerns = []string{"Huoli"}
	s.Decision.FinalTextAlt = "In English"
	s.Measures = s.Measures[:1]
	s.Measures[0].OwnerID = s.Participants[0].ID
	s.Actions = s.Actions[:1]
	s.Actions[0].OwnerID = s.Participants[1].ID
	s.Actions[0].MeasureID = s.Measures[0].ID
	s.Alternatives, s.ParkingLot = s.Alternatives[:1], s.ParkingLot[:1]
	s.PrivateNotes = map[string]string{workshop.StepDecision: "Vain minulle"}
	if err := s.Validate(); err != nil {
		panic(fmt.Sprintf("hostile base: %v", err))
	}
	return s
}

// hostileCase is one value in one field.
type hostileCase struct {
	field, value string
	set          reflect.Value
}

// TestHostileInputInEveryField puts each hostile text into each text field
// and each hostile number into each number field of a whole session, in
// turn. Each session is either refused by validation with a one-line
// message naming the field, or stored exactly (store and session file round
// trip byte for byte); free-text fields take every text that is valid UTF-8
// and not too long. The PDF is written for every one, valid or not.
func TestHostileInputInEveryField(t *testing.T) {
	base := hostileBase()
	st := testkit.Store(t)
	fields := leaves(base)
	var refused, stored int
	for i, f := range fields {
		// A free-text field is one that takes ordinary text.
		free := false
		if f.kind == reflect.String {
			s := workshop.Clone(base)
			leaves(s)[i].set(reflect.ValueOf("Tavallinen teksti ✓\nToinen rivi, joka on pidempi kuin yksikään tunniste: " + strings.Repeat("x", 80)))
			free = s.Validate() == nil
		}
		var cases []hostileCase
		if f.kind == reflect.String {
			for name, v := range hostileTexts {
				cases = append(cases, hostileCase{f.path, name, reflect.ValueOf(v)})
			}
		} else {
			for name, v := range hostileNumbers {
				cases = append(cases, hostileCase{f.path, name, reflect.ValueOf(v)})
			}
		}
		sort.Slice(cases, func(a, b int) bool { return cases[a].value < cases[b].value })
		for _, c := range cases {
			s := workshop.Clone(base)
			leaves(s)[i].set(c.set)
			verr := s.Validate()
			var ve *workshop.ValidationError
			if verr != nil {
				if !errors.As(verr, &ve) || ve.Field == "" || strings.ContainsAny(verr.Error(), "\n\r") || len(verr.Error()) > 400 {
					t.Errorf("%s = %s: not a clear one-line message: %q", c.field, c.value, verr)
				}
			}
			if free && f.kind == reflect.String {
				v := c.set.String()
				okText := utf8.ValidString(v) && len(v) <= workshop.MaxTextBytes
				// A participant must have a name; every other free text takes
				// anything that is valid and not too long.
				mayRefuse := strings.HasSuffix(c.field, "Participants[0].Name") && strings.TrimSpace(v) == ""
				if okText && verr != nil && !mayRefuse {
					t.Errorf("%s = %s: refused: %v", c.field, c.value, verr)
				}
				if !okText && verr == nil {
					t.Errorf("%s = %s: accepted", c.field, c.value)
				}
			}
			if verr != nil {
				refused++
				// What validation refuses, a session file does not carry.
				if _, err := sessionfile.Marshal(s, sessionfile.Options{IncludePrivateNotes: true}); err == nil {
					t.Errorf("%s = %s: refused by validation but written to a session file", c.field, c.value)
				}
				// A hand-made session file holding it is refused in one line
				// (JSON itself turns invalid UTF-8 into U+FFFD, which may pass).
				body, err := json.Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				file := append(append([]byte(`{"format":"lupauspaja-session","version":1,"session":`), body...), '}')
				if got, err := sessionfile.Read(bytes.NewReader(file)); err != nil {
					if strings.ContainsAny(err.Error(), "\n\r") {
						t.Errorf("%s = %s: session file refused in more than one line: %q", c.field, c.value, err)
					}
				} else if got.Validate() != nil {
					t.Errorf("%s = %s: session file accepted an invalid session", c.field, c.value)
				}
				continue
			}
			stored++
			checkStoredExactly(t, st, s, i, c)
		}
	}
	t.Logf("%d fields, %d sessions refused with a message, %d stored exactly", len(fields), refused, stored)
}

// checkPDF writes the PDF of the session, which must work whatever it holds.
func checkPDF(t *testing.T, s *workshop.Session, what string) {
	t.Helper()
	var pdf bytes.Buffer
	if err := report.Write(&pdf, s, report.Options{}); err != nil {
		t.Errorf("%s: PDF: %v", what, err)
	} else if out := pdf.Bytes(); !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[len(out)-32:], []byte("%%EOF")) {
		t.Errorf("%s: not a whole PDF", what)
	}
}

// bigTexts are the hostile texts that make many PDF pages: each goes into
// the fields the PDF shows largest or most often, one at a time, rather than
// into every field, to keep the test fast (the report's own tests wrap long
// text in every part).
var bigTexts = map[string]bool{"100 kB": true, "long word": true, "too long": true}

var bigTextFields = []string{
	"session.Title", "session.Organisation", "session.Decision.FinalText", "session.Decision.Rationale",
	"session.Participants[0].Name", "session.Drafts[0].Text", "session.Actions[0].Text", "session.Measures[0].Name",
}

// TestHostileInputStillGivesPDF writes the PDF with hostile input in every
// field: the short hostile texts together in one field at a time, the long
// ones in every text field at once, each hostile number in every number field.
func TestHostileInputStillGivesPDF(t *testing.T) {
	base := hostileBase()
	var short []string
	for name, v := range hostileTexts {
		if !bigTexts[name] {
			short = append(short, v)
		}
	}
	sort.Strings(short)
	mixed := strings.Join(short, " | ")
	n := 0
	for i, f := range leaves(base) {
		if f.kind != reflect.String {
			continue
		}
		s := workshop.Clone(base)
		leaves(s)[i].set(reflect.ValueOf(mixed))
		checkPDF(t, s, f.path+" = every short hostile text")
		n++
	}
	for name := range bigTexts {
		for _, field := range bigTextFields {
			s := workshop.Clone(base)
			found := false
			for _, f := range leaves(s) {
				if f.path == field {
					f.set(reflect.ValueOf(hostileTexts[name]))
					found = true
				}
			}
			if !found {
				t.Fatalf("no field %s", field)
			}
			checkPDF(t, s, field+" = "+name)
			n++
		}
	}
	for name, v := range hostileNumbers {
		s := workshop.Clone(base)
		for _, f := range leaves(s) {
			if f.kind == reflect.Int {
				f.set(reflect.ValueOf(v))
			}
		}
		checkPDF(t, s, "every number field = "+name)
		n++
	}
	t.Logf("%d PDFs written", n)
}

// checkStoredExactly stores the session, reads it back from the store and
// through a session file, and compares the field byte for byte.
func checkStoredExactly(t *testing.T, st *store.Store, s *workshop.Session, i int, c hostileCase) {
	t.Helper()
	want := fmt.Sprint(c.set.Interface())
	if err := st.Create(s); err != nil {
		t.Errorf("%s = %s: store: %v", c.field, c.value, err)
		return
	}
	back, err := st.Load(s.ID)
	if err != nil {
		t.Errorf("%s = %s: load: %v", c.field, c.value, err)
		return
	}
	if l := leaves(back); len(l) <= i || l[i].path != c.field || fmt.Sprint(l[i].get().Interface()) != want {
		t.Errorf("%s = %s: the store changed it", c.field, c.value)
	}
	b, err := sessionfile.Marshal(back, sessionfile.Options{IncludePrivateNotes: true})
	if err != nil {
		t.Errorf("%s = %s: session file: %v", c.field, c.value, err)
		return
	}
	again, err := sessionfile.Read(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s = %s: session file read back: %v", c.field, c.value, err)
		return
	}
	if l := leaves(again); len(l) <= i || l[i].path != c.field || fmt.Sprint(l[i].get().Interface()) != want {
		t.Errorf("%s = %s: the session file changed it", c.field, c.value)
	}
}
