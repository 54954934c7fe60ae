package graphio

import (
	"fmt"
	"slices"

	"github.com/ecosys-sna/ecosys/network"
)

// Tables returns g as a node table and an edge table, each a header row
// followed by its records, the form that the table formats (CSV,
// Parquet: Format.WriteTable) write and that ReadEdgeList reads back.
//
// The node table has the columns id (the node's name) and then g's node
// attributes; the edge table source, target (names), weight and then g's
// edge attributes. Attributes come in the order of g.AttrNames and
// g.EdgeAttrNames, followed by those used but not declared, sorted. Edges
// are in the order of their source's and then their target's node id; on
// an undirected graph each edge appears once, from its lower id. A
// self-loop of g.Loops is a row whose source and target are its node,
// which ReadEdgeList keeps with LoopsKeep. The
// weight is written in full precision (strconv 'g', -1). An attribute
// named like a key column (id; source, target or weight) cannot be
// written and is an error, as are the names and values that the other
// writers refuse.
func Tables(g *network.Graph) (nodes, edges [][]string, err error) {
	w, err := forWriting(g, false, "source", "target")
	if err != nil {
		return nil, nil, err
	}
	if slices.Contains(w.attrNames, "id") {
		return nil, nil, fmt.Errorf("graphio: cannot write graph: node attribute %q: the node table has no room for it", "id")
	}
	nodes = [][]string{append([]string{"id"}, w.attrNames...)}
	for i, name := range w.Names {
		rec := []string{name}
		for _, a := range w.attrNames {
			v := ""
			if i < len(w.Attrs) && w.Attrs[i] != nil {
				v = w.Attrs[i][a]
			}
			rec = append(rec, v)
		}
		nodes = append(nodes, rec)
	}
	edges = [][]string{append([]string{"source", "target", "weight"}, w.edgeAttrNames...)}
	for _, e := range w.edges {
		rec := []string{w.Names[e.from], w.Names[e.to], formatWeight(e.weight)}
		for _, a := range w.edgeAttrNames {
			rec = append(rec, e.m[a])
		}
		edges = append(edges, rec)
	}
	return nodes, edges, nil
}
