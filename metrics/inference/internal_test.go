package inference

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestQuantile7 compares with R 4.x: quantile(x, p, type = 7), which is
// also numpy.quantile's default ("linear"). For x = 1:10 type 7 gives
// 1 + 9p; for x = c(3, 1, 4, 1, 5) sorted (1, 1, 3, 4, 5) and p = 0.3,
// h = 1.2 and Q = 1 + 0.2·(3 − 1) = 1.4.
func TestQuantile7(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tc := range []struct{ p, want float64 }{
		{0, 1}, {0.025, 1.225}, {0.05, 1.45}, {0.5, 5.5}, {0.95, 9.55}, {0.975, 9.775}, {1, 10},
	} {
		if got := quantile7(tc.p, x); !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-12, 1e-12) {
			t.Errorf("quantile7(%v, 1:10) = %v, want %v", tc.p, got, tc.want)
		}
	}
	if got := quantile7(0.3, []float64{1, 1, 3, 4, 5}); !scalar.EqualWithinAbsOrRel(got, 1.4, 1e-12, 1e-12) {
		t.Errorf("quantile7(0.3) = %v, want 1.4", got)
	}
	if got := quantile7(0.975, []float64{7}); got != 7 {
		t.Errorf("single value: %v", got)
	}
}

func TestTies(t *testing.T) {
	a := 0.1 + 0.2 // 0.30000000000000004
	if !geq(0.3, a) || !leq(a, 0.3) || !ties(a, 0.3) {
		t.Error("floating-point noise must tie")
	}
	if geq(0.3, 0.3+1e-9) || ties(0, 1e-300) || !geq(math.Inf(1), 5) {
		t.Error("real differences must not tie")
	}
}

func TestSummarizeConstantMean(t *testing.T) {
	x := make([]float64, 7)
	for i := range x {
		x[i] = 0.1
	}
	x = append(x, math.NaN())
	s := summarize(x)
	if s.mean != 0.1 || s.sd != 0 || s.undefined != 1 || len(s.defined) != 7 {
		t.Errorf("summarize: %+v", s)
	}
}
