package graphio

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/network"
)

func TestReadEdgeList(t *testing.T) {
	nodes := "id,province\nc,Yunnan\nz,Hainan\n"
	edges := "from,to,weight\na,b,2\nb,a,3\nb,c,1.5\n"
	g, err := ReadEdgeList("e.csv", strings.NewReader(edges), "n.csv", strings.NewReader(nodes), EdgeListOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(g.Names, " ") != "c z a b" || g.Merged != 1 || g.G.Nodes().Len() != 4 || g.Edges != 2 {
		t.Errorf("names %v merged %d nodes %d edges %d", g.Names, g.Merged, g.G.Nodes().Len(), g.Edges)
	}
	a, _ := g.ID("a")
	b, _ := g.ID("b")
	if w, ok := g.G.Weight(a, b); !ok || w != 5 {
		t.Errorf("merged weight %v, want 5", w)
	}
	if g.Attrs[1]["province"] != "Hainan" || g.Attrs[2] != nil || strings.Join(g.AttrNames, ",") != "province" {
		t.Errorf("attrs %v %v", g.Attrs, g.AttrNames)
	}

	d, err := ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\nb,a\n"), "", nil, EdgeListOptions{Directed: true})
	if err != nil || d.Edges != 2 || d.Merged != 0 {
		t.Errorf("directed: %v, %v", d, err)
	}
}

// Columns of the edge file other than source, target and weight are edge
// attributes; merged edges keep the first row's.
func TestReadEdgeListEdgeAttrs(t *testing.T) {
	edges := "from,备注,to,value,kind\n" +
		"a,\"合同 \"\"甲\"\" <b> & c\",b,2,signed\n" +
		"b,second row,a,3,dropped\n" +
		"c,,b,1,\n"
	for _, directed := range []bool{false, true} {
		g, err := ReadEdgeList("e.csv", strings.NewReader(edges), "", nil, EdgeListOptions{Weighted: true, Directed: directed})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(g.EdgeAttrNames, ",") != "备注,kind" {
			t.Errorf("EdgeAttrNames %q, want header order", g.EdgeAttrNames)
		}
		ab := g.EdgeAttrs[[2]int64{0, 1}]
		if ab["备注"] != `合同 "甲" <b> & c` || ab["kind"] != "signed" || len(ab) != 2 {
			t.Errorf("directed %t: a-b attributes %q", directed, ab)
		}
		cb := [2]int64{2, 1} // c is node 2, b node 1
		if !directed {
			cb = [2]int64{1, 2}
		}
		if a, ok := g.EdgeAttrs[cb]["备注"]; !ok || a != "" || g.EdgeAttrs[cb]["kind"] != "" {
			t.Errorf("directed %t: c-b attributes %q, want empty values", directed, g.EdgeAttrs[cb])
		}
		wantEdges := 2
		if directed {
			wantEdges = 3
			if ba := g.EdgeAttrs[[2]int64{1, 0}]; ba["备注"] != "second row" || ba["kind"] != "dropped" {
				t.Errorf("b->a attributes %q", ba)
			}
		}
		if len(g.EdgeAttrs) != wantEdges || g.Edges != wantEdges {
			t.Errorf("directed %t: %d edges, %d with attributes: %v", directed, g.Edges, len(g.EdgeAttrs), g.EdgeAttrs)
		}
	}

	// Unweighted: a weight column is still not an attribute; no other
	// column, no EdgeAttrs.
	g, err := ReadEdgeList("e.csv", strings.NewReader("source,target,weight\na,b,2\n"), "", nil, EdgeListOptions{})
	if err != nil || g.EdgeAttrNames != nil || g.EdgeAttrs != nil {
		t.Errorf("unweighted: %v %q %v", err, g.EdgeAttrNames, g.EdgeAttrs)
	}
}

func TestReadEdgeListErrors(t *testing.T) {
	for _, tt := range []struct {
		name, edges, nodes string
		opt                EdgeListOptions
		want               string
	}{
		{"missing weight column", "source,target\na,b\n", "", EdgeListOptions{Weighted: true}, "e.csv:1: weight: required column missing"},
		{"bad weight", "source,target,weight\na,b,-1\na,c,x\n", "", EdgeListOptions{Weighted: true},
			"e.csv:2: column 3 (weight): invalid weight: want a positive finite number (got \"-1\")\ne.csv:3: column 3 (weight): invalid weight: want a positive finite number (got \"x\")"},
		{"self loop", "source,target\na,a\n", "", EdgeListOptions{Loops: LoopsRefuse}, "e.csv:2: column 2 (target): self-loop: an edge from a node to itself is not supported (got \"a\")"},
		{"parallel edge", "source,target\na,b\nc,a\nb,a\n", "", EdgeListOptions{Multi: MultiRefuse},
			"e.csv:4: edge \"b\" -- \"a\": parallel edge: the file has an edge between these nodes already (see e.csv:2)"},
		{"unknown policy", "source,target\na,b\n", "", EdgeListOptions{Multi: "max"},
			"graphio: unknown policy for parallel edges \"max\" (want sum, count, first or refuse)"},
		{"strict", "source,target\na,b\n", "id\na\n", EdgeListOptions{Strict: true}, "e.csv:2: column 2 (target): node not in the node file (got \"b\")"},
		{"duplicate node", "source,target\na,b\n", "id\na\na\n", EdgeListOptions{}, "n.csv:3: column 1 (id): duplicate key (got \"a\") (see n.csv:2)"},
		{"empty", "source,target\n", "", EdgeListOptions{}, "e.csv: no data rows"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var nodes *strings.Reader
			if tt.nodes != "" {
				nodes = strings.NewReader(tt.nodes)
			}
			var err error
			if nodes != nil {
				_, err = ReadEdgeList("e.csv", strings.NewReader(tt.edges), "n.csv", nodes, tt.opt)
			} else {
				_, err = ReadEdgeList("e.csv", strings.NewReader(tt.edges), "", nil, tt.opt)
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func FuzzReadEdgeList(f *testing.F) {
	f.Add("source,target,weight\na,b,1\nb,c,2.5\n", "id,x\na,1\n", true, false)
	f.Add("from,to\n1,2\n2,1\n", "", false, true)
	f.Add(badEdges, string(toUTF16("id,x\n安洵,1\n", binary.BigEndian)), true, false)
	f.Add("source\ttarget\ra\tb\r", "id\n\xb0\xb2\xe4\xad\n", false, false)
	f.Add("source,note,target,weight,k\na,\"x,y\",b,1,z\nb,,a,2,\n", "", true, false)
	f.Add("source,target,weight\na,b,1\nb,a,1\na,a,2\n", "", true, false)
	f.Add("source,target,weight,k\na,a,1,x\na,a,2,y\nb,b,3,\na,b,1,z\n", "id\na\n", true, true)
	f.Add("source,target\na,a\nb,b\na,a\n", "", false, false)
	f.Fuzz(func(t *testing.T, edges, nodes string, weighted, directed bool) {
		var g *network.Graph
		var err error
		// The policies vary with the input, so that every one is fuzzed.
		opt := EdgeListOptions{Weighted: weighted, Directed: directed, KeepWeights: !weighted,
			Multi: MultiEdgesValues[len(edges)%len(MultiEdgesValues)], Loops: SelfLoopsValues[(len(nodes)+len(edges)/len(MultiEdgesValues))%len(SelfLoopsValues)]}
		if nodes == "" {
			g, err = ReadEdgeList("e.csv", strings.NewReader(edges), "", nil, opt)
			// The streaming reader must agree with the buffering one.
			if s, b := readBoth(t, []byte(edges), opt); s != b {
				t.Fatalf("streamed %.300s\nbuffered %.300s", s, b)
			}
		} else {
			g, err = ReadEdgeList("e.csv", strings.NewReader(edges), "n.csv", strings.NewReader(nodes), opt)
		}
		if err != nil {
			return
		}
		if g.G.Nodes().Len() != len(g.Names) {
			t.Fatalf("%d nodes, %d names", g.G.Nodes().Len(), len(g.Names))
		}
		if len(g.EdgeAttrNames) > 0 && len(g.EdgeAttrs) != g.Edges+len(g.Loops) {
			t.Fatalf("%d edges and %d loops, %d with attributes", g.Edges, len(g.Loops), len(g.EdgeAttrs))
		}
		if len(g.Loops) > 0 && opt.Loops != LoopsKeep {
			t.Fatalf("loops %v kept under --loops %s", g.Loops, opt.Loops)
		}
		for u, w := range g.Loops {
			if u < 0 || u >= int64(len(g.Names)) || !(w > 0) {
				t.Fatalf("loop at %d weight %v", u, w)
			}
		}
		for k, a := range g.EdgeAttrs {
			_, loop := g.Loops[k[0]]
			loop = loop && k[0] == k[1]
			if !loop && !g.G.HasEdgeBetween(k[0], k[1]) || !directed && k[0] > k[1] || len(a) != len(g.EdgeAttrNames) {
				t.Fatalf("edge attributes %v %q of a non-edge or incomplete", k, a)
			}
		}
	})
}

// Issue 18: parallel edges were summed without a word, and self-loops
// were a hard error. Each policy, with its warning.
func TestReadEdgeListMulti(t *testing.T) {
	// a→b three times (weights 4, 5, 1), b→a once (2), c→c a loop.
	const edges = "source,target,weight\na,b,4\na,b,5\nb,a,2\nc,c,7\na,b,1\nb,c,3\n"
	for _, tt := range []struct {
		multi    MultiEdges
		directed bool
		ab, ba   float64
		merged   int
		warn     string
	}{
		{"", true, 10, 2, 2, "e.csv: 2 parallel edges summed into 1 edge; 1 self-loop dropped (line 5)"},
		{MultiSum, false, 12, 12, 3, "e.csv: 3 parallel edges summed into 1 edge; 1 self-loop dropped (line 5)"},
		{MultiCount, true, 3, 1, 2, "e.csv: 2 parallel edges merged into 1 edge weighted by their multiplicity; 1 self-loop dropped (line 5)"},
		{MultiCount, false, 4, 4, 3, "e.csv: 3 parallel edges merged into 1 edge weighted by their multiplicity; 1 self-loop dropped (line 5)"},
		{MultiFirst, true, 4, 2, 2, "e.csv: 2 parallel edges dropped, keeping the first row of 1 edge; 1 self-loop dropped (line 5)"},
	} {
		var warns []string
		g, err := ReadEdgeList("e.csv", strings.NewReader(edges), "", nil,
			EdgeListOptions{Weighted: true, Directed: tt.directed, Multi: tt.multi, Warn: func(m string) { warns = append(warns, m) }})
		if err != nil {
			t.Fatalf("%s: %v", tt.multi, err)
		}
		a, _ := g.ID("a")
		b, _ := g.ID("b")
		_, hasC := g.ID("c")
		ab, _ := g.G.Weight(a, b)
		ba, _ := g.G.Weight(b, a)
		if ab != tt.ab || ba != tt.ba || g.Merged != tt.merged || !hasC || strings.Join(warns, "|") != tt.warn {
			t.Errorf("%s directed %t: a→b %v b→a %v merged %d c %t warnings %q; want %v %v %d %q",
				tt.multi, tt.directed, ab, ba, g.Merged, hasC, warns, tt.ab, tt.ba, tt.merged, tt.warn)
		}
	}
}

// Issue 18: a file that lists each edge of an undirected graph in both
// directions (as a symmetric matrix gives) had every weight doubled.
func TestReadEdgeListSymmetric(t *testing.T) {
	const sym = "source,target,weight\na,b,4\nb,a,4\nb,c,1\nc,b,1\n"
	var warns []string
	g, err := ReadEdgeList("e.csv", strings.NewReader(sym), "", nil, EdgeListOptions{Weighted: true, Warn: func(m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := g.G.Weight(0, 1); w != 4 || g.Merged != 0 || g.Edges != 2 {
		t.Errorf("a-b weight %v merged %d edges %d, want 4 0 2", w, g.Merged, g.Edges)
	}
	if want := "e.csv: every edge is listed in both directions with the same weight (a symmetric listing): each of the 2 edges is read once"; strings.Join(warns, "|") != want {
		t.Errorf("warnings %q, want %q", warns, want)
	}
	// Not symmetric (one weight differs): the rows are parallel edges.
	g, err = ReadEdgeList("e.csv", strings.NewReader(sym+"a,c,1\n"), "", nil, EdgeListOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := g.G.Weight(0, 1); w != 8 {
		t.Errorf("a-b weight %v, want 8 (summed)", w)
	}
}

// Issue 18: an export without --weighted wrote weight 1 on every edge.
// KeepWeights reads the weight column when there is one.
func TestReadEdgeListKeepWeights(t *testing.T) {
	g, err := ReadEdgeList("e.csv", strings.NewReader("source,target,weight\na,b,4\nb,c,5\n"), "", nil, EdgeListOptions{KeepWeights: true})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := g.G.Weight(1, 2); w != 5 || g.EdgeAttrNames != nil {
		t.Errorf("weight %v, attributes %q; want 5 and none", w, g.EdgeAttrNames)
	}
	g, err = ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\na,b\n"), "", nil, EdgeListOptions{KeepWeights: true})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := g.G.Weight(0, 1); w != 2 {
		t.Errorf("multigraph without weights: weight %v, want 2 (its multiplicity)", w)
	}
	// Weighted by multiplicity: MultiCount needs no weight column.
	g, err = ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\na,b\nb,c\n"), "", nil, EdgeListOptions{Weighted: true, Multi: MultiCount})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := g.G.Weight(0, 1); w != 2 {
		t.Errorf("--weighted --multi count: weight %v, want 2", w)
	}
}

// TestReadEdgeListNodeNameColumn: a node file with both id and name
// columns (as igraph and Gephi write them) keeps name as an attribute, for
// --label name; name alone still names the nodes.
func TestReadEdgeListNodeNameColumn(t *testing.T) {
	g, err := ReadEdgeList("e.csv", strings.NewReader("source,target\nn0,n1\n"), "n.csv", strings.NewReader("id,name\nn0,Alice\nn1,Bob\n"), EdgeListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Names[0] != "n0" || g.Attrs[0]["name"] != "Alice" || g.Attrs[1]["name"] != "Bob" {
		t.Errorf("names %v, attributes %v", g.Names, g.Attrs)
	}
	g, err = ReadEdgeList("e.csv", strings.NewReader("source,target\nAlice,Bob\n"), "n.csv", strings.NewReader("name\nAlice\nBob\n"), EdgeListOptions{})
	if err != nil || g.Names[0] != "Alice" {
		t.Errorf("name as the id column: %v, %v", err, g)
	}
}
