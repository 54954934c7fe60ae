package metrics_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics"
)

// TestRegistryEntries checks that every measure has a unique name and a
// one-line doc, and that Compute reports exactly the registry's node
// measures, in its order.
func TestRegistryEntries(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range metrics.NodeMeasureList() {
		if m.Name == "" || seen[m.Name] || m.Doc == "" || strings.Contains(m.Doc, "\n") {
			t.Errorf("node measure %+v: empty, duplicate or multi-line", m)
		}
		seen[m.Name] = true
	}
	for _, m := range metrics.GraphMeasureList() {
		if m.Path == "" || seen[m.Path] || m.Doc == "" || strings.Contains(m.Doc, "\n") {
			t.Errorf("graph measure %+v: empty, duplicate or multi-line", m)
		}
		seen[m.Path] = true
	}
	g := loadGraph(t, "karate", false, false)
	r, err := metrics.Compute(g.G, nil, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Nodes.Columns, metrics.NodeMeasureNames(false)) {
		t.Errorf("columns %v, registry %v", r.Nodes.Columns, metrics.NodeMeasureNames(false))
	}
	for _, name := range metrics.NodeMeasureNames(true) {
		if m, err := metrics.LookupNodeMeasure(name); err != nil || !m.Size {
			t.Errorf("size measure %s: %v", name, err)
		}
	}
	if _, err := metrics.LookupNodeMeasure("nope"); err == nil || !strings.Contains(err.Error(), "betweenness") {
		t.Errorf("unknown measure: %v", err)
	}
}

// TestComputeNodesMatchesCompute checks that each node measure computed
// alone, in pairs that share a pass, and all together gives exactly the
// column Compute reports, on undirected, directed, weighted and
// disconnected graphs.
func TestComputeNodesMatchesCompute(t *testing.T) {
	for _, tc := range []struct {
		name               string
		directed, weighted bool
	}{{"karate", false, false}, {"directed", true, false}, {"weighted", false, true}, {"disconnected", false, false}} {
		g := loadGraph(t, tc.name, tc.directed, tc.weighted)
		opt := metrics.Options{Weighted: tc.weighted, Seed: 3}
		r, err := metrics.Compute(g.G, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(r.Nodes)
		sets := [][]string{{"betweenness", "closeness"}, {"closeness", "harmonic"}, {"betweenness_normalized"}, metrics.NodeMeasureNames(false)}
		for _, m := range metrics.NodeMeasureNames(false) {
			sets = append(sets, []string{m})
		}
		for _, set := range sets {
			tab, _, err := metrics.ComputeNodes(g.G, nil, set, opt)
			if err != nil {
				if strings.HasPrefix(err.Error(), "eigenvector:") && tc.directed {
					continue // undefined on this digraph; Compute reports null
				}
				t.Fatalf("%s %v: %v", tc.name, set, err)
			}
			for k, col := range tab.Columns {
				full := r.Nodes.Column(col)
				for i, v := range tab.Values[k] {
					if v.OK != full[i].OK || (v.OK && v.V != full[i].V) {
						t.Errorf("%s %v: %s of node %d = %+v, Compute %+v", tc.name, set, col, tab.IDs[i], v, full[i])
					}
				}
			}
			if len(set) == len(metrics.NodeMeasureNames(false)) && !tc.directed {
				if got, _ := json.Marshal(tab); string(got) != string(want) {
					t.Errorf("%s: all measures alone differ from Compute's table", tc.name)
				}
			}
		}
	}
	if _, _, err := metrics.ComputeNodes(loadGraph(t, "karate", false, false).G, nil, []string{"nope"}, metrics.Options{}); err == nil {
		t.Error("unknown measure accepted")
	}
}

// TestGraphJSONShape checks the JSON of the graph measures: the size
// first, dotted paths as nested objects in registry order, centralizations
// with their maximum, Louvain with its seed.
func TestGraphJSONShape(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	r, err := metrics.Compute(g.G, nil, metrics.Options{Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r.Graph)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`{"nodes":34,"edges":78,"directed":false,"weighted":false,"density":`,
		`"centralization":{"degree":{"value":`, `"louvain":{"q":`, `,"seed":9}`} {
		if !strings.Contains(s, want) {
			t.Errorf("graph JSON lacks %s:\n%s", want, s)
		}
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, s)
	}
	if strings.Contains(s, "in_degree") || strings.Contains(s, "two_mode") || strings.Contains(s, "hierarchy") {
		t.Errorf("undirected one-mode graph reports directed (Krackhardt's included) or two-mode measures: %s", s)
	}
}
