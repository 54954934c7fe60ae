package inference_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// gnmSampler is a small G(n, m) sampler on nodes 0…n−1 written for these
// tests, independent of package null: m distinct unordered pairs by
// rejection. With weighted set, edges get Exp(1) weights, which makes
// strength statistics continuous (no ties).
type gnmSampler struct {
	n, m     int
	weighted bool
}

func (s gnmSampler) Model() null.Model { return "gnm" }

func (s gnmSampler) Sample(src rand.Source) (graph.Graph, error) {
	if s.m > s.n*(s.n-1)/2 {
		return nil, errors.New("too many edges")
	}
	r := rand.New(src)
	type pair struct{ u, v int }
	seen := map[pair]bool{}
	var pairs []pair
	for len(pairs) < s.m {
		u, v := r.IntN(s.n), r.IntN(s.n)
		if u == v {
			continue
		}
		p := pair{min(u, v), max(u, v)}
		if !seen[p] {
			seen[p] = true
			pairs = append(pairs, p)
		}
	}
	if s.weighted {
		g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		for i := range s.n {
			g.AddNode(simple.Node(int64(i)))
		}
		for _, p := range pairs {
			g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(p.u)), T: simple.Node(int64(p.v)), W: r.ExpFloat64()})
		}
		return g, nil
	}
	g := simple.NewUndirectedGraph()
	for i := range s.n {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, p := range pairs {
		g.SetEdge(simple.Edge{F: simple.Node(int64(p.u)), T: simple.Node(int64(p.v))})
	}
	return g, nil
}

// fixedSampler returns its graph every time: a null model that fixes
// everything, standing in for the degree null on a statistic that the
// degree sequence determines.
type fixedSampler struct{ g graph.Graph }

func (s fixedSampler) Model() null.Model                       { return "degree" }
func (s fixedSampler) Sample(rand.Source) (graph.Graph, error) { return s.g, nil }

// failSampler fails from replicate failFrom on; it recognises the
// replicate by regenerating the sources (rand.NewPCG(seed, i)).
type failSampler struct {
	gnmSampler
	seed     uint64
	failFrom int
}

func (s failSampler) Sample(src rand.Source) (graph.Graph, error) {
	first := rand.New(src).Uint64()
	for i := s.failFrom; i < s.failFrom+200; i++ {
		if rand.New(rand.NewPCG(s.seed, uint64(i))).Uint64() == first {
			return nil, fmt.Errorf("boom at %d", i)
		}
	}
	return s.gnmSampler.Sample(rand.NewPCG(first, 0))
}

// degrees returns the degree of each node of an undirected graph.
func degrees(g graph.Graph) []float64 {
	var d []float64
	for _, n := range graph.NodesOf(g.Nodes()) {
		d = append(d, float64(g.From(n.ID()).Len()))
	}
	return d
}

// degreeCentralization is Freeman's (1978) degree centralization of an
// undirected graph, Σ(max d − dᵢ)/((n−1)(n−2)): 1 for a star, 0 for a
// regular graph; undefined when n < 3.
func degreeCentralization(g graph.Graph) metrics.Value {
	d := degrees(g)
	n := len(d)
	if n < 3 {
		return metrics.Undefined("fewer than 3 nodes")
	}
	mx := 0.0
	for _, x := range d {
		mx = max(mx, x)
	}
	var s float64
	for _, x := range d {
		s += mx - x
	}
	return metrics.Defined(s / float64((n-1)*(n-2)))
}

// strengthCentralization is Σ(max s − sᵢ)/((n−1) Σ sᵢ) over node
// strengths (sum of incident weights) of an undirected weighted graph: a
// continuous statistic for the calibration test.
func strengthCentralization(g graph.Graph) metrics.Value {
	wg := g.(graph.Weighted)
	nodes := graph.NodesOf(g.Nodes())
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID() < nodes[j].ID() })
	var str []float64
	var tot, mx float64
	for _, u := range nodes {
		var s float64
		nb := graph.NodesOf(g.From(u.ID()))
		sort.Slice(nb, func(i, j int) bool { return nb[i].ID() < nb[j].ID() })
		for _, v := range nb {
			w, _ := wg.Weight(u.ID(), v.ID())
			s += w
		}
		str = append(str, s)
		tot += s
		mx = max(mx, s)
	}
	if tot == 0 {
		return metrics.Undefined("no weight")
	}
	var c float64
	for _, s := range str {
		c += mx - s
	}
	return metrics.Defined(c / (float64(len(str)-1) * tot))
}

// density is the edge count over n(n−1)/2 of an undirected graph, or over
// n(n−1) of a directed one.
func density(g graph.Graph) metrics.Value {
	n := g.Nodes().Len()
	if n < 2 {
		return metrics.Undefined("fewer than 2 nodes")
	}
	m := edgeCount(g)
	if _, ok := g.(graph.Directed); ok {
		return metrics.Defined(float64(m) / float64(n*(n-1)))
	}
	return metrics.Defined(float64(m) / float64(n*(n-1)/2))
}

// edgeCount counts the edges of g (arcs if directed).
func edgeCount(g graph.Graph) int {
	_, directed := g.(graph.Directed)
	m := 0
	for _, u := range graph.NodesOf(g.Nodes()) {
		for _, v := range graph.NodesOf(g.From(u.ID())) {
			if directed || u.ID() < v.ID() {
				m++
			}
		}
	}
	return m
}

// star returns the undirected star on nodes 0…n−1 centred on 0.
func star(n int) graph.Graph {
	g := simple.NewUndirectedGraph()
	for i := range n {
		g.AddNode(simple.Node(int64(i)))
	}
	for i := 1; i < n; i++ {
		g.SetEdge(simple.Edge{F: simple.Node(0), T: simple.Node(int64(i))})
	}
	return g
}

// contract is a row of a toy ledger: a firm signs with a bureau.
type contract struct{ firm, bureau int }

// ledger returns n contracts of 20 firms with 3 bureaus, bureau b chosen
// with probability share[b].
func ledger(n int, share []float64, src rand.Source) []contract {
	r := rand.New(src)
	out := make([]contract, n)
	for i := range out {
		u, b := r.Float64(), 0
		for b < len(share)-1 && u >= share[b] {
			u -= share[b]
			b++
		}
		out[i] = contract{firm: r.IntN(20), bureau: b}
	}
	return out
}

// buildLedger returns the build function of a ledger: a weighted
// undirected graph of bureaus (IDs 0…2) and firms (IDs 100+), weight = the
// number of contracts in units between the two.
func buildLedger(l []contract) func(units []int) (graph.Graph, error) {
	return func(units []int) (graph.Graph, error) {
		g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		for _, u := range units {
			if u < 0 || u >= len(l) {
				return nil, fmt.Errorf("unit %d out of range", u)
			}
			c := l[u]
			b, f := simple.Node(int64(c.bureau)), simple.Node(int64(100+c.firm))
			w := 0.0
			if e := g.WeightedEdge(b.ID(), f.ID()); e != nil {
				w = e.Weight()
			}
			g.SetWeightedEdge(simple.WeightedEdge{F: b, T: f, W: w + 1})
		}
		return g, nil
	}
}

// topBureauShare is the largest share of contract weight held by one
// bureau (nodes with ID < 100).
func topBureauShare(g graph.Graph) metrics.Value {
	wg := g.(graph.Weighted)
	var tot, mx float64
	for _, u := range graph.NodesOf(g.Nodes()) {
		if u.ID() >= 100 {
			continue
		}
		var s float64
		for _, v := range graph.NodesOf(g.From(u.ID())) {
			w, _ := wg.Weight(u.ID(), v.ID())
			s += w
		}
		tot += s
		mx = max(mx, s)
	}
	if tot == 0 {
		return metrics.Undefined("no contracts")
	}
	return metrics.Defined(mx / tot)
}

var _ inference.Statistic = degreeCentralization
