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
func nodeKinds(g Graph) kindStyles {
	present := make(map[string]bool, len(g.Nodes))
	for _, v := range g.Nodes {
		present[v.Kind] = true
	}
	return newKindStyles(g.KindOrder, present, g.KindLabels)
}

// edgeKinds returns the styles of g's edge kinds (Graph.EdgeKindOrder);
// none are shown if all edges share one kind.
func edgeKinds(g Graph) kindStyles {
	present := map[string]bool{}
	for _, e := range g.Edges {
		present[e.Kind] = true
	}
	ks := newKindStyles(g.EdgeKindOrder, present, g.EdgeKindLabels)
	if len(present) <= 1 {
		ks.shown, ks.names = nil, nil
	}
	return ks
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

// legend is the key of a network drawing: node kinds (marker and name),
// edge kinds (line sample and name) and a note, in rows across the top.
type legend struct {
	style  text.Style
	marker vg.Length // radius of the node markers
	gap    vg.Length // between entries
	nodes  kindStyles
	edges  kindStyles
	note   string
}

// draw draws the legend across the top of c, starting a new row where an
// entry would run past the right edge, and returns the height used.
func (l *legend) draw(c draw.Canvas) vg.Length {
	sty := l.style
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	h := sty.Height("M")
	y := c.Max.Y - h/2
	x := c.Min.X
	// Every shape fits in a box of half-width 1.4r (a triangle of the
	// area of a disc of radius r is 2.7r wide).
	sw := 2.8 * l.marker
	next := func(w vg.Length) {
		if x > c.Min.X && x+w > c.Max.X {
			x = c.Min.X
			y -= h + 2
		}
	}
	for i, name := range l.nodes.names {
		w := sw + 3 + sty.Width(name)
		next(w)
		k := l.nodes.index[l.nodes.shown[i]]
		drawShape(c, k, vg.Point{X: x + sw/2, Y: y}, l.marker, DataColor(k))
		c.FillText(sty, vg.Point{X: x + sw + 3, Y: y}, name)
		x += w + l.gap
	}
	for i, name := range l.edges.names {
		w := 18 + 3 + sty.Width(name)
		next(w)
		k := l.edges.index[l.edges.shown[i]]
		c.StrokeLine2(draw.LineStyle{Color: edgeColor, Width: 1.2, Dashes: edgeDashes[k%len(edgeDashes)]}, x, y, x+18, y)
		c.FillText(sty, vg.Point{X: x + 21, Y: y}, name)
		x += w + l.gap
	}
	if l.note != "" {
		ns := sty
		ns.Color = mutedColor
		next(ns.Width(l.note))
		c.FillText(ns, vg.Point{X: x, Y: y}, l.note)
	}
	return c.Max.Y - y + h/2
}

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
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return networkGraph(title, g, o) })
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

func networkGraph(title string, g Graph, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	fig, err := newFigure(title, opts, fs, DoubleColumn, 120*vg.Millimeter)
	if err != nil {
		return nil, err
	}
	gp := &graphPlot{g: g, ends: g.ends(), pos: ForceLayout(g), labels: make([]string, len(g.Nodes))}
	for i, v := range g.Nodes {
		gp.labels[i] = fs.pick(englishLabel(v), v.LabelZH, "\n")
	}
	if gp.labelStyle, err = fs.style(strings.Join(gp.labels, ""), MinTextSize+1, false); err != nil {
		return nil, err
	}
	gp.legend = legend{marker: 3.2, gap: 10, nodes: nodeKinds(g), edges: edgeKinds(g)}
	if g.SizeLabel != "" {
		gp.legend.note = "Node area by " + g.SizeLabel
	}
	if g.WeightLabel != "" {
		if gp.legend.note != "" {
			gp.legend.note += "; "
		}
		gp.legend.note += "edge width by " + g.WeightLabel
	}
	all := strings.Join(gp.legend.nodes.names, "") + strings.Join(gp.legend.edges.names, "") + gp.legend.note
	if gp.legend.style, err = fs.style(all, TickSize, false); err != nil {
		return nil, err
	}
	p := plot.New()
	p.HideAxes()
	p.BackgroundColor = nil
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(gp)
	fig.Panels = [][]*plot.Plot{{p}}
	// Lay out to count the labels left out, and say so in the legend
	// (which changes the room left, hence the loop).
	base := gp.legend.note
	measure := func() {
		fig.Draw(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: fig.Width, Y: fig.Height}}})
	}
	measure()
	for range 3 {
		if gp.omitted == 0 {
			break
		}
		k := gp.omitted
		gp.legend.note = strings.TrimPrefix(base+fmt.Sprintf("; %d labels left out to avoid overlaps", k), "; ")
		measure()
		if gp.omitted == k {
			break
		}
	}
	fig.finish(fs)
	return fig, nil
}

// graphPlot draws a Graph with the force-directed layout.
type graphPlot struct {
	g          Graph
	ends       [][2]int // node indices of each edge
	pos        [][2]float64
	labels     []string
	labelStyle text.Style
	legend     legend
	omitted    int // labels left out by the last Plot
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
	radius := nodeRadii(g.Nodes, forceMinR, forceMinR, forceMaxR)
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
		// The width of the layered drawing, but rounded differently:
		// (max−min)·Weight/maxW there is (max−min)·(Weight/maxW).
		lw := vg.Length(edgeMinWidth)
		if maxW > 0 {
			lw += vg.Length((edgeMaxWidth - edgeMinWidth) * e.Weight / maxW)
		}
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
		if !e.Directed {
			c.StrokeLine2(sty, start.X, start.Y, end.X, end.Y)
			continue
		}
		base, head := arrowhead(end, ux, uy, lw)
		c.StrokeLine2(sty, start.X, start.Y, base.X, base.Y)
		c.SetColor(edgeColor)
		c.Fill(head)
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
	// Labels: greedy placement, largest nodes first.
	var placed []vg.Rectangle
	for i := range n {
		r := radius[i] * 1.2
		placed = append(placed, vg.Rectangle{Min: vg.Point{X: pts[i].X - r, Y: pts[i].Y - r}, Max: vg.Point{X: pts[i].X + r, Y: pts[i].Y + r}})
	}
	sty := gp.labelStyle
	gp.omitted = 0
	for _, i := range nodes {
		lbl := gp.labels[i]
		lw, lh := sty.Width(lbl), sty.Height(lbl)
		gap := radius[i] + 1.5
		p := pts[i]
		cands := []vg.Point{ // lower-left corners
			{X: p.X + gap, Y: p.Y - lh/2}, {X: p.X - gap - lw, Y: p.Y - lh/2},
			{X: p.X - lw/2, Y: p.Y + gap}, {X: p.X - lw/2, Y: p.Y - gap - lh},
			{X: p.X + gap*0.7, Y: p.Y + gap*0.7}, {X: p.X - gap*0.7 - lw, Y: p.Y + gap*0.7},
			{X: p.X + gap*0.7, Y: p.Y - gap*0.7 - lh}, {X: p.X - gap*0.7 - lw, Y: p.Y - gap*0.7 - lh},
		}
		ok := false
		for _, q := range cands {
			box := vg.Rectangle{Min: q, Max: vg.Point{X: q.X + lw, Y: q.Y + lh}}
			if box.Min.X < c.Min.X || box.Max.X > c.Max.X || box.Min.Y < c.Min.Y || box.Max.Y > area.Max.Y {
				continue
			}
			clash := false
			for j, o := range placed {
				if j == i {
					continue
				}
				if box.Min.X < o.Max.X && o.Min.X < box.Max.X && box.Min.Y < o.Max.Y && o.Min.Y < box.Max.Y {
					clash = true
					break
				}
			}
			if clash {
				continue
			}
			placed = append(placed, box)
			s := sty
			s.XAlign, s.YAlign = text.XLeft, text.YBottom
			c.SetColor(haloColor)
			c.Fill(box.Path())
			c.FillText(s, q, lbl)
			ok = true
			break
		}
		if !ok {
			gp.omitted++
		}
	}
}
