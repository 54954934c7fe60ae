package analysis

import (
	"fmt"
	"math"
	"slices"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// This file shapes data for figures. It only reads: nothing here changes
// the verdict or the statistics of the other files.

// YearSnapshot is the centralization of the ledger network of one year's
// contracts (Yearly) and of all contracts up to that year (Cumulative).
// Values are keyed by the centralization names of metrics.Report
// ("degree", "betweenness", …); an undefined value is NaN.
type YearSnapshot struct {
	Year                int
	Contracts           int // contracts signed in the year
	CumulativeContracts int // contracts signed in or before the year
	Yearly              map[string]float64
	Cumulative          map[string]float64
}

// CentralizationByYear returns, for every year in which some contract of
// l was signed (ascending), the Freeman centralization of the directed
// ledger network (weighted by amount; paths count edges) of that year's
// contracts and of the contracts up to that year, for the given measures
// (keys of metrics.GraphMeasures.Centralization). Contracts without a date
// are in no snapshot; undated is their number. A contract whose date has
// two readings (network.Contract.DateAmbiguous) is counted in the year of
// its first reading, Date.
func CentralizationByYear(l *network.Ledger, measures []string) (snaps []YearSnapshot, undated int, err error) {
	byYear := map[int][]int{}
	for i, c := range l.Contracts {
		if y := c.Date.Year(); y != 0 {
			byYear[y] = append(byYear[y], i)
		} else {
			undated++
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	measure := func(idx []int) (map[string]float64, error) {
		g := ledgerGraph(l, idx)
		r, err := metrics.Compute(g, nil, metrics.Options{Weighted: true})
		if err != nil {
			return nil, err
		}
		out := map[string]float64{}
		for _, m := range measures {
			c, ok := r.Graph.Get("centralization." + m)
			if !ok {
				return nil, fmt.Errorf("analysis: unknown centralization %q", m)
			}
			out[m] = math.NaN()
			if c.Value.OK {
				out[m] = c.Value.V
			}
		}
		return out, nil
	}
	var cum []int
	for _, y := range years {
		cum = append(cum, byYear[y]...)
		slices.Sort(cum)
		s := YearSnapshot{Year: y, Contracts: len(byYear[y]), CumulativeContracts: len(cum)}
		if s.Yearly, err = measure(byYear[y]); err != nil {
			return nil, 0, err
		}
		if s.Cumulative, err = measure(slices.Clone(cum)); err != nil {
			return nil, 0, err
		}
		snaps = append(snaps, s)
	}
	return snaps, undated, nil
}

// EndUserAmounts returns the total amount of each end user of l in CNY,
// the values whose concentration the verdict measures.
func EndUserAmounts(l *network.Ledger) []float64 {
	all := make([]int, len(l.Contracts))
	for i := range all {
		all[i] = i
	}
	return endUserAmounts(ledgerGraph(l, all))
}
