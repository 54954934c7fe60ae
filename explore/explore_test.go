package explore_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/network"
	"gonum.org/v1/gonum/graph/simple"
)

// embedded returns the embedded ledger and case data.
func embedded(t testing.TB) (*network.Ledger, *cases.Data) {
	t.Helper()
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger.csv", bytes.NewReader(lb), "isoon-entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l, d
}

// embeddedData returns the explorer data of the embedded ledger and case
// data, as the report builds them.
func embeddedData(t testing.TB) explore.Data {
	t.Helper()
	l, d := embedded(t)
	data, err := explore.Build("i-SOON contract ledger", l, d, explore.Options{Seed: 1, LedgerCitation: cases.ISOONLedgerCitation})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Hostile strings of the tests: a party whose name is HTML that runs
// script if inserted as HTML, a name that would end the data element,
// and a source whose URL runs script if made a link.
const (
	xssName    = `<img src=x onerror="window.__xss=1">`
	scriptName = `</script><script>window.__xss=2</script>`
	xssURL     = "javascript:window.__xss=3"
)

// withHostile adds to the first network of data a node named xssName
// (with the alias scriptName) tied to the node of id to by a relation
// cited to a source whose URL is xssURL and whose title is scriptName.
func withHostile(t testing.TB, data explore.Data, to string) explore.Data {
	t.Helper()
	n := &data.Networks[0]
	j := -1
	for i, v := range n.Nodes {
		if v.ID == to {
			j = i
		}
	}
	if j < 0 {
		t.Fatalf("no node %s", to)
	}
	n.Nodes = append(n.Nodes, explore.Node{ID: "hostile", Label: xssName, LabelZH: xssName, Kind: "company", Names: []string{scriptName},
		Attrs: []explore.Attr{{"url", xssURL}, {"notes", xssName}}, X: 0.5, Y: 0.5, Size: 1})
	n.Ties = append(n.Ties, explore.Tie{From: len(n.Nodes) - 1, To: j, Directed: true, Weight: 1, Citations: []explore.Citation{{
		ID: "rx", Type: "associated_with", Family: "direction", Layer: "cases", Source: "hostile-src", Locator: xssName,
		Grade: "F6", Basis: scriptName, Start: "2020", StartYear: 2020}}})
	data.Sources = append(data.Sources, explore.Source{ID: "hostile-src", Title: scriptName, Publisher: xssName, URL: xssURL})
	return data
}

func write(t testing.TB, data explore.Data) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := explore.Write(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWriteDeterministic: the page of the embedded data is the same byte
// for byte when built twice, and so is the page of data built from a
// ledger whose contracts come in another order.
func TestWriteDeterministic(t *testing.T) {
	a := write(t, embeddedData(t))
	b := write(t, embeddedData(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the embedded data give different pages")
	}
	l, d := embedded(t)
	var cs []network.Contract
	for i := len(l.Contracts) - 1; i >= 0; i-- {
		cs = append(cs, l.Contracts[i])
	}
	es := slices.Clone(l.Entities)
	slices.Reverse(es)
	rev, err := network.NewLedger(l.Source, cs, es)
	if err != nil {
		t.Fatal(err)
	}
	data, err := explore.Build("i-SOON contract ledger", rev, d, explore.Options{Seed: 1, LedgerCitation: cases.ISOONLedgerCitation})
	if err != nil {
		t.Fatal(err)
	}
	if c := write(t, data); !bytes.Equal(a, c) {
		t.Error("the page depends on the order of the ledger's contracts")
	}
	t.Logf("explorer page of the embedded data: %d bytes", len(a))
}

// pageData returns the JSON data element of a page, decoded.
func pageData(t *testing.T, page []byte) explore.Data {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="explorer-data">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no data element")
	}
	var d explore.Data
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("data element: %v", err)
	}
	return d
}

// TestWriteEscapes: hostile names and URLs stay inside the JSON data
// element, escaped; the page holds no other <script> than its two, and
// the data decode to the strings put in.
func TestWriteEscapes(t *testing.T) {
	data := withHostile(t, embeddedData(t), "tianjin-ssb")
	page := write(t, data)
	s := string(page)
	if n := strings.Count(s, "<script"); n != 2 {
		t.Errorf("page has %d <script elements, want 2", n)
	}
	if n := strings.Count(s, "</script>"); n != 2 {
		t.Errorf("page has %d </script> end tags, want 2", n)
	}
	for _, bad := range []string{xssName, scriptName, "<img"} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(s, `\u003cimg src=x onerror=`) {
		t.Error("the hostile name is not in the page as escaped JSON")
	}
	got := pageData(t, page)
	last := got.Networks[0].Nodes[len(got.Networks[0].Nodes)-1]
	if last.Label != xssName || last.Names[0] != scriptName {
		t.Errorf("decoded %q, %q; want %q, %q", last.Label, last.Names, xssName, scriptName)
	}
	// The script never writes HTML from strings.
	js := s[strings.LastIndex(s, "<script>"):]
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		if strings.Contains(js, bad) {
			t.Errorf("the viewer script uses %s", bad)
		}
	}
	if !strings.Contains(s, "Content-Security-Policy") || !strings.Contains(s, "default-src 'none'") {
		t.Error("the page has no Content-Security-Policy that forbids requests")
	}
}

// TestWriteNoRequest: the page names no URL of its own to load: no src
// or href attribute outside the data.
func TestWriteNoRequest(t *testing.T) {
	s := string(write(t, embeddedData(t)))
	scripts := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`)
	markup := scripts.ReplaceAllString(s, "")
	if m := regexp.MustCompile(`(?i)<[^>]*\s(src|href|action|data)\s*=[^>]*>`).FindString(markup); m != "" {
		t.Errorf("page has an element that loads something: %q", m)
	}
	if strings.Contains(s, "http://") && !strings.Contains(s, "http://www.w3.org/2000/svg") {
		t.Error("page names an http URL")
	}
}

// TestBuildEmbedded: the embedded data give the case network (with
// people, cases, the hierarchy and the ledger's ties) and the ledger
// network; 天津市安全局 is a node of both, its ledger tie cites NIDS 371
// with grade B2, and every citation's source is in Sources.
func TestBuildEmbedded(t *testing.T) {
	data := embeddedData(t)
	if len(data.Networks) != 2 || data.Networks[0].ID != "cases" || data.Networks[1].ID != "ledger" {
		t.Fatalf("networks %v", data.Networks)
	}
	srcs := map[string]bool{}
	for _, s := range data.Sources {
		srcs[s.ID] = true
	}
	for _, n := range data.Networks {
		if n.Note != "" || n.TotalNodes != len(n.Nodes) {
			t.Errorf("%s: cut by the size limit: %s", n.ID, n.Note)
		}
		found := false
		for i, v := range n.Nodes {
			if v.LabelZH == "天津市安全局" {
				found = true
				if v.ID != "tianjin-ssb" {
					t.Errorf("%s: 天津市安全局 is %s", n.ID, v.ID)
				}
				cited := false
				for _, tie := range n.Ties {
					if tie.From != i && tie.To != i {
						continue
					}
					for _, c := range tie.Citations {
						if c.Source == "nids-371" && c.Grade == "B2" && strings.Contains(c.Locator, "rows 11") {
							cited = true
						}
					}
				}
				if !cited {
					t.Errorf("%s: no tie of tianjin-ssb cites nids-371, row 11, B2", n.ID)
				}
			}
			if v.X < 0 || v.X > 1 || v.Y < 0 || v.Y > 1 {
				t.Errorf("%s: node %s at (%v, %v), outside the unit square", n.ID, v.ID, v.X, v.Y)
			}
		}
		if !found {
			t.Errorf("%s: no node 天津市安全局", n.ID)
		}
		for _, tie := range n.Ties {
			for _, c := range tie.Citations {
				if c.Source != "" && !srcs[c.Source] {
					t.Errorf("%s: citation %s names source %q, not in Sources", n.ID, c.ID, c.Source)
				}
			}
		}
	}
	// The case network has people with their aliases and the cases.
	kinds := map[string]int{}
	for _, v := range data.Networks[0].Nodes {
		kinds[v.Kind]++
	}
	if kinds["person"] == 0 || kinds["case"] == 0 {
		t.Errorf("case network kinds %v: want people and cases", kinds)
	}
}

// TestLimit: a network over the limit keeps the nodes of highest degree
// and the ties among them, says so, and stays within both limits.
func TestLimit(t *testing.T) {
	// A star of 10 leaves around hub "a", and a path of 5 nodes.
	n := explore.Network{ID: "t", Title: "Test"}
	add := func(id string) int {
		n.Nodes = append(n.Nodes, explore.Node{ID: id, Label: id})
		return len(n.Nodes) - 1
	}
	hub := add("a")
	for i := range 10 {
		n.Ties = append(n.Ties, explore.Tie{From: hub, To: add(fmt.Sprintf("leaf%02d", i)), Weight: 1})
	}
	p := add("p0")
	for i := 1; i < 5; i++ {
		q := add(fmt.Sprintf("p%d", i))
		n.Ties = append(n.Ties, explore.Tie{From: p, To: q, Weight: 1})
		p = q
	}
	for _, tc := range []struct {
		maxN, maxT int
		nodes      []string
		ties       int
	}{
		{100, 100, nil, 14},
		{4, 100, []string{"a", "p1", "p2", "p3"}, 2},
		// a, then p1, p2, p3 (degree 2) before the leaves; leaf01 would
		// bring a fourth tie.
		{20, 3, []string{"a", "leaf00", "p1", "p2", "p3"}, 3},
	} {
		out, keep := explore.Limit(n, tc.maxN, tc.maxT)
		if len(out.Ties) != tc.ties || len(keep) != len(out.Nodes) {
			t.Errorf("Limit(%d, %d): %d ties, %d kept of %d nodes; want %d ties", tc.maxN, tc.maxT, len(out.Ties), len(keep), len(out.Nodes), tc.ties)
		}
		if tc.nodes == nil {
			if out.Note != "" || len(out.Nodes) != len(n.Nodes) {
				t.Errorf("Limit(%d, %d) cut a network within the limits", tc.maxN, tc.maxT)
			}
			continue
		}
		var ids []string
		for _, v := range out.Nodes {
			ids = append(ids, v.ID)
		}
		if strings.Join(ids, " ") != strings.Join(tc.nodes, " ") {
			t.Errorf("Limit(%d, %d) kept %v, want %v", tc.maxN, tc.maxT, ids, tc.nodes)
		}
		if !strings.Contains(out.Note, "shown are the") || len(out.Nodes) > tc.maxN || len(out.Ties) > tc.maxT {
			t.Errorf("Limit(%d, %d): %d nodes, %d ties, note %q", tc.maxN, tc.maxT, len(out.Nodes), len(out.Ties), out.Note)
		}
		for _, tie := range out.Ties {
			if tie.From >= len(out.Nodes) || tie.To >= len(out.Nodes) {
				t.Errorf("Limit(%d, %d): tie %v out of range", tc.maxN, tc.maxT, tie)
			}
		}
	}
}

// TestBuildOverLimit: a ledger network over the limit is cut and laid out
// all the same, and the page says so.
func TestBuildOverLimit(t *testing.T) {
	l, d := embedded(t)
	data, err := explore.Build("x", l, d, explore.Options{Seed: 1, MaxNodes: 10, MaxTies: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range data.Networks {
		if len(n.Nodes) != 10 || n.TotalNodes <= 10 || n.Note == "" {
			t.Errorf("%s: %d nodes of %d, note %q", n.ID, len(n.Nodes), n.TotalNodes, n.Note)
		}
	}
	if s := string(write(t, data)); !strings.Contains(s, "more than the explorer draws") {
		t.Error("the page does not say that the network was cut")
	}
}

// TestWriteErrors: no network, or a tie to a missing node, is an error.
func TestWriteErrors(t *testing.T) {
	var b bytes.Buffer
	if err := explore.Write(&b, explore.Data{}); err == nil {
		t.Error("no error for data without a network")
	}
	bad := explore.Data{Networks: []explore.Network{{ID: "x", Nodes: []explore.Node{{ID: "a"}}, Ties: []explore.Tie{{From: 0, To: 1}}}}}
	if err := explore.Write(&b, bad); err == nil || !strings.Contains(err.Error(), "missing node") {
		t.Errorf("tie to a missing node: %v", err)
	}
}

// writeTemp writes a page into a temporary directory and returns its path.
func writeTemp(t *testing.T, page []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "explorer.html")
	if err := os.WriteFile(p, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGraphNetwork: a graph's nodes are labelled by their label or name
// attributes and coloured by the group attribute; an edge with the
// attributes ecosys build writes carries a citation the filters read;
// an edge without them carries none.
func TestGraphNetwork(t *testing.T) {
	dg := simple.NewWeightedDirectedGraph(0, 0)
	for i := range 3 {
		dg.AddNode(simple.Node(i))
	}
	dg.SetWeightedEdge(dg.NewWeightedEdge(simple.Node(0), simple.Node(1), 2))
	dg.SetWeightedEdge(dg.NewWeightedEdge(simple.Node(1), simple.Node(2), 1))
	g := &network.Graph{G: dg, Directed: true, Names: []string{"a", "b", "c"}, AttrNames: []string{"label", "kind", "name_zh"},
		Attrs:         []map[string]string{{"label": "Alpha", "kind": "company"}, {"kind": "person", "name_zh": "乙"}, nil},
		EdgeAttrNames: []string{"type", "reliability", "date_start", "date_end", "cases", "sources"},
		EdgeAttrs: map[[2]int64]map[string]string{{0, 1}: {"type": "tasked_by;associated_with", "reliability": "C3", "date_start": "2016-05",
			"date_end": "2019", "cases": "us-v-x", "sources": "s1;s2"}}}
	n, err := explore.GraphNetwork("g", "G", g, "kind", explore.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if n.Nodes[0].Label != "Alpha" || n.Nodes[1].Label != "b" || n.Nodes[1].LabelZH != "乙" || n.Nodes[2].Kind != "node" || n.Nodes[1].Kind != "person" {
		t.Errorf("nodes %+v", n.Nodes)
	}
	if len(n.Ties) != 2 || n.Ties[0].Weight != 2 || !n.Ties[0].Directed {
		t.Fatalf("ties %+v", n.Ties)
	}
	c := n.Ties[0].Citations
	if len(c) != 1 || c[0].Type != "tasked_by" || c[0].Family != "direction" || c[0].Grade != "C3" || c[0].StartYear != 2016 || c[0].EndYear != 2019 ||
		c[0].Case != "us-v-x" || c[0].Source != "s1" {
		t.Errorf("citation %+v", c)
	}
	if n.Ties[1].Citations != nil {
		t.Errorf("an edge without attributes has citations %+v", n.Ties[1].Citations)
	}
	var kinds []string
	for _, k := range n.Kinds {
		kinds = append(kinds, k.ID)
	}
	if strings.Join(kinds, " ") != "company node person" {
		t.Errorf("kinds %v", kinds)
	}
}
