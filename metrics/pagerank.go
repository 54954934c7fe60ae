package metrics

import (
	"fmt"
	"math"
	"sync"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// DefaultDamping is the damping factor of PageRank used by the CLI and
// by Brin & Page.
const DefaultDamping = 0.85

// PageRank returns the PageRank of every node of g; the scores sum to 1.
//
//	PR(v) = (1-d)/n + d · [ Σ_{u→v} PR(u) w(u,v)/s⁺(u) + Σ_{u dangling} PR(u)/n ]
//
// where d is the damping factor (0.85 in Page et al. and by default in
// the CLI), s⁺(u) = Σ_v w(u,v) the out-strength of u (its out-degree when
// unweighted) and a dangling node is one without out-links, whose rank
// is spread uniformly over all nodes (NetworkX's default; igraph's PRPACK
// does the same). On undirected graphs every edge is followed both ways.
// With opt.Weighted, w(u,v) is the edge weight (finite, non-negative; a
// node whose out-weights are all 0 is dangling); otherwise 1.
// Disconnected graphs need no special case: teleportation reaches every
// node. An isolate gets (1-d)/n plus its share of the dangling rank.
//
// Method: power iteration over flat in-arc arrays from the uniform vector 1/n (deterministic;
// gonum's network.PageRank starts from a random vector), stopping when
// the L1 change Σ_v |PR_k(v) − PR_{k−1}(v)| is below n·Tol (NetworkX's
// criterion), and returning an error wrapping ErrNotConverged after
// opt.MaxIter iterations. The error shrinks by a factor d per iteration;
// each costs O(|V| + |E|), split over opt.Workers goroutines in blocks of
// a fixed size, so that the scores are bit-identical for every number of
// workers. d must lie in [0, 1).
//
// NetworkX pagerank(G, alpha=d) and igraph pagerank(damping=d) give the
// same values (to 1e-10 on the reference graphs).
//
// [Page et al. 1999]: L. Page, S. Brin, R. Motwani and T. Winograd (1999),
// "The PageRank citation ranking: bringing order to the Web", Technical
// Report 1999-66, Stanford InfoLab, http://ilpubs.stanford.edu:8090/422/
func PageRank(g graph.Graph, damping float64, opt IterOptions) (map[int64]float64, error) {
	if !(damping >= 0 && damping < 1) {
		return nil, fmt.Errorf("metrics: PageRank damping factor %v outside [0, 1)", damping)
	}
	in, err := newPageRankCSR(g, opt.Weighted)
	if err != nil {
		return nil, err
	}
	n := len(in.ids)
	out := make(map[int64]float64, n)
	if n == 0 {
		return out, nil
	}
	tol, maxIter := opt.tol(), opt.maxIter()
	fn := float64(n)
	x := make([]float64, n)
	y := make([]float64, n)
	// inv is 1/s⁺(u), 0 for a dangling node; contrib is x(u)·inv(u), the
	// share of u's rank along each of its arcs.
	inv := make([]float64, n)
	contrib := make([]float64, n)
	next := make([]float64, n)
	var dangling float64
	for u, s := range in.strength {
		x[u] = 1 / fn
		if s == 0 {
			dangling += x[u]
		} else {
			inv[u] = 1 / s
			contrib[u] = x[u] * inv[u]
		}
	}
	// The nodes are swept in blocks of a fixed size, spread over the
	// workers; the change and the dangling rank are summed per block and
	// then over the blocks in order, so that they do not depend on the
	// number of workers.
	blocks := (n + pageRankBlock - 1) / pageRankBlock
	changes, danglings := make([]float64, blocks), make([]float64, blocks)
	workers := min(opt.workers(), blocks)
	// sweep computes the new ranks y of block b from the contributions
	// of the old ranks x, and the next contributions.
	sweep := func(b int, base float64, x, y, contrib, next []float64) {
		var change, dang float64
		for v := b * pageRankBlock; v < min(n, (b+1)*pageRankBlock); v++ {
			var s float64
			lo, hi := in.off[v], in.off[v+1]
			if in.w == nil {
				for _, u := range in.src[lo:hi] {
					s += contrib[u]
				}
			} else {
				ws := in.w[lo:hi]
				for k, u := range in.src[lo:hi] {
					s += contrib[u] * ws[k]
				}
			}
			yv := base + damping*s
			y[v] = yv
			change += math.Abs(yv - x[v])
			next[v] = yv * inv[v]
			if inv[v] == 0 {
				dang += yv
			}
		}
		changes[b], danglings[b] = change, dang
	}
	for it := 0; it < maxIter; it++ {
		base := (1-damping)/fn + damping*dangling/fn
		if workers == 1 {
			for b := range blocks {
				sweep(b, base, x, y, contrib, next)
			}
		} else {
			var wait sync.WaitGroup
			for w := range workers {
				wait.Add(1)
				go func() {
					defer wait.Done()
					for b := w; b < blocks; b += workers {
						sweep(b, base, x, y, contrib, next)
					}
				}()
			}
			wait.Wait()
		}
		var change float64
		dangling = 0
		for b := range blocks {
			change += changes[b]
			dangling += danglings[b]
		}
		contrib, next = next, contrib
		x, y = y, x
		if change < fn*tol {
			for v, id := range in.ids {
				out[id] = x[v]
			}
			return out, nil
		}
	}
	return nil, &NotConvergedError{Measure: "PageRank", Iterations: maxIter, Tol: tol}
}

// pageRankBlock is the number of nodes in a block of PageRank's sweep.
const pageRankBlock = 1024

// pageRankCSR holds the in-arcs of every node in CSR form: the sources of
// the arcs into v are src[off[v]:off[v+1]], in increasing order, with
// weights w (nil when unweighted), and the out-strength of every node.
type pageRankCSR struct {
	ids      []int64
	off      []int32
	src      []int32
	w        []float64
	strength []float64
}

// newPageRankCSR returns the in-arcs of g: those of a CompactGraph as it
// holds them, those of any other graph as compact.Read reads them. As in
// specBuild, an arc of weight 0 counts as absent and other weights must be
// finite and non-negative; undirected edges are arcs both ways.
func newPageRankCSR(g graph.Graph, weighted bool) (*pageRankCSR, error) {
	r, ok := compact.View(g)
	if ok && weighted && r.W != nil {
		zero := false
		for u := range r.IDs {
			for k := r.Off[u]; k < r.Off[u+1]; k++ {
				if err := pageRankWeightError(r.IDs[u], r.IDs[r.Adj[k]], r.W[k]); err != nil {
					return nil, err
				}
				zero = zero || r.W[k] == 0
			}
		}
		// PageRank drops an arc of weight 0, which is in the rows of the
		// graph: read it node by node instead.
		ok = !zero
	}
	if ok {
		weighted = weighted && r.W != nil
	} else {
		wg, isWeighted := g.(graph.Weighted)
		weighted = weighted && isWeighted
		var arc func(u, v int64) (float64, bool, error) // nil: every arc, weight 1
		if weighted {
			arc = func(u, v int64) (float64, bool, error) {
				w, _ := wg.Weight(u, v)
				if err := pageRankWeightError(u, v, w); err != nil {
					return 0, false, err
				}
				return w, w != 0, nil
			}
		}
		var err error
		if r, err = compact.Read(g, weighted, arc); err != nil {
			return nil, readError(err)
		}
	}
	n := len(r.IDs)
	c := &pageRankCSR{ids: r.IDs, off: r.InOff, src: r.InAdj, strength: make([]float64, n)}
	if weighted {
		c.w = r.InW
	}
	// The out-strengths are summed along the sorted out-rows, a fixed
	// order (counts are exact in any order).
	for u := range n {
		if !weighted {
			c.strength[u] = float64(r.Off[u+1] - r.Off[u])
			continue
		}
		for _, x := range r.W[r.Off[u]:r.Off[u+1]] {
			c.strength[u] += x
		}
	}
	return c, nil
}

// pageRankWeightError returns the error for the weight w of the arc u→v,
// or nil if PageRank can use it.
func pageRankWeightError(u, v int64, w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return fmt.Errorf("metrics: PageRank: weight %v on edge %d–%d: weights must be finite and non-negative", w, u, v)
	}
	return nil
}
