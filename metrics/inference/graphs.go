package inference

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// tie is an edge of a graph being copied: from u to v (u < v by ID in an
// undirected graph), with weight w (1 in an unweighted graph).
type tie struct {
	u, v graph.Node
	w    float64
}

// sortedNodes returns the nodes of g sorted by ID, so that random draws
// never depend on gonum's map order.
func sortedNodes(g graph.Graph) []graph.Node {
	nodes := graph.NodesOf(g.Nodes())
	slices.SortFunc(nodes, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return nodes
}

// shape records what a copy of a graph must keep: direction, weights, and
// a weighted graph's self and absent weights.
type shape struct {
	directed, weighted bool
	self, absent       float64
}

// shapeOf returns the shape of g. A graph is directed if it implements
// graph.Directed and weighted if it implements graph.Weighted; the self
// and absent weights of a weighted graph are probed with Weight on a node
// and on a pair of nodes without an edge (absent defaults to +Inf, the
// convention of package network, when g is complete).
func shapeOf(g graph.Graph) shape {
	var s shape
	_, s.directed = g.(graph.Directed)
	wg, ok := g.(graph.Weighted)
	if !ok {
		return s
	}
	s.weighted = true
	s.absent = math.Inf(1)
	nodes := sortedNodes(g)
	if len(nodes) == 0 {
		return s
	}
	s.self, _ = wg.Weight(nodes[0].ID(), nodes[0].ID())
	for _, u := range nodes {
		if g.From(u.ID()).Len() >= len(nodes)-1 {
			continue // tied to every other node
		}
		for _, v := range nodes {
			if u.ID() != v.ID() && g.Edge(u.ID(), v.ID()) == nil {
				s.absent, _ = wg.Weight(u.ID(), v.ID())
				return s
			}
		}
	}
	return s
}

// tiesOf returns the edges of g sorted by (from, to) ID; an undirected edge
// appears once with u < v. Self-loops are dropped (gonum's simple graphs
// cannot hold them).
func tiesOf(g graph.Graph, s shape) []tie {
	var out []tie
	for _, u := range sortedNodes(g) {
		nbrs := graph.NodesOf(g.From(u.ID()))
		slices.SortFunc(nbrs, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
		for _, v := range nbrs {
			if u.ID() == v.ID() || (!s.directed && v.ID() < u.ID()) {
				continue
			}
			out = append(out, tie{u, v, edgeWeight(g, s, u.ID(), v.ID())})
		}
	}
	return out
}

// edgeWeight returns the weight of the edge from u to v (1 if g is not
// weighted), or 0 if there is none.
func edgeWeight(g graph.Graph, s shape, u, v int64) float64 {
	if s.weighted {
		if e := g.(graph.Weighted).WeightedEdge(u, v); e != nil {
			return e.Weight()
		}
		return 0
	}
	if g.Edge(u, v) != nil {
		return 1
	}
	return 0
}

// build returns a new gonum simple graph of the given shape with the given
// nodes and edges: simple.(Weighted)(Un)DirectedGraph.
func (s shape) build(nodes []graph.Node, edges []tie) graph.Graph {
	switch {
	case s.directed && s.weighted:
		g := simple.NewWeightedDirectedGraph(s.self, s.absent)
		for _, n := range nodes {
			g.AddNode(n)
		}
		for _, e := range edges {
			g.SetWeightedEdge(g.NewWeightedEdge(e.u, e.v, e.w))
		}
		return g
	case s.weighted:
		g := simple.NewWeightedUndirectedGraph(s.self, s.absent)
		for _, n := range nodes {
			g.AddNode(n)
		}
		for _, e := range edges {
			g.SetWeightedEdge(g.NewWeightedEdge(e.u, e.v, e.w))
		}
		return g
	case s.directed:
		g := simple.NewDirectedGraph()
		for _, n := range nodes {
			g.AddNode(n)
		}
		for _, e := range edges {
			g.SetEdge(g.NewEdge(e.u, e.v))
		}
		return g
	default:
		g := simple.NewUndirectedGraph()
		for _, n := range nodes {
			g.AddNode(n)
		}
		for _, e := range edges {
			g.SetEdge(g.NewEdge(e.u, e.v))
		}
		return g
	}
}
