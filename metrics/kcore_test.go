package metrics_test

import (
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestCoreNumberReference(t *testing.T) {
	cases := specCases(t, "core_number")
	specRequire(t, cases, "karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar")
	for _, c := range cases {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		got := map[int64]float64{}
		for id, k := range metrics.CoreNumber(g.G) {
			got[id] = float64(k)
		}
		checkNodes(t, g, got, c, 0)
	}
}

func TestCoreNumber(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    graph.Graph
		want map[int64]int
	}{
		// K4 on 0..3 with a pendant 4 and an isolate 5: the K4 is the
		// 3-core; the pendant has degree 1; the isolate 0.
		{"K4+pendant", specUndirected(6, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}, [2]int64{1, 2}, [2]int64{1, 3},
			[2]int64{2, 3}, [2]int64{3, 4}), map[int64]int{0: 3, 1: 3, 2: 3, 3: 3, 4: 1, 5: 0}},
		// Mutual pair 0⇄1: total degree 2 each (two arcs), so the 2-core.
		{"mutual pair", specDirected(2, [2]int64{0, 1}, [2]int64{1, 0}), map[int64]int{0: 2, 1: 2}},
		// Mutual triangle plus 3→0: the triangle has total degree ≥ 4
		// inside; node 3 has degree 1.
		{"mutual triangle", specDirected(4, [2]int64{0, 1}, [2]int64{1, 0}, [2]int64{1, 2}, [2]int64{2, 1},
			[2]int64{0, 2}, [2]int64{2, 0}, [2]int64{3, 0}), map[int64]int{0: 4, 1: 4, 2: 4, 3: 1}},
	} {
		got := metrics.CoreNumber(tt.g)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d nodes, want %d", tt.name, len(got), len(tt.want))
		}
		for id, k := range tt.want {
			if got[id] != k {
				t.Errorf("%s: core(%d) = %d, want %d", tt.name, id, got[id], k)
			}
		}
	}
}
