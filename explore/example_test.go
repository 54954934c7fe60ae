package explore_test

import (
	"bytes"
	"fmt"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/network"
)

// The explorer of the embedded ledger and case data, as ecosys report
// writes it to explorer.html.
func ExampleWrite() {
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger.csv", bytes.NewReader(lb), "isoon-entities.csv", bytes.NewReader(eb))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := explore.Build("i-SOON contract ledger", l, d, explore.Options{Seed: 1, LedgerCitation: cases.ISOONLedgerCitation})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range data.Networks {
		fmt.Printf("%s: %d nodes, %d ties\n", n.Title, len(n.Nodes), len(n.Ties))
	}
	var page bytes.Buffer
	if err := explore.Write(&page, data); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(page.Bytes(), []byte("<!DOCTYPE html>")))
	// Output:
	// Case network: 145 nodes, 222 ties
	// Ledger network: 29 nodes, 28 ties
	// true
}
