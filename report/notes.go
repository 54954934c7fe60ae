package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// methodNote is a definition in the Methods section of the report.
type methodNote struct {
	Term, Definition, Reference string
}

// methodNotes define the measures, tests and drawings of the report, with
// their literature references.
var methodNotes = []methodNote{
	{"Ledger network", "Directed network of the contracts: contractor → signatory → end user when an intermediary signs, contractor → end user otherwise; a tie's weight is the number or the amount (CNY) of its contracts. Degree counts distinct partners; strength sums the amounts.", ""},
	{"Freeman centralization", "C = Σ_i (c* − c_i) / max, the sum of differences from the most central node's score c*, divided by its largest possible value over graphs with as many nodes (a star for degree, betweenness and closeness); 0 when all nodes are equally central, 1 for a star. Derivations of the maxima: metrics/centralization.md.", "Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks 1(3):215–239. doi:10.1016/0378-8733(78)90021-7"},
	{"Betweenness", "The number of shortest paths between other pairs of nodes that pass through a node (Brandes' algorithm); paths count edges, not amounts.", "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40(1):35–41. doi:10.2307/3033543; Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2):163–177. doi:10.1080/0022250X.2001.9990249"},
	{"Harmonic closeness", "Σ_{v ≠ u} 1/d(u, v), defined on disconnected graphs (unreachable nodes add 0).", "Marchiori, M. and Latora, V. (2000). Harmony in the small-world. Physica A 285:539–546. doi:10.1016/S0378-4371(00)00311-3"},
	{"PageRank", "Stationary distribution of a random walk along amount-weighted ties that restarts at a random node with probability 0.15.", "Brin, S. and Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine. Computer Networks and ISDN Systems 30:107–117. doi:10.1016/S0169-7552(98)00110-X"},
	{"Lorenz curve and Gini coefficient", "The Lorenz curve plots the cumulative share of units (end users, provinces), smallest first, against the cumulative share of the amount they hold; the Gini coefficient is twice the area between the curve and the diagonal (0: equal amounts; near 1: one unit holds almost all).", "Lorenz, M. O. (1905). Methods of measuring the concentration of wealth. Publ. Am. Stat. Assoc. 9(70):209–219. doi:10.2307/2276207"},
	{"Herfindahl–Hirschman index (HHI)", "Σ s_i², the sum of squared shares of the amount; 1/n for n equal units, 1 for a single unit.", "Hirschman, A. O. (1964). The paternity of an index. American Economic Review 54(5):761."},
	{"Degree distribution", "The complementary cumulative distribution P(K ≥ k) of the nodes' degrees, drawn on log–log axes so that heavy tails (a few hubs) are visible.", ""},
	{"Ecosystem verdict", "The hypothesis is tested on the principal–agent view of the ledger and the case data (every tie from the organ that tasks, pays or is served to the agent that works for it; people projected onto their organizations). Four implications: the share of ties to sub-national principals and the share of agents serving two or more provinces (each with a 95% interval: the hull of a jackknife over evidence units and of a Wilson interval with one observation per unit, since ties within one case may be perfectly correlated), and the concentration of ties over principals and their locality, each tested against the null model bipartite-sampled (every agent keeps its number of principals and no observed principal is left without a tie: the design by which cases and leaks reveal agents), two-sided, Holm-adjusted, with power against an alternative calibrated by bisection. A statistic the design fixes is reported, not tested. The decision rule and the robustness checks are stated with the verdict.", "Quenouille, M. H. (1956). Notes on bias in estimation. Biometrika 43:353–360; Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. JASA 22(158):209–212; Kish, L. (1965). Survey Sampling. Wiley; Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scand. J. Statist. 6(2):65–70; Metropolis, N. et al. (1953). J. Chem. Phys. 21:1087–1092; Borgatti, S. P. and Everett, M. G. (1997). Network analysis of 2-mode data. Social Networks 19(3):243–269"},
	{"Missing-data sensitivity and jackknife", "Contracts are removed at random in growing shares (sensitivity: mean and 95% range over the replicates, the removed contracts nested across shares within a replicate); the ledger description's jackknife leaves one contract out at a time, which shows how much a statistic rests on single contracts, not how it would vary over end users the ledger does not show.", "Tukey, J. W. (1958). Bias and confidence in not-quite large samples (abstract). Ann. Math. Statist. 29:614."},
	{"Centralization over time", "The network of each year's contracts (yearly snapshot) and of all contracts up to the year (cumulative snapshot), measured like the whole network. Years with few contracts give small, unstable networks: read the numbers under the years.", ""},
	{"Network drawings", "The layered drawing follows Sugiyama's method (layers: contractor, intermediaries, end users; barycentre ordering). The general drawing is force-directed (Fruchterman–Reingold, fixed seed and 600 iterations, so it is reproducible); labels that would overlap are left out rather than stacked.", "Sugiyama, K., Tagawa, S. and Toda, M. (1981). IEEE Trans. SMC 11(2):109–125. doi:10.1109/TSMC.1981.4308636; Fruchterman, T. M. J. and Reingold, E. M. (1991). Graph drawing by force-directed placement. Softw. Pract. Exp. 21(11):1129–1164. doi:10.1002/spe.4380211102"},
	{"Case data and reliability grades", "Every relation of the case data cites the page read (court document, government release, verbatim copy of one, secondary report or research paper) and is graded on the Admiralty scale: a letter for the source (A: the court's or government's own document; B: a verbatim copy, or a research paper citing the primary text; C: an established news organisation, or any text without a public address; D: other reporting) and a digit for the information (1: confirmed by sources of two distinct origins, one of them primary — two copies of one release are one source; 2: stated by a primary text and not contradicted; 3: one secondary source; 4: sources disagree). Indictment facts are allegations and are marked so. The case network is the organizations-only projection of the person–organization network: two organizations are tied when a person is an officer, employee, executive or agent of both.", "NATO (2016). AJP-2.1, Allied Joint Doctrine for Intelligence Procedures, annex on source reliability and information credibility (the Admiralty or NATO system); Breiger, R. L. (1974). The duality of persons and groups. Social Forces 53(2):181–190. doi:10.2307/2576011"},
	{"Colours", "Categories use the Okabe–Ito palette and a distinct marker shape each, so figures read under colour-vision deficiency and in greyscale; the province map uses the viridis sequential scale.", "Okabe, M. and Ito, K. (2008). Color Universal Design (CUD). https://jfly.uni-koeln.de/color/"},
}

// metricsTable lists graph-level measures of the ledger network.
func metricsTable(r *metrics.Report, l *network.Ledger) Table {
	t := Table{Header: []string{"measure", "value", "note"}}
	add := func(name string, v metrics.Value, note string) {
		s := "undefined"
		if v.OK {
			s = strconv.FormatFloat(v.V, 'g', 4, 64)
		} else if v.Note != "" {
			note = v.Note
		}
		t.Rows = append(t.Rows, []string{name, s, note})
	}
	gm := r.Graph
	t.Rows = append(t.Rows, []string{"nodes", fmt.Sprint(gm.Nodes), "parties"}, []string{"edges", fmt.Sprint(gm.Edges), "directed ties"},
		[]string{"weak components", fmt.Sprint(gm.Value("weak_components").V), ""})
	add("density", gm.Value("density"), "")
	for _, v := range gm.Values {
		if strings.HasPrefix(v.Path, "centralization.") {
			add(v.Path, v.Value, fmt.Sprintf("Freeman; maximum %s", strconv.FormatFloat(v.Max, 'g', 4, 64)))
		}
	}
	add("hierarchy (Krackhardt)", gm.Value("hierarchy.hierarchy"), "1 for a tree: the ledger is one contractor's")
	eu := analysis.EndUserAmounts(l)
	add("end_users.gini", metrics.Gini(eu), fmt.Sprintf("over %d end users", len(eu)))
	add("end_users.hhi", metrics.HHI(eu), "")
	add("end_users.top1_share", metrics.TopShare(eu, 1), "")
	return t
}

// renderMarkdown writes the report as Markdown, beside index.html: the
// same text, figures as PNG links and tables as pipe tables, numbered as
// on the page (numberPage runs first).
func renderMarkdown(p pageData) []byte {
	var b bytes.Buffer
	esc := func(s string) string { return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s) }
	tbl := func(t table) {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>**Table %d.** %s", t.ID, t.Num, t.Caption)
		if t.CSV != "" {
			fmt.Fprintf(&b, " ([CSV](%s))", t.CSV)
		}
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "| %s |\n|", strings.Join(t.Header, " | "))
		for range t.Header {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
		for i, r := range t.Rows {
			cells := make([]string, len(r))
			for j, c := range r {
				cells[j] = esc(c)
				if t.Total && i == len(t.Rows)-1 && c != "" {
					cells[j] = "**" + cells[j] + "**"
				}
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
		b.WriteString("\n")
	}
	fig := func(f figure) {
		fmt.Fprintf(&b, "![%s](%s)\n\n*Figure %d. %s* ([SVG](%s), [PNG](%s); `ecosys plot %s`)\n\n", esc(f.Alt), f.PNG, f.Num, f.Caption, f.SVG, f.PNG, f.Name)
	}
	fmt.Fprintf(&b, "# %s\n\n## What was found\n\n", p.Title)
	if e := p.Ecosystem; e != nil {
		fmt.Fprintf(&b, "[The ecosystem verdict: %s.](#verdict) %s\n\n", e.Reading, e.Summary)
	} else if p.VerdictMissing != "" {
		fmt.Fprintf(&b, "%s\n\n", p.VerdictMissing)
	}
	if c := p.Claims; c != nil {
		fmt.Fprintf(&b, "[Claims checked](#claims): %s.\n\n", c.Tally)
	}
	for _, h := range p.Headlines {
		fmt.Fprintf(&b, "- [%s](%s) %s\n", h.Value, h.Href, h.Text)
	}
	fmt.Fprintf(&b, "\n%s\n\n", p.Intro)
	if p.Citation != "" {
		fmt.Fprintf(&b, "Data: %s\n\n", p.Citation)
	}
	b.WriteString("## Contents\n\n")
	for i, c := range p.Contents {
		fmt.Fprintf(&b, "%d. [%s](#%s)\n", i+1, c.Title, c.ID)
		for _, it := range c.Items {
			fmt.Fprintf(&b, "   - [%s](#%s)\n", it.Title, it.ID)
		}
	}
	b.WriteString("\n")
	if p.Ledger {
		b.WriteString("The ledger records what a leaked document says. It is evidence of contracting relationships as recorded, not proof that any contract was performed.\n\n")
	}
	if e := p.Ecosystem; e != nil {
		fmt.Fprintf(&b, "## The ecosystem verdict: %s\n\n%s\n\n", e.Reading, e.Summary)
		if f := p.VerdictFigure; f != nil {
			fig(*f)
		}
		tbl(e.Implications)
		tbl(e.Robustness)
		fmt.Fprintf(&b, "**The hypothesis.** %s\n\n**The decision rule** (stated before any result is read). %s\n\n", e.Hypothesis, e.Rule)
		for _, n := range e.Notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Figures\n\n")
	for _, f := range p.Figures {
		fig(f)
	}
	if len(p.Skipped) > 0 {
		b.WriteString("Left out:\n\n")
	}
	for _, s := range p.Skipped {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	if len(p.Skipped) > 0 {
		b.WriteString("\n")
	}
	if p.Description != nil {
		b.WriteString("## The ledger described\n\n")
		tbl(*p.Description)
		for _, f := range p.DescriptionFacts {
			fmt.Fprintf(&b, "- %s\n", f)
		}
		for _, n := range p.DescriptionNotes {
			fmt.Fprintf(&b, "- *%s*\n", n)
		}
		b.WriteString("\n")
	}
	if c := p.Claims; c != nil {
		fmt.Fprintf(&b, "## Claims checked\n\nEvery quantitative claim of the sources that ecosys knows, evaluated on these data by its expression (`ecosys claims`): no status is stored, so corrected data change it. %s.\n\n", c.Tally)
		tbl(c.Table)
		for _, n := range c.Notes {
			fmt.Fprintf(&b, "- *%s*\n", n)
		}
		if len(c.Notes) > 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString("## Tables\n\n")
	for _, t := range []*table{p.Metrics, p.Nodes} {
		if t != nil {
			tbl(*t)
		}
	}
	for _, t := range p.Tables {
		tbl(t)
	}
	if p.Parties2 != nil {
		tbl(*p.Parties2)
	}
	b.WriteString("## Methods\n\n")
	for _, m := range p.Methods {
		fmt.Fprintf(&b, "- **%s.** %s", m.Term, m.Definition)
		if m.Reference != "" {
			fmt.Fprintf(&b, " %s", m.Reference)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Data and provenance\n\n")
	if p.Citation != "" {
		fmt.Fprintf(&b, "%s\n\n", p.Citation)
	}
	if p.BibTeX != "" {
		fmt.Fprintf(&b, "```bibtex\n%s\n```\n\n", p.BibTeX)
	}
	tbl(p.InputTable)
	b.WriteString("Generated by ecosys; provenance.json records the version, the SHA-256 of every input and output file, and the parameters.\n")
	return b.Bytes()
}
