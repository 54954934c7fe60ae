package metrics

import (
	"math"
	"math/big"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// DegreeAssortativity returns Newman's degree assortativity coefficient of
// g: the Pearson correlation, over the edges, of the degrees at their two
// ends,
//
//	r = Σ_e (x_e − x̄)(y_e − ȳ) / √( Σ_e (x_e − x̄)² · Σ_e (y_e − ȳ)² )
//
// Undirected graphs: every edge {u, v} enters twice, as (k_u, k_v) and
// (k_v, k_u), with k the degree (Newman 2002, eq. 4). Directed graphs (g a
// graph.Directed): every arc u→v enters once with x = out-degree of u and
// y = in-degree of v (Newman 2003, eq. 26), NetworkX's default x='out',
// y='in' and igraph's assortativity_degree(directed=TRUE). Weights are
// ignored (degrees, not strengths); self-loops are not counted.
//
// r lies in [−1, 1]: positive when hubs tie to hubs, negative when hubs
// tie to low-degree nodes (a star gives −1). It is undefined when g has no
// edges or when the degrees at one end do not vary (a regular graph such
// as a cycle or a complete graph; the out-star, whose only source has
// out-degree n−1); NetworkX and igraph return NaN there.
//
// The time complexity is O(|V| + |E|).
//
// References:
//   - [Newman 2002]: M. E. J. Newman (2002), "Assortative mixing in
//     networks", Physical Review Letters 89:208701.
//   - [Newman 2003]: M. E. J. Newman (2003), "Mixing patterns in networks",
//     Physical Review E 67:026126.
//
// [Newman 2002]: https://doi.org/10.1103/PhysRevLett.89.208701
// [Newman 2003]: https://doi.org/10.1103/PhysRevE.67.026126
func DegreeAssortativity(g graph.Graph) Value {
	ids := structNodeIDs(g)
	out := make(map[int64]int64, len(ids))
	in := make(map[int64]int64, len(ids))
	for _, u := range ids {
		to := g.From(u)
		for to.Next() {
			if v := to.Node().ID(); v != u {
				out[u]++
				in[v]++
			}
		}
	}
	// One pair (x, y) = (out-degree of u, in-degree of v) per arc u→v; an
	// undirected edge is two arcs, and then in = out = degree. The sums are exact integers, so the result does
	// not depend on the order of the edges and a zero variance is exact.
	var n, sx, sy, sxx, syy, sxy int64
	for _, u := range ids {
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if v == u {
				continue
			}
			x, y := out[u], in[v]
			n++
			sx += x
			sy += y
			sxx += x * x
			syy += y * y
			sxy += x * y
		}
	}
	if n == 0 {
		return Undefined("metrics: degree assortativity is undefined for a graph without edges")
	}
	return structPearson(n, sx, sy, sxx, syy, sxy,
		"metrics: degree assortativity is undefined: the degrees at one end of the edges do not vary")
}

// AttributeAssortativity returns Newman's assortativity coefficient of g
// for a categorical node attribute:
//
//	r = ( Σ_i e_ii − Σ_i a_i b_i ) / ( 1 − Σ_i a_i b_i )
//
// where e_ij is the fraction of edges that run from a node of category i to
// a node of category j, a_i = Σ_j e_ij and b_j = Σ_i e_ij (Newman 2003,
// eq. 2). Undirected graphs count every edge in both directions, so e is
// symmetric and a = b; directed graphs count each arc from its source to
// its target (NetworkX's attribute_assortativity_coefficient, igraph's
// assortativity_nominal(directed=TRUE)). Weights are ignored. A node absent
// from attr has the category "" (as a node without the attribute in
// package network).
//
// r is 1 when every edge joins nodes of the same category, 0 when the
// mixing is what the category shares a_i, b_i predict, and negative (down
// to −1 for two categories joined only across) when ties cross
// categories. It is undefined when the denominator is 0, that is when g
// has no edges or every edge end lies in a single category; NetworkX and
// igraph return NaN there. The counts are exact integers, so a zero
// denominator is detected exactly.
//
// The time complexity is O(|V| + |E|).
//
// References:
//   - [Newman 2003]: M. E. J. Newman (2003), "Mixing patterns in networks",
//     Physical Review E 67:026126.
//
// [Newman 2003]: https://doi.org/10.1103/PhysRevE.67.026126
func AttributeAssortativity(g graph.Graph, attr map[int64]string) Value {
	var m, same int64 // arcs, arcs within a category
	row := map[string]int64{}
	col := map[string]int64{}
	nodes := g.Nodes()
	for nodes.Next() {
		u := nodes.Node().ID()
		cu := attr[u]
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if v == u {
				continue
			}
			cv := attr[v]
			m++
			row[cu]++
			col[cv]++
			if cu == cv {
				same++
			}
		}
	}
	// With counts E_ij = M e_ij: r = (M·Σ E_ii − Σ A_i B_i) / (M² − Σ A_i B_i).
	var s int64
	for c, a := range row {
		s += a * col[c]
	}
	den := m*m - s
	if m == 0 || den == 0 {
		return Undefined("metrics: attribute assortativity is undefined: all edge ends lie in one category")
	}
	return Defined(float64(m*same-s) / float64(den))
}

// structPearson returns the Pearson correlation of n integer pairs from
// their sums Σx, Σy, Σx², Σy², Σxy:
//
//	r = (nΣxy − ΣxΣy) / √( (nΣx² − (Σx)²)(nΣy² − (Σy)²) )
//
// The three numerators are formed exactly (math/big), so the result is
// correctly rounded up to the final division and square root and a zero
// variance is detected exactly; it is undefined with note then.
func structPearson(n, sx, sy, sxx, syy, sxy int64, note string) Value {
	cov := func(sab, sa, sb int64) float64 {
		var p, q big.Int
		p.Mul(big.NewInt(n), big.NewInt(sab))
		q.Mul(big.NewInt(sa), big.NewInt(sb))
		f, _ := new(big.Float).SetInt(p.Sub(&p, &q)).Float64()
		return f
	}
	cxy, cxx, cyy := cov(sxy, sx, sy), cov(sxx, sx, sx), cov(syy, sy, sy)
	if cxx == 0 || cyy == 0 {
		return Undefined(note)
	}
	// cxx·cyy is exact for moderate sums, so a perfect correlation gives
	// exactly ±1; the clamp guards against a last-bit excursion beyond.
	return Defined(max(-1, min(1, cxy/math.Sqrt(cxx*cyy))))
}

// structNodeIDs returns the node ids of g in increasing order.
func structNodeIDs(g graph.Graph) []int64 {
	var ids []int64
	nodes := g.Nodes()
	for nodes.Next() {
		ids = append(ids, nodes.Node().ID())
	}
	slices.Sort(ids)
	return ids
}
