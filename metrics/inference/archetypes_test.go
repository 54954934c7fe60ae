package inference_test

import (
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func byName(t *testing.T, n, m int, directed bool) map[string]graph.Graph {
	t.Helper()
	as, err := inference.Archetypes(n, m, directed)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]graph.Graph{}
	var names []string
	for _, a := range as {
		out[a.Name] = a.G
		names = append(names, a.Name)
		if a.G.Nodes().Len() != n || a.Description == "" {
			t.Errorf("%s: %d nodes, description %q", a.Name, a.G.Nodes().Len(), a.Description)
		}
	}
	if len(names) != 4 || names[0] != "star" || names[1] != "tree" || names[2] != "hubs" || names[3] != "mesh" {
		t.Errorf("archetypes %v", names)
	}
	return out
}

func deg(g graph.Graph, id int64) int { return g.From(id).Len() }

func TestArchetypesUndirected(t *testing.T) {
	g := byName(t, 20, 40, false)
	if edgeCount(g["star"]) != 19 || deg(g["star"], 0) != 19 {
		t.Errorf("star: %d edges, centre degree %d", edgeCount(g["star"]), deg(g["star"], 0))
	}
	// Tree: 1+2+4+8 = 15 < 20 ≤ 1+3+9+27, so branching 3.
	tr := g["tree"]
	if edgeCount(tr) != 19 || len(topo.ConnectedComponents(tr.(graph.Undirected))) != 1 {
		t.Errorf("tree: %d edges", edgeCount(tr))
	}
	if deg(tr, 0) != 3 || deg(tr, 1) != 4 { // root: 3 children; node 1: parent + 3 children
		t.Errorf("tree degrees %d %d", deg(tr, 0), deg(tr, 1))
	}
	// Hubs: k = round(√20) = 4 hubs, 16 members (4 each), ring of 4.
	h := g["hubs"]
	if edgeCount(h) != 20 {
		t.Errorf("hubs: %d edges", edgeCount(h))
	}
	for i := range int64(4) {
		if deg(h, i) != 6 {
			t.Errorf("hub %d degree %d, want 4 members + 2 ring", i, deg(h, i))
		}
	}
	for i := int64(4); i < 20; i++ {
		if deg(h, i) != 1 {
			t.Errorf("member %d degree %d", i, deg(h, i))
		}
	}
	// Mesh: offsets 1 and 2 in full, 40 edges, 4-regular.
	for i := range int64(20) {
		if deg(g["mesh"], i) != 4 {
			t.Errorf("mesh node %d degree %d", i, deg(g["mesh"], i))
		}
	}
	for _, tc := range []struct{ m, want int }{{5, 20}, {30, 30}, {40, 40}, {53, 53}, {1000, 190}} {
		mesh := byName(t, 20, tc.m, false)["mesh"]
		if got := edgeCount(mesh); got != tc.want {
			t.Errorf("mesh with m=%d: %d edges, want %d", tc.m, got, tc.want)
		}
		for i := range int64(20) {
			if deg(mesh, i) < 2 {
				t.Errorf("mesh m=%d: node %d degree %d < 2 (not a ring)", tc.m, i, deg(mesh, i))
			}
		}
	}
	// Even n: the diameter offset n/2 has n/2 edges; complete K6 has 15.
	if got := edgeCount(byName(t, 6, 15, false)["mesh"]); got != 15 {
		t.Errorf("K6 mesh: %d edges", got)
	}
	if got := edgeCount(byName(t, 2, 3, false)["mesh"]); got != 1 {
		t.Errorf("2-node mesh: %d edges", got)
	}
}

func TestArchetypesDirected(t *testing.T) {
	g := byName(t, 10, 25, true)
	d := g["star"].(graph.Directed)
	if d.From(0).Len() != 9 || d.To(0).Len() != 0 {
		t.Errorf("out-star: out %d in %d", d.From(0).Len(), d.To(0).Len())
	}
	tr := g["tree"].(graph.Directed)
	for i := int64(1); i < 10; i++ {
		if tr.To(i).Len() != 1 {
			t.Errorf("out-tree node %d has %d parents", i, tr.To(i).Len())
		}
	}
	if tr.To(0).Len() != 0 {
		t.Error("root has a parent")
	}
	if got := edgeCount(g["mesh"]); got != 25 {
		t.Errorf("directed mesh: %d arcs", got)
	}
	if got := edgeCount(byName(t, 10, 1000, true)["mesh"]); got != 90 {
		t.Errorf("complete directed mesh: %d arcs", got)
	}
	// Hubs: k = round(√10) = 3, 7 members, ring of 3 arcs.
	if got := edgeCount(g["hubs"]); got != 10 {
		t.Errorf("directed hubs: %d arcs", got)
	}
}

func TestArchetypesErrors(t *testing.T) {
	if _, err := inference.Archetypes(1, 0, false); err == nil {
		t.Error("n = 1 accepted")
	}
	if _, err := inference.Archetypes(5, -1, false); err == nil {
		t.Error("m < 0 accepted")
	}
}
