package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// Input is an input file of a report, recorded in provenance.json.
type Input struct {
	Name   string `json:"name"`           // as given by the user, or the embedded resource name
	Path   string `json:"-"`              // file on disk, "" for embedded data; used to refuse overwriting inputs
	SHA256 string `json:"sha256"`         // hex digest of the bytes read
	Bytes  int    `json:"bytes"`          // size
	Note   string `json:"note,omitempty"` // e.g. "embedded"
}

// NewInput describes the bytes of an input file.
func NewInput(name, path string, data []byte) Input {
	sum := sha256.Sum256(data)
	return Input{Name: name, Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: len(data)}
}

// Options configure how a report is rendered; what it shows comes from
// analysis.Results.
type Options struct {
	Inputs   []Input
	Title    string // default "i-SOON contract ledger"
	Source   string // source line of every figure, e.g. "Source: NIDS Commentary No. 371, Figure 2"
	Citation string // full citation printed in index.html
	Version  string // ecosys version, recorded in provenance.json
	Lang     plots.Lang
	FontPath string
	DPI      int // PNG resolution; 0 means plots.DefaultDPI
	// BibTeX is the data set's BibTeX record, printed under the citation.
	BibTeX string
	// Seed seeds the force-directed layouts of the network figures.
	Seed uint64
	// NoReplicates leaves out what needs random replicates: the ecosystem
	// verdict and its figure, the ledger's description and the
	// sensitivity figure.
	NoReplicates bool
}

// Dimensions are the tabulations a report contains, in order.
var Dimensions = []network.Dimension{
	network.DimClientType, network.DimMinistry, network.DimLevel, network.DimProvince,
	network.DimYear, network.DimDirect, network.DimKind, network.DimEndUser, network.DimSignatory,
}

// Write builds the report of the results r and writes it to dir. If dir
// exists, it must be empty or an earlier report written by ecosys (its
// provenance.json says so and lists every file in it, unchanged; see
// recognisePrior): the new report is written beside it and swapped in,
// and only the files the earlier provenance listed are removed. Any other
// directory is refused and left untouched, as is a dir that contains an
// input file. Write returns the warnings of the figures (for example,
// Chinese labels asked for without a CJK font).
func Write(dir string, r *analysis.Results, opts Options) (warnings []string, err error) {
	if r == nil || (r.Ledger() == nil && r.Graph() == nil) {
		return nil, errors.New("report: no ledger and no network")
	}
	prior, err := checkDestination(dir, opts.Inputs)
	if err != nil {
		return nil, err
	}
	files, warnings, err := Build(r, opts)
	if err != nil {
		return nil, err
	}
	return warnings, writeDirAtomic(dir, prior, files)
}

// Build renders the report of the results r in memory: a map from
// relative path (with forward slashes) to content. The results of a
// ledger give every figure and table of the catalogue that applies to
// the ledger (and case data); the results of a network of one's own
// (analysis.NewGraphResults) give the figures and tables that apply to
// any network, and the page says why the others are left out.
func Build(r *analysis.Results, opts Options) (files map[string][]byte, warnings []string, err error) {
	if r == nil || (r.Ledger() == nil && r.Graph() == nil) {
		return nil, nil, errors.New("report: no ledger and no network")
	}
	files = map[string][]byte{}
	var page pageData
	if r.Graph() != nil {
		page, warnings, err = buildGraph(r, &opts, files)
	} else {
		page, warnings, err = buildLedger(r, &opts, files)
	}
	if err != nil {
		return nil, nil, err
	}
	page.Title, page.Citation, page.BibTeX, page.Inputs = opts.Title, opts.Citation, opts.BibTeX, opts.Inputs
	slices.Sort(warnings)
	warnings = slices.Compact(warnings)
	numberPage(&page)
	if files["index.html"], err = renderPage(page); err != nil {
		return nil, nil, err
	}
	files["report.md"] = renderMarkdown(page)
	if files["provenance.json"], err = provenance(opts, r.Options(), files); err != nil {
		return nil, nil, err
	}
	return files, warnings, nil
}

// addFigure draws the figure f with draw (f.Draw, or a figure drawn
// already), adds its SVG and PNG to files (figures/NAME.svg, .png) and
// its warnings to warnings, and returns its entry for the page, with
// caption. Both reports, of a ledger and of a network of one's own, place
// their figures through it.
//
// A figure that cannot be drawn (one that does not apply to these data:
// no dates, no intermediaries) is left out and says why: "NAME: not
// drawn: reason" is added to page.Skipped and the entry is nil. The error
// is that of a figure drawn that could not be encoded, a failure of the
// report, not a figure that does not apply.
func addFigure(page *pageData, warnings *[]string, f FigureSpec, r *analysis.Results, params FigureParams, files map[string][]byte, caption string, draw func() (*plots.Figure, error)) (*figure, error) {
	fig, err := draw()
	if err != nil {
		page.Skipped = append(page.Skipped, fmt.Sprintf("%s: not drawn: %v", f.Name, strings.TrimPrefix(err.Error(), "report: figure "+f.Name+": ")))
		return nil, nil
	}
	fg := &figure{Name: f.Name, Title: fig.Title, Caption: caption, SVG: "figures/" + f.Name + ".svg", PNG: "figures/" + f.Name + ".png"}
	if fg.Alt = f.Alt(r, params.lang()); fg.Alt == "" {
		fg.Alt = figureAlt(f, fig, caption)
	}
	for _, ext := range []string{"svg", "png"} {
		b, err := fig.Encode(ext)
		if err != nil {
			return nil, fmt.Errorf("report: figure %s.%s: %w", f.Name, ext, err)
		}
		files["figures/"+f.Name+"."+ext] = b
		if ext == "svg" {
			fg.DataURI = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b))
		}
	}
	*warnings = append(*warnings, fig.Warnings...)
	return fg, nil
}

// figureAlt is the text alternative of a figure's image when its
// FigureSpec has no Alt of the data: its title, then its caption.
func figureAlt(f FigureSpec, fig *plots.Figure, caption string) string {
	t := strings.TrimSpace(fig.Title)
	if t == "" {
		t = f.Name
	}
	return strings.TrimRight(t, ".") + ". " + caption
}

// buildLedger adds the tables and figures of a ledger's report to files
// and returns the page.
func buildLedger(r *analysis.Results, opts *Options, files map[string][]byte) (page pageData, warnings []string, err error) {
	if opts.Title == "" {
		opts.Title = "i-SOON contract ledger"
	}
	l := r.Ledger()
	page.Ledger = true

	tallies := map[network.Dimension]metrics.Tally{}
	for _, d := range Dimensions {
		t, err := r.Tally(d)
		if err != nil {
			return page, nil, err
		}
		tallies[d] = t
		name := "tables/by-" + string(d) + ".csv"
		rows := [][]string{{string(d), "label", "contracts", "amount_cny", "share_contracts", "share_amount"}}
		for _, g := range t.Groups {
			rows = append(rows, []string{g.Key, g.Label, fmt.Sprint(g.Contracts), string(g.AmountCNY),
				fmt.Sprintf("%.4f", g.ShareContracts), fmt.Sprintf("%.4f", g.ShareAmount)})
		}
		rows = append(rows, []string{"total", "", fmt.Sprint(t.TotalContracts), string(t.TotalCNY), "1.0000", "1.0000"})
		if files[name], err = encodeCSV(rows); err != nil {
			return page, nil, err
		}
		page.Tables = append(page.Tables, tallyTable(d, t, name))
	}
	if cd := r.Cases(); cd != nil {
		for _, ct := range []struct {
			t       Table
			name    string
			caption string
		}{
			{CaseTable(cd), "tables/cases.csv", "Cases, designations and advisories of the case data (ecosys cases show ID for defendants, outcomes and cited relations)"},
			{EvidenceTable(cd), "tables/case-evidence.csv", "Relations of the case data by kind of evidence and reliability of the source (Admiralty letter), and how many are allegations"},
		} {
			if files[ct.name], err = encodeCSV(append([][]string{ct.t.Header}, ct.t.Rows...)); err != nil {
				return page, nil, err
			}
			page.Tables = append(page.Tables, table{Caption: ct.caption, CSV: ct.name, Header: ct.t.Header, Rows: ct.t.Rows})
		}
	}
	publicSecurity := 0
	if g, ok := tallies[network.DimClientType].Group(string(network.PublicSecurity)); ok {
		publicSecurity = g.Contracts
	}
	contracts, total := numfmt.Group(fmt.Sprint(len(l.Contracts))), numfmt.Group(l.Total().String())
	parties := numfmt.Group(fmt.Sprint(len(l.Entities)))
	page.Intro = fmt.Sprintf("%s contracts from %s, %s parties, total amount %s CNY; %s of the contracts are marked public security (公安).",
		contracts, l.Source, parties, total, numfmt.Group(fmt.Sprint(publicSecurity)))
	page.Headlines = []headline{
		{contracts, "contracts, " + total + " CNY in total", "#tab-by-client-type"},
		{numfmt.Group(fmt.Sprint(publicSecurity)), "of them marked public security (公安)", "#tab-by-client-type"},
		{parties, "parties", "#tab-parties"},
	}
	if eu := tallies[network.DimEndUser]; len(eu.Groups) > 0 {
		g := eu.Groups[0]
		page.Headlines = append(page.Headlines, headline{numfmt.Group(fmt.Sprint(g.Contracts)),
			fmt.Sprintf("contracts (%s CNY) with %s, the most of any end user", numfmt.Group(string(g.AmountCNY)), g.Label), "#tab-by-end-user"})
	}

	n := r.Network()
	pt := PartyTable(r.Parties())
	if files["tables/parties.csv"], err = encodeCSV(append([][]string{pt.Header}, pt.Rows...)); err != nil {
		return page, nil, err
	}
	page.Parties2 = &table{Caption: "Parties: degree and strength in the ledger network", CSV: "tables/parties.csv", Header: pt.Header, Rows: pt.Rows}
	if files["tables/edges.csv"], err = encodeCSV(edgesTable(n)); err != nil {
		return page, nil, err
	}

	popts := plots.Options{Lang: opts.Lang, FontPath: opts.FontPath, Source: opts.Source, DPI: opts.DPI}
	params := FigureParams{Options: popts, Seed: opts.Seed}
	for _, f := range catalogue {
		if opts.NoReplicates && (f.Name == "implications" || f.Name == "sensitivity") {
			page.Skipped = append(page.Skipped, f.Name+": left out (no replicates asked for: --samples 0)")
			continue
		}
		fg, err := addFigure(&page, &warnings, f, r, params, files, f.caption(l), func() (*plots.Figure, error) { return f.Draw(r, params) })
		switch {
		case err != nil:
			return page, nil, err
		case fg == nil: // left out, in page.Skipped
		case f.Name == implicationsFigure.Name:
			page.VerdictFigure = fg
		default:
			page.Figures = append(page.Figures, *fg)
		}
	}
	if m, err := r.Measures(); err == nil {
		mt := metricsTable(m, l)
		if files["tables/metrics.csv"], err = encodeCSV(append([][]string{mt.Header}, mt.Rows...)); err != nil {
			return page, nil, err
		}
		page.Metrics = &table{Caption: "Graph-level measures of the ledger network (directed, amount-weighted; paths count edges)", CSV: "tables/metrics.csv", Header: mt.Header, Rows: mt.Rows}
	}
	if err := claimsPart(r, &page, files); err != nil {
		return page, nil, err
	}
	page.Methods = methodNotes
	if opts.NoReplicates {
		page.VerdictMissing = "The ecosystem verdict was not computed: no replicates were asked for (--samples 0)."
	} else {
		if err := verdictSection(r, &page, files); err != nil {
			return page, nil, err
		}
		if page.Ecosystem == nil {
			page.VerdictMissing = "The ecosystem verdict could not be computed (see the figures' notes)."
		}
	}
	if files[explorerFile], err = explorerPage(r, *opts); err != nil {
		return page, nil, fmt.Errorf("report: %s: %w", explorerFile, err)
	}
	page.Explorer = explorerFile
	return page, warnings, nil
}

// clientTypeNames are the English and Chinese labels of client types.
var clientTypeNames = map[network.ClientType][2]string{
	network.PublicSecurity: {"Public security", "公安"},
	network.StateSecurity:  {"State security", "安全"},
	network.Enterprise:     {"Enterprise", "企业"},
	network.Government:     {"Government", "政府"},
	network.UnknownClient:  {"Unknown", "不详"}, // as the tables say (unknown)
}

// clientTypeCategories orders the client-type tally in the display order of
// network.ClientTypes.
func clientTypeCategories(t metrics.Tally) []plots.Category {
	names := clientTypeNames
	var cats []plots.Category
	for _, ct := range network.ClientTypes {
		if g, ok := t.Group(string(ct)); ok {
			cats = append(cats, plots.Category{Label: names[ct][0], LabelZH: names[ct][1], Count: g.Contracts, Amount: float64(g.AmountFen) / 100})
		}
	}
	return cats
}

// KindLabels are display names of entity kinds.
var KindLabels = map[string]string{
	string(network.PublicSecurityOrgan):  "Public-security organ",
	string(network.StateSecurityOrgan):   "State-security organ",
	string(network.GovernmentOffice):     "Government office",
	string(network.StateOwnedEnterprise): "State-owned enterprise",
	string(network.Company):              "Company",
	string(network.Association):          "Association",
	string(network.UnidentifiedUnit):     "Unidentified unit",
	string(network.Individual):           "Individual",
	string(network.UnknownKind):          "Unknown",
}

// LegendZH is the Chinese of the words in the legends of the network
// drawings (plots.Graph.LabelsZH): kinds of nodes and of ties, and what
// node size and edge width show.
var LegendZH = map[string]string{
	"Public-security organ":         "公安机关",
	"State-security organ":          "国家安全机关",
	"Government office":             "政府机关",
	"State-owned enterprise":        "国有企业",
	"Company":                       "公司",
	"Association":                   "社会团体",
	"Unidentified unit":             "身份不明单位",
	"Individual":                    "个人",
	"Unknown":                       "不详",
	"Foreign government":            "外国政府",
	"University":                    "大学",
	"Node":                          "节点",
	"contract or supply":            "合同或供应",
	"front, tasking or association": "掩护、任务或关联",
	"shared personnel":              "共同人员",
	"hierarchy (part of)":           "隶属关系",
	"corporate group or ownership":  "企业集团或所有权",
	"contracts":                     "合同数",
	"amount (CNY)":                  "金额（元）",
	"number of relations":           "关系数",
	"weight":                        "权重",
	"degree":                        "度",
	"in degree":                     "入度",
	"out degree":                    "出度",
	"strength":                      "强度",
	"betweenness":                   "中介中心性",
	"betweenness normalized":        "标准化中介中心性",
	"closeness":                     "接近中心性",
	"harmonic":                      "调和中心性",
	"eigenvector":                   "特征向量中心性",
	"pagerank":                      "PageRank",
	"hub":                           "枢纽得分",
	"authority":                     "权威得分",
	"core":                          "核数",
	"clustering":                    "聚类系数",
	"constraint":                    "网络约束",
	"effective size":                "有效规模",
}

// LedgerNet converts a ledger network for plots.LayeredNetwork: nodes in
// layers by role, coloured by entity kind, sized by the number of contracts
// they take part in, edges directed and weighted by amount; the key
// says so.
func LedgerNet(n *network.Network) plots.Graph {
	var net plots.Graph
	contracts := make([]int, len(n.Nodes))
	for _, e := range n.Edges {
		contracts[e.To] += e.Contracts
		if n.Nodes[e.From].Role == network.Contractor {
			contracts[e.From] += e.Contracts
		}
	}
	for _, v := range n.Nodes {
		zh := v.Entity.NameZH
		if v.Entity.Kind == network.Individual {
			zh = "" // individuals are drawn by their opaque label only
		}
		net.Nodes = append(net.Nodes, plots.GraphNode{ID: v.Entity.ID, Label: v.Entity.Name(), LabelZH: zh,
			Kind: string(v.Entity.Kind), Layer: v.Layer(), Size: float64(contracts[v.ID])})
	}
	for _, e := range n.Edges {
		net.Edges = append(net.Edges, plots.GraphEdge{From: n.Nodes[e.From].Entity.ID, To: n.Nodes[e.To].Entity.ID, Weight: e.Amount.Yuan(), Directed: true})
	}
	for _, k := range network.Kinds {
		net.KindOrder = append(net.KindOrder, string(k))
	}
	net.KindLabels, net.LabelsZH, net.WeightAmount = KindLabels, LegendZH, true
	net.SizeLabel, net.WeightLabel = "contracts", "amount (CNY)"
	return net
}

// Table is a table of strings with a header row.
type Table struct {
	Header []string
	Rows   [][]string
}

// PartyTable returns parties (analysis.Parties) as a table of strings.
func PartyTable(parties []analysis.Party) Table {
	t := Table{Header: []string{"id", "name_en", "name_zh", "role", "kind", "ministry", "level", "province",
		"in_degree", "out_degree", "contracts_in", "contracts_out", "amount_in_cny", "amount_out_cny"}}
	for _, p := range parties {
		t.Rows = append(t.Rows, []string{p.ID, p.NameEN, p.NameZH, p.Role, p.Kind, p.Ministry, p.Level, p.Province,
			fmt.Sprint(p.InDegree), fmt.Sprint(p.OutDegree), fmt.Sprint(p.ContractsIn), fmt.Sprint(p.ContractsOut),
			string(p.AmountIn), string(p.AmountOut)})
	}
	return t
}

func edgesTable(n *network.Network) [][]string {
	rows := [][]string{{"from", "to", "contracts", "amount_cny", "rows"}}
	for _, e := range n.Edges {
		rs := make([]string, len(e.Rows))
		for i, r := range e.Rows {
			rs[i] = fmt.Sprint(r)
		}
		rows = append(rows, []string{n.Nodes[e.From].Entity.ID, n.Nodes[e.To].Entity.ID, fmt.Sprint(e.Contracts), e.Amount.String(), strings.Join(rs, ";")})
	}
	return rows
}

func encodeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b.Bytes(), nil
}

// provenance records the version, inputs, parameters and the SHA-256 of
// every other file of the report.
func provenance(opts Options, ro analysis.ResultsOptions, files map[string][]byte) ([]byte, error) {
	type file struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
	}
	p := struct {
		Generator  string            `json:"generator"`
		Version    string            `json:"ecosys_version"`
		Inputs     []Input           `json:"inputs"`
		Parameters map[string]string `json:"parameters"`
		Citation   string            `json:"citation,omitempty"`
		Files      []file            `json:"files"`
	}{Generator: provenanceGenerator, Version: opts.Version, Inputs: opts.Inputs, Citation: opts.Citation,
		Parameters: map[string]string{"lang": string(opts.Lang), "font": opts.FontPath, "dpi": fmt.Sprint(opts.DPI), "title": opts.Title,
			"figure_samples": fmt.Sprint(ro.Samples), "figure_seed": fmt.Sprint(opts.Seed), "seed": fmt.Sprint(ro.Seed),
			"replicates": fmt.Sprint(!opts.NoReplicates)}}
	if p.Parameters["lang"] == "" {
		p.Parameters["lang"] = string(plots.LangEN)
	}
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		sum := sha256.Sum256(files[k])
		p.Files = append(p.Files, file{k, hex.EncodeToString(sum[:])})
	}
	b, err := json.MarshalIndent(p, "", "  ")
	return append(b, '\n'), err
}

// provenanceGenerator is the generator recorded in every report's
// provenance.json; a directory whose provenance.json says so, and lists
// every file in it with its SHA-256, is an earlier report that Write may
// replace.
const provenanceGenerator = "ecosys report"

// priorReport is an earlier report found at the destination: the files
// its provenance.json lists (relative, slash-separated), which are the
// only files Write removes.
type priorReport struct {
	files []string
}

// checkDestination checks that dir can receive a report: it must not
// hold an input, and if it exists it must be empty or an earlier report
// of ecosys (recognisePrior). It returns the earlier report, nil if dir
// does not exist or is empty.
func checkDestination(dir string, inputs []Input) (*priorReport, error) {
	if dir == "" {
		return nil, errors.New("report: no output directory")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	for _, in := range inputs {
		if in.Path == "" {
			continue
		}
		p, err := filepath.Abs(in.Path)
		if err == nil && (p == abs || strings.HasPrefix(p, abs+string(filepath.Separator))) {
			return nil, fmt.Errorf("report: output directory %s contains the input %s; choose another --out", dir, in.Path)
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("report: %w", err)
	case !fi.IsDir():
		return nil, fmt.Errorf("report: %s exists and is not a directory; choose another --out", dir)
	}
	return recognisePrior(dir)
}

// recognisePrior decides whether the existing directory dir is an earlier
// report of ecosys, which Write replaces. It is one if its provenance.json
// was written by ecosys report (generator "ecosys report", a list of
// files), every file under dir is provenance.json or listed there, every
// listed file is present with the SHA-256 recorded (so nothing was edited
// since), and nothing under dir is a symbolic link or other special file.
// An empty directory is accepted too (nil, nil). Anything else is an
// error that says why; the directory is never touched.
func recognisePrior(dir string) (*priorReport, error) {
	refuse := func(why string) error {
		return fmt.Errorf("report: %s is not a report written by ecosys (%s); it is left untouched: choose another --out, or remove it yourself", dir, why)
	}
	var present []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			return refuse(filepath.ToSlash(rel) + " is not a regular file")
		}
		present = append(present, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		if strings.HasPrefix(err.Error(), "report: ") {
			return nil, err
		}
		return nil, fmt.Errorf("report: %w", err)
	}
	if len(present) == 0 {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if err != nil {
		return nil, refuse("it has files but no provenance.json")
	}
	var prov struct {
		Generator string `json:"generator"`
		Files     []struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b, &prov); err != nil || prov.Generator != provenanceGenerator || len(prov.Files) == 0 {
		return nil, refuse("its provenance.json was not written by ecosys report")
	}
	listed := map[string]string{}
	for _, f := range prov.Files {
		if f.Path == "" || f.Path == "provenance.json" || path.IsAbs(f.Path) || path.Clean(f.Path) != f.Path || strings.HasPrefix(f.Path, "../") {
			return nil, refuse(fmt.Sprintf("its provenance.json lists %q, not a file of a report", f.Path))
		}
		listed[f.Path] = f.SHA256
	}
	prior := &priorReport{files: []string{"provenance.json"}}
	for _, p := range present {
		if p == "provenance.json" {
			continue
		}
		want, ok := listed[p]
		if !ok {
			return nil, refuse(p + " is not listed in its provenance.json")
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want {
			return nil, refuse(p + " was changed since ecosys wrote it")
		}
		prior.files = append(prior.files, p)
	}
	return prior, nil
}

// writeDirAtomic writes files into a new temporary directory beside dir
// and swaps it into place: an earlier report at dir (prior) is renamed
// aside, the new directory renamed to dir, and then the files the earlier
// report's provenance listed are removed one by one, with the directories
// they leave empty. Nothing else is removed: if the old directory still
// holds something after that (a file created meanwhile), it is kept
// beside dir and named in the error. On any failure before the swap the
// earlier report stays in place.
func writeDirAtomic(dir string, prior *priorReport, files map[string][]byte) (err error) {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp) // our own temporary directory only
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for name, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	var old string
	if _, statErr := os.Lstat(dir); statErr == nil {
		if prior == nil {
			// An empty directory (checked by checkDestination): os.Remove
			// removes only an empty one.
			if err := os.Remove(dir); err != nil {
				return fmt.Errorf("report: %s is no longer empty: %w", dir, err)
			}
		} else {
			old = tmp + ".old"
			if err := os.Rename(dir, old); err != nil {
				return fmt.Errorf("report: %w", err)
			}
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("report: %w", err)
	}
	if old != "" {
		return removePrior(old, prior)
	}
	return nil
}

// removePrior removes the files of the earlier report prior from old
// (where it was renamed to), then the directories left empty, deepest
// first. It removes nothing that the earlier provenance did not list.
func removePrior(old string, prior *priorReport) error {
	dirs := map[string]bool{}
	for _, f := range prior.files {
		p := filepath.Join(old, filepath.FromSlash(f))
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("report: the new report is in place; removing the old one: %w", err)
		}
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	// Deepest first: longer paths after sorting by depth.
	slices.SortFunc(ds, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), cmp.Compare(a, b))
	})
	for _, d := range ds {
		os.Remove(filepath.Join(old, filepath.FromSlash(d))) // only if empty
	}
	if err := os.Remove(old); err != nil {
		return fmt.Errorf("report: the new report is in place; the old one held files its provenance.json did not list, kept in %s", old)
	}
	return nil
}
