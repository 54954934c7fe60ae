package metrics_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// loadLoops reads testdata/graphs/loops with its self-loops kept.
func loadLoops(t *testing.T, directed, weighted bool) *network.Graph {
	t.Helper()
	e, err := os.Open(filepath.Join("testdata", "graphs", "loops.edges.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	n, err := os.Open(filepath.Join("testdata", "graphs", "loops.nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	g, err := graphio.ReadEdgeList("loops.edges.csv", e, "loops.nodes.csv", n,
		graphio.EdgeListOptions{Directed: directed, Weighted: weighted, Strict: true, Loops: graphio.LoopsKeep})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Loops) != 4 {
		t.Fatalf("%d loops read, want 4", len(g.Loops))
	}
	return g
}

// Issue 18: kept self-loops count in degree and strength as NetworkX
// counts them (testdata/reference/loops.json, scripts/reference/loops.py):
// twice on undirected graphs, once in and once out on directed ones.
func TestLoopsDegreeStrengthReference(t *testing.T) {
	cases := loadReference(t, "loops.json")
	for _, c := range cases {
		g := loadLoops(t, c.Directed, c.Weighted)
		opt := metrics.Options{Weighted: c.Weighted, Loops: g.Loops}
		rep, err := metrics.Compute(g.G, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		only, _, err := metrics.ComputeNodes(g.G, nil, []string{c.Measure}, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, table := range []*metrics.NodeTable{&rep.Nodes, only} {
			col := table.Column(c.Measure)
			got := map[int64]float64{}
			for i, id := range table.IDs {
				if col[i].OK {
					got[id] = col[i].V
				}
			}
			checkNodes(t, g, got, c, 1e-12)
		}
	}
	if len(cases) != 12 {
		t.Errorf("%d cases, want 12 (degree and strength, in and out on directed, weighted or not)", len(cases))
	}
}

// Issue 18: every measure but those of LoopMeasures ignores the loops:
// the report with the loops equals the report without them, but for the
// columns of LoopMeasures, which differ at the nodes with a loop.
func TestLoopsIgnoredByOtherMeasures(t *testing.T) {
	for _, directed := range []bool{false, true} {
		for _, weighted := range []bool{false, true} {
			g := loadLoops(t, directed, weighted)
			without, err := metrics.Compute(g.G, nil, metrics.Options{Weighted: weighted, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			with, err := metrics.Compute(g.G, nil, metrics.Options{Weighted: weighted, Seed: 3, Loops: g.Loops})
			if err != nil {
				t.Fatal(err)
			}
			gw, _ := json.Marshal(with.Graph)
			gwo, _ := json.Marshal(without.Graph)
			if string(gw) != string(gwo) || !slices.Equal(with.Notes, without.Notes) {
				t.Errorf("directed %t weighted %t: graph measures differ with loops:\n%s\n%s", directed, weighted, gw, gwo)
			}
			for k, name := range with.Nodes.Columns {
				counts := slices.Contains(metrics.LoopMeasures(), name)
				for i, id := range with.Nodes.IDs {
					a, b := with.Nodes.Values[k][i], without.Nodes.Values[k][i]
					_, hasLoop := g.Loops[id]
					differs := a.OK && b.OK && a.V != b.V
					switch {
					case !counts && !sameValue(a, b):
						t.Errorf("directed %t weighted %t: %s of node %d is %v with loops, %v without", directed, weighted, name, id, a, b)
					case counts && (name != "in_degree" && name != "out_degree" || directed) && differs != hasLoop:
						t.Errorf("directed %t weighted %t: %s of node %d: %v with loops, %v without (loop: %t)", directed, weighted, name, id, a, b, hasLoop)
					}
				}
			}
		}
	}
}

// A loop at a node the graph does not have, or with a bad weight, is
// invalid input.
func TestLoopsInvalid(t *testing.T) {
	g := loadLoops(t, false, true)
	for _, loops := range []map[int64]float64{{99: 1}, {0: 0}, {0: -1}} {
		_, err := metrics.Compute(g.G, nil, metrics.Options{Weighted: true, Loops: loops})
		if err == nil || !strings.Contains(err.Error(), "self-loop at node") {
			t.Errorf("loops %v: error %v", loops, err)
		}
	}
}

// sameValue reports whether two values are equal, NaN equal to NaN.
func sameValue(a, b metrics.Value) bool {
	return a.OK == b.OK && a.Note == b.Note && (a.V == b.V || math.IsNaN(a.V) && math.IsNaN(b.V))
}
