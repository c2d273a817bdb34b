// Package library is the facilitator's set of workshop sessions, as every
// front end uses it: list, create, import, export, duplicate, delete, the
// PDF, and opening one for editing. The window and the command line call
// these and nothing below them, so each is written once.
package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/calendar"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/report"
	"lupauspaja/workshop/safefile"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
)

// The errors of the database, so that front ends can tell them apart
// without knowing the store. They are the store's own values: errors.Is
// matches either.
var (
	// ErrNotDatabase: the file is not a Lupauspaja database, or it is damaged.
	ErrNotDatabase = store.ErrNotDatabase
	// ErrForeignDatabase: the file is an SQLite database of another program.
	ErrForeignDatabase = store.ErrForeignDatabase
	// ErrNewerDatabase: the file was written by a newer version of the app.
	ErrNewerDatabase = store.ErrNewerDatabase
	// ErrInUse: another running app has the database open.
	ErrInUse = store.ErrInUse
	// ErrNotFound: no session with that id.
	ErrNotFound = store.ErrNotFound
	// ErrNoDatabase: no file at the path given to OpenExisting.
	ErrNoDatabase = store.ErrNoDatabase
	// ErrReadOnly: the database, its folder or its disk cannot be written
	// (a *ReadOnlyError, which also matches fs.ErrPermission).
	ErrReadOnly = store.ErrReadOnly
)

// ReadOnlyError is the error of a database that cannot be written: its
// message names the file and says what to do.
type ReadOnlyError = store.ReadOnlyError

// The errors of a session file that cannot be imported.
var (
	// ErrTooLarge: the file is too large to be a session file.
	ErrTooLarge = sessionfile.ErrTooLarge
	// ErrNotSessionFile: the file is not JSON, or not a Lupauspaja session file.
	ErrNotSessionFile = sessionfile.ErrNotSessionFile
	// ErrNewerFile: the file was written by a newer version of the app.
	ErrNewerFile = sessionfile.ErrNewerVersion
	// ErrDamaged: the file is a session file, but what it holds is not a sound session.
	ErrDamaged = sessionfile.ErrDamaged
	// ErrEncoding: the file's text is not UTF-8.
	ErrEncoding = sessionfile.ErrEncoding
)

// Summary is a session as a list shows it.
type Summary = store.Summary

// Library is an open database of sessions. It is safe for use from several
// goroutines.
type Library struct {
	st *store.Store
}

// DefaultPath is the database file in the user's data folder for the app.
func DefaultPath() (string, error) { return store.DefaultPath() }

// Backups are the copies of the database at path that updates of the app
// made beside it before changing it (PATH.vN-TIME.bak), newest first.
func Backups(path string) []string { return store.Backups(path) }

// Lock takes the app's lock on the database at path, so that two windows
// never edit the same sessions at once; it fails with ErrInUse while
// another app holds it. The command line does not take it. release is safe
// to call more than once.
func Lock(path string) (release func(), err error) { return store.LockInstance(path) }

// Open opens the database at path, creating it (and its folder) when
// missing; a database that cannot be written is ErrReadOnly.
func Open(path string) (*Library, error) { return opened(store.Open(path)) }

// OpenExisting opens the database at path, which must be there: it creates
// nothing, and a missing file is ErrNoDatabase.
func OpenExisting(path string) (*Library, error) { return opened(store.OpenExisting(path)) }

// OpenForReading is OpenExisting for reading what the database holds: a
// read-only file (or folder, or disk) is opened read-only rather than
// refused, and every write to it is ErrReadOnly.
func OpenForReading(path string) (*Library, error) { return opened(store.OpenForReading(path)) }

func opened(st *store.Store, err error) (*Library, error) {
	if err != nil {
		return nil, err
	}
	return &Library{st: st}, nil
}

// Close closes the database.
func (l *Library) Close() error { return l.st.Close() }

// Path is the database file.
func (l *Library) Path() string { return l.st.Path() }

// List returns the sessions whose title, organisation or date contains the
// query (all when empty), most recently edited first.
func (l *Library) List(query string) ([]Summary, error) { return l.st.List(query) }

// Load reads a whole session.
func (l *Library) Load(id int64) (*workshop.Session, error) { return l.st.Load(id) }

// Create stores s as a new session, sets its ID and returns it.
func (l *Library) Create(s *workshop.Session) (int64, error) {
	s.ID = 0
	if err := l.st.Create(s); err != nil {
		return 0, err
	}
	return s.ID, nil
}

// Edit opens the session for editing.
func (l *Library) Edit(id int64) (*editor.Editor, error) { return editor.Open(l.st, id) }

// File is a session file read and checked, not yet stored: a session and
// the check-ins that follow it.
type File struct {
	Session  *workshop.Session
	Checkins []sessionfile.Checkin
}

// Read reads and checks a session file without storing it. A workshop in
// the method's neutral example shape (METHOD.md's example-workshop.json,
// with its "schema_version") is read too, converted to a session.
func Read(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, sessionfile.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read session file: %w", err)
	}
	s, cis, err := sessionfile.UnmarshalFamily(data)
	if err != nil {
		if !errors.Is(err, sessionfile.ErrNotSessionFile) || !methodExample(data) {
			return nil, err
		}
		if s, err = fixture.Convert(data); err != nil {
			return nil, fmt.Errorf("%w: a workshop in the method's example shape that cannot be read as one: %v", ErrDamaged, err)
		}
	}
	return &File{Session: s, Checkins: cis}, nil
}

// methodExample reports whether data is a workshop in the method's neutral
// example shape: an object with a "schema_version" and a "session", and
// no session file's "format".
func methodExample(data []byte) bool {
	var top struct {
		Format        *string         `json:"format"`
		SchemaVersion *string         `json:"schema_version"`
		Session       json.RawMessage `json:"session"`
	}
	return json.Unmarshal(data, &top) == nil && top.Format == nil && top.SchemaVersion != nil &&
		len(top.Session) > 0 && top.Session[0] == '{'
}

// ReadFile reads and checks the session file at path without storing it;
// its errors begin with the path.
func ReadFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, safefile.Cause(err))
	}
	defer f.Close()
	file, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return file, nil
}

// Import reads a session file and stores it as a new session, with the
// check-ins it carries linked to it; it never overwrites one. Nothing is
// written unless the whole file is sound. It returns the session's id.
func (l *Library) Import(r io.Reader) (int64, error) {
	f, err := Read(r)
	if err != nil {
		return 0, err
	}
	return l.Add(f)
}

// ImportFile is Import from the file at path; its errors begin with the path.
func (l *Library) ImportFile(path string) (int64, error) {
	f, err := ReadFile(path)
	if err != nil {
		return 0, err
	}
	id, err := l.Add(f)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return id, nil
}

// Add stores a file read with Read or ReadFile as a new session, in one
// transaction with its check-ins.
func (l *Library) Add(f *File) (int64, error) { return sessionfile.Store(l.st, f.Session, f.Checkins) }

// ImportExample stores the example workshop that comes with the app
// (Nordrahti Oy, a whole workshop from purpose to next steps) as a new
// session. Its texts are in Finnish; lang ("fi" or "en") is the language
// it is run and reported in.
func (l *Library) ImportExample(lang string) (int64, error) {
	f, err := Read(bytes.NewReader(fixture.NordrahtiJSON))
	if err != nil {
		return 0, fmt.Errorf("the example workshop: %w", err)
	}
	if lang == "fi" || lang == "en" {
		f.Session.Language = lang
	}
	return l.Add(f)
}

func exportOptions(withPrivateNotes bool) sessionfile.Options {
	return sessionfile.Options{IncludePrivateNotes: withPrivateNotes}
}

// Export writes the stored session, with the check-ins that follow it, as
// a session file at path, atomically and private to the user: on any
// failure path is left as it was. The facilitator's private notes are left
// out unless withPrivateNotes, since the file is often sent to others.
func (l *Library) Export(id int64, path string, withPrivateNotes bool) error {
	b, err := sessionfile.ExportBytes(l.st, id, exportOptions(withPrivateNotes))
	if err != nil {
		return err
	}
	if err := safefile.Write(path, 0o600, safefile.Bytes(b)); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ExportTo is Export to w.
func (l *Library) ExportTo(id int64, w io.Writer, withPrivateNotes bool) error {
	return sessionfile.Export(l.st, id, w, exportOptions(withPrivateNotes))
}

// PDF writes the PDF summary of the stored session at path, atomically, in
// lang ("fi" or "en"; empty: the session's language).
func (l *Library) PDF(id int64, path, lang string) error {
	s, err := l.st.Load(id)
	if err != nil {
		return err
	}
	return report.WriteFile(path, s, report.Options{Lang: lang})
}

// PDFTo is PDF to w.
func (l *Library) PDFTo(id int64, w io.Writer, lang string) error {
	s, err := l.st.Load(id)
	if err != nil {
		return err
	}
	return report.Write(w, s, report.Options{Lang: lang})
}

// Duplicate stores a copy of the session as a template (its structure and
// agenda, none of the participants' input) under title, or under the same
// title when title is empty, and returns the new session's id.
func (l *Library) Duplicate(id int64, title string) (int64, error) {
	s, err := l.st.Load(id)
	if err != nil {
		return 0, fmt.Errorf("duplicate session %d: %w", id, err)
	}
	t := s.AsTemplate()
	if title != "" {
		t.Title = title
	}
	if _, err := l.Create(t); err != nil {
		return 0, fmt.Errorf("duplicate session %d: %w", id, err)
	}
	return t.ID, nil
}

// Checkin stores a new check-in that follows the session with the id (a
// workshop or a check-in) on date (YYYY-MM-DD; today when empty), with the
// agenda preset ("45min" or "90min"), and returns its id.
func (l *Library) Checkin(id int64, date, preset string) (int64, error) {
	c, err := l.st.CreateCheckin(id, date, preset, time.Now())
	if err != nil {
		return 0, err
	}
	return c.ID, nil
}

// ICS writes the session's next review and its actions' due dates as an
// iCalendar file at path, atomically and private to the user.
func (l *Library) ICS(id int64, path string) error {
	var b bytes.Buffer
	if err := l.ICSTo(id, &b); err != nil {
		return err
	}
	if err := safefile.Write(path, 0o600, safefile.Bytes(b.Bytes())); err != nil {
		return fmt.Errorf("write %s: %w", path, safefile.Cause(err))
	}
	return nil
}

// ICSTo is ICS to w; calendar.ErrNoDates when the session has no dates.
// A check-in's file is written with the sessions it follows (calendar.Write),
// so that its events update those of their files.
func (l *Library) ICSTo(id int64, w io.Writer) error {
	s, err := l.st.Load(id)
	if err != nil {
		return err
	}
	ids, err := l.st.Before(id)
	if err != nil {
		return err
	}
	before := make([]*workshop.Session, len(ids))
	for i, at := range ids {
		if before[i], err = l.st.Load(at); err != nil {
			return err
		}
	}
	return calendar.Write(w, s, time.Now(), before...)
}

// Delete removes the session and everything in it, also from the disk's
// journal, in one transaction. A workshop goes with all its check-ins (each
// holds a copy of the participants' names); a check-in goes alone, and the
// check-ins after it then follow the session it followed.
func (l *Library) Delete(id int64) error { return l.st.Delete(id) }

// DeletedWith lists the check-ins Delete(id) removes with the session, in
// date order: all of a workshop's, none for a check-in.
func (l *Library) DeletedWith(id int64) ([]Summary, error) { return l.st.DeletedWith(id) }

// SessionFileName suggests a file name for the session file Export writes
// of the stored session: since the file carries the whole family, it is
// named after the family's first session (the workshop), also when id is
// one of its check-ins.
func (l *Library) SessionFileName(id int64) (string, error) {
	fam, err := l.st.Family(id)
	if err != nil {
		return "", err
	}
	s, err := l.st.Load(fam[0].ID)
	if err != nil {
		return "", err
	}
	return FileName(s, ".json"), nil
}

// FileName suggests a file name for the session's PDF (ext ".pdf") or
// session file (ext ".json").
func FileName(s *workshop.Session, ext string) string {
	name := report.FileName(s)
	if ext == ".pdf" {
		return name
	}
	return name[:len(name)-len(".pdf")] + ext
}
