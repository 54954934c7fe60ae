package metrics_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// specReferenceFile holds the values of scripts/reference/spec.py.
const specReferenceFile = "spec.json"

// specCases returns the reference cases whose measure is measure (or,
// with a trailing ":", starts with it), and fails if there are none.
func specCases(t *testing.T, measure string) []refCase {
	t.Helper()
	var out []refCase
	for _, c := range loadReference(t, specReferenceFile) {
		if c.Measure == measure || (strings.HasSuffix(measure, ":") && strings.HasPrefix(c.Measure, measure)) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no reference cases for %s", measure)
	}
	return out
}

// specGraphs returns the set of graph names covered by the cases.
func specGraphs(cases []refCase) map[string]bool {
	m := map[string]bool{}
	for _, c := range cases {
		m[c.Graph] = true
	}
	return m
}

// specRequire fails unless the cases cover every named graph.
func specRequire(t *testing.T, cases []refCase, graphs ...string) {
	t.Helper()
	have := specGraphs(cases)
	for _, g := range graphs {
		if !have[g] {
			t.Errorf("%s: no reference case for graph %s", cases[0].Measure, g)
		}
	}
}

// specUndirected builds an unweighted undirected graph on nodes 0..n-1.
func specUndirected(n int, edges ...[2]int64) *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	return g
}

// specDirected builds an unweighted directed graph on nodes 0..n-1.
func specDirected(n int, edges ...[2]int64) *simple.DirectedGraph {
	g := simple.NewDirectedGraph()
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	return g
}

// specCheck compares scores with want (node id → value) to within tol.
func specCheck(t *testing.T, name string, got map[int64]float64, want map[int64]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d scores, want %d", name, len(got), len(want))
	}
	for id, w := range want {
		if v, ok := got[id]; !ok || !scalar.EqualWithinAbsOrRel(v, w, tol, tol) {
			t.Errorf("%s: node %d = %v, want %v", name, id, v, w)
		}
	}
}

func TestEigenvectorReference(t *testing.T) {
	cases := specCases(t, "eigenvector")
	specRequire(t, cases, "karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted")
	for _, c := range cases {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		got, err := metrics.Eigenvector(g.G, metrics.IterOptions{Weighted: c.Weighted})
		if err != nil {
			t.Errorf("%s: %v", c.Graph, err)
			continue
		}
		checkNodes(t, g, got, c, 1e-9)
	}
}

func TestEigenvectorAcyclic(t *testing.T) {
	// Out-trees have spectral radius 0: igraph returns zeros, NetworkX
	// fails to converge; ecosys returns ErrNoCycle.
	for _, name := range []string{"outtree", "outstar"} {
		g := loadGraph(t, name, true, false)
		if _, err := metrics.Eigenvector(g.G, metrics.IterOptions{}); !errors.Is(err, metrics.ErrNoCycle) {
			t.Errorf("%s: err = %v, want ErrNoCycle", name, err)
		}
	}
}

func TestEigenvector(t *testing.T) {
	s2 := 1 / math.Sqrt2
	for _, tt := range []struct {
		name string
		g    graph.Graph
		want map[int64]float64
	}{
		// Star K1,9: λ = √9 = 3, leaves = centre/λ.
		{"star", specUndirected(10, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}, [2]int64{0, 4}, [2]int64{0, 5},
			[2]int64{0, 6}, [2]int64{0, 7}, [2]int64{0, 8}, [2]int64{0, 9}),
			map[int64]float64{0: 1, 1: 1.0 / 3, 2: 1.0 / 3, 3: 1.0 / 3, 4: 1.0 / 3, 5: 1.0 / 3, 6: 1.0 / 3, 7: 1.0 / 3, 8: 1.0 / 3, 9: 1.0 / 3}},
		// Path P3: λ = √2, ends = centre/√2.
		{"P3", specUndirected(3, [2]int64{0, 1}, [2]int64{1, 2}), map[int64]float64{0: s2, 1: 1, 2: s2}},
		// Triangle (λ = 2) and a separate edge (λ = 1): the edge is not in
		// the dominant component and gets exactly 0.
		{"triangle+edge", specUndirected(5, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{0, 2}, [2]int64{3, 4}),
			map[int64]float64{0: 1, 1: 1, 2: 1, 3: 0, 4: 0}},
		// Two triangles tie (λ = 2): the all-ones projection gives both 1.
		{"two triangles", specUndirected(6, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{0, 2}, [2]int64{3, 4}, [2]int64{4, 5}, [2]int64{3, 5}),
			map[int64]float64{0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1}},
		// No edges: every node 1 (igraph's convention).
		{"edgeless", specUndirected(3), map[int64]float64{0: 1, 1: 1, 2: 1}},
		// Directed 3-cycle feeding a sink 3: λ = 1, x_3 = (x_2)/λ = 1.
		{"cycle+sink", specDirected(4, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{2, 0}, [2]int64{2, 3}),
			map[int64]float64{0: 1, 1: 1, 2: 1, 3: 1}},
		// A source 0 pointing into a 2-cycle: 0 has no in-links, gets 0.
		{"source+2cycle", specDirected(3, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{2, 1}),
			map[int64]float64{0: 0, 1: 1, 2: 1}},
	} {
		got, err := metrics.Eigenvector(tt.g, metrics.IterOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		specCheck(t, tt.name, got, tt.want, 1e-10)
	}
}

func TestEigenvectorErrors(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	_, err := metrics.Eigenvector(g.G, metrics.IterOptions{MaxIter: 2})
	if !errors.Is(err, metrics.ErrNotConverged) {
		t.Errorf("MaxIter 2: err = %v, want ErrNotConverged", err)
	}
	w := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	w.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: -1})
	if _, err := metrics.Eigenvector(w, metrics.IterOptions{Weighted: true}); err == nil || !strings.HasPrefix(err.Error(), "metrics: ") {
		t.Errorf("negative weight: err = %v", err)
	}
	// Ignored without Weighted.
	if _, err := metrics.Eigenvector(w, metrics.IterOptions{}); err != nil {
		t.Errorf("negative weight, unweighted: %v", err)
	}
}

// scaledCopy returns a weighted copy of g with every weight multiplied by
// f (1 for an unweighted edge).
func scaledCopy(g graph.Graph, f float64) graph.Graph {
	return mapWeights(g, func(w float64) float64 { return w * f })
}

// mapWeights returns a weighted copy of g with every weight w replaced by
// f(w) (w is 1 for an unweighted edge).
func mapWeights(g graph.Graph, f func(float64) float64) graph.Graph {
	wg, _ := g.(graph.Weighted)
	weight := func(u, v int64) float64 {
		if wg == nil {
			return f(1)
		}
		w, _ := wg.Weight(u, v)
		return f(w)
	}
	var out interface {
		graph.Graph
		AddNode(graph.Node)
		SetWeightedEdge(graph.WeightedEdge)
	}
	if _, ok := g.(graph.Directed); ok {
		out = simple.NewWeightedDirectedGraph(0, math.Inf(1))
	} else {
		out = simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	}
	nodes := g.Nodes()
	for nodes.Next() {
		out.AddNode(nodes.Node())
	}
	nodes.Reset()
	for nodes.Next() {
		u := nodes.Node()
		to := g.From(u.ID())
		for to.Next() {
			v := to.Node()
			out.SetWeightedEdge(simple.WeightedEdge{F: u, T: v, W: weight(u.ID(), v.ID())})
		}
	}
	return out
}

// TestEigenvectorScaleInvariant pins issue 18: eigenvector centrality is
// invariant to the scale of the weights, but the A+I shift of the power
// iteration was not, so weights of 100 (a star of amounts) did not
// converge. Every scale must give the NetworkX values of the unscaled
// graph.
func TestEigenvectorScaleInvariant(t *testing.T) {
	for _, c := range specCases(t, "eigenvector") {
		if c.Tool != "networkx" || (c.Graph != "weighted" && c.Graph != "star" && c.Graph != "karate") {
			continue
		}
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		for _, f := range []float64{1, 100, 1e6, 1e-6} {
			got, err := metrics.Eigenvector(scaledCopy(g.G, f), metrics.IterOptions{Weighted: true})
			if err != nil {
				t.Errorf("%s, weights ×%g: %v", c.Graph, f, err)
				continue
			}
			checkNodes(t, g, got, c, 1e-9)
		}
	}
	// The star of the issue: hub–a, hub–b, hub–c of weight 100.
	star := scaledCopy(specUndirected(4, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}), 100)
	got, err := metrics.Eigenvector(star, metrics.IterOptions{Weighted: true})
	if err != nil {
		t.Fatalf("star of weight 100: %v", err)
	}
	r := 1 / math.Sqrt(3)
	specCheck(t, "star of weight 100", got, map[int64]float64{0: 1, 1: r, 2: r, 3: r}, 1e-10)
}

// TestNotConvergedError checks that a measure that runs out of iterations
// says how many it ran and at what tolerance.
func TestNotConvergedError(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	_, err1 := metrics.Eigenvector(g.G, metrics.IterOptions{MaxIter: 2, Tol: 1e-9})
	_, err2 := metrics.PageRank(g.G, 0.85, metrics.IterOptions{MaxIter: 2, Tol: 1e-9})
	_, _, err3 := metrics.HITS(g.G, metrics.IterOptions{MaxIter: 2, Tol: 1e-9})
	for _, err := range []error{err1, err2, err3} {
		var nc *metrics.NotConvergedError
		if !errors.As(err, &nc) || !errors.Is(err, metrics.ErrNotConverged) {
			t.Errorf("err = %v, want a *NotConvergedError", err)
			continue
		}
		if nc.Iterations != 2 || nc.Tol != 1e-9 || !strings.Contains(err.Error(), "2 iterations") || !strings.Contains(err.Error(), "1e-09") {
			t.Errorf("err = %v (%+v), want 2 iterations at tolerance 1e-09 in the message", err, nc)
		}
	}
}

// TestEigenvectorNumericReference checks eigenvector centrality with
// large weights against NetworkX (numeric.json): the star of weight 100
// of issue 18, and the EMON Texas digraph with its weights ×1 and ×1e6.
func TestEigenvectorNumericReference(t *testing.T) {
	for _, c := range numericCases(t, "eigenvector") {
		switch c.Graph {
		case "star100":
			star := scaledCopy(specUndirected(4, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}), 100)
			got, err := metrics.Eigenvector(star, metrics.IterOptions{Weighted: true})
			if err != nil {
				t.Fatalf("%s: %v", c.Graph, err)
			}
			for name, id := range map[string]int64{"hub": 0, "a": 1, "b": 2, "c": 3} {
				if !scalar.EqualWithinAbsOrRel(got[id], c.Nodes[name], 1e-9, 1e-9) {
					t.Errorf("%s %s = %v, %s gives %v", c.Graph, name, got[id], c.Tool, c.Nodes[name])
				}
			}
		case "emon_texas":
			scale := map[string]float64{"eigenvector:x1": 1, "eigenvector:x1e+06": 1e6}[c.Measure]
			if scale == 0 {
				t.Fatalf("unknown case %s", c.Measure)
			}
			g := loadGraph(t, c.Graph, true, true)
			got, err := metrics.Eigenvector(scaledCopy(g.G, scale), metrics.IterOptions{Weighted: true})
			if err != nil {
				t.Fatalf("%s %s: %v", c.Graph, c.Measure, err)
			}
			checkNodes(t, g, got, c, 1e-9)
		default:
			t.Errorf("unknown graph %s", c.Graph)
		}
	}
}
