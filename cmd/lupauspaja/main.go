// Command lupauspaja runs the value-promise workshop app, or one of its
// command-line verbs (list, import, export, pdf) for scripts.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"

	"lupauspaja/buildinfo"
	"lupauspaja/workshop/store"
)

// verb is a command-line verb: it gets its own arguments and the database path.
type verb struct {
	usage string
	run   func(env *cliEnv, args []string) error
}

// cliEnv is what a verb may use.
type cliEnv struct {
	dbPath string
	stdin  io.Reader // nil: os.Stdin
	stdout io.Writer
	stderr io.Writer
}

var verbs = map[string]verb{}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the arguments and runs a verb or the GUI; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		// Before anything else: it needs no data folder.
		fmt.Fprintln(stdout, versionLine())
		return 0
	}
	db, rest, err := takeDB(args)
	if err != nil {
		fmt.Fprintln(stderr, "lupauspaja:", err)
		return 2
	}
	env := &cliEnv{dbPath: db, stdout: stdout, stderr: stderr}
	if len(rest) == 0 {
		if err := runGUI(env); err != nil {
			fmt.Fprintln(stderr, "lupauspaja:", err)
			return 1
		}
		return 0
	}
	name := rest[0]
	if name == "-h" || name == "--help" || name == "help" {
		fmt.Fprint(stdout, usage())
		return 0
	}
	v, ok := verbs[name]
	if !ok {
		fmt.Fprintf(stderr, "lupauspaja: unknown command %q (try: %s)\n", name, strings.Join(verbNames(), ", "))
		return 2
	}
	if err := v.run(env, rest[1:]); err != nil {
		fmt.Fprintln(stderr, "lupauspaja "+name+":", oneLine(err.Error()))
		return 1
	}
	return 0
}

// takeDB removes --db PATH (or --db=PATH) from anywhere in the arguments.
func takeDB(args []string) (db string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--db needs a file path")
			}
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			db = strings.TrimPrefix(a, "--db=")
		default:
			rest = append(rest, a)
		}
	}
	if db == "" {
		if db, err = store.DefaultPath(); err != nil {
			return "", nil, err
		}
	}
	return db, rest, nil
}

func verbNames() []string {
	var names []string
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage() string {
	var b strings.Builder
	b.WriteString("Usage:\n  lupauspaja [--db PATH]            start the app\n")
	b.WriteString("  lupauspaja --version              the version and the commit it was built from\n")
	for _, n := range verbNames() {
		fmt.Fprintf(&b, "  lupauspaja %s\n", verbs[n].usage)
	}
	return b.String()
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// openStore opens the database of the command line.
func (env *cliEnv) openStore() (*store.Store, error) {
	return store.Open(env.dbPath)
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
