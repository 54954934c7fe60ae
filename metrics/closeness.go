package metrics

import "gonum.org/v1/gonum/graph"

// Closeness returns the closeness centrality of every node of g in the
// form of Wasserman and Faust, which is defined on disconnected graphs:
//
//	C(u) = (r(u)-1)/(n-1) · (r(u)-1) / Σ_{v reachable from u, v≠u} d(u,v)
//
// where r(u)-1 is the number of nodes reachable from u and n the number of
// nodes of g. On a connected graph this is Freeman's (n-1)/Σ_v d(u,v), the
// reciprocal of the mean distance; otherwise the mean over the reachable
// nodes is weighted by the share of the graph that u reaches, so that a
// node of a small component does not score like the hub of a large one. A
// node that reaches nobody (an isolate, a sink) has closeness 0. Scores lie
// in [0, 1]; 1 means u reaches every node in one step (the centre of a
// star).
//
// On a directed graph (one that implements graph.Directed) d(u,v) is the
// out-distance, from u to v, as in igraph's default mode="out": a node is
// close when it reaches the others quickly. With opt.Distances edge
// weights are lengths (positive, finite); otherwise every edge has length
// 1. ShortestPaths computes closeness with the other path measures in one
// pass; the time is O(nm) unweighted and O(nm + n² log n) weighted.
//
// Peers differ: NetworkX uses in-distances on directed graphs; igraph,
// sna and gonum treat unreachable nodes otherwise (measures.md).
//
// References: [Wasserman & Faust 1994], eq. 5.3 and p. 201 (S. Wasserman
// and K. Faust, Social Network Analysis: Methods and Applications,
// Cambridge University Press); [Freeman 1978] for the connected case.
//
// [Wasserman & Faust 1994]: https://doi.org/10.1017/CBO9780511815478
// [Freeman 1978]: https://doi.org/10.1016/0378-8733(78)90021-7
func Closeness(g graph.Graph, opt PathOptions) (map[int64]float64, error) {
	r, err := runPaths(g, opt, false)
	if err != nil {
		return nil, err
	}
	return r.closeness(), nil
}

// Harmonic returns the raw harmonic centrality of every node of g:
//
//	H(u) = Σ_{v≠u} 1/d(u,v),   with 1/∞ = 0
//
// An unreachable node adds 0, so the measure needs no special case for
// disconnected graphs; an isolate scores 0. The score is a raw sum, not
// divided by n-1: its maximum is n-1, reached by a node adjacent to all
// others (divide by n-1 for a score in [0, 1], as igraph's
// harmonic_centrality(normalized=True) and sna's
// closeness(cmode="suminvundir") do).
//
// On a directed graph (one that implements graph.Directed) d(u,v) is the
// out-distance, from u to v (igraph's mode="out"). NetworkX
// harmonic_centrality(G) uses IN-distances, so it equals this on
// G.reverse(); gonum's network.Harmonic also sums over in-distances. With
// opt.Distances edge weights are lengths (positive, finite); otherwise
// every edge has length 1. The time is O(nm) unweighted and
// O(nm + n² log n) weighted, for n nodes and m edges; see ShortestPaths.
//
// References: [Marchiori & Latora 2000] (M. Marchiori and V. Latora,
// "Harmony in the small-world", Physica A 285(3-4):539-546);
// [Boldi & Vigna 2014] (P. Boldi and S. Vigna, "Axioms for centrality",
// Internet Mathematics 10(3-4):222-262), who show that harmonic centrality
// satisfies their axioms on disconnected graphs where closeness does not.
//
// [Marchiori & Latora 2000]: https://doi.org/10.1016/S0378-4371(00)00311-3
// [Boldi & Vigna 2014]: https://doi.org/10.1080/15427951.2013.865686
func Harmonic(g graph.Graph, opt PathOptions) (map[int64]float64, error) {
	r, err := runPaths(g, opt, false)
	if err != nil {
		return nil, err
	}
	return r.harmonic(), nil
}
