package report

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// table is a table of the page. Its rows are for people (numbers with
// thousands separators, see readableRows); the CSV file beside it keeps
// the numbers as computed.
type table struct {
	Caption string
	CSV     string // relative path of the CSV file; "" for none
	Header  []string
	Rows    [][]string
	// Total says that the last row is a total row: it alone is bold.
	Total bool
	// Num and ID are the table's number on the page ("Table 2.") and its
	// anchor, set by numberPage.
	Num int
	ID  string
}

type figure struct {
	Name     string
	Title    string // the title drawn on the figure
	Caption  string
	Alt      string // text alternative of the image (figureAlt)
	SVG, PNG string
	// DataURI is the SVG as a data: URI, so that index.html shows the
	// figures even when copied without the figures directory.
	DataURI template.URL
	// Num is the figure's number on the page ("Figure 3."), set by
	// numberPage.
	Num int
}

// headline is a number of the opening summary, linked to the section
// that holds it: "<a href=Href>Value</a> Text".
type headline struct {
	Value, Text, Href string
}

// tocEntry is a line of the table of contents.
type tocEntry struct {
	ID, Title string
	Items     []tocEntry
}

type pageData struct {
	Title    string
	Citation string
	// Intro is the first paragraph: what the data are, numbers grouped.
	Intro string
	// Headlines are the headline numbers of the opening summary.
	Headlines []headline
	// Ledger says that the report is of a contract ledger (the note on
	// what a leaked ledger shows is printed).
	Ledger        bool
	Contents      []tocEntry
	Figures       []figure
	Tables        []table
	Parties2      *table
	Nodes         *table // node measures of a network of one's own
	Ecosystem     *ecosystemSection
	VerdictFigure *figure
	// VerdictMissing says why the opening summary has no verdict ("" when
	// it has one).
	VerdictMissing   string
	Description      *table
	DescriptionFacts []string
	DescriptionNotes []string
	Metrics          *table
	Claims           *claimsSection
	Skipped          []string // figures and tables left out, with the reason
	BibTeX           string
	Inputs           []Input
	InputTable       table
	Methods          []methodNote
	Explorer         string // the evidence explorer's file
}

// tallyTable formats a tabulation for the HTML page; its last row is the
// total.
func tallyTable(d network.Dimension, t metrics.Tally, csvName string) table {
	tb := table{
		Caption: "Contracts and amount by " + strings.ReplaceAll(string(d), "-", " "),
		CSV:     csvName,
		Header:  []string{strings.ReplaceAll(string(d), "-", " "), "contracts", "amount (CNY)", "share of contracts", "share of amount"},
		Total:   true,
	}
	for _, g := range t.Groups {
		tb.Rows = append(tb.Rows, []string{g.Label, fmt.Sprint(g.Contracts), numfmt.Group(string(g.AmountCNY)),
			fmt.Sprintf("%.1f%%", 100*g.ShareContracts), fmt.Sprintf("%.1f%%", 100*g.ShareAmount)})
	}
	tb.Rows = append(tb.Rows, []string{"Total", fmt.Sprint(t.TotalContracts), numfmt.Group(string(t.TotalCNY)), "100.0%", "100.0%"})
	return tb
}

// plainNumber matches a cell that is a number and nothing else.
var plainNumber = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)

// exactNumber matches an integer or a decimal of at most two places (a
// count, an amount in CNY): it is grouped as written.
var exactNumber = regexp.MustCompile(`^-?\d+(\.\d{1,2})?$`)

// keyColumns are headers of columns that hold identifiers or years, not
// quantities: their cells are never reformatted.
var keyColumns = map[string]bool{"id": true, "node": true, "year": true, "row": true, "rows": true, "contract_no": true,
	"locator": true, "seed": true, "version": true, "name": true, "name_en": true, "name_zh": true, "sha256": true, "SHA-256": true}

// readableCell formats a number of a table for people: an integer or an
// exact decimal of up to two places with thousands separators
// (numfmt.Group: "8270500.00" → "8,270,500.00"), any other number to four
// significant digits (numfmt.Readable: 46.00000000000004 → "46"). Other
// text is returned as is.
func readableCell(s string) string {
	switch {
	case exactNumber.MatchString(s):
		return numfmt.Group(s)
	case plainNumber.MatchString(s):
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return s
		}
		return numfmt.Readable(x)
	}
	return s
}

// readableRows returns the rows of t with readableCell applied to every
// cell except those of key columns (keyColumns).
func readableRows(t table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			if j < len(t.Header) && keyColumns[t.Header[j]] {
				out[i][j] = c
				continue
			}
			out[i][j] = readableCell(c)
		}
	}
	return out
}

// tableID returns the anchor of a table: "tab-" and the CSV file's base
// name ("tables/by-level.csv" → "tab-by-level").
func tableID(t table, fallback string) string {
	name := fallback
	if t.CSV != "" {
		name = strings.TrimSuffix(t.CSV[strings.LastIndex(t.CSV, "/")+1:], ".csv")
	}
	return "tab-" + name
}

// shortCaption is the caption up to its first parenthesis, for the table
// of contents.
func shortCaption(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return s
}

// numberPage numbers the figures and tables in the order the page shows
// them, makes their numbers readable (readableRows), and builds the table
// of contents.
func numberPage(p *pageData) {
	fig, tab := 0, 0
	numFig := func(f *figure) tocEntry {
		fig++
		f.Num = fig
		return tocEntry{ID: "fig-" + f.Name, Title: fmt.Sprintf("Figure %d. %s", f.Num, f.Title)}
	}
	numTab := func(t *table, fallback string) tocEntry {
		tab++
		t.Num, t.ID = tab, tableID(*t, fallback)
		t.Rows = readableRows(*t)
		return tocEntry{ID: t.ID, Title: fmt.Sprintf("Table %d. %s", t.Num, shortCaption(t.Caption))}
	}
	toc := []tocEntry{{ID: "findings", Title: "What was found"}}
	if e := p.Ecosystem; e != nil {
		s := tocEntry{ID: "verdict", Title: "The ecosystem verdict"}
		if p.VerdictFigure != nil {
			s.Items = append(s.Items, numFig(p.VerdictFigure))
		}
		s.Items = append(s.Items, numTab(&e.Implications, "implications"), numTab(&e.Robustness, "robustness"))
		toc = append(toc, s)
	}
	if len(p.Figures) > 0 {
		s := tocEntry{ID: "figures", Title: "Figures"}
		for i := range p.Figures {
			s.Items = append(s.Items, numFig(&p.Figures[i]))
		}
		toc = append(toc, s)
	}
	if p.Description != nil {
		toc = append(toc, tocEntry{ID: "described", Title: "The ledger described", Items: []tocEntry{numTab(p.Description, "description")}})
	}
	if c := p.Claims; c != nil {
		toc = append(toc, tocEntry{ID: "claims", Title: "Claims checked", Items: []tocEntry{numTab(&c.Table, "claims")}})
	}
	s := tocEntry{ID: "tables", Title: "Tables"}
	if p.Metrics != nil {
		s.Items = append(s.Items, numTab(p.Metrics, "metrics"))
	}
	if p.Nodes != nil {
		s.Items = append(s.Items, numTab(p.Nodes, "nodes"))
	}
	for i := range p.Tables {
		s.Items = append(s.Items, numTab(&p.Tables[i], fmt.Sprint(i)))
	}
	if p.Parties2 != nil {
		s.Items = append(s.Items, numTab(p.Parties2, "parties"))
	}
	if len(s.Items) > 0 {
		toc = append(toc, s)
	}
	toc = append(toc, tocEntry{ID: "methods", Title: "Methods"})
	p.InputTable = table{Caption: "Inputs", Header: []string{"input", "bytes", "SHA-256", "note"}}
	for _, in := range p.Inputs {
		p.InputTable.Rows = append(p.InputTable.Rows, []string{in.Name, fmt.Sprint(in.Bytes), in.SHA256, in.Note})
	}
	toc = append(toc, tocEntry{ID: "provenance", Title: "Data and provenance", Items: []tocEntry{numTab(&p.InputTable, "inputs")}})
	p.Contents = toc
}

var page = template.Must(template.New("index").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — ecosys report</title>
<style>
body{font-family:"Liberation Sans",Arial,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
.tw{max-width:100%;overflow-x:auto;margin:.5rem 0 1.5rem}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-size:.85rem;color:#555;padding-bottom:.3rem}
th,td{padding:.2rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
tr.total td{font-weight:600}
figure{margin:1rem 0 2rem}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption,.note{font-size:.85rem;color:#555}
.findings{background:#f6f6f6;padding:.6rem 1rem;border-left:3px solid #0072b2}.findings h2{margin-top:.4rem}
nav ol{padding-left:1.4rem}nav ol ol{font-size:.9rem;list-style:none;padding-left:1rem}
dt{font-weight:600;margin-top:.6rem}dd{margin-left:1.2rem}pre{font-size:.8rem;background:#f6f6f6;padding:.5rem;overflow-x:auto}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<section class="findings" id="findings">
<h2>What was found</h2>
{{with .Ecosystem}}<p><a href="#verdict">The ecosystem verdict: {{.Reading}}.</a> {{.Summary}}</p>
{{else}}{{if .VerdictMissing}}<p>{{.VerdictMissing}}</p>
{{end}}{{end}}{{with .Claims}}<p><a href="#claims">Claims checked</a>: {{.Tally}}.</p>
{{end}}<ul>{{range .Headlines}}<li><a href="{{.Href}}">{{.Value}}</a> {{.Text}}</li>{{end}}</ul>
</section>
<p>{{.Intro}}</p>
{{if .Citation}}<p class="note">Data: {{.Citation}}</p>{{end}}
<nav id="contents"><h2>Contents</h2>
<ol>{{range .Contents}}<li><a href="#{{.ID}}">{{.Title}}</a>{{if .Items}}<ol>{{range .Items}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}</ol>{{end}}</li>
{{end}}</ol></nav>
{{if .Explorer}}<p><a href="{{.Explorer}}">Evidence explorer</a>: the networks of these data to pan, zoom, filter and search, with the citation of every tie (source, locator, grade, allegation, dates); one file that works offline.</p>{{end}}
{{with .Ecosystem}}<h2 id="verdict">The ecosystem verdict: {{.Reading}}</h2>
<p>{{.Summary}}</p>
{{with $.VerdictFigure}}{{template "figure" .}}{{end}}
{{template "table" .Implications}}
{{template "table" .Robustness}}
<p class="note"><b>The hypothesis.</b> {{.Hypothesis}}</p>
<p class="note"><b>The decision rule</b> (stated before any result is read). {{.Rule}}</p>
{{if .Notes}}<ul class="note">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
<p class="note">Every number: verdict.json; the same verdict on the command line: <code>ecosys test ecosystem</code>.</p>{{end}}
{{if .Ledger}}<p class="note">The ledger records what a leaked document says. It is evidence of contracting relationships as recorded, not proof that any contract was performed. Every cell that had to be interpreted is listed in the data set's transcription notes (<code>ecosys datasets show isoon-notes</code>).</p>{{end}}
<h2 id="figures">Figures</h2>
{{range .Figures}}{{template "figure" .}}
{{end}}{{if .Skipped}}<p class="note">Left out:</p><ul class="note">{{range .Skipped}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Description}}<h2 id="described">The ledger described</h2>
{{template "table" .}}{{end}}{{if .DescriptionFacts}}<ul>{{range .DescriptionFacts}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .DescriptionNotes}}<ul class="note">{{range .DescriptionNotes}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Claims}}<h2 id="claims">Claims checked</h2>
<p>Every quantitative claim of the sources that ecosys knows, evaluated on these data by its expression (<code>ecosys claims</code>): no status is stored, so corrected data change it. {{.Tally}}.</p>
{{template "table" .Table}}{{if .Notes}}<ul class="note">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
<p class="note">Statuses: consistent, inconsistent; consistent as a bound, where the data hold only part of what the claim counts (a count is then a lower bound); not testable, with what data would be needed; error, an expression that does not compile. Every value: claims.json.</p>{{end}}
<h2 id="tables">Tables</h2>
{{with .Metrics}}{{template "table" .}}{{end}}
{{with .Nodes}}{{template "table" .}}{{end}}
{{range .Tables}}{{template "table" .}}{{end}}
{{with .Parties2}}{{template "table" .}}{{end}}
<h2 id="methods">Methods</h2>
<dl>{{range .Methods}}<dt>{{.Term}}</dt><dd>{{.Definition}}{{if .Reference}} <span class="note">{{.Reference}}</span>{{end}}</dd>
{{end}}</dl>
<h2 id="provenance">Data and provenance</h2>
{{if .Citation}}<p>{{.Citation}}</p>{{end}}{{if .BibTeX}}<pre>{{.BibTeX}}</pre>{{end}}
{{template "table" .InputTable}}
<p class="note">Generated by ecosys; provenance.json records the version, the SHA-256 of every input and output file, and the parameters. The same inputs and flags give byte-identical files. report.md holds the same content in Markdown.</p>
</body>
</html>
{{define "figure"}}<figure id="fig-{{.Name}}"><img src="{{.DataURI}}" alt="{{.Alt}}"><figcaption><b>Figure {{.Num}}.</b> {{.Caption}} (<a href="{{.SVG}}">SVG</a>, <a href="{{.PNG}}">PNG</a>; <code>ecosys plot {{.Name}}</code>)</figcaption></figure>{{end}}
{{define "table"}}<div class="tw" id="{{.ID}}"><table>
<caption><b>Table {{.Num}}.</b> {{.Caption}}{{if .CSV}} (<a href="{{.CSV}}">CSV</a>){{end}}</caption>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{$last := len .Rows}}{{$total := .Total}}{{range $i, $r := .Rows}}<tr{{if and $total (eq (inc $i) $last)}} class="total"{{end}}>{{range $r}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table></div>
{{end}}`))

func renderPage(p pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := page.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b.Bytes(), nil
}
