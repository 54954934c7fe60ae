package metrics_test

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

func ExampleCentralize() {
	// Raw Freeman betweenness of the path 0-1-2-3 (pairs counted once):
	// 1 lies on 0–2 and 0–3, 2 on 1–3 and 0–3.
	b := map[int64]float64{0: 0, 1: 2, 2: 2, 3: 0}
	c := metrics.Centralize(b, metrics.MaxBetweenness(4, false))
	fmt.Printf("betweenness centralization %.4f (max %v)\n", c.Value.V, c.Max)

	// A centralization is never a silent NaN: with two nodes the
	// maximum is 0 and the index undefined.
	u := metrics.Centralize(map[int64]float64{0: 0, 1: 0}, metrics.MaxBetweenness(2, false))
	fmt.Println(u.Value.OK, u.Value.Note)
	// Output:
	// betweenness centralization 0.4444 (max 9)
	// false theoretical maximum is 0: the index is 0/0 for this graph size
}

func ExampleMaxCloseness() {
	// Wasserman–Faust closeness of a 10-node out-star on out-distances:
	// the centre reaches all at distance 1, the leaves reach nobody.
	c := map[int64]float64{0: 1}
	for i := int64(1); i < 10; i++ {
		c[i] = 0
	}
	fmt.Println(metrics.Centralize(c, metrics.MaxCloseness(10, true)).Value.V)
	// sna divides by (n−1)(1−1/n) = 8.1 instead of 9, and reports 1.111.
	fmt.Printf("%.3f\n", 9/(9*(1-1/10.0)))
	// Output:
	// 1
	// 1.111
}

func ExampleDegreeCentralization() {
	// A star of 5 nodes and the same star with one extra edge between
	// two leaves.
	g := simple.NewUndirectedGraph()
	for i := int64(1); i < 5; i++ {
		g.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(i)})
	}
	fmt.Println(metrics.DegreeCentralization(g, metrics.DegreeUndirected).Value.V)
	g.SetEdge(simple.Edge{F: simple.Node(1), T: simple.Node(2)})
	c := metrics.DegreeCentralization(g, metrics.DegreeUndirected)
	fmt.Printf("%.4f = %v/%v\n", c.Value.V, c.Value.V*c.Max, c.Max)
	// Output:
	// 1
	// 0.8333 = 10/12
}

func ExampleValuedDegreeCentralization() {
	// Contract amounts from three contractors to one bureau, and one
	// between two contractors: 90 of the total 100 go through node 0.
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for _, e := range []simple.WeightedEdge{
		{F: simple.Node(0), T: simple.Node(1), W: 60},
		{F: simple.Node(0), T: simple.Node(2), W: 20},
		{F: simple.Node(0), T: simple.Node(3), W: 10},
		{F: simple.Node(2), T: simple.Node(3), W: 10},
	} {
		g.SetWeightedEdge(e)
	}
	c := metrics.ValuedDegreeCentralization(g, metrics.DegreeUndirected)
	// strengths 90, 60, 30, 20: Σ(90 − s) = 160; max (n−2)·W = 200.
	fmt.Printf("%.2f (max %v)\n", c.Value.V, c.Max)
	// Output:
	// 0.80 (max 200)
}

func ExampleKrackhardtHierarchy() {
	// A binary out-tree of 7 nodes, then the same tree with an arc from
	// the leaf 3 back to the root.
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	h := metrics.KrackhardtHierarchy(g)
	fmt.Println(h.Connectedness.V, h.Hierarchy.V, h.Efficiency.V, h.LUBness.V)
	g.SetEdge(simple.Edge{F: simple.Node(3), T: simple.Node(0)})
	h = metrics.KrackhardtHierarchy(g)
	fmt.Printf("%.3f %.3f %.3f %.3f\n", h.Connectedness.V, h.Hierarchy.V, h.Efficiency.V, h.LUBness.V)
	// Output:
	// 1 1 1 1
	// 1.000 0.824 0.972 1.000
}

func ExampleGini() {
	// Contract amounts (in 10 000 yuan) by end user.
	// Sorted 5, 15, 30, 30, 120 (sum 200): Gini = 2·Σ i·x_(i)/(n·Σx) − (n+1)/n
	// = 2·845/1000 − 1.2.
	x := []float64{120, 30, 30, 15, 5}
	fmt.Printf("Gini %.3f\n", metrics.Gini(x).V)
	fmt.Printf("HHI %.3f, normalized %.3f\n", metrics.HHI(x).V, metrics.NormalizedHHI(x).V)
	fmt.Printf("Theil %.3f (max ln 5 = %.3f)\n", metrics.Theil(x).V, math.Log(5))
	fmt.Printf("entropy %.3f\n", metrics.Entropy(x).V)
	fmt.Printf("top-1 share %.2f\n", metrics.TopShare(x, 1).V)
	fmt.Println(metrics.Gini([]float64{0, 0}).Note)
	// Output:
	// Gini 0.490
	// HHI 0.411, normalized 0.264
	// Theil 0.447 (max ln 5 = 1.609)
	// entropy 0.722
	// top-1 share 0.60
	// all values are zero: shares are 0/0
}

func ExampleLorenz() {
	for _, p := range metrics.Lorenz([]float64{120, 30, 30, 15, 5}) {
		fmt.Printf("%.1f %.3f\n", p.Population, p.Share)
	}
	// Output:
	// 0.0 0.000
	// 0.2 0.025
	// 0.4 0.100
	// 0.6 0.250
	// 0.8 0.400
	// 1.0 1.000
}

func ExampleTwoModeDegreeCentralization() {
	// Three contractors (mode 0: ids 0-2) and four bureaus (mode 1: ids
	// 3-6). Contractor 0 works for every bureau, the others for one each:
	// Borgatti and Everett's most centralized mode 0.
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for _, e := range []simple.WeightedEdge{
		{F: simple.Node(0), T: simple.Node(3), W: 5}, {F: simple.Node(0), T: simple.Node(4), W: 5},
		{F: simple.Node(0), T: simple.Node(5), W: 5}, {F: simple.Node(0), T: simple.Node(6), W: 5},
		{F: simple.Node(1), T: simple.Node(3), W: 40}, {F: simple.Node(2), T: simple.Node(3), W: 40},
	} {
		g.SetWeightedEdge(e)
	}
	mode := func(id int64) int {
		if id < 3 {
			return 0
		}
		return 1
	}
	bin, err := metrics.TwoModeDegreeCentralization(g, mode)
	if err != nil {
		fmt.Println(err)
		return
	}
	val, err := metrics.TwoModeValuedDegreeCentralization(g, mode)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("binary: contractors %.3f, bureaus %.3f\n", bin.Mode0.Value.V, bin.Mode1.Value.V)
	// Amounts: contractors 20, 40, 40 of W = 100: Σ(40 − s) = 20 over
	// (3−1)·100; bureaus 85, 5, 5, 5: Σ = 240 over (4−1)·100.
	fmt.Printf("valued: contractors %.3f, bureaus %.3f\n", val.Mode0.Value.V, val.Mode1.Value.V)
	// Output:
	// binary: contractors 1.000, bureaus 1.000
	// valued: contractors 0.100, bureaus 0.800
}
