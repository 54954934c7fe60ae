package plots

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// Graph is a typed network to draw with LayeredNetwork or NetworkGraph:
// nodes of several kinds, edges of several kinds, directed or not, with
// weights. Nodes and edges refer to each other by ID, so a caller can
// build a Graph from any network (the ledger network, a merged case
// network, an edge list) without knowing plots' internals.
type Graph struct {
	// Nodes are the nodes; IDs must be unique and not empty. Ties in the
	// layouts are broken by ID, so a drawing does not depend on the
	// order of Nodes.
	Nodes []GraphNode
	// Edges are the ties; From and To are node IDs. Several edges between
	// the same two nodes are drawn on top of each other (merge them first
	// if they should add up).
	Edges []GraphEdge
	// KindOrder fixes each node kind's colour and shape, and the legend
	// order. The i-th kind listed (from 0, repeats ignored) is drawn in
	// DataColor(i) with the i-th node shape (circle, square, up
	// triangle, diamond, down triangle, hexagon), whether or not the
	// other kinds are present, so a kind looks the same in every figure
	// drawn with the same KindOrder. Kinds that some node has but that
	// are not listed follow all of KindOrder, sorted; their positions
	// depend on which such kinds are present, so list every kind that
	// should keep its look across figures.
	//
	// There are seven colours and six shapes: the 8th kind takes the
	// 1st colour again with the 2nd shape, and so on, so that no two of
	// the first 42 kinds share both colour and shape.
	//
	// The legend shows only the kinds that some node has, in this order.
	KindOrder []string
	// KindLabels maps a node kind to its legend label; a kind without
	// one is shown as is.
	KindLabels map[string]string
	// EdgeKindOrder fixes the line style of edge kinds in the
	// force-directed drawing: the i-th is drawn solid, dashed, dotted,
	// dash-dotted, dash-dot-dotted, then again. Edge kinds not listed
	// follow, sorted. If
	// every edge has the same kind, the legend shows no edge kinds. The
	// layered drawing draws every edge solid and shows no edge kinds.
	EdgeKindOrder []string
	// EdgeKindLabels maps an edge kind to its legend label.
	EdgeKindLabels map[string]string
	// SizeLabel names what node size shows, such as "betweenness"; the
	// force-directed drawing prints it in the legend ("Node area by
	// betweenness"). Empty: no note. The layered drawing shows no note.
	SizeLabel string
	// WeightLabel names what edge width shows, such as "amount (CNY)",
	// in the legend of the force-directed drawing, as SizeLabel does.
	WeightLabel string
	// WeightAmount says that the weights are amounts in CNY: the
	// edge-width key writes them as the amount axes do (M and k; 万 and
	// 亿 in Chinese). Other weights, and the values of the node-size
	// key, are written as tables write numbers: four significant
	// digits, the integral part whole and grouped in thousands ("1,090",
	// not "1.09 k"); in Chinese in 万 and 亿 from 10⁴.
	WeightAmount bool
	// LabelsZH gives the Chinese of the legend's words: of the kind and
	// edge-kind labels, SizeLabel and WeightLabel, by their English. A
	// word without one is shown in English.
	LabelsZH map[string]string
	// Layout chooses NetworkGraph's layout; the zero value is
	// LayoutAuto. LayeredNetwork ignores it.
	Layout Layout
	// Seed seeds the force-directed layout's initial positions. The same
	// graph and seed give the same drawing.
	Seed uint64
}

// GraphNode is a node of a Graph.
type GraphNode struct {
	// ID identifies the node; it must be unique and not empty.
	ID string
	// Label is the English label (ID if empty); LabelZH is the Chinese
	// label, used with LangZH or LangBoth.
	Label, LabelZH string
	// Kind selects the node's colour and shape (see Graph.KindOrder).
	Kind string
	// Layer is the node's column in LayeredNetwork, from 0 at the left
	// (in a ledger: 0 the contractor, 1 intermediary signatories, 2 end
	// users); it must not be negative. NetworkGraph ignores it and
	// computes the layers from the edges (GraphLayers).
	Layer int
	// Size sets the node's area, such as a centrality score, in any
	// unit: only Size/max(Size) counts. It must be finite and not
	// negative. The radius is given in the docs of LayeredNetwork and
	// NetworkGraph; if every Size is 0, all nodes are drawn the same
	// size.
	Size float64
}

// GraphEdge is an edge of a Graph.
type GraphEdge struct {
	// From and To are node IDs.
	From, To string
	// Weight sets the line width, 0.5 pt at 0 to 3 pt at the largest
	// weight, linearly, in any unit: only Weight/max(Weight) counts. It
	// must be finite and not negative.
	Weight float64
	// Directed draws an arrowhead at To.
	Directed bool
	// Kind selects the line style of the force-directed drawing (see
	// Graph.EdgeKindOrder).
	Kind string
}

// Layout is a layout algorithm of NetworkGraph.
type Layout string

// Layouts.
const (
	// LayoutAuto is LayoutLayered when the graph has edges, every edge
	// is directed and there is no directed cycle, else LayoutForce.
	LayoutAuto Layout = ""
	// LayoutForce is the force-directed layout of Fruchterman and
	// Reingold.
	LayoutForce Layout = "force"
	// LayoutLayered is the layered (Sugiyama) layout of LayeredNetwork,
	// with each node in the layer of its longest path from a source.
	LayoutLayered Layout = "layered"
)

// ParseLayout returns the layout named s: "auto" (or ""), "force" or
// "layered".
func ParseLayout(s string) (Layout, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return LayoutAuto, nil
	case "force":
		return LayoutForce, nil
	case "layered":
		return LayoutLayered, nil
	}
	return "", fmt.Errorf("plots: unknown layout %q (want auto, force or layered)", s)
}

// validateGraph checks g for both drawings: nodes, unique IDs, edges
// between two different nodes, sizes and weights finite and not negative,
// and, if layers is true, layers not negative.
func validateGraph(g Graph, layers bool) error {
	if len(g.Nodes) == 0 {
		return errors.New("plots: network has no nodes")
	}
	seen := make(map[string]int, len(g.Nodes))
	for i, v := range g.Nodes {
		switch {
		case v.ID == "":
			return fmt.Errorf("plots: node %d has no ID", i)
		case layers && v.Layer < 0:
			return fmt.Errorf("plots: node %q: negative layer %d", v.ID, v.Layer)
		case !finite(v.Size) || v.Size < 0:
			return fmt.Errorf("plots: node %q: bad size %v", v.ID, v.Size)
		}
		if j, dup := seen[v.ID]; dup {
			return fmt.Errorf("plots: nodes %d and %d have the same ID %q", j, i, v.ID)
		}
		seen[v.ID] = i
	}
	for i, e := range g.Edges {
		_, okf := seen[e.From]
		_, okt := seen[e.To]
		switch {
		case !okf || !okt:
			return fmt.Errorf("plots: edge %d (%s→%s) names a missing node", i, e.From, e.To)
		case e.From == e.To:
			return fmt.Errorf("plots: edge %d: self-loop on node %q", i, e.From)
		case !finite(e.Weight) || e.Weight < 0:
			return fmt.Errorf("plots: edge %d (%s→%s): bad weight %v", i, e.From, e.To, e.Weight)
		}
	}
	return nil
}

// ends returns the node indices of every edge of g, From then To; g must
// be valid.
func (g Graph) ends() [][2]int {
	idx := make(map[string]int, len(g.Nodes))
	for i, v := range g.Nodes {
		idx[v.ID] = i
	}
	ends := make([][2]int, len(g.Edges))
	for i, e := range g.Edges {
		ends[i] = [2]int{idx[e.From], idx[e.To]}
	}
	return ends
}

// GraphLayers returns the layer of each node of g (in node order): the
// length of the longest directed path ending at it. ok is false if an
// edge is undirected or the graph has a directed cycle.
func GraphLayers(g Graph) (layers []int, ok bool) {
	idx := map[string]int{}
	for i, v := range g.Nodes {
		idx[v.ID] = i
	}
	n := len(g.Nodes)
	indeg := make([]int, n)
	out := make([][]int, n)
	for _, e := range g.Edges {
		if !e.Directed {
			return nil, false
		}
		f, t := idx[e.From], idx[e.To]
		out[f] = append(out[f], t)
		indeg[t]++
	}
	layers = make([]int, n)
	var queue []int
	for i := range n {
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	seen := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		seen++
		for _, v := range out[u] {
			layers[v] = max(layers[v], layers[u]+1)
			if indeg[v]--; indeg[v] == 0 {
				queue = append(queue, v)
			}
		}
	}
	return layers, seen == n
}

// kindStyles gives every kind of node (or of edge) a style index: the
// colour and shape of a node kind, the line style of an edge kind.
type kindStyles struct {
	shown []string       // kinds in the legend, in index order
	names []string       // legend names of shown
	index map[string]int // style index of every kind listed or present
}

// newKindStyles gives every kind in present a style index: its position
// in order (repeats ignored), whether or not the kinds before it are
// present, then the kinds that order does not list, sorted. The kinds
// shown are the present ones in index order, named by labels (a kind
// without a label, or with an empty one, by itself).
func newKindStyles(order []string, present map[string]bool, labels map[string]string) kindStyles {
	ks := kindStyles{index: make(map[string]int, len(order)+len(present))}
	for _, k := range order {
		if _, dup := ks.index[k]; !dup {
			ks.index[k] = len(ks.index)
			if present[k] {
				ks.shown = append(ks.shown, k)
			}
		}
	}
	var extra []string
	for k := range present {
		if _, listed := ks.index[k]; !listed {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		ks.index[k] = len(ks.index)
	}
	ks.shown = append(ks.shown, extra...)
	for _, k := range ks.shown {
		name := k
		if l := labels[k]; l != "" {
			name = l
		}
		ks.names = append(ks.names, name)
	}
	return ks
}

// nodeKinds returns the styles of g's node kinds (Graph.KindOrder).
func nodeKinds(fs *fontSet, g Graph) kindStyles {
	present := make(map[string]bool, len(g.Nodes))
	for _, v := range g.Nodes {
		present[v.Kind] = true
	}
	return g.translate(fs, newKindStyles(g.KindOrder, present, g.KindLabels))
}

// translate puts the legend names of ks in the figure's language, by
// g.LabelsZH.
func (g Graph) translate(fs *fontSet, ks kindStyles) kindStyles {
	for i, name := range ks.names {
		ks.names[i] = fs.pick(name, g.LabelsZH[name], " / ")
	}
	return ks
}

// edgeKinds returns the styles of g's edge kinds (Graph.EdgeKindOrder);
// none are shown if all edges share one kind.
func edgeKinds(fs *fontSet, g Graph) kindStyles {
	present := map[string]bool{}
	for _, e := range g.Edges {
		present[e.Kind] = true
	}
	ks := newKindStyles(g.EdgeKindOrder, present, g.EdgeKindLabels)
	if len(present) <= 1 {
		ks.shown, ks.names = nil, nil
	}
	return g.translate(fs, ks)
}

// englishLabel returns v's English label: Label, or ID if it is empty.
func englishLabel(v GraphNode) string {
	if v.Label == "" {
		return v.ID
	}
	return v.Label
}

// Edge widths, in points: linear in the weight, from edgeMinWidth at 0 to
// edgeMaxWidth at the largest weight.
const (
	edgeMinWidth = 0.5
	edgeMaxWidth = 3
)

// nodeRadii returns the radius of every node: the node's area grows
// linearly with Size, from that of a disc of radius r0 at Size 0 to that
// of a disc of radius rMax at the largest Size, and no node is smaller
// than rMin:
//
//	r = max(rMin, √(r0² + (rMax² − r0²)·Size/max(Size)))
//
// With r0 = 0 the area is proportional to Size. If every Size is 0, every
// node has radius (rMin+rMax)/2.
func nodeRadii(nodes []GraphNode, r0, rMin, rMax vg.Length) []vg.Length {
	maxSize := 0.0
	for _, v := range nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	// r is computed as rMax·√(z + (1−z)·f) with z = (r0/rMax)², which is
	// the formula above; in this form r0 = 0 gives rMax·√f exactly.
	z := 0.0
	if r0 != 0 {
		z = float64(r0/rMax) * float64(r0/rMax)
	}
	radius := make([]vg.Length, len(nodes))
	for i, v := range nodes {
		if maxSize == 0 {
			radius[i] = (rMin + rMax) / 2
			continue
		}
		f := v.Size / maxSize
		radius[i] = max(rMin, rMax*vg.Length(math.Sqrt(z+(1-z)*f)))
	}
	return radius
}

// arrowhead returns the arrowhead of a line of width w that ends at tip,
// heading in the direction (ux, uy), a unit vector: a triangle
// 3.5 pt + 1.2·w long and 0.9 times as wide, with its point at tip; and
// the point where the line should stop, 0.8 of the length back from tip.
// Stroke the line first, then fill head with edgeColor.
func arrowhead(tip vg.Point, ux, uy, w vg.Length) (base vg.Point, head vg.Path) {
	length := 3.5 + 1.2*w
	base = vg.Point{X: tip.X - ux*length*0.8, Y: tip.Y - uy*length*0.8}
	half := length * 0.45
	head.Move(tip)
	head.Line(vg.Point{X: tip.X - ux*length - uy*half, Y: tip.Y - uy*length + ux*half})
	head.Line(vg.Point{X: tip.X - ux*length + uy*half, Y: tip.Y - uy*length - ux*half})
	head.Close()
	return base, head
}

// edgeDashes are the line styles of edge kinds.
var edgeDashes = [][]vg.Length{nil, {4, 2}, {1, 1.5}, {5, 1.5, 1, 1.5}, {5, 1.5, 1, 1.5, 1, 1.5}}

// Parameters of the force-directed drawing.
const (
	frIterations = 600
	forceMinR    = 2.5 // node radius at Size 0, pt
	forceMaxR    = 8   // node radius at the largest Size, pt
)

// NetworkGraph returns a drawing of any typed network g.
//
// With LayoutLayered, or LayoutAuto on a graph with edges, all directed
// and without a directed cycle, g is drawn as LayeredNetwork draws it
// (node radii, solid edges, no notes), each node in the layer of its
// longest path from a node without incoming edges (GraphLayers).
//
// Otherwise the layout is force-directed (ForceLayout) and a node of
// Size s has the radius
//
//	r = √(2.5² + (8² − 2.5²)·s/max(Size)) pt
//
// so its area is affine in s, from a radius of 2.5 pt at 0 to 8 pt at
// the largest Size. Nodes are coloured and shaped by kind, edges straight,
// as wide as Weight says, styled by kind, with an arrowhead at To if
// directed; the legend at the top shows the node and edge kinds and the
// size and weight notes. Each label takes the first of eight places
// around its node (right, left, above, below, then the diagonals; largest
// nodes first) where it overlaps no node and no label; a label that fits
// nowhere is left out, and the legend says how many were. The default
// size is DoubleColumn by 120 mm.
//
// It is an error if g has no nodes, an ID is empty or repeated, an edge
// names a missing node or is a self-loop, a size or weight is negative or
// not finite, or LayoutLayered is asked for a graph with an undirected
// edge or a directed cycle.
func NetworkGraph(title string, g Graph, opts Options) (*Figure, error) {
	if err := validateGraph(g, false); err != nil {
		return nil, err
	}
	layered, err := useLayered(g)
	if err != nil {
		return nil, err
	}
	if layered {
		layers, _ := GraphLayers(g)
		return withEnglishFallback(opts, func(o Options) (*Figure, error) { return layeredNetwork(title, g, layers, o) })
	}
	return withEnglishFallback(opts, func(o Options) (*Figure, error) {
		f, _, err := networkGraph(title, g, o)
		return f, err
	})
}

func useLayered(g Graph) (bool, error) {
	switch g.Layout {
	case LayoutForce:
		return false, nil
	case LayoutLayered:
		if _, ok := GraphLayers(g); !ok {
			return false, errors.New("plots: the layered layout needs every edge directed and no directed cycle")
		}
		return true, nil
	case LayoutAuto:
		_, ok := GraphLayers(g)
		return ok && len(g.Edges) > 0, nil
	}
	return false, fmt.Errorf("plots: unknown layout %q", g.Layout)
}

// ForceLayout returns the force-directed positions of g's nodes (in node
// order) in the unit square [0, 1]², as NetworkGraph computes them: the
// layout of Fruchterman and Reingold, "Graph drawing by force-directed
// placement", Software: Practice and Experience 21(11), 1991,
// doi:10.1002/spe.4380211102, with a weak pull to the centre, for a fixed
// 600 iterations with linear cooling, from positions drawn from
// rand.NewPCG(g.Seed, g.Seed). The positions depend only on the nodes'
// IDs, the edges and the seed, not on the order of g.Nodes and g.Edges.
func ForceLayout(g Graph) [][2]float64 {
	// Nodes start at random positions in ID order; they repel each other
	// with force k²/d and attract along edges with force d²/k, where
	// k = sqrt(area/n); the pull to the centre keeps components together.
	n := len(g.Nodes)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(g.Nodes[a].ID, g.Nodes[b].ID) })
	rank := make([]int, n) // node index → position in ID order
	for r, i := range order {
		rank[i] = r
	}
	idx := map[string]int{}
	for i, v := range g.Nodes {
		idx[v.ID] = rank[i]
	}
	// Positions and edges in ID order.
	rng := rand.New(rand.NewPCG(g.Seed, g.Seed))
	pos := make([][2]float64, n)
	for i := range pos {
		pos[i] = [2]float64{rng.Float64(), rng.Float64()}
	}
	type pair struct{ a, b int }
	var edges []pair
	seen := map[pair]bool{}
	for _, e := range g.Edges {
		a, b := idx[e.From], idx[e.To]
		if a > b {
			a, b = b, a
		}
		if !seen[pair{a, b}] {
			seen[pair{a, b}] = true
			edges = append(edges, pair{a, b})
		}
	}
	slices.SortFunc(edges, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	if n > 1 {
		k := math.Sqrt(1 / float64(n))
		disp := make([][2]float64, n)
		t0 := 0.1
		for it := range frIterations {
			for i := range disp {
				disp[i] = [2]float64{}
			}
			for i := range n {
				for j := i + 1; j < n; j++ {
					dx, dy := pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]
					d := math.Max(math.Hypot(dx, dy), 1e-6)
					f := k * k / d
					disp[i][0] += dx / d * f
					disp[i][1] += dy / d * f
					disp[j][0] -= dx / d * f
					disp[j][1] -= dy / d * f
				}
			}
			for _, e := range edges {
				dx, dy := pos[e.a][0]-pos[e.b][0], pos[e.a][1]-pos[e.b][1]
				d := math.Max(math.Hypot(dx, dy), 1e-6)
				f := d * d / k
				disp[e.a][0] -= dx / d * f
				disp[e.a][1] -= dy / d * f
				disp[e.b][0] += dx / d * f
				disp[e.b][1] += dy / d * f
			}
			t := t0 * (1 - float64(it)/frIterations)
			for i := range n {
				// Gravity towards the centre keeps components together.
				disp[i][0] -= (pos[i][0] - 0.5) * k * 0.4
				disp[i][1] -= (pos[i][1] - 0.5) * k * 0.4
				d := math.Hypot(disp[i][0], disp[i][1])
				if d > 0 {
					s := math.Min(d, t) / d
					pos[i][0] += disp[i][0] * s
					pos[i][1] += disp[i][1] * s
				}
			}
		}
	}
	// Scale to the unit square, keeping the aspect ratio.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	span := math.Max(maxX-minX, maxY-minY)
	out := make([][2]float64, n)
	for i := range g.Nodes {
		p := pos[rank[i]]
		if span == 0 {
			out[i] = [2]float64{0.5, 0.5}
			continue
		}
		out[i] = [2]float64{(p[0]-minX)/span + (1-(maxX-minX)/span)/2, (p[1]-minY)/span + (1-(maxY-minY)/span)/2}
	}
	return out
}

// networkGraph draws the valid graph g with the force-directed layout
// and returns the figure and its plotter.
func networkGraph(title string, g Graph, opts Options) (*Figure, *graphPlot, error) {
	if err := opts.check(); err != nil {
		return nil, nil, err
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, nil, err
	}
	fig, err := newFigure(title, opts, fs, DoubleColumn, 120*vg.Millimeter)
	if err != nil {
		return nil, nil, err
	}
	gp := &graphPlot{g: g, ends: g.ends(), pos: ForceLayout(g), labels: make([]string, len(g.Nodes))}
	for i, v := range g.Nodes {
		gp.labels[i] = fs.pick(englishLabel(v), v.LabelZH, "\n")
	}
	if gp.labelStyle, err = fs.style(strings.Join(gp.labels, ""), MinTextSize+1, false); err != nil {
		return nil, nil, err
	}
	gp.radius = nodeRadii(g.Nodes, forceMinR, forceMinR, forceMaxR)
	maxSize := 0.0
	for _, v := range g.Nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	gp.legend = legend{marker: 3.2, gap: 10, nodes: nodeKinds(fs, g), edges: edgeKinds(fs, g),
		size: sizeKey(fs, g, func(v float64) vg.Length {
			return nodeRadii([]GraphNode{{Size: v}, {Size: maxSize}}, forceMinR, forceMinR, forceMaxR)[0]
		}, forceMaxR),
		width: widthKey(fs, g)}
	// The note of the labels left out is measured in the legend's font;
	// its words and the names must be drawable.
	all := gp.legend.text() + omittedNote(fs, gp.labels, len(gp.labels))
	if gp.legend.style, err = fs.style(all, TickSize, false); err != nil {
		return nil, nil, err
	}
	p := plot.New()
	p.HideAxes()
	p.BackgroundColor = nil
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(gp)
	fig.Panels = [][]*plot.Plot{{p}}
	// Lay out to find the labels left out, and list them in the legend,
	// which changes the room left. The legend keeps the room of its
	// tallest notes so far (legend.reserve), so the room only shrinks;
	// when a note fits the room kept, the layout, and so the labels left
	// out, stay as they were: the loop ends with a note that names
	// exactly the labels left out of the drawing.
	measure := func() {
		fig.Draw(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: fig.Width, Y: fig.Height}}})
	}
	measure()
	for range len(g.Nodes) + 2 {
		var note []string
		if n := omittedNote(fs, gp.omitted, graphOmittedShown); n != "" {
			note = []string{n}
		}
		if slices.Equal(note, gp.legend.notes) {
			break
		}
		gp.legend.notes = note
		measure()
	}
	fig.finish(fs)
	return fig, gp, nil
}

// graphOmittedShown is the number of labels left out that the note of
// the force-directed drawing names; it counts the others.
const graphOmittedShown = 6

// graphPlot draws a Graph with the force-directed layout.
type graphPlot struct {
	g          Graph
	ends       [][2]int // node indices of each edge
	pos        [][2]float64
	radius     []vg.Length
	labels     []string
	labelStyle text.Style
	legend     legend

	// Outcome of the last Plot: the labels left out and their nodes (in
	// order of importance), and where everything went.
	omitted    []string
	omittedIdx []int
	geom       netGeometry
}

// labelOrder returns the nodes of g in the order their labels are placed:
// by Size (what the drawing shows), then by degree, then by ID, so that
// the most important nodes are labelled first.
func labelOrder(g Graph, ends [][2]int) []int {
	deg := make([]int, len(g.Nodes))
	for _, e := range ends {
		deg[e[0]]++
		deg[e[1]]++
	}
	order := make([]int, len(g.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(g.Nodes[b].Size, g.Nodes[a].Size), cmp.Compare(deg[b], deg[a]), cmp.Compare(g.Nodes[a].ID, g.Nodes[b].ID))
	})
	return order
}

// Plot implements plot.Plotter.
func (gp *graphPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	g := gp.g
	top := gp.legend.draw(c)
	area := c.Rectangle
	area.Max.Y -= top + 4
	// Room for labels at the sides.
	marginX := min(vg.Length(70), (area.Max.X-area.Min.X)/5)
	marginY := vg.Length(14)
	inner := vg.Rectangle{Min: vg.Point{X: area.Min.X + marginX, Y: area.Min.Y + marginY}, Max: vg.Point{X: area.Max.X - marginX, Y: area.Max.Y - marginY}}
	w, h := inner.Max.X-inner.Min.X, inner.Max.Y-inner.Min.Y
	n := len(g.Nodes)
	pts := make([]vg.Point, n)
	for i, p := range gp.pos {
		pts[i] = vg.Point{X: inner.Min.X + vg.Length(p[0])*w, Y: inner.Min.Y + vg.Length(p[1])*h}
	}
	radius := gp.radius
	gp.geom = netGeometry{}
	maxW := 0.0
	for _, e := range g.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	reverse := map[[2]int]bool{}
	for _, ab := range gp.ends {
		reverse[ab] = true
	}
	// Edges, heaviest last so they stay visible.
	order := make([]int, len(g.Edges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(g.Edges[a].Weight, g.Edges[b].Weight) })
	for _, ei := range order {
		e := g.Edges[ei]
		a, b := gp.ends[ei][0], gp.ends[ei][1]
		lw := edgeWidth(e.Weight, maxW)
		pa, pb := pts[a], pts[b]
		d := dist(pa, pb)
		if d < radius[a]+radius[b]+1 {
			continue
		}
		ux, uy := (pb.X-pa.X)/d, (pb.Y-pa.Y)/d
		// Offset a pair of opposite directed edges so both show.
		var off vg.Length
		if e.Directed && reverse[[2]int{b, a}] {
			off = 1.5 + lw/2
		}
		ox, oy := -uy*off, ux*off
		start := vg.Point{X: pa.X + ux*radius[a] + ox, Y: pa.Y + uy*radius[a] + oy}
		end := vg.Point{X: pb.X - ux*(radius[b]+1) + ox, Y: pb.Y - uy*(radius[b]+1) + oy}
		sty := draw.LineStyle{Color: edgeColor, Width: lw, Dashes: edgeDashes[gp.legend.edges.index[e.Kind]%len(edgeDashes)]}
		gp.geom.edges = append(gp.geom.edges, []vg.Point{start, end})
		if !e.Directed {
			c.StrokeLine2(sty, start.X, start.Y, end.X, end.Y)
			continue
		}
		base, head := arrowhead(end, ux, uy, lw)
		c.StrokeLine2(sty, start.X, start.Y, base.X, base.Y)
		c.SetColor(edgeColor)
		c.Fill(head)
		gp.geom.heads = append(gp.geom.heads, pathPoints(head))
	}
	// Nodes, largest first so small ones stay on top.
	nodes := make([]int, n)
	for i := range nodes {
		nodes[i] = i
	}
	slices.SortStableFunc(nodes, func(a, b int) int {
		return cmp.Or(cmp.Compare(g.Nodes[b].Size, g.Nodes[a].Size), cmp.Compare(g.Nodes[a].ID, g.Nodes[b].ID))
	})
	for _, i := range nodes {
		k := gp.legend.nodes.index[g.Nodes[i].Kind]
		drawShape(c, k, pts[i], radius[i], DataColor(k))
	}
	gp.geom.nodes = make([]vg.Rectangle, n)
	for i := range n {
		r := radius[i] * shapeReach
		gp.geom.nodes[i] = vg.Rectangle{Min: vg.Point{X: pts[i].X - r, Y: pts[i].Y - r}, Max: vg.Point{X: pts[i].X + r, Y: pts[i].Y + r}}
	}
	bounds := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X, Y: area.Max.Y}}
	gp.omitted, gp.omittedIdx = nil, nil
	for _, i := range labelOrder(g, gp.ends) {
		lbl := gp.labels[i]
		box, leader, ok := placeLabel(gp.labelStyle, lbl, pts[i], radius[i], i, bounds, &gp.geom)
		// A label that finds no place beside its node on one line is tried
		// on two: a narrower box fits between crowded neighbours, and sits
		// by its node instead of at the end of a leader line.
		if w := wrapLabel(lbl); w != "" && (!ok || leader != nil) {
			if wb, wl, wok := placeLabel(gp.labelStyle, w, pts[i], radius[i], i, bounds, &gp.geom); wok && wl == nil {
				lbl, box, leader, ok = w, wb, nil, true
			}
		}
		if !ok {
			gp.omitted = append(gp.omitted, gp.labels[i])
			gp.omittedIdx = append(gp.omittedIdx, i)
			continue
		}
		if leader != nil {
			c.StrokeLines(draw.LineStyle{Color: mutedColor, Width: 0.4}, leader)
		}
		s := gp.labelStyle
		s.XAlign, s.YAlign = text.XLeft, text.YBottom
		c.SetColor(labelHalo)
		c.Fill(box.Path())
		c.FillText(s, box.Min, lbl)
		gp.geom.labels = append(gp.geom.labels, box)
		gp.geom.owner = append(gp.geom.owner, i)
	}
}

// pathPoints returns the points of a path of straight segments.
func pathPoints(p vg.Path) []vg.Point {
	var pts []vg.Point
	for _, c := range p {
		if c.Type == vg.MoveComp || c.Type == vg.LineComp {
			pts = append(pts, c.Pos)
		}
	}
	return pts
}

// boundsOf returns the bounding box of pts.
func boundsOf(pts []vg.Point) vg.Rectangle {
	r := vg.Rectangle{Min: pts[0], Max: pts[0]}
	for _, p := range pts[1:] {
		r.Min.X, r.Min.Y = min(r.Min.X, p.X), min(r.Min.Y, p.Y)
		r.Max.X, r.Max.Y = max(r.Max.X, p.X), max(r.Max.Y, p.Y)
	}
	return r
}

// wrapLabel returns the one-line label lbl on two lines, broken at the
// space nearest its middle (the earlier of two as near), or "" if lbl
// has no space inside it or is on two lines already (a bilingual label).
func wrapLabel(lbl string) string {
	if strings.Contains(lbl, "\n") {
		return ""
	}
	r := []rune(lbl)
	best, mid := -1, len(r)/2
	for i, c := range r {
		if c == ' ' && i > 0 && i < len(r)-1 && (best < 0 || absInt(i-mid) < absInt(best-mid)) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return string(r[:best]) + "\n" + string(r[best+1:])
}

// absInt returns |x|.
func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Label placement of the force-directed drawing.
const (
	leaderRing = 1 // rings from this one on get a leader line
	// shapeReach is how far, in radii, a node shape reaches from its
	// centre in x or y: a triangle of the area of a disc of radius r has
	// its apex 1.56r from the centre and its base corners ±1.35r.
	shapeReach = 1.56
)

// labelRings are the distances, beyond the node's radius, of the rings of
// candidate label positions.
var labelRings = []vg.Length{1.5, 6, 12, 20, 30, 42}

// labelPlaces returns the lower-left corners of the candidate boxes, w by
// h, of a label at distance gap from the node at p: right, left, above,
// below, the four diagonals, then the eight directions between those.
// The box touches the circle of radius gap at the point in its direction:
// its near side or corner is there, or its middle for directions within
// about 17° of the vertical or horizontal.
func labelPlaces(p vg.Point, gap, w, h vg.Length) []vg.Point {
	out := make([]vg.Point, 0, len(labelDirs))
	for _, deg := range labelDirs {
		a := float64(deg) * math.Pi / 180
		cx, cy := math.Cos(a), math.Sin(a)
		q := vg.Point{X: p.X + gap*vg.Length(cx), Y: p.Y + gap*vg.Length(cy)}
		switch {
		case cx > 0.3:
		case cx < -0.3:
			q.X -= w
		default:
			q.X -= w / 2
		}
		switch {
		case cy > 0.3:
		case cy < -0.3:
			q.Y -= h
		default:
			q.Y -= h / 2
		}
		out = append(out, q)
	}
	return out
}

// labelDirs are the directions of labelPlaces, in degrees.
var labelDirs = []int{0, 180, 90, 270, 45, 135, 315, 225, 22, 158, 338, 202, 68, 112, 292, 248}

// placeLabel finds a place for the label lbl of the node at p of radius r
// (node index self): on six rings around the node (labelRings), sixteen
// places on each (labelPlaces), the
// label must lie inside bounds and overlap no node, no label placed
// before and no arrowhead; a label on an outer ring gets a leader line,
// which must not cross a node or a label either. Of the places left, the
// one whose box is crossed by the fewest edges wins, then the inner
// ring, then the earlier place; the outer rings are tried only if every
// place on the inner ones is crossed by an edge. It returns the label's box and its leader line
// (nil on the inner ring), or ok false if no place is left. Places are
// measured from the node's reach (shapeReach·r), so a label does not
// touch its own node whatever the shape.
func placeLabel(sty text.Style, lbl string, p vg.Point, r vg.Length, self int, bounds vg.Rectangle, geom *netGeometry) (box vg.Rectangle, leader []vg.Point, ok bool) {
	lw, lh := sty.Width(lbl), sty.Height(lbl)
	best := math.Inf(1)
	for ring, d := range labelRings {
		cands := labelPlaces(p, shapeReach*r+d, lw, lh)
		for ci, q := range cands {
			b := vg.Rectangle{Min: q, Max: vg.Point{X: q.X + lw, Y: q.Y + lh}}
			if b.Min.X < bounds.Min.X || b.Max.X > bounds.Max.X || b.Min.Y < bounds.Min.Y || b.Max.Y > bounds.Max.Y {
				continue
			}
			var lead []vg.Point
			if ring >= leaderRing {
				near := vg.Point{X: max(b.Min.X, min(p.X, b.Max.X)), Y: max(b.Min.Y, min(p.Y, b.Max.Y))}
				dd := dist(p, near)
				if dd <= r {
					continue
				}
				from := vg.Point{X: p.X + (near.X-p.X)*r/dd, Y: p.Y + (near.Y-p.Y)*r/dd}
				lead = []vg.Point{from, near}
			}
			if clashes(b, lead, self, geom) {
				continue
			}
			hits := 0
			for _, e := range geom.edges {
				for k := 0; k+1 < len(e); k++ {
					if segmentHitsBox(e[k], e[k+1], b) {
						hits++
						break
					}
				}
			}
			score := float64(hits)*10 + float64(ring)*4 + float64(ci)*0.01
			if score < best {
				best, box, leader, ok = score, b, lead, true
			}
		}
		if ok && best < 10 { // a place clear of edges: take it
			return box, leader, true
		}
	}
	return box, leader, ok
}

// clashes reports whether the label box b or its leader line overlaps a
// node other than self, a label placed before or an arrowhead. The
// places of placeLabel keep clear of the node self by construction: the
// diagonal places have their near corner at (1.09r, 1.09r) from the
// centre, outside every shape.
func clashes(b vg.Rectangle, lead []vg.Point, self int, geom *netGeometry) bool {
	for j, o := range geom.nodes {
		if j != self && (boxesOverlap(b, o) || lead != nil && segmentHitsBox(lead[0], lead[1], o)) {
			return true
		}
	}
	for _, o := range geom.labels {
		if boxesOverlap(b, o) || (lead != nil && segmentHitsBox(lead[0], lead[1], o)) {
			return true
		}
	}
	for _, h := range geom.heads {
		if boxesOverlap(b, boundsOf(h)) {
			return true
		}
	}
	return false
}
