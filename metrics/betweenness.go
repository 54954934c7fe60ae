package metrics

import "gonum.org/v1/gonum/graph"

// Betweenness returns the raw (Freeman) shortest-path betweenness of every
// node of g:
//
//	C_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st
//
// where σ_st is the number of shortest paths from s to t and σ_st(v) the
// number of them that pass through v. On a directed graph (one that
// implements graph.Directed) the sum runs over ordered pairs (s,t) and
// paths follow edge direction; on an undirected graph it runs over
// unordered pairs {s,t}, so the centre of the path 0-1-2 has betweenness 1
// and the centre of a star with n nodes has (n-1)(n-2)/2, the maximum.
// The maximum on a directed graph is (n-1)(n-2). Pairs with no path add
// nothing, so the measure is defined on disconnected graphs.
//
// Without opt.Distances every edge has length 1; with it edge weights are
// lengths (distances, not tie strengths; see PathOptions). ShortestPaths
// computes betweenness with the other path measures in one pass and gives
// ties, algorithm and time: O(nm) unweighted, O(nm + n² log n) weighted.
//
// Peers: NetworkX betweenness_centrality(G, normalized=False), igraph's
// and sna's betweenness() give the same numbers; gonum's
// network.Betweenness and BetweennessWeighted sum over ordered pairs on
// undirected graphs too, so give twice these, and omit zero scores.
//
// References: [Freeman 1977] (L. C. Freeman, "A set of measures of
// centrality based on betweenness", Sociometry 40(1):35-41) defines the
// measure; ShortestPaths cites the algorithm ([Brandes 2001]).
//
// [Freeman 1977]: https://doi.org/10.2307/3033543
// [Brandes 2001]: https://doi.org/10.1080/0022250X.2001.9990249
func Betweenness(g graph.Graph, opt PathOptions) (map[int64]float64, error) {
	r, err := runPaths(g, opt, true)
	if err != nil {
		return nil, err
	}
	return r.betweenness(), nil
}

// BetweennessNormalized returns the betweenness of every node of g divided
// by its maximum, the betweenness of the centre of a star with n nodes:
//
//	C'_B(v) = C_B(v) / ((n-1)(n-2)/2)   undirected
//	C'_B(v) = C_B(v) / ((n-1)(n-2))     directed
//
// with C_B the raw value of Betweenness: Freeman's relative betweenness
// ([Freeman 1977]). Scores lie in [0, 1], and 1 is reached only by the
// centre of a star. A graph with fewer than three nodes has no node that
// can lie between two others, and every score is 0 (NetworkX leaves such
// scores unscaled, which also gives 0). NetworkX
// betweenness_centrality(G, normalized=True) and R igraph
// betweenness(normalized=TRUE) give the same numbers; sna
// betweenness(rescale=TRUE) differs: it divides by the sum of the scores.
// Options, complexity and algorithm are those of Betweenness.
//
// [Freeman 1977]: https://doi.org/10.2307/3033543
func BetweennessNormalized(g graph.Graph, opt PathOptions) (map[int64]float64, error) {
	r, err := runPaths(g, opt, true)
	if err != nil {
		return nil, err
	}
	return NormalizeBetweenness(r.betweenness(), r.c.directed), nil
}

// NormalizeBetweenness scales raw Freeman betweenness scores (one entry per
// node) as BetweennessNormalized does: by 2/((n−1)(n−2)) on undirected
// graphs and 1/((n−1)(n−2)) on directed graphs, all 0 when n < 3. It
// returns a new map.
func NormalizeBetweenness(raw map[int64]float64, directed bool) map[int64]float64 {
	n := float64(len(raw))
	scale := 0.0
	if n >= 3 {
		scale = 1 / ((n - 1) * (n - 2))
		if !directed {
			scale *= 2
		}
	}
	out := make(map[int64]float64, len(raw))
	for id, b := range raw {
		out[id] = b * scale
	}
	return out
}
