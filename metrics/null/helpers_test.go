package null_test

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/stat/distuv"
)

// wedge is an edge with a weight, for building test graphs.
type wedge struct {
	u, v int64
	w    float64
}

// newGraph returns a weighted gonum graph like those of package network:
// self weight 0, absent weight +Inf, nodes 0..n-1 plus extra ids.
func newGraph(directed bool, ids []int64, edges []wedge) graph.Weighted {
	var g interface {
		graph.Weighted
		AddNode(graph.Node)
		SetWeightedEdge(graph.WeightedEdge)
	}
	if directed {
		g = simple.NewWeightedDirectedGraph(0, math.Inf(1))
	} else {
		g = simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	}
	for _, id := range ids {
		g.AddNode(simple.Node(id))
	}
	for _, e := range edges {
		w := e.w
		if w == 0 {
			w = 1
		}
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.u), T: simple.Node(e.v), W: w})
	}
	return g
}

func seq(n int) []int64 {
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = int64(i)
	}
	return ids
}

// pairsOf lists the pairs of nodes 0..n-1 that may carry an edge: u < v
// when undirected, u ≠ v when directed; with rows > 0, the pairs (r, c)
// with r < rows ≤ c (a two-mode graph, rows first).
func pairsOf(n int, directed bool, rows int) [][2]int64 {
	var ps [][2]int64
	for u := range n {
		for v := range n {
			switch {
			case rows > 0 && !(u < rows && v >= rows):
			case rows == 0 && directed && u == v:
			case rows == 0 && !directed && u >= v:
			default:
				ps = append(ps, [2]int64{int64(u), int64(v)})
			}
		}
	}
	return ps
}

// code returns the edge set of g as a bit mask over pairs.
func code(g graph.Graph, pairs [][2]int64) uint64 {
	var c uint64
	for i, p := range pairs {
		if g.HasEdgeBetween(p[0], p[1]) {
			if d, ok := g.(graph.Directed); ok && !d.HasEdgeFromTo(p[0], p[1]) {
				continue
			}
			c |= 1 << i
		}
	}
	return c
}

// enumerate returns, by brute force over all 2^len(pairs) edge sets, the
// codes of the graphs whose out-degrees and in-degrees (for an undirected
// graph: degrees, given as out with in nil) equal the given ones; with
// m ≥ 0 it instead keeps every edge set of size m.
func enumerate(n int, pairs [][2]int64, out, in []int, m int) map[uint64]bool {
	reals := map[uint64]bool{}
	do, di := make([]int, n), make([]int, n)
	for c := uint64(0); c < 1<<len(pairs); c++ {
		clear(do)
		clear(di)
		k := 0
		for i, p := range pairs {
			if c&(1<<i) != 0 {
				k++
				do[p[0]]++
				if in == nil {
					do[p[1]]++
				} else {
					di[p[1]]++
				}
			}
		}
		switch {
		case m >= 0:
			if k == m {
				reals[c] = true
			}
		case slices.Equal(do, out) && (in == nil || slices.Equal(di, in)):
			reals[c] = true
		}
	}
	return reals
}

// chiSquared returns Pearson's statistic for counts against the uniform
// distribution over the realisations, its degrees of freedom, and the
// p-value P(χ²_df ≥ stat). Counts outside the realisations are returned
// separately (they are constraint violations, not sampling noise).
func chiSquared(counts map[uint64]int, reals map[uint64]bool) (stat float64, df int, p float64, outside int) {
	total := 0
	for c, k := range counts {
		total += k
		if !reals[c] {
			outside += k
		}
	}
	want := float64(total) / float64(len(reals))
	for c := range reals {
		d := float64(counts[c]) - want
		stat += d * d / want
	}
	df = len(reals) - 1
	return stat, df, distuv.ChiSquared{K: float64(df)}.Survival(stat), outside
}

// randomTree returns the edges of a random labelled tree on n nodes (each
// node i > 0 joins a uniform earlier node) and a 2-colouring of it.
func randomTree(n int, rng *rand.Rand) ([]wedge, []int) {
	var edges []wedge
	mode := make([]int, n)
	for i := 1; i < n; i++ {
		j := rng.IntN(i)
		edges = append(edges, wedge{int64(j), int64(i), float64(1 + rng.IntN(100))})
		mode[i] = 1 - mode[j]
	}
	return edges, mode
}

// randomGNM returns the edges of a random graph with n nodes and m edges
// (arcs when directed); with rows > 0, edges join a node below rows to one
// at or above it.
func randomGNM(n, m int, directed bool, rows int, rng *rand.Rand) []wedge {
	seen := map[[2]int64]bool{}
	var edges []wedge
	for len(edges) < m {
		u, v := int64(rng.IntN(n)), int64(rng.IntN(n))
		if rows > 0 {
			u, v = int64(rng.IntN(rows)), int64(rows+rng.IntN(n-rows))
		}
		if u == v {
			continue
		}
		if !directed && u > v {
			u, v = v, u
		}
		if seen[[2]int64{u, v}] {
			continue
		}
		seen[[2]int64{u, v}] = true
		edges = append(edges, wedge{u, v, float64(1 + rng.IntN(1000))})
	}
	return edges
}
