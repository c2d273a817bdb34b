package report

// ciWords are the check-in report's and the validation kit's own words.
type ciWords struct {
	DocTitle, Kicker, Since, SinceWorkshop, Of                              string
	PromiseNow, Changed, Was, Reason, Kept, NotDecided, Versions, VersionAt string
	Measures, Measure, Baseline, Latest, Target, Trend, Status, NoReadings  string
	Up, Down, Flat, Readings, ReadingDate, Value, Source                    string
	Actions, Done, Late, InProgress, NotStarted, Dropped, New, AllActions   string
	Action, Owner, Due, StatusNote, StatusDate, NoActions, DoneSince        string
	Customers, NoAnswers, Answers, CustomersVsRoom, Criterion, Customers1   string
	Room, Understood, Meaningful, Differentiating, WouldChoose, Quotes      string
	Segment, Date, Method, TheirWords, Validation, VerdictTooFew            string
	VerdictLow, VerdictPassed, Ladder, Rung, Now, Workshop, Previous        string
	Finland2021, Mean, Next, NextReview, NoReview, Participants             string
	AnswersTitle, Wording                                                   string
	Page, CheckinOf, EarlierWording                                         string
	ActionCounts, NewActions, Chooses                                       string
	NoCurrentAnswers, EarlierCount1, EarlierCount, AboutEarlier             string
	VerdictUnassessed                                                       [3]string

	// The validation kit.
	GuideTitle, GuideLead, ScriptTitle, Script, Questions, AnswerRoom       string
	Q1, Q2, Q3, Q4, Q5, WhyLine, HowLine, Interviewer, Respondent, Segment2 string
	SurveyTitle, SurveyLead, Scale15, Yes, Maybe, No, ThankYou, InYourWords string
	NotAtAll, Very, NoPromiseYet                                            string
}

var ciFi = ciWords{
	DocTitle: "Seuranta", Kicker: "ARVOLUPAUKSEN SEURANTA", Since: "%s jälkeen", SinceWorkshop: "työpajan %s jälkeen", Of: "/",
	PromiseNow: "Lupaus nyt", Changed: "Sanamuoto muuttui tässä seurannassa", Was: "Ennen", Reason: "Syy", Kept: "Sanamuoto pidettiin", NotDecided: "Sanamuodosta ei vielä päätetty", Versions: "Lupauksen versiot", VersionAt: "Päivä",
	Measures: "Mittarit tavoitteisiinsa", Measure: "Mittari", Baseline: "Lähtötaso", Latest: "Viimeisin", Target: "Tavoite", Trend: "Suunta", Status: "Tila", NoReadings: "ei lukemaa",
	Up: "kohti tavoitetta", Down: "poispäin tavoitteesta", Flat: "ennallaan", Readings: "Lukemat", ReadingDate: "Päivä", Value: "Arvo", Source: "Lähde",
	Actions: "Toimenpiteet", Done: "valmiina", Late: "myöhässä", InProgress: "käynnissä", NotStarted: "ei aloitettu", Dropped: "luovuttu", New: "uusia", AllActions: "Kaikki toimenpiteet",
	Action: "Toimenpide", Owner: "Vastuu", Due: "Määräpäivä", StatusNote: "Huomio", StatusDate: "Päivitetty", NoActions: "Ei toimenpiteitä.", DoneSince: "Valmistui",
	Customers: "Mitä asiakkaat sanoivat", NoAnswers: "Asiakkaiden vastauksia ei ole vielä kirjattu.", Answers: "vastausta", CustomersVsRoom: "Asiakkaat ja huone (C1–C3)", Criterion: "Kriteeri", Customers1: "Asiakkaat",
	Room: "Huone (työpaja)", Understood: "Ymmärrettävä", Meaningful: "Merkityksellinen", Differentiating: "Erottava", WouldChoose: "Valitsisi meidät", Quotes: "Asiakkaiden sanoin",
	Segment: "Segmentti", Date: "Päivä", Method: "Tapa", TheirWords: "Mitä lupaus tarkoittaa (omin sanoin)", Validation: "Validointi",
	VerdictTooFew: "Vastauksia on alle %d: lupausta ei vielä voi pitää validoituna.", VerdictLow: "Asiakkaiden arvio jää alle 3:n: %s.", VerdictPassed: "Asiakkaat ymmärtävät lupauksen ja pitävät sitä merkityksellisenä ja erottavana.",
	Ladder: "Lähtötaso nyt", Rung: "Porras", Now: "Nyt", Workshop: "Työpaja", Previous: "Edellinen", Finland2021: "Suomi 2021", Mean: "Keskiarvo",
	Next: "Seuraavaksi", NextReview: "Seuraava katsaus", NoReview: "Seuraavaa katsausta ei ole sovittu.", Participants: "Osallistujat",
	AnswersTitle: "Asiakkaiden vastaukset", Wording: "Sanamuoto",
	Page: "Sivu %d / %d", CheckinOf: "Seuranta: %s", EarlierWording: "Uusi sanamuoto validoidaan vielä asiakkaiden kanssa.",
	ActionCounts: "Kaikkiaan %d: %d valmiina · %d käynnissä · %d ei aloitettu · %d luovuttu. Myöhässä: %d · uusia: %d",
	NewActions:   "Uudet toimenpiteet", Chooses: "Valitsisi",
	NoCurrentAnswers: "Nykyisestä sanamuodosta ei ole vielä vastauksia.", AboutEarlier: "koskee aiempaa sanamuotoa",
	EarlierCount1: "Vastauksista 1 koskee aiempaa sanamuotoa, eikä sitä lasketa nykyisen validointiin.", EarlierCount: "Vastauksista %d koskee aiempaa sanamuotoa, eikä niitä lasketa nykyisen validointiin.",
	VerdictUnassessed: [3]string{"C1 ei arvioitu: merkitse vastauksiin, ymmärsikö asiakas lupauksen.", "C2 ei arvioitu: merkitse vastauksiin, kuinka tärkeä lupaus on asiakkaalle (1–5).", "C3 ei arvioitu: merkitse vastauksiin, erottaako lupaus meidät muista (1–5)."},

	GuideTitle: "Asiakashaastattelu", GuideLead: "Kysy asiakkaalta, mitä lupaus tarkoittaa hänelle – ennen kuin selität sitä. Kirjaa vastaukset hänen omin sanoin ja tuo ne seurantaan (vaihe 3).",
	ScriptTitle: "Alustus", Script: "”Kiitos, että ehdit. Kehitämme sitä, mitä lupaamme asiakkaillemme, ja haluamme kuulla sinun näkemyksesi. Luen sinulle yhden lauseen. Oikeita tai vääriä vastauksia ei ole – kerro omin sanoin, mitä ajattelet. Vastauksesi käsitellään nimettömänä.”",
	Questions: "Kysymykset", AnswerRoom: "",
	Q1: "Mitä tämä lupaus tarkoittaa sinulle? Kerro omin sanoin.", Q2: "Kuinka tärkeää tämä on sinulle, kun asioit kanssamme (1–5)? Miksi?", Q3: "Erottaako tämä meidät muista, joita olet käyttänyt (1–5)? Miten?",
	Q4: "Valitsisitko meidät tämän vuoksi? (kyllä / ehkä / ei)", Q5: "Milloin viimeksi koit, että lupaus piti – tai ei pitänyt?", WhyLine: "Miksi?", HowLine: "Miten?",
	Interviewer: "Haastattelija", Respondent: "Vastaaja (rooli, ei nimeä)", Segment2: "Asiakasryhmä",
	SurveyTitle: "Lyhyt kysely", SurveyLead: "Kehitämme sitä, mitä lupaamme asiakkaillemme. Vastaaminen vie kaksi minuuttia, ja vastaukset käsitellään nimettöminä.",
	Scale15: "1 = ei lainkaan, 5 = erittäin", Yes: "kyllä", Maybe: "ehkä", No: "ei", ThankYou: "Kiitos vastauksestasi!", InYourWords: "Omin sanoin:",
	NotAtAll: "ei lainkaan", Very: "erittäin", NoPromiseYet: "(Lupausta ei ole vielä kirjattu.)",
}

var ciEn = ciWords{
	DocTitle: "Check-in", Kicker: "VALUE-PROMISE CHECK-IN", Since: "Since %s", SinceWorkshop: "since the workshop of %s", Of: "/",
	PromiseNow: "The promise now", Changed: "The wording changed in this check-in", Was: "Before", Reason: "Reason", Kept: "The wording was kept", NotDecided: "No decision on the wording yet", Versions: "Versions of the promise", VersionAt: "Date",
	Measures: "Measures against their targets", Measure: "Measure", Baseline: "Baseline", Latest: "Latest", Target: "Target", Trend: "Trend", Status: "Status", NoReadings: "no reading",
	Up: "toward the target", Down: "away from the target", Flat: "unchanged", Readings: "Readings", ReadingDate: "Date", Value: "Value", Source: "Source",
	Actions: "Actions", Done: "done", Late: "late", InProgress: "in progress", NotStarted: "not started", Dropped: "dropped", New: "new", AllActions: "All actions",
	Action: "Action", Owner: "Owner", Due: "Due", StatusNote: "Note", StatusDate: "Updated", NoActions: "No actions.", DoneSince: "Done",
	Customers: "What customers said", NoAnswers: "No customers' answers recorded yet.", Answers: "answers", CustomersVsRoom: "Customers and the room (C1–C3)", Criterion: "Criterion", Customers1: "Customers",
	Room: "Room (workshop)", Understood: "Understandable", Meaningful: "Meaningful", Differentiating: "Differentiating", WouldChoose: "Would choose us", Quotes: "In customers' words",
	Segment: "Segment", Date: "Date", Method: "Method", TheirWords: "What the promise means (their words)", Validation: "Validation",
	VerdictTooFew: "Fewer than %d answers: the promise cannot be taken as validated yet.", VerdictLow: "Customers rate it below 3: %s.", VerdictPassed: "Customers understand the promise and find it meaningful and differentiating.",
	Ladder: "The ladder now", Rung: "Rung", Now: "Now", Workshop: "Workshop", Previous: "Previous", Finland2021: "Finland 2021", Mean: "Mean",
	Next: "Next", NextReview: "Next review", NoReview: "No next review agreed.", Participants: "Participants",
	AnswersTitle: "Customers' answers", Wording: "Wording",
	Page: "Page %d / %d", CheckinOf: "Check-in: %s", EarlierWording: "The new wording is still to be validated with customers.",
	ActionCounts: "All %d: %d done · %d in progress · %d not started · %d dropped. Late: %d · new: %d",
	NewActions:   "New actions", Chooses: "Chooses us",
	NoCurrentAnswers: "No answers about the current wording yet.", AboutEarlier: "about an earlier wording",
	EarlierCount1: "1 of the answers is about an earlier wording and does not count towards validating this one.", EarlierCount: "%d of the answers are about an earlier wording and do not count towards validating this one.",
	VerdictUnassessed: [3]string{"C1 not assessed: record in the answers whether the customer understood the promise.", "C2 not assessed: record in the answers how much the promise matters to the customer (1–5).", "C3 not assessed: record in the answers whether the promise sets us apart from others (1–5)."},

	GuideTitle: "Customer interview", GuideLead: "Ask the customer what the promise means to them – before you explain it. Write down the answers in their own words and bring them to the check-in (step 3).",
	ScriptTitle: "Opening", Script: "“Thank you for your time. We are working on what we promise our customers, and we would like to hear your view. I will read you one sentence. There are no right or wrong answers – tell me in your own words what you think. Your answers are handled anonymously.”",
	Questions: "Questions", AnswerRoom: "",
	Q1: "What does this promise mean to you? In your own words.", Q2: "How much does this matter to you when you deal with us (1–5)? Why?", Q3: "Does this set us apart from others you have used (1–5)? How?",
	Q4: "Would you choose us for it? (yes / maybe / no)", Q5: "When did you last feel the promise was kept – or not?", WhyLine: "Why?", HowLine: "How?",
	Interviewer: "Interviewer", Respondent: "Respondent (role, no name)", Segment2: "Customer group",
	SurveyTitle: "A short survey", SurveyLead: "We are working on what we promise our customers. Answering takes two minutes, and the answers are handled anonymously.",
	Scale15: "1 = not at all, 5 = very much", Yes: "yes", Maybe: "maybe", No: "no", ThankYou: "Thank you for your answer!", InYourWords: "In your own words:",
	NotAtAll: "not at all", Very: "very much", NoPromiseYet: "(No promise recorded yet.)",
}

func ciWordsFor(lang string) *ciWords {
	if lang == "en" {
		return &ciEn
	}
	return &ciFi
}
