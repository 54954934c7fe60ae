package metrics_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// simpleCopy returns a gonum simple graph with the nodes, edges and
// weights of g, which has no CompactRows method.
func simpleCopy(g graph.Weighted) graph.Weighted {
	if _, ok := g.(graph.Directed); ok {
		d := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		graph.CopyWeighted(d, g)
		return d
	}
	u := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	graph.CopyWeighted(u, g)
	return u
}

// compactMeasures computes every measure that reads a CompactGraph's
// arrays directly: path statistics, approximate betweenness, PageRank and
// degree centralization in every mode that applies.
func compactMeasures(t *testing.T, g graph.Graph, weighted bool) map[string]any {
	t.Helper()
	out := map[string]any{}
	ps, err := metrics.ShortestPaths(g, metrics.PathOptions{Distances: weighted, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	out["paths"] = ps
	ab, err := metrics.ApproxBetweenness(g, metrics.ApproxOptions{Epsilon: 0.2, Delta: 0.1, Distances: weighted, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	out["approx"] = ab
	pr, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{Weighted: weighted})
	if err != nil {
		t.Fatal(err)
	}
	out["pagerank"] = pr
	modes := []metrics.DegreeMode{metrics.DegreeUndirected}
	if _, ok := g.(graph.Directed); ok {
		modes = append(modes, metrics.DegreeIn, metrics.DegreeOut, metrics.DegreeTotal)
	}
	for _, m := range modes {
		out["degree centralization "+m.String()] = metrics.DegreeCentralization(g, m)
	}
	return out
}

// TestCompactSameAsSimple checks that the measures give bit-identical
// results on the compact graphs that graphio.ReadEdgeList returns, whose
// arrays they use as they are, and on simple-graph copies, which they read
// node by node.
func TestCompactSameAsSimple(t *testing.T) {
	for _, tt := range []struct {
		name               string
		directed, weighted bool
	}{
		{"karate", false, false},
		{"florentine", false, false},
		{"kite", false, false},
		{"disconnected", false, false},
		{"directed", true, false},
		{"outtree", true, false},
		{"weighted", false, true},
		{"weighted", true, true},
	} {
		t.Run(fmt.Sprintf("%s/directed=%v/weighted=%v", tt.name, tt.directed, tt.weighted), func(t *testing.T) {
			g := loadGraph(t, tt.name, tt.directed, tt.weighted).G
			if _, ok := g.(metrics.CompactGraph); !ok {
				t.Fatalf("%T is not a metrics.CompactGraph", g)
			}
			got := compactMeasures(t, g, tt.weighted)
			want := compactMeasures(t, simpleCopy(g), tt.weighted)
			for k := range want {
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Errorf("%s differs on the compact graph:\n got %v\nwant %v", k, got[k], want[k])
				}
			}
		})
	}
}

// badRows is a graph whose CompactRows break the rules of CompactGraph
// (a self-loop, unsorted or out-of-range rows): the measures must read it
// node by node instead.
type badRows struct {
	graph.WeightedUndirected
	off, adj []int32
}

func (b badRows) CompactRows(bool) ([]int64, []int32, []int32, []float64) {
	return []int64{0, 1, 2}, b.off, b.adj, nil
}

func TestCompactRowsChecked(t *testing.T) {
	path := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	path.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 1})
	path.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(1), T: simple.Node(2), W: 1})
	want := compactMeasures(t, path, false)
	for name, b := range map[string]badRows{
		"self-loop":    {off: []int32{0, 1, 3, 4}, adj: []int32{1, 0, 1, 1}},
		"unsorted":     {off: []int32{0, 2, 3, 4}, adj: []int32{2, 1, 0, 0}},
		"out of range": {off: []int32{0, 1, 2, 3}, adj: []int32{1, 0, 7}},
		"short off":    {off: []int32{0, 1}, adj: []int32{1}},
	} {
		b.WeightedUndirected = path
		got := compactMeasures(t, b, false)
		for k := range want {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Errorf("%s: %s used the broken rows:\n got %v\nwant %v", name, k, got[k], want[k])
			}
		}
	}
}

// TestCompactWeightsChecked checks that weights read from a compact graph
// are checked as those read from any graph: a weight of 0 is refused as a
// distance, and PageRank drops the arc.
func TestCompactWeightsChecked(t *testing.T) {
	zero := badWeights{WeightedUndirected: pathWith(0)}
	if _, err := metrics.ShortestPaths(zero, metrics.PathOptions{Distances: true}); !errors.Is(err, metrics.ErrNegativeWeight) {
		t.Errorf("weight 0 as a distance: got %v, want ErrNegativeWeight", err)
	}
	got, err := metrics.PageRank(zero, metrics.DefaultDamping, metrics.IterOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := metrics.PageRank(pathWith(0), metrics.DefaultDamping, metrics.IterOptions{Weighted: true})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PageRank with a weight 0: got %v, want %v", got, want)
	}
}

// pathWith returns the path 0–1–2 whose edge 1–2 weighs w.
func pathWith(w float64) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 1})
	g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(1), T: simple.Node(2), W: w})
	return g
}

// badWeights is the path 0–1–2 as a CompactGraph whose edge 1–2 weighs 0.
type badWeights struct{ graph.WeightedUndirected }

func (badWeights) CompactRows(bool) ([]int64, []int32, []int32, []float64) {
	return []int64{0, 1, 2}, []int32{0, 1, 3, 4}, []int32{1, 0, 2, 1}, []float64{1, 1, 0, 0}
}
