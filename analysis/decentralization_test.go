package analysis_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
)

func ledger(t *testing.T) *network.Ledger {
	t.Helper()
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger", bytes.NewReader(lb), "isoon-entities", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestDecentralization(t *testing.T) {
	l := ledger(t)
	v, err := analysis.Decentralization(l, analysis.Options{Samples: 199, BootSamples: 99, Seed: 1, Workers: 1, Population: analysis.UnobservedTarget})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Rows) != 5 || v.Unobserved != 22 { // 21 observed end users, topped up to 43
		t.Fatalf("%d rows, %d unobserved", len(v.Rows), v.Unobserved)
	}
	byStat := map[string]analysis.Row{}
	for _, r := range v.Rows {
		byStat[r.Statistic] = r
	}
	// The 14 intermediated contracts join 7 intermediaries to 7 bureaus one
	// to one (network golden file): 7 clusters of 2 among 14 parties.
	if r := byStat["largest_component_share"]; r.Observed != 2.0/14 || r.Test == nil || r.Test.PLower != 1.0/200 {
		t.Errorf("largest component share %+v %+v", r, r.Test)
	}
	// Amounts into end users: Chengdu PSB has 2,620,000 of 8,270,500 CNY
	// (metrics/tabulate_test.go).
	if r := byStat["end_users.top1_share"]; r.Observed != 2620000.0/8270500 || r.Test != nil {
		t.Errorf("top share %+v", r)
	}
	// The same seed gives the same table with other worker counts.
	a, _ := json.Marshal(v)
	w, err := analysis.Decentralization(l, analysis.Options{Samples: 199, BootSamples: 99, Seed: 1, Workers: 3, Population: analysis.UnobservedTarget})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(w)
	if !bytes.Equal(a, b) {
		t.Error("verdict depends on the number of workers")
	}
	// Without a population there is no unobserved scenario.
	u, err := analysis.Decentralization(l, analysis.Options{Samples: 19, BootSamples: 19, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if ut := analysis.VerdictTable(u); u.Unobserved != 0 || ut.Header[8] != "unobserved_+0" || ut.Rows[0][8] != "—" {
		t.Errorf("no population: unobserved %d, %s %s", u.Unobserved, ut.Header[8], ut.Rows[0][8])
	}
	tab := analysis.VerdictTable(v)
	if len(tab.Rows) != 5 || len(tab.Rows[0]) != len(tab.Header) {
		t.Errorf("table %v", tab)
	}
}

func TestCompareAndSensitivity(t *testing.T) {
	l := ledger(t)
	r, err := analysis.Compare(l, network.DimYear, "2017", "2018", "end_users.hhi", inference.CUGOptions{Samples: 199, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// 11 contracts in 2017, 19 in 2018 (metrics/tabulate_test.go).
	if r.SizeA != 11 || r.SizeB != 19 || r.PTwoSided <= 0 || r.PTwoSided > 1 {
		t.Errorf("compare %+v", r)
	}
	if _, err := analysis.Compare(l, network.DimYear, "2017", "1999", "end_users.hhi", inference.CUGOptions{Samples: 9, Seed: 1}); err == nil {
		t.Error("empty group accepted")
	}
	pts, err := analysis.Sensitivity(l, "end_users.hhi", analysis.RemoveContracts, []float64{0, 0.25}, inference.BootOptions{Samples: 99, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing removed: every replicate is the observed HHI.
	obs, _ := analysis.LedgerStatistic("end_users.hhi")
	want := obs(network.BuildLedger(l).Directed(network.ByAmount)).V
	if pts[0].Mean != want || pts[0].Lower != want || pts[1].Lower > pts[1].Upper {
		t.Errorf("sensitivity %+v, observed %v", pts, want)
	}
	if _, err := analysis.Sensitivity(l, "end_users.hhi", "rows", []float64{0.1}, inference.BootOptions{Samples: 9}); err == nil {
		t.Error("unknown removal accepted")
	}
}
