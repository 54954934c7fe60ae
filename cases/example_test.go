package cases_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/network"
)

// Read the case tables of a directory with a ledger's entity table, and
// build the meta-network of all three layers: one node per organization,
// party, person or case, one edge per relation, hierarchy link or ledger
// tie.
func ExampleBuildMeta() {
	ef, err := os.Open("testdata/good/entities.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ef.Close()
	lf, err := os.Open("testdata/good/ledger.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lf.Close()
	l, err := network.ReadLedger("ledger.csv", lf, "entities.csv", ef)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := cases.Read(os.DirFS("testdata"), "good", l.Entities, network.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := cases.BuildMeta(l, d, cases.MetaOptions{Layers: cases.Layers})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range m.Edges {
		fmt.Printf("%-9s %s -%s-> %s\n", e.Layer, e.From, e.Type, e.To)
	}
	n, _ := m.Node("bureau")
	fmt.Println("bureau:", n.Kind, strings.Join(n.Datasets, "+"))
	// Output:
	// ledger    broker -signatory_for-> bureau
	// hierarchy bureau -subordinate_of-> ministry
	// ledger    contractor -contracted_with-> broker
	// ledger    contractor -contracted_with-> bureau
	// cases     front-co -sanctioned_by-> authority
	// cases     front-co -front_for-> bureau
	// cases     hacker-b -employee_of-> front-co
	// cases     officer-a -officer_of-> bureau
	// cases     officer-a -charged_in-> case-1
	// cases     officer-a -executive_of-> front-co
	// bureau: state_security_organ ledger+cases
}
