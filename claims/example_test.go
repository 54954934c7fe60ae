package claims_test

import (
	"fmt"
	"strings"

	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/network"
)

// Example checks three claims about a fictional ledger of your own: one
// that holds, one that the data can only bound (the ledger sees one
// contractor's clients, not all the bureaus the claim counts), and one
// whose expression misspells a field.
func Example() {
	ledger := `contractor_id,signatory_id,end_user_id,client_type,amount_cny
firm,,bureau-1,public_security,120000
firm,broker,bureau-2,public_security,80000
firm,,bureau-3,state_security,300000
`
	file := `id,claim,source,expr,expect,qualifier,data_is
c1,Two of the three contracts are for public security.,my notes,"count(ledger.contracts, .client_type == ""public_security"")",2,exactly,
c2,The firm works for at least 40 bureaus.,a report,"len(uniq(map(ledger.contracts, .end_user)))",40,at_least,partial
c3,Every contract is above 50000 yuan.,my notes,"all(ledger.contracts, .amount > 50000)",,,
`
	cs, err := network.ReadContracts("my-ledger.csv", strings.NewReader(ledger))
	if err != nil {
		panic(err)
	}
	l, err := network.NewLedger("my-ledger.csv", cs, nil)
	if err != nil {
		panic(err)
	}
	user, err := claims.Read("my-claims.csv", strings.NewReader(file), network.ReadOptions{})
	if err != nil {
		panic(err)
	}
	rep := claims.Check(claims.NewEnv(l, nil), nil, user, claims.Options{})
	for _, r := range rep.Claims {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %-19s %-4s %s", r.ID, r.Status, claims.FormatValue(r.Observed), r.Note)))
	}
	// Output:
	// c1 consistent          2
	// c2 consistent_as_bound 3
	// c3 error                    my-claims.csv:4: column 4 (expr): at character 24: type ledger.contracts[] has no field amount
}
