package metrics

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// kernelsBA returns a seeded Barabási–Albert graph (Barabási and Albert
// 1999) with n nodes, each new node attached to m distinct earlier nodes
// chosen in proportion to degree, with edge weights uniform in [1, 10).
func kernelsBA(n, m int, directed bool) graph.Graph {
	rnd := rand.New(rand.NewPCG(1, 1))
	var ends []int64
	type e struct{ u, v int64 }
	var edges []e
	for v := int64(m); v < int64(n); v++ {
		chosen := map[int64]bool{}
		for len(chosen) < m {
			var u int64
			if len(ends) == 0 {
				u = int64(len(chosen))
			} else {
				u = ends[rnd.IntN(len(ends))]
			}
			chosen[u] = true
		}
		picked := make([]int64, 0, m)
		for u := range chosen {
			picked = append(picked, u)
		}
		slices.Sort(picked) // deterministic order
		for _, u := range picked {
			edges = append(edges, e{u, v})
			ends = append(ends, u, v)
		}
	}
	if directed {
		g := simple.NewWeightedDirectedGraph(0, 0)
		for i := range n {
			g.AddNode(simple.Node(i))
		}
		for _, x := range edges {
			u, v := x.u, x.v
			if rnd.IntN(2) == 0 {
				u, v = v, u
			}
			g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: 1 + 9*rnd.Float64()})
		}
		return g
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, x := range edges {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(x.u), T: simple.Node(x.v), W: 1 + 9*rnd.Float64()})
	}
	return g
}

var kernelsGraphs = sync.OnceValue(func() map[string]graph.Graph {
	return map[string]graph.Graph{
		"ba2000":   kernelsBA(2000, 3, false),
		"ba2000d":  kernelsBA(2000, 3, true),
		"ba20000":  kernelsBA(20000, 3, false),
		"ba20000d": kernelsBA(20000, 3, true),
	}
})

// compactOf returns g as a compact graph (package internal/compact), the
// form graphio.ReadEdgeList returns, whose arrays the measures use as
// they are (CompactGraph). g's ids must be 0..n-1.
func compactOf(g graph.Weighted) graph.Graph {
	_, directed := g.(graph.Directed)
	n := g.Nodes().Len()
	ids := make([]int64, n)
	var edges []compact.Edge
	var ws []float64
	for u := range int64(n) {
		ids[u] = u
		var row []int64
		for to := g.From(u); to.Next(); {
			if v := to.Node().ID(); directed || v > u {
				row = append(row, v)
			}
		}
		slices.Sort(row)
		for _, v := range row {
			w, _ := g.Weight(u, v)
			edges, ws = append(edges, compact.Edge{U: int32(u), V: int32(v)}), append(ws, w)
		}
	}
	return compact.New(ids, directed, edges, ws)
}

var compactGraphs = sync.OnceValue(func() map[string]graph.Graph {
	out := map[string]graph.Graph{}
	for name, g := range kernelsGraphs() {
		out[name] = compactOf(g.(graph.Weighted))
	}
	return out
})

// BenchmarkKernelBFSCeiling times the tight loop that bounds every
// unweighted shortest-path kernel: one plain breadth-first search from
// every node over the CSR arrays, no path counting. Its arcs/s is the
// ceiling against which the other kernels' relaxations per second are
// compared.
func BenchmarkKernelBFSCeiling(b *testing.B) {
	for _, name := range []string{"ba2000", "ba20000"} {
		c, err := newCSR(kernelsGraphs()[name], false)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			n := c.n()
			level := make([]int32, n)
			for i := range level {
				level[i] = -1
			}
			queue := make([]int32, 0, n)
			b.ReportAllocs()
			for b.Loop() {
				for s := range int32(n) {
					queue = append(queue[:0], s)
					level[s] = 0
					for h := 0; h < len(queue); h++ {
						v := queue[h]
						next := level[v] + 1
						for _, x := range c.adj[c.off[v]:c.off[v+1]] {
							if level[x] < 0 {
								level[x] = next
								queue = append(queue, x)
							}
						}
					}
					for _, v := range queue {
						level[v] = -1
					}
				}
			}
			b.ReportMetric(float64(len(c.adj))*float64(n)*float64(b.N)/b.Elapsed().Seconds(), "arcs/s")
		})
	}
}

// BenchmarkKernelBetweenness times exact betweenness (CSR snapshot
// included) on seeded Barabási–Albert graphs, unweighted and weighted,
// with 1 and 2 workers; arcs/s counts the arcs scanned by the forward
// passes (n·2m).
func BenchmarkKernelBetweenness(b *testing.B) {
	for _, name := range []string{"ba2000", "ba2000d", "ba20000"} {
		g := kernelsGraphs()[name]
		c, _ := newCSR(g, false)
		for _, weighted := range []bool{false, true} {
			for _, workers := range []int{1, 2} {
				if name == "ba20000" && (weighted || workers == 2) {
					continue // minutes; run by bench/run.sh instead
				}
				b.Run(fmt.Sprintf("%s/weighted=%v/workers=%d", name, weighted, workers), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := Betweenness(g, PathOptions{Distances: weighted, Workers: workers}); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(len(c.adj))*float64(c.n())*float64(b.N)/b.Elapsed().Seconds(), "arcs/s")
				})
			}
		}
	}
}

// BenchmarkKernelPathsWorker times the per-source kernels alone (no
// snapshot, no merge) to show that they allocate nothing per source.
func BenchmarkKernelPathsWorker(b *testing.B) {
	g := kernelsGraphs()["ba2000"]
	for _, weighted := range []bool{false, true} {
		c, _ := newCSR(g, weighted)
		n := c.n()
		r := &pathsResult{c: c, reach: make([]int64, n), dsum: make([]float64, n), harm: make([]float64, n), maxd: make([]float64, n)}
		bc := make([]float64, n)
		w := newPathsWorker(c, weighted, true)
		b.Run(fmt.Sprintf("weighted=%v", weighted), func(b *testing.B) {
			b.ReportAllocs()
			s := int32(0)
			for b.Loop() {
				w.source(s, bc, r)
				s = (s + 1) % int32(n)
			}
			b.ReportMetric(float64(len(c.adj))*float64(b.N)/b.Elapsed().Seconds(), "arcs/s")
		})
	}
}

// BenchmarkKernelApproxBetweenness times ApproxBetweenness with ε = 0.02,
// δ = 0.1 on the 20,000-node Barabási–Albert graph.
func BenchmarkKernelApproxBetweenness(b *testing.B) {
	g := kernelsGraphs()["ba20000"]
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("ba20000/workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ApproxBetweenness(g, ApproxOptions{Epsilon: 0.02, Delta: 0.1, Workers: workers, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKernelCloseness times closeness (one BFS per node, no
// path counting).
func BenchmarkKernelCloseness(b *testing.B) {
	g := kernelsGraphs()["ba2000"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Closeness(g, PathOptions{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKernelPageRank times PageRank on the directed 20,000-node graph.
func BenchmarkKernelPageRank(b *testing.B) {
	g := kernelsGraphs()["ba20000d"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PageRank(g, DefaultDamping, IterOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKernelPageRankCompact times PageRank on the same graph read
// into a compact graph, as ecosys metrics --edges does: PageRank uses its
// in-rows as they are.
func BenchmarkKernelPageRankCompact(b *testing.B) {
	g := compactGraphs()["ba20000d"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PageRank(g, DefaultDamping, IterOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKernelLouvain times Louvain on the undirected 20,000-node graph.
func BenchmarkKernelLouvain(b *testing.B) {
	g := kernelsGraphs()["ba20000"].(graph.Undirected)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Louvain(g, 1, rand.NewPCG(1, 1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKernelCoreNumber times k-core decomposition on the 20,000-node
// graph.
func BenchmarkKernelCoreNumber(b *testing.B) {
	g := kernelsGraphs()["ba20000"]
	b.ReportAllocs()
	for b.Loop() {
		CoreNumber(g)
	}
}

// BenchmarkKernelPageRankSnapshot times the read of the graph into the
// flat in-arc arrays of PageRank alone.
func BenchmarkKernelPageRankSnapshot(b *testing.B) {
	g := kernelsGraphs()["ba20000d"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newPageRankCSR(g, false); err != nil {
			b.Fatal(err)
		}
	}
}
