package analysis

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
	"github.com/ecosys-sna/ecosys/network"
)

// Options configure Decentralization.
type Options struct {
	Samples     int     // null-model replicates per statistic; 0 means 1000
	BootSamples int     // bootstrap and missing-data replicates; 0 means 1000
	Seed        uint64  // seed of every random procedure
	Workers     int     // goroutines; 0 means all cores; results do not depend on it
	Missing     float64 // fraction of contracts removed in the missing-data check; 0 means 0.2
	// Unobserved is the number of end users added in the unobserved
	// scenario. 0 means up to Population in all; with Population 0 too,
	// the scenario is left out.
	Unobserved int
	// Population is the number of end users the ledger's contractor is
	// believed to serve in all, from a cited claim (UnobservedTarget for
	// the i-SOON ledger); PopulationNote says where it comes from, for the
	// verdict's notes.
	Population     int
	PopulationNote string
	Progress       func(done, total int)
}

// UnobservedTarget is the number of bureaus the i-SOON indictment says the
// company worked with: "at least 43 different MSS or MPS bureaus in at
// least 31 separate provinces" (United States v. Wu Haibo et al., 2025, as
// quoted in NIDS Commentary No. 371; claim r1c01 of the case data). Give it
// as Options.Population for the i-SOON ledger.
const UnobservedTarget = 43

// UnobservedTargetNote is the PopulationNote of UnobservedTarget.
const UnobservedTargetNote = "the 43 bureaus of the i-SOON indictment"

// Scenario summarises a statistic over replicates of a perturbed ledger:
// the mean and the 2.5% and 97.5% quantiles.
type Scenario struct {
	Mean       float64 `json:"mean"`
	Lower      float64 `json:"lower"`
	Upper      float64 `json:"upper"`
	Replicates int     `json:"replicates"`
	Undefined  int     `json:"undefined"`
}

// Row is one line of the verdict table.
type Row struct {
	Statistic  string                   `json:"statistic"`
	Meaning    string                   `json:"meaning"`
	Network    string                   `json:"network"`
	Observed   float64                  `json:"observed"`
	Null       string                   `json:"null"` // "" when no null model applies
	Test       *inference.CUGResult     `json:"test"`
	Bootstrap  *inference.Interval      `json:"bootstrap"`
	Missing    Scenario                 `json:"missing_contracts"`
	Unobserved Scenario                 `json:"unobserved_end_users"`
	Archetypes map[string]metrics.Value `json:"archetypes,omitempty"`
	Reading    string                   `json:"reading"`
}

// Verdict is the decentralization verdict table with its settings.
type Verdict struct {
	Rows        []Row    `json:"rows"`
	Samples     int      `json:"samples"`
	BootSamples int      `json:"bootstrap_samples"`
	Seed        uint64   `json:"seed"`
	Missing     float64  `json:"missing_fraction"`
	Unobserved  int      `json:"unobserved_end_users"`
	Notes       []string `json:"notes"`
}

// modeOffset is the node id of the first end user in the intermediary ×
// end-user graph, so that one mode function serves every resampled graph.
const modeOffset = 1 << 30

func modeOf(id int64) int {
	if id >= modeOffset {
		return 1
	}
	return 0
}

// intermediated returns the indices of the contracts signed by an
// intermediary (a signatory other than the end user).
func intermediated(l *network.Ledger) []int {
	var idx []int
	for i, c := range l.Contracts {
		if c.Intermediated() {
			idx = append(idx, i)
		}
	}
	return idx
}

// intermediaryGraph is the two-mode graph intermediary × end user of the
// intermediated contracts of l, ties weighted by amount: intermediaries are
// nodes 0, 1, … and end users modeOffset, modeOffset+1, … in id order.
func intermediaryGraph(l *network.Ledger) graph.Graph {
	var sig, eu []string
	w := map[[2]string]float64{}
	for _, i := range intermediated(l) {
		c := l.Contracts[i]
		sig, eu = append(sig, c.Signatory), append(eu, c.EndUser)
		w[[2]string{c.Signatory, c.EndUser}] += c.Amount.Yuan()
	}
	slices.Sort(sig)
	slices.Sort(eu)
	sig, eu = slices.Compact(sig), slices.Compact(eu)
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range sig {
		g.AddNode(simple.Node(i))
	}
	for j := range eu {
		g.AddNode(simple.Node(modeOffset + j))
	}
	keys := make([][2]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	for _, k := range keys {
		i, _ := slices.BinarySearch(sig, k[0])
		j, _ := slices.BinarySearch(eu, k[1])
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(modeOffset+j), w[k]))
	}
	return g
}

// endUserAmounts returns the total amount of each end user of a ledger
// network (nodes without outgoing ties), read from the directed network
// weighted by amount: every contract ends on exactly one tie into its end
// user.
func endUserAmounts(g graph.Graph) []float64 {
	wg := g.(graph.Weighted)
	var out []float64
	ids := graph.NodesOf(g.Nodes())
	slices.SortFunc(ids, func(a, b graph.Node) int { return int(a.ID() - b.ID()) })
	for _, v := range ids {
		if g.From(v.ID()).Len() > 0 {
			continue
		}
		var s float64
		for it := g.(graph.Directed).To(v.ID()); it.Next(); {
			w, _ := wg.Weight(it.Node().ID(), v.ID())
			s += w
		}
		if s > 0 {
			out = append(out, s)
		}
	}
	return out
}

// rowSpec is one statistic of the verdict.
type rowSpec struct {
	stat    string
	meaning string
	network string
	stat2   inference.Statistic
	twoMode bool // on the intermediary × end-user graph with the bipartite-gnm null; otherwise on the ledger network, no null
}

func verdictSpecs() ([]rowSpec, error) {
	var specs []rowSpec
	for _, s := range []struct{ path, meaning string }{
		{"largest_component_share", "share of intermediaries and bureaus in the largest cluster of signing ties (low: each bureau has its own intermediaries)"},
		{"centralization.degree", "whether some intermediary signs for many bureaus, or some bureau uses many intermediaries (Freeman degree centralization of the two-mode graph taken as one graph)"},
	} {
		st, err := metrics.LookupStatistic(s.path, metrics.StatContext{Mode: modeOf})
		if err != nil {
			return nil, err
		}
		specs = append(specs, rowSpec{stat: s.path, meaning: s.meaning, network: "intermediary × end user (intermediated contracts)",
			stat2: inference.Statistic(st.Fn), twoMode: true})
	}
	for _, s := range []struct{ name, meaning string }{
		{"end_users.gini", "inequality of contract amounts over end users"},
		{"end_users.hhi", "Herfindahl-Hirschman concentration of amounts over end users (1: one end user)"},
		{"end_users.top1_share", "share of all amounts going to the largest end user"},
	} {
		stat, err := LedgerStatistic(s.name)
		if err != nil {
			return nil, err
		}
		specs = append(specs, rowSpec{stat: s.name, meaning: s.meaning, network: "ledger network, amounts into end users", stat2: stat})
	}
	return specs, nil
}

// Decentralization computes the verdict table of a ledger. Every number is
// reproducible from opt.Seed, whatever opt.Workers.
//
// Two kinds of statistic make up the table. On the two-mode graph of the
// intermediated contracts (intermediary × end user), three structural
// statistics are tested against bipartite G(n₀, n₁, m), the random
// two-mode graph with as many intermediaries, bureaus and ties; under the
// bipartite-degree null they would be fixed. On the ledger network, the
// concentration of amounts over end users has no graph null model: it gets
// the bootstrap and the missing-data checks only. For every statistic: a
// percentile bootstrap interval over contracts; the mean and 95% range
// when a share opt.Missing of contracts is missing at random; the same
// when the ledger is topped up with unobserved end users
// (Ledger.WithUnobserved); and, for the structural ones, the values on a
// star, a tree, a few hubs and a mesh of the same size.
func Decentralization(l *network.Ledger, opt Options) (*Verdict, error) {
	if opt.Samples == 0 {
		opt.Samples = 1000
	}
	if opt.BootSamples == 0 {
		opt.BootSamples = 1000
	}
	if opt.Missing == 0 {
		opt.Missing = 0.2
	}
	endUsers := map[string]bool{}
	for _, c := range l.Contracts {
		endUsers[c.EndUser] = true
	}
	if opt.Unobserved == 0 && opt.Population > 0 {
		opt.Unobserved = max(0, opt.Population-len(endUsers))
	}
	ig := intermediaryGraph(l)
	inter := intermediated(l)
	if len(inter) == 0 {
		return nil, fmt.Errorf("analysis: the ledger has no contract signed by an intermediary")
	}
	sampler, err := null.New(null.BipartiteGNM, ig, null.Options{PermuteWeights: true, Mode: modeOf})
	if err != nil {
		return nil, err
	}
	specs, err := verdictSpecs()
	if err != nil {
		return nil, err
	}
	v := &Verdict{Samples: opt.Samples, BootSamples: opt.BootSamples, Seed: opt.Seed, Missing: opt.Missing, Unobserved: opt.Unobserved}
	v.Notes = []string{
		fmt.Sprintf("intermediary × end user: the %d contracts signed by a party other than the end user, as a two-mode graph; null bipartite-gnm keeps the numbers of intermediaries, bureaus and ties and places the ties at random (amounts permuted)", len(inter)),
		"end-user concentration: amounts into each end user of the ledger network; no graph null model applies, so only the bootstrap and the missing-data checks are given",
		unobservedNote(opt, len(endUsers)),
		"the directed ledger network (contractor → signatory → end user) is an out-tree by construction, since the ledger is one contractor's own: its hierarchy is 1 and its out-degree centralization near 1 whatever the ecosystem looks like, so it is not tested",
	}
	igArch, err := inference.Archetypes(ig.Nodes().Len(), countEdges(ig), false)
	if err != nil {
		return nil, err
	}
	buildInter := func(units []int) (graph.Graph, error) {
		rows := make([]int, len(units))
		for i, u := range units {
			rows[i] = inter[u]
		}
		return intermediaryGraph(l.Resample(rows)), nil
	}
	buildLedger := func(units []int) (graph.Graph, error) {
		return network.BuildLedger(l.Resample(units)).Directed(network.ByAmount), nil
	}
	boot := inference.BootOptions{Samples: opt.BootSamples, Seed: opt.Seed, Workers: opt.Workers}
	for i, s := range specs {
		row := Row{Statistic: s.stat, Meaning: s.meaning, Network: s.network}
		var observed graph.Graph = network.BuildLedger(l).Directed(network.ByAmount)
		build, units := buildLedger, len(l.Contracts)
		if s.twoMode {
			observed, build, units = ig, buildInter, len(inter)
		}
		ov := s.stat2(observed)
		if !ov.OK {
			return nil, fmt.Errorf("analysis: %s is undefined on the ledger: %s", s.stat, ov.Note)
		}
		row.Observed = ov.V
		if s.twoMode {
			row.Null = string(null.BipartiteGNM) + " (amounts permuted)"
			if row.Test, _, err = inference.CUG(observed, s.stat, s.stat2, sampler, inference.CUGOptions{Samples: opt.Samples, Seed: opt.Seed, Workers: opt.Workers}); err != nil {
				return nil, fmt.Errorf("analysis: %s: %w", s.stat, err)
			}
			row.Archetypes = map[string]metrics.Value{}
			for _, a := range igArch {
				row.Archetypes[a.Name] = s.stat2(a.G)
			}
		}
		if row.Bootstrap, err = inference.BootstrapUnits(units, build, s.stat2, boot); err != nil {
			return nil, fmt.Errorf("analysis: %s: %w", s.stat, err)
		}
		// Missing contracts: drop a share of all contracts, then measure.
		dropped := func(_ float64, src rand.Source) (graph.Graph, error) {
			keep := rand.New(src).Perm(len(l.Contracts))[:len(l.Contracts)-int(math.Round(opt.Missing*float64(len(l.Contracts))))]
			slices.Sort(keep)
			sub := l.Resample(keep)
			if s.twoMode {
				return intermediaryGraph(sub), nil
			}
			return network.BuildLedger(sub).Directed(network.ByAmount), nil
		}
		if row.Missing, err = scenario(observed, dropped, s.stat2, boot); err != nil {
			return nil, fmt.Errorf("analysis: %s: %w", s.stat, err)
		}
		added := func(_ float64, src rand.Source) (graph.Graph, error) {
			u, err := l.WithUnobserved(opt.Unobserved, src)
			if err != nil {
				return nil, err
			}
			if s.twoMode {
				return intermediaryGraph(u), nil
			}
			return network.BuildLedger(u).Directed(network.ByAmount), nil
		}
		if opt.Unobserved > 0 {
			if row.Unobserved, err = scenario(observed, added, s.stat2, boot); err != nil {
				return nil, fmt.Errorf("analysis: %s: %w", s.stat, err)
			}
		}
		row.Reading = reading(row)
		v.Rows = append(v.Rows, row)
		if opt.Progress != nil {
			opt.Progress(i+1, len(specs))
		}
	}
	return v, nil
}

// unobservedNote describes the missing-data and unobserved scenarios.
func unobservedNote(opt Options, endUsers int) string {
	s := fmt.Sprintf("missing data: %.0f%% of contracts removed at random", 100*opt.Missing)
	switch {
	case opt.Unobserved == 0:
		return s + "; no unobserved-end-user scenario (give the number of end users believed to exist in all, Options.Population or --population)"
	case opt.Population > 0 && opt.PopulationNote != "":
		return s + fmt.Sprintf("; unobserved end users: %d added with contracts drawn from the observed ones, up to %s", opt.Unobserved, opt.PopulationNote)
	case opt.Population > 0:
		return s + fmt.Sprintf("; unobserved end users: %d added with contracts drawn from the observed ones, up to %d in all", opt.Unobserved, opt.Population)
	}
	return s + fmt.Sprintf("; unobserved end users: %d added with contracts drawn from the observed ones (%d observed)", opt.Unobserved, endUsers)
}

// scenario runs a perturbation as a one-point sensitivity curve.
func scenario(observed graph.Graph, perturb func(float64, rand.Source) (graph.Graph, error), stat inference.Statistic, opt inference.BootOptions) (Scenario, error) {
	pts, err := inference.Sensitivity(observed, perturb, []float64{1}, stat, opt)
	if err != nil {
		return Scenario{}, err
	}
	p := pts[0]
	return Scenario{Mean: p.Mean, Lower: p.Lower, Upper: p.Upper, Replicates: p.Replicates, Undefined: p.Undefined}, nil
}

// reading places the observed value in its null distribution, in words
// that claim no more than the test shows.
func reading(r Row) string {
	t := r.Test
	switch {
	case t == nil:
		return "no null model; see the intervals"
	case t.Constant:
		return "fixed by the null model: not testable with it"
	case t.PUpper <= 0.025:
		return "higher than under the null (p_upper ≤ 0.025)"
	case t.PLower <= 0.025:
		return "lower than under the null (p_lower ≤ 0.025)"
	}
	return "within the null distribution"
}

// countEdges counts the edges of an undirected graph.
func countEdges(g graph.Graph) int {
	m := 0
	for nodes := g.Nodes(); nodes.Next(); {
		u := nodes.Node().ID()
		for to := g.From(u); to.Next(); {
			if u < to.Node().ID() {
				m++
			}
		}
	}
	return m
}
