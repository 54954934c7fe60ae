package cases

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

func TestBuildMeta(t *testing.T) {
	l, d := readFixture(t)
	all, err := BuildMeta(l, d, MetaOptions{Layers: Layers})
	for _, e := range all.Edges {
		if e.Layer == LayerLedger && (e.Source != "ledger.csv" || !e.Reliability.IsZero() || !strings.HasPrefix(e.Locator, "rows ")) {
			t.Errorf("ledger tie %s cited %q %q %q, want the file, ungraded", e.ID, e.Source, e.Locator, e.Reliability)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	// 3 ledger ties (contractor>bureau, contractor>broker, broker>bureau),
	// 6 relations, 1 hierarchy link.
	if len(all.Edges) != 10 {
		t.Fatalf("edges: %d, want 10: %+v", len(all.Edges), all.Edges)
	}
	n, ok := all.Node("bureau")
	if !ok || strings.Join(n.Datasets, ",") != "ledger,cases" || n.Kind != network.StateSecurityOrgan {
		t.Errorf("bureau node: %+v", n)
	}
	ids := func(m *Meta) string {
		var s []string
		for _, e := range m.Edges {
			s = append(s, e.ID)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		name string
		opt  MetaOptions
		want string
	}{
		{"cases only", MetaOptions{}, "r5 r3 r2 r1 r4 r6"},
		{"min reliability B3", MetaOptions{MinReliability: Grade{'B', '3'}}, "r3 r2 r1 r4"},
		{"relation types", MetaOptions{Relations: []RelationType{FrontFor, OfficerOf}}, "r3 r1"},
		{"kinds", MetaOptions{Kinds: []network.Kind{PersonKind, network.Company}}, "r2 r6"},
		{"case", MetaOptions{Cases: []string{"designation-1"}}, "r5"},
		{"window 2013-2014", MetaOptions{From: day(2013, 1, 1), To: day(2014, 12, 31)}, "r1"},
		{"window with undated", MetaOptions{From: day(2013, 1, 1), To: day(2014, 12, 31), IncludeUndated: true}, "r3 r1"},
		{"window from 2016 open", MetaOptions{From: day(2016, 1, 1)}, "r5 r2 r1 r4"},
		{"ledger 2017", MetaOptions{Layers: []string{LayerLedger}, From: day(2017, 1, 1), To: day(2017, 12, 31)}, "ledger:broker>bureau ledger:contractor>broker"},
		{"hierarchy", MetaOptions{Layers: []string{LayerHierarchy}}, "hierarchy:bureau"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := BuildMeta(l, d, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(m); got != tc.want {
				t.Errorf("edges %q, want %q", got, tc.want)
			}
			for _, e := range m.Edges {
				if _, ok := m.Node(e.From); !ok {
					t.Errorf("edge %s: no node %s", e.ID, e.From)
				}
			}
		})
	}
	for _, tc := range []struct {
		name string
		l    *network.Ledger
		d    *Data
		opt  MetaOptions
		want string
	}{
		{"unknown case", l, d, MetaOptions{Cases: []string{"nope"}}, `cases: unknown case "nope"`},
		{"cases layer without case data", l, nil, MetaOptions{}, "cases: the cases layers need the case data"},
		{"unknown layer", l, d, MetaOptions{Layers: []string{"people"}}, `cases: unknown layer "people": want ledger, cases, hierarchy`},
		{"ledger layer without ledger", nil, d, MetaOptions{Layers: []string{LayerLedger}}, "cases: the ledger layer needs a ledger"},
		{"case filter without case data", l, nil, MetaOptions{Layers: []string{LayerLedger}, Cases: []string{"case-1"}}, "cases: a case filter needs the case data"},
	} {
		if _, err := BuildMeta(tc.l, tc.d, tc.opt); err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.want)
		}
	}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestMetaViews(t *testing.T) {
	l, d := readFixture(t)
	m, _ := BuildMeta(l, d, MetaOptions{Layers: Layers})
	orgs := m.Organizations()
	for _, n := range orgs.Nodes {
		if n.Kind == PersonKind || n.Kind == CaseKind {
			t.Errorf("organizations view has %s (%s)", n.ID, n.Kind)
		}
	}
	var shared []string
	for _, e := range orgs.Edges {
		if e.Type == "shared_person" {
			shared = append(shared, e.From+"~"+e.To+":"+strings.Join(e.People, ","))
		}
	}
	// officer-a is an officer of bureau and ran front-co.
	if strings.Join(shared, " ") != "bureau~front-co:officer-a" {
		t.Errorf("shared-person edges: %v", shared)
	}
	h := m.Hierarchy()
	if len(h.Edges) != 1 || h.Edges[0].From != "bureau" || h.Edges[0].To != "ministry" {
		t.Errorf("hierarchy view: %+v", h.Edges)
	}
}

// TestMetaRoundTrip writes the meta-network in every format that has a
// reader and reads it back: node kinds and edge attributes survive.
func TestMetaRoundTrip(t *testing.T) {
	l, d := readFixture(t)
	m, _ := BuildMeta(l, d, MetaOptions{Layers: Layers})
	g := m.Graph()
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *network.Graph) error
		read  func(string, *bytes.Buffer) (*network.Graph, error)
	}{
		{"graphml", func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteGraphML(b, g) }, func(n string, b *bytes.Buffer) (*network.Graph, error) { return graphio.ReadGraphML(n, b) }},
		{"gexf", func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteGEXF(b, g) }, func(n string, b *bytes.Buffer) (*network.Graph, error) { return graphio.ReadGEXF(n, b) }},
		{"json", func(b *bytes.Buffer, g *network.Graph) error { return graphio.WriteNodeLink(b, g) }, func(n string, b *bytes.Buffer) (*network.Graph, error) { return graphio.ReadNodeLink(n, b) }},
	} {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b, g); err != nil {
				t.Fatal(err)
			}
			back, err := f.read("meta."+f.name, &b)
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Names) != len(g.Names) || back.Edges != g.Edges || !back.Directed {
				t.Fatalf("read back %d nodes %d edges directed=%v, wrote %d, %d", len(back.Names), back.Edges, back.Directed, len(g.Names), g.Edges)
			}
			for i, name := range g.Names {
				j, ok := back.ID(name)
				if !ok {
					t.Fatalf("node %s lost", name)
				}
				if back.Attrs[j]["kind"] != g.Attrs[i]["kind"] || back.Attrs[j]["label"] != g.Attrs[i]["label"] {
					t.Errorf("node %s: kind %q label %q, wrote %q %q", name, back.Attrs[j]["kind"], back.Attrs[j]["label"], g.Attrs[i]["kind"], g.Attrs[i]["label"])
				}
			}
			for k, want := range g.EdgeAttrs {
				from, _ := back.ID(g.Names[k[0]])
				to, _ := back.ID(g.Names[k[1]])
				got := back.EdgeAttrs[[2]int64{from, to}]
				for _, a := range []string{"type", "relations", "reliability", "sources", "allegation", "amount_cny"} {
					if got[a] != want[a] {
						t.Errorf("edge %s>%s %s: %q, wrote %q", g.Names[k[0]], g.Names[k[1]], a, got[a], want[a])
					}
				}
			}
		})
	}
}

func TestWriteMetaCSV(t *testing.T) {
	l, d := readFixture(t)
	m, _ := BuildMeta(l, d, MetaOptions{Layers: []string{LayerLedger, LayerCases}, Relations: []RelationType{ContractedWith, FrontFor}, LedgerCitation: ISOONLedgerCitation})
	var nodes, edges bytes.Buffer
	if err := WriteMetaCSV(&nodes, &edges, m); err != nil {
		t.Fatal(err)
	}
	wantNodes := `id,label,kind,name_en,name_zh,ministry,level,province,country,datasets
broker,Broker,company,Broker,中介,none,not_applicable,Sichuan,CN,ledger
bureau,The Bureau,state_security_organ,The Bureau,局,MSS,provincial,Hainan,CN,ledger;cases
contractor,Contractor,company,Contractor,承包商,none,not_applicable,Sichuan,CN,ledger
front-co,Front Co,company,Front Co,前线公司,none,not_applicable,Hainan,CN,cases
`
	if nodes.String() != wantNodes {
		t.Errorf("nodes:\n%s\nwant\n%s", nodes.String(), wantNodes)
	}
	wantEdges := `from,to,type,id,layer,case,source_id,locator,evidence,reliability,allegation,date_start,date_end,contracts,amount_cny,rows,basis
contractor,broker,contracted_with,ledger:contractor>broker,ledger,,nids-371,"Figure 2, rows 2",research_paper,B2,false,2017-03-01,2017-03-01,1,50000.00,2,1 contract(s) in the ledger
contractor,bureau,contracted_with,ledger:contractor>bureau,ledger,,nids-371,"Figure 2, rows 1",research_paper,B2,false,2016-05,2016-05,1,100000.00,1,1 contract(s) in the ledger
front-co,bureau,front_for,r3,cases,case-1,s-court,p. 2,court_document,A2,true,,,,,,front company
`
	if edges.String() != wantEdges {
		t.Errorf("edges:\n%s\nwant\n%s", edges.String(), wantEdges)
	}
}

// TestOrganizationsViewIgnoresSanctions: two organizations whose people
// were sanctioned by the same authority are not joined by that.
func TestOrganizationsViewIgnoresSanctions(t *testing.T) {
	l, _ := readFixture(t)
	rel, _ := os.ReadFile("testdata/good/relations.csv")
	// hacker-b works for front-co and is sanctioned by the authority.
	rel = append(rel, "r7,hacker-b,authority,sanctioned_by,2021,2021,designation-1,s-news,,secondary_report,C3,false,designated\n"...)
	d, err := Read(caseFS(t, map[string]string{"relations.csv": string(rel)}), "d", l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := BuildMeta(l, d, MetaOptions{})
	var shared []string
	for _, e := range m.Organizations().Edges {
		if e.Type == "shared_person" {
			shared = append(shared, e.ID)
		}
	}
	// officer-a ties bureau and front-co; hacker-b's sanction is no tie.
	if strings.Join(shared, " ") != "shared:bureau~front-co" {
		t.Errorf("shared_person edges %v, want only bureau~front-co", shared)
	}
	if _, err := BuildMeta(l, nil, MetaOptions{Layers: []string{LayerLedger}, Cases: []string{"case-1"}}); err == nil {
		t.Error("case filter without case data accepted")
	}
}
