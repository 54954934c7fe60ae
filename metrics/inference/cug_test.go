package inference_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func TestCUGStarIsCentralized(t *testing.T) {
	opt := inference.CUGOptions{Samples: 199, Seed: 1}
	s := gnmSampler{n: 20, m: 19}
	res, _, err := inference.CUG(star(20), "centralization.degree", degreeCentralization, s, opt)
	if err != nil {
		t.Fatal(err)
	}
	// No G(20, 19) draw is a star, so p_upper is its minimum 1/(1+199).
	if res.PUpper != 1.0/200 || res.PLower != 1 || res.Observed != 1 || res.Constant {
		t.Errorf("star: %+v", res)
	}
	if z, ok := res.Z.V, res.Z.OK; !ok || z < 3 {
		t.Errorf("star: z = %v", res.Z)
	}
	if res.Statistic != "centralization.degree" || res.Null != "gnm" || res.Seed != 1 || res.Samples != 199 {
		t.Errorf("star: labels %+v", res)
	}

	// A draw from the null itself is not significant either way (with this
	// seed: p_upper 0.435, p_lower 0.89; any single draw is significant at
	// 5% with probability about 5%, which the calibration test covers).
	g, _ := s.Sample(rand.NewPCG(1, 1))
	res, _, err = inference.CUG(g, "centralization.degree", degreeCentralization, s, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.PUpper < 0.05 || res.PLower < 0.05 {
		t.Errorf("G(n,m) draw: p_upper %v, p_lower %v", res.PUpper, res.PLower)
	}
	if q := res.Quantiles; !(q["0.025"] <= q["0.05"] && q["0.05"] <= q["0.5"] && q["0.5"] <= q["0.95"] && q["0.95"] <= q["0.975"]) {
		t.Errorf("quantiles not ordered: %v", q)
	}
	if want := math.Sqrt(res.PUpper * (1 - res.PUpper) / 199); res.MCSE != want {
		t.Errorf("mcse %v, want %v", res.MCSE, want)
	}
}

// ksUniform returns the Kolmogorov–Smirnov distance between the sample x
// and the uniform distribution on [0, 1].
func ksUniform(x []float64) float64 {
	x = slices.Clone(x)
	slices.Sort(x)
	n := float64(len(x))
	var d float64
	for i, v := range x {
		d = max(d, float64(i+1)/n-v, v-float64(i)/n)
	}
	return d
}

// TestCUGCalibration checks that p-values of graphs drawn from the null are
// uniform: 200 observed graphs from G(15, 25) with Exp(1) weights, 99
// replicates each, a continuous statistic (no ties). The KS distance must
// be below the 1% critical value 1.628/√200 ≈ 0.115 (asymptotic Kolmogorov
// distribution); p-values on the grid k/100 are at most 0.01 from uniform.
func TestCUGCalibration(t *testing.T) {
	s := gnmSampler{n: 15, m: 25, weighted: true}
	const draws = 200
	up := make([]float64, draws)
	lo := make([]float64, draws)
	for j := range draws {
		g, err := s.Sample(rand.NewPCG(7, uint64(j)))
		if err != nil {
			t.Fatal(err)
		}
		res, _, err := inference.CUG(g, "strength", strengthCentralization, s, inference.CUGOptions{Samples: 99, Seed: uint64(1000 + j)})
		if err != nil {
			t.Fatal(err)
		}
		up[j], lo[j] = res.PUpper, res.PLower
		if ties := res.PUpper + res.PLower - 1 - 1.0/100; math.Abs(ties) > 1e-12 {
			t.Fatalf("draw %d: continuous statistic tied: p_upper %v p_lower %v", j, res.PUpper, res.PLower)
		}
	}
	crit := 1.628 / math.Sqrt(draws)
	if d := ksUniform(up); d > crit {
		t.Errorf("p_upper KS distance %.4f > %.4f", d, crit)
	}
	if d := ksUniform(lo); d > crit {
		t.Errorf("p_lower KS distance %.4f > %.4f", d, crit)
	}
}

// sometimesUndefined is degree centralization, undefined when node 0 is
// isolated, to exercise undefined replicates.
func sometimesUndefined(g graph.Graph) metrics.Value {
	if g.From(0).Len() == 0 {
		return metrics.Undefined("node 0 isolated")
	}
	return degreeCentralization(g)
}

func TestCUGDeterminism(t *testing.T) {
	s := gnmSampler{n: 12, m: 14}
	g, _ := s.Sample(rand.NewPCG(3, 3))
	const samples = 60
	var want []byte
	for _, w := range []int{1, 2, 7, 0} {
		res, part, err := inference.CUG(g, "c", sometimesUndefined, s, inference.CUGOptions{Samples: samples, Seed: 42, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if res.Undefined == 0 || res.Samples+res.Undefined != samples {
			t.Fatalf("want some undefined replicates: %+v", res)
		}
		if part.Shard != (inference.Shard{Index: 0, Count: 1}) || len(part.Values) != samples {
			t.Errorf("whole-run shard %+v with %d values", part.Shard, len(part.Values))
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = b
		} else if string(b) != string(want) {
			t.Errorf("workers %d:\n%s\nwant\n%s", w, b, want)
		}
	}
	for _, k := range []int{1, 2, 3} {
		var parts []*inference.CUGShard
		for i := k - 1; i >= 0; i-- { // reverse order on purpose
			res, part, err := inference.CUG(g, "c", sometimesUndefined, s,
				inference.CUGOptions{Samples: samples, Seed: 42, Workers: i + 2, Shard: inference.Shard{Index: i, Count: k}})
			if err != nil {
				t.Fatal(err)
			}
			if (res == nil) != (k > 1) {
				t.Errorf("%d shards: result %v", k, res)
			}
			// Shards travel as JSON between machines.
			b, err := json.Marshal(part)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "NaN") || !strings.Contains(string(b), "null") {
				t.Errorf("shard JSON must encode undefined values as null: %s", b)
			}
			var back inference.CUGShard
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			parts = append(parts, &back)
		}
		res, err := inference.Merge(parts)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res)
		if string(b) != string(want) {
			t.Errorf("%d shards merged:\n%s\nwant\n%s", k, b, want)
		}
	}
}

func TestMergeErrors(t *testing.T) {
	s := gnmSampler{n: 10, m: 12}
	g, _ := s.Sample(rand.NewPCG(4, 4))
	shard := func(i, k int, seed uint64, samples int, name string) *inference.CUGShard {
		_, p, err := inference.CUG(g, name, degreeCentralization, s,
			inference.CUGOptions{Samples: samples, Seed: seed, Shard: inference.Shard{Index: i, Count: k}})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b, c := shard(0, 3, 1, 10, "x"), shard(1, 3, 1, 10, "x"), shard(2, 3, 1, 10, "x")
	if _, err := inference.Merge([]*inference.CUGShard{a, b, c}); err != nil {
		t.Fatalf("good shards: %v", err)
	}
	other := *c
	other.Observed = 0.5
	trunc := *c
	trunc.Values = trunc.Values[1:]
	nullModel := *c
	nullModel.Null = "degree"
	// Shards read from files: their numbers must not size an allocation
	// before the values are checked (a file can declare 2³¹ of either).
	hugeSamples := *a
	hugeSamples.Samples = math.MaxInt32
	hugeCount := *a
	hugeCount.Shard.Count = math.MaxInt32
	hugeCount.Samples = 1
	hugeCount.Values = hugeCount.Values[:1]
	negative := *a
	negative.Samples, negative.Values = -1, nil
	for _, tc := range []struct {
		name  string
		parts []*inference.CUGShard
		want  string
	}{
		{"empty", nil, "no shards"},
		{"nil", []*inference.CUGShard{a, nil, c}, "nil shard"},
		{"missing", []*inference.CUGShard{a, c}, "missing shard 2/3"},
		{"duplicated", []*inference.CUGShard{a, b, b}, "duplicate shard 2/3"},
		{"seed", []*inference.CUGShard{a, b, shard(2, 3, 2, 10, "x")}, "seeds"},
		{"samples", []*inference.CUGShard{a, b, shard(2, 3, 1, 11, "x")}, "samples"},
		{"statistic", []*inference.CUGShard{a, b, shard(2, 3, 1, 10, "y")}, "statistics"},
		{"null", []*inference.CUGShard{a, b, &nullModel}, "null models"},
		{"observed", []*inference.CUGShard{a, b, &other}, "observed"},
		{"split", []*inference.CUGShard{a, b, shard(1, 2, 1, 10, "x")}, "splits"},
		{"values", []*inference.CUGShard{a, b, &trunc}, "values"},
		{"huge samples", []*inference.CUGShard{&hugeSamples}, "has 4 values, want 715827883"},
		{"huge count", []*inference.CUGShard{&hugeCount}, "missing shard 2/2147483647"},
		{"negative samples", []*inference.CUGShard{&negative}, "-1 samples"},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := inference.Merge(tc.parts)
		runtime.ReadMemStats(&after)
		if a := after.TotalAlloc - before.TotalAlloc; a > 1<<20 {
			t.Errorf("%s: %d bytes allocated", tc.name, a)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "inference: ") {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestCUGErrors(t *testing.T) {
	s := gnmSampler{n: 10, m: 12}
	g := star(10)
	undefined := func(graph.Graph) metrics.Value { return metrics.Undefined("never") }
	cases := []struct {
		name string
		stat inference.Statistic
		opt  inference.CUGOptions
		want string
	}{
		{"no samples", degreeCentralization, inference.CUGOptions{}, "samples"},
		{"shard", degreeCentralization, inference.CUGOptions{Samples: 5, Shard: inference.Shard{Index: 2, Count: 2}}, "bad shard"},
		{"workers", degreeCentralization, inference.CUGOptions{Samples: 5, Workers: -1}, "workers"},
		{"observed", undefined, inference.CUGOptions{Samples: 5}, "undefined on the observed"},
	}
	for _, tc := range cases {
		_, _, err := inference.CUG(g, "c", tc.stat, s, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	// Undefined on every replicate but not on the observed graph.
	onlyStar := func(h graph.Graph) metrics.Value {
		if h.From(0).Len() == 9 {
			return metrics.Defined(1)
		}
		return metrics.Undefined("not a star")
	}
	if _, _, err := inference.CUG(g, "c", onlyStar, s, inference.CUGOptions{Samples: 5}); err == nil || !strings.Contains(err.Error(), "all 5 replicates") {
		t.Errorf("all undefined: %v", err)
	}
	// The error of the lowest failing replicate, whatever the workers.
	for _, w := range []int{1, 3, 8} {
		f := failSampler{gnmSampler: s, seed: 9, failFrom: 4}
		_, _, err := inference.CUG(g, "c", degreeCentralization, f, inference.CUGOptions{Samples: 30, Seed: 9, Workers: w})
		if err == nil || !strings.Contains(err.Error(), "replicate 4 of gnm: boom at 4") {
			t.Errorf("workers %d: %v", w, err)
		}
	}
}

func TestCUGConstant(t *testing.T) {
	g := star(8)
	res, _, err := inference.CUG(g, "centralization.degree", degreeCentralization, fixedSampler{g}, inference.CUGOptions{Samples: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Constant || res.PUpper != 1 || res.PLower != 1 || res.Z.OK || res.SD != 0 || res.Mean != 1 {
		t.Errorf("constant: %+v", res)
	}
	b, _ := json.Marshal(res)
	if !strings.Contains(string(b), `"z":null`) || !strings.Contains(string(b), `"constant":true`) {
		t.Errorf("JSON %s", b)
	}
}
