package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/network"
)

// testLedger is a fictional ledger of four contracts: firm → broker →
// bureau-1 twice, firm → bureau-2 and firm → bureau-3 directly.
const (
	testContracts = `row,contractor_id,signatory_id,end_user_id,client_type,date,amount_cny
1,firm,broker,bureau-1,public_security,2019-03,120000
2,firm,broker,bureau-1,public_security,2019-07-15,80000.50
3,firm,,bureau-2,public_security,,45000
4,firm,,bureau-3,state_security,2020-02-01,300000
`
	testEntities = `id,name_en,kind,ministry,level,province
firm,Firm,company,none,not_applicable,Sichuan
broker,Broker,company,none,not_applicable,Sichuan
bureau-1,Bureau One,public_security_organ,MPS,prefectural,Sichuan
bureau-2,Bureau Two,public_security_organ,MPS,county,Yunnan
bureau-3,Bureau Three,state_security_organ,MSS,provincial,Yunnan
`
)

func testEnv(t testing.TB) *Env {
	t.Helper()
	l, err := network.ReadLedger("l.csv", strings.NewReader(testContracts), "e.csv", strings.NewReader(testEntities))
	if err != nil {
		t.Fatal(err)
	}
	d := &cases.Data{
		Cases:      []cases.Case{{ID: "us-v-x", Kind: "indictment"}},
		Defendants: []cases.Defendant{{Case: "us-v-x", Person: "p1", Status: cases.Charged}, {Case: "us-v-x", Person: "p2", Status: cases.Convicted}},
		Relations:  []cases.Relation{{ID: "r1", From: "p1", To: "firm", Type: cases.EmployeeOf, Reliability: cases.Grade{Source: 'B', Info: '2'}}},
	}
	return NewEnv(l, d)
}

// TestEnv checks the values of the environment against the fictional
// ledger, counted by hand.
func TestEnv(t *testing.T) {
	env := testEnv(t)
	c := env.Ledger.Contracts
	if len(c) != 4 || c[1].AmountFen != 8000050 || c[1].AmountCNY != 80000.5 || c[0].Year != 2019 || c[2].Year != 0 ||
		c[0].DateStart != "2019-03-01" || c[0].DateEnd != "2019-03-31" || c[2].DateStart != "" ||
		!c[0].Intermediated || c[0].Direct || !c[2].Direct || c[0].Ministry != "MPS" || c[3].Kind != "state_security_organ" ||
		c[0].SignatoryKind != "company" || c[3].Province != "Yunnan" || !c[0].AmountKnown {
		t.Errorf("contracts %+v", c)
	}
	if env.Ledger.TotalFen != 54500050 || env.Ledger.Source != "l.csv" {
		t.Errorf("ledger totals %+v", env.Ledger)
	}
	// Ties: firm→broker (2 contracts), broker→bureau-1, firm→bureau-2,
	// firm→bureau-3.
	want := map[string]Party{
		"firm":     {Degree: 3, Strength: 545000.5, Contracts: 4, Roles: []string{"contractor"}, Role: "contractor"},
		"broker":   {Degree: 2, Strength: 400001, Contracts: 2, Roles: []string{"signatory"}, Role: "intermediary"},
		"bureau-1": {Degree: 1, Strength: 200000.5, Contracts: 2, Roles: []string{"end_user"}, Role: "end_user"},
		"bureau-2": {Degree: 1, Strength: 45000, Contracts: 1, Roles: []string{"signatory", "end_user"}, Role: "end_user"},
	}
	for _, p := range env.Ledger.Parties {
		w, ok := want[p.ID]
		if ok && (p.Degree != w.Degree || p.Strength != w.Strength || p.Contracts != w.Contracts || !slices.Equal(p.Roles, w.Roles) || p.Role != w.Role) {
			t.Errorf("party %s: %+v, want %+v", p.ID, p, w)
		}
	}
	if r := env.Cases.Relations[0]; r.Reliability != "B2" || r.Type != "employee_of" {
		t.Errorf("relation %+v", r)
	}
	if env.Cases.People == nil || env.Cases.Aliases == nil {
		t.Error("absent case tables are nil, not empty lists")
	}
}

func claim(expr string, expect ...float64) Claim {
	c := Claim{ID: "c", Claim: "a claim", Source: "test", Expr: expr, File: "t.csv", Line: 2, ExprLine: 2, ExprColumn: 10}
	if len(expect) > 0 {
		c.Expect, c.HasExpect, c.Qualifier = expect[0], true, Exactly
	}
	return c
}

// TestEvaluate checks claims that hold, that fail, that are malformed or
// mistyped, and values that cannot be tested.
func TestEvaluate(t *testing.T) {
	env := testEnv(t)
	partial := func(c Claim, q Qualifier) Claim { c.Qualifier, c.DataIs = q, Partial; return c }
	tests := []struct {
		name     string
		c        Claim
		status   Status
		observed any
		note     string // a prefix of the note
	}{
		{"true count", claim(`count(ledger.contracts, .client_type == "public_security")`, 3), Consistent, 3.0, ""},
		{"false count", claim(`count(ledger.contracts, .client_type == "public_security")`, 4), Inconsistent, 3.0, ""},
		{"true boolean", claim(`all(ledger.contracts, .amount_fen > 0)`), Consistent, true, ""},
		{"false boolean", claim(`any(ledger.parties, .ministry == "MSS" && .level == "national")`), Inconsistent, false, ""},
		{"float sum", claim(`sum(ledger.contracts, .amount_cny)`, 545000.5), Consistent, 545000.5, ""},
		{"partial bound", partial(claim(`len(uniq(map(filter(ledger.contracts, .ministry in ["MPS", "MSS"]), .end_user)))`, 43), AtLeast), ConsistentAsBound, 3.0, ""},
		{"partial too high", partial(claim(`len(ledger.contracts)`, 2), Exactly), Inconsistent, 4.0, ""},
		{"cases", claim(`count(cases.defendants, .case == "us-v-x" && .status == "convicted")`, 1), Consistent, 1.0, ""},
		{"grade", claim(`all(cases.relations, .reliability in ["A1", "A2", "B1", "B2"])`), Consistent, true, ""},
		{"metrics", claim(`metrics.nodes`, 5), Consistent, 5.0, ""},
		{"undefined measure", claim(`metrics.degree_assortativity`, 0), NotTestable, nil, "the expression has no value"},
		{"missing key", claim(`metrics.no_such_measure`, 1), NotTestable, nil, "the expression has no value"},
		{"syntax", claim(`count(ledger.contracts,`, 1), Error, nil, "t.csv:2:"},
		{"misspelt field", claim(`count(ledger.contracts, .clent_type == "x")`, 1), Error, nil, "t.csv:2: column 10 (expr): at character 26: type ledger.contracts[] has no field clent_type"},
		{"unknown name", claim(`contracts`, 1), Error, nil, "t.csv:2: column 10 (expr): unknown name contracts"},
		{"string", claim(`ledger.source`), Error, nil, "t.csv:2: column 10 (expr): the expression is of type string"},
		{"list", claim(`map(ledger.contracts, .row)`), Error, nil, "t.csv:2: column 10 (expr): the expression is of type []interface {}"},
		{"number without expect", claim(`len(ledger.contracts)`), Error, nil, "t.csv:2: column 10 (expr): the expression is a number (4)"},
		{"boolean with expect", claim(`len(ledger.contracts) == 4`, 1), Error, nil, "t.csv:2: column 10 (expr): the expression is a boolean"},
		{"dynamic string", claim(`metrics.directed ? "yes" : "no"`), Error, nil, "t.csv:2: column 10 (expr): the expression is of type string"},
		{"runtime", claim(`ledger.contracts[9].row`, 1), Error, nil, "t.csv:2:"},
		{"clock", claim(`now().Year() > 2000`), Error, nil, "t.csv:2: column 10 (expr): unknown name now"},
		{"no expr", Claim{ID: "n", Note: "needs a table of leaks"}, NotTestable, nil, "needs a table of leaks"},
	}
	for _, tt := range tests {
		r := Evaluate(tt.c, env)
		if r.Status != tt.status || r.Observed != tt.observed || !strings.HasPrefix(r.Note, tt.note) {
			t.Errorf("%s: %s observed %v note %q; want %s, %v, %q…", tt.name, r.Status, r.Observed, r.Note, tt.status, tt.observed, tt.note)
		}
		if (r.Status == Error) != (r.Err() != nil) || (r.Err() != nil && r.Err().Error() != r.Note) {
			t.Errorf("%s: Err() = %v with status %s", tt.name, r.Err(), r.Status)
		}
	}
}

// TestCheck checks the order of the results, the tally, the errors and
// the claims left out about another ledger.
func TestCheck(t *testing.T) {
	env := testEnv(t)
	builtin := []Claim{claim(`len(ledger.contracts)`, 4), claim(`metrics.nodes`, 5), claim(`len(cases.cases)`, 1), {ID: "nt", Note: "n"}}
	builtin[1].ID, builtin[2].ID = "m", "k"
	user := []Claim{claim(`len(ledger.contracts) ==`), claim(`len(ledger.contracts) == 4`)}
	user[0].ID, user[1].ID = "u1", "u2"
	rep := Check(env, builtin, user, Options{Version: "9.9"})
	var ids []string
	for _, r := range rep.Claims {
		ids = append(ids, r.ID+":"+string(r.Status))
	}
	if want := "c:consistent m:consistent k:consistent nt:not_testable u1:error u2:consistent"; strings.Join(ids, " ") != want {
		t.Errorf("results %s, want %s", strings.Join(ids, " "), want)
	}
	if rep.DataVersion != "9.9" || rep.LeftOut != 0 || rep.Tally[0].Count != 4 || rep.Tally[4].Count != 1 || len(rep.Errors()) != 1 {
		t.Errorf("report %+v", rep)
	}
	other := Check(env, builtin, user, Options{LeaveOut: OtherLedger})
	if other.LeftOut != 2 || len(other.Claims) != 4 || other.Claims[0].ID != "k" {
		t.Errorf("with another ledger: %d left out, %d claims", other.LeftOut, len(other.Claims))
	}
	if got := Refers(`count(ledger.contracts, .x) + len(cases.cases) > metrics.nodes`); !slices.Equal(got, []string{"ledger", "metrics", "cases"}) {
		t.Errorf("Refers = %v", got)
	}
	if Refers(`count(`) != nil || Refers(`{ledger: 1}.ledger`) != nil {
		t.Error("Refers of a broken expression or of a map key")
	}
}

// TestNames checks that every name of the environment has a type, that
// the lists name their elements, and that every leaf field is documented
// or self-explanatory (a case-data field named as in the JSON).
func TestNames(t *testing.T) {
	names := Names()
	byPath := map[string]Name{}
	for _, n := range names {
		if n.Type == "" {
			t.Errorf("%s has no type", n.Path)
		}
		if _, dup := byPath[n.Path]; dup {
			t.Errorf("%s twice", n.Path)
		}
		byPath[n.Path] = n
	}
	for path, typ := range map[string]string{
		"ledger": "object", "ledger.contracts": "list", "ledger.contracts[].amount_fen": "int", "ledger.contracts[].amount_cny": "float",
		"ledger.contracts[].direct": "bool", "ledger.parties[].roles": "list of string", "metrics": "map",
		"cases.relations[].reliability": "string", "cases.defendants[].case": "string",
	} {
		if byPath[path].Type != typ {
			t.Errorf("%s: type %q, want %q", path, byPath[path].Type, typ)
		}
	}
	for _, n := range names {
		if strings.HasPrefix(n.Path, "ledger") && n.Doc == "" {
			t.Errorf("%s is not documented", n.Path)
		}
	}
}
