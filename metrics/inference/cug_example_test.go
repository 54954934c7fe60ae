package inference_test

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// ExampleCUG tests whether a star of 10 organizations is more centralized
// than random graphs with as many nodes and edges, G(10, 9).
func ExampleCUG() {
	g := simple.NewUndirectedGraph()
	for i := int64(1); i < 10; i++ {
		g.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(i)})
	}
	// Freeman degree centralization, Σ(max d − dᵢ)/((n−1)(n−2)).
	centralization := func(g graph.Graph) metrics.Value {
		nodes := graph.NodesOf(g.Nodes())
		n := len(nodes)
		mx, sum := 0, 0
		for _, v := range nodes {
			d := g.From(v.ID()).Len()
			mx = max(mx, d)
			sum += d
		}
		return metrics.Defined(float64(n*mx-sum) / float64((n-1)*(n-2)))
	}
	s, err := null.New(null.GNM, g, null.Options{})
	if err != nil {
		log.Fatal(err)
	}
	res, _, err := inference.CUG(g, "centralization.degree", centralization, s,
		inference.CUGOptions{Samples: 999, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s under %s: observed %.2f, p_upper = %.3f (R = %d), constant: %v\n",
		res.Statistic, res.Null, res.Observed, res.PUpper, res.Samples, res.Constant)
	// Output:
	// centralization.degree under gnm: observed 1.00, p_upper = 0.001 (R = 999), constant: false
}
