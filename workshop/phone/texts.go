package phone

import (
	"encoding/json"
	"fmt"
	"sync"

	"lupauspaja/assets"
)

// The phone page's texts live with the app's other translations, in
// assets/i18n/phone/{fi,en}.json; the page gets them in its HTML.
var (
	textsOnce sync.Once
	textsBy   map[string]map[string]string
	textsErr  error
)

func loadTexts() {
	textsBy = map[string]map[string]string{}
	for _, l := range []string{"fi", "en"} {
		b, err := assets.I18n.ReadFile("i18n/phone/" + l + ".json")
		if err != nil {
			textsErr = err
			return
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			textsErr = fmt.Errorf("phone translations %s: %w", l, err)
			return
		}
		textsBy[l] = m
	}
}

// texts are the page's texts in the language (Finnish unless "en").
func texts(lang string) map[string]string {
	textsOnce.Do(loadTexts)
	if lang != "en" {
		lang = "fi"
	}
	return textsBy[lang]
}

// text is one text in the language, the key itself when it is missing.
func text(lang, key string) string {
	if t, ok := texts(lang)[key]; ok {
		return t
	}
	return key
}

// TextsError is the error met loading the translations, if any.
func TextsError() error {
	textsOnce.Do(loadTexts)
	return textsErr
}
