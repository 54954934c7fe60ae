package graphio

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/ecosys-sna/ecosys/network"
)

const graphMLSpace = "http://graphml.graphdrawing.org/xmlns"

// WriteGraphML writes g as GraphML 1.0 ([GraphML]). The node id is the
// node's name. Every node attribute is declared by a <key for="node">,
// the edge weight by a <key> with attr.name "weight" and attr.type
// "double", and every edge attribute by a <key for="edge">; edgedefault
// says whether the graph is directed. An attribute's attr.type is its type
// by AttrTypes (long, double, boolean or string): the type of the
// attribute-type table for the attributes ecosys writes ("contracts" long,
// "amount_cny" double, "allegation" boolean), else the type that all its
// values fit. Values are written as their text; an empty value of a long,
// double or boolean attribute is no value and is not written. A double
// that the table gives an exact companion (ExactName) is followed by it, a
// string key ("amount_cny_exact") holding the same text, so that readers
// that turn the double into a float64 keep the exact decimal too;
// ReadGraphML folds it back.
//
// The self-loops of g.Loops are written as edges from a node to itself,
// with their weights and attributes, among the other edges.
//
// The file is the same for the same graph: nodes come in id order, edges
// in (from, to) order (from < to on an undirected graph), and attributes
// in the order of g.AttrNames (g.EdgeAttrNames for edges) followed by any
// attribute that it does not list, sorted. A node or edge writes only the
// attributes it has, so a missing attribute and an empty one stay
// distinct. An edge attribute may not be called "weight". Weights are written
// in the shortest form that reads back to the same float64. WriteGraphML
// returns an error, and writes nothing, if a weight is not positive and
// finite (so never NaN), if names are empty or repeated, or if text is not
// valid UTF-8 or has characters XML does not allow.
//
// NetworkX (read_graphml), igraph (read_graphml), Gephi and yEd read the
// file, with the attribute types; ReadGraphML reads it back to an equal
// Graph (but for the empty values of typed attributes, which it reads as
// absent).
//
// [GraphML]: http://graphml.graphdrawing.org/specification.html
func WriteGraphML(w io.Writer, g *network.Graph) error {
	wg, err := forWriting(g, true)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="` + graphMLSpace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="` + graphMLSpace + ` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	// Keys: d0… for the node columns, then the weight, then the edge columns.
	for i, c := range wg.nodeCols {
		fmt.Fprintf(bw, "  <key id=\"d%d\" for=\"node\" attr.name=\"%s\" attr.type=%q/>\n", i, xmlEscape(c.Name), c.Type)
	}
	weightKey := "d" + strconv.Itoa(len(wg.nodeCols))
	fmt.Fprintf(bw, "  <key id=%q for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n", weightKey)
	edgeBase := len(wg.nodeCols) + 1
	for i, c := range wg.edgeCols {
		fmt.Fprintf(bw, "  <key id=\"d%d\" for=\"edge\" attr.name=\"%s\" attr.type=%q/>\n", edgeBase+i, xmlEscape(c.Name), c.Type)
	}
	edgeDefault := "undirected"
	if g.Directed {
		edgeDefault = "directed"
	}
	fmt.Fprintf(bw, "  <graph id=\"G\" edgedefault=%q>\n", edgeDefault)
	for i, name := range g.Names {
		values := wg.nodeValues(i)
		if len(values) == 0 {
			fmt.Fprintf(bw, "    <node id=\"%s\"/>\n", xmlEscape(name))
			continue
		}
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", xmlEscape(name))
		for _, v := range values {
			fmt.Fprintf(bw, "      <data key=\"d%d\">%s</data>\n", v.col, xmlEscape(v.text))
		}
		bw.WriteString("    </node>\n")
	}
	for _, e := range wg.edges {
		fmt.Fprintf(bw, "    <edge source=\"%s\" target=\"%s\">\n      <data key=%q>%s</data>\n",
			xmlEscape(g.Names[e.from]), xmlEscape(g.Names[e.to]), weightKey, formatWeight(e.weight))
		for _, v := range typed(e.m, wg.edgeCols) {
			fmt.Fprintf(bw, "      <data key=\"d%d\">%s</data>\n", edgeBase+v.col, xmlEscape(v.text))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// graphMLKey is a <key> declaration.
type graphMLKey struct {
	name     string  // attr.name, or the id if there is none
	node     bool    // for node or all
	edge     bool    // for edge or all, and not the weight
	ignore   bool    // a yEd graphics key, without attr.name
	def      *string // <default>
	declared filePos
}

// ReadGraphML reads a graph from a GraphML file, as written by
// WriteGraphML, NetworkX (write_graphml), igraph (write_graphml), Gephi or
// yEd. name names the file in errors.
//
// The node id becomes the node's name; node ids are numbered in file
// order. Node attributes are the <data> of the node's keys (for="node" or
// "all"), by attr.name, as text whatever their attr.type; a key's
// <default> fills in nodes that lack it. Graph.AttrNames lists the node
// keys in declaration order. igraph writes ids n0, n1, … and keeps its
// vertex names in the attribute "name": when every node id is n followed
// by its position and every node has a distinct, non-empty "name", the
// names name the nodes (and stay an attribute). An attribute with an exact
// companion (ExactName; "amount_cny" and "amount_cny_exact", as
// WriteGraphML writes them) takes the companion's text, and the companion
// is dropped.
//
// The edge weight is the edge's <data> for the key whose attr.name is
// "weight" (or that key's default, or else 1). Every other edge attribute
// (a key for="edge" or "all") goes into Graph.EdgeAttrs, as text, with its
// <default> filling in edges that lack it; Graph.EdgeAttrNames lists the
// edge keys in declaration order. Graph attributes, ports, <desc> and
// elements of other namespaces (yEd's graphics, and keys without
// attr.name that yEd declares for them) are ignored without error.
//
// edgedefault="directed" gives a directed graph, anything else an undirected
// one (as in NetworkX). Parallel edges (also in reverse on an undirected
// graph) are summed into one edge and self-loops dropped, as ReadEdgeList
// does by default; ReadGraphMLWith offers the other choices (counting,
// keeping the first, refusing; keeping or refusing self-loops). It is an error if an edge's "directed"
// attribute disagrees with edgedefault, and for a weight that is not a
// positive finite number, an edge to an undeclared node, or a node id
// declared twice. Nested graphs, hyperedges
// and a second <graph> are refused. Errors name file, line and byte column,
// collected up to network.MaxErrors into a network.ErrorList. Files over
// MaxGraphFileBytes, elements nested deeper than MaxGraphDepth, more than
// MaxGraphNodes nodes or MaxGraphEdges edges, and texts over MaxValueBytes
// are refused; no DTD is read, no entity expanded.
func ReadGraphML(name string, r io.Reader) (*network.Graph, error) {
	return ReadGraphMLWith(name, r, ReadOptions{})
}

// ReadGraphMLWith is ReadGraphML with a choice of what to do with parallel
// edges and self-loops, and a warning that says what was done (see
// ReadOptions).
func ReadGraphMLWith(name string, r io.Reader, opt ReadOptions) (*network.Graph, error) {
	g := &graphMLReader{
		s:    newXMLScanner(name, r, func(ns string) bool { return ns == "" || ns == graphMLSpace }, opt),
		name: name,
		keys: map[string]*graphMLKey{},
	}
	g.s.b.igraph = true
	if err := g.s.run(&g.text, g.start, g.end); err != nil {
		return nil, err
	}
	return g.s.graph(g.graphs, g.directed)
}

// graphMLReader is the state of ReadGraphML: the keys declared so far and
// the node, edge or <data> element being read.
type graphMLReader struct {
	s         *xmlScanner
	name      string
	keys      map[string]*graphMLKey // by id
	nodeKeys  []*graphMLKey          // in declaration order, for defaults
	edgeKeys  []*graphMLKey
	weightKey *graphMLKey
	graphs    int
	directed  bool
	text      xmlText
	key       *graphMLKey // the key being declared
	data      *graphMLKey // the key of the <data> being read
	dataAt    filePos
	node      struct {
		id    string
		attrs map[string]string
		at    filePos
	}
	edge struct {
		source, target, weight string
		hasWeight              bool
		attrs                  map[string]string
		at, weightAt           filePos
	}
}

// start reads the start tag t of the element at path.
func (g *graphMLReader) start(t xml.StartElement, path string) error {
	s, b := g.s, g.s.b
	switch path {
	case "graphml":
	case "graphml/key":
		g.declareKey(t)
	case "graphml/key/default":
		g.text.start()
	case "graphml/graph":
		if g.graphs++; g.graphs > 1 {
			return b.fatal(s.at, "graph", "", fmt.Errorf("%w: more than one graph in the file", ErrFormat))
		}
		ed, _ := attr(t, "edgedefault")
		g.directed = ed == "directed"
	case "graphml/graph/node":
		g.node.id, _ = attr(t, "id")
		g.node.attrs, g.node.at = nil, s.at
	case "graphml/graph/node/data", "graphml/graph/edge/data":
		id, _ := attr(t, "key")
		g.data, g.dataAt = g.keys[id], s.at
		if g.data == nil {
			b.fail(s.at, "key", id, ErrUndeclaredKey)
		}
		g.text.start()
	case "graphml/graph/edge":
		g.edge.source, _ = attr(t, "source")
		g.edge.target, _ = attr(t, "target")
		g.edge.weight, g.edge.hasWeight, g.edge.at, g.edge.weightAt = "", false, s.at, s.at
		g.edge.attrs = nil
		if d, ok := attr(t, "directed"); ok && (d == "true") != g.directed {
			b.fail(s.at, "directed", d, ErrMixedEdges)
		}
	case "graphml/graph/node/graph", "graphml/graph/edge/graph":
		return b.fatal(s.at, "graph", "", fmt.Errorf("%w: nested graph", ErrFormat))
	case "graphml/graph/hyperedge":
		return b.fatal(s.at, "hyperedge", "", fmt.Errorf("%w: hyperedge", ErrFormat))
	default:
		if len(s.path) == 1 {
			return b.fatal(s.at, "", "", fmt.Errorf("%w: root element <%s>, want <graphml>", ErrFormat, t.Name.Local))
		}
	}
	return nil
}

// declareKey reads a <key> declaration: a node attribute, the edge
// weight, an edge attribute, or a yEd graphics key that is ignored.
func (g *graphMLReader) declareKey(t xml.StartElement) {
	s, b := g.s, g.s.b
	id, _ := attr(t, "id")
	if prev, dup := g.keys[id]; dup {
		e := b.fail(s.at, "key", id, fmt.Errorf("%w: key declared twice", network.ErrDuplicateKey))
		e.Other = fmt.Sprintf("%s:%s", g.name, prev.declared)
	}
	key := &graphMLKey{name: id, declared: s.at}
	g.key = key
	g.keys[id] = key
	if n, ok := attr(t, "attr.name"); ok {
		key.name = n
	} else if _, yed := attr(t, "yfiles.type"); yed {
		key.ignore = true
	}
	switch f, _ := attr(t, "for"); f {
	case "node", "all", "":
		key.node = !key.ignore
	}
	if key.node {
		b.declareAttr(key.name)
		g.nodeKeys = append(g.nodeKeys, key)
	}
	forEdge := false
	switch f, _ := attr(t, "for"); f {
	case "edge", "all", "":
		forEdge = !key.ignore
	}
	switch {
	case forEdge && key.name == "weight":
		if g.weightKey == nil {
			g.weightKey = key
		}
	case forEdge:
		key.edge = true
		b.declareEdgeAttr(key.name)
		g.edgeKeys = append(g.edgeKeys, key)
	}
}

// end reads the end tag of the element at path.
func (g *graphMLReader) end(path string) error {
	switch path {
	case "graphml/key/default":
		v := g.text.stop()
		g.key.def = &v
	case "graphml/graph/node/data":
		v := g.text.stop()
		if g.data != nil && g.data.node {
			g.node.attrs = setAttr(g.node.attrs, g.data.name, v)
		}
	case "graphml/graph/edge/data":
		v := g.text.stop()
		switch {
		case g.data == nil:
		case g.data == g.weightKey:
			g.edge.weight, g.edge.hasWeight, g.edge.weightAt = v, true, g.dataAt
		case g.data.edge:
			g.edge.attrs = setAttr(g.edge.attrs, g.data.name, v)
		}
	case "graphml/graph/node":
		for _, k := range g.nodeKeys {
			g.node.attrs = withDefault(g.node.attrs, k.name, k.def)
		}
		return g.s.b.addNode(g.node.id, g.node.attrs, g.node.at)
	case "graphml/graph/edge":
		e := &g.edge
		if wk := g.weightKey; !e.hasWeight && wk != nil && wk.def != nil {
			e.weight, e.hasWeight, e.weightAt = *wk.def, true, wk.declared
		}
		for _, k := range g.edgeKeys {
			e.attrs = withDefault(e.attrs, k.name, k.def)
		}
		return g.s.b.addEdge(e.source, e.target, e.weight, e.hasWeight, e.attrs, e.at, e.weightAt)
	}
	return nil
}
