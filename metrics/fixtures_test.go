package metrics_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// loadGraph reads testdata/graphs/NAME.{edges,nodes}.csv (see the README
// there). Node names map to ids with g.ID(name).
func loadGraph(t testing.TB, name string, directed, weighted bool) *network.Graph {
	t.Helper()
	e, err := os.Open(filepath.Join("testdata", "graphs", name+".edges.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	n, err := os.Open(filepath.Join("testdata", "graphs", name+".nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	g, err := graphio.ReadEdgeList(name+".edges.csv", e, name+".nodes.csv", n,
		graphio.EdgeListOptions{Directed: directed, Weighted: weighted, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestFixturesLoad(t *testing.T) {
	for _, tt := range []struct {
		name               string
		directed, weighted bool
		nodes, edges       int
	}{
		{"karate", false, false, 34, 78},
		{"florentine", false, false, 16, 20},
		{"kite", false, false, 10, 18},
		{"davis", false, false, 32, 89},
		{"star", false, false, 10, 9},
		{"path", false, false, 6, 5},
		{"cycle", false, false, 7, 7},
		{"complete", false, false, 6, 15},
		{"disconnected", false, false, 9, 7},
		{"directed", true, false, 8, 10},
		{"weighted", false, true, 6, 8},
		{"outtree", true, false, 7, 6},
		{"outstar", true, false, 10, 9},
		{"emon_texas", true, true, 25, 186},
	} {
		g := loadGraph(t, tt.name, tt.directed, tt.weighted)
		if len(g.Names) != tt.nodes || g.Edges != tt.edges {
			t.Errorf("%s: %d nodes, %d edges; want %d, %d", tt.name, len(g.Names), g.Edges, tt.nodes, tt.edges)
		}
	}
}

// refCase is one reference value (or set of node values) computed by a
// peer tool; see testdata/reference/README.md.
type refCase struct {
	Graph    string             `json:"graph"`
	Directed bool               `json:"directed"`
	Weighted bool               `json:"weighted"`
	Measure  string             `json:"measure"`
	Tool     string             `json:"tool"`
	Call     string             `json:"call"`
	Nodes    map[string]float64 `json:"nodes,omitempty"`
	Value    *float64           `json:"value,omitempty"`
	Note     string             `json:"note,omitempty"`
	// Min and Max bound the values of a randomised method over seeds
	// (Louvain), when Value is their median.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
}

// loadReference reads testdata/reference/FILE and returns its cases.
func loadReference(t testing.TB, file string) []refCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reference", file))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Provenance map[string]string `json:"provenance"`
		Cases      []refCase         `json:"cases"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(r.Cases) == 0 || r.Provenance["script"] == "" {
		t.Fatalf("%s: no cases or no provenance", file)
	}
	return r.Cases
}

// checkNodes compares node scores (keyed by node id) with reference values
// keyed by node name, to within tol absolute or relative.
func checkNodes(t testing.TB, g *network.Graph, got map[int64]float64, c refCase, tol float64) {
	t.Helper()
	if len(c.Nodes) != len(g.Names) {
		t.Errorf("%s %s (%s): reference has %d nodes, graph %d", c.Graph, c.Measure, c.Tool, len(c.Nodes), len(g.Names))
	}
	for name, want := range c.Nodes {
		id, ok := g.ID(name)
		if !ok {
			t.Errorf("%s: no node %q", c.Graph, name)
			continue
		}
		if v, ok := got[id]; !ok || !scalar.EqualWithinAbsOrRel(v, want, tol, tol) {
			t.Errorf("%s %s node %s = %v, %s gives %v (%s)", c.Graph, c.Measure, name, v, c.Tool, want, c.Call)
		}
	}
}
