package metrics_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// specPartitions are the partitions of the modularity reference cases
// (scripts/reference/spec.py, modularity_case), as groups of node names;
// "club" is read from the karate node attribute.
var specPartitions = map[string][][]string{
	"florentine:components":   {{"Pucci"}}, // the rest form the other community
	"disconnected:components": {{"0", "1", "2", "3", "4"}, {"5", "6", "7"}, {"8"}},
	"disconnected:singletons": {{"0"}, {"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}, {"8"}},
	"weighted:halves":         {{"0", "1", "2"}, {"3", "4", "5"}},
	"directed:scc":            {{"0", "1", "2"}, {"3", "4"}, {"5", "6"}, {"7"}},
	"directed:all":            {{"0", "1", "2", "3", "4", "5", "6", "7"}},
	"outtree:branches":        {{"0"}, {"1", "3", "4"}, {"2", "5", "6"}},
}

// specPartitionOf builds the partition named label of g; nodes in no group
// go to community -1.
func specPartitionOf(t *testing.T, g *network.Graph, graphName, label string) map[int64]int {
	t.Helper()
	p := map[int64]int{}
	if label == "club" {
		for i, a := range g.Attrs {
			if a["club"] == "Mr. Hi" {
				p[int64(i)] = 0
			} else {
				p[int64(i)] = 1
			}
		}
		return p
	}
	groups, ok := specPartitions[graphName+":"+label]
	if !ok {
		t.Fatalf("no partition %s of %s", label, graphName)
	}
	for i := range g.Names {
		p[int64(i)] = -1
	}
	for c, names := range groups {
		for _, name := range names {
			id, ok := g.ID(name)
			if !ok {
				t.Fatalf("%s: no node %s", graphName, name)
			}
			p[id] = c
		}
	}
	return p
}

func TestModularityReference(t *testing.T) {
	cases := specCases(t, "modularity:")
	specRequire(t, cases, "karate", "florentine", "disconnected", "weighted", "directed", "outtree")
	for _, c := range cases {
		parts := strings.Split(c.Measure, ":") // modularity:label:resolution
		res, err := strconv.ParseFloat(parts[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		g := loadGraph(t, c.Graph, c.Directed, c.Weighted)
		p := specPartitionOf(t, g, c.Graph, parts[1])
		got, err := metrics.Modularity(g.G, p, res)
		if err != nil || !got.OK || !scalar.EqualWithinAbsOrRel(got.V, *c.Value, 1e-12, 1e-12) {
			t.Errorf("%s %s = %+v (%v), %s gives %v (%s)", c.Graph, c.Measure, got, err, c.Tool, *c.Value, c.Call)
		}
		// gonum's community.Q agrees (it loops over pairs in communities).
		if q := community.Q(g.G, specGroups(g.G, p), res); !scalar.EqualWithinAbsOrRel(got.V, q, 1e-12, 1e-12) {
			t.Errorf("%s %s = %v, gonum community.Q gives %v", c.Graph, c.Measure, got.V, q)
		}
	}
}

// specGroups turns a partition into gonum communities, sorted.
func specGroups(g graph.Graph, p map[int64]int) [][]graph.Node {
	byLabel := map[int][]graph.Node{}
	var labels []int
	for id := int64(0); id < int64(len(p)); id++ {
		c := p[id]
		if _, ok := byLabel[c]; !ok {
			labels = append(labels, c)
		}
		byLabel[c] = append(byLabel[c], g.Node(id))
	}
	var out [][]graph.Node
	for _, c := range labels {
		out = append(out, byLabel[c])
	}
	return out
}

func TestModularity(t *testing.T) {
	// Two disjoint triangles, one community each: m = 6, each community
	// has W_c = 3 and S_c = 6, so Q = 2·(3/6 − (6/12)²) = 0.5.
	g := specUndirected(6, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{0, 2}, [2]int64{3, 4}, [2]int64{4, 5}, [2]int64{3, 5})
	q, err := metrics.Modularity(g, map[int64]int{0: 7, 1: 7, 2: 7, 3: 2, 4: 2, 5: 2}, 1)
	if err != nil || !q.OK || math.Abs(q.V-0.5) > 1e-15 {
		t.Errorf("two triangles: Q = %+v, %v; want 0.5", q, err)
	}
	// All in one community: Q = 1 − γ.
	q, _ = metrics.Modularity(g, map[int64]int{0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0}, 1)
	if math.Abs(q.V) > 1e-15 {
		t.Errorf("one community: Q = %v, want 0", q.V)
	}
	if _, err := metrics.Modularity(g, map[int64]int{0: 0}, 1); err == nil {
		t.Error("partition missing nodes: no error")
	}
	if _, err := metrics.Modularity(g, map[int64]int{0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 9: 1}, 1); err == nil {
		t.Error("partition with a node not in the graph: no error")
	}
	if q, err := metrics.Modularity(specUndirected(2), map[int64]int{0: 0, 1: 1}, 1); err != nil || q.OK {
		t.Errorf("no edges: Q = %+v, %v; want undefined", q, err)
	}
}

func TestLouvain(t *testing.T) {
	// Two triangles joined by the edge 2–3: Louvain finds the triangles
	// (Q = 2·(3/7 − (7/14)²) = 6/7 − 1/2).
	g := specUndirected(6, [2]int64{0, 1}, [2]int64{1, 2}, [2]int64{0, 2}, [2]int64{3, 4}, [2]int64{4, 5}, [2]int64{3, 5}, [2]int64{2, 3})
	p, err := metrics.Louvain(g, 1, rand.NewPCG(1, 1))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int64{{0, 1, 2}, {3, 4, 5}}
	if !reflect.DeepEqual(p.Communities, want) || !p.Q.OK || math.Abs(p.Q.V-(6.0/7-0.5)) > 1e-15 {
		t.Errorf("two triangles: %v Q=%+v, want %v Q=%v", p.Communities, p.Q, want, 6.0/7-0.5)
	}
	for c, ids := range p.Communities {
		for _, id := range ids {
			if p.Community[id] != c {
				t.Errorf("Community[%d] = %d, want %d", id, p.Community[id], c)
			}
		}
	}

	karate := loadGraph(t, "karate", false, false)
	kg := karate.G.(graph.Undirected)
	for seed := uint64(1); seed <= 5; seed++ {
		a, err := metrics.Louvain(kg, 1, rand.NewPCG(seed, seed))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := metrics.Louvain(kg, 1, rand.NewPCG(seed, seed))
		if !reflect.DeepEqual(a, b) {
			t.Errorf("seed %d: two runs differ", seed)
		}
		if len(a.Community) != 34 || a.Community[0] != 0 {
			t.Errorf("seed %d: %d nodes, node 0 in community %d", seed, len(a.Community), a.Community[0])
		}
		// The best known modularity of the karate club is 0.4198 (Brandes
		// et al. 2008, doi:10.1109/TKDE.2007.190689); Louvain gets close.
		if q, _ := metrics.Modularity(kg, a.Community, 1); !a.Q.OK || a.Q.V != q.V || a.Q.V < 0.40 || a.Q.V > 0.4198+1e-4 {
			t.Errorf("seed %d: Q = %+v (Modularity %v)", seed, a.Q, q.V)
		}
	}

	if _, err := metrics.Louvain(kg, 1, nil); err == nil {
		t.Error("nil source: no error")
	}
	neg := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	neg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(0), T: simple.Node(1), W: -2})
	if _, err := metrics.Louvain(neg, 1, rand.NewPCG(1, 1)); err == nil {
		t.Error("negative weight: no error")
	}
}

// numericCases returns the cases of scripts/reference/numeric.py whose
// measure starts with prefix.
func numericCases(t *testing.T, prefix string) []refCase {
	t.Helper()
	var out []refCase
	for _, c := range loadReference(t, "numeric.json") {
		if strings.HasPrefix(c.Measure, prefix) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no numeric reference cases for %s", prefix)
	}
	return out
}

// emonTexas returns the EMON Texas digraph with the weights of a numeric
// reference label: "unweighted", "frequency" (as stored, 1 = most
// frequent) or "strength" (5 − frequency).
func emonTexas(t *testing.T, label string) (*network.Graph, graph.Graph) {
	g := loadGraph(t, "emon_texas", true, label != "unweighted")
	switch label {
	case "unweighted", "frequency":
		return g, g.G
	case "strength":
		return g, mapWeights(g.G, func(w float64) float64 { return 5 - w })
	}
	t.Fatalf("unknown weights %q", label)
	return nil, nil
}

// symmetrisedCopy is the test's own symmetrisation of a digraph:
// w_ij = w(i→j) + w(j→i), or the simple underlying graph when unweighted.
func symmetrisedCopy(g graph.Graph, weighted bool) *simple.WeightedUndirectedGraph {
	wg := g.(graph.Weighted)
	u := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	nodes := graph.NodesOf(g.Nodes())
	for _, n := range nodes {
		u.AddNode(n)
	}
	for _, x := range nodes {
		to := g.From(x.ID())
		for to.Next() {
			y := to.Node()
			w, _ := wg.Weight(x.ID(), y.ID())
			if !weighted {
				w = 1
			}
			if e := u.WeightedEdge(x.ID(), y.ID()); e != nil {
				if !weighted {
					continue
				}
				w += e.Weight()
			}
			u.SetWeightedEdge(simple.WeightedEdge{F: x, T: y, W: w})
		}
	}
	return u
}

// TestLouvainDirectedWeighted pins issue 18: on a directed graph Louvain
// ignored the weights (EMON Texas gave the same partition with and
// without --weighted, Q 0.188 against igraph's 0.231–0.246), and
// louvain.q and group_modularity were on different definitions. Both are
// now the modularity of the symmetrised weighted graph, on which igraph's
// multilevel and NetworkX's Louvain are run for reference.
func TestLouvainDirectedWeighted(t *testing.T) {
	labels := map[string]bool{}
	for _, c := range numericCases(t, "louvain:") {
		labels[strings.TrimPrefix(c.Measure, "louvain:")] = true
	}
	if len(labels) != 3 {
		t.Fatalf("weights %v, want unweighted, frequency and strength", labels)
	}
	for label := range labels {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, c := range numericCases(t, "louvain:"+label) {
			lo, hi = math.Min(lo, *c.Min), math.Max(hi, *c.Max)
		}
		groupQ := map[string]float64{}
		for _, c := range numericCases(t, "group_modularity:"+label+":") {
			groupQ[c.Tool] = *c.Value
		}
		ng, g := emonTexas(t, label)
		weighted := label != "unweighted"
		sym := symmetrisedCopy(g, weighted)
		group := map[int64]string{}
		for i, a := range ng.Attrs {
			group[int64(i)] = a["sponsorship"]
		}
		for seed := uint64(1); seed <= 10; seed++ {
			r, err := metrics.Compute(g, nil, metrics.Options{Weighted: weighted, Group: group, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			q := r.Graph.Value("louvain.q")
			if !q.OK || q.V < lo-1e-9 || q.V > hi+1e-9 {
				t.Errorf("%s, seed %d: louvain.q = %+v, igraph and NetworkX give %v–%v over 100 seeds", label, seed, q, lo, hi)
			}
			// louvain.q is the modularity of the partition on the
			// symmetrised graph, as gonum computes it.
			part := map[int64]int{}
			for i, v := range r.Nodes.Column("community") {
				part[r.Nodes.IDs[i]] = int(v.V)
			}
			if want := community.Q(sym, specGroups(sym, part), 1); math.Abs(q.V-want) > 1e-12 {
				t.Errorf("%s, seed %d: louvain.q = %v, modularity of its partition on the symmetrised graph %v", label, seed, q.V, want)
			}
			gq := r.Graph.Value("group_modularity")
			for tool, want := range groupQ {
				if !gq.OK || math.Abs(gq.V-want) > 1e-12 {
					t.Errorf("%s: group_modularity = %+v, %s gives %v on the symmetrised graph", label, gq, tool, want)
				}
			}
		}
	}
}
