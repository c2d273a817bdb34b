package report

// words are the report's own headings and labels. The report cannot reach
// the UI's translations, and a struct (rather than a map) makes a missing
// translation a compile error.
type words struct {
	Kicker, DocTitle                             string
	Page                                         string
	Date, Place, Facilitator, Goal, Participants string
	Name, Role, Department, Kind, CustomerFacing string
	BadgeCustomer, BadgeFrontline, BadgeNoVoice  string

	Unfinished, UnfinishedLead, Missing                                                    string
	MissParticipants, MissPromise, MissMeasures, MissActions, MissDrafts                   string
	MissBaseline, MissProfile                                                              string
	NotRecorded                                                                            string
	Summary, AgreedPromise, ProposedPromise, NoPromise, LeadingDraft, InEnglish, InFinnish string
	NotValidated, ValidationStatus, ValidationPlan                                         string
	Why, Measures, Actions, Consent, OpenConcerns, NextReview                              string
	ConsentLine, ConsentReached, ConsentNotReached, NoConsent                              string
	MoreActions, MoreMeasures                                                              string
	MoreAction1, MoreMeasure1, MoreDrafts                                                  string

	Stand, ExistingPromise, LadderTitle, Us, Finland2021, Votes, WouldBuy                 string
	Customer, PurposeWhy, PurposeWhom, PurposeValue, Segments, Focus                      string
	Evidence, AssumptionsNote, Alternatives                                               string
	Chose, DraftsTitle, Dots, Anonymous, Authors, DotChart, CriteriaChart                 string
	Heatmap, HeatmapNote, Weighted, Gate, GatePass, GateFail, Disagreement                string
	Rationale, Rejected, Reason, Chosen, Draft                                            string
	Practice, ValueMap, Addresses, DeliveredToday, Gaps, NoGaps                           string
	MeasuresTitle, Measure, Method, Baseline, Target, TargetDate, Frequency               string
	Owner, DataSource, Scale, Touchpoint                                                  string
	NextSteps, Action, Due, NoOwner, NoDue, Success, Status                               string
	WhoDoesWhat, WhoLead, Unassigned                                                      string
	Appendix, ParkingLot, TimeLog, Step, Planned, Used, Versions, Glossary                string
	Minutes, Skipped, Fingers, Threshold, Saved                                           string
	Answer, WhyCol, ActionKind, Item                                                      string
	ProfileRest, AssumptionsNotePart, MoreItems, MoreItems1, NotFocus                     string
	Importance, WholeProfile, WholeProfileLead                                            string
	RatingComments, Comment, MooreTitle, Shortlisted, OtherLanguage, ForSegments, BasedOn string
	MooreFor, MooreNeed, MooreBenefit, MooreUnlike, MooreDiff                             string
	MoreConcerns                                                                          string
	JobKinds                                                                              map[string]string
	Gloss                                                                                 [][2]string
}

var fi = words{
	Kicker:   "ARVOLUPAUSTYÖPAJAN YHTEENVETO",
	DocTitle: "Arvolupaus",
	Page:     "sivu %d / %d",
	Date:     "Päivämäärä", Place: "Paikka", Facilitator: "Fasilitaattori", Goal: "Tavoite",
	Participants: "Osallistujat",
	Name:         "Nimi", Role: "Rooli", Department: "Yksikkö", Kind: "Osallistujana", CustomerFacing: "asiakasrajapinnassa",
	BadgeCustomer:  "Asiakas mukana työpajassa",
	BadgeFrontline: "Asiakasrajapinta mukana, ei asiakasta",
	BadgeNoVoice:   "Ei asiakkaan eikä asiakasrajapinnan edustajaa",

	Unfinished:       "Työpaja on vielä kesken",
	UnfinishedLead:   "Tähän istuntoon ei ole vielä kirjattu työpajan tuloksia. Yhteenveto täydentyy, kun vaiheet tehdään.",
	Missing:          "Vielä puuttuu",
	MissParticipants: "osallistujat",
	MissPromise:      "sovittu lupaus (vaihe 7)",
	MissMeasures:     "mittarit (vaihe 8)",
	MissActions:      "seuraavat askeleet (vaihe 9)",
	MissDrafts:       "lupausluonnokset ja arviointi (vaiheet 5–6)",
	MissBaseline:     "lähtötaso (vaihe 1)",
	MissProfile:      "asiakasprofiili (vaihe 3)",
	NotRecorded:      "Ei vielä kirjattu.",

	Summary:           "Yhteenveto",
	AgreedPromise:     "Sovittu asiakaslupaus",
	ProposedPromise:   "Lupausehdotus – yhteisymmärrystä ei vielä ole",
	NoPromise:         "Lupausta ei ole vielä päätetty.",
	LeadingDraft:      "Eniten kannatusta saanut luonnos",
	InEnglish:         "Englanniksi",
	InFinnish:         "Suomeksi",
	NotValidated:      "Lupausta ei ole vielä validoitu asiakkaiden kanssa",
	ValidationStatus:  "Tila",
	ValidationPlan:    "Suunnitelma",
	Why:               "Miksi tämä lupaus",
	Measures:          "Mittarit",
	Actions:           "Seuraavat askeleet",
	Consent:           "Yhteisymmärrys (nyrkistä viiteen)",
	OpenConcerns:      "Avoimet huolet",
	NextReview:        "Seuraava tarkistus",
	ConsentLine:       "%d ääntä, keskiarvo %s, alin %d.",
	ConsentReached:    "Yhteisymmärrys saavutettiin (kaikki vähintään 3).",
	ConsentNotReached: "Yhteisymmärrystä ei vielä saavutettu: joku näytti alle 3.",
	NoConsent:         "Yhteisymmärrystä ei ole vielä kysytty.",
	MoreActions:       "… ja %d muuta askelta, ks. kohta Seuraavat askeleet.",
	MoreMeasures:      "… ja %d muuta mittaria, ks. kohta Miten mittaamme.",
	MoreAction1:       "… ja yksi askel lisää, ks. kohta Seuraavat askeleet.",
	MoreMeasure1:      "… ja yksi mittari lisää, ks. kohta Miten mittaamme.",
	MoreDrafts:        "Kaaviossa eniten pisteitä saaneet; %d muuta luonnosta pisteineen on taulukossa yllä.",

	Stand:           "Missä olemme nyt",
	ExistingPromise: "Nykyinen lupaus",
	LadderTitle:     "Millä portaalla lupauksemme elää tänään?",
	Us:              "Me",
	Finland2021:     "Suomi 2021",
	Votes:           "ääntä",
	WouldBuy:        "Ostaisimmeko itseltämme?",

	Customer:        "Asiakas",
	PurposeWhy:      "Miksi olemme olemassa",
	PurposeWhom:     "Keitä palvelemme",
	PurposeValue:    "Millaista arvoa tuotamme",
	Segments:        "Asiakassegmentit",
	Focus:           "painopiste",
	Evidence:        "Näyttö",
	AssumptionsNote: "%d / %d asiakasprofiilin kohdasta perustuu oletukseen. Oletukset on merkitty; ne kannattaa tarkistaa asiakkailta.",
	Alternatives:    "Mitä asiakas tekisi ilman meitä",

	Chose:         "Miten valitsimme",
	DraftsTitle:   "Luonnokset",
	Dots:          "Pisteet",
	Anonymous:     "nimetön",
	Authors:       "Kirjoittajat",
	DotChart:      "Pisteäänestys",
	CriteriaChart: "Finalistien arviot kriteereittäin (keskiarvo 1–5)",
	Heatmap:       "Kriteerien keskiarvot",
	HeatmapNote:   "* ydinkriteeri: painaa kaksinkertaisesti; portti ei läpäise, jos ydinkriteerin keskiarvo on alle 3. ! = erimielisyys: korkein ja matalin arvio eroavat vähintään 3.",
	Weighted:      "Painotettu",
	Gate:          "Portti",
	GatePass:      "läpi",
	GateFail:      "ei läpi",
	Disagreement:  "Erimielisyyttä",
	Rationale:     "Perustelu",
	Rejected:      "Miksi muita ei valittu",
	Reason:        "Syy",
	Chosen:        "valittu",
	Draft:         "Luonnos",

	Practice:       "Lupaus käytännössä",
	ValueMap:       "Arvokartta",
	Addresses:      "Vastaa",
	DeliveredToday: "Tänään",
	Gaps:           "Aukot: mitä emme vielä lunasta",
	NoGaps:         "Kaikki arvokartan kohdat toteutuvat jo tänään.",

	MeasuresTitle: "Miten mittaamme",
	Measure:       "Mittari",
	Method:        "Määritelmä",
	Baseline:      "Lähtötaso",
	Target:        "Tavoite",
	TargetDate:    "Mennessä",
	Frequency:     "Tiheys",
	Owner:         "Vastuu",
	DataSource:    "Tietolähde",
	Scale:         "Asteikko",
	Touchpoint:    "Kohtaaminen",

	NextSteps: "Seuraavat askeleet",
	Action:    "Toimenpide",
	Due:       "Määräpäivä",
	NoOwner:   "EI VASTUUHENKILÖÄ",
	NoDue:     "EI PÄIVÄÄ",
	Success:   "Onnistunut, kun",
	Status:    "Tila",

	WhoDoesWhat: "Kuka tekee mitä",
	WhoLead:     "Jokaisen vastuuhenkilön askeleet omana osanaan samalla sivulla, jotta kullekin voi lähettää oman osansa.",
	Unassigned:  "Ilman vastuuhenkilöä",

	Appendix:   "Liite",
	ParkingLot: "Parkkipaikka",
	TimeLog:    "Vaiheiden ajankäyttö",
	Step:       "Vaihe",
	Planned:    "Suunniteltu",
	Used:       "Käytetty",
	Versions:   "Sanamuodon versiot",
	Glossary:   "Menetelmät lyhyesti",
	Minutes:    "%d min",
	Skipped:    "ohitettu",
	Fingers:    "sormea",
	Threshold:  "kynnys 3",
	Saved:      "Tallennettu",
	Answer:     "Vastaus",
	WhyCol:     "Miksi",
	ActionKind: "Laji",
	Item:       "Kohta",

	ProfileRest:         "Tässä näkyy %d / %d asiakasprofiilin kohdasta: kunkin painopistesegmentin tärkeimmät. Koko profiili on liitteessä (Asiakasprofiili kokonaan).",
	AssumptionsNotePart: "Näytetyistä %d / %d kohdasta perustuu oletukseen, koko profiilista %d / %d. Oletukset on merkitty; ne kannattaa tarkistaa asiakkailta.",
	MoreItems:           "+%d muuta – ks. liite",
	MoreItems1:          "+1 muu – ks. liite",
	NotFocus:            "ei painopiste",
	Importance:          "tärkeys %d/3",
	WholeProfile:        "Asiakasprofiili kokonaan",
	WholeProfileLead:    "Kaikki %d kohtaa kaikista segmenteistä, tärkeimmät ensin; %d niistä perustuu oletukseen.",
	RatingComments:      "Arvioijien kommentit",
	Comment:             "Kommentti",
	MooreTitle:          "Luonnosten Mooren rungot",
	Shortlisted:         "jatkoon",
	OtherLanguage:       "Englanniksi",
	ForSegments:         "Segmentit",
	BasedOn:             "Perustuu",
	MooreFor:            "Kenelle",
	MooreNeed:           "Tarve",
	MooreBenefit:        "Hyöty",
	MooreUnlike:         "Vaihtoehto",
	MooreDiff:           "Erottava tekijä",
	MoreConcerns:        "… +%d – kaikki huolet kohdassa Miten valitsimme",
	JobKinds:            map[string]string{"functional": "toiminnallinen", "social": "sosiaalinen", "emotional": "tunne"},
	Gloss: [][2]string{
		{"Arvolupaus", "Mitä asiakas voi aina odottaa meiltä: ymmärrettävä ilman selityksiä, merkityksellinen ja erottava – asiakkaan mielessä."},
		{"Lupausportaat", "Viisi porrasta siitä, miten laajasti lupaus elää organisaatiossa; vertailuna Asiakaskeskeisyyden tila 2021 -kysely."},
		{"Asiakasprofiili ja arvokartta", "Value Proposition Canvas: asiakkaan tehtävät, kivut ja hyödyt sekä tekomme, jotka lievittävät kipuja ja tuottavat hyötyjä."},
		{"1-2-4-kaikki", "Liberating Structures -menetelmä: ensin yksin, sitten pareittain, neljän ryhmissä ja lopuksi yhdessä."},
		{"Pisteäänestys", "Jokainen jakaa muutaman pisteen suosikeilleen hiljaa; näyttää kannatuksen nopeasti."},
		{"Kriteerit C1–C8", "Luonnokset arvioidaan 1–5; ydinkriteerit C1–C3 painavat kaksinkertaisesti ja niiden keskiarvon on oltava vähintään 3."},
		{"Nyrkistä viiteen", "Jokainen näyttää 0–5 sormea; alle 3 tarkoittaa huolta, joka käsitellään ennen päätöstä."},
		{"NPS, CES, CSAT", "Suositteluhalukkuus (0–10), asioinnin vaivattomuus (1–7) ja tyytyväisyys (1–5)."},
		{"15 %:n ratkaisut", "Mitä voit tehdä heti omilla valtuuksillasi ilman lupaa tai lisäresursseja."},
	},
}

var en = words{
	Kicker:   "VALUE PROMISE WORKSHOP SUMMARY",
	DocTitle: "Value promise",
	Page:     "page %d / %d",
	Date:     "Date", Place: "Place", Facilitator: "Facilitator", Goal: "Goal",
	Participants: "Participants",
	Name:         "Name", Role: "Role", Department: "Unit", Kind: "Took part as", CustomerFacing: "customer-facing",
	BadgeCustomer:  "A customer took part",
	BadgeFrontline: "Front line took part, no customer",
	BadgeNoVoice:   "Neither customers nor front line took part",

	Unfinished:       "The workshop is not finished yet",
	UnfinishedLead:   "No results of the workshop have been recorded in this session yet. The summary fills in as the steps are done.",
	Missing:          "Still missing",
	MissParticipants: "participants",
	MissPromise:      "the agreed promise (step 7)",
	MissMeasures:     "measures (step 8)",
	MissActions:      "next steps (step 9)",
	MissDrafts:       "drafts and evaluation (steps 5–6)",
	MissBaseline:     "baseline (step 1)",
	MissProfile:      "customer profile (step 3)",
	NotRecorded:      "Not recorded yet.",

	Summary:           "Summary",
	AgreedPromise:     "The agreed customer promise",
	ProposedPromise:   "Proposed promise – consent not reached yet",
	NoPromise:         "The promise has not been decided yet.",
	LeadingDraft:      "Draft with the most support",
	InEnglish:         "In English",
	InFinnish:         "In Finnish",
	NotValidated:      "The promise has not yet been validated with customers",
	ValidationStatus:  "Status",
	ValidationPlan:    "Plan",
	Why:               "Why this promise",
	Measures:          "Measures",
	Actions:           "Next steps",
	Consent:           "Consent (fist of five)",
	OpenConcerns:      "Open concerns",
	NextReview:        "Next review",
	ConsentLine:       "%d votes, mean %s, lowest %d.",
	ConsentReached:    "Consent reached (everyone 3 or more).",
	ConsentNotReached: "Consent not reached yet: someone showed fewer than 3.",
	NoConsent:         "Consent has not been asked yet.",
	MoreActions:       "… and %d more steps, see Next steps.",
	MoreMeasures:      "… and %d more measures, see How we measure it.",
	MoreAction1:       "… and one more step, see Next steps.",
	MoreMeasure1:      "… and one more measure, see How we measure it.",
	MoreDrafts:        "The chart shows the drafts with the most dots; %d more are in the table above with theirs.",

	Stand:           "Where we stand",
	ExistingPromise: "Current promise",
	LadderTitle:     "On which ladder step does our promise live today?",
	Us:              "Us",
	Finland2021:     "Finland 2021",
	Votes:           "votes",
	WouldBuy:        "Would we buy from ourselves?",

	Customer:        "The customer",
	PurposeWhy:      "Why we exist",
	PurposeWhom:     "Whom we serve",
	PurposeValue:    "What value we create",
	Segments:        "Customer segments",
	Focus:           "focus",
	Evidence:        "Evidence",
	AssumptionsNote: "%d of %d customer-profile items rest on assumption. Assumptions are marked; check them with customers.",
	Alternatives:    "What the customer would do without us",

	Chose:         "How we chose",
	DraftsTitle:   "Drafts",
	Dots:          "Dots",
	Anonymous:     "anonymous",
	Authors:       "Authors",
	DotChart:      "Dot vote",
	CriteriaChart: "Finalists by criterion (mean 1–5)",
	Heatmap:       "Criterion means",
	HeatmapNote:   "* core criterion: counts double; the gate fails if a core mean is below 3. ! = disagreement: the highest and lowest score differ by 3 or more.",
	Weighted:      "Weighted",
	Gate:          "Gate",
	GatePass:      "passed",
	GateFail:      "failed",
	Disagreement:  "Disagreement",
	Rationale:     "Rationale",
	Rejected:      "Why the others were not chosen",
	Reason:        "Reason",
	Chosen:        "chosen",
	Draft:         "Draft",

	Practice:       "The promise in practice",
	ValueMap:       "Value map",
	Addresses:      "Addresses",
	DeliveredToday: "Today",
	Gaps:           "Gaps: what we do not deliver yet",
	NoGaps:         "Everything on the value map is delivered today.",

	MeasuresTitle: "How we measure it",
	Measure:       "Measure",
	Method:        "Definition",
	Baseline:      "Baseline",
	Target:        "Target",
	TargetDate:    "By",
	Frequency:     "Frequency",
	Owner:         "Owner",
	DataSource:    "Data source",
	Scale:         "Scale",
	Touchpoint:    "Touchpoint",

	NextSteps: "Next steps",
	Action:    "Action",
	Due:       "Due",
	NoOwner:   "NO OWNER",
	NoDue:     "NO DATE",
	Success:   "Done when",
	Status:    "Status",

	WhoDoesWhat: "Who does what",
	WhoLead:     "Each owner's steps as a part of their own, kept on one page, so that each person can be sent their part.",
	Unassigned:  "Without an owner",

	Appendix:   "Appendix",
	ParkingLot: "Parking lot",
	TimeLog:    "Step time log",
	Step:       "Step",
	Planned:    "Planned",
	Used:       "Used",
	Versions:   "Wording versions",
	Glossary:   "The methods in brief",
	Minutes:    "%d min",
	Skipped:    "skipped",
	Fingers:    "fingers",
	Threshold:  "threshold 3",
	Saved:      "Saved",
	Answer:     "Answer",
	WhyCol:     "Why",
	ActionKind: "Kind",
	Item:       "Item",

	ProfileRest:         "Shown here: %d of %d customer-profile items, the most important of each focus segment. The whole profile is in the appendix (The whole customer profile).",
	AssumptionsNotePart: "%d of the %d items shown rest on assumption, %d of %d in the whole profile. Assumptions are marked; check them with customers.",
	MoreItems:           "+%d more – see the appendix",
	MoreItems1:          "+1 more – see the appendix",
	NotFocus:            "not a focus",
	Importance:          "importance %d/3",
	WholeProfile:        "The whole customer profile",
	WholeProfileLead:    "All %d items of every segment, the most important first; %d of them rest on assumption.",
	RatingComments:      "The raters' comments",
	Comment:             "Comment",
	MooreTitle:          "The drafts' Moore scaffolds",
	Shortlisted:         "shortlisted",
	OtherLanguage:       "In Finnish",
	ForSegments:         "Segments",
	BasedOn:             "Based on",
	MooreFor:            "For",
	MooreNeed:           "Need",
	MooreBenefit:        "Benefit",
	MooreUnlike:         "Unlike",
	MooreDiff:           "Differentiator",
	MoreConcerns:        "… +%d – every concern is under How we chose",
	JobKinds:            map[string]string{"functional": "functional", "social": "social", "emotional": "emotional"},
	Gloss: [][2]string{
		{"Value promise", "What the customer can always expect from us: understandable without explanation, meaningful and differentiating – in the customer's mind."},
		{"Promise ladder", "Five rungs of how widely the promise lives in the organisation, compared with the survey The state of customer-centricity in Finland 2021."},
		{"Customer profile and value map", "Value Proposition Canvas: the customer's jobs, pains and gains, and what we do to relieve the pains and create the gains."},
		{"1-2-4-All", "A Liberating Structures method: first alone, then in pairs, in fours and finally all together."},
		{"Dot voting", "Everyone silently gives a few dots to their favourites; shows support quickly."},
		{"Criteria C1–C8", "Drafts are rated 1–5; the core criteria C1–C3 count double and their means must be at least 3."},
		{"Fist of five", "Everyone shows 0–5 fingers; fewer than 3 is a concern that is dealt with before deciding."},
		{"NPS, CES, CSAT", "Likelihood to recommend (0–10), customer effort (1–7) and satisfaction (1–5)."},
		{"15% Solutions", "What you can do now within your own discretion, without permission or extra resources."},
	},
}

// wordsFor returns the report strings of the language; Finnish is the default.
func wordsFor(lang string) *words {
	if lang == "en" {
		return &en
	}
	return &fi
}
