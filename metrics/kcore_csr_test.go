package metrics

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// randomSimple returns a seeded random graph on n nodes with ids 3i+1
// (not dense) and about m edges, as a gonum simple graph and as a compact
// graph with the same edges.
func randomSimple(seed uint64, n, m int, directed bool) (graph.Graph, graph.Graph) {
	rng := rand.New(rand.NewPCG(seed, 7))
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = int64(3*i + 1)
	}
	seen := map[compact.Edge]bool{}
	for range m {
		u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
		if u == v {
			continue
		}
		if !directed && u > v {
			u, v = v, u
		}
		seen[compact.Edge{U: u, V: v}] = true
	}
	edges := make([]compact.Edge, 0, len(seen))
	for e := range seen {
		edges = append(edges, e)
	}
	slices.SortFunc(edges, func(a, b compact.Edge) int {
		if a.U != b.U {
			return int(a.U - b.U)
		}
		return int(a.V - b.V)
	})
	var sg graph.Graph
	if directed {
		d := simple.NewDirectedGraph()
		for _, id := range ids {
			d.AddNode(simple.Node(id))
		}
		for _, e := range edges {
			d.SetEdge(simple.Edge{F: simple.Node(ids[e.U]), T: simple.Node(ids[e.V])})
		}
		sg = d
	} else {
		u := simple.NewUndirectedGraph()
		for _, id := range ids {
			u.AddNode(simple.Node(id))
		}
		for _, e := range edges {
			u.SetEdge(simple.Edge{F: simple.Node(ids[e.U]), T: simple.Node(ids[e.V])})
		}
		sg = u
	}
	return sg, compact.New(ids, directed, edges, nil)
}

// TestCoreNumbersCSR checks the peeling over compressed rows against the
// one over adjacency lists (coreNumbersLists, the implementation before
// the rows) on seeded random graphs, read from gonum graphs and from
// compact graphs.
func TestCoreNumbersCSR(t *testing.T) {
	for seed := range uint64(40) {
		for _, directed := range []bool{false, true} {
			n := 2 + int(seed)*7
			m := int(seed%5+1) * n
			sg, cg := randomSimple(seed, n, m, directed)
			wantIDs, want := coreNumbersLists(sg)
			for name, g := range map[string]graph.Graph{"simple": sg, "compact": cg} {
				ids, got := coreNumbers(g)
				if !slices.Equal(ids, wantIDs) || !slices.Equal(got, want) {
					t.Fatalf("seed %d directed %v %s: core numbers %v, want %v", seed, directed, name, got, want)
				}
			}
		}
	}
}

// loopGraph is an undirected graph whose node at has a self-loop, which
// From lists, as a custom gonum graph may.
type loopGraph struct {
	*simple.UndirectedGraph
	at int64
}

func (g loopGraph) From(id int64) graph.Nodes {
	nodes := graph.NodesOf(g.UndirectedGraph.From(id))
	if id == g.at {
		nodes = append(nodes, simple.Node(id))
	}
	return iterator.NewOrderedNodes(nodes)
}

// TestCoreNumbersLoop checks that a self-loop counts in the degree as it
// did over adjacency lists: the triangle 0,1,2 with a loop on 0 and a
// pendant 3 on 0.
func TestCoreNumbersLoop(t *testing.T) {
	u := simple.NewUndirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {1, 2}, {0, 2}, {0, 3}} {
		u.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	g := loopGraph{u, 0}
	_, want := coreNumbersLists(g)
	_, got := coreNumbers(g)
	if !slices.Equal(got, want) {
		t.Fatalf("core numbers %v, want %v", got, want)
	}
	if got[0] != 2 || got[3] != 1 {
		t.Fatalf("core numbers %v, want 2 for the triangle and 1 for the pendant", got)
	}
}

// TestCompactDegreeCounts checks the degrees read from the row offsets
// of a compact graph against those counted through gonum's iterators on
// the same graph as a simple graph.
func TestCompactDegreeCounts(t *testing.T) {
	for seed := range uint64(20) {
		for _, directed := range []bool{false, true} {
			sg, cg := randomSimple(seed, 3+int(seed)*5, 4*(3+int(seed)*5), directed)
			if _, ok := compactDegreeCounts(sg); ok {
				t.Fatal("a simple graph read as compact")
			}
			want := newComputation(sg, Options{}).degrees()
			got, ok := compactDegreeCounts(cg)
			if !ok {
				t.Fatal("compact graph not read as compact")
			}
			if !slices.Equal(got.in, want.in) || !slices.Equal(got.out, want.out) || !slices.Equal(got.total, want.total) {
				t.Fatalf("seed %d directed %v: degrees %+v, want %+v", seed, directed, got, want)
			}
		}
	}
}

// badRows is a compact graph whose CompactRows returns offsets that do
// not fit its rows.
type badRows struct{ graph.Undirected }

func (b badRows) CompactRows(bool) ([]int64, []int32, []int32, []float64) {
	return []int64{0, 1}, []int32{0, 2, 1}, []int32{1}, nil
}

// TestCompactDegreeCountsBadOffsets checks that offsets that are not
// those of the rows are not read as degrees.
func TestCompactDegreeCountsBadOffsets(t *testing.T) {
	_, cg := randomSimple(1, 2, 1, false)
	if _, ok := compactDegreeCounts(badRows{cg.(graph.Undirected)}); ok {
		t.Fatal("decreasing offsets read as degrees")
	}
}
