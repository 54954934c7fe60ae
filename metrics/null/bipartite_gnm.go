package null

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph"
)

// bipartiteGNM samples G(n₀, n₁, m): m distinct pairs (mode-0 node,
// mode-1 node) drawn uniformly without replacement from the n₀·n₁
// possible ones, so every bipartite graph with these mode sizes and m
// edges is equally likely. On a directed graph the arcs run from mode 0 to
// mode 1, as in the observed graph.
type bipartiteGNM struct {
	obs        *observed
	rows, cols []int32 // node indices of mode 0 and mode 1
}

func newBipartiteGNM(obs *observed, mode func(id int64) int) (*bipartiteGNM, error) {
	if mode == nil {
		return nil, errors.New("null: bipartite-gnm needs Options.Mode")
	}
	s := &bipartiteGNM{obs: obs}
	modes := make([]int, len(obs.ids))
	for i, id := range obs.ids {
		switch modes[i] = mode(id); modes[i] {
		case 0:
			s.rows = append(s.rows, int32(i))
		case 1:
			s.cols = append(s.cols, int32(i))
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
	}
	return s, nil
}

func (s *bipartiteGNM) Model() Model { return BipartiteGNM }

// Sample draws the m pair indices k in [0, n₀n₁) by Floyd's algorithm, as
// G(n, m) does, and decodes k into (rows[k / n₁], cols[k mod n₁]).
func (s *bipartiteGNM) Sample(src rand.Source) (graph.Graph, error) {
	rng := rand.New(src)
	m := len(s.obs.edges)
	n1 := int64(len(s.cols))
	pairs := int64(len(s.rows)) * n1
	taken := make(map[int64]struct{}, m)
	edges := make([]edge, 0, m)
	for j := pairs - int64(m); j < pairs; j++ {
		t := rng.Int64N(j + 1)
		if _, ok := taken[t]; ok {
			t = j
		}
		taken[t] = struct{}{}
		u, v := s.rows[t/n1], s.cols[t%n1]
		if !s.obs.directed && u > v {
			u, v = v, u
		}
		edges = append(edges, edge{U: u, V: v})
	}
	return s.obs.build(edges, rng), nil
}
