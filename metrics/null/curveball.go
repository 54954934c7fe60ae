package null

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// kind says which lists a Curveball sampler trades and how.
type kind int

const (
	undirectedKind kind = iota // symmetric neighbour lists; trades update the neighbours' lists
	directedKind               // out-neighbour lists, with triangle reversals
	bipartiteKind              // neighbour lists of mode-0 nodes (rows)
)

// curveball samples graphs with fixed degrees by Curveball trades from the
// observed graph (the chain is described in null.md). The adjacency is
// flat: the list of node i is adj[off[i]:off[i+1]], sorted; list lengths
// never change.
//
// On directed and two-mode graphs the lists stay sorted (triangle
// reversals look arcs up by binary search) and u's subset is drawn by
// selection sampling over the merged pool. On undirected graphs the lists
// become unordered and each entry knows the position of its reverse entry
// in the neighbour's list (twin), so that a neighbour x changing hands is
// updated in O(1); the common neighbours are found by marking u's, and the
// subset is drawn by a partial Fisher–Yates shuffle of min(|A|, |B|)
// steps. Either way a trade costs O(d_u + d_v) (plus a sort of the pool on
// directed and two-mode graphs); a sample costs O(Trades·d + n + m), d a
// typical degree, and is returned as a read-only flat graph.
type curveball struct {
	model Model
	obs   *observed
	kind  kind
	off   []int
	adj   []int32 // observed lists; each sample works on a copy
	owner []int32 // owner[r] is the node whose list holds adj[r] (directedKind)
	// twin[r] is the position of the reverse arc of adj[r] (undirectedKind):
	// if adj[r] = y lies in the list of x, adj[twin[r]] = x lies in the list
	// of y.
	twin   []int32
	active []int32 // nodes whose lists take part in trades
	trades int
	// noTriangles switches triangle reversals off (for tests that show
	// they are needed).
	noTriangles bool
}

func newDegree(obs *observed, trades int) *curveball {
	k := directedKind
	if !obs.directed {
		k = undirectedKind
	}
	return newCurveball(Degree, obs, k, trades)
}

func newBipartite(obs *observed, trades int, mode func(id int64) int) (*curveball, error) {
	if mode == nil {
		return nil, errors.New("null: bipartite-degree needs Options.Mode")
	}
	modes := make([]int, len(obs.ids))
	for i, id := range obs.ids {
		modes[i] = mode(id)
		if modes[i] != 0 && modes[i] != 1 {
			return nil, fmt.Errorf("null: node %d has mode %d, want 0 or 1", id, modes[i])
		}
	}
	for _, e := range obs.edges {
		if modes[e.U] == modes[e.V] {
			return nil, fmt.Errorf("null: edge between nodes %d and %d of the same mode %d", obs.ids[e.U], obs.ids[e.V], modes[e.U])
		}
		if obs.directed && modes[e.U] == 1 {
			return nil, fmt.Errorf("null: arc from node %d of mode 1 to node %d of mode 0; a directed two-mode graph must run from mode 0 to mode 1", obs.ids[e.U], obs.ids[e.V])
		}
	}
	// Rows are the mode-0 nodes. Store each edge in its row only, as an
	// arc from its mode-0 end, in canonical order.
	rowObs := *obs
	rowObs.edges = make([]edge, len(obs.edges))
	for i, e := range obs.edges {
		if modes[e.U] == 1 {
			e.U, e.V = e.V, e.U
		}
		rowObs.edges[i] = e
	}
	slices.SortFunc(rowObs.edges, cmpEdge)
	cb := newCurveball(BipartiteDegree, &rowObs, bipartiteKind, trades)
	cb.obs = obs
	return cb, nil
}

// newCurveball builds the flat lists from obs.edges, which are in
// canonical order for the kind: both directions for undirectedKind, u → v
// only otherwise.
func newCurveball(model Model, obs *observed, k kind, trades int) *curveball {
	n := len(obs.ids)
	rows := compact.FromEdges(obs.ids, k != undirectedKind, obs.edges, nil)
	cb := &curveball{model: model, obs: obs, kind: k, off: make([]int, n+1), adj: rows.Adj}
	for i := range n {
		cb.off[i+1] = int(rows.Off[i+1])
		if rows.Off[i+1] > rows.Off[i] {
			cb.active = append(cb.active, int32(i))
		}
	}
	if k == undirectedKind {
		cb.twin = make([]int32, len(cb.adj))
		for x := range n {
			for r := cb.off[x]; r < cb.off[x+1]; r++ {
				y := cb.adj[r]
				q, _ := slices.BinarySearch(cb.adj[cb.off[y]:cb.off[y+1]], int32(x))
				cb.twin[r] = int32(cb.off[y] + q)
			}
		}
	}
	if k == directedKind {
		cb.owner = make([]int32, len(cb.adj))
		for i := range n {
			for r := cb.off[i]; r < cb.off[i+1]; r++ {
				cb.owner[r] = int32(i)
			}
		}
	}
	cb.trades = trades
	if trades == 0 {
		cb.trades = max(100, 10*len(cb.active))
	}
	return cb
}

func (s *curveball) Model() Model { return s.model }

func (s *curveball) Sample(src rand.Source) (graph.Graph, error) {
	rng := rand.New(src)
	st := &state{cb: s, adj: slices.Clone(s.adj), rng: rng}
	if s.kind == undirectedKind {
		st.twin = slices.Clone(s.twin)
		st.stamp = make([]uint32, len(s.off)-1)
	}
	if k := len(s.active); k >= 2 {
		for range s.trades {
			i := rng.IntN(k)
			j := rng.IntN(k - 1)
			if j >= i {
				j++
			}
			if s.kind == undirectedKind {
				st.tradeUndirected(s.active[i], s.active[j])
				continue
			}
			st.trade(s.active[i], s.active[j])
			if s.kind == directedKind && !s.noTriangles && rng.IntN(2) == 0 {
				st.reverseTriangle()
			}
		}
	}
	return s.obs.build(st.edges(), rng), nil
}

// state is the working copy of the lists during one sample. The lists
// of directedKind and bipartiteKind stay sorted; those of undirectedKind
// are unordered, with twin pointers (see tradeUndirected).
type state struct {
	cb  *curveball
	adj []int32
	rng *rand.Rand
	// scratch
	common, pool []int32
	from         []bool // from[i]: pool[i] was in u's list
	toU, toV     []int32
	// undirectedKind
	twin          []int32  // working copy of cb.twin
	stamp         []uint32 // per node: epoch of the trade that marked it
	epoch         uint32
	pos           []int32 // positions of the pool's entries
	leave, arrive []int32 // positions that change hands
}

func (st *state) list(u int32) []int32 { return st.adj[st.cb.off[u]:st.cb.off[u+1]] }

// trade redistributes the entries of lists u and v that are not shared and
// may move (see New).
func (st *state) trade(u, v int32) {
	a, b := st.list(u), st.list(v)
	common, pool, from := st.common[:0], st.pool[:0], st.from[:0]
	hasUV, hasVU := false, false
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			if a[i] == v {
				hasUV = true
			} else {
				pool, from = append(pool, a[i]), append(from, true)
			}
			i++
		case i == len(a) || b[j] < a[i]:
			if b[j] == u {
				hasVU = true
			} else {
				pool, from = append(pool, b[j]), append(from, false)
			}
			j++
		default:
			common = append(common, a[i])
			i++
			j++
		}
	}
	st.common, st.pool, st.from = common, pool, from
	na := len(a) - len(common) // entries of u that may move
	if hasUV {
		na--
	}
	if na == 0 || na == len(pool) {
		return // nothing to trade
	}
	// A uniform subset of size na of the pool goes to u, by selection
	// sampling (Knuth, TAOCP vol. 2, Algorithm 3.4.2S): the pool is sorted,
	// so both parts come out sorted.
	toU, toV := st.toU[:0], st.toV[:0]
	need := na
	for i, x := range pool {
		if left := len(pool) - i; need == left || (need > 0 && st.rng.IntN(left) < need) {
			toU = append(toU, x)
			need--
			if !from[i] && st.cb.kind == undirectedKind {
				st.replace(x, v, u) // x moved from v to u
			}
		} else {
			toV = append(toV, x)
			if from[i] && st.cb.kind == undirectedKind {
				st.replace(x, u, v) // x moved from u to v
			}
		}
	}
	st.toU, st.toV = toU, toV
	mergeInto(a, common, toU, v, hasUV)
	mergeInto(b, common, toV, u, hasVU)
}

// tradeUndirected is trade for undirectedKind, on unordered lists with
// twin pointers; it costs O(d(u) + d(v)) instead of also re-sorting the
// list of every neighbour that changes hands:
//
//   - the common neighbours are found by stamping u's neighbours with the
//     trade's epoch (and the common ones with epoch+1);
//   - the pool A ∪ B is a list of positions, B's (in v's list) first; a
//     partial Fisher–Yates shuffle of min(|A|, |B|) steps draws the
//     uniform subset of size |A| that goes to u;
//   - an entry x leaving u and an entry y arriving from v swap positions,
//     and the twin pointers update x's and y's lists in O(1): the entry u
//     in x's list becomes v, the entry v in y's list becomes u.
func (st *state) tradeUndirected(u, v int32) {
	off := st.cb.off
	a0, a1, b0, b1 := off[u], off[u+1], off[v], off[v+1]
	adj, stamp := st.adj, st.stamp
	if st.epoch >= math.MaxUint32-2 {
		clear(stamp)
		st.epoch = 0
	}
	st.epoch += 2
	e := st.epoch
	for _, x := range adj[a0:a1] {
		stamp[x] = e
	}
	pool := st.pos[:0] // positions of the movable entries, v's first
	for q := b0; q < b1; q++ {
		y := adj[q]
		if stamp[y] == e {
			stamp[y] = e + 1 // common
			continue
		}
		if y != u {
			pool = append(pool, int32(q))
		}
	}
	nb := len(pool)
	for p := a0; p < a1; p++ {
		x := adj[p]
		if stamp[x] != e+1 && x != v {
			pool = append(pool, int32(p))
		}
	}
	st.pos = pool
	na := len(pool) - nb // entries of u that may move
	if na == 0 || nb == 0 {
		return // nothing to trade
	}
	// A partial Fisher–Yates shuffle draws a uniform subset pool[:k] of
	// the smaller size k; it goes to u if k = na, to v otherwise.
	k := min(na, nb)
	for i := range k {
		j := i + st.rng.IntN(len(pool)-i)
		pool[i], pool[j] = pool[j], pool[i]
	}
	toU, toV := pool[:k], pool[k:]
	if k != na {
		toU, toV = toV, toU
	}
	leave, arrive := st.leave[:0], st.arrive[:0]
	for _, p := range toU {
		if int(p) >= b0 && int(p) < b1 {
			arrive = append(arrive, p)
		}
	}
	for _, p := range toV {
		if int(p) >= a0 && int(p) < a1 {
			leave = append(leave, p)
		}
	}
	st.leave, st.arrive = leave, arrive
	twin := st.twin
	for k, p := range leave {
		q := arrive[k]
		x, y := adj[p], adj[q]
		tx, ty := twin[p], twin[q]
		adj[p], twin[p] = y, ty
		adj[ty], twin[ty] = u, p
		adj[q], twin[q] = x, tx
		adj[tx], twin[tx] = v, q
	}
}

// mergeInto writes the union of the sorted lists x and y, and z if withZ,
// in increasing order into dst, whose length is the total.
func mergeInto(dst, x, y []int32, z int32, withZ bool) {
	i, j, k := 0, 0, 0
	for k < len(dst) {
		var next int32
		switch {
		case j == len(y) || (i < len(x) && x[i] < y[j]):
			if i == len(x) {
				// only z left
				dst[k] = z
				return
			}
			next = x[i]
			if withZ && z < next {
				next, withZ = z, false
			} else {
				i++
			}
		default:
			next = y[j]
			if withZ && z < next {
				next, withZ = z, false
			} else {
				j++
			}
		}
		dst[k] = next
		k++
	}
}

// replace replaces old by nw in the sorted list of x, keeping it sorted.
// old must be in the list and nw not.
func (st *state) replace(x, old, nw int32) {
	l := st.list(x)
	p, _ := slices.BinarySearch(l, old)
	if nw > old {
		for p+1 < len(l) && l[p+1] < nw {
			l[p] = l[p+1]
			p++
		}
	} else {
		for p > 0 && l[p-1] > nw {
			l[p] = l[p-1]
			p--
		}
	}
	l[p] = nw
}

func (st *state) has(x, y int32) bool {
	_, ok := slices.BinarySearch(st.list(x), y)
	return ok
}

// reverseTriangle attempts one triangle reversal (see New): arc u→v
// uniform, w uniform among the out-neighbours of v; if w→u is an arc and
// none of v→u, w→v, u→w is, the cycle u→v→w→u becomes u→w→v→u.
func (st *state) reverseTriangle() {
	if len(st.adj) == 0 {
		return
	}
	r := st.rng.IntN(len(st.adj))
	u, v := st.cb.owner[r], st.adj[r]
	lv := st.list(v)
	if len(lv) == 0 {
		return
	}
	w := lv[st.rng.IntN(len(lv))]
	if w == u || !st.has(w, u) || st.has(v, u) || st.has(w, v) || st.has(u, w) {
		return
	}
	st.replace(u, v, w)
	st.replace(v, w, u)
	st.replace(w, u, v)
}

// edges returns the edges of the current lists, in canonical order for the
// graph's type, so that build need not sort them.
func (st *state) edges() []edge {
	s := st.cb
	n := len(s.off) - 1
	if s.kind == undirectedKind {
		// The lists are unordered: a counting sort by the smaller end.
		// Visiting v in increasing order appends each row's v in order.
		next := make([]int, n+1)
		for v := range int32(n) {
			for _, u := range st.list(v) {
				if u < v {
					next[u+1]++
				}
			}
		}
		for i := range n {
			next[i+1] += next[i]
		}
		out := make([]edge, len(st.adj)/2)
		for v := range int32(n) {
			for _, u := range st.list(v) {
				if u < v {
					out[next[u]] = edge{U: u, V: v}
					next[u]++
				}
			}
		}
		return out
	}
	out := make([]edge, 0, len(st.adj))
	for u := range int32(n) {
		for _, v := range st.list(u) {
			if s.kind == bipartiteKind && !s.obs.directed && v < u {
				out = append(out, edge{U: v, V: u})
			} else {
				out = append(out, edge{U: u, V: v})
			}
		}
	}
	return out
}
