package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
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
		var g plots.Graph
		var sel analysis.DrawSelection
		if g, sel, err = PlainGraph(r, m, p); err == nil {
			o := withNote(p.Options, sel.Note)
			fig, err = plots.NetworkGraph(plainTitle(r, "Network"), g, o)
		}
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
//   - node size by p.Size: a node measure of SizeMeasures taken from m,
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
	if size == "" {
		size = "betweenness"
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
	out := plots.Graph{SizeLabel: sizeLabel, Layout: plots.LayoutForce, Seed: p.Seed}
	if p.Layout != "" {
		if out.Layout, err = plots.ParseLayout(p.Layout); err != nil {
			return plots.Graph{}, sel, err
		}
	}
	if in.Weighted {
		out.WeightLabel = "weight"
	}
	if p.ColorBy != "" {
		if colours, err = nodeColumn(in, p.ColorBy, "color-by"); err != nil {
			return plots.Graph{}, sel, err
		}
		out.KindOrder, colours = categoriesOf(colours, sel.Nodes)
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

