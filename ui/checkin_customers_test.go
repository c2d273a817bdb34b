package ui

import (
	"strings"
	"testing"

	"lupauspaja/workshop"
)

// addAnswerInForm gives a customer's answer with the customers' page's
// form, as the facilitator does: understood is the label of the choice
// ("" leaves it unanswered), the scores "1".."5" or "".
func addAnswerInForm(t *testing.T, u *UI, words, understood, meaningful, differentiating string) {
	t.Helper()
	u.ws.goTo(workshop.StepCICustomers)
	v := u.ws.Object()
	typeIn(t, u.win, entryWith(v, u.tr.T("checkin.customers.words"))[0], words, false)
	for q, choice := range map[string]string{"understood": understood, "meaningful": meaningful, "differentiating": differentiating} {
		if choice != "" {
			selectUnder(v, u.tr.T("checkin.customers."+q)).SetSelected(choice)
		}
	}
	tapButton(t, v, u.tr.T("checkin.customers.add"))
}

// Answers that leave out whether the customer understood the promise do
// not make C1 "below 3": the page says C1 was not assessed and asks for it.
func TestCustomersPageSaysC1WasNotAssessed(t *testing.T) {
	u := newCheckinAt1366(t)
	for range 3 {
		addAnswerInForm(t, u, "Kuulen muutoksista ensin", "", "5", "4")
	}
	u.ws.goTo(workshop.StepCICustomers)
	page := labelTexts(u.ws.Object())
	if want := "C1 ei arvioitu: merkitse vastauksiin, ymmärsikö asiakas lupauksen."; !strings.Contains(page, want) {
		t.Errorf("the page lacks %q:\n%s", want, page)
	}
	if strings.Contains(page, "alle 3:n") {
		t.Errorf("the page calls C1 below 3 with nobody assessing it:\n%s", page)
	}
	tapButton(t, u.ws.Object(), u.tr.T("checkin.customers.set_status"))
	if s := load(t, u.lib, u.ws.ed.ID()); s.Decision.ValidationStatus != workshop.ValidationPending || len(s.ValidationAnswers) != 3 {
		t.Fatalf("stored: %q, %d answers", s.Decision.ValidationStatus, len(s.ValidationAnswers))
	}
}
