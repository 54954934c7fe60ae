// Package compact holds read-only gonum graphs in compressed sparse row
// form: a few flat arrays instead of a map per node. The edge-list reader
// of package network returns them, and so do the samplers of metrics/null;
// the measures of package metrics read their rows directly (see
// metrics.CompactGraph) instead of walking the graph node by node.
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

// flat is a read-only graph held in compressed sparse row form: the
// neighbours of node i (its out-neighbours on a directed graph) are
// adj[off[i]:off[i+1]], sorted by index, with weights w (nil: every edge
// weighs 1); for a directed graph the in-neighbours are held the same way
// in inOff, inAdj and inW. Iteration over nodes and neighbours is in
// increasing id order. As in gonum's simple graphs, Weight(x, x) is
// (0, true) and the weight of a missing edge is (+Inf, false).
type flat struct {
	ids []int64 // ascending
	// nodes returns ids as graph.Node values, boxed once on first use, so
	// that iterators hand out nodes without an allocation each.
	nodes func() []graph.Node
	dense bool // ids[i] == i for every i
	off   []int32
	adj   []int32
	w     []float64
	inOff []int32
	inAdj []int32
	inW   []float64
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
	f := &flat{ids: ids, dense: n == 0 || ids[n-1] == int64(n-1) && ids[0] == 0}
	f.nodes = sync.OnceValue(func() []graph.Node {
		nodes := make([]graph.Node, n)
		for i, id := range ids {
			nodes[i] = simple.Node(id)
		}
		return nodes
	})
	f.off = make([]int32, n+1)
	for _, e := range edges {
		f.off[e.U+1]++
		if !directed {
			f.off[e.V+1]++
		}
	}
	for i := range n {
		f.off[i+1] += f.off[i]
	}
	f.adj = make([]int32, f.off[n])
	if weights != nil {
		f.w = make([]float64, f.off[n])
	}
	next := slices.Clone(f.off[:n])
	// In canonical order, row x receives first the u < x of edges (u, x),
	// in increasing u, then the v > x of edges (x, v), in increasing v:
	// every row comes out sorted.
	for i, e := range edges {
		p := next[e.U]
		next[e.U]++
		f.adj[p] = e.V
		if weights != nil {
			f.w[p] = weights[i]
		}
		if !directed {
			q := next[e.V]
			next[e.V]++
			f.adj[q] = e.U
			if weights != nil {
				f.w[q] = weights[i]
			}
		}
	}
	if !directed {
		f.inOff, f.inAdj, f.inW = f.off, f.adj, f.w
		return flatUndirected{f}
	}
	f.inOff = make([]int32, n+1)
	for _, e := range edges {
		f.inOff[e.V+1]++
	}
	for i := range n {
		f.inOff[i+1] += f.inOff[i]
	}
	f.inAdj = make([]int32, len(edges))
	if weights != nil {
		f.inW = make([]float64, len(edges))
	}
	copy(next, f.inOff[:n])
	for i, e := range edges { // sorted by u: in-rows come out sorted
		p := next[e.V]
		next[e.V]++
		f.inAdj[p] = e.U
		if weights != nil {
			f.inW[p] = weights[i]
		}
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
		return f.ids, f.inOff, f.inAdj, f.inW
	}
	return f.ids, f.off, f.adj, f.w
}

// index returns the index of node id, or -1.
func (f *flat) index(id int64) int32 {
	if f.dense {
		if id < 0 || id >= int64(len(f.ids)) {
			return -1
		}
		return int32(id)
	}
	i, ok := slices.BinarySearch(f.ids, id)
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
	row := f.adj[f.off[x]:f.off[x+1]]
	k, ok := slices.BinarySearch(row, y)
	if !ok {
		return -1
	}
	return int(f.off[x]) + k
}

func (f *flat) weightAt(k int) float64 {
	if f.w == nil {
		return 1
	}
	return f.w[k]
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
	return &flatNodes{nodes: f.nodes(), row: f.adj[f.off[x]:f.off[x+1]], pos: -1}
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
	return &flatNodes{nodes: g.nodes(), row: g.inAdj[g.inOff[x]:g.inOff[x+1]], pos: -1}
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
