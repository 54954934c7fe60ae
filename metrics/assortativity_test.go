package metrics_test

import (
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestDegreeAssortativityReference(t *testing.T) {
	for _, c := range structCases(t, "degree_assortativity") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		structCheckValue(t, metrics.DegreeAssortativity(g.G), c, 1e-9)
	}
}

func TestAttributeAssortativityReference(t *testing.T) {
	for _, c := range structCases(t, "attribute_assortativity") {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		attr := map[int64]string{}
		for i, name := range g.Names {
			switch c.Graph {
			case "karate":
				attr[int64(i)] = g.Attrs[i]["club"]
			case "davis":
				attr[int64(i)] = g.Attrs[i]["mode"]
			case "directed":
				attr[int64(i)] = structDirectedGroups[name]
			default:
				t.Fatalf("no attribute for %s", c.Graph)
			}
		}
		structCheckValue(t, metrics.AttributeAssortativity(g.G, attr), c, 1e-9)
	}
}

func TestAssortativityHand(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    graph.Graph
		want float64 // NaN-free; ok false means undefined
		ok   bool
	}{
		// Star: every edge joins degree n−1 to degree 1, so the pairs
		// (n−1, 1) and (1, n−1) correlate perfectly negatively (Newman 2002).
		{"star", structUndirected(5, [][2]int64{{0, 1}, {0, 2}, {0, 3}, {0, 4}}), -1, true},
		// Two disjoint edges and a triangle: every edge joins equal degrees;
		// degrees 1 and 2 vary across edges, so r = 1.
		{"assortative", structUndirected(7, [][2]int64{{0, 1}, {2, 3}, {4, 5}, {5, 6}, {4, 6}}), 1, true},
		// Triangle: every degree is 2, zero variance.
		{"regular", structUndirected(3, [][2]int64{{0, 1}, {1, 2}, {0, 2}}), 0, false},
		{"edgeless", structUndirected(3, nil), 0, false},
		// Directed path 0→1→2 and arc 3→1: out-degrees of sources (1, 1, 1)
		// do not vary, undefined.
		{"directed constant", structDirected(4, [][2]int64{{0, 1}, {1, 2}, {3, 1}}), 0, false},
		// Arcs 0→1, 0→2, 3→2: pairs (x = out of source, y = in of target)
		// (2, 1), (2, 2), (1, 2). x̄ = 5/3, ȳ = 5/3; Σdxdy = (1/3)(−2/3) +
		// (1/3)(1/3) + (−2/3)(1/3) = −1/3; Σdx² = Σdy² = 2/3: r = −1/2.
		{"directed", structDirected(4, [][2]int64{{0, 1}, {0, 2}, {3, 2}}), -0.5, true},
	} {
		r := metrics.DegreeAssortativity(tt.g)
		if r.OK != tt.ok || (tt.ok && r.V != tt.want) || (!tt.ok && r.Note == "") {
			t.Errorf("%s: degree assortativity %+v, want %v (defined %v)", tt.name, r, tt.want, tt.ok)
		}
	}

	// Attribute: path 0-1-2-3 with groups X X Y Y: arcs (both ways)
	// XX×2, XY×1, YX×1, YY×2 of M = 6: Σe_ii = 4/6, a = b = (1/2, 1/2),
	// r = (2/3 − 1/2)/(1 − 1/2) = 1/3.
	path := structUndirected(4, [][2]int64{{0, 1}, {1, 2}, {2, 3}})
	for _, tt := range []struct {
		attr map[int64]string
		want float64
		ok   bool
	}{
		{map[int64]string{0: "X", 1: "X", 2: "Y", 3: "Y"}, 1.0 / 3, true},
		// Alternating groups: every edge crosses, r = (0 − 1/2)/(1/2) = −1.
		{map[int64]string{0: "X", 1: "Y", 2: "X", 3: "Y"}, -1, true},
		// One group (or none: all ""): denominator 1 − 1 = 0, undefined.
		{map[int64]string{0: "X", 1: "X", 2: "X", 3: "X"}, 0, false},
		{nil, 0, false},
	} {
		r := metrics.AttributeAssortativity(path, tt.attr)
		if r.OK != tt.ok || (tt.ok && r.V != tt.want) || (!tt.ok && r.Note == "") {
			t.Errorf("attribute assortativity %v: %+v, want %v (defined %v)", tt.attr, r, tt.want, tt.ok)
		}
	}
	if r := metrics.AttributeAssortativity(structUndirected(2, nil), map[int64]string{0: "X", 1: "Y"}); r.OK {
		t.Errorf("edgeless attribute assortativity %+v, want undefined", r)
	}
}
