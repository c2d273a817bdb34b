package workshop_test

import (
	"errors"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestSetLanguageKeepsEachLanguagesWording(t *testing.T) {
	s := fixture.Nordrahti()
	if s.Language != "fi" {
		t.Fatalf("the fixture is in %q", s.Language)
	}
	fi, en := s.Decision.FinalText, s.Decision.FinalTextAlt
	if fi == "" || en == "" {
		t.Fatal("the fixture's promise lacks a language")
	}
	var withAlt int
	drafts := map[string][2]string{}
	for _, d := range s.Drafts {
		drafts[d.ID] = [2]string{d.Text, d.TextAlt}
		if d.TextAlt != "" {
			withAlt++
		}
	}
	if withAlt == 0 {
		t.Fatal("no draft has an English wording")
	}
	s.Drafts = append(s.Drafts, workshop.Draft{ID: "only-fi", Text: "Vain suomeksi"})

	if err := s.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if s.Language != "en" || s.Decision.FinalText != en || s.Decision.FinalTextAlt != fi {
		t.Fatalf("in English: language %q, promise %q, other %q", s.Language, s.Decision.FinalText, s.Decision.FinalTextAlt)
	}
	for _, d := range s.Drafts {
		was, ok := drafts[d.ID]
		switch {
		case !ok:
			if d.Text != "Vain suomeksi" || d.TextAlt != "" {
				t.Errorf("a draft with one wording became %q / %q", d.Text, d.TextAlt)
			}
		case was[1] != "" && (d.Text != was[1] || d.TextAlt != was[0]):
			t.Errorf("draft %s in English: %q / %q", d.ID, d.Text, d.TextAlt)
		case was[1] == "" && d.Text != was[0]:
			t.Errorf("draft %s lost its only wording", d.ID)
		}
	}
	// The same language again changes nothing; back to Finnish restores all.
	if err := s.SetLanguage("en"); err != nil || s.Decision.FinalText != en {
		t.Fatalf("English again: %v, %q", err, s.Decision.FinalText)
	}
	if err := s.SetLanguage("fi"); err != nil || s.Decision.FinalText != fi || s.Decision.FinalTextAlt != en {
		t.Fatalf("back to Finnish: %v, %q / %q", err, s.Decision.FinalText, s.Decision.FinalTextAlt)
	}
	for _, d := range s.Drafts {
		if was, ok := drafts[d.ID]; ok && (d.Text != was[0] || d.TextAlt != was[1]) {
			t.Errorf("draft %s back in Finnish: %q / %q", d.ID, d.Text, d.TextAlt)
		}
	}
	var in *workshop.InputError
	if err := s.SetLanguage("sv"); !errors.As(err, &in) || in.Field != "language" || s.Language != "fi" {
		t.Errorf("Swedish: %v, language %q", err, s.Language)
	}
}
