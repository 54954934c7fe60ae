package inference_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func TestRemoveNodes(t *testing.T) {
	g, _ := gnmSampler{n: 20, m: 40}.Sample(rand.NewPCG(1, 1))
	h := inference.RemoveNodes(g, 0.25, rand.NewPCG(1, 1))
	if h.Nodes().Len() != 15 {
		t.Fatalf("%d nodes left, want 20 − round(5) = 15", h.Nodes().Len())
	}
	for _, u := range graph.NodesOf(h.Nodes()) {
		if g.Node(u.ID()) == nil {
			t.Errorf("node %d not in g", u.ID())
		}
		for _, v := range graph.NodesOf(h.From(u.ID())) {
			if !g.HasEdgeBetween(u.ID(), v.ID()) {
				t.Errorf("edge %d–%d not in g", u.ID(), v.ID())
			}
		}
	}
	// Every edge of g among the kept nodes is kept.
	for _, u := range graph.NodesOf(h.Nodes()) {
		for _, v := range graph.NodesOf(g.From(u.ID())) {
			if h.Node(v.ID()) != nil && !h.HasEdgeBetween(u.ID(), v.ID()) {
				t.Errorf("edge %d–%d lost", u.ID(), v.ID())
			}
		}
	}
	// Removals with one source are nested across fractions.
	h2 := inference.RemoveNodes(g, 0.5, rand.NewPCG(1, 1))
	for _, u := range graph.NodesOf(h2.Nodes()) {
		if h.Node(u.ID()) == nil {
			t.Errorf("node %d removed at 25%% but kept at 50%%", u.ID())
		}
	}
	if inference.RemoveNodes(g, 0, rand.NewPCG(1, 1)).Nodes().Len() != 20 || inference.RemoveNodes(g, 1, rand.NewPCG(1, 1)).Nodes().Len() != 0 {
		t.Error("fractions 0 and 1")
	}
}

func TestRemoveEdgesKeepsShape(t *testing.T) {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range 10 {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(i)), T: simple.Node(int64((i + 1) % 10)), W: float64(i + 1)})
	}
	h := inference.RemoveEdges(g, 0.3, rand.NewPCG(1, 1))
	d, ok := h.(graph.WeightedDirected)
	if !ok {
		t.Fatalf("copy is %T, want a weighted directed graph", h)
	}
	if h.Nodes().Len() != 10 || edgeCount(h) != 7 {
		t.Errorf("%d nodes, %d arcs; want 10, 7", h.Nodes().Len(), edgeCount(h))
	}
	for _, u := range graph.NodesOf(h.Nodes()) {
		for _, v := range graph.NodesOf(h.From(u.ID())) {
			if w, _ := d.Weight(u.ID(), v.ID()); w != float64(u.ID()+1) {
				t.Errorf("arc %d→%d weight %v", u.ID(), v.ID(), w)
			}
		}
	}
	if w, ok := d.Weight(0, 5); ok || !math.IsInf(w, 1) {
		t.Errorf("absent weight %v, want +Inf as in g", w)
	}
}

func TestSensitivity(t *testing.T) {
	g, _ := gnmSampler{n: 30, m: 60}.Sample(rand.NewPCG(1, 1))
	obs := degreeCentralization(g).V
	fr := []float64{0, 0.1, 0.3}
	opt := inference.BootOptions{Samples: 50, Seed: 1}
	for _, remove := range []func(float64, rand.Source) (graph.Graph, error){nil, inference.NodeRemoval(g), inference.EdgeRemoval(g)} {
		pts, err := inference.Sensitivity(g, remove, fr, degreeCentralization, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(pts) != 3 {
			t.Fatalf("%d points", len(pts))
		}
		if p := pts[0]; p.Mean != obs || p.Lower != obs || p.Upper != obs || p.Replicates != 50 || p.Fraction != 0 {
			t.Errorf("fraction 0: %+v, want observed %v", p, obs)
		}
		if p := pts[2]; !(p.Lower < p.Upper) || p.Level != 0.95 {
			t.Errorf("fraction 0.3: %+v", p)
		}
	}

	// Units removal: the caller drops ledger rows and rebuilds the graph.
	l := ledger(200, []float64{0.5, 0.3, 0.2}, rand.NewPCG(1, 1))
	build := buildLedger(l)
	dropRows := func(frac float64, src rand.Source) (graph.Graph, error) {
		r := rand.New(src)
		perm := r.Perm(len(l))
		return build(perm[int(math.Round(frac*float64(len(l)))):])
	}
	full, _ := build(seqInts(len(l)))
	pts, err := inference.Sensitivity(nil, dropRows, []float64{0, 0.5}, topBureauShare, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := topBureauShare(full).V; pts[0].Mean != want || pts[1].Lower >= pts[1].Upper {
		t.Errorf("units removal %+v, observed %v", pts, want)
	}

	// Undefined everywhere at fraction 1: NaN in memory, null in JSON.
	pts, err = inference.Sensitivity(g, nil, []float64{1}, degreeCentralization, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(pts)
	if err != nil || pts[0].Undefined != 50 || !strings.Contains(string(b), `"mean":null`) {
		t.Errorf("fraction 1: %s %v", b, err)
	}

	for _, bad := range [][]float64{{-0.1}, {1.5}, {math.NaN()}} {
		if _, err := inference.Sensitivity(g, nil, bad, degreeCentralization, opt); err == nil {
			t.Errorf("fraction %v accepted", bad)
		}
	}
	failing := func(float64, rand.Source) (graph.Graph, error) { return nil, errFake }
	if _, err := inference.Sensitivity(nil, failing, fr, degreeCentralization, opt); err == nil {
		t.Error("remove error not returned")
	}
	var _ metrics.Value
}

var errFake = fakeError("fake")

type fakeError string

func (e fakeError) Error() string { return string(e) }

func seqInts(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
