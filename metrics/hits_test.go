package metrics_test

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

func TestHITSReference(t *testing.T) {
	hubs := specCases(t, "hits_hub")
	auths := specCases(t, "hits_authority")
	all := []string{"karate", "florentine", "kite", "star", "path", "cycle", "complete", "disconnected", "directed", "weighted", "outtree", "outstar"}
	specRequire(t, hubs, all...)
	specRequire(t, auths, all...)
	for _, c := range append(hubs, auths...) {
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		h, a, err := metrics.HITS(g.G, metrics.IterOptions{Weighted: c.Weighted})
		if err != nil {
			t.Errorf("%s: %v", c.Graph, err)
			continue
		}
		if c.Measure == "hits_hub" {
			checkNodes(t, g, h, c, 1e-9)
		} else {
			checkNodes(t, g, a, c, 1e-9)
		}
	}
}

func TestHITSUndirectedIsEigenvector(t *testing.T) {
	// Connected non-bipartite undirected graphs: hubs = authorities =
	// eigenvector centrality.
	for _, name := range []string{"karate", "kite", "complete", "cycle"} {
		g := loadGraph(t, name, false, false)
		h, a, err := metrics.HITS(g.G, metrics.IterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := metrics.Eigenvector(g.G, metrics.IterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		specCheck(t, name+" hubs", h, ev, 1e-9)
		specCheck(t, name+" authorities", a, ev, 1e-9)
	}
}

func TestHITS(t *testing.T) {
	for _, tt := range []struct {
		name        string
		g           graph.Graph
		hubs, auths map[int64]float64
	}{
		// Out-star 0→1,2,3: the centre is the only hub, leaves the
		// authorities.
		{"outstar", specDirected(4, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}),
			map[int64]float64{0: 1, 1: 0, 2: 0, 3: 0}, map[int64]float64{0: 0, 1: 1, 2: 1, 3: 1}},
		// Undirected star K1,3 (bipartite, λ² = 3 repeated): from the
		// all-ones hub vector, h = (AAᵀ)^k 1 stays all ones and a = Aᵀh =
		// degrees (3,1,1,1), scaled to max 1.
		{"star", specUndirected(4, [2]int64{0, 1}, [2]int64{0, 2}, [2]int64{0, 3}),
			map[int64]float64{0: 1, 1: 1, 2: 1, 3: 1}, map[int64]float64{0: 1, 1: 1.0 / 3, 2: 1.0 / 3, 3: 1.0 / 3}},
		// 0→2, 1→2, 1→3: AᵀA = [[2,1],[1,1]] on authorities 2,3 with
		// dominant eigenvector (φ, 1), φ = (1+√5)/2; hubs h = A a:
		// h0 = φ, h1 = φ+1, scaled by φ+1 = φ².
		{"bipartite digraph", specDirected(4, [2]int64{0, 2}, [2]int64{1, 2}, [2]int64{1, 3}),
			map[int64]float64{0: 1 / specPhi, 1: 1, 2: 0, 3: 0}, map[int64]float64{0: 0, 1: 0, 2: 1, 3: 1 / specPhi}},
		// No edges: zeros.
		{"edgeless", specDirected(2), map[int64]float64{0: 0, 1: 0}, map[int64]float64{0: 0, 1: 0}},
	} {
		h, a, err := metrics.HITS(tt.g, metrics.IterOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		specCheck(t, tt.name+" hubs", h, tt.hubs, 1e-10)
		specCheck(t, tt.name+" authorities", a, tt.auths, 1e-10)
	}
	g := loadGraph(t, "karate", false, false)
	if _, _, err := metrics.HITS(g.G, metrics.IterOptions{MaxIter: 2}); !errors.Is(err, metrics.ErrNotConverged) {
		t.Errorf("MaxIter 2: err = %v, want ErrNotConverged", err)
	}
}

// specPhi is the golden ratio (1+√5)/2.
const specPhi = 1.6180339887498949
