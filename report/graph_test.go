package report_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// ownNetwork returns the results of a small network of one's own: two
// triangles joined by a bridge, with a node file of names, groups and a
// numeric column.
func ownNetwork(t *testing.T, weighted bool) *analysis.Results {
	t.Helper()
	edges := "source,target,weight\na,b,1\nb,c,2\na,c,1\nc,d,5\nd,e,1\ne,f,1\nd,f,3\n"
	nodes := "id,full,team,score\na,Alice,red,1\nb,Bob,red,2\nc,Carol,red,3\nd,Dan,blue,4\ne,Eve,blue,\nf,Fay,,6\n"
	g, err := graphio.ReadEdgeList("e.csv", strings.NewReader(edges), "n.csv", strings.NewReader(nodes), graphio.EdgeListOptions{Weighted: weighted})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewGraphResults(analysis.GraphInput{Graph: g, Source: "e.csv", Weighted: weighted}, analysis.ResultsOptions{Seed: 1})
}

func TestBuildOwnNetwork(t *testing.T) {
	r := ownNetwork(t, true)
	files, _, err := report.Build(r, report.Options{Source: "Source: e.csv", Version: "test", Inputs: []report.Input{report.NewInput("e.csv", "", []byte("x"))}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "report.md", "provenance.json", "figures/graph.svg", "figures/graph.png",
		"figures/ranking.svg", "figures/degree.svg", "tables/metrics.csv", "tables/nodes.csv"} {
		if _, ok := files[want]; !ok {
			t.Errorf("report lacks %s", want)
		}
	}
	for _, not := range []string{"figures/client-type.svg", "figures/timeline.svg", "tables/by-client-type.csv", "tables/parties.csv", "claims.json", "verdict.json"} {
		if _, ok := files[not]; ok {
			t.Errorf("report of a network of one's own has %s", not)
		}
	}
	html := string(files["index.html"])
	for _, want := range []string{
		"An undirected, weighted network of 6 nodes and 7 edges from e.csv.",
		"client-type: left out: client types are a column of a contract ledger",
		"timeline: left out: it needs contract dates",
		"No ecosystem verdict and no claims checked",
		`<a href="#tab-metrics">6</a> nodes and 7 edges`,
		`<a href="#tab-nodes">c</a> has the highest degree, 3`,
		"Figure 1.", "Figure 3.", "Table 1.", "Table 2.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// Every node at full precision in the CSV.
	if csv := string(files["tables/nodes.csv"]); !strings.HasPrefix(csv, "node,degree,") || strings.Count(csv, "\n") != 7 {
		t.Errorf("nodes.csv:\n%s", csv)
	}
	// The same input gives the same bytes.
	again, _, err := report.Build(ownNetwork(t, true), report.Options{Source: "Source: e.csv", Version: "test", Inputs: []report.Input{report.NewInput("e.csv", "", []byte("x"))}})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range files {
		if string(again[k]) != string(v) {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

func TestPlainGraph(t *testing.T) {
	r := ownNetwork(t, true)
	m, err := r.Measures()
	if err != nil {
		t.Fatal(err)
	}
	g, sel, err := report.PlainGraph(r, m, report.FigureParams{Size: "score", Label: "full", ColorBy: "team"})
	if err != nil {
		t.Fatal(err)
	}
	if !sel.Whole || len(g.Nodes) != 6 || len(g.Edges) != 7 {
		t.Fatalf("%d nodes, %d edges, whole %v", len(g.Nodes), len(g.Edges), sel.Whole)
	}
	got := map[string]plots.GraphNode{}
	for _, v := range g.Nodes {
		got[v.ID] = v
	}
	if v := got["a"]; v.Label != "Alice" || v.Kind != "red" || v.Size != 1 {
		t.Errorf("node a: %+v", v)
	}
	if v := got["e"]; v.Size != 0 || v.Kind != "blue" {
		t.Errorf("node e (no score): %+v", v)
	}
	if v := got["f"]; v.Kind != "(none)" || v.Label != "Fay" {
		t.Errorf("node f (no team): %+v", v)
	}
	if strings.Join(g.KindOrder, ",") != "red,blue,(none)" {
		t.Errorf("colour order %v, want by frequency", g.KindOrder)
	}
	if g.SizeLabel != "score; colour by team" || g.WeightLabel != "weight" {
		t.Errorf("size label %q, weight label %q", g.SizeLabel, g.WeightLabel)
	}
	for _, e := range g.Edges {
		if e.From == "c" && e.To == "d" && e.Weight != 5 {
			t.Errorf("edge c–d weight %v, want 5", e.Weight)
		}
	}

	// Without --color-by the one kind is named in the legend.
	if g, _, _ := report.PlainGraph(r, m, report.FigureParams{}); g.KindLabels[""] != "Node" || g.SizeLabel != "betweenness" {
		t.Errorf("default legend: kinds %v, size %q", g.KindLabels, g.SizeLabel)
	}
	for _, tt := range []struct {
		p    report.FigureParams
		want string
	}{
		{report.FigureParams{Label: "nope"}, `no node column "nope" (it has node columns full, team, score)`},
		{report.FigureParams{ColorBy: "nope"}, `--color-by nope`},
		{report.FigureParams{Size: "team"}, `node "a" has "red", not a number`},
	} {
		if _, _, err := report.PlainGraph(r, m, tt.p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.p, err, tt.want)
		}
	}
	// Ledger-only figures are refused with the reason.
	spec, _ := report.LookupFigure("timeline")
	if _, err := spec.Draw(r, report.FigureParams{Options: plots.Options{Source: "s"}}); err == nil || !strings.Contains(err.Error(), "contract dates") {
		t.Errorf("timeline of a network of one's own: %v", err)
	}
	// What needs a ledger says so.
	if _, err := r.Ecosystem(); !errors.Is(err, analysis.ErrNoLedger) {
		t.Errorf("Ecosystem: %v", err)
	}
}

func TestPlainGraphColoursCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("source,target\n")
	nodes := "id,c\n"
	for i := range 20 {
		fmt.Fprintf(&b, "n%d,n%d\n", i, (i+1)%20)
		nodes += fmt.Sprintf("n%d,v%d\n", i, i%10)
	}
	g, err := graphio.ReadEdgeList("e.csv", strings.NewReader(b.String()), "n.csv", strings.NewReader(nodes), graphio.EdgeListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.NewGraphResults(analysis.GraphInput{Graph: g, Source: "e.csv"}, analysis.ResultsOptions{})
	m, _ := r.Measures()
	pg, _, err := report.PlainGraph(r, m, report.FigureParams{Size: "none", ColorBy: "c"})
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.KindOrder) != 7 || pg.KindOrder[6] != "other" || pg.KindLabels["v0"] != "c: v0" {
		t.Errorf("kinds %v, labels %v", pg.KindOrder, pg.KindLabels)
	}
}
