package metrics_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestPageRankReference(t *testing.T) {
	cases := specCases(t, "pagerank")
	specRequire(t, cases, "karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar")
	for _, c := range cases {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		got, err := metrics.PageRank(g.G, metrics.DefaultDamping, metrics.IterOptions{Weighted: c.Weighted})
		if err != nil {
			t.Errorf("%s: %v", c.Graph, err)
			continue
		}
		checkNodes(t, g, got, c, 1e-9)
		var sum float64
		for _, v := range got {
			sum += v
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("%s: PageRank sums to %v", c.Graph, sum)
		}
	}
}

func TestPageRank(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    graph.Graph
		want map[int64]float64
	}{
		// 0→1, 1 dangling, d = 0.85: x0 = 0.075 + 0.425·x1 and x0 + x1 = 1
		// give x0 = 0.5/1.425.
		{"0→1", specDirected(2, [2]int64{0, 1}), map[int64]float64{0: 0.5 / 1.425, 1: 1 - 0.5/1.425}},
		// A cycle is vertex-transitive: 1/n each.
		{"C4", specUndirected(4, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{2, 3}, [2]int64{3, 0}),
			map[int64]float64{0: 0.25, 1: 0.25, 2: 0.25, 3: 0.25}},
		// No edges: every node dangling, 1/n each.
		{"edgeless", specDirected(3), map[int64]float64{0: 1.0 / 3, 1: 1.0 / 3, 2: 1.0 / 3}},
		// Undirected P3, d = 0.85: c = 0.05 + 1.7e, e = 0.05 + 0.425c, so
		// c = (0.05 + 0.085)/(1 − 0.7225) = 0.135/0.2775.
		{"P3", specUndirected(3, [2]int64{0, 1}, [2]int64{1, 2}),
			map[int64]float64{0: 0.05 + 0.425*0.135/0.2775, 1: 0.135 / 0.2775, 2: 0.05 + 0.425*0.135/0.2775}},
	} {
		got, err := metrics.PageRank(tt.g, 0.85, metrics.IterOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		specCheck(t, tt.name, got, tt.want, 1e-10)
	}
}

func TestPageRankErrors(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	for _, d := range []float64{-0.1, 1, math.NaN()} {
		if _, err := metrics.PageRank(g.G, d, metrics.IterOptions{}); err == nil {
			t.Errorf("damping %v: no error", d)
		}
	}
	if _, err := metrics.PageRank(g.G, 0.85, metrics.IterOptions{MaxIter: 3}); !errors.Is(err, metrics.ErrNotConverged) {
		t.Errorf("MaxIter 3: err = %v, want ErrNotConverged", err)
	}
}

// TestPageRankWorkers checks that PageRank's scores are bit-identical for
// every number of workers on a graph of several sweep blocks, with and
// without weights, with dangling nodes.
func TestPageRankWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	const n = 5000
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for range 4 * n {
		u, v := rng.IntN(n), rng.IntN(n/2) // nodes ≥ n/2 get no arcs in; many have none out
		if u != v && u%7 != 0 {
			g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: 1 + rng.Float64()})
		}
	}
	for _, weighted := range []bool{false, true} {
		want, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{Weighted: weighted, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{2, 3, 8} {
			got, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{Weighted: weighted, Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			for id, x := range want {
				if got[id] != x {
					t.Fatalf("weighted=%v, %d workers: node %d has %v, one worker %v", weighted, w, id, got[id], x)
				}
			}
		}
	}
}
