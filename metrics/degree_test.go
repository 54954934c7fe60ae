package metrics_test

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestDegrees(t *testing.T) {
	// 0 → 1 (w 2), 0 → 2 (w 3), 1 → 2 (w 5), 2 → 2 not allowed in simple
	// graphs; node 3 isolated. Values by hand.
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := 0; i < 4; i++ {
		g.AddNode(simple.Node(i))
	}
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(0), simple.Node(1), 2))
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(0), simple.Node(2), 3))
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(1), simple.Node(2), 5))
	want := map[int64]metrics.Degree{
		0: {In: 0, Out: 2, Total: 2, InStrength: 0, OutStrength: 5, Strength: 5},
		1: {In: 1, Out: 1, Total: 2, InStrength: 2, OutStrength: 5, Strength: 7},
		2: {In: 2, Out: 0, Total: 2, InStrength: 8, OutStrength: 0, Strength: 8},
		3: {},
	}
	got := metrics.Degrees(g)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("weighted: got %v\nwant %v", got, want)
	}
	// Unweighted: strengths equal degrees.
	u := simple.NewDirectedGraph()
	u.SetEdge(u.NewEdge(simple.Node(0), simple.Node(1)))
	if d := metrics.Degrees(u)[1]; d.In != 1 || d.InStrength != 1 || d.Strength != 1 {
		t.Errorf("unweighted: %+v", d)
	}
}

func ExampleDegrees() {
	// A star: a contractor with three clients.
	g := simple.NewDirectedGraph()
	for _, c := range []int64{1, 2, 3} {
		g.SetEdge(g.NewEdge(simple.Node(0), simple.Node(c)))
	}
	d := metrics.Degrees(g)
	fmt.Println(d[0].Out, d[1].In)
	// Output: 3 1
}
