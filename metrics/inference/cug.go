package inference

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// Shard selects part of a run's replicates: replicate i belongs to shard
// i % Count. The zero value is the whole run (Count 0 means 1).
type Shard struct {
	Index int `json:"index"`
	Count int `json:"count"`
}

// normalize returns the shard with Count at least 1, or an error.
func (s Shard) normalize() (Shard, error) {
	if s.Count == 0 && s.Index == 0 {
		s.Count = 1
	}
	if s.Count < 1 || s.Index < 0 || s.Index >= s.Count {
		return s, fmt.Errorf("inference: bad shard index %d of %d (want 0 ≤ index < count)", s.Index, s.Count)
	}
	return s, nil
}

// size returns the number of replicates of the shard among samples,
// len(s.indices(samples)) without listing them.
func (s Shard) size(samples int) int {
	if s.Index >= samples {
		return 0
	}
	return (samples - s.Index + s.Count - 1) / s.Count
}

// indices returns the replicates of the shard among samples, ascending.
func (s Shard) indices(samples int) []int {
	var idx []int
	for i := s.Index; i < samples; i += s.Count {
		idx = append(idx, i)
	}
	return idx
}

// CUGOptions are the options of CUG and PermutationTest.
type CUGOptions struct {
	Samples int    // number of replicates R of the whole run; at least 1
	Seed    uint64 // replicate i uses rand.NewPCG(Seed, uint64(i))
	Workers int    // goroutines; 0 means GOMAXPROCS
	Shard   Shard  // part of the run to compute; zero value = all of it
	// Progress, if not nil, is called once for each replicate computed
	// (of this call: of its shard only, when sharded), with the number
	// done so far. It is called concurrently from the worker goroutines,
	// so it must be safe for concurrent use and quick (an atomic add);
	// the counts arrive in no fixed order. It does not change the result.
	Progress func(done int)
}

// CUGResult is the outcome of a conditional uniform graph test.
type CUGResult struct {
	Statistic string  `json:"statistic"` // name of the statistic, e.g. "centralization.betweenness"
	Null      string  `json:"null"`      // null model, as reported by the sampler
	Observed  float64 `json:"observed"`  // T, the statistic of the observed graph
	Samples   int     `json:"samples"`   // R, replicates with a defined statistic
	Undefined int     `json:"undefined"` // replicates where the statistic was undefined (left out)
	Mean      float64 `json:"mean"`      // mean of T*
	SD        float64 `json:"sd"`        // sample SD of T* (divisor R−1; 0 when R = 1)
	// Quantiles of T*, type 7, at "0.025", "0.05", "0.5", "0.95", "0.975".
	Quantiles map[string]float64 `json:"quantiles"`
	PUpper    float64            `json:"p_upper"` // (1 + #{T* ≥ T}) / (1 + R)
	PLower    float64            `json:"p_lower"` // (1 + #{T* ≤ T}) / (1 + R)
	MCSE      float64            `json:"mcse"`    // sqrt(p_upper(1 − p_upper)/R)
	// Z is (T − Mean)/SD, undefined (JSON null) when SD = 0 or Constant.
	Z    metrics.Value `json:"z"`
	Seed uint64        `json:"seed"`
	// Constant is true when every defined replicate ties with T: the null
	// model fixes the statistic (degree centralization under a
	// degree-preserving null, density under G(n,m)), and the p-values (both
	// 1) say nothing. Report it as a warning, not as a test.
	Constant bool `json:"constant"`
}

// quantileLevels are the probabilities reported in CUGResult.Quantiles.
var quantileLevels = []struct {
	key string
	p   float64
}{{"0.025", 0.025}, {"0.05", 0.05}, {"0.5", 0.5}, {"0.95", 0.95}, {"0.975", 0.975}}

// CUGShard holds the replicate values of one shard of a CUG run, to be
// combined by Merge. Values[j] is the statistic of replicate
// Shard.Index + j·Shard.Count, NaN where undefined; in JSON an undefined
// value is null.
type CUGShard struct {
	Statistic string
	Null      string
	Observed  float64
	Seed      uint64
	Samples   int // R of the whole run
	Shard     Shard
	Values    []float64
}

type cugShardJSON struct {
	Statistic string          `json:"statistic"`
	Null      string          `json:"null"`
	Observed  float64         `json:"observed"`
	Seed      uint64          `json:"seed"`
	Samples   int             `json:"samples"`
	Shard     Shard           `json:"shard"`
	Values    []metrics.Value `json:"values"`
}

// MarshalJSON writes the shard with lower_snake keys and undefined values
// as null.
func (s *CUGShard) MarshalJSON() ([]byte, error) {
	j := cugShardJSON{s.Statistic, s.Null, s.Observed, s.Seed, s.Samples, s.Shard, make([]metrics.Value, len(s.Values))}
	for i, v := range s.Values {
		if math.IsNaN(v) {
			j.Values[i] = metrics.Undefined("")
		} else {
			j.Values[i] = metrics.Defined(v)
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes; null becomes NaN.
func (s *CUGShard) UnmarshalJSON(b []byte) error {
	var j cugShardJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = CUGShard{j.Statistic, j.Null, j.Observed, j.Seed, j.Samples, j.Shard, make([]float64, len(j.Values))}
	for i, v := range j.Values {
		s.Values[i] = value(v)
	}
	return nil
}

// CUG returns the conditional uniform graph test of the statistic stat,
// named name, on g against the null model s (Anderson, Butts and Carley
// 1999). Replicate i (0 ≤ i < opt.Samples) is the graph
// s.Sample(rand.NewPCG(opt.Seed, uint64(i))); with T the observed value
// and T*₁…T*_R the defined replicate values,
//
//	p_upper = (1 + #{T* ≥ T}) / (1 + R)   (is g more centralized than the null?)
//	p_lower = (1 + #{T* ≤ T}) / (1 + R)
//	MCSE    = sqrt(p_upper (1 − p_upper) / R)
//
// where ≥ and ≤ count ties within a relative tolerance of 1e-12. The
// "+1" counts the observed graph as one draw from the null, which keeps the
// test valid (P(p ≤ α) ≤ α) for any R (Davison and Hinkley 1997,
// Bootstrap Methods and their Application, ch. 4).
// MCSE is the binomial Monte Carlo standard error of p_upper as an estimate
// of the p-value with infinitely many replicates. Replicates whose
// statistic is undefined are left out and counted in Undefined.
//
// With opt.Shard set to k of K (K > 1), CUG computes only the replicates
// i with i % K == k and returns a nil result and the shard, to be combined
// with the other K − 1 by Merge; otherwise it returns both. Either way the
// values are identical to those of an unsharded run with any Workers.
//
// CUG returns an error if opt.Samples < 1, the shard or Workers is bad,
// the statistic of g is undefined, a sample fails (the error of the
// lowest replicate), or no replicate has a defined value. stat and s are
// called concurrently.
//
// [Anderson, Butts and Carley 1999]: https://doi.org/10.1016/S0378-8733(99)00011-8
func CUG(g graph.Graph, name string, stat Statistic, s null.Sampler, opt CUGOptions) (*CUGResult, *CUGShard, error) {
	if g == nil || stat == nil || s == nil {
		return nil, nil, errors.New("inference: nil graph, statistic or sampler")
	}
	if opt.Samples < 1 {
		return nil, nil, fmt.Errorf("inference: number of samples %d < 1", opt.Samples)
	}
	shard, err := opt.Shard.normalize()
	if err != nil {
		return nil, nil, err
	}
	w, err := numWorkers(opt.Workers)
	if err != nil {
		return nil, nil, err
	}
	obs := stat(g)
	t := value(obs)
	if math.IsNaN(t) {
		return nil, nil, fmt.Errorf("inference: statistic %s undefined on the observed graph: %s", name, obs.Note)
	}
	idx := shard.indices(opt.Samples)
	vals := make([]float64, len(idx))
	err = runReplicates(idx, w, opt.Progress, func(i int) error {
		h, err := s.Sample(replicateSource(opt.Seed, i))
		if err != nil {
			return fmt.Errorf("inference: replicate %d of %s: %w", i, s.Model(), err)
		}
		vals[(i-shard.Index)/shard.Count] = value(stat(h))
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	part := &CUGShard{Statistic: name, Null: string(s.Model()), Observed: t, Seed: opt.Seed,
		Samples: opt.Samples, Shard: shard, Values: vals}
	if shard.Count > 1 {
		return nil, part, nil
	}
	res, err := cugResult(part.Statistic, part.Null, t, opt.Seed, vals)
	if err != nil {
		return nil, nil, err
	}
	return res, part, nil
}

// Merge combines the shards of one CUG run into the result of the
// unsharded run, bit for bit. Its messages number shards from 1, as
// "i/k" (Shard.Index+1 of Shard.Count), the way the command line does. It returns an error if parts is empty, a
// shard is missing or duplicated, or the shards disagree on statistic,
// null model, seed, number of samples, observed value or shard count.
func Merge(parts []*CUGShard) (*CUGResult, error) {
	if len(parts) == 0 {
		return nil, errors.New("inference: no shards to merge")
	}
	for _, p := range parts {
		if p == nil {
			return nil, errors.New("inference: nil shard")
		}
	}
	first := parts[0]
	count := max(first.Shard.Count, 1)
	// The shards' own numbers (count, samples) come from files: nothing is
	// allocated by them until every shard has been checked to hold its
	// values, so a file that declares 2³¹ samples or shards costs nothing.
	seen := make(map[int]bool, len(parts))
	for _, p := range parts {
		switch {
		case p.Statistic != first.Statistic:
			return nil, fmt.Errorf("inference: shards of different statistics %q and %q", first.Statistic, p.Statistic)
		case p.Null != first.Null:
			return nil, fmt.Errorf("inference: shards of different null models %q and %q", first.Null, p.Null)
		case p.Seed != first.Seed:
			return nil, fmt.Errorf("inference: shards of different seeds %d and %d", first.Seed, p.Seed)
		case p.Samples < 1:
			return nil, fmt.Errorf("inference: a shard of a run with %d samples (want 1 or more)", p.Samples)
		case p.Samples != first.Samples:
			return nil, fmt.Errorf("inference: shards of runs with %d and %d samples", first.Samples, p.Samples)
		case math.Float64bits(p.Observed) != math.Float64bits(first.Observed):
			return nil, fmt.Errorf("inference: shards with different observed values %v and %v", first.Observed, p.Observed)
		}
		s, err := p.Shard.normalize()
		if err != nil {
			return nil, err
		}
		if s.Count != count {
			return nil, fmt.Errorf("inference: shards of splits into %d and %d", count, s.Count)
		}
		if seen[s.Index] {
			return nil, fmt.Errorf("inference: duplicate shard %d/%d", s.Index+1, count)
		}
		seen[s.Index] = true
		if want := s.size(p.Samples); len(p.Values) != want {
			return nil, fmt.Errorf("inference: shard %d/%d has %d values, want %d", s.Index+1, count, len(p.Values), want)
		}
	}
	for i := range min(count, len(parts)+1) {
		if !seen[i] {
			return nil, fmt.Errorf("inference: missing shard %d/%d", i+1, count)
		}
	}
	vals := make([]float64, first.Samples)
	for _, p := range parts {
		s, _ := p.Shard.normalize()
		for j, v := range p.Values {
			vals[s.Index+j*s.Count] = v
		}
	}
	return cugResult(first.Statistic, first.Null, first.Observed, first.Seed, vals)
}

// cugResult summarizes the replicate values of a whole run (NaN =
// undefined), in replicate order.
func cugResult(name, model string, t float64, seed uint64, vals []float64) (*CUGResult, error) {
	s := summarize(vals)
	r := len(s.defined)
	if r == 0 {
		return nil, fmt.Errorf("inference: statistic %s undefined on all %d replicates of %s", name, len(vals), model)
	}
	var up, lo int
	constant := true
	for _, v := range s.defined {
		if geq(v, t) {
			up++
		}
		if leq(v, t) {
			lo++
		}
		constant = constant && ties(v, t)
	}
	res := &CUGResult{
		Statistic: name, Null: model, Observed: t,
		Samples: r, Undefined: s.undefined,
		Mean: s.mean, SD: s.sd,
		Quantiles: make(map[string]float64, len(quantileLevels)),
		PUpper:    float64(1+up) / float64(1+r),
		PLower:    float64(1+lo) / float64(1+r),
		Seed:      seed,
		Constant:  constant,
	}
	for _, q := range quantileLevels {
		res.Quantiles[q.key] = quantile7(q.p, s.sorted)
	}
	res.MCSE = math.Sqrt(res.PUpper * (1 - res.PUpper) / float64(r))
	switch {
	case constant:
		res.Z = metrics.Undefined("the null model fixes the statistic")
	case s.sd == 0 || math.IsNaN(s.sd):
		res.Z = metrics.Undefined("zero variance under the null model")
	default:
		res.Z = metrics.Defined((t - s.mean) / s.sd)
	}
	return res, nil
}
