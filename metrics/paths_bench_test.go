package metrics_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// pathsBenchGraph returns a seeded sparse random undirected graph with n
// nodes and exactly m edges, weights uniform in [1, 10).
func pathsBenchGraph(n, m int) *simple.WeightedUndirectedGraph {
	rnd := rand.New(rand.NewPCG(1, 1))
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for edges := 0; edges < m; {
		u, v := rnd.IntN(n), rnd.IntN(n)
		if u == v || g.HasEdgeBetween(int64(u), int64(v)) {
			continue
		}
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(u), simple.Node(v), 1+9*rnd.Float64()))
		edges++
	}
	return g
}

var (
	pathsBench20kOnce sync.Once
	pathsBench20k     *simple.WeightedUndirectedGraph
	pathsBench2kOnce  sync.Once
	pathsBench2k      *simple.WeightedUndirectedGraph
)

// BenchmarkBetweenness20k times exact betweenness on a random graph with
// 20,000 nodes and 100,000 edges (the time includes the CSR snapshot).
// Run it with
//
//	go test ./metrics -run '^$' -bench Betweenness20k -benchtime 1x
func BenchmarkBetweenness20k(b *testing.B) {
	pathsBench20kOnce.Do(func() { pathsBench20k = pathsBenchGraph(20_000, 100_000) })
	g := pathsBench20k
	for _, weighted := range []bool{false, true} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("weighted=%v/workers=%d", weighted, workers), func(b *testing.B) {
				for b.Loop() {
					if _, err := metrics.Betweenness(g, metrics.PathOptions{Distances: weighted, Workers: workers}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkBetweennessVsGonum2k compares ecosys with gonum's
// network.Betweenness and network.BetweennessWeighted (which needs
// path.DijkstraAllPaths first, included in its time) on a random graph with
// 2,000 nodes and 10,000 edges.
func BenchmarkBetweennessVsGonum2k(b *testing.B) {
	pathsBench2kOnce.Do(func() { pathsBench2k = pathsBenchGraph(2_000, 10_000) })
	g := pathsBench2k
	var sink map[int64]float64
	for _, tc := range []struct {
		name string
		fn   func(graph.Graph) map[int64]float64
	}{
		{"ecosys/unweighted/workers=1", func(g graph.Graph) map[int64]float64 {
			m, _ := metrics.Betweenness(g, metrics.PathOptions{Workers: 1})
			return m
		}},
		{"gonum/unweighted", network.Betweenness},
		{"ecosys/weighted/workers=1", func(g graph.Graph) map[int64]float64 {
			m, _ := metrics.Betweenness(g, metrics.PathOptions{Distances: true, Workers: 1})
			return m
		}},
		{"gonum/weighted", func(g graph.Graph) map[int64]float64 {
			wg := g.(graph.Weighted)
			return network.BetweennessWeighted(wg, path.DijkstraAllPaths(wg))
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				sink = tc.fn(g)
			}
		})
	}
	_ = sink
}
