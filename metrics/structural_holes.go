package metrics

import (
	"slices"

	"gonum.org/v1/gonum/graph"
)

// Constraint returns Burt's network constraint of every node of g, keyed
// by node id:
//
//	c(i) = Σ_{j ∈ N(i)} ( p_ij + Σ_{q ∈ N(i), q ≠ j} p_iq p_qj )²
//	p_ij = (a_ij + a_ji) / Σ_{k ∈ N(i)} (a_ik + a_ki)
//
// where N(i) is the set of contacts of i (its in- and out-neighbours, i
// itself excluded) and a_ij the weight of the edge i→j (0 without an
// edge): p_ij is the share of i's ties invested in j. A node with one
// contact has constraint 1, one whose contacts are not tied to each other
// 1/|N(i)| (equal weights); ties among the contacts raise it, above 1 in
// small dense networks (1.125 in a triangle). Lower constraint means more
// structural holes around the node. This is NetworkX's constraint and
// igraph's constraint().
//
// A directed tie counts for both ends, so a reciprocated pair of arcs
// weighs twice one arc (as in NetworkX and igraph). If weighted is true
// and g is a graph.Weighted, a_ij is the edge weight (a tie strength,
// positive); otherwise every edge weighs 1. Self-loops are ignored. An
// isolate has no defined constraint (NetworkX and igraph give NaN):
// Constraint returns 0, the empty sum, which no other node scores, so 0
// marks an isolate (measures.md); leave isolates out before averaging.
// The time complexity is O(Σ_i |N(i)|² log Δ) for maximum degree Δ.
//
// References: [Burt 1992], ch. 2 (R. S. Burt, Structural Holes, Harvard
// University Press); [Burt 2004], eq. 1 (R. S. Burt, "Structural holes
// and good ideas", American Journal of Sociology 110(2):349-399).
//
// [Burt 1992]: https://doi.org/10.4159/9780674029095
// [Burt 2004]: https://doi.org/10.1086/421787
func Constraint(g graph.Graph, weighted bool) map[int64]float64 {
	ego := newStructEgo(g, weighted)
	out := make(map[int64]float64, len(ego.ids))
	for _, i := range ego.ids {
		nb := ego.nbrs[i]
		var c float64
		for _, j := range nb {
			local := ego.p(i, j)
			for _, q := range nb {
				if q != j {
					local += ego.p(i, q) * ego.p(q, j)
				}
			}
			c += local * local
		}
		out[i] = c
	}
	return out
}

// EffectiveSize returns the effective size of the ego network of every
// node of g, keyed by node id: Borgatti's (1997) form of Burt's measure
// for an undirected graph without weights (weighted false, or g not a
// graph.Weighted), Burt's (1992) general formula otherwise:
//
//	e(i) = n − 2t/n                                            (Borgatti)
//	e(i) = Σ_{j ∈ N(i)} ( 1 − Σ_{q ∈ N(i), q ≠ j} p_iq m_jq )   (Burt)
//	m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)
//
// with n = |N(i)| the number of contacts of i, t the number of ties among
// them (ego's own excluded), p as in Constraint and m_jq the mutual weight
// of j and q relative to j's strongest tie. The two agree on unweighted
// undirected graphs; both are NetworkX's effective_size (igraph has
// none). e(i) counts the non-redundant contacts of i: |N(i)| when no two
// contacts are tied, falling towards 1 as the ego network becomes a
// clique. Burt's efficiency is e(i)/|N(i)|. Directed graphs, weights and
// self-loops are treated as in Constraint.
//
// An isolate has no defined effective size (NetworkX gives NaN);
// EffectiveSize returns 0, the empty sum, which no other node scores, so
// 0 marks an isolate (measures.md). The time is O(Σ_i |N(i)|² log Δ).
//
// References: [Burt 1992], ch. 2 (see Constraint); [Borgatti 1997] (S. P.
// Borgatti, "Structural holes: unpacking Burt's redundancy measures",
// Connections 20(1):35-38, no DOI).
//
// [Burt 1992]: https://doi.org/10.4159/9780674029095
// [Borgatti 1997]: http://www.analytictech.com/connections/v20(1)/holes.htm
func EffectiveSize(g graph.Graph, weighted bool) map[int64]float64 {
	ego := newStructEgo(g, weighted)
	out := make(map[int64]float64, len(ego.ids))
	_, directed := g.(graph.Directed)
	borgatti := !directed && !ego.weighted
	for _, i := range ego.ids {
		nb := ego.nbrs[i]
		if len(nb) == 0 {
			out[i] = 0
			continue
		}
		if borgatti {
			// t: ties among the contacts, each counted once.
			t := 0
			for _, j := range nb {
				for _, q := range ego.nbrs[j] {
					if q > j && ego.has(i, q) {
						t++
					}
				}
			}
			n := float64(len(nb))
			out[i] = n - 2*float64(t)/n
			continue
		}
		var e float64
		for _, j := range nb {
			r := 0.0
			for _, q := range nb {
				if q != j {
					r += ego.p(i, q) * ego.m(j, q)
				}
			}
			e += 1 - r
		}
		out[i] = e
	}
	return out
}

// structEgo holds, for every node, its contacts (in- and out-neighbours,
// sorted by id) and the mutual weights a_ij + a_ji to them, with the sum and
// maximum of those weights.
type structEgo struct {
	ids      []int64 // all nodes, sorted
	nbrs     map[int64][]int64
	mw       map[int64][]float64 // mw[i][k] is the mutual weight of i and nbrs[i][k]
	sum, max map[int64]float64
	weighted bool
}

func newStructEgo(g graph.Graph, weighted bool) *structEgo {
	wg, ok := g.(graph.Weighted)
	weighted = weighted && ok
	dg, directed := g.(graph.Directed)
	e := &structEgo{
		nbrs: map[int64][]int64{}, mw: map[int64][]float64{},
		sum: map[int64]float64{}, max: map[int64]float64{},
		weighted: weighted,
	}
	weight := func(u, v int64) float64 {
		if !weighted {
			return 1
		}
		w, _ := wg.Weight(u, v)
		return w
	}
	nodes := g.Nodes()
	for nodes.Next() {
		e.ids = append(e.ids, nodes.Node().ID())
	}
	slices.Sort(e.ids)
	for _, i := range e.ids {
		acc := map[int64]float64{}
		to := g.From(i)
		for to.Next() {
			if j := to.Node().ID(); j != i {
				acc[j] += weight(i, j)
			}
		}
		if directed {
			from := dg.To(i)
			for from.Next() {
				if j := from.Node().ID(); j != i {
					acc[j] += weight(j, i)
				}
			}
		}
		nb := make([]int64, 0, len(acc))
		for j := range acc {
			nb = append(nb, j)
		}
		slices.Sort(nb)
		mw := make([]float64, len(nb))
		var s, m float64
		for k, j := range nb {
			mw[k] = acc[j]
			s += acc[j]
			if acc[j] > m {
				m = acc[j]
			}
		}
		e.nbrs[i], e.mw[i], e.sum[i], e.max[i] = nb, mw, s, m
	}
	return e
}

// weight returns the mutual weight of i and j, 0 if they are not tied.
func (e *structEgo) weight(i, j int64) float64 {
	nb := e.nbrs[i]
	if k, ok := slices.BinarySearch(nb, j); ok {
		return e.mw[i][k]
	}
	return 0
}

func (e *structEgo) has(i, j int64) bool {
	_, ok := slices.BinarySearch(e.nbrs[i], j)
	return ok
}

// p returns p_ij, the mutual weight of i and j over i's total (0 when i
// has no ties of positive weight, as in NetworkX).
func (e *structEgo) p(i, j int64) float64 {
	if e.sum[i] == 0 {
		return 0
	}
	return e.weight(i, j) / e.sum[i]
}

// m returns m_ij, the mutual weight of i and j over i's largest.
func (e *structEgo) m(i, j int64) float64 {
	if e.max[i] == 0 {
		return 0
	}
	return e.weight(i, j) / e.max[i]
}
