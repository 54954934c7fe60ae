package compact

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// TestMatchesSimple checks that a compact graph answers every query of
// the gonum interfaces as the simple graph with the same edges does
// (neighbour sets, weights, edges, missing nodes), for sparse node ids.
func TestMatchesSimple(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, directed := range []bool{false, true} {
		for _, dense := range []bool{false, true} {
			ids := make([]int64, 40)
			for i := range ids {
				ids[i] = int64(i)
				if !dense {
					ids[i] = int64(3*i + 5)
				}
			}
			seen := map[Edge]bool{}
			var edges []Edge
			var weights []float64
			for len(edges) < 150 {
				e := Edge{int32(rng.IntN(40)), int32(rng.IntN(40))}
				if !directed && e.U > e.V {
					e.U, e.V = e.V, e.U
				}
				if e.U == e.V || seen[e] {
					continue
				}
				seen[e] = true
				edges = append(edges, e)
			}
			slices.SortFunc(edges, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.U, b.U), cmp.Compare(a.V, b.V)) })
			for range edges {
				weights = append(weights, 1+rng.Float64())
			}
			f := New(ids, directed, edges, weights)
			var s interface {
				graph.Weighted
				SetWeightedEdge(graph.WeightedEdge)
				AddNode(graph.Node)
			}
			if directed {
				s = simple.NewWeightedDirectedGraph(0, math.Inf(1))
			} else {
				s = simple.NewWeightedUndirectedGraph(0, math.Inf(1))
			}
			for _, id := range ids {
				s.AddNode(simple.Node(id))
			}
			for i, e := range edges {
				s.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(ids[e.U]), T: simple.Node(ids[e.V]), W: weights[i]})
			}
			sorted := func(it graph.Nodes) []int64 {
				var out []int64
				if it.Len() < 0 {
					t.Fatal("negative Len")
				}
				n := it.Len()
				for it.Next() {
					out = append(out, it.Node().ID())
				}
				if len(out) != n || it.Len() != 0 {
					t.Fatalf("Len %d, %d nodes, %d left", n, len(out), it.Len())
				}
				slices.Sort(out)
				return out
			}
			if !slices.Equal(sorted(f.Nodes()), sorted(s.Nodes())) {
				t.Fatal("nodes differ")
			}
			fw := f
			probe := append(slices.Clone(ids), -1, 1000)
			for _, x := range probe {
				if (f.Node(x) == nil) != (s.Node(x) == nil) {
					t.Errorf("Node(%d) differs", x)
				}
				if !slices.Equal(sorted(f.From(x)), sorted(s.From(x))) {
					t.Errorf("From(%d) differs", x)
				}
				if directed && !slices.Equal(sorted(f.(graph.Directed).To(x)), sorted(s.(graph.Directed).To(x))) {
					t.Errorf("To(%d) differs", x)
				}
				for _, y := range probe {
					gw, gok := fw.Weight(x, y)
					ww, wok := s.Weight(x, y)
					if gw != ww || gok != wok || f.HasEdgeBetween(x, y) != s.HasEdgeBetween(x, y) {
						t.Errorf("%d–%d: weight %v %v, want %v %v", x, y, gw, gok, ww, wok)
					}
					ge, we := fw.WeightedEdge(x, y), s.WeightedEdge(x, y)
					if (ge == nil) != (we == nil) || ge != nil && (ge.Weight() != we.Weight() || ge.From().ID() != x || ge.To().ID() != y) {
						t.Errorf("edge %d–%d: %v, want %v", x, y, ge, we)
					}
					if directed && f.(graph.Directed).HasEdgeFromTo(x, y) != s.(graph.Directed).HasEdgeFromTo(x, y) {
						t.Errorf("HasEdgeFromTo(%d, %d) differs", x, y)
					}
				}
			}
			it := f.Nodes()
			it.Next()
			it.Reset()
			if it.Len() != len(ids) {
				t.Errorf("Len after Reset %d", it.Len())
			}
		}
	}
}
