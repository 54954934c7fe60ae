package metrics_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestTwoModeDavisReference(t *testing.T) {
	g := loadGraph(t, "davis", false, false)
	mode := func(id int64) int {
		if g.Attrs[id]["mode"] == "woman" {
			return 0
		}
		return 1
	}
	bin, err := metrics.TwoModeDegreeCentralization(g.G.(graph.Undirected), mode)
	if err != nil {
		t.Fatal(err)
	}
	val, err := metrics.TwoModeValuedDegreeCentralization(g.G.(graph.WeightedUndirected), mode)
	if err != nil {
		t.Fatal(err)
	}
	// 18 women × 14 events: (n1−1)(n2−1) = 17·13 = 221; 89 ties.
	if bin.Mode0.Max != 221 || bin.Mode1.Max != 221 || val.Mode0.Max != 17*89 || val.Mode1.Max != 13*89 {
		t.Errorf("maxima %v %v %v %v, want 221, 221, 1513, 1157", bin.Mode0.Max, bin.Mode1.Max, val.Mode0.Max, val.Mode1.Max)
	}
	n := 0
	for _, c := range loadReference(t, centrRefFile) {
		var got metrics.Value
		switch c.Measure {
		case "twomode_degree_centralization_mode0":
			got = bin.Mode0.Value
		case "twomode_degree_centralization_mode1":
			got = bin.Mode1.Value
		case "twomode_valued_degree_centralization_mode0":
			got = val.Mode0.Value
		case "twomode_valued_degree_centralization_mode1":
			got = val.Mode1.Value
		default:
			continue
		}
		centrCheckValue(t, got, c)
		n++
	}
	if n != 4 {
		t.Errorf("%d Davis reference cases, want 4", n)
	}
}

// centrBipartite builds a weighted bipartite graph: nodes 0..n0−1 of mode 0,
// n0..n0+n1−1 of mode 1; edges (i, j, w) join mode-0 node i and mode-1
// node n0+j.
func centrBipartite(n0, n1 int, edges [][3]float64) (*simple.WeightedUndirectedGraph, func(int64) int) {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := 0; i < n0+n1; i++ {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, e := range edges {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(e[0])), T: simple.Node(int64(n0) + int64(e[1])), W: e[2]})
	}
	return g, func(id int64) int {
		if id < int64(n0) {
			return 0
		}
		return 1
	}
}

func TestTwoModeDegreeCentralization(t *testing.T) {
	nan := math.NaN()
	for _, tt := range []struct {
		name                   string
		n0, n1                 int
		edges                  [][3]float64
		bin0, bin1, val0, val1 float64 // NaN: undefined
	}{
		// Borgatti–Everett's maximum for mode 0 (3 × 4): node 0 tied to all
		// 4 of mode 1, nodes 1 and 2 to one each. Mode 0: degrees 4,1,1,
		// Σ = 6 = (3−1)(4−1). Mode 1: degrees 3,1,1,1: Σ = 6 / (4−1)(3−1).
		// Valued (weights 1, W = 6): mode 0 Σ = 6 / ((3−1)·6) = 0.5; mode 1
		// Σ = 6 / ((4−1)·6) = 1/3.
		{"B–E maximum", 3, 4, [][3]float64{{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 0, 1}, {2, 0, 1}}, 1, 1, 0.5, 1.0 / 3},
		// Complete bipartite 2 × 3: every degree equal.
		{"K2,3", 2, 3, [][3]float64{{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {1, 0, 1}, {1, 1, 1}, {1, 2, 1}}, 0, 0, 0, 0},
		// Same ties, contract amounts concentrated on node 0 of mode 0:
		// strengths 97 and 3, W = 100: Σ = 94 / ((2−1)·100). Mode 1
		// strengths 2, 50, 48: Σ = 48 + 2 = 50 / ((3−1)·100).
		{"K2,3 valued", 2, 3, [][3]float64{{0, 0, 1}, {0, 1, 49}, {0, 2, 47}, {1, 0, 1}, {1, 1, 1}, {1, 2, 1}}, 0, 0, 0.94, 0.25},
		// Mode 0 node 2 isolated: binary undefined for mode 0 (the index
		// would be (4−1+4−1)/6 = 1 here but can exceed 1); valued: all weight
		// on node 0 of mode 0 → 1. Mode 1 degrees 1,1,1,1 → 0.
		{"isolate", 3, 4, [][3]float64{{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {0, 3, 1}}, nan, 0, 1, 0},
		// One node of mode 0: n0 − 1 = 0. Mode 1 has an isolate (binary
		// undefined); valued strengths 1, 1, 0, W = 2: Σ = 1 / ((3−1)·2).
		{"single", 1, 3, [][3]float64{{0, 0, 1}, {0, 1, 1}}, nan, nan, nan, 0.25},
	} {
		g, mode := centrBipartite(tt.n0, tt.n1, tt.edges)
		bin, err := metrics.TwoModeDegreeCentralization(g, mode)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		val, err := metrics.TwoModeValuedDegreeCentralization(g, mode)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for i, c := range []struct {
			got  metrics.Value
			want float64
		}{{bin.Mode0.Value, tt.bin0}, {bin.Mode1.Value, tt.bin1}, {val.Mode0.Value, tt.val0}, {val.Mode1.Value, tt.val1}} {
			if math.IsNaN(c.want) {
				if c.got.OK || c.got.Note == "" {
					t.Errorf("%s index %d: %+v, want undefined with a reason", tt.name, i, c.got)
				}
				continue
			}
			if !c.got.OK || !scalar.EqualWithinAbs(c.got.V, c.want, 1e-12) {
				t.Errorf("%s index %d: %+v, want %v", tt.name, i, c.got, c.want)
			}
		}
	}

	// Errors: an edge inside a mode, a mode other than 0 or 1.
	g, _ := centrBipartite(2, 2, [][3]float64{{0, 0, 1}})
	g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 1})
	if _, err := metrics.TwoModeDegreeCentralization(g, func(id int64) int { return int(id / 2) }); err == nil || !strings.HasPrefix(err.Error(), "metrics: ") {
		t.Errorf("same-mode edge: err = %v", err)
	}
	if _, err := metrics.TwoModeValuedDegreeCentralization(g, func(id int64) int { return 2 }); err == nil {
		t.Error("mode 2: no error")
	}
}

// TestTwoModeMaximumBruteForce checks Borgatti and Everett's denominator
// on every bipartite graph with n0, n1 ≤ 4: among graphs whose mode 0 has
// no isolate, Σ(d* − d_i) never exceeds (n0−1)(n1−1) and reaches it; and
// the valued index of random weights stays in [0, 1].
func TestTwoModeMaximumBruteForce(t *testing.T) {
	for n0 := 2; n0 <= 4; n0++ {
		for n1 := 2; n1 <= 4; n1++ {
			max := float64((n0 - 1) * (n1 - 1))
			best := 0.0
			for mask := 0; mask < 1<<(n0*n1); mask++ {
				deg := make([]float64, n0)
				for b := 0; b < n0*n1; b++ {
					if mask&(1<<b) != 0 {
						deg[b/n1]++
					}
				}
				if min := centrMin(deg); min == 0 {
					continue
				}
				top, s := centrMax(deg), 0.0
				for _, d := range deg {
					s += top - d
				}
				if s > max {
					t.Fatalf("n0=%d n1=%d mask=%b: Σ = %v > %v", n0, n1, mask, s, max)
				}
				best = math.Max(best, s)
			}
			if best != max {
				t.Errorf("n0=%d n1=%d: maximum %v not reached (%v)", n0, n1, max, best)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for rep := 0; rep < 200; rep++ {
		n0, n1 := 2+rng.IntN(5), 2+rng.IntN(5)
		var edges [][3]float64
		for i := 0; i < n0; i++ {
			for j := 0; j < n1; j++ {
				if rng.Float64() < 0.5 {
					edges = append(edges, [3]float64{float64(i), float64(j), rng.ExpFloat64() * 1e6})
				}
			}
		}
		g, mode := centrBipartite(n0, n1, edges)
		val, err := metrics.TwoModeValuedDegreeCentralization(g, mode)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []metrics.Centralization{val.Mode0, val.Mode1} {
			if c.Value.OK && (c.Value.V < 0 || c.Value.V > 1) {
				t.Fatalf("rep %d: %+v outside [0, 1]", rep, c)
			}
		}
	}
}

func centrMin(x []float64) float64 {
	m := math.Inf(1)
	for _, v := range x {
		m = math.Min(m, v)
	}
	return m
}

func centrMax(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		m = math.Max(m, v)
	}
	return m
}
