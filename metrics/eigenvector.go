package metrics

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// IterOptions control the iterative spectral measures (Eigenvector,
// PageRank, HITS). The zero value selects the defaults.
type IterOptions struct {
	// Tol is the convergence tolerance: iteration stops when the L1 change
	// of the score vector between two iterations is below n·Tol, n the
	// number of nodes iterated over (NetworkX's criterion). Default 1e-12,
	// which gives scores accurate to about 1e-10 on the reference graphs.
	Tol float64
	// MaxIter is the largest number of iterations. Default 1000.
	MaxIter int
	// Weighted uses edge weights (graph.Weighted) as tie strengths;
	// otherwise every edge weighs 1. Weights must be finite and
	// non-negative; an edge of weight 0 counts as absent.
	Weighted bool
	// Workers is the number of goroutines of PageRank's sweep over a large
	// graph; 0 means runtime.GOMAXPROCS(0). The results are bit-identical
	// for every number of workers.
	Workers int
}

// Default iteration parameters of IterOptions.
const (
	DefaultTol     = 1e-12
	DefaultMaxIter = 1000
)

func (o IterOptions) tol() float64 {
	if o.Tol > 0 {
		return o.Tol
	}
	return DefaultTol
}

func (o IterOptions) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o IterOptions) maxIter() int {
	if o.MaxIter > 0 {
		return o.MaxIter
	}
	return DefaultMaxIter
}

// ErrNoCycle is returned by Eigenvector for a directed graph that has
// edges but no directed cycle: its adjacency spectral radius is 0, so
// there is no eigenvector with a positive eigenvalue.
var ErrNoCycle = errors.New("metrics: eigenvector centrality is undefined on a directed graph with edges but no cycle (spectral radius 0); PageRank is defined there")

// Eigenvector returns the eigenvector centrality of every node of g,
// scaled so that the largest score is 1 (igraph's scale=TRUE; NetworkX and
// sna scale to unit Euclidean norm: divide by the norm to compare).
//
//	λ x_v = Σ_{u→v} w(u,v) x_u          (x = Aᵀx/λ, λ the spectral radius of A)
//	x = lim_{k→∞} (Aᵀ/w_max + I)^k 1, rescaled to max_v x_v = 1
//
// On undirected graphs every edge points both ways. On directed graphs
// in-links confer centrality (NetworkX's and igraph's convention; HITS
// measures hubs). With opt.Weighted, w(u,v) is the edge weight; otherwise
// 1; the scale of the weights does not matter (weights ×c give the same
// scores: the iteration runs on the weights divided by the largest). The
// limit counts (lazy) walks ending at v (Bonacich's reading), which
// fixes the vector when the eigenvector is not unique (measures.md):
//
//   - Disconnected undirected graph: components whose largest eigenvalue
//     is below the graph's (isolates included) score 0; components that
//     share it (within a relative max(1e-9, 10·Tol)) keep their Perron
//     vectors weighted by their walk counts, as NetworkX does.
//   - Directed graph: every node not downstream of a basic class (a
//     strongly connected component of largest spectral radius) that ends
//     a longest chain of basic classes scores 0, as in igraph.
//   - A graph without edges (weight > 0) gives every node 1 (igraph's
//     convention); a directed graph with edges but without cycles (an
//     out-tree) returns ErrNoCycle.
//
// It returns a *NotConvergedError (errors.Is ErrNotConverged) after
// opt.MaxIter iterations. Each iteration costs O(|V| + |E|).
//
// [Bonacich 1972]: P. Bonacich (1972), "Factoring and weighting approaches
// to status scores and clique identification", Journal of Mathematical
// Sociology 2(1):113–120, https://doi.org/10.1080/0022250X.1972.9989806
func Eigenvector(g graph.Graph, opt IterOptions) (map[int64]float64, error) {
	a, err := specBuild(g, opt.Weighted, "eigenvector centrality")
	if err != nil {
		return nil, err
	}
	n := len(a.ids)
	if a.arcs == 0 {
		out := make(map[int64]float64, n)
		for _, id := range a.ids {
			out[id] = 1
		}
		return out, nil
	}
	tol, maxIter := opt.tol(), opt.maxIter()
	// The eigenvector does not change when A is scaled, but the shift of
	// the power iteration below (A+I) works only when it is of the order
	// of the weights: with weights of 100 the eigenvalues of A+I of a star
	// are 1 ± 173 and the iteration oscillates for thousands of steps;
	// with weights of 1e-6 the shift swamps A. Dividing every weight by
	// the largest makes the shift the largest weight, so the iteration is
	// the same for weights ×c as for the weights (bit for bit when the
	// scaled weights are exact: a quotient is correctly rounded), and the
	// same as before on unweighted graphs. On an undirected graph λ₁ is
	// then at least 1 (the largest edge alone has λ = 1), of the order of
	// the shift.
	a.scaleToMax()

	// The method is deterministic, from the all-ones vector: Tarjan's
	// strongly connected components (scc); the spectral radius of each
	// component by power iteration on its Aᵀ+I until the Collatz–Wielandt
	// bounds agree to tol (componentRadius); then power iteration on Aᵀ+I
	// (shifted, so that bipartite graphs such as stars converge, where
	// sna's evcent fails) over the support described in the doc comment,
	// until the L1 change of the max-scaled vector is below n·tol
	// (shiftedPower). The number of iterations grows as
	// 1/log((λ₁+1)/(λ₂+1)).
	comp, order := a.scc()
	// Spectral radius of each strongly connected component.
	members := make([][]int, len(order))
	for v, c := range comp {
		members[c] = append(members[c], v)
	}
	rho := make([]float64, len(order))
	var rhoMax float64
	for c, m := range members {
		r, err := a.componentRadius(m, comp, c, tol, maxIter)
		if err != nil {
			return nil, err
		}
		rho[c] = r
		rhoMax = math.Max(rhoMax, r)
	}
	if rhoMax == 0 {
		return nil, ErrNoCycle
	}
	tie := math.Max(1e-9, 10*tol)
	// Height of each component: the largest number of basic classes on a
	// directed path of components ending in it. order is topological
	// (sources first).
	h := make([]int, len(order))
	in := make([]int, len(order))
	H := 0
	for _, c := range order {
		h[c] = in[c]
		if rho[c] >= rhoMax*(1-tie) {
			h[c]++
		}
		H = max(H, h[c])
		for _, v := range members[c] {
			for _, arc := range a.out[v] {
				if d := comp[arc.to]; d != c {
					in[d] = max(in[d], h[c])
				}
			}
		}
	}
	inS := make([]bool, n)
	for v := range inS {
		inS[v] = H == 1 || h[comp[v]] == H
	}
	x, err := a.shiftedPower(inS, tol, maxIter)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]float64, n)
	for v, id := range a.ids {
		if h[comp[v]] == H {
			out[id] = x[v]
		} else {
			out[id] = 0
		}
	}
	return out, nil
}

// componentRadius returns the spectral radius of the submatrix of A on the
// strongly connected component c with the given members.
func (a *specAdj) componentRadius(m []int, comp []int, c int, tol float64, maxIter int) (float64, error) {
	selfLoop := false
	for _, v := range m {
		for _, arc := range a.in[v] {
			if arc.to == v {
				selfLoop = true
			}
		}
	}
	if len(m) == 1 && !selfLoop {
		return 0, nil
	}
	x := make(map[int]float64, len(m))
	for _, v := range m {
		x[v] = 1
	}
	y := make(map[int]float64, len(m))
	for it := 0; it < maxIter; it++ {
		lo, hi := math.Inf(1), 0.0
		for _, v := range m {
			s := x[v]
			for _, arc := range a.in[v] {
				if comp[arc.to] == c {
					s += arc.w * x[arc.to]
				}
			}
			y[v] = s
			r := s / x[v]
			lo, hi = math.Min(lo, r), math.Max(hi, r)
		}
		if hi-lo <= tol*hi {
			return (lo+hi)/2 - 1, nil
		}
		var top float64
		for _, v := range m {
			top = math.Max(top, y[v])
		}
		for _, v := range m {
			x[v] = y[v] / top
		}
	}
	return 0, &NotConvergedError{Measure: "eigenvector centrality (spectral radius of a strongly connected component)", Iterations: maxIter, Tol: tol}
}

// shiftedPower iterates x ← (Aᵀ+I)x on the nodes v with inS[v] from the
// all-ones vector, rescaling to max 1, until the L1 change is below
// |S|·tol. Nodes outside S get 0.
func (a *specAdj) shiftedPower(inS []bool, tol float64, maxIter int) ([]float64, error) {
	n := len(a.ids)
	x := make([]float64, n)
	size := 0
	for v := range x {
		if inS[v] {
			x[v] = 1
			size++
		}
	}
	y := make([]float64, n)
	for it := 0; it < maxIter; it++ {
		var top float64
		for v := range y {
			if !inS[v] {
				continue
			}
			s := x[v]
			for _, arc := range a.in[v] {
				if inS[arc.to] {
					s += arc.w * x[arc.to]
				}
			}
			y[v] = s
			top = math.Max(top, s)
		}
		var change float64
		for v := range y {
			y[v] /= top
			change += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if change < float64(size)*tol {
			return x, nil
		}
	}
	return nil, &NotConvergedError{Measure: "eigenvector centrality", Iterations: maxIter, Tol: tol}
}

// scaleToMax divides every arc weight by the largest, so that the largest
// is 1. It does nothing on a graph without arcs.
func (a *specAdj) scaleToMax() {
	var top float64
	for _, arcs := range a.out {
		for _, arc := range arcs {
			top = math.Max(top, arc.w)
		}
	}
	if top == 0 || top == 1 {
		return
	}
	for _, list := range [][][]specArc{a.out, a.in} {
		for _, arcs := range list {
			for i := range arcs {
				arcs[i].w /= top
			}
		}
	}
}

// specArc is an arc of specAdj: to is the other end's index.
type specArc struct {
	to int
	w  float64
}

// specAdj is a graph as index-based adjacency lists, nodes sorted by id
// and arcs sorted by index, so that every sum has a fixed order.
type specAdj struct {
	ids      []int64
	index    map[int64]int
	out, in  [][]specArc // out[u]: arcs u→v; in[v]: arcs u→v (to = u)
	directed bool
	arcs     int // number of arcs (an undirected edge is two arcs)
}

// specBuild reads g. With weighted and a graph.Weighted, arcs carry their
// weights, which must be finite and non-negative; arcs of weight 0 are
// dropped. Otherwise every arc weighs 1.
func specBuild(g graph.Graph, weighted bool, measure string) (*specAdj, error) {
	a := &specAdj{index: map[int64]int{}}
	_, a.directed = g.(graph.Directed)
	nodes := g.Nodes()
	for nodes.Next() {
		a.ids = append(a.ids, nodes.Node().ID())
	}
	slices.Sort(a.ids)
	for i, id := range a.ids {
		a.index[id] = i
	}
	n := len(a.ids)
	a.out = make([][]specArc, n)
	a.in = make([][]specArc, n)
	wg, isWeighted := g.(graph.Weighted)
	weighted = weighted && isWeighted
	for u, uid := range a.ids {
		to := g.From(uid)
		for to.Next() {
			vid := to.Node().ID()
			w := 1.0
			if weighted {
				w, _ = wg.Weight(uid, vid)
				if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
					return nil, fmt.Errorf("metrics: %s: weight %v on edge %d–%d: weights must be finite and non-negative", measure, w, uid, vid)
				}
				if w == 0 {
					continue
				}
			}
			v := a.index[vid]
			a.out[u] = append(a.out[u], specArc{v, w})
			a.in[v] = append(a.in[v], specArc{u, w})
			a.arcs++
		}
	}
	for i := range a.out {
		slices.SortFunc(a.out[i], func(p, q specArc) int { return p.to - q.to })
		slices.SortFunc(a.in[i], func(p, q specArc) int { return p.to - q.to })
	}
	return a, nil
}

// scc returns the strongly connected component of every node index and
// the components in topological order (sources first), by an iterative
// Tarjan's algorithm over the arcs. On an undirected graph the components
// are the connected components.
func (a *specAdj) scc() (comp []int, order []int) {
	n := len(a.ids)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp = make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	type frame struct{ v, next int }
	next := 0
	ncomp := 0
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < len(a.out[v]) {
				w := a.out[v][f.next].to
				f.next++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
		}
	}
	// Tarjan emits components in reverse topological order.
	order = make([]int, ncomp)
	for i := range order {
		order[i] = ncomp - 1 - i
	}
	return comp, order
}
