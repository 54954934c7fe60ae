package graphio_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// loopFiles are the same undirected graph in each format that ecosys
// reads: an edge a–b (weight 2, note "x"), a loop at a (weight 3, note
// "loop a"), a loop at c (weight 1, no note) and a second loop at a
// (weight 4, note "second"), in this order; loopLines are the lines of
// the three loops.
var loopFiles = []struct {
	name      string
	file      string
	loopLines [3]int
}{
	{"e.csv", "source,target,weight,note\na,b,2,x\na,a,3,loop a\nc,c,1,\na,a,4,second\n", [3]int{3, 4, 5}},
	{"g.graphml", `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<key id="n" for="edge" attr.name="note" attr.type="string"/>
<graph edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="w">2</data><data key="n">x</data></edge>
<edge source="a" target="a"><data key="w">3</data><data key="n">loop a</data></edge>
<edge source="c" target="c"/>
<edge source="a" target="a"><data key="w">4</data><data key="n">second</data></edge>
</graph>
</graphml>
`, [3]int{7, 8, 9}},
	{"g.gexf", `<gexf xmlns="http://gexf.net/1.3" version="1.3">
<graph defaultedgetype="undirected">
<attributes class="edge"><attribute id="n" title="note" type="string"/></attributes>
<nodes><node id="a"/><node id="b"/><node id="c"/></nodes>
<edges>
<edge source="a" target="b" weight="2"><attvalues><attvalue for="n" value="x"/></attvalues></edge>
<edge source="a" target="a" weight="3"><attvalues><attvalue for="n" value="loop a"/></attvalues></edge>
<edge source="c" target="c"/>
<edge source="a" target="a" weight="4"><attvalues><attvalue for="n" value="second"/></attvalues></edge>
</edges>
</graph>
</gexf>
`, [3]int{7, 8, 9}},
	{"g.json", `{"directed": false, "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "links": [
{"source": "a", "target": "b", "weight": 2, "note": "x"},
{"source": "a", "target": "a", "weight": 3, "note": "loop a"},
{"source": "c", "target": "c"},
{"source": "a", "target": "a", "weight": 4, "note": "second"}]}
`, [3]int{3, 4, 5}},
}

// readLoopFile reads one of loopFiles with the options.
func readLoopFile(name, file string, opt graphio.ReadOptions) (*network.Graph, error) {
	if strings.HasSuffix(name, ".csv") {
		return graphio.ReadEdgeList(name, strings.NewReader(file), "", nil,
			graphio.EdgeListOptions{Weighted: true, Multi: opt.Multi, Loops: opt.Loops, Warn: opt.Warn})
	}
	return graphio.ReadWith(name, strings.NewReader(file), opt)
}

// Issue 18: self-loops could only be dropped or refused. With LoopsKeep
// every reader keeps them in Graph.Loops, merges a parallel loop by the
// policy for parallel edges, keeps the first loop's attributes, and says
// what it did.
func TestReadKeepsLoops(t *testing.T) {
	for _, f := range loopFiles {
		l := f.loopLines
		// The CSV gives the loop at c an empty note; the graph files no note.
		var cAttrs map[string]string
		if strings.HasSuffix(f.name, ".csv") {
			cAttrs = map[string]string{"note": ""}
		}
		for _, tt := range []struct {
			multi   graphio.MultiEdges
			a       float64 // loop weight at a
			warn    string
			refused string
		}{
			{graphio.MultiSum, 7, fmt.Sprintf("%s: 1 parallel edge summed into 1 edge; 2 self-loops kept (line %d, line %d)", f.name, l[0], l[1]), ""},
			{graphio.MultiCount, 2, fmt.Sprintf("%s: 1 parallel edge merged into 1 edge weighted by their multiplicity; 2 self-loops kept (line %d, line %d)", f.name, l[0], l[1]), ""},
			{graphio.MultiFirst, 3, fmt.Sprintf("%s: 1 parallel edge dropped, keeping the first row of 1 edge; 2 self-loops kept (line %d, line %d)", f.name, l[0], l[1]), ""},
			{graphio.MultiRefuse, 0, "", fmt.Sprintf("%s:%d", f.name, l[0])},
		} {
			t.Run(f.name+"/"+string(tt.multi), func(t *testing.T) {
				var warns []string
				g, err := readLoopFile(f.name, f.file, graphio.ReadOptions{Multi: tt.multi, Loops: graphio.LoopsKeep, Warn: func(m string) { warns = append(warns, m) }})
				if tt.refused != "" {
					var el network.ErrorList
					if !errors.Is(err, graphio.ErrDuplicateEdge) || !errors.As(err, &el) || len(el) != 1 || el[0].Line != l[2] || !strings.HasPrefix(el[0].Other, tt.refused) {
						t.Fatalf("error %v (%#v), want the parallel loop at line %d refused, naming %s", err, el, l[2], tt.refused)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				a, _ := g.ID("a")
				c, _ := g.ID("c")
				if want := map[int64]float64{a: tt.a, c: 1}; !maps.Equal(g.Loops, want) {
					t.Errorf("loops %v, want %v", g.Loops, want)
				}
				if got := g.EdgeAttrs[[2]int64{a, a}]; !maps.Equal(got, map[string]string{"note": "loop a"}) {
					t.Errorf("attributes of the loop at a %q, want those of its first row", got)
				}
				if got := g.EdgeAttrs[[2]int64{c, c}]; !maps.Equal(got, cAttrs) {
					t.Errorf("attributes of the loop at c %q, want %q", got, cAttrs)
				}
				if w, _ := g.G.Weight(a, a); g.Edges != 1 || g.Merged != 1 || g.G.HasEdgeBetween(a, a) || w != 0 {
					t.Errorf("%d edges, %d merged, a–a in G %t (weight %v); want 1, 1, false, 0", g.Edges, g.Merged, g.G.HasEdgeBetween(a, a), w)
				}
				if strings.Join(warns, "|") != tt.warn {
					t.Errorf("warnings %q, want %q", warns, tt.warn)
				}
			})
		}
		// Dropped by default, refused on demand: the loops never reach the graph.
		g, err := readLoopFile(f.name, f.file, graphio.ReadOptions{})
		if err != nil || g.Loops != nil || len(g.EdgeAttrs) != 1 {
			t.Errorf("%s, default: loops %v, edge attributes %v, error %v; want none, the edge's, nil", f.name, g.Loops, g.EdgeAttrs, err)
		}
		if _, err := readLoopFile(f.name, f.file, graphio.ReadOptions{Loops: graphio.LoopsRefuse}); !errors.Is(err, graphio.ErrSelfLoop) {
			t.Errorf("%s, refuse: error %v, want %v", f.name, err, graphio.ErrSelfLoop)
		}
	}
}

// withLoops is smallGraph with self-loops at a node with edges (with
// attributes, one of them empty), at the isolate (without attributes) and
// at the last node (weight 5e-324, the smallest).
func withLoops(directed bool) *network.Graph {
	g := smallGraph(directed)
	g.Loops = map[int64]float64{0: 1.5, 3: 7, 5: 5e-324}
	g.EdgeAttrs[[2]int64{0, 0}] = map[string]string{"备注": "自环 <&>", "label": ""}
	return g
}

// Issue 18: a graph with self-loops written by each writer reads back,
// with LoopsKeep, to the same graph: nodes, loop weights and attributes.
func TestWriteLoopsRoundTrip(t *testing.T) {
	keep := graphio.ReadOptions{Loops: graphio.LoopsKeep}
	withOpt := map[string]func(string, io.Reader, graphio.ReadOptions) (*network.Graph, error){
		"graphml": graphio.ReadGraphMLWith, "gexf": graphio.ReadGEXFWith, "json": graphio.ReadNodeLinkWith}
	for _, directed := range []bool{true, false} {
		g := withLoops(directed)
		want := describe(g)
		for _, f := range formats {
			t.Run(fmt.Sprintf("%s/directed=%t", f.name, directed), func(t *testing.T) {
				var b bytes.Buffer
				if err := f.write(&b, g); err != nil {
					t.Fatal(err)
				}
				file := b.String()
				back, err := withOpt[f.name]("rt."+f.name, strings.NewReader(file), keep)
				if err != nil {
					t.Fatalf("%v\n%s", err, file)
				}
				if d := describe(back); d != want {
					t.Errorf("read back:\n%s\nwant:\n%s\nfile:\n%s", d, want, file)
				}
				var again bytes.Buffer
				if err := f.write(&again, back); err != nil || again.String() != file {
					t.Errorf("second write differs (%v):\n%s", err, again.String())
				}
				// Read with the default policy, the loops are dropped and
				// the rest of the graph is unchanged.
				dropped, err := f.read("rt."+f.name, strings.NewReader(file))
				if err != nil || dropped.Loops != nil || dropped.Edges != g.Edges {
					t.Errorf("default read: loops %v, %d edges, error %v", dropped.Loops, dropped.Edges, err)
				}
			})
		}
		// The tables (CSV, Parquet) have a row per loop; ReadEdgeList reads
		// them back.
		t.Run(fmt.Sprintf("csv/directed=%t", directed), func(t *testing.T) {
			nt, et, err := graphio.Tables(g)
			if err != nil {
				t.Fatal(err)
			}
			csvFormat, _ := graphio.LookupFormat("csv")
			var nb, eb bytes.Buffer
			if err := csvFormat.WriteTable(&nb, nt); err != nil {
				t.Fatal(err)
			}
			if err := csvFormat.WriteTable(&eb, et); err != nil {
				t.Fatal(err)
			}
			file := eb.String()
			for _, row := range []string{"公安局,公安局,1.5,自环 <&>,\n", "iso,iso,7,,\n", "\" padded \\\",\" padded \\\",5e-324,,\n"} {
				if !strings.Contains(file, row) {
					t.Errorf("edge table has no row %q:\n%s", row, file)
				}
			}
			back, err := graphio.ReadEdgeList("e.csv", &eb, "n.csv", &nb, graphio.EdgeListOptions{Directed: directed, Weighted: true, Loops: graphio.LoopsKeep})
			if err != nil {
				t.Fatalf("%v\n%s", err, file)
			}
			// The table gives every edge every attribute (empty if missing).
			for u, w := range g.Loops {
				if back.Loops[u] != w {
					t.Errorf("loop at %q: weight %v, want %v", g.Names[u], back.Loops[u], w)
				}
			}
			if a := back.EdgeAttrs[[2]int64{0, 0}]; a["备注"] != "自环 <&>" || len(back.Loops) != 3 {
				t.Errorf("loops %v, attributes of the loop at 0 %q", back.Loops, a)
			}
		})
	}
}

// WriteDOT writes a loop as an edge from the node to itself.
func TestWriteDOTLoops(t *testing.T) {
	var b bytes.Buffer
	if err := graphio.WriteDOT(&b, withLoops(false)); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"\t\"公安局\" -- \"公安局\" [weight=\"1.5\", \"备注\"=\"自环 <&>\", \"label\"=\"\"];\n", "\t\"iso\" -- \"iso\" [weight=\"7\"];\n"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("no line %q in\n%s", line, b.String())
		}
	}
}

// The writers refuse loops they could not write back: a node out of
// range, a weight that is not positive and finite, attributes of a loop
// that is not in Loops.
func TestWriteLoopsRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(g *network.Graph)
		want string
	}{
		{"node out of range", func(g *network.Graph) { g.Loops[9] = 1 }, "graphio: cannot write graph: self-loop at node id 9 out of range 0..5"},
		{"zero weight", func(g *network.Graph) { g.Loops[3] = 0 }, `graphio: cannot write graph: self-loop "iso": weight 0: ` + graphio.ErrBadWeight.Error()},
		{"attributes of no loop", func(g *network.Graph) { g.EdgeAttrs[[2]int64{4, 4}] = map[string]string{"label": "x"} },
			"graphio: cannot write graph: edge attributes for (4, 4), which is neither an edge (from < to on an undirected graph) nor a self-loop of Loops"},
	} {
		g := withLoops(true)
		tt.edit(g)
		for _, f := range formats {
			if err := f.write(io.Discard, g); err == nil || err.Error() != tt.want {
				t.Errorf("%s, %s: error %v, want %s", tt.name, f.name, err, tt.want)
			}
		}
	}
}
