package metrics

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"
)

// Density returns the share of possible ties that are present:
//
//	undirected  D = m / (n(n−1)/2)
//	directed    D = m / (n(n−1))
//
// with n nodes and m edges (arcs). g is directed iff it is a graph.Directed.
// Self-loops are not counted (gonum's simple graphs have none) and weights
// are ignored. D lies in [0, 1]; it is 1 for a complete graph. It is
// undefined for a graph with fewer than two nodes. This is NetworkX's
// nx.density, igraph's density(loops=False) and sna's gden.
//
// The time complexity is O(|V| + |E|).
//
// References:
//   - [Wasserman and Faust 1994]: S. Wasserman and K. Faust (1994), Social
//     Network Analysis: Methods and Applications, Cambridge University
//     Press, section 4.2.
//
// [Wasserman and Faust 1994]: https://doi.org/10.1017/CBO9780511815478
func Density(g graph.Graph) Value {
	n := 0
	arcs := 0 // an undirected edge counts twice, once from each end
	nodes := g.Nodes()
	for nodes.Next() {
		n++
		u := nodes.Node().ID()
		to := g.From(u)
		for to.Next() {
			if to.Node().ID() != u {
				arcs++
			}
		}
	}
	if n < 2 {
		return Undefined("metrics: density is undefined for a graph with fewer than two nodes")
	}
	// Both cases reduce to arcs / (n(n−1)): an undirected graph has 2m arcs.
	return Defined(float64(arcs) / (float64(n) * float64(n-1)))
}

// WeakComponents returns the weakly connected components of g: the
// connected components of g with edge directions ignored (for an
// undirected graph, its connected components). An isolate is a component
// of its own.
//
// Each component lists its node ids in increasing order; components are
// sorted by size, largest first, and components of equal size by their
// smallest id, so the result does not depend on gonum's iteration order.
// Components are found with gonum's topo.ConnectedComponents (depth-first
// search) in O(|V| + |E|), then sorted in O(|V| log |V|).
func WeakComponents(g graph.Graph) [][]int64 {
	var u graph.Undirected
	switch g := g.(type) {
	case graph.Directed:
		u = graph.Undirect{G: g}
	case graph.Undirected:
		u = g
	default:
		u = structUndirectedView{g}
	}
	return structSortComponents(topo.ConnectedComponents(u))
}

// StrongComponents returns the strongly connected components of the
// digraph g: maximal sets of nodes in which every node reaches every other
// along directed paths. A node on no directed cycle is a component of its
// own. Order as in WeakComponents (ids increasing within a component;
// largest component first, ties by smallest id).
//
// Components are found with gonum's topo.TarjanSCC in O(|V| + |E|)
// (Tarjan 1972), then sorted in O(|V| log |V|).
//
// References:
//   - [Tarjan 1972]: R. Tarjan (1972), "Depth-first search and linear graph
//     algorithms", SIAM Journal on Computing 1(2):146-160.
//
// [Tarjan 1972]: https://doi.org/10.1137/0201010
func StrongComponents(g graph.Directed) [][]int64 {
	return structSortComponents(topo.TarjanSCC(g))
}

// LargestComponent returns the number of nodes in the largest weakly
// connected component of g (see WeakComponents), 0 for a graph without
// nodes. Divide by the number of nodes for the share of the giant
// component.
func LargestComponent(g graph.Graph) int {
	cc := WeakComponents(g)
	if len(cc) == 0 {
		return 0
	}
	return len(cc[0])
}

// Reciprocity returns the share of the arcs of the digraph g that are
// reciprocated:
//
//	r = L↔ / L
//
// where L is the number of arcs u→v (u ≠ v) and L↔ the number of those
// arcs whose reverse v→u is also present (a mutual pair contributes 2).
// r lies in [0, 1]: 0 for an out-tree, 1 when every tie is mutual. This is
// NetworkX's overall_reciprocity, igraph's reciprocity(mode="default") and
// sna's grecip(measure="edgewise"). It is undefined for a graph without
// arcs (NetworkX raises an error, igraph and sna return NaN). Self-loops are
// ignored (igraph's ignore_loops=TRUE); weights are ignored.
//
// Undirected graphs are not accepted (the parameter is a graph.Directed):
// their ties have no direction, so reciprocity is not defined for them
// (the peers return 1 or 0 there, which would only restate how the data
// were coded; see measures.md).
//
// Garlaschelli and Loffredo's (2004) ρ = (r − D)/(1 − D), which corrects r
// for the density D expected by chance, is an alternative that is not
// computed here; it can be derived from Reciprocity and Density.
//
// The time complexity is O(|E|) edge look-ups.
//
// References:
//   - [Garlaschelli and Loffredo 2004]: D. Garlaschelli and M. I. Loffredo
//     (2004), "Patterns of link reciprocity in directed networks", Physical
//     Review Letters 93:268701.
//
// [Garlaschelli and Loffredo 2004]: https://doi.org/10.1103/PhysRevLett.93.268701
func Reciprocity(g graph.Directed) Value {
	var arcs, mutual int
	nodes := g.Nodes()
	for nodes.Next() {
		u := nodes.Node().ID()
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if v == u {
				continue
			}
			arcs++
			if g.HasEdgeFromTo(v, u) {
				mutual++
			}
		}
	}
	if arcs == 0 {
		return Undefined("metrics: reciprocity is undefined for a graph without arcs")
	}
	return Defined(float64(mutual) / float64(arcs))
}

// structSortComponents turns gonum's components into sorted id lists,
// largest first, ties by smallest id.
func structSortComponents(cc [][]graph.Node) [][]int64 {
	out := make([][]int64, len(cc))
	for i, c := range cc {
		ids := make([]int64, len(c))
		for k, n := range c {
			ids[k] = n.ID()
		}
		slices.Sort(ids)
		out[i] = ids
	}
	slices.SortFunc(out, func(a, b []int64) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	return out
}

// structUndirectedView presents a graph.Graph that is neither
// graph.Directed nor graph.Undirected as a graph.Undirected.
type structUndirectedView struct{ graph.Graph }

func (g structUndirectedView) EdgeBetween(x, y int64) graph.Edge { return g.Edge(x, y) }
