package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdMetrics(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *MetricsOptions) bool
		wantErr string
	}{
		{argv: "ledger", check: func(o *MetricsOptions) bool {
			return o.Input.Network == "ledger" && o.Input.Weight == "amount" && o.Format == "table" && !o.Graph
		}},
		{argv: "ledger-two-mode --weight contracts --graph --format json", check: func(o *MetricsOptions) bool {
			return o.Input.Network == "ledger-two-mode" && o.Input.Weight == "contracts" && o.Graph && o.Format == "json"
		}},
		{argv: "--edges e.csv --nodes n.csv --directed --weighted --distances --workers 2", check: func(o *MetricsOptions) bool {
			return o.Input.EdgesPath == "e.csv" && o.Input.NodesPath == "n.csv" && o.Input.Directed && o.Input.Weighted && o.Distances && o.Workers == 2
		}},
		{argv: "--edges e.csv --nodes n.csv --two-mode --mode-column mode", check: func(o *MetricsOptions) bool {
			return o.Input.TwoMode && o.Input.ModeColumn == "mode"
		}},
		{argv: "", wantErr: "name an embedded network"},
		{argv: "--ledger x.csv", check: func(o *MetricsOptions) bool {
			return o.Input.Network == "ledger" && o.Input.Ledger.LedgerPath == "x.csv"
		}},
		{argv: "--ledger x.csv --entities p.csv --graph", check: func(o *MetricsOptions) bool {
			return o.Input.Network == "ledger" && o.Input.Ledger.EntitiesPath == "p.csv" && o.Graph
		}},
		{argv: "ledger-two-mode --ledger x.csv", check: func(o *MetricsOptions) bool {
			return o.Input.Network == "ledger-two-mode" && o.Input.Ledger.LedgerPath == "x.csv"
		}},
		{argv: "--edges e.csv --ledger x.csv", wantErr: "--ledger and --entities name a ledger"},
		{argv: "ledger --edges e.csv", wantErr: "give one of a network name, --edges or --graph-file"},
		{argv: "--graph-file g.graphml --directed", wantErr: "--graph-file files say themselves"},
		{argv: "--graph-file g.gexf --group kind", check: func(o *MetricsOptions) bool { return o.Input.GraphPath == "g.gexf" && o.Input.Group == "kind" }},
		{argv: "nope", wantErr: `unknown network "nope"`},
		{argv: "--edges e.csv --two-mode", wantErr: "--two-mode needs --mode-column"},
		{argv: "--edges e.csv --two-mode --mode-column m", wantErr: "--two-mode needs node attributes"},
		{argv: "ledger --weight euros", wantErr: `invalid argument "euros" for "--weight"`},
		{argv: "ledger --workers -1", wantErr: `invalid argument -1 for "--workers"`},
		{argv: "--edges e.csv --group province", wantErr: "--group needs node attributes"},
		{argv: "ledger --group province --seed 9", check: func(o *MetricsOptions) bool { return o.Input.Group == "province" && o.Seed == 9 }},
		{argv: "ledger extra", wantErr: "extra"},
		{argv: "ledger --only betweenness,closeness --timings", check: func(o *MetricsOptions) bool {
			return len(o.Only) == 2 && o.Only[0] == "betweenness" && o.Only[1] == "closeness" && o.Timings
		}},
		{argv: "ledger --only betweenness --approx-epsilon 0.05 --approx-delta 0.01", check: func(o *MetricsOptions) bool {
			return o.ApproxEpsilon == 0.05 && o.ApproxDelta == 0.01
		}},
		{argv: "ledger --only speed", wantErr: `invalid argument "speed" for "--only"`},
		{argv: "ledger --only degree --graph", wantErr: "--only prints node measures"},
		{argv: "ledger --only closeness --approx-epsilon 0.1", wantErr: "--approx-epsilon needs --only betweenness"},
		{argv: "ledger --only betweenness --approx-epsilon 2", wantErr: `invalid argument 2 for "--approx-epsilon"`},
		{argv: "ledger --approx-delta 0", wantErr: `invalid argument 0 for "--approx-delta"`},
		{argv: "ledger", check: func(o *MetricsOptions) bool { return o.MaxIter == 1000 && o.Tol == 1e-12 }},
		{argv: "ledger --max-iter 50 --tol 1e-9", check: func(o *MetricsOptions) bool { return o.MaxIter == 50 && o.Tol == 1e-9 }},
		{argv: "ledger --max-iter 0", wantErr: `invalid argument 0 for "--max-iter"`},
		{argv: "ledger --tol 0", wantErr: `invalid argument 0 for "--tol"`},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *MetricsOptions
			c := NewCmdMetrics(&Factory{IO: io}, func(o *MetricsOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestMetricsJSONShape checks the JSON keys promised in the documentation.
func TestMetricsJSONShape(t *testing.T) {
	io, out, _ := Test()
	if err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount"}, Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Graph map[string]json.RawMessage `json:"graph"`
		Nodes []map[string]json.RawMessage
		Notes []string
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"nodes", "edges", "density", "weak_components", "strong_components", "transitivity",
		"average_path_length", "diameter", "degree_assortativity", "reciprocity", "centralization", "hierarchy"} {
		if _, ok := got.Graph[k]; !ok {
			t.Errorf("graph lacks %q", k)
		}
	}
	for _, k := range []string{"id", "degree", "in_degree", "out_degree", "strength", "betweenness", "betweenness_normalized",
		"closeness", "harmonic", "eigenvector", "pagerank", "hub", "authority", "core", "clustering", "constraint", "effective_size"} {
		if _, ok := got.Nodes[0][k]; !ok {
			t.Errorf("node lacks %q", k)
		}
	}
	var centr map[string]struct {
		Value *float64 `json:"value"`
		Max   float64  `json:"max"`
	}
	json.Unmarshal(got.Graph["centralization"], &centr)
	for _, k := range []string{"degree", "in_degree", "out_degree", "betweenness", "closeness", "harmonic", "eigenvector"} {
		if _, ok := centr[k]; !ok {
			t.Errorf("centralization lacks %q", k)
		}
	}
	// The ledger network is an out-tree rooted at i-SOON: no eigenvector
	// (a DAG), so eigenvector centralization is null and a note says why.
	if centr["eigenvector"].Value != nil || len(got.Notes) == 0 {
		t.Errorf("eigenvector centralization %v, notes %v", centr["eigenvector"].Value, got.Notes)
	}
	// 29 parties, i-SOON has out-degree 21 (ledger golden file).
	if string(got.Graph["nodes"]) != "29" {
		t.Errorf("nodes %s", got.Graph["nodes"])
	}
}

func TestMetricsEdgeList(t *testing.T) {
	dir := t.TempDir()
	edges := filepath.Join(dir, "e.csv")
	nodes := filepath.Join(dir, "n.csv")
	// A star with centre a, plus the isolate e from the node file.
	os.WriteFile(edges, []byte("source,target\na,b\na,c\na,d\n"), 0o644)
	os.WriteFile(nodes, []byte("id,side\na,x\nb,y\nc,y\nd,y\ne,y\n"), 0o644)
	io, out, _ := Test()
	if err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{EdgesPath: edges, NodesPath: nodes, Weight: "amount"}, Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[1], "a,3,NA,NA,3,3,") || !strings.HasPrefix(lines[5], "e,0,") {
		t.Errorf("node table:\n%s", out)
	}
	// Two-mode: a is one mode, b-e the other.
	io, out, _ = Test()
	if err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{EdgesPath: edges, NodesPath: nodes, TwoMode: true, ModeColumn: "side",
		Weight: "amount"}, Graph: true, Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "two_mode.degree_centralization.mode1,") || !strings.Contains(out.String(), "two_mode.density,") {
		t.Errorf("graph table lacks two-mode centralization:\n%s", out)
	}
	// A mode column with three values is a data error.
	os.WriteFile(nodes, []byte("id,side\na,x\nb,y\nc,z\nd,y\n"), 0o644)
	io, _, errOut := Test()
	code := Run([]string{"metrics", "--edges", edges, "--nodes", nodes, "--two-mode", "--mode-column", "side"}, &Factory{IO: io})
	if code != ExitData || !strings.Contains(errOut.String(), "found a third: z") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestMetricsGroup(t *testing.T) {
	io, out, _ := Test()
	if err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount", Group: "ministry"}, Graph: true, Format: FormatCSV, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nattribute_assortativity,", "\ngroup_modularity,", "\ngini.strength,", "\nlouvain.q,"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("graph table lacks %q:\n%s", strings.TrimSpace(want), out)
		}
	}
	io, _, _ = Test()
	err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount", Group: "colour"}, Format: FormatCSV})
	if err == nil || !strings.Contains(err.Error(), `unknown --group "colour"`) {
		t.Errorf("bad group: %v", err)
	}
}

// TestMetricsOnly checks that --only prints exactly the named columns with
// the values of the full report, and --timings one line per step.
func TestMetricsOnly(t *testing.T) {
	io, full, _ := Test()
	if err := metricsRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount"}, Format: FormatJSON, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var rep struct{ Nodes []map[string]any }
	if err := json.Unmarshal(full.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	cols := []string{"degree", "strength", "betweenness", "betweenness_normalized", "closeness", "harmonic", "pagerank", "hub", "authority", "core", "clustering", "constraint", "effective_size"}
	io, out, errOut := Test()
	if err := metricsOnlyRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount"}, Format: FormatJSON, Seed: 1,
		Only: cols, Timings: true}); err != nil {
		t.Fatal(err)
	}
	var only struct{ Nodes []map[string]any }
	if err := json.Unmarshal(out.Bytes(), &only); err != nil {
		t.Fatal(err)
	}
	if len(only.Nodes) != len(rep.Nodes) {
		t.Fatalf("%d nodes, want %d", len(only.Nodes), len(rep.Nodes))
	}
	byID := map[any]map[string]any{}
	for _, n := range rep.Nodes {
		byID[n["id"]] = n
	}
	for _, n := range only.Nodes {
		want := byID[n["id"]]
		if len(n) != len(cols)+1 {
			t.Errorf("node %v has keys %v", n["id"], n)
		}
		for _, c := range cols {
			if g, w := n[c], want[c]; g != w {
				t.Errorf("node %v %s = %v, full report %v", n["id"], c, g, w)
			}
		}
	}
	for _, step := range []string{"load", "betweenness", "pagerank", "core"} {
		if !strings.Contains(errOut.String(), "ecosys: time: "+step+" ") {
			t.Errorf("stderr lacks the time of %s:\n%s", step, errOut)
		}
	}

	// Approximate betweenness: a note with the bound, a CSV column.
	io, out, errOut = Test()
	if err := metricsOnlyRun(&MetricsOptions{IO: io, Input: graphInput{Network: "ledger", Weight: "amount"}, Format: FormatCSV, Seed: 1,
		Only: []string{"betweenness"}, ApproxEpsilon: 0.05, ApproxDelta: 0.1}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "id,betweenness\n") || !strings.Contains(errOut.String(), "approximate betweenness from") {
		t.Errorf("stdout %q\nstderr %q", out, errOut)
	}
}

// TestMetricsIterations pins issue 18: eigenvector centrality of a star
// with weights of 100 was null (the iteration did not converge), and a
// measure that does not converge must say so, with the flags to raise.
func TestMetricsIterations(t *testing.T) {
	edges := filepath.Join(t.TempDir(), "w.csv")
	if err := os.WriteFile(edges, []byte("source,target,weight\nhub,a,100\nhub,b,100\nhub,c,100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	io, out, errOut := Test()
	if code := Run([]string{"metrics", "--edges", edges, "--weighted", "--format", "json"}, &Factory{IO: io}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct{ Nodes []map[string]any }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"hub": 1, "a": 0.5773502691896258, "b": 0.5773502691896258, "c": 0.5773502691896258}
	for _, n := range rep.Nodes {
		e, ok := n["eigenvector"].(float64)
		if w := want[n["id"].(string)]; !ok || e < w-1e-9 || e > w+1e-9 {
			t.Errorf("eigenvector of %v = %v, want %v", n["id"], n["eigenvector"], w)
		}
	}
	io, _, errOut = Test()
	if code := Run([]string{"metrics", "--edges", edges, "--weighted", "--max-iter", "2"}, &Factory{IO: io}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{"did not converge in 2 iterations (tolerance 1e-12", "hint: eigenvector, pagerank did not converge: raise --max-iter (now 2)"} {
		if !strings.Contains(errOut.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	io, _, errOut = Test()
	if code := Run([]string{"metrics", "--edges", edges, "--weighted", "--only", "eigenvector", "--max-iter", "2"}, &Factory{IO: io}); code == 0 ||
		!strings.Contains(errOut.String(), "raise --max-iter (now 2)") {
		t.Errorf("--only eigenvector --max-iter 2: exit %d, stderr %s", code, errOut)
	}
}
