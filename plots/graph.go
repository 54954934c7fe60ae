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

// Graph is a typed network for NetworkGraph: nodes of several kinds,
// edges of several kinds, directed or not, with weights. Nodes and edges
// refer to each other by ID, so a caller can build a Graph from any
// network (the ledger network, a merged case network, an edge list)
// without knowing plots' internals.
type Graph struct {
	// Nodes are the nodes; IDs must be unique and not empty.
	Nodes []GraphNode
	// Edges are the ties; From and To are node IDs. Several edges between
	// the same two nodes are drawn on top of each other (merge them first
	// if they should add up).
	Edges []GraphEdge
	// KindOrder fixes the colour, shape and legend order of node kinds,
	// as Net.KindOrder does for LayeredNetwork: the i-th listed kind is
	// drawn in DataColor(i) with the i-th node shape, so a kind looks the
	// same in every figure drawn with the same KindOrder.
	KindOrder []string
	// KindLabels maps a node kind to its legend label (English); a kind
	// without one is shown as is.
	KindLabels map[string]string
	// EdgeKindOrder fixes the line style of edge kinds: the i-th is drawn
	// solid, dashed, dotted, dash-dotted, then again. Edge kinds not
	// listed follow, sorted. If every edge has the same kind, the legend
	// shows no edge kinds.
	EdgeKindOrder []string
	// EdgeKindLabels maps an edge kind to its legend label.
	EdgeKindLabels map[string]string
	// SizeLabel names what node size shows, such as "betweenness"; it is
	// printed in the legend ("Node area by betweenness"). Empty: no note.
	SizeLabel string
	// WeightLabel names what edge width shows, such as "amount (CNY)".
	WeightLabel string
	// Layout chooses the layout; the zero value is LayoutAuto.
	Layout Layout
	// Seed seeds the force-directed layout's initial positions. The same
	// graph and seed give the same drawing.
	Seed uint64
}

// GraphNode is a node of a Graph.
type GraphNode struct {
	// ID identifies the node; ties in the layout are broken by ID, so the
	// drawing does not depend on the order of Graph.Nodes.
	ID string
	// Label is the English label (ID if empty); LabelZH is the Chinese
	// label, used with LangZH or LangBoth.
	Label, LabelZH string
	// Kind selects the node's colour and shape (see Graph.KindOrder).
	Kind string
	// Size sets the node's area (area ∝ Size), such as a centrality
	// score; finite and not negative. All zero: nodes the same size.
	Size float64
}

// GraphEdge is an edge of a Graph.
type GraphEdge struct {
	// From and To are node IDs.
	From, To string
	// Weight sets the line width (0.5 pt at 0 to 3 pt at the largest
	// weight, linearly); finite and not negative.
	Weight float64
	// Directed draws an arrowhead at To.
	Directed bool
	// Kind selects the line style (see Graph.EdgeKindOrder).
	Kind string
}

// Layout is a layout algorithm of NetworkGraph.
type Layout string

// Layouts.
const (
	// LayoutAuto is LayoutLayered when every edge is directed and the
	// graph has no directed cycle, else LayoutForce.
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

// Parameters of the force-directed layout.
const (
	frIterations = 600
	graphMinR    = 2.5 // pt
	graphMaxR    = 8   // pt
)

// NetworkGraph returns a drawing of any typed network g.
//
// Layout. With LayoutLayered (or LayoutAuto on a directed acyclic graph)
// the graph is drawn as LayeredNetwork draws a layered network, each node
// in the column of its longest path from a node without incoming edges.
// Otherwise the layout is force-directed (Fruchterman and Reingold,
// "Graph drawing by force-directed placement", Software: Practice and
// Experience 21(11), 1991, doi:10.1002/spe.4380211102): nodes start at
// positions drawn from rand.NewPCG(g.Seed, g.Seed) in ID order, repel
// each other with force k²/d and attract along edges with force d²/k
// (k = sqrt(area/n)), with a weak pull to the centre so that components
// stay together, for a fixed 600 iterations with linear cooling. The
// layout depends only on the nodes' IDs, the edges and the seed: the same
// input gives the same drawing.
//
// Drawing. Node area is proportional to Size (radius 2.5–8 pt), colour
// and shape by kind (legend at the top, with the size and weight notes),
// edge width by weight, an arrowhead on directed edges, line style by edge
// kind. Labels are placed greedily, largest nodes first, at the first of
// eight positions around the node (right, left, above, below, then the
// diagonals) where the label overlaps no node and no label placed before;
// a label that fits nowhere is left out rather than drawn over another,
// and Figure.Warnings says how many were left out.
//
// It is an error if g has no nodes, an ID is empty or repeated, an edge
// names a missing node or is a self-loop, a size or weight is negative or
// not finite, or LayoutLayered is asked for a graph with an undirected
// edge or a directed cycle. The default size is DoubleColumn by 120 mm.
func NetworkGraph(title string, g Graph, opts Options) (*Figure, error) {
	if err := validateGraph(g); err != nil {
		return nil, err
	}
	layered, err := useLayered(g)
	if err != nil {
		return nil, err
	}
	if layered {
		return LayeredNetwork(title, g.toNet(), opts)
	}
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return networkGraph(title, g, o) })
}

func validateGraph(g Graph) error {
	if len(g.Nodes) == 0 {
		return errors.New("plots: graph has no nodes")
	}
	idx := map[string]int{}
	for i, v := range g.Nodes {
		if v.ID == "" {
			return fmt.Errorf("plots: node %d has no ID", i)
		}
		if _, dup := idx[v.ID]; dup {
			return fmt.Errorf("plots: node ID %q repeated", v.ID)
		}
		if !finite(v.Size) || v.Size < 0 {
			return fmt.Errorf("plots: node %q: bad size %v", v.ID, v.Size)
		}
		idx[v.ID] = i
	}
	for i, e := range g.Edges {
		_, okf := idx[e.From]
		_, okt := idx[e.To]
		switch {
		case !okf || !okt:
			return fmt.Errorf("plots: edge %d (%s→%s) names a missing node", i, e.From, e.To)
		case e.From == e.To:
			return fmt.Errorf("plots: edge %d: self-loop on %q", i, e.From)
		case !finite(e.Weight) || e.Weight < 0:
			return fmt.Errorf("plots: edge %d (%s→%s): bad weight %v", i, e.From, e.To, e.Weight)
		}
	}
	return nil
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

// toNet converts a directed acyclic Graph to a layered Net.
func (g Graph) toNet() Net {
	layers, _ := GraphLayers(g)
	idx := map[string]int{}
	n := Net{KindOrder: g.KindOrder, KindLabels: g.KindLabels}
	for i, v := range g.Nodes {
		idx[v.ID] = i
		n.Nodes = append(n.Nodes, NetNode{ID: v.ID, Label: v.Label, LabelZH: v.LabelZH, Kind: v.Kind, Layer: layers[i], Size: v.Size})
	}
	for _, e := range g.Edges {
		n.Edges = append(n.Edges, NetEdge{From: idx[e.From], To: idx[e.To], Weight: e.Weight})
	}
	return n
}

// ForceLayout returns the force-directed positions of g's nodes (in node
// order) in the unit square [0, 1]², as NetworkGraph computes them.
func ForceLayout(g Graph) [][2]float64 {
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
	gp := &graphPlot{g: g, pos: ForceLayout(g), labels: make([]string, len(g.Nodes))}
	for i, v := range g.Nodes {
		en := v.Label
		if en == "" {
			en = v.ID
		}
		gp.labels[i] = fs.pick(en, v.LabelZH, "\n")
	}
	if gp.labelStyle, err = fs.style(strings.Join(gp.labels, ""), MinTextSize+1, false); err != nil {
		return nil, err
	}
	// Kinds: reuse the kind order of layered networks.
	net := Net{KindOrder: g.KindOrder}
	for _, v := range g.Nodes {
		net.Nodes = append(net.Nodes, NetNode{Kind: v.Kind})
	}
	gp.kinds, gp.kindIdx = kindOrder(net)
	var legend []string
	for _, k := range gp.kinds {
		name := k
		if l := g.KindLabels[k]; l != "" {
			name = l
		}
		legend = append(legend, name)
	}
	gp.kindNames = legend
	gp.edgeKinds, gp.edgeIdx = edgeKindOrder(g)
	for _, k := range gp.edgeKinds {
		name := k
		if l := g.EdgeKindLabels[k]; l != "" {
			name = l
		}
		gp.edgeNames = append(gp.edgeNames, name)
	}
	if g.SizeLabel != "" {
		gp.note = "Node area by " + g.SizeLabel
	}
	if g.WeightLabel != "" {
		if gp.note != "" {
			gp.note += "; "
		}
		gp.note += "edge width by " + g.WeightLabel
	}
	all := strings.Join(legend, "") + strings.Join(gp.edgeNames, "") + gp.note
	if gp.legendStyle, err = fs.style(all, TickSize, false); err != nil {
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
	base := gp.note
	measure := func() {
		fig.Draw(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: fig.Width, Y: fig.Height}}})
	}
	measure()
	for range 3 {
		if gp.omitted == 0 {
			break
		}
		k := gp.omitted
		gp.note = strings.TrimPrefix(base+fmt.Sprintf("; %d labels left out to avoid overlaps", k), "; ")
		measure()
		if gp.omitted == k {
			break
		}
	}
	fig.finish(fs)
	return fig, nil
}

// edgeKindOrder returns the edge kinds to show in the legend (none if all
// edges share one kind) and each kind's style index.
func edgeKindOrder(g Graph) ([]string, map[string]int) {
	present := map[string]bool{}
	for _, e := range g.Edges {
		present[e.Kind] = true
	}
	shown, idx := styleOrder(g.EdgeKindOrder, present)
	if len(present) <= 1 {
		shown = nil
	}
	return shown, idx
}

// edgeDashes are the line styles of edge kinds.
var edgeDashes = [][]vg.Length{nil, {4, 2}, {1, 1.5}, {5, 1.5, 1, 1.5}}

// graphPlot draws a force-directed Graph.
type graphPlot struct {
	g                       Graph
	pos                     [][2]float64
	labels                  []string
	labelStyle, legendStyle text.Style
	kinds, kindNames        []string
	kindIdx                 map[string]int
	edgeKinds, edgeNames    []string
	edgeIdx                 map[string]int
	note                    string
	omitted                 int
}

// Plot implements plot.Plotter.
func (gp *graphPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	g := gp.g
	top := gp.drawLegend(c)
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
	maxSize := 0.0
	for _, v := range g.Nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	radius := make([]vg.Length, n)
	for i, v := range g.Nodes {
		radius[i] = (graphMinR + graphMaxR) / 2
		if maxSize > 0 {
			// Area ∝ size: r² interpolates between the extremes.
			f := v.Size / maxSize
			radius[i] = vg.Length(math.Sqrt(graphMinR*graphMinR + f*(graphMaxR*graphMaxR-graphMinR*graphMinR)))
		}
	}
	idx := map[string]int{}
	for i, v := range g.Nodes {
		idx[v.ID] = i
	}
	maxW := 0.0
	for _, e := range g.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	reverse := map[[2]int]bool{}
	for _, e := range g.Edges {
		reverse[[2]int{idx[e.From], idx[e.To]}] = true
	}
	// Edges, heaviest last so they stay visible.
	order := make([]int, len(g.Edges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(g.Edges[a].Weight, g.Edges[b].Weight) })
	for _, ei := range order {
		e := g.Edges[ei]
		a, b := idx[e.From], idx[e.To]
		lw := vg.Length(netMinWidth)
		if maxW > 0 {
			lw += vg.Length((netMaxWidth - netMinWidth) * e.Weight / maxW)
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
		sty := draw.LineStyle{Color: edgeColor, Width: lw, Dashes: edgeDashes[gp.edgeIdx[e.Kind]%len(edgeDashes)]}
		if !e.Directed {
			c.StrokeLine2(sty, start.X, start.Y, end.X, end.Y)
			continue
		}
		head := 3.5 + 1.2*lw
		base := vg.Point{X: end.X - ux*head*0.8, Y: end.Y - uy*head*0.8}
		c.StrokeLine2(sty, start.X, start.Y, base.X, base.Y)
		half := head * 0.45
		var tri vg.Path
		tri.Move(end)
		tri.Line(vg.Point{X: end.X - ux*head - uy*half, Y: end.Y - uy*head + ux*half})
		tri.Line(vg.Point{X: end.X - ux*head + uy*half, Y: end.Y - uy*head - ux*half})
		tri.Close()
		c.SetColor(edgeColor)
		c.Fill(tri)
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
		k := gp.kindIdx[g.Nodes[i].Kind]
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

// drawLegend draws the node kinds, edge kinds and the size note in rows
// across the top of c and returns the height used.
func (gp *graphPlot) drawLegend(c draw.Canvas) vg.Length {
	sty := gp.legendStyle
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	h := sty.Height("M")
	y := c.Max.Y - h/2
	x := c.Min.X
	r := vg.Length(3.2)
	sw := 2.8 * r
	next := func(w vg.Length) {
		if x > c.Min.X && x+w > c.Max.X {
			x = c.Min.X
			y -= h + 2
		}
	}
	for i, name := range gp.kindNames {
		w := sw + 3 + sty.Width(name)
		next(w)
		k := gp.kindIdx[gp.kinds[i]]
		drawShape(c, k, vg.Point{X: x + sw/2, Y: y}, r, DataColor(k))
		c.FillText(sty, vg.Point{X: x + sw + 3, Y: y}, name)
		x += w + 10
	}
	for i, name := range gp.edgeNames {
		w := 18 + 3 + sty.Width(name)
		next(w)
		k := gp.edgeIdx[gp.edgeKinds[i]]
		c.StrokeLine2(draw.LineStyle{Color: edgeColor, Width: 1.2, Dashes: edgeDashes[k%len(edgeDashes)]}, x, y, x+18, y)
		c.FillText(sty, vg.Point{X: x + 21, Y: y}, name)
		x += w + 10
	}
	if gp.note != "" {
		ns := sty
		ns.Color = mutedColor
		next(ns.Width(gp.note))
		c.FillText(ns, vg.Point{X: x, Y: y}, gp.note)
	}
	return c.Max.Y - y + h/2
}
