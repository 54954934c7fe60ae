package metrics_test

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestConcentrationReference(t *testing.T) {
	indices := map[string]func([]float64) metrics.Value{
		"gini":           metrics.Gini,
		"theil":          metrics.Theil,
		"hhi":            metrics.HHI,
		"normalized_hhi": metrics.NormalizedHHI,
		"entropy":        metrics.Entropy,
		"top3_share":     func(x []float64) metrics.Value { return metrics.TopShare(x, 3) },
	}
	checked := map[string]int{}
	for _, c := range loadReference(t, centrRefFile) {
		f, ok := indices[c.Measure]
		if !ok {
			continue
		}
		x := make([]float64, 0, len(c.Nodes))
		for _, v := range c.Nodes {
			x = append(x, v)
		}
		slices.Sort(x) // any order: the indices do not depend on it
		centrCheckValue(t, f(x), c)
		checked[c.Measure]++
	}
	for m := range indices {
		if checked[m] < 6 {
			t.Errorf("%s: %d reference cases, want 6 (karate, florentine, davis, weighted, star, complete)", m, checked[m])
		}
	}
}

func TestConcentration(t *testing.T) {
	nan := math.NaN()
	// Theil of 1,2,3,4: μ = 2.5, ratios 0.4, 0.8, 1.2, 1.6.
	theil1234 := (0.4*math.Log(0.4) + 0.8*math.Log(0.8) + 1.2*math.Log(1.2) + 1.6*math.Log(1.6)) / 4
	// Entropy of shares 0.1, 0.2, 0.3, 0.4 over ln 4.
	ent1234 := -(0.1*math.Log(0.1) + 0.2*math.Log(0.2) + 0.3*math.Log(0.3) + 0.4*math.Log(0.4)) / math.Log(4)
	for _, tt := range []struct {
		name                                 string
		x                                    []float64
		gini, hhi, nhhi, theil, entropy, top float64 // top: TopShare(x, 1)
	}{
		// 1,2,3,4: Σ_i Σ_j |x_i−x_j| = 2·(1+2+3+1+2+1) = 20; 2n²μ = 80:
		// Gini 0.25. Shares 0.1..0.4: HHI 0.01+0.04+0.09+0.16 = 0.3;
		// normalized (0.3−0.25)/0.75 = 1/15.
		{"1234", []float64{3, 1, 4, 2}, 0.25, 0.3, 1.0 / 15, theil1234, ent1234, 0.4},
		// One unit holds everything: Gini (n−1)/n, HHI 1, Theil ln n,
		// entropy 0.
		{"monopoly", []float64{0, 0, 7, 0}, 0.75, 1, 1, math.Log(4), 0, 1},
		// Equal shares.
		{"equal", []float64{5, 5, 5, 5}, 0, 0.25, 0, 0, 1, 0.25},
		// A single unit: Gini 0, HHI 1; the normalized indices need n ≥ 2.
		{"single", []float64{3}, 0, 1, nan, 0, nan, 1},
		// Undefined: no values, all zero, negative, NaN.
		{"empty", nil, nan, nan, nan, nan, nan, nan},
		{"zeros", []float64{0, 0}, nan, nan, nan, nan, nan, nan},
		{"negative", []float64{3, -1}, nan, nan, nan, nan, nan, nan},
		{"NaN", []float64{3, nan}, nan, nan, nan, nan, nan, nan},
	} {
		x := slices.Clone(tt.x)
		for _, c := range []struct {
			name string
			got  metrics.Value
			want float64
		}{
			{"Gini", metrics.Gini(tt.x), tt.gini},
			{"HHI", metrics.HHI(tt.x), tt.hhi},
			{"NormalizedHHI", metrics.NormalizedHHI(tt.x), tt.nhhi},
			{"Theil", metrics.Theil(tt.x), tt.theil},
			{"Entropy", metrics.Entropy(tt.x), tt.entropy},
			{"TopShare", metrics.TopShare(tt.x, 1), tt.top},
		} {
			if math.IsNaN(c.want) {
				if c.got.OK || c.got.Note == "" {
					t.Errorf("%s %s: %+v, want undefined with a reason", tt.name, c.name, c.got)
				}
				continue
			}
			if !c.got.OK || !scalar.EqualWithinAbs(c.got.V, c.want, 1e-12) {
				t.Errorf("%s %s: %+v, want %v", tt.name, c.name, c.got, c.want)
			}
		}
		if !slices.Equal(x, tt.x) && !slices.ContainsFunc(x, math.IsNaN) {
			t.Errorf("%s: input modified", tt.name)
		}
	}
	// TopShare: k ≥ n is 1; k < 1 undefined; the 2 largest of 1,2,3,4 hold 0.7.
	if v := metrics.TopShare([]float64{1, 2, 3, 4}, 2); !scalar.EqualWithinAbs(v.V, 0.7, 1e-12) {
		t.Errorf("TopShare(1..4, 2) = %+v, want 0.7", v)
	}
	if v := metrics.TopShare([]float64{1, 2}, 5); v.V != 1 {
		t.Errorf("TopShare(k > n) = %+v, want 1", v)
	}
	if v := metrics.TopShare([]float64{1, 2}, 0); v.OK {
		t.Errorf("TopShare(k = 0) = %+v, want undefined", v)
	}
}

func TestLorenz(t *testing.T) {
	// 1,2,3,4 (sum 10): cumulative shares 0.1, 0.3, 0.6, 1.
	want := []metrics.LorenzPoint{{0, 0}, {0.25, 0.1}, {0.5, 0.3}, {0.75, 0.6}, {1, 1}}
	got := metrics.Lorenz([]float64{4, 2, 1, 3})
	if len(got) != len(want) {
		t.Fatalf("Lorenz = %v, want %v", got, want)
	}
	for i := range want {
		if !scalar.EqualWithinAbs(got[i].Population, want[i].Population, 1e-12) || !scalar.EqualWithinAbs(got[i].Share, want[i].Share, 1e-12) {
			t.Errorf("point %d = %v, want %v", i, got[i], want[i])
		}
	}
	// Gini = 1 − 2·(area under the curve), trapezoids.
	var area float64
	for i := 1; i < len(got); i++ {
		area += (got[i].Population - got[i-1].Population) * (got[i].Share + got[i-1].Share) / 2
	}
	if g := metrics.Gini([]float64{4, 2, 1, 3}); !scalar.EqualWithinAbs(g.V, 1-2*area, 1e-12) {
		t.Errorf("Gini %v ≠ 1 − 2·area %v", g.V, 1-2*area)
	}
	if metrics.Lorenz(nil) != nil || metrics.Lorenz([]float64{0, 0}) != nil || metrics.Lorenz([]float64{-1, 2}) != nil {
		t.Error("Lorenz of undefined input is not nil")
	}
}
