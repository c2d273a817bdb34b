// Package store keeps workshop sessions in one SQLite file: every card a
// row, every write a transaction, the schema versioned with PRAGMA user_version.
package store

import (
	"database/sql"
	"embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"lupauspaja/workshop"
	"lupauspaja/workshop/notify"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// applicationID marks a database as Lupauspaja's ("LUPA").
const applicationID = 0x4C555041

var (
	// ErrNewerDatabase: the file was written by a newer version of the app.
	ErrNewerDatabase = errors.New("the database was made by a newer version of Lupauspaja; update the app to open it")
	// ErrForeignDatabase: the file is an SQLite database of another program.
	ErrForeignDatabase = errors.New("the file is a database of another program, not of Lupauspaja")
	// ErrNotDatabase: the file is not an SQLite database, or it is damaged.
	ErrNotDatabase = errors.New("the file is not a Lupauspaja database or it is damaged")
	// ErrNotFound: no session with that id.
	ErrNotFound = errors.New("no such session")
	// ErrNoDatabase: there is no file at the path, and OpenExisting makes none.
	ErrNoDatabase = errors.New("there is no database file")
	// ErrReadOnly: the database cannot be written (see ReadOnlyError).
	ErrReadOnly = errors.New("the database is read-only")
)

// Store is an open database file. It is safe for use from several goroutines.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool // opened for reading only (OpenForReading)

	listeners notify.List[func(sessionID int64)]
}

// Summary is a session as the sessions list shows it.
type Summary struct {
	ID           int64
	Title        string
	Organisation string
	Date         string
	Status       string
	Language     string
	UpdatedAt    time.Time
	Kind         string // workshop or checkin
	FollowsID    int64  // the session a check-in follows; 0 when none
}

// DefaultPath is the database file in the user's data folder for the app.
func DefaultPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the data folder: %w", err)
		}
		dir = filepath.Join(d, "Lupauspaja")
	default:
		if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
			dir = filepath.Join(x, "lupauspaja")
		} else {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("find the data folder: %w", err)
			}
			dir = filepath.Join(home, ".local", "share", "lupauspaja")
		}
	}
	return filepath.Join(dir, "lupauspaja.db"), nil
}

// Open opens the database file at path, creating it (and its folder, private
// to the user) when missing, and brings its schema up to date after taking a
// backup copy of an existing file. A file it may not write (the file, its
// folder or its disk read-only) is refused with a *ReadOnlyError at once,
// not at the first save.
func Open(path string) (*Store, error) { return open(path, modeCreate) }

// OpenExisting is Open on a file that must be there already: it makes
// nothing, neither the file nor its folder, and a missing file is
// ErrNoDatabase (a mistyped path is then not a new, empty database).
func OpenExisting(path string) (*Store, error) { return open(path, modeExisting) }

// OpenForReading is OpenExisting for reading what the database holds: a
// file it may write opens as with Open (brought up to date, after its
// backup), and one it may not is opened read-only instead of refused. A
// read-only file that would need updating to this version's schema is a
// *ReadOnlyError; so is every write to a store opened read-only.
func OpenForReading(path string) (*Store, error) { return open(path, modeReading) }

type openMode int

const (
	modeCreate openMode = iota
	modeExisting
	modeReading
)

func open(path string, mode openMode) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	_, statErr := os.Stat(abs)
	if mode != modeCreate {
		if errors.Is(statErr, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", abs, ErrNoDatabase)
		}
	} else if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for the database: %w", err)
	}
	if err := checkFile(abs, mode == modeCreate); err != nil {
		return nil, err
	}
	// SQLite in WAL mode writes beside the file (PATH-wal, PATH-shm), and
	// a migration writes its backup there: the folder must be writable too.
	readOnly := false
	if statErr == nil && !writable(abs) {
		if mode != modeReading {
			return nil, &ReadOnlyError{Path: abs}
		}
		readOnly = true
	}
	s, err := openSQLite(abs, readOnly)
	if err != nil && mode == modeReading && !readOnly && errors.Is(err, ErrReadOnly) {
		// Read-only in a way writable could not tell (a folder on Windows).
		s, err = openSQLite(abs, true)
	}
	return s, err
}

// openSQLite opens the file, checks it and brings its schema up to date;
// readOnly opens it for reading only, and leaves nothing beside it.
func openSQLite(abs string, readOnly bool) (*Store, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	if readOnly {
		q.Set("mode", "ro")
		// A read-only WAL database opens only where SQLite can make its
		// shared-memory file, or as immutable (the file is read as it is,
		// without the log). A log that holds changes not yet folded into
		// the file must be read: then only mode=ro, with the log's files
		// already there.
		if fi, err := os.Stat(abs + "-wal"); err != nil || fi.Size() == 0 {
			q.Set("immutable", "1")
		}
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_txlock", "immediate")
		q.Set("_synchronous", "NORMAL")
		q.Set("_secure_delete", "on")
	}
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	// One connection: the app is one user; this keeps writes strictly ordered.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, readOnly: readOnly}
	if err := s.quickCheck(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// ReadOnlyError: the database file, its folder or its disk cannot be
// written, and the database was to be written (or made, or updated to this
// version's schema). errors.Is matches ErrReadOnly and fs.ErrPermission.
type ReadOnlyError struct {
	Path string
	// Old: the file needs updating to this version's schema, which a
	// read-only file cannot have.
	Old bool
}

func (e *ReadOnlyError) Error() string {
	if e.Old {
		return "the database " + e.Path + " (or its folder) is read-only, and this version of Lupauspaja needs to update it: copy it to a folder you can write to"
	}
	return "the database " + e.Path + " (or its folder) is read-only: copy it to a folder you can write to"
}

// Is makes errors.Is(err, ErrReadOnly) and errors.Is(err, fs.ErrPermission) match.
func (e *ReadOnlyError) Is(target error) bool {
	return target == ErrReadOnly || target == fs.ErrPermission
}

// checkFile creates a missing file private to the user (when create) and
// refuses a file that is plainly not an SQLite database before SQLite
// touches it.
func checkFile(path string, create bool) error {
	flag := os.O_RDONLY
	if create {
		flag |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if errors.Is(err, fs.ErrNotExist) && !create {
		return fmt.Errorf("%s: %w", path, ErrNoDatabase)
	}
	if create && cannotWrite(err) {
		if _, serr := os.Stat(path); errors.Is(serr, fs.ErrNotExist) {
			return &ReadOnlyError{Path: path} // the folder refused the new file
		}
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder, not a database file", path)
	}
	head := make([]byte, 100)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // new or empty file: SQLite makes a database of it
	}
	if n < 100 || string(head[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	// Opening with _journal_mode=WAL rewrites the header of a database in
	// rollback-journal mode, so a file that is not ours to open must be
	// refused from its header first. (In a database already in WAL mode the
	// header may be stale; migrate checks those, and opening them writes nothing.)
	if head[18] == 1 {
		schemaCookie := binary.BigEndian.Uint32(head[40:44])
		userVersion := binary.BigEndian.Uint32(head[60:64])
		appID := binary.BigEndian.Uint32(head[68:72])
		if appID != applicationID && schemaCookie != 0 {
			return fmt.Errorf("%s: %w", path, ErrForeignDatabase)
		}
		if latest := SchemaVersion(); appID == applicationID && int64(userVersion) > int64(latest) {
			return fmt.Errorf("%s (schema %d, this version knows %d): %w", path, userVersion, latest, ErrNewerDatabase)
		}
	}
	// A file cut short (a copy that did not finish, a full USB stick) opens
	// and fails only when a missing page is read, maybe in the middle of a
	// workshop. The header says how long the file should be, when its size
	// field is valid (its change counter equals the version-valid-for
	// number). A non-empty write-ahead log may hold the missing pages of a
	// checkpoint that was cut short, so the file is judged only without one.
	if binary.BigEndian.Uint32(head[24:28]) == binary.BigEndian.Uint32(head[92:96]) {
		pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
		if pageSize == 1 {
			pageSize = 65536
		}
		pages := int64(binary.BigEndian.Uint32(head[28:32]))
		fi, err := f.Stat()
		wal, werr := os.Stat(path + "-wal")
		if err == nil && pages > 0 && fi.Size() < pages*pageSize && (werr != nil || wal.Size() == 0) {
			return fmt.Errorf("%s: %w (the file is cut short: %d of %d bytes)", path, ErrNotDatabase, fi.Size(), pages*pageSize)
		}
	}
	return nil
}

// quickCheckLimit is the largest file that is checked page by page at every
// open. The check reads the whole file (about 8 ms a megabyte, see
// BenchmarkOpen1000), so it is kept to files of a few dozen workshops, where
// it costs a few milliseconds; a larger file is only checked for being cut
// short, and damage in it is reported as ErrNotDatabase when it is read.
var quickCheckLimit int64 = 2 << 20

// quickCheck refuses a damaged file at open rather than at the first read of
// a damaged page, in the middle of a workshop.
func (s *Store) quickCheck() error {
	fi, err := os.Stat(s.path)
	if err != nil || fi.Size() == 0 || fi.Size() > quickCheckLimit {
		return nil
	}
	var result string
	if err := s.db.QueryRow("PRAGMA quick_check(1)").Scan(&result); err != nil {
		return classify(s.path, err)
	}
	if result != "ok" {
		return fmt.Errorf("%s: %w (%s)", s.path, ErrNotDatabase, strings.Join(strings.Fields(result), " "))
	}
	return nil
}

// Backups are the copies of the database at path that updates to a newer
// schema made beside it (PATH.vN-TIME.bak, see migrate), newest first.
func Backups(path string) []string {
	names, _ := filepath.Glob(globEscape(path) + ".v*.bak")
	times := map[string]time.Time{}
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil {
			times[n] = fi.ModTime()
		}
	}
	sort.SliceStable(names, func(i, j int) bool {
		if !times[names[i]].Equal(times[names[j]]) {
			return times[names[i]].After(times[names[j]])
		}
		return names[i] > names[j]
	})
	return names
}

// globEscape quotes the characters filepath.Glob reads as a pattern.
func globEscape(path string) string {
	if runtime.GOOS == "windows" {
		// The backslash separates the path there; brackets are what is left to quote.
		return strings.NewReplacer("[", "[[]", "*", "[*]", "?", "[?]").Replace(path)
	}
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "*", `\*`, "?", `\?`).Replace(path)
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func classify(path string, err error) error {
	if d := damaged(path, err); d != err {
		return d
	}
	return fmt.Errorf("database %s: %w", path, err)
}

// readOnly is the *ReadOnlyError for SQLite's errors that mean the file (or
// the folder it needs for its journal) cannot be written: SQLITE_READONLY,
// and SQLITE_CANTOPEN on a file that is there (its -wal or -shm cannot be
// made), which SQLite words as "unable to open database file: no such file
// or directory". Nil for every other error.
func readOnly(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return nil
	}
	if se.Code == sqlite3.ErrReadonly {
		return &ReadOnlyError{Path: path}
	}
	if se.Code == sqlite3.ErrCantOpen {
		if fi, serr := os.Stat(path); serr == nil && !fi.IsDir() {
			return &ReadOnlyError{Path: path}
		}
	}
	return nil
}

type migration struct {
	version int
	sql     string
}

// testMigrations are added to the embedded ones: tests use them to go
// through a real upgrade (with its backup) while the app has one schema.
var testMigrations []migration

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		v, err := strconv.Atoi(strings.SplitN(filepath.Base(n), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: bad name", n)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, string(b)})
	}
	ms = append(ms, testMigrations...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, _ := migrations()
	return ms[len(ms)-1].version
}

func (s *Store) migrate() error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var version, appID, tables int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return classify(s.path, err)
	}
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return classify(s.path, err)
	}
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return classify(s.path, err)
	}
	if tables > 0 && appID != applicationID {
		return fmt.Errorf("%s: %w", s.path, ErrForeignDatabase)
	}
	latest := ms[len(ms)-1].version
	if version > latest {
		return fmt.Errorf("%s (schema %d, this version knows %d): %w", s.path, version, latest, ErrNewerDatabase)
	}
	if version == latest {
		return nil
	}
	if s.readOnly {
		return &ReadOnlyError{Path: s.path, Old: tables > 0}
	}
	if tables > 0 {
		// The copy is made under a temporary name and renamed when whole, so
		// that a process killed while copying never leaves half a backup
		// that looks like a whole one (nor a file that makes the next
		// VACUUM INTO fail).
		backup := fmt.Sprintf("%s.v%d-%s.bak", s.path, version, time.Now().Format("20060102-150405"))
		tmp := backup + ".tmp"
		os.Remove(tmp)
		if _, err := s.db.Exec("VACUUM INTO ?", tmp); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("back up %s before updating it: %w", s.path, err)
		}
		os.Chmod(tmp, 0o600)
		if err := os.Rename(tmp, backup); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("back up %s before updating it: %w", s.path, err)
		}
	}
	for _, m := range ms {
		if m.version <= version {
			continue
		}
		tx, err := s.db.Begin()
		if err != nil {
			return classify(s.path, err)
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("update database %s to schema %d: %w", s.path, m.version, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", m.version, applicationID)); err != nil {
			tx.Rollback()
			return fmt.Errorf("update database %s to schema %d: %w", s.path, m.version, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("update database %s to schema %d: %w", s.path, m.version, err)
		}
	}
	return nil
}

// OnChange registers fn to be called after every committed change of a
// session (with its id; 0 when the sessions list changed). It returns a
// function that removes the listener.
func (s *Store) OnChange(fn func(sessionID int64)) (remove func()) { return s.listeners.Add(fn) }

func (s *Store) notify(sessionID int64) {
	for _, fn := range s.listeners.All() {
		fn(sessionID)
	}
}

// stampLayout writes a time with all nine digits of its second's fraction,
// so that the stamps sort as text in the order of time (List orders by
// updated_at): RFC 3339's Nano form drops trailing zeros, and
// "…:05.12Z" sorted after "…:05.123Z". time.RFC3339Nano reads it back.
const stampLayout = "2006-01-02T15:04:05.000000000Z07:00"

func now() string { return time.Now().UTC().Format(stampLayout) }

// List returns the sessions whose title, organisation or date contains the
// query (all when empty), most recently edited first.
func (s *Store) List(query string) ([]Summary, error) {
	q := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.TrimSpace(query)) + "%"
	return s.summaries(`SELECT `+summaryColumns+` FROM sessions s
		WHERE title LIKE ?1 ESCAPE '\' OR organisation LIKE ?1 ESCAPE '\' OR date LIKE ?1 ESCAPE '\'
		ORDER BY updated_at DESC, id DESC`, q)
}

// summaryColumns are the columns of sessions s that summaries reads.
const summaryColumns = `s.id, s.title, s.organisation, s.date, s.status, s.language, s.updated_at, s.kind, COALESCE(s.follows, 0)`

// summaries runs a query selecting summaryColumns and reads its rows.
func (s *Store) summaries(query string, args ...any) ([]Summary, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, classify(s.path, err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var sm Summary
		var upd string
		if err := rows.Scan(&sm.ID, &sm.Title, &sm.Organisation, &sm.Date, &sm.Status, &sm.Language, &upd, &sm.Kind, &sm.FollowsID); err != nil {
			return nil, classify(s.path, err)
		}
		sm.UpdatedAt, _ = time.Parse(time.RFC3339Nano, upd)
		out = append(out, sm)
	}
	return out, classify0(s.path, rows.Err())
}

// damaged maps SQLite's corrupt and not-a-database errors to ErrNotDatabase
// with the path, and its read-only errors to a *ReadOnlyError, and leaves
// every other error as it is.
func damaged(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	if ro := readOnly(path, err); ro != nil {
		return ro
	}
	return err
}

func classify0(path string, err error) error {
	if err == nil {
		return nil
	}
	return classify(path, err)
}

// EncodeHeader is the session's own fields as the store keeps them.
func EncodeHeader(sess *workshop.Session) ([]byte, error) { return header(sess) }

// Encode is a record as the store keeps it.
func Encode(r Record) ([]byte, error) { return json.Marshal(r) }

// header is what the sessions row keeps as JSON: the session without its records.
func header(sess *workshop.Session) ([]byte, error) {
	h := *sess
	h.Participants, h.Ladder, h.Segments, h.ProfileItems, h.ValueItems = nil, nil, nil, nil, nil
	h.Alternatives, h.Drafts, h.DotVotes, h.Ratings, h.Consent = nil, nil, nil, nil, nil
	h.PromiseVersions, h.Measures, h.Actions, h.ParkingLot = nil, nil, nil, nil
	h.Readings, h.ValidationAnswers, h.Pending, h.RoomDevices = nil, nil, nil, nil
	return json.Marshal(&h)
}

// Create stores a new session with all its records in one transaction and
// sets its ID.
func (s *Store) Create(sess *workshop.Session) error {
	err := s.tx(func(tx *Tx) error { return tx.create(sess) }, 0)
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	s.notify(sess.ID)
	return nil
}

// CreateAll stores new sessions in one transaction: all of them, or none.
// follows[i] is the index in list of the session list[i] follows (its
// FollowsID is set from it), or -1; a session may only follow one before it.
func (s *Store) CreateAll(list []*workshop.Session, follows []int) error {
	if len(follows) != len(list) {
		return errors.New("create sessions: a link for every session is needed")
	}
	ids := make([]int64, len(list))
	err := s.tx(func(tx *Tx) error {
		for i, sess := range list {
			sess.FollowsID = 0
			if f := follows[i]; f >= 0 {
				if f >= i {
					return fmt.Errorf("session %d follows one after it", i+1)
				}
				sess.FollowsID = ids[f]
			}
			if err := tx.create(sess); err != nil {
				return err
			}
			ids[i] = sess.ID
		}
		return nil
	}, 0)
	if err != nil {
		for _, sess := range list {
			sess.ID = 0
		}
		return fmt.Errorf("create sessions: %w", err)
	}
	s.notify(0)
	return nil
}

func (tx *Tx) create(sess *workshop.Session) error {
	t := now()
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = time.Now().UTC()
	}
	sess.UpdatedAt, _ = time.Parse(time.RFC3339Nano, t)
	h, err := header(sess)
	if err != nil {
		return err
	}
	var follows any
	if sess.FollowsID != 0 {
		follows = sess.FollowsID
	}
	res, err := tx.tx.Exec(`INSERT INTO sessions(title, organisation, date, status, language, created_at, updated_at, header, kind, follows)
		VALUES(?,?,?,?,?,?,?,?,?,?)`, sess.Title, sess.Organisation, sess.Date, sess.Status, sess.Language,
		sess.CreatedAt.UTC().Format(time.RFC3339Nano), t, h, sess.KindOrWorkshop(), follows)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	tx.sid = id
	for _, r := range Records(sess) {
		if err := tx.Put(r); err != nil {
			return err
		}
	}
	sess.ID = id
	tx.touched = false // created with its time of last edit already
	return nil
}

// Load reads a whole session.
func (s *Store) Load(id int64) (*workshop.Session, error) {
	var h, created, updated string
	var follows int64
	err := s.db.QueryRow(`SELECT header, created_at, updated_at, COALESCE(follows, 0) FROM sessions WHERE id = ?`, id).Scan(&h, &created, &updated, &follows)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("open session %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("open session %d: %w", id, classify(s.path, err))
	}
	sess := new(workshop.Session)
	if err := json.Unmarshal([]byte(h), sess); err != nil {
		return nil, fmt.Errorf("open session %d: damaged header: %w", id, err)
	}
	sess.ID = id
	sess.FollowsID = follows
	sess.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	sess.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	rows, err := s.db.Query(`SELECT kind, data FROM records WHERE session_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("open session %d: %w", id, classify(s.path, err))
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var data []byte
		if err := rows.Scan(&kind, &data); err != nil {
			return nil, fmt.Errorf("open session %d: %w", id, classify(s.path, err))
		}
		if err := appendRecord(sess, kind, data); err != nil {
			return nil, fmt.Errorf("open session %d: %w", id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("open session %d: %w", id, classify(s.path, err))
	}
	return sess, nil
}

// Delete removes a session and every record of it, in one transaction.
//
// A workshop goes together with every check-in that follows it (directly or
// through an earlier check-in): each check-in carries a copy of the
// participants and their names, so deleting the workshop alone would leave
// its personal data behind. DeletedWith lists them beforehand.
//
// A check-in goes alone. The check-ins that followed it then follow the
// session it followed, so that the promise's history stays one family;
// what each of them recorded of the session before it (CheckinInfo) is its
// own record and stays as it was.
func (s *Store) Delete(id int64) error {
	var gone, relinked []int64
	err := s.tx(func(tx *Tx) error {
		gone, relinked = nil, nil
		var kind string
		var follows sql.NullInt64
		err := tx.tx.QueryRow(`SELECT kind, follows FROM sessions WHERE id = ?`, id).Scan(&kind, &follows)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if kind == workshop.SessionCheckin {
			if relinked, err = ids(tx.tx.Query(`SELECT id FROM sessions WHERE follows = ?1 AND id != ?1`, id)); err != nil {
				return err
			}
			var parent any
			if follows.Valid && follows.Int64 != id {
				parent = follows.Int64
			}
			// A follower that is the parent itself (a loop, which the app
			// never makes) follows none rather than itself.
			if _, err := tx.tx.Exec(`UPDATE sessions SET follows = CASE WHEN id = ?2 THEN NULL ELSE ?2 END
				WHERE follows = ?1 AND id != ?1`, id, parent); err != nil {
				return err
			}
			gone = []int64{id}
			_, err = tx.tx.Exec(`DELETE FROM sessions WHERE id = ?`, id)
			return err
		}
		if gone, err = ids(tx.tx.Query(descendants+` SELECT id FROM fam`, id)); err != nil {
			return err
		}
		_, err = tx.tx.Exec(descendants+` DELETE FROM sessions WHERE id IN (SELECT id FROM fam)`, id)
		return err
	}, 0)
	if err != nil {
		return fmt.Errorf("delete session %d: %w", id, err)
	}
	// secure_delete has zeroed the deleted rows in the new page images, but
	// the write-ahead log still holds the old images with the participants'
	// names: fold the log into the file and empty it, so that the names are
	// gone from the disk now. Best effort: while another process reads, the
	// log is emptied at a later checkpoint.
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	for _, g := range append(gone, relinked...) {
		s.notify(g)
	}
	return nil
}

// descendants is a query's start naming fam: the session ?1 and every
// session that follows it, directly or through others (UNION ends a loop).
const descendants = `WITH RECURSIVE fam(id) AS (
	SELECT ?1 UNION SELECT s.id FROM sessions s JOIN fam ON s.follows = fam.id)`

// ids reads a query's single column of ids.
func ids(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Compact rewrites the file without free pages and folds the write-ahead log
// into it, so that nothing deleted lingers on disk.
func (s *Store) Compact() error {
	if _, err := s.db.Exec(`VACUUM`); err != nil {
		return classify(s.path, err)
	}
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return classify(s.path, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check; "ok" when the file is sound.
func (s *Store) IntegrityCheck() (string, error) {
	rows, err := s.db.Query(`PRAGMA integrity_check`)
	if err != nil {
		return "", classify(s.path, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return "", err
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), rows.Err()
}

// Tx is a write transaction on one session.
type Tx struct {
	tx      *sql.Tx
	sid     int64
	touched bool
}

func (s *Store) tx(fn func(*Tx) error, sid int64) error {
	t, err := s.db.Begin()
	if err != nil {
		return classify(s.path, err)
	}
	tx := &Tx{tx: t, sid: sid}
	if err := fn(tx); err != nil {
		t.Rollback()
		return damaged(s.path, err)
	}
	if tx.touched {
		if _, err := t.Exec(`UPDATE sessions SET updated_at = ? WHERE id = ?`, now(), tx.sid); err != nil {
			t.Rollback()
			return classify(s.path, err)
		}
	}
	if err := t.Commit(); err != nil {
		return classify(s.path, err)
	}
	return nil
}

// Update runs fn in one transaction on the session: all its writes land, or none.
func (s *Store) Update(sessionID int64, fn func(tx *Tx) error) error {
	err := s.tx(func(tx *Tx) error {
		var one int
		if err := tx.tx.QueryRow(`SELECT 1 FROM sessions WHERE id = ?`, sessionID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		return fn(tx)
	}, sessionID)
	if err != nil {
		return fmt.Errorf("save session %d: %w", sessionID, err)
	}
	s.notify(sessionID)
	return nil
}

// SaveHeader saves the session's own fields (everything but its records).
func (s *Store) SaveHeader(sess *workshop.Session) error {
	return s.Update(sess.ID, func(tx *Tx) error { return tx.SaveHeader(sess) })
}

// Put saves one record (inserts it, or replaces the one with its key).
func (s *Store) Put(sessionID int64, r Record) error {
	return s.Update(sessionID, func(tx *Tx) error { return tx.Put(r) })
}

// Remove deletes one record.
func (s *Store) Remove(sessionID int64, kind, key string) error {
	return s.Update(sessionID, func(tx *Tx) error { return tx.Remove(kind, key) })
}

// SaveHeader saves the session's own fields.
func (tx *Tx) SaveHeader(sess *workshop.Session) error {
	h, err := header(sess)
	if err != nil {
		return err
	}
	return tx.SaveHeaderEncoded(sess, h)
}

// SaveHeaderEncoded saves the session's own fields, h being EncodeHeader(sess).
func (tx *Tx) SaveHeaderEncoded(sess *workshop.Session, h []byte) error {
	tx.touched = true
	_, err := tx.tx.Exec(`UPDATE sessions SET title=?, organisation=?, date=?, status=?, language=?, header=?, kind=? WHERE id=?`,
		sess.Title, sess.Organisation, sess.Date, sess.Status, sess.Language, h, sess.KindOrWorkshop(), tx.sid)
	return err
}

// Put saves one record, keeping its place in the order when it exists.
func (tx *Tx) Put(r Record) error {
	data, err := Encode(r)
	if err != nil {
		return err
	}
	return tx.PutEncoded(r.RecordKind(), r.RecordKey(), data)
}

// PutEncoded saves one record given as Encode made it.
func (tx *Tx) PutEncoded(kind, key string, data []byte) error {
	tx.touched = true
	_, err := tx.tx.Exec(`INSERT INTO records(session_id, kind, key, seq, data)
		VALUES(?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM records WHERE session_id = ?1), ?4)
		ON CONFLICT(session_id, kind, key) DO UPDATE SET data = excluded.data`,
		tx.sid, kind, key, data)
	return err
}

// Remove deletes one record; removing a missing record is not an error.
func (tx *Tx) Remove(kind, key string) error {
	tx.touched = true
	_, err := tx.tx.Exec(`DELETE FROM records WHERE session_id = ? AND kind = ? AND key = ?`, tx.sid, kind, key)
	return err
}

// Reorder gives the records of a kind the order of keys (records of the kind
// not among keys keep theirs, before them), for an undo that puts a record
// back in its old place rather than at the end.
func (tx *Tx) Reorder(kind string, keys []string) error {
	tx.touched = true
	var base int64
	if err := tx.tx.QueryRow(`SELECT COALESCE(MAX(seq), 0) + 1 FROM records WHERE session_id = ?`, tx.sid).Scan(&base); err != nil {
		return err
	}
	stmt, err := tx.tx.Prepare(`UPDATE records SET seq = ? WHERE session_id = ? AND kind = ? AND key = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, k := range keys {
		if _, err := stmt.Exec(base+int64(i), tx.sid, kind, k); err != nil {
			return err
		}
	}
	return nil
}
