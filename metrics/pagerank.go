package metrics

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/graph"
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
	return nil, fmt.Errorf("metrics: PageRank after %d iterations: %w", maxIter, ErrNotConverged)
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

// newPageRankCSR reads g once into flat in-arc arrays. As in specBuild,
// an arc of weight 0 counts as absent and other weights must be finite
// and non-negative; undirected edges are arcs both ways.
func newPageRankCSR(g graph.Graph, weighted bool) (*pageRankCSR, error) {
	if c, ok, err := compactPageRankCSR(g, weighted); ok || err != nil {
		return c, err
	}
	it := g.Nodes()
	ids := make([]int64, 0, max(it.Len(), 0))
	for it.Next() {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	n := len(ids)
	if int64(n) >= math.MaxInt32 {
		return nil, errCSRTooLarge
	}
	dense := n == 0 || ids[0] == 0 && ids[n-1] == int64(n-1)
	var index map[int64]int32
	if !dense {
		index = make(map[int64]int32, n)
		for i, id := range ids {
			index[id] = int32(i)
		}
	}
	wg, isWeighted := g.(graph.Weighted)
	weighted = weighted && isWeighted
	c := &pageRankCSR{ids: ids, off: make([]int32, n+1), strength: make([]float64, n)}
	// Read the arcs of consecutive blocks of sources concurrently (gonum
	// graphs are safe for concurrent reads) and concatenate the blocks in
	// order: the arcs come out in the order of a serial read.
	type block struct {
		from, to []int32
		ws       []float64
		err      error
	}
	parts := min(runtime.GOMAXPROCS(0), max(1, n/4096))
	blocks := make([]block, parts)
	var wait sync.WaitGroup
	for p := range parts {
		wait.Add(1)
		go func() {
			defer wait.Done()
			b := &blocks[p]
			type arc struct {
				to int32
				w  float64
			}
			var row []arc
			for u := p * n / parts; u < (p+1)*n/parts; u++ {
				uid := ids[u]
				row = row[:0]
				nb := g.From(uid)
				for nb.Next() {
					vid := nb.Node().ID()
					w := 1.0
					if weighted {
						w, _ = wg.Weight(uid, vid)
						if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
							b.err = fmt.Errorf("metrics: PageRank: weight %v on edge %d–%d: weights must be finite and non-negative", w, uid, vid)
							return
						}
						if w == 0 {
							continue
						}
					}
					v := int32(vid)
					if !dense {
						v = index[vid]
					}
					row = append(row, arc{v, w})
				}
				// From comes in map order: sort a weighted row, so that the
				// strength is summed in a fixed order (counts are exact in
				// any order, and in-rows are sorted by the counting sort).
				if weighted {
					slices.SortFunc(row, func(a, b arc) int { return cmp.Compare(a.to, b.to) })
				}
				for _, a := range row {
					b.from, b.to = append(b.from, int32(u)), append(b.to, a.to)
					if weighted {
						b.ws = append(b.ws, a.w)
					}
					c.strength[u] += a.w
				}
			}
		}()
	}
	wait.Wait()
	var from, to []int32
	var ws []float64
	for _, b := range blocks {
		if b.err != nil {
			return nil, b.err
		}
		if parts == 1 {
			from, to, ws = b.from, b.to, b.ws
			break
		}
		from, to, ws = append(from, b.from...), append(to, b.to...), append(ws, b.ws...)
	}
	for _, v := range to {
		c.off[v+1]++
	}
	if int64(len(to)) >= math.MaxInt32 {
		return nil, errCSRTooLarge
	}
	for v := range n {
		c.off[v+1] += c.off[v]
	}
	// Counting sort by target; sources were visited in increasing order,
	// so each in-row comes out sorted.
	c.src = make([]int32, len(to))
	if weighted {
		c.w = make([]float64, len(to))
	}
	next := slices.Clone(c.off[:n])
	for k, v := range to {
		p := next[v]
		next[v]++
		c.src[p] = from[k]
		if weighted {
			c.w[p] = ws[k]
		}
	}
	return c, nil
}

// compactPageRankCSR is newPageRankCSR for a CompactGraph: the in-rows
// are the graph's own and the strengths are summed over its out-rows in
// the order newPageRankCSR uses. ok is false if g is not a CompactGraph,
// breaks its rules, or (weighted) has an arc of weight 0, which PageRank
// drops: newPageRankCSR then reads it node by node.
func compactPageRankCSR(g graph.Graph, weighted bool) (c *pageRankCSR, ok bool, err error) {
	cv, ok := compactViewOf(g)
	if !ok {
		return nil, false, nil
	}
	weighted = weighted && cv.w != nil
	c = &pageRankCSR{ids: cv.ids, off: cv.inOff, src: cv.inAdj, strength: make([]float64, len(cv.ids))}
	for u := range cv.ids {
		if !weighted {
			c.strength[u] = float64(cv.off[u+1] - cv.off[u])
			continue
		}
		for k := cv.off[u]; k < cv.off[u+1]; k++ {
			x := cv.w[k]
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return nil, true, fmt.Errorf("metrics: PageRank: weight %v on edge %d–%d: weights must be finite and non-negative", x, cv.ids[u], cv.ids[cv.adj[k]])
			}
			if x == 0 {
				return nil, false, nil
			}
			c.strength[u] += x
		}
	}
	if weighted {
		c.w = cv.inW
	}
	return c, true, nil
}
