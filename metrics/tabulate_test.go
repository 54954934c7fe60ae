package metrics_test

import (
	"testing"

	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

func embeddedLedger(t testing.TB) *network.Ledger {
	t.Helper()
	c, _ := datasets.Open(datasets.Ledger)
	defer c.Close()
	e, _ := datasets.Open(datasets.Entities)
	defer e.Close()
	l, err := network.ReadLedger("isoon-ledger.csv", c, "isoon-entities.csv", e)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func tabulate(t *testing.T, l *network.Ledger, d network.Dimension) metrics.Tally {
	t.Helper()
	g, err := l.GroupBy(d)
	if err != nil {
		t.Fatal(err)
	}
	return metrics.Tabulate(g)
}

// TestClientTypes checks the breakdown of Figure 2 by client direction. The
// paper (NIDS Commentary No. 371, text beside Figure 2) counts 18 of 32
// contracts as public security; the amounts are sums of the printed cells
// (rows listed in the comments), added independently of the code.
func TestClientTypes(t *testing.T) {
	tally := tabulate(t, embeddedLedger(t), network.DimClientType)
	want := []struct {
		key       string
		contracts int
		amount    string
	}{
		// rows 1,2,5,6,7,9,11,14,15,16,19,21,22,27,28,29,30,31
		{"public_security", 18, "5439000.00"},
		// rows 4,12,18,20,23,24,32
		{"state_security", 7, "1095000.00"},
		// rows 3,8,13,17,26
		{"enterprise", 5, "1042500.00"},
		// row 25 (client direction not printed)
		{"unknown", 1, "600000.00"},
		// row 10
		{"government", 1, "94000.00"},
	}
	if len(tally.Groups) != len(want) {
		t.Fatalf("%d groups, want %d: %+v", len(tally.Groups), len(want), tally.Groups)
	}
	for i, w := range want {
		g := tally.Groups[i]
		if g.Key != w.key || g.Contracts != w.contracts || metrics.FormatFen(g.AmountFen) != w.amount {
			t.Errorf("group %d = %s %d %s, want %s %d %s", i, g.Key, g.Contracts, metrics.FormatFen(g.AmountFen), w.key, w.contracts, w.amount)
		}
	}
	if tally.TotalContracts != 32 || metrics.FormatFen(tally.TotalFen) != "8270500.00" {
		t.Errorf("totals %d, %s; want 32, 8270500.00", tally.TotalContracts, metrics.FormatFen(tally.TotalFen))
	}
	var share float64
	for _, g := range tally.Groups {
		share += g.ShareAmount
	}
	if share < 0.999999 || share > 1.000001 {
		t.Errorf("amount shares sum to %v", share)
	}
}

func TestOtherDimensions(t *testing.T) {
	l := embeddedLedger(t)
	for _, tt := range []struct {
		dim       network.Dimension
		key       string
		contracts int
		amount    string
	}{
		{network.DimYear, "2016", 2, "550000.00"},             // rows 1, 2
		{network.DimYear, "2017", 11, "3459500.00"},           // rows 3-13
		{network.DimYear, "2018", 19, "4261000.00"},           // rows 14-32 (row 18 read as January 2018, note T21)
		{network.DimMinistry, "MPS", 16, "5349000.00"},        // rows 1,2,5,6,7,9,14,15,16,19,22,27,28,29,30,31: the 18 公安 rows less 11 (an MSS end user) and 21 (a company)
		{network.DimMinistry, "MSS", 5, "665000.00"},          // rows 4, 11, 20, 23, 24
		{network.DimLevel, "county", 2, "430000.00"},          // rows 19, 31
		{network.DimLevel, "district", 1, "116000.00"},        // row 30
		{network.DimProvince, "Yunnan", 9, "2069000.00"},      // rows 9,12,18,19,22,23,30,31,32
		{network.DimDirect, "intermediary", 14, "3735000.00"}, // rows 1,2,4,5,11,14,15,16,20,24,26,27,28,29
		{network.DimEndUser, "chengdu-psb", 6, "2620000.00"},  // rows 1,2,5,14,15,16
	} {
		g, ok := tabulate(t, l, tt.dim).Group(tt.key)
		if !ok || g.Contracts != tt.contracts || metrics.FormatFen(g.AmountFen) != tt.amount {
			t.Errorf("%s %s = %d, %s; want %d, %s", tt.dim, tt.key, g.Contracts, metrics.FormatFen(g.AmountFen), tt.contracts, tt.amount)
		}
	}
}
