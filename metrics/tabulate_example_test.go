package metrics_test

import (
	"fmt"

	"github.com/ecosys-sna/ecosys/metrics"
)

// contracts is a minimal Keyed table.
type contracts []struct {
	bureau string
	fen    int64
}

func (c contracts) Len() int           { return len(c) }
func (c contracts) Key(i int) string   { return c[i].bureau }
func (c contracts) Amount(i int) int64 { return c[i].fen }

func ExampleTabulate() {
	t := metrics.Tabulate(contracts{{"psb", 100_00}, {"ssb", 250_00}, {"psb", 50_00}})
	for _, g := range t.Groups {
		fmt.Printf("%s %d %s %.2f\n", g.Key, g.Contracts, metrics.FormatFen(g.AmountFen), g.ShareAmount)
	}
	fmt.Println("total", t.TotalContracts, metrics.FormatFen(t.TotalFen))
	// Output:
	// psb 2 150.00 0.38
	// ssb 1 250.00 0.62
	// total 3 400.00
}
