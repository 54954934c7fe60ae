package metrics_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

// centrHierarchyGraph returns the graph of a Krackhardt reference case:
// a test graph, or one of the hand-made graphs of centr.R.
func centrHierarchyGraph(t *testing.T, c refCase) graph.Graph {
	t.Helper()
	switch c.Graph {
	case "outtree+3>0":
		// The 7-node binary out-tree 0→1, 0→2, 1→3, 1→4, 2→5, 2→6 plus 3→0
		// (R's 4→1 in 1-based indices).
		return centrFromEdges(7, true, [][2]int64{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}, {3, 0}})
	case "diamond":
		return centrFromEdges(6, true, [][2]int64{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}})
	}
	return loadGraph(t, c.Graph, c.Directed, false).G
}

func TestKrackhardtHierarchyReference(t *testing.T) {
	graphs := map[string]bool{}
	for _, c := range loadReference(t, centrRefFile) {
		var pick func(metrics.Hierarchy) metrics.Value
		switch c.Measure {
		case "connectedness":
			pick = func(h metrics.Hierarchy) metrics.Value { return h.Connectedness }
		case "hierarchy":
			pick = func(h metrics.Hierarchy) metrics.Value { return h.Hierarchy }
		case "efficiency":
			pick = func(h metrics.Hierarchy) metrics.Value { return h.Efficiency }
		case "lubness":
			pick = func(h metrics.Hierarchy) metrics.Value { return h.LUBness }
		default:
			continue
		}
		if c.Tool != "sna" {
			continue
		}
		graphs[c.Graph] = true
		centrCheckValue(t, pick(metrics.KrackhardtHierarchy(centrHierarchyGraph(t, c))), c)
	}
	for _, name := range []string{"directed", "outtree", "outstar", "karate", "florentine", "kite", "davis",
		"star", "path", "cycle", "complete", "disconnected", "outtree+3>0", "diamond"} {
		if !graphs[name] {
			t.Errorf("no sna reference for Krackhardt's measures on %s", name)
		}
	}
}

func TestKrackhardtHierarchy(t *testing.T) {
	nan := math.NaN()
	for _, tt := range []struct {
		name     string
		n        int
		directed bool
		edges    [][2]int64
		want     [4]float64 // connectedness, hierarchy, efficiency, LUBness; NaN: undefined
	}{
		// Krackhardt (1994): all four are 1 on an out-tree.
		{"out-tree", 7, true, [][2]int64{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}}, [4]float64{1, 1, 1, 1}},
		// Plus 3→0: 0, 1, 3 become mutually reachable: 3 mutual pairs of the
		// 17 joined ones (hierarchy 14/17 = 0.824); one arc too many of the
		// 36 possible (efficiency 35/36 = 0.972); METRICS-REFERENCE.md §C.2.
		{"out-tree + 3→0", 7, true, [][2]int64{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}, {3, 0}}, [4]float64{1, 14.0 / 17, 35.0 / 36, 1}},
		// In-star 1,2,3 → 0: no pair of leaves has an upper bound: 3
		// violations of the maximum (4−1)(4−2)/2 = 3.
		{"in-star", 4, true, [][2]int64{{1, 0}, {2, 0}, {3, 0}}, [4]float64{1, 1, 1, 0}},
		// Two nodes, no edge: one unjoined pair.
		{"empty pair", 2, true, nil, [4]float64{0, nan, nan, nan}},
		// One node: connectedness 1 as in sna; nothing else is defined.
		{"single", 1, true, nil, [4]float64{1, nan, nan, nan}},
		// Undirected path 0-1-2 read as mutual: 4 arcs, 2 required, max 4.
		{"undirected path", 3, false, [][2]int64{{0, 1}, {1, 2}}, [4]float64{1, 0, 0.5, 1}},
		// A 3-cycle: every pair mutual; 3 arcs, 2 required, max 4.
		{"3-cycle", 3, true, [][2]int64{{0, 1}, {1, 2}, {2, 0}}, [4]float64{1, 0, 0.75, 1}},
		// Two disjoint arcs 0→1, 2→3: 2 of 6 pairs joined; LUBness needs
		// a component of 3 nodes.
		{"two arcs", 4, true, [][2]int64{{0, 1}, {2, 3}}, [4]float64{2.0 / 6, 1, 1, nan}},
	} {
		h := metrics.KrackhardtHierarchy(centrFromEdges(tt.n, tt.directed, tt.edges))
		for i, got := range []metrics.Value{h.Connectedness, h.Hierarchy, h.Efficiency, h.LUBness} {
			want := tt.want[i]
			if math.IsNaN(want) {
				if got.OK || got.Note == "" {
					t.Errorf("%s measure %d: %+v, want undefined with a reason", tt.name, i, got)
				}
				continue
			}
			if !got.OK || !scalar.EqualWithinAbs(got.V, want, 1e-12) {
				t.Errorf("%s measure %d: %+v, want %v", tt.name, i, got, want)
			}
		}
	}
	// The empty graph.
	if h := metrics.KrackhardtHierarchy(centrFromEdges(0, true, nil)); h.Connectedness.OK {
		t.Errorf("empty graph: %+v", h)
	}
}

// TestKrackhardtHierarchyRange checks on every digraph of 4 nodes that the
// four measures lie in [0, 1] and that only out-trees (here: 3 arcs, every
// node but one with in-degree 1, weakly connected) score 1 on all four.
func TestKrackhardtHierarchyRange(t *testing.T) {
	var pairs [][2]int64
	for i := int64(0); i < 4; i++ {
		for j := int64(0); j < 4; j++ {
			if i != j {
				pairs = append(pairs, [2]int64{i, j})
			}
		}
	}
	trees := 0
	for mask := 0; mask < 1<<len(pairs); mask++ {
		var edges [][2]int64
		indeg := [4]int{}
		for b, p := range pairs {
			if mask&(1<<b) != 0 {
				edges = append(edges, p)
				indeg[p[1]]++
			}
		}
		h := metrics.KrackhardtHierarchy(centrFromEdges(4, true, edges))
		all := true
		for _, v := range []metrics.Value{h.Connectedness, h.Hierarchy, h.Efficiency, h.LUBness} {
			if v.OK && (v.V < 0 || v.V > 1) {
				t.Fatalf("mask %b: %+v outside [0,1]", mask, h)
			}
			all = all && v.OK && v.V == 1
		}
		roots := 0
		tree := len(edges) == 3
		for _, d := range indeg {
			if d == 0 {
				roots++
			}
			tree = tree && d <= 1
		}
		tree = tree && roots == 1 && h.Connectedness.V == 1
		if all != tree {
			t.Errorf("mask %b (edges %v): all four 1 = %v, out-tree = %v (%+v)", mask, edges, all, tree, h)
		}
		if tree {
			trees++
		}
	}
	// Cayley: 4^(4−2) labelled trees, each rooted in 4 ways.
	if trees != 64 {
		t.Errorf("%d out-trees on 4 nodes, want 64", trees)
	}
}
