package metrics_test

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// pathsExampleKite returns a small undirected graph: a triangle 0-1-2 with
// a tail 2-3-4 and an isolate 5.
func pathsExampleKite() *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range 6 {
		g.AddNode(simple.Node(i))
	}
	for _, e := range [][2]int64{{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e[0]), simple.Node(e[1]), 1))
	}
	return g
}

// pathsPrint prints node scores in id order.
func pathsPrint(name string, m map[int64]float64) {
	fmt.Print(name)
	for _, id := range slices.Sorted(maps.Keys(m)) {
		fmt.Printf(" %d:%.4g", id, m[id])
	}
	fmt.Println()
}

func ExampleShortestPaths() {
	st, err := metrics.ShortestPaths(pathsExampleKite(), metrics.PathOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	pathsPrint("betweenness", st.Betweenness)
	pathsPrint("closeness  ", st.Closeness)
	pathsPrint("harmonic   ", st.Harmonic)
	fmt.Printf("average path length %.4g over %d ordered pairs, diameter %g\n",
		st.AveragePathLength.V, st.ReachablePairs, st.Diameter.V)

	empty, _ := metrics.ShortestPaths(simple.NewUndirectedGraph(), metrics.PathOptions{})
	fmt.Println("empty graph:", empty.Diameter.OK, empty.Diameter.Note)
	// Output:
	// betweenness 0:0 1:0 2:4 3:3 4:0 5:0
	// closeness   0:0.4571 1:0.4571 2:0.64 3:0.5333 4:0.3556 5:0
	// harmonic    0:2.833 1:2.833 2:3.5 3:3 4:2.167 5:0
	// average path length 1.7 over 20 ordered pairs, diameter 3
	// empty graph: false no pair of nodes is connected by a path
}

func ExampleBetweenness() {
	// Directed path 0 → 1 → 2 → 3: node 1 lies on the paths 0→2 and 0→3,
	// node 2 on 0→3 and 1→3.
	g := simple.NewDirectedGraph()
	for i := range int64(3) {
		g.SetEdge(g.NewEdge(simple.Node(i), simple.Node(i+1)))
	}
	b, err := metrics.Betweenness(g, metrics.PathOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	pathsPrint("directed path", b)

	// Weighted: the detour 0-2-1 (1+1) is shorter than the edge 0-1 (3),
	// so node 2 lies between 0 and 1.
	w := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	w.SetWeightedEdge(w.NewWeightedEdge(simple.Node(0), simple.Node(1), 3))
	w.SetWeightedEdge(w.NewWeightedEdge(simple.Node(0), simple.Node(2), 1))
	w.SetWeightedEdge(w.NewWeightedEdge(simple.Node(2), simple.Node(1), 1))
	b, err = metrics.Betweenness(w, metrics.PathOptions{Distances: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	pathsPrint("weighted triangle", b)
	// Output:
	// directed path 0:0 1:2 2:2 3:0
	// weighted triangle 0:0 1:0 2:1
}

func ExampleBetweennessNormalized() {
	b, err := metrics.BetweennessNormalized(pathsExampleKite(), metrics.PathOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Raw values divided by (n-1)(n-2)/2 = 10.
	pathsPrint("normalised", b)
	// Output:
	// normalised 0:0 1:0 2:0.4 3:0.3 4:0 5:0
}

func ExampleCloseness() {
	c, err := metrics.Closeness(pathsExampleKite(), metrics.PathOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Node 2 reaches 4 of the 5 other nodes at total distance 5:
	// (4/5)·(4/5) = 0.64. The isolate 5 reaches nobody: 0.
	fmt.Printf("node 2 %.4g, node 5 %.4g\n", c[2], c[5])
	// Output:
	// node 2 0.64, node 5 0
}

func ExampleHarmonic() {
	h, err := metrics.Harmonic(pathsExampleKite(), metrics.PathOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Node 2: 1/1 + 1/1 + 1/1 + 1/2 = 3.5; raw, not divided by n-1.
	fmt.Printf("node 2 %.4g, divided by n-1: %.4g\n", h[2], h[2]/5)
	// Output:
	// node 2 3.5, divided by n-1: 0.7
}
