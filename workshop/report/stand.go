package report

import (
	"fmt"
	"strings"

	"lupauspaja/workshop"
)

// stand is section "where we stand": the old promise, the ladder against
// Finland 2021, and the would-we-buy answers.
func (d *doc) stand() {
	s := d.s
	d.h1(d.w.Stand, true)
	if old := strings.TrimSpace(s.Baseline.ExistingPromise); old != "" {
		d.label(d.w.ExistingPromise, marginL, contentW)
		d.para(d.quote(old), marginL, contentW, "I", 10.5, 5.3, ink)
		d.gap(3)
	}
	counts := s.LadderCounts()
	voters := 0
	for _, c := range counts {
		voters += c
	}
	d.h2(d.w.LadderTitle, 75)
	if voters == 0 {
		d.notRecorded()
		d.maturity()
	} else {
		var rows []barRow
		for i := len(workshop.Ladder) - 1; i >= 0; i-- {
			r := workshop.Ladder[i]
			c := counts[r.Level-1]
			pct := 100 * float64(c) / float64(voters)
			rows = append(rows, barRow{
				label: fmt.Sprintf("%d  %s", r.Level, r.Label.In(d.lang)),
				bars: []bar{
					{pct, fmt.Sprintf("%d (%s)", c, d.percent(d.num(pct, 0))), accent},
					{float64(r.Finland2021), d.percent(fmt.Sprint(r.Finland2021)), barGrey},
				},
			})
		}
		d.hbars(rows, 100, 62)
		d.legend([]string{fmt.Sprintf("%s (%d %s)", d.w.Us, voters, d.w.Votes), d.w.Finland2021}, []rgb{accent, barGrey})
		d.note(workshop.LadderSource.In(d.lang))
		d.maturity()
		var notes []string
		for _, v := range s.Ladder {
			if n := strings.TrimSpace(v.Note); n != "" {
				notes = append(notes, d.person(v.ParticipantID, "")+": "+d.quote(n))
			}
		}
		if len(notes) > 0 {
			d.gap(2)
			for _, n := range notes {
				d.para(n, marginL, contentW, "I", sizeBody, lineBody, ink)
			}
		}
	}
	d.wouldBuy()
}

// maturity is the method's maturity contrast beside the ladder: how many
// of the survey's beginners and pioneers say most employees live the
// promise, the top rung, with its source.
func (d *doc) maturity() {
	d.gap(2)
	d.need(2*lineBody + lineSmall)
	d.para(workshop.MaturityContrast.Says.In(d.lang), marginL, contentW, "B", sizeBody, lineBody, ink)
	d.note(workshop.MaturityContrast.Source.In(d.lang))
}

// wouldBuy lists the "would we buy from ourselves?" answers with a tally.
func (d *doc) wouldBuy() {
	var rows [][]cell
	tally := map[string]int{}
	for _, v := range d.s.Ladder {
		if v.WouldBuy == "" && strings.TrimSpace(v.WhyBuy) == "" {
			continue
		}
		tally[v.WouldBuy]++
		ans := d.enum(workshop.BuyLabels, v.WouldBuy)
		c := txt(ans)
		switch v.WouldBuy {
		case workshop.BuyYes:
			c = cell{spans: []span{{text: ans, style: "B", color: &green}}}
		case workshop.BuyNo:
			c = cell{spans: []span{{text: ans, style: "B", color: &red}}}
		case workshop.BuyMaybe:
			c = cell{spans: []span{{text: ans, style: "B", color: &amber}}}
		}
		rows = append(rows, []cell{txt(d.person(v.ParticipantID, "")), c, txt(v.WhyBuy)})
	}
	d.h2(d.w.WouldBuy, 20)
	if len(rows) == 0 {
		d.notRecorded()
		return
	}
	var parts []string
	for _, k := range []string{workshop.BuyYes, workshop.BuyMaybe, workshop.BuyNo} {
		if tally[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", d.enum(workshop.BuyLabels, k), tally[k]))
		}
	}
	d.body(strings.Join(parts, " · "))
	d.gap(1)
	t := d.table(column{d.w.Name, 24, "L"}, column{d.w.Answer, 10, "L"}, column{d.w.WhyCol, 66, "L"})
	t.draw(rows)
}
