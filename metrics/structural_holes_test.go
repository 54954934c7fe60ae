package metrics_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
)

// structCases returns the cases of testdata/reference/struct.json for
// measure (written by scripts/reference/struct.py).
func structCases(t *testing.T, measure string) []refCase {
	t.Helper()
	var out []refCase
	for _, c := range loadReference(t, "struct.json") {
		if c.Measure == measure {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("struct.json has no case for %s", measure)
	}
	return out
}

// structUndirected builds an unweighted undirected graph on nodes 0..n-1.
func structUndirected(n int, edges [][2]int64) *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		g.SetEdge(g.NewEdge(simple.Node(e[0]), simple.Node(e[1])))
	}
	return g
}

// structDirected builds an unweighted digraph on nodes 0..n-1.
func structDirected(n int, edges [][2]int64) *simple.DirectedGraph {
	g := simple.NewDirectedGraph()
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		g.SetEdge(g.NewEdge(simple.Node(e[0]), simple.Node(e[1])))
	}
	return g
}

func structCheckMap(t *testing.T, what string, got, want map[int64]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d nodes, want %d", what, len(got), len(want))
	}
	for id, w := range want {
		if v, ok := got[id]; !ok || !scalar.EqualWithinAbsOrRel(v, w, 1e-12, 1e-12) {
			t.Errorf("%s node %d = %v, want %v", what, id, v, w)
		}
	}
}

func TestConstraintReference(t *testing.T) {
	for _, c := range structCases(t, "constraint") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		checkNodes(t, g, metrics.Constraint(g.G, c.Weighted), c, 1e-9)
	}
}

func TestEffectiveSizeReference(t *testing.T) {
	for _, c := range structCases(t, "effective_size") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		checkNodes(t, g, metrics.EffectiveSize(g.G, c.Weighted), c, 1e-9)
	}
}

// On a graph whose weights are all 1, weighted true gives the values of
// weighted false: the constraint is the same, and Burt's general effective
// size equals Borgatti's form for binary ties (Borgatti 1997).
func TestStructuralHolesWeightsOne(t *testing.T) {
	kite := loadGraph(t, "kite", false, false) // weights 1
	for _, weighted := range []bool{false, true} {
		structCheckMap(t, "kite constraint", metrics.Constraint(kite.G, weighted), metrics.Constraint(kite.G, false))
		structCheckMap(t, "kite effective size", metrics.EffectiveSize(kite.G, weighted), metrics.EffectiveSize(kite.G, false))
	}
}

func TestStructuralHolesHand(t *testing.T) {
	for _, tt := range []struct {
		name       string
		g          graph.Graph
		constraint map[int64]float64
		effective  map[int64]float64
	}{
		{
			// Triangle: p = 1/2 to each contact, local constraint
			// (1/2 + 1/2·1/2)² = 9/16, two contacts: 9/8 (the 1.125 of
			// networkx#8087). Effective size 2 − 2·1/2 = 1.
			name:       "triangle",
			g:          structUndirected(3, [][2]int64{{0, 1}, {1, 2}, {0, 2}}),
			constraint: map[int64]float64{0: 1.125, 1: 1.125, 2: 1.125},
			effective:  map[int64]float64{0: 1, 1: 1, 2: 1},
		},
		{
			// Path 0-1-2 and the isolate 3: the centre has two unconnected
			// contacts, (1/2)² · 2 = 1/2, effective size 2; an end has one
			// contact, constraint 1 and effective size 1; the isolate 0 (the
			// documented value for an undefined score).
			name:       "path and isolate",
			g:          structUndirected(4, [][2]int64{{0, 1}, {1, 2}}),
			constraint: map[int64]float64{0: 1, 1: 0.5, 2: 1, 3: 0},
			effective:  map[int64]float64{0: 1, 1: 2, 2: 1, 3: 0},
		},
		{
			// Directed 0→1, 1→0, 1→2: mutual weights of 1 are 2 (to 0) and 1
			// (to 2), so p_10 = 2/3, p_12 = 1/3, 0 and 2 unconnected:
			// c(1) = 4/9 + 1/9 = 5/9. The sink 2 has one contact (its
			// in-neighbour): constraint 1, effective size 1 (NetworkX 2.8.8
			// gives NaN). e(1) = Σ_j (1 − 0) = 2.
			name:       "directed with sink",
			g:          structDirected(3, [][2]int64{{0, 1}, {1, 0}, {1, 2}}),
			constraint: map[int64]float64{0: 1, 1: 5.0 / 9, 2: 1},
			effective:  map[int64]float64{0: 1, 1: 2, 2: 1},
		},
	} {
		structCheckMap(t, tt.name+" constraint", metrics.Constraint(tt.g, false), tt.constraint)
		structCheckMap(t, tt.name+" effective size", metrics.EffectiveSize(tt.g, false), tt.effective)
	}
}

// Weighted hand case: star centre 0 with weights 1, 3 to the leaves 1, 2
// and a tie 1-2 of weight 2.
func TestStructuralHolesWeightedHand(t *testing.T) {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for _, e := range [][3]float64{{0, 1, 1}, {0, 2, 3}, {1, 2, 2}} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(e[0])), simple.Node(int64(e[1])), e[2]))
	}
	// p_01 = 1/4, p_02 = 3/4, p_10 = 1/3, p_12 = 2/3, p_20 = 3/5, p_21 = 2/5.
	// c(0) = (1/4 + 3/4·2/5)² + (3/4 + 1/4·2/3)² = 0.3025 + 0.8402777…
	c0 := math.Pow(0.25+0.75*0.4, 2) + math.Pow(0.75+0.25*2.0/3, 2)
	got := metrics.Constraint(g, true)
	if !scalar.EqualWithinAbsOrRel(got[0], c0, 1e-12, 1e-12) {
		t.Errorf("weighted constraint of 0 = %v, want %v", got[0], c0)
	}
	// m_12 = 2/max(1, 2) = 1, m_21 = 2/max(3, 2) = 2/3:
	// e(0) = (1 − p_02 m_12) + (1 − p_01 m_21) = (1 − 3/4) + (1 − 1/6).
	e0 := (1 - 0.75) + (1 - 0.25*2.0/3)
	if e := metrics.EffectiveSize(g, true); !scalar.EqualWithinAbsOrRel(e[0], e0, 1e-12, 1e-12) {
		t.Errorf("weighted effective size of 0 = %v, want %v", e[0], e0)
	}
}

// No NaN or Inf for any node of any reference graph, isolates included.
func TestStructuralHolesFinite(t *testing.T) {
	for _, tt := range []struct {
		name     string
		directed bool
	}{{"florentine", false}, {"disconnected", false}, {"directed", true}, {"outstar", true}} {
		g := loadGraph(t, tt.name, tt.directed, false)
		for _, m := range []map[int64]float64{metrics.Constraint(g.G, false), metrics.EffectiveSize(g.G, false)} {
			if len(m) != len(g.Names) {
				t.Errorf("%s: %d scores for %d nodes", tt.name, len(m), len(g.Names))
			}
			for id, v := range m {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("%s node %s: %v", tt.name, g.Names[id], v)
				}
			}
		}
	}
}

// Results do not depend on map iteration order: repeated runs are
// bit-identical.
func TestStructuralHolesDeterministic(t *testing.T) {
	g := loadGraph(t, "karate", false, false)
	c, e := metrics.Constraint(g.G, false), metrics.EffectiveSize(g.G, false)
	for range 5 {
		c2, e2 := metrics.Constraint(g.G, false), metrics.EffectiveSize(g.G, false)
		for id := range c {
			if c[id] != c2[id] || e[id] != e2[id] {
				t.Fatalf("node %d: run-to-run difference", id)
			}
		}
	}
}

// Weighted digraph: arcs 0→1 (2), 1→0 (1), 1→2 (3), 2→0 (1). Mutual
// weights 0-1: 3, 1-2: 3, 0-2: 1, so p_01 = 3/4, p_02 = 1/4, p_12 = 1/2,
// p_21 = 3/4. c(0) = (3/4 + 1/4·3/4)² + (1/4 + 3/4·1/2)² = 325/256;
// m_12 = m_21 = 1, e(0) = (1 − 1/4) + (1 − 3/4) = 1. NetworkX 2.8.8
// nx.constraint / nx.effective_size(G, weight='weight') give the same
// (1.26953125 and 1.0 for node 0).
func TestStructuralHolesWeightedDirectedHand(t *testing.T) {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for _, e := range [][3]float64{{0, 1, 2}, {1, 0, 1}, {1, 2, 3}, {2, 0, 1}} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(e[0])), simple.Node(int64(e[1])), e[2]))
	}
	if c := metrics.Constraint(g, true); c[0] != 325.0/256 {
		t.Errorf("constraint of 0 = %v, want 325/256", c[0])
	}
	if e := metrics.EffectiveSize(g, true); !scalar.EqualWithinAbsOrRel(e[0], 1, 1e-12, 1e-12) {
		t.Errorf("effective size of 0 = %v, want 1", e[0])
	}
}
