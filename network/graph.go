package network

import (
	"errors"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// Graph is a weighted graph with node names and attributes on the side:
// the form of the graphs that package graphio reads and writes (edge
// lists, GraphML, GEXF, node-link JSON, DOT) and of the networks made for
// its writers (Network.Graph, cases.Meta.Graph). Node i of G is Names[i];
// Attrs[i] maps attribute name to value, and AttrNames lists the attribute
// names in a stable order (the columns of a node file, the declarations of
// a graph file).
//
// Edge attributes other than the weight, which G carries, are in
// EdgeAttrs, keyed by the (from, to) node ids of the edge; on an
// undirected graph the key has from < to. A nil map, a missing key or a
// nil value means that the edge has no attributes; a missing name in an
// edge's map means that the edge lacks that attribute, which differs from
// an empty value. EdgeAttrNames lists the edge attribute names in a stable
// order (the columns of the edge file, the declarations of a graph file);
// an edge attribute may not be called "weight".
//
// Self-loops (edges from a node to itself) cannot be held by G, which is
// a simple graph. A reader told to keep them (graphio.LoopsKeep) puts
// them in Loops: node id → the loop's weight, one loop per node (parallel
// loops merged as parallel edges are), with the loop's attributes in
// EdgeAttrs under the key (n, n). Loops is nil when the graph has none or
// they were dropped. Writers write the loops with the edges. Measures of
// package metrics read only G unless given the loops (metrics.Options.Loops).
type Graph struct {
	G         graph.Weighted // node ids 0..len(Names)-1; see graphio.ReadEdgeList for the graphs it reads
	Directed  bool
	Names     []string
	Attrs     []map[string]string
	AttrNames []string // node attribute names, in a stable order
	Edges     int      // number of edges of G (after merging), not counting Loops
	Merged    int      // duplicate edges (and loops) graphio.ReadEdgeList merged into one (weights added)

	EdgeAttrNames []string                       // edge attribute names other than the weight, in a stable order
	EdgeAttrs     map[[2]int64]map[string]string // attributes by (from, to) node ids, from < to if undirected; (n, n) for the loop at n

	// Loops are the self-loops kept: the loop weight by node id (see above).
	Loops map[int64]float64
}

// ID returns the node id of a name.
func (g *Graph) ID(name string) (int64, bool) {
	for i, n := range g.Names {
		if n == name {
			return int64(i), true
		}
	}
	return 0, false
}

// ErrBadModes is returned by Modes when a node attribute does not split
// the nodes into two modes.
var ErrBadModes = errors.New("two-mode graph needs exactly two values")

// Modes returns the mode (0 or 1) of every node of a two-mode graph, read
// from the node attribute column: the first value seen in the node file is
// mode 0, the other mode 1. nodesName names the node file in errors. It is
// an error if the column is missing, if a node has no value (including an
// endpoint that is not in the node file), or if the column does not have
// exactly two values. Whether edges join the two modes is checked by the
// two-mode measures.
func Modes(g *Graph, nodesName, column string) (func(id int64) int, error) {
	if !slices.Contains(g.AttrNames, column) {
		return nil, &InputError{File: nodesName, Line: 1, Field: column, Err: ErrMissingColumn}
	}
	var values []string
	mode := make([]int, len(g.Names))
	for i, a := range g.Attrs {
		v := a[column]
		if a == nil || v == "" {
			return nil, &InputError{File: nodesName, Field: column, Value: g.Names[i],
				Err: fmt.Errorf("%w: node %q has no mode", ErrBadModes, g.Names[i])}
		}
		j := slices.Index(values, v)
		if j < 0 {
			j = len(values)
			values = append(values, v)
		}
		if j > 1 {
			return nil, &InputError{File: nodesName, Field: column, Value: v,
				Err: fmt.Errorf("%w, found a third: %s", ErrBadModes, v)}
		}
		mode[i] = j
	}
	if len(values) != 2 {
		return nil, &InputError{File: nodesName, Field: column, Err: fmt.Errorf("%w, found %d", ErrBadModes, len(values))}
	}
	return func(id int64) int { return mode[id] }, nil
}
