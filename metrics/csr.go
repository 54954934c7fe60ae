package metrics

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// csr is a compact, read-only snapshot of a gonum graph in compressed
// sparse row form, built once so that traversals run over flat arrays
// instead of gonum's maps and iterators.
//
// Nodes are sorted by id and numbered 0..n-1 (ids[i] is the id of node i).
// The out-neighbours of node i are adj[off[i]:off[i+1]], sorted by index,
// with edge lengths in w (nil when the snapshot is unweighted). An
// undirected edge {u,v} appears in both rows. For a directed graph the
// in-neighbours are held the same way in inOff, inAdj and inW; for an
// undirected graph these alias the out-arrays. Self-loops are dropped: they
// lie on no shortest path.
type csr struct {
	ids      []int64
	directed bool
	off      []int32
	adj      []int32
	w        []float64
	inOff    []int32
	inAdj    []int32
	inW      []float64
}

// n returns the number of nodes.
func (c *csr) n() int { return len(c.ids) }

// errCSRTooLarge is returned when a graph does not fit int32 indices.
var errCSRTooLarge = errors.New("metrics: graph too large for int32 indices")

// CompactGraph is implemented by read-only graphs that hold their
// adjacency in compressed sparse row form, such as the graphs that
// network.ReadEdgeList reads and the samples of metrics/null. The measures
// that take a snapshot of the graph (betweenness, closeness, harmonic
// centrality, path statistics, PageRank) then use its arrays as they are
// instead of walking the graph node by node, which on gonum's simple
// graphs costs more than a PageRank computation itself.
//
// CompactRows returns the node ids in strictly increasing order; the
// out-neighbours of node ids[i] (its in-neighbours if in is true) are the
// node indices adj[off[i]:off[i+1]], in strictly increasing order, without
// i itself, and the weights of those edges are in w, or w is nil if every
// edge weighs 1. On an undirected graph both rows list the neighbours and
// every edge is in the rows of both its ends. The arrays must agree with
// the graph's gonum methods (Nodes, From, Weight) and are not modified.
// A graph whose arrays break these rules is read node by node instead.
type CompactGraph interface {
	graph.Graph
	CompactRows(in bool) (ids []int64, off, adj []int32, w []float64)
}

// compactView holds the rows of a CompactGraph, checked against the
// rules; on an undirected graph the in-rows are the out-rows.
type compactView struct {
	ids          []int64
	off, adj     []int32
	w            []float64
	inOff, inAdj []int32
	inW          []float64
}

// compactViewOf returns the rows of g, or ok false if g is not a
// CompactGraph or its rows break the rules.
func compactViewOf(g graph.Graph) (cv compactView, ok bool) {
	cg, ok := g.(CompactGraph)
	if !ok {
		return cv, false
	}
	cv.ids, cv.off, cv.adj, cv.w = cg.CompactRows(false)
	if !compactRowsValid(cv.ids, cv.off, cv.adj, cv.w) {
		return cv, false
	}
	cv.inOff, cv.inAdj, cv.inW = cv.off, cv.adj, cv.w
	if _, directed := g.(graph.Directed); directed {
		_, cv.inOff, cv.inAdj, cv.inW = cg.CompactRows(true)
		if len(cv.inAdj) != len(cv.adj) || (cv.inW == nil) != (cv.w == nil) || !compactRowsValid(cv.ids, cv.inOff, cv.inAdj, cv.inW) {
			return cv, false
		}
	}
	return cv, true
}

// compactRowsValid reports whether rows follow the rules of CompactGraph.
func compactRowsValid(ids []int64, off, adj []int32, w []float64) bool {
	n := len(ids)
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != len(adj) || w != nil && len(w) != len(adj) {
		return false
	}
	for i := range n {
		if i > 0 && ids[i] <= ids[i-1] || off[i+1] < off[i] {
			return false
		}
		prev := int32(-1)
		for _, v := range adj[off[i]:off[i+1]] {
			if v <= prev || v >= int32(n) || v == int32(i) {
				return false
			}
			prev = v
		}
	}
	return true
}

// newCSR returns the snapshot of g. If weighted is true, g must implement
// graph.Weighted and every edge weight, read with Weight(u, v) for the
// edge u→v (or {u,v}), is used as a length; it must be positive and finite,
// otherwise the error wraps ErrNegativeWeight and names the edge. If
// weighted is false, w and inW are nil (every edge has length 1).
func newCSR(g graph.Graph, weighted bool) (*csr, error) {
	var wg graph.Weighted
	if weighted {
		var ok bool
		wg, ok = g.(graph.Weighted)
		if !ok {
			return nil, fmt.Errorf("metrics: PathOptions.Weighted is set but %T does not implement graph.Weighted", g)
		}
	}
	_, directed := g.(graph.Directed)
	if c, ok, err := compactCSR(g, directed, weighted); ok || err != nil {
		return c, err
	}

	it := g.Nodes()
	ids := make([]int64, 0, max(it.Len(), 0))
	for it.Next() {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	if len(ids) >= math.MaxInt32 {
		return nil, errCSRTooLarge
	}
	index := make(map[int64]int32, len(ids))
	for i, id := range ids {
		index[id] = int32(i)
	}

	c := &csr{ids: ids, directed: directed, off: make([]int32, len(ids)+1)}
	type arc struct {
		to int32
		w  float64
	}
	var row []arc
	for i, u := range ids {
		row = row[:0]
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if v == u {
				continue
			}
			a := arc{to: index[v], w: 1}
			if weighted {
				w, ok := wg.Weight(u, v)
				if !ok || !(w > 0) || math.IsInf(w, 1) {
					sep := "–"
					if directed {
						sep = "→"
					}
					return nil, fmt.Errorf("%w: edge %d%s%d has weight %v", ErrNegativeWeight, u, sep, v, w)
				}
				a.w = w
			}
			row = append(row, a)
		}
		slices.SortFunc(row, func(a, b arc) int { return int(a.to) - int(b.to) })
		if len(c.adj)+len(row) >= math.MaxInt32 {
			return nil, errCSRTooLarge
		}
		for _, a := range row {
			c.adj = append(c.adj, a.to)
			if weighted {
				c.w = append(c.w, a.w)
			}
		}
		c.off[i+1] = int32(len(c.adj))
	}

	if !directed {
		c.inOff, c.inAdj, c.inW = c.off, c.adj, c.w
		return c, nil
	}
	// Transpose: counting sort of the arcs by target keeps each in-row
	// sorted by source, since sources are visited in increasing order.
	n := len(ids)
	c.inOff = make([]int32, n+1)
	for _, v := range c.adj {
		c.inOff[v+1]++
	}
	for i := 0; i < n; i++ {
		c.inOff[i+1] += c.inOff[i]
	}
	c.inAdj = make([]int32, len(c.adj))
	if weighted {
		c.inW = make([]float64, len(c.adj))
	}
	next := slices.Clone(c.inOff[:n])
	for u := 0; u < n; u++ {
		for k := c.off[u]; k < c.off[u+1]; k++ {
			v := c.adj[k]
			p := next[v]
			next[v]++
			c.inAdj[p] = int32(u)
			if weighted {
				c.inW[p] = c.w[k]
			}
		}
	}
	return c, nil
}

// compactCSR returns the snapshot of a CompactGraph from its own arrays,
// shared with the graph (a snapshot is read-only); ok is false if g is not
// a CompactGraph or breaks its rules. Weights are checked as in newCSR.
func compactCSR(g graph.Graph, directed, weighted bool) (c *csr, ok bool, err error) {
	cv, ok := compactViewOf(g)
	if !ok {
		return nil, false, nil
	}
	c = &csr{ids: cv.ids, directed: directed, off: cv.off, adj: cv.adj, inOff: cv.inOff, inAdj: cv.inAdj}
	if !weighted {
		return c, true, nil
	}
	if cv.w == nil { // every edge has length 1
		c.w = make([]float64, len(cv.adj))
		for k := range c.w {
			c.w[k] = 1
		}
		c.inW = c.w
		return c, true, nil
	}
	for i := range cv.ids {
		for k := cv.off[i]; k < cv.off[i+1]; k++ {
			if x := cv.w[k]; !(x > 0) || math.IsInf(x, 1) {
				sep := "–"
				if directed {
					sep = "→"
				}
				return nil, true, fmt.Errorf("%w: edge %d%s%d has weight %v", ErrNegativeWeight, cv.ids[i], sep, cv.ids[cv.adj[k]], x)
			}
		}
	}
	c.w, c.inW = cv.w, cv.inW
	return c, true, nil
}
