package null

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// TestTriangleReversalNeeded shows that trades alone do not connect the
// digraphs with a given degree sequence: from the directed triangle
// 0→1→2→0, alone or with a node 3 tied both ways to each of 0, 1 and 2,
// trades never reach the reversed triangle, while trades with triangle
// reversals reach it in about half of the samples.
func TestTriangleReversalNeeded(t *testing.T) {
	for _, arcs := range [][][2]int64{
		{{0, 1}, {1, 2}, {2, 0}},
		{{0, 1}, {1, 2}, {2, 0}, {0, 3}, {3, 0}, {1, 3}, {3, 1}, {2, 3}, {3, 2}},
	} {
		g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		for _, a := range arcs {
			g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(a[0]), T: simple.Node(a[1]), W: 1})
		}
		s, err := New(Degree, g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		cb := s.(*curveball)
		reversed := func(h graph.Graph) bool { return h.(graph.Directed).HasEdgeFromTo(1, 0) }
		for _, tri := range []bool{false, true} {
			cb.noTriangles = !tri
			src := rand.NewPCG(1, 1)
			n := 0
			for range 2000 {
				h, _ := s.Sample(src)
				if reversed(h) {
					n++
				}
			}
			switch {
			case !tri && n > 0:
				t.Errorf("%v: trades alone reversed the triangle %d times", arcs, n)
			case tri && (n < 500 || n > 1500):
				t.Errorf("%v: triangle reversed in %d of 2000 samples", arcs, n)
			}
		}
	}
}

// TestGNMTooDense checks the error for more edges than pairs, which no
// simple graph can reach through New.
func TestGNMTooDense(t *testing.T) {
	obs := &observed{ids: []int64{0, 1, 2}, edges: make([]edge, 4)}
	if _, err := newGNM(obs); err == nil || !strings.HasPrefix(err.Error(), "null: ") {
		t.Errorf("4 edges on 3 nodes: got %v, want an error", err)
	}
	obs.directed = true
	if _, err := newGNM(obs); err != nil {
		t.Errorf("4 arcs on 3 nodes: %v", err)
	}
	obs.edges = make([]edge, 7)
	if _, err := newGNM(obs); err == nil {
		t.Error("7 arcs on 3 nodes: no error")
	}
}

// TestDecode checks that the pair indices 0..N-1 decode to all N pairs,
// each once, with u < v when undirected and u ≠ v when directed.
func TestDecode(t *testing.T) {
	for _, directed := range []bool{false, true} {
		for n := 2; n <= 70; n++ {
			ids := make([]int64, n)
			s, err := newGNM(&observed{ids: ids, directed: directed})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[edge]bool{}
			for k := range s.pairs {
				e := s.decode(k, int32(n))
				if e.U < 0 || e.V < 0 || e.U >= int32(n) || e.V >= int32(n) || e.U == e.V || (!directed && e.U > e.V) || seen[e] {
					t.Fatalf("n=%d directed=%v: index %d decodes to %v", n, directed, k, e)
				}
				seen[e] = true
			}
		}
	}
	// Large n, where float rounding in the square root matters: decode
	// must invert the encoding k = v(v−1)/2 + u (u < v).
	const n = 3_000_000
	s, _ := newGNM(&observed{ids: make([]int64, n)})
	rng := rand.New(rand.NewPCG(1, 1))
	for range 100000 {
		v := 1 + rng.Int64N(n-1)
		u := rng.Int64N(v)
		if e := s.decode(v*(v-1)/2+u, n); e != (edge{U: int32(u), V: int32(v)}) {
			t.Fatalf("decode(encode(%d, %d)) = %v", u, v, e)
		}
	}
	for _, k := range []int64{0, 1, 2, s.pairs - 2, s.pairs - 1} {
		e := s.decode(k, n)
		if int64(e.V)*(int64(e.V)-1)/2+int64(e.U) != k {
			t.Errorf("index %d decodes to %v", k, e)
		}
	}
}

// TestUndirectedTwins runs trades on a skewed random graph and checks,
// after each, the invariants tradeUndirected relies on: every entry's twin
// points back to it and holds its owner, no list holds a self-loop or a
// node twice, and every degree is kept. One run starts next to the wrap
// of the epoch counter.
func TestUndirectedTwins(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	g := simple.NewUndirectedGraph()
	const n = 60
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for v := 1; v < n; v++ { // preferential attachment: hubs and leaves
		for range 1 + v%3 {
			u := rng.IntN(v)
			if u%4 == 0 {
				u = 0
			}
			g.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
		}
	}
	s, err := New(Degree, g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cb := s.(*curveball)
	for _, epoch := range []uint32{0, math.MaxUint32 - 7} {
		st := &state{cb: cb, adj: slices.Clone(cb.adj), twin: slices.Clone(cb.twin),
			stamp: make([]uint32, n), epoch: epoch, rng: rng}
		for trade := range 2000 {
			i, j := rng.IntN(len(cb.active)), rng.IntN(len(cb.active))
			if i == j {
				continue
			}
			st.tradeUndirected(cb.active[i], cb.active[j])
			for x := range int32(n) {
				seen := map[int32]bool{}
				for r := cb.off[x]; r < cb.off[x+1]; r++ {
					y := st.adj[r]
					tr := st.twin[r]
					if y == x || seen[y] || st.twin[tr] != int32(r) || st.adj[tr] != x || tr < int32(cb.off[y]) || tr >= int32(cb.off[y+1]) {
						t.Fatalf("epoch %d, trade %d: entry %d of node %d (neighbour %d, twin %d) broken", epoch, trade, r, x, y, tr)
					}
					seen[y] = true
				}
			}
		}
	}
}
