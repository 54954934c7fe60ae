package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// Drawing parameters of LayeredNetwork, in points.
const (
	netMinRadius = 2.5
	netMaxRadius = 7
	netLabelGap  = 3  // between a node and its label
	netSweeps    = 4  // barycenter sweeps (down, up, down, up)
	netArrowRoom = 14 // between a middle-layer label and the next column's nodes
	netMaxLines  = 3  // lines of a wrapped label
	netMinRowH   = 16 // row height of the smallest default figure

	// netDefaultText is the smallest label size that the default height
	// allows; see defaultNetHeight.
	netDefaultText vg.Length = 6.5
)

// LayeredNetwork returns a figure of g as a layered network: each node
// stands in column Layer, counted from the left, in the order and at the
// height that the layered (Sugiyama) method finds, so that few edges
// cross and long edges run straight. The layout is deterministic and does
// not depend on the order of g.Nodes or g.Edges.
//
// Edges are smooth solid curves as wide as Weight says, with an arrowhead
// at To if Directed. A node of Size s has the radius
//
//	r = max(min(2.5 pt, rMax), rMax·√(s/max(Size))),  rMax = min(7 pt, 0.42·row height)
//
// (area proportional to Size, but not below 2.5 pt), colour and shape by
// kind; the legend across the top shows the kinds that some node has.
// Labels of the first layer stand left of their nodes, the others right,
// wrapped on up to three lines, shrunk down to MinTextSize and, as a last
// resort, shortened with "…" so that none overlap. Edge kinds, the notes,
// g.Layout and g.Seed are not used. The default size is DoubleColumn wide
// and at least DoubleColumnHeight high: taller when the layout has more
// than about 14 rows, and as much taller again as the labels need to be
// drawn whole at 6.5 pt or more.
//
// It is an error if g has no nodes, an ID is empty or repeated, a layer
// is negative, a size or weight is negative or not finite, or an edge
// names a missing node or is a self-loop.
//
// References: Sugiyama, Tagawa and Toda, "Methods for visual understanding
// of hierarchical system structures", IEEE Trans. SMC 11(2), 1981,
// doi:10.1109/TSMC.1981.4308636; Gansner, Koutsofios, North and Vo, "A
// technique for drawing directed graphs", IEEE Trans. Softw. Eng. 19(3),
// 1993, doi:10.1109/32.221135.
func LayeredNetwork(title string, g Graph, opts Options) (*Figure, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if err := validateGraph(g, true); err != nil {
		return nil, err
	}
	layers := layersOf(g)
	return withEnglishFallback(opts, func(o Options) (*Figure, error) { return layeredNetwork(title, g, layers, o) })
}

// layeredNetwork draws the valid graph g with node i in column layers[i]
// (not negative); see LayeredNetwork.
func layeredNetwork(title string, g Graph, layers []int, opts Options) (*Figure, error) {
	f, _, err := layeredNetworkPlot(title, g, layers, opts)
	return f, err
}

// layeredNetworkPlot draws the valid graph g with node i in column layers[i]
// (not negative) and returns the figure and its plotter.
func layeredNetworkPlot(title string, g Graph, layers []int, opts Options) (*Figure, *netPlot, error) {
	if err := opts.check(); err != nil {
		return nil, nil, err
	}
	fs, err := newFontSet(opts)
	if err != nil {
		return nil, nil, err
	}
	fig, err := newFigure(title, opts, fs, DoubleColumn, DoubleColumnHeight)
	if err != nil {
		return nil, nil, err
	}
	np, err := newNetPlot(fs, g, layers)
	if err != nil {
		return nil, nil, err
	}
	p := plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.BackgroundColor = nil
	p.Add(np)
	fig.Panels = [][]*plot.Plot{{p}}
	if opts.Height == 0 {
		// Group the least important end nodes while the rows would be
		// lower than netMinPageRow at the page height. The note that
		// says so takes room too: check, and group more if it must.
		fig.Height = PageHeight
		measure := func() {
			fig.Draw(draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: fig.Width, Y: fig.Height}}})
		}
		measure()
		maxRows := max(4, int(np.rowsRoom/netMinPageRow))
		for range 4 {
			ag, al, grouped := aggregateNet(g, layers, maxRows)
			if grouped == 0 {
				break
			}
			if np, err = newNetPlot(fs, ag, al); err != nil {
				return nil, nil, err
			}
			np.legend.notes = append(np.legend.notes, fs.pick(
				fmt.Sprintf("%d end nodes with the smallest size are grouped as “+n more”, so that the figure fits a page", grouped),
				fmt.Sprintf("规模最小的%d个末端节点合并为“另n个”，以便图幅不超过一页", grouped), " / "))
			if np.legend.style, err = fs.style(np.legend.text(), LabelSize, false); err != nil {
				return nil, nil, err
			}
			p = plot.New()
			p.HideAxes()
			p.X.Padding, p.Y.Padding = 0, 0
			p.BackgroundColor = nil
			p.Add(np)
			fig.Panels = [][]*plot.Plot{{p}}
			measure()
			if np.rowsRoom >= vg.Length(np.lay.rows)*netMinPageRow || maxRows <= 4 {
				break
			}
			maxRows = max(4, min(maxRows-1, int(np.rowsRoom/netMinPageRow)))
		}
		fig.Height = netBaseHeight(np.lay.rows)
		fig.Height = defaultNetHeight(fig, np)
	}
	fig.finish(fs)
	return fig, np, nil
}

// newNetPlot returns the plotter of g, node i in layer layers[i].
func newNetPlot(fs *fontSet, g Graph, layers []int) (*netPlot, error) {
	ends := g.ends()
	np := &netPlot{g: g, layers: layers, ends: ends, lay: layoutNet(g, layers, ends), labels: make([]string, len(g.Nodes)), parts: make([][2]string, len(g.Nodes))}
	for i, v := range g.Nodes {
		en := englishLabel(v)
		np.labels[i] = fs.pick(en, v.LabelZH, " / ")
		if np.labels[i] == en+" / "+v.LabelZH {
			np.parts[i] = [2]string{en, v.LabelZH}
		}
	}
	var err error
	if np.labelStyle, err = fs.style(strings.Join(np.labels, ""), TickSize, false); err != nil {
		return nil, err
	}
	maxSize := 0.0
	for _, v := range g.Nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	np.rMax = netMaxRadius
	np.legend = legend{marker: 3.5, gap: 12, nodes: nodeKinds(fs, g),
		size: sizeKey(fs, g, func(v float64) vg.Length {
			return nodeRadii([]GraphNode{{Size: v}, {Size: maxSize}}, 0, min(netMinRadius, np.rMax), np.rMax)[0]
		}, netMaxRadius),
		width: widthKey(fs, g)}
	if np.legend.style, err = fs.style(np.legend.text(), LabelSize, false); err != nil {
		return nil, err
	}
	return np, nil
}

// netMinPageRow is the smallest row height, in points, of a network
// figure of default height: two lines of MinTextSize text.
const netMinPageRow = 12

// netGroupKind is the kind of the "+n more" nodes of aggregateNet.
const netGroupKind = "\x00grouped"

// aggregateNet returns g with its least important end nodes grouped, so
// that its layered layout (node i in layer layers[i]) takes at most
// maxRows rows, the new layers, and the number of nodes grouped (0: g is
// returned as it is).
//
// End nodes are the nodes in a layer after the first that have incoming
// and no outgoing edges (the end users of a ledger). They are ranked by
// Size, then by the weight of their edges, then by ID; those ranked last
// are grouped, each with the others of its layer whose heaviest incoming
// edge comes from the same node (a node that would be alone in its
// group is kept), into one node "+n more" of that layer,
// as large as their sizes together, with one edge from each of their
// sources as heavy as that source's edges to them together. The fewest
// end nodes are grouped that bring the layout within maxRows; if grouping
// all of them by source does not, they are grouped by layer only.
func aggregateNet(g Graph, layers []int, maxRows int) (Graph, []int, int) {
	ends := g.ends()
	if layoutNet(g, layers, ends).rows <= float64(maxRows) {
		return g, layers, 0
	}
	out := make([]int, len(g.Nodes))
	in := make([]float64, len(g.Nodes))
	nin := make([]int, len(g.Nodes))
	parent := make([]int, len(g.Nodes))
	for i := range parent {
		parent[i] = -1
	}
	for j, e := range ends {
		out[e[0]]++
		in[e[1]] += g.Edges[j].Weight
		nin[e[1]]++
		p := parent[e[1]]
		if p < 0 || g.Edges[j].Weight > heaviest(g, ends, p, e[1]) || g.Edges[j].Weight == heaviest(g, ends, p, e[1]) && g.Nodes[e[0]].ID < g.Nodes[p].ID {
			parent[e[1]] = e[0]
		}
	}
	var sinks []int
	for i := range g.Nodes {
		if layers[i] > 0 && out[i] == 0 && nin[i] > 0 {
			sinks = append(sinks, i)
		}
	}
	// Least important first.
	slices.SortFunc(sinks, func(a, b int) int {
		return cmp.Or(cmp.Compare(g.Nodes[a].Size, g.Nodes[b].Size), cmp.Compare(in[a], in[b]), cmp.Compare(g.Nodes[b].ID, g.Nodes[a].ID))
	})
	build := func(n int, bySource bool) (Graph, []int, int) {
		type gkey struct {
			layer int
			src   string
		}
		keyOf := func(i int) gkey {
			k := gkey{layer: layers[i]}
			if bySource {
				k.src = g.Nodes[parent[i]].ID
			}
			return k
		}
		// A group of one would take a row as its node does: such a node
		// is kept.
		size := map[gkey]int{}
		for _, i := range sinks[:n] {
			size[keyOf(i)]++
		}
		grouped := make(map[int]bool, n)
		var members []int
		for _, i := range sinks[:n] {
			if size[keyOf(i)] > 1 {
				grouped[i] = true
				members = append(members, i)
			}
		}
		h := g
		h.Nodes, h.Edges = nil, nil
		var hl []int
		for i, v := range g.Nodes {
			if !grouped[i] {
				h.Nodes = append(h.Nodes, v)
				hl = append(hl, layers[i])
			}
		}
		groups := map[gkey]int{} // index in h.Nodes
		counts := map[int]int{}
		groupOf := func(i int) int {
			k := keyOf(i)
			gi, ok := groups[k]
			if !ok {
				gi = len(h.Nodes)
				groups[k] = gi
				h.Nodes = append(h.Nodes, GraphNode{ID: fmt.Sprintf("\x00+%d %s", k.layer, k.src), Kind: netGroupKind, Layer: k.layer})
				hl = append(hl, k.layer)
			}
			return gi
		}
		for _, i := range members {
			gi := groupOf(i)
			h.Nodes[gi].Size += g.Nodes[i].Size
			counts[gi]++
		}
		for gi, c := range counts {
			h.Nodes[gi].Label = fmt.Sprintf("+%d more", c)
			h.Nodes[gi].LabelZH = fmt.Sprintf("另%d个", c)
		}
		type ekey struct{ from, to string }
		merged := map[ekey]int{}
		for j, e := range g.Edges {
			to := ends[j][1]
			if !grouped[to] {
				h.Edges = append(h.Edges, e)
				continue
			}
			k := ekey{e.From, h.Nodes[groupOf(to)].ID}
			if x, ok := merged[k]; ok {
				h.Edges[x].Weight += e.Weight
				continue
			}
			merged[k] = len(h.Edges)
			h.Edges = append(h.Edges, GraphEdge{From: e.From, To: k.to, Weight: e.Weight, Directed: e.Directed, Kind: e.Kind})
		}
		if h.KindLabels == nil || h.KindLabels[netGroupKind] == "" {
			labels := maps.Clone(h.KindLabels)
			if labels == nil {
				labels = map[string]string{}
			}
			labels[netGroupKind] = "Grouped (+n more)"
			h.KindLabels = labels
		}
		return h, hl, len(members)
	}
	// The rows fall by about one per node grouped: step up from the
	// excess.
	for _, bySource := range []bool{true, false} {
		n := 0
		for {
			h, hl, k := build(n, bySource)
			rows := layoutNet(h, hl, h.ends()).rows
			if rows <= float64(maxRows) {
				return h, hl, k
			}
			if n == len(sinks) {
				break
			}
			n = min(len(sinks), n+max(1, int(rows)-maxRows))
		}
	}
	return build(len(sinks), false)
}

// heaviest returns the weight of the heaviest edge from node a to node b.
func heaviest(g Graph, ends [][2]int, a, b int) float64 {
	w := math.Inf(-1)
	for j, e := range ends {
		if e[0] == a && e[1] == b {
			w = math.Max(w, g.Edges[j].Weight)
		}
	}
	return w
}

// netBaseHeight is the smallest default height of a network figure with
// the given number of rows: DoubleColumnHeight, or netMinRowH per row and
// room for the title, legend and source line, but not over PageHeight.
func netBaseHeight(rows float64) vg.Length {
	return min(PageHeight, max(DoubleColumnHeight, vg.Length(rows)*netMinRowH+90))
}

// defaultNetHeight returns the default height of fig, which draws np: the
// smallest of netBaseHeight and taller heights, in steps of half a point
// per row, at which the labels fit without being shortened at
// netDefaultText or larger, wrapped on up to netMaxLines lines. The search
// stops when the rows are high enough for netMaxLines lines of TickSize
// text, or at PageHeight; if the labels do not fit even then (a word too
// wide for its column), the base height is kept.
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
	limit := min(PageHeight, base+rows*max(0, netMaxLines*top.Height("M")-netMinRowH)+rows/2)
	for h := base; h <= limit; h += rows / 2 {
		if fits(h) {
			return h
		}
	}
	return base
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
	key    []string   // tie-break key of each item: the node's ID; for a dummy, see layoutNet
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

// layoutNet orders the nodes of g, node i in layer layers[i] and edge j
// from node ends[j][0] to ends[j][1], and places them (see LayeredNetwork).
func layoutNet(g Graph, layers []int, ends [][2]int) *netLayout {
	// The layered (Sugiyama) method, in three steps.
	//
	// Virtual nodes. An edge that spans more than one layer (such as a
	// direct contract from layer 0 to layer 2) gets a virtual (dummy)
	// node in every layer it passes, so that every edge is a chain of
	// steps between adjacent layers.
	//
	// Order (lay.order). Real and virtual nodes start in ID order within
	// their layer (a virtual node sorts with the ID of the edge's end in
	// the higher layer); then four barycenter sweeps, alternately down
	// and up the layers, move each node to the mean relative position of
	// its neighbours in the layer before it in the sweep, ties broken by
	// ID. The order with the fewest crossings seen is kept; counted over
	// the steps between adjacent layers, these are all the crossings of
	// the drawing (edges within a layer aside).
	//
	// Position (lay.place). Nodes are placed on rows, at least one row
	// apart, in their order. The layer with the most real and virtual
	// nodes (the last on a tie) takes one node per row; each layer after
	// it is then placed from the layer before, and each layer before it
	// from the layer after, every node as close as possible to the mean
	// row of its neighbours there (a weighted least-squares fit that
	// keeps the order and spacing, with virtual nodes weighted 4 to 1 so
	// that long edges run straight). In a contractor → signatory →
	// end-user network the end users are the widest layer: an
	// intermediary sits level with its end user (the middle of its end
	// users, which are next to each other), and the end users of direct
	// contracts fill the rows between.
	lay := &netLayout{}
	nl := 0
	for _, l := range layers {
		nl = max(nl, l+1)
	}
	for i, v := range g.Nodes {
		lay.layer = append(lay.layer, layers[i])
		lay.key = append(lay.key, v.ID)
		lay.dummy = append(lay.dummy, false)
	}
	lay.segs = make([][][2]int, max(nl-1, 0))
	adj := make([][]int, len(g.Nodes)) // neighbours in adjacent layers
	link := func(a, b int) {
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
		if lay.layer[a] > lay.layer[b] {
			a, b = b, a
		}
		lay.segs[lay.layer[a]] = append(lay.segs[lay.layer[a]], [2]int{a, b})
	}
	// Edges in a canonical order, so that the dummies (and hence the
	// layout) do not depend on the order of g.Edges.
	edges := make([]int, len(g.Edges))
	for i := range edges {
		edges[i] = i
	}
	slices.SortStableFunc(edges, func(i, j int) int {
		a, b := g.Edges[i], g.Edges[j]
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Weight, b.Weight))
	})
	lay.chains = make([][]int, len(g.Edges))
	for _, ei := range edges {
		from, to := ends[ei][0], ends[ei][1]
		lf, lt := layers[from], layers[to]
		chain := []int{from}
		if lf != lt {
			step := 1
			if lt < lf {
				step = -1
			}
			// The dummy's key sorts it with the edge's end in the
			// higher layer, which it stands in for.
			lo, hi := from, to
			if lt < lf {
				lo, hi = hi, lo
			}
			key := g.Nodes[hi].ID + "\x00" + g.Nodes[lo].ID
			prev := from
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
			link(prev, to)
		}
		lay.chains[ei] = append(chain, to)
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

// netPlot draws a layered network; it is a plot.Plotter that ignores the
// axes and fills the data canvas.
type netPlot struct {
	g          Graph
	layers     []int    // layer of each node
	ends       [][2]int // node indices of each edge
	lay        *netLayout
	labels     []string
	parts      [][2]string // English and Chinese of a bilingual label
	labelStyle text.Style
	legend     legend
	// rMax is the largest node radius of the last Plot (netMaxRadius
	// before the first); the size key draws with it.
	rMax vg.Length

	// Outcome of the last Plot: the label size, whether some label was
	// shortened, the height left for the rows, and where everything went.
	fitSize   vg.Length
	truncated bool
	rowsRoom  vg.Length
	geom      netGeometry
}

// Plot implements plot.Plotter.
func (np *netPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	g := np.g
	// The legend's height does not depend on rMax (its size key keeps
	// room for netMaxRadius), but its markers do.
	legendH := np.legend.height(c)
	top := c.Max.Y - legendH - 4
	bottom := c.Min.Y
	lay := np.lay
	np.rowsRoom = top - bottom
	rowH := (top - bottom) / vg.Length(lay.rows)

	// Node radii: area ∝ Size, at least netMinRadius.
	rMax := min(netMaxRadius, rowH*0.42)
	np.rMax = rMax
	np.legend.draw(c)
	radius := nodeRadii(g.Nodes, 0, min(netMinRadius, rMax), rMax)
	np.geom = netGeometry{}

	// Labels: fit them into the row height and a column width. The
	// labels of the middle layers stand between two columns, so they
	// must also leave room for the next column's nodes and arrowheads:
	// the gap after a middle layer is widened, at the expense of the
	// others, to hold its labels and the next column's arrowheads.
	// Labels are measured with the font metrics and wrapped onto as few
	// lines as they need, up to netMaxLines where the rows leave room (a
	// bilingual label as English over Chinese where that fits, never
	// broken inside the Chinese); the font is shrunk (to MinTextSize)
	// or, as a last resort, the label shortened with "…" so that labels
	// do not overlap.
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

	// Edges, then nodes, then labels; the labels of middle layers lie
	// on a white halo over their own outgoing edge.
	maxW := 0.0
	for _, e := range g.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for i, e := range g.Edges {
		w := edgeWidth(e.Weight, maxW)
		path := make([]vg.Point, len(lay.chains[i]))
		for j, it := range lay.chains[i] {
			path[j] = pts[it]
		}
		line, head := drawEdge(c, path, radius[np.ends[i][0]], radius[np.ends[i][1]], w, e.Directed)
		if line != nil {
			np.geom.edges = append(np.geom.edges, line)
		}
		if head != nil {
			np.geom.heads = append(np.geom.heads, head)
		}
	}
	for i, v := range g.Nodes {
		k := np.legend.nodes.index[v.Kind]
		drawShape(c, k, pts[i], radius[i], DataColor(k))
		r := radius[i] * shapeReach
		np.geom.nodes = append(np.geom.nodes, vg.Rectangle{Min: vg.Point{X: pts[i].X - r, Y: pts[i].Y - r}, Max: vg.Point{X: pts[i].X + r, Y: pts[i].Y + r}})
	}
	for i := range g.Nodes {
		s := sty
		p := pts[i]
		l := np.layers[i]
		if l == 0 && nl > 1 {
			s.XAlign = text.XRight
			p.X -= radius[i] + netLabelGap
		} else {
			s.XAlign = text.XLeft
			p.X += radius[i] + netLabelGap
		}
		s.YAlign = text.YCenter
		r := s.Rectangle(labels[i]).Add(p)
		if l > 0 && l < nl-1 {
			c.SetColor(labelHalo)
			c.Fill(r.Path())
		}
		c.FillText(s, p, labels[i])
		np.geom.labels = append(np.geom.labels, r)
		np.geom.owner = append(np.geom.owner, i)
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
// rb) free, w wide, with an arrowhead at the target if directed. Each
// step between layers is a cubic Bézier curve that leaves and enters
// horizontally, so the curve is smooth at the dummies.
//
// It returns the line drawn and the arrowhead's corners (nil if none).
func drawEdge(c draw.Canvas, path []vg.Point, ra, rb, w vg.Length, directed bool) (drawn, tip []vg.Point) {
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
		return nil, nil
	}
	sty := draw.LineStyle{Color: edgeColor, Width: w}
	if !directed {
		c.StrokeLines(sty, line)
		return line, nil
	}
	end := line[len(line)-1]
	prev := line[len(line)-2]
	d := dist(end, prev)
	ux, uy := (end.X-prev.X)/d, (end.Y-prev.Y)/d
	// Stop the line at the arrowhead's base.
	base, head := arrowhead(end, ux, uy, w)
	line[len(line)-1] = base
	c.StrokeLines(sty, line)
	c.SetColor(edgeColor)
	c.Fill(head)
	return line, pathPoints(head)
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
