package metrics_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// structCheckValue compares a Value with a reference case: a null
// reference value means undefined.
func structCheckValue(t *testing.T, got metrics.Value, c refCase, tol float64) {
	t.Helper()
	if c.Value == nil {
		if got.OK {
			t.Errorf("%s %s = %v, %s gives undefined (%s; %s)", c.Graph, c.Measure, got.V, c.Tool, c.Call, c.Note)
		} else if got.Note == "" || !math.IsNaN(got.V) {
			t.Errorf("%s %s: undefined Value without a note or with V = %v", c.Graph, c.Measure, got.V)
		}
		return
	}
	if !got.OK || !scalar.EqualWithinAbsOrRel(got.V, *c.Value, tol, tol) {
		t.Errorf("%s %s = %+v, %s gives %v (%s)", c.Graph, c.Measure, got, c.Tool, *c.Value, c.Call)
	}
}

func TestDensityReference(t *testing.T) {
	for _, c := range structCases(t, "density") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.Density(g.G), c, 1e-9)
	}
}

func TestComponentsReference(t *testing.T) {
	for _, c := range structCases(t, "weak_component_size") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		checkNodes(t, g, structComponentSize(metrics.WeakComponents(g.G)), c, 0)
	}
	for _, c := range structCases(t, "weak_components") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.Defined(float64(len(metrics.WeakComponents(g.G)))), c, 0)
	}
	for _, c := range structCases(t, "largest_component") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.Defined(float64(metrics.LargestComponent(g.G))), c, 0)
	}
	for _, c := range structCases(t, "strong_component_size") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		checkNodes(t, g, structComponentSize(metrics.StrongComponents(g.G.(graph.Directed))), c, 0)
	}
	for _, c := range structCases(t, "strong_components") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.Defined(float64(len(metrics.StrongComponents(g.G.(graph.Directed))))), c, 0)
	}
}

// structComponentSize maps every node to the size of its component.
func structComponentSize(cc [][]int64) map[int64]float64 {
	out := map[int64]float64{}
	for _, c := range cc {
		for _, id := range c {
			out[id] = float64(len(c))
		}
	}
	return out
}

func TestReciprocityReference(t *testing.T) {
	for _, c := range structCases(t, "reciprocity") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.Reciprocity(g.G.(graph.Directed)), c, 1e-9)
	}
}

func TestStructureHand(t *testing.T) {
	// Density: 0 and 1 node are undefined; two nodes without the edge 0,
	// with it 1 (undirected) or 1/2 (one arc of two possible).
	if d := metrics.Density(structUndirected(0, nil)); d.OK {
		t.Errorf("empty graph density %+v, want undefined", d)
	}
	if d := metrics.Density(structUndirected(1, nil)); d.OK || d.Note == "" {
		t.Errorf("one-node density %+v, want undefined with a note", d)
	}
	for _, tt := range []struct {
		g    graph.Graph
		want float64
	}{
		{structUndirected(2, nil), 0},
		{structUndirected(2, [][2]int64{{0, 1}}), 1},
		{structDirected(2, [][2]int64{{0, 1}}), 0.5},
		{structDirected(2, [][2]int64{{0, 1}, {1, 0}}), 1},
		// Path of 4 nodes: 3 of 6 possible edges.
		{structUndirected(4, [][2]int64{{0, 1}, {1, 2}, {2, 3}}), 0.5},
	} {
		if d := metrics.Density(tt.g); !d.OK || d.V != tt.want {
			t.Errorf("density %+v, want %v", d, tt.want)
		}
	}

	// Reciprocity: no arcs undefined; 0→1, 1→0, 1→2: 2 of 3 arcs
	// reciprocated.
	if r := metrics.Reciprocity(structDirected(3, nil)); r.OK || r.Note == "" {
		t.Errorf("edgeless reciprocity %+v, want undefined", r)
	}
	if r := metrics.Reciprocity(structDirected(3, [][2]int64{{0, 1}, {1, 0}, {1, 2}})); !r.OK || r.V != 2.0/3 {
		t.Errorf("reciprocity %+v, want 2/3", r)
	}

	// Components: the cycle 0→1→2→0 is strongly connected; the arc 3→4
	// joins 3 and 4 weakly, but strongly they are two singletons; 5 and 6
	// are isolates.
	g := structDirected(7, [][2]int64{{0, 1}, {1, 2}, {2, 0}, {3, 4}})
	if got, want := metrics.WeakComponents(g), [][]int64{{0, 1, 2}, {3, 4}, {5}, {6}}; !reflect.DeepEqual(got, want) {
		t.Errorf("weak components %v, want %v", got, want)
	}
	if got, want := metrics.StrongComponents(g), [][]int64{{0, 1, 2}, {3}, {4}, {5}, {6}}; !reflect.DeepEqual(got, want) {
		t.Errorf("strong components %v, want %v", got, want)
	}
	if got := metrics.LargestComponent(g); got != 3 {
		t.Errorf("largest component %d, want 3", got)
	}
	if got := metrics.LargestComponent(structUndirected(0, nil)); got != 0 {
		t.Errorf("largest component of the empty graph %d, want 0", got)
	}
	// Ties in size are ordered by smallest id: {2, 9} before {4, 5}.
	u := structUndirected(10, [][2]int64{{5, 4}, {9, 2}, {0, 1}, {1, 3}, {3, 6}})
	if got, want := metrics.WeakComponents(u), [][]int64{{0, 1, 3, 6}, {2, 9}, {4, 5}, {7}, {8}}; !reflect.DeepEqual(got, want) {
		t.Errorf("weak components %v, want %v", got, want)
	}
}

// The component lists do not depend on the order in which nodes and edges
// were added.
func TestComponentsDeterministic(t *testing.T) {
	edges := [][2]int64{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 3}, {5, 6}, {7, 8}, {8, 3}}
	want := metrics.StrongComponents(structDirected(10, edges))
	wantWeak := metrics.WeakComponents(structDirected(10, edges))
	rnd := rand.New(rand.NewPCG(1, 1))
	for range 20 {
		g := simple.NewDirectedGraph()
		for _, i := range rnd.Perm(10) {
			g.AddNode(simple.Node(i))
		}
		for _, k := range rnd.Perm(len(edges)) {
			g.SetEdge(simple.Edge{F: simple.Node(edges[k][0]), T: simple.Node(edges[k][1])})
		}
		if got := metrics.StrongComponents(g); !reflect.DeepEqual(got, want) {
			t.Fatalf("strong components %v, want %v", got, want)
		}
		if got := metrics.WeakComponents(g); !reflect.DeepEqual(got, wantWeak) {
			t.Fatalf("weak components %v, want %v", got, wantWeak)
		}
	}
}
