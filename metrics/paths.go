package metrics

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/graph"
)

// PathOptions say how ShortestPaths and the measures built on it
// (Betweenness, BetweennessNormalized, Closeness, Harmonic) measure paths
// and how many goroutines they use.
type PathOptions struct {
	// Distances uses edge weights as lengths: g must implement
	// graph.Weighted, and every weight must be positive and finite, else
	// the error wraps ErrNegativeWeight. A tie strength (a number of
	// contracts, an amount) is not a length: convert it first, for
	// example to 1/w. Otherwise every edge has length 1.
	Distances bool
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The results are bit-identical for every number of workers.
	Workers int
}

// PathStats holds the measures of one shortest-path pass over a graph.
// Node scores have an entry for every node of the graph.
type PathStats struct {
	// Betweenness is raw Freeman betweenness (see Betweenness): unordered
	// pairs on undirected graphs (the centre of the path 0-1-2 has 1),
	// ordered pairs on directed graphs.
	Betweenness map[int64]float64
	// Closeness is Wasserman-Faust closeness over out-distances (see
	// Closeness).
	Closeness map[int64]float64
	// Harmonic is raw harmonic centrality Σ 1/d over out-distances (see
	// Harmonic).
	Harmonic map[int64]float64
	// AveragePathLength is the mean of d(u,v) over all ordered pairs
	// (u,v), u ≠ v, with v reachable from u (igraph's
	// average_path_length(unconn=TRUE)). It is undefined, with a note,
	// when no pair is connected.
	AveragePathLength Value
	// Diameter is the longest finite shortest path: a number of edges, or
	// a total weight when PathOptions.Distances is set (igraph's
	// diameter(unconn=TRUE)). It is undefined, with a note, when no pair
	// is connected.
	Diameter Value
	// ReachablePairs is the number of ordered pairs (u,v), u ≠ v, with v
	// reachable from u; on an undirected graph each connected pair counts
	// twice.
	ReachablePairs int64
}

// pathsTol is the relative tolerance within which two path lengths are
// equal on weighted graphs: a and b are equal when
// |a-b| ≤ pathsTol·max(|a|,|b|) (igraph compares with the same epsilon).
const pathsTol = 1e-10

// pathsChunk is the number of consecutive sources whose betweenness
// contributions one worker sums before they are merged into the total.
// It is fixed, independent of the number of workers, so that the order of
// every floating-point addition, and hence the result, is the same for
// any number of workers.
const pathsChunk = 16

// ShortestPaths returns betweenness, closeness and harmonic centrality of
// every node, and the average path length, diameter and number of
// reachable pairs of g, all from one single-source shortest-path pass per
// node (Brandes's algorithm):
//
//	σ_st      number of shortest paths from s to t, σ_st(v) those through v
//	δ_s(v)  = Σ_{w : v ∈ P_s(w)} σ_sv/σ_sw · (1 + δ_s(w))      (Brandes 2001, Theorem 6)
//	C_B(v)  = Σ_s δ_s(v)  (halved on undirected graphs)
//	APL     = Σ_{u≠v, d(u,v)<∞} d(u,v) / #{(u,v) : u≠v, d(u,v)<∞}
//	diam    = max_{d(u,v)<∞} d(u,v)
//
// Paths follow edge direction on a graph that implements graph.Directed;
// otherwise g is undirected. Without opt.Distances every edge has length
// 1; with it edge weights are lengths, and two paths are equally short
// when their lengths agree to a relative tolerance of 1e-10 (as in
// igraph). Path counts σ are float64: exact up to 2^53 paths, rounded
// beyond. Unreachable pairs add nothing to betweenness or to the harmonic
// sums and are left out of the average path length and diameter; a graph
// with no connected pair gives zeros and an undefined AveragePathLength
// and Diameter. Self-loops are ignored. The time is O(nm) unweighted and
// O(nm + n² log n) weighted, for n nodes and m edges.
//
// References: [Brandes 2001] (U. Brandes, "A faster algorithm for
// betweenness centrality", J. Math. Sociol. 25(2):163-177) for the
// algorithm; [Brandes 2008] (U. Brandes, "On variants of shortest-path
// betweenness centrality and their generic computation", Social Networks
// 30(2):136-145) for the weighted and distance-sum variants.
//
// [Brandes 2001]: https://doi.org/10.1080/0022250X.2001.9990249
// [Brandes 2008]: https://doi.org/10.1016/j.socnet.2007.11.001
func ShortestPaths(g graph.Graph, opt PathOptions) (*PathStats, error) {
	r, err := runPaths(g, opt, true)
	if err != nil {
		return nil, err
	}
	st := &PathStats{
		Betweenness: r.betweenness(),
		Closeness:   r.closeness(),
		Harmonic:    r.harmonic(),
	}
	var total float64
	var longest float64
	for s := range r.reach {
		st.ReachablePairs += r.reach[s]
		total += r.dsum[s]
		longest = math.Max(longest, r.maxd[s])
	}
	if st.ReachablePairs == 0 {
		const note = "no pair of nodes is connected by a path"
		st.AveragePathLength = Undefined(note)
		st.Diameter = Undefined(note)
	} else {
		st.AveragePathLength = Defined(total / float64(st.ReachablePairs))
		st.Diameter = Defined(longest)
	}
	return st, nil
}

// pathsResult holds the per-node outcome of runPaths, indexed as c.ids.
type pathsResult struct {
	c     *csr
	bc    []float64 // Σ_s δ_s(v) over ordered pairs; nil unless asked for
	reach []int64   // nodes reachable from s, s excluded
	dsum  []float64 // Σ_v d(s,v) over reachable v
	harm  []float64 // Σ_v 1/d(s,v) over reachable v ≠ s
	maxd  []float64 // max_v d(s,v) over reachable v
}

// betweenness returns raw Freeman betweenness keyed by node id.
func (r *pathsResult) betweenness() map[int64]float64 {
	out := make(map[int64]float64, len(r.c.ids))
	for i, id := range r.c.ids {
		b := r.bc[i]
		if !r.c.directed {
			b /= 2 // each unordered pair was counted from both ends
		}
		out[id] = b
	}
	return out
}

// closeness returns Wasserman-Faust closeness keyed by node id.
func (r *pathsResult) closeness() map[int64]float64 {
	n := len(r.c.ids)
	out := make(map[int64]float64, n)
	for i, id := range r.c.ids {
		c := 0.0
		if k := float64(r.reach[i]); k > 0 {
			c = k / r.dsum[i] * (k / float64(n-1))
		}
		out[id] = c
	}
	return out
}

// harmonic returns raw harmonic centrality keyed by node id.
func (r *pathsResult) harmonic() map[int64]float64 {
	out := make(map[int64]float64, len(r.c.ids))
	for i, id := range r.c.ids {
		out[id] = r.harm[i]
	}
	return out
}

// runPaths runs one shortest-path pass from every node of g. Betweenness
// is accumulated only if needBC is true.
func runPaths(g graph.Graph, opt PathOptions, needBC bool) (*pathsResult, error) {
	if opt.Workers < 0 {
		return nil, fmt.Errorf("metrics: PathOptions.Workers is %d, want ≥ 0", opt.Workers)
	}
	c, err := newCSR(g, opt.Distances)
	if err != nil {
		return nil, err
	}
	n := c.n()
	r := &pathsResult{
		c:     c,
		reach: make([]int64, n),
		dsum:  make([]float64, n),
		harm:  make([]float64, n),
		maxd:  make([]float64, n),
	}
	if needBC {
		r.bc = make([]float64, n)
	}
	if n == 0 {
		return r, nil
	}
	// Sources are split into fixed blocks of pathsChunk consecutive nodes
	// (in id order) shared out among the workers; per-node sums are
	// merged block by block in source order, so the result does not
	// depend on the number of workers or on scheduling. Memory is O(n + m)
	// for the snapshot c plus O(n) per worker (pathsWorker).
	chunks := (n + pathsChunk - 1) / pathsChunk
	workers := opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, chunks)

	// A worker takes a buffer from the pool before it claims the next
	// block, so the block awaited by the merge is always either claimed
	// by a worker that holds a buffer or not claimed at all while every
	// buffer is free: the pool of workers+1 buffers cannot deadlock, and
	// at most workers+1 blocks are held at a time.
	pool := make(chan []float64, workers+1)
	for range workers + 1 {
		var b []float64
		if needBC {
			b = make([]float64, n)
		}
		pool <- b
	}
	var (
		claim   atomic.Int64
		mu      sync.Mutex
		done    = make([]bool, chunks)
		pending = make([][]float64, chunks)
		merged  int
		wg      sync.WaitGroup
	)
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			w := newPathsWorker(c, opt.Distances, needBC)
			for {
				buf := <-pool
				k := int(claim.Add(1) - 1)
				if k >= chunks {
					pool <- buf
					return
				}
				for s := k * pathsChunk; s < min(n, (k+1)*pathsChunk); s++ {
					w.source(int32(s), buf, r)
				}
				mu.Lock()
				done[k], pending[k] = true, buf
				for merged < chunks && done[merged] {
					b := pending[merged]
					pending[merged] = nil
					for i, x := range b {
						r.bc[i] += x
					}
					clear(b)
					pool <- b
					merged++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return r, nil
}

// pathsWorker holds the O(n) state of one goroutine. Between sources every
// array is back in its initial state: level -1, dist +Inf, pos -1,
// sigma 0.
type pathsWorker struct {
	c        *csr
	weighted bool
	needBC   bool
	node     []pathsNode // level and σ (unweighted)
	dag      []int32     // shortest-path DAG: children (unweighted) or predecessors (weighted), by position
	dstart   []int32     // dag[dstart[h]:dstart[h+1]] are those of order[h]
	level    []int32     // BFS depth, -1 unvisited (unweighted ApproxBetweenness)
	dist     []float64   // distance, +Inf unreached (weighted)
	pos      []int32     // index in order once settled, -1 before (weighted)
	sigma    []float64   // number of shortest paths from the source
	coef     []float64   // Σ (1 + δ(x)) / σ(x) over the successors x seen so far (weighted)
	order    []int32     // nodes in the order they were settled
	heap     pathsHeap
}

func newPathsWorker(c *csr, weighted, needBC bool) *pathsWorker {
	n := c.n()
	w := &pathsWorker{c: c, weighted: weighted, needBC: needBC, order: make([]int32, 0, n)}
	if weighted {
		w.dist = make([]float64, n)
		w.pos = make([]int32, n)
		for i := range w.dist {
			w.dist[i] = math.Inf(1)
			w.pos[i] = -1
		}
		w.heap = pathsHeap{at: make([]int32, n), items: make([]pathsHeapItem, 0, n)}
		for i := range w.heap.at {
			w.heap.at[i] = -1
		}
		if needBC {
			w.dag = make([]int32, 0, len(c.adj))
			w.dstart = make([]int32, n+1)
		}
	} else {
		w.node = make([]pathsNode, n)
		w.level = make([]int32, n)
		for i := range w.node {
			w.node[i].level = -1
			w.level[i] = -1
		}
		if needBC {
			w.dag = make([]int32, 0, len(c.adj))
			w.dstart = make([]int32, n+1)
		}
	}
	if needBC {
		w.sigma = make([]float64, n)
		w.coef = make([]float64, n)
	}
	return w
}

// source runs the pass from s, adds δ_s(v) to bc[v] (if betweenness is
// asked for) and records the per-source sums in r. Without weights the
// pass is a breadth-first search; with weights (PathOptions.Distances) it
// is Dijkstra's algorithm with a binary heap (pathsHeap).
func (w *pathsWorker) source(s int32, bc []float64, r *pathsResult) {
	if w.weighted {
		w.dijkstra(s, bc, r)
	} else {
		w.bfs(s, bc, r)
	}
}

// bfs is the unweighted pass: breadth-first search counting shortest
// paths, then dependencies accumulated in reverse order of discovery.
//
// The forward pass keeps, for the node at position h of the order, its
// children in the shortest-path DAG (the neighbours one level deeper) as
// dag[dstart[h]:dstart[h+1]], in adjacency order, so that the backward
// pass reads only DAG arcs and needs no level test. Level and σ of a node
// share one 16-byte slot (node), and once the backward pass has passed a
// node its slot holds (1 + δ(w))/σ(w) instead of σ(w), which no other
// node needs any more: one cache line serves both tests of an arc. The
// sums run in the same order as a plain scan of the adjacency lists.
func (w *pathsWorker) bfs(s int32, bc []float64, r *pathsResult) {
	c, nd := w.c, w.node
	order := append(w.order[:0], s)
	nd[s].level = 0
	if w.needBC {
		nd[s].sc = 1
		dag, dstart := w.dag[:0], w.dstart
		for h := 0; h < len(order); h++ {
			v := order[h]
			dstart[h] = int32(len(dag))
			next, sv := nd[v].level+1, nd[v].sc
			for _, x := range c.adj[c.off[v]:c.off[v+1]] {
				p := &nd[x]
				lx := p.level
				if lx < 0 {
					p.level, lx = next, next
					order = append(order, x)
				}
				if lx == next {
					p.sc += sv
					dag = append(dag, x)
				}
			}
		}
		dstart[len(order)] = int32(len(dag))
		w.dag = dag
	} else {
		w.bfsDist(s, r)
		return
	}

	var sum int64
	var harm float64
	for _, v := range order[1:] {
		d := nd[v].level
		sum += int64(d)
		harm += 1 / float64(d)
	}
	r.reach[s] = int64(len(order) - 1)
	r.dsum[s] = float64(sum)
	r.harm[s] = harm
	r.maxd[s] = float64(nd[order[len(order)-1]].level)

	if w.needBC {
		dag, dstart := w.dag, w.dstart
		for i := len(order) - 1; i > 0; i-- {
			v := order[i]
			var acc float64
			for _, x := range dag[dstart[i]:dstart[i+1]] {
				acc += nd[x].sc // (1 + δ(x)) / σ(x)
			}
			sv := nd[v].sc
			delta := sv * acc
			bc[v] += delta
			nd[v].sc = (1 + delta) / sv
		}
	}
	for _, v := range order {
		nd[v] = pathsNode{level: -1}
	}
	w.order = order
}

// bfsDist is the pass without betweenness: a plain breadth-first search
// over the int32 level array, four bytes per node, so that more of it
// stays in cache.
func (w *pathsWorker) bfsDist(s int32, r *pathsResult) {
	c, level := w.c, w.level
	order := append(w.order[:0], s)
	level[s] = 0
	for h := 0; h < len(order); h++ {
		v := order[h]
		next := level[v] + 1
		for _, x := range c.adj[c.off[v]:c.off[v+1]] {
			if level[x] < 0 {
				level[x] = next
				order = append(order, x)
			}
		}
	}
	var sum int64
	var harm float64
	for _, v := range order[1:] {
		d := level[v]
		sum += int64(d)
		harm += 1 / float64(d)
	}
	r.reach[s] = int64(len(order) - 1)
	r.dsum[s] = float64(sum)
	r.harm[s] = harm
	r.maxd[s] = float64(level[order[len(order)-1]])
	for _, v := range order {
		level[v] = -1
	}
	w.order = order
}

// pathsNode is the state of one node in the unweighted pass: BFS level
// (-1 unvisited) and σ, replaced by (1 + δ)/σ in the backward pass.
type pathsNode struct {
	sc    float64
	level int32
}

// pathsTie reports whether the non-negative path lengths a and b are equal
// within pathsTol: |a-b| ≤ pathsTol·max(a,b).
func pathsTie(a, b float64) bool {
	if a >= b {
		return a-b <= pathsTol*a
	}
	return b-a <= pathsTol*b
}

// dijkstra is the weighted pass. Distances are exact float64 sums along
// the path found first; σ(v) is summed when v is settled, over the
// in-neighbours p settled before it with d(p) + w(p,v) equal to d(v)
// within pathsTol, and the backward pass uses the same test on the same
// arcs, so that the two agree exactly.
func (w *pathsWorker) dijkstra(s int32, bc []float64, r *pathsResult) {
	c, dist, pos, sigma := w.c, w.dist, w.pos, w.sigma
	h := &w.heap
	order := w.order[:0]
	dist[s] = 0
	h.update(s, 0)
	for len(h.items) > 0 {
		v := h.pop()
		pos[v] = int32(len(order))
		order = append(order, v)
		dv := dist[v]
		if w.needBC {
			w.dstart[len(order)-1] = int32(len(w.dag))
			if v == s {
				sigma[v] = 1
			} else {
				var sv float64
				for k := c.inOff[v]; k < c.inOff[v+1]; k++ {
					p := c.inAdj[k]
					// A predecessor must be settled before v (pos[p] ≥ 0),
					// so that zero-length detours cannot form cycles.
					if pos[p] >= 0 && pathsTie(dist[p]+c.inW[k], dv) {
						sv += sigma[p]
						w.dag = append(w.dag, p) // a predecessor of v
					}
				}
				sigma[v] = sv
			}
		}
		// A settled x has dist[x] ≤ dv < dv + w: it is never updated.
		for k := c.off[v]; k < c.off[v+1]; k++ {
			x := c.adj[k]
			if alt := dv + c.w[k]; alt < dist[x] {
				dist[x] = alt
				h.update(x, alt)
			}
		}
	}

	var sum, harm float64
	for _, v := range order[1:] {
		d := dist[v]
		sum += d
		harm += 1 / d
	}
	r.reach[s] = int64(len(order) - 1)
	r.dsum[s] = sum
	r.harm[s] = harm
	r.maxd[s] = dist[order[len(order)-1]] // settled in non-decreasing order

	if w.needBC {
		// Walk back in reverse order of settling: when v is reached, every
		// successor x of v (settled later) has pushed (1+δ(x))/σ(x) into
		// acc[v] through the predecessors recorded when x was settled, the
		// same arcs that counted its paths.
		dag, dstart, acc := w.dag, w.dstart, w.coef
		dstart[len(order)] = int32(len(dag))
		for i := len(order) - 1; i > 0; i-- {
			v := order[i]
			delta := sigma[v] * acc[v]
			bc[v] += delta
			cv := (1 + delta) / sigma[v]
			for _, p := range dag[dstart[i]:dstart[i+1]] {
				acc[p] += cv
			}
		}
		for _, v := range order {
			sigma[v], acc[v] = 0, 0
		}
		w.dag = dag[:0]
	}
	for _, v := range order {
		dist[v] = math.Inf(1)
		pos[v] = -1
	}
	w.order = order
}

// pathsHeap is an indexed binary min-heap of nodes keyed by distance,
// ties broken by node index so that the order of settling is
// deterministic. Keys are held in the heap array for locality.
type pathsHeap struct {
	items []pathsHeapItem
	at    []int32 // position of a node in items, -1 if absent
}

type pathsHeapItem struct {
	d float64
	v int32
}

func (a pathsHeapItem) less(b pathsHeapItem) bool {
	return a.d < b.d || a.d == b.d && a.v < b.v
}

func (h *pathsHeap) up(i int) {
	it := h.items[i]
	for i > 0 {
		p := (i - 1) / 2
		if !it.less(h.items[p]) {
			break
		}
		h.items[i] = h.items[p]
		h.at[h.items[i].v] = int32(i)
		i = p
	}
	h.items[i] = it
	h.at[it.v] = int32(i)
}

func (h *pathsHeap) down(i int) {
	n := len(h.items)
	it := h.items[i]
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && h.items[r].less(h.items[l]) {
			m = r
		}
		if !h.items[m].less(it) {
			break
		}
		h.items[i] = h.items[m]
		h.at[h.items[i].v] = int32(i)
		i = m
	}
	h.items[i] = it
	h.at[it.v] = int32(i)
}

// update inserts v with key d or, if v is present, lowers its key to d.
func (h *pathsHeap) update(v int32, d float64) {
	i := int(h.at[v])
	if i < 0 {
		i = len(h.items)
		h.items = append(h.items, pathsHeapItem{})
	}
	h.items[i] = pathsHeapItem{d, v}
	h.up(i)
}

// pop removes and returns the node with the smallest key.
func (h *pathsHeap) pop() int32 {
	v := h.items[0].v
	h.at[v] = -1
	last := len(h.items) - 1
	if last > 0 {
		h.items[0] = h.items[last]
		h.items = h.items[:last]
		h.down(0)
	} else {
		h.items = h.items[:0]
	}
	return v
}
