// Package i18n translates the app's user-facing strings. The texts live in
// assets/i18n/<part>/{fi,en}.json; the language follows the open session and
// can be switched at run time, which Fyne's system-locale lookup cannot do
// alone, so the texts are also handed to fyne.io/fyne/v2/lang for Fyne's own.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"text/template"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"lupauspaja/assets"
)

// Languages the app speaks, Finnish first.
var Languages = []string{"fi", "en"}

var (
	mu      sync.RWMutex
	current = "fi"
	texts   = map[string]map[string]string{} // language → key → text
	loadErr error
)

func init() { loadErr = load(assets.I18n) }

func load(fsys fs.FS) error {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".json" {
			return err
		}
		l := strings.TrimSuffix(path.Base(p), ".json")
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return fmt.Errorf("translations %s: %w", p, err)
		}
		if texts[l] == nil {
			texts[l] = map[string]string{}
		}
		for k, v := range m {
			if _, dup := texts[l][k]; dup {
				return fmt.Errorf("translations %s: key %q is defined twice", p, k)
			}
			texts[l][k] = v
		}
		return nil
	})
	if err != nil {
		return err
	}
	// One bundle a language for Fyne: each registration looks up the
	// system's locales again, which is the costly part at start-up.
	for l, m := range texts {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(l)); err != nil {
			return fmt.Errorf("translations %s: %w", l, err)
		}
	}
	return nil
}

// LoadError is the error, if any, met while loading the embedded translations.
func LoadError() error { return loadErr }

// SetLanguage switches the language ("fi" or "en"; anything else means "fi").
func SetLanguage(l string) {
	if l != "en" {
		l = "fi"
	}
	mu.Lock()
	current = l
	mu.Unlock()
}

// Language is the current language.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T returns the text of key in the current language. With data (a map or a
// struct), the text is a template: "{{.Name}} lisätty".
func T(key string, data ...any) string { return TIn(Language(), key, data...) }

// TIn returns the text of key in the language l.
func TIn(l, key string, data ...any) string {
	mu.RLock()
	s, ok := texts[l][key]
	if !ok {
		s, ok = texts["fi"][key]
	}
	mu.RUnlock()
	if !ok {
		return key
	}
	if len(data) == 0 || !strings.Contains(s, "{{") {
		return s
	}
	t, err := template.New(key).Parse(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	if err := t.Execute(&b, data[0]); err != nil {
		return s
	}
	return b.String()
}

// Has reports whether key has a text in language l.
func Has(l, key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := texts[l][key]
	return ok
}

// Keys lists every key of language l.
func Keys(l string) []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(texts[l]))
	for k := range texts[l] {
		out = append(out, k)
	}
	return out
}
