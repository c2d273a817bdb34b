package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lupauspaja/workshop/report"
)

func init() {
	verbs["pdf"] = verb{usage: "pdf ID -o FILE.pdf [--lang fi|en] [--db PATH]  the PDF summary of a session (-o - writes stdout)", run: runPDF}
}

const pdfUsage = "lupauspaja pdf ID -o FILE.pdf [--lang fi|en]"

func runPDF(env *cliEnv, args []string) error {
	var idArg, out, lang string
	outSet := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" || a == "--output":
			if i+1 >= len(args) || args[i+1] == "" {
				return errors.New("-o needs a file name (usage: " + pdfUsage + ")")
			}
			out, outSet = args[i+1], true
			i++
		case strings.HasPrefix(a, "-o="), strings.HasPrefix(a, "--output="):
			out, outSet = a[strings.IndexByte(a, '=')+1:], true
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				return errors.New("--lang needs fi or en")
			}
			lang = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang="):
			lang = strings.TrimPrefix(a, "--lang=")
		case strings.HasPrefix(a, "-") && a != "-":
			return fmt.Errorf("unknown option %s (usage: %s)", a, pdfUsage)
		case idArg == "":
			idArg = a
		default:
			return fmt.Errorf("unexpected argument %q (usage: %s)", a, pdfUsage)
		}
	}
	if idArg == "" {
		return errors.New("give the id of the session (see lupauspaja list)")
	}
	id, err := strconv.ParseInt(idArg, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%q is not a session id (a number; see lupauspaja list)", idArg)
	}
	if !outSet || out == "" {
		return errors.New("-o FILE.pdf is required (usage: " + pdfUsage + ")")
	}
	if lang != "" && lang != "fi" && lang != "en" {
		return fmt.Errorf("--lang %q: use fi or en", lang)
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
	opt := report.Options{Lang: lang}
	if out == "-" {
		return report.Write(env.stdout, s, opt)
	}
	return report.WriteFile(out, s, opt)
}
