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

// The customers' page counts the answers about the wording now, the ones
// the verdict rests on: after the promise is revised in step 4, its
// C1–C3 are those of the answers given since, and the answers about the
// wording before are marked as such and counted apart.
func TestCustomersPageCountsTheAnswersAboutTheWordingNow(t *testing.T) {
	u := newCheckinAt1366(t)
	no := workshop.Label(workshop.UnderstoodLabels, workshop.UnderstoodNo, "fi")
	yes := workshop.Label(workshop.UnderstoodLabels, workshop.UnderstoodYes, "fi")
	for range 3 {
		addAnswerInForm(t, u, "Ratkaisu? Mikä ratkaisu?", no, "2", "2")
	}
	u.ws.goTo(workshop.StepCIPromise)
	reason, text, _ := promiseEntries(t, u)
	typeIn(t, u.win, reason, "Asiakkaat eivät tienneet, mitä ratkaisu tarkoittaa", false)
	u.win.Canvas().Focus(text)
	text.SetText("Tiedät aina, missä tavarasi menee – ja kuulet muutoksista meiltä ensin.")
	tapButton(t, u.win.Content(), u.tr.T("checkin.promise.revise"))
	if s := u.ws.ed.Snapshot(); s.Checkin.PromiseChoice != workshop.PromiseRevised {
		t.Fatalf("the promise was not revised: %q", s.Decision.FinalText)
	}
	for range 3 {
		addAnswerInForm(t, u, "Kuulen muutoksista ensin", yes, "4", "4")
	}
	u.ws.goTo(workshop.StepCICustomers)
	page := labelTexts(u.ws.Object())
	for _, want := range []string{
		"3 asiakkaan vastausta nykyisestä sanamuodosta",
		"C1 Ymmärrettävä: asiakkaat 5,0 · huone 4,8",
		"C2 Merkityksellinen: asiakkaat 4,0 · huone 5,0",
		"C3 Erottava: asiakkaat 4,0 · huone 4,5",
		"Asiakkaat ymmärtävät lupauksen ja pitävät sitä merkityksellisenä ja erottavana. Vastauksista 3 koskee aiempaa sanamuotoa, eikä niitä lasketa nykyisen validointiin.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	for _, mixed := range []string{"6 asiakkaan vastausta", "asiakkaat 3,0"} {
		if strings.Contains(page, mixed) {
			t.Errorf("the page says %q, of all the answers mixed:\n%s", mixed, page)
		}
	}
	if n := strings.Count(page, u.tr.T("checkin.customers.about_earlier")+" · "); n != 3 {
		t.Errorf("%d answers marked about an earlier wording, want 3:\n%s", n, page)
	}
	// The status set from them is the one stored.
	tapButton(t, u.ws.Object(), u.tr.T("checkin.customers.set_status"))
	if s := load(t, u.lib, u.ws.ed.ID()); s.Decision.ValidationStatus != workshop.ValidationDone || len(s.ValidationAnswers) != 6 {
		t.Fatalf("stored: %q, %d answers", s.Decision.ValidationStatus, len(s.ValidationAnswers))
	}
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
