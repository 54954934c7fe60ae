package inference

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// qapReference is metrics/testdata/reference/qap/qap.json, written by
// scripts/reference/qap/qap.R with R sna 2.7-1: the input matrices of two
// classic data sets and sna's netlm and netlogit results on them.
type qapReference struct {
	Provenance map[string]string `json:"provenance"`
	Data       map[string]struct {
		Source     string                     `json:"source"`
		Directed   bool                       `json:"directed"`
		Nodes      []string                   `json:"nodes"`
		Attributes map[string]json.RawMessage `json:"attributes"`
		Matrices   map[string][][]float64     `json:"matrices"`
	} `json:"data"`
	Cases []qapRefCase `json:"cases"`
}

type qapRefCase struct {
	Name              string    `json:"name"`
	Data              string    `json:"data"`
	Y                 string    `json:"y"`
	X                 []string  `json:"x"`
	Directed          bool      `json:"directed"`
	Logit             bool      `json:"logit"`
	Method            string    `json:"method"`
	Call              string    `json:"call"`
	Reps              int       `json:"reps"`
	NPairs            int       `json:"n_pairs"`
	Names             []string  `json:"names"`
	Coefficients      []float64 `json:"coefficients"`
	T                 []float64 `json:"t"`
	CoefficientsTight []float64 `json:"coefficients_tight"`
	TTight            []float64 `json:"t_tight"`
	R2                float64   `json:"r2"`
	SNAPseudoR2       float64   `json:"sna_pseudo_r2"`
	PLower            []float64 `json:"p_lower"`
	PUpper            []float64 `json:"p_upper"`
	PAbs              []float64 `json:"p_abs"`
}

func loadQAPReference(t testing.TB) *qapReference {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "reference", "qap", "qap.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r qapReference
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Cases) == 0 || r.Provenance["script"] == "" {
		t.Fatal("qap.json: no cases or no provenance")
	}
	return &r
}

func denseOf(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

// TestQAPReference compares QAP with sna's netlm and netlogit on
// Krackhardt's high-tech managers (directed) and Padgett's Florentine
// families (undirected); see scripts/reference/qap/qap.R for the data and
// sna's conventions. Estimates, t-values and R² agree to 1e-9. The
// p-values of sna (10,000 permutations from R's generator) and of QAP
// (its own permutations) agree within Monte Carlo error: with R the
// smaller number of permutations and v the larger of p(1−p) and
// p_sna(1−p_sna), |p − p_sna| ≤ 4·√(v/R) + 1/R.
func TestQAPReference(t *testing.T) {
	ref := loadQAPReference(t)
	for _, c := range ref.Cases {
		t.Run(c.Name, func(t *testing.T) {
			data := ref.Data[c.Data]
			y := denseOf(data.Matrices[c.Y])
			var xs []mat.Matrix
			for _, name := range c.X {
				xs = append(xs, denseOf(data.Matrices[name]))
			}
			samples := 2000
			if c.Logit {
				samples = 500
			}
			if !testing.Short() {
				samples *= 2
			}
			res, err := QAP(y, xs, c.X, QAPOptions{Directed: c.Directed, Logit: c.Logit, Method: c.Method, Samples: samples, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.NPairs != c.NPairs || len(res.Coefficients) != len(c.Names) {
				t.Fatalf("%d pairs, %d coefficients; sna %d, %d", res.NPairs, len(res.Coefficients), c.NPairs, len(c.Names))
			}
			coef, tval := c.Coefficients, c.T
			if c.Logit {
				// netlogit stops at glm.fit's default epsilon 1e-8 and takes
				// standard errors from the weights of its last iteration:
				// its values are within 1e-7 (estimates) and 1e-3 (z) of
				// the converged fit, which the script also stores.
				for k := range coef {
					if !scalar.EqualWithinAbs(res.Coefficients[k].Estimate, coef[k], 1e-7) || !scalar.EqualWithinAbs(res.Coefficients[k].T, tval[k], 1e-3) {
						t.Errorf("%s: %v, z %v; netlogit %v, %v", c.Names[k], res.Coefficients[k].Estimate, res.Coefficients[k].T, coef[k], tval[k])
					}
				}
				coef, tval = c.CoefficientsTight, c.TTight
				// sna's pseudo-R² (Dn−Dr)/Dn has Dn = 2N log 2 (p = 1/2).
				var ones float64
				for i := range data.Matrices[c.Y] {
					for j, v := range data.Matrices[c.Y][i] {
						if i != j && (c.Directed || i < j) {
							ones += v
						}
					}
				}
				N := float64(res.NPairs)
				dev0 := -2 * (ones*math.Log(ones/N) + (N-ones)*math.Log(1-ones/N))
				dev := (1 - res.R2) * dev0
				if sna := 1 - dev/(2*N*math.Ln2); !scalar.EqualWithinAbs(sna, c.SNAPseudoR2, 1e-7) {
					t.Errorf("deviance %v gives sna's pseudo-R² %v, sna %v", dev, sna, c.SNAPseudoR2)
				}
			}
			if !scalar.EqualWithinAbs(res.R2, c.R2, 1e-9) {
				t.Errorf("R² %v, sna %v", res.R2, c.R2)
			}
			rmin := float64(min(samples, c.Reps))
			var dEst, dT, dP float64
			for k, got := range res.Coefficients {
				dEst = max(dEst, math.Abs(got.Estimate-coef[k]))
				dT = max(dT, math.Abs(got.T-tval[k]))
				dP = max(dP, math.Abs(got.PUpper-c.PUpper[k]), math.Abs(got.PLower-c.PLower[k]), math.Abs(got.PAbs-c.PAbs[k]))
				if got.Name != c.Names[k] && k > 0 {
					t.Errorf("coefficient %d named %q, want %q", k, got.Name, c.Names[k])
				}
				if !scalar.EqualWithinAbs(got.Estimate, coef[k], 1e-9) {
					t.Errorf("%s: estimate %.12g, sna %.12g", got.Name, got.Estimate, coef[k])
				}
				if !scalar.EqualWithinAbs(got.T, tval[k], 1e-9) {
					t.Errorf("%s: t %.12g, sna %.12g", got.Name, got.T, tval[k])
				}
				for _, p := range []struct {
					name      string
					got, want float64
				}{{"p_upper", got.PUpper, c.PUpper[k]}, {"p_lower", got.PLower, c.PLower[k]}, {"p_abs", got.PAbs, c.PAbs[k]}} {
					v := max(p.got*(1-p.got), p.want*(1-p.want))
					if tol := 4*math.Sqrt(v/rmin) + 1/rmin; math.Abs(p.got-p.want) > tol {
						t.Errorf("%s %s = %.4f, sna %.4f (tolerance %.4f)", got.Name, p.name, p.got, p.want, tol)
					}
				}
				if got.Undefined > samples/100 {
					t.Errorf("%s: %d of %d permutations undefined", got.Name, got.Undefined, samples)
				}
			}
			t.Logf("%s: max |Δ| estimate %.1e, t %.1e, R² %.1e; p-values %.4f (R = %d, sna %d)", c.Call, dEst, dT, math.Abs(res.R2-c.R2), dP, samples, c.Reps)
		})
	}
}

// TestSameAttributeReference checks SameAttribute, missing values
// included, against the matrices the R script built from the attributes.
func TestSameAttributeReference(t *testing.T) {
	ref := loadQAPReference(t)
	for _, tc := range []struct{ data, attr, matrix string }{
		{"krack", "dept", "same_dept"},
		{"flo", "random", "same_random"},
	} {
		var values []string
		if err := json.Unmarshal(ref.Data[tc.data].Attributes[tc.attr], &values); err != nil {
			t.Fatal(err)
		}
		if !mat.Equal(SameAttribute(values), denseOf(ref.Data[tc.data].Matrices[tc.matrix])) {
			t.Errorf("SameAttribute(%s.%s) differs from %s", tc.data, tc.attr, tc.matrix)
		}
	}
}

func TestSameAttribute(t *testing.T) {
	got := SameAttribute([]string{"a", "b", "a", "", ""})
	want := mat.NewDense(5, 5, []float64{
		0, 0, 1, 0, 0,
		0, 0, 0, 0, 0,
		1, 0, 0, 0, 0,
		0, 0, 0, 0, 0, // "" matches nothing, not even another ""
		0, 0, 0, 0, 0,
	})
	if !mat.Equal(got, want) {
		t.Errorf("SameAttribute:\n%v\nwant\n%v", mat.Formatted(got), mat.Formatted(want))
	}
	if m := SameAttribute(nil); !m.IsEmpty() {
		t.Errorf("SameAttribute(nil) = %v", m)
	}
}

func TestEdgeMatrix(t *testing.T) {
	edges := []Edge{{0, 1, 2}, {1, 2, 1}, {0, 1, 0.5}, {2, 0, 3}}
	got, err := EdgeMatrix(3, edges, true)
	if err != nil {
		t.Fatal(err)
	}
	// Repeated ties are summed: 0→1 is 2 + 0.5.
	if want := mat.NewDense(3, 3, []float64{0, 2.5, 0, 0, 0, 1, 3, 0, 0}); !mat.Equal(got, want) {
		t.Errorf("directed:\n%v", mat.Formatted(got))
	}
	got, err = EdgeMatrix(3, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := mat.NewDense(3, 3, []float64{0, 2.5, 3, 2.5, 0, 1, 3, 1, 0}); !mat.Equal(got, want) {
		t.Errorf("undirected:\n%v", mat.Formatted(got))
	}
	for _, tc := range []struct {
		n     int
		edges []Edge
		want  string
	}{
		{0, nil, "0 nodes"},
		{3, []Edge{{0, 3, 1}}, "out of range"},
		{3, []Edge{{-1, 0, 1}}, "out of range"},
		{3, []Edge{{1, 1, 1}}, "self-tie"},
		{3, []Edge{{0, 1, math.NaN()}}, "weight NaN"},
		{3, []Edge{{0, 1, math.Inf(1)}}, "weight +Inf"},
	} {
		if _, err := EdgeMatrix(tc.n, tc.edges, true); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "inference: ") {
			t.Errorf("EdgeMatrix(%d, %v): error %v, want %q", tc.n, tc.edges, err, tc.want)
		}
	}
}

// randomRelations returns a 0/1 y (density 0.3) and two predictors, a
// random weighted one and a block structure, on n nodes.
func randomRelations(n int, directed bool, seed uint64) (y *mat.Dense, xs []mat.Matrix) {
	r := rand.New(rand.NewPCG(seed, 0))
	y, x := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil)
	groups := make([]string, n)
	for i := range n {
		groups[i] = string(rune('a' + i%3))
		for j := range n {
			if i == j || (!directed && j < i) {
				continue
			}
			var v float64
			if r.Float64() < 0.3 {
				v = 1
			}
			y.Set(i, j, v)
			x.Set(i, j, r.ExpFloat64())
			if !directed {
				y.Set(j, i, v)
				x.Set(j, i, x.At(i, j))
			}
		}
	}
	return y, []mat.Matrix{x, SameAttribute(groups)}
}

// TestQAPWorkers checks that results do not depend on the number of
// workers, for a number of permutations that is not a multiple of the
// block size.
func TestQAPWorkers(t *testing.T) {
	for _, tc := range []struct {
		method          string
		directed, logit bool
	}{
		{"dsp", true, false}, {"y", true, false}, {"dsp", false, false}, {"y", false, false},
		{"dsp", true, true}, {"y", false, true},
	} {
		y, xs := randomRelations(9, tc.directed, 5)
		var want []byte
		for _, w := range []int{1, 2, 3, 0} {
			res, err := QAP(y, xs, []string{"w", "same"}, QAPOptions{Directed: tc.directed, Logit: tc.logit, Method: tc.method, Samples: 77, Seed: 3, Workers: w})
			if err != nil {
				t.Fatalf("%+v: %v", tc, err)
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = b
			} else if string(b) != string(want) {
				t.Errorf("%+v, workers %d:\n%s\nwant\n%s", tc, w, b, want)
			}
		}
	}
}

// TestQAPPermute checks the pair numbering and the permutation of pairs
// against a permutation of the rows and columns of a matrix.
func TestQAPPermute(t *testing.T) {
	const n = 7
	for _, directed := range []bool{true, false} {
		d := &qapData{n: n, directed: directed}
		m := mat.NewDense(n, n, nil)
		for i := range n {
			for j := range n {
				if directed || i < j {
					m.Set(i, j, float64(10*i+j))
				} else {
					m.Set(i, j, float64(10*j+i))
				}
			}
		}
		v, err := d.vectorize(m, "m")
		if err != nil {
			t.Fatal(err)
		}
		for k := range d.pairs() {
			i, j := d.pairNodes(k)
			if d.pairIndex(i, j) != k || v[k] != m.At(i, j) {
				t.Errorf("directed %v: pair %d is (%d, %d), index %d, value %v", directed, k, i, j, d.pairIndex(i, j), v[k])
			}
		}
		perm := make([]int, n)
		shuffle(perm, 1, 0)
		got := make([]float64, len(v))
		d.permute(got, v, perm)
		pm := mat.NewDense(n, n, nil)
		for i := range n {
			for j := range n {
				pm.Set(i, j, m.At(perm[i], perm[j]))
			}
		}
		want, _ := d.vectorize(pm, "pm")
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("directed %v, perm %v: pair %d = %v, want %v", directed, perm, k, got[k], want[k])
			}
		}
	}
}

// TestQAPDSPRefit checks the Frisch–Waugh–Lovell shortcut of nullDSP
// against refitting y on the other columns and the permuted residual with
// gonum's least squares.
func TestQAPDSPRefit(t *testing.T) {
	y, xs := randomRelations(8, true, 11)
	d, err := newQAPData(y, xs, nil, true, false)
	if err != nil {
		t.Fatal(err)
	}
	const samples = 5
	dist := d.nullDSP(samples, 9, 2)
	N, p := d.x.Dims()
	perm := make([]int, d.n)
	for i := range samples {
		shuffle(perm, 9, i)
		for k := range p {
			// Residual of column k on the others, permuted.
			rest := mat.NewDense(N, p-1, nil)
			for l, j := 0, 0; l < p; l++ {
				if l != k {
					rest.SetCol(j, mat.Col(nil, l, d.x))
					j++
				}
			}
			q, _ := thinQR(rest)
			e := residual(q, mat.Col(nil, k, d.x))
			es := make([]float64, N)
			d.permute(es, e, perm)
			// Refit y on [rest, e*]: t-value of the last coefficient.
			design := mat.NewDense(N, p, nil)
			design.Slice(0, N, 0, p-1).(*mat.Dense).Copy(rest)
			design.SetCol(p-1, es)
			var b mat.VecDense
			if err := b.SolveVec(design, mat.NewVecDense(N, d.y)); err != nil {
				t.Fatal(err)
			}
			var fit, res mat.VecDense
			fit.MulVec(design, &b)
			res.SubVec(mat.NewVecDense(N, d.y), &fit)
			s2 := mat.Dot(&res, &res) / float64(N-p)
			var xtx, inv mat.Dense
			xtx.Mul(design.T(), design)
			if err := inv.Inverse(&xtx); err != nil {
				t.Fatal(err)
			}
			want := b.AtVec(p-1) / math.Sqrt(s2*inv.At(p-1, p-1))
			if got := dist[k*samples+i]; !scalar.EqualWithinAbsOrRel(got, want, 1e-10, 1e-10) {
				t.Errorf("permutation %d, coefficient %d: t* %v, refit %v", i, k, got, want)
			}
		}
	}
}

func TestQAPErrors(t *testing.T) {
	y, xs := randomRelations(6, true, 1)
	x := xs[0]
	sq := func(n int, f func(i, j int) float64) *mat.Dense {
		m := mat.NewDense(n, n, nil)
		for i := range n {
			for j := range n {
				m.Set(i, j, f(i, j))
			}
		}
		return m
	}
	scaled := mat.DenseCopyOf(x)
	scaled.Scale(2, scaled)
	ones := sq(6, func(i, j int) float64 { return 1 })
	zeros := mat.NewDense(6, 6, nil)
	withNaN := mat.DenseCopyOf(y)
	withNaN.Set(1, 2, math.NaN())
	withInf := mat.DenseCopyOf(x)
	withInf.Set(3, 4, math.Inf(-1))
	valued := mat.DenseCopyOf(y)
	valued.Set(2, 3, 2)
	allOnes := sq(6, func(i, j int) float64 { return 1 })
	ok := QAPOptions{Directed: true, Samples: 10}
	logit := QAPOptions{Directed: true, Logit: true, Samples: 10}
	for _, tc := range []struct {
		name  string
		y     mat.Matrix
		xs    []mat.Matrix
		names []string
		opt   QAPOptions
		want  string
	}{
		{"nil y", nil, xs, nil, ok, "nil y"},
		{"not square", mat.NewDense(3, 4, nil), xs, nil, ok, "3×4, not square"},
		{"too small", mat.NewDense(2, 2, nil), []mat.Matrix{mat.NewDense(2, 2, nil)}, nil, ok, "at least 3 nodes"},
		{"no predictor", y, nil, nil, ok, "at least one predictor"},
		{"names", y, xs, []string{"a"}, ok, "1 names for 2 predictors"},
		{"predictor size", y, []mat.Matrix{mat.NewDense(5, 5, nil)}, nil, ok, "predictor x1 is 5×5, y is 6×6"},
		{"nil predictor", y, []mat.Matrix{x, nil}, []string{"a", "b"}, ok, "nil predictor b"},
		{"NaN", withNaN, xs, nil, ok, "y[1][2] = NaN is not finite"},
		{"Inf", y, []mat.Matrix{withInf}, []string{"w"}, ok, "predictor w[3][4] = -Inf"},
		{"asymmetric", y, xs, nil, QAPOptions{Samples: 10}, "y is not symmetric"},
		{"few pairs", sq(3, func(i, j int) float64 { return float64(i + j) }), []mat.Matrix{sq(3, func(i, j int) float64 { return float64(i * j) }), sq(3, func(i, j int) float64 { return 1 })}, nil, QAPOptions{Samples: 10}, "3 pairs of nodes for 3 coefficients"},
		{"collinear", y, []mat.Matrix{x, scaled}, []string{"w", "w2"}, ok, "predictor w2 is collinear with the intercept and w"},
		{"constant", y, []mat.Matrix{ones}, []string{"c"}, ok, "predictor c is collinear with the intercept"},
		{"zero", y, []mat.Matrix{x, zeros}, []string{"w", "z"}, ok, "predictor z is 0 on every pair"},
		{"exact fit", x, []mat.Matrix{x}, nil, ok, "fitted exactly"},
		{"samples", y, xs, nil, QAPOptions{Directed: true}, "number of samples 0"},
		{"method", y, xs, nil, QAPOptions{Directed: true, Samples: 10, Method: "qapx"}, `unknown QAP method "qapx"`},
		{"workers", y, xs, nil, QAPOptions{Directed: true, Samples: 10, Workers: -1}, "negative number of workers"},
		{"logit not 0/1", valued, xs, nil, logit, "logit y[2][3] = 2 is not 0 or 1"},
		{"logit constant", allOnes, xs, nil, logit, "y is 1 on every pair"},
		{"logit separated", y, []mat.Matrix{y}, nil, logit, "separated"},
	} {
		_, err := QAP(tc.y, tc.xs, tc.names, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "inference: ") {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// qapCalibration returns the fraction of p_abs ≤ 0.05, over draws data
// sets, of the DSP test of the two predictors of randomRelations (n = 12,
// directed, 99 permutations), whose y is drawn independently of them.
func qapCalibration(t *testing.T, draws int, logit bool) [2]float64 {
	var rejected [2]int
	for j := range draws {
		y, xs := randomRelations(12, true, uint64(100+j))
		res, err := QAP(y, xs, nil, QAPOptions{Directed: true, Logit: logit, Samples: 99, Seed: uint64(j), Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		for k := range 2 {
			if res.Coefficients[k+1].PAbs <= 0.05 {
				rejected[k]++
			}
		}
	}
	return [2]float64{float64(rejected[0]) / float64(draws), float64(rejected[1]) / float64(draws)}
}

// TestQAPCalibration checks that DSP p-values are calibrated when y is
// independent of the predictors: P(p_abs ≤ 0.05) is within 3.5 binomial
// standard deviations of 0.05 (with 99 permutations an exact test rejects
// with probability 5/100). Without -short it also runs 1,000 data sets and
// 100 logit ones.
func TestQAPCalibration(t *testing.T) {
	check := func(name string, draws int, logit bool) {
		tol := 3.5 * math.Sqrt(0.05*0.95/float64(draws))
		for k, f := range qapCalibration(t, draws, logit) {
			if math.Abs(f-0.05) > tol {
				t.Errorf("%s, x%d: P(p_abs ≤ 0.05) = %.3f over %d data sets, want 0.05 ± %.3f", name, k+1, f, draws, tol)
			}
		}
	}
	check("least squares", 300, false)
	if testing.Short() {
		return
	}
	check("least squares", 1000, false)
	// Logit z* rank the permutations almost as least-squares t* do on
	// these data, so a smaller run suffices.
	check("logit", 100, true)
}
