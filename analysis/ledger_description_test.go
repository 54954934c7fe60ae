package analysis_test

import (
	"bytes"
	"encoding/json"
	"strings"
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

// TestDescribeLedger checks the description of a small ledger whose
// numbers are counted by hand: 6 contracts of one contractor with 4 end
// users; 3 contracts through 2 intermediaries, one of which signs for two
// end users.
func TestDescribeLedger(t *testing.T) {
	csv := "row,contractor_id,signatory_id,end_user_id,amount_cny\n" +
		"1,firm,broker-a,bureau-1,100\n2,firm,broker-a,bureau-2,100\n3,firm,broker-b,bureau-3,50\n" +
		"4,firm,,bureau-1,250\n5,firm,,bureau-4,400\n6,firm,,bureau-4,100\n"
	l, err := network.ReadLedger("small.csv", strings.NewReader(csv), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := analysis.DescribeLedger(l, analysis.DescribeOptions{Samples: 99, Seed: 2, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if d.Contracts != 6 || d.EndUsers != 4 || d.Intermediaries != 2 || d.IntermediatedContracts != 3 || len(d.Contractors) != 1 {
		t.Errorf("counts %+v", d)
	}
	byStat := map[string]analysis.DescriptionRow{}
	for _, r := range d.Rows {
		byStat[r.Statistic] = r
	}
	if byStat["end_users_per_intermediary.max"].Value != 2 || byStat["intermediaries_per_end_user.max"].Value != 1 {
		t.Errorf("intermediary counts %+v", d.Rows)
	}
	// End users receive 350, 100, 50 and 500 of 1,000: the largest 0.5.
	if r := byStat["end_users.top1_share"]; r.Value != 0.5 || r.Interval == nil || r.Missing == nil {
		t.Errorf("top share %+v", r)
	}
	facts := strings.Join(d.Facts, "\n")
	for _, want := range []string{"1 of the 2 intermediaries signs for more than one end user, up to 2", "no end user uses more than one intermediary", "receives 50.0% of the amount"} {
		if !strings.Contains(facts, want) {
			t.Errorf("facts lack %q:\n%s", want, facts)
		}
	}
	if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, "out-tree by construction") || !strings.Contains(notes, "described, not tested") {
		t.Errorf("notes %v", d.Notes)
	}
	// The same seed gives the same description with other worker counts.
	a, _ := json.Marshal(d)
	w, _ := analysis.DescribeLedger(l, analysis.DescribeOptions{Samples: 99, Seed: 2, Workers: 3})
	if b, _ := json.Marshal(w); !bytes.Equal(a, b) {
		t.Error("description depends on the number of workers")
	}
	tab := analysis.DescriptionTable(d)
	if len(tab.Rows) != len(d.Rows) || len(tab.Rows[0]) != len(tab.Header) {
		t.Errorf("table %v", tab)
	}
	// Two contractors: no out-tree note.
	l2, _ := network.ReadLedger("two.csv", strings.NewReader(csv+"7,other,,bureau-1,10\n"), "", nil)
	d2, err := analysis.DescribeLedger(l2, analysis.DescribeOptions{Samples: 19})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(d2.Notes, " "), "out-tree") || len(d2.Contractors) != 2 {
		t.Errorf("two contractors: %v %v", d2.Contractors, d2.Notes)
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
