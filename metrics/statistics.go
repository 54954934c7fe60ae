package metrics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"
)

// Statistic is a graph-level statistic named by its path in the JSON of
// Compute (for example "centralization.betweenness" or "gini.strength"),
// for the hypothesis tests of package inference.
type Statistic struct {
	Path string
	Doc  string
	// Fn computes the statistic. It reads weights only when the context
	// asks for them.
	Fn func(g graph.Graph) Value
}

// StatContext is what some statistics need beyond the graph.
type StatContext struct {
	// Weighted uses edge weights as tie strengths (strength, valued
	// centralization, concentration of strength).
	Weighted bool
	// Mode gives the mode (0 or 1) of each node of a two-mode graph, for
	// the two_mode.* statistics.
	Mode func(id int64) int
}

// StatisticPaths lists the paths LookupStatistic accepts: the graph
// measures of the registry that are statistics, in registry order.
func StatisticPaths() []string {
	var out []string
	for _, m := range graphMeasures {
		if m.Statistic {
			out = append(out, m.Path)
		}
	}
	return out
}

// LookupStatistic returns the statistic with the given path. Each computes
// exactly the value Compute reports under that path, on one goroutine.
func LookupStatistic(path string, ctx StatContext) (Statistic, error) {
	m, ok := lookupGraphMeasure(path)
	if !ok || !m.Statistic {
		return Statistic{}, fmt.Errorf("metrics: unknown statistic %q (want one of %s)", path, strings.Join(StatisticPaths(), ", "))
	}
	opt := Options{Weighted: ctx.Weighted, Mode: ctx.Mode, Workers: 1}
	return Statistic{Path: path, Doc: m.Doc, Fn: func(g graph.Graph) Value {
		return m.compute(newComputation(g, opt)).Value
	}}, nil
}

// harmonicShare divides harmonic centrality by n − 1, the scale of
// MaxHarmonic.
func harmonicShare(h map[int64]float64, n int) map[int64]float64 {
	out := make(map[int64]float64, len(h))
	for id, v := range h {
		if n > 1 {
			out[id] = v / float64(n-1)
		}
	}
	return out
}

// nodeValues returns the degree (or, weighted, the strength) of every node
// in ascending id order: total degree on directed graphs.
func nodeValues(g graph.Graph, weighted bool) []float64 {
	ids := graph.NodesOf(g.Nodes())
	slices.SortFunc(ids, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	wg, _ := g.(graph.Weighted)
	_, directed := g.(graph.Directed)
	val := map[int64]float64{}
	for _, u := range ids {
		to := g.From(u.ID())
		for to.Next() {
			v := to.Node().ID()
			w := 1.0
			if weighted && wg != nil {
				w, _ = wg.Weight(u.ID(), v)
			}
			val[u.ID()] += w
			if directed {
				val[v] += w
			}
		}
	}
	out := make([]float64, len(ids))
	for i, u := range ids {
		out[i] = val[u.ID()]
	}
	return out
}
