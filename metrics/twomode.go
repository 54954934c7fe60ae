package metrics

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph"
)

// TwoModeCentralization holds a degree centralization for each mode of a
// two-mode (bipartite) graph.
type TwoModeCentralization struct {
	Mode0 Centralization `json:"mode0"`
	Mode1 Centralization `json:"mode1"`
	// Isolates counts the isolated nodes of each mode.
	Isolates [2]int `json:"isolates"`
}

// BipartiteDensity returns the density of the two-mode graph g: its
// number of edges over the number of possible edges between the modes,
//
//	D = |E| / (n₀ n₁)
//
// where mode(id) gives the mode (0 or 1) of node id and n₀, n₁ are the
// sizes of the modes. The one-mode density |E| / (n(n−1)/2) counts pairs
// within a mode that can never be tied (on Davis's southern women, 0.179
// against 0.353). Weights are ignored; isolates count in their mode. It is
// NetworkX's bipartite.density and Borgatti and Everett's (1997) density
// of a two-mode network. The Value is undefined when a mode is empty. It
// returns an error, starting with "metrics: ", if mode returns anything
// but 0 or 1 or if an edge joins two nodes of the same mode. The time
// complexity is O(|V| + |E|).
//
// [Borgatti and Everett 1997]: https://doi.org/10.1016/S0378-8733(96)00301-2
func BipartiteDensity(g graph.Undirected, mode func(id int64) int) (Value, error) {
	var n [2]float64
	var edges float64
	for _, u := range centrNodeIDs(g) {
		k := mode(u)
		if k != 0 && k != 1 {
			return Value{}, fmt.Errorf("metrics: mode of node %d is %d, want 0 or 1", u, k)
		}
		n[k]++
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if mode(v) == k {
				return Value{}, fmt.Errorf("metrics: edge %d–%d joins two nodes of mode %d", u, v, k)
			}
			if k == 0 {
				edges++ // each edge once, from its mode-0 end
			}
		}
	}
	if n[0] == 0 || n[1] == 0 {
		return Undefined(fmt.Sprintf("bipartite density needs nodes in both modes, have %g and %g", n[0], n[1])), nil
	}
	return Defined(edges / (n[0] * n[1])), nil
}

// TwoModeDegreeCentralization returns Borgatti and Everett's degree
// centralization of each mode of the bipartite graph g. mode(id) gives the
// mode of node id, 0 or 1 (for example the rows and the columns of a
// contract ledger: contractors and end users). For mode V with n_V nodes,
// the other mode having n_W nodes, and raw degrees d_i:
//
//	C_D(V) = Σ_{i∈V} (d* − d_i) / ((n_V − 1)(n_W − 1)),  d* = max_{i∈V} d_i
//
// The denominator is the value of the most centralized two-mode graph in
// which no node of V is isolated: one node of V tied to all n_W nodes of
// W, every other node of V tied to exactly one (d* ≤ n_W and d_i ≥ 1 give
// the bound at once; centralization.md). It is the formula of netrics'
// mode_by_degree (R, stocnet), citing Borgatti and Everett (1997); no
// other peer computes it. Degrees count distinct neighbours; weights are
// ignored (see TwoModeValuedDegreeCentralization).
//
// A mode with an isolated node would let the index exceed 1 (up to
// n_W/(n_W−1)), so its Value is undefined, with the number of isolates in
// the reason: drop the isolates, which take no part in the two-mode
// relation, or use the valued index. The Value is also undefined when
// n_V < 2 or n_W < 2. Isolates of the other mode are allowed.
//
// It returns an error, starting with "metrics: ", if mode returns
// anything but 0 or 1, or if an edge joins two nodes of the same mode.
// The time complexity is O(|V| + |E|).
//
// [Borgatti and Everett 1997]: https://doi.org/10.1016/S0378-8733(96)00301-2
func TwoModeDegreeCentralization(g graph.Undirected, mode func(id int64) int) (TwoModeCentralization, error) {
	return centrTwoMode(g, mode, false)
}

// TwoModeValuedDegreeCentralization returns the degree centralization of
// each mode of the bipartite graph g computed on strengths (summed edge
// weights, for example contract amounts), divided by its maximum for the
// same mode sizes and the same total weight W:
//
//	C_S(V) = Σ_{i∈V} (s* − s_i) / ((n_V − 1)·W),  s* = max_{i∈V} s_i
//
// Every edge joins V and W, so Σ_{i∈V} s_i = W and s* ≤ W; the sum
// n_V·s* − W therefore reaches (n_V − 1)·W exactly when all the weight
// goes through one node of V (centralization.md). C_S(V) is 1 then, 0
// when the nodes of V have equal strengths, and in [0, 1] on every graph;
// isolates (strength 0) are allowed. On a binary graph C_S differs from
// Borgatti and Everett's binary index, whose maximum graph spreads ties
// over all nodes; C_S asks how concentrated the flow is, given the flow.
// No peer offers a valued two-mode centralization (METRICS-REFERENCE.md
// §0.6).
//
// Weights must be non-negative and finite. It returns an error as
// TwoModeDegreeCentralization does, and for a bad weight; the Value is
// undefined when W = 0 or n_V < 2. The time complexity is O(|V| + |E|).
//
// [Borgatti and Everett 1997]: https://doi.org/10.1016/S0378-8733(96)00301-2
func TwoModeValuedDegreeCentralization(g graph.WeightedUndirected, mode func(id int64) int) (TwoModeCentralization, error) {
	return centrTwoMode(g, mode, true)
}

func centrTwoMode(g graph.Graph, mode func(id int64) int, valued bool) (TwoModeCentralization, error) {
	var res TwoModeCentralization
	ids := centrNodeIDs(g)
	m := make(map[int64]int, len(ids))
	for _, id := range ids {
		k := mode(id)
		if k != 0 && k != 1 {
			return res, fmt.Errorf("metrics: mode of node %d is %d, want 0 or 1", id, k)
		}
		m[id] = k
	}
	var wg graph.Weighted
	if valued {
		wg = g.(graph.Weighted)
	}
	score := [2]map[int64]float64{{}, {}}
	for _, id := range ids {
		score[m[id]][id] = 0
	}
	isolates := [2]int{}
	var total float64
	for _, u := range ids {
		to := g.From(u)
		deg := 0
		for to.Next() {
			v := to.Node().ID()
			if m[v] == m[u] {
				return res, fmt.Errorf("metrics: edge %d–%d joins two nodes of mode %d", u, v, m[u])
			}
			deg++
			w := 1.0
			if valued {
				w, _ = wg.Weight(u, v)
				if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
					return res, fmt.Errorf("metrics: edge %d–%d has weight %v; strengths need non-negative finite weights", u, v, w)
				}
			}
			score[m[u]][u] += w
			if m[u] == 0 {
				total += w // each edge once, from its mode-0 end
			}
		}
		if deg == 0 {
			isolates[m[u]]++
		}
	}
	n := [2]float64{float64(len(score[0])), float64(len(score[1]))}
	for k := 0; k < 2; k++ {
		var c Centralization
		if valued {
			if total == 0 {
				c = Centralization{Value: Undefined("total edge weight is 0")}
			} else {
				c = Centralize(score[k], (n[k]-1)*total)
			}
		} else {
			max := (n[k] - 1) * (n[1-k] - 1)
			if n[k] < 2 || n[1-k] < 2 {
				max = 0
			}
			c = Centralize(score[k], max)
			if isolates[k] > 0 && max > 0 {
				c.Value = Undefined(fmt.Sprintf("mode %d has %d isolated node(s); the Borgatti–Everett maximum assumes none", k, isolates[k]))
			}
		}
		res.Isolates[k] = isolates[k]
		if k == 0 {
			res.Mode0 = c
		} else {
			res.Mode1 = c
		}
	}
	return res, nil
}
