package graphio_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// graphML wraps a body in a directed GraphML graph with a weight key; the
// body starts on line 4.
func graphML(body string) string {
	return `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="directed">
` + body + "</graph>\n</graphml>\n"
}

// gexf wraps edges in a GEXF 1.3 graph with nodes a and b; the edges start
// on line 9.
func gexf(edgeType, edges string) string {
	return `<gexf xmlns="http://gexf.net/1.3" version="1.3">
<graph defaultedgetype="` + edgeType + `">
<attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
<nodes>
<node id="a"/>
<node id="b" label="B"/>
</nodes>
<edges>
` + edges + "</edges>\n</graph>\n</gexf>\n"
}

func TestReadBadFormats(t *testing.T) {
	// Parallel edges and self-loops are errors only when refused.
	refuse := graphio.ReadOptions{Multi: graphio.MultiRefuse, Loops: graphio.LoopsRefuse}
	readers := map[string]func(string, io.Reader) (*network.Graph, error){
		"graphml": func(n string, r io.Reader) (*network.Graph, error) { return graphio.ReadGraphMLWith(n, r, refuse) },
		"gexf":    func(n string, r io.Reader) (*network.Graph, error) { return graphio.ReadGEXFWith(n, r, refuse) },
		"json":    func(n string, r io.Reader) (*network.Graph, error) { return graphio.ReadNodeLinkWith(n, r, refuse) }}
	for _, tt := range []struct {
		name, format, input, want string
		is                        error
	}{
		{"not XML", "graphml", "hello", `bad.graphml:1:6: unsupported graph file: no <graph> element`, graphio.ErrFormat},
		{"wrong root", "graphml", "<html/>", `bad.graphml:1:1: unsupported graph file: root element <html>, want <graphml>`, graphio.ErrFormat},
		{"truncated", "graphml", "<graphml><graph>", `bad.graphml:1:17: syntax error: unexpected EOF`, graphio.ErrSyntax},
		{"duplicate node", "graphml", graphML("<node id=\"a\"/>\n<node id=\"b\"/>\n<node id=\"a\"/>\n"),
			`bad.graphml:6:1: id: duplicate key: node declared twice (got "a") (see bad.graphml:4:1)`, network.ErrDuplicateKey},
		{"unknown node", "graphml", graphML("<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n"),
			`bad.graphml:5:1: target: edge "a" -> "zz": node not declared in the file (got "zz")`, graphio.ErrUnknownNode},
		{"self-loop", "graphml", graphML("<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"/>\n"),
			`bad.graphml:5:1: target: self-loop: an edge from a node to itself is not supported (got "a")`, graphio.ErrSelfLoop},
		{"parallel edge", "graphml", graphML("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"/>\n<edge source=\"a\" target=\"b\"/>\n"),
			`bad.graphml:6:1: edge "a" -> "b": parallel edge: the file has an edge between these nodes already (see bad.graphml:5:1)`, graphio.ErrDuplicateEdge},
		{"bad weights", "graphml", graphML("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">-1</data></edge>\n<edge source=\"b\" target=\"a\"><data key=\"w\">NaN</data></edge>\n"),
			`bad.graphml:5:29: weight: invalid weight: want a positive finite number (got "-1")` + "\n" +
				`bad.graphml:6:29: weight: invalid weight: want a positive finite number (got "NaN")`, graphio.ErrBadWeight},
		{"empty weight", "graphml", graphML("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\"> </data></edge>\n"),
			`bad.graphml:5:29: weight: invalid weight: want a positive finite number (got " ")`, graphio.ErrBadWeight},
		{"infinite weight", "graphml", graphML("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">1e999</data></edge>\n"),
			`bad.graphml:5:29: weight: invalid weight: want a positive finite number (got "1e999")`, graphio.ErrBadWeight},
		{"undeclared key", "graphml", graphML("<node id=\"a\"><data key=\"k\">x</data></node>\n"),
			`bad.graphml:4:14: key: attribute key not declared (got "k")`, graphio.ErrUndeclaredKey},
		{"nested graph", "graphml", graphML("<node id=\"a\"><graph/></node>\n"), `bad.graphml:4:14: graph: unsupported graph file: nested graph`, graphio.ErrFormat},
		{"hyperedge", "graphml", graphML("<hyperedge/>\n"), `bad.graphml:4:1: hyperedge: unsupported graph file: hyperedge`, graphio.ErrFormat},
		{"mixed", "graphml", graphML("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\" directed=\"false\"/>\n"),
			`bad.graphml:5:1: directed: mixed graph: edge direction differs from the graph's default (got "false")`, graphio.ErrMixedEdges},
		{"no id", "graphml", graphML("<node/>\n"), `bad.graphml:4:1: id: empty value`, network.ErrEmpty},
		{"no nodes", "graphml", graphML(""), `bad.graphml: graph has no nodes`, graphio.ErrNoNodes},
		{"two graphs", "graphml", "<graphml><graph><node id=\"a\"/></graph>\n<graph/></graphml>",
			`bad.graphml:2:1: graph: unsupported graph file: more than one graph in the file`, graphio.ErrFormat},
		// encoding/xml expands no entities but XML's five: no file is read.
		{"external entity", "graphml", `<!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + "\n" + graphML("<node id=\"&x;\"/>\n"),
			`bad.graphml:5:14: syntax error: invalid character entity &x;`, graphio.ErrSyntax},
		{"too many errors", "graphml", graphML(strings.Repeat("<node id=\"a\"/>\n", 22)),
			strings.Repeat(`bad.graphml:N:1: id: duplicate key: node declared twice (got "a") (see bad.graphml:4:1)`+"\n", 20) +
				"(stopped after 20 errors)", network.ErrDuplicateKey},

		{"GEXF wrong root", "gexf", "<graphml/>", `bad.gexf:1:1: unsupported graph file: root element <graphml>, want <gexf>`, graphio.ErrFormat},
		{"GEXF mixed", "gexf", gexf("directed", "<edge source=\"a\" target=\"b\" type=\"undirected\"/>\n"),
			`bad.gexf:9:1: type: mixed graph: edge direction differs from the graph's default (got "undirected")`, graphio.ErrMixedEdges},
		{"GEXF reverse edge, zero weight", "gexf", gexf("undirected", "<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"a\" weight=\"0\"/>\n"),
			`bad.gexf:10:1: weight: invalid weight: want a positive finite number (got "0")` + "\n" +
				`bad.gexf:10:1: edge "b" -- "a": parallel edge: the file has an edge between these nodes already (see bad.gexf:9:1)`, graphio.ErrDuplicateEdge},
		{"GEXF unknown node", "gexf", gexf("undirected", "<edge source=\"a\" target=\"c\"/>\n"),
			`bad.gexf:9:1: target: edge "a" -- "c": node not declared in the file (got "c")`, graphio.ErrUnknownNode},
		{"GEXF undeclared attribute", "gexf", strings.Replace(gexf("directed", ""), `<node id="a"/>`, `<node id="a"><attvalues><attvalue for="9" value="x"/></attvalues></node>`, 1),
			`bad.gexf:5:25: for: attribute key not declared (got "9")`, graphio.ErrUndeclaredKey},
		{"GEXF undeclared edge attribute", "gexf", gexf("directed", "<edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>\n"),
			`bad.gexf:9:40: for: attribute key not declared (got "0")`, graphio.ErrUndeclaredKey},
		{"GEXF hierarchy", "gexf", strings.Replace(gexf("directed", ""), `<node id="a"/>`, `<node id="a"><nodes/></node>`, 1),
			`bad.gexf:5:14: nodes: unsupported graph file: nested nodes (a hierarchical graph)`, graphio.ErrFormat},
		{"GEXF duplicate node", "gexf", strings.Replace(gexf("directed", ""), `<node id="a"/>`, `<node id="b"/>`, 1),
			`bad.gexf:6:1: id: duplicate key: node declared twice (got "b") (see bad.gexf:5:1)`, network.ErrDuplicateKey},

		{"not JSON", "json", "not json", `bad.json:1:2: syntax error: invalid character 'o' in literal null (expecting 'u')`, graphio.ErrSyntax},
		{"not an object", "json", "[]", `bad.json:1:1: syntax error: want a JSON object`, graphio.ErrSyntax},
		{"no nodes key", "json", `{"directed": true}`, `bad.json:1:1: nodes: unsupported graph file: no "nodes" list`, graphio.ErrFormat},
		{"directed not bool", "json", `{"directed": "yes", "nodes": [{"id": "a"}]}`,
			`bad.json:1:14: directed: value not allowed: want true or false (got "\"yes\"")`, network.ErrBadEnum},
		{"weights not numbers", "json", "{\"nodes\": [{\"id\": \"a\"},\n {\"id\": \"b\"}], \"links\": [\n{\"source\": \"a\", \"target\": \"b\", \"weight\": \"2\"},\n{\"source\": \"b\", \"target\": \"a\", \"weight\": null}]}",
			`bad.json:3:42: weight: invalid weight: want a positive finite number (got "\"2\"")` + "\n" +
				`bad.json:4:1: edge "b" -- "a": parallel edge: the file has an edge between these nodes already (see bad.json:3:1)` + "\n" +
				`bad.json:4:42: weight: invalid weight: want a positive finite number (got "null")`, graphio.ErrBadWeight},
		{"1 and \"1\"", "json", "{\"nodes\": [{\"id\": 1},\n {\"id\": \"1\"}]}",
			`bad.json:2:2: id: duplicate key: node declared twice (got "1") (see bad.json:1:12)`, network.ErrDuplicateKey},
		{"JSON unknown node", "json", `{"nodes": [{"id": 1}], "links": [{"source": 1, "target": 2}]}`,
			`bad.json:1:34: target: edge "1" -- "2": node not declared in the file (got "2")`, graphio.ErrUnknownNode},
		{"JSON self-loop", "json", `{"directed": true, "nodes": [{"id": 1}], "links": [{"source": 1, "target": 1}]}`,
			`bad.json:1:52: target: self-loop: an edge from a node to itself is not supported (got "1")`, graphio.ErrSelfLoop},
		{"trailing data", "json", `{"nodes": [{"id": 1}]} x`, `bad.json:1:24: syntax error: data after the JSON object`, graphio.ErrSyntax},
		{"key twice in a node", "json", `{"nodes": [{"id": 1, "k": 1, "k": 2}]}`, `bad.json:1:35: k: duplicate key: key given twice in the node`, network.ErrDuplicateKey},
		{"nodes twice", "json", `{"nodes": [{"id": 1}], "nodes": []}`, `bad.json:1:24: nodes: duplicate key: key given twice`, network.ErrDuplicateKey},
		{"node not an object", "json", `{"nodes": [1]}`, `bad.json:1:12: syntax error: want an object per node`, graphio.ErrSyntax},
		{"JSON truncated", "json", `{"nodes": [{"id": 1}]`, `bad.json:1:22: syntax error: unexpected end of file`, graphio.ErrSyntax},
		{"JSON syntax", "json", `{"nodes": [{"id": 1, "k": [1, 2}]}`, `bad.json:1:26: syntax error: invalid character '}' after array element`, graphio.ErrSyntax},
	} {
		_, err := readers[tt.format]("bad."+tt.format, strings.NewReader(tt.input))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		got := err.Error()
		if strings.Contains(tt.want, ":N:") { // the line varies
			lines := strings.Split(got, "\n")
			for i, l := range lines {
				if i < len(lines)-1 {
					file, rest, _ := strings.Cut(l, ":")
					_, rest, _ = strings.Cut(rest, ":")
					lines[i] = file + ":N:" + rest
				}
			}
			got = strings.Join(lines, "\n")
		}
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if !errors.Is(err, tt.is) {
			t.Errorf("%s: %v is not %v", tt.name, err, tt.is)
		}
		var ie *network.InputError
		if !errors.As(err, &ie) || ie.File != "bad."+tt.format {
			t.Errorf("%s: %#v is not an InputError of the file", tt.name, err)
		}
	}
}

// Issue 18: by default the graph file readers, like ReadEdgeList, sum
// parallel edges and drop self-loops, and say so (they were errors).
func TestReadGraphFileMulti(t *testing.T) {
	body := "<node id=\"a\"/><node id=\"b\"/>\n" +
		"<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge>\n" +
		"<edge source=\"a\" target=\"a\"/>\n" +
		"<edge source=\"a\" target=\"b\"><data key=\"w\">3</data></edge>\n"
	for _, tt := range []struct {
		multi graphio.MultiEdges
		w     float64
		warn  string
	}{
		{"", 5, "g.graphml: 1 parallel edge summed into 1 edge; 1 self-loop dropped (line 6)"},
		{graphio.MultiCount, 2, "g.graphml: 1 parallel edge merged into 1 edge weighted by their multiplicity; 1 self-loop dropped (line 6)"},
		{graphio.MultiFirst, 2, "g.graphml: 1 parallel edge dropped, keeping the first row of 1 edge; 1 self-loop dropped (line 6)"},
	} {
		var warns []string
		g, err := graphio.ReadWith("g.graphml", strings.NewReader(graphML(body)),
			graphio.ReadOptions{Multi: tt.multi, Warn: func(m string) { warns = append(warns, m) }})
		if err != nil {
			t.Fatal(err)
		}
		if w, _ := g.G.Weight(0, 1); w != tt.w || g.Edges != 1 || g.Merged != 1 || strings.Join(warns, "|") != tt.warn {
			t.Errorf("%q: weight %v, %d edges, merged %d, warnings %q; want %v, 1, 1, %q", tt.multi, w, g.Edges, g.Merged, warns, tt.w, tt.warn)
		}
	}
}

// Node-link JSON declares no attributes, so an edge attribute that only a
// merged parallel link or a dropped self-loop used is not one of the
// graph's: WriteNodeLink could not write it, and the round trip lost it
// (found by FuzzReadNodeLink in CI). GraphML keeps a declared key.
func TestReadNodeLinkUnusedEdgeAttr(t *testing.T) {
	file := `{"nodes": [{"id": "a"}, {"id": "b"}], "links": [
{"source": "a", "target": "b", "label": "x"},
{"source": "a", "target": "b", "weight": 2, "only_parallel": 1},
{"source": "a", "target": "a", "only_loop": "y"}]}`
	for _, multi := range []graphio.MultiEdges{graphio.MultiSum, graphio.MultiCount, graphio.MultiFirst} {
		g, err := graphio.ReadWith("g.json", strings.NewReader(file), graphio.ReadOptions{Multi: multi})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(g.EdgeAttrNames, []string{"label"}) {
			t.Errorf("%s: edge attributes %q, want [label]", multi, g.EdgeAttrNames)
		}
		var b bytes.Buffer
		if err := graphio.WriteNodeLink(&b, g); err != nil {
			t.Fatal(err)
		}
		back, err := graphio.ReadNodeLink("back.json", &b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back.EdgeAttrNames, g.EdgeAttrNames) {
			t.Errorf("%s: read back %q, want %q", multi, back.EdgeAttrNames, g.EdgeAttrNames)
		}
	}
}
