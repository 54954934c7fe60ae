package null_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics/null"
)

// summary is what a sample must share with the observed graph.
type summary struct {
	directed bool
	ids      []int64
	m        int
	out, in  map[int64]int // degrees (out only on undirected graphs)
	weights  []float64     // sorted
}

func summarise(t *testing.T, g graph.Graph) summary {
	t.Helper()
	s := summary{out: map[int64]int{}, in: map[int64]int{}}
	_, s.directed = g.(graph.Directed)
	for it := g.Nodes(); it.Next(); {
		s.ids = append(s.ids, it.Node().ID())
	}
	slices.Sort(s.ids)
	wg := g.(graph.Weighted)
	for _, u := range s.ids {
		seen := map[int64]bool{}
		for it := g.From(u); it.Next(); {
			v := it.Node().ID()
			if v == u {
				t.Fatalf("self-loop at %d", u)
			}
			if seen[v] {
				t.Fatalf("multi-edge %d–%d", u, v)
			}
			seen[v] = true
			s.out[u]++
			s.in[v]++
			if s.directed || u < v {
				s.m++
				w, ok := wg.Weight(u, v)
				if !ok {
					t.Fatalf("no weight on %d–%d", u, v)
				}
				s.weights = append(s.weights, w)
			}
		}
	}
	slices.Sort(s.weights)
	return s
}

// fixtures are observed graphs for the constraint tests: a 29-node tree
// (a ledger-sized two-mode graph), random graphs with isolates and
// non-contiguous ids.
func fixtures() []struct {
	name     string
	g        graph.Weighted
	mode     func(int64) int
	directed bool
} {
	rng := rand.New(rand.NewPCG(1, 1))
	tree, colour := randomTree(29, rng)
	und := randomGNM(40, 90, false, 0, rng)
	dir := randomGNM(40, 140, true, 0, rng)
	bip := randomGNM(40, 80, false, 15, rng)
	// Shift ids so that they are not 0..n-1, and add isolates.
	shift := func(es []wedge) []wedge {
		out := slices.Clone(es)
		for i := range out {
			out[i].u = 10*out[i].u + 7
			out[i].v = 10*out[i].v + 7
		}
		return out
	}
	ids := make([]int64, 45)
	for i := range ids {
		ids[i] = 10*int64(i) + 7
	}
	return []struct {
		name     string
		g        graph.Weighted
		mode     func(int64) int
		directed bool
	}{
		{"tree", newGraph(false, seq(29), tree), func(id int64) int { return colour[id] }, false},
		{"undirected", newGraph(false, ids, shift(und)), nil, false},
		{"directed", newGraph(true, ids, shift(dir)), nil, true},
		{"bipartite", newGraph(false, ids, shift(bip)), func(id int64) int {
			if (id-7)/10 < 15 {
				return 0
			}
			return 1
		}, false},
		{"bipartite directed", newGraph(true, ids, shift(bip)), func(id int64) int {
			if (id-7)/10 < 15 {
				return 0
			}
			return 1
		}, true},
	}
}

// TestConstraints checks on many samples that every model keeps what it
// promises, exactly: node ids, type, edge count, degrees, modes, weights.
func TestConstraints(t *testing.T) {
	for _, f := range fixtures() {
		obs := summarise(t, f.g)
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree} {
			if model == null.BipartiteDegree && f.mode == nil {
				continue
			}
			for _, permute := range []bool{false, true} {
				s, err := null.New(model, f.g, null.Options{PermuteWeights: permute, Mode: f.mode})
				if err != nil {
					t.Fatalf("%s %s: %v", f.name, model, err)
				}
				if s.Model() != model {
					t.Errorf("Model() = %q, want %q", s.Model(), model)
				}
				src := rand.NewPCG(1, 1)
				changed := 0
				for range 200 {
					h, err := s.Sample(src)
					if err != nil {
						t.Fatal(err)
					}
					switch h.(type) {
					case graph.WeightedDirected:
						if !f.directed {
							t.Fatalf("%s %s: directed sample of an undirected graph", f.name, model)
						}
					case graph.WeightedUndirected:
						if f.directed {
							t.Fatalf("%s %s: undirected sample of a directed graph", f.name, model)
						}
					default:
						t.Fatalf("%s %s: sample of type %T", f.name, model, h)
					}
					got := summarise(t, h)
					if !slices.Equal(got.ids, obs.ids) {
						t.Fatalf("%s %s: node ids changed", f.name, model)
					}
					if got.m != obs.m {
						t.Fatalf("%s %s: %d edges, want %d", f.name, model, got.m, obs.m)
					}
					if model != null.GNM {
						for _, id := range obs.ids {
							if got.out[id] != obs.out[id] || got.in[id] != obs.in[id] {
								t.Fatalf("%s %s: node %d has degrees %d/%d, want %d/%d", f.name, model, id,
									got.out[id], got.in[id], obs.out[id], obs.in[id])
							}
						}
					}
					if model == null.BipartiteDegree {
						for it := h.Nodes(); it.Next(); {
							u := it.Node().ID()
							for to := h.From(u); to.Next(); {
								if f.mode(u) == f.mode(to.Node().ID()) {
									t.Fatalf("%s: edge within mode %d", f.name, f.mode(u))
								}
								if f.directed && f.mode(u) != 0 {
									t.Fatalf("%s: arc from mode 1", f.name)
								}
							}
						}
					}
					if permute && !slices.Equal(got.weights, obs.weights) {
						t.Fatalf("%s %s: weights changed", f.name, model)
					}
					if !permute && slices.ContainsFunc(got.weights, func(w float64) bool { return w != 1 }) {
						t.Fatalf("%s %s: weight other than 1 without PermuteWeights", f.name, model)
					}
					if h.Edge(obs.ids[0], obs.ids[0]) != nil {
						t.Fatal("self edge")
					}
					if w, ok := h.(graph.Weighted).Weight(obs.ids[0], obs.ids[0]); !ok || w != 0 {
						t.Fatalf("self weight %v, want 0", w)
					}
					if got.out[obs.ids[0]] < len(obs.ids)-1 {
						w, _ := h.(graph.Weighted).Weight(obs.ids[0], nonNeighbour(h, obs.ids))
						if !math.IsInf(w, 1) {
							t.Fatalf("absent weight %v, want +Inf", w)
						}
					}
					if !sameEdges(h, f.g) {
						changed++
					}
				}
				// A tree's degree sequence has many realisations; all
				// fixtures should be randomised by nearly every sample.
				if changed < 190 {
					t.Errorf("%s %s: only %d of 200 samples differ from the observed graph", f.name, model, changed)
				}
			}
		}
	}
}

func nonNeighbour(g graph.Graph, ids []int64) int64 {
	for _, v := range ids[1:] {
		if !g.HasEdgeBetween(ids[0], v) {
			return v
		}
	}
	return ids[0]
}

// sameEdges reports whether g and h have the same edge set (and arc
// directions).
func sameEdges(g, h graph.Graph) bool {
	for it := g.Nodes(); it.Next(); {
		u := it.Node().ID()
		for to := g.From(u); to.Next(); {
			if h.Edge(u, to.Node().ID()) == nil {
				return false
			}
		}
	}
	return true
}

// edgeList returns the edges of g with their weights, sorted (u < v on an
// undirected graph).
func edgeList(g graph.Graph) []wedge {
	var out []wedge
	_, directed := g.(graph.Directed)
	for it := g.Nodes(); it.Next(); {
		u := it.Node().ID()
		for to := g.From(u); to.Next(); {
			v := to.Node().ID()
			if directed || u < v {
				w, _ := g.(graph.Weighted).Weight(u, v)
				out = append(out, wedge{u, v, w})
			}
		}
	}
	slices.SortFunc(out, func(a, b wedge) int {
		if a.u != b.u {
			return int(a.u - b.u)
		}
		return int(a.v - b.v)
	})
	return out
}

// TestDeterminism checks that a sample depends only on the state of src:
// the same seed gives the same graph, before and after other samples.
func TestDeterminism(t *testing.T) {
	for _, f := range fixtures() {
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree} {
			if model == null.BipartiteDegree && f.mode == nil {
				continue
			}
			s, err := null.New(model, f.g, null.Options{PermuteWeights: true, Mode: f.mode})
			if err != nil {
				t.Fatal(err)
			}
			first, _ := s.Sample(rand.NewPCG(3, 4))
			other, _ := s.Sample(rand.NewPCG(5, 6))
			for range 5 {
				s.Sample(rand.NewPCG(7, 8))
			}
			again, _ := s.Sample(rand.NewPCG(3, 4))
			if !slices.Equal(edgeList(first), edgeList(again)) {
				t.Errorf("%s %s: the same seed gave different graphs", f.name, model)
			}
			if slices.Equal(edgeList(first), edgeList(other)) {
				t.Errorf("%s %s: different seeds gave the same graph", f.name, model)
			}
			// A sequence of samples from one source is reproducible.
			src1, src2 := rand.NewPCG(9, 9), rand.NewPCG(9, 9)
			for range 3 {
				a, _ := s.Sample(src1)
				b, _ := s.Sample(src2)
				if !slices.Equal(edgeList(a), edgeList(b)) {
					t.Errorf("%s %s: sequences from equal sources differ", f.name, model)
				}
			}
		}
	}
}

// TestConcurrent checks that Sample may run on several goroutines and that
// a sample depends on its seed only, not on the split over workers.
func TestConcurrent(t *testing.T) {
	for _, f := range fixtures() {
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree} {
			if model == null.BipartiteDegree && f.mode == nil {
				continue
			}
			s, err := null.New(model, f.g, null.Options{PermuteWeights: true, Mode: f.mode})
			if err != nil {
				t.Fatal(err)
			}
			const n = 8
			want := make([][]wedge, n)
			for i := range n {
				h, _ := s.Sample(rand.NewPCG(uint64(i), 0))
				want[i] = edgeList(h)
			}
			got := make([][]wedge, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					h, _ := s.Sample(rand.NewPCG(uint64(i), 0))
					got[i] = edgeList(h)
				}()
			}
			wg.Wait()
			for i := range n {
				if !slices.Equal(got[i], want[i]) {
					t.Errorf("%s %s: seed %d gave a different graph on a goroutine", f.name, model, i)
				}
			}
		}
	}
}

// TestWeightAssignment checks the documented rule: sampled edges in
// canonical order get the observed weights (in canonical order) permuted
// by rand.Perm drawn after the edges. With a single edge there is nothing
// to permute; on the 2-regular graph of 6 nodes with weights 1..6 every
// weight must appear once.
func TestWeightAssignment(t *testing.T) {
	g := newGraph(false, seq(2), []wedge{{0, 1, 42}})
	s, _ := null.New(null.Degree, g, null.Options{PermuteWeights: true})
	h, _ := s.Sample(rand.NewPCG(1, 1))
	if w, _ := h.(graph.Weighted).Weight(0, 1); w != 42 {
		t.Errorf("single edge weight %v, want 42", w)
	}
	hex := newGraph(false, seq(6), []wedge{{0, 1, 1}, {1, 2, 2}, {2, 3, 3}, {3, 4, 4}, {4, 5, 5}, {5, 0, 6}})
	s, _ = null.New(null.Degree, hex, null.Options{PermuteWeights: true})
	// Each weight lands on each position with equal probability: the
	// weight on the first canonical edge is uniform on 1..6.
	counts := make([]int, 7)
	src := rand.NewPCG(1, 1)
	for range 6000 {
		h, _ := s.Sample(src)
		counts[int(edgeList(h)[0].w)]++
	}
	for w := 1; w <= 6; w++ {
		if counts[w] < 850 || counts[w] > 1150 {
			t.Errorf("weight %d on the first edge %d times in 6000, want about 1000", w, counts[w])
		}
	}
}

// loopGraph is an undirected graph that reports a self-loop at node 0,
// which simple graphs refuse to hold.
type loopGraph struct{ *simple.UndirectedGraph }

func (g loopGraph) From(id int64) graph.Nodes {
	if id == 0 {
		return iterator.NewOrderedNodes([]graph.Node{simple.Node(0)})
	}
	return g.UndirectedGraph.From(id)
}

func TestErrors(t *testing.T) {
	path := newGraph(false, seq(3), []wedge{{u: 0, v: 1}, {u: 1, v: 2}})
	arcs := newGraph(true, seq(3), []wedge{{u: 0, v: 1}, {u: 1, v: 2}})
	half := func(id int64) int {
		if id == 0 {
			return 0
		}
		return 1
	}
	loop := loopGraph{simple.NewUndirectedGraph()}
	loop.AddNode(simple.Node(0))
	for _, c := range []struct {
		name  string
		model null.Model
		g     graph.Graph
		opt   null.Options
		want  string
	}{
		{"unknown model", "swap", path, null.Options{}, "unknown model"},
		{"empty model", "", path, null.Options{}, "unknown model"},
		{"nil graph", null.Degree, nil, null.Options{}, "nil graph"},
		{"negative trades", null.Degree, path, null.Options{Trades: -1}, "negative"},
		{"self-loop", null.GNM, loop, null.Options{}, "self-loop"},
		{"bipartite without mode", null.BipartiteDegree, path, null.Options{}, "Mode"},
		{"bipartite same-mode edge", null.BipartiteDegree, path, null.Options{Mode: half}, "same mode"},
		{"bipartite bad mode", null.BipartiteDegree, path, null.Options{Mode: func(id int64) int { return int(id) }}, "want 0 or 1"},
		{"bipartite arc from mode 1", null.BipartiteDegree, arcs, null.Options{Mode: func(id int64) int { return int(id % 2) }}, "mode 1"},
	} {
		_, err := null.New(c.model, c.g, c.opt)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "null: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want one starting with \"null: \" and containing %q", c.name, err, c.want)
		}
	}
	// The tests of the internal package check the error for a graph too
	// dense for G(n, m), which no simple graph can be.
}

func TestParseModel(t *testing.T) {
	for _, m := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree, null.BipartiteGNM} {
		got, err := null.ParseModel(string(m))
		if err != nil || got != m {
			t.Errorf("ParseModel(%q) = %q, %v", m, got, err)
		}
	}
	for _, s := range []string{"", "GNM", "configuration", "bipartite"} {
		if _, err := null.ParseModel(s); err == nil || !strings.HasPrefix(err.Error(), "null: ") {
			t.Errorf("ParseModel(%q): error %v, want one starting with \"null: \"", s, err)
		}
	}
}

// TestEdgeCases: graphs without edges, with one node, or with a single
// realisation are sampled without error and unchanged.
func TestEdgeCases(t *testing.T) {
	star := newGraph(false, seq(5), []wedge{{u: 0, v: 1}, {u: 0, v: 2}, {u: 0, v: 3}, {u: 0, v: 4}})
	for _, c := range []struct {
		name string
		g    graph.Graph
	}{
		{"empty", newGraph(false, nil, nil)},
		{"one node", newGraph(true, seq(1), nil)},
		{"no edges", newGraph(false, seq(4), nil)},
		{"star", star},
	} {
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree} {
			s, err := null.New(model, c.g, null.Options{Mode: func(id int64) int { return min(int(id), 1) }})
			if err != nil {
				t.Fatalf("%s %s: %v", c.name, model, err)
			}
			h, err := s.Sample(rand.NewPCG(1, 1))
			if err != nil {
				t.Fatalf("%s %s: %v", c.name, model, err)
			}
			if model != null.GNM && !sameEdges(c.g, h) {
				t.Errorf("%s %s: the only realisation changed", c.name, model)
			}
		}
	}
	// K4 is the only graph with 6 edges on 4 nodes.
	k4 := newGraph(false, seq(4), []wedge{{u: 0, v: 1}, {u: 0, v: 2}, {u: 0, v: 3}, {u: 1, v: 2}, {u: 1, v: 3}, {u: 2, v: 3}})
	s, _ := null.New(null.GNM, k4, null.Options{})
	if h, _ := s.Sample(rand.NewPCG(1, 1)); !sameEdges(k4, h) {
		t.Error("G(4, 6) is not K4")
	}
}

// TestBipartiteGNMConstraints checks that bipartite-gnm keeps the mode
// sizes and the number of edges, puts every edge between the modes and
// refuses bad modes.
func TestBipartiteGNMConstraints(t *testing.T) {
	// Rows 0-2, columns 3-7, 6 edges.
	edges := []wedge{{u: 0, v: 3}, {u: 0, v: 4}, {u: 1, v: 5}, {u: 2, v: 6}, {u: 2, v: 7}, {u: 1, v: 3}}
	g := newGraph(false, seq(8), edges)
	s, err := null.New(null.BipartiteGNM, g, null.Options{Mode: modeOf(3)})
	if err != nil {
		t.Fatal(err)
	}
	src := rand.NewPCG(3, 4)
	for range 500 {
		h, err := s.Sample(src)
		if err != nil {
			t.Fatal(err)
		}
		m := 0
		for it := h.Nodes(); it.Next(); {
			u := it.Node().ID()
			for to := h.From(u); to.Next(); {
				v := to.Node().ID()
				if (u < 3) == (v < 3) {
					t.Fatalf("edge %d-%d within a mode", u, v)
				}
				m++
			}
		}
		if h.Nodes().Len() != 8 || m != 2*len(edges) {
			t.Fatalf("%d nodes, %d edge ends", h.Nodes().Len(), m)
		}
	}
	if _, err := null.New(null.BipartiteGNM, g, null.Options{}); err == nil {
		t.Error("no Mode accepted")
	}
	if _, err := null.New(null.BipartiteGNM, g, null.Options{Mode: modeOf(4)}); err == nil {
		t.Error("same-mode edge accepted") // 3-4 and 3-... become mode-0 to mode-0
	}
}

// TestBipartiteGNMDeterminism checks that the same source state gives the
// same graph.
func TestBipartiteGNMDeterminism(t *testing.T) {
	g := newGraph(false, seq(6), []wedge{{u: 0, v: 3}, {u: 1, v: 4}, {u: 2, v: 5}})
	s, err := null.New(null.BipartiteGNM, g, null.Options{Mode: modeOf(3), PermuteWeights: true})
	if err != nil {
		t.Fatal(err)
	}
	pairs := pairsOf(6, false, 3)
	a, _ := s.Sample(rand.NewPCG(9, 9))
	b, _ := s.Sample(rand.NewPCG(9, 9))
	if code(a, pairs) != code(b, pairs) {
		t.Error("same source, different graphs")
	}
}
