package workshop_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/report"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/testkit"
)

// FuzzValidate: whatever a session holds, Validate never panics, and a
// session it accepts is stored and read back unchanged and gives a PDF.
func FuzzValidate(f *testing.F) {
	for _, s := range []*workshop.Session{hostileBase(), workshop.NewSession("fi"), workshop.NewSession("en")} {
		b, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"language":"fi","dots_per_participant":3,"participants":[{"id":"P1","name":"Äö","kind":"guest"}],"drafts":[{"id":"D1","text":"x"}],"dot_votes":[{"participant_id":"P1","draft_id":"D1","dots":3}]}`))
	f.Add([]byte(`{"language":"en","dots_per_participant":1,"ratings":[{"participant_id":"P1","draft_id":"D1","scores":[9,-1,0,0,0,0,0,0]}]}`))
	f.Add([]byte(`{"language":"fi","dots_per_participant":2,"agenda":[{"step":"drafts","planned_min":-5}],"private_notes":{"decision":"\u202e"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s workshop.Session
		if json.Unmarshal(data, &s) != nil {
			return
		}
		if err := s.Validate(); err != nil {
			if _, ok := err.(*workshop.ValidationError); !ok {
				t.Fatalf("not a ValidationError: %T %v", err, err)
			}
			return
		}
		st := testkit.Store(t)
		if err := st.Create(&s); err != nil {
			t.Fatalf("a valid session is not stored: %v", err)
		}
		back, err := st.Load(s.ID)
		if err != nil {
			t.Fatalf("a stored session does not load: %v", err)
		}
		// The times are the store's to keep; everything else comes back as it went in.
		at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
		opt := sessionfile.Options{IncludePrivateNotes: true, ExportedAt: at, AppVersion: "fuzz"}
		s.CreatedAt, s.UpdatedAt, back.CreatedAt, back.UpdatedAt = at, at, at, at
		want, err := sessionfile.Marshal(&s, opt)
		if err != nil {
			t.Fatalf("a valid session is not written to a file: %v", err)
		}
		got, err := sessionfile.Marshal(back, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, got) {
			t.Fatalf("the store changed the session:\n%s\n%s", want, got)
		}
		var pdf bytes.Buffer
		if err := report.Write(&pdf, back, report.Options{}); err != nil {
			t.Fatalf("PDF: %v", err)
		}
		if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}
