package null_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// benchGraphs are a graph the size of the i-SOON contract ledger (29
// parties, 28 contracts; a random tree, which is also two-mode) and a
// 2,000-node, 10,000-edge random graph (undirected, directed, and two-mode
// with 1,000 nodes in each mode).
func benchGraphs() []struct {
	name string
	g    graph.Graph
	mode func(int64) int
} {
	rng := rand.New(rand.NewPCG(1, 1))
	tree, colour := randomTree(29, rng)
	half := func(id int64) int {
		if id < 1000 {
			return 0
		}
		return 1
	}
	return []struct {
		name string
		g    graph.Graph
		mode func(int64) int
	}{
		{"ledger29", newGraph(false, seq(29), tree), func(id int64) int { return colour[id] }},
		{"n2000m10000", newGraph(false, seq(2000), randomGNM(2000, 10000, false, 0, rng)), half},
		{"n2000m10000directed", newGraph(true, seq(2000), randomGNM(2000, 10000, true, 0, rng)), nil},
		{"n2000m10000twomode", newGraph(false, seq(2000), randomGNM(2000, 10000, false, 1000, rng)), half},
	}
}

// BenchmarkSample measures samples per second with the default number of
// trades and permuted weights, including building the gonum graph.
func BenchmarkSample(b *testing.B) {
	for _, bg := range benchGraphs() {
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree} {
			s, err := null.New(model, bg.g, null.Options{PermuteWeights: true, Mode: bg.mode})
			if err != nil {
				continue // not two-mode
			}
			b.Run(bg.name+"/"+string(model), func(b *testing.B) {
				src := rand.NewPCG(1, 1)
				for b.Loop() {
					if _, err := s.Sample(src); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
			})
		}
	}
}

// randomBA returns the edges of a seeded Barabási–Albert graph (Barabási
// and Albert 1999): node v ≥ m joins m distinct earlier nodes chosen in
// proportion to their degree.
func randomBA(n, m int, rng *rand.Rand) []wedge {
	var ends []int64
	var edges []wedge
	for v := int64(m); v < int64(n); v++ {
		chosen := map[int64]bool{}
		for len(chosen) < m {
			u := int64(len(chosen))
			if len(ends) > 0 {
				u = ends[rng.IntN(len(ends))]
			}
			chosen[u] = true
		}
		picked := make([]int64, 0, m)
		for u := range chosen {
			picked = append(picked, u)
		}
		slices.Sort(picked) // deterministic order
		for _, u := range picked {
			edges = append(edges, wedge{u, v, 1})
			ends = append(ends, u, v)
		}
	}
	return edges
}

// BenchmarkSampleBA5000 measures one degree-preserving sample (default
// trades) of a 5,000-node Barabási–Albert graph with m = 3 and the degree
// centralization of the sample, the workload of bench/run.sh.
func BenchmarkSampleBA5000(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	g := newGraph(false, seq(5000), randomBA(5000, 3, rng))
	s, err := null.New(null.Degree, g, null.Options{})
	if err != nil {
		b.Fatal(err)
	}
	src := rand.NewPCG(1, 1)
	b.ReportAllocs()
	for b.Loop() {
		h, err := s.Sample(src)
		if err != nil {
			b.Fatal(err)
		}
		metrics.DegreeCentralization(h, metrics.DegreeUndirected)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
}
