package plots_test

import (
	"fmt"

	"github.com/ecosys-sna/ecosys/plots"
)

func ExampleContractsByCategory() {
	cats := []plots.Category{
		{Label: "Public security", LabelZH: "公安", Count: 18, Amount: 5989000},
		{Label: "State security", LabelZH: "安全", Count: 7, Amount: 1095000},
	}
	f, err := plots.ContractsByCategory("Contracts by client type", cats,
		plots.Options{Source: "Source: NIDS Commentary No. 371, Figure 2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	// f.Save("clients.svg") writes the figure.
	fmt.Printf("%d panels, %.0f × %.0f mm, warnings: %d\n",
		len(f.Panels[0]), f.Width/vgMM, f.Height/vgMM, len(f.Warnings))
	// Output: 2 panels, 85 × 65 mm, warnings: 0
}

func ExampleLayeredNetwork() {
	n := plots.Graph{
		Nodes: []plots.GraphNode{
			{ID: "isoon", Label: "Sichuan Anxun (i-SOON)", Kind: "company", Layer: 0},
			{ID: "jietongyi", Label: "Chengdu Jietongyi Technology Co., Ltd.", Kind: "company", Layer: 1},
			{ID: "chengdu-psb", Label: "Chengdu Municipal Public Security Bureau", Kind: "psb", Layer: 2, Size: 1},
		},
		Edges: []plots.GraphEdge{
			{From: "isoon", To: "jietongyi", Weight: 1, Directed: true},
			{From: "jietongyi", To: "chengdu-psb", Weight: 1, Directed: true},
		},
		KindOrder:  []string{"company", "psb"},
		KindLabels: map[string]string{"company": "Company", "psb": "Public security"},
	}
	f, err := plots.LayeredNetwork("Contract network", n,
		plots.Options{Source: "Source: NIDS Commentary No. 371, Figure 2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.0f mm wide\n", f.Width/vgMM)
	_, err = plots.LayeredNetwork("bad", plots.Graph{Nodes: n.Nodes, Edges: []plots.GraphEdge{{From: "isoon", To: "nowhere"}}},
		plots.Options{Source: "s"})
	fmt.Println(err)
	// Output:
	// 175 mm wide
	// plots: edge 0 (isoon→nowhere) names a missing node
}

func ExampleParseLang() {
	l, err := plots.ParseLang("both")
	fmt.Println(l, err)
	// Output: both <nil>
}

const vgMM = 72 / 25.4
