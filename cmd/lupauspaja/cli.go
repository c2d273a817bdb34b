package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
)

// runList prints the sessions, most recently edited first. No sessions is no
// output: scripts can count lines.
func runList(env *cliEnv, args []string) error {
	rest, err := env.parse(env.flags(), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q (usage: %s [--db PATH])", rest[0], env.verb.synopsis())
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	l, err := lib.List("")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	for _, s := range l {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s", s.ID, field(s.Date), field(s.Title), field(s.Organisation))
		if s.Kind == workshop.SessionCheckin {
			// A check-in keeps its workshop's title: a fifth column tells them apart.
			fmt.Fprintf(&b, "\tcheckin %d", s.FollowsID)
		}
		b.WriteByte('\n')
	}
	_, err = env.stdout.Write(b.Bytes())
	return err
}

// field keeps a value on its line and in its column, and the terminal's
// text in the order it is printed: tabs, line breaks and other control
// characters become spaces, and so do the format characters (Unicode's
// Cf), among them the bidirectional controls (U+202A–202E, U+2066–2069,
// U+200E, U+200F), with which a title could show its line, and the columns
// after it, reversed.
func field(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

func runImport(env *cliEnv, args []string) error {
	rest, err := env.parse(env.flags(), args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("give one session file (usage: lupauspaja import FILE.json [--db PATH]; - reads stdin)")
	}
	name := rest[0]
	// Read the file before the database is opened: a broken file then
	// leaves no trace, not even a new empty database.
	var f *library.File
	if name == "-" {
		in := io.Reader(os.Stdin)
		if env.stdin != nil {
			in = env.stdin
		}
		if f, err = library.Read(in); err != nil {
			return fmt.Errorf("stdin: %w", err)
		}
	} else if f, err = library.ReadFile(name); err != nil {
		return err
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	// The file was read whole and is sound: what fails now is the
	// database's, not the file's, and its message names the database.
	id, err := lib.Add(f)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.stdout, id)
	return err
}

func runExport(env *cliEnv, args []string) error {
	fs := env.flags()
	out := outputFlag(fs, "a file name")
	private := fs.Bool("private-notes", false, "keep the facilitator's private notes in the file")
	id, err := env.parseSession(fs, args)
	if err != nil {
		return err
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	if *out == "" || *out == "-" {
		return lib.ExportTo(id, env.stdout, *private)
	}
	return lib.Export(id, *out, *private)
}

func runPDF(env *cliEnv, args []string) error {
	fs := env.flags()
	out := outputFlag(fs, "a file name")
	lang := fs.String("lang", "", "fi or en")
	id, err := env.parseSession(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE.pdf is required (usage: %s)", env.verb.synopsis())
	}
	if *lang != "" && *lang != "fi" && *lang != "en" {
		return usagef("--lang %q: use fi or en", *lang)
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	if *out == "-" {
		return lib.PDFTo(id, env.stdout, *lang)
	}
	return lib.PDF(id, *out, *lang)
}

// parseSession reads the options of a verb that takes a session's id
// (env.parse) and returns the id, its one other argument.
func (env *cliEnv) parseSession(fs *flag.FlagSet, args []string) (int64, error) {
	rest, err := env.parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(rest) == 0 {
		return 0, usagef("give the id of the session (see lupauspaja list)")
	}
	if len(rest) > 1 {
		return 0, usagef("unexpected argument %q (usage: %s)", rest[1], env.verb.synopsis())
	}
	return sessionID(rest[0])
}

// outputFlag is a verb's -o and --output, the file it writes: two names of one option.
func outputFlag(fs *flag.FlagSet, usage string) *string {
	out := new(string)
	fs.StringVar(out, "o", "", usage)
	fs.StringVar(out, "output", "", usage)
	return out
}
