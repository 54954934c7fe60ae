package plots

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// NetNode is a node of a layered network.
type NetNode struct {
	// ID identifies the node; it must be unique and not empty. Ties in
	// the layout are broken by ID, so the drawing does not depend on the
	// order of Nodes.
	ID string
	// Label is the English label; if empty, ID is drawn.
	Label string
	// LabelZH is the Chinese label, used with LangZH or LangBoth.
	LabelZH string
	// Kind selects the node's colour and shape; see Net.KindOrder.
	Kind string
	// Layer is the column, from 0 at the left: 0 the contractor,
	// 1 intermediary signatories, 2 end users. It must not be negative.
	Layer int
	// Size sets the node's area (area ∝ Size); it must be finite and not
	// negative. If all sizes are zero, nodes are drawn the same size.
	Size float64
}

// NetEdge is a directed edge between two nodes.
type NetEdge struct {
	// From and To are indices into Net.Nodes.
	From, To int
	// Weight sets the line width; it must be finite and not negative.
	Weight float64
}

// Net is a layered network to draw with LayeredNetwork.
type Net struct {
	Nodes []NetNode
	Edges []NetEdge
	// KindOrder fixes each kind's colour and shape, and the legend
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
	// KindLabels maps a kind to its display name in the legend; a kind
	// without one is shown as is.
	KindLabels map[string]string
}

// Drawing parameters of LayeredNetwork, in points.
const (
	netMinRadius = 2.5
	netMaxRadius = 7
	netMinWidth  = 0.5 // edge width at weight 0
	netMaxWidth  = 3   // edge width at the largest weight
	netLabelGap  = 3   // between a node and its label
	netSweeps    = 4   // barycenter sweeps (down, up, down, up)
	netArrowRoom = 14  // between a middle-layer label and the next column's nodes
	netMaxLines  = 3   // lines of a wrapped label
	netMinRowH   = 16  // row height of the smallest default figure

	// netDefaultText is the smallest label size that the default height
	// allows; see defaultNetHeight.
	netDefaultText vg.Length = 6.5
)

// LayeredNetwork returns a figure of a layered, directed network: layers
// are columns from left to right.
//
// Layout. The layout follows the layered (Sugiyama) method: Sugiyama,
// Tagawa and Toda, "Methods for visual understanding of hierarchical
// system structures", IEEE Trans. SMC 11(2), 1981,
// doi:10.1109/TSMC.1981.4308636, as refined by Gansner, Koutsofios, North
// and Vo, "A technique for drawing directed graphs", IEEE Trans. Softw.
// Eng. 19(3), 1993, doi:10.1109/32.221135.
//
//   - Virtual nodes. An edge that spans more than one layer (such as a
//     direct contract from layer 0 to layer 2) gets a virtual (dummy)
//     node in every layer it passes, so that every edge is a chain of
//     steps between adjacent layers.
//   - Order. Real and virtual nodes start in ID order within their
//     layer (a virtual node sorts with the ID of the edge's end in the
//     higher layer); then four barycenter sweeps, alternately down and
//     up the layers, move each node to the mean relative position of its
//     neighbours in the layer before it in the sweep, ties broken by ID.
//     The order with the fewest crossings seen is kept; counted over the
//     steps between adjacent layers, these are all the crossings of the
//     drawing (edges within a layer aside).
//   - Position. Nodes are placed on rows, at least one row apart, in
//     their order. The layer with the most real and virtual nodes (the
//     last on a tie) takes one node per row; each layer after it is then
//     placed from the layer before, and each layer before it from the
//     layer after, every node as close as possible to the mean row of its
//     neighbours there (a weighted least-squares fit that keeps the order
//     and spacing, with virtual nodes weighted 4 to 1 so that long edges
//     run straight). In a contractor → signatory → end-user network the
//     end users are the widest layer: an intermediary sits level with its
//     end user (the middle of its end users, which are next to each
//     other), and the end users of direct contracts fill the rows between.
//
// The layout is deterministic and does not depend on the order of Nodes
// or Edges.
//
// Drawing. Edges are smooth curves through their virtual nodes, made of
// one cubic Bézier step per pair of adjacent layers that leaves and enters
// each layer horizontally, with an arrowhead at the target; the width is
// 0.5 pt + 2.5 pt × Weight/max(Weight) (linear in the weight). Nodes have
// an area proportional to Size (radius 2.5–7 pt, the largest node at the
// maximum), a colour and a shape per kind, and a legend, across the top,
// of the kinds that some node has. Labels of the first layer stand to the
// left of their nodes, all others to the right; labels of middle layers
// lie on a white halo over their own outgoing edge, and the gap after a
// middle layer is widened, at the expense of the others, to hold its
// labels and the next column's arrowheads. Labels are measured with the
// font metrics, wrapped onto as few lines as they need, up to three where
// the rows leave room (a bilingual label as English over Chinese where
// that fits, never broken inside the Chinese), and the font is shrunk
// (to MinTextSize) or, as a last resort, the label shortened with "…" so
// that labels do not overlap.
//
// The default size is DoubleColumn wide and at least DoubleColumnHeight
// high: taller when the layout has more than about 14 rows, and as much
// taller again as the labels need so that none is shortened and their
// size stays at least 6.5 pt (labels wrapped on up to three lines, such
// as a long English name over its Chinese one with LangBoth). With an
// explicit Options.Height the labels are fitted into that height as
// described above: shrunk down to MinTextSize and, if need be, shortened.
//
// It is an error if the network has no nodes, an ID is empty or
// repeated, a layer is negative, a size or weight is negative or not
// finite, or an edge refers to a missing node.
func LayeredNetwork(title string, n Net, opts Options) (*Figure, error) {
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return layeredNetwork(title, n, o) })
}

func validateNet(n Net) error {
	if len(n.Nodes) == 0 {
		return errors.New("plots: network has no nodes")
	}
	seen := make(map[string]int, len(n.Nodes))
	for i, v := range n.Nodes {
		switch {
		case v.ID == "":
			return fmt.Errorf("plots: node %d has no ID", i)
		case v.Layer < 0:
			return fmt.Errorf("plots: node %q: negative layer %d", v.ID, v.Layer)
		case math.IsNaN(v.Size) || math.IsInf(v.Size, 0) || v.Size < 0:
			return fmt.Errorf("plots: node %q: bad size %v", v.ID, v.Size)
		}
		if j, dup := seen[v.ID]; dup {
			return fmt.Errorf("plots: nodes %d and %d have the same ID %q", j, i, v.ID)
		}
		seen[v.ID] = i
	}
	for i, e := range n.Edges {
		switch {
		case e.From < 0 || e.From >= len(n.Nodes) || e.To < 0 || e.To >= len(n.Nodes):
			return fmt.Errorf("plots: edge %d (%d→%d): node index out of range [0,%d)", i, e.From, e.To, len(n.Nodes))
		case e.From == e.To:
			return fmt.Errorf("plots: edge %d: self-loop on node %q", i, n.Nodes[e.From].ID)
		case math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight < 0:
			return fmt.Errorf("plots: edge %d (%s→%s): bad weight %v", i, n.Nodes[e.From].ID, n.Nodes[e.To].ID, e.Weight)
		}
	}
	return nil
}

func layeredNetwork(title string, n Net, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if err := validateNet(n); err != nil {
		return nil, err
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, err
	}
	lay := layoutNet(n)
	fig, err := newFigure(title, opts, fs, DoubleColumn, netBaseHeight(lay.rows))
	if err != nil {
		return nil, err
	}
	np := &netPlot{net: n, lay: lay, labels: make([]string, len(n.Nodes)), parts: make([][2]string, len(n.Nodes))}
	for i, v := range n.Nodes {
		en := v.Label
		if en == "" {
			en = v.ID
		}
		np.labels[i] = fs.pick(en, v.LabelZH, " / ")
		if np.labels[i] == en+" / "+v.LabelZH {
			np.parts[i] = [2]string{en, v.LabelZH}
		}
	}
	if np.labelStyle, err = fs.style(strings.Join(np.labels, ""), TickSize, false); err != nil {
		return nil, err
	}
	np.kinds, np.kindIdx = kindOrder(n)
	np.kindNames = make([]string, len(np.kinds))
	for i, k := range np.kinds {
		name := k
		if l, ok := n.KindLabels[k]; ok && l != "" {
			name = l
		}
		np.kindNames[i] = name
	}
	if np.legendStyle, err = fs.style(strings.Join(np.kindNames, ""), LabelSize, false); err != nil {
		return nil, err
	}
	p := plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.BackgroundColor = nil
	p.Add(np)
	fig.Panels = [][]*plot.Plot{{p}}
	if opts.Height == 0 {
		fig.Height = defaultNetHeight(fig, np)
	}
	fig.finish(fs)
	return fig, nil
}

// netBaseHeight is the smallest default height of a network figure with
// the given number of rows: DoubleColumnHeight, or netMinRowH per row and
// room for the title, legend and source line.
func netBaseHeight(rows float64) vg.Length {
	return max(DoubleColumnHeight, vg.Length(rows)*netMinRowH+70)
}

// defaultNetHeight returns the default height of fig, which draws np: the
// smallest of netBaseHeight and taller heights, in steps of half a point
// per row, at which the labels fit without being shortened at
// netDefaultText or larger, wrapped on up to netMaxLines lines. The search
// stops when the rows are high enough for netMaxLines lines of TickSize
// text; if the labels do not fit even then (a word too wide for its
// column), the base height is kept.
func defaultNetHeight(fig *Figure, np *netPlot) vg.Length {
	rows := vg.Length(np.lay.rows)
	base := netBaseHeight(np.lay.rows)
	fits := func(h vg.Length) bool {
		fig.Height = h
		fig.Draw(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: fig.Width, Y: h}}})
		return np.fitSize >= netDefaultText && !np.truncated
	}
	top := np.labelStyle
	top.Font.Size = TickSize
	limit := base + rows*max(0, netMaxLines*top.Height("M")-netMinRowH)
	for h := base; h <= limit+rows/2; h += rows / 2 {
		if fits(h) {
			return h
		}
	}
	return base
}

// kindOrder returns the kinds of n.Nodes to show in the legend, and the
// style index (colour and shape) of every kind. The index is the kind's
// position in n.KindOrder (repeats ignored), whether or not the kinds
// before it are present; kinds of nodes that are not listed follow, sorted.
// The kinds shown are those that some node has, in the order of their
// index.
func kindOrder(n Net) (shown []string, index map[string]int) {
	present := make(map[string]bool, len(n.Nodes))
	for _, v := range n.Nodes {
		present[v.Kind] = true
	}
	return styleOrder(n.KindOrder, present)
}

// styleOrder gives every kind in present a style index: its position in
// order (repeats ignored), whether or not the kinds before it are present,
// then the kinds that order does not list, sorted. shown are the present
// kinds in index order.
func styleOrder(order []string, present map[string]bool) (shown []string, index map[string]int) {
	index = make(map[string]int, len(order)+len(present))
	for _, k := range order {
		if _, dup := index[k]; !dup {
			index[k] = len(index)
			if present[k] {
				shown = append(shown, k)
			}
		}
	}
	var extra []string
	for k := range present {
		if _, listed := index[k]; !listed {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		index[k] = len(index)
	}
	return append(shown, extra...), index
}

// netLayout is the layout of a network: the order of the real and virtual
// (dummy) nodes in each layer and their vertical positions.
//
// Items 0 … len(Nodes)-1 are the real nodes (item i is node i); the items
// after them are dummies, one in each layer strictly between the two ends
// of every edge that spans more than one layer.
type netLayout struct {
	layers [][]int    // items of each layer, top to bottom
	layer  []int      // layer of each item
	key    []string   // tie-break key of each item: the node's ID; for a dummy, see dummyKey
	dummy  []bool     // whether the item is a dummy
	chains [][]int    // per edge: the items it passes, From first, To last
	y      []float64  // position of each item in rows from the top row (0)
	rows   float64    // rows spanned: max(y) + 1
	segs   [][][2]int // per pair of layers (l, l+1): segments (item in l, item in l+1)
}

// Weights of the vertical placement: a dummy pulls harder than a real
// node, so that long edges run straight.
const (
	netDummyWeight = 4
	netRealWeight  = 1
)

// layoutNet orders the nodes of n and places them; see LayeredNetwork.
func layoutNet(n Net) *netLayout {
	lay := &netLayout{}
	nl := 0
	for _, v := range n.Nodes {
		nl = max(nl, v.Layer+1)
	}
	for _, v := range n.Nodes {
		lay.layer = append(lay.layer, v.Layer)
		lay.key = append(lay.key, v.ID)
		lay.dummy = append(lay.dummy, false)
	}
	lay.segs = make([][][2]int, max(nl-1, 0))
	adj := make([][]int, len(n.Nodes)) // neighbours in adjacent layers
	link := func(a, b int) {
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
		if lay.layer[a] > lay.layer[b] {
			a, b = b, a
		}
		lay.segs[lay.layer[a]] = append(lay.segs[lay.layer[a]], [2]int{a, b})
	}
	// Edges in a canonical order, so that the dummies (and hence the
	// layout) do not depend on the order of n.Edges.
	edges := make([]int, len(n.Edges))
	for i := range edges {
		edges[i] = i
	}
	slices.SortStableFunc(edges, func(i, j int) int {
		a, b := n.Edges[i], n.Edges[j]
		return cmp.Or(cmp.Compare(n.Nodes[a.From].ID, n.Nodes[b.From].ID),
			cmp.Compare(n.Nodes[a.To].ID, n.Nodes[b.To].ID),
			cmp.Compare(a.Weight, b.Weight))
	})
	lay.chains = make([][]int, len(n.Edges))
	for _, ei := range edges {
		e := n.Edges[ei]
		lf, lt := n.Nodes[e.From].Layer, n.Nodes[e.To].Layer
		chain := []int{e.From}
		if lf != lt {
			step := 1
			if lt < lf {
				step = -1
			}
			// The dummy's key sorts it with the edge's end in the
			// higher layer, which it stands in for.
			lo, hi := e.From, e.To
			if lt < lf {
				lo, hi = hi, lo
			}
			key := n.Nodes[hi].ID + "\x00" + n.Nodes[lo].ID
			prev := e.From
			for l := lf + step; l != lt; l += step {
				d := len(lay.layer)
				lay.layer = append(lay.layer, l)
				lay.key = append(lay.key, key)
				lay.dummy = append(lay.dummy, true)
				adj = append(adj, nil)
				link(prev, d)
				chain = append(chain, d)
				prev = d
			}
			link(prev, e.To)
		}
		lay.chains[ei] = append(chain, e.To)
	}
	lay.layers = make([][]int, nl)
	for it, l := range lay.layer {
		lay.layers[l] = append(lay.layers[l], it)
	}
	lay.order(adj)
	lay.place(adj)
	return lay
}

// byKey orders items by their tie-break key, then by index (dummies of
// parallel edges share a key).
func (lay *netLayout) byKey(a, b int) int {
	if c := cmp.Compare(lay.key[a], lay.key[b]); c != 0 {
		return c
	}
	// Dummies of parallel edges share a key; they are created in the
	// canonical order of the edges (see layoutNet).
	return cmp.Compare(a, b)
}

// order sorts each layer by the barycenter heuristic: items start in key
// order; netSweeps sweeps, alternately down and up, move each item to the
// mean relative position of its neighbours in the layer before it in the
// sweep, ties broken by key. The order with the fewest crossings is kept.
func (lay *netLayout) order(adj [][]int) {
	for _, l := range lay.layers {
		slices.SortFunc(l, lay.byKey)
	}
	pos := make([]float64, len(lay.layer)) // relative position in [0,1]
	setPos := func(l []int) {
		for r, v := range l {
			pos[v] = (float64(r) + 0.5) / float64(len(l))
		}
	}
	for _, l := range lay.layers {
		setPos(l)
	}
	nl := len(lay.layers)
	best := cloneLayers(lay.layers)
	bestX := lay.crossings(pos)
	for s := range netSweeps {
		down := s%2 == 0
		for k := range nl {
			li := k
			if !down {
				li = nl - 1 - k
			}
			l := lay.layers[li]
			bary := make(map[int]float64, len(l))
			for _, v := range l {
				sum, cnt := 0.0, 0
				for _, w := range adj[v] {
					lw := lay.layer[w]
					if (down && lw < li) || (!down && lw > li) {
						sum += pos[w]
						cnt++
					}
				}
				if cnt > 0 {
					bary[v] = sum / float64(cnt)
				} else {
					bary[v] = pos[v]
				}
			}
			slices.SortStableFunc(l, func(a, b int) int {
				if c := cmp.Compare(bary[a], bary[b]); c != 0 {
					return c
				}
				return lay.byKey(a, b)
			})
			setPos(l)
		}
		if x := lay.crossings(pos); x < bestX {
			best, bestX = cloneLayers(lay.layers), x
		}
	}
	lay.layers = best
}

func cloneLayers(layers [][]int) [][]int {
	out := make([][]int, len(layers))
	for i, l := range layers {
		out[i] = slices.Clone(l)
	}
	return out
}

// crossings counts the pairs of segments between the same two adjacent
// layers that cross, given the items' positions within their layers. With
// the dummies, this counts every crossing of the drawing's edges (edges
// within one layer aside).
func (lay *netLayout) crossings(pos []float64) int {
	x := 0
	for _, segs := range lay.segs {
		for i, a := range segs {
			for _, b := range segs[i+1:] {
				if (pos[a[0]]-pos[b[0]])*(pos[a[1]]-pos[b[1]]) < 0 {
					x++
				}
			}
		}
	}
	return x
}

// Crossings returns the number of edge crossings of the layout.
func (lay *netLayout) Crossings() int {
	pos := make([]float64, len(lay.layer))
	for _, l := range lay.layers {
		for r, v := range l {
			pos[v] = float64(r)
		}
	}
	return lay.crossings(pos)
}

// place sets the vertical positions, in rows, keeping the order of each
// layer and at least one row between neighbours. The layer with the most
// items (the last of them on a tie) is the anchor, one item per row. The
// layers after it are placed in turn, each item as close as possible to
// the mean position of its neighbours in the layer before; then the layers
// before the anchor, each from the layer after. "As close as possible" is
// the weighted least-squares fit under the order and spacing constraints
// (isotonic regression), with dummies weighted more than real nodes so
// that long edges run straight.
func (lay *netLayout) place(adj [][]int) {
	lay.y = make([]float64, len(lay.layer))
	anchor := 0
	for li, l := range lay.layers {
		if len(l) >= len(lay.layers[anchor]) {
			anchor = li
		}
	}
	k := float64(len(lay.layers[anchor]))
	for r, v := range lay.layers[anchor] {
		lay.y[v] = float64(r)
	}
	placeFrom := func(li, ref int) {
		l := lay.layers[li]
		want := make([]float64, len(l))
		w := make([]float64, len(l))
		for r, v := range l {
			sum, cnt := 0.0, 0
			for _, u := range adj[v] {
				if lay.layer[u] == ref {
					sum += lay.y[u]
					cnt++
				}
			}
			switch {
			case cnt == 0: // spread evenly over the anchor's rows
				want[r], w[r] = (float64(r)+0.5)*k/float64(len(l))-0.5, 1e-3
			case lay.dummy[v]:
				want[r], w[r] = sum/float64(cnt), netDummyWeight
			default:
				want[r], w[r] = sum/float64(cnt), netRealWeight
			}
		}
		for r, y := range spaced(want, w, 1) {
			lay.y[l[r]] = y
		}
	}
	for li := anchor + 1; li < len(lay.layers); li++ {
		placeFrom(li, li-1)
	}
	for li := anchor - 1; li >= 0; li-- {
		placeFrom(li, li+1)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, y := range lay.y {
		lo, hi = math.Min(lo, y), math.Max(hi, y)
	}
	for i := range lay.y {
		lay.y[i] -= lo
	}
	lay.rows = hi - lo + 1
}

// spaced returns y minimising Σ w[i]·(y[i]-want[i])² subject to
// y[i+1] ≥ y[i] + gap, by the pool-adjacent-violators algorithm on
// z[i] = y[i] - i·gap.
func spaced(want, w []float64, gap float64) []float64 {
	type block struct {
		sum, w float64
		n      int
	}
	var bs []block
	for i := range want {
		b := block{sum: w[i] * (want[i] - float64(i)*gap), w: w[i], n: 1}
		for len(bs) > 0 && bs[len(bs)-1].sum/bs[len(bs)-1].w >= b.sum/b.w {
			p := bs[len(bs)-1]
			bs = bs[:len(bs)-1]
			b = block{sum: p.sum + b.sum, w: p.w + b.w, n: p.n + b.n}
		}
		bs = append(bs, b)
	}
	y := make([]float64, 0, len(want))
	for _, b := range bs {
		z := b.sum / b.w
		for range b.n {
			y = append(y, z+float64(len(y))*gap)
		}
	}
	return y
}

// netPlot draws the network; it is a plot.Plotter that ignores the axes
// and fills the data canvas.
type netPlot struct {
	net         Net
	lay         *netLayout
	labels      []string
	parts       [][2]string // English and Chinese of a bilingual label
	labelStyle  text.Style
	kinds       []string       // kinds shown in the legend
	kindIdx     map[string]int // colour and shape index of every kind
	kindNames   []string       // legend names of kinds
	legendStyle text.Style

	// Outcome of the last Plot: the label size and whether some label
	// was shortened.
	fitSize   vg.Length
	truncated bool
}

// Plot implements plot.Plotter.
func (np *netPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	n := np.net
	legendH := np.drawLegend(c)
	top := c.Max.Y - legendH - 4
	bottom := c.Min.Y
	lay := np.lay
	rowH := (top - bottom) / vg.Length(lay.rows)

	// Node radii: area ∝ Size.
	maxSize := 0.0
	for _, v := range n.Nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	rMax := min(netMaxRadius, rowH*0.42)
	rMin := min(netMinRadius, rMax)
	radius := make([]vg.Length, len(n.Nodes))
	for i, v := range n.Nodes {
		if maxSize == 0 {
			radius[i] = (rMin + rMax) / 2
			continue
		}
		radius[i] = max(rMin, rMax*vg.Length(math.Sqrt(v.Size/maxSize)))
	}

	// Labels: fit them into the row height and a column width. The
	// labels of the middle layers stand between two columns, so they
	// must also leave room for the next column's nodes and arrowheads.
	nl := len(lay.layers)
	labelCap := (c.Max.X - c.Min.X) / vg.Length(nl+1)
	labels, sty, cut := fitLabels(np.labelStyle, np.labels, np.parts, labelCap, rowH)
	widest := func(li int) vg.Length {
		w := vg.Length(0)
		for _, v := range lay.layers[li] {
			if !lay.dummy[v] {
				w = max(w, sty.Width(labels[v]))
			}
		}
		return w
	}
	var x0, x1 vg.Length
	span := func() {
		x0 = c.Min.X + widest(0) + netLabelGap + rMax
		x1 = c.Max.X - rMax
		if nl > 1 {
			x1 -= widest(nl-1) + netLabelGap
		}
	}
	span()
	cols := netColumns(x0, x1, nl, func(li int) vg.Length { return widest(li) }, rMax)
	if cols == nil { // the middle labels do not fit at this size
		floor := (x1 - x0) / vg.Length(nl-1) / 2
		room := floor + (x1-x0-floor*vg.Length(nl-1))/vg.Length(nl-2) - netMidExtra(rMax)
		labels, sty, cut = fitLabels(np.labelStyle, np.labels, np.parts, min(labelCap, max(room, labelCap/2)), rowH)
		span()
		if cols = netColumns(x0, x1, nl, func(li int) vg.Length { return widest(li) }, rMax); cols == nil {
			cols = netColumns(x0, x1, nl, func(int) vg.Length { return 0 }, rMax)
		}
	}
	np.fitSize, np.truncated = sty.Font.Size, cut
	colX := func(layer int) vg.Length { return cols[layer] }
	pts := make([]vg.Point, len(lay.layer)) // real nodes, then dummies
	for it, li := range lay.layer {
		pts[it] = vg.Point{X: colX(li), Y: top - rowH*vg.Length(lay.y[it]+0.5)}
	}

	// Edges, then nodes, then labels.
	maxW := 0.0
	for _, e := range n.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for i, e := range n.Edges {
		w := vg.Length(netMinWidth)
		if maxW > 0 {
			w += (netMaxWidth - netMinWidth) * vg.Length(e.Weight/maxW)
		}
		path := make([]vg.Point, len(lay.chains[i]))
		for j, it := range lay.chains[i] {
			path[j] = pts[it]
		}
		drawEdge(c, path, radius[e.From], radius[e.To], w)
	}
	for i, v := range n.Nodes {
		k := np.kindIdx[v.Kind]
		drawShape(c, k, pts[i], radius[i], DataColor(k))
	}
	for i, v := range n.Nodes {
		s := sty
		p := pts[i]
		if v.Layer == 0 && nl > 1 {
			s.XAlign = text.XRight
			p.X -= radius[i] + netLabelGap
		} else {
			s.XAlign = text.XLeft
			p.X += radius[i] + netLabelGap
		}
		s.YAlign = text.YCenter
		if v.Layer > 0 && v.Layer < nl-1 {
			r := s.Rectangle(labels[i]).Add(p)
			c.SetColor(haloColor)
			c.Fill(r.Path())
		}
		c.FillText(s, p, labels[i])
	}
}

// netMidExtra is the horizontal room that a middle layer's gap needs
// besides the widest label: the node on either side, the label gap and an
// arrowhead with a little line before it.
func netMidExtra(rMax vg.Length) vg.Length { return 2*rMax + netLabelGap + netArrowRoom }

// netColumns returns the x of each of nl columns from x0 to x1. The gap
// after a middle layer l must hold its widest label, widest(l), and
// netMidExtra; the gaps share the rest of the width as evenly as they
// can (water-filling), but none is less than half the even gap. It
// returns nil if the labels do not fit.
func netColumns(x0, x1 vg.Length, nl int, widest func(int) vg.Length, rMax vg.Length) []vg.Length {
	if nl == 1 {
		return []vg.Length{x0}
	}
	ng := nl - 1
	total := x1 - x0
	need := make([]vg.Length, ng)
	for l := 1; l < ng; l++ {
		need[l] = widest(l) + netMidExtra(rMax)
	}
	// Find t with Σ max(need[l], t) = total: fix the largest needs
	// that exceed the even share of what is left.
	sorted := slices.Clone(need)
	slices.Sort(sorted)
	slices.Reverse(sorted)
	rest, t := total, vg.Length(0)
	for i, nd := range sorted {
		if t = rest / vg.Length(ng-i); nd <= t {
			break
		}
		rest -= nd
		t = 0
	}
	if t < total/vg.Length(ng)/2 {
		return nil
	}
	cols := make([]vg.Length, nl)
	cols[0] = x0
	for l := range ng {
		cols[l+1] = cols[l] + max(need[l], t)
	}
	return cols
}

// fitLabels returns the labels and a style such that every label is at
// most maxW wide and at most rowH high, and whether some label had to be
// shortened: it tries the style's size and smaller ones, down to
// MinTextSize, wrapping a label onto as few lines as it needs, up to
// netMaxLines where rowH allows, and at the smallest size shortens labels
// that still do not fit. A bilingual label (parts[i] holds its English and
// Chinese) goes on its lines as the English, then the Chinese on a line of
// its own, where that fits; otherwise it is wrapped between words of the
// English and never inside the Chinese name.
func fitLabels(sty text.Style, labels []string, parts [][2]string, maxW, rowH vg.Length) (out []string, s text.Style, truncated bool) {
	out = make([]string, len(labels))
	// wrap returns label i on at most n lines no wider than maxW, on as
	// few lines as it can, or "" if it cannot be.
	wrap := func(s text.Style, i, n int) string {
		en, zh := parts[i][0], parts[i][1]
		for k := 2; k <= n; k++ {
			if zh != "" {
				if w := wrapText(s, en, maxW); lineCount(w) <= k-1 && s.Width(w) <= maxW && s.Width(zh) <= maxW {
					return w + "\n" + zh
				}
				if w := strings.Join(wrapWords(s, append(splitWords(en), " / "+zh), maxW), "\n"); lineCount(w) <= k && s.Width(w) <= maxW {
					return w
				}
			}
			if w := wrapText(s, labels[i], maxW); lineCount(w) <= k && s.Width(w) <= maxW {
				return w
			}
		}
		return ""
	}
	// lines is the number of lines a label may take at style s.
	lines := func(s text.Style) int { return min(netMaxLines, int(rowH/s.Height("M"))) }
	for size := sty.Font.Size; size >= MinTextSize; size -= 0.5 {
		s = sty
		s.Font.Size = size
		n := lines(s)
		ok := true
		for i, l := range labels {
			if s.Width(l) <= maxW {
				out[i] = l
				continue
			}
			if out[i] = wrap(s, i, n); out[i] == "" {
				ok = false
				break
			}
		}
		if ok {
			return out, s, false
		}
	}
	s = sty
	s.Font.Size = MinTextSize
	n := lines(s)
	for i, l := range labels {
		if s.Width(l) <= maxW {
			out[i] = l
			continue
		}
		if out[i] = wrap(s, i, n); out[i] == "" {
			out[i] = truncateText(s, l, maxW)
			truncated = true
		}
	}
	return out, s, truncated
}

// drawEdge draws a smooth curve through the points of path (the source,
// the dummies, the target), leaving the end nodes' discs (radii ra and
// rb) free, with an arrowhead at the target. Each step between layers is
// a cubic Bézier curve that leaves and enters horizontally, so the curve
// is smooth at the dummies.
func drawEdge(c draw.Canvas, path []vg.Point, ra, rb, w vg.Length) {
	a, b := path[0], path[len(path)-1]
	const steps = 32
	var line []vg.Point
	for k := 0; k+1 < len(path); k++ {
		p0, p3 := path[k], path[k+1]
		dx := p3.X - p0.X
		p1, p2 := vg.Point{X: p0.X + dx/2, Y: p0.Y}, vg.Point{X: p3.X - dx/2, Y: p3.Y}
		if math.Abs(float64(dx)) < 1 { // same layer: bulge to the right
			bulge := max(12, vg.Length(math.Abs(float64(p3.Y-p0.Y)))/3)
			p1, p2 = vg.Point{X: p0.X + bulge, Y: p0.Y}, vg.Point{X: p3.X + bulge, Y: p3.Y}
		}
		for i := 0; i <= steps; i++ {
			if i == 0 && k > 0 {
				continue // the previous step ended here
			}
			t := vg.Length(i) / steps
			u := 1 - t
			p := vg.Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			}
			if dist(p, a) > ra+1 && dist(p, b) > rb+1.5 {
				line = append(line, p)
			}
		}
	}
	if len(line) < 2 {
		return
	}
	head := 3.5 + 1.2*w
	end := line[len(line)-1]
	prev := line[len(line)-2]
	d := dist(end, prev)
	ux, uy := (end.X-prev.X)/d, (end.Y-prev.Y)/d
	// Stop the line at the arrowhead's base.
	base := vg.Point{X: end.X - ux*head*0.8, Y: end.Y - uy*head*0.8}
	line[len(line)-1] = base
	c.StrokeLines(draw.LineStyle{Color: edgeColor, Width: w}, line)
	half := head * 0.45
	var tri vg.Path
	tri.Move(end)
	tri.Line(vg.Point{X: end.X - ux*head - uy*half, Y: end.Y - uy*head + ux*half})
	tri.Line(vg.Point{X: end.X - ux*head + uy*half, Y: end.Y - uy*head - ux*half})
	tri.Close()
	c.SetColor(edgeColor)
	c.Fill(tri)
}

func dist(a, b vg.Point) vg.Length {
	return vg.Length(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

// drawShape draws the k-th node shape (circle, square, up triangle,
// diamond, down triangle, hexagon, then again) centred at p, with the area
// of a disc of radius r, filled with col and outlined in black.
func drawShape(c draw.Canvas, k int, p vg.Point, r vg.Length, col color.Color) {
	area := math.Pi * float64(r*r)
	var path vg.Path
	poly := func(sides int, rot float64) {
		// Circumradius of a regular polygon of this area.
		R := vg.Length(math.Sqrt(2 * area / (float64(sides) * math.Sin(2*math.Pi/float64(sides)))))
		for i := range sides {
			a := rot + 2*math.Pi*float64(i)/float64(sides)
			q := vg.Point{X: p.X + R*vg.Length(math.Cos(a)), Y: p.Y + R*vg.Length(math.Sin(a))}
			if i == 0 {
				path.Move(q)
			} else {
				path.Line(q)
			}
		}
		path.Close()
	}
	switch k % 6 {
	case 0:
		path.Move(vg.Point{X: p.X + r, Y: p.Y})
		path.Arc(p, r, 0, 2*math.Pi)
		path.Close()
	case 1:
		poly(4, math.Pi/4)
	case 2:
		poly(3, math.Pi/2)
	case 3:
		poly(4, 0)
	case 4:
		poly(3, -math.Pi/2)
	case 5:
		poly(6, 0)
	}
	c.SetColor(col)
	c.Fill(path)
	c.SetLineStyle(draw.LineStyle{Color: outlineInk, Width: 0.5})
	c.Stroke(path)
}

// drawLegend draws the kinds in a row across the top of c and returns
// the height it used.
func (np *netPlot) drawLegend(c draw.Canvas) vg.Length {
	if len(np.kinds) == 0 {
		return 0
	}
	sty := np.legendStyle
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	h := sty.Height("M")
	y := c.Max.Y - h/2
	x := c.Min.X
	r := vg.Length(3.5)
	// Every shape fits in a box of half-width 1.4r (a triangle of the
	// area of a disc of radius r is 2.7r wide).
	sw := 2.8 * r
	for i, name := range np.kindNames {
		w := sw + 3 + sty.Width(name)
		if x > c.Min.X && x+w > c.Max.X { // next row
			x = c.Min.X
			y -= h + 2
		}
		k := np.kindIdx[np.kinds[i]]
		drawShape(c, k, vg.Point{X: x + sw/2, Y: y}, r, DataColor(k))
		c.FillText(sty, vg.Point{X: x + sw + 3, Y: y}, name)
		x += w + 12
	}
	h = c.Max.Y - y + h/2
	return h
}
