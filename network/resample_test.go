package network_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/ecosys-sna/ecosys/network"
)

func TestResample(t *testing.T) {
	l := embeddedLedger(t)
	r := l.Resample([]int{0, 0, 31})
	if len(r.Contracts) != 3 || r.Contracts[1].Row != 2 || r.Contracts[1].Amount != l.Contracts[0].Amount || r.Contracts[2].EndUser != l.Contracts[31].EndUser {
		t.Errorf("resample %+v", r.Contracts)
	}
	n := network.BuildLedger(r)
	if n.Edges[0].Contracts != 2 { // row 1 twice: i-SOON -> Jietongyi
		t.Errorf("edges %+v", n.Edges)
	}
}

func TestWithUnobserved(t *testing.T) {
	l := embeddedLedger(t)
	u, err := l.WithUnobserved(22, rand.NewPCG(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := u.GroupBy(network.DimEndUser)
	users := map[string]bool{}
	for i := 0; i < g.Len(); i++ {
		users[g.Key(i)] = true
	}
	// 21 observed end users plus 22 unobserved: the 43 bureaus of the
	// i-SOON indictment, as a scenario.
	if len(users) != 43 || len(u.Contracts) <= len(l.Contracts) {
		t.Errorf("%d end users, %d contracts", len(users), len(u.Contracts))
	}
	if len(l.Contracts) != 32 {
		t.Error("WithUnobserved changed the original ledger")
	}
	for _, c := range u.Contracts[32:] {
		if _, ok := u.Entity(c.Signatory); !ok || c.Contractor != "isoon" {
			t.Fatalf("bad added contract %+v", c)
		}
	}
	// Same seed, same ledger.
	v, _ := l.WithUnobserved(22, rand.NewPCG(1, 2))
	var a, b bytes.Buffer
	network.BuildLedger(u).Dump(&a)
	network.BuildLedger(v).Dump(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed, different ledgers")
	}
	if _, err := l.WithUnobserved(-1, rand.NewPCG(1, 1)); err == nil {
		t.Error("negative k accepted")
	}
}

// TestDirectMatchesNetwork checks that the "direct" grouping agrees with
// the ledger network: a contract signed by the contractor itself is one
// tie contractor → end user, so it is direct, not intermediated.
func TestDirectMatchesNetwork(t *testing.T) {
	cs := []network.Contract{
		{Row: 1, Contractor: "a", Signatory: "a", EndUser: "b", Amount: 100},
		{Row: 2, Contractor: "a", Signatory: "m", EndUser: "b", Amount: 100},
		{Row: 3, Contractor: "a", Signatory: "b", EndUser: "b", Amount: 100},
	}
	l, err := network.NewLedger("l.csv", cs, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := l.GroupBy(network.DimDirect)
	if got := g.Key(0) + " " + g.Key(1) + " " + g.Key(2); got != "direct intermediary direct" {
		t.Errorf("keys %s", got)
	}
	if n := network.BuildLedger(l); len(n.Edges) != 3 { // a→b (rows 1, 3), a→m, m→b
		t.Errorf("edges %+v", n.Edges)
	}
}
