package network_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// loadEmbedded reads the embedded i-SOON ledger and its entity table.
func loadEmbedded() (*network.Ledger, error) {
	c, err := datasets.Open(datasets.Ledger)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	e, err := datasets.Open(datasets.Entities)
	if err != nil {
		return nil, err
	}
	defer e.Close()
	return network.ReadLedger("isoon-ledger.csv", c, "isoon-entities.csv", e)
}

// embeddedLedger is loadEmbedded for tests.
func embeddedLedger(t testing.TB) *network.Ledger {
	t.Helper()
	l, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./network -update and review the diff):\n%s", name, got)
	}
}

func TestEmbeddedLedger(t *testing.T) {
	l := embeddedLedger(t)
	if len(l.Contracts) != 32 {
		t.Errorf("%d contracts, want 32", len(l.Contracts))
	}
	if got := l.Total().String(); got != "8270500.00" {
		t.Errorf("total %s, want 8270500.00", got)
	}
	var intermediated int
	for _, c := range l.Contracts {
		if !c.Direct() {
			intermediated++
		}
	}
	// Rows 1, 2, 4, 5, 11, 14, 15, 16, 20, 24, 26, 27, 28, 29 are signed by a
	// party other than their end user (see isoon-notes T15, T19, T23).
	if intermediated != 14 {
		t.Errorf("%d contracts through intermediaries, want 14", intermediated)
	}
}

func TestBuildLedgerGolden(t *testing.T) {
	n := network.BuildLedger(embeddedLedger(t))
	var b bytes.Buffer
	if err := n.Dump(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "isoon-network.golden", b.Bytes())

	// Determinism: a second build gives the same dump.
	var b2 bytes.Buffer
	network.BuildLedger(embeddedLedger(t)).Dump(&b2)
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("two builds of the same ledger differ")
	}

	// Every contract is counted once on its last edge into the end user, so
	// the in-amounts of end users add up to the ledger total.
	var into network.Amount
	for _, e := range n.Edges {
		if n.Nodes[e.To].Role == network.EndUser {
			into += e.Amount
		}
	}
	if into.String() != "8270500.00" {
		t.Errorf("amount into end users %s, want 8270500.00", into)
	}
	g := n.Directed(network.ByContracts)
	if g.Nodes().Len() != len(n.Nodes) || g.Edges().Len() != len(n.Edges) {
		t.Errorf("gonum graph has %d nodes, %d edges; network %d, %d", g.Nodes().Len(), g.Edges().Len(), len(n.Nodes), len(n.Edges))
	}
}

func TestTwoModeGolden(t *testing.T) {
	l := embeddedLedger(t)
	var b bytes.Buffer
	for _, pair := range [][2]network.Party{{network.BySignatory, network.ByEndUser}, {network.ByContractor, network.ByEndUser}} {
		tm, err := network.TwoModeOf(l, pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		tm.Dump(&b)
		g := tm.Bipartite(network.ByAmount)
		if g.Nodes().Len() != len(tm.Rows)+len(tm.Cols) {
			t.Errorf("bipartite graph has %d nodes, want %d", g.Nodes().Len(), len(tm.Rows)+len(tm.Cols))
		}
	}
	golden(t, "isoon-twomode.golden", b.Bytes())
	if _, err := network.TwoModeOf(l, network.ByEndUser, network.ByEndUser); err == nil {
		t.Error("TwoModeOf(end user, end user) gave no error")
	}
}
