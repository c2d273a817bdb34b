// Package sessionfile reads and writes the session file: one whole workshop
// session as versioned JSON, for moving it between laptops and for backups.
package sessionfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/safefile"
	"lupauspaja/workshop/store"
)

// Format is the value of the "format" field of every session file.
const Format = "lupauspaja-session"

// Version is the newest format version this build reads and the one it writes.
const Version = 1

// MaxSize is the largest session file Read accepts. A large workshop is well
// under 1 MB; anything bigger is not a session file.
const MaxSize = 10 << 20

// AppVersion is written into exported files; the build may set it with
// -ldflags "-X lupauspaja/workshop/sessionfile.AppVersion=1.2.3".
var AppVersion = "dev"

var (
	// ErrTooLarge: the file is bigger than MaxSize.
	ErrTooLarge = errors.New("the file is larger than 10 MB; it is not a session file")
	// ErrNotSessionFile: the file is not JSON, or not a Lupauspaja session file.
	ErrNotSessionFile = errors.New("not a session file")
	// ErrNewerVersion: the file was written by a newer version of the app.
	ErrNewerVersion = errors.New("the session file was made by a newer version of Lupauspaja; update the app to open it")
	// ErrDamaged: the file is a session file, but what it holds is not a sound session.
	ErrDamaged = errors.New("the session file is damaged")
)

// Options say what Write puts in the file.
type Options struct {
	// IncludePrivateNotes keeps the facilitator's private notes; they are
	// left out by default because the file is often sent to others.
	IncludePrivateNotes bool
	// ExportedAt is the time written to the file; zero means now.
	ExportedAt time.Time
	// AppVersion is written to the file; empty means the package's AppVersion.
	AppVersion string
}

// envelope is the file's outer object.
type envelope struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	ExportedAt string          `json:"exported_at"`
	AppVersion string          `json:"app_version"`
	Session    json.RawMessage `json:"session"`
}

// fileSession is the session as the file holds it. The time of the last edit
// belongs to the database the session lives in, not to the file: an imported
// session is a new one.
type fileSession struct {
	*workshop.Session
	UpdatedAt struct{} `json:"updated_at,omitzero"`
}

// Write writes the session as a session file: indented, with the same bytes
// for the same session and options. It refuses a session that fails
// Validate, since Read would refuse the file.
func Write(w io.Writer, s *workshop.Session, opt Options) error {
	b, err := Marshal(s, opt)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write session file: %w", err)
	}
	return nil
}

// Marshal returns the session file's bytes.
func Marshal(s *workshop.Session, opt Options) ([]byte, error) {
	if s == nil {
		return nil, errors.New("write session file: no session")
	}
	// A file that Read would refuse is no backup: say so now, not on the
	// other laptop.
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("write session file: %w", err)
	}
	at := opt.ExportedAt
	if at.IsZero() {
		at = time.Now()
	}
	app := opt.AppVersion
	if app == "" {
		app = AppVersion
	}
	c := *s // shallow: only the top-level fields below are replaced
	if !opt.IncludePrivateNotes {
		c.PrivateNotes = nil
	}
	fillLists(&c)
	out, err := encode(fileOut{Format: Format, Version: Version, ExportedAt: at.UTC().Format(time.RFC3339),
		AppVersion: app, Session: fileSession{Session: &c}})
	if err != nil {
		return nil, fmt.Errorf("write session file: %w", err)
	}
	return out, nil
}

// fileOut is the envelope as Write writes it.
type fileOut struct {
	Format     string      `json:"format"`
	Version    int         `json:"version"`
	ExportedAt string      `json:"exported_at"`
	AppVersion string      `json:"app_version"`
	Session    fileSession `json:"session"`
}

// encode is indented JSON without HTML escaping, so that a text like
// "<Kenelle>" reads as typed; it ends with a newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fillLists writes empty lists as [] rather than null, so that a session
// reads the same whether a list was never touched or emptied.
func fillLists(s *workshop.Session) {
	fill(&s.Agenda)
	fill(&s.Participants)
	fill(&s.Ladder)
	fill(&s.Segments)
	fill(&s.ProfileItems)
	fill(&s.ValueItems)
	fill(&s.Alternatives)
	fill(&s.Drafts)
	fill(&s.DotVotes)
	fill(&s.Ratings)
	fill(&s.Consent)
	fill(&s.PromiseVersions)
	fill(&s.Measures)
	fill(&s.Actions)
	fill(&s.ParkingLot)
	fill(&s.Decision.Rejected)
	fill(&s.Decision.OpenConcerns)
}

func fill[T any](l *[]T) {
	if *l == nil {
		*l = []T{}
	}
}

// Read reads a session file. Every way a file can be wrong (too big, not
// JSON, cut short, another format, a newer version, unknown fields, data
// after the end, a session Validate refuses) is one error that says which.
func Read(r io.Reader) (*workshop.Session, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read session file: %w", err)
	}
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	return Unmarshal(data)
}

// Unmarshal parses a session file's bytes; see Read.
func Unmarshal(data []byte) (*workshop.Session, error) {
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	// Some Windows editors start a saved file with a byte-order mark.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotSessionFile)
	}
	// First only the envelope, leniently: a newer version may add fields,
	// and then "update the app" is the useful message, not "unknown field".
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&env); err != nil {
		return nil, syntaxError(data, err)
	}
	if rest := bytes.TrimSpace(data[dec.InputOffset():]); len(rest) > 0 {
		line, col := position(data, int(dec.InputOffset())+bytes.Index(data[dec.InputOffset():], rest[:1]))
		return nil, fmt.Errorf("%w: unexpected data after the end of the session (line %d, column %d)", ErrNotSessionFile, line, col)
	}
	switch {
	case env.Format == "":
		return nil, fmt.Errorf("%w: the file has no \"format\" field", ErrNotSessionFile)
	case env.Format != Format:
		return nil, fmt.Errorf("%w: its format is %q, not %q", ErrNotSessionFile, clip(env.Format), Format)
	case env.Version > Version:
		return nil, fmt.Errorf("%w (format version %d; this version reads %d)", ErrNewerVersion, env.Version, Version)
	case env.Version < 1:
		return nil, fmt.Errorf("%w: format version %d is not valid", ErrNotSessionFile, env.Version)
	case len(env.Session) == 0 || string(env.Session) == "null":
		return nil, fmt.Errorf("%w: the file has no session", ErrNotSessionFile)
	}
	// Then the whole file strictly: a field we do not know would be lost.
	var strict struct {
		envelope
		Session *workshop.Session `json:"session"`
	}
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&strict); err != nil {
		return nil, syntaxError(data, err)
	}
	s := strict.Session
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return s, nil
}

// syntaxError turns a decoding error into one line that says where.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, _ := position(data, len(data))
		return fmt.Errorf("%w: unexpected end of JSON input (line %d): the file is cut short", ErrNotSessionFile, line)
	case errors.As(err, &se):
		// Offset is just past the offending byte.
		line, col := position(data, int(se.Offset)-1)
		return fmt.Errorf("%w: %s (line %d, column %d)", ErrNotSessionFile, se.Error(), line, col)
	case errors.As(err, &te):
		line, col := position(data, int(te.Offset))
		field := te.Field
		if field == "" {
			return fmt.Errorf("%w: expected a JSON object, found %s (line %d, column %d)", ErrNotSessionFile, te.Value, line, col)
		}
		return fmt.Errorf("%w: %s: expected %s, found %s (line %d, column %d)", ErrNotSessionFile, field, typeName(te), te.Value, line, col)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json gives no offset for unknown fields.
		return fmt.Errorf("%w: %s", ErrNotSessionFile, strings.TrimPrefix(err.Error(), "json: "))
	}
	return fmt.Errorf("%w: %s", ErrNotSessionFile, strings.TrimPrefix(err.Error(), "json: "))
}

func typeName(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "another value"
	}
	switch te.Type.Kind().String() {
	case "string":
		return "text"
	case "int", "int64":
		return "a whole number"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "a list"
	case "struct", "map", "ptr":
		return "an object"
	}
	return te.Type.String()
}

// position is the 1-based line and column of a byte offset.
func position(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

func clip(s string) string {
	r := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// WriteFile writes the session file at path atomically: to a temporary file
// in the same folder, then renamed over path. On any failure path is left as
// it was and the temporary file is removed.
func WriteFile(path string, s *workshop.Session, opt Options) error {
	b, err := Marshal(s, opt)
	if err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) error {
	// The file holds participants' names: private to the user, like the database.
	if err := safefile.Write(path, 0o600, write); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Import reads a session file and stores it as a new session; it never
// overwrites one. Nothing is written unless the whole file is sound.
func Import(st *store.Store, r io.Reader) (int64, error) {
	s, err := Read(r)
	if err != nil {
		return 0, err
	}
	s.ID = 0
	if err := st.Create(s); err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	return s.ID, nil
}

// Export writes the stored session with the id as a session file.
func Export(st *store.Store, id int64, w io.Writer, opt Options) error {
	s, err := st.Load(id)
	if err != nil {
		return err
	}
	return Write(w, s, opt)
}
