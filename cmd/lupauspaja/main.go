// Command lupauspaja runs the value-promise workshop app, or one of its
// command-line verbs (list, import, export, pdf) for scripts.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"lupauspaja/buildinfo"
	"lupauspaja/workshop/library"
)

// verb is a command-line verb: it gets its own arguments (without --db,
// which may stand anywhere on the line) and the database path.
type verb struct {
	name  string
	args  string // what follows the name in the usage line
	about string // what it does, for the help
	db    dbUse  // whether it may make the database
	run   func(env *cliEnv, args []string) error
}

// dbUse is what a verb does with a database file that is not there.
type dbUse int

const (
	// dbNeeds: the verb works on what the database holds; a missing file
	// is refused (a mistyped --db), and nothing is made.
	dbNeeds dbUse = iota
	// dbMakes: the verb stores something new, and makes the database (and
	// its folder) when missing, as the app does.
	dbMakes
	// dbReads: dbNeeds, and the verb only reads: a database it cannot
	// write (a read-only file, folder or disk) is opened read-only.
	dbReads
)

// verbs are the command line's verbs, in the order the help lists them.
// Adding a verb is adding a line here; its run function declares its
// options on env.flags and reads them with env.parse.
var verbs = []verb{
	{"list", "", "sessions, one a line: id, date, title, organisation (a check-in: and \"checkin ID\", the session it follows)", dbReads, runList},
	{"import", "FILE.json", "new session from a session file (- reads stdin); prints its id", dbMakes, runImport},
	{"export", "ID [-o FILE.json] [--private-notes]", "the session as a session file, to FILE or stdout", dbReads, runExport},
	{"pdf", "ID -o FILE.pdf [--lang fi|en]", "the PDF summary of a session (-o - writes stdout)", dbReads, runPDF},
	{"checkin", "ID [--date YYYY-MM-DD] [--agenda 45|90]", "a new check-in of session ID (a workshop or a check-in); prints its id", dbNeeds, runCheckin},
	{"ics", "ID -o FILE.ics", "the next review and the actions' due dates as a calendar (-o - writes stdout)", dbReads, runICS},
	{"room", "ID [--addr HOST:PORT] [--guests]", "serve the session to phones without a window, until stopped; prints the join link", dbNeeds, runRoom},
}

// cliEnv is what a verb may use.
type cliEnv struct {
	dbPath  string
	dbGiven bool      // dbPath came from --db, not the app's default
	stdin   io.Reader // nil: os.Stdin
	stdout  io.Writer
	stderr  io.Writer
	verb    verb // the verb being run
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errHelp: the verb was asked for its help, which it has printed.
var errHelp = errors.New("help")

// usageError is a command line a verb cannot run as written: an unknown
// option, an option without its value or with one it does not take, an
// option given twice, a missing or extra argument. It exits with 2, as the
// command line's own usage errors do; every other failure exits with 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// run parses the arguments and runs a verb or the GUI; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		// Before anything else: it needs no data folder.
		fmt.Fprintln(stdout, versionLine())
		return 0
	}
	db, given, rest, err := takeDB(args)
	if err != nil {
		fmt.Fprintln(stderr, "lupauspaja:", err)
		return 2
	}
	env := &cliEnv{dbPath: db, dbGiven: given, stdout: stdout, stderr: stderr}
	if len(rest) == 0 {
		if err := runGUI(env); err != nil {
			fmt.Fprintln(stderr, "lupauspaja:", oneLine(err.Error()))
			return 1
		}
		return 0
	}
	name, args := rest[0], rest[1:]
	if name == "-h" || name == "--help" || name == "help" {
		switch len(args) {
		case 0:
			fmt.Fprint(stdout, usage())
			return 0
		case 1:
			// help VERB is VERB -h.
			name, args = args[0], []string{"-h"}
		default:
			fmt.Fprintf(stderr, "lupauspaja: unexpected argument %q (usage: lupauspaja help [VERB])\n", args[1])
			return 2
		}
	}
	v, ok := findVerb(name)
	if !ok {
		fmt.Fprintf(stderr, "lupauspaja: unknown command %q (try: %s)\n", name, strings.Join(verbNames(), ", "))
		return 2
	}
	env.verb = v
	if err := v.run(env, args); err != nil {
		if errors.Is(err, errHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "lupauspaja "+name+":", oneLine(env.explain(err).Error()))
		var ue *usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// explain words an error of the database for the command line, with what
// to do about it.
func (env *cliEnv) explain(err error) error {
	var ro *library.ReadOnlyError
	switch {
	case errors.As(err, &ro):
		// The file's own sentence: what the verb was doing adds nothing.
		return fmt.Errorf("%v, or choose another with --db", ro)
	case errors.Is(err, library.ErrNotDatabase):
		switch b := library.Backups(env.dbPath); len(b) {
		case 0:
			return fmt.Errorf("%w; choose another file with --db, or start the app, which offers to move it aside and start a new one", err)
		case 1:
			return fmt.Errorf("%w; beside it is a backup the app made before an update: %s (open it with --db, or choose another file with --db)", err, b[0])
		default:
			return fmt.Errorf("%w; beside it are backups the app made before updates, newest first: %s (open one with --db, or choose another file with --db)", err, strings.Join(b, ", "))
		}
	case errors.Is(err, library.ErrForeignDatabase):
		return fmt.Errorf("%w; choose another file with --db", err)
	case errors.Is(err, library.ErrNotFound):
		return fmt.Errorf("%w (see lupauspaja list)", err)
	}
	return err
}

func findVerb(name string) (verb, bool) {
	for _, v := range verbs {
		if v.name == name {
			return v, true
		}
	}
	return verb{}, false
}

func verbNames() []string {
	var names []string
	for _, v := range verbs {
		names = append(names, v.name)
	}
	return names
}

// takeDB removes --db PATH (or --db=PATH) from anywhere in the arguments;
// given tells whether it was there. A second --db is refused, as a verb's
// repeated option is, and so is an empty PATH: taken for
// "no --db", it would quietly be the user's own database. A leading "~/" is
// the home folder, also where the shell leaves it (--db=~/x.db).
func takeDB(args []string) (db string, given bool, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if given && (a == "--db" || a == "-db" || strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=")) {
			return "", false, nil, fmt.Errorf("--db is given twice; give it once")
		}
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) || args[i+1] == "" {
				return "", false, nil, fmt.Errorf("--db needs a file path")
			}
			db, given = args[i+1], true
			i++
		case strings.HasPrefix(a, "--db="), strings.HasPrefix(a, "-db="):
			db, given = a[strings.IndexByte(a, '=')+1:], true
			if db == "" {
				return "", false, nil, fmt.Errorf("--db needs a file path")
			}
		default:
			rest = append(rest, a)
		}
	}
	if !given {
		db, err = library.DefaultPath()
		return db, false, rest, err
	}
	if db, err = expandHome(db); err != nil {
		return "", false, nil, err
	}
	return db, true, rest, nil
}

// expandHome replaces a leading "~" of "~/PATH" (or "~\\PATH" on Windows)
// with the user's home folder.
func expandHome(p string) (string, error) {
	if !strings.HasPrefix(p, "~/") && !(runtime.GOOS == "windows" && strings.HasPrefix(p, `~\`)) {
		return p, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("--db %s: %v", p, err)
	}
	return filepath.Join(home, p[2:]), nil
}

// synopsis is the verb's usage line.
func (v verb) synopsis() string {
	return strings.TrimSpace("lupauspaja " + v.name + " " + v.args)
}

func usage() string {
	var b strings.Builder
	b.WriteString("Usage:\n")
	lines := [][2]string{{"lupauspaja [--db PATH]", "start the app"},
		{"lupauspaja --version", "the version and the commit it was built from"}}
	for _, v := range verbs {
		lines = append(lines, [2]string{v.synopsis(), v.about})
	}
	width := 0
	for _, l := range lines {
		width = max(width, len(l[0]))
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, l[0], l[1])
	}
	b.WriteString("\n--db PATH may stand anywhere on the line; without it the database is the one the app uses.\n" +
		"lupauspaja help VERB (or lupauspaja VERB -h) describes the verb's options.\n" +
		"Exit status: 0 done, 1 failed, 2 the command line is wrong (an unknown verb or option, a missing or extra argument).\n")
	return b.String()
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// flags makes the verb's option set. Each option's usage text says what its
// value is ("a file name"), so that a missing value reads "-o needs a file name".
func (env *cliEnv) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(env.verb.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads the options in args, before, between or after the verb's
// other arguments (lupauspaja export -o x.json 1 and export 1 -o x.json are
// the same), and returns the other arguments. "-" is an argument (stdin or
// stdout), and everything after "--" is. -h prints the verb's usage.
func (env *cliEnv) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := env.check(fs, args); err != nil {
		return nil, err
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%v (usage: %s)", err, env.verb.synopsis())
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// Parse stops at the first argument that is not an option, or
		// after "--", which ends the options.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// check says, before the flag package would say it in its own words, which
// option is unknown, lacks its value or is given twice (the flag package
// keeps the last: export 1 -o a.json -o b.json wrote only b.json), and
// prints the verb's usage for -h.
func (env *cliEnv) check(fs *flag.FlagSet, args []string) error {
	seen := map[flag.Value]string{} // an option's value (one for -o and --output) → how it was written
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			if name == "h" || name == "help" {
				env.printHelp(fs)
				return errHelp
			}
			return usagef("unknown option %s (usage: %s)", a, env.verb.synopsis())
		}
		spelt, _, _ := strings.Cut(a, "=")
		if first, ok := seen[f.Value]; ok {
			if first == spelt {
				return usagef("%s is given twice; give it once (usage: %s)", spelt, env.verb.synopsis())
			}
			return usagef("%s and %s are the same option; give it once (usage: %s)", first, spelt, env.verb.synopsis())
		}
		seen[f.Value] = spelt
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() || hasValue {
			continue
		}
		if i+1 >= len(args) || args[i+1] == "" {
			return usagef("%s needs %s (usage: %s)", a, f.Usage, env.verb.synopsis())
		}
		i++
	}
	return nil
}

// printHelp prints the verb's usage line and its options.
func (env *cliEnv) printHelp(fs *flag.FlagSet) {
	fmt.Fprintf(env.stdout, "Usage: %s [--db PATH]\n  %s\n", env.verb.synopsis(), env.verb.about)
	var names, usages []string
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		names, usages = append(names, dash+f.Name), append(usages, f.Usage)
	})
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for i, n := range names {
		fmt.Fprintf(env.stdout, "  %-*s  %s\n", width, n, usages[i])
	}
}

// openLibrary opens the database of the command line: for a verb that
// makes none (env.verb.db), only one that is there.
func (env *cliEnv) openLibrary() (*library.Library, error) {
	open := library.OpenExisting
	switch env.verb.db {
	case dbMakes:
		open = library.Open
	case dbReads:
		open = library.OpenForReading
	}
	lib, err := open(env.dbPath)
	if errors.Is(err, library.ErrNoDatabase) {
		return nil, env.noDatabase()
	}
	return lib, err
}

// needDatabase refuses a missing database file before a verb that makes
// none takes its lock, which would leave a folder and a lock file.
func (env *cliEnv) needDatabase() error {
	if _, err := os.Stat(env.dbPath); errors.Is(err, fs.ErrNotExist) && env.verb.db != dbMakes {
		return env.noDatabase()
	}
	return nil
}

// noDatabase says that there is no file at the database path, and how one is made.
func (env *cliEnv) noDatabase() error {
	if !env.dbGiven {
		return fmt.Errorf("no database at %s yet: start the app, or `lupauspaja import FILE` makes one", env.dbPath)
	}
	return fmt.Errorf("no database at %s: check --db; `lupauspaja import FILE --db %s` makes one", env.dbPath, shellWord(env.dbPath))
}

// shellWord quotes s for a shell when it needs it (for cmd and PowerShell
// on Windows, where a backslash is a path's own).
func shellWord(s string) string {
	if runtime.GOOS == "windows" {
		if s == "" || strings.ContainsAny(s, " &()^;,'`$") {
			return `"` + s + `"`
		}
		return s
	}
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// sessionID reads the id of a session from the verb's arguments.
func sessionID(arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a session id (a number; see lupauspaja list)", arg)
	}
	return id, nil
}

// versionLine is what --version prints: name, version, commit, Go and system.
func versionLine() string {
	commit := buildinfo.Commit()
	if commit == "" {
		commit = "unknown commit"
	} else {
		commit = "commit " + commit
	}
	return fmt.Sprintf("%s %s (%s, %s %s/%s)", appName, appVersion, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
