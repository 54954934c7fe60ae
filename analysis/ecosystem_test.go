package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// quick are small settings for tests: enough samples for the synthetic
// ecosystems' readings to be stable, few enough to run in seconds.
var quick = EcosystemOptions{Samples: 400, PowerSamples: 200, RobustSamples: 199, ScenarioReps: 2}

// TestSyntheticReadings checks the readings of the synthetic ecosystems
// made by the committed generator with the stated parameters of
// SyntheticEcosystems, over several seeds: a centrally directed ecosystem
// reads "centralized", a market of local bureaus sharing vendors across
// provinces "decentralized", and four contracts "inconclusive".
func TestSyntheticReadings(t *testing.T) {
	want := map[string]string{"centralized": Centralized, "decentralized": Decentralized, "thin": "inconclusive"}
	for kind, reading := range want {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/%d", kind, seed), func(t *testing.T) {
				t.Parallel()
				e, err := Synthetic(SyntheticEcosystems[kind], seed)
				if err != nil {
					t.Fatal(err)
				}
				opt := quick
				opt.Seed = seed
				v, err := EcosystemTest(e, opt)
				if err != nil {
					t.Fatal(err)
				}
				if v.Reading != reading {
					t.Errorf("reading %s, want %s:\n%s", v.Reading, reading, v.Summary)
				}
				if !strings.HasPrefix(v.Summary, "Reading: "+v.Reading+".") {
					t.Errorf("summary does not open with the reading: %s", v.Summary)
				}
			})
		}
	}
}

// TestEcosystemShardsAndWorkers checks that the verdict is byte-identical
// for any number of workers and when split into shards and merged.
func TestEcosystemShardsAndWorkers(t *testing.T) {
	e, err := Synthetic(SyntheticEcosystems["centralized"], 4)
	if err != nil {
		t.Fatal(err)
	}
	opt := quick
	opt.Seed, opt.Population, opt.Thetas = 9, 30, []float64{0, 1}
	marshal := func(v *EcosystemVerdict) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	opt.Workers = 1
	one, err := EcosystemTest(e, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := marshal(one)
	opt.Workers = 3
	three, err := EcosystemTest(e, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(marshal(three), want) {
		t.Error("verdict differs between 1 and 3 workers")
	}
	var runs []*EcosystemRun
	for i := 1; i <= 3; i++ {
		runs = append(runs, shardRun(t, e, opt, i, 3))
	}
	merged, err := MergeEcosystem([]*EcosystemRun{runs[2], runs[0], runs[1]})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(marshal(merged), want) {
		t.Error("merged shards differ from the unsharded verdict")
	}
	if _, err := MergeEcosystem(runs[:2]); err == nil {
		t.Error("merge of 2 of 3 shards accepted")
	}
	if _, err := MergeEcosystem([]*EcosystemRun{runs[0], runs[0], runs[1]}); err == nil {
		t.Error("merge with a repeated shard accepted")
	}
	few := opt
	few.RobustSamples = 50
	if _, err := EcosystemTest(e, few); err == nil || !strings.Contains(err.Error(), "too few") {
		t.Errorf("50 samples accepted: %v", err)
	}
}

// TestDesignFixedMatching is the case of the issue: 7 intermediaries, 7
// bureaus and 7 ties with no isolate can only be a perfect matching, so
// the concentration of ties over principals is fixed by the design and
// must be reported as a description, never as a p-value.
func TestDesignFixedMatching(t *testing.T) {
	e := &Ecosystem{}
	for i := range 7 {
		a, p := fmt.Sprintf("a%d", i), fmt.Sprintf("p%d", i)
		e.Orgs = append(e.Orgs, Org{ID: a, Kind: "company"}, Org{ID: p, Kind: "public_security_organ", Level: "county", State: true})
		e.Ties = append(e.Ties, Tie{Principal: p, Agent: a, Role: RoleIntermediary, Cluster: "ledger", UnitNamed: true})
	}
	v, err := EcosystemTest(e, quick)
	if err != nil {
		t.Fatal(err)
	}
	c := v.Implications[indexOf("principal_concentration")]
	if !c.DesignFixed || c.PUpper != nil || c.PHolm != nil || c.Favours != Descriptive {
		t.Errorf("matching: concentration %+v, want design-fixed without p-values", c)
	}
}

// TestNullCalibration draws data from the null model itself, respecting
// the design (fixed agent degrees, no isolated principal), and checks
// that the p-values of the verdict's tests are valid: P(p ≤ α) ≤ α
// within Monte Carlo error, and not far below α for the concentration,
// whose null distribution takes many values.
func TestNullCalibration(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration: several thousand null samples")
	}
	e, err := Synthetic(SyntheticParams{Provinces: 5, National: 1, Bureaus: 10, Agents: 14, MinDegree: 1, MaxDegree: 3, PNational: 0.1}, 11)
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.view(nil, LeftOut)
	if err != nil {
		t.Fatal(err)
	}
	g, mode := b.graphOf()
	s, err := null.New(null.BipartiteSampled, g, null.Options{Mode: mode})
	if err != nil {
		t.Fatal(err)
	}
	const datasets, reps = 300, 199
	for _, name := range []string{"principal_concentration", "locality"} {
		st := implications[indexOf(name)].stat(b)
		var pu, pl []float64
		for d := range datasets {
			obs, err := s.Sample(rand.NewPCG(101, uint64(d)))
			if err != nil {
				t.Fatal(err)
			}
			ov := st(obs)
			if !ov.OK {
				continue
			}
			// The null run from the observed data set, as the verdict runs it.
			sd, err := null.New(null.BipartiteSampled, obs, null.Options{Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			var vals []float64
			for r := range reps {
				h, err := sd.Sample(rand.NewPCG(202+uint64(d), uint64(r)))
				if err != nil {
					t.Fatal(err)
				}
				if v := st(h); v.OK {
					vals = append(vals, v.V)
				}
			}
			u, l := pValues(ov.V, vals)
			pu, pl = append(pu, u), append(pl, l)
		}
		for _, alpha := range []float64{0.05, 0.1, 0.25} {
			n := float64(len(pu))
			tol := 3 * math.Sqrt(alpha*(1-alpha)/n)
			for side, ps := range map[string][]float64{"upper": pu, "lower": pl} {
				k := 0
				for _, p := range ps {
					if p <= alpha {
						k++
					}
				}
				rate := float64(k) / n
				t.Logf("%s %s: P(p ≤ %.2f) = %.3f over %d data sets", name, side, alpha, rate, len(ps))
				if rate > alpha+tol {
					t.Errorf("%s %s: P(p ≤ %.2f) = %.3f exceeds %.2f + %.3f", name, side, alpha, rate, alpha, tol)
				}
				if name == "principal_concentration" && rate < alpha/2-tol {
					t.Errorf("%s %s: P(p ≤ %.2f) = %.3f, far below the level", name, side, alpha, rate)
				}
			}
		}
	}
}

// TestShareInterval checks the interval of a share against values
// computed by hand.
func TestShareInterval(t *testing.T) {
	// Two units with equal shares: the jackknife alone would give a
	// zero-width interval; the Wilson interval with n = 2 keeps it wide.
	est, lo, hi, units, ok := shareInterval([]unitShare{{"a", 1, 1}, {"a", 0, 1}, {"b", 1, 1}, {"b", 0, 1}})
	if !ok || est != 0.5 || units != 2 || hi-lo < 0.5 {
		t.Errorf("two equal units: %v [%v, %v] over %d", est, lo, hi, units)
	}
	// Wilson interval of 8/10: centre (0.8 + 1.92/10)/(1 + 3.84/10).
	wl, wh := wilson(0.8, 10)
	if math.Abs(wl-0.4902) > 1e-3 || math.Abs(wh-0.9433) > 1e-3 {
		t.Errorf("wilson(0.8, 10) = [%v, %v], want [0.4902, 0.9433]", wl, wh)
	}
	if _, _, _, _, ok := shareInterval(nil); ok {
		t.Error("empty share defined")
	}
}

// TestAttribution checks how ties to a ministry whose unit is not named
// count under each reading.
func TestAttribution(t *testing.T) {
	e := &Ecosystem{Orgs: []Org{
		{ID: "mss", Kind: "state_security_organ", Ministry: "MSS", Level: "national", State: true},
		{ID: "hubei-ssd", Kind: "state_security_organ", Ministry: "MSS", Level: "provincial", Province: "Hubei", State: true},
		{ID: "front", Kind: "company", Province: "Hubei"},
		{ID: "other", Kind: "company", Province: "Hainan"},
	}, Ties: []Tie{
		{Principal: "hubei-ssd", Agent: "front", Role: RoleFront, Cluster: "c1", UnitNamed: true},
		{Principal: "mss", Agent: "front", Role: RoleFront, Cluster: "c1"},
		{Principal: "mss", Agent: "other", Role: RoleTasking, Cluster: "c2"},
	}}
	share := func(a Attribution) float64 {
		b, err := e.view(nil, a)
		if err != nil {
			t.Fatal(err)
		}
		est, _, _, _, _ := shareInterval(implications[indexOf("principal_level")].share(b))
		return est
	}
	if got := share(LeftOut); got != 1 {
		t.Errorf("left out: sub-national share %v, want 1", got)
	}
	if got := share(AsCentral); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("as central: %v, want 1/3", got)
	}
	if got := share(AsLocal); got != 1 {
		t.Errorf("as local: %v, want 1", got)
	}
	b, _ := e.view(nil, AsLocal)
	if len(b.principals) != 3 {
		t.Errorf("as local: %d principals, want one unnamed unit per agent plus Hubei SSD", len(b.principals))
	}
}

// TestDesignNullCalibration is the calibration of the issue that led to
// bipartite-sampled: two-mode data drawn from bipartite G(10, 10, 14)
// conditioned on having no isolated node (the design of a ledger or a
// case: no party without a tie) are tested with the largest component's
// share. Against bipartite G(n₀, n₁, m), which ignores the design, small
// p_lower values come far too often; against bipartite-sampled, which
// keeps each row's degree and leaves no column isolated, P(p ≤ α) stays
// within Monte Carlo error of α or below. ECOSYS_CALIBRATION=1 runs a
// larger version.
func TestDesignNullCalibration(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration")
	}
	datasets, reps := 150, 99
	if os.Getenv("ECOSYS_CALIBRATION") != "" {
		datasets, reps = 2000, 499
	}
	st, err := metrics.LookupStatistic("largest_component_share", metrics.StatContext{})
	if err != nil {
		t.Fatal(err)
	}
	mode := func(id int64) int {
		if id < 10 {
			return 0
		}
		return 1
	}
	rng := rand.New(rand.NewPCG(5, 5))
	draw := func() *simple.UndirectedGraph {
		for {
			g := simple.NewUndirectedGraph()
			for i := range 20 {
				g.AddNode(simple.Node(i))
			}
			deg := make([]int, 20)
			for _, k := range rng.Perm(100)[:14] {
				r, c := k/10, 10+k%10
				g.SetEdge(g.NewEdge(simple.Node(r), simple.Node(c)))
				deg[r]++
				deg[c]++
			}
			if !slices.Contains(deg, 0) {
				return g
			}
		}
	}
	const alpha = 0.05
	rate := map[null.Model]float64{}
	for _, model := range []null.Model{null.BipartiteGNM, null.BipartiteSampled} {
		hits, n := 0, 0
		for d := range datasets {
			g := draw()
			obs := st.Fn(g)
			s, err := null.New(model, g, null.Options{Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			var vals []float64
			for r := range reps {
				h, err := s.Sample(rand.NewPCG(uint64(d), uint64(r)))
				if err != nil {
					t.Fatal(err)
				}
				if v := st.Fn(h); v.OK {
					vals = append(vals, v.V)
				}
			}
			_, pl := pValues(obs.V, vals)
			if pl <= alpha {
				hits++
			}
			n++
		}
		rate[model] = float64(hits) / float64(n)
		t.Logf("%s: P(p_lower ≤ %.2f) = %.3f over %d data sets", model, alpha, rate[model], n)
	}
	tol := 3 * math.Sqrt(alpha*(1-alpha)/float64(datasets))
	if rate[null.BipartiteSampled] > alpha+tol {
		t.Errorf("bipartite-sampled: P(p_lower ≤ %.2f) = %.3f, above %.2f + %.3f", alpha, rate[null.BipartiteSampled], alpha, tol)
	}
	if rate[null.BipartiteGNM] <= alpha+tol {
		t.Logf("bipartite-gnm is calibrated on this draw (%.3f): the design effect did not show", rate[null.BipartiteGNM])
	}
}

// shardRun runs shard i of k of the verdict and reads it back through
// JSON, as ecosys test merge reads a shard's file.
func shardRun(t *testing.T, e *Ecosystem, opt EcosystemOptions, i, k int) *EcosystemRun {
	t.Helper()
	opt.Shard = Shard{Index: i, Count: k}
	r, err := RunEcosystem(e, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back EcosystemRun
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return &back
}
