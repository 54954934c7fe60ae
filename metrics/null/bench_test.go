package null_test

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph"

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
