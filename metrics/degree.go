package metrics

import (
	"gonum.org/v1/gonum/graph"
)

// Degree holds the degree and strength of a node of a directed graph.
//
//	in-degree   k⁻(v) = |{u : u→v}|        in-strength  s⁻(v) = Σ_u w(u,v)
//	out-degree  k⁺(v) = |{w : v→w}|        out-strength s⁺(v) = Σ_w w(v,w)
//	degree      k(v) = k⁻(v) + k⁺(v)       strength     s(v) = s⁻(v) + s⁺(v)
//
// Strength is the weighted degree of Barrat et al. (2004), "The architecture
// of complex weighted networks", PNAS 101(11):3747-3752,
// https://doi.org/10.1073/pnas.0400087101. Degrees are raw counts (not
// normalised by n-1).
type Degree struct {
	In, Out, Total                    int
	InStrength, OutStrength, Strength float64
}

// Degrees returns the degree and strength of every node of g, keyed by node
// id. If g is a graph.Weighted, strengths sum edge weights; otherwise every
// edge weighs 1 and strengths equal degrees. A self-loop counts once in and
// once out.
//
// The time complexity is O(|V| + |E|).
func Degrees(g graph.Directed) map[int64]Degree {
	wg, weighted := g.(graph.Weighted)
	out := map[int64]Degree{}
	nodes := g.Nodes()
	for nodes.Next() {
		out[nodes.Node().ID()] = Degree{}
	}
	nodes.Reset()
	for nodes.Next() {
		u := nodes.Node().ID()
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			w := 1.0
			if weighted {
				w, _ = wg.Weight(u, v)
			}
			du := out[u]
			du.Out++
			du.OutStrength += w
			out[u] = du
			dv := out[v] // read after the write: u may equal v
			dv.In++
			dv.InStrength += w
			out[v] = dv
		}
	}
	for id, d := range out {
		d.Total = d.In + d.Out
		d.Strength = d.InStrength + d.OutStrength
		out[id] = d
	}
	return out
}

// compactDegreeCounts returns the degrees of the nodes of a CompactGraph
// in id order, read from the row offsets, or ok false if g is not one or
// its offsets are not those of n rows. On a compact graph (such as a graph
// read by graphio.ReadEdgeList) this takes milliseconds on 10⁶ nodes,
// where iterating the neighbours of every node through gonum's interface
// allocates two iterators a node. Only the offsets are checked (O(n)),
// not the rows (compact.View, O(m)): the degrees need no more, and the
// contract of CompactGraph says that the rows agree with From and To.
func compactDegreeCounts(g graph.Graph) (*degreeCounts, bool) {
	cg, ok := g.(CompactGraph)
	if !ok {
		return nil, false
	}
	_, directed := g.(graph.Directed)
	ids, off, adj, _ := cg.CompactRows(false)
	if !offsetsValid(len(ids), off, len(adj)) {
		return nil, false
	}
	inOff := off
	if directed {
		_, in, inAdj, _ := cg.CompactRows(true)
		if !offsetsValid(len(ids), in, len(inAdj)) {
			return nil, false
		}
		inOff = in
	}
	n := len(ids)
	d := &degreeCounts{total: make([]int, n), in: make([]int, n), out: make([]int, n)}
	for i := range n {
		d.out[i] = int(off[i+1] - off[i])
		d.total[i] = d.out[i]
		if directed {
			d.in[i] = int(inOff[i+1] - inOff[i])
			d.total[i] += d.in[i]
		}
	}
	return d, true
}

// offsetsValid reports whether off are the offsets of n rows of an array
// of length m: n+1 non-decreasing values from 0 to m.
func offsetsValid(n int, off []int32, m int) bool {
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != m {
		return false
	}
	for i := range n {
		if off[i+1] < off[i] {
			return false
		}
	}
	return true
}
