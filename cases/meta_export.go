package cases

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/network"
)

// MetaNodeAttrNames are the node attributes of Meta.Graph and of the node
// CSV of WriteMetaCSV, in order.
var MetaNodeAttrNames = []string{"label", "kind", "name_en", "name_zh", "ministry", "level", "province", "country", "datasets"}

// MetaEdgeAttrNames are the edge attributes of Meta.Graph, in order.
var MetaEdgeAttrNames = []string{"type", "relations", "count", "layer", "cases", "sources", "evidence", "reliability",
	"allegation", "date_start", "date_end", "contracts", "amount_cny", "rows"}

// metaEdgeColumns are the columns of the edge CSV of WriteMetaCSV. The
// cited source is "source_id", not "source": "source" names the first
// endpoint of an edge list (graphio.ReadEdgeList takes from/to and
// source/target), and a file with both could not be read back.
var metaEdgeColumns = []string{"from", "to", "type", "id", "layer", "case", "source_id", "locator", "evidence", "reliability",
	"allegation", "date_start", "date_end", "contracts", "amount_cny", "rows", "basis"}

// Graph returns m as a directed network.Graph for the writers of package
// graphio (GraphML, GEXF, node-link JSON, DOT). These formats (as ecosys
// writes them) hold one edge per ordered pair, so the relations between
// the same two nodes are merged into one edge whose weight is their number
// and whose attributes (MetaEdgeAttrNames) list them: "type", "relations",
// "cases", "sources" and "evidence" join the distinct values with ";" in
// edge order; "reliability" is the best grade; "allegation" is true if any
// relation is an allegation; "date_start" and "date_end" span the dates;
// "contracts", "amount_cny" and "rows" sum the ledger ties. Nodes carry
// MetaNodeAttrNames ("kind" is the organization kind, person or case).
// Tables (and WriteMetaCSV) keep every relation as its own row.
func (m *Meta) Graph() *network.Graph {
	g := &network.Graph{Directed: true, AttrNames: slices.Clone(MetaNodeAttrNames), EdgeAttrNames: slices.Clone(MetaEdgeAttrNames),
		EdgeAttrs: map[[2]int64]map[string]string{}}
	dg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i, n := range m.Nodes {
		dg.AddNode(simple.Node(int64(i)))
		g.Names = append(g.Names, n.ID)
		g.Attrs = append(g.Attrs, nodeAttrs(n))
	}
	type group struct {
		from, to int64
		edges    []MetaEdge
	}
	var groups []*group
	byPair := map[[2]int64]*group{}
	for _, e := range m.Edges {
		k := [2]int64{int64(m.index[e.From]), int64(m.index[e.To])}
		gr, ok := byPair[k]
		if !ok {
			gr = &group{from: k[0], to: k[1]}
			byPair[k] = gr
			groups = append(groups, gr)
		}
		gr.edges = append(gr.edges, e)
	}
	for _, gr := range groups {
		dg.SetWeightedEdge(dg.NewWeightedEdge(simple.Node(gr.from), simple.Node(gr.to), float64(len(gr.edges))))
		g.EdgeAttrs[[2]int64{gr.from, gr.to}] = mergedAttrs(gr.edges)
	}
	g.G = dg
	g.Edges = len(groups)
	return g
}

func nodeAttrs(n MetaNode) map[string]string {
	return map[string]string{"label": n.Label, "kind": string(n.Kind), "name_en": n.NameEN, "name_zh": n.NameZH,
		"ministry": string(n.Ministry), "level": string(n.Level), "province": n.Province, "country": n.Country,
		"datasets": strings.Join(n.Datasets, ";")}
}

// mergedAttrs summarises the relations between one ordered pair.
func mergedAttrs(es []MetaEdge) map[string]string {
	var types, ids, layers, cases, sources, evidence []string
	add := func(list *[]string, v string) {
		if v != "" && !slices.Contains(*list, v) {
			*list = append(*list, v)
		}
	}
	var best Grade
	allegation := false
	var start, end network.Period
	contracts := 0
	var amount network.Amount
	var rows []string
	for _, e := range es {
		add(&types, string(e.Type))
		add(&ids, e.ID)
		add(&layers, e.Layer)
		add(&cases, e.Case)
		add(&sources, e.Source)
		add(&evidence, string(e.Evidence))
		if best.IsZero() || (e.Reliability.Meets(best) && e.Reliability != best) {
			best = e.Reliability
		}
		allegation = allegation || e.Allegation
		if s := firstOf(e.Start, e.End); !s.IsZero() && (start.IsZero() || s.Start.Before(start.Start)) {
			start = s
		}
		if s := firstOf(e.End, e.Start); !s.IsZero() && (end.IsZero() || s.End.After(end.End)) {
			end = s
		}
		contracts += e.Contracts
		amount += e.Amount
		for _, r := range e.Rows {
			rows = append(rows, strconv.Itoa(r))
		}
	}
	a := map[string]string{"type": strings.Join(types, ";"), "relations": strings.Join(ids, ";"), "count": strconv.Itoa(len(es)),
		"layer": strings.Join(layers, ";"), "cases": strings.Join(cases, ";"), "sources": strings.Join(sources, ";"),
		"evidence": strings.Join(evidence, ";"), "reliability": best.String(), "allegation": strconv.FormatBool(allegation),
		"date_start": start.String(), "date_end": end.String()}
	if contracts > 0 {
		a["contracts"] = strconv.Itoa(contracts)
		a["amount_cny"] = amount.String()
		a["rows"] = strings.Join(rows, ";")
	}
	return a
}

func firstOf(ps ...network.Period) network.Period {
	for _, p := range ps {
		if !p.IsZero() {
			return p
		}
	}
	return network.Period{}
}

// Tables returns m as two tables, each a header row followed by its
// records: the nodes (columns id and MetaNodeAttrNames, one row per node)
// and the edges (one row per relation, hierarchy link or ledger tie, with
// the columns from, to, type, id, layer, case, source_id (the cited
// source), locator, evidence, reliability, allegation, date_start,
// date_end, contracts, amount_cny, rows and basis). Unlike Graph, it keeps
// every relation as its own row. The edge table is an edge list that
// graphio.ReadEdgeList (ecosys metrics --edges) reads back, from and to
// being its endpoints; relations between the same two nodes are then
// parallel edges (graphio.MultiEdges).
// The table formats of package graphio write them, to PREFIX.nodes.EXT and
// PREFIX.edges.EXT.
func (m *Meta) Tables() (nodes, edges [][]string) {
	nodes = [][]string{append([]string{"id"}, MetaNodeAttrNames...)}
	for _, n := range m.Nodes {
		a := nodeAttrs(n)
		rec := []string{n.ID}
		for _, k := range MetaNodeAttrNames {
			rec = append(rec, a[k])
		}
		nodes = append(nodes, rec)
	}
	edges = [][]string{slices.Clone(metaEdgeColumns)}
	for _, e := range m.Edges {
		rows := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rows[i] = strconv.Itoa(r)
		}
		contracts, amount := "", ""
		if e.Layer == LayerLedger {
			contracts, amount = strconv.Itoa(e.Contracts), e.Amount.String()
		}
		edges = append(edges, []string{e.From, e.To, string(e.Type), e.ID, e.Layer, e.Case, e.Source, e.Locator, string(e.Evidence),
			e.Reliability.String(), strconv.FormatBool(e.Allegation), e.Start.String(), e.End.String(), contracts, amount,
			strings.Join(rows, ";"), e.Basis})
	}
	return nodes, edges
}

// WriteMetaCSV writes the tables of m (Tables) as two CSV files, nodes and
// edges. Either writer may be nil.
func WriteMetaCSV(nodes, edges io.Writer, m *Meta) error {
	nt, et := m.Tables()
	for _, f := range []struct {
		w     io.Writer
		table [][]string
	}{{nodes, nt}, {edges, et}} {
		if f.w == nil {
			continue
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(f.table)
		if err := w.Error(); err != nil {
			return err
		}
		if _, err := f.w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
