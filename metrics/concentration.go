package metrics

import (
	"fmt"
	"math"
	"slices"
)

// Concentration indices of a non-negative node value x_1, …, x_n (contract
// amount by end user, strength by contractor, …). They describe how the
// total Σx is shared among the n units, whatever the network; report them
// beside the structural centralizations.
//
// Common rules: the input slice is not modified; every value must be
// finite and non-negative (otherwise the Value is undefined with the
// reason: a negative amount has no share); n = 0 or Σx = 0 give an
// undefined Value, since shares are 0/0. Zeros count as units holding
// nothing: keep units with a zero value in x, or drop them, according to
// the population the index should describe (a bureau with no contract is a
// unit of a bureau-level index).

// centrCheck validates x and returns its sum.
func centrCheck(x []float64) (float64, error) {
	if len(x) == 0 {
		return 0, fmt.Errorf("no values")
	}
	var sum float64
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("value %d is %v", i, v)
		}
		if v < 0 {
			return 0, fmt.Errorf("value %d is negative (%v): shares need non-negative values", i, v)
		}
		sum += v
	}
	if sum == 0 {
		return 0, fmt.Errorf("all values are zero: shares are 0/0")
	}
	return sum, nil
}

// centrSorted returns a sorted copy of x and its sum (summed in ascending
// order, so that the result does not depend on the order of x).
func centrSorted(x []float64) ([]float64, float64, error) {
	if _, err := centrCheck(x); err != nil {
		return nil, 0, err
	}
	s := slices.Clone(x)
	slices.Sort(s)
	var sum float64
	for _, v := range s {
		sum += v
	}
	return s, sum, nil
}

// Gini returns the Gini coefficient of x in its population form,
//
//	G = Σ_i Σ_j |x_i − x_j| / (2 n² μ) = 2 Σ_i i·x_(i) / (n Σx) − (n+1)/n
//
// with x_(1) ≤ … ≤ x_(n) and μ the mean. G is twice the area between the
// Lorenz curve (see Lorenz) and the diagonal: 0 when all values are equal,
// (n−1)/n when one unit holds everything. The sample (bias-corrected) form
// n/(n−1)·G, which reaches 1, is what some statistical packages report
// (e.g. R ineq::Gini(corr = TRUE)); ecosys reports the population form, as
// NumPy-based recipes and R ineq's default do, and as the index describes
// a complete population of units rather than a sample.
//
// Undefined for n = 0, for all-zero values and for negative or non-finite
// values. The time complexity is O(n log n).
//
// [Gini 1912]: Gini, C. (1912). Variabilità e mutabilità. Bologna: Tipografia
// di Paolo Cuppini. Reprinted in Memorie di metodologica statistica (1955).
// No DOI.
func Gini(x []float64) Value {
	s, sum, err := centrSorted(x)
	if err != nil {
		return Undefined(err.Error())
	}
	n := float64(len(s))
	var weighted float64
	for i, v := range s {
		weighted += float64(i+1) * v
	}
	g := 2*weighted/(n*sum) - (n+1)/n
	if g < 0 { // rounding on equal values
		g = 0
	}
	return Defined(g)
}

// HHI returns the Herfindahl–Hirschman index of x, the sum of squared
// shares,
//
//	H = Σ_i s_i²,  s_i = x_i / Σx
//
// in [1/n, 1]: 1/n when all shares are equal, 1 when one unit holds
// everything. 1/H is the "numbers equivalent", the number of equal units
// that would give the same H. Shares are fractions, not percentages
// (antitrust practice multiplies by 10 000). Undefined for n = 0, all-zero,
// negative or non-finite values. The time complexity is O(n log n).
//
// [Herfindahl 1950]: Herfindahl, O. C. (1950). Concentration in the Steel
// Industry. PhD thesis, Columbia University. No DOI.
// Hirschman, A. O. (1964). The paternity of an index. American Economic
// Review 54(5):761. No DOI.
func HHI(x []float64) Value {
	s, sum, err := centrSorted(x)
	if err != nil {
		return Undefined(err.Error())
	}
	var h float64
	for _, v := range s {
		h += (v / sum) * (v / sum)
	}
	return Defined(h)
}

// NormalizedHHI returns the Herfindahl–Hirschman index rescaled to [0, 1],
//
//	H* = (H − 1/n) / (1 − 1/n)
//
// 0 when all shares are equal, 1 when one unit holds everything. Undefined
// for n < 2 and wherever HHI is.
func NormalizedHHI(x []float64) Value {
	if len(x) < 2 {
		return Undefined(fmt.Sprintf("normalized HHI needs at least 2 values, have %d", len(x)))
	}
	h := HHI(x)
	if !h.OK {
		return h
	}
	n := float64(len(x))
	v := (h.V - 1/n) / (1 - 1/n)
	return Defined(math.Min(1, math.Max(0, v)))
}

// Theil returns Theil's T index of x,
//
//	T = (1/n) Σ_i (x_i/μ) ln(x_i/μ),  0·ln 0 = 0
//
// in [0, ln n]: 0 when all values are equal, ln n when one unit holds
// everything. T = ln n − S, S being the Shannon entropy of the shares, and
// it decomposes additively into between-group and within-group parts.
// Undefined for n = 0, all-zero, negative or non-finite values. The time
// complexity is O(n log n).
//
// [Theil 1967]: Theil, H. (1967). Economics and Information Theory.
// Amsterdam: North-Holland. No DOI.
func Theil(x []float64) Value {
	s, sum, err := centrSorted(x)
	if err != nil {
		return Undefined(err.Error())
	}
	n := float64(len(s))
	mu := sum / n
	var t float64
	for _, v := range s {
		if v > 0 {
			r := v / mu
			t += r * math.Log(r)
		}
	}
	t /= n
	if t < 0 { // rounding on equal values
		t = 0
	}
	return Defined(t)
}

// Entropy returns the Shannon entropy of the shares of x, normalized by
// its maximum ln n,
//
//	E = −Σ_i s_i ln s_i / ln n,  s_i = x_i / Σx,  0·ln 0 = 0
//
// in [0, 1]: 1 when all shares are equal (evenness, Pielou's J), 0 when one
// unit holds everything. 1 − E is a concentration index. Undefined for
// n < 2 and for all-zero, negative or non-finite values. The time
// complexity is O(n log n).
//
// [Shannon 1948]: https://doi.org/10.1002/j.1538-7305.1948.tb01338.x
func Entropy(x []float64) Value {
	if len(x) < 2 {
		return Undefined(fmt.Sprintf("normalized entropy needs at least 2 values, have %d", len(x)))
	}
	s, sum, err := centrSorted(x)
	if err != nil {
		return Undefined(err.Error())
	}
	var e float64
	for _, v := range s {
		if v > 0 {
			p := v / sum
			e -= p * math.Log(p)
		}
	}
	e /= math.Log(float64(len(s)))
	return Defined(math.Min(1, math.Max(0, e)))
}

// TopShare returns the share of the total held by the k largest values,
//
//	S_k = Σ_{i ≤ k} x_[i] / Σx,  x_[1] ≥ x_[2] ≥ …
//
// (for example the share of contract amounts going to the top 5 end users).
// S_k = 1 when k ≥ n. Undefined for k < 1 and wherever HHI is. The time
// complexity is O(n log n).
func TopShare(x []float64, k int) Value {
	if k < 1 {
		return Undefined(fmt.Sprintf("top share needs k ≥ 1, have %d", k))
	}
	s, sum, err := centrSorted(x)
	if err != nil {
		return Undefined(err.Error())
	}
	if k >= len(s) {
		return Defined(1)
	}
	var top float64
	for _, v := range s[len(s)-k:] {
		top += v
	}
	return Defined(math.Min(1, top/sum))
}

// LorenzPoint is a point of a Lorenz curve: the poorest Population share
// of the units holds Share of the total.
type LorenzPoint struct {
	Population float64 `json:"population"`
	Share      float64 `json:"share"`
}

// Lorenz returns the Lorenz curve of x: the n+1 points
//
//	(i/n, Σ_{j ≤ i} x_(j) / Σx),  i = 0, …, n,  x_(1) ≤ … ≤ x_(n)
//
// starting at (0, 0) and ending at (1, 1). The curve is the diagonal when
// all values are equal; the Gini coefficient is twice the area between the
// diagonal and the curve. It returns nil wherever Gini is undefined (no
// values, all zero, a negative or non-finite value).
//
// [Lorenz 1905]: https://doi.org/10.2307/2276207 (Lorenz, M. O. (1905).
// Methods of measuring the concentration of wealth. Publications of the
// American Statistical Association 9(70):209–219.)
func Lorenz(x []float64) []LorenzPoint {
	s, sum, err := centrSorted(x)
	if err != nil {
		return nil
	}
	n := float64(len(s))
	pts := make([]LorenzPoint, len(s)+1)
	var cum float64
	for i, v := range s {
		cum += v
		pts[i+1] = LorenzPoint{Population: float64(i+1) / n, Share: cum / sum}
	}
	pts[len(s)].Share = 1
	return pts
}
