package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// FigureParams are the settings of how the figures are drawn; what they
// show comes from analysis.Results.
type FigureParams struct {
	// Options are the plots options (language, font, source, size, DPI).
	Options plots.Options
	// Size is the node measure that sets node size in the "graph" and
	// "case-network" figures: one of SizeMeasures; "" means "auto"
	// (AutoSize).
	Size string
	// Layout is the layout of the "graph" figure: "force" (also ""),
	// "layered" or "auto" (see plots.ParseLayout).
	Layout string
	// Top is the number of parties of the "ranking" figure; 0 means 10.
	Top int
	// Seed seeds the force-directed layouts.
	Seed uint64
	// Label and ColorBy name node columns of a network of one's own
	// (analysis.GraphInput): the node labels, and a categorical colour
	// with a legend; "" means the node names and one colour. Size may
	// name a numeric node column too (see PlainGraph).
	Label, ColorBy string
}

// SizeMeasures are the node sizes of the "graph" and "case-network"
// figures: "auto" (AutoSize), the node measures of the registry that can
// size nodes (metrics.NodeMeasureNames), the number of contracts, and
// "none".
var SizeMeasures = append(append([]string{"auto"}, metrics.NodeMeasureNames(true)...), "contracts", "none")

// AutoSize returns the node measure that "auto" sizes nodes by, given
// each node's degree and betweenness (same order): "betweenness" when it
// varies meaningfully, else "degree". Betweenness varies meaningfully
// when at least a third of the nodes have a positive betweenness (lie
// on a shortest path between two others) and every node of the highest
// degree has a positive betweenness. Otherwise it would draw the hubs
// smallest: on a tree drawn from its root, such as a contractor with its
// subcontracts, the directed betweenness of the root is 0, while its
// degree counts its partners.
func AutoSize(degree, betweenness []float64) string {
	if len(degree) == 0 || len(degree) != len(betweenness) {
		return "degree"
	}
	top := slices.Max(degree)
	positive := 0
	for i, b := range betweenness {
		if b > 0 {
			positive++
		} else if degree[i] == top {
			return "degree"
		}
	}
	if 3*positive < len(betweenness) {
		return "degree"
	}
	return "betweenness"
}

// FigureSpec is a figure of the catalogue.
type FigureSpec struct {
	// Name is the figure's name on the command line and its file name in
	// the report.
	Name string
	// Summary is one line on what the figure shows.
	Summary string
	// Caption is the figure's caption in the report.
	Caption string
	// Title is the title drawn on the figure (some figures add the
	// numbers behind it, such as how many contracts are left out);
	// TitleZH is the same in Chinese, drawn with --lang zh (both on two
	// lines with --lang both).
	Title, TitleZH string

	draw func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error)
	// alt returns the alt text in English and Chinese (see Alt).
	alt func(r *analysis.Results) (en, zh string)
	// note, when set, returns a remark on the ledger that the caption and
	// the figure's source line add ("" for none).
	note func(l *network.Ledger) string
}

// caption returns the figure's caption for the ledger l: Caption and the
// figure's note on l, if any.
func (f FigureSpec) caption(l *network.Ledger) string {
	if f.note != nil {
		if n := f.note(l); n != "" {
			return f.Caption + " " + n
		}
	}
	return f.Caption
}

// withNote returns the options o with the note appended to the source
// line (a figure without a source line is left so, and so refused).
func withNote(o plots.Options, note string) plots.Options {
	if note != "" && strings.TrimSpace(o.Source) != "" {
		o.Source = strings.TrimRight(o.Source, ". ") + ". " + note
	}
	return o
}

// ambiguousDates describes the contracts of l whose printed date has two
// readings (network.Contract.DateAmbiguous): every figure and analysis
// uses the first, and the note says whether the second falls in another
// year. It returns "" when there are none.
func ambiguousDates(l *network.Ledger) string {
	var parts []string
	for _, c := range l.Contracts {
		if !c.DateAmbiguous() {
			continue
		}
		year := "the same year"
		if y := c.DateAlt.Year(); y != c.Date.Year() {
			year = fmt.Sprintf("in %d", y)
		}
		parts = append(parts, fmt.Sprintf("row %d read as %s (other reading %s, %s)", c.Row, c.Date, c.DateAlt, year))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return "Ambiguous date: " + parts[0] + "."
	}
	return "Ambiguous dates: " + strings.Join(parts, "; ") + "."
}

// ambiguousDates is ambiguousDates in the figures' language.
func (p FigureParams) ambiguousDates(l *network.Ledger) string {
	en := ambiguousDates(l)
	if en == "" || p.lang() == plots.LangEN {
		return en
	}
	var parts []string
	for _, c := range l.Contracts {
		if !c.DateAmbiguous() {
			continue
		}
		year := "同年"
		if y := c.DateAlt.Year(); y != c.Date.Year() {
			year = fmt.Sprintf("在 %d 年", y)
		}
		parts = append(parts, fmt.Sprintf("第 %d 行读作 %s（另一读法 %s，%s）", c.Row, c.Date, c.DateAlt, year))
	}
	return p.tr(en, "日期有歧义："+strings.Join(parts, "；")+"。")
}

// Catalogue lists every figure of a ledger, in report order.
func Catalogue() []FigureSpec {
	return slices.Clone(catalogue)
}

// LookupFigure returns the figure of the catalogue with the given name.
func LookupFigure(name string) (FigureSpec, bool) {
	i := slices.IndexFunc(catalogue, func(f FigureSpec) bool { return f.Name == name })
	if i < 0 {
		return FigureSpec{}, false
	}
	return catalogue[i], true
}

// Draw draws the figure from the results of a ledger (and case data), or
// of a network of one's own (analysis.NewGraphResults; see drawPlain for
// the figures that apply to one).
func (f FigureSpec) Draw(r *analysis.Results, p FigureParams) (*plots.Figure, error) {
	if r != nil && r.Graph() != nil {
		return drawPlain(f, r, p)
	}
	if r == nil || r.Ledger() == nil {
		return nil, fmt.Errorf("report: no ledger")
	}
	fig, err := f.draw(r, p, f.title(p))
	if err != nil {
		return nil, fmt.Errorf("report: figure %s: %w", f.Name, err)
	}
	return fig, nil
}

var ministryNames = map[string][2]string{
	string(network.MPS):             {"Public security (MPS)", "公安部系统"},
	string(network.MSS):             {"State security (MSS)", "国家安全部系统"},
	string(network.NoMinistry):      {"No ministry", "无"},
	string(network.UnknownMinistry): {"Unknown", "不详"},
}

var levelNames = map[string][2]string{
	string(network.National):      {"National", "国家级"},
	string(network.Provincial):    {"Provincial", "省级"},
	string(network.Prefectural):   {"Prefectural", "地市级"},
	string(network.County):        {"County", "县级"},
	string(network.District):      {"District", "区级"},
	string(network.UnknownLevel):  {"Unknown", "不详"},
	string(network.NotApplicable): {"Not a state body", "非国家机关"},
}

// categories returns the groups of a tally as bars, in the order of keys
// (always including the keys in always, with zero if absent), then any
// other groups in tally order.
func categories(t metrics.Tally, keys []string, always []string, names map[string][2]string) []plots.Category {
	var cats []plots.Category
	done := map[string]bool{}
	add := func(key string, g metrics.Group) {
		n, ok := names[key]
		if !ok {
			n = [2]string{g.Label, ""}
			if n[0] == "" {
				n[0] = key
			}
		}
		cats = append(cats, plots.Category{Label: n[0], LabelZH: n[1], Count: g.Contracts, Amount: float64(g.AmountFen) / 100})
		done[key] = true
	}
	for _, k := range keys {
		g, ok := t.Group(k)
		if ok || slices.Contains(always, k) {
			add(k, g)
		}
	}
	for _, g := range t.Groups {
		if !done[g.Key] {
			add(g.Key, g)
		}
	}
	return cats
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

var catalogue = []FigureSpec{
	implicationsFigure,
	{Name: "client-type", Title: "Contracts by client type", TitleZH: "按客户类型的合同",
		alt:     dimAlt(network.DimClientType, "client type", "客户类型", clientTypeCategories),
		Summary: "contracts and amount (CNY) by client type: paired bar panels",
		Caption: "Number and amount of contracts by the client direction printed in the ledger (客户方向).",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			t, err := r.Tally(network.DimClientType)
			if err != nil {
				return nil, err
			}
			return plots.ContractsByCategory(title, greyUnknown(clientTypeCategories(t)), p.Options)
		}},
	{Name: "ministry", Title: "Contracts by ministry of the end user", TitleZH: "按最终用户所属部委的合同",
		alt: dimAlt(network.DimMinistry, "the end user's ministry", "最终用户所属部委", func(t metrics.Tally) []plots.Category {
			return categories(t, strs(network.Ministries), nil, ministryNames)
		}),
		Summary: "contracts and amount (CNY) by the end user's ministry (MPS, MSS, none)",
		Caption: "Number and amount of contracts by the ministry of the end user: the public-security (MPS) or state-security (MSS) system, or none for companies.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			t, err := r.Tally(network.DimMinistry)
			if err != nil {
				return nil, err
			}
			return plots.ContractsByCategory(title, greyUnknown(categories(t, strs(network.Ministries), nil, ministryNames)), p.Options)
		}},
	{Name: "level", Title: "Contracts by administrative level of the end user", TitleZH: "按最终用户行政级别的合同",
		alt:     dimAlt(network.DimLevel, "the end user's administrative level", "最终用户行政级别", levelCategories),
		Summary: "contracts and amount (CNY) by administrative level (national, provincial, prefectural, county, district)",
		Caption: "Number and amount of contracts by the administrative level of the end user, from the national level down. Levels with no contract are shown as zero; \"not a state body\" are companies and associations.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			t, err := r.Tally(network.DimLevel)
			if err != nil {
				return nil, err
			}
			o := p.Options
			// Seven rows need more than the default height; bilingual
			// rows get theirs from the figure (two lines a row).
			if o.Height == 0 && p.lang() != plots.LangBoth {
				o.Height = o.Width * 0.8
				if o.Height == 0 {
					o.Height = 72 * vgMM
				}
			}
			return plots.ContractsByCategory(title, levelCategories(t), o)
		}},
	{Name: "province", Title: "Contracts by province of the end user", TitleZH: "按最终用户所在省份的合同",
		alt:     dimAlt(network.DimProvince, "the end user's province", "最终用户所在省份", provinceCategories),
		Summary: "contracts and amount (CNY) by the end user's province, sorted by amount",
		Caption: "Number and amount of contracts by the province of the end user, sorted by amount.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			t, err := r.Tally(network.DimProvince)
			if err != nil {
				return nil, err
			}
			return plots.ContractsBySortedCategory(title, provinceCategories(t), p.Options)
		}},
	{Name: "province-map", Title: "Amount by province of the end user", TitleZH: "最终用户所在省份的合同金额",
		alt: func(r *analysis.Results) (string, string) {
			t, err := r.Tally(network.DimProvince)
			if err != nil {
				return "", ""
			}
			vals, skipped := provinceValues(t)
			if len(vals) == 0 {
				return "", ""
			}
			top := slices.MaxFunc(vals, func(a, b plots.ProvinceValue) int { return cmp.Compare(a.Value, b.Value) })
			tile, _ := plots.LookupProvince(top.Province)
			e, z := yuan(top.Value)
			return fmt.Sprintf("Tile map of the 31 province-level units shaded by amount: %d with contracts; the largest amount is %s's, %s. %d contracts of unknown province are not shown.", len(vals), tile.Name, e, skipped),
				fmt.Sprintf("省级单位瓦片地图，按金额着色：%d 个省份有合同；金额最多的是%s，%s。%d 份省份不详的合同未画出。", len(vals), tile.NameZH, z, skipped)
		},
		Summary: "tile-grid map of the 31 province-level units shaded by amount (CNY); empty tiles have no contract",
		Caption: "Amount of contracts by the province of the end user on a tile grid of the 31 province-level units of mainland China (each unit one tile, placed roughly as on a map). Empty tiles: no contract in the ledger. Contracts whose end user has no known province are not shown.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			t, err := r.Tally(network.DimProvince)
			if err != nil {
				return nil, err
			}
			vals, skipped := provinceValues(t)
			if skipped > 0 {
				title += p.tr(fmt.Sprintf(" (%d contracts of unknown province not shown)", skipped), fmt.Sprintf("（%d 份省份不详的合同未画出）", skipped))
			}
			return plots.ProvinceTileMap(title, vals, p.tr("Amount (CNY)", "金额（元）"), p.Options)
		}},
	{Name: "timeline", Title: "Contracts over time", TitleZH: "合同的时间分布", alt: timelineAlt,
		Summary: "signing date against amount (CNY), coloured by client type; month-only dates as intervals",
		Caption: "Each contract at its signing date and amount, coloured and shaped by client type. A contract dated to the day is a point; one dated only to the month is a segment spanning the month.",
		note:    ambiguousDates,
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			labels := map[string][2]string{}
			for k, v := range clientTypeNames {
				labels[string(k)] = v
			}
			return plots.Timeline(title, contractEvents(r.Ledger()), strs(network.ClientTypes), labels, withNote(p.Options, p.ambiguousDates(r.Ledger())))
		}},
	{Name: "lorenz", Title: "Concentration of amounts", TitleZH: "金额的集中程度", alt: lorenzAlt,
		Summary: "Lorenz curves of the amount over end users and over provinces, with Gini coefficients",
		Caption: "Lorenz curves of the contract amounts over end users and over provinces: the further below the diagonal, the more the amount is concentrated on few units. Gini coefficients as in the tables (metrics.Gini).",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			var curves []plots.LorenzCurve
			if c, ok := lorenzCurve("End users", "最终用户", analysis.EndUserAmounts(r.Ledger())); ok {
				curves = append(curves, c)
			}
			t, err := r.Tally(network.DimProvince)
			if err != nil {
				return nil, err
			}
			if c, ok := lorenzCurve("Provinces", "省份", provinceAmounts(t)); ok {
				curves = append(curves, c)
			}
			return plots.LorenzCurves(title, curves, p.Options)
		}},
	{Name: "network", Title: "Ledger network", TitleZH: "账本网络", alt: networkAlt,
		Summary: "the ledger network in layers: contractor → intermediary signatories → end users",
		Caption: "The ledger network: contractor → intermediary signatories → end users, edge width by amount, node area by number of contracts (the key gives reference sizes), colour and shape by kind of party. A network too tall for a page groups its end users with the fewest contracts as “+n more” nodes, and says how many.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			return plots.LayeredNetwork(title, LedgerNet(r.Network()), p.Options)
		}},
	{Name: "graph", Title: "Ledger network", TitleZH: "账本网络", alt: networkAlt,
		Summary: "general network drawing (force-directed or layered), node size by degree or a chosen centrality (--size)",
		Caption: "The ledger network drawn by the general network drawing of ecosys: force-directed layout (Fruchterman–Reingold, fixed seed), node area by degree, or by betweenness centrality where it varies meaningfully (unless another measure is chosen; the key names the measure and gives reference sizes), colour and shape by kind, edge width by amount, arrows for the direction of contracting. Labels that find no free place are named in the figure's note.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			g, err := ledgerGraphOf(r, p)
			if err != nil {
				return nil, err
			}
			return plots.NetworkGraph(title, g, p.Options)
		}},
	caseNetworkFigure,
	{Name: "ranking", Title: "Top %[1]d parties by centrality", TitleZH: "中心性最高的 %[1]d 个参与方", alt: rankingAlt,
		Summary: "top-k parties across degree, strength, betweenness, harmonic closeness and PageRank (dot plot, normalised)",
		Caption: "The parties that rank highest on five centrality measures of the ledger network (amount-weighted where weights apply), each measure divided by its largest value. In a one-contractor ledger the contractor tops most measures by construction; what matters is who comes next.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			m, err := r.Measures()
			if err != nil {
				return nil, err
			}
			measures := []plots.Measure{{Label: "Degree", LabelZH: "度"}, {Label: "Strength (CNY)", LabelZH: "强度（元）"},
				{Label: "Betweenness", LabelZH: "中介中心性"}, {Label: "Harmonic closeness", LabelZH: "调和接近中心性"}, {Label: "PageRank", LabelZH: "PageRank"}}
			parties := rankedParties(r.Network(), m, "degree", "strength", "betweenness", "harmonic", "pagerank")
			k := p.Top
			if k == 0 {
				k = 10
			}
			return plots.CentralityRanking(fmt.Sprintf(title, min(k, len(parties), plots.MaxRankingRows(p.lang()))), measures, parties, k, p.Options)
		}},
	{Name: "degree", Title: "Degree distribution", TitleZH: "度分布", alt: degreeAlt,
		Summary: "complementary CDF of in-, out- and total degree on log–log axes",
		Caption: "Complementary cumulative distribution P(K ≥ k) of the degrees of the ledger network's parties, on log–log axes. Most parties have one tie; the contractor and a few intermediaries have many.",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			in, out, tot := degreeLists(metrics.Degrees(r.Network().Directed(network.ByContracts)))
			return plots.DegreeCCDF(title, []plots.DegreeSeries{
				{Label: "Total degree", LabelZH: "总度", Degrees: tot},
				{Label: "In-degree", LabelZH: "入度", Degrees: in},
				{Label: "Out-degree", LabelZH: "出度", Degrees: out},
			}, p.Options)
		}},
	{Name: "sensitivity", Title: "Sensitivity to missing contracts", TitleZH: "对合同缺失的敏感性", alt: sensitivityAlt,
		Summary: "statistics of the ledger network as contracts go missing at random: mean and 95% band",
		Caption: "How the concentration of amounts over end users (Gini, HHI) and the share of the largest end user move when a growing share of contracts is removed at random: mean and 95% range over the replicates, with the value on the complete ledger (dashed).",
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			var curves []plots.SensitivityCurve
			for _, st := range sensitivityStats {
				pts, err := r.Sensitivity(st.id, sensitivityFractions)
				if err != nil {
					return nil, err
				}
				c := sensitivityCurve(st.id, pts)
				c.Label, c.LabelZH = st.en, st.zh
				curves = append(curves, c)
			}
			return plots.SensitivityCurves(title, curves, p.Options)
		}},
	{Name: "over-time", Title: "Centralization over time", TitleZH: "中心势的时间变化", alt: overTimeAlt,
		Summary: "degree, betweenness and harmonic centralization of yearly and cumulative snapshots of the ledger network",
		Caption: "Freeman centralization of the ledger network of each year's contracts, and of all contracts up to each year, with the number of contracts under each year. Contracts without a date are in no snapshot.",
		note:    ambiguousDates,
		draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
			keys := []string{"degree", "betweenness", "harmonic"}
			snaps, undated, err := analysis.CentralizationByYear(r.Ledger(), keys)
			if err != nil {
				return nil, err
			}
			if len(snaps) == 0 {
				return nil, fmt.Errorf("no contract has a date")
			}
			measures := []plots.Measure{{Label: "Degree", LabelZH: "度"}, {Label: "Betweenness", LabelZH: "中介"}, {Label: "Harmonic closeness", LabelZH: "调和接近"}}
			yearly, cum := snapshots(snaps, keys)
			if undated > 0 {
				title += p.tr(fmt.Sprintf(" (%d undated contracts left out)", undated), fmt.Sprintf("（%d 份无日期合同未计入）", undated))
			}
			return plots.CentralizationOverTime(title, measures, yearly, cum, withNote(p.Options, p.ambiguousDates(r.Ledger())))
		}},
	claimsFigure,
}

// provinceValues returns the amount (CNY) of every province of the tally
// that is on the tile map, and the number of contracts of the others.
func provinceValues(t metrics.Tally) (vals []plots.ProvinceValue, skipped int) {
	for _, g := range t.Groups {
		if _, ok := plots.LookupProvince(g.Key); !ok {
			skipped += g.Contracts
			continue
		}
		vals = append(vals, plots.ProvinceValue{Province: g.Key, Value: float64(g.AmountFen) / 100})
	}
	return vals, skipped
}

// contractEvents returns the contracts of l as timeline events: amount,
// client type and, if dated, the day or month of signing.
func contractEvents(l *network.Ledger) []plots.Event {
	var evs []plots.Event
	for _, c := range l.Contracts {
		e := plots.Event{Amount: c.Amount.Yuan(), Group: string(c.ClientType)}
		if !c.Date.IsZero() {
			e.Start, e.End = c.Date.Start, c.Date.End
		}
		evs = append(evs, e)
	}
	return evs
}

// provinceAmounts returns the amount (CNY) of every known province of
// the tally.
func provinceAmounts(t metrics.Tally) []float64 {
	var prov []float64
	for _, g := range t.Groups {
		if g.Key != "unknown" {
			prov = append(prov, float64(g.AmountFen)/100)
		}
	}
	return prov
}

// lorenzCurve returns the Lorenz curve and Gini coefficient of the amounts
// x; ok is false when they are undefined.
func lorenzCurve(label, zh string, x []float64) (c plots.LorenzCurve, ok bool) {
	pts := metrics.Lorenz(x)
	g := metrics.Gini(x)
	if pts == nil || !g.OK {
		return c, false
	}
	c = plots.LorenzCurve{Label: label, LabelZH: zh, Gini: g.V, Units: len(x)}
	for _, pt := range pts {
		c.Points = append(c.Points, [2]float64{pt.Population, pt.Share})
	}
	return c, true
}

// ledgerGraphOf returns the ledger network of r for the "graph" figure,
// sized, laid out and seeded as p says.
func ledgerGraphOf(r *analysis.Results, p FigureParams) (plots.Graph, error) {
	var m *metrics.Report
	if p.Size != "contracts" && p.Size != "none" {
		var err error
		if m, err = r.Measures(); err != nil {
			return plots.Graph{}, err
		}
	}
	g, err := LedgerGraph(r.Network(), m, p.Size)
	if err != nil {
		return plots.Graph{}, err
	}
	g.Layout = plots.LayoutForce
	if p.Layout != "" {
		if g.Layout, err = plots.ParseLayout(p.Layout); err != nil {
			return plots.Graph{}, err
		}
	}
	g.Seed = p.Seed
	return g, nil
}

// rankedParties returns every party of the network n with its scores on
// the node measures of m named by columns, in that order (NaN where
// undefined).
func rankedParties(n *network.Network, m *metrics.Report, columns ...string) []plots.RankedParty {
	cols := make([][]metrics.Value, len(columns))
	for k, name := range columns {
		cols[k] = m.Nodes.Column(name)
	}
	var parties []plots.RankedParty
	for i, id := range m.Nodes.IDs {
		e := n.Nodes[id].Entity
		zh := e.NameZH
		if e.Kind == network.Individual {
			zh = ""
		}
		scores := make([]float64, len(cols))
		for k, col := range cols {
			scores[k] = val(col[i])
		}
		parties = append(parties, plots.RankedParty{ID: e.ID, Label: e.Name(), LabelZH: zh, Scores: scores})
	}
	return parties
}

// degreeLists returns the in-, out- and total degrees of the nodes, in
// order of node id.
func degreeLists(deg map[int64]metrics.Degree) (in, out, tot []int) {
	ids := make([]int64, 0, len(deg))
	for id := range deg {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		in = append(in, deg[id].In)
		out = append(out, deg[id].Out)
		tot = append(tot, deg[id].In+deg[id].Out)
	}
	return in, out, tot
}

// sensitivityCurve returns the curve of the statistic stat over the
// fractions of contracts removed, its observed value the mean at fraction
// 0 (NaN without it).
func sensitivityCurve(stat string, pts []inference.SensitivityPoint) plots.SensitivityCurve {
	c := plots.SensitivityCurve{Statistic: stat, Removal: "contracts", Observed: math.NaN()}
	for _, pt := range pts {
		c.Points = append(c.Points, plots.SensitivityPoint{Fraction: pt.Fraction, Mean: pt.Mean, Lower: pt.Lower, Upper: pt.Upper})
		c.Level = pt.Level
	}
	if len(pts) > 0 && pts[0].Fraction == 0 {
		c.Observed = pts[0].Mean
	}
	return c
}

// snapshots returns the centralizations keys of every year's snapshot and
// of every cumulative one.
func snapshots(snaps []analysis.YearSnapshot, keys []string) (yearly, cum []plots.Snapshot) {
	for _, s := range snaps {
		y := plots.Snapshot{Year: s.Year, Contracts: s.Contracts}
		c := plots.Snapshot{Year: s.Year, Contracts: s.CumulativeContracts}
		for _, k := range keys {
			y.Values = append(y.Values, s.Yearly[k])
			c.Values = append(c.Values, s.Cumulative[k])
		}
		yearly, cum = append(yearly, y), append(cum, c)
	}
	return yearly, cum
}

// vgMM is a millimetre in points.
const vgMM = 72 / 25.4

func val(v metrics.Value) float64 {
	if !v.OK {
		return math.NaN()
	}
	return v.V
}

// nodeMeasure returns the column of node measure size (a measure of the
// registry that can size nodes) in r, 0 where it is undefined.
func nodeMeasure(r *metrics.Report, size string) ([]float64, error) {
	m, err := metrics.LookupNodeMeasure(size)
	if err != nil || !m.Size {
		return nil, fmt.Errorf("unknown size measure %q (want one of %s)", size, strings.Join(SizeMeasures, ", "))
	}
	col := r.Nodes.Column(size)
	out := make([]float64, len(col))
	for i, v := range col {
		if v.OK {
			out[i] = v.V
		}
	}
	return out, nil
}

// LedgerGraph converts the ledger network n for plots.NetworkGraph:
// nodes coloured and shaped by kind, sized by the node measure size (one
// of SizeMeasures; "" means "auto", which chooses between degree and
// betweenness by AutoSize) taken from r (metrics.Compute of n; it may be
// nil for "contracts" and "none"), edges directed, of kind "contract",
// weighted by amount.
func LedgerGraph(n *network.Network, r *metrics.Report, size string) (plots.Graph, error) {
	if size == "" || size == "auto" {
		if r == nil {
			return plots.Graph{}, fmt.Errorf("no measures to size nodes by")
		}
		deg, err := nodeMeasure(r, "degree")
		if err != nil {
			return plots.Graph{}, err
		}
		btw, err := nodeMeasure(r, "betweenness")
		if err != nil {
			return plots.Graph{}, err
		}
		size = AutoSize(deg, btw)
	}
	g := plots.Graph{KindLabels: KindLabels, WeightLabel: "amount (CNY)", WeightAmount: true, LabelsZH: LegendZH}
	for _, k := range network.Kinds {
		g.KindOrder = append(g.KindOrder, string(k))
	}
	sizes := make([]float64, len(n.Nodes))
	switch size {
	case "none":
	case "contracts":
		for _, e := range n.Edges {
			sizes[e.To] += float64(e.Contracts)
			if n.Nodes[e.From].Role == network.Contractor {
				sizes[e.From] += float64(e.Contracts)
			}
		}
		g.SizeLabel = "contracts"
	default:
		if r == nil {
			return g, fmt.Errorf("no measures to size nodes by %s", size)
		}
		col, err := nodeMeasure(r, size)
		if err != nil {
			return g, err
		}
		for i, id := range r.Nodes.IDs {
			sizes[id] = col[i]
		}
		g.SizeLabel = size
	}
	for i, v := range n.Nodes {
		zh := v.Entity.NameZH
		if v.Entity.Kind == network.Individual {
			zh = ""
		}
		g.Nodes = append(g.Nodes, plots.GraphNode{ID: v.Entity.ID, Label: v.Entity.Name(), LabelZH: zh, Kind: string(v.Entity.Kind), Size: sizes[i]})
	}
	for _, e := range n.Edges {
		g.Edges = append(g.Edges, plots.GraphEdge{From: n.Nodes[e.From].Entity.ID, To: n.Nodes[e.To].Entity.ID, Weight: e.Amount.Yuan(), Directed: true, Kind: "contract"})
	}
	slices.SortFunc(g.Edges, func(a, b plots.GraphEdge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return g, nil
}

// implicationsFigure is the catalogue entry of the ecosystem verdict's
// implications against their null distributions.
var implicationsFigure = FigureSpec{Name: "implications", Title: "Ecosystem verdict: %[1]s", TitleZH: "生态系统判断：%[2]s", alt: implicationsAlt,
	Summary: "each implication of the ecosystem verdict: tests against their null distributions (and alternatives), shares with their intervals",
	Caption: "The implications of the decentralized-ecosystem hypothesis as measured on the principal–agent view of the ledger and the case data. Tested implications: the distribution of the statistic under the null model bipartite-sampled (bars; each agent keeps its number of principals, no principal is left without a tie), under the alternative of its power (dashed), and the observed value (vermillion line). Shares: the observed share with its 95% interval; the dotted lines are the thresholds 1/3 and 2/3 of the decision rule. Each panel says how the rule judged it.",
	draw: func(r *analysis.Results, p FigureParams, title string) (*plots.Figure, error) {
		v, err := r.Ecosystem()
		if err != nil {
			return nil, err
		}
		var panels []plots.ImplicationPanel
		for _, im := range v.Implications {
			if pn, ok := implicationPanel(im); ok {
				pn.NameZH = implicationNamesZH[im.Name]
				panels = append(panels, pn)
			}
		}
		if p.Options.Source != "" && r.Cases() != nil {
			p.Options.Source += p.sourceMore(caseDataSource, caseDataSourceZH)
		}
		return plots.Implications(fmt.Sprintf(title, v.Reading, cmpOr(readingZH[v.Reading], v.Reading)), panels, p.Options)
	}}

// implicationPanel returns the panel of an implication of the verdict:
// its observed share with the interval, or its null (and alternative)
// samples; ok is false for an implication with neither.
func implicationPanel(im analysis.ImplicationResult) (pn plots.ImplicationPanel, ok bool) {
	if im.Observed == nil {
		return pn, false
	}
	imp := analysis.Implications()[slices.IndexFunc(analysis.Implications(), func(i analysis.Implication) bool { return i.Name == im.Name })]
	pn = plots.ImplicationPanel{Name: im.Name, Observed: *im.Observed, Verdict: "favours " + im.Favours,
		VerdictZH: "支持" + cmpOr(readingZH[im.Favours], im.Favours)}
	if im.Favours == analysis.Neither || im.Favours == analysis.Descriptive {
		pn.Verdict = im.Favours + ": " + strings.SplitN(im.Why, ":", 2)[0]
		pn.VerdictZH = cmpOr(readingZH[im.Favours], im.Favours)
	}
	if im.Interval != nil {
		pn.Share, pn.Lower, pn.Upper = true, im.Interval[0], im.Interval[1]
		pn.LowLabel, pn.HighLabel = imp.Low, imp.High
		pn.LowLabelZH, pn.HighLabelZH = cmpOr(readingZH[imp.Low], imp.Low), cmpOr(readingZH[imp.High], imp.High)
	} else if len(im.NullSamples) > 0 {
		pn.Null, pn.Alternative = im.NullSamples, im.AltSamples
		if im.PHolm != nil {
			pn.Verdict = fmt.Sprintf("Holm p = %.3g, power %s: %s", *im.PHolm, fmtOpt(im.Power), pn.Verdict)
			pn.VerdictZH = fmt.Sprintf("Holm p = %.3g，检验力 %s：%s", *im.PHolm, fmtOptZH(im.Power), pn.VerdictZH)
		}
	} else {
		return pn, false
	}
	return pn, true
}

func fmtOptZH(p *float64) string {
	if p == nil {
		return "无"
	}
	return fmt.Sprintf("%.2f", *p)
}

// implicationNamesZH are the Chinese panel titles of the implications.
var implicationNamesZH = map[string]string{
	"principal_level":         "委托方的层级",
	"principal_concentration": "委托方的集中度",
	"locality":                "地域性",
	"vendor_reach":            "供应商的覆盖面",
}

// caseDataSource is what the source line adds for the case data.
const (
	caseDataSource   = "; case data: US court documents, Treasury designations and joint advisories (ecosys cases list)"
	caseDataSourceZH = "；案件数据：美国法院文件、财政部制裁认定与联合通报（ecosys cases list）"
)

// levelCategories returns the levels of the tally as bars: the five
// state levels always (zero if absent), from the national level down, in
// a sequential palette (darkest at the top), then the levels outside the
// order (unknown, not a state body) in grey.
func levelCategories(t metrics.Tally) []plots.Category {
	order := []network.Level{network.National, network.Provincial, network.Prefectural, network.County, network.District}
	cats := categories(t, strs(network.Levels), strs(order), levelNames)
	shades := plots.OrdinalColors(len(order))
	for i := range cats {
		cats[i].Color = plots.NeutralColor()
		for j, l := range order {
			if cats[i].Label == levelNames[string(l)][0] {
				cats[i].Color = shades[j]
			}
		}
	}
	return cats
}

// greyUnknown colours the bar of the unknown category grey, and the
// others by their place in the palette: "unknown" is no category of its
// own and should not look like one.
func greyUnknown(cats []plots.Category) []plots.Category {
	for i := range cats {
		if cats[i].Label == "Unknown" {
			cats[i].Color = plots.NeutralColor()
		}
	}
	return cats
}

// provinceCategories returns the provinces of the tally as bars, with
// their Chinese names.
func provinceCategories(t metrics.Tally) []plots.Category {
	cats := categories(t, nil, nil, map[string][2]string{"unknown": {"Unknown", "不详"}})
	for i, c := range cats {
		if tile, ok := plots.LookupProvince(c.Label); ok {
			cats[i].LabelZH = tile.NameZH
		}
		if c.Label == "Unknown" {
			cats[i].Color = plots.NeutralColor()
		}
	}
	return cats
}

func fmtOpt(p *float64) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("%.2f", *p)
}
