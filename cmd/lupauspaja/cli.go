package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"lupauspaja/workshop/safefile"
	"lupauspaja/workshop/sessionfile"
)

func init() {
	verbs["list"] = verb{usage: "list                                   sessions, one a line: id, date, title, organisation", run: runList}
	verbs["import"] = verb{usage: "import FILE.json                       new session from a session file (- reads stdin); prints its id", run: runImport}
	verbs["export"] = verb{usage: "export ID [-o FILE] [--private-notes]  the session as a session file, to FILE or stdout", run: runExport}
}

// runList prints the sessions, most recently edited first. No sessions is no
// output: scripts can count lines.
func runList(env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q (usage: lupauspaja list [--db PATH])", args[0])
	}
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := st.List("")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	for _, s := range l {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\n", s.ID, field(s.Date), field(s.Title), field(s.Organisation))
	}
	_, err = env.stdout.Write(b.Bytes())
	return err
}

// field keeps a value on its line and in its column: tabs, line breaks and
// other control characters become spaces.
func field(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

func runImport(env *cliEnv, args []string) error {
	if len(args) != 1 {
		return errors.New("give one session file (usage: lupauspaja import FILE.json [--db PATH]; - reads stdin)")
	}
	name := args[0]
	var in io.Reader
	if name == "-" {
		name, in = "stdin", os.Stdin
		if env.stdin != nil {
			in = env.stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, safefile.Cause(err))
		}
		defer f.Close()
		in = f
	}
	// Read the file before the database is opened: a broken file then
	// leaves no trace, not even a new empty database.
	s, checkins, err := sessionfile.ReadFamily(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := sessionfile.Store(st, s, checkins)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	_, err = fmt.Fprintln(env.stdout, id)
	return err
}

func runExport(env *cliEnv, args []string) error {
	var idArg, out string
	var opt sessionfile.Options
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" || a == "--output":
			if i+1 >= len(args) || args[i+1] == "" {
				return errors.New("-o needs a file name")
			}
			out = args[i+1]
			i++
		case strings.HasPrefix(a, "-o="), strings.HasPrefix(a, "--output="):
			out = a[strings.IndexByte(a, '=')+1:]
		case a == "--private-notes":
			opt.IncludePrivateNotes = true
		case strings.HasPrefix(a, "-") && a != "-":
			return fmt.Errorf("unknown option %s (usage: lupauspaja export ID [-o FILE.json] [--private-notes])", a)
		case idArg == "":
			idArg = a
		default:
			return fmt.Errorf("unexpected argument %q (usage: lupauspaja export ID [-o FILE.json])", a)
		}
	}
	if idArg == "" {
		return errors.New("give the id of the session (see lupauspaja list)")
	}
	id, err := strconv.ParseInt(idArg, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%q is not a session id (a number; see lupauspaja list)", idArg)
	}
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	// The file carries the check-ins that follow the session too.
	b, err := sessionfile.ExportBytes(st, id, opt)
	if err != nil {
		return err
	}
	if out == "" || out == "-" {
		_, err = env.stdout.Write(b)
		return err
	}
	if err := safefile.Write(out, 0o600, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}
