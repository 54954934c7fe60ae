package inference_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func TestBootstrapUnits(t *testing.T) {
	share := []float64{0.6, 0.3, 0.1}
	opt := inference.BootOptions{Samples: 400, Seed: 1}
	width := map[int]float64{}
	for _, n := range []int{50, 400} {
		l := ledger(n, share, rand.NewPCG(1, 1))
		iv, err := inference.BootstrapUnits(n, buildLedger(l), topBureauShare, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !(iv.Lower <= iv.Estimate && iv.Estimate <= iv.Upper) || iv.Lower == iv.Upper {
			t.Errorf("n=%d: interval %+v does not contain the estimate", n, iv)
		}
		if iv.Level != 0.95 || iv.Samples != 400 || iv.Undefined != 0 || iv.Method != "percentile/units" {
			t.Errorf("n=%d: %+v", n, iv)
		}
		width[n] = iv.Upper - iv.Lower
	}
	// The width shrinks like 1/√n: 8 times the units, about 1/2.8 the width.
	if !(width[400] < width[50]/2) {
		t.Errorf("widths %v do not shrink with more units", width)
	}

	// Same interval for any number of workers.
	l := ledger(60, share, rand.NewPCG(1, 1))
	var want string
	for _, w := range []int{1, 2, 7} {
		iv, err := inference.BootstrapUnits(60, buildLedger(l), topBureauShare, inference.BootOptions{Samples: 100, Seed: 3, Workers: w, Level: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(iv)
		if want == "" {
			want = string(b)
			if !strings.Contains(want, `"level":0.9`) || !strings.Contains(want, `"undefined":0`) {
				t.Errorf("JSON %s", want)
			}
		} else if string(b) != want {
			t.Errorf("workers %d: %s, want %s", w, b, want)
		}
	}
}

func TestBootstrapErrors(t *testing.T) {
	l := ledger(10, []float64{1}, rand.NewPCG(1, 1))
	b := buildLedger(l)
	for _, tc := range []struct {
		n   int
		opt inference.BootOptions
	}{
		{0, inference.BootOptions{Samples: 10}},
		{10, inference.BootOptions{}},
		{10, inference.BootOptions{Samples: 10, Level: 1}},
		{10, inference.BootOptions{Samples: 10, Workers: -2}},
	} {
		if _, err := inference.BootstrapUnits(tc.n, b, topBureauShare, tc.opt); err == nil {
			t.Errorf("n=%d %+v accepted", tc.n, tc.opt)
		}
	}
	if _, err := inference.BootstrapNodes(star(1), density, inference.BootOptions{Samples: 10}); err == nil {
		t.Error("node bootstrap of one node accepted")
	}
}

func complete(n int, directed bool) graph.Graph {
	if directed {
		g := simple.NewDirectedGraph()
		for i := range n {
			for j := range n {
				if i != j {
					g.SetEdge(simple.Edge{F: simple.Node(int64(i)), T: simple.Node(int64(j))})
				}
			}
		}
		return g
	}
	g := simple.NewUndirectedGraph()
	for i := range n {
		for j := i + 1; j < n; j++ {
			g.SetEdge(simple.Edge{F: simple.Node(int64(i)), T: simple.Node(int64(j))})
		}
	}
	return g
}

func gnp(n int, p float64, src rand.Source) graph.Graph {
	r := rand.New(src)
	g := simple.NewUndirectedGraph()
	for i := range n {
		g.AddNode(simple.Node(int64(i)))
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			if r.Float64() < p {
				g.SetEdge(simple.Edge{F: simple.Node(int64(i)), T: simple.Node(int64(j))})
			}
		}
	}
	return g
}

func TestBootstrapNodes(t *testing.T) {
	opt := inference.BootOptions{Samples: 300, Seed: 1}
	// In a complete graph every pair, copies included, is tied: density 1
	// in every replicate. Likewise for the complete digraph.
	for _, directed := range []bool{false, true} {
		iv, err := inference.BootstrapNodes(complete(8, directed), density, opt)
		if err != nil {
			t.Fatal(err)
		}
		if iv.Estimate != 1 || iv.Lower != 1 || iv.Upper != 1 || iv.Method != "percentile/nodes" {
			t.Errorf("complete (directed %v): %+v", directed, iv)
		}
	}
	// An empty graph stays empty.
	empty := simple.NewUndirectedGraph()
	for i := range 6 {
		empty.AddNode(simple.Node(int64(i)))
	}
	if iv, err := inference.BootstrapNodes(empty, density, opt); err != nil || iv.Upper != 0 {
		t.Errorf("empty: %+v %v", iv, err)
	}
	// G(n, 0.2): the interval contains the estimate and shrinks with n.
	width := map[int]float64{}
	for _, n := range []int{20, 80} {
		iv, err := inference.BootstrapNodes(gnp(n, 0.2, rand.NewPCG(1, 1)), density, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !(iv.Lower < iv.Estimate && iv.Estimate < iv.Upper) {
			t.Errorf("n=%d: %+v", n, iv)
		}
		width[n] = iv.Upper - iv.Lower
	}
	if !(width[80] < width[20]/1.5) {
		t.Errorf("widths %v do not shrink with more nodes", width)
	}
	// Node bootstrap graphs have n nodes; weights are kept.
	wg := simple.NewWeightedUndirectedGraph(0, 0)
	wg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: 5})
	wg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(1), T: simple.Node(2), W: 5})
	check := func(g graph.Graph) metrics.Value {
		if g.Nodes().Len() != 3 {
			t.Errorf("bootstrap graph has %d nodes", g.Nodes().Len())
		}
		for _, u := range graph.NodesOf(g.Nodes()) {
			for _, v := range graph.NodesOf(g.From(u.ID())) {
				if w, _ := g.(graph.Weighted).Weight(u.ID(), v.ID()); w != 5 {
					t.Errorf("weight %v", w)
				}
			}
		}
		return density(g)
	}
	if _, err := inference.BootstrapNodes(wg, check, inference.BootOptions{Samples: 50, Seed: 2}); err != nil {
		t.Fatal(err)
	}
}
