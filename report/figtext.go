package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// lang returns the language the figures are drawn in: Options.Lang, or
// English when Chinese is asked for but no CJK font is given or found (the
// figure functions then fall back to English with a warning, and the words
// the report adds must not be Chinese either).
func (p FigureParams) lang() plots.Lang {
	l, err := plots.ParseLang(string(p.Options.Lang))
	if err != nil || l == plots.LangEN {
		return plots.LangEN
	}
	if p.Options.FontPath != "" {
		return l
	}
	if _, ok := plots.FindCJKFont(); !ok {
		return plots.LangEN
	}
	return l
}

// tr returns the English or the Chinese words, or both ("en / zh"), as
// the figures' language says.
func (p FigureParams) tr(en, zh string) string { return trLang(p.lang(), en, zh, " / ") }

// sourceMore returns a clause that a figure adds to its source line, en
// ("; case data: …") or zh ("；案件数据：…") in the figures' language. In
// both languages the Chinese clause follows the English one after " / ",
// without its leading "；": the source line reads "Source / 来源：A; case
// data: B / 案件数据：B′", not "… B / ；案件数据：B′".
func (p FigureParams) sourceMore(en, zh string) string {
	if p.lang() == plots.LangBoth {
		return en + " / " + strings.TrimPrefix(zh, "；")
	}
	return p.tr(en, zh)
}

func trLang(l plots.Lang, en, zh, sep string) string {
	switch l {
	case plots.LangZH:
		return zh
	case plots.LangBoth:
		return en + sep + zh
	}
	return en
}

// title returns the title drawn on the figure in the figures' language:
// Title, TitleZH, or both on two lines.
func (f FigureSpec) title(p FigureParams) string {
	if f.TitleZH == "" {
		return f.Title
	}
	return trLang(p.lang(), f.Title, f.TitleZH, "\n")
}

// Alt returns the figure's alt text for the results r in the language
// lang (LangBoth: English, then Chinese): what the figure shows and its
// main numbers, computed from the same data as the figure, for readers
// who cannot see it. It is "" for a figure without alt text or whose data
// are missing.
func (f FigureSpec) Alt(r *analysis.Results, lang plots.Lang) string {
	if f.alt == nil || r == nil || r.Ledger() == nil {
		return ""
	}
	en, zh := f.alt(r)
	if en == "" {
		return ""
	}
	return trLang(lang, en, zh, " ")
}

// yuan formats an amount in CNY for alt text: English with thousands
// separators, Chinese in 万/亿.
func yuan(x float64) (en, zh string) {
	return numfmt.Readable(x) + " CNY", numfmt.Wan(x) + "元"
}

// tallyAlt describes a bar figure of a tally: the number of groups, the
// total, and the group with the largest amount.
func tallyAlt(what, whatZH string, cats []plots.Category) (en, zh string) {
	if len(cats) == 0 {
		return "", ""
	}
	n, total := 0, 0.0
	top := cats[0]
	for _, c := range cats {
		n += c.Count
		total += c.Amount
		if c.Amount > top.Amount {
			top = c
		}
	}
	te, tz := yuan(total)
	me, mz := yuan(top.Amount)
	en = fmt.Sprintf("Bar chart of %d contracts (%s) by %s, in %d groups: number of contracts and amount. Largest amount: %s, %d contracts, %s.",
		n, te, what, len(cats), top.Label, top.Count, me)
	zh = fmt.Sprintf("条形图：%d 份合同（%s）按%s分为 %d 组，显示合同数量与金额。金额最多的是%s：%d 份合同，%s。",
		n, tz, whatZH, len(cats), cmpOr(top.LabelZH, top.Label), top.Count, mz)
	return en, zh
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// dimAlt is the alt text of the bar figure of dimension d.
func dimAlt(d network.Dimension, what, whatZH string, cats func(metrics.Tally) []plots.Category) func(r *analysis.Results) (string, string) {
	return func(r *analysis.Results) (string, string) {
		t, err := r.Tally(d)
		if err != nil {
			return "", ""
		}
		return tallyAlt(what, whatZH, cats(t))
	}
}

// timelineAlt describes the timeline: how many contracts are dated, the
// span and the largest contract.
func timelineAlt(r *analysis.Results) (string, string) {
	evs := contractEvents(r.Ledger())
	var dated []plots.Event
	for _, e := range evs {
		if !e.Start.IsZero() {
			dated = append(dated, e)
		}
	}
	if len(dated) == 0 {
		return "", ""
	}
	first, last, big := dated[0], dated[0], dated[0]
	for _, e := range dated {
		if e.Start.Before(first.Start) {
			first = e
		}
		if e.Start.After(last.Start) {
			last = e
		}
		if e.Amount > big.Amount {
			big = e
		}
	}
	be, bz := yuan(big.Amount)
	f, l, b := first.Start.Format("2006-01"), last.Start.Format("2006-01"), big.Start.Format("2006-01")
	return fmt.Sprintf("Timeline of %d dated contracts (of %d) from %s to %s, by amount and client type. Largest: %s in %s.", len(dated), len(evs), f, l, be, b),
		fmt.Sprintf("时间线：%d 份有日期的合同（共 %d 份），%s 至 %s，按金额与客户类型显示。最大一笔：%s，%s。", len(dated), len(evs), f, l, bz, b)
}

// lorenzAlt gives the Gini coefficients of the Lorenz curves.
func lorenzAlt(r *analysis.Results) (string, string) {
	eu := metrics.Gini(analysis.EndUserAmounts(r.Ledger()))
	t, err := r.Tally(network.DimProvince)
	if err != nil || !eu.OK {
		return "", ""
	}
	pr := metrics.Gini(provinceAmounts(t))
	pe, pz := "undefined", "无定义"
	if pr.OK {
		pe, pz = numfmt.Sig(pr.V, 2), numfmt.Sig(pr.V, 2)
	}
	return fmt.Sprintf("Lorenz curves of the contract amounts: Gini %s over end users, %s over provinces (0: equal, 1: all on one).", numfmt.Sig(eu.V, 2), pe),
		fmt.Sprintf("合同金额的洛伦兹曲线：最终用户的基尼系数 %s，省份的基尼系数 %s（0 为完全平均，1 为全部集中于一个）。", numfmt.Sig(eu.V, 2), pz)
}

// networkAlt gives the size of the ledger network.
func networkAlt(r *analysis.Results) (string, string) {
	n := r.Network()
	return fmt.Sprintf("Network drawing of %d parties and %d contracting ties of the ledger.", len(n.Nodes), len(n.Edges)),
		fmt.Sprintf("网络图：账本中的 %d 个参与方与 %d 条合同关系。", len(n.Nodes), len(n.Edges))
}

// caseNetworkAlt gives the size of the case network.
func caseNetworkAlt(r *analysis.Results) (string, string) {
	if r.Cases() == nil {
		return "", ""
	}
	m, err := r.CaseMeta()
	if err != nil {
		return "", ""
	}
	return fmt.Sprintf("Network drawing of %d organizations and %d relations of the ledger and the case data.", len(m.Nodes), len(m.Edges)),
		fmt.Sprintf("网络图：账本与案件数据中的 %d 个组织与 %d 条关系。", len(m.Nodes), len(m.Edges))
}

// rankingAlt names the parties that rank highest.
func rankingAlt(r *analysis.Results) (string, string) {
	m, err := r.Measures()
	if err != nil {
		return "", ""
	}
	ranked, _ := plots.RankParties(rankedParties(r.Network(), m, "degree", "strength", "betweenness", "harmonic", "pagerank"), 5)
	if len(ranked) == 0 {
		return "", ""
	}
	var en, zh []string
	for _, p := range ranked[:min(3, len(ranked))] {
		en = append(en, p.Label)
		zh = append(zh, cmpOr(p.LabelZH, p.Label))
	}
	return fmt.Sprintf("Dot plot of the scores of %d parties on 5 centrality measures. Highest on average: %s.", len(ranked), strings.Join(en, "; ")),
		fmt.Sprintf("点图：%d 个参与方在 5 种中心性指标上的得分。平均最高：%s。", len(ranked), strings.Join(zh, "；"))
}

// degreeAlt gives the largest degree and the share of degree one.
func degreeAlt(r *analysis.Results) (string, string) {
	_, _, tot := degreeLists(metrics.Degrees(r.Network().Directed(network.ByContracts)))
	if len(tot) == 0 {
		return "", ""
	}
	ones := 0
	for _, k := range tot {
		if k == 1 {
			ones++
		}
	}
	top := slices.Max(tot)
	share := numfmt.Sig(100*float64(ones)/float64(len(tot)), 3)
	return fmt.Sprintf("Degree distribution of %d parties on log–log axes: %s%% have one tie; the largest degree is %d.", len(tot), share, top),
		fmt.Sprintf("度分布（双对数坐标）：%d 个参与方中 %s%% 只有一条关系，最大度为 %d。", len(tot), share, top)
}

// sensitivityStats are the statistics of the sensitivity figure, with
// their readable names.
var sensitivityStats = []struct{ id, en, zh string }{
	{"end_users.gini", "Gini of amounts over end users", "最终用户金额的基尼系数"},
	{"end_users.hhi", "HHI of amounts over end users", "最终用户金额的赫芬达尔指数"},
	{"end_users.top1_share", "Largest end user's share of the amount", "最大最终用户的金额占比"},
}

// sensitivityFractions are the shares of contracts removed.
var sensitivityFractions = []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5}

// sensitivityAlt gives each statistic's value and its range at the
// largest share removed.
func sensitivityAlt(r *analysis.Results) (string, string) {
	var en, zh []string
	for _, s := range sensitivityStats {
		pts, err := r.Sensitivity(s.id, sensitivityFractions)
		if err != nil || len(pts) == 0 {
			return "", ""
		}
		last := pts[len(pts)-1]
		en = append(en, fmt.Sprintf("%s %s, with %s%% removed %s to %s", s.en, numfmt.Sig(pts[0].Mean, 3), numfmt.Sig(100*last.Fraction, 2), numfmt.Sig(last.Lower, 3), numfmt.Sig(last.Upper, 3)))
		zh = append(zh, fmt.Sprintf("%s %s，删除 %s%% 后为 %s 至 %s", s.zh, numfmt.Sig(pts[0].Mean, 3), numfmt.Sig(100*last.Fraction, 2), numfmt.Sig(last.Lower, 3), numfmt.Sig(last.Upper, 3)))
	}
	return "Sensitivity to contracts missing at random: " + strings.Join(en, "; ") + ".",
		"随机缺失合同的敏感性：" + strings.Join(zh, "；") + "。"
}

// overTimeAlt gives the years and the contracts of each.
func overTimeAlt(r *analysis.Results) (string, string) {
	snaps, _, err := analysis.CentralizationByYear(r.Ledger(), []string{"degree"})
	if err != nil || len(snaps) == 0 {
		return "", ""
	}
	var parts []string
	for _, s := range snaps {
		parts = append(parts, fmt.Sprintf("%d: %d", s.Year, s.Contracts))
	}
	return fmt.Sprintf("Centralization of the ledger network year by year, %d to %d; contracts per year %s.", snaps[0].Year, snaps[len(snaps)-1].Year, strings.Join(parts, ", ")),
		fmt.Sprintf("账本网络逐年的中心势，%d 至 %d 年；每年合同数 %s。", snaps[0].Year, snaps[len(snaps)-1].Year, strings.Join(parts, "，"))
}

// claimsAlt counts the claims drawn by status.
func claimsAlt(r *analysis.Results) (string, string) {
	rep, err := r.Claims()
	if err != nil {
		return "", ""
	}
	vals, _ := claimValues(rep)
	count := map[string]int{}
	for _, v := range vals {
		count[v.Status]++
	}
	return fmt.Sprintf("Chart of %d numeric claims of the sources against the data: %d consistent, %d consistent as a bound, %d inconsistent.",
			len(vals), count["consistent"], count["consistent_as_bound"], count["inconsistent"]),
		fmt.Sprintf("图：来源中 %d 项数值声称与数据对照：%d 项一致，%d 项作为下界一致，%d 项不一致。",
			len(vals), count["consistent"], count["consistent_as_bound"], count["inconsistent"])
}

// readingZH are the Chinese names of the readings of the ecosystem
// verdict and of what an implication favours.
var readingZH = map[string]string{
	analysis.Decentralized: "去中心化",
	analysis.Centralized:   "中心化",
	analysis.Neither:       "两者皆非",
	analysis.Descriptive:   "仅描述",
}

// implicationsAlt gives the verdict's reading and what each implication
// favours.
func implicationsAlt(r *analysis.Results) (string, string) {
	v, err := r.Ecosystem()
	if err != nil {
		return "", ""
	}
	var en, zh []string
	for _, im := range v.Implications {
		en = append(en, im.Name+": "+im.Favours)
		zh = append(zh, cmpOr(implicationNamesZH[im.Name], im.Name)+"："+cmpOr(readingZH[im.Favours], im.Favours))
	}
	return fmt.Sprintf("Panels of the %d implications of the ecosystem hypothesis; reading %s. %s.", len(v.Implications), v.Reading, strings.Join(en, "; ")),
		fmt.Sprintf("生态系统假说的 %d 个推论的面板；结论：%s。%s。", len(v.Implications), cmpOr(readingZH[v.Reading], v.Reading), strings.Join(zh, "；"))
}
