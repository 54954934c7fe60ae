package metrics

import (
	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
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
// Weights are ignored. Isolates have core number 0. A self-loop, which
// only a custom gonum graph can hold, adds its arcs to the node's degree
// (1 on an undirected graph, 2 on a directed one) and is never peeled.
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
	ids, core := coreNumbers(g)
	out := make(map[int64]int, len(ids))
	for v, id := range ids {
		out[id] = int(core[v])
	}
	return out
}

// coreColumn is the core number of every node, in id order (the order of
// c.nodes(), which holds the same nodes), without the maps of CoreNumber.
func (c *computation) coreColumn() []Value {
	_, core := coreNumbers(c.g)
	out := make([]Value, len(core))
	for i, k := range core {
		out[i] = Defined(float64(k))
	}
	return out
}

// coreNumbers returns the node ids in increasing order and the core
// number of each, in that order (see CoreNumber).
//
// Implementation note: the peeling runs over the compressed sparse rows
// of the graph (those of a CompactGraph as they are, of any other graph
// as compact.Read reads them), with flat int32 arrays for the degrees,
// bins and positions: on a graph of 10⁷ arcs this takes about a second,
// where adjacency lists of one slice per node and a map of results took
// a minute. A graph too large for int32 indices falls back to
// coreNumbersLists.
func coreNumbers(g graph.Graph) ([]int64, []int32) {
	r, ok := compact.View(g)
	var loops map[int64]int32 // self-loops per node: rows never hold them
	if !ok {
		var err error
		r, err = compact.Read(g, false, func(u, v int64) (float64, bool, error) {
			if u == v {
				if loops == nil {
					loops = map[int64]int32{}
				}
				loops[u]++
				return 0, false, nil
			}
			return 1, true, nil
		})
		if err != nil {
			return coreNumbersLists(g)
		}
	}
	n := len(r.IDs)
	// deg[v] is the current degree, with multiplicity: the out-row, plus
	// the in-row on a directed graph (an undirected graph's rows already
	// hold every neighbour).
	deg := make([]int32, n)
	var maxDeg int32
	for v := range n {
		d := r.Off[v+1] - r.Off[v]
		if r.Directed {
			d += r.InOff[v+1] - r.InOff[v]
		}
		deg[v] = d
	}
	if loops != nil {
		per := int32(1)
		if r.Directed {
			per = 2 // out and in
		}
		for v, id := range r.IDs {
			deg[v] += per * loops[id]
		}
	}
	for _, d := range deg {
		maxDeg = max(maxDeg, d)
	}
	// Bucket sort by degree (Batagelj & Zaversnik, Algorithm 2).
	bin := make([]int32, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	var start int32
	for d := range bin {
		bin[d], start = start, start+bin[d]
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = int32(v)
		bin[d]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	peel := func(v int32, row []int32) {
		dv := deg[v]
		for _, u := range row {
			if du := deg[u]; du > dv {
				pu := pos[u]
				pw := bin[du]
				if w := vert[pw]; u != w {
					pos[u], vert[pu] = pw, w
					pos[w], vert[pw] = pu, u
				}
				bin[du]++
				deg[u] = du - 1
			}
		}
	}
	for i := range n {
		v := vert[i]
		peel(v, r.Adj[r.Off[v]:r.Off[v+1]])
		if r.Directed {
			peel(v, r.InAdj[r.InOff[v]:r.InOff[v+1]])
		}
	}
	return r.IDs, deg
}

// coreNumbersLists is CoreNumber over adjacency lists (specBuild), for
// graphs that compact.Read refuses (more than 2³¹−1 arcs).
func coreNumbersLists(g graph.Graph) ([]int64, []int32) {
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
	core := make([]int32, n)
	for v, d := range deg {
		core[v] = int32(d)
	}
	return a.ids, core
}
