package inference

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// BootOptions are the options of the bootstrap and of Sensitivity.
type BootOptions struct {
	Samples int     // number of replicates R; at least 1
	Seed    uint64  // replicate i uses rand.NewPCG(Seed, uint64(i))
	Workers int     // goroutines; 0 means GOMAXPROCS
	Level   float64 // coverage of the interval, in (0, 1); 0 means 0.95
	// Progress, if not nil, is called once for each replicate computed
	// (in Sensitivity, each replicate of each fraction), with the number
	// done so far, as in CUGOptions.Progress: concurrently from the
	// workers, in no fixed order, without changing the result.
	Progress func(done int)
}

// check validates the options and returns the level and worker count.
func (o BootOptions) check() (level float64, workers int, err error) {
	if o.Samples < 1 {
		return 0, 0, fmt.Errorf("inference: number of samples %d < 1", o.Samples)
	}
	level = o.Level
	if level == 0 {
		level = 0.95
	}
	if !(level > 0 && level < 1) {
		return 0, 0, fmt.Errorf("inference: interval level %v outside (0, 1)", o.Level)
	}
	workers, err = numWorkers(o.Workers)
	return level, workers, err
}

// Interval is a bootstrap confidence interval.
type Interval struct {
	Estimate  float64 `json:"estimate"`  // statistic of the observed data
	Lower     float64 `json:"lower"`     // type-7 quantile (1 − Level)/2 of the replicates
	Upper     float64 `json:"upper"`     // type-7 quantile (1 + Level)/2 of the replicates
	Level     float64 `json:"level"`     // coverage, e.g. 0.95
	Samples   int     `json:"samples"`   // replicates with a defined statistic
	Undefined int     `json:"undefined"` // replicates where the statistic was undefined (left out)
	Method    string  `json:"method"`    // "percentile/units" or "percentile/nodes"
}

// percentile returns the percentile interval of the replicate values.
func percentile(est float64, vals []float64, level float64, method string) (*Interval, error) {
	s := summarize(vals)
	if len(s.defined) == 0 {
		return nil, fmt.Errorf("inference: statistic undefined on all %d bootstrap replicates", len(vals))
	}
	return &Interval{
		Estimate:  est,
		Lower:     quantile7((1-level)/2, s.sorted),
		Upper:     quantile7((1+level)/2, s.sorted),
		Level:     level,
		Samples:   len(s.defined),
		Undefined: s.undefined,
		Method:    method,
	}, nil
}

// BootstrapUnits returns the percentile bootstrap interval (Efron and
// Tibshirani 1993, ch. 13) of stat over a graph built from n units, such as
// the contracts of a ledger. The estimate is stat(build([0, 1, …, n−1])).
// Replicate i draws n units uniformly with replacement from
// rand.NewPCG(opt.Seed, uint64(i)), passes them to build sorted
// ascending (with repeats), and evaluates stat on the result. With
// level L the interval is [Q((1−L)/2), Q((1+L)/2)], Q the type-7 quantile of
// the defined replicate values; undefined replicates are left out and
// counted.
//
// It returns an error if n < 1, the options are bad, the estimate is
// undefined, build fails (the error of the lowest replicate) or every
// replicate is undefined. build and stat are called concurrently.
//
// Efron, B. and Tibshirani, R. J. (1993), An Introduction to the Bootstrap,
// Chapman & Hall, doi:10.1201/9780429246593.
func BootstrapUnits(n int, build func(units []int) (graph.Graph, error), stat Statistic, opt BootOptions) (*Interval, error) {
	if n < 1 {
		return nil, fmt.Errorf("inference: number of units %d < 1", n)
	}
	if build == nil || stat == nil {
		return nil, errors.New("inference: nil build or statistic")
	}
	level, w, err := opt.check()
	if err != nil {
		return nil, err
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	g, err := build(all)
	if err != nil {
		return nil, fmt.Errorf("inference: building the observed graph: %w", err)
	}
	est := value(stat(g))
	if math.IsNaN(est) {
		return nil, errors.New("inference: statistic undefined on the observed graph")
	}
	vals := make([]float64, opt.Samples)
	err = runReplicates(seq(opt.Samples), w, opt.Progress, func(i int) error {
		r := rand.New(replicateSource(opt.Seed, i))
		units := make([]int, n)
		for j := range units {
			units[j] = r.IntN(n)
		}
		slices.Sort(units)
		h, err := build(units)
		if err != nil {
			return fmt.Errorf("inference: bootstrap replicate %d: %w", i, err)
		}
		vals[i] = value(stat(h))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return percentile(est, vals, level, "percentile/units")
}

// BootstrapNodes returns the percentile bootstrap interval of stat under
// the node (vertex) bootstrap of Snijders and Borgatti (1999). With the
// observed nodes v₀…v_{n−1} sorted by ID, replicate i draws
// o(0), …, o(n−1) uniformly with replacement from {0, …, n−1} (source
// rand.NewPCG(opt.Seed, uint64(i))) and builds a graph on new nodes with
// IDs 0…n−1, node k standing for v_{o(k)}:
//
//   - for k ≠ l with o(k) ≠ o(l), the tie k→l copies the observed tie
//     v_{o(k)}→v_{o(l)}, with its weight;
//   - for k ≠ l with o(k) = o(l) (two copies of one node, a pair the data
//     say nothing about), the tie is copied from a pair (a, b), a ≠ b,
//     drawn uniformly from the observed ordered pairs: once per unordered
//     pair {k, l}, k < l, in order of k then l. In a directed graph both
//     arcs of the pair are copied (k→l from a→b and l→k from b→a), so that
//     a drawn dyad keeps its reciprocity.
//
// This is the scheme of UCINET and R snowboot's vertboot (inference.md
// gives the differences). The graph has the direction and weights of g
// and no self-loops; statistics that look up node attributes by ID
// (two-mode statistics, for instance) do not apply, since IDs are
// bootstrap positions: use BootstrapUnits for ledgers. The interval is as
// in BootstrapUnits. Each replicate costs O(n + m·c), c the largest
// number of copies of a node.
//
// It returns an error if g has fewer than two nodes, the options are bad,
// the estimate is undefined or every replicate is undefined. g is read
// concurrently.
//
// Snijders, T. A. B. and Borgatti, S. P. (1999), Non-parametric standard
// errors and tests for network statistics, Connections 22(2):61–70.
func BootstrapNodes(g graph.Graph, stat Statistic, opt BootOptions) (*Interval, error) {
	if g == nil || stat == nil {
		return nil, errors.New("inference: nil graph or statistic")
	}
	level, w, err := opt.check()
	if err != nil {
		return nil, err
	}
	nodes := sortedNodes(g)
	n := len(nodes)
	if n < 2 {
		return nil, fmt.Errorf("inference: node bootstrap of a graph with %d nodes", n)
	}
	est := value(stat(g))
	if math.IsNaN(est) {
		return nil, errors.New("inference: statistic undefined on the observed graph")
	}
	sh := shapeOf(g)
	pos := make(map[int64]int, n)
	for i, v := range nodes {
		pos[v.ID()] = i
	}
	// adj[a] lists the ties from node a (all ties of a if undirected).
	type arc struct {
		to int
		w  float64
	}
	adj := make([][]arc, n)
	for _, t := range tiesOf(g, sh) {
		a, b := pos[t.u.ID()], pos[t.v.ID()]
		adj[a] = append(adj[a], arc{b, t.w})
		if !sh.directed {
			adj[b] = append(adj[b], arc{a, t.w})
		}
	}
	newNodes := make([]graph.Node, n)
	for k := range newNodes {
		newNodes[k] = simple.Node(int64(k))
	}
	vals := make([]float64, opt.Samples)
	err = runReplicates(seq(opt.Samples), w, opt.Progress, func(i int) error {
		r := rand.New(replicateSource(opt.Seed, i))
		orig := make([]int, n)
		copies := make([][]int, n)
		for k := range orig {
			orig[k] = r.IntN(n)
			copies[orig[k]] = append(copies[orig[k]], k)
		}
		var edges []tie
		// copyTie copies the observed tie a→b, if any, to k→l.
		copyTie := func(a, b, k, l int) {
			u, v := nodes[a].ID(), nodes[b].ID()
			if g.Edge(u, v) != nil {
				edges = append(edges, tie{newNodes[k], newNodes[l], edgeWeight(g, sh, u, v)})
			}
		}
		for k := range n {
			for _, e := range adj[orig[k]] {
				for _, l := range copies[e.to] {
					if sh.directed || k < l {
						edges = append(edges, tie{newNodes[k], newNodes[l], e.w})
					}
				}
			}
			for _, l := range copies[orig[k]] {
				if l <= k {
					continue
				}
				a := r.IntN(n)
				b := r.IntN(n - 1)
				if b >= a {
					b++
				}
				copyTie(a, b, k, l)
				if sh.directed {
					copyTie(b, a, l, k)
				}
			}
		}
		vals[i] = value(stat(sh.build(newNodes, edges)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return percentile(est, vals, level, "percentile/nodes")
}

// seq returns 0, 1, …, n−1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
