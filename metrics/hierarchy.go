package metrics

import (
	"math/bits"

	"gonum.org/v1/gonum/graph"
)

// Hierarchy holds Krackhardt's four graph-theoretical dimensions of
// hierarchy. Each is 1 on an out-tree (a directed tree whose arcs point
// from the root to the leaves) and all four are 1 only there.
type Hierarchy struct {
	Connectedness Value `json:"connectedness"`
	Hierarchy     Value `json:"hierarchy"`
	Efficiency    Value `json:"efficiency"`
	LUBness       Value `json:"lubness"`
}

// KrackhardtHierarchy returns Krackhardt's connectedness, hierarchy,
// efficiency and least-upper-boundedness (LUBness) of g. With weak
// components G_1, …, G_k of N_1, …, N_k nodes, n nodes in all, R the
// reflexive reachability relation (R_ij = 1 iff there is a directed path
// from i to j, R_ii = 1), and |E| the number of arcs:
//
//	connectedness = Σ_c N_c(N_c−1)/2 / (n(n−1)/2)
//	hierarchy     = 1 − #{i<j : R_ij = R_ji = 1} / #{i<j : R_ij = 1 or R_ji = 1}
//	efficiency    = 1 − (|E| − Σ_c (N_c−1)) / Σ_c (N_c−1)²
//	LUBness       = 1 − V / Σ_{c : N_c ≥ 3} (N_c−1)(N_c−2)/2
//
// V counts the pairs {i, j} in components of at least three nodes without
// a least upper bound: as in sna's lubness_con_R, a pair has one when some
// upper bound k (R_ki = R_kj = 1) reaches every other upper bound
// (centralization.md §8). These are sna 2.7's connectedness,
// hierarchy(measure = "krackhardt") (not its default, "reciprocity"),
// efficiency(diag = FALSE) and lubness on the binary graph, and UCINET's
// Krackhardt GTD. Weights and self-loops are ignored. An undirected graph
// is read as mutual pairs of arcs: hierarchy is 0 if it has an edge.
//
// Undefined values (sna returns NaN): connectedness for an empty graph (1
// for a single node); hierarchy when no pair is joined by a path;
// efficiency when every weak component is a single node; LUBness when no
// weak component has three nodes or more. Efficiency and LUBness pool the
// weak components: fragmentation counts in connectedness only. The time is
// O(n(n+|E|)) for reachability, O(Σ_c N_c³·n/64) at worst for LUBness.
//
// [Krackhardt 1994]: D. Krackhardt (1994), "Graph theoretical dimensions
// of informal organizations", in K. M. Carley and M. J. Prietula (eds.),
// Computational Organization Theory, pp. 89–111, Lawrence Erlbaum; no DOI.
func KrackhardtHierarchy(g graph.Graph) Hierarchy {
	ids := centrNodeIDs(g)
	if len(ids) == 0 {
		u := Undefined("empty graph")
		return Hierarchy{u, u, u, u}
	}
	k := newKrackGraph(g, ids)
	reach, from := k.reachability()
	return Hierarchy{
		Connectedness: k.connectedness(),
		Hierarchy:     krackHierarchy(reach),
		Efficiency:    k.efficiency(),
		LUBness:       k.lubness(reach, from),
	}
}

// krackGraph is a graph as KrackhardtHierarchy reads it: nodes 0…n−1 in id
// order with their out-neighbours (self-loops dropped; both directions of
// an undirected edge), the number of arcs, and the weak component of each
// node, named by one of its nodes, with the size of each component.
type krackGraph struct {
	n    int
	out  [][]int
	arcs int
	comp []int
	size map[int]int
}

func newKrackGraph(g graph.Graph, ids []int64) *krackGraph {
	n := len(ids)
	k := &krackGraph{n: n, out: make([][]int, n), comp: make([]int, n), size: map[int]int{}}
	index := make(map[int64]int, n)
	for i, id := range ids {
		index[id] = i
	}
	// Weak components by union-find with path halving.
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i, id := range ids {
		to := g.From(id)
		for to.Next() {
			j := index[to.Node().ID()]
			if j == i {
				continue
			}
			k.out[i] = append(k.out[i], j)
			k.arcs++
			if a, b := find(i), find(j); a != b {
				parent[a] = b
			}
		}
	}
	for i := range k.comp {
		k.comp[i] = find(i)
		k.size[k.comp[i]]++
	}
	return k
}

// connectedness is the share of pairs of nodes in the same weak component.
func (k *krackGraph) connectedness() Value {
	n := k.n
	if n == 1 {
		return Defined(1)
	}
	var joined float64
	for _, s := range k.size {
		joined += float64(s) * float64(s-1) / 2
	}
	return Defined(joined / (float64(n) * float64(n-1) / 2))
}

// reachability returns the reflexive reachability relation as bit sets,
// reach[i] = {j : i ⇝ j} and from[j] = {i : i ⇝ j}, by a breadth-first
// search from every node; n²/8 bytes in all.
func (k *krackGraph) reachability() (reach, from []centrBits) {
	n := k.n
	words := (n + 63) / 64
	reach = centrBitMatrix(n, words)
	from = centrBitMatrix(n, words)
	queue := make([]int, 0, n)
	for s := 0; s < n; s++ {
		r := reach[s]
		r.set(s)
		queue = append(queue[:0], s)
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, v := range k.out[u] {
				if !r.has(v) {
					r.set(v)
					queue = append(queue, v)
				}
			}
		}
		for v := 0; v < n; v++ {
			if r.has(v) {
				from[v].set(s)
			}
		}
	}
	return reach, from
}

// krackHierarchy is 1 minus the share of mutual pairs among the pairs
// joined by a path in either direction.
func krackHierarchy(reach []centrBits) Value {
	n := len(reach)
	var mutual, joined int
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := reach[i].has(j), reach[j].has(i)
			if a || b {
				joined++
			}
			if a && b {
				mutual++
			}
		}
	}
	if joined == 0 {
		return Undefined("no pair of nodes is joined by a path")
	}
	return Defined(1 - float64(mutual)/float64(joined))
}

// efficiency is 1 minus the arcs beyond those a spanning tree of each weak
// component needs, relative to their maximum.
func (k *krackGraph) efficiency() Value {
	var required, maxExcess float64
	for _, s := range k.size {
		required += float64(s - 1)
		maxExcess += float64(s-1) * float64(s-1)
	}
	if maxExcess == 0 {
		return Undefined("every weak component is a single node")
	}
	return Defined(1 - (float64(k.arcs)-required)/maxExcess)
}

// lubness is 1 minus the share of pairs, in weak components of three nodes
// or more, that have no least upper bound (centrHasLUB).
func (k *krackGraph) lubness(reach, from []centrBits) Value {
	n := k.n
	members := map[int][]int{}
	for i := 0; i < n; i++ {
		members[k.comp[i]] = append(members[k.comp[i]], i)
	}
	var violations, maxViolations float64
	ub := make(centrBits, (n+63)/64)
	for i := 0; i < n; i++ {
		if k.size[k.comp[i]] < 3 || members[k.comp[i]][0] != i {
			continue // each component once, from its smallest node
		}
		vs := members[k.comp[i]]
		nc := float64(len(vs))
		maxViolations += (nc - 1) * (nc - 2) / 2
		for a := 0; a < len(vs); a++ {
			for b := a + 1; b < len(vs); b++ {
				for w := range ub {
					ub[w] = from[vs[a]][w] & from[vs[b]][w]
				}
				if !centrHasLUB(ub, reach) {
					violations++
				}
			}
		}
	}
	if maxViolations == 0 {
		return Undefined("no weak component has 3 or more nodes")
	}
	return Defined(1 - violations/maxViolations)
}

// centrHasLUB reports whether some node of the set ub reaches every node
// of ub (sna's test for a least upper bound).
func centrHasLUB(ub centrBits, reach []centrBits) bool {
	for w, word := range ub {
		for word != 0 {
			k := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if reach[k].contains(ub) {
				return true
			}
		}
	}
	return false
}

// centrBits is a bit set of node indices.
type centrBits []uint64

func (b centrBits) set(i int)      { b[i/64] |= 1 << (uint(i) % 64) }
func (b centrBits) has(i int) bool { return b[i/64]&(1<<(uint(i)%64)) != 0 }

// contains reports whether s ⊆ b.
func (b centrBits) contains(s centrBits) bool {
	for w := range s {
		if s[w]&^b[w] != 0 {
			return false
		}
	}
	return true
}

func centrBitMatrix(n, words int) []centrBits {
	backing := make([]uint64, n*words)
	m := make([]centrBits, n)
	for i := range m {
		m[i] = backing[i*words : (i+1)*words : (i+1)*words]
	}
	return m
}
