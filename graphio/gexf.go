package graphio

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
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
// NetworkX (read_gexf) read; ReadGEXF also reads 1.3. The node id and
// label are the node's name; node attributes are declared in
// <attributes class="node"> with type "string" and given in each node's
// <attvalues>; the edge weight is the edge's weight attribute, and the
// other edge attributes are declared in <attributes class="edge"> (with
// ids e0, e1, …) with type "string" and given in each edge's <attvalues>.
// defaultedgetype is directed or undirected. Edges get ids 0, 1, … in
// (from, to) order and no label: an edge attribute "label" is written as
// an attvalue, which ReadGEXF reads back as such.
//
// The file is the same for the same graph, with the order of nodes, edges
// and attributes and the checks of WriteGraphML.
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
	ids := map[string]string{}
	if len(wg.attrNames) > 0 {
		bw.WriteString("    <attributes class=\"node\" mode=\"static\">\n")
		for i, a := range wg.attrNames {
			ids[a] = strconv.Itoa(i)
			fmt.Fprintf(bw, "      <attribute id=%q title=\"%s\" type=\"string\"/>\n", ids[a], xmlEscape(a))
		}
		bw.WriteString("    </attributes>\n")
	}
	edgeIDs := map[string]string{}
	if len(wg.edgeAttrNames) > 0 {
		bw.WriteString("    <attributes class=\"edge\" mode=\"static\">\n")
		for i, a := range wg.edgeAttrNames {
			edgeIDs[a] = "e" + strconv.Itoa(i)
			fmt.Fprintf(bw, "      <attribute id=%q title=\"%s\" type=\"string\"/>\n", edgeIDs[a], xmlEscape(a))
		}
		bw.WriteString("    </attributes>\n")
	}
	bw.WriteString("    <nodes>\n")
	for i, name := range g.Names {
		n := xmlEscape(name)
		attrs := wg.attrs(i)
		if len(attrs) == 0 {
			fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\"/>\n", n, n)
			continue
		}
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", n, n)
		for _, kv := range attrs {
			fmt.Fprintf(bw, "          <attvalue for=%q value=\"%s\"/>\n", ids[kv[0]], xmlEscape(kv[1]))
		}
		bw.WriteString("        </attvalues>\n      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range wg.edges {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\"",
			i, xmlEscape(g.Names[e.from]), xmlEscape(g.Names[e.to]), formatWeight(e.weight))
		if len(e.attrs) == 0 {
			bw.WriteString("/>\n")
			continue
		}
		bw.WriteString(">\n        <attvalues>\n")
		for _, kv := range e.attrs {
			fmt.Fprintf(bw, "          <attvalue for=%q value=\"%s\"/>\n", edgeIDs[kv[0]], xmlEscape(kv[1]))
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
// declaration order. A node label that differs from the id (as Gephi
// writes) is kept as the attribute "label", unless an attribute of that
// title is declared.
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
// errors of ReadGraphML: self-loops, parallel edges (not merged),
// non-positive or non-finite weights, edges to undeclared nodes and node
// ids declared twice. Nested nodes (hierarchies) are refused. The limits
// are those of ReadGraphML.
func ReadGEXF(name string, r io.Reader) (*network.Graph, error) {
	s := newXMLScanner(name, r, func(ns string) bool { return ns == "" || strings.Contains(ns, "gexf.net/") })
	b := s.b
	var (
		nodeAttrs  = map[string]*gexfAttr{} // by id
		edgeAttrs  = map[string]*gexfAttr{}
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
	)
	for !b.full() {
		tok, path, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if !text.add(t) {
				return nil, s.textLimit()
			}
		case xml.StartElement:
			switch path {
			case "gexf":
			case "gexf/graph":
				if graphs++; graphs > 1 {
					return nil, b.fatal(s.at, "graph", "", fmt.Errorf("%w: more than one graph in the file", ErrFormat))
				}
				edgeType, _ = attr(t, "defaultedgetype")
				directed = edgeType == "directed"
				if edgeType == "" {
					edgeType = "undirected"
				}
			case "gexf/graph/attributes":
				class, forNodes, forEdges = nodeAttrs, true, false
				switch c, _ := attr(t, "class"); c {
				case "edge":
					class, forNodes, forEdges = edgeAttrs, false, true
				case "node", "":
				default: // graph attributes, ignored
					class, forNodes = map[string]*gexfAttr{}, false
				}
			case "gexf/graph/attributes/attribute":
				id, _ := attr(t, "id")
				title, ok := attr(t, "title")
				if !ok {
					title = id
				}
				decl = &gexfAttr{title: title}
				if _, dup := class[id]; dup {
					b.fail(s.at, "id", id, fmt.Errorf("%w: attribute declared twice", network.ErrDuplicateKey))
				}
				class[id] = decl
				if forEdges && title == "weight" && weightDecl == nil {
					weightDecl = decl
				}
				if forNodes {
					b.declareAttr(title)
					nodeOrder = append(nodeOrder, decl)
					hasLabel = hasLabel || title == "label"
				}
				if forEdges && title != "weight" {
					b.declareEdgeAttr(title)
					edgeOrder = append(edgeOrder, decl)
					edgeLabel = edgeLabel || title == "label"
				}
			case "gexf/graph/attributes/attribute/default":
				text.start()
			case "gexf/graph/nodes/node":
				node.id, _ = attr(t, "id")
				node.label, _ = attr(t, "label")
				node.attrs, node.at = nil, s.at
			case "gexf/graph/nodes/node/attvalues/attvalue", "gexf/graph/edges/edge/attvalues/attvalue":
				id, ok := attr(t, "for")
				if !ok {
					id, _ = attr(t, "id") // GEXF 1.1
				}
				value, _ := attr(t, "value")
				if strings.HasPrefix(path, "gexf/graph/nodes/") {
					a := nodeAttrs[id]
					if a == nil {
						b.fail(s.at, "for", id, ErrUndeclaredKey)
						break
					}
					if node.attrs == nil {
						node.attrs = map[string]string{}
					}
					node.attrs[a.title] = value
				} else if a := edgeAttrs[id]; a == nil {
					b.fail(s.at, "for", id, ErrUndeclaredKey)
				} else if a == weightDecl {
					if !edge.hasWeight {
						edge.weight, edge.hasWeight, edge.weightAt = value, true, s.at
					}
				} else if a.title != "weight" {
					if edge.attrs == nil {
						edge.attrs = map[string]string{}
					}
					edge.attrs[a.title] = value
				}
			case "gexf/graph/nodes/node/nodes":
				return nil, b.fatal(s.at, "nodes", "", fmt.Errorf("%w: nested nodes (a hierarchical graph)", ErrFormat))
			case "gexf/graph/edges/edge":
				edge.source, _ = attr(t, "source")
				edge.target, _ = attr(t, "target")
				edge.weight, edge.hasWeight = attr(t, "weight")
				edge.label, _ = attr(t, "label")
				edge.attrs, edge.at, edge.weightAt = nil, s.at, s.at
				if et, ok := attr(t, "type"); ok && et != edgeType {
					b.fail(s.at, "type", et, ErrMixedEdges)
				}
			default:
				if len(s.path) == 1 {
					return nil, b.fatal(s.at, "", "", fmt.Errorf("%w: root element <%s>, want <gexf>", ErrFormat, t.Name.Local))
				}
			}
		case xml.EndElement:
			switch path {
			case "gexf/graph/attributes/attribute/default":
				v := text.stop()
				decl.def = &v
			case "gexf/graph/nodes/node":
				for _, a := range nodeOrder {
					if _, ok := node.attrs[a.title]; !ok && a.def != nil {
						if node.attrs == nil {
							node.attrs = map[string]string{}
						}
						node.attrs[a.title] = *a.def
					}
				}
				if node.label != "" && node.label != node.id && !hasLabel {
					if node.attrs == nil {
						node.attrs = map[string]string{}
					}
					node.attrs["label"] = node.label
					b.declareAttr("label")
				}
				if err := b.addNode(node.id, node.attrs, node.at); err != nil {
					return nil, err
				}
			case "gexf/graph/edges/edge":
				if !edge.hasWeight && weightDecl != nil && weightDecl.def != nil {
					edge.weight, edge.hasWeight = *weightDecl.def, true
				}
				for _, a := range edgeOrder {
					if _, ok := edge.attrs[a.title]; !ok && a.def != nil {
						if edge.attrs == nil {
							edge.attrs = map[string]string{}
						}
						edge.attrs[a.title] = *a.def
					}
				}
				if edge.label != "" && !edgeLabel {
					if edge.attrs == nil {
						edge.attrs = map[string]string{}
					}
					edge.attrs["label"] = edge.label
					b.declareEdgeAttr("label")
				}
				if err := b.addEdge(edge.source, edge.target, edge.weight, edge.hasWeight, edge.attrs, edge.at, edge.weightAt); err != nil {
					return nil, err
				}
			}
		}
	}
	if graphs == 0 && !b.full() {
		return nil, b.fatal(s.at, "", "", fmt.Errorf("%w: no <graph> element", ErrFormat))
	}
	return b.graph(directed)
}
