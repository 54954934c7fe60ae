package analysis_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/graphio"
)

// The results of an edge list of one's own: its measures, what needs a
// ledger refused, and the part a drawing shows (all of it here).
func ExampleNewGraphResults() {
	g, err := graphio.ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\nb,c\nc,a\nc,d\n"), "", nil, graphio.EdgeListOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := analysis.NewGraphResults(analysis.GraphInput{Graph: g, Source: "e.csv"}, analysis.ResultsOptions{Seed: 1})
	m, err := r.Measures()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := m.Graph.Get("density")
	fmt.Printf("%d nodes, %d edges, density %.3f\n", m.Graph.Nodes, m.Graph.Edges, d.Value.V)
	_, err = r.Ecosystem()
	fmt.Println(errors.Is(err, analysis.ErrNoLedger))
	fmt.Println(analysis.DrawSubset(g.G, nil, "degree", 0, 0).Whole)
	// Output:
	// 4 nodes, 4 edges, density 0.667
	// true
	// true
}

// A self-loop kept by the reader (graphio.LoopsKeep) counts in the degree
// of the results' measures, as in ecosys metrics: 2 at its node.
func ExampleNewGraphResults_loops() {
	g, err := graphio.ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\nb,c\nc,c\n"), "", nil, graphio.EdgeListOptions{Loops: graphio.LoopsKeep})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := analysis.NewGraphResults(analysis.GraphInput{Graph: g, Source: "e.csv"}, analysis.ResultsOptions{Seed: 1}).Measures()
	if err != nil {
		fmt.Println(err)
		return
	}
	deg := m.Nodes.Column("degree")
	for i, name := range m.Nodes.Names {
		fmt.Println(name, deg[i].V)
	}
	// Output:
	// a 1
	// b 2
	// c 3
}
