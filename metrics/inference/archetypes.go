package inference

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// Archetype is a reference network of the size of an observed one.
type Archetype struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	G           graph.Graph `json:"-"`
}

// Archetypes returns four reference networks with n nodes (IDs 0…n−1),
// from centralized to distributed, to place an observed network of n nodes
// and m edges on a scale (Baran 1964, Fig. 1: centralized, decentralized,
// distributed):
//
//   - "star": node 0 tied to every other node; n−1 edges.
//   - "tree": a balanced hierarchy. Node i > 0 reports to node (i−1)/b,
//     filling levels breadth first, with b the smallest branching factor
//     ≥ 2 for which a tree of depth 3 holds n nodes (1 + b + b² + b³ ≥ n);
//     n−1 edges.
//   - "hubs": decentralized. k = round(√n) hubs (nodes 0…k−1); node
//     j ≥ k joins hub (j−k) mod k; the hubs are linked in a ring (one edge
//     if k = 2, none if k = 1). n edges when k ≥ 3.
//   - "mesh": distributed, a ring lattice. Offsets d = 1, 2, … are added in
//     turn, each tying every node i to i+d mod n, until m edges are placed
//     (the last offset in part, its edges spread evenly around the ring);
//     m is raised to the ring (n edges; 1 if n = 2) or lowered to the
//     complete graph when it lies outside.
//
// Only the mesh matches m; the star and tree have n−1 edges and hubs n,
// close to m in the sparse networks of organizations (m ≈ n…3n). Each
// Description states the edge count. If directed, ties point away from the
// centre: an out-star from node 0, an out-tree from the root, hubs →
// members with the hub ring oriented i → i+1 mod k, and mesh arcs
// i → i+d mod n (offsets 1…n−1, up to n(n−1) arcs). It returns an error
// if n < 2 or m < 0.
//
// Baran, P. (1964), On Distributed Communications: I. Introduction to
// Distributed Communications Networks, RAND Memorandum RM-3420-PR,
// doi:10.7249/RM3420.
func Archetypes(n, m int, directed bool) ([]Archetype, error) {
	if n < 2 {
		return nil, fmt.Errorf("inference: archetypes need at least 2 nodes, got %d", n)
	}
	if m < 0 {
		return nil, fmt.Errorf("inference: negative number of edges %d", m)
	}
	kind := "undirected"
	if directed {
		kind = "directed"
	}
	var out []Archetype

	star := make([][2]int, 0, n-1)
	for i := 1; i < n; i++ {
		star = append(star, [2]int{0, i})
	}
	out = append(out, Archetype{"star", fmt.Sprintf(
		"centralized: %s star, node 0 tied to the %d others (%d edges)", kind, n-1, n-1),
		archetypeGraph(n, star, directed)})

	b := 2
	for 1+b+b*b+b*b*b < n {
		b++
	}
	tree := make([][2]int, 0, n-1)
	for i := 1; i < n; i++ {
		tree = append(tree, [2]int{(i - 1) / b, i})
	}
	out = append(out, Archetype{"tree", fmt.Sprintf(
		"hierarchical: %s balanced tree with branching %d rooted at node 0, depth %d (%d edges)",
		kind, b, treeDepth(n, b), n-1), archetypeGraph(n, tree, directed)})

	k := max(1, int(math.Round(math.Sqrt(float64(n)))))
	var hubs [][2]int
	for j := k; j < n; j++ {
		hubs = append(hubs, [2]int{(j - k) % k, j})
	}
	switch {
	case k == 2:
		hubs = append(hubs, [2]int{0, 1})
	case k >= 3:
		for i := range k {
			hubs = append(hubs, [2]int{i, (i + 1) % k})
		}
	}
	out = append(out, Archetype{"hubs", fmt.Sprintf(
		"decentralized: %s, %d hubs (nodes 0-%d) each serving about %d of the other nodes, hubs linked in a ring (%d edges)",
		kind, k, k-1, (n-k+k-1)/k, len(hubs)), archetypeGraph(n, hubs, directed)})

	mesh, offsets := meshEdges(n, m, directed)
	out = append(out, Archetype{"mesh", fmt.Sprintf(
		"distributed: %s ring lattice, ties at ring distance up to %d (%d edges)", kind, offsets, len(mesh)),
		archetypeGraph(n, mesh, directed)})
	return out, nil
}

// treeDepth returns the depth of the breadth-first b-ary tree on n nodes.
func treeDepth(n, b int) int {
	depth, level, total := 0, 1, 1
	for total < n {
		level *= b
		total += level
		depth++
	}
	return depth
}

// meshEdges returns the ring-lattice edges of the mesh archetype and the
// largest offset used.
func meshEdges(n, m int, directed bool) ([][2]int, int) {
	// offset returns the edges at ring distance d.
	offset := func(d int) [][2]int {
		var e [][2]int
		switch {
		case directed || 2*d < n:
			for i := range n {
				e = append(e, [2]int{i, (i + d) % n})
			}
		default: // 2d == n, undirected: each diameter once
			for i := range d {
				e = append(e, [2]int{i, i + d})
			}
		}
		return e
	}
	maxOffset := n / 2
	maxEdges := n * (n - 1) / 2
	if directed {
		maxOffset = n - 1
		maxEdges = n * (n - 1)
	}
	target := min(max(m, len(offset(1))), maxEdges)
	var out [][2]int
	d := 0
	for d < maxOffset && len(out) < target {
		d++
		e := offset(d)
		rem := target - len(out)
		if rem >= len(e) {
			out = append(out, e...)
			continue
		}
		for j := range rem {
			out = append(out, e[j*len(e)/rem])
		}
	}
	return out, d
}

// archetypeGraph returns the simple graph on nodes 0…n−1 with the given
// edges.
func archetypeGraph(n int, edges [][2]int, directed bool) graph.Graph {
	if directed {
		g := simple.NewDirectedGraph()
		for i := range n {
			g.AddNode(simple.Node(int64(i)))
		}
		for _, e := range edges {
			g.SetEdge(simple.Edge{F: simple.Node(int64(e[0])), T: simple.Node(int64(e[1]))})
		}
		return g
	}
	g := simple.NewUndirectedGraph()
	for i := range n {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, e := range edges {
		g.SetEdge(simple.Edge{F: simple.Node(int64(e[0])), T: simple.Node(int64(e[1]))})
	}
	return g
}
