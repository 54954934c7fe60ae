package metrics

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// Centralization is Freeman's index with the theoretical maximum it was
// divided by.
type Centralization struct {
	// Value is Σ_i (c* − c_i) / Max, in [0, 1]. It is undefined (with the
	// reason in Value.Note) when Max is 0 or not finite, when there are
	// fewer than two scores, when a score is NaN or infinite, or when the
	// ratio exceeds 1 (the maximum given was not a maximum for these
	// scores).
	Value Value `json:"value"`
	// Max is the theoretical maximum of Σ_i (c* − c_i) over the graphs with
	// the same number of nodes (and directedness, and total weight for the
	// valued indices).
	Max float64 `json:"max"`
}

// centrTolerance is the rounding allowance above 1 that Centralize accepts
// (and clips to 1) before it declares a maximum wrong.
const centrTolerance = 1e-9

// Centralize returns Freeman's centralization of node scores given the
// theoretical maximum of their sum of differences from the largest score:
//
//	C = Σ_i (c* − c_i) / max,  c* = max_i c_i
//
// over all nodes i (the scores must have an entry for every node, zeros
// included). Freeman (1979) divides by the largest value the sum can take
// on any graph with the same number of nodes; the Max* functions of this
// package give that maximum for each centrality of the package in the
// scale documented there.
//
// The result is never a silent NaN and never above 1: the Value is
// undefined, with the reason, for fewer than two scores, a maximum that is
// zero, negative or not finite, a score that is NaN or infinite, or a ratio
// above 1 + 1e-9 (then max was not the maximum for these scores: for
// example eigenvector scores of a disconnected graph with MaxEigenvector,
// whose maximum is over connected graphs). Ratios in (1, 1 + 1e-9] are
// rounding and are clipped to 1.
//
// The sum runs over the nodes in ascending id order, so the result does not
// depend on map iteration order. The time complexity is O(n log n).
//
// The derivations of the maxima are in centralization.md next to this
// file.
//
// [Freeman 1979]: https://doi.org/10.1016/0378-8733(78)90021-7
func Centralize(scores map[int64]float64, max float64) Centralization {
	c := Centralization{Max: max}
	if len(scores) < 2 {
		c.Value = Undefined(fmt.Sprintf("centralization needs at least 2 nodes, have %d", len(scores)))
		return c
	}
	if !(max > 0) || math.IsInf(max, 0) {
		c.Value = Undefined(fmt.Sprintf("theoretical maximum is %v: the index is 0/0 for this graph size", max))
		return c
	}
	ids := make([]int64, 0, len(scores))
	for id, s := range scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			c.Value = Undefined(fmt.Sprintf("score of node %d is %v", id, s))
			return c
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	top := math.Inf(-1)
	for _, id := range ids {
		top = math.Max(top, scores[id])
	}
	var sum float64
	for _, id := range ids {
		sum += top - scores[id]
	}
	v := sum / max
	switch {
	case v > 1+centrTolerance:
		c.Value = Undefined(fmt.Sprintf("Σ(c*−c_i) = %v exceeds the maximum %v: the maximum does not hold for these scores", sum, max))
	case v > 1:
		c.Value = Defined(1)
	default:
		c.Value = Defined(v)
	}
	return c
}

// DegreeMode selects the degree that a degree centralization uses.
type DegreeMode int

// Degree modes. DegreeUndirected counts distinct neighbours, ignoring edge
// direction on a directed graph; the others need a directed graph.
const (
	DegreeUndirected DegreeMode = iota // number of distinct neighbours
	DegreeIn                           // in-degree k⁻ (directed graphs)
	DegreeOut                          // out-degree k⁺ (directed graphs)
	DegreeTotal                        // k⁻ + k⁺ (directed graphs; a mutual pair counts twice)
)

// String returns the name of the mode.
func (m DegreeMode) String() string {
	switch m {
	case DegreeUndirected:
		return "undirected"
	case DegreeIn:
		return "in"
	case DegreeOut:
		return "out"
	case DegreeTotal:
		return "total"
	}
	return fmt.Sprintf("DegreeMode(%d)", int(m))
}

// MaxDegree returns the theoretical maximum of Σ_i (k* − k_i) for raw
// degrees on graphs of n nodes without self-loops:
//
//	DegreeUndirected  (n−1)(n−2)    star
//	DegreeIn, DegreeOut  (n−1)²     in-star, out-star
//	DegreeTotal       2(n−1)(n−2)   star of mutual arcs
//
// These are igraph's centr_degree_tmax(loops = FALSE) and sna's
// degree(tmaxdev = TRUE) with diag = FALSE. igraph's R default
// loops = TRUE gives n(n−1) instead, so that a star scores (n−2)/n
// (0.8 for n = 10) rather than 1 (igraph/rigraph#369). MaxDegree returns 0
// for n < 2 and for an unknown mode; centralization is then undefined.
func MaxDegree(n int, mode DegreeMode) float64 {
	if n < 2 {
		return 0
	}
	f := float64(n)
	switch mode {
	case DegreeUndirected:
		return (f - 1) * (f - 2)
	case DegreeIn, DegreeOut:
		return (f - 1) * (f - 1)
	case DegreeTotal:
		return 2 * (f - 1) * (f - 2)
	}
	return 0
}

// MaxBetweenness returns the theoretical maximum of Σ_i (b* − b_i) for raw
// Freeman betweenness (pairs counted once on undirected graphs, ordered
// pairs on directed graphs) on graphs of n nodes:
//
//	undirected  (n−1)²(n−2)/2   star: the centre lies on all (n−1)(n−2)/2 pairs
//	directed    (n−1)²(n−2)     star of mutual arcs
//
// as in igraph's centr_betw_tmax and sna's betweenness(tmaxdev = TRUE).
// The maximum holds on disconnected graphs too (fewer pairs are joined).
// Gonum's network.Betweenness counts ordered pairs on undirected graphs,
// twice the Freeman value: halve it before using this maximum. It returns
// 0 for n < 3.
func MaxBetweenness(n int, directed bool) float64 {
	if n < 3 {
		return 0
	}
	f := float64(n)
	m := (f - 1) * (f - 1) * (f - 2)
	if !directed {
		m /= 2
	}
	return m
}

// MaxCloseness returns the theoretical maximum of Σ_i (c* − c_i) for the
// Wasserman–Faust closeness in [0, 1],
//
//	c_i = (r_i − 1)/(n − 1) · (r_i − 1)/Σ_{j reachable from i} d(i, j)
//
// (r_i the number of nodes reachable from i, itself included; out-distances
// on directed graphs; c_i = 0 when i reaches nobody), on graphs of n nodes:
//
//	undirected  (n−1)(n−2)/(2n−3)   star: centre 1, leaves (n−1)/(2n−3)
//	directed    n−1                 out-star: centre 1, leaves 0
//
// The undirected value is Freeman's; it is the maximum over disconnected
// graphs as well, because the factor (r−1)/(n−1) shrinks every closeness
// of a component (proof in centralization.md). The directed value follows
// from every score lying in [0, 1] and is reached by the out-star. igraph
// and sna use (n−1)(1−1/n) for directed graphs, derived for the old
// convention that an unreachable node is at distance n; with closeness
// that gives unreachable nodes 0 it is too small (sna: 1.111 on a 10-node
// out-star; igraph 1.3.5, whose closeness is NaN for a sink: NaN). It
// returns 0 for n < 3 undirected and n < 2 directed.
//
// Disconnected graphs: the maximum holds over all graphs of n nodes, and
// WF closeness scales each node by the share of the graph it reaches, so
// a fragmented graph does not read as centralized. On two disjoint
// 5-stars R igraph's centr_clo gives 0.81 (closeness per component,
// divided by the connected maximum), sna gives 0 (all closeness 0), and
// ecosys 0.36 (68/189; one 10-star gives 1). See centralization.md §3.
func MaxCloseness(n int, directed bool) float64 {
	f := float64(n)
	if directed {
		if n < 2 {
			return 0
		}
		return f - 1
	}
	if n < 3 {
		return 0
	}
	return (f - 1) * (f - 2) / (2*f - 3)
}

// MaxHarmonic returns the theoretical maximum of Σ_i (h* − h_i) for the
// harmonic centrality divided by n − 1, h_i = Σ_{j≠i} 1/d(i, j) / (n−1)
// in [0, 1] (1/∞ = 0; out-distances on directed graphs), on graphs of n
// nodes:
//
//	undirected  (n−2)/2   star: centre 1, leaves n/(2(n−1))
//	directed    n−1       out-star: centre 1, leaves 0
//
// For the raw harmonic centrality Σ 1/d multiply the maximum by n − 1.
// The undirected value is sna's for closeness(cmode = "suminvundir"),
// written there n−1−n/2; sna's directed maximum (cmode = "suminvdir") is
// (n−1)², too large by the factor n−1, so that an out-star scores
// 1/(n−1) (0.111 for n = 10) instead of 1. It returns 0 for n < 3
// undirected and n < 2 directed.
func MaxHarmonic(n int, directed bool) float64 {
	f := float64(n)
	if directed {
		if n < 2 {
			return 0
		}
		return f - 1
	}
	if n < 3 {
		return 0
	}
	return (f - 2) / 2
}

// MaxEigenvector returns the theoretical maximum of Σ_i (x* − x_i) for
// eigenvector centrality scaled so that the largest score is 1, on graphs
// of n nodes:
//
//	undirected  (n−1)(1 − 1/√(n−1)) = n − 1 − √(n−1)   star
//	directed    n−1                                   bound: scores in [0, 1]
//
// ecosys takes the star, the most centralized connected graph, for
// undirected graphs: eigenvector centrality is unique (Perron–Frobenius)
// only on a connected graph. igraph's centr_eigen_tmax takes n−2, reached
// by a graph with a single edge and n−2 isolates, a graph on which the
// centrality is not defined without a convention for the other components;
// sna's evcent has unit 2-norm, maximum (n−2)/√2. Centralizing the scores
// of a disconnected graph with this maximum can exceed 1; Centralize then
// returns an undefined Value. The directed value n−1 is a bound (every
// score is in [0, 1]) that an in-star reaches when the caller gives a
// source-less node 0, as igraph does. It returns 0 for n < 3 undirected
// and n < 2 directed.
func MaxEigenvector(n int, directed bool) float64 {
	f := float64(n)
	if directed {
		if n < 2 {
			return 0
		}
		return f - 1
	}
	if n < 3 {
		return 0
	}
	return f - 1 - math.Sqrt(f-1)
}

// DegreeCentralization returns Freeman's degree centralization of g,
//
//	C_D = Σ_i (k* − k_i) / MaxDegree(n, mode)
//
// with raw degrees k_i in the given mode: on a directed graph (one that
// implements graph.Directed) in-, out- or total degree, or with
// DegreeUndirected the number of distinct neighbours ignoring direction;
// on an undirected graph only DegreeUndirected is accepted (other modes
// give an undefined Value). Self-loops are not counted, as the maxima
// assume none. Edge weights are ignored; see ValuedDegreeCentralization.
//
// A star (undirected), an in-star (DegreeIn), an out-star (DegreeOut) and a
// star of mutual arcs (DegreeTotal) score 1; a regular graph scores 0.
// Disconnected graphs need no special case: their value is at most that of
// a connected graph with the same degrees. The value is undefined for
// n < 3 (n < 2 for in- and out-degree).
//
// The time complexity is O(|V| + |E|).
//
// [Freeman 1979]: https://doi.org/10.1016/0378-8733(78)90021-7
func DegreeCentralization(g graph.Graph, mode DegreeMode) Centralization {
	k, err := centrDegrees(g, mode, nil)
	if err != nil {
		return Centralization{Value: Undefined(err.Error())}
	}
	return Centralize(k, MaxDegree(len(k), mode))
}

// ValuedDegreeCentralization returns a degree centralization of the
// strengths (summed edge weights) of g, divided by its maximum over the
// graphs with the same number of nodes n and the same total weight W:
//
//	C_S = Σ_i (s* − s_i) / M
//	M = (n−2)·W   DegreeUndirected, DegreeTotal  (Σ_i s_i = 2W)
//	M = (n−1)·W   DegreeIn, DegreeOut            (Σ_i s_i = W)
//
// W is the sum of the edge weights, each edge (or arc) once. Because
// s* ≤ W without self-loops, Σ_i (s* − s_i) = n·s* − Σ_i s_i reaches M
// exactly when every edge touches one node, whatever the weights: C_S = 1
// when all the weight (all contract amount) goes through one node, 0 when
// all strengths are equal, and C_S is in [0, 1] on every graph
// (centralization.md). The denominator is conditional on W: on a binary
// graph C_S is not Freeman's degree centralization (which divides by the
// maximum over all edge counts), except on a star, where both are 1.
// sna's centralization(degree) sums weights but divides by the binary
// maximum, so that a star with weights 100 scores 100; UCINET warns that
// its valued index can exceed 100%; igraph ignores weights.
//
// On an undirected graph only DegreeUndirected is accepted. With
// DegreeUndirected on a directed graph, arcs u→v and v→u are merged into
// one edge of summed weight, so that s_i is the total strength. Weights
// must be non-negative and finite, and W positive; otherwise, and for
// n < 3 (n < 2 for in- and out-strength), the Value is undefined.
//
// The time complexity is O(|V| + |E|).
//
// [Freeman 1979]: https://doi.org/10.1016/0378-8733(78)90021-7
// [Barrat et al. 2004]: https://doi.org/10.1073/pnas.0400087101
func ValuedDegreeCentralization(g graph.Weighted, mode DegreeMode) Centralization {
	var total float64
	s, err := centrDegrees(g, mode, &total)
	if err != nil {
		return Centralization{Value: Undefined(err.Error())}
	}
	n := float64(len(s))
	var max float64
	switch mode {
	case DegreeIn, DegreeOut:
		max = (n - 1) * total
	default:
		max = (n - 2) * total
	}
	if len(s) < 2 {
		max = 0
	}
	if total == 0 {
		return Centralization{Value: Undefined("total edge weight is 0"), Max: 0}
	}
	return Centralize(s, max)
}

// centrDegrees returns the degree (total == nil) or strength (total != nil,
// which then receives the total weight W) of every node of g in the mode.
func centrDegrees(g graph.Graph, mode DegreeMode, total *float64) (map[int64]float64, error) {
	d, directed := g.(graph.Directed)
	if mode < DegreeUndirected || mode > DegreeTotal {
		return nil, fmt.Errorf("metrics: unknown degree mode %d", int(mode))
	}
	if !directed && mode != DegreeUndirected {
		return nil, fmt.Errorf("metrics: degree mode %v needs a directed graph", mode)
	}
	var wg graph.Weighted
	if total != nil {
		wg = g.(graph.Weighted)
	}
	weight := func(u, v int64) (float64, error) {
		if wg == nil {
			return 1, nil
		}
		w, ok := wg.Weight(u, v)
		if !ok {
			return 0, nil
		}
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return 0, fmt.Errorf("metrics: edge %d–%d has weight %v; strengths need non-negative finite weights", u, v, w)
		}
		return w, nil
	}
	if total == nil {
		if k, ok := compactDegrees(g, directed, mode); ok {
			return k, nil
		}
	}
	ids := centrNodeIDs(g)
	k := make(map[int64]float64, len(ids))
	for _, id := range ids {
		k[id] = 0
	}
	var sum float64
	for _, u := range ids {
		to := g.From(u)
		for to.Next() {
			v := to.Node().ID()
			if v == u {
				continue
			}
			if !directed && v < u {
				continue // each undirected edge once
			}
			w, err := weight(u, v)
			if err != nil {
				return nil, err
			}
			switch {
			case !directed:
				k[u] += w
				k[v] += w
				sum += w
			case mode == DegreeIn:
				k[v] += w
				sum += w
			case mode == DegreeOut:
				k[u] += w
				sum += w
			case mode == DegreeTotal:
				k[u] += w
				k[v] += w
				sum += w
			default: // DegreeUndirected on a directed graph
				back := d.HasEdgeFromTo(v, u)
				if back && v < u {
					continue // the pair was counted from v
				}
				if back {
					wb, err := weight(v, u)
					if err != nil {
						return nil, err
					}
					if wg != nil {
						w += wb
					}
				}
				k[u] += w
				k[v] += w
				sum += w
			}
		}
	}
	if total != nil {
		*total = sum
	}
	return k, nil
}

// compactDegrees is centrDegrees for the degrees (not strengths) of a
// CompactGraph, read from its row lengths; ok is false if g is not one or
// breaks its rules. The rows hold no self-loops, as centrDegrees counts
// none.
func compactDegrees(g graph.Graph, directed bool, mode DegreeMode) (map[int64]float64, bool) {
	r, ok := compact.View(g)
	if !ok {
		return nil, false
	}
	ids, off, adj, inOff, inAdj := r.IDs, r.Off, r.Adj, r.InOff, r.InAdj
	k := make(map[int64]float64, len(ids))
	for i, id := range ids {
		out := off[i+1] - off[i]
		switch {
		case !directed || mode == DegreeOut:
			k[id] = float64(out)
		case mode == DegreeIn:
			k[id] = float64(inOff[i+1] - inOff[i])
		case mode == DegreeTotal:
			k[id] = float64(out + inOff[i+1] - inOff[i])
		default: // DegreeUndirected on a directed graph: distinct neighbours
			a, b := adj[off[i]:off[i+1]], inAdj[inOff[i]:inOff[i+1]]
			d := len(a) + len(b)
			for x, y := 0, 0; x < len(a) && y < len(b); {
				switch {
				case a[x] < b[y]:
					x++
				case a[x] > b[y]:
					y++
				default:
					d--
					x++
					y++
				}
			}
			k[id] = float64(d)
		}
	}
	return k, true
}

// centrNodeIDs returns the node ids of g in ascending order.
func centrNodeIDs(g graph.Graph) []int64 {
	nodes := g.Nodes()
	ids := make([]int64, 0, max(nodes.Len(), 0))
	for nodes.Next() {
		ids = append(ids, nodes.Node().ID())
	}
	slices.Sort(ids)
	return ids
}
