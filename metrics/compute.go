package metrics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
	// ModeNames, with Mode, name mode 0 and mode 1 (say "woman" and
	// "event") in the notes, which then say which mode is which.
	ModeNames [2]string
	// Group, if not nil, assigns nodes to groups (a province, a ministry):
	// Compute adds the attribute assortativity and the modularity of the
	// partition into groups, and each node's Gould-Fernandez brokerage
	// roles. A node missing from Group is in the group "".
	Group map[int64]string
	// Seed seeds the Louvain community detection (rand.NewPCG(Seed, Seed)).
	Seed uint64
	// Approx, with Approx.Epsilon > 0, estimates betweenness by sampling
	// shortest paths (ApproxBetweenness) with Approx.Delta and Approx.Seed;
	// its Weighted and Workers are taken from these Options.
	Approx ApproxOptions
	// Loops are self-loops, which g (a simple graph) cannot hold: the
	// weight of the loop at each node that has one, by node id (as
	// network.Graph.Loops holds them). The node measures degree,
	// in_degree, out_degree and strength count them as NetworkX's
	// Graph.degree and DiGraph.in_degree/out_degree/degree do: on an
	// undirected graph a loop adds 2 to the degree and 2w to the strength,
	// on a directed graph 1 to the in-degree and 1 to the out-degree (so 2
	// to the degree) and 2w to the strength (in plus out), where w is the
	// loop's weight, or 1 unless Weighted. Every other measure, node or
	// graph (the centralizations and concentrations of degree and
	// strength, density, paths, eigenvector, PageRank, HITS, k-core,
	// clustering, constraint, communities, …), ignores them: LoopMeasures
	// lists those that count them. A loop at a node that g does not have,
	// or whose weight is not a positive finite number, is invalid input.
	Loops map[int64]float64
	// Timer, if not nil, is called after each measure with its name and
	// the time it took (shared work, such as the shortest-path pass, is
	// timed with the first measure that needs it).
	Timer func(measure string, d time.Duration)
}

// Report holds every measure of a graph: graph-level values and one row
// per node, with notes on what is undefined and why. It marshals to the
// JSON of "ecosys metrics".
type Report struct {
	Graph GraphMeasures `json:"graph"`
	Nodes NodeTable     `json:"nodes"`
	Notes []string      `json:"notes"`
	// NotConverged names the iterative measures (eigenvector, pagerank,
	// hits) that did not converge within Options.Iter.MaxIter iterations
	// and are undefined; Notes says more. Not in the JSON.
	NotConverged []string `json:"-"`
}

// GraphMeasures are the graph-level values of a Report: the size of the
// graph, then one value per graph measure of the registry that applies
// (GraphMeasureList), in registry order.
type GraphMeasures struct {
	Nodes    int
	Edges    int
	Directed bool
	Weighted bool
	Values   []GraphValue
	// LouvainSeed is the seed of the Louvain partition (Options.Seed).
	LouvainSeed uint64
}

// GraphValue is one graph-level value: a measure's path, its value and,
// for centralizations, the theoretical maximum it was divided by.
type GraphValue struct {
	Path   string
	Value  Value
	Max    float64
	HasMax bool
}

// Get returns the value of the measure with the given path, and whether
// the report has it.
func (g *GraphMeasures) Get(path string) (GraphValue, bool) {
	for _, v := range g.Values {
		if v.Path == path {
			return v, true
		}
	}
	return GraphValue{}, false
}

// Value returns the value of the measure with the given path, undefined
// when the report does not have it.
func (g *GraphMeasures) Value(path string) Value {
	v, ok := g.Get(path)
	if !ok {
		return Undefined(path + " was not computed")
	}
	return v.Value
}

// MarshalJSON writes the size of the graph, then each value under its
// path: "a.b" as key b of object a, "a.b.c" as key c of object b in a
// (the measures of one object are adjacent in the registry); a value with
// a maximum as {"value": …, "max": …}.
func (g GraphMeasures) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"nodes":%d,"edges":%d,"directed":%t,"weighted":%t`, g.Nodes, g.Edges, g.Directed, g.Weighted)
	var open []string // the objects being written, outermost first
	closeTo := func(depth int) {
		for len(open) > depth {
			if len(open) == 1 && open[0] == "louvain" {
				fmt.Fprintf(&b, `,"seed":%d`, g.LouvainSeed)
			}
			b.WriteByte('}')
			open = open[:len(open)-1]
		}
	}
	for _, v := range g.Values {
		parts := strings.Split(v.Path, ".")
		groups, key := parts[:len(parts)-1], parts[len(parts)-1]
		common := 0
		for common < len(open) && common < len(groups) && open[common] == groups[common] {
			common++
		}
		closeTo(common)
		for _, grp := range groups[len(open):] {
			fmt.Fprintf(&b, `,%q:{`, grp)
			open = append(open, grp)
		}
		if b.Bytes()[b.Len()-1] != '{' { // not the first member of an object
			b.WriteByte(',')
		}
		val, err := v.Value.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if v.HasMax {
			fmt.Fprintf(&b, `%q:{"value":%s,"max":%s}`, key, val, strconv.FormatFloat(v.Max, 'g', -1, 64))
		} else {
			fmt.Fprintf(&b, `%q:%s`, key, val)
		}
	}
	closeTo(0)
	b.WriteByte('}')
	return b.Bytes(), nil
}

// NodeTable holds node measures by column: Values[k][i] is measure
// Columns[k] of node IDs[i]. Nodes are in ascending id order.
type NodeTable struct {
	IDs     []int64
	Names   []string
	Columns []string
	Values  [][]Value
	// Brokerage holds the Gould-Fernandez roles of each node, with
	// Options.Group; nil otherwise.
	Brokerage []BrokerageRoles
}

// Len returns the number of nodes.
func (t *NodeTable) Len() int { return len(t.IDs) }

// Column returns the values of the named measure, nil if the table does
// not have it.
func (t *NodeTable) Column(name string) []Value {
	k := slices.Index(t.Columns, name)
	if k < 0 {
		return nil
	}
	return t.Values[k]
}

// MarshalJSON writes one object per node: "id" (its name), then each
// column, then "brokerage" when present.
func (t NodeTable) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := range t.IDs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(t.Names[i])
		fmt.Fprintf(&b, `{"id":%s`, name)
		for k, col := range t.Columns {
			val, err := t.Values[k][i].MarshalJSON()
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, `,%q:%s`, col, val)
		}
		if t.Brokerage != nil {
			br, err := json.Marshal(t.Brokerage[i])
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, `,"brokerage":%s`, br)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// Compute computes every measure of the registry on g (NodeMeasureList
// and GraphMeasureList). name gives each node its id in the report (nil:
// the decimal node id). A measure that fails (an iteration that does not
// converge, a degenerate graph) is reported as undefined with the reason
// in Notes; Compute returns an error only for invalid input (a weight
// that is not positive when used as a distance, a node that Mode puts in
// a third mode or a two-mode edge within one mode, Mode on a directed
// graph).
func Compute(g graph.Graph, name func(id int64) string, opt Options) (*Report, error) {
	c := newComputation(g, opt)
	nodes, err := c.nodeTable(name, nodeMeasures, false)
	if err != nil {
		return nil, err
	}
	r := &Report{Nodes: *nodes}
	gm := &r.Graph
	gm.Nodes, gm.Edges, gm.Directed, gm.Weighted, gm.LouvainSeed = len(c.nodes()), countEdges(g, c.directed), c.directed, c.weighted, opt.Seed
	for _, m := range graphMeasures {
		if m.applies != nil && !m.applies(c) {
			continue
		}
		t0 := time.Now()
		v := m.compute(c)
		if c.fatal != nil {
			return nil, c.fatal
		}
		c.timed(m.Path, t0)
		v.Path, v.HasMax = m.Path, m.HasMax
		gm.Values = append(gm.Values, v)
		if !v.Value.OK && v.Value.Note != "" {
			c.note("%s: %s", m.Path, v.Value.Note)
		}
	}
	if opt.Group != nil {
		roles := Brokerage(g, c.groups())
		r.Nodes.Brokerage = make([]BrokerageRoles, len(r.Nodes.IDs))
		for i, id := range r.Nodes.IDs {
			r.Nodes.Brokerage[i] = roles[id]
		}
	}
	r.Notes, r.NotConverged = c.notes, c.notConverged
	if r.Notes == nil {
		r.Notes = []string{}
	}
	return r, nil
}

// ComputeNodes computes only the named node measures of the registry
// (any order; each once), and returns them as a table in registry order
// with notes. Unlike Compute, a measure that fails is an error, named
// after the measure.
func ComputeNodes(g graph.Graph, name func(id int64) string, names []string, opt Options) (*NodeTable, []string, error) {
	var list []NodeMeasure
	families := map[string]bool{}
	for _, m := range nodeMeasures {
		if !slices.Contains(names, m.Name) {
			continue
		}
		list = append(list, m)
		switch m.Name {
		case "betweenness", "betweenness_normalized":
			families["betweenness"] = true
		case "closeness", "harmonic":
			families[m.Name] = true
		}
	}
	for _, n := range names {
		if _, err := LookupNodeMeasure(n); err != nil {
			return nil, nil, err
		}
	}
	c := newComputation(g, opt)
	c.nodesOnly = true
	if len(families) == 1 {
		for f := range families {
			c.singlePath = f
		}
	}
	t, err := c.nodeTable(name, list, true)
	if err != nil {
		return nil, nil, err
	}
	return t, c.notes, nil
}

// nodeTable evaluates node measures in the given order. strict makes a
// failing measure an error; otherwise it is undefined (its getter has
// noted why). Invalid input is an error either way.
func (c *computation) nodeTable(name func(id int64) string, list []NodeMeasure, strict bool) (*NodeTable, error) {
	if name == nil {
		name = func(id int64) string { return strconv.FormatInt(id, 10) }
	}
	nodes := c.nodes()
	t := &NodeTable{IDs: make([]int64, len(nodes)), Names: make([]string, len(nodes))}
	for i, u := range nodes {
		t.IDs[i], t.Names[i] = u.ID(), name(u.ID())
	}
	for _, m := range list {
		t0 := time.Now()
		vals, err := m.compute(c)
		if c.fatal != nil {
			return nil, c.fatal
		}
		if err != nil && strict {
			return nil, fmt.Errorf("%s: %w", m.Name, err)
		}
		c.timed(m.Name, t0)
		t.Columns = append(t.Columns, m.Name)
		t.Values = append(t.Values, vals)
	}
	return t, nil
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
