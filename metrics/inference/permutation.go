package inference

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// PermResult is the outcome of a permutation test of a difference between
// two groups of units.
type PermResult struct {
	Observed  float64 `json:"observed"`   // D = T(A) − T(B)
	ObservedA float64 `json:"observed_a"` // T(A)
	ObservedB float64 `json:"observed_b"` // T(B)
	SizeA     int     `json:"size_a"`
	SizeB     int     `json:"size_b"`
	Samples   int     `json:"samples"`   // R, permutations with a defined D*
	Undefined int     `json:"undefined"` // permutations where T(A*) or T(B*) was undefined (left out)
	Mean      float64 `json:"mean"`      // mean of D*
	SD        float64 `json:"sd"`        // sample SD of D* (0 when R = 1)
	PTwoSided float64 `json:"p_two_sided"`
	PUpper    float64 `json:"p_upper"` // (1 + #{D* ≥ D}) / (1 + R)
	PLower    float64 `json:"p_lower"` // (1 + #{D* ≤ D}) / (1 + R)
	MCSE      float64 `json:"mcse"`    // sqrt(p_two_sided(1 − p_two_sided)/R)
	Seed      uint64  `json:"seed"`
}

// PermutationTest tests whether stat differs between the graph built from
// the units of groupA and the one built from groupB (for example the
// contracts of two periods or two agencies). The observed difference is
//
//	D = stat(build(A)) − stat(build(B)).
//
// Under the null hypothesis that group labels are exchangeable, replicate i
// shuffles the pooled units A ∪ B (A first, then B) with a Fisher–Yates
// shuffle from rand.NewPCG(opt.Seed, uint64(i)), gives the first |A| to A*
// and the rest to B* (each passed to build sorted ascending), and computes
// D*. With R the number of replicates where D* is defined,
//
//	p_two_sided = (1 + #{|D*| ≥ |D|}) / (1 + R)
//	p_upper     = (1 + #{D* ≥ D}) / (1 + R)
//	p_lower     = (1 + #{D* ≤ D}) / (1 + R)
//
// with ties within a relative tolerance of 1e-12 (see the package
// documentation). opt.Shard must be zero: PermutationTest does not shard.
//
// It returns an error if a group is empty, a unit appears twice, opt is
// bad, build fails or stat is undefined on either observed group. build
// and stat are called concurrently.
func PermutationTest(groupA, groupB []int, build func(units []int) (graph.Graph, error), stat Statistic, opt CUGOptions) (*PermResult, error) {
	if build == nil || stat == nil {
		return nil, errors.New("inference: nil build or statistic")
	}
	if len(groupA) == 0 || len(groupB) == 0 {
		return nil, fmt.Errorf("inference: empty group (sizes %d and %d)", len(groupA), len(groupB))
	}
	if opt.Samples < 1 {
		return nil, fmt.Errorf("inference: number of samples %d < 1", opt.Samples)
	}
	if opt.Shard != (Shard{}) {
		return nil, errors.New("inference: PermutationTest does not support shards")
	}
	w, err := numWorkers(opt.Workers)
	if err != nil {
		return nil, err
	}
	pool := append(slices.Clone(groupA), groupB...)
	seen := make(map[int]bool, len(pool))
	for _, u := range pool {
		if seen[u] {
			return nil, fmt.Errorf("inference: unit %d appears twice in the groups", u)
		}
		seen[u] = true
	}
	nA := len(groupA)
	diff := func(a, b []int) (ta, tb float64, err error) {
		ga, err := build(a)
		if err != nil {
			return 0, 0, err
		}
		gb, err := build(b)
		if err != nil {
			return 0, 0, err
		}
		return value(stat(ga)), value(stat(gb)), nil
	}
	ta, tb, err := diff(sorted(groupA), sorted(groupB))
	if err != nil {
		return nil, fmt.Errorf("inference: building the observed groups: %w", err)
	}
	if math.IsNaN(ta) || math.IsNaN(tb) {
		return nil, errors.New("inference: statistic undefined on an observed group")
	}
	d := ta - tb
	vals := make([]float64, opt.Samples)
	err = runReplicates(seq(opt.Samples), w, opt.Progress, func(i int) error {
		r := rand.New(replicateSource(opt.Seed, i))
		p := slices.Clone(pool)
		for j := len(p) - 1; j > 0; j-- {
			t := r.IntN(j + 1)
			p[j], p[t] = p[t], p[j]
		}
		a, b, err := diff(sorted(p[:nA]), sorted(p[nA:]))
		if err != nil {
			return fmt.Errorf("inference: permutation %d: %w", i, err)
		}
		vals[i] = a - b // NaN if either is undefined
		return nil
	})
	if err != nil {
		return nil, err
	}
	s := summarize(vals)
	rr := len(s.defined)
	if rr == 0 {
		return nil, fmt.Errorf("inference: statistic undefined on all %d permutations", opt.Samples)
	}
	var two, up, lo int
	for _, v := range s.defined {
		if geq(math.Abs(v), math.Abs(d)) {
			two++
		}
		if geq(v, d) {
			up++
		}
		if leq(v, d) {
			lo++
		}
	}
	res := &PermResult{
		Observed: d, ObservedA: ta, ObservedB: tb, SizeA: nA, SizeB: len(groupB),
		Samples: rr, Undefined: s.undefined, Mean: s.mean, SD: s.sd,
		PTwoSided: float64(1+two) / float64(1+rr),
		PUpper:    float64(1+up) / float64(1+rr),
		PLower:    float64(1+lo) / float64(1+rr),
		Seed:      opt.Seed,
	}
	res.MCSE = math.Sqrt(res.PTwoSided * (1 - res.PTwoSided) / float64(rr))
	return res, nil
}

// sorted returns a sorted copy of s.
func sorted(s []int) []int {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}
