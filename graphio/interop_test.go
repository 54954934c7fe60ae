package graphio_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// embeddedMeta is the meta-network of the embedded ledger, case data and
// hierarchy, every layer, as "ecosys build --include ledger,cases,hierarchy"
// builds it.
func embeddedMeta(t *testing.T) *cases.Meta {
	t.Helper()
	l := embeddedLedger(t)
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cases.BuildMeta(l, d, cases.MetaOptions{Layers: cases.Layers, LedgerCitation: cases.ISOONLedgerCitation})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// expectation is what a reader must find in a written graph file: every
// node with its label (graphio.NodeLabel) and typed attribute values
// (graphio.AttrType.Parse; empty values of typed attributes are absent),
// and every edge with its weight and typed attribute values.
type expectation struct {
	Directed bool                      `json:"directed"`
	Nodes    map[string]map[string]any `json:"nodes"`
	Labels   map[string]string         `json:"labels"`
	Edges    []expectedEdge            `json:"edges"`
	Types    map[string]string         `json:"types"` // attribute types, "node:NAME" and "edge:NAME"
}

type expectedEdge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Weight float64        `json:"weight"`
	Attrs  map[string]any `json:"attrs"`
}

func expect(t *testing.T, g *network.Graph) expectation {
	node, edge := graphio.AttrTypes(g)
	typed := func(m map[string]string, types map[string]graphio.AttrType) map[string]any {
		out := map[string]any{}
		for k, v := range m {
			x, err := types[k].Parse(v)
			if err != nil {
				t.Fatal(err)
			}
			if x != nil {
				out[k] = x
			}
			if e := graphio.ExactName(k); e != "" && types[k] == graphio.AttrDouble && v != "" {
				out[e] = v
			}
		}
		return out
	}
	x := expectation{Directed: g.Directed, Nodes: map[string]map[string]any{}, Labels: map[string]string{}, Types: map[string]string{}}
	for k, ty := range node {
		x.Types["node:"+k] = string(ty)
	}
	for k, ty := range edge {
		x.Types["edge:"+k] = string(ty)
	}
	for i, name := range g.Names {
		x.Nodes[name] = typed(g.Attrs[i], node)
		x.Labels[name] = graphio.NodeLabel(g, i)
	}
	for u := range int64(len(g.Names)) {
		to := graph.NodesOf(g.G.From(u))
		if _, ok := g.Loops[u]; ok {
			to = append(to, simple.Node(u))
		}
		slices.SortFunc(to, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
		for _, v := range to {
			if !g.Directed && v.ID() < u {
				continue
			}
			w, _ := g.G.Weight(u, v.ID())
			if v.ID() == u {
				w = g.Loops[u]
			}
			x.Edges = append(x.Edges, expectedEdge{g.Names[u], g.Names[v.ID()], w, typed(g.EdgeAttrs[[2]int64{u, v.ID()}], edge)})
		}
	}
	return x
}

// TestWriteInteropTyped writes, for scripts/interop/check.py, the i-SOON
// ledger network and the embedded meta-network (every layer) in every
// one-file format, a small graph with self-loops too, the meta-network's
// CSV tables, and expect.json: every
// node, label, edge, weight and typed attribute value that NetworkX,
// igraph and Graphviz must read back. It runs only with -interop-dir.
// In Go, the same files read back into ecosys: TestFormatRoundTrip,
// TestInteropFilesReadBack.
func TestWriteInteropTyped(t *testing.T) {
	if *interopDir == "" {
		t.Skip("no -interop-dir")
	}
	m := embeddedMeta(t)
	// A graph with self-loops (--loops keep), one with attributes, one a
	// loop at a node without other edges (issue 18).
	loops, err := graphio.ReadEdgeList("loops.csv", strings.NewReader("source,target,weight,contracts,note\na,b,2,1,x\na,a,3,4,loop\nc,c,1.5,,\n"), "", nil,
		graphio.EdgeListOptions{Weighted: true, Loops: graphio.LoopsKeep})
	if err != nil {
		t.Fatal(err)
	}
	graphs := map[string]*network.Graph{"isoon": ledgerGraph(t, network.ByAmount), "meta": m.Graph(), "loops": loops}
	all := map[string]expectation{}
	for name, g := range graphs {
		for ext, write := range map[string]func(io.Writer, *network.Graph) error{
			"graphml": graphio.WriteGraphML, "gexf": graphio.WriteGEXF, "json": graphio.WriteNodeLink, "dot": graphio.WriteDOT} {
			var b bytes.Buffer
			if err := write(&b, g); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*interopDir, name+"."+ext), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		all[name] = expect(t, g)
	}
	f, _ := graphio.LookupFormat("csv")
	nt, et := m.Tables()
	nodes, edges := f.TableFiles(filepath.Join(*interopDir, "meta"))
	for file, table := range map[string][][]string{nodes: nt, edges: et} {
		var b bytes.Buffer
		if err := f.WriteTable(&b, table); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	js, err := json.MarshalIndent(map[string]any{"graphs": all, "csv": map[string]any{"nodes": nt, "edges": et}}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*interopDir, "expect.json"), js, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInteropFilesReadBack: the meta-network written in each format reads
// back into ecosys with the same nodes, edges, weights and attribute
// values (issue 18); its CSV tables read back as an edge list whose
// pairs, merged, are the graph's edges with the same weights.
func TestInteropFilesReadBack(t *testing.T) {
	m := embeddedMeta(t)
	g := m.Graph()
	want := expect(t, g)
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.write(&b, g); err != nil {
			t.Fatal(err)
		}
		back, err := f.read("meta."+f.name, &b)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		got := expect(t, back)
		if a, b := mustJSON(t, got), mustJSON(t, want); a != b {
			t.Errorf("%s: read back differs", f.name)
		}
	}
	// The CSV tables: nodes with the same attributes (as text), and the
	// relations of each pair merged into one edge weighted by their number.
	csvf, _ := graphio.LookupFormat("csv")
	nt, et := m.Tables()
	var nb, eb bytes.Buffer
	csvf.WriteTable(&nb, nt)
	csvf.WriteTable(&eb, et)
	back, err := graphio.ReadEdgeList("meta.edges.csv", &eb, "meta.nodes.csv", &nb, graphio.EdgeListOptions{Directed: true, KeepWeights: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Names, g.Names) || back.Edges != g.Edges {
		t.Fatalf("CSV: %d nodes, %d edges; want %d, %d", len(back.Names), back.Edges, len(g.Names), g.Edges)
	}
	for i := range g.Names {
		if a, b := mustJSON(t, back.Attrs[i]), mustJSON(t, g.Attrs[i]); a != b {
			t.Errorf("CSV node %s: %s, want %s", g.Names[i], a, b)
		}
	}
	for _, e := range want.Edges {
		u, _ := back.ID(e.Source)
		v, _ := back.ID(e.Target)
		if w, ok := back.G.Weight(u, v); !ok || w != e.Weight {
			t.Errorf("CSV edge %s -> %s: weight %v, want %v", e.Source, e.Target, w, e.Weight)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
