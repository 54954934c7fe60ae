package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
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

// Write builds the report of the results r and writes it to dir. dir
// must not exist unless force is set, in which case it is replaced; it
// must not contain an input file. Write returns the warnings of the
// figures (for example, Chinese labels asked for without a CJK font).
func Write(dir string, force bool, r *analysis.Results, opts Options) (warnings []string, err error) {
	if r == nil || r.Ledger() == nil {
		return nil, errors.New("report: no ledger")
	}
	if err := checkDestination(dir, force, opts.Inputs); err != nil {
		return nil, err
	}
	files, warnings, err := Build(r, opts)
	if err != nil {
		return nil, err
	}
	return warnings, writeDirAtomic(dir, force, files)
}

// Build renders the report of the results r in memory: a map from
// relative path (with forward slashes) to content.
func Build(r *analysis.Results, opts Options) (files map[string][]byte, warnings []string, err error) {
	if opts.Title == "" {
		opts.Title = "i-SOON contract ledger"
	}
	l := r.Ledger()
	files = map[string][]byte{}
	page := pageData{Title: opts.Title, Citation: opts.Citation, Source: l.Source,
		Contracts: len(l.Contracts), Total: l.Total().String(), Parties: len(l.Entities)}

	tallies := map[network.Dimension]metrics.Tally{}
	for _, d := range Dimensions {
		t, err := r.Tally(d)
		if err != nil {
			return nil, nil, err
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
			return nil, nil, err
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
				return nil, nil, err
			}
			page.Tables = append(page.Tables, table{Caption: ct.caption, CSV: ct.name, Header: ct.t.Header, Rows: ct.t.Rows})
		}
	}
	if g, ok := tallies[network.DimClientType].Group(string(network.PublicSecurity)); ok {
		page.PublicSecurity = g.Contracts
	}

	n := r.Network()
	pt := PartyTable(r.Parties())
	if files["tables/parties.csv"], err = encodeCSV(append([][]string{pt.Header}, pt.Rows...)); err != nil {
		return nil, nil, err
	}
	page.Parties2 = table{Caption: "Parties: degree and strength in the ledger network", CSV: "tables/parties.csv", Header: pt.Header, Rows: pt.Rows}
	if files["tables/edges.csv"], err = encodeCSV(edgesTable(n)); err != nil {
		return nil, nil, err
	}

	popts := plots.Options{Lang: opts.Lang, FontPath: opts.FontPath, Source: opts.Source, DPI: opts.DPI}
	params := FigureParams{Options: popts, Seed: opts.Seed}
	for _, f := range catalogue {
		if opts.NoReplicates && (f.Name == "implications" || f.Name == "sensitivity") {
			page.Skipped = append(page.Skipped, f.Name+": left out (no replicates asked for: --samples 0)")
			continue
		}
		fig, err := f.draw(r, params, f.title(params))
		if err != nil {
			// A figure that does not apply to these data (no dates, no
			// intermediaries) is left out and says why.
			page.Skipped = append(page.Skipped, fmt.Sprintf("%s: not drawn: %v", f.Name, err))
			continue
		}
		warnings = append(warnings, fig.Warnings...)
		fg := figure{Name: f.Name, Caption: f.caption(l), Alt: f.Alt(r, params.lang()), SVG: "figures/" + f.Name + ".svg", PNG: "figures/" + f.Name + ".png"}
		for _, ext := range []string{"svg", "png"} {
			b, err := fig.Encode(ext)
			if err != nil {
				return nil, nil, fmt.Errorf("report: figure %s.%s: %w", f.Name, ext, err)
			}
			files["figures/"+f.Name+"."+ext] = b
			if ext == "svg" {
				fg.DataURI = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b))
			}
		}
		if f.Name == implicationsFigure.Name {
			page.VerdictFigure = &fg
			continue
		}
		page.Figures = append(page.Figures, fg)
	}
	if m, err := r.Measures(); err == nil {
		mt := metricsTable(m, l)
		if files["tables/metrics.csv"], err = encodeCSV(append([][]string{mt.Header}, mt.Rows...)); err != nil {
			return nil, nil, err
		}
		page.Metrics = &table{Caption: "Graph-level measures of the ledger network (directed, amount-weighted; paths count edges)", CSV: "tables/metrics.csv", Header: mt.Header, Rows: mt.Rows}
	}
	if err := claimsPart(r, &page, files); err != nil {
		return nil, nil, err
	}
	page.BibTeX = opts.BibTeX
	page.Inputs = opts.Inputs
	page.Methods = methodNotes
	slices.Sort(warnings)
	warnings = slices.Compact(warnings)

	if !opts.NoReplicates {
		if err := verdictSection(r, &page, files); err != nil {
			return nil, nil, err
		}
	}

	if files["index.html"], err = renderPage(page); err != nil {
		return nil, nil, err
	}
	files["report.md"] = renderMarkdown(page)
	if files["provenance.json"], err = provenance(opts, r.Options(), files); err != nil {
		return nil, nil, err
	}
	return files, warnings, nil
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

// LedgerNet converts a ledger network for plots.LayeredNetwork: nodes in
// layers by role, coloured by entity kind, sized by the number of contracts
// they take part in, edges directed and weighted by amount.
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
	net.KindLabels = KindLabels
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
	}{Generator: "ecosys report", Version: opts.Version, Inputs: opts.Inputs, Citation: opts.Citation,
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

// checkDestination refuses to write over an existing directory without
// force, or into a directory that holds an input.
func checkDestination(dir string, force bool, inputs []Input) error {
	if dir == "" {
		return errors.New("report: no output directory")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for _, in := range inputs {
		if in.Path == "" {
			continue
		}
		p, err := filepath.Abs(in.Path)
		if err == nil && (p == abs || strings.HasPrefix(p, abs+string(filepath.Separator))) {
			return fmt.Errorf("report: output directory %s contains the input %s; choose another --out", dir, in.Path)
		}
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("report: %w", err)
	case !fi.IsDir():
		return fmt.Errorf("report: %s exists and is not a directory", dir)
	case !force:
		return fmt.Errorf("report: %s already exists; use --force to replace it", dir)
	}
	return nil
}

// writeDirAtomic writes files into a new temporary directory beside dir and
// renames it into place. An existing dir (allowed by force) is moved aside
// first and removed only once the new one is in place.
func writeDirAtomic(dir string, force bool, files map[string][]byte) (err error) {
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
			os.RemoveAll(tmp)
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
	if _, statErr := os.Stat(dir); statErr == nil {
		if !force {
			return fmt.Errorf("report: %s already exists; use --force to replace it", dir)
		}
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("report: %w", err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
