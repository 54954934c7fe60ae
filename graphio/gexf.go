package graphio

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// gexfVersion is the GEXF version WriteGEXF writes. GEXF 1.3 files are
// the same for a static weighted graph but for the namespace, and
// NetworkX up to at least 3.x reads only 1.1draft and 1.2draft: it finds
// no <graph> in a 1.3 file. Gephi reads both.
const (
	gexfVersion   = "1.2"
	gexfNamespace = "http://www.gexf.net/1.2draft"
	gexfSchema    = "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
)

// WriteGEXF writes g as GEXF ([GEXF]), version 1.2draft, which Gephi and
// NetworkX (read_gexf) read; ReadGEXF also reads 1.3. The node id is the
// node's name and its label is NodeLabel (its "label", "name", "name_en"
// or "name_zh" attribute, else its name), so Gephi shows names rather
// than ids; node attributes are declared in <attributes class="node">
// and given in each node's <attvalues>; the edge weight is the edge's
// weight attribute, and the other edge attributes are declared in
// <attributes class="edge"> (with ids e0, e1, …) and given in each edge's
// <attvalues>. An attribute's type is its type by AttrTypes (long,
// double, boolean or string), with the empty values of typed attributes
// left out and the exact companions of doubles, as WriteGraphML writes
// them.
// defaultedgetype is directed or undirected. Edges get ids 0, 1, … in
// (from, to) order and no label: an edge attribute "label" is written as
// an attvalue, which ReadGEXF reads back as such.
//
// The file is the same for the same graph, with the order of nodes, edges
// and attributes and the checks and the self-loops (g.Loops) of WriteGraphML.
//
// [GEXF]: https://gexf.net/
func WriteGEXF(w io.Writer, g *network.Graph) error {
	wg, err := forWriting(g, true)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(bw, "<gexf xmlns=%q xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=%q version=%q>\n",
		gexfNamespace, gexfSchema, gexfVersion)
	edgeType := "undirected"
	if g.Directed {
		edgeType = "directed"
	}
	fmt.Fprintf(bw, "  <graph mode=\"static\" defaultedgetype=%q>\n", edgeType)
	if len(wg.nodeCols) > 0 {
		bw.WriteString("    <attributes class=\"node\" mode=\"static\">\n")
		for i, c := range wg.nodeCols {
			fmt.Fprintf(bw, "      <attribute id=\"%d\" title=\"%s\" type=%q/>\n", i, xmlEscape(c.Name), c.Type)
		}
		bw.WriteString("    </attributes>\n")
	}
	if len(wg.edgeCols) > 0 {
		bw.WriteString("    <attributes class=\"edge\" mode=\"static\">\n")
		for i, c := range wg.edgeCols {
			fmt.Fprintf(bw, "      <attribute id=\"e%d\" title=\"%s\" type=%q/>\n", i, xmlEscape(c.Name), c.Type)
		}
		bw.WriteString("    </attributes>\n")
	}
	bw.WriteString("    <nodes>\n")
	for i, name := range g.Names {
		n, label := xmlEscape(name), xmlEscape(NodeLabel(g, i))
		values := wg.nodeValues(i)
		if len(values) == 0 {
			fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\"/>\n", n, label)
			continue
		}
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", n, label)
		for _, v := range values {
			fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\"/>\n", v.col, xmlEscape(v.text))
		}
		bw.WriteString("        </attvalues>\n      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range wg.edges {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\"",
			i, xmlEscape(g.Names[e.from]), xmlEscape(g.Names[e.to]), formatWeight(e.weight))
		values := typed(e.m, wg.edgeCols)
		if len(values) == 0 {
			bw.WriteString("/>\n")
			continue
		}
		bw.WriteString(">\n        <attvalues>\n")
		for _, v := range values {
			fmt.Fprintf(bw, "          <attvalue for=\"e%d\" value=\"%s\"/>\n", v.col, xmlEscape(v.text))
		}
		bw.WriteString("        </attvalues>\n      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// gexfAttr is an <attribute> declaration.
type gexfAttr struct {
	title string
	def   *string
}

// ReadGEXF reads a graph from a GEXF file (1.1draft, 1.2draft or 1.3), as
// written by WriteGEXF, Gephi or NetworkX (write_gexf). name names the
// file in errors.
//
// The node id becomes the node's name; node ids are numbered in file
// order. Node attributes are the node's <attvalue>s, by the title of
// their <attribute class="node"> (text whatever the type; an attribute's
// <default> fills in nodes that lack it); Graph.AttrNames lists them in
// declaration order. A node label that differs both from the id and from
// the label NodeLabel derives from the node's attributes (as WriteGEXF
// writes it) is kept as the attribute "label", unless an attribute of that
// title is declared; so a Gephi file keeps its labels, and a file of
// WriteGEXF reads back without a new attribute.
//
// The edge weight is the edge's weight attribute, or else its attvalue
// for an edge attribute titled "weight", or else 1. The edge's other
// attvalues go into Graph.EdgeAttrs by the title of their <attribute
// class="edge"> (text whatever the type; a <default> fills in edges that
// lack it), and Graph.EdgeAttrNames lists those titles in declaration
// order. An edge label is kept as the edge attribute "label", unless an
// edge attribute of that title is declared. Edge ids, types, kinds,
// colours, positions and sizes (viz), spells and other elements are
// ignored without error; of several attvalues for the same attribute (a
// dynamic graph) the last is kept.
//
// defaultedgetype="directed" gives a directed graph, anything else an
// undirected one (undirected is GEXF's default). An edge whose type
// differs from defaultedgetype (a mixed graph) is an error, and so are the
// errors of ReadGraphML: non-positive or non-finite weights, edges to
// undeclared nodes and node ids declared twice. Parallel edges and
// self-loops are treated as ReadGraphML treats them, and exact companions
// folded back. Nested nodes (hierarchies) are refused. The limits
// are those of ReadGraphML.
func ReadGEXF(name string, r io.Reader) (*network.Graph, error) {
	return ReadGEXFWith(name, r, ReadOptions{})
}

// ReadGEXFWith is ReadGEXF with a choice of what to do with parallel
// edges and self-loops (see ReadOptions).
func ReadGEXFWith(name string, r io.Reader, opt ReadOptions) (*network.Graph, error) {
	g := &gexfReader{
		s:         newXMLScanner(name, r, func(ns string) bool { return ns == "" || strings.Contains(ns, "gexf.net/") }, opt),
		nodeAttrs: map[string]*gexfAttr{},
		edgeAttrs: map[string]*gexfAttr{},
	}
	if err := g.s.run(&g.text, g.start, g.end); err != nil {
		return nil, err
	}
	return g.s.graph(g.graphs, g.directed)
}

// gexfReader is the state of ReadGEXF: the attributes declared so far and
// the node, edge or declaration being read.
type gexfReader struct {
	s          *xmlScanner
	nodeAttrs  map[string]*gexfAttr // by id
	edgeAttrs  map[string]*gexfAttr
	weightDecl *gexfAttr // the first edge attribute titled "weight"
	nodeOrder  []*gexfAttr
	edgeOrder  []*gexfAttr          // edge attributes but those titled "weight"
	edgeLabel  bool                 // an edge attribute titled "label" is declared
	class      map[string]*gexfAttr // of the <attributes> being read
	forNodes   bool                 // class is nodeAttrs
	forEdges   bool                 // class is edgeAttrs
	decl       *gexfAttr            // the <attribute> being read
	hasLabel   bool                 // an attribute titled "label" is declared
	graphs     int
	directed   bool
	edgeType   string
	text       xmlText
	node       struct {
		id, label string
		attrs     map[string]string
		at        filePos
	}
	edge struct {
		source, target, weight, label string
		hasWeight                     bool
		attrs                         map[string]string
		at, weightAt                  filePos
	}
}

// start reads the start tag t of the element at path.
func (g *gexfReader) start(t xml.StartElement, path string) error {
	s, b := g.s, g.s.b
	switch path {
	case "gexf":
	case "gexf/graph":
		if g.graphs++; g.graphs > 1 {
			return b.fatal(s.at, "graph", "", fmt.Errorf("%w: more than one graph in the file", ErrFormat))
		}
		g.edgeType, _ = attr(t, "defaultedgetype")
		g.directed = g.edgeType == "directed"
		if g.edgeType == "" {
			g.edgeType = "undirected"
		}
	case "gexf/graph/attributes":
		g.class, g.forNodes, g.forEdges = g.nodeAttrs, true, false
		switch c, _ := attr(t, "class"); c {
		case "edge":
			g.class, g.forNodes, g.forEdges = g.edgeAttrs, false, true
		case "node", "":
		default: // graph attributes, ignored
			g.class, g.forNodes = map[string]*gexfAttr{}, false
		}
	case "gexf/graph/attributes/attribute":
		g.declare(t)
	case "gexf/graph/attributes/attribute/default":
		g.text.start()
	case "gexf/graph/nodes/node":
		g.node.id, _ = attr(t, "id")
		g.node.label, _ = attr(t, "label")
		g.node.attrs, g.node.at = nil, s.at
	case "gexf/graph/nodes/node/attvalues/attvalue":
		g.nodeValue(t)
	case "gexf/graph/edges/edge/attvalues/attvalue":
		g.edgeValue(t)
	case "gexf/graph/nodes/node/nodes":
		return b.fatal(s.at, "nodes", "", fmt.Errorf("%w: nested nodes (a hierarchical graph)", ErrFormat))
	case "gexf/graph/edges/edge":
		e := &g.edge
		e.source, _ = attr(t, "source")
		e.target, _ = attr(t, "target")
		e.weight, e.hasWeight = attr(t, "weight")
		e.label, _ = attr(t, "label")
		e.attrs, e.at, e.weightAt = nil, s.at, s.at
		if et, ok := attr(t, "type"); ok && et != g.edgeType {
			b.fail(s.at, "type", et, ErrMixedEdges)
		}
	default:
		if len(s.path) == 1 {
			return b.fatal(s.at, "", "", fmt.Errorf("%w: root element <%s>, want <gexf>", ErrFormat, t.Name.Local))
		}
	}
	return nil
}

// declare reads an <attribute> declaration of the class being read.
func (g *gexfReader) declare(t xml.StartElement) {
	s, b := g.s, g.s.b
	id, _ := attr(t, "id")
	title, ok := attr(t, "title")
	if !ok {
		title = id
	}
	decl := &gexfAttr{title: title}
	g.decl = decl
	if _, dup := g.class[id]; dup {
		b.fail(s.at, "id", id, fmt.Errorf("%w: attribute declared twice", network.ErrDuplicateKey))
	}
	g.class[id] = decl
	if g.forEdges && title == "weight" && g.weightDecl == nil {
		g.weightDecl = decl
	}
	if g.forNodes {
		b.declareAttr(title)
		g.nodeOrder = append(g.nodeOrder, decl)
		g.hasLabel = g.hasLabel || title == "label"
	}
	if g.forEdges && title != "weight" {
		b.declareEdgeAttr(title)
		g.edgeOrder = append(g.edgeOrder, decl)
		g.edgeLabel = g.edgeLabel || title == "label"
	}
}

// attvalue returns the attribute id and the value of an <attvalue>.
func attvalue(t xml.StartElement) (id, value string) {
	id, ok := attr(t, "for")
	if !ok {
		id, _ = attr(t, "id") // GEXF 1.1
	}
	value, _ = attr(t, "value")
	return id, value
}

// nodeValue reads an <attvalue> of the node being read.
func (g *gexfReader) nodeValue(t xml.StartElement) {
	id, value := attvalue(t)
	a := g.nodeAttrs[id]
	if a == nil {
		g.s.b.fail(g.s.at, "for", id, ErrUndeclaredKey)
		return
	}
	g.node.attrs = setAttr(g.node.attrs, a.title, value)
}

// edgeValue reads an <attvalue> of the edge being read: its weight (unless
// the edge has a weight attribute) or one of its attributes.
func (g *gexfReader) edgeValue(t xml.StartElement) {
	id, value := attvalue(t)
	e := &g.edge
	if a := g.edgeAttrs[id]; a == nil {
		g.s.b.fail(g.s.at, "for", id, ErrUndeclaredKey)
	} else if a == g.weightDecl {
		if !e.hasWeight {
			e.weight, e.hasWeight, e.weightAt = value, true, g.s.at
		}
	} else if a.title != "weight" {
		e.attrs = setAttr(e.attrs, a.title, value)
	}
}

// end reads the end tag of the element at path.
func (g *gexfReader) end(path string) error {
	b := g.s.b
	switch path {
	case "gexf/graph/attributes/attribute/default":
		v := g.text.stop()
		g.decl.def = &v
	case "gexf/graph/nodes/node":
		n := &g.node
		for _, a := range g.nodeOrder {
			n.attrs = withDefault(n.attrs, a.title, a.def)
		}
		if n.label != "" && n.label != n.id && n.label != labelOf(n.attrs, n.id) && !g.hasLabel {
			n.attrs = setAttr(n.attrs, "label", n.label)
			b.declareAttr("label")
		}
		return b.addNode(n.id, n.attrs, n.at)
	case "gexf/graph/edges/edge":
		e := &g.edge
		if wd := g.weightDecl; !e.hasWeight && wd != nil && wd.def != nil {
			e.weight, e.hasWeight = *wd.def, true
		}
		for _, a := range g.edgeOrder {
			e.attrs = withDefault(e.attrs, a.title, a.def)
		}
		if e.label != "" && !g.edgeLabel {
			e.attrs = setAttr(e.attrs, "label", e.label)
			b.declareEdgeAttr("label")
		}
		return b.addEdge(e.source, e.target, e.weight, e.hasWeight, e.attrs, e.at, e.weightAt)
	}
	return nil
}
