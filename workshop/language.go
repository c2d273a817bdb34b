package workshop

// SetLanguage makes lang ("fi" or "en") the workshop's language. The promise
// and every draft keep their wording in each language: what was written in
// the session's language becomes the other language's wording and the other
// language's wording becomes the main one. A text that has no wording in the
// other language stays as it is, the only wording there is.
func (s *Session) SetLanguage(lang string) error {
	if lang != "fi" && lang != "en" {
		return inputProblem("language", ProblemInvalid, "%q", clip(lang))
	}
	if lang == s.Language {
		return nil
	}
	s.Language = lang
	d := &s.Decision
	if d.FinalTextAlt != "" {
		d.FinalText, d.FinalTextAlt = d.FinalTextAlt, d.FinalText
	}
	for i := range s.Drafts {
		if dr := &s.Drafts[i]; dr.TextAlt != "" {
			dr.Text, dr.TextAlt = dr.TextAlt, dr.Text
		}
	}
	return nil
}
