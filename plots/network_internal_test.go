package plots

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// longEdgeNet has direct edges from the layer-0 node to layer 2, whose
// end users sort between those of the intermediaries: without dummy
// nodes, the barycenter ordering has nothing to place them by.
func longEdgeNet() Graph {
	return Graph{
		Nodes: []GraphNode{
			{ID: "c", Layer: 0},
			{ID: "m-a", Layer: 1}, {ID: "m-b", Layer: 1},
			{ID: "z-user", Layer: 2}, {ID: "y-user", Layer: 2}, // of m-a
			{ID: "a-user", Layer: 2}, // of m-b
			{ID: "d-direct", Layer: 2}, {ID: "x-direct", Layer: 2},
		},
		Edges: []GraphEdge{
			{From: "c", To: "m-a", Weight: 2, Directed: true}, {From: "c", To: "m-b", Weight: 1, Directed: true},
			{From: "m-a", To: "z-user", Weight: 1, Directed: true}, {From: "m-a", To: "y-user", Weight: 1, Directed: true},
			{From: "m-b", To: "a-user", Weight: 1, Directed: true},
			{From: "c", To: "d-direct", Weight: 1, Directed: true}, {From: "c", To: "x-direct", Weight: 1, Directed: true},
		},
	}
}

// layout lays g out in the layers of its nodes, as LayeredNetwork does.
func layout(g Graph) *netLayout {
	return layoutNet(g, layersOf(g), g.ends())
}

func TestLayoutLongEdgeNoCrossings(t *testing.T) {
	n := longEdgeNet()
	lay := layout(n)
	if x := lay.Crossings(); x != 0 {
		t.Errorf("layout has %d crossings, want 0", x)
	}
	// Two dummies (for c→d-direct and c→x-direct) in layer 1.
	if got := len(lay.layers[1]); got != 4 {
		t.Errorf("layer 1 has %d items, want 2 nodes + 2 dummies", got)
	}
	// Each intermediary sits level with (the middle of) its end users,
	// which are next to each other; long edges run straight.
	if lay.y[1] != (lay.y[3]+lay.y[4])/2 || lay.y[2] != lay.y[5] {
		t.Errorf("intermediaries not level with their end users: y = %v", lay.y)
	}
	if d := lay.y[3] - lay.y[4]; d != 1 && d != -1 {
		t.Errorf("end users of m-a are %v rows apart, want adjacent", d)
	}
	for ei, ch := range lay.chains {
		if len(ch) == 3 && lay.y[ch[1]] != lay.y[ch[2]] {
			t.Errorf("edge %d: dummy at row %v, target at row %v", ei, lay.y[ch[1]], lay.y[ch[2]])
		}
	}
}

// TestLayoutInputOrder checks that shuffling the nodes and edges does
// not change any node's position.
func TestLayoutInputOrder(t *testing.T) {
	posByID := func(n Graph) string {
		lay := layout(n)
		var rows []string
		for i, v := range n.Nodes {
			rows = append(rows, fmt.Sprintf("%s@%d:%g", v.ID, v.Layer, lay.y[i]))
		}
		slices.Sort(rows)
		return strings.Join(rows, " ")
	}
	n := longEdgeNet()
	want := posByID(n)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		perm := r.Perm(len(n.Nodes))
		m := Graph{Nodes: make([]GraphNode, len(n.Nodes)), Edges: slices.Clone(n.Edges)}
		for i, p := range perm {
			m.Nodes[p] = n.Nodes[i]
		}
		r.Shuffle(len(m.Edges), func(i, j int) { m.Edges[i], m.Edges[j] = m.Edges[j], m.Edges[i] })
		if got := posByID(m); got != want {
			t.Fatalf("layout depends on input order:\n got %s\nwant %s", got, want)
		}
	}
}

func TestSpaced(t *testing.T) {
	got := spaced([]float64{0, 0, 0, 5}, []float64{1, 1, 1, 1}, 1)
	want := []float64{-1, 0, 1, 5}
	if !slices.Equal(got, want) {
		t.Errorf("spaced = %v, want %v", got, want)
	}
}

func TestKernRuns(t *testing.T) {
	fs := &fontSet{lang: LangEN}
	sty, err := fs.style("", TickSize, false)
	if err != nil {
		t.Fatal(err)
	}
	f := sty.Handler.Cache().Lookup(sty.Font, sty.Font.Size)
	runs := kernRuns(f, "Technology")
	if len(runs) < 2 || runs[0].s != "T" || !strings.HasPrefix(runs[1].s, "e") {
		t.Fatalf("kernRuns(Technology) = %+v, want a run break after T", runs)
	}
	if want := f.Width("Te") - f.Width("e"); runs[1].x != want {
		t.Errorf("second run at %v, want %v", runs[1].x, want)
	}
	if runs := kernRuns(f, "Bureau"); len(runs) != 1 || runs[0].x != 0 {
		t.Errorf("kernRuns(Bureau) = %+v, want one run", runs)
	}
}

// TestNodeRadii checks nodeRadii against the two forms it stands for: the
// layered drawing's rMax·√f (area ∝ Size, floored) and the force-directed
// drawing's √(r0² + (rMax² − r0²)·f), bit for bit.
func TestNodeRadii(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	nodes := []GraphNode{{Size: 0}, {Size: 1e-300}, {Size: 0.01}, {Size: 1}}
	for range 1000 {
		nodes = append(nodes, GraphNode{Size: r.Float64() * 1e6})
	}
	maxSize := 0.0
	for _, v := range nodes {
		maxSize = max(maxSize, v.Size)
	}
	for _, rMax := range []float64{7, 5.3, 2} {
		rMin := min(2.5, rMax)
		for i, got := range nodeRadii(nodes, 0, vg.Length(rMin), vg.Length(rMax)) {
			if want := max(rMin, rMax*math.Sqrt(nodes[i].Size/maxSize)); float64(got) != want {
				t.Fatalf("r0 = 0, rMax = %v, Size %v: radius %v, want %v", rMax, nodes[i].Size, got, want)
			}
		}
	}
	for i, got := range nodeRadii(nodes, 2.5, 2.5, 8) {
		if want := math.Sqrt(2.5*2.5 + nodes[i].Size/maxSize*(8*8-2.5*2.5)); float64(got) != want {
			t.Fatalf("r0 = 2.5, Size %v: radius %v, want %v", nodes[i].Size, got, want)
		}
	}
	for _, got := range nodeRadii([]GraphNode{{}, {}}, 0, 2.5, 7) {
		if got != 4.75 {
			t.Errorf("all sizes 0: radius %v, want (2.5+7)/2", got)
		}
	}
}
