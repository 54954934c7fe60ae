package network_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// A ledger of your own needs only contractor, end user and amount; a
// signatory other than the end user makes it an intermediary.
func ExampleBuildLedger() {
	const csv = `contractor_id,signatory_id,end_user_id,amount_cny,date
acme,front-co,city-bureau,100000.00,2018-05
acme,,province-dept,250000,2018.06.20
acme,front-co,city-bureau,50000,2019
`
	cs, err := network.ReadContracts("my-ledger.csv", strings.NewReader(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	l, err := network.NewLedger("my-ledger.csv", cs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	n := network.BuildLedger(l)
	n.Dump(os.Stdout)
	// Output:
	// nodes 4
	// 0	acme	contractor	unknown	acme
	// 1	city-bureau	end_user	unknown	city-bureau
	// 2	front-co	intermediary	unknown	front-co
	// 3	province-dept	end_user	unknown	province-dept
	// edges 3
	// acme -> front-co	contracts=2	amount=150000.00	rows=1,3
	// acme -> province-dept	contracts=1	amount=250000.00	rows=2
	// front-co -> city-bureau	contracts=2	amount=150000.00	rows=1,3
}

// Errors in a file name the file, line, column and field.
func ExampleReadContracts_error() {
	const csv = "contractor_id,end_user_id,amount_cny\nacme,bureau,12O00\n"
	_, err := network.ReadContracts("my-ledger.csv", strings.NewReader(csv))
	fmt.Println(err)
	// Output:
	// my-ledger.csv:2: column 3 (amount_cny): invalid amount: want yuan such as 470000.00 (got "12O00")
}

func ExampleTwoModeOf() {
	l, err := loadEmbedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	tm, _ := network.TwoModeOf(l, network.BySignatory, network.ByEndUser)
	fmt.Printf("%d signatories x %d end users\n", len(tm.Rows), len(tm.Cols))
	// Output:
	// 21 signatories x 21 end users
}
