package metrics

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// Options configure Compute.
type Options struct {
	// Weighted uses edge weights (graph.Weighted) as tie strengths: for
	// strength, valued degree centralization, eigenvector, PageRank, HITS,
	// constraint and effective size, and the concentration of strength.
	Weighted bool
	// Distances also uses the weights as distances in the shortest-path
	// measures (betweenness, closeness, harmonic, path length, diameter).
	// Leave it off for strengths such as contract amounts, where a larger
	// weight means a stronger tie, not a longer one; then paths count
	// edges.
	Distances bool
	// Damping is PageRank's damping factor; 0 means 0.85.
	Damping float64
	// Iter sets the tolerance and iteration limit of the iterative
	// measures (eigenvector, PageRank, HITS); zero values take their
	// defaults.
	Iter IterOptions
	// Workers is the number of goroutines of the shortest-path pass; 0
	// means runtime.GOMAXPROCS(0). Results do not depend on it.
	Workers int
	// Mode, if not nil, makes the graph two-mode: it returns 0 or 1 for
	// each node, and Compute adds the two-mode degree centralization of
	// each mode (Borgatti and Everett 1997).
	Mode func(id int64) int
	// Group, if not nil, assigns nodes to groups (a province, a ministry):
	// Compute adds the attribute assortativity and the modularity of the
	// partition into groups, and each node's Gould-Fernandez brokerage
	// roles. A node missing from Group is in the group "".
	Group map[int64]string
	// Seed seeds the Louvain community detection (rand.NewPCG(Seed, Seed)).
	Seed uint64
}

// Report holds every measure of a graph: graph-level values and one record
// per node, with notes on what is undefined and why. It marshals to the
// JSON of "ecosys metrics".
type Report struct {
	Graph GraphMeasures  `json:"graph"`
	Nodes []NodeMeasures `json:"nodes"`
	Notes []string       `json:"notes"`
}

// GraphMeasures are the graph-level values of a Report.
type GraphMeasures struct {
	Nodes               int                       `json:"nodes"`
	Edges               int                       `json:"edges"`
	Directed            bool                      `json:"directed"`
	Weighted            bool                      `json:"weighted"`
	Density             Value                     `json:"density"`
	WeakComponents      int                       `json:"weak_components"`
	StrongComponents    int                       `json:"strong_components"`
	LargestComponent    int                       `json:"largest_component"`
	Transitivity        Value                     `json:"transitivity"`
	AveragePathLength   Value                     `json:"average_path_length"`
	Diameter            Value                     `json:"diameter"`
	DegreeAssortativity Value                     `json:"degree_assortativity"`
	Reciprocity         Value                     `json:"reciprocity"`
	Centralization      map[string]Centralization `json:"centralization"`
	Hierarchy           Hierarchy                 `json:"hierarchy"`
	// Concentration of node degree and strength: each index maps
	// "degree" and "strength" to its value (paths gini.strength, …).
	Gini                   map[string]Value       `json:"gini"`
	HHI                    map[string]Value       `json:"hhi"`
	NormalizedHHI          map[string]Value       `json:"hhi_normalized"`
	Theil                  map[string]Value       `json:"theil"`
	Entropy                map[string]Value       `json:"entropy"`
	Top1Share              map[string]Value       `json:"top1_share"`
	Louvain                LouvainSummary         `json:"louvain"`
	AttributeAssortativity *Value                 `json:"attribute_assortativity,omitempty"` // with Options.Group
	GroupModularity        *Value                 `json:"group_modularity,omitempty"`        // modularity of the Group partition
	TwoMode                *TwoModeCentralization `json:"two_mode,omitempty"`
	TwoModeValued          *TwoModeCentralization `json:"two_mode_valued,omitempty"`
}

// LouvainSummary is the Louvain partition of a Report: its modularity and
// number of communities; each node's community is in NodeMeasures.
type LouvainSummary struct {
	Q           Value  `json:"q"`
	Communities int    `json:"communities"`
	Seed        uint64 `json:"seed"`
}

// NodeMeasures are the values of one node in a Report. In- and out-degree
// are null on undirected graphs.
type NodeMeasures struct {
	ID                    int64           `json:"-"`
	Name                  string          `json:"id"`
	Degree                int             `json:"degree"`
	InDegree              *int            `json:"in_degree"`
	OutDegree             *int            `json:"out_degree"`
	Strength              Value           `json:"strength"`
	Betweenness           Value           `json:"betweenness"`
	BetweennessNormalized Value           `json:"betweenness_normalized"`
	Closeness             Value           `json:"closeness"`
	Harmonic              Value           `json:"harmonic"`
	Eigenvector           Value           `json:"eigenvector"`
	PageRank              Value           `json:"pagerank"`
	Hub                   Value           `json:"hub"`
	Authority             Value           `json:"authority"`
	Core                  int             `json:"core"`
	Clustering            Value           `json:"clustering"`
	Constraint            Value           `json:"constraint"`
	EffectiveSize         Value           `json:"effective_size"`
	Community             *int            `json:"community"`
	Brokerage             *BrokerageRoles `json:"brokerage,omitempty"`
}

// Compute computes every measure of the package on g. name gives each node
// its id in the report (nil: the decimal node id). Nodes are listed in
// ascending node id. A measure that fails (an iteration that does not
// converge, a degenerate graph) is reported as null with the reason in
// Notes; Compute returns an error only for invalid input (a weight that is
// not positive when used as a distance, a node that Mode puts in a third
// mode or a two-mode edge within one mode).
func Compute(g graph.Graph, name func(id int64) string, opt Options) (*Report, error) {
	if name == nil {
		name = func(id int64) string { return fmt.Sprint(id) }
	}
	dg, directed := g.(graph.Directed)
	_, hasWeights := g.(graph.Weighted)
	weighted := opt.Weighted && hasWeights
	damping := opt.Damping
	if damping == 0 {
		damping = 0.85
	}
	iter := opt.Iter
	iter.Weighted = weighted
	r := &Report{}
	note := func(format string, a ...any) { r.Notes = append(r.Notes, fmt.Sprintf(format, a...)) }

	ids := graph.NodesOf(g.Nodes())
	slices.SortFunc(ids, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	n := len(ids)
	gm := &r.Graph
	gm.Nodes, gm.Directed, gm.Weighted = n, directed, weighted
	gm.Edges = countEdges(g, directed)
	if opt.Weighted && !hasWeights {
		note("the graph has no edge weights; computed unweighted")
	}

	// Shortest paths: one pass for betweenness, closeness, harmonic,
	// path length and diameter.
	ps, err := ShortestPaths(g, PathOptions{Weighted: weighted && opt.Distances, Workers: opt.Workers})
	if err != nil {
		return nil, err
	}
	if weighted && !opt.Distances {
		note("shortest paths count edges: weights are tie strengths, not distances (Options.Distances, --distances, uses them as lengths)")
	}
	bn := NormalizeBetweenness(ps.Betweenness, directed)
	gm.AveragePathLength, gm.Diameter = ps.AveragePathLength, ps.Diameter

	// Degrees and strengths (strs[i] is the strength of ids[i]).
	deg := map[int64][3]int{} // total (or undirected), in, out
	for _, id := range ids {
		to := g.From(id.ID())
		for to.Next() {
			v := to.Node().ID()
			d := deg[id.ID()]
			d[0]++
			d[2]++
			deg[id.ID()] = d
			if directed {
				dv := deg[v]
				dv[0]++
				dv[1]++
				deg[v] = dv
			}
		}
	}
	strs := nodeValues(g, weighted)
	degs := make([]float64, n)
	for i, id := range ids {
		degs[i] = float64(deg[id.ID()][0])
	}

	eig, eigErr := Eigenvector(g, iter)
	if eigErr != nil {
		note("eigenvector: %v", eigErr)
	}
	pr, prErr := PageRank(g, damping, iter)
	if prErr != nil {
		note("pagerank: %v", prErr)
	}
	hubs, auths, hitsErr := HITS(g, iter)
	if hitsErr != nil {
		note("hits: %v", hitsErr)
	}
	core := CoreNumber(g)
	clust := Clustering(g)
	cons := Constraint(g, weighted)
	eff := EffectiveSize(g, weighted)

	score := func(m map[int64]float64, id int64, err error) Value {
		if err != nil || m == nil {
			return Undefined("")
		}
		return Defined(m[id])
	}
	for i, node := range ids {
		id := node.ID()
		d := deg[id]
		nm := NodeMeasures{ID: id, Name: name(id), Degree: d[0], Core: core[id],
			Strength:              Defined(strs[i]),
			Betweenness:           Defined(ps.Betweenness[id]),
			BetweennessNormalized: Defined(bn[id]),
			Closeness:             Defined(ps.Closeness[id]),
			Harmonic:              Defined(ps.Harmonic[id]),
			Eigenvector:           score(eig, id, eigErr),
			PageRank:              score(pr, id, prErr),
			Hub:                   score(hubs, id, hitsErr),
			Authority:             score(auths, id, hitsErr),
			Clustering:            finite(clust[id]),
			Constraint:            finite(cons[id]),
			EffectiveSize:         finite(eff[id]),
		}
		if directed {
			in, out := d[1], d[2]
			nm.InDegree, nm.OutDegree = &in, &out
		}
		r.Nodes = append(r.Nodes, nm)
	}

	// Graph structure.
	gm.Density = Density(g)
	gm.WeakComponents = len(WeakComponents(g))
	gm.StrongComponents = gm.WeakComponents
	if directed {
		gm.StrongComponents = len(StrongComponents(dg))
		gm.Reciprocity = Reciprocity(dg)
	} else {
		gm.Reciprocity = Undefined("reciprocity is defined for directed graphs")
	}
	gm.LargestComponent = LargestComponent(g)
	gm.Transitivity = Transitivity(g)
	gm.DegreeAssortativity = DegreeAssortativity(g)
	gm.Hierarchy = KrackhardtHierarchy(g)

	// Centralization.
	gm.Centralization = map[string]Centralization{}
	if directed {
		gm.Centralization["degree"] = DegreeCentralization(g, DegreeTotal)
		gm.Centralization["in_degree"] = DegreeCentralization(g, DegreeIn)
		gm.Centralization["out_degree"] = DegreeCentralization(g, DegreeOut)
	} else {
		gm.Centralization["degree"] = DegreeCentralization(g, DegreeUndirected)
	}
	if weighted {
		mode := DegreeUndirected
		if directed {
			mode = DegreeTotal
		}
		gm.Centralization["strength"] = ValuedDegreeCentralization(g.(graph.Weighted), mode)
	}
	gm.Centralization["betweenness"] = Centralize(ps.Betweenness, MaxBetweenness(n, directed))
	gm.Centralization["closeness"] = Centralize(ps.Closeness, MaxCloseness(n, directed))
	gm.Centralization["harmonic"] = Centralize(harmonicShare(ps.Harmonic, n), MaxHarmonic(n, directed))
	if eigErr == nil {
		gm.Centralization["eigenvector"] = Centralize(eig, MaxEigenvector(n, directed))
	} else {
		gm.Centralization["eigenvector"] = Centralization{Value: Undefined("eigenvector centrality is undefined: " + eigErr.Error()), Max: MaxEigenvector(n, directed)}
	}
	for _, k := range []string{"degree", "in_degree", "out_degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector"} {
		if c, ok := gm.Centralization[k]; ok && !c.Value.OK && c.Value.Note != "" {
			note("centralization.%s: %s", k, c.Value.Note)
		}
	}

	// Concentration of degree and strength over nodes.
	gm.Gini, gm.HHI, gm.NormalizedHHI = map[string]Value{}, map[string]Value{}, map[string]Value{}
	gm.Theil, gm.Entropy, gm.Top1Share = map[string]Value{}, map[string]Value{}, map[string]Value{}
	for k, x := range map[string][]float64{"degree": degs, "strength": strs} {
		gm.Gini[k], gm.HHI[k], gm.NormalizedHHI[k] = Gini(x), HHI(x), NormalizedHHI(x)
		gm.Theil[k], gm.Entropy[k], gm.Top1Share[k] = Theil(x), Entropy(x), TopShare(x, 1)
	}

	// Communities: Louvain on the graph (on its underlying undirected
	// graph when directed), seeded.
	gm.Louvain.Seed = opt.Seed
	var ug graph.Undirected
	if directed {
		ug = graph.Undirect{G: dg}
		note("louvain: run on the underlying undirected graph")
	} else {
		ug, _ = g.(graph.Undirected)
	}
	if ug != nil {
		p, err := Louvain(ug, 1, rand.NewPCG(opt.Seed, opt.Seed))
		if err != nil {
			gm.Louvain.Q = Undefined(err.Error())
			note("louvain: %v", err)
		} else {
			gm.Louvain.Q, gm.Louvain.Communities = p.Q, len(p.Communities)
			for i := range r.Nodes {
				c := p.Community[r.Nodes[i].ID]
				r.Nodes[i].Community = &c
			}
		}
	}

	if opt.Group != nil {
		group := make(map[int64]string, n)
		for _, node := range ids {
			group[node.ID()] = opt.Group[node.ID()]
		}
		aa := AttributeAssortativity(g, group)
		gm.AttributeAssortativity = &aa
		labels := map[string]int{}
		part := make(map[int64]int, n)
		for _, node := range ids { // communities numbered in node order
			k := group[node.ID()]
			if _, ok := labels[k]; !ok {
				labels[k] = len(labels)
			}
			part[node.ID()] = labels[k]
		}
		q, err := Modularity(g, part, 1)
		if err != nil {
			q = Undefined(err.Error())
		}
		gm.GroupModularity = &q
		roles := Brokerage(g, group)
		for i := range r.Nodes {
			b := roles[r.Nodes[i].ID]
			r.Nodes[i].Brokerage = &b
		}
	}

	if opt.Mode != nil {
		ug, ok := g.(graph.Undirected)
		if !ok {
			return nil, fmt.Errorf("metrics: a two-mode graph must be undirected")
		}
		tm, err := TwoModeDegreeCentralization(ug, opt.Mode)
		if err != nil {
			return nil, err
		}
		gm.TwoMode = &tm
		if wug, ok := g.(graph.WeightedUndirected); ok && weighted {
			tv, err := TwoModeValuedDegreeCentralization(wug, opt.Mode)
			if err != nil {
				return nil, err
			}
			gm.TwoModeValued = &tv
		}
	}

	for _, v := range []struct {
		key string
		v   Value
	}{{"density", gm.Density}, {"transitivity", gm.Transitivity}, {"average_path_length", gm.AveragePathLength},
		{"diameter", gm.Diameter}, {"degree_assortativity", gm.DegreeAssortativity}, {"reciprocity", gm.Reciprocity},
		{"hierarchy.connectedness", gm.Hierarchy.Connectedness}, {"hierarchy.hierarchy", gm.Hierarchy.Hierarchy},
		{"hierarchy.efficiency", gm.Hierarchy.Efficiency}, {"hierarchy.lubness", gm.Hierarchy.LUBness}} {
		if !v.v.OK && v.v.Note != "" {
			note("%s: %s", v.key, v.v.Note)
		}
	}
	if r.Notes == nil {
		r.Notes = []string{}
	}
	return r, nil
}

// finite wraps a node score, undefined if it is NaN or infinite.
func finite(v float64) Value {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Undefined("")
	}
	return Defined(v)
}

// countEdges counts the edges of g, each undirected edge once.
func countEdges(g graph.Graph, directed bool) int {
	m := 0
	nodes := g.Nodes()
	for nodes.Next() {
		u := nodes.Node().ID()
		to := g.From(u)
		for to.Next() {
			if directed || u < to.Node().ID() {
				m++
			}
		}
	}
	return m
}
