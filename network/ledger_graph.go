package network

import (
	"slices"
	"strconv"
	"strings"
)

// LedgerAttrNames are the node attributes of Network.Graph, in order.
var LedgerAttrNames = []string{"entity_id", "name_en", "name_zh", "kind", "ministry", "level", "province", "city", "role"}

// LedgerEdgeAttrNames are the edge attributes of Network.Graph, in order.
var LedgerEdgeAttrNames = []string{"contracts", "amount_cny", "rows"}

// Graph returns the ledger network as a Graph, to be written by the
// writers of package graphio (GraphML, GEXF, node-link JSON, DOT). Node i
// is the party n.Nodes[i], named by its entity id, with the attributes
// LedgerAttrNames: its entity id, English and Chinese names, kind,
// ministry, level, province, city and role (an empty string where the
// entity table has none). The graph is directed and its edge weights are
// the contract counts or the amounts in yuan, as for Directed.
//
// Whatever the weight, every edge has the attributes LedgerEdgeAttrNames:
// "contracts", the number of contracts in decimal; "amount_cny", their
// total amount in yuan as an exact decimal with two decimals ("470000.00",
// as Amount.String writes it, not rounded as the float64 weight may be);
// and "rows", the ledger rows behind the edge, ascending, joined by ";".
// So a file written from either weight keeps both.
func (n *Network) Graph(w Weight) *Graph {
	g := &Graph{G: n.Directed(w), Directed: true, AttrNames: slices.Clone(LedgerAttrNames), Edges: len(n.Edges),
		EdgeAttrNames: slices.Clone(LedgerEdgeAttrNames), EdgeAttrs: make(map[[2]int64]map[string]string, len(n.Edges))}
	for _, e := range n.Edges {
		rows := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rows[i] = strconv.Itoa(r)
		}
		g.EdgeAttrs[[2]int64{e.From, e.To}] = map[string]string{
			"contracts":  strconv.Itoa(e.Contracts),
			"amount_cny": e.Amount.String(),
			"rows":       strings.Join(rows, ";"),
		}
	}
	for _, v := range n.Nodes {
		e := v.Entity
		g.Names = append(g.Names, e.ID)
		g.Attrs = append(g.Attrs, map[string]string{
			"entity_id": e.ID,
			"name_en":   e.NameEN,
			"name_zh":   e.NameZH,
			"kind":      string(e.Kind),
			"ministry":  string(e.Ministry),
			"level":     string(e.Level),
			"province":  e.Province,
			"city":      e.City,
			"role":      string(v.Role),
		})
	}
	return g
}
