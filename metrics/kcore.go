package metrics

import (
	"gonum.org/v1/gonum/graph"
)

// CoreNumber returns the core number (coreness, shell index) of every node
// of g: the largest k such that v belongs to the k-core, the maximal
// subgraph in which every node has degree at least k.
//
//	core(v) = max{ k : v ∈ H, H ⊆ G, deg_H(u) ≥ k for all u ∈ H }
//
// On directed graphs the degree is the total degree in+out, counted in
// arcs: a mutual pair u⇄v adds 2 to the degree of each. NetworkX 2.8.8
// core_number (which peels all_neighbors with multiplicity) and igraph's
// coreness(mode="all") do the same (checked on the reference graphs).
// Weights are ignored. Isolates have core number 0.
//
// The algorithm is Batagelj and Zaversnik's bucket peeling, O(|V| + |E|).
//
// [Seidman 1983]: S. B. Seidman (1983), "Network structure and minimum
// degree", Social Networks 5(3):269–287,
// https://doi.org/10.1016/0378-8733(83)90028-X
//
// [Batagelj & Zaversnik 2003]: V. Batagelj and M. Zaversnik (2003), "An
// O(m) algorithm for cores decomposition of networks", arXiv cs/0310049,
// https://arxiv.org/abs/cs/0310049
func CoreNumber(g graph.Graph) map[int64]int {
	a, _ := specBuild(g, false, "core number") // unweighted: cannot fail
	n := len(a.ids)
	// Incident arcs of each node, with multiplicity (undirected: neighbours).
	nbr := make([][]int, n)
	for u := range a.out {
		for _, arc := range a.out[u] {
			nbr[u] = append(nbr[u], arc.to)
		}
		if a.directed {
			for _, arc := range a.in[u] {
				nbr[u] = append(nbr[u], arc.to)
			}
		}
	}
	deg := make([]int, n)
	maxDeg := 0
	for v := range nbr {
		deg[v] = len(nbr[v])
		maxDeg = max(maxDeg, deg[v])
	}
	// Bucket sort by degree (Batagelj & Zaversnik, Algorithm 2).
	bin := make([]int, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		bin[d], start = start, start+bin[d]
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = v
		bin[d]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u := range nbr[v] {
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], vert[pu] = pw, w
					pos[w], vert[pw] = pu, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	out := make(map[int64]int, n)
	for v, id := range a.ids {
		out[id] = deg[v]
	}
	return out
}
