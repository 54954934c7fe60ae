package null_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/ecosys-sna/ecosys/metrics/null"
)

// sampledTests are two-mode graphs small enough to enumerate every graph
// with the same row degrees and the same covered columns: nodes
// 0..rows-1 are rows (mode 0), the others columns (mode 1); a column
// without a tie in the observed graph must stay without one.
var sampledTests = []struct {
	name     string
	n, rows  int
	edges    []wedge
	wantReal int // counted by hand where not -1
}{
	// Rows of degree 1 covering 3 columns: only the 3! matchings, linked
	// by swaps alone (no move keeps every column covered).
	{name: "matching 3x3", n: 6, rows: 3, edges: []wedge{{u: 0, v: 3}, {u: 1, v: 4}, {u: 2, v: 5}}, wantReal: 6},
	// Rows (2, 2) covering 4 columns: the first row takes any 2 of the 4
	// columns and the second the other two: C(4, 2) = 6.
	{name: "rows (2,2) cover 4", n: 6, rows: 2, edges: []wedge{{u: 0, v: 2}, {u: 0, v: 3}, {u: 1, v: 4}, {u: 1, v: 5}}, wantReal: 6},
	// Rows (2, 1, 1) on 3 covered columns.
	{name: "rows (2,1,1) on 3", n: 6, rows: 3, edges: []wedge{{u: 0, v: 3}, {u: 0, v: 4}, {u: 1, v: 4}, {u: 2, v: 5}}, wantReal: -1},
	// Rows (3, 1, 1, 1) on 4 covered columns and one uncovered column
	// (node 8), which must stay isolated.
	{name: "rows (3,1,1,1) on 4 and an isolate", n: 9, rows: 4,
		edges: []wedge{{u: 0, v: 4}, {u: 0, v: 5}, {u: 0, v: 6}, {u: 1, v: 7}, {u: 2, v: 4}, {u: 3, v: 5}}, wantReal: -1},
}

// sampledRealisations enumerates the realisations of test case c: the
// edge sets among row × column pairs with the observed row degrees and
// every observed covered column (and only those) covered.
func sampledRealisations(n, rows int, edges []wedge) ([][2]int64, map[uint64]bool) {
	pairs := pairsOf(n, false, rows)
	rowDeg := make([]int, n)
	covered := make([]bool, n)
	for _, e := range edges {
		rowDeg[e.u]++
		covered[e.v] = true
	}
	reals := map[uint64]bool{}
	deg := make([]int, n)
	for code := uint64(0); code < 1<<len(pairs); code++ {
		clear(deg)
		for i, p := range pairs {
			if code&(1<<i) != 0 {
				deg[p[0]]++
				deg[p[1]]++
			}
		}
		ok := slices.Equal(deg[:rows], rowDeg[:rows])
		for v := rows; v < n && ok; v++ {
			ok = (deg[v] > 0) == covered[v]
		}
		if ok {
			reals[code] = true
		}
	}
	return pairs, reals
}

// TestBipartiteSampledUniform draws samples and tests the counts of the
// realisations against the uniform distribution (Pearson's χ²).
func TestBipartiteSampledUniform(t *testing.T) {
	for _, c := range sampledTests {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			pairs, reals := sampledRealisations(c.n, c.rows, c.edges)
			if c.wantReal >= 0 && len(reals) != c.wantReal {
				t.Fatalf("enumerated %d realisations, want %d", len(reals), c.wantReal)
			}
			s, err := null.New(null.BipartiteSampled, newGraph(false, seq(c.n), c.edges), null.Options{Mode: modeOf(c.rows)})
			if err != nil {
				t.Fatal(err)
			}
			counts := sampleCodes(t, s, pairs)
			stat, df, p, outside := chiSquared(counts, reals)
			t.Logf("%d realisations, χ² = %.2f, df = %d, p = %.4f", len(reals), stat, df, p)
			if outside > 0 {
				t.Errorf("%d samples outside the %d realisations", outside, len(reals))
			}
			if len(counts) != len(reals) || p < uniformAlpha {
				t.Errorf("reached %d of %d realisations, p = %v", len(counts), len(reals), p)
			}
		})
	}
}

// TestBipartiteSampledTilt checks that a tilted chain draws each
// realisation with probability proportional to the product of its ties'
// weights.
func TestBipartiteSampledTilt(t *testing.T) {
	c := sampledTests[3]
	pairs, reals := sampledRealisations(c.n, c.rows, c.edges)
	// Column 4 is the hub: every tie to it weighs 4.
	tilt := func(r, col int64) float64 {
		if col == 4 {
			return 4
		}
		return 1
	}
	s, err := null.New(null.BipartiteSampled, newGraph(false, seq(c.n), c.edges), null.Options{Mode: modeOf(c.rows), Tilt: tilt})
	if err != nil {
		t.Fatal(err)
	}
	counts := sampleCodes(t, s, pairs)
	want := map[uint64]float64{}
	total := 0.0
	for code := range reals {
		w := 1.0
		for i, p := range pairs {
			if code&(1<<i) != 0 {
				w *= tilt(p[0], p[1])
			}
		}
		want[code] = w
		total += w
	}
	var stat float64
	for code, w := range want {
		e := w / total * uniformSamples
		d := float64(counts[code]) - e
		stat += d * d / e
	}
	df := float64(len(reals) - 1)
	p := distuv.ChiSquared{K: df}.Survival(stat)
	t.Logf("%d realisations, χ² = %.2f, df = %v, p = %.4f", len(reals), stat, df, p)
	if p < uniformAlpha {
		t.Errorf("tilted counts differ from the target: p = %v", p)
	}
}

func sampleCodes(t *testing.T, s null.Sampler, pairs [][2]int64) map[uint64]int {
	t.Helper()
	src := rand.NewPCG(7, 7)
	counts := map[uint64]int{}
	for range uniformSamples {
		h, err := s.Sample(src)
		if err != nil {
			t.Fatal(err)
		}
		counts[code(h, pairs)]++
	}
	return counts
}

// TestBipartiteSampledErrors checks the refusals of the model.
func TestBipartiteSampledErrors(t *testing.T) {
	g := newGraph(false, seq(4), []wedge{{u: 0, v: 2}, {u: 1, v: 3}})
	if _, err := null.New(null.BipartiteSampled, g, null.Options{}); err == nil {
		t.Error("no Mode accepted")
	}
	if _, err := null.New(null.BipartiteSampled, g, null.Options{Mode: func(int64) int { return 0 }}); err == nil {
		t.Error("edge within a mode accepted")
	}
	bad := func(int64, int64) float64 { return math.NaN() }
	if _, err := null.New(null.BipartiteSampled, g, null.Options{Mode: modeOf(2), Tilt: bad}); err == nil {
		t.Error("NaN tilt accepted")
	}
	var _ graph.Graph = g
}
