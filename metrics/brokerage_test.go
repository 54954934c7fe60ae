package metrics_test

import (
	"encoding/json"
	"math"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// structDirectedGroups are the groups given to the nodes of the directed
// reference graph (its node file has no attribute); the same table is in
// scripts/reference/struct.R and struct.py.
var structDirectedGroups = map[string]string{
	"0": "A", "1": "A", "2": "B", "3": "B", "4": "C", "5": "B", "6": "C", "7": "A",
}

// structBrokerageRolesGraph is a hand-made digraph in which each role has
// exactly one broker (the same literal is in scripts/reference/struct.R):
//
//	0X→1X→2X    1 coordinator
//	3X→4Y→5X    4 itinerant
//	6Y→7Y→8Z    7 representative
//	9Z→10Y→11Y  10 gatekeeper
//	12X→13Y→14Z 13 liaison
//	15X→16X→17X and 15→17: closed, no brokerage
//	18X⇄19Y:    a = c, no brokerage
func structBrokerageRolesGraph() (*network.Graph, map[int64]string) {
	groups := []string{"X", "X", "X", "X", "Y", "X", "Y", "Y", "Z", "Z", "Y", "Y",
		"X", "Y", "Z", "X", "X", "X", "X", "Y"}
	edges := [][2]int64{{0, 1}, {1, 2}, {3, 4}, {4, 5}, {6, 7}, {7, 8}, {9, 10}, {10, 11},
		{12, 13}, {13, 14}, {15, 16}, {16, 17}, {15, 17}, {18, 19}, {19, 18}}
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	ng := &network.Graph{G: g, Directed: true}
	group := map[int64]string{}
	for i, gr := range groups {
		g.AddNode(simple.Node(i))
		ng.Names = append(ng.Names, strconv.Itoa(i))
		group[int64(i)] = gr
	}
	for _, e := range edges {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e[0]), simple.Node(e[1]), 1))
	}
	ng.Edges = len(edges)
	return ng, group
}

// structRole picks one role of every node as a node score.
func structRole(b map[int64]metrics.BrokerageRoles, role string) map[int64]float64 {
	out := map[int64]float64{}
	for id, r := range b {
		var v int
		switch role {
		case "coordinator":
			v = r.Coordinator
		case "itinerant":
			v = r.Itinerant
		case "representative":
			v = r.Representative
		case "gatekeeper":
			v = r.Gatekeeper
		case "liaison":
			v = r.Liaison
		case "total":
			v = r.Total
		default:
			panic("unknown role " + role)
		}
		out[id] = float64(v)
	}
	return out
}

func TestBrokerageReference(t *testing.T) {
	n := 0
	for _, c := range loadReference(t, "struct.json") {
		const prefix = "brokerage_"
		if len(c.Measure) <= len(prefix) || c.Measure[:len(prefix)] != prefix {
			continue
		}
		role := c.Measure[len(prefix):]
		var g *network.Graph
		group := map[int64]string{}
		switch c.Graph {
		case "brokerage-roles":
			g, group = structBrokerageRolesGraph()
		case "directed":
			g = loadGraph(t, c.Graph, true, false)
			for name, gr := range structDirectedGroups {
				id, _ := g.ID(name)
				group[id] = gr
			}
		case "karate":
			g = loadGraph(t, c.Graph, false, false)
			for i, a := range g.Attrs {
				group[int64(i)] = a["club"]
			}
		case "florentine":
			g = loadGraph(t, c.Graph, false, false)
			for i := range g.Names {
				group[int64(i)] = "all"
			}
		default:
			t.Fatalf("no groups for %s", c.Graph)
		}
		checkNodes(t, g, structRole(metrics.Brokerage(g.G, group), role), c, 0)
		n++
	}
	if n != 4*6 {
		t.Errorf("%d brokerage cases, want 24", n)
	}
}

func TestBrokerageHand(t *testing.T) {
	g, group := structBrokerageRolesGraph()
	got := metrics.Brokerage(g.G, group)
	want := map[int64]metrics.BrokerageRoles{
		1:  {Coordinator: 1, Total: 1},
		4:  {Itinerant: 1, Total: 1},
		7:  {Representative: 1, Total: 1},
		10: {Gatekeeper: 1, Total: 1},
		13: {Liaison: 1, Total: 1},
	}
	if len(got) != 20 {
		t.Errorf("%d nodes, want 20", len(got))
	}
	for id := int64(0); id < 20; id++ {
		if got[id] != want[id] {
			t.Errorf("node %d: %+v, want %+v", id, got[id], want[id])
		}
	}
}

// An undirected graph is a symmetric digraph: the path a - b - c, with a
// and c in one group and b in another, gives b two itinerant two-paths
// (a→b→c and c→b→a); with groups X, X, Y it gives one representative
// and one gatekeeper path.
func TestBrokerageUndirected(t *testing.T) {
	path := structUndirected(3, [][2]int64{{0, 1}, {1, 2}})
	for _, tt := range []struct {
		groups map[int64]string
		want   metrics.BrokerageRoles
	}{
		{map[int64]string{0: "X", 1: "Y", 2: "X"}, metrics.BrokerageRoles{Itinerant: 2, Total: 2}},
		{map[int64]string{0: "X", 1: "X", 2: "Y"}, metrics.BrokerageRoles{Representative: 1, Gatekeeper: 1, Total: 2}},
		{map[int64]string{0: "X", 1: "X", 2: "X"}, metrics.BrokerageRoles{Coordinator: 2, Total: 2}},
		// Missing groups are "": all three in one group.
		{nil, metrics.BrokerageRoles{Coordinator: 2, Total: 2}},
	} {
		got := metrics.Brokerage(path, tt.groups)
		if got[1] != tt.want || got[0] != (metrics.BrokerageRoles{}) || got[2] != (metrics.BrokerageRoles{}) {
			t.Errorf("groups %v: %+v, want centre %+v and zero ends", tt.groups, got, tt.want)
		}
	}
	// The symmetric digraph gives the same counts.
	var sym graph.Graph = structDirected(3, [][2]int64{{0, 1}, {1, 0}, {1, 2}, {2, 1}})
	groups := map[int64]string{0: "X", 1: "X", 2: "Y"}
	if a, b := metrics.Brokerage(path, groups), metrics.Brokerage(sym, groups); a[1] != b[1] {
		t.Errorf("undirected %+v, symmetric digraph %+v", a[1], b[1])
	}
}

func TestBrokerageJSON(t *testing.T) {
	b, err := json.Marshal(metrics.BrokerageRoles{1, 2, 3, 4, 5, 15})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"coordinator":1,"itinerant":2,"representative":3,"gatekeeper":4,"liaison":5,"total":15}`
	if string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
}
