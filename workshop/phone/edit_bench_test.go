package phone

import (
	"fmt"
	"testing"

	"lupauspaja/workshop"
)

// BenchmarkPhoneDraftOnALargeSession is one phone's draft through the
// editor on a session that already holds 1,500 drafts.
func BenchmarkPhoneDraftOnALargeSession(b *testing.B) {
	r := newRoom(b, Options{})
	if err := r.ed.Edit(func(s *workshop.Session) error {
		for i := 0; i < 1500; i++ {
			if _, err := s.AddDraft(fmt.Sprintf("Luonnos %d: toimitamme ajallaan.", i), nil, ""); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.ed.Edit(func(s *workshop.Session) error {
			_, err := s.AddDraft(fmt.Sprintf("Uusi %d", i), nil, "")
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
