// Package sessionfile reads and writes the session file: one whole workshop
// session as versioned JSON, for moving it between laptops and for backups.
package sessionfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"lupauspaja/workshop"
	"lupauspaja/workshop/safefile"
	"lupauspaja/workshop/store"
)

// Format is the value of the "format" field of every session file.
const Format = "lupauspaja-session"

// Version is the newest format version this build reads. Version 2 adds
// check-ins: a session's kind, its readings and the customers' answers, and
// the check-ins that follow the session in the same file; version 3 adds a
// check-in's round in its family and its workshop's time of creation (what
// the calendar's events are keyed on). Files of versions 1 and 2 still
// read. A file is written with the lowest version that holds what it
// carries, so that the release before reads a workshop's file, and tells
// of a newer version rather than of a damaged file where it cannot.
const Version = 3

// writtenVersion is the version a file of these sessions is written with.
func writtenVersion(sessions ...*workshop.Session) int {
	for _, s := range sessions {
		if c := s.Checkin; c != nil && (c.Round != 0 || !c.WorkshopCreated.IsZero()) {
			return 3
		}
	}
	return 2
}

// MaxCheckins is the most check-ins one file carries.
const MaxCheckins = 500

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
	// ErrEncoding: the file's text is not UTF-8 (saved as Latin-1 or
	// UTF-16, say), so its letters such as ä and ö would not survive.
	ErrEncoding = errors.New("the file is not saved as UTF-8 text")
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
	Checkins   json.RawMessage `json:"checkins,omitempty"`
}

// Checkin is a session that follows another one in the same file: Follows
// is 0 for the file's main session, k for the k-th check-in before it.
type Checkin struct {
	Follows int
	Session *workshop.Session
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
	return MarshalFamily(s, nil, opt)
}

// MarshalFamily returns the bytes of a file with the session and the
// check-ins that follow it.
func MarshalFamily(s *workshop.Session, checkins []Checkin, opt Options) ([]byte, error) {
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
	if err := checkLinks(checkins); err != nil {
		return nil, fmt.Errorf("write session file: %w", err)
	}
	prepare := func(s *workshop.Session) fileSession {
		c := *s // shallow: only the top-level fields below are replaced
		if !opt.IncludePrivateNotes {
			c.PrivateNotes = nil
		}
		c.RoomDevices = nil // the phones the room let in stay with the app's own file
		fillLists(&c)
		return fileSession{Session: &c}
	}
	all := []*workshop.Session{s}
	for _, ci := range checkins {
		all = append(all, ci.Session)
	}
	fo := fileOut{Format: Format, Version: writtenVersion(all...), ExportedAt: at.UTC().Format(time.RFC3339),
		AppVersion: app, Session: prepare(s)}
	for i, ci := range checkins {
		if err := ci.Session.Validate(); err != nil {
			return nil, fmt.Errorf("write session file: check-in %d: %w", i+1, err)
		}
		fo.Checkins = append(fo.Checkins, fileCheckin{Follows: ci.Follows, Session: prepare(ci.Session)})
	}
	out, err := encode(fo)
	if err != nil {
		return nil, fmt.Errorf("write session file: %w", err)
	}
	return out, nil
}

// fileOut is the envelope as Write writes it.
type fileOut struct {
	Format     string        `json:"format"`
	Version    int           `json:"version"`
	ExportedAt string        `json:"exported_at"`
	AppVersion string        `json:"app_version"`
	Session    fileSession   `json:"session"`
	Checkins   []fileCheckin `json:"checkins,omitempty"`
}

type fileCheckin struct {
	Follows int         `json:"follows"`
	Session fileSession `json:"session"`
}

// checkLinks refuses check-ins that follow one not before them, or that are
// not check-ins.
func checkLinks(checkins []Checkin) error {
	if len(checkins) > MaxCheckins {
		return fmt.Errorf("too many check-ins (%d; at most %d)", len(checkins), MaxCheckins)
	}
	for i, ci := range checkins {
		if ci.Session == nil {
			return fmt.Errorf("check-in %d is missing", i+1)
		}
		if ci.Follows < 0 || ci.Follows > i {
			return fmt.Errorf("check-in %d follows %d, which is not a session before it", i+1, ci.Follows)
		}
		if !ci.Session.IsCheckin() {
			return fmt.Errorf("check-in %d is not a check-in (kind %q)", i+1, clip(ci.Session.Kind))
		}
	}
	return nil
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
	fill(&s.Readings)
	fill(&s.ValidationAnswers)
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

// Unmarshal parses a session file's bytes; see Read. The check-ins a file of
// version 2 may carry are left out: UnmarshalFamily reads them too.
func Unmarshal(data []byte) (*workshop.Session, error) {
	s, _, err := UnmarshalFamily(data)
	return s, err
}

// ReadFamily reads a session file with the check-ins it carries.
func ReadFamily(r io.Reader) (*workshop.Session, []Checkin, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read session file: %w", err)
	}
	return UnmarshalFamily(data)
}

// UnmarshalFamily parses a session file's bytes: the main session and the
// check-ins that follow it.
func UnmarshalFamily(data []byte) (*workshop.Session, []Checkin, error) {
	s, cis, err := unmarshal(data)
	if err != nil {
		return nil, nil, err
	}
	return s, cis, nil
}

func unmarshal(data []byte) (*workshop.Session, []Checkin, error) {
	if len(data) > MaxSize {
		return nil, nil, ErrTooLarge
	}
	// Some Windows editors start a saved file with a byte-order mark.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("%w: the file is empty", ErrNotSessionFile)
	}
	if err := checkEncoding(data); err != nil {
		return nil, nil, err
	}
	// First only the envelope, leniently: a newer version may add fields,
	// and then "update the app" is the useful message, not "unknown field".
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&env); err != nil {
		return nil, nil, syntaxError(data, err)
	}
	if rest := bytes.TrimSpace(data[dec.InputOffset():]); len(rest) > 0 {
		line, col := position(data, int(dec.InputOffset())+bytes.Index(data[dec.InputOffset():], rest[:1]))
		return nil, nil, fmt.Errorf("%w: unexpected data after the end of the session (line %d, column %d)", ErrNotSessionFile, line, col)
	}
	switch {
	case env.Format == "":
		return nil, nil, fmt.Errorf("%w: the file has no \"format\" field", ErrNotSessionFile)
	case env.Format != Format:
		return nil, nil, fmt.Errorf("%w: its format is %q, not %q", ErrNotSessionFile, clip(env.Format), Format)
	case env.Version > Version:
		return nil, nil, fmt.Errorf("%w (format version %d; this version reads %d)", ErrNewerVersion, env.Version, Version)
	case env.Version < 1:
		return nil, nil, fmt.Errorf("%w: format version %d is not valid", ErrNotSessionFile, env.Version)
	case len(env.Session) == 0 || string(env.Session) == "null":
		return nil, nil, fmt.Errorf("%w: the file has no session", ErrNotSessionFile)
	}
	// Then the whole file strictly: a field we do not know would be lost.
	var strict struct {
		envelope
		Session  *workshop.Session `json:"session"`
		Checkins []struct {
			Follows *int              `json:"follows"`
			Session *workshop.Session `json:"session"`
		} `json:"checkins"`
	}
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&strict); err != nil {
		return nil, nil, syntaxError(data, err)
	}
	s := strict.Session
	if err := s.Validate(); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	if env.Version < 2 && strict.Checkins != nil {
		return nil, nil, fmt.Errorf("%w: a file of version %d carries no check-ins", ErrNotSessionFile, env.Version)
	}
	var cis []Checkin
	for i, c := range strict.Checkins {
		if c.Session == nil || c.Follows == nil {
			return nil, nil, fmt.Errorf("%w: check-in %d has no session or no \"follows\"", ErrDamaged, i+1)
		}
		if err := c.Session.Validate(); err != nil {
			return nil, nil, fmt.Errorf("%w: check-in %d: %w", ErrDamaged, i+1, err)
		}
		cis = append(cis, Checkin{Follows: *c.Follows, Session: c.Session})
	}
	if err := checkLinks(cis); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return s, cis, nil
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
		return unknownField(data, strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return fmt.Errorf("%w: %s", ErrNotSessionFile, strings.TrimPrefix(err.Error(), "json: "))
}

// unknownField is the error of a field this version does not know, quoted
// (as encoding/json names it), with where it is when the file has it as a
// key only once: encoding/json gives no offset for unknown fields.
func unknownField(data []byte, quoted string) error {
	where := ""
	if keys := regexp.MustCompile(regexp.QuoteMeta(quoted)+`\s*:`).FindAllIndex(data, 2); len(keys) == 1 {
		line, col := position(data, keys[0][0])
		where = fmt.Sprintf(" (line %d, column %d)", line, col)
	}
	return fmt.Errorf("%w: field %s%s is not one this version of Lupauspaja knows: the file was changed by hand or by a newer version", ErrDamaged, clip(quoted), where)
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

// checkEncoding refuses a file that is not UTF-8 before it is parsed:
// encoding/json would quietly turn each stray byte of, say, a Latin-1 "ä"
// into U+FFFD, and the names and texts would be imported broken.
func checkEncoding(data []byte) error {
	// Only a file that looks like JSON is a session file in another
	// encoding; anything else (a PDF, a picture) the parser names as such.
	opensObject := func(b []byte) bool {
		b = bytes.TrimLeft(b, " \t\r\n")
		return len(b) > 0 && b[0] == '{'
	}
	head := data[:min(len(data), 64)]
	if bom := bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}); bom || bytes.IndexByte(head, 0) >= 0 {
		if bom {
			head = head[2:]
		}
		if opensObject(bytes.ReplaceAll(head, []byte{0}, nil)) {
			return fmt.Errorf("%w: it is UTF-16; save it as UTF-8 and import it again", ErrEncoding)
		}
	}
	if !opensObject(data) {
		return nil
	}
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Errorf("%w (line %d, column %d: byte 0x%02x is not UTF-8, as a Latin-1 \"ä\" is not); save it as UTF-8 and import it again", ErrEncoding, line, col, data[off])
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

// Import reads a session file and stores it as a new session, with the
// check-ins it carries linked to it; it never overwrites one. Nothing is
// written unless the whole file is sound, and then all of it in one
// transaction. It returns the main session's id.
func Import(st *store.Store, r io.Reader) (int64, error) {
	s, cis, err := ReadFamily(r)
	if err != nil {
		return 0, err
	}
	return Store(st, s, cis)
}

// Store stores a session read from a file with its check-ins; see Import.
func Store(st *store.Store, s *workshop.Session, cis []Checkin) (int64, error) {
	list := []*workshop.Session{s}
	follows := []int{-1}
	for _, c := range cis {
		list = append(list, c.Session)
		follows = append(follows, c.Follows)
	}
	for _, x := range list {
		x.ID = 0
	}
	if err := st.CreateAll(list, follows); err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	return s.ID, nil
}

// Export writes the stored session with the id as a session file, with
// every check-in that follows it (directly or through another check-in).
// A check-in is written with its whole family, from the workshop it
// follows: alone, it would come back on the other laptop unlinked from the
// promise whose history it is.
func Export(st *store.Store, id int64, w io.Writer, opt Options) error {
	b, err := ExportBytes(st, id, opt)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write session file: %w", err)
	}
	return nil
}

// ExportBytes is Export's file as bytes.
func ExportBytes(st *store.Store, id int64, opt Options) ([]byte, error) {
	fam, err := st.Family(id)
	if err != nil {
		return nil, err
	}
	s, cis, err := LoadFamily(st, fam[0].ID)
	if err != nil {
		return nil, err
	}
	return MarshalFamily(s, cis, opt)
}

// LoadFamily loads the session and the check-ins that follow it, as a file carries them.
func LoadFamily(st *store.Store, id int64) (*workshop.Session, []Checkin, error) {
	s, err := st.Load(id)
	if err != nil {
		return nil, nil, err
	}
	fam, err := st.Family(id)
	if err != nil {
		return nil, nil, err
	}
	index := map[int64]int{id: 0}
	var cis []Checkin
	// Family lists by date; a check-in comes after the one it follows, so
	// passes over the list pick up every descendant in an order the file keeps.
	for changed := true; changed; {
		changed = false
		for _, f := range fam {
			if _, done := index[f.ID]; done || f.FollowsID == 0 {
				continue
			}
			at, ok := index[f.FollowsID]
			if !ok {
				continue
			}
			c, err := st.Load(f.ID)
			if err != nil {
				return nil, nil, err
			}
			if !c.IsCheckin() {
				continue
			}
			cis = append(cis, Checkin{Follows: at, Session: c})
			index[f.ID] = len(cis)
			changed = true
		}
	}
	return s, cis, nil
}
