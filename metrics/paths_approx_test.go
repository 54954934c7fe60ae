package metrics_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

// TestApproxBetweennessBound checks the (ε, δ) guarantee of
// Riondato and Kornaropoulos (2016) against exact betweenness on seeded
// random graphs: every estimate must lie within AbsError of the exact
// value (a failure has probability at most δ = 0.01 per case, far less
// in practice), and the estimates must not all be zero.
func TestApproxBetweennessBound(t *testing.T) {
	for _, tc := range []struct {
		name     string
		g        graph.Graph
		weighted bool
	}{
		{"undirected", pathsRandom(300, 900, false, false), false},
		{"undirected-weighted", pathsRandom(300, 900, false, false), true},
		{"directed-weighted-ties", pathsRandom(300, 1200, true, true), true},
		{"directed", pathsRandom(300, 1200, true, false), false},
		{"karate", loadGraph(t, "karate", false, false).G, false},
	} {
		exact, err := metrics.Betweenness(tc.g, metrics.PathOptions{Distances: tc.weighted})
		if err != nil {
			t.Fatal(err)
		}
		res, err := metrics.ApproxBetweenness(tc.g, metrics.ApproxOptions{Epsilon: 0.02, Delta: 0.01, Distances: tc.weighted, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Samples <= 0 || res.VertexDiameter < 3 {
			t.Errorf("%s: %d samples, vertex diameter %d", tc.name, res.Samples, res.VertexDiameter)
		}
		var worst, sum float64
		for id, b := range exact {
			worst = math.Max(worst, math.Abs(res.Betweenness[id]-b))
			sum += res.Betweenness[id]
		}
		t.Logf("%s: r = %d, VD ≤ %d, largest error %.4g of bound %.4g", tc.name, res.Samples, res.VertexDiameter, worst, res.AbsError)
		if worst > res.AbsError || sum == 0 || len(res.Betweenness) != len(exact) {
			t.Errorf("%s: largest error %g, bound %g, sum %g", tc.name, worst, res.AbsError, sum)
		}
	}
}

// TestApproxBetweennessWorkers checks that the estimates are bit-identical
// for any number of workers and change with the seed.
func TestApproxBetweennessWorkers(t *testing.T) {
	g := pathsRandom(300, 900, false, false)
	for _, weighted := range []bool{false, true} {
		var ref map[int64]float64
		for _, workers := range []int{1, 2, 3, 8} {
			res, err := metrics.ApproxBetweenness(g, metrics.ApproxOptions{Epsilon: 0.05, Delta: 0.1, Distances: weighted, Workers: workers, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			if ref == nil {
				ref = res.Betweenness
				continue
			}
			pathsSameBits(t, fmt.Sprintf("weighted=%v, %d workers", weighted, workers), res.Betweenness, ref)
		}
		other, _ := metrics.ApproxBetweenness(g, metrics.ApproxOptions{Epsilon: 0.05, Delta: 0.1, Distances: weighted, Seed: 8})
		same := true
		for id, b := range ref {
			same = same && other.Betweenness[id] == b
		}
		if same {
			t.Errorf("weighted=%v: seeds 7 and 8 give the same estimates", weighted)
		}
	}
}

// TestApproxBetweennessErrors checks the argument checks and the trivial
// cases: no node can lie between two others when the vertex diameter is
// at most 2.
func TestApproxBetweennessErrors(t *testing.T) {
	g := pathsRandom(30, 60, false, false)
	for _, opt := range []metrics.ApproxOptions{
		{Epsilon: 0, Delta: 0.1}, {Epsilon: 1, Delta: 0.1}, {Epsilon: 0.1, Delta: 0}, {Epsilon: 0.1, Delta: 1},
		{Epsilon: 0.1, Delta: 0.1, Workers: -1},
	} {
		if _, err := metrics.ApproxBetweenness(g, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
	star := pathsUndirected(2, [][3]float64{{0, 1, 1}})
	res, err := metrics.ApproxBetweenness(star, metrics.ApproxOptions{Epsilon: 0.1, Delta: 0.1})
	if err != nil || res.Samples != 0 || res.Betweenness[0] != 0 || res.Betweenness[1] != 0 {
		t.Errorf("single edge: %+v, %v", res, err)
	}
}

// TestPageRankRepeatable checks that weighted PageRank gives the same bits
// on every call, although gonum lists neighbours in map order.
func TestPageRankRepeatable(t *testing.T) {
	g := pathsRandom(300, 1500, true, false)
	ref, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		got, err := metrics.PageRank(g, metrics.DefaultDamping, metrics.IterOptions{Weighted: true})
		if err != nil {
			t.Fatal(err)
		}
		pathsSameBits(t, fmt.Sprintf("call %d", i), got, ref)
	}
}
