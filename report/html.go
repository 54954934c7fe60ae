package report

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

type table struct {
	Caption string
	CSV     string
	Header  []string
	Rows    [][]string
}

type figure struct {
	Name     string
	Caption  string
	Alt      string // FigureSpec.Alt; the caption where empty
	SVG, PNG string
	// DataURI is the SVG as a data: URI, so that index.html shows the
	// figures even when copied without the figures directory.
	DataURI template.URL
}

type pageData struct {
	Title            string
	Citation         string
	Source           string
	Contracts        int
	PublicSecurity   int
	Total            string
	Parties          int
	Figures          []figure
	Tables           []table
	Parties2         table
	Ecosystem        *ecosystemSection
	VerdictFigure    *figure
	Description      *table
	DescriptionFacts []string
	DescriptionNotes []string
	Metrics          *table
	Claims           *claimsSection
	Skipped          []string // figures left out, with the reason
	BibTeX           string
	Inputs           []Input
	Methods          []methodNote
}

// tallyTable formats a tabulation for the HTML page.
func tallyTable(d network.Dimension, t metrics.Tally, csvName string) table {
	tb := table{
		Caption: "Contracts and amount by " + strings.ReplaceAll(string(d), "-", " "),
		CSV:     csvName,
		Header:  []string{strings.ReplaceAll(string(d), "-", " "), "contracts", "amount (CNY)", "share of contracts", "share of amount"},
	}
	for _, g := range t.Groups {
		tb.Rows = append(tb.Rows, []string{g.Label, fmt.Sprint(g.Contracts), groupDigits(string(g.AmountCNY)),
			fmt.Sprintf("%.1f%%", 100*g.ShareContracts), fmt.Sprintf("%.1f%%", 100*g.ShareAmount)})
	}
	tb.Rows = append(tb.Rows, []string{"Total", fmt.Sprint(t.TotalContracts), groupDigits(string(t.TotalCNY)), "100.0%", "100.0%"})
	return tb
}

// groupDigits writes thousands separators into a decimal such as
// "8270500.00" → "8,270,500.00".
func groupDigits(s string) string {
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if dot {
		b.WriteString("." + frac)
	}
	return b.String()
}

var page = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — ecosys report</title>
<style>
body{font-family:"Liberation Sans",Arial,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{padding:.2rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr:last-child td{font-weight:600}
figure{margin:1rem 0 2rem}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption,.note{font-size:.85rem;color:#555}
dt{font-weight:600;margin-top:.6rem}dd{margin-left:1.2rem}pre{font-size:.8rem;background:#f6f6f6;padding:.5rem;overflow-x:auto}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Contracts}} contracts from <code>{{.Source}}</code>, {{.Parties}} parties, total amount {{.Total}} CNY; {{.PublicSecurity}} of the contracts are marked public security (公安).</p>
{{if .Citation}}<p class="note">Data: {{.Citation}}</p>{{end}}
{{with .Ecosystem}}<h2 id="verdict">The ecosystem verdict: {{.Reading}}</h2>
<p>{{.Summary}}</p>
{{with $.VerdictFigure}}<figure id="fig-{{.Name}}"><img src="{{.DataURI}}" alt="{{or .Alt .Caption}}"><figcaption>{{.Caption}} (<a href="{{.SVG}}">SVG</a>, <a href="{{.PNG}}">PNG</a>; <code>ecosys plot {{.Name}}</code>)</figcaption></figure>{{end}}
{{template "table" .Implications}}
{{template "table" .Robustness}}
<p class="note"><b>The hypothesis.</b> {{.Hypothesis}}</p>
<p class="note"><b>The decision rule</b> (stated before any result is read). {{.Rule}}</p>
{{if .Notes}}<ul class="note">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
<p class="note">Every number: verdict.json; the same verdict on the command line: <code>ecosys test ecosystem</code>.</p>{{end}}
<p class="note">The ledger records what a leaked document says. It is evidence of contracting relationships as recorded, not proof that any contract was performed. Every cell that had to be interpreted is listed in the data set's transcription notes (<code>ecosys datasets show isoon-notes</code>).</p>
<h2>Figures</h2>
{{range .Figures}}<figure id="fig-{{.Name}}"><img src="{{.DataURI}}" alt="{{or .Alt .Caption}}"><figcaption>{{.Caption}} (<a href="{{.SVG}}">SVG</a>, <a href="{{.PNG}}">PNG</a>; <code>ecosys plot {{.Name}}</code>)</figcaption></figure>
{{end}}{{if .Skipped}}<ul class="note">{{range .Skipped}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Description}}<h2>The ledger described</h2>
{{template "table" .}}{{end}}{{if .DescriptionFacts}}<ul>{{range .DescriptionFacts}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .DescriptionNotes}}<ul class="note">{{range .DescriptionNotes}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Claims}}<h2 id="claims">Claims checked</h2>
<p>Every quantitative claim of the sources that ecosys knows, evaluated on these data by its expression (<code>ecosys claims</code>): no status is stored, so corrected data change it. {{.Tally}}.</p>
{{template "table" .Table}}{{if .Notes}}<ul class="note">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
<p class="note">Statuses: consistent, inconsistent; consistent as a bound, where the data hold only part of what the claim counts (a count is then a lower bound); not testable, with what data would be needed; error, an expression that does not compile. Every value: claims.json.</p>{{end}}
<h2>Tables</h2>
{{with .Metrics}}{{template "table" .}}{{end}}
{{range .Tables}}{{template "table" .}}{{end}}
{{template "table" .Parties2}}
<h2>Methods</h2>
<dl>{{range .Methods}}<dt>{{.Term}}</dt><dd>{{.Definition}}{{if .Reference}} <span class="note">{{.Reference}}</span>{{end}}</dd>
{{end}}</dl>
<h2>Data and provenance</h2>
{{if .Citation}}<p>{{.Citation}}</p>{{end}}{{if .BibTeX}}<pre>{{.BibTeX}}</pre>{{end}}
<table><caption>Inputs</caption><thead><tr><th>input</th><th>bytes</th><th>SHA-256</th><th>note</th></tr></thead><tbody>
{{range .Inputs}}<tr><td>{{.Name}}</td><td>{{.Bytes}}</td><td><code>{{.SHA256}}</code></td><td>{{.Note}}</td></tr>
{{end}}</tbody></table>
<p class="note">Generated by ecosys; provenance.json records the version, the SHA-256 of every input and output file, and the parameters. The same inputs and flags give byte-identical files. report.md holds the same content in Markdown.</p>
</body>
</html>
{{define "table"}}<table>
<caption>{{.Caption}} (<a href="{{.CSV}}">CSV</a>)</caption>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}`))

func renderPage(p pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := page.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b.Bytes(), nil
}
