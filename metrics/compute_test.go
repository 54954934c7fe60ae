package metrics_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/ecosys-sna/ecosys/metrics"
)

// TestComputeKarate checks that Compute assembles the measures that the
// reference tests of each measure check: a few values of Zachary's karate
// club against NetworkX 2.8.8 (unweighted; see testdata/reference).
func TestComputeKarate(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	r, err := metrics.Compute(g.G, func(id int64) string { return g.Names[id] }, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Graph.Nodes != 34 || r.Graph.Edges != 78 || r.Graph.Directed || r.Graph.WeakComponents != 1 {
		t.Errorf("graph %+v", r.Graph)
	}
	n0 := r.Nodes[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"betweenness", n0.Betweenness.V, 231.0714285714286},         // nx.betweenness_centrality(G, normalized=False)[0]
		{"closeness", n0.Closeness.V, 0.5689655172413793},            // nx.closeness_centrality(G)[0]
		{"harmonic", n0.Harmonic.V, 23.16666666666666},               // nx.harmonic_centrality(G)[0]
		{"constraint", n0.Constraint.V, 0.15542329764660495},         // nx.constraint(G)[0]
		{"effective size", n0.EffectiveSize.V, 13.75},                // nx.effective_size(G)[0]
		{"clustering", n0.Clustering.V, 0.15},                        // nx.clustering(G)[0]
		{"pagerank", n0.PageRank.V, 0.09699728538919744},             // nx.pagerank(G, weight=None, tol=1e-13)[0]
		{"eigenvector", n0.Eigenvector.V, 0.9521323664766564},        // nx.eigenvector_centrality_numpy(G), scaled to max 1
		{"transitivity", r.Graph.Transitivity.V, 0.2556818181818182}, // nx.transitivity(G)
		{"density", r.Graph.Density.V, 0.13903743315508021},          // nx.density(G)
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, 1e-9, 1e-9) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if n0.InDegree != nil || r.Graph.Reciprocity.OK {
		t.Error("undirected graph has in-degree or reciprocity")
	}
	if _, ok := r.Graph.Centralization["in_degree"]; ok {
		t.Error("undirected graph has in-degree centralization")
	}
}

// TestComputeDeterministic checks that the JSON does not depend on the
// number of workers, and that undefined values are null with a note.
func TestComputeDeterministic(t *testing.T) {
	g := loadGraph(t, "directed", true, false)
	var out [][]byte
	for _, w := range []int{1, 2, 5} {
		r, err := metrics.Compute(g.G, nil, metrics.Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	if !bytes.Equal(out[0], out[1]) || !bytes.Equal(out[0], out[2]) {
		t.Error("reports differ between worker counts")
	}
	if bytes.Contains(out[0], []byte("NaN")) || bytes.Contains(out[0], []byte("Inf")) {
		t.Error("report contains NaN or Inf")
	}

	// An out-tree has no cycle: eigenvector is null, with a note.
	tree := loadGraph(t, "outtree", true, false)
	r, err := metrics.Compute(tree.G, nil, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	if !bytes.Contains(b, []byte(`"eigenvector":null`)) || !strings.Contains(strings.Join(r.Notes, "\n"), "eigenvector") {
		t.Errorf("out-tree: eigenvector not null with a note: %v", r.Notes)
	}
	for _, v := range []metrics.Value{r.Graph.Hierarchy.Connectedness, r.Graph.Hierarchy.Hierarchy, r.Graph.Hierarchy.Efficiency, r.Graph.Hierarchy.LUBness} {
		if !v.OK || v.V != 1 { // Krackhardt (1994): all four are 1 exactly for an out-tree
			t.Errorf("out-tree hierarchy %+v", r.Graph.Hierarchy)
		}
	}
}

func TestComputeTwoModeDavis(t *testing.T) {
	g := loadGraph(t, "davis", false, false)
	first := g.Attrs[0]["mode"]
	r, err := metrics.Compute(g.G, nil, metrics.Options{Mode: func(id int64) int {
		if g.Attrs[id]["mode"] == first {
			return 0
		}
		return 1
	}})
	if err != nil {
		t.Fatal(err)
	}
	// Davis women (mode 0) 0.2489 and events 0.4842: netrics' formula by
	// hand, testdata/reference/centr.json.
	if r.Graph.TwoMode == nil || !scalar.EqualWithinAbsOrRel(r.Graph.TwoMode.Mode0.Value.V, 0.2489, 1e-3, 1e-3) ||
		!scalar.EqualWithinAbsOrRel(r.Graph.TwoMode.Mode1.Value.V, 0.4842, 1e-3, 1e-3) {
		t.Errorf("two-mode %+v", r.Graph.TwoMode)
	}
}

// TestComputeGroups checks the group measures on karate with the club
// attribute against NetworkX 2.8.8:
// nx.attribute_assortativity_coefficient(G, "club") = 0.717530864197531,
// community.modularity(G, clubs, weight=None) = 0.3582347140039448.
func TestComputeGroups(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	group := map[int64]string{}
	for i, a := range g.Attrs {
		group[int64(i)] = a["club"]
	}
	r, err := metrics.Compute(g.G, nil, metrics.Options{Group: group, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if r.Graph.AttributeAssortativity == nil || !scalar.EqualWithinAbsOrRel(r.Graph.AttributeAssortativity.V, 0.717530864197531, 1e-12, 1e-12) {
		t.Errorf("attribute assortativity %+v", r.Graph.AttributeAssortativity)
	}
	if r.Graph.GroupModularity == nil || !scalar.EqualWithinAbsOrRel(r.Graph.GroupModularity.V, 0.3582347140039448, 1e-12, 1e-12) {
		t.Errorf("group modularity %+v", r.Graph.GroupModularity)
	}
	if r.Nodes[0].Brokerage == nil || r.Nodes[0].Community == nil {
		t.Fatal("no brokerage or community on nodes")
	}
	// Louvain is seeded: the same seed gives the same partition, and its
	// modularity is near the best known for karate (0.4198).
	r2, _ := metrics.Compute(g.G, nil, metrics.Options{Group: group, Seed: 7})
	for i := range r.Nodes {
		if *r.Nodes[i].Community != *r2.Nodes[i].Community {
			t.Fatal("same seed, different Louvain partition")
		}
	}
	if q := r.Graph.Louvain.Q.V; q < 0.40 || q > 0.4198 {
		t.Errorf("Louvain Q = %v", q)
	}
}
