package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics"
)

// Limits of a network drawing that stays legible at a journal's column
// width: DrawNodeLimit nodes and DrawEdgeLimit edges. Beyond them a
// network is drawn in part (DrawSubset).
const (
	DrawNodeLimit = 150
	DrawEdgeLimit = 600
)

// DrawSelection is the part of a network that a drawing shows.
type DrawSelection struct {
	// Nodes are the ids of the nodes drawn, ascending; the edges drawn
	// are those among them (the induced subgraph).
	Nodes []int64
	// Edges is the number of edges among Nodes.
	Edges int
	// Whole says that every node is drawn.
	Whole bool
	// Core is k when the nodes drawn are the k-core (the nodes of core
	// number at least k, metrics.CoreNumber), 0 otherwise.
	Core int
	// Measure names the measure ranking the nodes when the nodes drawn
	// are the top ones by it ("" otherwise).
	Measure string
	// OfNodes and OfEdges are the size of the whole network.
	OfNodes, OfEdges int
	// Note says in a sentence what is shown, "" when the whole network is.
	Note string
}

// DrawSubset chooses the part of the network g to draw legibly: the whole
// network if it has at most nodeLimit nodes and edgeLimit edges (0 means
// DrawNodeLimit and DrawEdgeLimit); otherwise its densest core that fits,
// the k-core with the smallest k that has at most nodeLimit nodes and
// edgeLimit edges, if that core keeps at least a third of nodeLimit nodes;
// otherwise the nodes that rank highest on score (indexed by node id,
// ties broken by the smaller id; NaN ranks last), as many as fit: at most
// nodeLimit, cut by a fifth until the edges among them are at most
// edgeLimit and at most three a node, less those with no tie to the
// others.
// measure names score in the note. The choice depends only on g, score
// and the limits, so a drawing of it is reproducible.
//
// The core is named by the largest k for which it is the k-core. The
// k-core is the maximal subgraph whose nodes all have degree at least
// k within it (Seidman, S. B. (1983). Network structure and minimum
// degree. Social Networks 5(3):269–287. doi:10.1016/0378-8733(83)90028-X).
// Edge directions are ignored for the core.
func DrawSubset(g graph.Graph, score []float64, measure string, nodeLimit, edgeLimit int) DrawSelection {
	if nodeLimit <= 0 {
		nodeLimit = DrawNodeLimit
	}
	if edgeLimit <= 0 {
		edgeLimit = DrawEdgeLimit
	}
	var ids []int64
	for it := g.Nodes(); it.Next(); {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	total := inducedEdges(g, ids)
	sel := DrawSelection{OfNodes: len(ids), OfEdges: total}
	if len(ids) <= nodeLimit && total <= edgeLimit {
		sel.Nodes, sel.Edges, sel.Whole = ids, total, true
		return sel
	}
	// The k-cores, innermost last: the smallest k whose core fits.
	core := metrics.CoreNumber(g)
	maxK := 0
	for _, k := range core {
		maxK = max(maxK, k)
	}
	for k := 1; k <= maxK; k++ {
		var in []int64
		for _, id := range ids {
			if core[id] >= k {
				in = append(in, id)
			}
		}
		if len(in) > nodeLimit {
			continue
		}
		e := inducedEdges(g, in)
		if e > edgeLimit {
			continue
		}
		if 3*len(in) >= nodeLimit && len(in) > 1 {
			// The same nodes are the k'-core for every k' up to their
			// smallest core number: name the largest.
			for _, id := range in {
				k = max(k, core[id])
			}
			for _, id := range in {
				k = min(k, core[id])
			}
			sel.Nodes, sel.Edges, sel.Core = in, e, k
			sel.Note = fmt.Sprintf("Drawn: the %d-core (%s of %s nodes, %s of %s edges: the nodes with at least %d ties among themselves); the rest of the network is not shown.",
				k, groupInt(len(in)), groupInt(len(ids)), groupInt(e), groupInt(total), k)
			return sel
		}
		break
	}
	// The top nodes by score.
	order := slices.Clone(ids)
	at := func(id int64) float64 {
		if int(id) < len(score) && !math.IsNaN(score[id]) {
			return score[id]
		}
		return math.Inf(-1)
	}
	slices.SortStableFunc(order, func(a, b int64) int { return cmp.Or(cmp.Compare(at(b), at(a)), cmp.Compare(a, b)) })
	n := min(nodeLimit, len(order))
	var top []int64
	var e int
	for {
		top = slices.Clone(order[:n])
		slices.Sort(top)
		e = inducedEdges(g, top)
		// A drawing stays legible up to about three ties a node on
		// average; denser, it is a hairball however it is laid out.
		if (e <= edgeLimit && e <= 3*n) || n <= 2 {
			break
		}
		n = n * 4 / 5
	}
	// A top node with no tie to another top node would float apart
	// from the others and shrink the drawing: it is left out.
	kept := top[:0:0]
	for _, u := range top {
		if hasTieAmong(g, u, top) {
			kept = append(kept, u)
		}
	}
	if len(kept) >= 2 {
		top = kept
	}
	sel.Nodes, sel.Edges, sel.Measure = top, e, measure
	sel.Note = fmt.Sprintf("Drawn: the %s nodes of highest %s of %s that are tied to one another, with the %s edges among them (of %s); the rest of the network is not shown.",
		groupInt(len(top)), measure, groupInt(len(ids)), groupInt(e), groupInt(total))
	return sel
}

// hasTieAmong reports whether u has a tie, in either direction, to
// another node of ids (sorted).
func hasTieAmong(g graph.Graph, u int64, ids []int64) bool {
	for it := g.From(u); it.Next(); {
		if v := it.Node().ID(); v != u {
			if _, ok := slices.BinarySearch(ids, v); ok {
				return true
			}
		}
	}
	if d, ok := g.(graph.Directed); ok {
		for it := d.To(u); it.Next(); {
			if v := it.Node().ID(); v != u {
				if _, ok := slices.BinarySearch(ids, v); ok {
					return true
				}
			}
		}
	}
	return false
}

// inducedEdges counts the edges of g among the nodes ids (sorted).
func inducedEdges(g graph.Graph, ids []int64) int {
	_, directed := g.(graph.Directed)
	n := 0
	for _, u := range ids {
		for it := g.From(u); it.Next(); {
			v := it.Node().ID()
			if _, ok := slices.BinarySearch(ids, v); !ok {
				continue
			}
			if directed || u <= v {
				n++
			}
		}
	}
	return n
}

// groupInt writes an integer with thousands separators: 5000 → "5,000".
func groupInt(n int) string { return numfmt.Group(strconv.Itoa(n)) }
