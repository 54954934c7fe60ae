package metrics_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestClusteringReference(t *testing.T) {
	cases := specCases(t, "clustering")
	specRequire(t, cases, "karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar")
	for _, c := range cases {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		checkNodes(t, g, metrics.Clustering(g.G), c, 1e-12)
	}
}

func TestTransitivityReference(t *testing.T) {
	cases := specCases(t, "transitivity")
	specRequire(t, cases, "karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar")
	for _, c := range cases {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		got := metrics.Transitivity(g.G)
		if c.Value == nil || !got.OK || !scalar.EqualWithinAbsOrRel(got.V, *c.Value, 1e-12, 1e-12) {
			t.Errorf("%s transitivity = %+v, %s gives %v (%s)", c.Graph, got, c.Tool, c.Value, c.Call)
		}
	}
}

func TestClustering(t *testing.T) {
	// Paw: triangle 0,1,2 and pendant 3 on 0. C(0) = 1 triangle of
	// 3·2/2 = 3 pairs = 1/3; C(1) = C(2) = 1; C(3) = 0 (degree 1).
	// Transitivity = 3·1 / (3 + 1 + 1 + 0) triples = 3/5.
	paw := specUndirected(4, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{0, 2}, [2]int64{0, 3})
	specCheck(t, "paw", metrics.Clustering(paw), map[int64]float64{0: 1.0 / 3, 1: 1, 2: 1, 3: 0}, 1e-15)
	if got := metrics.Transitivity(paw); !got.OK || math.Abs(got.V-0.6) > 1e-15 {
		t.Errorf("paw transitivity = %+v, want 0.6", got)
	}
	// Directed 3-cycle with a reciprocated arc: its underlying undirected
	// graph is a triangle.
	dc := specDirected(3, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{2, 0}, [2]int64{1, 0})
	specCheck(t, "directed triangle", metrics.Clustering(dc), map[int64]float64{0: 1, 1: 1, 2: 1}, 0)
	if got := metrics.Transitivity(dc); !got.OK || got.V != 1 {
		t.Errorf("directed triangle transitivity = %+v, want 1", got)
	}
	// A single edge and an isolate: no connected triple.
	edge := specUndirected(3, [2]int64{0, 1})
	if got := metrics.Transitivity(edge); got.OK || got.Note == "" {
		t.Errorf("single edge transitivity = %+v, want undefined", got)
	}
	specCheck(t, "edge", metrics.Clustering(edge), map[int64]float64{0: 0, 1: 0, 2: 0}, 0)
}
