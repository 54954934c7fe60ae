package metrics

import (
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"
)

// This file is the one list of measures. Compute, ComputeNodes and
// LookupStatistic read it, and so do the command line (--only, --stat,
// --size and the help texts) and the report. To add a measure, add one
// entry to nodeMeasures or graphMeasures below, write the function in a
// file of its own (with its reference values in a test), and nothing else.

// Weights says how a measure reads edge weights.
type Weights int

const (
	// NoWeights: the measure ignores edge weights.
	NoWeights Weights = iota
	// Strengths: with Options.Weighted, weights are tie strengths (a
	// larger weight is a stronger tie).
	Strengths
	// Lengths: with Options.Weighted and Options.Distances, weights are
	// path lengths; otherwise every edge has length 1.
	Lengths
)

// String names the weight semantics as the help texts do.
func (w Weights) String() string {
	switch w {
	case Strengths:
		return "strengths"
	case Lengths:
		return "lengths"
	}
	return "none"
}

// NodeMeasure is a per-node measure of the registry.
type NodeMeasure struct {
	// Name is the measure's key in JSON, its table column and its name on
	// the command line (--only, --size).
	Name string
	// Doc is one line: the definition, its normalisation and reference.
	Doc string
	// Weights says how edge weights are read.
	Weights Weights
	// Size reports whether the measure can size the nodes of a drawing
	// (non-negative, larger meaning more central).
	Size bool

	compute func(c *computation) ([]Value, error)
}

// GraphMeasure is a graph-level measure of the registry.
type GraphMeasure struct {
	// Path is the measure's name: its place in the JSON of Compute, where
	// dots separate levels ("centralization.betweenness"), and its name
	// for ecosys test --stat.
	Path string
	// Doc is one line: the definition, its normalisation and reference.
	Doc string
	// Weights says how edge weights are read.
	Weights Weights
	// Statistic reports whether the measure can be a test statistic
	// (LookupStatistic): a function of the graph alone, given the
	// StatContext.
	Statistic bool
	// HasMax reports whether the value comes with a theoretical maximum
	// (the denominator of a centralization).
	HasMax bool

	// applies reports whether Compute reports the measure on this graph
	// with these options (nil: always).
	applies func(c *computation) bool
	compute func(c *computation) GraphValue
}

// nodeMeasures lists the node measures in the order of the columns of
// the node table and of the keys of the JSON.
var nodeMeasures = []NodeMeasure{
	{Name: "degree", Doc: "number of ties (in plus out on directed graphs); a self-loop, when kept, counts twice", Size: true,
		compute: func(c *computation) ([]Value, error) { return counts(c.loopDegrees().total), nil }},
	{Name: "in_degree", Doc: "number of ties received (directed graphs; undefined on undirected ones); a self-loop, when kept, counts once",
		compute: func(c *computation) ([]Value, error) { return c.directedCounts(c.loopDegrees().in), nil }},
	{Name: "out_degree", Doc: "number of ties sent (directed graphs; undefined on undirected ones); a self-loop, when kept, counts once",
		compute: func(c *computation) ([]Value, error) { return c.directedCounts(c.loopDegrees().out), nil }},
	{Name: "strength", Doc: "sum of the weights of a node's ties, in plus out on directed graphs (Barrat et al. 2004); the degree when unweighted; a self-loop, when kept, counts twice its weight", Weights: Strengths, Size: true,
		compute: func(c *computation) ([]Value, error) { return floats(c.loopStrengths()), nil }},
	{Name: "betweenness", Doc: "raw Freeman betweenness: sum over pairs of the share of shortest paths through the node (Freeman 1977; Brandes 2001)", Weights: Lengths, Size: true,
		compute: func(c *computation) ([]Value, error) { return c.pathColumn("betweenness") }},
	{Name: "betweenness_normalized", Doc: "betweenness over its maximum, (n−1)(n−2) on directed graphs and half that on undirected ones", Weights: Lengths, Size: true,
		compute: func(c *computation) ([]Value, error) { return c.pathColumn("betweenness_normalized") }},
	{Name: "closeness", Doc: "Wasserman-Faust closeness: reachable share times (reachable − 1)/sum of distances (Wasserman and Faust 1994)", Weights: Lengths, Size: true,
		compute: func(c *computation) ([]Value, error) { return c.pathColumn("closeness") }},
	{Name: "harmonic", Doc: "harmonic centrality: sum of inverse distances to the other nodes, raw (Marchiori and Latora 2000)", Weights: Lengths, Size: true,
		compute: func(c *computation) ([]Value, error) { return c.pathColumn("harmonic") }},
	{Name: "eigenvector", Doc: "eigenvector centrality, largest score 1 (Bonacich 1972); undefined on acyclic digraphs", Weights: Strengths, Size: true,
		compute: func(c *computation) ([]Value, error) { m, err := c.eigenvector(); return c.column(m), err }},
	{Name: "pagerank", Doc: "PageRank (damping 0.85 unless set), scores summing to 1 (Brin and Page 1998)", Weights: Strengths, Size: true,
		compute: func(c *computation) ([]Value, error) { m, err := c.pageRank(); return c.column(m), err }},
	{Name: "hub", Doc: "HITS hub score (Kleinberg 1999)", Weights: Strengths,
		compute: func(c *computation) ([]Value, error) { h, _, err := c.hits(); return c.column(h), err }},
	{Name: "authority", Doc: "HITS authority score (Kleinberg 1999)", Weights: Strengths,
		compute: func(c *computation) ([]Value, error) { _, a, err := c.hits(); return c.column(a), err }},
	{Name: "core", Doc: "core number: the largest k of a k-core holding the node (Seidman 1983)",
		compute: func(c *computation) ([]Value, error) { return c.coreColumn(), nil }},
	{Name: "clustering", Doc: "local clustering coefficient: share of pairs of neighbours that are tied (Watts and Strogatz 1998)",
		compute: func(c *computation) ([]Value, error) { return c.column(Clustering(c.g)), nil }},
	{Name: "constraint", Doc: "Burt's network constraint (Burt 1992)", Weights: Strengths,
		compute: func(c *computation) ([]Value, error) { return c.column(Constraint(c.g, c.weighted)), nil }},
	{Name: "effective_size", Doc: "Burt's effective size of the ego network (Burt 1992)", Weights: Strengths,
		compute: func(c *computation) ([]Value, error) { return c.column(EffectiveSize(c.g, c.weighted)), nil }},
	{Name: "community", Doc: "Louvain community, seeded (Blondel et al. 2008); directed graphs are symmetrised, w(i→j) + w(j→i)", Weights: Strengths,
		compute: func(c *computation) ([]Value, error) {
			p, err := c.louvain()
			if err != nil {
				return c.column(nil), err
			}
			return c.column(intScores(p.Community)), nil
		}},
}

// graphMeasures lists the graph measures in the order of the rows of the
// graph table and of the keys of the JSON.
var graphMeasures = slices.Concat([]GraphMeasure{
	{Path: "density", Doc: "edges over possible edges", Statistic: true,
		compute: func(c *computation) GraphValue { return GraphValue{Value: Density(c.g)} }},
	{Path: "weak_components", Doc: "number of weakly connected components", Statistic: true,
		compute: func(c *computation) GraphValue { return count(len(WeakComponents(c.g))) }},
	{Path: "strong_components", Doc: "number of strongly connected components (weak ones on undirected graphs)", Statistic: true,
		compute: func(c *computation) GraphValue {
			if dg, ok := c.g.(graph.Directed); ok {
				return count(len(StrongComponents(dg)))
			}
			return count(len(WeakComponents(c.g)))
		}},
	{Path: "largest_component", Doc: "nodes in the largest weak component", Statistic: true,
		compute: func(c *computation) GraphValue { return count(LargestComponent(c.g)) }},
	{Path: "largest_component_share", Doc: "nodes in the largest weak component over n", Statistic: true,
		compute: func(c *computation) GraphValue {
			if len(c.nodes()) == 0 {
				return GraphValue{Value: Undefined("empty graph")}
			}
			return GraphValue{Value: Defined(float64(LargestComponent(c.g)) / float64(len(c.nodes())))}
		}},
	{Path: "transitivity", Doc: "global clustering coefficient: closed over connected triples", Statistic: true,
		compute: func(c *computation) GraphValue { return GraphValue{Value: Transitivity(c.g)} }},
	{Path: "average_path_length", Doc: "mean distance over ordered pairs of reachable nodes", Weights: Lengths, Statistic: true,
		compute: func(c *computation) GraphValue {
			return c.pathValue(func(ps *PathStats) Value { return ps.AveragePathLength })
		}},
	{Path: "diameter", Doc: "longest finite distance", Weights: Lengths, Statistic: true,
		compute: func(c *computation) GraphValue { return c.pathValue(func(ps *PathStats) Value { return ps.Diameter }) }},
	{Path: "degree_assortativity", Doc: "Pearson correlation of degrees across edges (Newman 2002)", Statistic: true,
		compute: func(c *computation) GraphValue { return GraphValue{Value: DegreeAssortativity(c.g)} }},
	{Path: "reciprocity", Doc: "share of arcs reciprocated (directed graphs)", Statistic: true,
		compute: func(c *computation) GraphValue {
			if dg, ok := c.g.(graph.Directed); ok {
				return GraphValue{Value: Reciprocity(dg)}
			}
			return GraphValue{Value: Undefined("reciprocity is defined for directed graphs")}
		}},
	centralization("degree", "Freeman degree centralization (total degree on directed graphs)", NoWeights, nil),
	centralization("in_degree", "Freeman in-degree centralization (directed graphs)", NoWeights, isDirected),
	centralization("out_degree", "Freeman out-degree centralization (directed graphs)", NoWeights, isDirected),
	centralization("strength", "valued degree centralization of strengths, over the maximum for the observed largest weight", Strengths, isWeighted),
	centralization("betweenness", "Freeman betweenness centralization", Lengths, nil),
	centralization("closeness", "Freeman centralization of Wasserman-Faust closeness", Lengths, nil),
	centralization("harmonic", "Freeman centralization of harmonic centrality over n − 1", Lengths, nil),
	centralization("eigenvector", "Freeman eigenvector centralization", Strengths, nil),
	hierarchy("connectedness", "Krackhardt connectedness: share of pairs joined by a semipath (Krackhardt 1994; directed graphs)"),
	hierarchy("hierarchy", "Krackhardt hierarchy: share of reachable pairs not reachable back (Krackhardt 1994; directed graphs)"),
	hierarchy("efficiency", "Krackhardt efficiency: one minus the surplus edges over their maximum (Krackhardt 1994; directed graphs)"),
	hierarchy("lubness", "Krackhardt least-upper-boundedness (Krackhardt 1994; directed graphs)"),
},
	concentration("gini", "Gini coefficient of the %s", Gini),
	concentration("hhi", "Herfindahl-Hirschman index: sum of squared shares of the %s", HHI),
	concentration("hhi_normalized", "Herfindahl-Hirschman index of the %s rescaled to [0, 1]", NormalizedHHI),
	concentration("theil", "Theil T index of the %s", Theil),
	concentration("entropy", "Shannon entropy of the shares of the %s over its maximum, log n", Entropy),
	concentration("top1_share", "share of all %s held by the node with the most", func(x []float64) Value { return TopShare(x, 1) }),
	[]GraphMeasure{{Path: "louvain.q", Doc: "modularity of the seeded Louvain partition (Blondel et al. 2008); on directed graphs, of the symmetrised graph w(i→j) + w(j→i)", Weights: Strengths,
		compute: func(c *computation) GraphValue {
			p, err := c.louvain()
			if err != nil {
				return GraphValue{Value: Undefined(err.Error())}
			}
			return GraphValue{Value: p.Q}
		}},
		{Path: "louvain.communities", Doc: "number of communities of the Louvain partition",
			compute: func(c *computation) GraphValue {
				p, err := c.louvain()
				if err != nil {
					return count(0)
				}
				return count(len(p.Communities))
			}},
		{Path: "attribute_assortativity", Doc: "Newman's assortativity of the node groups (--group) (Newman 2003)",
			applies: func(c *computation) bool { return c.opt.Group != nil },
			compute: func(c *computation) GraphValue { return GraphValue{Value: AttributeAssortativity(c.g, c.groups())} }},
		{Path: "group_modularity", Doc: "modularity of the partition into the node groups (--group) (Newman 2006), on the graph of louvain.q", Weights: Strengths,
			applies: func(c *computation) bool { return c.opt.Group != nil },
			compute: func(c *computation) GraphValue { return GraphValue{Value: c.groupModularity()} }},
		{Path: "two_mode.density", Doc: "bipartite density: edges over n0·n1, the possible ties between the two modes (Borgatti and Everett 1997)", Statistic: true,
			applies: func(c *computation) bool { return c.opt.Mode != nil },
			compute: func(c *computation) GraphValue { return c.bipartiteDensity() }},
		twoMode("two_mode.degree_centralization.mode0", "Borgatti-Everett two-mode degree centralization of mode 0 (Borgatti and Everett 1997)", false, 0),
		twoMode("two_mode.degree_centralization.mode1", "Borgatti-Everett two-mode degree centralization of mode 1 (Borgatti and Everett 1997)", false, 1),
		twoMode("two_mode.valued_degree_centralization.mode0", "two-mode degree centralization of mode 0 on strengths", true, 0),
		twoMode("two_mode.valued_degree_centralization.mode1", "two-mode degree centralization of mode 1 on strengths", true, 1),
	})

func isDirected(c *computation) bool { return c.directed }
func isWeighted(c *computation) bool { return c.weighted }

// centralization is the registry entry of a Freeman centralization.
func centralization(key, doc string, w Weights, applies func(*computation) bool) GraphMeasure {
	return GraphMeasure{Path: "centralization." + key, Doc: doc, Weights: w, Statistic: true, HasMax: true, applies: applies,
		compute: func(c *computation) GraphValue { return c.centralization(key) }}
}

// hierarchy is the registry entry of one of Krackhardt's measures. They
// describe the order of a directed graph (on an undirected one hierarchy
// is 0 whatever the graph, and the others are properties of its
// components): Compute leaves them out on undirected graphs, and as
// statistics they are undefined there.
func hierarchy(key, doc string) GraphMeasure {
	return GraphMeasure{Path: "hierarchy." + key, Doc: doc, Statistic: true, applies: isDirected,
		compute: func(c *computation) GraphValue {
			if !c.directed {
				return GraphValue{Value: Undefined("Krackhardt's hierarchy measures are defined for directed graphs")}
			}
			h := c.hierarchy()
			return GraphValue{Value: map[string]Value{"connectedness": h.Connectedness, "hierarchy": h.Hierarchy, "efficiency": h.Efficiency, "lubness": h.LUBness}[key]}
		}}
}

// concentration is the registry entry of a concentration index, one for
// degrees and one for strengths; doc has a %s for "degrees" or
// "strengths".
func concentration(name, doc string, index func([]float64) Value) []GraphMeasure {
	return []GraphMeasure{
		{Path: name + ".degree", Doc: fmt.Sprintf(doc, "degrees"), Statistic: true,
			compute: func(c *computation) GraphValue { return GraphValue{Value: index(c.degrees().totalFloat())} }},
		{Path: name + ".strength", Doc: fmt.Sprintf(doc, "strengths"), Weights: Strengths, Statistic: true,
			compute: func(c *computation) GraphValue { return GraphValue{Value: index(c.strengths())} }},
	}
}

// twoMode is the registry entry of a two-mode centralization.
func twoMode(path, doc string, valued bool, mode int) GraphMeasure {
	w := NoWeights
	if valued {
		w = Strengths
	}
	return GraphMeasure{Path: path, Doc: doc, Weights: w, Statistic: true, HasMax: true,
		applies: func(c *computation) bool { return c.opt.Mode != nil && (!valued || c.weighted) },
		compute: func(c *computation) GraphValue { return c.twoMode(valued, mode) }}
}

// NodeMeasureList returns the node measures of the registry, in table
// order.
func NodeMeasureList() []NodeMeasure { return slices.Clone(nodeMeasures) }

// GraphMeasureList returns the graph measures of the registry, in table
// order.
func GraphMeasureList() []GraphMeasure { return slices.Clone(graphMeasures) }

// NodeMeasureNames returns the names of the node measures, in table
// order; with size, only those that can size the nodes of a drawing.
func NodeMeasureNames(size bool) []string {
	var out []string
	for _, m := range nodeMeasures {
		if !size || m.Size {
			out = append(out, m.Name)
		}
	}
	return out
}

// LookupNodeMeasure returns the node measure with the given name.
func LookupNodeMeasure(name string) (NodeMeasure, error) {
	i := slices.IndexFunc(nodeMeasures, func(m NodeMeasure) bool { return m.Name == name })
	if i < 0 {
		return NodeMeasure{}, fmt.Errorf("metrics: unknown node measure %q (want one of %s)", name, strings.Join(NodeMeasureNames(false), ", "))
	}
	return nodeMeasures[i], nil
}

// lookupGraphMeasure returns the graph measure with the given path.
func lookupGraphMeasure(path string) (GraphMeasure, bool) {
	i := slices.IndexFunc(graphMeasures, func(m GraphMeasure) bool { return m.Path == path })
	if i < 0 {
		return GraphMeasure{}, false
	}
	return graphMeasures[i], true
}
