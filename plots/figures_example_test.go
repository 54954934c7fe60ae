package plots_test

import (
	"fmt"
	"time"

	"github.com/ecosys-sna/ecosys/plots"
)

const exampleSource = "Source: NIDS Commentary No. 371, Figure 2"

func ExampleNetworkGraph() {
	g := plots.Graph{
		Nodes: []plots.GraphNode{
			{ID: "isoon", Label: "Sichuan Anxun (i-SOON)", Kind: "company", Size: 0},
			{ID: "jietongyi", Label: "Chengdu Jietongyi Technology Co., Ltd.", Kind: "company", Size: 6},
			{ID: "chengdu-psb", Label: "Chengdu Municipal Public Security Bureau", Kind: "psb", Size: 0},
			{ID: "wu", Label: "Wu Haibo", Kind: "person", Size: 1},
		},
		Edges: []plots.GraphEdge{
			{From: "isoon", To: "jietongyi", Weight: 1445000, Directed: true, Kind: "contract"},
			{From: "jietongyi", To: "chengdu-psb", Weight: 1445000, Directed: true, Kind: "contract"},
			{From: "wu", To: "isoon", Weight: 1, Directed: false, Kind: "officer"},
		},
		KindOrder:    []string{"company", "psb", "person"},
		KindLabels:   map[string]string{"company": "Company", "psb": "Public security", "person": "Person"},
		SizeLabel:    "betweenness",
		WeightLabel:  "amount (CNY)",
		WeightAmount: true,              // the key writes 1.45 M, not 1,445,000
		Layout:       plots.LayoutForce, // or LayoutLayered, or LayoutAuto
		Seed:         1,
	}
	f, err := plots.NetworkGraph("Case network", g, plots.Options{Source: exampleSource})
	if err != nil {
		fmt.Println(err)
		return
	}
	// f.Save("case.svg") writes the figure.
	fmt.Printf("%.0f × %.0f mm, %d warnings\n", f.Width/vgMM, f.Height/vgMM, len(f.Warnings))
	// Output: 175 × 120 mm, 0 warnings
}

func ExampleProvinceTileMap() {
	f, err := plots.ProvinceTileMap("Amount by province", []plots.ProvinceValue{
		{Province: "Sichuan", Value: 2714000},
		{Province: "Yunnan", Value: 2069000},
	}, "Amount (CNY)", plots.Options{Source: exampleSource})
	fmt.Println(f != nil, err)
	t, _ := plots.LookupProvince("西藏自治区")
	fmt.Println(t.Code, t.Name, t.Row, t.Col)
	// Output:
	// true <nil>
	// XZ Tibet 3 0
}

func ExampleTimeline() {
	may := time.Date(2018, 5, 1, 0, 0, 0, 0, time.UTC)
	events := []plots.Event{
		{Start: may, End: may.AddDate(0, 1, -1), Amount: 600000, Group: "public_security"}, // May 2018: an interval
		{Start: may.AddDate(0, 0, 16), End: may.AddDate(0, 0, 16), Amount: 30000, Group: "state_security"},
	}
	f, err := plots.Timeline("Contracts over time", events, []string{"public_security", "state_security"},
		map[string][2]string{"public_security": {"Public security", "公安"}, "state_security": {"State security", "安全"}},
		plots.Options{Source: exampleSource})
	fmt.Println(f != nil, err)
	// Output: true <nil>
}

func ExampleCCDF() {
	fmt.Println(plots.CCDF([]int{1, 1, 1, 2, 6}))
	// Output: [[1 1] [2 0.4] [6 0.2]]
}

func ExampleCentralityRanking() {
	f, err := plots.CentralityRanking("Top parties",
		[]plots.Measure{{Label: "Degree"}, {Label: "Betweenness"}},
		[]plots.RankedParty{{ID: "a", Label: "Alpha", Scores: []float64{5, 0}}, {ID: "b", Label: "Bravo", Scores: []float64{2, 4}}},
		10, plots.Options{Source: exampleSource})
	fmt.Println(len(f.Panels[0]), err)
	// Output: 1 <nil>
}

func ExampleNullDistributions() {
	f, err := plots.NullDistributions("Null distribution", []plots.NullDistribution{{
		Statistic: "centralization.degree", Null: "bipartite-gnm",
		Samples: []float64{0.1, 0.2, 0.2, 0.3}, Observed: 0, PUpper: 1, PLower: 0.2,
	}}, plots.Options{Source: exampleSource})
	fmt.Println(f != nil, err)
	// Output: true <nil>
}

func ExampleClaimsChart() {
	f, err := plots.ClaimsChart("Claims checked", []plots.ClaimValue{
		// NIDS Commentary No. 371, §3 ¶6: 18 of the 32 contracts are for
		// public security; the ledger gives 18.
		{ID: "s02", Claimed: 18, Observed: 18, Bound: "exactly", Status: "consistent"},
		// "At least 43 bureaus", against the 12 MPS and MSS end users of
		// one contractor's ledger: a lower bound only.
		{ID: "r1c01", Claimed: 43, Observed: 12, Bound: "at_least", Status: "consistent_as_bound"},
	}, plots.Options{Source: exampleSource})
	fmt.Println(f != nil, err)
	// Output: true <nil>
}
