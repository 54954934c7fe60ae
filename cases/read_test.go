package cases

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ecosys-sna/ecosys/network"
)

// readFixture reads the case fixture under testdata/good with its
// ledger.
func readFixture(t *testing.T) (*network.Ledger, *Data) {
	t.Helper()
	fsys := os.DirFS("testdata")
	eb, _ := os.ReadFile("testdata/good/entities.csv")
	lb, _ := os.ReadFile("testdata/good/ledger.csv")
	l, err := network.ReadLedger("ledger.csv", bytes.NewReader(lb), "entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(fsys, "good", l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l, d
}

func TestRead(t *testing.T) {
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
	entries, err := os.ReadDir("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile("testdata/good/" + e.Name())
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

func TestReadErrors(t *testing.T) {
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
			`d/relations.csv:2:21: type: value not allowed: unknown relation type "works_for" (got "works_for")`, network.ErrBadEnum},
		{"type does not fit", map[string]string{"relations.csv": relHeader + "r1,front-co,bureau,officer_of,,,case-1,s-court,,court_document,A2,true,x\n"},
			`d/relations.csv:2:4: from: relation type does not fit its endpoints: company cannot be the from end of officer_of (got "front-co")`, ErrBadRelation},
		{"evidence differs from source", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,secondary_report,A2,true,x\n"},
			`evidence: value not allowed: source s-court is court_document`, network.ErrBadEnum},
		{"bad grade", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,s-court,,court_document,G9,true,x\n"},
			`reliability: invalid reliability grade`, ErrBadGrade},
		{"missing citation", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,,,case-1,,,court_document,A2,true,x\n"},
			`source: empty value`, network.ErrEmpty},
		{"bad date", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018-13,,case-1,s-court,,court_document,A2,true,x\n"},
			`date_start: invalid date`, network.ErrBadDate},
		{"ends before start", map[string]string{"relations.csv": relHeader + "r1,officer-a,bureau,officer_of,2018,2017,case-1,s-court,,court_document,A2,true,x\n"},
			`ends before it starts`, network.ErrBadDate},
		{"id in two tables", map[string]string{"people.csv": "id,name\nbureau,Somebody\n"},
			`d/people.csv:2:1: id: duplicate key (got "bureau") (see the ledger's entity table)`, network.ErrDuplicateKey},
		{"ambiguous alias", map[string]string{"aliases.csv": "alias,id,lang\nThe Bureau,front-co,en\n"},
			`ambiguous, also a name of bureau`, network.ErrDuplicateKey},
		{"hierarchy cycle", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nbureau,ministry,structural,s-struct,B2\nministry,bureau,structural,s-struct,B2\n"},
			`the hierarchy has a cycle`, ErrBadRelation},
		{"relations required", map[string]string{"relations.csv": ""}, `relations.csv`, os.ErrNotExist},
		{"unknown organization", map[string]string{"hierarchy.csv": "child,parent,basis,source,reliability\nnobody,ministry,structural,s-struct,B2\n"},
			`d/hierarchy.csv:2:1: child: unknown id: not an organization id (got "nobody")`, ErrUnknownID},
		{"unknown subject", map[string]string{"case-claims.csv": "id,subject,claim,statement,source,evidence,reliability\nc1,nobody,x,y,s-court,court_document,A2\n"},
			`d/case-claims.csv:2:4: subject: unknown id: not an organization, case or person id (got "nobody")`, ErrUnknownID},
		{"unknown defendant", map[string]string{"defendants.csv": "case,person,status\ncase-1,nobody,charged\n"},
			`d/defendants.csv:2:8: person: unknown id: not a person or organization id (got "nobody")`, ErrUnknownID},
		// The "sources" lists are checked once every table is read, and
		// their errors still name the file, line and column of the cell.
		{"unknown source of a case", map[string]string{"cases.csv": "id,title,kind,sources\ncase-1,C,indictment,s-court|nope\ndesignation-1,D,designation,\n"},
			`d/cases.csv:2:21: sources: unknown id: case-1 refers to a source that is not in case-sources (got "nope")`, ErrUnknownID},
		{"unknown source of a person", map[string]string{"people.csv": "id,name,sources\nofficer-a,Officer A,s-court\nhacker-b,Hacker B,nope\n"},
			`d/people.csv:3:19: sources: unknown id: hacker-b refers to a source that is not in case-sources (got "nope")`, ErrUnknownID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(caseFS(t, tc.replace), "d", l.Entities, network.ReadOptions{})
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

func TestReadLedgerResolvesAliases(t *testing.T) {
	_, d := readFixture(t)
	eb, _ := os.ReadFile("testdata/good/entities.csv")
	ledger := "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,Frontline Company,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	var warnings []string
	_, err := network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	// front-co is a case organization, not in this entity table: the
	// alias resolves, and the ledger then names the unknown party.
	if err == nil || !strings.Contains(err.Error(), `signatory_id: unknown entity: not in the entity table (got "front-co")`) {
		t.Fatalf("err = %v", err)
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n3,contractor,,Nobody Bureau,1\n"
	warnings = nil
	_, err = network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
	if err == nil {
		t.Fatal("unresolvable party accepted")
	}
	ledger = "row,contractor_id,signatory_id,end_user_id,amount_cny\n1,contractor,,the bureau,100\n2,contractor,,THE BUREAU,5\n"
	warnings = nil
	l, err := network.ReadLedgerWithOptions("user.csv", strings.NewReader(ledger), "entities.csv", bytes.NewReader(eb),
		network.ReadOptions{Aliases: d.Aliases, Warn: func(m string) { warnings = append(warnings, m) }})
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
