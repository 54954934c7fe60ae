package plots_test

import (
	"testing"

	"github.com/ecosys-sna/ecosys/plots"
)

// TestLayeredLayout: nodes stand in their layer's column, x = Layer/(L−1),
// y in [0, 1]; the order of the nodes does not change anyone's position.
func TestLayeredLayout(t *testing.T) {
	g := plots.Graph{Nodes: []plots.GraphNode{{ID: "c", Layer: 0}, {ID: "s", Layer: 1}, {ID: "u1", Layer: 2}, {ID: "u2", Layer: 2}, {ID: "u3", Layer: 2}},
		Edges: []plots.GraphEdge{{From: "c", To: "s", Directed: true}, {From: "s", To: "u1", Directed: true}, {From: "c", To: "u2", Directed: true}, {From: "c", To: "u3", Directed: true}}}
	pos, err := plots.LayeredLayout(g)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string][2]float64{}
	for i, v := range g.Nodes {
		at[v.ID] = pos[i]
		if want := float64(v.Layer) / 2; pos[i][0] != want {
			t.Errorf("%s: x = %v, want %v", v.ID, pos[i][0], want)
		}
		if pos[i][1] < 0 || pos[i][1] > 1 {
			t.Errorf("%s: y = %v outside [0, 1]", v.ID, pos[i][1])
		}
	}
	if at["u1"][1] == at["u2"][1] || at["u2"][1] == at["u3"][1] {
		t.Errorf("end users share a row: %v", at)
	}
	rev := plots.Graph{Edges: g.Edges}
	for i := len(g.Nodes) - 1; i >= 0; i-- {
		rev.Nodes = append(rev.Nodes, g.Nodes[i])
	}
	pos2, err := plots.LayeredLayout(rev)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range rev.Nodes {
		if pos2[i] != at[v.ID] {
			t.Errorf("%s: %v with the nodes reversed, %v before", v.ID, pos2[i], at[v.ID])
		}
	}
	if _, err := plots.LayeredLayout(plots.Graph{Nodes: []plots.GraphNode{{ID: "a", Layer: -1}}}); err == nil {
		t.Error("no error for a negative layer")
	}
}

// TestGraphLayout: a directed acyclic graph is laid out in layers, any
// other by ForceLayout with y flipped.
func TestGraphLayout(t *testing.T) {
	g := plots.Graph{Nodes: []plots.GraphNode{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Edges: []plots.GraphEdge{{From: "a", To: "b", Directed: true}, {From: "b", To: "c", Directed: true}}}
	pos, err := plots.GraphLayout(g)
	if err != nil {
		t.Fatal(err)
	}
	if pos[0][0] != 0 || pos[1][0] != 0.5 || pos[2][0] != 1 {
		t.Errorf("layered x %v, want 0, 0.5, 1", pos)
	}
	g.Layout = plots.LayoutForce
	g.Seed = 3
	pos, err = plots.GraphLayout(g)
	if err != nil {
		t.Fatal(err)
	}
	force := plots.ForceLayout(g)
	for i := range pos {
		if pos[i][0] != force[i][0] || pos[i][1] != 1-force[i][1] {
			t.Errorf("node %d: %v, ForceLayout %v", i, pos[i], force[i])
		}
	}
}
