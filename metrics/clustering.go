package metrics

import (
	"slices"

	"gonum.org/v1/gonum/graph"
)

// Clustering returns the local clustering coefficient of every node of g:
// the fraction of pairs of its neighbours that are themselves adjacent.
//
//	C(v) = 2 T(v) / (k_v (k_v − 1))     T(v) = number of triangles through v
//
// C(v) = 0 when k_v < 2 (NetworkX's convention; igraph's
// transitivity_local_undirected returns NaN there unless mode="zero").
// Directed graphs are read as their underlying undirected simple graph
// (u and v adjacent if u→v or v→u; a mutual pair is one edge), as igraph
// does and as Transitivity does, so that the local and global coefficients
// measure the same thing. NetworkX's clustering on a DiGraph computes
// Fagiolo's (2007) directed coefficient instead, a different quantity;
// apply it to G.to_undirected() to get this one. Weights are ignored.
// C(v) lies in [0, 1]. The time complexity is O(Σ_v k_v²).
//
// [Watts & Strogatz 1998]: D. J. Watts and S. H. Strogatz (1998),
// "Collective dynamics of 'small-world' networks", Nature 393:440–442,
// https://doi.org/10.1038/30918
func Clustering(g graph.Graph) map[int64]float64 {
	nbr, ids := specUndirectedNeighbours(g)
	t := specTriangles(nbr)
	out := make(map[int64]float64, len(ids))
	for v, id := range ids {
		k := float64(len(nbr[v]))
		if k < 2 {
			out[id] = 0
			continue
		}
		out[id] = 2 * float64(t[v]) / (k * (k - 1))
	}
	return out
}

// Transitivity returns the global clustering coefficient (transitivity)
// of g: the fraction of connected triples that are closed.
//
//	T = 3 × triangles / connected triples = Σ_v T(v) / Σ_v k_v (k_v − 1)/2
//
// It is undefined when g has no connected triple (no node of degree 2 or
// more). Directed graphs are read as their underlying undirected simple
// graph, as igraph's transitivity_undirected does (NetworkX's transitivity
// refuses directed graphs). Weights are ignored. T lies in [0, 1]; it
// differs from the mean of Clustering, which weights nodes equally. The
// time complexity is O(Σ_v k_v²).
//
// [Newman 2003]: M. E. J. Newman (2003), "The structure and function of
// complex networks", SIAM Review 45(2):167–256,
// https://doi.org/10.1137/S003614450342480
func Transitivity(g graph.Graph) Value {
	nbr, _ := specUndirectedNeighbours(g)
	t := specTriangles(nbr)
	var closed, triples float64
	for v := range nbr {
		k := float64(len(nbr[v]))
		closed += float64(t[v])
		triples += k * (k - 1) / 2
	}
	if triples == 0 {
		return Undefined("no connected triple (no node has two neighbours)")
	}
	return Defined(closed / triples)
}

// specUndirectedNeighbours returns, for every node index (nodes sorted by
// id), the sorted distinct neighbour indices in the underlying undirected
// simple graph, without self-loops.
func specUndirectedNeighbours(g graph.Graph) ([][]int, []int64) {
	a, _ := specBuild(g, false, "clustering")
	nbr := make([][]int, len(a.ids))
	for v := range nbr {
		seen := map[int]bool{v: true}
		for _, arcs := range [][]specArc{a.out[v], a.in[v]} {
			for _, arc := range arcs {
				if !seen[arc.to] {
					seen[arc.to] = true
					nbr[v] = append(nbr[v], arc.to)
				}
			}
		}
	}
	for v := range nbr {
		slices.Sort(nbr[v])
	}
	return nbr, a.ids
}

// specTriangles returns the number of triangles through each node.
func specTriangles(nbr [][]int) []int {
	t := make([]int, len(nbr))
	mark := make([]bool, len(nbr))
	for v := range nbr {
		for _, u := range nbr[v] {
			mark[u] = true
		}
		for _, u := range nbr[v] {
			for _, w := range nbr[u] {
				if w > u && mark[w] {
					t[v]++
				}
			}
		}
		for _, u := range nbr[v] {
			mark[u] = false
		}
	}
	return t
}
