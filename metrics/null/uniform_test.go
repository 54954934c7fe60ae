package null_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics/null"
)

// uniformSamples is the number of samples drawn per uniformity test: with
// at most a few hundred realisations, each is expected ≥ 90 times, far
// above the 5 that the chi-squared approximation needs.
const uniformSamples = 20000

// uniformAlpha is the level below which a p-value fails a test.
const uniformAlpha = 0.001

// uniformTests are graphs small enough to enumerate every graph with the
// same property by brute force. The observed graphs are arbitrary members
// of their classes.
var uniformTests = []struct {
	name     string
	model    null.Model
	directed bool
	n        int
	rows     int // BipartiteDegree: nodes 0..rows-1 are mode 0, the others mode 1
	edges    []wedge
	wantReal int // number of realisations, from the enumeration (checked against the count by hand where noted)
}{
	{
		// C(2·3, 3) = 20 bipartite graphs with 3 edges between 2 and 3
		// nodes.
		name: "bipartite-gnm G(2,3,3)", model: null.BipartiteGNM, n: 5, rows: 2,
		edges:    []wedge{{u: 0, v: 2}, {u: 0, v: 3}, {u: 1, v: 4}},
		wantReal: 20,
	},
	{
		// C(6, 3) = 20 graphs with 3 edges on 4 nodes.
		name: "gnm G(4,3)", model: null.GNM, n: 4,
		edges:    []wedge{{u: 0, v: 1}, {u: 1, v: 2}, {u: 2, v: 3}},
		wantReal: 20,
	},
	{
		// C(12, 3) = 220 digraphs with 3 arcs on 4 nodes.
		name: "gnm directed G(4,3)", model: null.GNM, directed: true, n: 4,
		edges:    []wedge{{u: 0, v: 1}, {u: 1, v: 0}, {u: 2, v: 3}},
		wantReal: 220,
	},
	{
		// 2-regular graphs on 6 labelled nodes: 5!/2 = 60 hexagons and
		// C(6,3)/2 = 10 pairs of triangles, 70 in all; connected and
		// disconnected realisations must be equally likely.
		name: "degree 2-regular on 6 nodes", model: null.Degree, n: 6,
		edges:    []wedge{{u: 0, v: 1}, {u: 1, v: 2}, {u: 2, v: 3}, {u: 3, v: 4}, {u: 4, v: 5}, {u: 5, v: 0}},
		wantReal: 70,
	},
	{
		// Degrees (3, 3, 2, 2, 2): a non-regular sequence.
		name: "degree (3,3,2,2,2)", model: null.Degree, n: 5,
		edges:    []wedge{{u: 0, v: 1}, {u: 0, v: 2}, {u: 0, v: 3}, {u: 1, v: 2}, {u: 1, v: 4}, {u: 3, v: 4}},
		wantReal: -1,
	},
	{
		// Degrees (4, 3, 2, 2, 2, 1, 0): a hub, a leaf and an isolated
		// node; trades move several entries at once and update the hub's
		// list through its neighbours. 13 realisations (counted by brute
		// force over the C(21, 7) sets of 7 edges in Python).
		name: "degree hub (4,3,2,2,2,1,0)", model: null.Degree, n: 7,
		edges:    []wedge{{u: 0, v: 1}, {u: 0, v: 2}, {u: 0, v: 3}, {u: 0, v: 4}, {u: 1, v: 2}, {u: 1, v: 5}, {u: 3, v: 4}},
		wantReal: 13,
	},
	{
		// The directed triangle: its two orientations are linked by no
		// trade, only by a triangle reversal.
		name: "degree directed triangle", model: null.Degree, directed: true, n: 3,
		edges:    []wedge{{u: 0, v: 1}, {u: 1, v: 2}, {u: 2, v: 0}},
		wantReal: 2,
	},
	{
		// The directed triangle with a node tied both ways to each of its
		// nodes: again two realisations that trades do not link.
		name: "degree directed triangle and hub", model: null.Degree, directed: true, n: 4,
		edges: []wedge{{u: 0, v: 1}, {u: 1, v: 2}, {u: 2, v: 0}, {u: 0, v: 3}, {u: 3, v: 0},
			{u: 1, v: 3}, {u: 3, v: 1}, {u: 2, v: 3}, {u: 3, v: 2}},
		wantReal: 2,
	},
	{
		// A triangle with a pendant 2-path through node 3.
		name: "degree directed 4 nodes", model: null.Degree, directed: true, n: 4,
		edges:    []wedge{{u: 0, v: 1}, {u: 1, v: 2}, {u: 2, v: 0}, {u: 0, v: 3}, {u: 3, v: 2}},
		wantReal: -1,
	},
	{
		// Eight arcs on five nodes, with a reciprocated pair.
		name: "degree directed 5 nodes", model: null.Degree, directed: true, n: 5,
		edges: []wedge{{u: 0, v: 1}, {u: 1, v: 0}, {u: 1, v: 2}, {u: 2, v: 3}, {u: 3, v: 4},
			{u: 4, v: 0}, {u: 0, v: 2}, {u: 3, v: 1}},
		wantReal: -1,
	},
	{
		// 3×3 matrices with row and column sums (1, 2, 1): the 5
		// matrices listed in Table 2 of G. Wang (2019), "A fast MCMC for the
		// uniform sampling of binary matrices with fixed margins".
		name: "bipartite 3x3 (1,2,1)", model: null.BipartiteDegree, n: 6, rows: 3,
		edges:    []wedge{{u: 0, v: 4}, {u: 1, v: 3}, {u: 1, v: 5}, {u: 2, v: 4}},
		wantReal: 5,
	},
	{
		// 3×4 matrix, rows (2, 2, 1), columns (2, 1, 1, 1).
		name: "bipartite 3x4", model: null.BipartiteDegree, n: 7, rows: 3,
		edges:    []wedge{{u: 0, v: 3}, {u: 0, v: 4}, {u: 1, v: 3}, {u: 1, v: 5}, {u: 2, v: 6}},
		wantReal: -1,
	},
}

// degreesOf returns the out- and in-degrees of edges on n nodes (for an
// undirected graph, the degrees and nil).
func degreesOf(n int, directed bool, edges []wedge) (out, in []int) {
	out = make([]int, n)
	if directed {
		in = make([]int, n)
	}
	for _, e := range edges {
		out[e.u]++
		if directed {
			in[e.v]++
		} else {
			out[e.v]++
		}
	}
	return out, in
}

// realisations enumerates the graphs that share the property of the model
// with the test graph.
func realisations(t *testing.T, tc int) ([][2]int64, map[uint64]bool) {
	c := uniformTests[tc]
	pairs := pairsOf(c.n, c.directed, c.rows)
	if c.model == null.GNM || c.model == null.BipartiteGNM {
		return pairs, enumerate(c.n, pairs, nil, nil, len(c.edges))
	}
	out, in := degreesOf(c.n, c.directed, c.edges)
	if c.model == null.BipartiteDegree && !c.directed {
		// Rows first: the pairs (r, c) carry edges r–c, so enumerate as
		// out-degrees of rows and in-degrees of columns.
		in = slices.Clone(out)
		for i := range c.rows {
			in[i] = 0
		}
		for i := c.rows; i < c.n; i++ {
			out[i] = 0
		}
	}
	reals := enumerate(c.n, pairs, out, in, -1)
	if c.wantReal >= 0 && len(reals) != c.wantReal {
		t.Fatalf("%s: enumerated %d realisations, want %d", c.name, len(reals), c.wantReal)
	}
	return pairs, reals
}

func modeOf(rows int) func(int64) int {
	return func(id int64) int {
		if id < int64(rows) {
			return 0
		}
		return 1
	}
}

// TestUniform draws uniformSamples graphs with the default number of
// trades and tests the counts of the realisations against the uniform
// distribution with Pearson's chi-squared test.
func TestUniform(t *testing.T) {
	for i, c := range uniformTests {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each case has its own sampler and source
			pairs, reals := realisations(t, i)
			g := newGraph(c.directed, seq(c.n), c.edges)
			s, err := null.New(c.model, g, null.Options{Mode: modeOf(c.rows)})
			if err != nil {
				t.Fatal(err)
			}
			src := rand.NewPCG(1, 1)
			counts := map[uint64]int{}
			for range uniformSamples {
				h, err := s.Sample(src)
				if err != nil {
					t.Fatal(err)
				}
				counts[code(h, pairs)]++
			}
			stat, df, p, outside := chiSquared(counts, reals)
			t.Logf("%d realisations, χ² = %.2f, df = %d, p = %.4f", len(reals), stat, df, p)
			if outside > 0 {
				t.Errorf("%d samples outside the %d realisations", outside, len(reals))
			}
			if len(counts) != len(reals) {
				t.Errorf("reached %d of %d realisations", len(counts), len(reals))
			}
			if p < uniformAlpha {
				t.Errorf("χ² = %.2f, df = %d: p = %.3g < %v", stat, df, p, uniformAlpha)
			}
		})
	}
}

// TestUniformDetectsBias checks that the uniformity test has power: it
// must reject a sampler that runs a single trade, and a sampler that
// draws one realisation with probability 3/(k+2) instead of 1/k.
func TestUniformDetectsBias(t *testing.T) {
	const hexagon = 3 // uniformTests[3], the 2-regular graphs on 6 nodes
	c := uniformTests[hexagon]
	pairs, reals := realisations(t, hexagon)

	g := newGraph(c.directed, seq(c.n), c.edges)
	s, err := null.New(c.model, g, null.Options{Trades: 1})
	if err != nil {
		t.Fatal(err)
	}
	src := rand.NewPCG(1, 1)
	counts := map[uint64]int{}
	for range uniformSamples {
		h, _ := s.Sample(src)
		counts[code(h, pairs)]++
	}
	stat, df, p, _ := chiSquared(counts, reals)
	t.Logf("one trade: χ² = %.1f, df = %d, p = %.3g", stat, df, p)
	if p >= uniformAlpha {
		t.Errorf("one trade from a hexagon passed the uniformity test: p = %v", p)
	}

	list := make([]uint64, 0, len(reals))
	for r := range reals {
		list = append(list, r)
	}
	slices.Sort(list)
	rng := rand.New(rand.NewPCG(1, 1))
	clear(counts)
	for range uniformSamples {
		k := rng.IntN(len(list) + 2)
		if k >= len(list) {
			k = 0 // realisation 0 gets 3 chances in k+2
		}
		counts[list[k]]++
	}
	stat, df, p, _ = chiSquared(counts, reals)
	t.Logf("one realisation 3× as likely: χ² = %.1f, df = %d, p = %.3g", stat, df, p)
	if p >= uniformAlpha {
		t.Errorf("biased sampler passed the uniformity test: p = %v", p)
	}
}
