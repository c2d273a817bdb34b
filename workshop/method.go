package workshop

// Text is a piece of the method in Finnish and English.
type Text struct {
	Fi string `json:"fi"`
	En string `json:"en"`
}

// In returns the text in the language ("fi" or "en"); Finnish is the default.
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.Fi
}

// Step keys, in the method's order. StepBreak is an agenda item only.
const (
	StepSetup      = "setup"
	StepBaseline   = "baseline"
	StepPurpose    = "purpose"
	StepProfile    = "customer_profile"
	StepValueMap   = "value_map"
	StepBreak      = "break"
	StepDrafts     = "drafts"
	StepEvaluation = "evaluation"
	StepDecision   = "decision"
	StepMeasures   = "measures"
	StepNextSteps  = "next_steps"
	StepSummary    = "summary"
)

// Step is one step of the method: its title and the questions on screen.
type Step struct {
	Key       string
	No        int // 1..9; 0 for setup, break and summary
	Title     Text
	Questions []Text
	Hint      Text // optional scaffold or help shown under the questions
}

// Steps are the nine steps of the method in order.
var Steps = []Step{
	{Key: StepBaseline, No: 1,
		Title: Text{"Lähtötaso", "Baseline"},
		Questions: []Text{
			{"Millä portaalla asiakaslupauksemme elää tänään?", "On which ladder step does our promise live today?"},
			{"Jos olisit asiakkaamme, ostaisitko meiltä? Miksi?", "If you were our customer, would you buy from us? Why?"},
		}},
	{Key: StepPurpose, No: 2,
		Title: Text{"Miksi olemme olemassa", "Why we exist"},
		Questions: []Text{
			{"Miksi olemme olemassa? Keitä palvelemme? Millaista arvoa tuotamme?", "Why do we exist? Whom do we serve? What value do we create?"},
		},
		Hint: Text{"1-2-4-kaikki: ensin yksin, sitten pareittain, neljän ryhmissä ja lopuksi yhdessä.", "1-2-4-All: first alone, then in pairs, in fours and finally all together."}},
	{Key: StepProfile, No: 3,
		Title: Text{"Asiakasprofiili", "Customer profile"},
		Questions: []Text{
			{"Mitä asiakas yrittää saada tehdyksi? Mikä harmittaa? Mikä ilahduttaisi?", "What is the customer trying to get done? What annoys them? What would delight them?"},
			{"Mistä tiedämme – asiakkaan sanoma vai oletus?", "How do we know – the customer's words or our assumption?"},
		}},
	{Key: StepValueMap, No: 4,
		Title: Text{"Arvokartta", "Value map"},
		Questions: []Text{
			{"Mitkä tekomme poistavat tärkeimmät kivut tai tuottavat hyödyt – onnistummeko jo tänään? Mitä asiakas tekisi ilman meitä?", "Which of our actions relieve the top pains or create the top gains – do we deliver them today? What would the customer do without us?"},
		}},
	{Key: StepDrafts, No: 5,
		Title: Text{"Lupausluonnokset", "Promise drafts"},
		Questions: []Text{
			{"Kirjoita yhdellä lauseella, mihin asiakas voi aina luottaa meissä – hänen sanoillaan.", "In one sentence, what can the customer always count on from us – in their words?"},
		},
		Hint: Text{"[Kenelle], joka [tarve], [hyöty]. Toisin kuin [vaihtoehto], [erottava tekijä].", "For [whom], who [need], [benefit]. Unlike [alternative], [differentiator]."}},
	{Key: StepEvaluation, No: 6,
		Title: Text{"Arviointi", "Evaluation"},
		Questions: []Text{
			{"Mikä luonnos toimii asiakkaan mielessä – ei meidän?", "Which draft works in the customer's mind – not ours?"},
		}},
	{Key: StepDecision, No: 7,
		Title: Text{"Päätös", "Decision"},
		Questions: []Text{
			{"Minkä lupauksen takana voimme kaikki seistä myös huoneen ulkopuolella?", "Which promise can we all stand behind outside this room too?"},
		}},
	{Key: StepMeasures, No: 8,
		Title: Text{"Mittarit", "Measures"},
		Questions: []Text{
			{"Mistä asiakas huomaa, että lupaus pitää? Miten mittaamme, kuka seuraa?", "How does the customer notice the promise is kept? How do we measure it, who follows it?"},
		}},
	{Key: StepNextSteps, No: 9,
		Title: Text{"Seuraavat askeleet", "Next steps"},
		Questions: []Text{
			{"Mitä pitää vielä ymmärtää?", "What do we still need to understand?"},
			{"Ketkä ratkaisevat, miten viestimme merkityksen ja varmistamme prioriteetin?", "Who are the solvers, how do we communicate the meaning and secure priority?"},
			{"Mitä sinä voit tehdä ensi viikolla ilman lupaa tai lisäresursseja?", "What can you do next week without permission or extra resources?"},
		}},
}

// BreakTitle names the break in the agenda.
var BreakTitle = Text{"Tauko", "Break"}

// The names of the pages that are no step of the method: the setup, the
// summary and the promise's history (the window's translations say the same).
var (
	SetupTitle   = Text{"Valmistelu", "Setup"}
	SummaryTitle = Text{"Yhteenveto", "Summary"}
	HistoryTitle = Text{"Lupauksen historia", "The promise's history"}
)

// StepByKey returns the step of the method (of a workshop or of a
// check-in) with the key, or nil.
func StepByKey(key string) *Step {
	for i := range Steps {
		if Steps[i].Key == key {
			return &Steps[i]
		}
	}
	return CheckinStepByKey(key)
}

// StepTitle is the title of a step or agenda item in the language.
func StepTitle(key, lang string) string {
	if st := StepByKey(key); st != nil {
		return st.Title.In(lang)
	}
	switch key {
	case StepBreak:
		return BreakTitle.In(lang)
	case StepSetup:
		return SetupTitle.In(lang)
	case StepSummary:
		return SummaryTitle.In(lang)
	case StepHistory:
		return HistoryTitle.In(lang)
	}
	return key
}

// Rung is a step of the promise ladder with the Finland 2021 share.
type Rung struct {
	Level       int
	Label       Text
	Finland2021 int // per cent of organisations; the source's figures add up to 96
}

// Ladder is the five-rung promise ladder (Asiakaskeskeisyyden tila 2021).
var Ladder = []Rung{
	{1, Text{"Organisaatiolla ei ole selvää asiakaslupausta", "No clear customer promise"}, 15},
	{2, Text{"Organisaatiomme on määritellyt asiakaslupauksen", "Promise has been defined"}, 27},
	{3, Text{"Suuri osa työntekijöistä tuntee asiakaslupauksen", "Most employees know the promise"}, 27},
	{4, Text{"Työntekijät ovat innostuneita asiakaslupauksesta", "Employees are enthusiastic about it"}, 11},
	{5, Text{"Suuri osa työntekijöistä elää asiakaslupausta todeksi", "Most employees live the promise"}, 16},
}

// LadderSource names where the Finland 2021 figures come from.
var LadderSource = Text{
	"Asiakaskeskeisyyden tila 2021; luvut summautuvat lähteessä 96 %:iin.",
	"The state of customer-centricity in Finland 2021; its figures total 96 %.",
}

// Maturity is the survey's contrast between its maturity types, from the
// beginners (Aloittelijat) to the pioneers (Pioneerit): how many of each say
// that most employees live the promise, the ladder's top rung.
type Maturity struct {
	Level     int  // the rung of the ladder the contrast is about
	Beginners int  // per cent of the beginners who say so
	Pioneers  int  // per cent of the pioneers who say so
	Says      Text // the contrast in words, with its figures
	Source    Text
}

// MaturityContrast: 0% of beginners and 88% of pioneers say most
// employees live the promise (Asiakaskeskeisyyden tila 2021).
var MaturityContrast = Maturity{
	Level: 5, Beginners: 0, Pioneers: 88,
	Says: Text{
		"Aloittelijoista 0 % ja pioneereista 88 % sanoo, että suuri osa työntekijöistä elää asiakaslupausta todeksi.",
		"0% of beginners and 88% of pioneers say most employees live the promise.",
	},
	Source: Text{
		"Asiakaskeskeisyyden tila 2021, kypsyystyypit aloittelijoista pioneereihin.",
		"The state of customer-centricity in Finland 2021, maturity types from beginners to pioneers.",
	},
}

// NumCriteria is the number of evaluation criteria.
const NumCriteria = 8

// Criterion is one of the evaluation criteria C1..C8 on a 1–5 scale.
type Criterion struct {
	ID       string
	Name     Text
	Question Text
	Scale    [3]Text // what 1, 3 and 5 mean
	Weight   int
	Core     bool
}

// Criteria are C1..C8; the core criteria C1–C3 count double.
var Criteria = [NumCriteria]Criterion{
	{"C1", Text{"Ymmärrettävä", "Understandable"},
		Text{"Ymmärtääkö asiakas lupauksen ilman selityksiä?", "Would a customer understand it with no explanation?"},
		[3]Text{{"jargonia", "jargon"}, {"epämääräinen", "vague"}, {"asiakas osaisi toistaa sen", "a customer could repeat it"}}, 2, true},
	{"C2", Text{"Merkityksellinen", "Meaningful"},
		Text{"Osuuko lupaus asiakkaan tärkeimpään tehtävään, kipuun tai hyötyyn?", "Does it hit the customer's most important job, pain or gain?"},
		[3]Text{{"epäolennainen", "irrelevant"}, {"toissijainen", "secondary"}, {"vaiheen 3 kärkikohta", "a top-ranked item from step 3"}}, 2, true},
	{"C3", Text{"Erottava", "Differentiating"},
		Text{"Erottaako lupaus meidät muista asiakkaan silmin?", "Does it set us apart in the customer's eyes?"},
		[3]Text{{"kuka tahansa kilpailija voisi sanoa sen", "any competitor could say it"}, {"ero, jota asiakas ei huomaa", "a difference customers don't notice"}, {"selvästi meidän, vaikea kopioida", "clearly ours, hard to copy"}}, 2, true},
	{"C4", Text{"Asiakasnäyttö", "Customer evidence"},
		Text{"Perustuuko lupaus asiakkailta saatuun tietoon?", "Is it based on evidence from customers?"},
		[3]Text{{"sisäinen mielipide", "internal opinion"}, {"yksi lähde", "one source"}, {"useita toisiaan tukevia lähteitä", "several cross-validating sources"}}, 1, false},
	{"C5", Text{"Lunastettava", "Deliverable"},
		Text{"Pystymmekö pitämään lupauksen joka päivä?", "Can we keep it every day?"},
		[3]Text{{"kaukana todellisuudesta", "far from reality"}, {"pitää joskus", "kept sometimes"}, {"pitää yleensä, aukot suunniteltu", "mostly kept, gaps planned"}}, 1, false},
	{"C6", Text{"Mitattava", "Measurable"},
		Text{"Voimmeko mitata, toteutuuko lupaus asiakkaan kokemana?", "Can we measure whether customers experience it?"},
		[3]Text{{"ei", "no"}, {"vain sisäisin mittarein", "only internal measures"}, {"asiakkaan kokema ja operatiivinen mittari", "customer-perceived and operational measures"}}, 1, false},
	{"C7", Text{"Elettävä", "Livable"},
		Text{"Tietääkö jokainen, mitä lupaus tarkoittaa omassa työssä, ja saako toimia sen mukaan?", "Does everyone know what it means in their job, and may they act on it?"},
		[3]Text{{"iskulause", "slogan"}, {"vain asiakasrajapinta", "customer-facing staff only"}, {"jokainen rooli, valtuuksin", "every role, with authority"}}, 1, false},
	{"C8", Text{"Ostaisitko itse?", "Would you buy from yourself?"},
		Text{"Jos olisit asiakas, valitsisitko meidät tämän lupauksen vuoksi?", "If you were the customer, would you choose us because of it?"},
		[3]Text{{"ei", "no"}, {"ehkä", "maybe"}, {"kyllä, ja suosittelisin", "yes, and I would recommend"}}, 1, false},
}

// DefaultDots is the number of dots each participant gets in dot voting.
const DefaultDots = 3

// LongDraftWords is the length over which a draft is flagged as long.
const LongDraftWords = 25

// Preset is an agenda preset: the planned minutes of each agenda item.
type Preset struct {
	Key   string
	Name  Text
	Items []AgendaItem
}

// Presets are the agenda presets of 3 h and 2 h.
var Presets = []Preset{
	{Key: "3h", Name: Text{"3 tuntia", "3 hours"}, Items: []AgendaItem{
		{Step: StepBaseline, PlannedMin: 10},
		{Step: StepPurpose, PlannedMin: 15},
		{Step: StepProfile, PlannedMin: 30},
		{Step: StepValueMap, PlannedMin: 15},
		{Step: StepBreak, PlannedMin: 10},
		{Step: StepDrafts, PlannedMin: 20},
		{Step: StepEvaluation, PlannedMin: 20},
		{Step: StepDecision, PlannedMin: 15},
		{Step: StepMeasures, PlannedMin: 20},
		{Step: StepNextSteps, PlannedMin: 20},
	}},
	{Key: "2h", Name: Text{"2 tuntia", "2 hours"}, Items: []AgendaItem{
		{Step: StepBaseline, PlannedMin: 5},
		{Step: StepPurpose, PlannedMin: 10},
		{Step: StepProfile, PlannedMin: 20},
		{Step: StepValueMap, PlannedMin: 10},
		{Step: StepDrafts, PlannedMin: 15},
		{Step: StepEvaluation, PlannedMin: 15},
		{Step: StepDecision, PlannedMin: 15},
		{Step: StepMeasures, PlannedMin: 15},
		{Step: StepNextSteps, PlannedMin: 15},
	}},
}

// PresetAgenda returns a fresh copy of the preset's agenda (3 h when the key is unknown).
func PresetAgenda(key string) []AgendaItem {
	p := Presets[0]
	for _, q := range Presets {
		if q.Key == key {
			p = q
		}
	}
	return append([]AgendaItem(nil), p.Items...)
}

// Labels for the enumerations, for the UI and the report.
var (
	KindLabels = map[string]Text{
		KindEmployee: {"työntekijä", "employee"},
		KindCustomer: {"asiakas", "customer"},
		KindGuest:    {"vieras", "guest"},
	}
	ItemTypeLabels = map[string]Text{
		ItemJob:    {"Tehtävä", "Job"},
		ItemPain:   {"Kipu", "Pain"},
		ItemGain:   {"Hyöty", "Gain"},
		ItemMotive: {"Ostomotiivi", "Motive"},
	}
	EvidenceLabels = map[string]Text{
		EvidenceCustomerSaid: {"asiakkaan sanoma", "customer's words"},
		EvidenceFeedbackData: {"palautedata", "feedback data"},
		EvidenceObservation:  {"työntekijän havainto", "employee observation"},
		EvidenceAssumption:   {"oletus", "assumption"},
	}
	ValueTypeLabels = map[string]Text{
		ValueProduct:      {"Tuote tai palvelu", "Product or service"},
		ValuePainReliever: {"Kivun lievittäjä", "Pain reliever"},
		ValueGainCreator:  {"Hyödyn tuottaja", "Gain creator"},
	}
	DeliveredLabels = map[string]Text{
		"yes":    {"toteutuu", "delivered"},
		"partly": {"osittain", "partly"},
		"no":     {"ei vielä", "not yet"},
	}
	BuyLabels = map[string]Text{
		BuyYes:   {"kyllä", "yes"},
		BuyMaybe: {"ehkä", "maybe"},
		BuyNo:    {"ei", "no"},
	}
	ActionKindLabels = map[string]Text{
		ActionUnderstand: {"Ymmärrä tilanne", "Understand the situation"},
		ActionMobilise:   {"Löydä ratkaisijat ja varmista prioriteetti", "Find the solvers, secure priority"},
		ActionAct:        {"Toimi itse", "Act on what we can influence"},
	}
	ActionStatusLabels = map[string]Text{
		ActionOpen:       {"avoin", "open"},
		ActionInProgress: {"käynnissä", "in progress"},
		ActionDone:       {"valmis", "done"},
		ActionDropped:    {"luovuttu", "dropped"},
	}
	MeasureTypeLabels = map[string]Text{
		MeasureNPS:         {"NPS", "NPS"},
		MeasureCES:         {"CES", "CES"},
		MeasureCSAT:        {"CSAT", "CSAT"},
		MeasureOperational: {"operatiivinen", "operational"},
		MeasureEmployee:    {"henkilöstö", "employee"},
		MeasureOther:       {"muu", "other"},
	}
	MeasureHelp = map[string]Text{
		MeasureNPS:  {"NPS: 0–10; suosittelijoiden (9–10) % miinus arvostelijoiden (0–6) %", "NPS: 0–10; % of 9–10 minus % of 0–6"},
		MeasureCES:  {"CES 2.0: samanmielisyys 1–7", "CES 2.0: 1–7 agreement"},
		MeasureCSAT: {"CSAT: 1–5; vastauksista 4–5 %", "CSAT: 1–5; % of 4–5"},
	}
	ValidationLabels = map[string]Text{
		ValidationInternal: {"vain sisäisesti sovittu", "agreed internally only"},
		ValidationPending:  {"validoidaan asiakkaiden kanssa", "to be validated with customers"},
		ValidationDone:     {"validoitu asiakkaiden kanssa", "validated with customers"},
	}
	StatusLabels = map[string]Text{
		StatusPlanned:    {"suunniteltu", "planned"},
		StatusInProgress: {"käynnissä", "in progress"},
		StatusCompleted:  {"valmis", "completed"},
	}
)

// Label returns the label of an enumeration value in the language, or the value itself.
func Label(labels map[string]Text, value, lang string) string {
	if t, ok := labels[value]; ok {
		return t.In(lang)
	}
	return value
}
