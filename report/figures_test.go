package report_test

import (
	"math"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// TestBuildAllFigures checks that a report with replicates has every
// figure of the catalogue, embedded in index.html and linked from
// report.md, and that report.md is listed in provenance.json.
func TestBuildAllFigures(t *testing.T) {
	r, opts := fixture(t)
	opts.NoReplicates = false
	files, warnings, err := report.Build(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	html, md := string(files["index.html"]), string(files["report.md"])
	for _, f := range report.Catalogue() {
		for _, ext := range []string{".svg", ".png"} {
			if len(files["figures/"+f.Name+ext]) == 0 {
				t.Errorf("no figures/%s%s", f.Name, ext)
			}
		}
		if !strings.Contains(html, `id="fig-`+f.Name+`"`) {
			t.Errorf("index.html lacks figure %s", f.Name)
		}
		if !strings.Contains(md, "(figures/"+f.Name+".png)") {
			t.Errorf("report.md lacks figure %s", f.Name)
		}
	}
	if strings.Count(html, `<img src="data:image/svg`) != len(report.Catalogue()) {
		t.Error("not every figure is embedded in index.html")
	}
	for _, want := range []string{"## Methods", "## Data and provenance", "| centralization.degree |"} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	if !strings.Contains(string(files["provenance.json"]), `"path": "report.md"`) {
		t.Error("provenance.json does not list report.md")
	}
}

// TestFiguresLeftOutSayWhy checks that a ledger without dates or
// intermediaries gets a report without the figures that need them, and
// a note for each.
func TestFiguresLeftOutSayWhy(t *testing.T) {
	cs, err := network.ReadContracts("plain.csv", strings.NewReader("contractor_id,end_user_id,amount_cny\nc,a,100\nc,b,300\nc,d,50\n"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := network.NewLedger("plain.csv", cs, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := report.Build(analysis.NewResults(l, nil, analysis.ResultsOptions{Samples: 5, Ecosystem: quickEcosystem}), report.Options{Source: "Source: test"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(files["index.html"])
	for _, want := range []string{"timeline: not drawn", "over-time: not drawn"} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if _, ok := files["figures/client-type.svg"]; !ok {
		t.Error("the figures that apply are missing")
	}
}

// TestLedgerGraph checks the conversion of the ledger network for the
// general network drawing, sized by each measure.
func TestLedgerGraph(t *testing.T) {
	r0, _ := fixture(t)
	l := r0.Ledger()
	n := network.BuildLedger(l)
	r, err := metrics.Compute(n.Directed(network.ByAmount), nil, metrics.Options{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range report.SizeMeasures {
		g, err := report.LedgerGraph(n, r, size)
		if err != nil {
			t.Fatalf("%s: %v", size, err)
		}
		if len(g.Nodes) != len(n.Nodes) || len(g.Edges) != len(n.Edges) {
			t.Fatalf("%s: %d nodes, %d edges", size, len(g.Nodes), len(g.Edges))
		}
		var total float64
		for _, v := range g.Nodes {
			if math.IsNaN(v.Size) || v.Size < 0 {
				t.Errorf("%s: node %s size %v", size, v.ID, v.Size)
			}
			total += v.Size
		}
		// Eigenvector centrality is undefined on the ledger's acyclic
		// network: every node is drawn the same size.
		if (size == "none" || size == "eigenvector") != (total == 0) {
			t.Errorf("%s: total size %v", size, total)
		}
	}
	if _, err := report.LedgerGraph(n, r, "bogus"); err == nil {
		t.Error("unknown size measure: no error")
	}
	g, _ := report.LedgerGraph(n, nil, "contracts")
	if _, err := plots.NetworkGraph("x", g, plots.Options{Source: "s"}); err != nil {
		t.Error(err)
	}
}

// TestCentralizationByYear checks the yearly and cumulative snapshots: the
// cumulative counts end at the number of dated contracts.
func TestCentralizationByYear(t *testing.T) {
	r0, _ := fixture(t)
	l := r0.Ledger()
	snaps, undated, err := analysis.CentralizationByYear(l, []string{"degree", "betweenness"})
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for i, s := range snaps {
		years += s.Contracts
		if s.CumulativeContracts != years || (i > 0 && s.Year <= snaps[i-1].Year) {
			t.Errorf("snapshot %+v", s)
		}
	}
	if years+undated != len(l.Contracts) {
		t.Errorf("%d dated + %d undated ≠ %d contracts", years, undated, len(l.Contracts))
	}
	last := snaps[len(snaps)-1]
	if undated == 0 {
		r, _ := metrics.Compute(network.BuildLedger(l).Directed(network.ByAmount), nil, metrics.Options{Weighted: true})
		if want := r.Graph.Value("centralization.degree").V; math.Abs(last.Cumulative["degree"]-want) > 1e-12 {
			t.Errorf("last cumulative degree centralization %v, whole ledger %v", last.Cumulative["degree"], want)
		}
	}
	if _, _, err := analysis.CentralizationByYear(l, []string{"bogus"}); err == nil {
		t.Error("unknown measure: no error")
	}
}
