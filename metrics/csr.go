package metrics

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// csr is a compact, read-only snapshot of a gonum graph in compressed
// sparse row form, built once so that traversals run over flat arrays
// instead of gonum's maps and iterators: the compact.Rows of the graph
// (those of a CompactGraph, or as compact.Read reads them) under the
// names the kernels use.
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
// graphio.ReadEdgeList reads and the samples of metrics/null. The measures
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

// readError gives the errors of compact.Read itself the package's prefix;
// those of the arc function passed to it have theirs already.
func readError(err error) error {
	var unknown *compact.UnknownNodeError
	switch {
	case errors.Is(err, compact.ErrTooLarge):
		return errCSRTooLarge
	case errors.As(err, &unknown):
		return fmt.Errorf("metrics: %w", err)
	}
	return err
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
	if r, ok := compact.View(g); ok { // a CompactGraph that keeps the rules
		return compactCSR(r, weighted)
	}
	r, err := compact.Read(g, weighted, func(u, v int64) (float64, bool, error) {
		if v == u {
			return 0, false, nil // a self-loop lies on no shortest path
		}
		if !weighted {
			return 1, true, nil
		}
		w, ok := wg.Weight(u, v)
		if !ok || !isLength(w) {
			return 0, false, lengthError(u, v, directed, w)
		}
		return w, true, nil
	})
	if err != nil {
		return nil, readError(err)
	}
	return csrOf(r), nil
}

// isLength reports whether w may be used as the length of an edge.
func isLength(w float64) bool { return w > 0 && !math.IsInf(w, 1) }

// lengthError returns the error for the edge u→v (u–v if undirected),
// whose weight w is no length.
func lengthError(u, v int64, directed bool, w float64) error {
	sep := "–"
	if directed {
		sep = "→"
	}
	return fmt.Errorf("%w: edge %d%s%d has weight %v", ErrNegativeWeight, u, sep, v, w)
}

// csrOf returns the snapshot held in r.
func csrOf(r *compact.Rows) *csr {
	return &csr{ids: r.IDs, directed: r.Directed, off: r.Off, adj: r.Adj, w: r.W, inOff: r.InOff, inAdj: r.InAdj, inW: r.InW}
}

// compactCSR returns the snapshot of a CompactGraph from its own rows r,
// shared with the graph (a snapshot is read-only). Weights are checked as
// in newCSR.
func compactCSR(r *compact.Rows, weighted bool) (*csr, error) {
	c := csrOf(r)
	if !weighted {
		c.w, c.inW = nil, nil
		return c, nil
	}
	if r.W == nil { // every edge has length 1
		c.w = make([]float64, len(r.Adj))
		for k := range c.w {
			c.w[k] = 1
		}
		c.inW = c.w
		return c, nil
	}
	for i := range r.IDs {
		for k := r.Off[i]; k < r.Off[i+1]; k++ {
			if x := r.W[k]; !isLength(x) {
				return nil, lengthError(r.IDs[i], r.IDs[r.Adj[k]], r.Directed, x)
			}
		}
	}
	return c, nil
}
