package metrics

import (
	"gonum.org/v1/gonum/graph"
)

// BrokerageRoles holds the number of brokered two-paths of a node in each
// of Gould and Fernandez's five roles, and their total. The columns of R
// sna's brokerage()$raw.nli are, in order, w_I (Coordinator), w_O
// (Itinerant), b_IO (Representative), b_OI (Gatekeeper), b_O (Liaison) and
// t (Total).
type BrokerageRoles struct {
	Coordinator    int `json:"coordinator"`    // A → A → A
	Itinerant      int `json:"itinerant"`      // A → B → A (UCINET: consultant)
	Representative int `json:"representative"` // A → A → B
	Gatekeeper     int `json:"gatekeeper"`     // A → B → B
	Liaison        int `json:"liaison"`        // A → B → C
	Total          int `json:"total"`          // sum of the five
}

// Brokerage returns the Gould–Fernandez brokerage roles of every node of
// g, keyed by node id, given the group of every node. Node b brokers the
// ordered pair (a, c) when
//
//	a → b → c,  a ≠ c,  and there is no edge a → c,
//
// and the role of b in that two-path depends on the groups G(·):
//
//	coordinator     G(a) = G(b) = G(c)
//	itinerant       G(a) = G(c) ≠ G(b)
//	representative  G(a) = G(b) ≠ G(c)
//	gatekeeper      G(a) ≠ G(b) = G(c)
//	liaison         G(a), G(b), G(c) all different
//
// A role count is the number of such ordered pairs (a, c), as in R sna's
// brokerage()$raw.nli and Gould and Fernandez (1989); UCINET's partial
// credit and sna's z-scores are not offered (measures.md says why).
//
// Undirected graphs (g not a graph.Directed) are read as symmetric
// digraphs: a pair a, c of non-adjacent contacts of b is brokered twice,
// once in each direction, as sna does for a symmetric matrix, so a node's
// representative and gatekeeper counts are equal. Weights and self-loops
// are ignored. A node absent from group belongs to the group "". The time
// complexity is O(Σ_b in(b)·out(b)) edge look-ups.
//
// References: [Gould and Fernandez 1989] (R. V. Gould and R. M. Fernandez,
// "Structures of mediation: a formal approach to brokerage in transaction
// networks", Sociological Methodology 19:89-126).
//
// [Gould and Fernandez 1989]: https://doi.org/10.2307/270949
func Brokerage(g graph.Graph, group map[int64]string) map[int64]BrokerageRoles {
	dg, directed := g.(graph.Directed)
	in := g.From // undirected: in-neighbours are the neighbours
	hasArc := g.HasEdgeBetween
	if directed {
		in = dg.To
		hasArc = dg.HasEdgeFromTo
	}
	out := map[int64]BrokerageRoles{}
	nodes := g.Nodes()
	for nodes.Next() {
		b := nodes.Node().ID()
		gb := group[b]
		var r BrokerageRoles
		var succ []int64
		to := g.From(b)
		for to.Next() {
			if c := to.Node().ID(); c != b {
				succ = append(succ, c)
			}
		}
		from := in(b)
		for from.Next() {
			a := from.Node().ID()
			if a == b {
				continue
			}
			ga := group[a]
			for _, c := range succ {
				if c == a || hasArc(a, c) {
					continue
				}
				gc := group[c]
				switch {
				case ga == gb && gb == gc:
					r.Coordinator++
				case ga == gc: // ≠ gb
					r.Itinerant++
				case ga == gb: // ≠ gc
					r.Representative++
				case gb == gc: // ≠ ga
					r.Gatekeeper++
				default:
					r.Liaison++
				}
			}
		}
		r.Total = r.Coordinator + r.Itinerant + r.Representative + r.Gatekeeper + r.Liaison
		out[b] = r
	}
	return out
}
