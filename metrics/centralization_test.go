package metrics_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// centrRefFile holds the peer values of this area, written by
// scripts/reference/centr.py.
const centrRefFile = "centr.json"

// centrScores maps the node scores of a reference case (keyed by name) to
// node ids 0..n-1 in ascending name order; centralization does not depend
// on which node is which.
func centrScores(c refCase) map[int64]float64 {
	names := make([]string, 0, len(c.Nodes))
	for k := range c.Nodes {
		names = append(names, k)
	}
	slices.Sort(names)
	s := make(map[int64]float64, len(names))
	for i, k := range names {
		s[int64(i)] = c.Nodes[k]
	}
	return s
}

// centrCheckValue compares a Value with a reference value (nil: undefined).
func centrCheckValue(t *testing.T, got metrics.Value, c refCase) {
	t.Helper()
	if c.Value == nil {
		if got.OK {
			t.Errorf("%s %s: got %v, %s gives NaN/undefined (%s)", c.Graph, c.Measure, got.V, c.Tool, c.Call)
		} else if got.Note == "" {
			t.Errorf("%s %s: undefined without a reason", c.Graph, c.Measure)
		}
		return
	}
	if !got.OK || !scalar.EqualWithinAbsOrRel(got.V, *c.Value, 1e-9, 1e-9) {
		t.Errorf("%s %s: got %v (ok=%v %q), %s gives %v (%s)", c.Graph, c.Measure, got.V, got.OK, got.Note, c.Tool, *c.Value, c.Call)
	}
}

func TestCentralizationReference(t *testing.T) {
	seen := map[string]int{}
	for _, c := range loadReference(t, centrRefFile) {
		var max func(n int, directed bool) float64
		switch c.Measure {
		case "betweenness_centralization":
			max = metrics.MaxBetweenness
		case "closeness_centralization":
			if c.Tool == "sna" {
				continue // not comparable; see TestCentralizationPeerDifferences
			}
			if c.Graph == "twostars" && c.Tool == "igraph" {
				continue // igraph's 0.81, see TestCentralizationPeerDifferences
			}
			max = metrics.MaxCloseness
		case "harmonic_centralization":
			max = metrics.MaxHarmonic
		case "eigenvector_centralization":
			max = metrics.MaxEigenvector
		case "degree_centralization", "degree_centralization_in", "degree_centralization_out", "degree_centralization_all":
			g := loadGraph(t, c.Graph, c.Directed, false)
			mode := map[string]metrics.DegreeMode{
				"degree_centralization": metrics.DegreeUndirected, "degree_centralization_in": metrics.DegreeIn,
				"degree_centralization_out": metrics.DegreeOut, "degree_centralization_all": metrics.DegreeTotal,
			}[c.Measure]
			centrCheckValue(t, metrics.DegreeCentralization(g.G, mode).Value, c)
			seen[c.Measure]++
			continue
		case "valued_degree_centralization", "valued_degree_centralization_in", "valued_degree_centralization_out", "valued_degree_centralization_all":
			g := loadGraph(t, c.Graph, c.Directed, c.Graph == "weighted")
			mode := map[string]metrics.DegreeMode{
				"valued_degree_centralization": metrics.DegreeUndirected, "valued_degree_centralization_in": metrics.DegreeIn,
				"valued_degree_centralization_out": metrics.DegreeOut, "valued_degree_centralization_all": metrics.DegreeTotal,
			}[c.Measure]
			centrCheckValue(t, metrics.ValuedDegreeCentralization(g.G, mode).Value, c)
			seen[c.Measure]++
			continue
		default:
			continue // other files' measures
		}
		if len(c.Nodes) == 0 {
			t.Errorf("%s %s (%s): no node scores", c.Graph, c.Measure, c.Tool)
			continue
		}
		got := metrics.Centralize(centrScores(c), max(len(c.Nodes), c.Directed))
		centrCheckValue(t, got.Value, c)
		seen[c.Measure]++
	}
	// Every measure must have been checked on the graphs of the brief.
	for m, min := range map[string]int{
		"degree_centralization": 18, "degree_centralization_in": 6, "degree_centralization_all": 6,
		"betweenness_centralization": 24, "closeness_centralization": 20, "harmonic_centralization": 12,
		"eigenvector_centralization": 7, "valued_degree_centralization": 10, "valued_degree_centralization_all": 3,
	} {
		if seen[m] < min {
			t.Errorf("%s: %d reference cases checked, want ≥ %d", m, seen[m], min)
		}
	}
}

// TestCentralizationPeerDifferences pins where ecosys deliberately
// differs from a peer (METRICS-REFERENCE.md §0.1).
func TestCentralizationPeerDifferences(t *testing.T) {
	ref := map[string]refCase{}
	for _, c := range loadReference(t, centrRefFile) {
		ref[c.Graph+"/"+c.Measure+"/"+c.Tool] = c
	}
	// sna's directed closeness centralization of the 10-node out-star is
	// 10/9 > 1; ecosys's is 1 (the out-star is the maximum).
	sna := ref["outstar/closeness_centralization/sna"]
	if sna.Value == nil || !scalar.EqualWithinAbs(*sna.Value, 10.0/9, 1e-12) {
		t.Errorf("sna out-star closeness centralization = %v, want 10/9", sna.Value)
	}
	ours := ref["outstar/closeness_centralization/networkx+formula"]
	if got := metrics.Centralize(centrScores(ours), metrics.MaxCloseness(10, true)); !got.Value.OK || got.Value.V != 1 {
		t.Errorf("ecosys out-star closeness centralization = %+v, want 1", got)
	}
	// Two disjoint 5-stars: igraph 0.8095 (17/21), ecosys 0.3598 (68/189):
	// each centre reaches only half the graph, so its WF closeness is 4/9.
	ig := ref["twostars/closeness_centralization/igraph"]
	if ig.Value == nil || !scalar.EqualWithinAbs(*ig.Value, 17.0/21, 1e-12) {
		t.Errorf("igraph two-star closeness centralization = %v, want 17/21", ig.Value)
	}
	two := ref["twostars/closeness_centralization/networkx+formula"]
	got := metrics.Centralize(centrScores(two), metrics.MaxCloseness(10, false))
	// Σ(c*−c_i) = 8·(4/9 − 16/63) = 96/63; maximum 9·8/17; ratio 68/189.
	if !got.Value.OK || !scalar.EqualWithinAbs(got.Value.V, 68.0/189, 1e-12) {
		t.Errorf("ecosys two-star closeness centralization = %+v, want 68/189", got)
	}
	// sna's directed harmonic maximum is (n−1)², ecosys's n−1: the
	// reference stores sna's value times n−1, so sna's own value on the
	// out-star is 1/9.
	h := ref["outstar/harmonic_centralization/sna"]
	if h.Value == nil || !scalar.EqualWithinAbs(*h.Value/9, 1.0/9, 1e-12) {
		t.Errorf("sna out-star harmonic centralization ×(n−1) = %v, want 1", h.Value)
	}
}

func TestCentralize(t *testing.T) {
	for _, tt := range []struct {
		name   string
		scores map[int64]float64
		max    float64
		want   float64 // NaN: undefined
	}{
		// Star of 4 nodes, raw degrees 3,1,1,1: Σ(3−k) = 6 = (n−1)(n−2).
		{"star degree", map[int64]float64{0: 3, 1: 1, 2: 1, 3: 1}, 6, 1},
		// Path 0-1-2-3, degrees 1,2,2,1: Σ = 2, 2/6.
		{"path degree", map[int64]float64{0: 1, 1: 2, 2: 2, 3: 1}, 6, 1.0 / 3},
		{"equal", map[int64]float64{0: 2, 1: 2, 2: 2}, 2, 0},
		{"one node", map[int64]float64{0: 1}, 1, math.NaN()},
		{"zero max", map[int64]float64{0: 1, 1: 0}, 0, math.NaN()},
		{"NaN max", map[int64]float64{0: 1, 1: 0}, math.NaN(), math.NaN()},
		{"NaN score", map[int64]float64{0: math.NaN(), 1: 0}, 1, math.NaN()},
		{"Inf score", map[int64]float64{0: math.Inf(1), 1: 0}, 1, math.NaN()},
		// A maximum that is too small gives undefined, never > 1.
		{"too small max", map[int64]float64{0: 3, 1: 0, 2: 0}, 5, math.NaN()},
		// Rounding above 1 is clipped.
		{"rounding", map[int64]float64{0: 1, 1: 0}, 1 - 1e-12, 1},
	} {
		got := metrics.Centralize(tt.scores, tt.max)
		if math.IsNaN(tt.want) {
			if got.Value.OK || got.Value.Note == "" {
				t.Errorf("%s: got %+v, want undefined with a reason", tt.name, got)
			}
			continue
		}
		if !got.Value.OK || !scalar.EqualWithinAbs(got.Value.V, tt.want, 1e-12) || got.Max != tt.max {
			t.Errorf("%s: got %+v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMaxima(t *testing.T) {
	// Closed forms at n = 10 (METRICS-REFERENCE.md §C.1: igraph 72/81/144).
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"degree undirected", metrics.MaxDegree(10, metrics.DegreeUndirected), 72},
		{"degree in", metrics.MaxDegree(10, metrics.DegreeIn), 81},
		{"degree out", metrics.MaxDegree(10, metrics.DegreeOut), 81},
		{"degree total", metrics.MaxDegree(10, metrics.DegreeTotal), 144},
		{"betweenness undirected", metrics.MaxBetweenness(10, false), 81 * 8 / 2},
		{"betweenness directed", metrics.MaxBetweenness(10, true), 81 * 8},
		{"closeness undirected", metrics.MaxCloseness(10, false), 9 * 8 / 17.0},
		{"closeness directed", metrics.MaxCloseness(10, true), 9},
		{"harmonic undirected", metrics.MaxHarmonic(10, false), 10 - 1 - 10/2.0}, // sna: n−1−n/2
		{"harmonic directed", metrics.MaxHarmonic(10, true), 9},
		{"eigenvector undirected", metrics.MaxEigenvector(10, false), 9 * (1 - 1/3.0)},
		{"eigenvector directed", metrics.MaxEigenvector(10, true), 9},
		{"degree n=1", metrics.MaxDegree(1, metrics.DegreeIn), 0},
		{"degree n=2", metrics.MaxDegree(2, metrics.DegreeUndirected), 0},
		{"betweenness n=2", metrics.MaxBetweenness(2, true), 0},
		{"closeness n=2", metrics.MaxCloseness(2, false), 0},
		{"closeness directed n=2", metrics.MaxCloseness(2, true), 1},
	} {
		if !scalar.EqualWithinAbs(tt.got, tt.want, 1e-12) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestClosenessMaxDisconnected checks numerically the inequality of
// centralization.md §3: for 1 ≤ k ≤ n,
//
//	B(k) = (k−1)/(n−1)·[(k−1)(k−2)/(2k−3) + n − k] ≤ B(n) = (n−1)(n−2)/(2n−3)
//
// so that a graph whose most central node lies in a component of k nodes
// cannot exceed the star.
func TestClosenessMaxDisconnected(t *testing.T) {
	for n := 3; n <= 2000; n++ {
		fn := float64(n)
		star := (fn - 1) * (fn - 2) / (2*fn - 3)
		for k := 1; k <= n; k++ {
			fk := float64(k)
			inner := 0.0
			if k >= 3 {
				inner = (fk - 1) * (fk - 2) / (2*fk - 3)
			}
			bound := (fk - 1) / (fn - 1) * (inner + fn - fk)
			if bound > star*(1+1e-12) {
				t.Fatalf("n=%d k=%d: bound %v > star %v", n, k, bound, star)
			}
		}
	}
}

func TestDegreeCentralization(t *testing.T) {
	star := simple.NewUndirectedGraph()
	for i := int64(1); i < 5; i++ {
		star.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(i)})
	}
	if got := metrics.DegreeCentralization(star, metrics.DegreeUndirected); got.Value.V != 1 || got.Max != 12 {
		t.Errorf("undirected 5-star: %+v, want 1 with max 12", got)
	}
	if got := metrics.DegreeCentralization(star, metrics.DegreeIn); got.Value.OK {
		t.Errorf("DegreeIn on an undirected graph: %+v, want undefined", got)
	}
	// Directed: out-star 0→1..4 plus the back arc 1→0.
	d := simple.NewDirectedGraph()
	for i := int64(1); i < 5; i++ {
		d.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(i)})
	}
	d.SetEdge(simple.Edge{F: simple.Node(1), T: simple.Node(0)})
	for _, tt := range []struct {
		mode metrics.DegreeMode
		want float64
	}{
		// out-degrees 4,1,0,0,0: Σ(4−k) = 15, max 16.
		{metrics.DegreeOut, 15.0 / 16},
		// in-degrees 1,1,1,1,1: 0.
		{metrics.DegreeIn, 0},
		// total 5,2,1,1,1: Σ = 3+4+4+4 = 15, max 2·4·3 = 24.
		{metrics.DegreeTotal, 15.0 / 24},
		// neighbours 4,1,1,1,1 (the mutual pair counts once): 12/12.
		{metrics.DegreeUndirected, 1},
	} {
		got := metrics.DegreeCentralization(d, tt.mode)
		if !got.Value.OK || !scalar.EqualWithinAbs(got.Value.V, tt.want, 1e-12) {
			t.Errorf("%v: %+v, want %v", tt.mode, got, tt.want)
		}
	}
	if got := metrics.DegreeCentralization(d, metrics.DegreeMode(9)); got.Value.OK {
		t.Errorf("bad mode: %+v, want undefined", got)
	}
	if s := metrics.DegreeTotal.String(); s != "total" {
		t.Errorf("DegreeTotal.String() = %q", s)
	}
}

func TestValuedDegreeCentralization(t *testing.T) {
	// A star whose weights sum to W scores 1 whatever the weights; sna's
	// binary denominator would give 100 with weights 100 (§0.2).
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i, w := range []float64{100, 3, 0.5, 7} {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(int64(i + 1)), W: w})
	}
	if got := metrics.ValuedDegreeCentralization(g, metrics.DegreeUndirected); !got.Value.OK || !scalar.EqualWithinAbs(got.Value.V, 1, 1e-12) {
		t.Errorf("weighted star: %+v, want 1", got)
	}
	// Triangle 0-1-2 with weights 1, 2, 3 (0-1, 1-2, 0-2): strengths 4, 3, 5;
	// W = 6; Σ(5−s) = 1 + 2 = 3; max (n−2)W = 6.
	tri := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	tri.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 1})
	tri.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(1), T: simple.Node(2), W: 2})
	tri.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(2), W: 3})
	if got := metrics.ValuedDegreeCentralization(tri, metrics.DegreeUndirected); !scalar.EqualWithinAbs(got.Value.V, 0.5, 1e-12) || got.Max != 6 {
		t.Errorf("triangle: %+v, want 0.5 with max 6", got)
	}
	// Directed: 1→0 (2), 2→0 (3), 0→1 (5). In-strengths 5, 5, 0: W = 10,
	// Σ(5−s) = 5, max (n−1)W = 20. Undirected mode merges 0–1 into 7:
	// strengths 10, 7, 3, Σ = 3 + 7 = 10, max (n−2)W = 10.
	d := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(1), T: simple.Node(0), W: 2})
	d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(2), T: simple.Node(0), W: 3})
	d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 5})
	for _, tt := range []struct {
		mode metrics.DegreeMode
		want float64
	}{
		{metrics.DegreeIn, 0.25},
		{metrics.DegreeUndirected, 1},
		// out 5, 2, 3: Σ = 3 + 2 = 5 / 20.
		{metrics.DegreeOut, 0.25},
		// total 10, 7, 3: same as undirected.
		{metrics.DegreeTotal, 1},
	} {
		if got := metrics.ValuedDegreeCentralization(d, tt.mode); !got.Value.OK || !scalar.EqualWithinAbs(got.Value.V, tt.want, 1e-12) {
			t.Errorf("directed %v: %+v, want %v", tt.mode, got, tt.want)
		}
	}
	// Random weighted graphs never exceed 1 (seeded).
	rng := rand.New(rand.NewPCG(1, 1))
	for rep := 0; rep < 200; rep++ {
		n := 3 + rng.IntN(6)
		u := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		dd := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		for i := 0; i < n; i++ {
			u.AddNode(simple.Node(int64(i)))
			dd.AddNode(simple.Node(int64(i)))
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i != j && rng.Float64() < 0.4 {
					w := rng.ExpFloat64()
					dd.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(i)), T: simple.Node(int64(j)), W: w})
					if i < j {
						u.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(i)), T: simple.Node(int64(j)), W: w})
					}
				}
			}
		}
		for _, c := range []metrics.Centralization{
			metrics.ValuedDegreeCentralization(u, metrics.DegreeUndirected),
			metrics.ValuedDegreeCentralization(dd, metrics.DegreeIn),
			metrics.ValuedDegreeCentralization(dd, metrics.DegreeOut),
			metrics.ValuedDegreeCentralization(dd, metrics.DegreeTotal),
			metrics.ValuedDegreeCentralization(dd, metrics.DegreeUndirected),
		} {
			if c.Value.OK && (c.Value.V < 0 || c.Value.V > 1) {
				t.Fatalf("rep %d: %+v outside [0,1]", rep, c)
			}
			if !c.Value.OK && !strings.Contains(c.Value.Note, "weight is 0") {
				t.Fatalf("rep %d: undefined: %s", rep, c.Value.Note)
			}
		}
	}
	// Negative weight and no edges: undefined with a reason.
	neg := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	neg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: -1})
	neg.AddNode(simple.Node(2))
	if got := metrics.ValuedDegreeCentralization(neg, metrics.DegreeUndirected); got.Value.OK {
		t.Errorf("negative weight: %+v, want undefined", got)
	}
	empty := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := int64(0); i < 3; i++ {
		empty.AddNode(simple.Node(i))
	}
	if got := metrics.ValuedDegreeCentralization(empty, metrics.DegreeUndirected); got.Value.OK || got.Value.Note == "" {
		t.Errorf("no edges: %+v, want undefined", got)
	}
}

// centrSmall is a graph of at most 8 nodes as adjacency bit masks:
// adj[i] has bit j when there is an arc (or edge) i→j.
type centrSmall struct {
	n   int
	adj [8]uint8
}

// dist returns the BFS distances from s (-1: unreachable).
func (g *centrSmall) dist(s int) [8]int {
	var d [8]int
	for i := range d {
		d[i] = -1
	}
	d[s] = 0
	queue := []int{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for v := 0; v < g.n; v++ {
			if g.adj[u]&(1<<v) != 0 && d[v] < 0 {
				d[v] = d[u] + 1
				queue = append(queue, v)
			}
		}
	}
	return d
}

// scores returns raw degree (out+in for directed: total), raw Freeman
// betweenness, WF closeness and harmonic/(n−1) on out-distances, and in-
// and out-degree.
func (g *centrSmall) scores(directed bool) (deg, in, out, btw, clo, har map[int64]float64) {
	n := g.n
	deg, in, out, btw, clo, har = map[int64]float64{}, map[int64]float64{}, map[int64]float64{}, map[int64]float64{}, map[int64]float64{}, map[int64]float64{}
	var dist [8][8]int
	for s := 0; s < n; s++ {
		dist[s] = g.dist(s)
	}
	for i := 0; i < n; i++ {
		id := int64(i)
		deg[id], in[id], out[id], btw[id] = 0, 0, 0, 0
	}
	for i := 0; i < n; i++ {
		id := int64(i)
		for j := 0; j < n; j++ {
			if g.adj[i]&(1<<j) != 0 {
				out[id]++
				in[int64(j)]++
			}
		}
		r, sum, h := 0, 0, 0.0
		for j := 0; j < n; j++ {
			if j != i && dist[i][j] > 0 {
				r++
				sum += dist[i][j]
				h += 1 / float64(dist[i][j])
			}
		}
		if r > 0 {
			clo[id] = float64(r) / float64(n-1) * float64(r) / float64(sum)
		} else {
			clo[id] = 0
		}
		har[id] = h / float64(n-1)
	}
	for i := 0; i < n; i++ {
		if directed {
			deg[int64(i)] = in[int64(i)] + out[int64(i)]
		} else {
			deg[int64(i)] = out[int64(i)]
		}
	}
	// Betweenness: σ_st(v) = σ_sv·σ_vt when d(s,v)+d(v,t) = d(s,t).
	var sigma [8][8]float64
	for s := 0; s < n; s++ {
		// count shortest paths by BFS layers
		sigma[s][s] = 1
		order := make([]int, 0, n)
		for d := 0; d < n; d++ {
			for v := 0; v < n; v++ {
				if dist[s][v] == d {
					order = append(order, v)
				}
			}
		}
		for _, v := range order[1:] {
			for u := 0; u < n; u++ {
				if g.adj[u]&(1<<v) != 0 && dist[s][u] >= 0 && dist[s][u]+1 == dist[s][v] {
					sigma[s][v] += sigma[s][u]
				}
			}
		}
	}
	for s := 0; s < n; s++ {
		for t := 0; t < n; t++ {
			if s == t || dist[s][t] <= 0 || (!directed && t < s) {
				continue
			}
			for v := 0; v < n; v++ {
				if v != s && v != t && dist[s][v] > 0 && dist[v][t] > 0 && dist[s][v]+dist[v][t] == dist[s][t] {
					btw[int64(v)] += sigma[s][v] * sigma[v][t] / sigma[s][t]
				}
			}
		}
	}
	return
}

// centrSpread returns Σ_i (c* − c_i).
func centrSpread(c map[int64]float64) float64 {
	top := math.Inf(-1)
	for _, v := range c {
		top = math.Max(top, v)
	}
	var s float64
	for _, v := range c {
		s += top - v
	}
	return s
}

// centrEigen returns the eigenvector centrality (max 1) of a connected
// undirected graph by power iteration on A + I (same eigenvector, no
// oscillation on bipartite graphs); ok is false if it did not converge.
func (g *centrSmall) centrEigen() (map[int64]float64, bool) {
	n := g.n
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	y := make([]float64, n)
	for it := 0; it < 100000; it++ {
		top := 0.0
		for i := 0; i < n; i++ {
			y[i] = x[i]
			for j := 0; j < n; j++ {
				if g.adj[i]&(1<<j) != 0 {
					y[i] += x[j]
				}
			}
			top = math.Max(top, y[i])
		}
		diff := 0.0
		for i := range y {
			y[i] /= top
			diff = math.Max(diff, math.Abs(y[i]-x[i]))
		}
		x, y = y, x
		if diff < 1e-14 {
			m := map[int64]float64{}
			for i, v := range x {
				m[int64(i)] = v
			}
			return m, true
		}
	}
	return nil, false
}

func (g *centrSmall) connected() bool {
	d := g.dist(0)
	for i := 0; i < g.n; i++ {
		if d[i] < 0 {
			return false
		}
	}
	return true
}

// TestCentralizationMaximaBruteForce enumerates every undirected graph on
// 3 ≤ n ≤ 6 nodes and every directed graph on 3 ≤ n ≤ 4 nodes, and checks
// that no graph exceeds the maximum of each centralization (degree,
// betweenness, WF closeness, harmonic/(n−1); eigenvector on connected
// undirected graphs, n ≤ 5) and that the maximum is reached. It takes
// about 0.3 s. CENTR_BRUTE=7,5,6 runs the larger search reported in
// centralization.md (undirected n ≤ 7, directed n ≤ 5, eigenvector n ≤ 6;
// a few minutes).
func TestCentralizationMaximaBruteForce(t *testing.T) {
	maxUndirected, maxDirected, maxEigen := 6, 4, 5
	if v := os.Getenv("CENTR_BRUTE"); v != "" { // e.g. CENTR_BRUTE=7,5,6
		if _, err := fmt.Sscanf(v, "%d,%d,%d", &maxUndirected, &maxDirected, &maxEigen); err != nil {
			t.Fatalf("CENTR_BRUTE=%q: want three sizes, undirected,directed,eigenvector: %v", v, err)
		}
	}
	type measure struct {
		name string
		max  float64
		best float64
	}
	for _, directed := range []bool{false, true} {
		top := maxUndirected
		if directed {
			top = maxDirected
		}
		for n := 3; n <= top; n++ {
			var pairs [][2]int
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					if i != j && (directed || i < j) {
						pairs = append(pairs, [2]int{i, j})
					}
				}
			}
			ms := map[string]*measure{
				"degree":      {name: "degree", max: metrics.MaxDegree(n, metrics.DegreeUndirected)},
				"betweenness": {name: "betweenness", max: metrics.MaxBetweenness(n, directed)},
				"closeness":   {name: "closeness", max: metrics.MaxCloseness(n, directed)},
				"harmonic":    {name: "harmonic", max: metrics.MaxHarmonic(n, directed)},
			}
			if directed {
				ms["degree"].max = metrics.MaxDegree(n, metrics.DegreeTotal)
				ms["in"] = &measure{name: "in", max: metrics.MaxDegree(n, metrics.DegreeIn)}
				ms["out"] = &measure{name: "out", max: metrics.MaxDegree(n, metrics.DegreeOut)}
			} else if n <= maxEigen {
				ms["eigenvector"] = &measure{name: "eigenvector", max: metrics.MaxEigenvector(n, false)}
			}
			for mask := 0; mask < 1<<len(pairs); mask++ {
				g := centrSmall{n: n}
				for b, p := range pairs {
					if mask&(1<<b) != 0 {
						g.adj[p[0]] |= 1 << p[1]
						if !directed {
							g.adj[p[1]] |= 1 << p[0]
						}
					}
				}
				deg, in, out, btw, clo, har := g.scores(directed)
				vals := map[string]map[int64]float64{"degree": deg, "betweenness": btw, "closeness": clo, "harmonic": har}
				if directed {
					vals["in"], vals["out"] = in, out
				} else if _, ok := ms["eigenvector"]; ok && g.connected() {
					ev, ok := g.centrEigen()
					if !ok {
						t.Fatalf("n=%d mask=%d: power iteration did not converge", n, mask)
					}
					vals["eigenvector"] = ev
				}
				for k, v := range vals {
					s := centrSpread(v)
					m := ms[k]
					if s > m.max*(1+1e-9)+1e-12 {
						t.Fatalf("directed=%v n=%d mask=%b: %s spread %v exceeds max %v", directed, n, mask, k, s, m.max)
					}
					m.best = math.Max(m.best, s)
				}
			}
			for _, m := range ms {
				if !scalar.EqualWithinAbsOrRel(m.best, m.max, 1e-9, 1e-9) {
					t.Errorf("directed=%v n=%d: %s maximum %v not reached (best %v)", directed, n, m.name, m.max, m.best)
				}
			}
		}
	}
}

// centrFromEdges builds a directed or undirected gonum graph of n nodes.
func centrFromEdges(n int, directed bool, edges [][2]int64) graph.Graph {
	if directed {
		g := simple.NewDirectedGraph()
		for i := 0; i < n; i++ {
			g.AddNode(simple.Node(int64(i)))
		}
		for _, e := range edges {
			g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
		}
		return g
	}
	g := simple.NewUndirectedGraph()
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, e := range edges {
		g.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
	}
	return g
}
