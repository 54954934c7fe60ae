package analysis

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
)

// The checks of the verdict: the main analysis and the robustness
// variants.
const (
	checkMain        = "main"
	checkLOCO        = "leave one case out"
	checkReliability = "reliability"
	checkDates       = "date window"
	checkAttribution = "unit not named"
	checkScenario    = "unobserved bureaus"
)

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

// parseGrade reads an Admiralty grade such as "B2".
func parseGrade(s string) (letter byte, digit int, err error) {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'F' || s[1] < '1' || s[1] > '6' {
		return 0, 0, fmt.Errorf("analysis: invalid reliability grade %q: want a letter A-F and a digit 1-6, such as B2", s)
	}
	return s[0], int(s[1] - '0'), nil
}

// meets reports whether grade is at least min (letter and digit both as
// good or better). Ungraded ties ("") always meet it.
func meets(grade, min string) bool {
	if min == "" || grade == "" {
		return true
	}
	gl, gd, err := parseGrade(grade)
	if err != nil {
		return false
	}
	ml, md, _ := parseGrade(min)
	return gl <= ml && gd <= md
}

// variants lists the main analysis and every robustness variant, with
// the notes on the data that the summary reports.
func variants(e *Ecosystem, opt EcosystemOptions) ([]variant, []string, error) {
	mainKeep := func(t Tie) bool { return meets(t.Grade, opt.MinGrade) }
	main := variant{check: checkMain, name: "as specified", key: "main", eco: e, keep: mainKeep, attr: opt.Attribution,
		samples: opt.Samples, power: opt.PowerSamples}
	b, err := e.view(main.keep, main.attr)
	if err != nil {
		return nil, nil, err
	}
	rs, rp := opt.RobustSamples, opt.RobustSamples
	vs := []variant{main}
	add := func(check, name string, eco *Ecosystem, keep func(Tie) bool, attr Attribution) {
		if keep == nil {
			keep = func(Tie) bool { return true }
		}
		vs = append(vs, variant{check: check, name: name, key: check + "/" + name, eco: eco, keep: keep, attr: attr, samples: rs, power: rp})
	}
	for _, c := range b.clusters() {
		add(checkLOCO, "without "+c, e, func(t Tie) bool { return mainKeep(t) && t.Cluster != c }, opt.Attribution)
	}
	for _, r := range []struct{ name, min string }{{"A–B only", "B6"}, {"up to C", "C6"}, {"all grades", ""}} {
		add(checkReliability, r.name, e, func(t Tie) bool { return meets(t.Grade, r.min) }, opt.Attribution)
	}
	add(checkDates, "before 2020-01-01", e, func(t Tie) bool { return mainKeep(t) && t.Date != "" && t.Date < "2020" }, opt.Attribution)
	add(checkDates, "from 2020-01-01", e, func(t Tie) bool { return mainKeep(t) && t.Date >= "2020" }, opt.Attribution)
	for _, y := range ledgerYears(e) {
		add(checkDates, "year "+y, e, func(t Tie) bool { return mainKeep(t) && strings.HasPrefix(t.Date, y) }, opt.Attribution)
	}
	for _, a := range []Attribution{LeftOut, AsCentral, AsLocal} {
		if a != opt.Attribution {
			add(checkAttribution, string(a), e, mainKeep, a)
		}
	}
	for i := range vs[1:] {
		v := &vs[i+1]
		vb, err := v.eco.view(v.keep, v.attr)
		if err != nil {
			return nil, nil, err
		}
		v.same = vb.equal(b)
	}
	var notes []string
	notes = append(notes, "main view: "+b.describe())
	for _, sel := range e.Selection {
		notes = append(notes, "selection: "+sel)
	}
	unnamed := 0
	var whole []string
	names := map[string]string{}
	for _, o := range e.Orgs {
		names[o.ID] = cmpOr(o.Name, o.ID)
	}
	for _, t := range e.Ties {
		if !t.UnitNamed && mainKeep(t) {
			unnamed++
			if !slices.Contains(whole, names[t.Principal]) {
				whole = append(whole, names[t.Principal])
			}
		}
	}
	if unnamed > 0 {
		slices.Sort(whole)
		notes = append(notes, fmt.Sprintf("unit not named: %d ties point at an institution as a whole (%s) in sources that name no unit; the main analysis reads them as %s (robustness rows %q show the other readings)", unnamed, strings.Join(whole, ", "), opt.Attribution, checkAttribution))
	}
	undated := 0
	for _, t := range e.Ties {
		if t.Date == "" {
			undated++
		}
	}
	if undated > 0 {
		notes = append(notes, fmt.Sprintf("date windows: %d of %d ties have no date and are left out of every window", undated, len(e.Ties)))
	}
	if opt.Population > 0 {
		agent, observed := scenarioAgent(b)
		u := opt.Population - observed
		if u <= 0 {
			notes = append(notes, fmt.Sprintf("unobserved bureaus: none added: %d principals of %s are observed, %d believed to exist", observed, agent, opt.Population))
		} else {
			notes = append(notes, fmt.Sprintf("unobserved bureaus: %d sub-national bureaus added to the %d observed principals of %s, up to %s; each is tied with probability θ to an observed agent (chosen in proportion to its number of principals) and otherwise to an agent not observed; %d augmentations per θ",
				u, observed, agent, cmpOr(opt.PopulationNote, fmt.Sprint(opt.Population)), opt.ScenarioReps))
			for _, theta := range opt.Thetas {
				for rep := range opt.ScenarioReps {
					name := fmt.Sprintf("θ = %g, augmentation %d", theta, rep+1)
					aug, err := augment(e, b, u, theta, rand.NewPCG(streamSeed(opt.Seed, checkScenario, name), 0))
					if err != nil {
						return nil, nil, err
					}
					add(checkScenario, name, aug, mainKeep, opt.Attribution)
				}
			}
		}
	}
	return vs, notes, nil
}

// ledgerYears lists the years of the ledger's ties.
func ledgerYears(e *Ecosystem) []string {
	var ys []string
	for _, t := range e.Ties {
		if strings.HasPrefix(t.Cluster, ledgerCluster) && len(t.Date) >= 4 {
			ys = append(ys, t.Date[:4])
		}
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

// ledgerCluster is the cluster of the ties of a ledger.
const ledgerCluster = "ledger"

// scenarioAgent returns the agent with the most principals in the view,
// whose clients a claim such as the i-SOON indictment's counts, and its
// number of principals.
func scenarioAgent(b *bipartite) (string, int) {
	best, n := "", -1
	for a, ps := range b.adj {
		if len(ps) > n {
			best, n = b.agents[a].ID, len(ps)
		}
	}
	return best, max(n, 0)
}

// augment returns a copy of e with u added sub-national bureaus, each
// tied with probability theta to an agent of the view b (drawn in
// proportion to its number of principals) and otherwise to an added
// agent of its own.
func augment(e *Ecosystem, b *bipartite, u int, theta float64, src rand.Source) (*Ecosystem, error) {
	if theta < 0 || theta > 1 {
		return nil, fmt.Errorf("analysis: θ = %v is not a probability", theta)
	}
	rng := rand.New(src)
	out := &Ecosystem{Orgs: slices.Clone(e.Orgs), Ties: slices.Clone(e.Ties), Hierarchy: e.Hierarchy}
	var weights []int
	total := 0
	for _, ps := range b.adj {
		weights = append(weights, len(ps))
		total += len(ps)
	}
	for i := range u {
		id := fmt.Sprintf("unobserved-bureau-%d", i+1)
		out.Orgs = append(out.Orgs, Org{ID: id, Name: "unobserved bureau", Kind: "unidentified_unit", Level: "subnational", State: true})
		agent := ""
		if total > 0 && rng.Float64() < theta {
			r := rng.IntN(total)
			for a, w := range weights {
				if r < w {
					agent = b.agents[a].ID
					break
				}
				r -= w
			}
		} else {
			agent = fmt.Sprintf("unobserved-agent-%d", i+1)
			out.Orgs = append(out.Orgs, Org{ID: agent, Name: "unobserved agent", Kind: "company"})
		}
		out.Ties = append(out.Ties, Tie{Principal: id, Agent: agent, Role: RoleContract, Evidence: "scenario", Cluster: "unobserved bureaus", UnitNamed: true})
	}
	return out, nil
}
