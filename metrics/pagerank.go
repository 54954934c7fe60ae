package metrics

import (
	"fmt"
	"math"

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
// Method: power iteration from the uniform vector 1/n (deterministic;
// gonum's network.PageRank starts from a random vector), stopping when
// the L1 change Σ_v |PR_k(v) − PR_{k−1}(v)| is below n·Tol (NetworkX's
// criterion), and returning an error wrapping ErrNotConverged after
// opt.MaxIter iterations. The error shrinks by a factor d per iteration;
// each costs O(|V| + |E|). d must lie in [0, 1).
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
	a, err := specBuild(g, opt.Weighted, "PageRank")
	if err != nil {
		return nil, err
	}
	n := len(a.ids)
	out := make(map[int64]float64, n)
	if n == 0 {
		return out, nil
	}
	tol, maxIter := opt.tol(), opt.maxIter()
	strength := make([]float64, n)
	for u, arcs := range a.out {
		for _, arc := range arcs {
			strength[u] += arc.w
		}
	}
	fn := float64(n)
	x := make([]float64, n)
	for v := range x {
		x[v] = 1 / fn
	}
	y := make([]float64, n)
	for it := 0; it < maxIter; it++ {
		var dangling float64
		for u := range x {
			if strength[u] == 0 {
				dangling += x[u]
			}
		}
		base := (1-damping)/fn + damping*dangling/fn
		var change float64
		for v := range y {
			var s float64
			for _, arc := range a.in[v] {
				u := arc.to
				s += x[u] * arc.w / strength[u]
			}
			y[v] = base + damping*s
			change += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if change < fn*tol {
			for v, id := range a.ids {
				out[id] = x[v]
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("metrics: PageRank after %d iterations: %w", maxIter, ErrNotConverged)
}
