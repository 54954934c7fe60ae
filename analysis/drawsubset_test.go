package analysis_test

import (
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/analysis"
)

// undirected returns an undirected graph of n nodes with the edges e.
func undirected(n int, e [][2]int64) *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for i := range n {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, x := range e {
		g.SetEdge(g.NewEdge(simple.Node(x[0]), simple.Node(x[1])))
	}
	return g
}

// preferential returns a deterministic preferential-attachment graph of n
// nodes, each new node tied to two earlier ones chosen in proportion to
// their degree (a Barabási–Albert graph with m = 2, drawn from a fixed
// linear congruential sequence).
func preferential(n int) *simple.UndirectedGraph {
	e := [][2]int64{{0, 1}, {1, 2}, {0, 2}}
	ends := []int64{0, 1, 1, 2, 0, 2}
	x := uint64(1)
	next := func() int {
		x = x*6364136223846793005 + 1442695040888963407
		return int(x >> 33)
	}
	for v := int64(3); v < int64(n); v++ {
		a := ends[next()%len(ends)]
		b := a
		for b == a {
			b = ends[next()%len(ends)]
		}
		e = append(e, [2]int64{v, a}, [2]int64{v, b})
		ends = append(ends, v, a, v, b)
	}
	return undirected(n, e)
}

func TestDrawSubset(t *testing.T) {
	// A small network is drawn whole.
	small := undirected(4, [][2]int64{{0, 1}, {1, 2}, {2, 3}})
	if s := analysis.DrawSubset(small, nil, "degree", 0, 0); !s.Whole || len(s.Nodes) != 4 || s.Edges != 3 || s.Note != "" {
		t.Errorf("small network: %+v", s)
	}

	// A clique of 60 on a long path: the 59-core (the clique) is drawn.
	var e [][2]int64
	for i := range int64(60) {
		for j := i + 1; j < 60; j++ {
			e = append(e, [2]int64{i, j})
		}
	}
	for i := int64(60); i < 1000; i++ {
		e = append(e, [2]int64{i - 1, i})
	}
	g := undirected(1000, e)
	s := analysis.DrawSubset(g, nil, "degree", 100, 2000)
	if s.Whole || s.Core != 59 || len(s.Nodes) != 60 || s.Edges != 60*59/2 || !strings.Contains(s.Note, "59-core (60 of 1,000 nodes") {
		t.Errorf("clique on a path: core %d, %d nodes, %d edges, note %q", s.Core, len(s.Nodes), s.Edges, s.Note)
	}

	// A 5,000-node preferential-attachment network: every node is in the
	// 2-core and none in a 3-core, so the top nodes by score are drawn,
	// within both limits.
	ba := preferential(5000)
	score := make([]float64, 5000)
	for it := ba.Nodes(); it.Next(); {
		id := it.Node().ID()
		score[id] = float64(ba.From(id).Len())
	}
	s = analysis.DrawSubset(ba, score, "degree", 0, 0)
	if s.Whole || s.Core != 0 || s.Measure != "degree" || len(s.Nodes) > analysis.DrawNodeLimit || s.Edges > analysis.DrawEdgeLimit || len(s.Nodes) < 2 {
		t.Errorf("preferential attachment: %d nodes, %d edges, core %d, measure %q", len(s.Nodes), s.Edges, s.Core, s.Measure)
	}
	if s.OfNodes != 5000 || !strings.Contains(s.Note, "of highest degree of 5,000") {
		t.Errorf("note %q, of %d nodes", s.Note, s.OfNodes)
	}
	// The nodes drawn are those of highest score: none left out scores
	// more than the lowest drawn, unless it has no tie to the nodes drawn.
	// Every node drawn has a tie to another, and there are at most three
	// edges a node (a drawing, not a hairball).
	drawn := map[int64]bool{}
	low := score[s.Nodes[0]]
	for _, id := range s.Nodes {
		drawn[id] = true
		low = min(low, score[id])
	}
	tiedToDrawn := func(id int64) bool {
		for it := ba.From(id); it.Next(); {
			if drawn[it.Node().ID()] {
				return true
			}
		}
		return false
	}
	for id, x := range score {
		if !drawn[int64(id)] && x > low && tiedToDrawn(int64(id)) {
			t.Fatalf("node %d (score %v) left out, but a node of score %v drawn", id, x, low)
		}
	}
	for _, id := range s.Nodes {
		if !tiedToDrawn(id) {
			t.Errorf("node %d is drawn with no tie to the other nodes drawn", id)
		}
	}
	if s.Edges > 3*len(s.Nodes) {
		t.Errorf("%d edges among %d nodes: more than three a node", s.Edges, len(s.Nodes))
	}
	// The node 0 of the seed triangle has the highest degree.
	if !drawn[0] {
		t.Error("the first hub is not drawn")
	}

	// Too many edges among the top nodes: the number is cut until they
	// fit.
	var dense [][2]int64
	for i := range int64(200) {
		for j := i + 1; j < 200; j++ {
			dense = append(dense, [2]int64{i, j})
		}
	}
	s = analysis.DrawSubset(undirected(200, dense), nil, "degree", 150, 600)
	if s.Edges > 600 || len(s.Nodes) < 2 {
		t.Errorf("dense graph: %d nodes, %d edges", len(s.Nodes), s.Edges)
	}
}
