package network

import "slices"

// LedgerAttrNames are the node attributes of Network.Graph, in order.
var LedgerAttrNames = []string{"entity_id", "name_en", "name_zh", "kind", "ministry", "level", "province", "city", "role"}

// Graph returns the ledger network as a Graph, to be written with
// WriteGraphML, WriteGEXF, WriteNodeLink or WriteDOT. Node i is the party
// n.Nodes[i], named by its entity id, with the attributes
// LedgerAttrNames: its entity id, English and Chinese names, kind,
// ministry, level, province, city and role (an empty string where the
// entity table has none). The graph is directed and its edge weights are
// the contract counts or the amounts in yuan, as for Directed.
//
// Graph has no edge attributes, so a file carries one of the two weights;
// write one file per weight to keep both.
func (n *Network) Graph(w Weight) *Graph {
	g := &Graph{G: n.Directed(w), Directed: true, AttrNames: slices.Clone(LedgerAttrNames), Edges: len(n.Edges)}
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
