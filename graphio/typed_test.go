package graphio_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// typedGraph has attributes of every type: known ones (contracts,
// amount_cny, allegation, date_start, name_en) and columns of one's own
// (employees long, score double, listed boolean, code string because of a
// leading zero), with empty values in typed columns.
func typedGraph() *network.Graph {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range 3 {
		g.AddNode(simple.Node(i))
	}
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(0), simple.Node(1), 4))
	g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(1), simple.Node(2), 5))
	return &network.Graph{
		G: g, Directed: true, Edges: 2,
		Names:     []string{"bureau-1", "front-co", "acme"},
		AttrNames: []string{"name_en", "employees", "score", "listed", "code"},
		Attrs: []map[string]string{
			{"name_en": "Chengdu Bureau", "employees": "120", "score": "0.5", "listed": "false", "code": "007"},
			{"name_en": "Front Co.", "employees": "", "score": "2", "listed": "true", "code": "8"},
			{"name_en": "", "employees": "-3", "score": "", "listed": "", "code": ""},
		},
		EdgeAttrNames: []string{"contracts", "amount_cny", "allegation", "date_start"},
		EdgeAttrs: map[[2]int64]map[string]string{
			{0, 1}: {"contracts": "2", "amount_cny": "2620000.00", "allegation": "false", "date_start": "2016"},
			{1, 2}: {"contracts": "1", "amount_cny": "12345678901234567.89", "allegation": "true", "date_start": "2017-03"},
		},
	}
}

// Issue 18: every attribute was written with attr.type "string", so
// NetworkX and igraph read amounts as text.
func TestWriteTypedAttributes(t *testing.T) {
	g := typedGraph()
	write := func(w func(*bytes.Buffer, *network.Graph) error) string {
		var b bytes.Buffer
		if err := w(&b, g); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	gml := write(func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteGraphML(b, g) })
	for _, want := range []string{
		`<key id="d0" for="node" attr.name="name_en" attr.type="string"/>`,
		`<key id="d1" for="node" attr.name="employees" attr.type="long"/>`,
		`<key id="d2" for="node" attr.name="score" attr.type="double"/>`,
		`<key id="d3" for="node" attr.name="listed" attr.type="boolean"/>`,
		`<key id="d4" for="node" attr.name="code" attr.type="string"/>`,
		`<key id="d5" for="edge" attr.name="weight" attr.type="double"/>`,
		`<key id="d6" for="edge" attr.name="contracts" attr.type="long"/>`,
		`<key id="d7" for="edge" attr.name="amount_cny" attr.type="double"/>`,
		`<key id="d8" for="edge" attr.name="amount_cny_exact" attr.type="string"/>`,
		`<key id="d9" for="edge" attr.name="allegation" attr.type="boolean"/>`,
		`<key id="d10" for="edge" attr.name="date_start" attr.type="string"/>`,
		"<data key=\"d7\">12345678901234567.89</data>\n      <data key=\"d8\">12345678901234567.89</data>",
		"<node id=\"acme\">\n      <data key=\"d0\"></data>\n      <data key=\"d1\">-3</data>\n      <data key=\"d4\"></data>\n    </node>",
	} {
		if !strings.Contains(gml, want) {
			t.Errorf("GraphML lacks %s:\n%s", want, gml)
		}
	}
	gexf := write(func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteGEXF(b, g) })
	for _, want := range []string{
		`<attribute id="1" title="employees" type="long"/>`,
		`<attribute id="3" title="listed" type="boolean"/>`,
		`<attribute id="e1" title="amount_cny" type="double"/>`,
		`<attribute id="e2" title="amount_cny_exact" type="string"/>`,
		`<attribute id="e3" title="allegation" type="boolean"/>`,
		// Labels are names, not ids (issue 18).
		`<node id="bureau-1" label="Chengdu Bureau">`,
		`<node id="acme" label="acme">`,
	} {
		if !strings.Contains(gexf, want) {
			t.Errorf("GEXF lacks %s:\n%s", want, gexf)
		}
	}
	js := write(func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteNodeLink(b, g) })
	for _, want := range []string{
		`{"id": "bureau-1", "name_en": "Chengdu Bureau", "employees": 120, "score": 0.5, "listed": false, "code": "007"}`,
		`{"id": "acme", "name_en": "", "employees": -3, "code": ""}`,
		`"contracts": 2, "amount_cny": 2620000.00, "amount_cny_exact": "2620000.00", "allegation": false, "date_start": "2016"}`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("node-link JSON lacks %s:\n%s", want, js)
		}
	}
	dot := write(func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteDOT(b, g) })
	if want := `"bureau-1" [label="Chengdu Bureau", "name_en"=`; !strings.Contains(dot, want) {
		t.Errorf("DOT lacks %s:\n%s", want, dot)
	}
	if strings.Contains(dot, `"acme" [label=`) {
		t.Errorf("DOT labels a node by its own name:\n%s", dot)
	}
}

// Every typed file reads back with the same values, the exact amounts
// included; an empty value of a typed attribute reads back as absent.
func TestTypedRoundTrip(t *testing.T) {
	g := typedGraph()
	want := typedGraph()
	for _, a := range want.Attrs {
		for k, v := range a {
			if v == "" && k != "name_en" && k != "code" {
				delete(a, k)
			}
		}
	}
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.write(&b, g); err != nil {
			t.Fatal(err)
		}
		got, err := f.read("typed."+f.name, &b)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if d, w := describe(got), describe(want); d != w {
			t.Errorf("%s read back:\n%s\nwant:\n%s", f.name, d, w)
		}
	}
}

// Only GraphML files are taken for igraph's: a node-link file with ids
// n0, n1 and a "name" attribute keeps its ids.
func TestIgraphNamesGraphMLOnly(t *testing.T) {
	const js = `{"nodes": [{"id": "n0", "name": "pa"}, {"id": "n1", "name": "fr"}], "links": [{"source": "n0", "target": "n1"}]}`
	g, err := graphio.ReadNodeLink("g.json", strings.NewReader(js))
	if err != nil || g.Names[0] != "n0" {
		t.Errorf("node-link: %v, %v", g, err)
	}
	const gml = `<graphml><key id="v_name" for="node" attr.name="name" attr.type="string"/><graph edgedefault="undirected">
<node id="n0"><data key="v_name">pa</data></node><node id="n1"><data key="v_name">fr</data></node>
<edge source="n0" target="n1"/></graph></graphml>`
	g, err = graphio.ReadGraphML("g.graphml", strings.NewReader(gml))
	if err != nil || g.Names[0] != "pa" || g.Names[1] != "fr" || !g.G.HasEdgeBetween(0, 1) {
		t.Errorf("GraphML: %v, %v", g, err)
	}
}
