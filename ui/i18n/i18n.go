// Package i18n translates the app's user-facing strings. The texts live in
// assets/i18n/<part>/{fi,en}.json; the language follows the open session and
// can be switched at run time, which Fyne's system-locale lookup cannot do
// alone. The texts of Fyne's own widgets and dialogs (assets/i18n/fyne) are
// also handed to fyne.io/fyne/v2/lang.
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
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"lupauspaja/assets"
)

// Languages the app speaks, Finnish first.
var Languages = []string{"fi", "en"}

// The texts are loaded once, before main, and only read after that.
var (
	texts   = map[string]map[string]string{} // language → key → text
	loadErr error
)

// fynePart is the folder of Fyne's own texts. Only these go to Fyne's
// bundle: it parses every text it is given into templates (about 3 MB for
// all of the app's), and Fyne asks for none but its own.
const fynePart = "fyne"

func init() { loadErr = load(assets.I18n) }

func load(fsys fs.FS) error {
	forFyne := map[string]map[string]string{}
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
		if path.Base(path.Dir(p)) == fynePart {
			forFyne[l] = m
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
	for l, m := range forFyne {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(l)); err != nil {
			return fmt.Errorf("translations %s: %w", l, err)
		}
		fyneTexts[l] = b
	}
	return nil
}

// Fyne's own texts by language, as its bundle reads them, and the language
// FyneSpeaks last made them speak.
var (
	fyneTexts = map[string][]byte{}
	fyneMu    sync.Mutex
	fyneLang  string
)

// FyneSpeaks makes Fyne's own texts (the file dialogs, an entry's menu)
// speak l, the app's language ("fi" or "en"; anything else means "fi"),
// whatever the system's is: Fyne takes its language from the system's
// locales, once for all windows, so l's texts are given to it under each
// of those locales and under English, its fallback. On a laptop set to
// English (or to C, or to Swedish) the Finnish app's save dialog is then
// Finnish too.
func FyneSpeaks(l string) error {
	if l != "en" {
		l = "fi"
	}
	fyneMu.Lock()
	defer fyneMu.Unlock()
	if l == fyneLang || fyneTexts[l] == nil {
		return nil
	}
	sys, _ := locale.GetLocales() // what Fyne matches against; none: English
	seen := map[string]bool{}
	for _, loc := range append(sys, "en", l) {
		tag, err := language.Parse(loc)
		if err != nil || tag == language.Und || seen[tag.String()] {
			continue
		}
		seen[tag.String()] = true
		if err := lang.AddTranslationsForLocale(fyneTexts[l], fyne.Locale(tag.String())); err != nil {
			return fmt.Errorf("Fyne's texts in %s for %s: %w", l, tag, err)
		}
	}
	fyneLang = l
	return nil
}

// LoadError is the error, if any, met while loading the embedded translations.
func LoadError() error { return loadErr }

// Tr translates into one language at a time, the one its window speaks.
// Each window has its own (tests make theirs), so nothing about the
// language is shared between two of them. The zero value speaks Finnish.
type Tr struct {
	mu   sync.RWMutex
	lang string
}

// New returns a translator speaking l ("fi" or "en"; anything else means "fi").
func New(l string) *Tr {
	t := &Tr{}
	t.SetLanguage(l)
	return t
}

// SetLanguage switches the language ("fi" or "en"; anything else means "fi").
func (t *Tr) SetLanguage(l string) {
	if l != "en" {
		l = "fi"
	}
	t.mu.Lock()
	t.lang = l
	t.mu.Unlock()
}

// Language is the language spoken now.
func (t *Tr) Language() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.lang == "" {
		return "fi"
	}
	return t.lang
}

// T returns the text of key in the language spoken now. With data (a map
// or a struct), the text is a template: "{{.Name}} lisätty".
func (t *Tr) T(key string, data ...any) string { return TIn(t.Language(), key, data...) }

// Has reports whether key has a text in the language spoken now.
func (t *Tr) Has(key string) bool { return Has(t.Language(), key) }

// TIn returns the text of key in the language l.
func TIn(l, key string, data ...any) string {
	s, ok := texts[l][key]
	if !ok {
		s, ok = texts["fi"][key]
	}
	if !ok {
		return key
	}
	if len(data) == 0 || !strings.Contains(s, "{{") {
		return s
	}
	t := parsed(key, s)
	if t == nil {
		return s
	}
	var b strings.Builder
	if err := t.Execute(&b, data[0]); err != nil {
		return s
	}
	return b.String()
}

// templates holds each text's parsed template (nil when it does not
// parse), by the text: a window sets many texts with data on every
// refresh, and parsing the same one again each time was most of the cost.
var templates sync.Map // text → *template.Template

func parsed(key, s string) *template.Template {
	if t, ok := templates.Load(s); ok {
		return t.(*template.Template)
	}
	t, err := template.New(key).Parse(s)
	if err != nil {
		t = nil
	}
	templates.Store(s, t)
	return t
}

// Has reports whether key has a text in language l.
func Has(l, key string) bool {
	_, ok := texts[l][key]
	return ok
}

// Keys lists every key of language l.
func Keys(l string) []string {
	out := make([]string, 0, len(texts[l]))
	for k := range texts[l] {
		out = append(out, k)
	}
	return out
}
