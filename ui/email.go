package ui

import (
	"fmt"
	"os/exec"
	"strings"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
)

// starter starts a program of the desktop (the mail program, the file
// manager) without waiting for it to end. The window has one (UI.start):
// startCommand, or a test's record of what would have been started.
type starter func(name string, args ...string) error

// startCommand starts a program of the desktop without waiting for it to end.
func startCommand(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", name, err)
	}
	go cmd.Wait() // reap it; its outcome is the user's business
	return nil
}

// composeEmail writes the message that goes with the PDF, in the session's
// language: what was agreed and who does what next. It never sends anything.
func composeEmail(s *workshop.Session) (subject, body string) {
	l := s.Language
	if l != "en" {
		l = "fi"
	}
	t := func(key string, data ...any) string { return i18n.TIn(l, key, data...) }
	date := s.Date
	if l == "fi" {
		date = formatDateFi(s.Date)
	}
	name := strings.TrimSpace(s.Organisation)
	if name == "" {
		name = strings.TrimSpace(s.Title)
	}
	subject = t("email.subject", map[string]any{"Organisation": name, "Date": date})

	var b strings.Builder
	b.WriteString(t("email.greeting") + "\n\n")
	b.WriteString(t("email.intro", map[string]any{"Title": s.Title, "Organisation": s.Organisation, "Date": date}) + "\n\n")
	if p := strings.TrimSpace(s.Decision.FinalText); p != "" {
		b.WriteString(t("email.promise") + "\n")
		b.WriteString(workshop.Quote(p, l) + "\n")
		if s.Decision.ValidationStatus != workshop.ValidationDone {
			b.WriteString("(" + t("email.not_validated") + ")\n")
		}
		b.WriteString("\n")
	} else {
		b.WriteString(t("email.no_promise") + "\n\n")
	}
	if len(s.Measures) > 0 {
		b.WriteString(t("email.measures") + "\n")
		for _, m := range s.Measures {
			line := "– " + m.Name
			if m.Baseline != "" || m.Target != "" {
				line += ": " + strings.TrimSpace(workshop.MeasureValue(m.Baseline, m.Scale, l)+" → "+workshop.MeasureValue(m.Target, m.Scale, l))
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	if len(s.Actions) > 0 {
		b.WriteString(t("email.actions") + "\n")
		acts := append([]workshop.Action(nil), s.Actions...)
		workshop.SortActionsByDue(acts)
		for _, a := range acts {
			line := "– " + a.Text
			var who []string
			if n := s.PersonName(a.OwnerID, a.OwnerName); n != "" {
				who = append(who, n)
			}
			if a.Due != "" {
				d := a.Due
				if l == "fi" {
					d = formatDateFi(a.Due)
				}
				who = append(who, d)
			}
			if len(who) > 0 {
				line += " (" + strings.Join(who, ", ") + ")"
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	if s.NextReviewDate != "" {
		d := s.NextReviewDate
		if l == "fi" {
			d = formatDateFi(d)
		}
		b.WriteString(t("email.review", map[string]any{"Date": d}) + "\n\n")
	}
	b.WriteString(t("email.attached") + "\n\n")
	b.WriteString(t("email.regards") + "\n")
	if f := strings.TrimSpace(s.Facilitator); f != "" {
		b.WriteString(f + "\n")
	}
	return subject, b.String()
}

// formatDateFi writes an ISO date the Finnish way, whatever the UI language.
func formatDateFi(iso string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(iso, "%d-%d-%d", &y, &m, &d); err != nil {
		return iso
	}
	return fmt.Sprintf("%d.%d.%d", d, m, y)
}

// mailResult says what openMail managed to do.
type mailResult int

const (
	mailFailed   mailResult = iota // nothing opened: fall back
	mailAttached                   // the mail program has the message with the PDF
	mailNoAttach                   // the mail program opened, the PDF must be attached by hand
)
