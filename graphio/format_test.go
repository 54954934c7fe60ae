package graphio_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

var interopDir = flag.String("interop-dir", "", "TestWriteInteropFiles writes the i-SOON network in every format to this directory")

// A format is a writer and its reader.
type format struct {
	name  string
	write func(io.Writer, *network.Graph) error
	read  func(string, io.Reader) (*network.Graph, error)
	// attrsInUseOrder: the format declares no attributes, so AttrNames
	// reads back in order of first use.
	attrsInUseOrder bool
}

var formats = []format{
	{"graphml", graphio.WriteGraphML, graphio.ReadGraphML, false},
	{"gexf", graphio.WriteGEXF, graphio.ReadGEXF, false},
	{"json", graphio.WriteNodeLink, graphio.ReadNodeLink, true},
}

// describe returns a canonical text of a graph: directedness, counts,
// AttrNames and EdgeAttrNames, then each node in id order with its
// attributes sorted by name, then each edge in (from, to) order with its
// weight and its edge attributes sorted by name, then any edge attributes
// of pairs that are not edges. Two graphs are equal exactly when their
// descriptions are (a nil and an empty attribute map are equal).
func describe(g *network.Graph) string {
	var b strings.Builder
	fmt.Fprintf(&b, "directed=%t nodes=%d/%d edges=%d attrs=%q", g.Directed, len(g.Names), g.G.Nodes().Len(), g.Edges, g.AttrNames)
	if len(g.EdgeAttrNames) > 0 {
		fmt.Fprintf(&b, " edgeattrs=%q", g.EdgeAttrNames)
	}
	b.WriteByte('\n')
	sorted := func(m map[string]string) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%q", k, m[k])
		}
	}
	for i, n := range g.Names {
		fmt.Fprintf(&b, "%q", n)
		if i < len(g.Attrs) {
			sorted(g.Attrs[i])
		}
		b.WriteByte('\n')
	}
	described := map[[2]int64]bool{}
	for u := range int64(len(g.Names)) {
		to := graph.NodesOf(g.G.From(u))
		slices.SortFunc(to, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
		for _, v := range to {
			if !g.Directed && v.ID() < u {
				continue
			}
			w, _ := g.G.Weight(u, v.ID())
			fmt.Fprintf(&b, "%q -> %q %v", g.Names[u], g.Names[v.ID()], w)
			k := [2]int64{u, v.ID()}
			sorted(g.EdgeAttrs[k])
			described[k] = true
			b.WriteByte('\n')
		}
	}
	for _, u := range slices.Sorted(maps.Keys(g.Loops)) {
		fmt.Fprintf(&b, "loop %q %v", g.Names[u], g.Loops[u])
		k := [2]int64{u, u}
		sorted(g.EdgeAttrs[k])
		described[k] = true
		b.WriteByte('\n')
	}
	var stray [][2]int64
	for k, m := range g.EdgeAttrs {
		if !described[k] && len(m) > 0 {
			stray = append(stray, k)
		}
	}
	slices.SortFunc(stray, func(x, y [2]int64) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	for _, k := range stray {
		fmt.Fprintf(&b, "not an edge %v", k)
		sorted(g.EdgeAttrs[k])
		b.WriteByte('\n')
	}
	return b.String()
}

// smallGraph is a weighted graph with an isolate, a node without
// attributes, a missing and an empty attribute (of nodes and of edges), an
// edge without attributes, an edge attribute called "label", and text
// that XML, JSON and DOT must escape: Chinese, quotes, <, &, tabs, line
// breaks, leading and trailing spaces, a backslash and U+2028.
func smallGraph(directed bool) *network.Graph {
	g := &network.Graph{
		Directed:  directed,
		Names:     []string{"公安局", `front "co" <&>`, "end\tuser\r\nline 2", "iso", "bare", " padded \\"},
		AttrNames: []string{"note", "kind"}, // not sorted: the order must survive
		Attrs: []map[string]string{
			{"kind": "公安局 <&>", "note": `he said "hi" & left`},
			{"kind": "company", "note": ""},
			{"kind": "end_user", "note": "a\nb\r\nc\td  \r"},
			{"kind": "isolate"},
			nil,
			{"note": "]]> ' \\ \u2028 '\"' &amp;"},
		},
		EdgeAttrNames: []string{"备注", "label"}, // not sorted either
	}
	edges := []struct {
		u, v  int64
		w     float64
		attrs map[string]string
	}{
		{0, 1, 2.5, map[string]string{"备注": `合同 "甲" <b> & c`, "label": "公安局 → front"}},
		{1, 2, 1, map[string]string{"备注": ""}},
		{2, 0, 3, map[string]string{"label": "a\tb\r\nc ]]> &amp; \\ \u2028"}},
		{4, 0, 0.1, nil},
		{5, 0, math.MaxFloat64, map[string]string{"备注": " 'q' "}},
		{0, 5, 5e-324, map[string]string{"label": "back <"}},
		{1, 0, 1.0 / 3, map[string]string{"label": "&"}},
	}
	var add func(u, v int64, w float64)
	if directed {
		dg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		add = func(u, v int64, w float64) { dg.SetWeightedEdge(dg.NewWeightedEdge(simple.Node(u), simple.Node(v), w)) }
		g.G = dg
	} else {
		ug := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		add = func(u, v int64, w float64) { ug.SetWeightedEdge(ug.NewWeightedEdge(simple.Node(u), simple.Node(v), w)) }
		g.G = ug
	}
	for i := range g.Names {
		g.G.(graph.NodeAdder).AddNode(simple.Node(i))
	}
	g.EdgeAttrs = map[[2]int64]map[string]string{}
	for _, e := range edges {
		if !directed && g.G.HasEdgeBetween(e.u, e.v) {
			continue
		}
		add(e.u, e.v, e.w)
		g.Edges++
		k := [2]int64{e.u, e.v}
		if !directed && k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		if e.attrs != nil {
			g.EdgeAttrs[k] = e.attrs
		}
	}
	return g
}

// embeddedLedger reads the embedded i-SOON ledger and its entity table.
func embeddedLedger(t testing.TB) *network.Ledger {
	t.Helper()
	c, err := datasets.Open(datasets.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	e, err := datasets.Open(datasets.Entities)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	l, err := network.ReadLedger("isoon-ledger.csv", c, "isoon-entities.csv", e)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func ledgerGraph(t *testing.T, w network.Weight) *network.Graph {
	return network.BuildLedger(embeddedLedger(t)).Graph(w)
}

// TestFormatRoundTrip writes each graph in each format, reads it back and
// compares, and checks that writing again gives the same bytes.
func TestFormatRoundTrip(t *testing.T) {
	graphs := []struct {
		name string
		g    *network.Graph
	}{
		{"small directed", smallGraph(true)},
		{"small undirected", smallGraph(false)},
		{"i-SOON by contracts", ledgerGraph(t, network.ByContracts)},
		{"i-SOON by amount", ledgerGraph(t, network.ByAmount)},
	}
	for _, tg := range graphs {
		want := describe(tg.g)
		for _, f := range formats {
			t.Run(tg.name+"/"+f.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.write(&buf, tg.g); err != nil {
					t.Fatal(err)
				}
				file := buf.String()
				got, err := f.read("rt."+f.name, strings.NewReader(file))
				if err != nil {
					t.Fatalf("%v\n%s", err, file)
				}
				if d := describe(got); d != want {
					t.Errorf("read back:\n%s\nwant:\n%s\nfile:\n%s", d, want, file)
				}
				var again bytes.Buffer
				if err := f.write(&again, got); err != nil {
					t.Fatal(err)
				}
				if again.String() != file {
					t.Errorf("second write differs:\n%s\nfirst:\n%s", again.String(), file)
				}
			})
		}
	}
}

// TestLedgerGraph checks the ledger network's conversion against its Dump.
func TestLedgerGraph(t *testing.T) {
	n := network.BuildLedger(embeddedLedger(t))
	g := n.Graph(network.ByAmount)
	if len(g.Names) != len(n.Nodes) || g.Edges != len(n.Edges) || !g.Directed {
		t.Fatalf("%d names, %d edges, directed %t; network has %d nodes, %d edges", len(g.Names), g.Edges, g.Directed, len(n.Nodes), len(n.Edges))
	}
	for _, v := range n.Nodes {
		a := g.Attrs[v.ID]
		if g.Names[v.ID] != v.Entity.ID || a["role"] != string(v.Role) || a["kind"] != string(v.Entity.Kind) || a["name_zh"] != v.Entity.NameZH {
			t.Errorf("node %d: %q %v, want %+v", v.ID, g.Names[v.ID], a, v)
		}
	}
	if !slices.Equal(g.EdgeAttrNames, []string{"contracts", "amount_cny", "rows"}) || len(g.EdgeAttrs) != len(n.Edges) {
		t.Fatalf("edge attributes %q, %d edges with attributes", g.EdgeAttrNames, len(g.EdgeAttrs))
	}
	for _, e := range n.Edges {
		if w, _ := g.G.Weight(e.From, e.To); w != e.Amount.Yuan() {
			t.Errorf("edge %d -> %d: weight %v, want %v", e.From, e.To, w, e.Amount.Yuan())
		}
		rows := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rows[i] = fmt.Sprint(r)
		}
		a := g.EdgeAttrs[[2]int64{e.From, e.To}]
		if a["contracts"] != fmt.Sprint(e.Contracts) || a["amount_cny"] != e.Amount.String() || a["rows"] != strings.Join(rows, ";") || len(a) != 3 {
			t.Errorf("edge %d -> %d: attributes %q, want %d contracts, %s yuan, rows %v", e.From, e.To, a, e.Contracts, e.Amount, e.Rows)
		}
	}
	// The edge attributes are the same whatever the weight.
	c := n.Graph(network.ByContracts)
	if fmt.Sprint(c.EdgeAttrs) != fmt.Sprint(g.EdgeAttrs) || !slices.Equal(c.EdgeAttrNames, g.EdgeAttrNames) {
		t.Errorf("edge attributes differ by weight")
	}
}

func TestWriteDOT(t *testing.T) {
	var b bytes.Buffer
	if err := graphio.WriteDOT(&b, smallGraph(false)); err != nil {
		t.Fatal(err)
	}
	const want = `graph {
	"公安局" ["note"="he said \"hi\" & left", "kind"="公安局 <&>"];
	"front \"co\" <&>" ["note"="", "kind"="company"];
	"end	user\nline 2" ["note"="a\nb\nc	d  \n", "kind"="end_user"];
	"iso" ["kind"="isolate"];
	"bare";
	" padded \\" ["note"="]]> ' \\ ` + "\u2028" + ` '\"' &amp;"];
	"公安局" -- "front \"co\" <&>" [weight="2.5", "备注"="合同 \"甲\" <b> & c", "label"="公安局 → front"];
	"公安局" -- "end	user\nline 2" [weight="3", "label"="a	b\nc ]]> &amp; \\ ` + "\u2028" + `"];
	"公安局" -- "bare" [weight="0.1"];
	"公安局" -- " padded \\" [weight="1.7976931348623157e+308", "备注"=" 'q' "];
	"front \"co\" <&>" -- "end	user\nline 2" [weight="1", "备注"=""];
}
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// editable replaces g.G, a read-only compact graph, by a simple graph
// with the same nodes and edges, and returns it.
func editable(g *network.Graph) *simple.WeightedDirectedGraph {
	sg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	graph.CopyWeighted(sg, g.G)
	g.G = sg
	return sg
}

func TestWriteRefuses(t *testing.T) {
	bad := func(edit func(g *network.Graph)) *network.Graph {
		g := smallGraph(true)
		edit(g)
		return g
	}
	for _, tt := range []struct {
		name string
		g    *network.Graph
		want string
	}{
		{"NaN weight", bad(func(g *network.Graph) {
			editable(g).SetWeightedEdge(simple.WeightedEdge{F: simple.Node(3), T: simple.Node(4), W: math.NaN()})
		}), `graphio: cannot write graph: edge "iso" -> "bare": weight NaN: invalid weight: want a positive finite number`},
		{"zero weight", bad(func(g *network.Graph) {
			editable(g).SetWeightedEdge(simple.WeightedEdge{F: simple.Node(3), T: simple.Node(4), W: 0})
		}), `graphio: cannot write graph: edge "iso" -> "bare": weight 0: invalid weight: want a positive finite number`},
		{"repeated name", bad(func(g *network.Graph) { g.Names[4] = "iso" }), `graphio: cannot write graph: node name "iso" appears twice`},
		{"empty name", bad(func(g *network.Graph) { g.Names[4] = "" }), `graphio: cannot write graph: empty node name`},
		{"names and nodes", bad(func(g *network.Graph) { g.Names = g.Names[:5] }), `graphio: cannot write graph: 6 nodes but 5 names`},
		{"bad UTF-8", bad(func(g *network.Graph) { g.Attrs[3]["kind"] = "\xff" }), `graphio: cannot write graph: attribute value "\xff" is not valid UTF-8`},
		{"edge attribute weight", bad(func(g *network.Graph) { g.EdgeAttrNames = append(g.EdgeAttrNames, "weight") }),
			`graphio: cannot write graph: edge attribute "weight": the format has no room for it`},
		{"undeclared edge attribute weight", bad(func(g *network.Graph) { g.EdgeAttrs[[2]int64{1, 2}]["weight"] = "2" }),
			`graphio: cannot write graph: edge attribute "weight": the format has no room for it`},
		{"edge attributes of a non-edge", bad(func(g *network.Graph) { g.EdgeAttrs[[2]int64{3, 4}] = map[string]string{"label": "x"} }),
			`graphio: cannot write graph: edge attributes for (3, 4), which is neither an edge (from < to on an undirected graph) nor a self-loop of Loops`},
		{"edge attribute bad UTF-8", bad(func(g *network.Graph) { g.EdgeAttrs[[2]int64{1, 2}]["备注"] = "\xfe" }),
			`graphio: cannot write graph: edge attribute value "\xfe" is not valid UTF-8`},
	} {
		for _, f := range formats {
			if err := f.write(io.Discard, tt.g); err == nil || err.Error() != tt.want {
				t.Errorf("%s, %s: got %v, want %s", tt.name, f.name, err, tt.want)
			}
		}
	}
	// XML allows no control characters but tab and line breaks.
	g := bad(func(g *network.Graph) { g.Names[4] = "bell\a" })
	const want = `graphio: cannot write graph: node name "bell\a" has character U+0007, which XML does not allow`
	for _, w := range []func(io.Writer, *network.Graph) error{graphio.WriteGraphML, graphio.WriteGEXF} {
		if err := w(io.Discard, g); err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	}
	if err := graphio.WriteNodeLink(io.Discard, g); err != nil {
		t.Errorf("node-link: %v", err)
	}
	g = bad(func(g *network.Graph) { g.AttrNames = append(g.AttrNames, "id") })
	if err := graphio.WriteNodeLink(io.Discard, g); err == nil {
		t.Errorf("node-link wrote an attribute called id")
	}
	// Node-link links have no room for edge attributes source and target;
	// the other formats do.
	for _, a := range []string{"source", "target"} {
		g = bad(func(g *network.Graph) { g.EdgeAttrs[[2]int64{0, 1}][a] = "x" })
		want := `graphio: cannot write graph: edge attribute "` + a + `": the format has no room for it`
		if err := graphio.WriteNodeLink(io.Discard, g); err == nil || err.Error() != want {
			t.Errorf("node-link, edge attribute %s: got %v, want %s", a, err, want)
		}
		for _, w := range []func(io.Writer, *network.Graph) error{graphio.WriteGraphML, graphio.WriteGEXF, graphio.WriteDOT} {
			if err := w(io.Discard, g); err != nil {
				t.Errorf("edge attribute %s: %v", a, err)
			}
		}
	}
	// An undirected graph keys edge attributes by (from, to) with from < to.
	g = smallGraph(false)
	g.EdgeAttrs[[2]int64{1, 0}] = g.EdgeAttrs[[2]int64{0, 1}]
	delete(g.EdgeAttrs, [2]int64{0, 1})
	const wantKey = `graphio: cannot write graph: edge attributes for (1, 0), which is neither an edge (from < to on an undirected graph) nor a self-loop of Loops`
	for _, f := range formats {
		if err := f.write(io.Discard, g); err == nil || err.Error() != wantKey {
			t.Errorf("reversed key, %s: got %v, want %s", f.name, err, wantKey)
		}
	}
}

// The fixtures in testdata/formats were written by NetworkX 2.8.8 and
// igraph 0.10.2 (see README.md there).
func TestReadFixtures(t *testing.T) {
	// The node lines shared by the NetworkX files; booleans are True/False
	// in GraphML (Python's str) and true/false in GEXF and JSON.
	nxNodes := func(t, f string) string {
		return `"pa" kind="公安局" ok="` + t + `" rank="3" score="1.5"
"fr" kind="front \"co\" <&>" ok="` + f + `" rank="1" score="0.25"
"eu" kind="end user"
"iso" kind="isolate"
"bare"
`
	}
	const directedEdges = `"pa" -> "fr" 2.5
"pa" -> "eu" 0.5
"fr" -> "eu" 1
"eu" -> "pa" 3
"bare" -> "pa" 4
`
	const undirectedEdges = `"pa" -> "fr" 2.5
"pa" -> "eu" 3
"pa" -> "bare" 4
"fr" -> "eu" 1
`
	// NetworkX gives the edge pa -> fr the attribute label="x" (in GEXF, the
	// edge's label); igraph writes no edge attribute but the weight.
	nxLabel := func(edges string) string {
		return strings.Replace(edges, `"pa" -> "fr" 2.5`, `"pa" -> "fr" 2.5 label="x"`, 1)
	}
	// igraph writes the ids n0, n1, … and the vertex names as the
	// attribute "name", which names the nodes (issue 18: they were n0, …).
	const igNodes = `"pa" kind="公安局" name="pa" rank="3"
"fr" kind="front \"co\" <&>" name="fr" rank="1"
"eu" kind="end user" name="eu"
"iso" kind="isolate" name="iso"
"bare" kind="" name="bare"
`
	for _, tt := range []struct {
		file string
		want string
	}{
		// NetworkX declares GraphML keys in reverse order.
		{"nx-directed.graphml", `directed=true nodes=5/5 edges=5 attrs=["ok" "score" "rank" "kind"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("True", "False") + nxLabel(directedEdges)},
		{"nx-undirected.graphml", `directed=false nodes=5/5 edges=4 attrs=["ok" "score" "rank" "kind"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("True", "False") + nxLabel(undirectedEdges)},
		{"nx-directed.gexf", `directed=true nodes=5/5 edges=5 attrs=["kind" "rank" "score" "ok"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("true", "false") + nxLabel(directedEdges)},
		{"nx-undirected.gexf", `directed=false nodes=5/5 edges=4 attrs=["kind" "rank" "score" "ok"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("true", "false") + nxLabel(undirectedEdges)},
		{"nx-directed.json", `directed=true nodes=5/5 edges=5 attrs=["kind" "rank" "score" "ok"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("true", "false") + nxLabel(directedEdges)},
		{"nx-undirected.json", `directed=false nodes=5/5 edges=4 attrs=["kind" "rank" "score" "ok"]` + ` edgeattrs=["label"]` + "\n" + nxNodes("true", "false") + nxLabel(undirectedEdges)},
		{"igraph-directed.graphml", `directed=true nodes=5/5 edges=5 attrs=["name" "kind" "rank"]` + "\n" + igNodes + directedEdges},
		{"igraph-undirected.graphml", `directed=false nodes=5/5 edges=4 attrs=["name" "kind" "rank"]` + "\n" + igNodes + undirectedEdges},
	} {
		f, err := os.Open(filepath.Join("testdata", "formats", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		read := map[string]func(string, io.Reader) (*network.Graph, error){
			".graphml": graphio.ReadGraphML, ".gexf": graphio.ReadGEXF, ".json": graphio.ReadNodeLink}[filepath.Ext(tt.file)]
		g, err := read(tt.file, f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if got := describe(g); got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.file, got, tt.want)
		}
	}
}

// TestWriteInteropFiles writes the i-SOON ledger network in every format,
// with a manifest of its counts, for scripts/interop/check.py. It runs only
// with -interop-dir:
//
//	go test ./graphio -run TestWriteInteropFiles -args -interop-dir DIR
func TestWriteInteropFiles(t *testing.T) {
	if *interopDir == "" {
		t.Skip("no -interop-dir")
	}
	n := network.BuildLedger(embeddedLedger(t))
	g := n.Graph(network.ByAmount)
	for _, f := range []struct {
		file  string
		write func(io.Writer, *network.Graph) error
	}{
		{"isoon.graphml", graphio.WriteGraphML},
		{"isoon.gexf", graphio.WriteGEXF},
		{"isoon.json", graphio.WriteNodeLink},
		{"isoon.dot", graphio.WriteDOT},
	} {
		var b bytes.Buffer
		if err := f.write(&b, g); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*interopDir, f.file), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	total := 0.0
	for u := range int64(len(g.Names)) {
		for _, v := range graph.NodesOf(g.G.From(u)) {
			w, _ := g.G.Weight(u, v.ID())
			total += w
		}
	}
	contracts, amount := 0, network.Amount(0)
	for _, e := range n.Edges {
		contracts += e.Contracts
		amount += e.Amount
	}
	manifest, _ := json.MarshalIndent(map[string]any{
		"directed": g.Directed, "nodes": len(g.Names), "edges": g.Edges,
		"node_attributes": g.AttrNames, "total_weight": total,
		"edge_attributes": g.EdgeAttrNames, "total_contracts": contracts, "total_amount_cny": amount.String(),
	}, "", "  ")
	if err := os.WriteFile(filepath.Join(*interopDir, "manifest.json"), manifest, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Gephi writes GEXF 1.3 with numeric ids and the names as labels, colours
// and positions; GraphML and GEXF attributes may have defaults.
func TestReadGephiStyle(t *testing.T) {
	const gexf13 = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="kind" title="kind" type="string"><default>company</default></attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="n" title="contracts" type="integer"/>
      <attribute id="r" title="region" type="string"><default>云南</default></attribute>
    </attributes>
    <nodes>
      <node id="0" label="acme"><viz:color r="1" g="2" b="3"/><viz:position x="1" y="2"/></node>
      <node id="1" label="bureau"><attvalues><attvalue for="kind" value="public_security_organ"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="2.0" type="directed" label="签约 &lt;A&amp;B&gt;"><attvalues><attvalue for="n" value="7"/></attvalues><viz:color r="1" g="2" b="3"/><viz:thickness value="2"/></edge>
      <edge id="1" source="1" target="0" type="directed"><attvalues><attvalue for="r" value="海南"/><attvalue for="n" value="1"/><attvalue for="n" value="2"/></attvalues><spells><spell start="2019"/></spells></edge>
    </edges>
  </graph>
</gexf>
`
	g, err := graphio.ReadGEXF("gephi.gexf", strings.NewReader(gexf13))
	if err != nil {
		t.Fatal(err)
	}
	const want = `directed=true nodes=2/2 edges=2 attrs=["kind" "label"] edgeattrs=["contracts" "region" "label"]
"0" kind="company" label="acme"
"1" kind="public_security_organ" label="bureau"
"0" -> "1" 2 contracts="7" label="签约 <A&B>" region="云南"
"1" -> "0" 1 contracts="2" region="海南"
`
	if got := describe(g); got != want {
		t.Errorf("GEXF:\n%s\nwant:\n%s", got, want)
	}

	const graphml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="g" for="node" yfiles.type="nodegraphics"/>
  <key id="k" for="node" attr.name="kind" attr.type="string"><default>company</default></key>
  <key id="w" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
  <key id="c" for="edge" attr.name="contracts" attr.type="int"/>
  <key id="e" for="edge" yfiles.type="edgegraphics"/>
  <key id="n" for="all" attr.name="note" attr.type="string"><default>无</default></key>
  <key id="gk" for="graph" attr.name="title" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <desc>yEd-style</desc>
    <data key="gk">ignored</data>
    <edge source="a" target="b"><data key="c">7</data><data key="e"><y:PolyLineEdge/></data><data key="n">"合同" &lt;&amp;&gt;</data></edge>
    <node id="a"><data key="g"><y:ShapeNode><y:Label>A</y:Label></y:ShapeNode></data></node>
    <node id="b"><data key="k">bureau</data></node>
    <node id="c"/>
    <edge source="c" target="a" directed="false"><data key="w">3</data></edge>
  </graph>
</graphml>
`
	g, err = graphio.ReadGraphML("yed.graphml", strings.NewReader(graphml))
	if err != nil {
		t.Fatal(err)
	}
	const wantML = `directed=false nodes=3/3 edges=2 attrs=["kind" "note"] edgeattrs=["contracts" "note"]
"a" kind="company" note="无"
"b" kind="bureau" note="无"
"c" kind="company" note="无"
"a" -> "b" 1.5 contracts="7" note="\"合同\" <&>"
"a" -> "c" 3 note="无"
`
	if got := describe(g); got != wantML {
		t.Errorf("GraphML:\n%s\nwant:\n%s", got, wantML)
	}
}
