package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// SyntheticParams are the stated parameters of a synthetic ecosystem.
type SyntheticParams struct {
	// Provinces is the number of provinces; sub-national bureaus are
	// spread evenly over them and agents placed in one at random.
	Provinces int
	// National and Bureaus are the numbers of national principals
	// (headquarters) and of sub-national bureaus.
	National, Bureaus int
	// Agents is the number of agents; each has between MinDegree and
	// MaxDegree principals (uniform), or exactly the Degrees given.
	Agents               int
	MinDegree, MaxDegree int
	Degrees              []int
	// PNational is the probability that a tie goes to a national
	// principal (uniform among them); otherwise it goes to a bureau drawn
	// uniformly, or with PLocal to a bureau of the agent's province.
	PNational, PLocal float64
}

// The synthetic ecosystems of the tests and of the calibration: a
// centrally directed one, a market of local bureaus sharing vendors
// across provinces, and one too thin to say anything.
var SyntheticEcosystems = map[string]SyntheticParams{
	// Contracts go to headquarters: 85% of 24 agents' ties run to one of
	// two national principals.
	"centralized": {Provinces: 12, National: 2, Bureaus: 12, Agents: 24, MinDegree: 1, MaxDegree: 2, PNational: 0.85},
	// 15 vendors each sell to 3–6 of 40 bureaus in 20 provinces; 5% of
	// ties go to the one national principal.
	"decentralized": {Provinces: 20, National: 1, Bureaus: 40, Agents: 15, MinDegree: 3, MaxDegree: 6, PNational: 0.05},
	// Two agents with two ties each: four contracts.
	"thin": {Provinces: 3, National: 1, Bureaus: 3, Agents: 2, Degrees: []int{2, 2}, PNational: 0.25},
}

// Synthetic builds a synthetic ecosystem from its parameters and a seed:
// every agent is a case of its own (its evidence cluster), every tie is
// graded B2 and dated 2019, and every unit is named.
func Synthetic(p SyntheticParams, seed uint64) (*Ecosystem, error) {
	if p.Provinces < 1 || p.National+p.Bureaus < 1 || p.Agents < 1 {
		return nil, fmt.Errorf("analysis: synthetic ecosystem needs provinces, principals and agents (%+v)", p)
	}
	if p.Degrees == nil && (p.MinDegree < 1 || p.MaxDegree < p.MinDegree) {
		return nil, fmt.Errorf("analysis: bad synthetic degrees %d–%d", p.MinDegree, p.MaxDegree)
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	e := &Ecosystem{Selection: []string{"the ecosystem is synthetic, drawn from stated parameters, and every tie in it is observed"}}
	province := func(i int) string { return fmt.Sprintf("Province %02d", i%p.Provinces+1) }
	var national, bureaus []string
	for i := range p.National {
		id := fmt.Sprintf("hq-%d", i+1)
		national = append(national, id)
		e.Orgs = append(e.Orgs, Org{ID: id, Name: "Headquarters " + fmt.Sprint(i+1), Kind: "state_security_organ", Level: "national", Province: "Beijing", State: true})
	}
	byProvince := map[string][]string{}
	for i := range p.Bureaus {
		id := fmt.Sprintf("bureau-%02d", i+1)
		pr := province(i)
		bureaus = append(bureaus, id)
		byProvince[pr] = append(byProvince[pr], id)
		e.Orgs = append(e.Orgs, Org{ID: id, Name: "Bureau " + fmt.Sprint(i+1), Kind: "public_security_organ", Level: "provincial", Province: pr, State: true})
	}
	for a := range p.Agents {
		id := fmt.Sprintf("agent-%02d", a+1)
		pr := province(rng.IntN(p.Provinces))
		e.Orgs = append(e.Orgs, Org{ID: id, Name: "Agent " + fmt.Sprint(a+1), Kind: "company", Province: pr})
		d := 0
		if p.Degrees != nil {
			d = p.Degrees[a%len(p.Degrees)]
		} else {
			d = p.MinDegree + rng.IntN(p.MaxDegree-p.MinDegree+1)
		}
		var chosen []string
		for tries := 0; len(chosen) < d && tries < 100*d; tries++ {
			var pid string
			switch {
			case len(national) > 0 && (len(bureaus) == 0 || rng.Float64() < p.PNational):
				pid = national[rng.IntN(len(national))]
			case p.PLocal > 0 && len(byProvince[pr]) > 0 && rng.Float64() < p.PLocal:
				pid = byProvince[pr][rng.IntN(len(byProvince[pr]))]
			default:
				pid = bureaus[rng.IntN(len(bureaus))]
			}
			if !slices.Contains(chosen, pid) {
				chosen = append(chosen, pid)
			}
		}
		for _, pid := range chosen {
			e.Ties = append(e.Ties, Tie{Principal: pid, Agent: id, Role: RoleContract, Evidence: id + "→" + pid,
				Cluster: "case-" + id, Grade: "B2", Date: "2019", UnitNamed: true})
		}
	}
	return e, nil
}
