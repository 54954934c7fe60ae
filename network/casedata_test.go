package network

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// readFixture reads the case fixture under testdata/cases/good with its
// ledger.
func readFixture(t *testing.T) (*Ledger, *CaseData) {
	t.Helper()
	fsys := os.DirFS("testdata/cases")
	eb, _ := os.ReadFile("testdata/cases/good/entities.csv")
	lb, _ := os.ReadFile("testdata/cases/good/ledger.csv")
	l, err := ReadLedger("ledger.csv", bytes.NewReader(lb), "entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadCaseData(fsys, "good", l.Entities, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l, d
}

func TestReadCaseData(t *testing.T) {
	_, d := readFixture(t)
	if got := len(d.Organizations); got != 6 { // 3 ledger + 3 case organizations
		t.Errorf("organizations: %d, want 6", got)
	}
	if len(d.People) != 2 || len(d.Cases) != 2 || len(d.Relations) != 6 || len(d.Claims) != 1 || len(d.Defendants) != 2 {
		t.Errorf("counts: people %d cases %d relations %d claims %d defendants %d", len(d.People), len(d.Cases), len(d.Relations), len(d.Claims), len(d.Defendants))
	}
	o, ok := d.Organization("bureau")
	if !ok || o.Dataset != "ledger" {
		t.Errorf("bureau: %+v %v, want the ledger's party", o, ok)
	}
	if got := d.Chain("bureau"); len(got) != 1 || got[0] != "ministry" {
		t.Errorf("chain of bureau: %v", got)
	}
	shared := d.Shared()
	if len(shared) != 1 || shared[0].ID != "bureau" || strings.Join(shared[0].Relations, ",") != "r1,r3" {
		t.Errorf("shared: %+v, want bureau via r1, r3", shared)
	}
	for _, tc := range []struct{ name, id string }{
		{"Frontline  Company", "front-co"}, {"FRONT CO", "front-co"}, {"前 线 公 司", "front-co"},
		{"Ｆｒｏｎｔ Ｃｏ", "front-co"}, {"The Bureau", "bureau"}, {"甲", "officer-a"}, {"Qianxian Gongsi", "front-co"},
	} {
		a, ok := d.Aliases.Resolve(tc.name)
		if !ok || a.ID != tc.id {
			t.Errorf("Resolve(%q) = %+v, %v; want %s", tc.name, a, ok, tc.id)
		}
	}
	if _, ok := d.Aliases.Resolve("nobody"); ok {
		t.Error("Resolve(nobody) succeeded")
	}
	c := d.Claims[0]
	if !c.HasValue || c.Value != 12 || c.Qualifier != "at_least" {
		t.Errorf("claim: %+v", c)
	}
}

// caseFS returns the good fixture with some files replaced.
func caseFS(t *testing.T, replace map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/cases/good")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile("testdata/cases/good/" + e.Name())
		m["d/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	for k, v := range replace {
		if v == "" {
			delete(m, "d/"+k)
			continue
		}
		m["d/"+k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

func TestReadCaseDataErrors(t *testing.T) {
	l, _ := readFixture(t)
	relHeader := "id,from,to,type,date_start,date_end,case,source,locator,evidence,reliability,allegation,basis\n"
	for _, tc := range []struct {
		name    string
		replace map[string]string
		want    string
		is      error
	}{
		{"unknown endpoint", map[string]string{"relations.csv": relHeader + "r1,nobody,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2:4: from: unknown id: not an organization, ledger party, person or case (got "nobody")`, ErrUnknownID},
		{"bad type", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,works_for,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2:21: type: value not allowed: unknown relation type "works_for" (got "works_for")`, ErrBadEnum},
		{"type does not fit", map[string]string{"relations.csv": relHeader + "r1,front-co,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2:4: from: relation type does not fit its endpoints: company cannot be the from end of officer_of (got "front-co")`, ErrBadRelation},
		{"evidence differs from source", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,secondary_report,A2,true,x\n"},
			`evidence: value not allowed: source s-court is court_document`, ErrBadEnum},
		{"bad grade", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,G9,true,x\n"},
			`reliability: invalid reliability grade`, ErrBadGrade},
		{"missing citation", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,,,court_document,A2,true,x\n"},
			`source: empty value`, ErrEmpty},
		{"bad date", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018-13,,case-1,s-court,,court_document,A2,true,x\n"},
			`date_start: invalid date`, ErrBadDate},
		{"ends before start", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018,2017,case-1,s-court,,court_document,A2,true,x\n"},
			`ends before it starts`, ErrBadDate},
		{"id in two tables", map[string]string{"people.csv": "id,name\nbureau,Somebody\n"},
			`d/people.csv:2:1: id: duplicate key (got "bureau") (see the ledger's entity table)`, ErrDuplicateKey},
		{"ambiguous alias", map[string]string{"aliases.csv": "alias,id,lang\nThe Bureau,front-co,en\n"},
			`ambiguous, also a name of bureau`, ErrDuplicateKey},
		{"hierarchy cycle", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nbureau,ministry,structural,s-struct,B2\nministry,bureau,structural,s-struct,B2\n"},
			`the hierarchy has a cycle`, ErrBadRelation},
		{"relations required", map[string]string{"relations.csv": ""}, `relations.csv`, os.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCaseData(caseFS(t, tc.replace), "d", l.Entities, ReadOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain\n%s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
		})
	}
}

func TestGrade(t *testing.T) {
	for _, tc := range []struct {
		g, min string
		want   bool
	}{{"A1", "B3", true}, {"B3", "B3", true}, {"C1", "B3", false}, {"A4", "B3", false}, {"b2", "B2", true}} {
		g, err := ParseGrade(tc.g)
		if err != nil {
			t.Fatal(err)
		}
		min, _ := ParseGrade(tc.min)
		if got := g.Meets(min); got != tc.want {
			t.Errorf("%s.Meets(%s) = %v", tc.g, tc.min, got)
		}
	}
	for _, bad := range []string{"", "A", "A0", "G1", "A7", "AA", "1A", "A12"} {
		if _, err := ParseGrade(bad); err == nil {
			t.Errorf("ParseGrade(%q) succeeded", bad)
		}
	}
	if !(Grade{}).Meets(Grade{}) || (Grade{}).Meets(Grade{'A', '1'}) {
		t.Error("zero grade")
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  Hainan  Xiandun Technology Development Co., Ltd. ": "hainan xiandun technology development co ltd",
		"食乐小球藻积分管理(深圳)有 限公司":                                  "食乐小球藻积分管理(深圳)有限公司",
		"食乐小球藻积分管理（深圳）有限公司":                                   "食乐小球藻积分管理(深圳)有限公司",
		"Ｉｎｔｅｇｒｉｔｙ Tech":                                      "integrity tech",
		"Wang Liyu’s":                                         "wang liyus",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

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
	if !ok || strings.Join(n.Datasets, ",") != "ledger,cases" || n.Kind != StateSecurityOrgan {
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
		{"kinds", MetaOptions{Kinds: []Kind{PersonKind, Company}}, "r2 r6"},
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
	if _, err := BuildMeta(l, d, MetaOptions{Cases: []string{"nope"}}); err == nil {
		t.Error("unknown case accepted")
	}
	if _, err := BuildMeta(l, nil, MetaOptions{}); err == nil {
		t.Error("cases layer without case data accepted")
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
		write func(*bytes.Buffer, *Graph) error
		read  func(string, *bytes.Buffer) (*Graph, error)
	}{
		{"graphml", func(b *bytes.Buffer, g *Graph) error { return WriteGraphML(b, g) }, func(n string, b *bytes.Buffer) (*Graph, error) { return ReadGraphML(n, b) }},
		{"gexf", func(b *bytes.Buffer, g *Graph) error { return WriteGEXF(b, g) }, func(n string, b *bytes.Buffer) (*Graph, error) { return ReadGEXF(n, b) }},
		{"json", func(b *bytes.Buffer, g *Graph) error { return WriteNodeLink(b, g) }, func(n string, b *bytes.Buffer) (*Graph, error) { return ReadNodeLink(n, b) }},
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
	wantEdges := `from,to,type,id,layer,case,source,locator,evidence,reliability,allegation,date_start,date_end,contracts,amount_cny,rows,basis
contractor,broker,contracted_with,ledger:contractor>broker,ledger,,nids-371,"Figure 2, rows 2",research_paper,B2,false,2017-03-01,2017-03-01,1,50000.00,2,1 contract(s) in the ledger
contractor,bureau,contracted_with,ledger:contractor>bureau,ledger,,nids-371,"Figure 2, rows 1",research_paper,B2,false,2016-05,2016-05,1,100000.00,1,1 contract(s) in the ledger
front-co,bureau,front_for,r3,cases,case-1,s-court,p. 2,court_document,A2,true,,,,,,front company
`
	if edges.String() != wantEdges {
		t.Errorf("edges:\n%s\nwant\n%s", edges.String(), wantEdges)
	}
}

func TestReadLedgerResolvesAliases(t *testing.T) {
	_, d := readFixture(t)
	eb, _ := os.ReadFile("testdata/cases/good/entities.csv")
	ledger := "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,Frontline Company,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	var warnings []string
	_, err := ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	// front-co is a case organization, not in this entity table: the
	// alias resolves, and the ledger then names the unknown party.
	if err == nil || !strings.Contains(err.Error(), `signatory_id: unknown entity: not in the entity table (got "front-co")`) {
		t.Fatalf("err = %v", err)
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n3,contractor,,Nobody Bureau,1\n"
	warnings = nil
	_, err = ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	if err == nil {
		t.Fatal("unresolvable party accepted")
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	warnings = nil
	l, err := ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if l.Contracts[0].EndUser != "bureau" || l.Contracts[1].EndUser != "bureau" {
		t.Errorf("end users %q %q", l.Contracts[0].EndUser, l.Contracts[1].EndUser)
	}
	want := []string{`user.csv: "the bureau" resolved to bureau (alias "The Bureau", en) on line(s) 2`,
		`user.csv: "THE BUREAU" resolved to bureau (alias "The Bureau", en) on line(s) 3`}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrganizationsViewIgnoresSanctions: two organizations whose people
// were sanctioned by the same authority are not joined by that.
func TestOrganizationsViewIgnoresSanctions(t *testing.T) {
	l, _ := readFixture(t)
	rel, _ := os.ReadFile("testdata/cases/good/relations.csv")
	// hacker-b works for front-co and is sanctioned by the authority.
	rel = append(rel, "r7,hacker-b,authority,sanctioned_by,2021,2021,designation-1,s-news,,secondary_report,C3,false,designated\n"...)
	d, err := ReadCaseData(caseFS(t, map[string]string{"relations.csv": string(rel)}), "d", l.Entities, ReadOptions{})
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
