package metrics_test

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// specPaw is a triangle 0–1–2 with a pendant node 3 on node 0.
func specPaw() *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {0, 2}, {0, 3}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	return g
}

func ExampleEigenvector() {
	// NetworkX 2.8.8 eigenvector_centrality, divided by its maximum, gives
	// the same values.
	x, err := metrics.Eigenvector(specPaw(), metrics.IterOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for id := int64(0); id < 4; id++ {
		fmt.Printf("%d %.4f\n", id, x[id])
	}
	// Output:
	// 0 1.0000
	// 1 0.8546
	// 2 0.8546
	// 3 0.4608
}

func ExamplePageRank() {
	// 0→1, 1→2, 2→0, 2→1: node 1 receives from two nodes.
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 1}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	// NetworkX 2.8.8 pagerank(G, alpha=0.85) gives the same values.
	pr, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for id := int64(0); id < 3; id++ {
		fmt.Printf("%d %.4f\n", id, pr[id])
	}
	// Output:
	// 0 0.2148
	// 1 0.3974
	// 2 0.3878
}

func ExampleHITS() {
	// Two hubs 0 and 1 point to authorities 2 and 3; 1 points to both.
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 2}, {1, 2}, {1, 3}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	h, a, err := metrics.HITS(g, metrics.IterOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for id := int64(0); id < 4; id++ {
		fmt.Printf("%d hub %.4f authority %.4f\n", id, h[id], a[id])
	}
	// Output:
	// 0 hub 0.6180 authority 0.0000
	// 1 hub 1.0000 authority 0.0000
	// 2 hub 0.0000 authority 1.0000
	// 3 hub 0.0000 authority 0.6180
}

func ExampleCoreNumber() {
	core := metrics.CoreNumber(specPaw())
	for id := int64(0); id < 4; id++ {
		fmt.Println(id, core[id])
	}
	// Output:
	// 0 2
	// 1 2
	// 2 2
	// 3 1
}

func ExampleClustering() {
	c := metrics.Clustering(specPaw())
	for id := int64(0); id < 4; id++ {
		fmt.Printf("%d %.4f\n", id, c[id])
	}
	// Output:
	// 0 0.3333
	// 1 1.0000
	// 2 1.0000
	// 3 0.0000
}

func ExampleTransitivity() {
	fmt.Println(metrics.Transitivity(specPaw()).V)
	single := simple.NewUndirectedGraph()
	single.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(1)})
	t := metrics.Transitivity(single)
	fmt.Println(t.OK, t.Note)
	// Output:
	// 0.6
	// false no connected triple (no node has two neighbours)
}

func ExampleLouvain() {
	// Two triangles joined by the edge 2–3.
	g := simple.NewUndirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	p, err := metrics.Louvain(g, 1, rand.NewPCG(1, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Communities)
	fmt.Printf("Q = %.4f\n", p.Q.V)
	// Output:
	// [[0 1 2] [3 4 5]]
	// Q = 0.3571
}

func ExampleModularity() {
	// The paw split into the triangle and the pendant: m = 4,
	// Q = (3/4 − (7/8)²) + (0 − (1/8)²) = −0.03125.
	q, err := metrics.Modularity(specPaw(), map[int64]int{0: 0, 1: 0, 2: 0, 3: 1}, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.V)
	// Output:
	// -0.03125
}
