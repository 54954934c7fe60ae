// Package compact holds graphs in compressed sparse row form: a few flat
// arrays (Rows) instead of a map per node. FromEdges builds them from a
// canonical edge list, Read from any gonum graph, and View takes them
// from a graph that holds its own (see metrics.CompactGraph).
//
// New wraps Rows in a read-only gonum graph. The edge-list reader of
// package graphio (graphio.ReadEdgeList) returns such graphs, and so do
// the samplers of metrics/null. The shortest-path measures and PageRank
// of package metrics traverse Rows: those of a compact graph as they are,
// those of any other graph as Read returns them.
//
// The package is internal: its graphs are used through the gonum
// interfaces they implement (graph.WeightedUndirected or
// graph.WeightedDirected) and the CompactRows method.
package compact

import (
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// Edge is an edge between the nodes of indices U and V (not ids).
type Edge struct{ U, V int32 }

// flat is a read-only graph held as Rows. Iteration over nodes and
// neighbours is in increasing id order. As in gonum's simple graphs,
// Weight(x, x) is (0, true) and the weight of a missing edge is
// (+Inf, false).
type flat struct {
	Rows
	// nodes returns IDs as graph.Node values, boxed once on first use, so
	// that iterators hand out nodes without an allocation each.
	nodes func() []graph.Node
	dense bool // IDs[i] == i for every i
}

// flatUndirected is a flat graph.WeightedUndirected.
type flatUndirected struct{ *flat }

// flatDirected is a flat graph.WeightedDirected.
type flatDirected struct{ *flat }

var (
	_ graph.WeightedUndirected = flatUndirected{}
	_ graph.WeightedDirected   = flatDirected{}
)

// New returns the graph on the nodes ids (ascending, distinct) with the
// given edges between their indices, which must be in canonical order:
// sorted by (U, V), with U < V on undirected graphs, no self-loops and no
// repeats. weights (nil: every edge weighs 1) are the edges' weights in
// the same order. The result is a graph.WeightedUndirected or a
// graph.WeightedDirected that also has a CompactRows method; it keeps ids
// and must not be modified.
func New(ids []int64, directed bool, edges []Edge, weights []float64) graph.Weighted {
	n := len(ids)
	f := &flat{Rows: *FromEdges(ids, directed, edges, weights), dense: n == 0 || ids[n-1] == int64(n-1) && ids[0] == 0}
	f.nodes = sync.OnceValue(func() []graph.Node {
		nodes := make([]graph.Node, n)
		for i, id := range ids {
			nodes[i] = simple.Node(id)
		}
		return nodes
	})
	if !directed {
		return flatUndirected{f}
	}
	return flatDirected{f}
}

// CompactRows returns the arrays of the graph (see metrics.CompactGraph):
// the node ids in increasing order; the out-neighbours of node ids[i], or
// its in-neighbours if in is true, are the node indices adj[off[i]:off[i+1]]
// in increasing order, with the edges' weights in w (nil: every edge weighs
// 1). On an undirected graph both rows are the neighbours. The slices are
// the graph's own and must not be modified.
func (f *flat) CompactRows(in bool) (ids []int64, off, adj []int32, w []float64) {
	if in {
		return f.IDs, f.InOff, f.InAdj, f.InW
	}
	return f.IDs, f.Off, f.Adj, f.W
}

// index returns the index of node id, or -1.
func (f *flat) index(id int64) int32 {
	if f.dense {
		if id < 0 || id >= int64(len(f.IDs)) {
			return -1
		}
		return int32(id)
	}
	i, ok := slices.BinarySearch(f.IDs, id)
	if !ok {
		return -1
	}
	return int32(i)
}

// arc returns the position of the arc x→y in the out-rows, or -1.
func (f *flat) arc(xid, yid int64) int {
	x, y := f.index(xid), f.index(yid)
	if x < 0 || y < 0 {
		return -1
	}
	row := f.Adj[f.Off[x]:f.Off[x+1]]
	k, ok := slices.BinarySearch(row, y)
	if !ok {
		return -1
	}
	return int(f.Off[x]) + k
}

func (f *flat) weightAt(k int) float64 {
	if f.W == nil {
		return 1
	}
	return f.W[k]
}

// Node returns the node with the given id, or nil.
func (f *flat) Node(id int64) graph.Node {
	x := f.index(id)
	if x < 0 {
		return nil
	}
	return f.nodes()[x]
}

// Nodes returns all nodes in increasing id order.
func (f *flat) Nodes() graph.Nodes {
	return &flatNodes{nodes: f.nodes(), all: true, pos: -1}
}

// From returns the (out-)neighbours of id in increasing id order.
func (f *flat) From(id int64) graph.Nodes {
	x := f.index(id)
	if x < 0 {
		return graph.Empty
	}
	return &flatNodes{nodes: f.nodes(), row: f.Adj[f.Off[x]:f.Off[x+1]], pos: -1}
}

// HasEdgeBetween reports whether an edge joins x and y, in either
// direction.
func (f *flat) HasEdgeBetween(xid, yid int64) bool {
	return f.arc(xid, yid) >= 0 || f.arc(yid, xid) >= 0
}

// Weight returns the weight of the edge (arc) x→y: 0 and true if x == y
// (as gonum's simple graphs do, node or not), +Inf and false if there is
// no such edge.
func (f *flat) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, true
	}
	k := f.arc(xid, yid)
	if k < 0 {
		return math.Inf(1), false
	}
	return f.weightAt(k), true
}

// Edge returns the edge u→v (or {u,v}), or nil.
func (f *flat) Edge(uid, vid int64) graph.Edge {
	if e := f.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// WeightedEdge returns the edge u→v (or {u,v}), or nil.
func (f *flat) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	k := f.arc(uid, vid)
	if k < 0 {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: f.weightAt(k)}
}

// EdgeBetween returns the edge {x,y}, or nil.
func (g flatUndirected) EdgeBetween(xid, yid int64) graph.Edge { return g.Edge(xid, yid) }

// WeightedEdgeBetween returns the edge {x,y}, or nil.
func (g flatUndirected) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	return g.WeightedEdge(xid, yid)
}

// HasEdgeFromTo reports whether the arc u→v exists.
func (g flatDirected) HasEdgeFromTo(uid, vid int64) bool { return g.arc(uid, vid) >= 0 }

// To returns the in-neighbours of id in increasing id order.
func (g flatDirected) To(id int64) graph.Nodes {
	x := g.index(id)
	if x < 0 {
		return graph.Empty
	}
	return &flatNodes{nodes: g.nodes(), row: g.InAdj[g.InOff[x]:g.InOff[x+1]], pos: -1}
}

// flatNodes iterates over all nodes (all) or over the nodes of a row.
type flatNodes struct {
	nodes []graph.Node // all nodes, by index
	row   []int32
	all   bool
	pos   int
}

func (it *flatNodes) Len() int {
	n := len(it.row)
	if it.all {
		n = len(it.nodes)
	}
	return max(0, n-it.pos-1)
}

func (it *flatNodes) Next() bool {
	n := len(it.row)
	if it.all {
		n = len(it.nodes)
	}
	if it.pos+1 >= n {
		it.pos = n
		return false
	}
	it.pos++
	return true
}

func (it *flatNodes) Node() graph.Node {
	n := len(it.row)
	if it.all {
		n = len(it.nodes)
	}
	if it.pos < 0 || it.pos >= n {
		return nil
	}
	if it.all {
		return it.nodes[it.pos]
	}
	return it.nodes[it.row[it.pos]]
}

func (it *flatNodes) Reset() { it.pos = -1 }
