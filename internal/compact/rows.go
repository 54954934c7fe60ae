package compact

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/graph"
)

// Rows is a graph in compressed sparse row form. The compact graphs of
// New, the snapshots that the shortest-path measures and PageRank of
// package metrics traverse, and the observed graph and Curveball lists of
// the null models are all built as Rows.
//
// Node i has id IDs[i], in increasing order. Its out-neighbours are the
// node indices Adj[Off[i]:Off[i+1]], in increasing order, and W holds the
// weights of those arcs (W is nil if every arc weighs 1). Its
// in-neighbours are held the same way in InOff, InAdj and InW. On an
// undirected graph every edge is an arc both ways and the in-rows are the
// out-rows (the same slices).
type Rows struct {
	IDs          []int64
	Directed     bool
	Off, Adj     []int32
	W            []float64
	InOff, InAdj []int32
	InW          []float64
}

// ErrTooLarge is returned by Read for a graph whose nodes or arcs do not
// fit int32 indices.
var ErrTooLarge = errors.New("graph too large for int32 indices")

// UnknownNodeError is returned by Read for an arc to a node that the
// graph's Nodes method does not list.
type UnknownNodeError struct{ From, To int64 }

func (e *UnknownNodeError) Error() string {
	return fmt.Sprintf("edge from node %d to node %d, which is not in the graph", e.From, e.To)
}

// FromEdges returns the rows of the graph on the nodes ids (ascending,
// distinct) with the given edges between their indices, which must be in
// canonical order: sorted by (U, V), with U < V on undirected graphs, no
// self-loops and no repeats. weights (nil: every edge weighs 1) are the
// edges' weights in the same order. The rows keep ids, not edges or
// weights.
func FromEdges(ids []int64, directed bool, edges []Edge, weights []float64) *Rows {
	n := len(ids)
	r := &Rows{IDs: ids, Directed: directed, Off: make([]int32, n+1)}
	for _, e := range edges {
		r.Off[e.U+1]++
		if !directed {
			r.Off[e.V+1]++
		}
	}
	for i := range n {
		r.Off[i+1] += r.Off[i]
	}
	r.Adj = make([]int32, r.Off[n])
	if weights != nil {
		r.W = make([]float64, r.Off[n])
	}
	next := slices.Clone(r.Off[:n])
	// In canonical order, row x receives first the u < x of edges (u, x),
	// in increasing u, then the v > x of edges (x, v), in increasing v:
	// every row comes out sorted.
	for i, e := range edges {
		p := next[e.U]
		next[e.U]++
		r.Adj[p] = e.V
		if weights != nil {
			r.W[p] = weights[i]
		}
		if !directed {
			q := next[e.V]
			next[e.V]++
			r.Adj[q] = e.U
			if weights != nil {
				r.W[q] = weights[i]
			}
		}
	}
	r.transpose()
	return r
}

// transpose sets the in-rows from the out-rows: to the out-rows
// themselves on an undirected graph, and on a directed one by a counting
// sort of the arcs by head, which keeps every in-row sorted because the
// tails are visited in increasing order.
func (r *Rows) transpose() {
	if !r.Directed {
		r.InOff, r.InAdj, r.InW = r.Off, r.Adj, r.W
		return
	}
	n := len(r.IDs)
	r.InOff = make([]int32, n+1)
	for _, v := range r.Adj {
		r.InOff[v+1]++
	}
	for i := range n {
		r.InOff[i+1] += r.InOff[i]
	}
	r.InAdj = make([]int32, len(r.Adj))
	if r.W != nil {
		r.InW = make([]float64, len(r.Adj))
	}
	next := slices.Clone(r.InOff[:n])
	for u := range n {
		for k := r.Off[u]; k < r.Off[u+1]; k++ {
			v := r.Adj[k]
			p := next[v]
			next[v]++
			r.InAdj[p] = int32(u)
			if r.W != nil {
				r.InW[p] = r.W[k]
			}
		}
	}
}

// Read returns the rows of g, read through its gonum methods: its nodes
// are those of g.Nodes, and it is directed if g is a graph.Directed. For
// every arc u→v that g.From(u) lists (an undirected edge is listed from
// both ends), arc(u, v) returns the arc's weight and whether to keep it,
// or an error; a nil arc keeps every arc with weight 1. If weighted is
// false, the weights arc returns are ignored and W and InW are nil (as
// they are if no arc is kept).
//
// g is read by up to GOMAXPROCS goroutines at once, as gonum graphs allow,
// and arc is called from them; each row is sorted by neighbour after it
// is read, so the rows do not depend on the order in which From lists
// the neighbours.
//
// Read stops at the first failing arc in the order of the nodes, and
// returns the error of arc as it is, or an *UnknownNodeError if g.Nodes
// does not list v. It returns ErrTooLarge if the nodes or the arcs do not
// fit int32 indices.
func Read(g graph.Graph, weighted bool, arc func(u, v int64) (w float64, keep bool, err error)) (*Rows, error) {
	it := g.Nodes()
	ids := make([]int64, 0, max(it.Len(), 0))
	for it.Next() {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	n := len(ids)
	if n >= math.MaxInt32 {
		return nil, ErrTooLarge
	}
	dense := n == 0 || ids[0] == 0 && ids[n-1] == int64(n-1)
	var index map[int64]int32
	if !dense {
		index = make(map[int64]int32, n)
		for i, id := range ids {
			index[id] = int32(i)
		}
	}
	_, directed := g.(graph.Directed)
	r := &Rows{IDs: ids, Directed: directed, Off: make([]int32, n+1)}
	// Read consecutive blocks of rows concurrently and concatenate them in
	// order. Off[u+1] first holds the length of row u.
	type block struct {
		adj []int32
		w   []float64
		err error
	}
	parts := min(runtime.GOMAXPROCS(0), max(1, n/4096))
	blocks := make([]block, parts)
	var wait sync.WaitGroup
	for p := range parts {
		wait.Add(1)
		go func() {
			defer wait.Done()
			b := &blocks[p]
			type wArc struct {
				to int32
				w  float64
			}
			var row []wArc
			for u := p * n / parts; u < (p+1)*n/parts; u++ {
				uid := ids[u]
				start := len(b.adj)
				row = row[:0]
				for to := g.From(uid); to.Next(); {
					vid := to.Node().ID()
					var v int32
					if dense {
						if vid < 0 || vid >= int64(n) {
							b.err = &UnknownNodeError{uid, vid}
							return
						}
						v = int32(vid)
					} else {
						var ok bool
						if v, ok = index[vid]; !ok {
							b.err = &UnknownNodeError{uid, vid}
							return
						}
					}
					w := 1.0
					if arc != nil {
						var keep bool
						w, keep, b.err = arc(uid, vid)
						if b.err != nil {
							return
						}
						if !keep {
							continue
						}
					}
					if weighted {
						row = append(row, wArc{v, w})
					} else {
						b.adj = append(b.adj, v)
					}
				}
				if weighted {
					slices.SortFunc(row, func(a, b wArc) int { return cmp.Compare(a.to, b.to) })
					for _, a := range row {
						b.adj, b.w = append(b.adj, a.to), append(b.w, a.w)
					}
				} else {
					slices.Sort(b.adj[start:])
				}
				r.Off[u+1] = int32(len(b.adj) - start)
			}
		}()
	}
	wait.Wait()
	arcs := 0
	for _, b := range blocks {
		if b.err != nil {
			return nil, b.err
		}
		arcs += len(b.adj)
	}
	if arcs >= math.MaxInt32 {
		return nil, ErrTooLarge
	}
	if parts == 1 {
		r.Adj, r.W = blocks[0].adj, blocks[0].w
	} else {
		r.Adj = make([]int32, 0, arcs)
		if weighted && arcs > 0 {
			r.W = make([]float64, 0, arcs)
		}
		for _, b := range blocks {
			r.Adj, r.W = append(r.Adj, b.adj...), append(r.W, b.w...)
		}
	}
	for i := range n {
		r.Off[i+1] += r.Off[i]
	}
	r.transpose()
	return r, nil
}

// View returns the rows of g as g holds them (shared, not copied), or ok
// false if g has no method CompactRows(in bool) (ids []int64, off, adj
// []int32, w []float64), which returns its out-rows or in-rows (see
// metrics.CompactGraph), or if they break the rules of Rows: ids strictly
// increasing, len(off) = len(ids)+1 with off[0] = 0 and off[n] = len(adj),
// every row strictly increasing within [0, n) and without its own node,
// w nil or as long as adj, and on a directed graph in-rows with as many
// arcs as the out-rows and weights if these have them.
func View(g graph.Graph) (r *Rows, ok bool) {
	cg, ok := g.(interface {
		CompactRows(in bool) (ids []int64, off, adj []int32, w []float64)
	})
	if !ok {
		return nil, false
	}
	_, directed := g.(graph.Directed)
	r = &Rows{Directed: directed}
	r.IDs, r.Off, r.Adj, r.W = cg.CompactRows(false)
	if !rowsValid(r.IDs, r.Off, r.Adj, r.W) {
		return nil, false
	}
	r.InOff, r.InAdj, r.InW = r.Off, r.Adj, r.W
	if directed {
		_, r.InOff, r.InAdj, r.InW = cg.CompactRows(true)
		if len(r.InAdj) != len(r.Adj) || (r.InW == nil) != (r.W == nil) || !rowsValid(r.IDs, r.InOff, r.InAdj, r.InW) {
			return nil, false
		}
	}
	return r, true
}

// rowsValid reports whether rows follow the rules of View.
func rowsValid(ids []int64, off, adj []int32, w []float64) bool {
	n := len(ids)
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != len(adj) || w != nil && len(w) != len(adj) {
		return false
	}
	for i := range n {
		if i > 0 && ids[i] <= ids[i-1] || off[i+1] < off[i] || int(off[i+1]) > len(adj) {
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
