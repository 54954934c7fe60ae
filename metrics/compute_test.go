package metrics_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

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
	if r.Graph.Nodes != 34 || r.Graph.Edges != 78 || r.Graph.Directed || r.Graph.Value("weak_components").V != 1 {
		t.Errorf("graph %+v", r.Graph)
	}
	n0 := func(m string) metrics.Value { return r.Nodes.Column(m)[0] }
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"betweenness", n0("betweenness").V, 231.0714285714286},               // nx.betweenness_centrality(G, normalized=False)[0]
		{"closeness", n0("closeness").V, 0.5689655172413793},                  // nx.closeness_centrality(G)[0]
		{"harmonic", n0("harmonic").V, 23.16666666666666},                     // nx.harmonic_centrality(G)[0]
		{"constraint", n0("constraint").V, 0.15542329764660495},               // nx.constraint(G)[0]
		{"effective size", n0("effective_size").V, 13.75},                     // nx.effective_size(G)[0]
		{"clustering", n0("clustering").V, 0.15},                              // nx.clustering(G)[0]
		{"pagerank", n0("pagerank").V, 0.09699728538919744},                   // nx.pagerank(G, weight=None, tol=1e-13)[0]
		{"eigenvector", n0("eigenvector").V, 0.9521323664766564},              // nx.eigenvector_centrality_numpy(G), scaled to max 1
		{"transitivity", r.Graph.Value("transitivity").V, 0.2556818181818182}, // nx.transitivity(G)
		{"density", r.Graph.Value("density").V, 0.13903743315508021},          // nx.density(G)
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, 1e-9, 1e-9) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if n0("in_degree").OK || r.Graph.Value("reciprocity").OK {
		t.Error("undirected graph has in-degree or reciprocity")
	}
	if _, ok := r.Graph.Get("centralization.in_degree"); ok {
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
	for _, k := range []string{"connectedness", "hierarchy", "efficiency", "lubness"} {
		if v := r.Graph.Value("hierarchy." + k); !v.OK || v.V != 1 { // Krackhardt (1994): all four are 1 exactly for an out-tree
			t.Errorf("out-tree hierarchy.%s = %+v", k, v)
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
	m0, m1 := r.Graph.Value("two_mode.degree_centralization.mode0"), r.Graph.Value("two_mode.degree_centralization.mode1")
	if !scalar.EqualWithinAbsOrRel(m0.V, 0.2489, 1e-3, 1e-3) || !scalar.EqualWithinAbsOrRel(m1.V, 0.4842, 1e-3, 1e-3) {
		t.Errorf("two-mode %+v %+v", m0, m1)
	}
}

// TestComputeTwoModeIssue18 pins the two-mode defects of issue 18 on
// Davis's southern women: bipartite density was missing (NetworkX's
// bipartite.density, numeric.json), the keys two_mode.mode0/mode1 did not
// name their measure, and a mode with an isolate gave a null without
// saying which mode it is.
func TestComputeTwoModeIssue18(t *testing.T) {
	g := loadGraph(t, "davis", false, false)
	mode := func(id int64) int {
		if g.Attrs[id]["mode"] == "woman" {
			return 0
		}
		return 1
	}
	r, err := metrics.Compute(g.G, nil, metrics.Options{Mode: mode, ModeNames: [2]string{"woman", "event"}})
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]float64 = map[string]float64{}
	for _, c := range numericCases(t, "") {
		if c.Graph == "davis" {
			want[c.Measure] = *c.Value
		}
	}
	if d := r.Graph.Value("two_mode.density"); !d.OK || !scalar.EqualWithinAbsOrRel(d.V, want["bipartite_density"], 1e-12, 1e-12) {
		t.Errorf("two_mode.density = %+v, NetworkX bipartite.density gives %v", d, want["bipartite_density"])
	}
	if d := r.Graph.Value("density"); !scalar.EqualWithinAbsOrRel(d.V, want["density"], 1e-12, 1e-12) {
		t.Errorf("density = %+v, NetworkX gives %v", d, want["density"])
	}
	b, err := json.Marshal(r.Graph)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		TwoMode struct {
			Density float64 `json:"density"`
			Degree  map[string]struct {
				Value *float64 `json:"value"`
				Max   float64  `json:"max"`
			} `json:"degree_centralization"`
		} `json:"two_mode"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if m.TwoMode.Density != want["bipartite_density"] || len(m.TwoMode.Degree) != 2 || m.TwoMode.Degree["mode1"].Value == nil {
		t.Errorf("JSON two_mode = %+v:\n%s", m.TwoMode, b)
	}
	notes := strings.Join(r.Notes, "\n")
	if !strings.Contains(notes, "two_mode: mode0 is woman (18 nodes), mode1 is event (14 nodes)") {
		t.Errorf("notes do not name the modes:\n%s", notes)
	}

	// An isolated woman: the binary index of mode 0 is null, and the
	// note names the measure, the mode and the reason.
	iso := mapWeights(g.G, func(float64) float64 { return 1 })
	iso.(interface{ AddNode(graph.Node) }).AddNode(simple.Node(100))
	r, err = metrics.Compute(iso, nil, metrics.Options{Mode: func(id int64) int {
		if id == 100 {
			return 0
		}
		return mode(id)
	}, ModeNames: [2]string{"woman", "event"}})
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Graph.Value("two_mode.degree_centralization.mode0"); v.OK {
		t.Errorf("mode 0 with an isolate: %+v, want null", v)
	}
	notes = strings.Join(r.Notes, "\n")
	if !strings.Contains(notes, "two_mode.degree_centralization.mode0: mode 0 (woman) has 1 isolated node") {
		t.Errorf("no note on the isolate:\n%s", notes)
	}
	if d := r.Graph.Value("two_mode.density"); !d.OK || !scalar.EqualWithinAbsOrRel(d.V, 89.0/(19*14), 1e-12, 1e-12) {
		t.Errorf("two_mode.density with an isolate = %+v, want 89/(19·14)", d)
	}
}

// TestComputeHierarchyDirectedOnly pins issue 18: Krackhardt's measures
// (of a directed graph's order) were reported for undirected graphs,
// where hierarchy is 0 whatever the graph. Compute leaves them out there;
// as a statistic they are null with the reason.
func TestComputeHierarchyDirectedOnly(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	r, err := metrics.Compute(g.G, nil, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"connectedness", "hierarchy", "efficiency", "lubness"} {
		if _, ok := r.Graph.Get("hierarchy." + k); ok {
			t.Errorf("undirected graph reports hierarchy.%s", k)
		}
		st, err := metrics.LookupStatistic("hierarchy."+k, metrics.StatContext{})
		if err != nil {
			t.Fatal(err)
		}
		if v := st.Fn(g.G); v.OK || !strings.Contains(v.Note, "directed graphs") {
			t.Errorf("statistic hierarchy.%s on an undirected graph = %+v, want null with a reason", k, v)
		}
	}
	d := loadGraph(t, "directed", true, false)
	r, err = metrics.Compute(d.G, nil, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Graph.Get("hierarchy.hierarchy"); !ok {
		t.Error("directed graph lacks hierarchy.hierarchy")
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
	if aa := r.Graph.Value("attribute_assortativity"); !scalar.EqualWithinAbsOrRel(aa.V, 0.717530864197531, 1e-12, 1e-12) {
		t.Errorf("attribute assortativity %+v", aa)
	}
	if gm := r.Graph.Value("group_modularity"); !scalar.EqualWithinAbsOrRel(gm.V, 0.3582347140039448, 1e-12, 1e-12) {
		t.Errorf("group modularity %+v", gm)
	}
	if r.Nodes.Brokerage == nil || !r.Nodes.Column("community")[0].OK {
		t.Fatal("no brokerage or community on nodes")
	}
	// Louvain is seeded: the same seed gives the same partition, and its
	// modularity is near the best known for karate (0.4198).
	r2, _ := metrics.Compute(g.G, nil, metrics.Options{Group: group, Seed: 7})
	for i, c := range r.Nodes.Column("community") {
		if c != r2.Nodes.Column("community")[i] {
			t.Fatal("same seed, different Louvain partition")
		}
	}
	if q := r.Graph.Value("louvain.q").V; q < 0.40 || q > 0.4198 {
		t.Errorf("Louvain Q = %v", q)
	}
}
