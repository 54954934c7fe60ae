package metrics_test

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// structExampleGraph is the path 0-1-2 with a triangle 2-3-4 attached, and
// the isolate 5.
func structExampleGraph() *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for i := range 6 {
		g.AddNode(simple.Node(i))
	}
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {2, 4}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	return g
}

// structExamplePrint prints node scores in id order.
func structExamplePrint(m map[int64]float64) {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Printf("%d: %.4f\n", id, m[id])
	}
}

func ExampleConstraint() {
	// Node 1 bridges 0 and 2 (constraint 1/2); node 2 bridges 1 to the
	// triangle but is constrained by its two tied contacts 3 and 4, which
	// are the most constrained. The isolate 5 gets 0, the documented value
	// for an undefined constraint.
	structExamplePrint(metrics.Constraint(structExampleGraph(), false))
	// Output:
	// 0: 1.0000
	// 1: 0.5000
	// 2: 0.6111
	// 3: 1.0069
	// 4: 1.0069
	// 5: 0.0000
}

func ExampleEffectiveSize() {
	// Node 2 has three contacts, two of them tied: 3 − 2·1/3 = 2.33.
	structExamplePrint(metrics.EffectiveSize(structExampleGraph(), false))
	// Output:
	// 0: 1.0000
	// 1: 2.0000
	// 2: 2.3333
	// 3: 1.0000
	// 4: 1.0000
	// 5: 0.0000
}

func ExampleBrokerage() {
	// A request of firm 0 enters a bureau through its member 1, who is a
	// gatekeeper (outsider → own group); bureau member 2 passes it on to
	// firm 3 and is a representative (own group → outsider).
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {2, 3}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	group := map[int64]string{0: "firm", 1: "bureau", 2: "bureau", 3: "firm"}
	roles := metrics.Brokerage(g, group)
	for id := range int64(4) {
		fmt.Printf("%d: %+v\n", id, roles[id])
	}
	// Output:
	// 0: {Coordinator:0 Itinerant:0 Representative:0 Gatekeeper:0 Liaison:0 Total:0}
	// 1: {Coordinator:0 Itinerant:0 Representative:0 Gatekeeper:1 Liaison:0 Total:1}
	// 2: {Coordinator:0 Itinerant:0 Representative:1 Gatekeeper:0 Liaison:0 Total:1}
	// 3: {Coordinator:0 Itinerant:0 Representative:0 Gatekeeper:0 Liaison:0 Total:0}
}

func ExampleDensity() {
	// 5 of 15 possible edges.
	fmt.Printf("%.4f\n", metrics.Density(structExampleGraph()).V)
	d := metrics.Density(simple.NewUndirectedGraph())
	fmt.Println(d.OK, d.Note)
	// Output:
	// 0.3333
	// false metrics: density is undefined for a graph with fewer than two nodes
}

func ExampleWeakComponents() {
	g := structExampleGraph()
	fmt.Println(metrics.WeakComponents(g))
	fmt.Println(metrics.LargestComponent(g), "of", g.Nodes().Len(), "nodes")
	// Output:
	// [[0 1 2 3 4] [5]]
	// 5 of 6 nodes
}

func ExampleLargestComponent() {
	fmt.Println(metrics.LargestComponent(structExampleGraph()))
	// Output:
	// 5
}

func ExampleStrongComponents() {
	// 0→1→2→0 is a cycle; 3 is reached from it but does not reach back.
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {2, 0}, {2, 3}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	fmt.Println(metrics.StrongComponents(g))
	// Output:
	// [[0 1 2] [3]]
}

func ExampleReciprocity() {
	// Arcs 0→1, 1→0 and 1→2: two of three arcs are reciprocated.
	g := simple.NewDirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 0}, {1, 2}} {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	fmt.Printf("%.4f\n", metrics.Reciprocity(g).V)
	// Output:
	// 0.6667
}

func ExampleDegreeAssortativity() {
	// A star: hubs tie to leaves only.
	g := simple.NewUndirectedGraph()
	for i := range int64(4) {
		g.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(i + 1)})
	}
	fmt.Println(metrics.DegreeAssortativity(g).V)
	// A triangle is regular: the coefficient is undefined.
	r := metrics.DegreeAssortativity(structUndirected(3, [][2]int64{{0, 1}, {1, 2}, {0, 2}}))
	fmt.Println(r.OK, math.IsNaN(r.V))
	// Output:
	// -1
	// false true
}

func ExampleAttributeAssortativity() {
	// Path 0-1-2-3: two ties within a group, one across.
	g := structUndirected(4, [][2]int64{{0, 1}, {1, 2}, {2, 3}})
	sector := map[int64]string{0: "public", 1: "public", 2: "private", 3: "private"}
	fmt.Printf("%.4f\n", metrics.AttributeAssortativity(g, sector).V)
	// Output:
	// 0.3333
}
