package null

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph"
)

// gnm samples G(n, m): m distinct pairs drawn uniformly without
// replacement from the N possible pairs.
type gnm struct {
	obs   *observed
	pairs int64 // N = n(n−1)/2 or n(n−1)
}

func newGNM(obs *observed) (*gnm, error) {
	n := int64(len(obs.ids))
	pairs := n * (n - 1)
	if !obs.directed {
		pairs /= 2
	}
	if m := int64(len(obs.edges)); m > pairs {
		return nil, fmt.Errorf("null: %d edges exceed the %d possible on %d nodes", m, pairs, n)
	}
	return &gnm{obs: obs, pairs: pairs}, nil
}

func (s *gnm) Model() Model { return GNM }

// Sample draws the m pair indices by Floyd's algorithm (Bentley and Floyd
// 1987): for j = N−m, …, N−1 draw t uniformly in [0, j] and take t, or j
// if t is taken already. Every m-subset of [0, N) is equally likely.
func (s *gnm) Sample(src rand.Source) (graph.Graph, error) {
	rng := rand.New(src)
	m := len(s.obs.edges)
	n := int32(len(s.obs.ids))
	taken := make(map[int64]struct{}, m)
	edges := make([]edge, 0, m)
	for j := s.pairs - int64(m); j < s.pairs; j++ {
		t := rng.Int64N(j + 1)
		if _, ok := taken[t]; ok {
			t = j
		}
		taken[t] = struct{}{}
		edges = append(edges, s.decode(t, n))
	}
	return s.obs.build(edges, rng), nil
}

// decode returns the pair of index k. Directed: k = u(n−1) + r, with
// v = r if r < u and r+1 otherwise. Undirected: k = b(b−1)/2 + a with
// a < b.
func (s *gnm) decode(k int64, n int32) edge {
	if s.obs.directed {
		u := k / int64(n-1)
		v := k % int64(n-1)
		if v >= u {
			v++
		}
		return edge{U: int32(u), V: int32(v)}
	}
	b := int64((1 + math.Sqrt(1+8*float64(k))) / 2)
	for b*(b-1)/2 > k {
		b--
	}
	for (b+1)*b/2 <= k {
		b++
	}
	return edge{U: int32(k - b*(b-1)/2), V: int32(b)}
}
