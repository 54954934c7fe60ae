package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
)

// endUserStats are the statistics of the amounts into end users.
var endUserStats = map[string]func([]float64) metrics.Value{
	"end_users.gini":       metrics.Gini,
	"end_users.hhi":        metrics.HHI,
	"end_users.top1_share": func(x []float64) metrics.Value { return metrics.TopShare(x, 1) },
	"end_users.entropy":    metrics.Entropy,
}

// LedgerStatisticPaths lists the statistics LedgerStatistic accepts.
func LedgerStatisticPaths() []string {
	var out []string
	for k := range endUserStats {
		out = append(out, k)
	}
	slices.Sort(out)
	return append(out, metrics.StatisticPaths()...)
}

// LedgerStatistic returns a statistic of a ledger's directed network
// (contractor → signatory → end user, weighted by amount): one of the
// metrics paths (metrics.LookupStatistic, weighted), or end_users.gini,
// end_users.hhi, end_users.top1_share or end_users.entropy, the
// concentration of the amounts into end users.
func LedgerStatistic(path string) (inference.Statistic, error) {
	if fn, ok := endUserStats[path]; ok {
		return func(g graph.Graph) metrics.Value { return fn(endUserAmounts(g)) }, nil
	}
	st, err := metrics.LookupStatistic(path, metrics.StatContext{Weighted: true})
	if err != nil {
		return nil, fmt.Errorf("analysis: unknown statistic %q (want one of %s)", path, strings.Join(LedgerStatisticPaths(), ", "))
	}
	return inference.Statistic(st.Fn), nil
}

// ledgerGraph builds the directed ledger network of the contracts at idx.
func ledgerGraph(l *network.Ledger, idx []int) graph.Graph {
	return network.BuildLedger(l.Resample(idx)).Directed(network.ByAmount)
}

// Compare tests whether a statistic differs between two groups of
// contracts, those with key a and those with key b along dim (two years,
// two ministries, two client types), by a permutation test: the group
// labels are permuted among the pooled contracts, group sizes kept, and
// each group's ledger network rebuilt (inference.PermutationTest).
func Compare(l *network.Ledger, dim network.Dimension, a, b, path string, opt inference.CUGOptions) (*inference.PermResult, error) {
	stat, err := LedgerStatistic(path)
	if err != nil {
		return nil, err
	}
	g, err := l.GroupBy(dim)
	if err != nil {
		return nil, err
	}
	var ga, gb []int
	for i := range l.Contracts {
		switch g.Key(i) {
		case a:
			ga = append(ga, i)
		case b:
			gb = append(gb, i)
		}
	}
	if len(ga) == 0 || len(gb) == 0 {
		return nil, fmt.Errorf("analysis: %s %q has %d contracts and %q has %d; both need some", dim, a, len(ga), b, len(gb))
	}
	return inference.PermutationTest(ga, gb, func(units []int) (graph.Graph, error) { return ledgerGraph(l, units), nil }, stat, opt)
}

// Removal says what a sensitivity analysis removes at random.
type Removal string

// Removals.
const (
	RemoveContracts Removal = "contracts" // ledger rows; the network is rebuilt
	RemoveNodes     Removal = "nodes"     // parties of the ledger network, with their ties
	RemoveEdges     Removal = "edges"     // ties of the ledger network
)

// Sensitivity returns the curve of a statistic of the ledger network as a
// growing share of contracts, nodes or ties is removed at random: for each
// fraction, the mean and 95% range over opt.Samples replicates
// (inference.Sensitivity; the data removed at a smaller fraction are a
// subset of those removed at a larger one).
func Sensitivity(l *network.Ledger, path string, removal Removal, fractions []float64, opt inference.BootOptions) ([]inference.SensitivityPoint, error) {
	stat, err := LedgerStatistic(path)
	if err != nil {
		return nil, err
	}
	all := make([]int, len(l.Contracts))
	for i := range all {
		all[i] = i
	}
	g := ledgerGraph(l, all)
	var remove func(float64, rand.Source) (graph.Graph, error)
	switch removal {
	case RemoveContracts:
		remove = func(frac float64, src rand.Source) (graph.Graph, error) {
			perm := rand.New(src).Perm(len(l.Contracts))
			keep := perm[:len(perm)-int(math.Round(frac*float64(len(perm))))]
			slices.Sort(keep)
			return ledgerGraph(l, keep), nil
		}
	case RemoveNodes:
		remove = inference.NodeRemoval(g)
	case RemoveEdges:
		remove = inference.EdgeRemoval(g)
	default:
		return nil, fmt.Errorf("analysis: unknown removal %q (want contracts, nodes or edges)", removal)
	}
	return inference.Sensitivity(g, remove, fractions, stat, opt)
}
