package metrics

import (
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

// statDoc lists the statistics and what they measure.
var statDoc = []struct{ path, doc string }{
	{"density", "edges over possible edges"},
	{"transitivity", "global clustering coefficient"},
	{"reciprocity", "share of arcs reciprocated (directed)"},
	{"degree_assortativity", "degree correlation across edges"},
	{"average_path_length", "mean distance over reachable pairs"},
	{"diameter", "longest finite distance"},
	{"largest_component_share", "nodes in the largest weak component over n"},
	{"centralization.degree", "Freeman degree centralization (total degree on directed graphs)"},
	{"centralization.in_degree", "Freeman in-degree centralization (directed)"},
	{"centralization.out_degree", "Freeman out-degree centralization (directed)"},
	{"centralization.strength", "valued degree centralization of strengths"},
	{"centralization.betweenness", "Freeman betweenness centralization"},
	{"centralization.closeness", "Freeman centralization of Wasserman-Faust closeness"},
	{"centralization.harmonic", "Freeman centralization of harmonic centrality"},
	{"centralization.eigenvector", "Freeman eigenvector centralization"},
	{"hierarchy.connectedness", "Krackhardt connectedness"},
	{"hierarchy.hierarchy", "Krackhardt hierarchy"},
	{"hierarchy.efficiency", "Krackhardt efficiency"},
	{"hierarchy.lubness", "Krackhardt least-upper-boundedness"},
	{"gini.degree", "Gini coefficient of degrees"},
	{"gini.strength", "Gini coefficient of strengths"},
	{"hhi.degree", "Herfindahl-Hirschman index of degree shares"},
	{"hhi.strength", "Herfindahl-Hirschman index of strength shares"},
	{"theil.strength", "Theil index of strengths"},
	{"entropy.strength", "normalized Shannon entropy of strength shares"},
	{"top1_share.strength", "share of total strength held by the strongest node"},
	{"two_mode.mode0", "Borgatti-Everett degree centralization of mode 0"},
	{"two_mode.mode1", "Borgatti-Everett degree centralization of mode 1"},
}

// StatisticPaths lists the paths LookupStatistic accepts.
func StatisticPaths() []string {
	out := make([]string, len(statDoc))
	for i, s := range statDoc {
		out[i] = s.path
	}
	return out
}

// LookupStatistic returns the statistic with the given path. Each computes
// exactly the value Compute reports under that path.
func LookupStatistic(path string, ctx StatContext) (Statistic, error) {
	i := slices.IndexFunc(statDoc, func(s struct{ path, doc string }) bool { return s.path == path })
	if i < 0 {
		return Statistic{}, fmt.Errorf("metrics: unknown statistic %q (want one of %s)", path, strings.Join(StatisticPaths(), ", "))
	}
	st := Statistic{Path: path, Doc: statDoc[i].doc}
	section, key, _ := strings.Cut(path, ".")
	switch section {
	case "density":
		st.Fn = Density
	case "transitivity":
		st.Fn = Transitivity
	case "reciprocity":
		st.Fn = func(g graph.Graph) Value {
			if dg, ok := g.(graph.Directed); ok {
				return Reciprocity(dg)
			}
			return Undefined("reciprocity is defined for directed graphs")
		}
	case "degree_assortativity":
		st.Fn = DegreeAssortativity
	case "average_path_length", "diameter":
		st.Fn = func(g graph.Graph) Value {
			ps, err := ShortestPaths(g, PathOptions{Workers: 1})
			if err != nil {
				return Undefined(err.Error())
			}
			if section == "diameter" {
				return ps.Diameter
			}
			return ps.AveragePathLength
		}
	case "largest_component_share":
		st.Fn = func(g graph.Graph) Value {
			n := g.Nodes().Len()
			if n == 0 {
				return Undefined("empty graph")
			}
			return Defined(float64(LargestComponent(g)) / float64(n))
		}
	case "centralization":
		st.Fn = func(g graph.Graph) Value { return centralizationOf(g, key, ctx).Value }
	case "hierarchy":
		st.Fn = func(g graph.Graph) Value {
			h := KrackhardtHierarchy(g)
			return map[string]Value{"connectedness": h.Connectedness, "hierarchy": h.Hierarchy, "efficiency": h.Efficiency, "lubness": h.LUBness}[key]
		}
	case "gini", "hhi", "theil", "entropy", "top1_share":
		index := map[string]func([]float64) Value{"gini": Gini, "hhi": HHI, "theil": Theil, "entropy": Entropy,
			"top1_share": func(x []float64) Value { return TopShare(x, 1) }}[section]
		st.Fn = func(g graph.Graph) Value { return index(nodeValues(g, key == "strength" && ctx.Weighted)) }
	case "two_mode":
		st.Fn = func(g graph.Graph) Value {
			ug, ok := g.(graph.Undirected)
			if !ok || ctx.Mode == nil {
				return Undefined("two-mode statistics need an undirected graph and node modes")
			}
			tm, err := TwoModeDegreeCentralization(ug, ctx.Mode)
			if err != nil {
				return Undefined(err.Error())
			}
			if key == "mode0" {
				return tm.Mode0.Value
			}
			return tm.Mode1.Value
		}
	}
	return st, nil
}

// centralizationOf computes one centralization as Compute does.
func centralizationOf(g graph.Graph, key string, ctx StatContext) Centralization {
	_, directed := g.(graph.Directed)
	n := g.Nodes().Len()
	switch key {
	case "degree", "in_degree", "out_degree":
		mode := map[string]DegreeMode{"degree": DegreeTotal, "in_degree": DegreeIn, "out_degree": DegreeOut}[key]
		if !directed {
			if key != "degree" {
				return Centralization{Value: Undefined(key + " centralization is defined for directed graphs")}
			}
			mode = DegreeUndirected
		}
		return DegreeCentralization(g, mode)
	case "strength":
		wg, ok := g.(graph.Weighted)
		if !ok || !ctx.Weighted {
			return Centralization{Value: Undefined("strength centralization needs edge weights")}
		}
		mode := DegreeUndirected
		if directed {
			mode = DegreeTotal
		}
		return ValuedDegreeCentralization(wg, mode)
	case "eigenvector":
		eig, err := Eigenvector(g, IterOptions{Weighted: ctx.Weighted})
		if err != nil {
			return Centralization{Value: Undefined("eigenvector centrality is undefined: " + err.Error()), Max: MaxEigenvector(n, directed)}
		}
		return Centralize(eig, MaxEigenvector(n, directed))
	}
	ps, err := ShortestPaths(g, PathOptions{Workers: 1})
	if err != nil {
		return Centralization{Value: Undefined(err.Error())}
	}
	switch key {
	case "betweenness":
		return Centralize(ps.Betweenness, MaxBetweenness(n, directed))
	case "closeness":
		return Centralize(ps.Closeness, MaxCloseness(n, directed))
	}
	return Centralize(harmonicShare(ps.Harmonic, n), MaxHarmonic(n, directed))
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
	slices.SortFunc(ids, func(a, b graph.Node) int { return int(a.ID() - b.ID()) })
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
