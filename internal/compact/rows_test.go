package compact

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// randomEdges returns m distinct random edges on n nodes in canonical
// order, with weights in [1, 2).
func randomEdges(rng *rand.Rand, n, m int, directed bool) ([]Edge, []float64) {
	seen := map[Edge]bool{}
	var edges []Edge
	for len(edges) < m {
		e := Edge{int32(rng.IntN(n)), int32(rng.IntN(n))}
		if !directed && e.U > e.V {
			e.U, e.V = e.V, e.U
		}
		if e.U == e.V || seen[e] {
			continue
		}
		seen[e] = true
		edges = append(edges, e)
	}
	slices.SortFunc(edges, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.U, b.U), cmp.Compare(a.V, b.V)) })
	weights := make([]float64, m)
	for i := range weights {
		weights[i] = 1 + rng.Float64()
	}
	return edges, weights
}

// simpleOf returns the gonum simple graph with the given nodes and edges.
func simpleOf(ids []int64, directed bool, edges []Edge, weights []float64) graph.Weighted {
	var s interface {
		graph.Weighted
		SetWeightedEdge(graph.WeightedEdge)
		AddNode(graph.Node)
	}
	if directed {
		s = simple.NewWeightedDirectedGraph(0, math.Inf(1))
	} else {
		s = simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	}
	for _, id := range ids {
		s.AddNode(simple.Node(id))
	}
	for i, e := range edges {
		s.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(ids[e.U]), T: simple.Node(ids[e.V]), W: weights[i]})
	}
	return s
}

// TestReadMatchesFromEdges checks that Read gives a simple graph the rows
// that FromEdges builds from its edge list, with and without weights and
// with arcs dropped by the arc function, on graphs small enough to be read
// in one block and large enough for several.
func TestReadMatchesFromEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{40, 10000} {
		for _, directed := range []bool{false, true} {
			for _, dense := range []bool{false, true} {
				t.Run(fmt.Sprintf("n=%d/directed=%v/dense=%v", n, directed, dense), func(t *testing.T) {
					ids := make([]int64, n)
					for i := range ids {
						ids[i] = int64(i)
						if !dense {
							ids[i] = int64(3*i + 5)
						}
					}
					edges, weights := randomEdges(rng, n, 4*n, directed)
					g := simpleOf(ids, directed, edges, weights)
					weight := func(u, v int64) (float64, bool, error) {
						w, _ := g.Weight(u, v)
						return w, true, nil
					}
					got, err := Read(g, true, weight)
					if err != nil {
						t.Fatal(err)
					}
					if want := FromEdges(ids, directed, edges, weights); !reflect.DeepEqual(got, want) {
						t.Error("weighted: rows differ")
					}
					got, err = Read(g, false, nil)
					if err != nil {
						t.Fatal(err)
					}
					if want := FromEdges(ids, directed, edges, nil); !reflect.DeepEqual(got, want) {
						t.Error("unweighted: rows differ")
					}
					// Drop the edges whose ends' ids sum to a multiple of 3.
					var kept []Edge
					var kw []float64
					for i, e := range edges {
						if (ids[e.U]+ids[e.V])%3 != 0 {
							kept, kw = append(kept, e), append(kw, weights[i])
						}
					}
					got, err = Read(g, true, func(u, v int64) (float64, bool, error) {
						w, _, _ := weight(u, v)
						return w, (u+v)%3 != 0, nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if want := FromEdges(ids, directed, kept, kw); !reflect.DeepEqual(got, want) {
						t.Error("with arcs dropped: rows differ")
					}
				})
			}
		}
	}
}

// strayGraph is an undirected graph whose node 0 lists a neighbour that
// is not in the graph.
type strayGraph struct{ *simple.UndirectedGraph }

func (g strayGraph) From(id int64) graph.Nodes {
	if id == 0 {
		return iterator.NewOrderedNodes([]graph.Node{simple.Node(1), simple.Node(7)})
	}
	return g.UndirectedGraph.From(id)
}

func TestReadErrors(t *testing.T) {
	for _, dense := range []bool{false, true} {
		g := strayGraph{simple.NewUndirectedGraph()}
		g.AddNode(simple.Node(0))
		g.AddNode(simple.Node(1))
		if !dense {
			g.AddNode(simple.Node(3))
		}
		_, err := Read(g, false, nil)
		var unknown *UnknownNodeError
		if !errors.As(err, &unknown) || *unknown != (UnknownNodeError{0, 7}) {
			t.Errorf("dense=%v: error %v, want the edge from 0 to 7", dense, err)
		}
	}
	// The arc function fails on the arcs from nodes 3000 and up, in both
	// blocks of the read: the error is that of the first such node.
	rng := rand.New(rand.NewPCG(1, 1))
	ids := make([]int64, 10000)
	for i := range ids {
		ids[i] = int64(i)
	}
	edges, weights := randomEdges(rng, len(ids), 40000, true)
	first := slices.IndexFunc(edges, func(e Edge) bool { return e.U >= 3000 })
	_, err := Read(simpleOf(ids, true, edges, weights), false, func(u, v int64) (float64, bool, error) {
		if u >= 3000 {
			return 0, false, fmt.Errorf("node %d", u)
		}
		return 1, true, nil
	})
	if want := fmt.Sprintf("node %d", edges[first].U); err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// rowsOnly is a graph with the rows given.
type rowsOnly struct {
	graph.Undirected
	ids      []int64
	off, adj []int32
}

func (r rowsOnly) CompactRows(bool) ([]int64, []int32, []int32, []float64) {
	return r.ids, r.off, r.adj, nil
}

func TestViewChecksRows(t *testing.T) {
	path := simple.NewUndirectedGraph()
	path.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(1)})
	path.SetEdge(simple.Edge{F: simple.Node(1), T: simple.Node(2)})
	ids := []int64{0, 1, 2}
	if r, ok := View(rowsOnly{path, ids, []int32{0, 1, 3, 4}, []int32{1, 0, 2, 1}}); !ok || r.Directed || &r.InAdj[0] != &r.Adj[0] {
		t.Errorf("the rows of the path: %v, %v", r, ok)
	}
	for name, b := range map[string]rowsOnly{
		"self-loop":       {ids: ids, off: []int32{0, 1, 3, 4}, adj: []int32{1, 0, 1, 1}},
		"unsorted":        {ids: ids, off: []int32{0, 2, 3, 4}, adj: []int32{2, 1, 0, 0}},
		"offset past end": {ids: ids, off: []int32{0, 5, 2, 3}, adj: []int32{1, 2, 0}},
		"out of range":    {ids: ids, off: []int32{0, 1, 2, 3}, adj: []int32{1, 0, 7}},
		"short off":       {ids: ids, off: []int32{0, 1}, adj: []int32{1}},
		"ids unsorted":    {ids: []int64{0, 2, 1}, off: []int32{0, 1, 3, 4}, adj: []int32{1, 0, 2, 1}},
	} {
		b.Undirected = path
		if _, ok := View(b); ok {
			t.Errorf("%s: View accepted the rows", name)
		}
	}
	if _, ok := View(path); ok {
		t.Error("View of a graph without CompactRows")
	}
}
