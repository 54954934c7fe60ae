package metrics_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// pathsTol is the tolerance of comparisons with peer tools.
const pathsTol = 1e-9

// pathsUndirected returns a weighted undirected graph on nodes 0..n-1 with
// the given edges {u, v, w}; w = 0 in the literal means weight 1.
func pathsUndirected(n int, edges [][3]float64) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		w := e[2]
		if w == 0 {
			w = 1
		}
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(e[0])), simple.Node(int64(e[1])), w))
	}
	return g
}

// pathsDirected is pathsUndirected for a directed graph.
func pathsDirected(n int, edges [][3]float64) *simple.WeightedDirectedGraph {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		w := e[2]
		if w == 0 {
			w = 1
		}
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(e[0])), simple.Node(int64(e[1])), w))
	}
	return g
}

// pathsRandom returns a seeded random graph with n nodes and about m edges
// and weights in [1, 4) (rounded to quarters when ties is set, so that many
// weighted shortest paths tie).
func pathsRandom(n, m int, directed, ties bool) graph.Graph {
	rnd := rand.New(rand.NewPCG(1, 1))
	var g interface {
		graph.Graph
		NewWeightedEdge(from, to graph.Node, w float64) graph.WeightedEdge
		SetWeightedEdge(graph.WeightedEdge)
		AddNode(graph.Node)
		HasEdgeBetween(x, y int64) bool
	}
	if directed {
		g = simple.NewWeightedDirectedGraph(0, math.Inf(1))
	} else {
		g = simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	}
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for range m {
		u, v := rnd.IntN(n), rnd.IntN(n)
		if u == v || g.HasEdgeBetween(int64(u), int64(v)) {
			continue
		}
		w := 1 + 3*rnd.Float64()
		if ties {
			w = math.Round(w*4) / 4
		}
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(u), simple.Node(v), w))
	}
	return g
}

// pathsGraphKey identifies a graph of testdata/graphs as read for a case.
type pathsGraphKey struct {
	name               string
	directed, weighted bool
}

func TestPathsReference(t *testing.T) {
	type result struct {
		stats *metrics.PathStats
		norm  map[int64]float64
	}
	results := map[pathsGraphKey]result{}
	seen := map[string]bool{}
	for _, c := range loadReference(t, "paths.json") {
		k := pathsGraphKey{c.Graph, c.Directed, c.Weighted}
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		res, ok := results[k]
		if !ok {
			opt := metrics.PathOptions{Distances: c.Weighted}
			st, err := metrics.ShortestPaths(g.G, opt)
			if err != nil {
				t.Fatalf("%v: %v", k, err)
			}
			norm, err := metrics.BetweennessNormalized(g.G, opt)
			if err != nil {
				t.Fatalf("%v: %v", k, err)
			}
			res = result{st, norm}
			results[k] = res
		}
		seen[c.Measure] = true
		st := res.stats
		switch c.Measure {
		case "betweenness":
			checkNodes(t, g, st.Betweenness, c, pathsTol)
		case "betweenness_normalized":
			checkNodes(t, g, res.norm, c, pathsTol)
		case "closeness":
			checkNodes(t, g, st.Closeness, c, pathsTol)
		case "harmonic":
			checkNodes(t, g, st.Harmonic, c, pathsTol)
		case "average_path_length", "diameter", "reachable_pairs":
			var got metrics.Value
			switch c.Measure {
			case "average_path_length":
				got = st.AveragePathLength
			case "diameter":
				got = st.Diameter
			default:
				got = metrics.Defined(float64(st.ReachablePairs))
			}
			if c.Value == nil {
				t.Fatalf("%s %s: reference has no value", c.Graph, c.Measure)
			}
			if !got.OK || !scalar.EqualWithinAbsOrRel(got.V, *c.Value, pathsTol, pathsTol) {
				t.Errorf("%s (weighted %v) %s = %v, %s gives %v (%s)", c.Graph, c.Weighted, c.Measure, got, c.Tool, *c.Value, c.Call)
			}
		default:
			t.Errorf("unknown measure %q in paths.json", c.Measure)
		}
	}
	for _, m := range []string{"betweenness", "betweenness_normalized", "closeness", "harmonic", "average_path_length", "diameter", "reachable_pairs"} {
		if !seen[m] {
			t.Errorf("paths.json has no case for %s", m)
		}
	}
	for _, name := range []string{"karate", "florentine", "kite", "davis", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar"} {
		if _, ok := results[pathsGraphKey{name, name == "directed" || name == "outtree" || name == "outstar", name == "weighted"}]; !ok {
			t.Errorf("paths.json has no case for graph %s", name)
		}
	}
	if _, ok := results[pathsGraphKey{"weighted", false, false}]; !ok {
		t.Error("paths.json has no unweighted case for graph weighted")
	}
}

// TestPathsSingleMeasures checks that the single-measure functions return
// exactly the maps of ShortestPaths.
func TestPathsSingleMeasures(t *testing.T) {
	for _, k := range []pathsGraphKey{{"florentine", false, false}, {"directed", true, false}, {"weighted", false, true}} {
		g := loadGraph(t, k.name, k.directed, k.weighted)
		opt := metrics.PathOptions{Distances: k.weighted}
		st, err := metrics.ShortestPaths(g.G, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name string
			fn   func(graph.Graph, metrics.PathOptions) (map[int64]float64, error)
			want map[int64]float64
		}{
			{"Betweenness", metrics.Betweenness, st.Betweenness},
			{"Closeness", metrics.Closeness, st.Closeness},
			{"Harmonic", metrics.Harmonic, st.Harmonic},
		} {
			got, err := f.fn(g.G, opt)
			if err != nil {
				t.Fatal(err)
			}
			pathsSameBits(t, fmt.Sprintf("%s %s", k.name, f.name), got, f.want)
		}
	}
}

// pathsSameBits fails unless got and want have the same keys and
// bit-identical values.
func pathsSameBits(t *testing.T, what string, got, want map[int64]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d nodes, want %d", what, len(got), len(want))
	}
	for id, w := range want {
		if g, ok := got[id]; !ok || math.Float64bits(g) != math.Float64bits(w) {
			t.Errorf("%s: node %d = %v (%#x), want %v (%#x)", what, id, g, math.Float64bits(g), w, math.Float64bits(w))
			return
		}
	}
}

// pathsSameValue fails unless two Values are identical.
func pathsSameValue(t *testing.T, what string, got, want metrics.Value) {
	t.Helper()
	if got.OK != want.OK || got.Note != want.Note || math.Float64bits(got.V) != math.Float64bits(want.V) {
		t.Errorf("%s: %+v, want %+v", what, got, want)
	}
}

func TestPathsWorkersBitIdentical(t *testing.T) {
	cases := []struct {
		name     string
		g        graph.Graph
		weighted bool
	}{
		{"karate", loadGraph(t, "karate", false, false).G, false},
		{"directed", loadGraph(t, "directed", true, false).G, false},
		{"weighted", loadGraph(t, "weighted", false, true).G, true},
		// Several hundred sources, so that many blocks of sources are
		// merged, and weights with many exact and near ties.
		{"random-undirected", pathsRandom(300, 900, false, false), false},
		{"random-undirected-weighted", pathsRandom(300, 900, false, false), true},
		{"random-directed-weighted-ties", pathsRandom(300, 1200, true, true), true},
	}
	for _, tc := range cases {
		var ref *metrics.PathStats
		for _, workers := range []int{1, 2, 3, 8} {
			st, err := metrics.ShortestPaths(tc.g, metrics.PathOptions{Distances: tc.weighted, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if ref == nil {
				ref = st
				continue
			}
			what := fmt.Sprintf("%s, %d workers", tc.name, workers)
			pathsSameBits(t, what+" betweenness", st.Betweenness, ref.Betweenness)
			pathsSameBits(t, what+" closeness", st.Closeness, ref.Closeness)
			pathsSameBits(t, what+" harmonic", st.Harmonic, ref.Harmonic)
			pathsSameValue(t, what+" average path length", st.AveragePathLength, ref.AveragePathLength)
			pathsSameValue(t, what+" diameter", st.Diameter, ref.Diameter)
			if st.ReachablePairs != ref.ReachablePairs {
				t.Errorf("%s: %d reachable pairs, want %d", what, st.ReachablePairs, ref.ReachablePairs)
			}
		}
	}
}

// TestPathsGonum checks the documented relation to gonum: its undirected
// betweenness counts ordered pairs (twice the Freeman value) and omits
// zeros; on directed graphs the two agree, weighted or not.
func TestPathsGonum(t *testing.T) {
	for _, k := range []pathsGraphKey{{"karate", false, false}, {"directed", true, false}, {"weighted", false, true}, {"random", true, true}} {
		var g graph.Graph
		if k.name == "random" {
			g = pathsRandom(100, 400, true, false)
		} else {
			g = loadGraph(t, k.name, k.directed, k.weighted).G
		}
		got, err := metrics.Betweenness(g, metrics.PathOptions{Distances: k.weighted})
		if err != nil {
			t.Fatal(err)
		}
		var gon map[int64]float64
		if k.weighted {
			wg := g.(graph.Weighted)
			gon = network.BetweennessWeighted(wg, path.DijkstraAllPaths(wg))
		} else {
			gon = network.Betweenness(g)
		}
		for id, b := range got {
			want := gon[id] // missing means 0
			if !k.directed {
				want /= 2
			}
			if !scalar.EqualWithinAbsOrRel(b, want, pathsTol, pathsTol) {
				t.Errorf("%s node %d: %v, gonum gives %v (halved on undirected graphs)", k.name, id, b, want)
			}
		}
	}
}

func TestPathsHand(t *testing.T) {
	// P3 0-1-2: the centre lies on the one path between 0 and 2 (Freeman
	// 1977: betweenness counts unordered pairs).
	p3 := pathsUndirected(3, [][3]float64{{0, 1}, {1, 2}})
	// Star with 5 nodes, centre 0: the centre lies on all C(4,2) = 6 paths
	// between leaves, the maximum (n-1)(n-2)/2.
	star := pathsUndirected(5, [][3]float64{{0, 1}, {0, 2}, {0, 3}, {0, 4}})
	// Directed path 0→1→2: only the ordered pair (0,2) passes through 1.
	dp3 := pathsDirected(3, [][3]float64{{0, 1}, {1, 2}})
	// Square 0-1-3-2-0 whose two paths from 0 to 3 have lengths
	// 0.1+0.2 = 0.30000000000000004 and 0.15+0.15 = 0.3 in float64: equal
	// within the documented relative tolerance 1e-10, so each of 1 and 2
	// gets 1/2 for the pair (0,3); node 0 lies on the only shortest path
	// 1-0-2 (0.25 against 0.35). With exact comparisons (NetworkX) node 2
	// would get 1 and node 1 nothing.
	sq := pathsUndirected(4, [][3]float64{{0, 1, 0.1}, {1, 3, 0.2}, {0, 2, 0.15}, {2, 3, 0.15}})
	// Two components: edge 0-1 and path 2-3-4; isolate 5.
	split := pathsUndirected(6, [][3]float64{{0, 1}, {2, 3}, {3, 4}})

	for _, tc := range []struct {
		name     string
		g        graph.Graph
		weighted bool
		bc, clo  map[int64]float64
		harm     map[int64]float64
		apl      float64
		diam     float64
		pairs    int64
	}{
		{
			name: "P3", g: p3,
			bc: map[int64]float64{0: 0, 1: 1, 2: 0},
			// closeness (n-1)/Σd: ends 2/3, centre 2/2.
			clo:  map[int64]float64{0: 2.0 / 3, 1: 1, 2: 2.0 / 3},
			harm: map[int64]float64{0: 1.5, 1: 2, 2: 1.5},
			// ordered distances 1,2,1,1,2,1 over 6 pairs.
			apl: 8.0 / 6, diam: 2, pairs: 6,
		},
		{
			name: "star5", g: star,
			bc: map[int64]float64{0: 6, 1: 0, 2: 0, 3: 0, 4: 0},
			// Freeman: leaves (n-1)/(2n-3) = 4/7.
			clo:  map[int64]float64{0: 1, 1: 4.0 / 7, 2: 4.0 / 7, 3: 4.0 / 7, 4: 4.0 / 7},
			harm: map[int64]float64{0: 4, 1: 2.5, 2: 2.5, 3: 2.5, 4: 2.5},
			// 8 ordered pairs at distance 1, 12 at distance 2.
			apl: 32.0 / 20, diam: 2, pairs: 20,
		},
		{
			name: "directed P3", g: dp3,
			bc: map[int64]float64{0: 0, 1: 1, 2: 0},
			// out-distances: 0 reaches 2 nodes at Σd 3: (2/2)(2/3); 1
			// reaches 1 node: (1/2)(1/1); 2 reaches nobody.
			clo:  map[int64]float64{0: 2.0 / 3, 1: 0.5, 2: 0},
			harm: map[int64]float64{0: 1.5, 1: 1, 2: 0},
			apl:  4.0 / 3, diam: 2, pairs: 3,
		},
		{
			name: "square with float ties", g: sq, weighted: true,
			bc: map[int64]float64{0: 1, 1: 0.5, 2: 0.5, 3: 0},
			// d(0,·) = 0.1, 0.15, 0.3: Σ 0.55; harmonic 10 + 1/0.15 + 1/0.3.
			clo:  map[int64]float64{0: 3 / 0.55},
			harm: map[int64]float64{0: 10 + 1/0.15 + 1/0.3},
			// 2·(0.1+0.2+0.15+0.15 + d(0,3) 0.3 + d(1,2) 0.25) / 12.
			apl: 2 * 1.15 / 12, diam: 0.3, pairs: 12,
		},
		{
			name: "two components and an isolate", g: split,
			bc: map[int64]float64{0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0},
			// Wasserman-Faust: node 0 reaches 1 of 5 at Σd 1: (1/5)(1/1);
			// node 3 reaches 2 at Σd 2: (2/5)(2/2); node 2 reaches 2 at
			// Σd 3: (2/5)(2/3); the isolate 0.
			clo:  map[int64]float64{0: 0.2, 1: 0.2, 2: 4.0 / 15, 3: 0.4, 4: 4.0 / 15, 5: 0},
			harm: map[int64]float64{0: 1, 1: 1, 2: 1.5, 3: 2, 4: 1.5, 5: 0},
			// pairs: 2 at 1 (0-1), 4 at 1 and 2 at 2 (2-3-4): Σ 10 over 8.
			apl: 10.0 / 8, diam: 2, pairs: 8,
		},
	} {
		st, err := metrics.ShortestPaths(tc.g, metrics.PathOptions{Distances: tc.weighted})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, m := range []struct {
			what      string
			got, want map[int64]float64
		}{{"betweenness", st.Betweenness, tc.bc}, {"closeness", st.Closeness, tc.clo}, {"harmonic", st.Harmonic, tc.harm}} {
			for id, want := range m.want {
				if got := m.got[id]; !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-12) {
					t.Errorf("%s %s node %d = %v, want %v", tc.name, m.what, id, got, want)
				}
			}
		}
		if !st.AveragePathLength.OK || !scalar.EqualWithinAbsOrRel(st.AveragePathLength.V, tc.apl, 1e-12, 1e-12) {
			t.Errorf("%s average path length = %v, want %v", tc.name, st.AveragePathLength, tc.apl)
		}
		if !st.Diameter.OK || !scalar.EqualWithinAbsOrRel(st.Diameter.V, tc.diam, 1e-12, 1e-12) {
			t.Errorf("%s diameter = %v, want %v", tc.name, st.Diameter, tc.diam)
		}
		if st.ReachablePairs != tc.pairs {
			t.Errorf("%s reachable pairs = %d, want %d", tc.name, st.ReachablePairs, tc.pairs)
		}
	}

	// Normalised betweenness: the star centre reaches the maximum 1; a
	// directed P3 centre has 1/((n-1)(n-2)) = 1/2.
	for _, tc := range []struct {
		name string
		g    graph.Graph
		id   int64
		want float64
	}{{"star5", star, 0, 1}, {"star5 leaf", star, 1, 0}, {"directed P3", dp3, 1, 0.5}, {"P3", p3, 1, 1}} {
		got, err := metrics.BetweennessNormalized(tc.g, metrics.PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinAbsOrRel(got[tc.id], tc.want, 1e-12, 1e-12) {
			t.Errorf("%s normalised betweenness of %d = %v, want %v", tc.name, tc.id, got[tc.id], tc.want)
		}
	}
}

func TestPathsErrors(t *testing.T) {
	for _, w := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		g := pathsUndirected(3, [][3]float64{{0, 1, 1}, {1, 2, 1}})
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(1), simple.Node(2), w))
		_, err := metrics.ShortestPaths(g, metrics.PathOptions{Distances: true})
		if !errors.Is(err, metrics.ErrNegativeWeight) {
			t.Errorf("weight %v: error %v, want ErrNegativeWeight", w, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "metrics: ") || !strings.Contains(msg, "edge 1–2") {
			t.Errorf("weight %v: message %q does not start with metrics: or name the edge", w, msg)
		}
		// Unweighted, the weight is not used and is not checked.
		if _, err := metrics.ShortestPaths(g, metrics.PathOptions{}); err != nil {
			t.Errorf("weight %v, unweighted: %v", w, err)
		}
	}
	d := pathsDirected(2, [][3]float64{{1, 0, -2}})
	if _, err := metrics.Betweenness(d, metrics.PathOptions{Distances: true}); !errors.Is(err, metrics.ErrNegativeWeight) || !strings.Contains(err.Error(), "edge 1→0") {
		t.Errorf("directed negative weight: %v", err)
	}

	plain := simple.NewUndirectedGraph()
	plain.SetEdge(plain.NewEdge(simple.Node(0), simple.Node(1)))
	if _, err := metrics.Closeness(plain, metrics.PathOptions{Distances: true}); err == nil || !strings.HasPrefix(err.Error(), "metrics: ") {
		t.Errorf("Weighted on an unweighted graph type: error %v", err)
	}
	if _, err := metrics.Harmonic(plain, metrics.PathOptions{Workers: -1}); err == nil || !strings.HasPrefix(err.Error(), "metrics: ") {
		t.Errorf("negative Workers: error %v", err)
	}
}

func TestPathsDegenerate(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    graph.Graph
		n    int
	}{
		{"empty", simple.NewWeightedUndirectedGraph(0, math.Inf(1)), 0},
		{"empty directed", simple.NewWeightedDirectedGraph(0, math.Inf(1)), 0},
		{"single node", pathsUndirected(1, nil), 1},
		{"single node directed", pathsDirected(1, nil), 1},
		{"two isolates", pathsUndirected(2, nil), 2},
		{"one edge", pathsUndirected(2, [][3]float64{{0, 1}}), 2},
	} {
		for _, weighted := range []bool{false, true} {
			opt := metrics.PathOptions{Distances: weighted}
			st, err := metrics.ShortestPaths(tc.g, opt)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			norm, err := metrics.BetweennessNormalized(tc.g, opt)
			if err != nil {
				t.Fatal(err)
			}
			for what, m := range map[string]map[int64]float64{"betweenness": st.Betweenness, "normalised betweenness": norm, "harmonic": st.Harmonic, "closeness": st.Closeness} {
				if len(m) != tc.n {
					t.Errorf("%s %s: %d entries, want %d", tc.name, what, len(m), tc.n)
				}
				for id, v := range m {
					want := 0.0
					if tc.name == "one edge" && what == "harmonic" || tc.name == "one edge" && what == "closeness" {
						want = 1
					}
					if v != want {
						t.Errorf("%s %s node %d = %v, want %v", tc.name, what, id, v, want)
					}
				}
			}
			if tc.name == "one edge" {
				if st.AveragePathLength != metrics.Defined(1) || st.Diameter != metrics.Defined(1) || st.ReachablePairs != 2 {
					t.Errorf("%s: %+v", tc.name, st)
				}
				continue
			}
			for what, v := range map[string]metrics.Value{"average path length": st.AveragePathLength, "diameter": st.Diameter} {
				if v.OK || v.Note == "" || !math.IsNaN(v.V) {
					t.Errorf("%s %s = %+v, want undefined with a note", tc.name, what, v)
				}
			}
			if st.ReachablePairs != 0 {
				t.Errorf("%s: %d reachable pairs", tc.name, st.ReachablePairs)
			}
		}
	}
}
