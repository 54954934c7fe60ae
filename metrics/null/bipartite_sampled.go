package null

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph"
)

// bipartiteSampled samples two-mode graphs in which every mode-0 node
// (row) keeps its degree and every mode-1 node (column) that has a tie in
// the observed graph keeps at least one; columns without a tie stay
// without. The target distribution is proportional to the product of the
// pair weights of the ties, w(r, c) (1 without Options.Tilt: uniform).
//
// The chain runs on the list of ties. Each step proposes, with equal
// probability,
//
//   - a move: a tie (r, c) drawn uniformly and a column c' drawn uniformly
//     among the columns; it is rejected if c' = c, if (r, c') is a tie or
//     if c has no other tie, and accepted otherwise with probability
//     min(1, w(r, c')/w(r, c));
//   - a swap: two ties (r, c) and (s, d) drawn uniformly; it is rejected if
//     r = s, c = d, or (r, d) or (s, c) is a tie, and accepted otherwise
//     with probability min(1, w(r, d)w(s, c)/(w(r, c)w(s, d))), giving
//     (r, d) and (s, c).
//
// Both proposals are symmetric (the reverse step is proposed with the same
// probability), so the Metropolis acceptance keeps the target distribution
// (Metropolis et al. 1953; Hastings 1970); rejections make the chain
// aperiodic. Swaps connect the graphs with given degrees on both sides
// (the switch chain of bipartite graphs; Ryser 1957), and moves change the
// column degrees one tie at a time, so the chain reaches every graph of the
// set; the tests check uniformity by enumeration on small cases.
type bipartiteSampled struct {
	obs   *observed
	rows  []int32 // node index of each row
	cols  []int32 // node index of each column of the pool
	ties  []sampledTie
	tilt  [][]float64 // tilt[r][c], nil when uniform
	steps int
}

type sampledTie struct{ r, c int32 } // row and column positions (in rows, cols)

func newBipartiteSampled(obs *observed, opt Options) (*bipartiteSampled, error) {
	if opt.Mode == nil {
		return nil, errors.New("null: bipartite-sampled needs Options.Mode")
	}
	s := &bipartiteSampled{obs: obs}
	rowOf := make([]int32, len(obs.ids))
	colOf := make([]int32, len(obs.ids))
	modes := make([]int, len(obs.ids))
	for i, id := range obs.ids {
		switch modes[i] = opt.Mode(id); modes[i] {
		case 0:
			rowOf[i] = int32(len(s.rows))
			s.rows = append(s.rows, int32(i))
		case 1:
			colOf[i] = -1 // in the pool only if it has a tie
		default:
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
		r, c := e.U, e.V
		if modes[r] == 1 {
			r, c = c, r
		}
		if colOf[c] < 0 {
			colOf[c] = int32(len(s.cols))
			s.cols = append(s.cols, c)
		}
		s.ties = append(s.ties, sampledTie{rowOf[r], colOf[c]})
	}
	if opt.Tilt != nil {
		s.tilt = make([][]float64, len(s.rows))
		for r, ri := range s.rows {
			s.tilt[r] = make([]float64, len(s.cols))
			for c, ci := range s.cols {
				w := opt.Tilt(obs.ids[ri], obs.ids[ci])
				if !(w > 0) || w > 1e300 {
					return nil, fmt.Errorf("null: tilt weight %v of nodes %d and %d is not positive and finite", w, obs.ids[ri], obs.ids[ci])
				}
				s.tilt[r][c] = w
			}
		}
	}
	s.steps = opt.Trades
	if s.steps == 0 {
		s.steps = max(200, 10*len(s.ties))
	}
	return s, nil
}

func (s *bipartiteSampled) Model() Model { return BipartiteSampled }

func (s *bipartiteSampled) weight(r, c int32) float64 {
	if s.tilt == nil {
		return 1
	}
	return s.tilt[r][c]
}

// Sample runs the chain from the observed graph for Options.Trades steps.
func (s *bipartiteSampled) Sample(src rand.Source) (graph.Graph, error) {
	rng := rand.New(src)
	m, nc := len(s.ties), len(s.cols)
	ties := append([]sampledTie(nil), s.ties...)
	has := newTieSet(len(s.rows), nc)
	deg := make([]int, nc)
	for _, t := range ties {
		has.set(t, true)
		deg[t.c]++
	}
	for step := 0; step < s.steps && m > 0; step++ {
		// One draw picks the kind of step and its first tie.
		i := rng.IntN(2 * m)
		move := i < m
		if !move {
			i -= m
		}
		t := ties[i]
		if move {
			c := int32(rng.IntN(nc))
			if c == t.c || has.get(sampledTie{t.r, c}) || deg[t.c] == 1 {
				continue
			}
			if s.tilt != nil && !accept(rng, s.weight(t.r, c)/s.weight(t.r, t.c)) {
				continue
			}
			has.set(t, false)
			deg[t.c]--
			t.c = c
			has.set(t, true)
			deg[c]++
			ties[i] = t
			continue
		}
		j := rng.IntN(m) // swap
		u := ties[j]
		if t.r == u.r || t.c == u.c || has.get(sampledTie{t.r, u.c}) || has.get(sampledTie{u.r, t.c}) {
			continue
		}
		if s.tilt != nil && !accept(rng, s.weight(t.r, u.c)*s.weight(u.r, t.c)/(s.weight(t.r, t.c)*s.weight(u.r, u.c))) {
			continue
		}
		has.set(t, false)
		has.set(u, false)
		t.c, u.c = u.c, t.c
		has.set(t, true)
		has.set(u, true)
		ties[i], ties[j] = t, u
	}
	edges := make([]edge, m)
	for k, t := range ties {
		a, b := s.rows[t.r], s.cols[t.c]
		if !s.obs.directed && a > b {
			a, b = b, a
		}
		edges[k] = edge{U: a, V: b}
	}
	return s.obs.build(edges, rng), nil
}

// tieSet holds the ties of a sample: a dense bit matrix when rows × cols
// is small enough, a map otherwise.
type tieSet struct {
	cols  int
	dense []bool
	m     map[sampledTie]bool
}

func newTieSet(rows, cols int) *tieSet {
	if rows*cols <= 1<<22 {
		return &tieSet{cols: cols, dense: make([]bool, rows*cols)}
	}
	return &tieSet{m: map[sampledTie]bool{}}
}

func (s *tieSet) get(t sampledTie) bool {
	if s.dense != nil {
		return s.dense[int(t.r)*s.cols+int(t.c)]
	}
	return s.m[t]
}

func (s *tieSet) set(t sampledTie, v bool) {
	if s.dense != nil {
		s.dense[int(t.r)*s.cols+int(t.c)] = v
	} else if v {
		s.m[t] = true
	} else {
		delete(s.m, t)
	}
}

// accept reports whether a Metropolis step with ratio q is accepted.
func accept(rng *rand.Rand, q float64) bool {
	return q >= 1 || rng.Float64() < q
}
