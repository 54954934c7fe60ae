package metrics

import (
	"math"

	"gonum.org/v1/gonum/graph"
)

// HITS returns Kleinberg's hub and authority scores of every node of g,
// each scaled so that its largest score is 1 (as in igraph, scale=TRUE,
// and as Eigenvector; NetworkX normalises each vector to sum 1):
//
//	a_v = Σ_{u→v} w(u,v) h_u        (authorities: pointed to by good hubs)
//	h_u = Σ_{u→v} w(u,v) a_v        (hubs: point to good authorities)
//	h = lim_{k→∞} (A Aᵀ)^k 1,  a = Aᵀ h,  each rescaled to max 1
//
// This is Kleinberg's iteration from the all-ones hub vector: h is the
// dominant eigenvector of AAᵀ and a that of AᵀA. When the dominant
// eigenvalue is repeated (several equally strong hub–authority structures,
// or a bipartite undirected graph), the limit is the projection of the
// all-ones vector on the dominant eigenspace, which fixes the result, as
// NetworkX's pure-Python power method does; the ARPACK-based hits of
// NetworkX and igraph return other vectors (examples in measures.md).
//
// On undirected graphs every edge points both ways; when the dominant
// eigenvalue of A² is simple, hubs = authorities = eigenvector centrality.
// With opt.Weighted, w(u,v) is the edge weight (finite, non-negative);
// otherwise 1. Nodes without out-links have hub score 0, nodes without
// in-links authority score 0; a graph without edges gives every node 0
// for both.
//
// Iteration stops when the L1 change of h plus that of a (both max-scaled)
// is below n·Tol, and returns an error wrapping ErrNotConverged after
// opt.MaxIter iterations. Each iteration costs O(|V| + |E|).
//
// [Kleinberg 1999]: J. M. Kleinberg (1999), "Authoritative sources in a
// hyperlinked environment", Journal of the ACM 46(5):604–632,
// https://doi.org/10.1145/324133.324140
func HITS(g graph.Graph, opt IterOptions) (hubs, authorities map[int64]float64, err error) {
	a, err := specBuild(g, opt.Weighted, "HITS")
	if err != nil {
		return nil, nil, err
	}
	n := len(a.ids)
	hubs = make(map[int64]float64, n)
	authorities = make(map[int64]float64, n)
	if a.arcs == 0 {
		for _, id := range a.ids {
			hubs[id], authorities[id] = 0, 0
		}
		return hubs, authorities, nil
	}
	tol, maxIter := opt.tol(), opt.maxIter()
	h := make([]float64, n)
	for v := range h {
		h[v] = 1
	}
	auth := make([]float64, n)
	h2 := make([]float64, n)
	a2 := make([]float64, n)
	for it := 0; it < maxIter; it++ {
		var top float64
		for v := range a2 {
			var s float64
			for _, arc := range a.in[v] {
				s += arc.w * h[arc.to]
			}
			a2[v] = s
			top = math.Max(top, s)
		}
		for v := range a2 {
			a2[v] /= top
		}
		top = 0
		for u := range h2 {
			var s float64
			for _, arc := range a.out[u] {
				s += arc.w * a2[arc.to]
			}
			h2[u] = s
			top = math.Max(top, s)
		}
		var change float64
		for v := range h2 {
			h2[v] /= top
			change += math.Abs(h2[v]-h[v]) + math.Abs(a2[v]-auth[v])
		}
		h, h2 = h2, h
		auth, a2 = a2, auth
		if it > 0 && change < float64(n)*tol {
			for v, id := range a.ids {
				hubs[id], authorities[id] = h[v], auth[v]
			}
			return hubs, authorities, nil
		}
	}
	return nil, nil, &NotConvergedError{Measure: "HITS", Iterations: maxIter, Tol: tol}
}
