package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/graph"
)

// ApproxOptions configure ApproxBetweenness.
type ApproxOptions struct {
	// Epsilon is the largest additive error ε of every estimate on the
	// normalized scale [0, 1] (see ApproxBetweenness); it must lie in
	// (0, 1).
	Epsilon float64
	// Delta is the probability δ that some estimate misses by more than
	// ε; it must lie in (0, 1).
	Delta float64
	// Distances uses edge weights as lengths, as in PathOptions.
	Distances bool
	// Workers is as in PathOptions.
	Workers int
	// Seed selects the random streams: sample i draws from
	// rand.NewPCG(Seed, i), so the result depends on Seed only, not on
	// Workers or scheduling.
	Seed uint64
}

// ApproxResult is the outcome of ApproxBetweenness.
type ApproxResult struct {
	// Betweenness holds the estimate of raw Freeman betweenness of every
	// node, on the scale of Betweenness (unordered pairs on undirected
	// graphs).
	Betweenness map[int64]float64
	// Samples is the number r of sampled pairs.
	Samples int
	// VertexDiameter is the upper bound on the vertex diameter (the
	// number of nodes on a longest shortest path) used to size r.
	VertexDiameter int
	// Epsilon and Delta repeat the guarantee; AbsError is ε on the scale
	// of Betweenness: ε·n(n−1), halved on undirected graphs.
	Epsilon, Delta, AbsError float64
}

// approxC is the universal constant c of the sample size of Riondato and
// Kornaropoulos (2016), who use c ≈ 0.5 following Löffler and Phillips
// (2009).
const approxC = 0.5

// ApproxBetweenness returns estimates of the betweenness of every node of
// g by the shortest-path sampling of Riondato and Kornaropoulos (2016),
// with the guarantee that, with probability at least 1 − δ, every
// estimate is within ε of the normalized betweenness
//
//	b(v) = 1/(n(n−1)) Σ_{s≠t} σ_st(v)/σ_st        (ordered pairs)
//
// simultaneously for all nodes v. The method draws
//
//	r = ⌈ c/ε² · ( ⌊log₂(VD − 2)⌋ + 1 + ln(1/δ) ) ⌉,   c = 0.5
//
// ordered pairs (s, t), s ≠ t, uniformly, and for each one shortest path
// from s to t (if t is reachable) uniformly among all σ_st; every interior
// node of the path gains 1/r. VD is an upper bound on the vertex diameter
// (the nodes on a longest shortest path; see measures.md); for VD ≤ 2 no
// node can lie inside a shortest path and every estimate is exact (0).
//
// The estimates are returned on the raw scale of Betweenness, b(v)·n(n−1)
// on directed graphs and b(v)·n(n−1)/2 on undirected ones, and
// ApproxResult.AbsError holds ε on that scale. Paths, weights (lengths,
// with opt.Distances) and ties are those of ShortestPaths. Sample i uses
// its own stream rand.NewPCG(opt.Seed, i), so the result is bit-identical
// for every number of workers. The expected time is O(r·(n + m)) at worst,
// O(r·(m + n log n)) weighted. It returns an error if ε or δ is not in
// (0, 1), if opt.Workers < 0, or if a weight is not a valid length.
//
// [Riondato & Kornaropoulos 2016]: M. Riondato and E. M. Kornaropoulos
// (2016), "Fast approximation of betweenness centrality through sampling",
// Data Mining and Knowledge Discovery 30(2):438–475,
// https://doi.org/10.1007/s10618-015-0423-0
func ApproxBetweenness(g graph.Graph, opt ApproxOptions) (*ApproxResult, error) {
	if !(opt.Epsilon > 0 && opt.Epsilon < 1) {
		return nil, fmt.Errorf("metrics: ApproxOptions.Epsilon is %v, want a number in (0, 1)", opt.Epsilon)
	}
	if !(opt.Delta > 0 && opt.Delta < 1) {
		return nil, fmt.Errorf("metrics: ApproxOptions.Delta is %v, want a number in (0, 1)", opt.Delta)
	}
	if opt.Workers < 0 {
		return nil, fmt.Errorf("metrics: ApproxOptions.Workers is %d, want ≥ 0", opt.Workers)
	}
	c, err := newCSR(g, opt.Distances)
	if err != nil {
		return nil, err
	}
	n := c.n()
	res := &ApproxResult{Betweenness: make(map[int64]float64, n), Epsilon: opt.Epsilon, Delta: opt.Delta}
	vd := c.vertexDiameterBound()
	res.VertexDiameter = vd
	scale := float64(n) * float64(n-1)
	if !c.directed {
		scale /= 2
	}
	res.AbsError = opt.Epsilon * scale
	if vd <= 2 {
		for _, id := range c.ids {
			res.Betweenness[id] = 0
		}
		return res, nil
	}
	r := int(math.Ceil(approxC / (opt.Epsilon * opt.Epsilon) *
		(math.Floor(math.Log2(float64(vd-2))) + 1 + math.Log(1/opt.Delta))))
	res.Samples = r

	workers := opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 64
	blocks := (r + block - 1) / block
	workers = max(1, min(workers, blocks))
	counts := make([][]int64, workers)
	var claim atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for k := range workers {
		go func() {
			defer wg.Done()
			cnt := make([]int64, n)
			counts[k] = cnt
			w := newPathsWorker(c, opt.Distances, true)
			pcg := rand.NewPCG(0, 0)
			rng := rand.New(pcg)
			for {
				b := int(claim.Add(1) - 1)
				if b >= blocks {
					return
				}
				for i := b * block; i < min(r, (b+1)*block); i++ {
					pcg.Seed(opt.Seed, uint64(i))
					s := int32(rng.IntN(n))
					t := int32(rng.IntN(n - 1))
					if t >= s {
						t++
					}
					w.samplePath(s, t, rng, cnt)
				}
			}
		}()
	}
	wg.Wait()
	per := scale / float64(r)
	for v, id := range c.ids {
		var total int64
		for _, cnt := range counts {
			total += cnt[v] // integers: the order does not matter
		}
		res.Betweenness[id] = float64(total) * per
	}
	return res, nil
}

// vertexDiameterBound returns an upper bound VD on the number of nodes of
// a longest shortest path (see ApproxBetweenness). On an unweighted
// undirected graph it is, per connected component, min(size, d₁ + d₂ + 1)
// with d₁ ≥ d₂ the two largest distances from one node of the component
// (the bound of Riondato and Kornaropoulos, Section 5.1); on directed or
// weighted graphs the size of the largest weakly connected component,
// which is always valid and enters r only through its logarithm.
func (c *csr) vertexDiameterBound() int {
	n := c.n()
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	dist := make([]int32, n)
	queue := make([]int32, 0, n)
	best := 0
	for s := range n {
		if comp[s] >= 0 {
			continue
		}
		// BFS over the weak component of s (in- and out-arcs).
		queue = append(queue[:0], int32(s))
		comp[s], dist[s] = int32(s), 0
		d1, d2 := int32(0), int32(0)
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, arcs := range [2][]int32{c.adj[c.off[v]:c.off[v+1]], c.inAdj[c.inOff[v]:c.inOff[v+1]]} {
				for _, x := range arcs {
					if comp[x] < 0 {
						comp[x], dist[x] = int32(s), dist[v]+1
						queue = append(queue, x)
						if d := dist[x]; d > d1 {
							d1, d2 = d, d1
						} else if d > d2 {
							d2 = d
						}
					}
				}
				if !c.directed {
					break // inAdj aliases adj
				}
			}
		}
		size := len(queue)
		if !c.directed && c.w == nil {
			size = min(size, int(d1+d2+1))
		}
		best = max(best, size)
	}
	return best
}

// samplePath searches from s until t is settled, then draws one shortest
// s–t path uniformly, by walking back from t and choosing each
// predecessor p of w with probability σ_sp/σ_sw, and adds 1 to cnt[v] for
// its interior nodes v. The worker's arrays are back in their initial
// state afterwards.
func (w *pathsWorker) samplePath(s, t int32, rng *rand.Rand, cnt []int64) {
	c, sigma := w.c, w.sigma
	if !w.weighted {
		level := w.level
		order := append(w.order[:0], s)
		level[s], sigma[s] = 0, 1
		for h := 0; h < len(order); h++ {
			v := order[h]
			if lt := level[t]; lt >= 0 && level[v] >= lt {
				break // every node up to t's level has its final σ
			}
			next, sv := level[v]+1, sigma[v]
			for _, x := range c.adj[c.off[v]:c.off[v+1]] {
				if level[x] < 0 {
					level[x] = next
					order = append(order, x)
				}
				if level[x] == next {
					sigma[x] += sv
				}
			}
		}
		if level[t] > 0 {
			for v := t; ; {
				prev := level[v] - 1
				if prev == 0 {
					break
				}
				x := rng.Float64() * sigma[v]
				var p int32 = -1
				for _, q := range c.inAdj[c.inOff[v]:c.inOff[v+1]] {
					if level[q] == prev {
						p = q
						if x -= sigma[q]; x < 0 {
							break
						}
					}
				}
				cnt[p]++
				v = p
			}
		}
		for _, v := range order {
			level[v], sigma[v] = -1, 0
		}
		w.order = order
		return
	}

	dist, pos, h := w.dist, w.pos, &w.heap
	order := w.order[:0]
	dist[s] = 0
	h.update(s, 0)
	for len(h.items) > 0 {
		v := h.pop()
		pos[v] = int32(len(order))
		order = append(order, v)
		dv := dist[v]
		if v == s {
			sigma[v] = 1
		} else {
			var sv float64
			for k := c.inOff[v]; k < c.inOff[v+1]; k++ {
				if p := c.inAdj[k]; pos[p] >= 0 && pathsTie(dist[p]+c.inW[k], dv) {
					sv += sigma[p]
				}
			}
			sigma[v] = sv
		}
		if v == t {
			break
		}
		for k := c.off[v]; k < c.off[v+1]; k++ {
			x := c.adj[k]
			if alt := dv + c.w[k]; alt < dist[x] {
				dist[x] = alt
				h.update(x, alt)
			}
		}
	}
	if pos[t] >= 0 {
		for v := t; ; {
			x := rng.Float64() * sigma[v]
			var p int32 = -1
			for k := c.inOff[v]; k < c.inOff[v+1]; k++ {
				q := c.inAdj[k]
				if pos[q] >= 0 && pos[q] < pos[v] && pathsTie(dist[q]+c.inW[k], dist[v]) {
					p = q
					if x -= sigma[q]; x < 0 {
						break
					}
				}
			}
			if p == s {
				break
			}
			cnt[p]++
			v = p
		}
	}
	for _, it := range h.items {
		h.at[it.v] = -1
		dist[it.v] = math.Inf(1)
	}
	h.items = h.items[:0]
	for _, v := range order {
		dist[v], pos[v], sigma[v] = math.Inf(1), -1, 0
	}
	w.order = order
}
