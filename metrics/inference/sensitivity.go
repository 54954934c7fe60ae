package inference

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

// Removal names what a sensitivity analysis removes.
type Removal string

// Kinds of removal. RemovalUnits (ledger rows) is done by the caller with
// its own remove function.
const (
	RemovalNodes Removal = "nodes"
	RemovalEdges Removal = "edges"
	RemovalUnits Removal = "units"
)

// SensitivityPoint summarizes the statistic after removing a fraction of
// the data. Mean, Lower and Upper are NaN (null in JSON) when no replicate
// is defined.
type SensitivityPoint struct {
	Fraction   float64 `json:"fraction"`
	Mean       float64 `json:"mean"`
	Lower      float64 `json:"lower"` // type-7 quantile (1 − Level)/2 (2.5% by default)
	Upper      float64 `json:"upper"` // type-7 quantile (1 + Level)/2 (97.5% by default)
	Level      float64 `json:"level"`
	Replicates int     `json:"replicates"` // replicates with a defined statistic
	Undefined  int     `json:"undefined"`  // replicates where it was undefined (left out)
}

// MarshalJSON writes NaN fields as null.
func (p SensitivityPoint) MarshalJSON() ([]byte, error) {
	num := func(v float64) metrics.Value {
		if math.IsNaN(v) {
			return metrics.Undefined("")
		}
		return metrics.Defined(v)
	}
	return json.Marshal(struct {
		Fraction   float64       `json:"fraction"`
		Mean       metrics.Value `json:"mean"`
		Lower      metrics.Value `json:"lower"`
		Upper      metrics.Value `json:"upper"`
		Level      float64       `json:"level"`
		Replicates int           `json:"replicates"`
		Undefined  int           `json:"undefined"`
	}{p.Fraction, num(p.Mean), num(p.Lower), num(p.Upper), p.Level, p.Replicates, p.Undefined})
}

// checkFraction panics unless 0 ≤ frac ≤ 1.
func checkFraction(frac float64) {
	if !(frac >= 0 && frac <= 1) {
		panic(fmt.Sprintf("inference: fraction %v outside [0, 1]", frac))
	}
}

// choose returns k distinct indices out of n, drawn by a partial
// Fisher–Yates shuffle. For a fixed source the draws for k are a prefix of
// those for any k' > k, so removals at growing fractions are nested.
func choose(n, k int, src rand.Source) []int {
	r := rand.New(src)
	idx := seq(n)
	for j := range k {
		t := j + r.IntN(n-j)
		idx[j], idx[t] = idx[t], idx[j]
	}
	return idx[:k]
}

// RemoveNodes returns a new graph without round(frac·n) nodes of g, drawn
// uniformly without replacement from src, and their edges. The other nodes
// keep their IDs (and node values); the copy is a gonum simple graph with
// the direction, weights, self and absent weights of g, and without
// self-loops. It panics if frac is outside [0, 1] (a programming error;
// Sensitivity checks its fractions).
func RemoveNodes(g graph.Graph, frac float64, src rand.Source) graph.Graph {
	checkFraction(frac)
	sh := shapeOf(g)
	nodes := sortedNodes(g)
	k := int(math.Round(frac * float64(len(nodes))))
	gone := make(map[int64]bool, k)
	for _, j := range choose(len(nodes), k, src) {
		gone[nodes[j].ID()] = true
	}
	keep := nodes[:0:0]
	for _, v := range nodes {
		if !gone[v.ID()] {
			keep = append(keep, v)
		}
	}
	var edges []tie
	for _, t := range tiesOf(g, sh) {
		if !gone[t.u.ID()] && !gone[t.v.ID()] {
			edges = append(edges, t)
		}
	}
	return sh.build(keep, edges)
}

// RemoveEdges returns a new graph with all nodes of g and without
// round(frac·m) of its m edges (an undirected edge counts once), drawn
// uniformly without replacement from src. Like RemoveNodes, it returns a
// simple graph of the same shape, and panics if frac is outside [0, 1].
func RemoveEdges(g graph.Graph, frac float64, src rand.Source) graph.Graph {
	checkFraction(frac)
	sh := shapeOf(g)
	all := tiesOf(g, sh)
	k := int(math.Round(frac * float64(len(all))))
	gone := make([]bool, len(all))
	for _, j := range choose(len(all), k, src) {
		gone[j] = true
	}
	var edges []tie
	for j, t := range all {
		if !gone[j] {
			edges = append(edges, t)
		}
	}
	return sh.build(sortedNodes(g), edges)
}

// NodeRemoval returns the remove function of Sensitivity that applies
// RemoveNodes to g.
func NodeRemoval(g graph.Graph) func(frac float64, src rand.Source) (graph.Graph, error) {
	return func(frac float64, src rand.Source) (graph.Graph, error) { return RemoveNodes(g, frac, src), nil }
}

// EdgeRemoval returns the remove function of Sensitivity that applies
// RemoveEdges to g.
func EdgeRemoval(g graph.Graph) func(frac float64, src rand.Source) (graph.Graph, error) {
	return func(frac float64, src rand.Source) (graph.Graph, error) { return RemoveEdges(g, frac, src), nil }
}

// Sensitivity returns, for each fraction f of fractions, the distribution
// of stat over opt.Samples graphs from remove(f, src): its mean and its
// type-7 quantiles (1 ∓ opt.Level)/2 (2.5% and 97.5% by default).
// Replicate i at every fraction uses the source rand.NewPCG(opt.Seed,
// uint64(i)) (common random numbers), so that with RemoveNodes and
// RemoveEdges the data removed at a smaller fraction are a subset of those
// removed at a larger one and the curve is smooth in f.
//
// remove builds the reduced graph. NodeRemoval(g) and EdgeRemoval(g) give
// node and edge removal; to remove units (ledger rows) pass a function that
// drops round(f·n) rows drawn from src and rebuilds the graph. If remove is
// nil, node removal from observed is used; otherwise observed is not used
// and may be nil.
//
// It returns an error if a fraction is outside [0, 1], the options are bad,
// or remove fails (the error of the lowest fraction and replicate). remove
// and stat are called concurrently.
func Sensitivity(observed graph.Graph, remove func(frac float64, src rand.Source) (graph.Graph, error), fractions []float64, stat Statistic, opt BootOptions) ([]SensitivityPoint, error) {
	if stat == nil {
		return nil, errors.New("inference: nil statistic")
	}
	if remove == nil {
		if observed == nil {
			return nil, errors.New("inference: nil graph and remove function")
		}
		remove = NodeRemoval(observed)
	}
	level, w, err := opt.check()
	if err != nil {
		return nil, err
	}
	for _, f := range fractions {
		if !(f >= 0 && f <= 1) {
			return nil, fmt.Errorf("inference: fraction %v outside [0, 1]", f)
		}
	}
	r := opt.Samples
	vals := make([]float64, len(fractions)*r)
	err = runReplicates(seq(len(vals)), w, opt.Progress, func(q int) error {
		f, i := fractions[q/r], q%r
		h, err := remove(f, replicateSource(opt.Seed, i))
		if err != nil {
			return fmt.Errorf("inference: removing fraction %v, replicate %d: %w", f, i, err)
		}
		vals[q] = value(stat(h))
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]SensitivityPoint, len(fractions))
	for j, f := range fractions {
		s := summarize(vals[j*r : (j+1)*r])
		p := SensitivityPoint{Fraction: f, Mean: s.mean, Lower: math.NaN(), Upper: math.NaN(),
			Level: level, Replicates: len(s.defined), Undefined: s.undefined}
		if len(s.sorted) > 0 {
			p.Lower = quantile7((1-level)/2, s.sorted)
			p.Upper = quantile7((1+level)/2, s.sorted)
		}
		out[j] = p
	}
	return out, nil
}
