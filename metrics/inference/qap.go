package inference

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// QAPOptions are the options of QAP.
//
// [Krackhardt 1988]: https://doi.org/10.1016/0378-8733(88)90004-4
// [Dekker, Krackhardt and Snijders 2007]: https://doi.org/10.1007/s11336-007-9016-1
type QAPOptions struct {
	// Directed uses every ordered pair of nodes i ≠ j as an observation;
	// otherwise the unordered pairs i < j, and every matrix must be
	// symmetric.
	Directed bool
	// Logit fits a logistic regression of a 0/1 y by iteratively
	// reweighted least squares instead of least squares.
	Logit bool
	// Method is the permutation scheme that gives the null distribution
	// t*_k of each coefficient:
	//
	//   - "dsp" (the default when empty), double semi-partialling
	//     ([Dekker, Krackhardt and Snijders 2007]): for each k, regress x_k
	//     on the other columns of the design (least squares), permute the
	//     matrix of residuals e_k, refit y on the other columns and e*_k,
	//     and take the t-value of e*_k. The intercept is tested the same
	//     way, as the column of ones regressed on the predictors without an
	//     intercept.
	//   - "y", permutation of y ([Krackhardt 1988]): refit y* on the
	//     unchanged design and take every t-value. It is exact under "y is
	//     exchangeable over nodes", which assumes every β_k = 0, not only
	//     the one tested.
	Method  string
	Samples int    // number of permutations R; at least 1
	Seed    uint64 // permutation i is drawn from rand.NewPCG(Seed, uint64(i))
	Workers int    // goroutines; 0 means GOMAXPROCS
}

// QAPResult is the outcome of a QAP regression.
type QAPResult struct {
	Method   string `json:"method"` // "dsp" or "y"
	Logit    bool   `json:"logit"`
	Directed bool   `json:"directed"`
	Samples  int    `json:"samples"` // R, permutations drawn
	Seed     uint64 `json:"seed"`
	NPairs   int    `json:"n_pairs"` // observations: n(n−1) directed, n(n−1)/2 undirected
	// R2 is, for least squares, 1 − RSS/TSS (TSS about the mean of y);
	// for a logit, McFadden's 1 − D/D₀ with D₀ the deviance of the
	// intercept-only model (sna's summary.netlogit prints 1 − D/(2N ln 2)
	// instead, D₀ of p = 1/2).
	R2           float64   `json:"r2"`
	Coefficients []QAPCoef `json:"coefficients"` // the intercept first, then the predictors in order
}

// QAPCoef is one coefficient of a QAP regression and its permutation test.
type QAPCoef struct {
	Name     string  `json:"name"`
	Estimate float64 `json:"estimate"`
	// T is the test statistic: the t-value β̂_k / SE(β̂_k), with
	// SE² = σ̂² [(XᵀX)⁻¹]_kk and σ̂² = RSS/(N − p) for least squares, or
	// the Wald z-value, SE² = [(XᵀŴX)⁻¹]_kk, for a logit (fitted to
	// convergence by iteratively reweighted least squares).
	T      float64 `json:"t"`
	PUpper float64 `json:"p_upper"` // (1 + #{t* ≥ t}) / (1 + R)
	PLower float64 `json:"p_lower"` // (1 + #{t* ≤ t}) / (1 + R)
	PAbs   float64 `json:"p_abs"`   // (1 + #{|t*| ≥ |t|}) / (1 + R)
	// Undefined counts the permutations whose t* is undefined (a singular
	// or perfect refit, or a logit that separates or does not converge);
	// they are left out, and R in the p-values is Samples − Undefined.
	Undefined int `json:"undefined"`
}

// Edge is a tie from node From to node To (numbered 0..n−1) of the given
// weight, for EdgeMatrix.
type Edge struct {
	From, To int
	Weight   float64
}

// SameAttribute returns the n×n matrix, n = len(values), with 1 at (i, j)
// when i ≠ j and values[i] == values[j], and 0 elsewhere: the "same group"
// predictor of a QAP regression. A missing value, "", matches nothing, not
// even another "". For empty values it returns an empty matrix.
func SameAttribute(values []string) *mat.Dense {
	n := len(values)
	if n == 0 {
		return &mat.Dense{}
	}
	m := mat.NewDense(n, n, nil)
	for i, a := range values {
		for j, b := range values {
			if i != j && a != "" && a == b {
				m.Set(i, j, 1)
			}
		}
	}
	return m
}

// EdgeMatrix returns the n×n matrix of the weighted ties edges: entry
// (From, To) is the sum of the weights of the ties from From to To, and 0
// where there is none. Unless directed, a tie also adds its weight at
// (To, From), so the matrix is symmetric (a tie listed in both directions
// counts twice). It returns an error if n < 1, a node is out of range, a
// tie is a self-tie (QAP ignores the diagonal) or a weight is not finite.
func EdgeMatrix(n int, edges []Edge, directed bool) (*mat.Dense, error) {
	if n < 1 {
		return nil, fmt.Errorf("inference: %d nodes", n)
	}
	m := mat.NewDense(n, n, nil)
	for k, e := range edges {
		switch {
		case e.From < 0 || e.From >= n || e.To < 0 || e.To >= n:
			return nil, fmt.Errorf("inference: edge %d (%d, %d): node out of range [0, %d)", k, e.From, e.To, n)
		case e.From == e.To:
			return nil, fmt.Errorf("inference: edge %d is a self-tie of node %d", k, e.From)
		case math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0):
			return nil, fmt.Errorf("inference: edge %d (%d, %d) has weight %v", k, e.From, e.To, e.Weight)
		}
		m.Set(e.From, e.To, m.At(e.From, e.To)+e.Weight)
		if !directed {
			m.Set(e.To, e.From, m.At(e.To, e.From)+e.Weight)
		}
	}
	return m, nil
}

// QAP returns the regression of the relation y on the relations xs (all
// n×n, the diagonal ignored) with permutation p-values: the quadratic
// assignment procedure, or MRQAP with several predictors. The observations
// are the pairs of nodes, every ordered pair i ≠ j when opt.Directed and
// every unordered pair i < j otherwise (then every matrix must be
// symmetric); the design has an intercept, named "(intercept)", then
// xs[k] named names[k] ("x1", "x2", … when names is nil):
//
//	y_ij = β₀ + Σ_k β_k x_k,ij + ε_ij               (least squares)
//	logit P(y_ij = 1) = β₀ + Σ_k β_k x_k,ij         (opt.Logit)
//
// The test statistic of β_k is its t-value (QAPCoef.T). Permutation i
// draws a uniform permutation π of the nodes with rand.NewPCG(opt.Seed,
// uint64(i)); a matrix is permuted by rows and columns together,
// M*_ij = M_π(i)π(j). The null distribution t*_k comes from opt.Method
// (see QAPOptions), and the p-values count t*_k as QAPCoef says, with
// ties within a relative tolerance of 1e-12. Estimates, t-values and R²
// are those of sna's netlm and netlogit ([Butts 2008]; inference.md
// compares p-values, z-values and the cost of a permutation).
//
// QAP returns an error if y is not square, n < 3, a predictor is not n×n,
// len(names) ≠ len(xs), there is no predictor, a value is not finite, an
// undirected matrix is not symmetric, there are no more pairs than
// coefficients, a predictor is collinear with the intercept and those
// before it (|R_kk| ≤ 1e-7‖x_k‖ in the QR decomposition), y is constant or
// fitted exactly (RSS ≤ 1e-14·TSS), opt.Samples < 1, opt.Method is unknown,
// opt.Workers < 0, a logit y is not 0/1 or its fit does not converge in
// 100 iterations or separates, or every t*_k of some k is undefined.
//
// [Butts 2008]: https://doi.org/10.18637/jss.v024.i06
func QAP(y mat.Matrix, xs []mat.Matrix, names []string, opt QAPOptions) (*QAPResult, error) {
	method := opt.Method
	if method == "" {
		method = "dsp"
	}
	if method != "dsp" && method != "y" {
		return nil, fmt.Errorf("inference: unknown QAP method %q (want \"dsp\" or \"y\")", opt.Method)
	}
	if opt.Samples < 1 {
		return nil, fmt.Errorf("inference: number of samples %d < 1", opt.Samples)
	}
	w, err := numWorkers(opt.Workers)
	if err != nil {
		return nil, err
	}
	d, err := newQAPData(y, xs, names, opt.Directed, opt.Logit)
	if err != nil {
		return nil, err
	}
	obs, err := d.fit()
	if err != nil {
		return nil, err
	}
	p := len(d.names)
	// Each permutation serves every coefficient: it costs O(Np) for least
	// squares and O(Np²) per iteration for a logit fit, times p for "dsp".
	var dist []float64 // dist[k*R+i] is t*_k of permutation i; NaN when undefined
	if method == "dsp" {
		dist = d.nullDSP(opt.Samples, opt.Seed, w)
	} else {
		dist = d.nullY(opt.Samples, opt.Seed, w)
	}
	res := &QAPResult{
		Method: method, Logit: opt.Logit, Directed: opt.Directed,
		Samples: opt.Samples, Seed: opt.Seed, NPairs: d.pairs(), R2: obs.r2,
		Coefficients: make([]QAPCoef, p),
	}
	for k := range p {
		t := obs.t[k]
		var up, lo, ab, defined int
		for _, v := range dist[k*opt.Samples : (k+1)*opt.Samples] {
			if math.IsNaN(v) {
				continue
			}
			defined++
			if geq(v, t) {
				up++
			}
			if leq(v, t) {
				lo++
			}
			if geq(math.Abs(v), math.Abs(t)) {
				ab++
			}
		}
		if defined == 0 {
			return nil, fmt.Errorf("inference: t-value of %s undefined in all %d permutations", d.names[k], opt.Samples)
		}
		r := float64(1 + defined)
		res.Coefficients[k] = QAPCoef{
			Name: d.names[k], Estimate: obs.coef[k], T: t,
			PUpper: float64(1+up) / r, PLower: float64(1+lo) / r, PAbs: float64(1+ab) / r,
			Undefined: opt.Samples - defined,
		}
	}
	return res, nil
}

// qapCollinearTol is the relative size of |R_kk| under which a column of
// the design counts as collinear with the columns before it: the tol of
// R's qr, which sna's netlm passes.
const qapCollinearTol = 1e-7

// qapData is the regression of a QAP run: one observation per pair of
// nodes. Pairs are numbered row by row: (0,1), (0,2), …, (0,n−1), (1,0),
// (1,2), … when directed, (0,1), …, (0,n−1), (1,2), … otherwise.
type qapData struct {
	n        int
	directed bool
	logit    bool
	y        []float64  // response on the pairs
	x        *mat.Dense // N×p design, column 0 is 1, column k+1 is xs[k]
	names    []string   // p names, "(intercept)" first

	ybar float64   // mean of y
	yc   []float64 // y − ȳ
	tss  float64   // total sum of squares ‖y − ȳ‖²

	// Least squares, set by fit: the thin QR decomposition X = QR, R⁻¹,
	// the diagonal of (XᵀX)⁻¹ and u = Qᵀ1.
	q    *mat.Dense
	rinv *mat.TriDense
	diag []float64
	u    *mat.VecDense
}

// pairs returns the number of observations N.
func (d *qapData) pairs() int {
	if d.directed {
		return d.n * (d.n - 1)
	}
	return d.n * (d.n - 1) / 2
}

// newQAPData checks the inputs of QAP and vectorizes them.
func newQAPData(y mat.Matrix, xs []mat.Matrix, names []string, directed, logit bool) (*qapData, error) {
	if y == nil {
		return nil, errors.New("inference: nil y")
	}
	n, c := y.Dims()
	switch {
	case n != c:
		return nil, fmt.Errorf("inference: y is %d×%d, not square", n, c)
	case n < 3:
		return nil, fmt.Errorf("inference: QAP needs at least 3 nodes, y has %d", n)
	case len(xs) == 0:
		return nil, errors.New("inference: QAP needs at least one predictor")
	case names != nil && len(names) != len(xs):
		return nil, fmt.Errorf("inference: %d names for %d predictors", len(names), len(xs))
	}
	d := &qapData{n: n, directed: directed, logit: logit, names: []string{"(intercept)"}}
	for k := range xs {
		if names != nil {
			d.names = append(d.names, names[k])
		} else {
			d.names = append(d.names, fmt.Sprintf("x%d", k+1))
		}
	}
	N, p := d.pairs(), len(d.names)
	if N <= p {
		return nil, fmt.Errorf("inference: %d pairs of nodes for %d coefficients; need more pairs than coefficients", N, p)
	}
	var err error
	if d.y, err = d.vectorize(y, "y"); err != nil {
		return nil, err
	}
	d.x = mat.NewDense(N, p, nil)
	for i := range N {
		d.x.Set(i, 0, 1)
	}
	for k, xk := range xs {
		if xk == nil {
			return nil, fmt.Errorf("inference: nil predictor %s", d.names[k+1])
		}
		if r, c := xk.Dims(); r != n || c != n {
			return nil, fmt.Errorf("inference: predictor %s is %d×%d, y is %d×%d", d.names[k+1], r, c, n, n)
		}
		v, err := d.vectorize(xk, "predictor "+d.names[k+1])
		if err != nil {
			return nil, err
		}
		d.x.SetCol(k+1, v)
	}
	for m, v := range d.y {
		if logit && v != 0 && v != 1 {
			i, j := d.pairNodes(m)
			return nil, fmt.Errorf("inference: logit y[%d][%d] = %v is not 0 or 1", i, j, v)
		}
		d.ybar += v
	}
	d.ybar /= float64(N)
	d.yc = make([]float64, N)
	for i, v := range d.y {
		d.yc[i] = v - d.ybar
		d.tss += d.yc[i] * d.yc[i]
	}
	if d.tss == 0 {
		return nil, fmt.Errorf("inference: y is %v on every pair", d.y[0])
	}
	return d, nil
}

// vectorize returns the values of m on the pairs. It checks that they are
// finite and, for an undirected run, that m is symmetric.
func (d *qapData) vectorize(m mat.Matrix, what string) ([]float64, error) {
	v := make([]float64, 0, d.pairs())
	for i := range d.n {
		for j := range d.n {
			if i == j || (!d.directed && j < i) {
				continue
			}
			a := m.At(i, j)
			if math.IsNaN(a) || math.IsInf(a, 0) {
				return nil, fmt.Errorf("inference: %s[%d][%d] = %v is not finite", what, i, j, a)
			}
			if !d.directed {
				if b := m.At(j, i); b != a {
					return nil, fmt.Errorf("inference: %s is not symmetric: [%d][%d] = %v, [%d][%d] = %v; symmetrize it or set Directed", what, i, j, a, j, i, b)
				}
			}
			v = append(v, a)
		}
	}
	return v, nil
}

// pairIndex returns the number of the pair of nodes a ≠ b.
func (d *qapData) pairIndex(a, b int) int {
	if d.directed {
		if b > a {
			b--
		}
		return a*(d.n-1) + b
	}
	if a > b {
		a, b = b, a
	}
	return a*(2*d.n-a-1)/2 + b - a - 1
}

// pairNodes returns the nodes of pair m (the inverse of pairIndex).
func (d *qapData) pairNodes(m int) (i, j int) {
	if d.directed {
		i, j = m/(d.n-1), m%(d.n-1)
		if j >= i {
			j++
		}
		return i, j
	}
	for i = 0; m >= d.n-1-i; i++ {
		m -= d.n - 1 - i
	}
	return i, i + 1 + m
}

// permute sets dst to src permuted by perm: the value of pair (i, j) is
// that of (perm[i], perm[j]), rows and columns permuted together.
func (d *qapData) permute(dst, src []float64, perm []int) {
	n, m := d.n, 0
	for i := range n {
		a := perm[i]
		if d.directed {
			row := a * (n - 1)
			for j := range n {
				if j == i {
					continue
				}
				b := perm[j]
				if b > a {
					b--
				}
				dst[m] = src[row+b]
				m++
			}
			continue
		}
		for j := i + 1; j < n; j++ {
			lo, hi := a, perm[j]
			if lo > hi {
				lo, hi = hi, lo
			}
			dst[m] = src[lo*(2*n-lo-1)/2+hi-lo-1]
			m++
		}
	}
}

// shuffle sets perm to the permutation of replicate i: a Fisher–Yates
// shuffle of 0..n−1 drawn from rand.NewPCG(seed, uint64(i)).
func shuffle(perm []int, seed uint64, i int) {
	r := rand.New(replicateSource(seed, i))
	for j := range perm {
		perm[j] = j
	}
	for j := len(perm) - 1; j > 0; j-- {
		t := r.IntN(j + 1)
		perm[j], perm[t] = perm[t], perm[j]
	}
}

// qapFit is the fit of the observed data.
type qapFit struct {
	coef, t []float64
	r2      float64
}

// fit fits the observed data, after checking the design for collinearity.
// For least squares it keeps the thin QR decomposition of the design, which
// the permutations of y reuse.
func (d *qapData) fit() (*qapFit, error) {
	N, p := d.x.Dims()
	q, r := thinQR(d.x)
	for k := range p {
		norm := mat.Norm(d.x.ColView(k), 2)
		if norm == 0 {
			return nil, fmt.Errorf("inference: predictor %s is 0 on every pair", d.names[k])
		}
		if math.Abs(r.At(k, k)) <= qapCollinearTol*norm {
			return nil, fmt.Errorf("inference: singular design: predictor %s is collinear with %s", d.names[k], before(d.names[:k]))
		}
	}
	f := &qapFit{coef: make([]float64, p), t: make([]float64, p)}
	if d.logit {
		dev, err := newLogitWork(N, p).fit(d.x, d.y, nil, f.coef, f.t)
		if err != nil {
			return nil, fmt.Errorf("inference: logit fit of the observed data: %w", err)
		}
		// The intercept-only fit has μ = ȳ.
		dev0 := -2 * float64(N) * (d.ybar*math.Log(d.ybar) + (1-d.ybar)*math.Log1p(-d.ybar))
		f.r2 = 1 - dev/dev0
		return f, nil
	}

	d.q = q
	d.rinv = mat.NewTriDense(p, mat.Upper, nil)
	if err := d.rinv.InverseTri(r); err != nil {
		return nil, fmt.Errorf("inference: singular design: %w", err)
	}
	d.diag = make([]float64, p) // of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ
	for j := range p {
		for l := j; l < p; l++ {
			d.diag[j] += d.rinv.At(j, l) * d.rinv.At(j, l)
		}
	}
	// y = ȳ + y_c: the permutations of y move only y_c, whose fit has
	// RSS = TSS − ‖Qᵀy_c‖² because the intercept is in the design.
	d.u = mat.NewVecDense(p, nil)
	d.u.MulVec(q.T(), mat.NewVecDense(N, ones(N)))

	var c, b, fit mat.VecDense
	yv := mat.NewVecDense(N, d.y)
	c.MulVec(q.T(), yv)
	b.MulVec(d.rinv, &c)
	fit.MulVec(q, &c)
	var rss float64
	for i, v := range d.y {
		rss += (v - fit.AtVec(i)) * (v - fit.AtVec(i))
	}
	if rss <= qapExactFit*d.tss {
		return nil, errors.New("inference: y is fitted exactly (residual sum of squares ≤ 1e-14·TSS); t-values undefined")
	}
	s2 := rss / float64(N-p)
	for j := range p {
		f.coef[j] = b.AtVec(j)
		f.t[j] = f.coef[j] / math.Sqrt(s2*d.diag[j])
	}
	f.r2 = 1 - rss/d.tss
	return f, nil
}

// qapExactFit is the fraction of the total sum of squares under which a
// residual sum of squares counts as 0: (1e-7)², the collinearity
// tolerance squared.
const qapExactFit = qapCollinearTol * qapCollinearTol

// ones returns n ones.
func ones(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}

// thinQR returns the thin QR decomposition x = QR of an N×p matrix,
// N ≥ p: Q is N×p with orthonormal columns and R is p×p upper triangular
// (LAPACK's dgeqrf and dorgqr, from gonum's lapack64; mat.QR would build
// the N×N Q).
func thinQR(x *mat.Dense) (q *mat.Dense, r *mat.TriDense) {
	_, p := x.Dims()
	q = mat.DenseCopyOf(x)
	a := q.RawMatrix()
	tau := make([]float64, p)
	work := []float64{0}
	lapack64.Geqrf(a, tau, work, -1)
	work = make([]float64, int(work[0]))
	lapack64.Geqrf(a, tau, work, len(work))
	r = mat.NewTriDense(p, mat.Upper, nil)
	for i := range p {
		for j := i; j < p; j++ {
			r.SetTri(i, j, a.Data[i*a.Stride+j])
		}
	}
	lapack64.Orgqr(a, tau, work[:1], -1)
	if n := int(work[0]); n > len(work) {
		work = make([]float64, n)
	}
	lapack64.Orgqr(a, tau, work, len(work))
	return q, r
}

// before names the columns before a collinear one.
func before(names []string) string {
	switch len(names) {
	case 1:
		return "the intercept"
	case 2:
		return "the intercept and " + names[1]
	}
	return fmt.Sprintf("the intercept and the predictors %v", names[1:])
}

// qapBlock is the number of consecutive permutations run as one job, with
// one workspace.
const qapBlock = 32

// forBlocks runs f on the permutations of each block of qapBlock
// permutations, on w goroutines. newWork makes the workspace of a block.
func forBlocks[W any](samples, w int, newWork func() W, f func(ws W, i int)) {
	nb := (samples + qapBlock - 1) / qapBlock
	_ = runReplicates(seq(nb), w, nil, func(b int) error {
		ws := newWork()
		for i := b * qapBlock; i < min(samples, (b+1)*qapBlock); i++ {
			f(ws, i)
		}
		return nil
	})
}

// nullY returns the t-values of the refits of permuted y on the design.
func (d *qapData) nullY(samples int, seed uint64, w int) []float64 {
	N, p := d.x.Dims()
	dist := make([]float64, p*samples)
	if d.logit {
		// Permuted fits start from the fit of the intercept alone.
		start := make([]float64, p)
		start[0] = math.Log(d.ybar / (1 - d.ybar))
		type work struct {
			lw      *logitWork
			perm    []int
			ys      []float64
			coef, t []float64
		}
		forBlocks(samples, w, func() *work {
			return &work{newLogitWork(N, p), make([]int, d.n), make([]float64, N), make([]float64, p), make([]float64, p)}
		}, func(ws *work, i int) {
			shuffle(ws.perm, seed, i)
			d.permute(ws.ys, d.y, ws.perm)
			_, err := ws.lw.fit(d.x, ws.ys, start, ws.coef, ws.t)
			for k, v := range ws.t {
				if err != nil {
					v = math.NaN()
				}
				dist[k*samples+i] = v
			}
		})
		return dist
	}
	type work struct {
		perm []int
		ys   *mat.VecDense
		c, b *mat.VecDense
	}
	forBlocks(samples, w, func() *work {
		return &work{perm: make([]int, d.n), ys: mat.NewVecDense(N, nil), c: mat.NewVecDense(p, nil), b: mat.NewVecDense(p, nil)}
	}, func(ws *work, i int) {
		shuffle(ws.perm, seed, i)
		d.permute(ws.ys.RawVector().Data, d.yc, ws.perm)
		ws.c.MulVec(d.q.T(), ws.ys) // Qᵀy*_c
		rss := d.tss - mat.Dot(ws.c, ws.c)
		ws.c.AddScaledVec(ws.c, d.ybar, d.u) // Qᵀy* = Qᵀy*_c + ȳQᵀ1
		ws.b.MulVec(d.rinv, ws.c)
		s2 := rss / float64(N-p)
		for k := range p {
			v := math.NaN()
			if rss > qapExactFit*d.tss {
				v = ws.b.AtVec(k) / math.Sqrt(s2*d.diag[k])
			}
			dist[k*samples+i] = v
		}
	})
	return dist
}

// dspColumn is the double semi-partialling set-up of coefficient k: the
// design without column k (rest), the residual e of column k on rest and,
// for least squares, the thin Q of rest and the residual of y on rest.
type dspColumn struct {
	rest *mat.Dense // N×(p−1): the other columns, in order
	q    *mat.Dense // thin Q of rest
	e    []float64  // residual of column k on rest
	ee   float64    // ‖e‖², the same for every permutation of e
	ry   []float64  // least squares: residual of y on rest
	rssY float64    // least squares: ‖ry‖²
	// Logit: the start of the refits, the fit of y on rest and 0 for e*
	// (nil, glm.fit's start, if that fit fails).
	start []float64
}

// nullDSP returns the t-values of the permuted residuals of double
// semi-partialling.
func (d *qapData) nullDSP(samples int, seed uint64, w int) []float64 {
	N, p := d.x.Dims()
	cols := make([]dspColumn, p)
	for k := range p {
		c := &cols[k]
		c.rest = mat.NewDense(N, p-1, nil)
		for l, j := 0, 0; l < p; l++ {
			if l != k {
				c.rest.SetCol(j, mat.Col(nil, l, d.x))
				j++
			}
		}
		c.q, _ = thinQR(c.rest)
		c.e = residual(c.q, mat.Col(nil, k, d.x))
		c.ee = floats.Dot(c.e, c.e)
		if !d.logit {
			c.ry = residual(c.q, d.y)
			c.rssY = floats.Dot(c.ry, c.ry)
			continue
		}
		start, t := make([]float64, p), make([]float64, p-1)
		if _, err := newLogitWork(N, p-1).fit(c.rest, d.y, nil, start[:p-1], t); err == nil {
			c.start = start
		}
	}
	dist := make([]float64, p*samples)
	if d.logit {
		type work struct {
			lw      *logitWork
			perm    []int
			designs []*mat.Dense // [rest_k | e*_k]
			es      []float64
			coef, t []float64
		}
		forBlocks(samples, w, func() *work {
			ws := &work{lw: newLogitWork(N, p), perm: make([]int, d.n), es: make([]float64, N),
				coef: make([]float64, p), t: make([]float64, p)}
			for k := range p {
				dk := mat.NewDense(N, p, nil)
				dk.Slice(0, N, 0, p-1).(*mat.Dense).Copy(cols[k].rest)
				ws.designs = append(ws.designs, dk)
			}
			return ws
		}, func(ws *work, i int) {
			shuffle(ws.perm, seed, i)
			for k := range p {
				d.permute(ws.es, cols[k].e, ws.perm)
				ws.designs[k].SetCol(p-1, ws.es)
				v := math.NaN()
				if _, err := ws.lw.fit(ws.designs[k], d.y, cols[k].start, ws.coef, ws.t); err == nil {
					v = ws.t[p-1]
				}
				dist[k*samples+i] = v
			}
		})
		return dist
	}
	type work struct {
		perm []int
		es   *mat.VecDense
		c    *mat.VecDense
	}
	forBlocks(samples, w, func() *work {
		return &work{perm: make([]int, d.n), es: mat.NewVecDense(N, nil), c: mat.NewVecDense(p-1, nil)}
	}, func(ws *work, i int) {
		shuffle(ws.perm, seed, i)
		es := ws.es.RawVector().Data
		for k := range p {
			c := &cols[k]
			d.permute(es, c.e, ws.perm)
			// The refit of y on [rest, e*] gives e* the coefficient and
			// t-value of ẽ = e* − QQᵀe*, the residual of e* on rest
			// (Frisch–Waugh–Lovell): with r the residual of y on rest,
			// β = ẽᵀr/ẽᵀẽ, RSS = ‖r‖² − (ẽᵀr)²/ẽᵀẽ and t = ẽᵀr/√(ẽᵀẽ·RSS/(N−p)),
			// where ẽᵀẽ = ‖e‖² − ‖Qᵀe*‖² and ẽᵀr = e*ᵀr as Qᵀr = 0.
			ws.c.MulVec(c.q.T(), ws.es)
			ee := c.ee - mat.Dot(ws.c, ws.c)
			er := floats.Dot(es, c.ry)
			v := math.NaN()
			// e* in the span of rest: the refit is singular.
			if ee > qapExactFit*c.ee {
				if rss := c.rssY - er*er/ee; rss > qapExactFit*d.tss {
					v = er / math.Sqrt(ee*rss/float64(N-p))
				}
			}
			dist[k*samples+i] = v
		}
	})
	return dist
}

// residual returns v − QQᵀv, the residual of v on the columns of Q.
func residual(q *mat.Dense, v []float64) []float64 {
	N, p := q.Dims()
	c := mat.NewVecDense(p, nil)
	vv := mat.NewVecDense(N, v)
	c.MulVec(q.T(), vv)
	r := mat.NewVecDense(N, nil)
	r.MulVec(q, c)
	r.SubVec(vv, r)
	return r.RawVector().Data
}

// Errors of logitWork.fit.
var (
	errLogitNotConverged = errors.New("iteratively reweighted least squares did not converge in 100 iterations")
	errLogitSeparated    = errors.New("fitted probabilities numerically 0 or 1: the 0s and 1s of y are (quasi-)separated by the predictors")
	errLogitSingular     = errors.New("singular weighted design")
)

// logitMaxIter is the maximum number of IRLS iterations; logitTol the
// largest change of a linear predictor, relative to 1 + max|η|, at
// convergence; logitEps the distance from 0 or 1 under which a fitted
// probability is numerically 0 or 1 (glm.fit's 10·ε).
const (
	logitMaxIter = 100
	logitTol     = 1e-10
	logitEps     = 10 * 2.220446049250313e-16
)

// logitWork is the workspace of logistic fits with N observations and p
// coefficients.
type logitWork struct {
	inv     []float64     // 1/‖x_j‖: the columns are scaled to unit norm
	h       *mat.SymDense // XᵀWX of the scaled design
	g       *mat.VecDense // XᵀWz of the scaled design
	beta    *mat.VecDense // coefficients of the scaled design
	ch      mat.Cholesky
	cov     mat.SymDense
	eta, mu []float64
	nobs, p int
}

func newLogitWork(N, p int) *logitWork {
	return &logitWork{
		inv: make([]float64, p), h: mat.NewSymDense(p, nil), g: mat.NewVecDense(p, nil),
		beta: mat.NewVecDense(p, nil), eta: make([]float64, N), mu: make([]float64, N), nobs: N, p: p,
	}
}

// fit fits the logistic regression of the 0/1 vector y on the columns of x
// by iteratively reweighted least squares, the algorithm of R's glm.fit,
// until no linear predictor moves by more than 1e-10(1 + max|η|). It
// starts from the coefficients start or, when start is nil, from glm.fit's
// start μ = (y + 1/2)/2. Each step solves the weighted normal equations
// XᵀWX β = XᵀWz, z = η + (y − μ)/w, by Cholesky decomposition with the
// columns of x scaled to unit norm (Cholesky's accuracy then depends on
// the conditioning of the scaled design only). It stores the coefficients
// and their z-values, with standard errors from XᵀWX at the converged
// coefficients, in coef and t, and returns the deviance.
func (w *logitWork) fit(x *mat.Dense, y, start, coef, t []float64) (float64, error) {
	N, p := w.nobs, w.p
	for j := range p {
		norm := mat.Norm(x.ColView(j), 2)
		if norm == 0 {
			return 0, errLogitSingular
		}
		w.inv[j] = 1 / norm
	}
	for i, v := range y {
		if start == nil {
			w.mu[i] = (v + 0.5) / 2
			w.eta[i] = math.Log(w.mu[i] / (1 - w.mu[i]))
			continue
		}
		w.eta[i] = floats.Dot(x.RawRowView(i), start)
		w.mu[i] = 1 / (1 + math.Exp(-w.eta[i]))
	}
	h := w.h.RawSymmetric().Data // upper triangle, row-major, stride p
	g := w.g.RawVector().Data
	xs := make([]float64, p)
	converged := false
	for it := 0; ; it++ {
		// One pass accumulates XᵀWX and XᵀWz = Xᵀ(wη + y − μ) of the
		// scaled design (gonum has no weighted rank-k update).
		clear(h)
		clear(g)
		for i := range N {
			row := x.RawRowView(i)
			mu := w.mu[i]
			wt := mu * (1 - mu)
			wz := wt*w.eta[i] + y[i] - mu
			for j, v := range row {
				xs[j] = v * w.inv[j]
			}
			for j, a := range xs {
				g[j] += a * wz
				wa := wt * a
				hj := h[j*p : (j+1)*p]
				for l := j; l < p; l++ {
					hj[l] += wa * xs[l]
				}
			}
		}
		if !w.ch.Factorize(w.h) {
			return 0, errLogitSingular
		}
		if converged {
			if err := w.ch.InverseTo(&w.cov); err != nil {
				return 0, errLogitSingular
			}
			var dev float64
			for i, v := range y {
				if v == 1 {
					dev -= 2 * math.Log(w.mu[i])
				} else {
					dev -= 2 * math.Log1p(-w.mu[i])
				}
			}
			for k := range p {
				coef[k] = w.beta.AtVec(k) * w.inv[k]
				t[k] = w.beta.AtVec(k) / math.Sqrt(w.cov.At(k, k))
			}
			return dev, nil
		}
		if it == logitMaxIter {
			return 0, errLogitNotConverged
		}
		if err := w.ch.SolveVecTo(w.beta, w.g); err != nil {
			return 0, errLogitSingular
		}
		for j := range p {
			coef[j] = w.beta.AtVec(j) * w.inv[j]
		}
		var delta, size float64
		for i := range N {
			e := floats.Dot(x.RawRowView(i), coef)
			delta = max(delta, math.Abs(e-w.eta[i]))
			size = max(size, math.Abs(e))
			w.eta[i] = e
			mu := 1 / (1 + math.Exp(-e))
			if mu < logitEps || mu > 1-logitEps {
				return 0, errLogitSeparated
			}
			w.mu[i] = mu
		}
		converged = delta <= logitTol*(1+size)
	}
}
