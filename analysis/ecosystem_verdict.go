package analysis

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// EcosystemOptions configure EcosystemTest.
type EcosystemOptions struct {
	// Samples is the number of null samples of each test of the main
	// analysis; 0 means 2000. PowerSamples is the number of draws from
	// each test's alternative; 0 means 500. RobustSamples is the number of
	// null and alternative samples of each test in each robustness
	// variant; 0 means 300. Samples and RobustSamples must be at least
	// MinEcosystemSamples.
	Samples, PowerSamples, RobustSamples int
	// Seed seeds every random procedure.
	Seed uint64
	// Workers is the number of goroutines; 0 means all cores. Results do
	// not depend on it.
	Workers int
	// Shard, when Shard.Count > 1, computes only the Shard.Index-th of
	// Shard.Count parts of every ensemble (1-based): the replicates r with
	// r mod Shard.Count = Shard.Index−1. MergeEcosystem joins the parts
	// into exactly the unsharded verdict.
	Shard Shard
	// MinGrade keeps only ties whose Admiralty grade is at least this
	// ("B3": letters A–B, digits 1–3); "" keeps all. Ungraded ties (a
	// ledger of your own) are always kept.
	MinGrade string
	// Attribution says how ties to a ministry whose unit is not named
	// count; "" means LeftOut.
	Attribution Attribution
	// Population is the number of bureaus believed to exist in the
	// unobserved-bureau scenario (with PopulationNote saying where the
	// number comes from); 0 leaves the scenario out. Thetas are the
	// probabilities that an added bureau reuses an observed agent (nil:
	// 0, 0.25, 0.5, 0.75, 1); ScenarioReps the random augmentations per
	// θ (0: 10).
	Population     int
	PopulationNote string
	Thetas         []float64
	ScenarioReps   int
	// Progress, if not nil, is called after each variant.
	Progress func(done, total int)
}

// MinEcosystemSamples is the smallest number of null samples per test
// that EcosystemTest accepts: with R samples the smallest two-sided
// p-value is 2/(R+1), and after Holm's adjustment over the verdict's tests
// it must be able to fall well below the level 0.05 (2·2/200 = 0.02).
const MinEcosystemSamples = 199

// Shard is one part of a run split over several processes: Index of
// Count, 1-based.
type Shard struct{ Index, Count int }

// Level of the tests and thresholds of the decision rule.
const (
	ruleAlpha     = 0.05
	rulePower     = 0.8
	ruleHigh      = 2.0 / 3
	ruleLow       = 1.0 / 3
	ruleHalfWidth = 0.2
)

// Rule states the decision rule, as README and the help text print it.
const Rule = "A tested implication bears on the reading when its null distribution is not fixed by the design, its power against its named alternative is at least 0.8 (at the Bonferroni level 0.05/k of its k tests, the most demanding level Holm's procedure can use), and its two-sided p-value, Holm-adjusted over the verdict's tests, is at most 0.05; it then favours the reading of the tail it falls in. A descriptive implication (a share with a 95% jackknife interval over its units) bears when the share is at least 2/3 (or at most 1/3), the whole interval lies on that side of 1/2, and the interval's half-width is at most 0.2; it then favours the reading of the high (or low) side. The reading is \"centralized\" or \"decentralized\" when at least two implications bear and all that bear agree, \"mixed\" when those that bear disagree, and \"inconclusive\" when fewer than two bear. Implications that favour \"neither\" on one side (a low locality, a low vendor reach) never bear on that side."

// EcosystemVerdict is the verdict on the decentralized-ecosystem
// hypothesis.
type EcosystemVerdict struct {
	Reading      string              `json:"reading"`
	Summary      string              `json:"summary"`
	Rule         string              `json:"rule"`
	Hypothesis   string              `json:"hypothesis"`
	Implications []ImplicationResult `json:"implications"`
	Robustness   []RobustnessRow     `json:"robustness"`
	Notes        []string            `json:"notes"`
	Settings     EcosystemSettings   `json:"settings"`
}

// EcosystemSettings are the settings of a verdict.
type EcosystemSettings struct {
	Samples       int         `json:"samples"`
	PowerSamples  int         `json:"power_samples"`
	RobustSamples int         `json:"robust_samples"`
	Seed          uint64      `json:"seed"`
	MinGrade      string      `json:"min_grade"`
	Attribution   Attribution `json:"attribution"`
	Population    int         `json:"population"`
	Thetas        []float64   `json:"thetas"`
	ScenarioReps  int         `json:"scenario_reps"`
}

// ImplicationResult is one implication of a verdict. Numbers that do not
// apply are null.
type ImplicationResult struct {
	Name        string      `json:"name"`
	Question    string      `json:"question"`
	Observed    *float64    `json:"observed"`
	Interval    *[2]float64 `json:"interval,omitempty"` // descriptive: 95% jackknife interval
	Units       int         `json:"units,omitempty"`    // descriptive: units of the jackknife
	NullModel   string      `json:"null_model"`
	NullMean    *float64    `json:"null_mean"`
	NullQ025    *float64    `json:"null_q025"`
	NullQ975    *float64    `json:"null_q975"`
	Effect      *float64    `json:"effect"` // tests: (observed − null mean)/null SD; shares: share − 1/2
	PUpper      *float64    `json:"p_upper"`
	PLower      *float64    `json:"p_lower"`
	PHolm       *float64    `json:"p_holm"`
	Power       *float64    `json:"power"`
	Alternative string      `json:"alternative,omitempty"`
	DesignFixed bool        `json:"design_fixed"`
	Favours     string      `json:"favours"`
	// Why says in words why the implication bears or does not.
	Why  string `json:"why"`
	Note string `json:"note,omitempty"`
	// NullSamples and AltSamples are a test's values under the null and
	// under the alternative, for figures (not in the JSON).
	NullSamples []float64 `json:"-"`
	AltSamples  []float64 `json:"-"`
}

// RobustnessRow is the reading under one robustness variant.
type RobustnessRow struct {
	Check   string `json:"check"`
	Variant string `json:"variant"`
	Reading string `json:"reading"`
	Changed bool   `json:"changed"`
	// Detail gives the implications that bear in the variant, or for a
	// scenario the share of augmentations giving each reading.
	Detail string `json:"detail"`
}

// EcosystemRun is a verdict before its finalization: everything that is
// deterministic, and the replicate values of the shard's part of every
// ensemble. It marshals to a shard's JSON.
type EcosystemRun struct {
	Format   string            `json:"format"`
	Shard    int               `json:"shard"`
	Shards   int               `json:"shards"`
	Settings EcosystemSettings `json:"settings"`
	Notes    []string          `json:"notes"`
	Variants []variantRun      `json:"variants"`
}

const ecosystemRunFormat = "ecosys.ecosystem-run/1"

type variantRun struct {
	Check   string `json:"check"`
	Variant string `json:"variant"`
	Key     string `json:"key"`
	View    string `json:"view"`
	Ties    int    `json:"ties"`
	// Same reports a variant whose view equals the main analysis's: it is
	// not computed again and reads as the main analysis does.
	Same         bool           `json:"same,omitempty"`
	ClusterTies  map[string]int `json:"cluster_ties,omitempty"`
	Implications []implRun      `json:"implications"`
	Null         ensembleRun    `json:"null"` // each replicate: one value per test, in implication order
}

type implRun struct {
	Name     string      `json:"name"`
	High     string      `json:"high,omitempty"` // the reading of the high side, when the view decides it
	Observed *float64    `json:"observed"`
	Note     string      `json:"note,omitempty"`
	Lower    float64     `json:"lower,omitempty"`
	Upper    float64     `json:"upper,omitempty"`
	Units    int         `json:"units,omitempty"`
	Alt      ensembleRun `json:"alt"`
	AltNote  string      `json:"alt_note,omitempty"`
	// The alternative's calibrated weight, the mean of the calibrated
	// quantity it reaches, its target, and what that quantity is.
	AltWeight float64 `json:"alt_weight,omitempty"`
	AltMean   float64 `json:"alt_mean,omitempty"`
	AltTarget float64 `json:"alt_target,omitempty"`
	AltWhat   string  `json:"alt_what,omitempty"`
}

// ensembleRun holds replicates Start, Start+Stride, Start+2·Stride, …
// (len(Values) of them) of an ensemble of Size replicates; Stride 0 means
// 1. A value is one row per replicate, NaN (null in JSON) when undefined.
// Shard i of k holds the replicates r with r mod k = i−1 (Start i−1,
// Stride k), as inference.Shard splits a CUG run, so that a shard's values
// are a CUG shard (EcosystemRun.Replicates). Shards written before Stride
// existed hold blocks (Stride 0); MergeEcosystem joins either.
type ensembleRun struct {
	Size   int         `json:"size"`
	Start  int         `json:"start"`
	Stride int         `json:"stride,omitempty"`
	Values [][]jsonNum `json:"values"`
}

// jsonNum is a float64 that marshals NaN as null.
type jsonNum float64

func (f jsonNum) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return []byte("null"), nil
	}
	return []byte(fmt.Sprint(float64(f))), nil
}

func (f *jsonNum) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = jsonNum(math.NaN())
		return nil
	}
	var v float64
	if _, err := fmt.Sscan(string(b), &v); err != nil {
		return err
	}
	*f = jsonNum(v)
	return nil
}

// variant is one analysis of the verdict: the main one or a robustness
// variant.
type variant struct {
	same             bool // the view equals the main analysis's
	check, name, key string
	eco              *Ecosystem
	keep             func(Tie) bool
	attr             Attribution
	samples, power   int
}

// EcosystemTest runs the verdict on an ecosystem: the implications on
// the main view, then every robustness variant, and the reading of each
// by the decision rule (Rule). With opt.Shard it returns the shard's run
// (see RunEcosystem and MergeEcosystem) finalized as if it were whole,
// which is only useful unsharded; use RunEcosystem for shards.
func EcosystemTest(e *Ecosystem, opt EcosystemOptions) (*EcosystemVerdict, error) {
	run, err := RunEcosystem(e, opt)
	if err != nil {
		return nil, err
	}
	return MergeEcosystem([]*EcosystemRun{run})
}

// RunEcosystem computes the deterministic part of the verdict and the
// shard's part of every ensemble.
func RunEcosystem(e *Ecosystem, opt EcosystemOptions) (*EcosystemRun, error) {
	opt = opt.withDefaults()
	if opt.Samples < MinEcosystemSamples || opt.RobustSamples < MinEcosystemSamples {
		return nil, fmt.Errorf("analysis: %d null samples are too few: with R samples the smallest two-sided p-value is 2/(R+1), and Holm's adjustment over the verdict's tests must be able to fall well below 0.05; use at least %d", min(opt.Samples, opt.RobustSamples), MinEcosystemSamples)
	}
	if opt.PowerSamples < 1 {
		return nil, fmt.Errorf("analysis: %d alternative draws; want at least 1", opt.PowerSamples)
	}
	if opt.Shard.Count < 0 || (opt.Shard.Count > 0 && (opt.Shard.Index < 1 || opt.Shard.Index > opt.Shard.Count)) {
		return nil, fmt.Errorf("analysis: bad shard %d/%d", opt.Shard.Index, opt.Shard.Count)
	}
	if opt.MinGrade != "" {
		if _, _, err := parseGrade(opt.MinGrade); err != nil {
			return nil, err
		}
	}
	workers, err := workerCount(opt.Workers)
	if err != nil {
		return nil, err
	}
	vs, notes, err := variants(e, opt)
	if err != nil {
		return nil, err
	}
	run := &EcosystemRun{Format: ecosystemRunFormat, Shard: max(1, opt.Shard.Index), Shards: max(1, opt.Shard.Count),
		Settings: opt.settings(), Notes: notes}
	for i, v := range vs {
		vr, err := runVariant(v, opt, workers)
		if err != nil {
			return nil, fmt.Errorf("analysis: %s, %s: %w", v.check, v.name, err)
		}
		run.Variants = append(run.Variants, *vr)
		if opt.Progress != nil {
			opt.Progress(i+1, len(vs))
		}
	}
	return run, nil
}

func (o EcosystemOptions) withDefaults() EcosystemOptions {
	if o.Samples == 0 {
		o.Samples = 2000
	}
	if o.PowerSamples == 0 {
		o.PowerSamples = 500
	}
	if o.RobustSamples == 0 {
		o.RobustSamples = 300
	}
	if o.Attribution == "" {
		o.Attribution = LeftOut
	}
	if o.Thetas == nil {
		o.Thetas = []float64{0, 0.25, 0.5, 0.75, 1}
	}
	if o.ScenarioReps == 0 {
		o.ScenarioReps = 10
	}
	return o
}

func (o EcosystemOptions) settings() EcosystemSettings {
	return EcosystemSettings{Samples: o.Samples, PowerSamples: o.PowerSamples, RobustSamples: o.RobustSamples, Seed: o.Seed,
		MinGrade: o.MinGrade, Attribution: o.Attribution, Population: o.Population, Thetas: o.Thetas, ScenarioReps: o.ScenarioReps}
}

func workerCount(w int) (int, error) {
	if w < 0 {
		return 0, fmt.Errorf("analysis: negative number of workers %d", w)
	}
	if w == 0 {
		return max(1, runtimeProcs()), nil
	}
	return w, nil
}

// replicates returns the first replicate and the stride of the
// replicates of an ensemble of size n that shard s computes, and their
// number: replicate r belongs to shard 1 + r mod s.Count, as in
// inference.Shard.
func (s Shard) replicates(n int) (start, stride, count int) {
	if s.Count <= 1 {
		return 0, 1, n
	}
	start, stride = s.Index-1, s.Count
	if start < n {
		count = (n - start + stride - 1) / stride
	}
	return start, stride, count
}

// streamSeed derives the seed of one ensemble of one variant, so that
// replicate i of it draws from rand.NewPCG(seed, i) whatever the shard or
// the worker.
func streamSeed(seed uint64, key, ensemble string) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s/%s", seed, key, ensemble)
	return h.Sum64()
}

// runVariant computes one variant's view, descriptive shares, observed
// statistics and its part of the ensembles.
func runVariant(v variant, opt EcosystemOptions, workers int) (*variantRun, error) {
	b, err := v.eco.view(v.keep, v.attr)
	if err != nil {
		return nil, err
	}
	vr := &variantRun{Check: v.check, Variant: v.name, Key: v.key, View: b.describe(), Ties: b.ties, Same: v.same}
	if v.same {
		return vr, nil
	}
	if v.check == checkMain {
		vr.ClusterTies = b.clusterTies()
	}
	g, mode := b.graphOf()
	var stats []func(graph.Graph) metrics.Value
	var tests []int
	for k, imp := range implications {
		ir := implRun{Name: imp.Name}
		if imp.highOf != nil {
			ir.High = imp.highOf(b)
		}
		if !imp.Tested {
			est, lo, hi, units, ok := shareInterval(imp.share(b))
			if ok {
				ir.Observed, ir.Lower, ir.Upper, ir.Units = ptr(est), lo, hi, units
			} else {
				ir.Note = "no unit has a denominator"
			}
			vr.Implications = append(vr.Implications, ir)
			continue
		}
		st := imp.stat(b)
		if ov := st(g); ov.OK {
			ir.Observed = ptr(ov.V)
		} else {
			ir.Note = ov.Note
		}
		stats = append(stats, st)
		tests = append(tests, k)
		vr.Implications = append(vr.Implications, ir)
	}
	if b.ties == 0 || len(stats) == 0 {
		return vr, nil
	}
	sampler, err := null.New(null.BipartiteSampled, g, null.Options{Mode: mode})
	if err != nil {
		return nil, err
	}
	vr.Null, err = ensemble(v.samples, opt.Shard, streamSeed(opt.Seed, v.key, "null"), workers, func(src rand.Source) ([]jsonNum, error) {
		h, err := sampler.Sample(src)
		if err != nil {
			return nil, err
		}
		row := make([]jsonNum, len(stats))
		for i, st := range stats {
			row[i] = num(st(h))
		}
		return row, nil
	})
	if err != nil {
		return nil, err
	}
	for i, k := range tests {
		imp := implications[k]
		ir := &vr.Implications[k]
		alt, err := imp.alt(b)
		var no errNoAlternative
		if errors.As(err, &no) {
			ir.AltNote = no.Error()
			continue
		} else if err != nil {
			return nil, err
		}
		cal := robustCalibration
		if v.check == checkMain {
			cal = mainCalibration
		}
		w, mean, err := calibrate(g, mode, alt, cal, streamSeed(opt.Seed, v.key, "calibrate/"+imp.Name))
		if err != nil {
			return nil, err
		}
		ir.AltWeight, ir.AltMean, ir.AltTarget, ir.AltWhat = w, mean, alt.target, alt.what
		sampler, err := null.New(null.BipartiteSampled, g, null.Options{Mode: mode, Tilt: alt.tilt(w)})
		if err != nil {
			return nil, err
		}
		st := stats[i]
		ir.Alt, err = ensemble(v.power, opt.Shard, streamSeed(opt.Seed, v.key, "alt/"+imp.Name), workers, func(src rand.Source) ([]jsonNum, error) {
			h, err := sampler.Sample(src)
			if err != nil {
				return nil, err
			}
			return []jsonNum{num(st(h))}, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return vr, nil
}

func num(v metrics.Value) jsonNum {
	if !v.OK {
		return jsonNum(math.NaN())
	}
	return jsonNum(v.V)
}

func ptr(v float64) *float64 { return &v }

// calibration sets the bisection that finds an alternative's weight:
// each of steps estimates the mean of the calibrated quantity from
// samples draws. Robustness variants use the lighter one.
type calibration struct{ steps, samples int }

var (
	mainCalibration   = calibration{steps: 14, samples: 60}
	robustCalibration = calibration{steps: 8, samples: 30}
)

// calibrate finds the weight w ≥ 1 of the alternative whose mean of the
// calibrated quantity is nearest its target, by bisection on log w over
// [0, log 10⁶]: w = 1 when the null already reaches the target. Every
// draw comes from rand.NewPCG(seed, step·cal.samples + i), so the weight
// is the same in every shard.
func calibrate(g graph.Graph, mode func(int64) int, a alternative, cal calibration, seed uint64) (w, mean float64, err error) {
	meanAt := func(w float64, step int) (float64, error) {
		s, err := null.New(null.BipartiteSampled, g, null.Options{Mode: mode, Tilt: a.tilt(w)})
		if err != nil {
			return 0, err
		}
		var sum float64
		for i := range cal.samples {
			h, err := s.Sample(rand.NewPCG(seed, uint64(step*cal.samples+i)))
			if err != nil {
				return 0, err
			}
			sum += a.measure(h)
		}
		return sum / float64(cal.samples), nil
	}
	m0, err := meanAt(1, 0)
	if err != nil || m0 >= a.target {
		return 1, m0, err
	}
	lo, hi := 0.0, math.Log(1e6)
	w, mean = 1, m0
	for step := 1; step <= cal.steps; step++ {
		mid := (lo + hi) / 2
		m, err := meanAt(math.Exp(mid), step)
		if err != nil {
			return 0, 0, err
		}
		w, mean = math.Exp(mid), m
		if m < a.target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return w, mean, nil
}

// ensemble computes the shard's replicates of an ensemble of size n:
// replicate i draws from rand.NewPCG(seed, i), on workers goroutines.
func ensemble(n int, s Shard, seed uint64, workers int, f func(rand.Source) ([]jsonNum, error)) (ensembleRun, error) {
	start, stride, count := s.replicates(n)
	out := ensembleRun{Size: n, Start: start, Values: make([][]jsonNum, count)}
	if stride > 1 {
		out.Stride = stride
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = 0
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				j := next
				next++
				mu.Unlock()
				if j >= count {
					return
				}
				row, err := f(rand.NewPCG(seed, uint64(start+j*stride)))
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				out.Values[j] = row
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return out, first
}

// MergeEcosystem joins the runs of every shard (or one unsharded run)
// and finalizes the verdict: the p-values, Holm adjustment, power and
// reading of every variant, and the summary. The runs must share their
// settings and deterministic parts and cover every replicate once.
func MergeEcosystem(runs []*EcosystemRun) (*EcosystemVerdict, error) {
	if len(runs) == 0 {
		return nil, errors.New("analysis: no runs to merge")
	}
	base := runs[0]
	for _, r := range runs {
		if r.Format != ecosystemRunFormat {
			return nil, fmt.Errorf("analysis: not an ecosystem run (format %q)", r.Format)
		}
		if r.Shards != base.Shards || !sameSettings(r.Settings, base.Settings) || len(r.Variants) != len(base.Variants) {
			return nil, fmt.Errorf("analysis: shard %d/%d has other settings or variants than shard %d/%d", r.Shard, r.Shards, base.Shard, base.Shards)
		}
	}
	if len(runs) != base.Shards {
		return nil, fmt.Errorf("analysis: %d runs for %d shards", len(runs), base.Shards)
	}
	sorted := slices.Clone(runs)
	slices.SortFunc(sorted, func(a, b *EcosystemRun) int { return a.Shard - b.Shard })
	for i, r := range sorted {
		if r.Shard != i+1 {
			return nil, fmt.Errorf("analysis: shard %d missing or repeated", i+1)
		}
	}
	merged := make([]variantRun, len(base.Variants))
	for vi := range base.Variants {
		v := base.Variants[vi]
		v.Null = ensembleRun{}
		v.Implications = slices.Clone(v.Implications)
		var nulls []ensembleRun
		alts := make([][]ensembleRun, len(v.Implications))
		for _, r := range sorted {
			rv := r.Variants[vi]
			if rv.Key != v.Key || rv.View != v.View || len(rv.Implications) != len(v.Implications) {
				return nil, fmt.Errorf("analysis: shard %d differs in variant %s", r.Shard, v.Key)
			}
			nulls = append(nulls, rv.Null)
			for k, ir := range rv.Implications {
				alts[k] = append(alts[k], ir.Alt)
			}
		}
		var err error
		if v.Null, err = joinEnsemble(nulls); err != nil {
			return nil, fmt.Errorf("analysis: variant %s: %w", v.Key, err)
		}
		for k := range v.Implications {
			if v.Implications[k].Alt, err = joinEnsemble(alts[k]); err != nil {
				return nil, fmt.Errorf("analysis: variant %s, %s: %w", v.Key, v.Implications[k].Name, err)
			}
		}
		merged[vi] = v
	}
	return finalize(base.Settings, base.Notes, merged)
}

func sameSettings(a, b EcosystemSettings) bool {
	return a.Samples == b.Samples && a.PowerSamples == b.PowerSamples && a.RobustSamples == b.RobustSamples && a.Seed == b.Seed &&
		a.MinGrade == b.MinGrade && a.Attribution == b.Attribution && a.Population == b.Population &&
		slices.Equal(a.Thetas, b.Thetas) && a.ScenarioReps == b.ScenarioReps
}

// joinEnsemble puts the parts of an ensemble (each Start, Stride and
// Values; blocks or strided shards alike) together in replicate order,
// checking that they cover it exactly once. Nothing is allocated by the
// Size a part declares until the parts are seen to hold that many values.
func joinEnsemble(parts []ensembleRun) (ensembleRun, error) {
	size, total := 0, 0
	for _, p := range parts {
		if p.Size == 0 && len(p.Values) == 0 {
			continue
		}
		if size == 0 {
			size = p.Size
		}
		if p.Size != size {
			return ensembleRun{}, fmt.Errorf("parts of ensembles of %d and %d replicates", size, p.Size)
		}
		total += len(p.Values)
	}
	if total != size {
		return ensembleRun{}, fmt.Errorf("%d of %d replicates", total, size)
	}
	out := ensembleRun{Size: size, Values: make([][]jsonNum, size)}
	seen := make([]bool, size)
	for _, p := range parts {
		stride := max(p.Stride, 1)
		for j, row := range p.Values {
			i := p.Start + j*stride
			switch {
			case i < 0 || i >= size:
				return ensembleRun{}, fmt.Errorf("replicate %d outside the ensemble of %d", i, size)
			case seen[i]:
				return ensembleRun{}, fmt.Errorf("replicate %d repeated", i)
			}
			seen[i] = true
			out.Values[i] = row
		}
	}
	return out, nil
}

// column returns replicate values of test t, NaN dropped.
func (e ensembleRun) column(t int) []float64 {
	var out []float64
	for _, row := range e.Values {
		if t < len(row) && !math.IsNaN(float64(row[t])) {
			out = append(out, float64(row[t]))
		}
	}
	return out
}

// finalize turns merged variant runs into the verdict.
func finalize(set EcosystemSettings, notes []string, vs []variantRun) (*EcosystemVerdict, error) {
	if len(vs) == 0 || vs[0].Check != checkMain {
		return nil, errors.New("analysis: the run has no main analysis")
	}
	v := &EcosystemVerdict{Rule: Rule, Hypothesis: Hypothesis, Settings: set, Notes: slices.Clone(notes)}
	if v.Notes == nil {
		v.Notes = []string{}
	}
	main := judge(vs[0])
	v.Implications, v.Reading = main.results, main.reading
	scenario := map[string]map[string]int{} // variant name → reading → count
	var scenarioOrder []string
	for _, vr := range vs[1:] {
		if vr.Same {
			v.Robustness = append(v.Robustness, RobustnessRow{Check: vr.Check, Variant: vr.Variant, Reading: v.Reading,
				Detail: "the same ties as the main analysis"})
			continue
		}
		j := judge(vr)
		if vr.Check == checkScenario {
			name := vr.Variant[:strings.LastIndex(vr.Variant, ", augmentation")]
			if scenario[name] == nil {
				scenario[name] = map[string]int{}
				scenarioOrder = append(scenarioOrder, name)
			}
			scenario[name][j.reading]++
			continue
		}
		v.Robustness = append(v.Robustness, RobustnessRow{Check: vr.Check, Variant: vr.Variant, Reading: j.reading,
			Changed: j.reading != v.Reading, Detail: j.detail()})
	}
	for _, name := range scenarioOrder {
		counts := scenario[name]
		reading, total := modal(counts)
		var parts []string
		for _, r := range readingsOrder {
			if counts[r] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d of %d", r, counts[r], total))
			}
		}
		v.Robustness = append(v.Robustness, RobustnessRow{Check: checkScenario, Variant: name, Reading: reading,
			Changed: reading != v.Reading, Detail: "augmentations: " + strings.Join(parts, ", ")})
	}
	v.Summary = summarize(v, vs[0])
	return v, nil
}

var readingsOrder = []string{Decentralized, Centralized, "mixed", "inconclusive"}

// modal returns the most frequent reading (ties: the first in
// readingsOrder) and the total count.
func modal(counts map[string]int) (string, int) {
	best, total := "", 0
	for _, r := range readingsOrder {
		total += counts[r]
		if best == "" || counts[r] > counts[best] {
			best = r
		}
	}
	return best, total
}

// judgement is a variant's implications judged by the rule.
type judgement struct {
	results []ImplicationResult
	reading string
	ties    int
}

func (j judgement) detail() string {
	if j.ties == 0 {
		return "no ties"
	}
	parts := []string{fmt.Sprintf("%d ties", j.ties)}
	for _, r := range j.results {
		if r.Favours == Decentralized || r.Favours == Centralized {
			parts = append(parts, r.Name+" → "+r.Favours)
		}
	}
	if len(parts) == 1 {
		parts = append(parts, "no implication bears")
	}
	return strings.Join(parts, "; ")
}

// judge applies the decision rule to one variant.
func judge(vr variantRun) judgement {
	j := judgement{ties: vr.Ties}
	type test struct {
		k     int
		p     float64
		upper bool
	}
	var tests []test
	nTests := 0
	for k, imp := range implications {
		ir := vr.Implications[k]
		r := ImplicationResult{Name: imp.Name, Question: imp.Question, Observed: ir.Observed, Note: ir.Note, Favours: Neither}
		if !imp.Tested {
			r.NullModel = "none (a share with a 95% interval over " + unitsOf(imp.Name) + ": the hull of the jackknife and of a Wilson interval with one observation per unit)"
			if ir.Observed != nil {
				r.Interval = &[2]float64{ir.Lower, ir.Upper}
				r.Units = ir.Units
				r.Effect = ptr(*ir.Observed - 0.5)
				r.Favours, r.Why = judgeShare(imp, *ir.Observed, ir.Lower, ir.Upper)
			} else {
				r.Why = "undefined: " + ir.Note
			}
			j.results = append(j.results, r)
			continue
		}
		r.NullModel = string(null.BipartiteSampled)
		r.Alternative = imp.Alternative
		switch {
		case ir.AltWhat == "":
		case ir.AltMean < ir.AltTarget-0.05:
			r.Alternative += fmt.Sprintf(" (the design allows %s of about %.2f at most, short of %.2f)", ir.AltWhat, ir.AltMean, ir.AltTarget)
		default:
			r.Alternative += fmt.Sprintf(" (weight %.3g; %s %.2f on average)", ir.AltWeight, ir.AltWhat, ir.AltMean)
		}
		ti := testIndex(k)
		nullVals := vr.Null.column(ti)
		if ir.Observed == nil || len(nullVals) == 0 {
			r.Why = "undefined: " + cmpOr(ir.Note, "no null samples")
			j.results = append(j.results, r)
			continue
		}
		sum := summarizeNull(nullVals)
		r.NullMean, r.NullQ025, r.NullQ975 = ptr(sum.mean), ptr(sum.q025), ptr(sum.q975)
		r.NullSamples, r.AltSamples = nullVals, ir.Alt.column(0)
		if sum.constant {
			r.DesignFixed = true
			r.Favours = Descriptive
			r.Why = "fixed by the observation design: every null sample has the observed value, so it is reported as a description, not tested"
			j.results = append(j.results, r)
			continue
		}
		obs := *ir.Observed
		if sum.sd > 0 {
			r.Effect = ptr((obs - sum.mean) / sum.sd)
		}
		pu, pl := pValues(obs, nullVals)
		r.PUpper, r.PLower = ptr(pu), ptr(pl)
		nTests++
		tests = append(tests, test{k: len(j.results), p: math.Min(1, 2*math.Min(pu, pl)), upper: pu <= pl})
		j.results = append(j.results, r)
	}
	// Holm over the tests, then power at the Bonferroni level.
	if nTests > 0 {
		order := make([]int, len(tests))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(tests[a].p, tests[b].p) })
		running := 0.0
		for rank, i := range order {
			adj := math.Min(1, float64(nTests-rank)*tests[i].p)
			running = math.Max(running, adj)
			j.results[tests[i].k].PHolm = ptr(running)
		}
	}
	for _, t := range tests {
		r := &j.results[t.k]
		imp := implications[indexOf(r.Name)]
		ir := vr.Implications[indexOf(r.Name)]
		nullVals := vr.Null.column(testIndex(indexOf(r.Name)))
		altVals := ir.Alt.column(0)
		if len(altVals) > 0 {
			r.Power = ptr(power(altVals, nullVals, ruleAlpha/float64(nTests)))
		}
		side, reading := "lower", imp.Low
		if t.upper {
			side, reading = "upper", cmpOr(ir.High, imp.High)
		}
		switch {
		case r.Power == nil:
			r.Why = "no power: " + cmpOr(ir.AltNote, "no alternative could be formed")
		case *r.Power < rulePower:
			r.Why = fmt.Sprintf("underpowered: power %.2f against the alternative, below %.1f", *r.Power, rulePower)
		case *r.PHolm > ruleAlpha:
			r.Why = fmt.Sprintf("not significant: Holm-adjusted p = %.3g > %.2f", *r.PHolm, ruleAlpha)
		case reading == Neither:
			r.Why = fmt.Sprintf("significant in the %s tail (Holm p = %.3g), which favours neither reading", side, *r.PHolm)
		default:
			r.Favours = reading
			r.Why = fmt.Sprintf("significant in the %s tail (Holm p = %.3g, power %.2f)", side, *r.PHolm, *r.Power)
		}
	}
	j.reading = readingOf(j.results)
	return j
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// judgeShare applies the rule to a descriptive share.
func judgeShare(imp Implication, est, lo, hi float64) (string, string) {
	half := (hi - lo) / 2
	switch {
	case half > ruleHalfWidth:
		return Neither, fmt.Sprintf("interval too wide: [%.2f, %.2f], half-width %.2f > %.1f", lo, hi, half, ruleHalfWidth)
	case est >= ruleHigh && lo > 0.5:
		if imp.High == Neither {
			return Neither, fmt.Sprintf("high (%.2f, interval [%.2f, %.2f]), which favours neither reading", est, lo, hi)
		}
		return imp.High, fmt.Sprintf("%.2f ≥ 2/3 with interval [%.2f, %.2f] above 1/2", est, lo, hi)
	case est <= ruleLow && hi < 0.5:
		if imp.Low == Neither {
			return Neither, fmt.Sprintf("low (%.2f, interval [%.2f, %.2f]), which favours neither reading", est, lo, hi)
		}
		return imp.Low, fmt.Sprintf("%.2f ≤ 1/3 with interval [%.2f, %.2f] below 1/2", est, lo, hi)
	}
	return Neither, fmt.Sprintf("between the thresholds: %.2f, interval [%.2f, %.2f]", est, lo, hi)
}

// readingOf combines the implications that bear.
func readingOf(rs []ImplicationResult) string {
	bear := map[string]int{}
	n := 0
	for _, r := range rs {
		if r.Favours == Decentralized || r.Favours == Centralized {
			bear[r.Favours]++
			n++
		}
	}
	switch {
	case n < 2:
		return "inconclusive"
	case bear[Decentralized] > 0 && bear[Centralized] > 0:
		return "mixed"
	case bear[Decentralized] > 0:
		return Decentralized
	}
	return Centralized
}

func indexOf(name string) int {
	return slices.IndexFunc(implications, func(i Implication) bool { return i.Name == name })
}

// testIndex is the position of implication k among the tested ones.
func testIndex(k int) int {
	n := 0
	for i := range k {
		if implications[i].Tested {
			n++
		}
	}
	return n
}

func unitsOf(name string) string {
	if name == "vendor_reach" {
		return "agents"
	}
	return "evidence clusters (cases; the ledger)"
}

// nullSummary summarises a null distribution.
type nullSummary struct {
	mean, sd, q025, q975 float64
	constant             bool
}

func summarizeNull(vals []float64) nullSummary {
	s := slices.Clone(vals)
	slices.Sort(s)
	var mean float64
	for _, v := range s {
		mean += v
	}
	mean /= float64(len(s))
	var ss float64
	for _, v := range s {
		ss += (v - mean) * (v - mean)
	}
	sd := 0.0
	if len(s) > 1 {
		sd = math.Sqrt(ss / float64(len(s)-1))
	}
	return nullSummary{mean: mean, sd: sd, q025: quantile7(0.025, s), q975: quantile7(0.975, s),
		constant: tiesWith(s[0], s[len(s)-1])}
}

// tiesWith reports whether a and b are equal within the relative
// tolerance of the tests (1e-12).
func tiesWith(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// pValues returns (1 + #{T* ≥ t})/(1 + R) and (1 + #{T* ≤ t})/(1 + R).
func pValues(t float64, null []float64) (upper, lower float64) {
	var ge, le int
	for _, v := range null {
		if v > t || tiesWith(v, t) {
			ge++
		}
		if v < t || tiesWith(v, t) {
			le++
		}
	}
	r := float64(len(null))
	return (1 + float64(ge)) / (1 + r), (1 + float64(le)) / (1 + r)
}

// power is the share of alternative draws that the two-sided test at
// level alpha rejects in the upper tail: both alternatives of the verdict
// raise their statistic (a hub raises the concentration, local ties the
// locality).
func power(alt, nullVals []float64, alpha float64) float64 {
	rejects := 0
	for _, a := range alt {
		if pu, _ := pValues(a, nullVals); math.Min(1, 2*pu) <= alpha {
			rejects++
		}
	}
	return float64(rejects) / float64(len(alt))
}

// quantile7 is the type-7 quantile of sorted values.
func quantile7(p float64, s []float64) float64 {
	if len(s) == 1 {
		return s[0]
	}
	h := p * float64(len(s)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}
