package main

import (
	"errors"
	"fmt"
)

// oneID reads the verb's one argument, the id of a session.
func oneID(env *cliEnv, rest []string) (int64, error) {
	if len(rest) == 0 {
		return 0, errors.New("give the id of the session (see lupauspaja list)")
	}
	if len(rest) > 1 {
		return 0, fmt.Errorf("unexpected argument %q (usage: %s)", rest[1], env.verb.synopsis())
	}
	return sessionID(rest[0])
}

func runCheckin(env *cliEnv, args []string) error {
	fs := env.flags()
	date := fs.String("date", "", "the check-in's date, YYYY-MM-DD (today when not given)")
	agenda := fs.String("agenda", "45", "45 or 90 minutes")
	rest, err := env.parse(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(env, rest)
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
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	c, err := lib.Checkin(id, *date, preset)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.stdout, c)
	return err
}

func runICS(env *cliEnv, args []string) error {
	fs := env.flags()
	var out string
	fs.StringVar(&out, "o", "", "a file name (- writes stdout)")
	fs.StringVar(&out, "output", "", "a file name (- writes stdout)")
	rest, err := env.parse(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(env, rest)
	if err != nil {
		return err
	}
	if out == "" {
		return fmt.Errorf("-o FILE.ics is required (usage: %s)", env.verb.synopsis())
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	if out == "-" {
		return lib.ICSTo(id, env.stdout)
	}
	return lib.ICS(id, out)
}
