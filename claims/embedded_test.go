package claims_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// embedded returns the environment of the embedded ledger and case data
// and the built-in claims.
func embedded(t *testing.T) (*claims.Env, []claims.Claim) {
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
	cb, err := datasets.ReadFile(datasets.Claims)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := claims.Read("claims.csv", bytes.NewReader(cb), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return claims.NewEnv(l, d), builtin
}

// TestBuiltinClaims evaluates the built-in claims on the embedded data:
// none is an error, and the commentary's claim that 18 of the 32
// contracts are for public security (s02; NIDS Commentary No. 371, §3
// ¶6) is consistent with 18 observed.
func TestBuiltinClaims(t *testing.T) {
	env, builtin := embedded(t)
	rep := claims.Check(env, builtin, nil, claims.Options{})
	found := false
	for _, r := range rep.Claims {
		if r.Status == claims.Error {
			t.Errorf("built-in claim %s: %s", r.ID, r.Note)
		}
		if r.Status == claims.NotTestable && r.Note == "" {
			t.Errorf("built-in claim %s is not testable and does not say why", r.ID)
		}
		if r.ID == "s02" {
			found = true
			if r.Status != claims.Consistent || r.Observed != 18.0 {
				t.Errorf("s02: %s, observed %v; want consistent, 18", r.Status, r.Observed)
			}
		}
	}
	if !found {
		t.Error("no built-in claim s02 (18 of the 32 contracts are public security)")
	}
	// The example of the issue holds on the embedded data.
	r := claims.Evaluate(claims.Claim{ID: "x", Expr: `count(ledger.contracts, .client_type == "public_security") == 18`}, env)
	if r.Status != claims.Consistent {
		t.Errorf("count(ledger.contracts, .client_type == \"public_security\") == 18: %s %s", r.Status, r.Note)
	}
}

// TestREADMEExample evaluates the example claim file of README.md on the
// embedded data and checks the statuses the README gives.
func TestREADMEExample(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(b), "```csv\nid,claim,source,locator,expr")
	file, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("README.md has no example claim file")
	}
	user, err := claims.Read("README.md", strings.NewReader("id,claim,source,locator,expr"+file), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	env, _ := embedded(t)
	var got []string
	for _, r := range claims.Check(env, nil, user, claims.Options{}).Claims {
		got = append(got, r.ID+" "+string(r.Status)+" "+claims.FormatValue(r.Observed))
	}
	want := "ps18 consistent 18, bureaus43 consistent_as_bound 12, local consistent true, leak not_testable "
	if strings.Join(got, ", ") != want {
		t.Errorf("README example: %s\nwant %s", strings.Join(got, ", "), want)
	}
}

// TestBuiltinCoverage checks the built-in table as a whole: at least 25
// claims; one for every aggregate claim of the case data (case-claims),
// under its id; every source a source of the case data; and no
// expression that could not depend on the data (one that refers to none
// of ledger, metrics and cases would be a status written by hand).
func TestBuiltinCoverage(t *testing.T) {
	_, builtin := embedded(t)
	if len(builtin) < 25 {
		t.Errorf("%d built-in claims, want at least 25", len(builtin))
	}
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
	ids, sources := map[string]bool{}, map[string]bool{}
	for _, c := range builtin {
		ids[c.ID] = true
	}
	for _, s := range d.Sources {
		sources[s.ID] = true
	}
	for _, c := range d.Claims {
		if !ids[c.ID] {
			t.Errorf("case claim %s has no built-in claim", c.ID)
		}
	}
	for _, c := range builtin {
		if !sources[c.Source] {
			t.Errorf("built-in claim %s: source %q is not a source of the case data", c.ID, c.Source)
		}
		if c.Expr != "" && len(claims.Refers(c.Expr)) == 0 {
			t.Errorf("built-in claim %s: %q refers to no data", c.ID, c.Expr)
		}
	}
}

// TestUseGraphMeasures checks that measures handed in by the caller give
// the same metrics as those the environment computes itself.
func TestUseGraphMeasures(t *testing.T) {
	own, _ := embedded(t)
	given, _ := embedded(t)
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger.csv", bytes.NewReader(lb), "isoon-entities.csv", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := metrics.Compute(network.BuildLedger(l).Directed(network.ByAmount), nil, metrics.Options{Weighted: true, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := given.UseGraphMeasures(rep.Graph); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"metrics.density", "metrics.centralization.degree.value", "metrics.hierarchy.lubness", "metrics.nodes"} {
		a := claims.Evaluate(claims.Claim{ID: "a", Expr: e, Expect: 0, HasExpect: true, Qualifier: claims.AtLeast}, own)
		b := claims.Evaluate(claims.Claim{ID: "b", Expr: e, Expect: 0, HasExpect: true, Qualifier: claims.AtLeast}, given)
		if a.Status != claims.Consistent || a.Observed != b.Observed {
			t.Errorf("%s: computed %v (%s), given %v (%s)", e, a.Observed, a.Status, b.Observed, b.Status)
		}
	}
}
