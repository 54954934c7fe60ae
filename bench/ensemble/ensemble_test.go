// Package ensemble holds the ensemble benchmarks of issue 20, item 4:
// samples per second of each null model of metrics/null, with the two
// tested statistics of the ecosystem verdict computed on every sample,
// on Davis's southern women (18 women, 14 events, 89 ties) and on a
// seeded 2,000-node two-mode graph (1,000 nodes in each mode, 10,000
// ties). Run with sh bench/ensemble.sh (not part of CI).
package ensemble

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// twoMode is an observed two-mode graph: mode-0 nodes ("agents") are
// ids 0…na−1, mode-1 nodes ("principals") na…na+np−1, and label gives
// every node a province-like label for the locality statistic.
type twoMode struct {
	name   string
	g      graph.Undirected
	na, np int64
	label  []int
}

func (t twoMode) mode(id int64) int {
	if id < t.na {
		return 0
	}
	return 1
}

// concentration is the verdict's principal_concentration statistic
// (analysis/ecosystem_implications.go): the Herfindahl-Hirschman index of
// the principals' shares of ties, from their degrees in id order.
func (t twoMode) concentration(g graph.Graph) float64 {
	var m, h float64
	d := make([]float64, 0, t.np)
	for id := t.na; id < t.na+t.np; id++ {
		k := float64(g.From(id).Len())
		d = append(d, k)
		m += k
	}
	for _, k := range d {
		h += (k / m) * (k / m)
	}
	return h
}

// locality is the verdict's locality statistic: the share of the ties of
// agents that stay within the agent's label (province).
func (t twoMode) locality(g graph.Graph) float64 {
	var same, all float64
	for a := range t.na {
		for it := g.From(a); it.Next(); {
			all++
			if t.label[it.Node().ID()] == t.label[a] {
				same++
			}
		}
	}
	return same / all
}

// davis reads Davis's southern women from metrics/testdata: women are
// agents, events principals, and every node is labelled by its index
// mod 3 (the data have no provinces).
func davis(tb testing.TB) twoMode {
	dir := filepath.Join("..", "..", "metrics", "testdata", "graphs")
	ef, err := os.Open(filepath.Join(dir, "davis.edges.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer ef.Close()
	nf, err := os.Open(filepath.Join(dir, "davis.nodes.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer nf.Close()
	r, err := graphio.ReadEdgeList("davis.edges.csv", ef, "davis.nodes.csv", nf, graphio.EdgeListOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	// Renumber: women first, then events, in file order.
	var women, events []int64
	for id, a := range r.Attrs {
		if a["mode"] == "woman" {
			women = append(women, int64(id))
		} else {
			events = append(events, int64(id))
		}
	}
	to := map[int64]int64{}
	for i, id := range append(women, events...) {
		to[id] = int64(i)
	}
	g := simple.NewUndirectedGraph()
	for i := range len(to) {
		g.AddNode(simple.Node(i))
	}
	for us := r.G.Nodes(); us.Next(); {
		u := us.Node().ID()
		for vs := r.G.From(u); vs.Next(); {
			g.SetEdge(simple.Edge{F: simple.Node(to[u]), T: simple.Node(to[vs.Node().ID()])})
		}
	}
	t := twoMode{name: "davis", g: g, na: int64(len(women)), np: int64(len(events))}
	for i := range len(to) {
		t.label = append(t.label, i%3)
	}
	if g.Edges().Len() != 89 {
		tb.Fatalf("Davis: %d ties, want 89", g.Edges().Len())
	}
	return t
}

// random2000 is a seeded random two-mode graph: 1,000 agents, 1,000
// principals, 10,000 distinct ties, labels uniform over 30 provinces.
func random2000() twoMode {
	rng := rand.New(rand.NewPCG(20, 4))
	t := twoMode{name: "random2000", na: 1000, np: 1000}
	g := simple.NewUndirectedGraph()
	for i := range 2000 {
		g.AddNode(simple.Node(i))
		t.label = append(t.label, rng.IntN(30))
	}
	for m := 0; m < 10000; {
		a, p := rng.Int64N(1000), 1000+rng.Int64N(1000)
		if !g.HasEdgeBetween(a, p) {
			g.SetEdge(simple.Edge{F: simple.Node(a), T: simple.Node(p)})
			m++
		}
	}
	t.g = g
	return t
}

// BenchmarkEnsemble reports samples per second ("samples/s") of each
// null model with default options (the verdict's: no weights, default
// trades or chain steps), the two statistics computed on every sample.
func BenchmarkEnsemble(b *testing.B) {
	for _, t := range []twoMode{davis(b), random2000()} {
		for _, model := range []null.Model{null.GNM, null.Degree, null.BipartiteDegree, null.BipartiteGNM, null.BipartiteSampled} {
			s, err := null.New(model, t.g, null.Options{Mode: t.mode})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%s", t.name, model), func(b *testing.B) {
				src := rand.NewPCG(1, 1)
				var sum float64
				for b.Loop() {
					h, err := s.Sample(src)
					if err != nil {
						b.Fatal(err)
					}
					sum += t.concentration(h) + t.locality(h)
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
				if sum != sum {
					b.Fatal("NaN statistic")
				}
			})
		}
	}
}

// TestStatistics checks the statistics on the observed Davis graph: 14
// events with the degrees of the data, and a locality in [0, 1].
func TestStatistics(t *testing.T) {
	d := davis(t)
	h := d.concentration(d.g)
	// Event degrees of Davis (1941): 3 3 6 4 8 8 10 14 12 5 4 6 3 3 (89).
	var want float64
	for _, k := range []float64{3, 3, 6, 4, 8, 8, 10, 14, 12, 5, 4, 6, 3, 3} {
		want += (k / 89) * (k / 89)
	}
	if diff := h - want; diff > 1e-12 || diff < -1e-12 {
		t.Errorf("concentration %v, want %v", h, want)
	}
	if l := d.locality(d.g); !(l >= 0 && l <= 1) {
		t.Errorf("locality %v", l)
	}
}

// TestWriteGraphs writes the two graphs as edge-list CSVs with integer
// ids (source,target) into $ENSEMBLE_CSV_DIR, for bench/ensemble.sh to
// give the same graphs to igraph and to ecosys test; it skips without
// that variable.
func TestWriteGraphs(t *testing.T) {
	dir := os.Getenv("ENSEMBLE_CSV_DIR")
	if dir == "" {
		t.Skip("ENSEMBLE_CSV_DIR not set")
	}
	for _, g := range []twoMode{davis(t), random2000()} {
		f, err := os.Create(filepath.Join(dir, g.name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(f, "source,target")
		for u := range g.na {
			for it := g.g.From(u); it.Next(); {
				fmt.Fprintf(f, "%d,%d\n", u, it.Node().ID())
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
