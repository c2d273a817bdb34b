package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"lupauspaja/workshop/calendar"
	"lupauspaja/workshop/safefile"
)

func init() {
	verbs["checkin"] = verb{usage: "checkin ID [--date YYYY-MM-DD] [--agenda 45|90]  a new check-in of session ID (a workshop or a check-in); prints its id", run: runCheckin}
	verbs["ics"] = verb{usage: "ics ID -o FILE.ics                     the next review and the actions' due dates as a calendar (-o - writes stdout)", run: runICS}
}

// parseVerb reads a verb's options, before or after its one argument, the id.
func parseVerb(fs *flag.FlagSet, args []string, usage string) (int64, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return 0, fmt.Errorf("%v (usage: %s)", err, usage)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) == 0 {
		return 0, errors.New("give the id of the session (see lupauspaja list)")
	}
	if len(pos) > 1 {
		return 0, fmt.Errorf("unexpected argument %q (usage: %s)", pos[1], usage)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not a session id (a number; see lupauspaja list)", pos[0])
	}
	return id, nil
}

const checkinUsage = "lupauspaja checkin ID [--date YYYY-MM-DD] [--agenda 45|90]"

func runCheckin(env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("checkin", flag.ContinueOnError)
	date := fs.String("date", "", "the check-in's date, YYYY-MM-DD (today when not given)")
	agenda := fs.String("agenda", "45", "45 or 90 minutes")
	id, err := parseVerb(fs, args, checkinUsage)
	if err != nil {
		return err
	}
	preset := ""
	switch *agenda {
	case "45", "45min":
		preset = "45min"
	case "90", "90min":
		preset = "90min"
	default:
		return fmt.Errorf("--agenda %q: use 45 or 90", *agenda)
	}
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.CreateCheckin(id, *date, preset, time.Now())
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.stdout, c.ID)
	return err
}

const icsUsage = "lupauspaja ics ID -o FILE.ics"

func runICS(env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("ics", flag.ContinueOnError)
	var out string
	fs.StringVar(&out, "o", "", "a file name (- writes stdout)")
	fs.StringVar(&out, "output", "", "a file name (- writes stdout)")
	id, err := parseVerb(fs, args, icsUsage)
	if err != nil {
		return err
	}
	if out == "" {
		return errors.New("-o FILE.ics is required (usage: " + icsUsage + ")")
	}
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Load(id)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := calendar.Write(&b, s, time.Now()); err != nil {
		return err
	}
	if out == "-" {
		_, err = env.stdout.Write(b.Bytes())
		return err
	}
	// The file holds participants' names: private to the user.
	if err := safefile.Write(out, 0o600, safefile.Bytes(b.Bytes())); err != nil {
		return fmt.Errorf("write %s: %w", out, safefile.Cause(err))
	}
	return nil
}
