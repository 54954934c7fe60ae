package claims_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/datasets"
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
