package report_test

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/report"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestCaseGraph checks the data of the case-network figure: organizations
// only, no sanctioning authority, every node tied to another, the Tianjin
// bureau of ledger and cases as one node, edge families as documented;
// and compares the whole drawing input with a golden file (go test
// ./report -run CaseGraph -update rewrites it).
func TestCaseGraph(t *testing.T) {
	r, _ := fixture(t)
	m, err := r.CaseMeta()
	if err != nil {
		t.Fatal(err)
	}
	g, err := report.CaseGraph(m, "betweenness")
	if err != nil {
		t.Fatal(err)
	}
	tied := map[string]bool{}
	families := map[string]int{}
	for _, e := range g.Edges {
		tied[e.From], tied[e.To] = true, true
		families[e.Kind]++
	}
	for _, n := range g.Nodes {
		switch network.Kind(n.Kind) {
		case cases.PersonKind, cases.CaseKind, cases.ForeignGovernment:
			t.Errorf("node %s of kind %s in the organizations view", n.ID, n.Kind)
		}
		if !tied[n.ID] {
			t.Errorf("node %s has no edge", n.ID)
		}
	}
	for _, f := range []string{report.EdgeContract, report.EdgeDirection, report.EdgeShared, report.EdgeHierarchy, report.EdgeCorporate} {
		if families[f] == 0 {
			t.Errorf("no %s edge", f)
		}
	}
	count := 0
	for _, n := range g.Nodes {
		if n.ID == "tianjin-ssb" {
			count++
		}
	}
	if count != 1 {
		t.Errorf("tianjin-ssb appears %d times", count)
	}
	var b strings.Builder
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "node %s %q %s size=%g\n", n.ID, n.Label, n.Kind, n.Size)
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "edge %s > %s %s weight=%g directed=%v\n", e.From, e.To, e.Kind, e.Weight, e.Directed)
	}
	path := filepath.Join("testdata", "case-graph.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != b.String() {
		t.Errorf("case graph differs from %s (run go test ./report -run CaseGraph -update after checking the change)", path)
	}
}

func TestCaseTables(t *testing.T) {
	r0, _ := fixture(t)
	cd := r0.Cases()
	ct := report.CaseTable(cd)
	if len(ct.Rows) != len(cd.Cases) {
		t.Errorf("%d rows for %d cases", len(ct.Rows), len(cd.Cases))
	}
	et := report.EvidenceTable(cd)
	total := 0
	for _, r := range et.Rows {
		var n int
		fmt.Sscan(r[1], &n)
		total += n
	}
	if total != len(cd.Relations) {
		t.Errorf("evidence table counts %d relations, data have %d", total, len(cd.Relations))
	}
}

func TestCaseGraphSizes(t *testing.T) {
	r, _ := fixture(t)
	m, err := r.CaseMeta()
	if err != nil {
		t.Fatal(err)
	}
	g, err := report.CaseGraph(m, "degree")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Nodes {
		// 23 distinct partners: the ledger's 7 intermediaries and 14 direct
		// end users, and in the case data the MSS (r0113, supplier_to) and
		// its parent company anxun-shanghai (r0165, subsidiary_of).
		if n.ID == "isoon" && n.Size != 23 {
			t.Errorf("isoon degree %g, want 23", n.Size)
		}
	}
	for _, size := range report.SizeMeasures {
		if size == "contracts" || size == "strength" {
			continue
		}
		g, err := report.CaseGraph(m, size)
		if err != nil {
			t.Errorf("size %s: %v", size, err)
			continue
		}
		for _, n := range g.Nodes {
			if math.IsNaN(n.Size) || n.Size < 0 {
				t.Errorf("size %s: node %s has size %g", size, n.ID, n.Size)
			}
		}
	}
	if _, err := report.CaseGraph(m, "contracts"); err == nil {
		t.Error("size by contracts accepted for the case network")
	}
	if _, err := report.CaseGraph(m, "nonsense"); err == nil {
		t.Error("unknown size accepted")
	}
}
