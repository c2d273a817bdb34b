package main

import (
	"fmt"

	"lupauspaja/workshop"
)

func runCheckin(env *cliEnv, args []string) error {
	fs := env.flags()
	date := fs.String("date", "", "the check-in's date, YYYY-MM-DD (today when not given)")
	agenda := fs.String("agenda", "45", "45 or 90 minutes")
	id, err := env.parseSession(fs, args)
	if err != nil {
		return err
	}
	// The date's form is the command line's to get right; whether the
	// check-in may fall on it is the session's (not before the one it follows).
	if err := workshop.ValidateDate(*date); err != nil {
		return usagef("--date: %v (usage: %s)", err, env.verb.synopsis())
	}
	preset := ""
	switch *agenda {
	case "45", "45min":
		preset = "45min"
	case "90", "90min":
		preset = "90min"
	default:
		return usagef("--agenda %q: use 45 or 90", *agenda)
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
	out := outputFlag(fs, "a file name (- writes stdout)")
	id, err := env.parseSession(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE.ics is required (usage: %s)", env.verb.synopsis())
	}
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	if *out == "-" {
		return lib.ICSTo(id, env.stdout)
	}
	return lib.ICS(id, *out)
}
