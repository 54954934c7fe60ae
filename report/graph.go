package report

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/plots"
)

// This file draws the figures of a network of one's own
// (analysis.NewGraphResults): the general network drawing, the ranking and
// the degree distribution. The other figures of the catalogue need a
// contract ledger or case data; PlainSkipReason says why each is left out.

// plainFigureNames are the figures of the catalogue that apply to a
// network of one's own, in report order.
var plainFigureNames = []string{"graph", "ranking", "degree"}

// plainSkipReasons say why a figure of the catalogue is left out of the
// report of a network of one's own.
var plainSkipReasons = map[string]string{
	"implications": "the ecosystem verdict needs a contract ledger and case data",
	"client-type":  "client types are a column of a contract ledger",
	"ministry":     "ministries are attributes of a ledger's end users",
	"level":        "administrative levels are attributes of a ledger's end users",
	"province":     "provinces are attributes of a ledger's end users",
	"province-map": "provinces are attributes of a ledger's end users",
	"timeline":     "it needs contract dates and amounts (a ledger)",
	"lorenz":       "it needs contract amounts by end user (a ledger)",
	"network":      "the layered drawing needs a ledger's roles (contractor, signatory, end user); the graph figure draws this network",
	"case-network": "it needs case data",
	"sensitivity":  "it removes contracts at random: it needs a ledger",
	"over-time":    "it needs dated contracts (a ledger)",
	"claims":       "the built-in claims are about the i-SOON ledger and case data",
}

// PlainSkipReason says why the figure name does not apply to a network of
// one's own; ok is false for the figures that do (graph, ranking, degree).
func PlainSkipReason(name string) (reason string, ok bool) {
	if slices.Contains(plainFigureNames, name) {
		return "", false
	}
	if r, ok := plainSkipReasons[name]; ok {
		return r, true
	}
	return "it needs a contract ledger", true
}

// drawPlain draws the figure f of a network of one's own.
func drawPlain(f FigureSpec, r *analysis.Results, p FigureParams) (*plots.Figure, error) {
	if why, skip := PlainSkipReason(f.Name); skip {
		return nil, fmt.Errorf("report: figure %s does not apply to a network of your own: %s", f.Name, why)
	}
	m, err := r.Measures()
	if err != nil {
		return nil, fmt.Errorf("report: figure %s: %w", f.Name, err)
	}
	var fig *plots.Figure
	switch f.Name {
	case "graph":
		fig, _, err = plainGraphFigure(r, m, p)
	case "ranking":
		fig, err = plainRanking(r, m, p)
	case "degree":
		fig, err = plainDegrees(r, m, p)
	}
	if err != nil {
		return nil, fmt.Errorf("report: figure %s: %w", f.Name, err)
	}
	return fig, nil
}

// plainGraphFigure draws the network of one's own (PlainGraph) with
// plots.NetworkGraph and returns the figure with the part of the network
// drawn (its note, if any, ends the figure's source line). The report
// takes the note for the caption from sel rather than select the part
// again.
func plainGraphFigure(r *analysis.Results, m *metrics.Report, p FigureParams) (*plots.Figure, analysis.DrawSelection, error) {
	g, sel, err := PlainGraph(r, m, p)
	if err != nil {
		return nil, sel, err
	}
	fig, err := plots.NetworkGraph(plainTitle(r, "Network"), g, withNote(p.Options, sel.Note))
	return fig, sel, err
}

// plainTitle names the figure after the network's source.
func plainTitle(r *analysis.Results, what string) string {
	if s := r.Graph().Source; s != "" {
		return what + ": " + s
	}
	return what
}

// nodeColumn returns the values of the node attribute col of g by node
// id, and an error naming the file and the column if g has no such
// column.
func nodeColumn(in *analysis.GraphInput, col, flag string) ([]string, error) {
	g := in.Graph
	if !slices.Contains(g.AttrNames, col) {
		have := "no node columns"
		if len(g.AttrNames) > 0 {
			have = "node columns " + strings.Join(g.AttrNames, ", ")
		}
		return nil, fmt.Errorf("--%s %s: %s has no node column %q (it has %s)", flag, col, in.Source, col, have)
	}
	out := make([]string, len(g.Names))
	for i := range out {
		if i < len(g.Attrs) {
			out[i] = g.Attrs[i][col]
		}
	}
	return out, nil
}

// maxColours is the number of categories --color-by shows each in its own
// colour; the rarer ones are drawn together as "other".
const maxColours = 7

// PlainGraph converts a network of one's own (r made by
// analysis.NewGraphResults, m its measures) for plots.NetworkGraph, as p
// says:
//
//   - node size by p.Size: a node measure of SizeMeasures taken from m
//     ("" and "auto" choose degree or betweenness by AutoSize),
//     "none", or a node column whose values are numbers (not negative; an
//     empty cell counts as 0); "" means betweenness;
//   - node labels from the node column p.Label ("" or an empty cell: the
//     node's name);
//   - node colour and shape by the node column p.ColorBy: one per value,
//     the 7 most frequent values (ties by value) in their own colour and
//     shape, any others together as "other", an empty cell as "(none)";
//     the legend lists them;
//   - edges directed if the network is, weighted if it is read weighted.
//
// A network too large to draw legibly is drawn in part: the selection
// is analysis.DrawSubset ranked by the size measure (by degree when the
// size is "none" or a column), and its Note says what is shown.
func PlainGraph(r *analysis.Results, m *metrics.Report, p FigureParams) (plots.Graph, analysis.DrawSelection, error) {
	in := r.Graph()
	if in == nil {
		return plots.Graph{}, analysis.DrawSelection{}, fmt.Errorf("not a network of your own")
	}
	g := in.Graph
	n := len(g.Names)
	size := p.Size
	if size == "" || size == "auto" {
		deg, err := nodeMeasure(m, "degree")
		if err != nil {
			return plots.Graph{}, analysis.DrawSelection{}, err
		}
		btw, err := nodeMeasure(m, "betweenness")
		if err != nil {
			return plots.Graph{}, analysis.DrawSelection{}, err
		}
		size = AutoSize(deg, btw)
	}
	sizes := make([]float64, n)
	rank, rankName := sizes, size
	var sizeLabel string
	switch {
	case size == "none":
		rank, rankName = nil, "degree"
	case slices.Contains(SizeMeasures, size) && size != "contracts":
		col, err := nodeMeasure(m, size)
		if err != nil {
			return plots.Graph{}, analysis.DrawSelection{}, err
		}
		for i, id := range m.Nodes.IDs {
			sizes[id] = col[i]
		}
		sizeLabel = strings.ReplaceAll(size, "_", " ")
	default:
		vals, err := nodeColumn(in, size, "size")
		if err != nil {
			return plots.Graph{}, analysis.DrawSelection{}, fmt.Errorf("%w; or a measure: %s", err, strings.Join(SizeMeasures, ", "))
		}
		for i, v := range vals {
			if strings.TrimSpace(v) == "" {
				continue
			}
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) {
				return plots.Graph{}, analysis.DrawSelection{}, fmt.Errorf("--size %s: node %q has %q, not a number of 0 or more", size, g.Names[i], v)
			}
			sizes[i] = x
		}
		rank, rankName = nil, "degree"
		sizeLabel = size
	}
	if rank == nil {
		rank = make([]float64, n)
		col := m.Nodes.Column("degree")
		for i, id := range m.Nodes.IDs {
			rank[id] = val(col[i])
		}
	}
	sel := analysis.DrawSubset(g.G, rank, strings.ReplaceAll(rankName, "_", " "), 0, 0)

	var labels, colours []string
	var err error
	if p.Label != "" {
		if labels, err = nodeColumn(in, p.Label, "label"); err != nil {
			return plots.Graph{}, sel, err
		}
	}
	out := plots.Graph{SizeLabel: sizeLabel, Layout: plots.LayoutForce, Seed: p.Seed, LabelsZH: LegendZH}
	if p.Layout != "" {
		if out.Layout, err = plots.ParseLayout(p.Layout); err != nil {
			return plots.Graph{}, sel, err
		}
	}
	if in.Weighted {
		out.WeightLabel = "weight"
	}
	if p.ColorBy == "" {
		// One kind: the legend names it rather than showing a bare marker.
		out.KindLabels = map[string]string{"": "Node"}
	}
	if p.ColorBy != "" {
		if colours, err = nodeColumn(in, p.ColorBy, "color-by"); err != nil {
			return plots.Graph{}, sel, err
		}
		out.KindOrder, colours = categoriesOf(colours, sel.Nodes)
		// The legend names the column: in the note beside the node size,
		// or in each category's label when there is no size note.
		if out.SizeLabel != "" {
			out.SizeLabel += "; colour by " + p.ColorBy
		} else {
			out.KindLabels = map[string]string{}
			for _, k := range out.KindOrder {
				out.KindLabels[k] = p.ColorBy + ": " + k
			}
		}
	}
	for _, id := range sel.Nodes {
		v := plots.GraphNode{ID: g.Names[id], Size: sizes[id]}
		if labels != nil && labels[id] != "" {
			v.Label = labels[id]
		}
		if colours != nil {
			v.Kind = colours[id]
		}
		out.Nodes = append(out.Nodes, v)
	}
	for _, u := range sel.Nodes {
		for it := g.G.From(u); it.Next(); {
			v := it.Node().ID()
			if _, ok := slices.BinarySearch(sel.Nodes, v); !ok || u == v || (!g.Directed && v < u) {
				continue
			}
			e := plots.GraphEdge{From: g.Names[u], To: g.Names[v], Directed: g.Directed}
			if in.Weighted {
				e.Weight = math.Abs(g.G.WeightedEdge(u, v).Weight())
			}
			out.Edges = append(out.Edges, e)
		}
	}
	slices.SortFunc(out.Edges, func(a, b plots.GraphEdge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return out, sel, nil
}

// categoriesOf returns the categories of the values of the nodes drawn,
// most frequent first (ties by value), the first maxColours kept and the
// rest merged into "other", and the values mapped to them ("(none)" for
// an empty one).
func categoriesOf(values []string, drawn []int64) (order []string, mapped []string) {
	count := map[string]int{}
	mapped = make([]string, len(values))
	for i, v := range values {
		if strings.TrimSpace(v) == "" {
			v = "(none)"
		}
		mapped[i] = v
	}
	for _, id := range drawn {
		count[mapped[id]]++
	}
	for v := range count {
		order = append(order, v)
	}
	slices.SortFunc(order, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	if len(order) > maxColours {
		keep := map[string]bool{}
		for _, v := range order[:maxColours-1] {
			keep[v] = true
		}
		for i, v := range mapped {
			if !keep[v] {
				mapped[i] = "other"
			}
		}
		order = append(order[:maxColours-1:maxColours-1], "other")
	}
	return order, mapped
}

// plainRanking draws the top nodes across degree, strength (weighted
// networks), betweenness, harmonic closeness and PageRank.
func plainRanking(r *analysis.Results, m *metrics.Report, p FigureParams) (*plots.Figure, error) {
	in := r.Graph()
	type col struct{ name, label, zh string }
	cols := []col{{"degree", "Degree", "度"}}
	if in.Weighted {
		cols = append(cols, col{"strength", "Strength", "强度"})
	}
	cols = append(cols, col{"betweenness", "Betweenness", "中介中心性"}, col{"harmonic", "Harmonic closeness", "调和接近中心性"}, col{"pagerank", "PageRank", "PageRank"})
	var measures []plots.Measure
	values := make([][]metrics.Value, len(cols))
	for k, c := range cols {
		measures = append(measures, plots.Measure{Label: c.label, LabelZH: c.zh})
		values[k] = m.Nodes.Column(c.name)
	}
	var parties []plots.RankedParty
	for i, name := range m.Nodes.Names {
		scores := make([]float64, len(cols))
		for k := range cols {
			scores[k] = val(values[k][i])
		}
		parties = append(parties, plots.RankedParty{ID: name, Label: name, Scores: scores})
	}
	k := p.Top
	if k == 0 {
		k = 10
	}
	return plots.CentralityRanking(plainTitle(r, fmt.Sprintf("Top %d nodes by centrality", min(k, len(parties)))), measures, parties, k, p.Options)
}

// plainDegrees draws the degree distribution: total degree, and in- and
// out-degree on a directed network.
func plainDegrees(r *analysis.Results, m *metrics.Report, p FigureParams) (*plots.Figure, error) {
	ints := func(name string) []int {
		var out []int
		for _, v := range m.Nodes.Column(name) {
			if v.OK {
				out = append(out, int(v.V))
			}
		}
		return out
	}
	series := []plots.DegreeSeries{{Label: "Degree", LabelZH: "度", Degrees: ints("degree")}}
	if r.Graph().Graph.Directed {
		series[0].Label, series[0].LabelZH = "Total degree", "总度"
		series = append(series, plots.DegreeSeries{Label: "In-degree", LabelZH: "入度", Degrees: ints("in_degree")},
			plots.DegreeSeries{Label: "Out-degree", LabelZH: "出度", Degrees: ints("out_degree")})
	}
	return plots.DegreeCCDF(plainTitle(r, "Degree distribution"), series, p.Options)
}

// plainNetworkName describes the network for the page: "directed,
// weighted network of 77 nodes and 254 edges".
func plainNetworkName(in *analysis.GraphInput) string {
	var kind []string
	if in.Graph.Directed {
		kind = append(kind, "directed")
	} else {
		kind = append(kind, "undirected")
	}
	if in.Weighted {
		kind = append(kind, "weighted")
	}
	if in.Mode != nil {
		kind = append(kind, "two-mode")
	}
	return strings.Join(kind, ", ") + " network"
}

// plainMethods are the terms of the Methods section that apply to a
// network of one's own.
var plainMethods = []string{"Freeman centralization", "Betweenness", "Harmonic closeness", "PageRank", "Degree distribution", "Network drawings", "Colours"}

// drawingMethod says how a network too large to draw is drawn in part.
var drawingMethod = methodNote{"Drawing large networks", fmt.Sprintf("A network of more than %d nodes or %d edges is not drawn whole, which would be illegible: the drawing shows its k-core (the maximal subgraph in which every node has at least k ties; the smallest k whose core fits, if that core has at least a third of the room) or else the nodes that rank highest on the size measure (degree when nodes are sized by a column) with the edges among them. The figure's source line says which part is shown; the tables cover every node.",
	analysis.DrawNodeLimit, analysis.DrawEdgeLimit), "Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3):269–287. doi:10.1016/0378-8733(83)90028-X"}

// nodeTableRows is the number of nodes the page's node table shows; the
// CSV file has them all.
const nodeTableRows = 50

// buildGraph adds the tables and figures of the report of a network of
// one's own to files and returns the page.
func buildGraph(r *analysis.Results, opts *Options, files map[string][]byte) (page pageData, warnings []string, err error) {
	in := r.Graph()
	if opts.Title == "" {
		opts.Title = "Network " + in.Source
	}
	m, err := r.Measures()
	if err != nil {
		return page, nil, err
	}
	gm := m.Graph
	nodes, edges := numfmt.Group(fmt.Sprint(gm.Nodes)), numfmt.Group(fmt.Sprint(gm.Edges))
	kind := plainNetworkName(in)
	article := "A"
	if strings.HasPrefix(kind, "undirected") {
		article = "An"
	}
	page.Intro = fmt.Sprintf("%s %s of %s nodes and %s edges from %s.", article, kind, nodes, edges, in.Source)
	if in.Weighted && !in.Distances {
		page.Intro += " Weights are tie strengths; shortest paths count edges."
	}

	// Graph-level measures: the table of "ecosys metrics --graph".
	mt := Table{Header: []string{"measure", "value", "max", "note"}}
	csvRows := [][]string{{"measure", "value", "max", "note"}}
	mt.Rows = append(mt.Rows, []string{"nodes", fmt.Sprint(gm.Nodes), "", ""}, []string{"edges", fmt.Sprint(gm.Edges), "", ""})
	csvRows = append(csvRows, mt.Rows...)
	for _, v := range gm.Values {
		val, full, max, fullMax, note := "undefined", "", "", "", ""
		if v.Value.OK {
			val, full = numfmt.Readable(v.Value.V), strconv.FormatFloat(v.Value.V, 'g', -1, 64)
		} else {
			note = v.Value.Note
		}
		if v.HasMax {
			max, fullMax = numfmt.Readable(v.Max), strconv.FormatFloat(v.Max, 'g', -1, 64)
		}
		mt.Rows = append(mt.Rows, []string{v.Path, val, max, note})
		csvRows = append(csvRows, []string{v.Path, full, fullMax, note})
	}
	if files["tables/metrics.csv"], err = encodeCSV(csvRows); err != nil {
		return page, nil, err
	}
	page.Metrics = &table{Caption: "Graph-level measures (ecosys metrics --graph; the CSV has full precision)", CSV: "tables/metrics.csv", Header: mt.Header, Rows: mt.Rows}

	// Node measures: every node in the CSV, the top ones by degree on the
	// page.
	t := m.Nodes
	header := append([]string{"node"}, t.Columns...)
	all := [][]string{header}
	for i := range t.IDs {
		row := []string{t.Names[i]}
		for k := range t.Columns {
			v := t.Values[k][i]
			if v.OK {
				row = append(row, strconv.FormatFloat(v.V, 'g', -1, 64))
			} else {
				row = append(row, "")
			}
		}
		all = append(all, row)
	}
	if files["tables/nodes.csv"], err = encodeCSV(all); err != nil {
		return page, nil, err
	}
	order := make([]int, t.Len())
	for i := range order {
		order[i] = i
	}
	deg, btw := t.Column("degree"), t.Column("betweenness")
	byCol := func(col []metrics.Value) func(a, b int) int {
		return func(a, b int) int {
			return cmp.Or(cmp.Compare(val0(col, b), val0(col, a)), cmp.Compare(t.Names[a], t.Names[b]))
		}
	}
	slices.SortStableFunc(order, byCol(deg))
	nt := &table{Caption: fmt.Sprintf("Node measures of the %s nodes of highest degree (ecosys metrics; every node in the CSV, at full precision)", numfmt.Group(fmt.Sprint(min(nodeTableRows, t.Len())))),
		CSV: "tables/nodes.csv", Header: header}
	if t.Len() <= nodeTableRows {
		nt.Caption = "Node measures, by degree (ecosys metrics; the CSV has full precision)"
	}
	for _, i := range order[:min(nodeTableRows, len(order))] {
		row := []string{t.Names[i]}
		for k := range t.Columns {
			v := t.Values[k][i]
			if v.OK {
				row = append(row, numfmt.Readable(v.V))
			} else {
				row = append(row, "—")
			}
		}
		nt.Rows = append(nt.Rows, row)
	}
	page.Nodes = nt

	// Headline numbers.
	page.Headlines = []headline{{nodes, "nodes and " + edges + " edges", "#tab-metrics"}}
	if v, ok := gm.Get("density"); ok && v.Value.OK {
		page.Headlines = append(page.Headlines, headline{numfmt.Readable(v.Value.V), "density", "#tab-metrics"})
	}
	if v, ok := gm.Get("weak_components"); ok && v.Value.OK {
		what := "weak components"
		if v.Value.V == 1 {
			what = "weak component: the network is connected, ignoring directions"
		}
		page.Headlines = append(page.Headlines, headline{numfmt.Group(fmt.Sprint(int(v.Value.V))), what, "#tab-metrics"})
	}
	if len(order) > 0 {
		i := order[0]
		page.Headlines = append(page.Headlines, headline{t.Names[i], "has the highest degree, " + numfmt.Readable(val0(deg, i)), "#tab-nodes"})
	}
	if btw != nil && len(order) > 0 {
		bo := slices.Clone(order)
		slices.SortStableFunc(bo, byCol(btw))
		i := bo[0]
		page.Headlines = append(page.Headlines, headline{t.Names[i], "has the highest betweenness, " + numfmt.Readable(val0(btw, i)), "#tab-nodes"})
	}
	if v, ok := gm.Get("louvain.q"); ok && v.Value.OK {
		page.Headlines = append(page.Headlines, headline{numfmt.Readable(v.Value.V), "modularity of the Louvain communities", "#tab-metrics"})
	}

	// Figures: those that apply; the page says why the others do not.
	popts := plots.Options{Lang: opts.Lang, FontPath: opts.FontPath, Source: opts.Source, DPI: opts.DPI}
	params := FigureParams{Options: popts, Seed: opts.Seed}
	for _, f := range catalogue {
		if why, skip := PlainSkipReason(f.Name); skip {
			page.Skipped = append(page.Skipped, f.Name+": left out: "+why)
			continue
		}
		caption := plainCaption(f.Name, in)
		draw := func() (*plots.Figure, error) { return f.Draw(r, params) }
		if f.Name == "graph" {
			// Drawn here, once: the caption names the part drawn.
			fig, sel, err := plainGraphFigure(r, m, params)
			if err == nil && sel.Note != "" {
				caption += " " + sel.Note
			}
			draw = func() (*plots.Figure, error) { return fig, err }
		}
		fg, err := addFigure(&page, &warnings, f, r, params, files, caption, draw)
		if err != nil {
			return page, nil, err
		}
		if fg != nil {
			page.Figures = append(page.Figures, *fg)
		}
	}
	page.Skipped = append(page.Skipped,
		"tables of contracts and amounts (by client type, ministry, level, province, year, end user, signatory) and of parties: they count a contract ledger's rows",
		"the ledger described, the sensitivity to missing contracts: they resample a contract ledger")
	page.VerdictMissing = "No ecosystem verdict and no claims checked: both are about a contract ledger and case data (ecosys report --ledger), and this is a network of your own. Its measures are below."
	for _, mn := range methodNotes {
		if slices.Contains(plainMethods, mn.Term) {
			page.Methods = append(page.Methods, mn)
		}
	}
	page.Methods = append(page.Methods, drawingMethod)
	// The explorer of the network: the whole network up to explore's size
	// limit, the highest-degree part beyond it (the page says so).
	en, err := explore.GraphNetwork("graph", "Network", in.Graph, "", explore.Options{Seed: opts.Seed})
	if err != nil {
		return page, nil, fmt.Errorf("report: %s: %w", explorerFile, err)
	}
	var b bytes.Buffer
	if err := explore.Write(&b, explore.Data{Title: in.Source, Networks: []explore.Network{en}}); err != nil {
		return page, nil, fmt.Errorf("report: %s: %w", explorerFile, err)
	}
	files[explorerFile] = b.Bytes()
	page.Explorer = explorerFile
	return page, warnings, nil
}

// plainCaption is the caption of a figure of a network of one's own.
func plainCaption(name string, in *analysis.GraphInput) string {
	switch name {
	case "graph":
		return "The network drawn force-directed (Fruchterman–Reingold, fixed seed), node area by betweenness centrality unless another measure or column is chosen" +
			map[bool]string{true: ", edge width by weight", false: ""}[in.Weighted] +
			map[bool]string{true: ", arrows for the direction of ties", false: ""}[in.Graph.Directed] +
			". A network too large to draw legibly is drawn in part; the source line under the figure says which part."
	case "ranking":
		if in.Weighted {
			return "The nodes that rank highest on degree, strength, betweenness, harmonic closeness and PageRank, each measure divided by its largest value."
		}
		return "The nodes that rank highest on degree, betweenness, harmonic closeness and PageRank, each measure divided by its largest value."
	case "degree":
		return "Complementary cumulative distribution P(K ≥ k) of the nodes' degrees, on log–log axes."
	}
	return ""
}

// val0 is the value of col at i, -Inf where undefined (it ranks last).
func val0(col []metrics.Value, i int) float64 {
	if col == nil || !col[i].OK {
		return math.Inf(-1)
	}
	return col[i].V
}
