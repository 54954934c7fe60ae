package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/report"
)

// quickEcosystem keeps the ecosystem verdict of the tests fast.
var quickEcosystem = analysis.EcosystemOptions{Samples: 199, PowerSamples: 100, RobustSamples: 199, ScenarioReps: 2, Population: analysis.UnobservedTarget}

// fixture returns the results of the embedded ledger and case data (with
// few replicates) and report options that leave the replicates out.
func fixture(t *testing.T) (*analysis.Results, report.Options) {
	t.Helper()
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger", bytes.NewReader(lb), "isoon-entities", bytes.NewReader(eb))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := datasets.ReadFile(datasets.Claims)
	builtin, err := claims.Read("claims.csv", bytes.NewReader(cb), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.NewResults(l, d, analysis.ResultsOptions{Samples: 19, Seed: 1, Ecosystem: quickEcosystem,
		EcosystemData: analysis.EcosystemDataOptions{LedgerGrade: "B2"}, Claims: analysis.ClaimsInput{Builtin: builtin, Version: "test"}})
	return r, report.Options{
		Inputs:       []report.Input{report.NewInput("isoon-ledger", "", lb), report.NewInput("isoon-entities", "", eb)},
		Source:       "Source: NIDS Commentary No. 371, Figure 2",
		Version:      "test",
		NoReplicates: true,
	}
}

func TestBuild(t *testing.T) {
	files, warnings, err := report.Build(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings in English: %v", warnings)
	}
	var names []string
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, want := range []string{"index.html", "provenance.json", "figures/client-type.svg", "figures/client-type.png",
		"figures/network.svg", "figures/network.png", "tables/by-client-type.csv", "tables/by-level.csv",
		"tables/by-province.csv", "tables/by-ministry.csv", "tables/by-year.csv", "tables/by-end-user.csv", "tables/parties.csv", "tables/edges.csv"} {
		if _, ok := files[want]; !ok {
			t.Errorf("report lacks %s (has %v)", want, names)
		}
	}
	// Values: see metrics/tabulate_test.go for where each comes from.
	wantCSV := `client-type,label,contracts,amount_cny,share_contracts,share_amount
public_security,public_security,18,5439000.00,0.5625,0.6576
state_security,state_security,7,1095000.00,0.2188,0.1324
enterprise,enterprise,5,1042500.00,0.1562,0.1261
unknown,unknown,1,600000.00,0.0312,0.0725
government,government,1,94000.00,0.0312,0.0114
total,,32,8270500.00,1.0000,1.0000
`
	if got := string(files["tables/by-client-type.csv"]); got != wantCSV {
		t.Errorf("by-client-type.csv:\n%s\nwant\n%s", got, wantCSV)
	}
	html := string(files["index.html"])
	for _, want := range []string{`<img src="data:image/svg`, `<a href="figures/network.svg">SVG</a>`, `<a href="figures/client-type.png">PNG</a>`,
		"implications: left out (no replicates asked for: --samples 0)", "Freeman centralization", "Holm, S. (1979)", "18 of the contracts are marked public security", "8,270,500.00"} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// The claims checked: a table, a tally of every status, the data
	// package version, and the commentary's 18 of 32 (s02) consistent.
	md := string(files["report.md"])
	for _, want := range []string{`<h2 id="claims">Claims checked</h2>`, "data package version test", " consistent, ", " consistent as a bound, ", " not testable, ", " errors."} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if !strings.Contains(md, "## Claims checked") || !strings.Contains(string(files["tables/claims.csv"]), "\ns02,consistent,18,exactly,18,") {
		t.Errorf("report.md or tables/claims.csv lacks the claims:\n%s", files["tables/claims.csv"])
	}
	if regexp.MustCompile(`(src|href)="https?:`).MatchString(html) {
		t.Error("index.html loads a remote resource; it must open offline")
	}
	// Row 18's printed date "2018.1" has two readings: the over-time and
	// timeline figures use the first and say so, in the caption and on the
	// figure's source line.
	const note = "Ambiguous date: row 18 read as 2018-01 (other reading 2018-10, the same year)."
	for _, fig := range []string{"over-time", "timeline"} {
		i := strings.Index(html, `<figure id="fig-`+fig+`">`)
		if caption, _, _ := strings.Cut(html[max(i, 0):], "</figure>"); i < 0 || !strings.Contains(caption, note) {
			t.Errorf("the caption of %s lacks %q", fig, note)
		}
		if svg := string(files["figures/"+fig+".svg"]); !strings.Contains(svg, "Ambiguous date: row 18") {
			t.Errorf("the figure %s does not say that row 18's date is ambiguous", fig)
		}
	}
	var prov struct {
		Version string `json:"ecosys_version"`
		Inputs  []report.Input
		Files   []struct{ Path, SHA256 string }
	}
	if err := json.Unmarshal(files["provenance.json"], &prov); err != nil {
		t.Fatal(err)
	}
	if prov.Version != "test" || len(prov.Inputs) != 2 || len(prov.Files) != len(files)-1 || len(prov.Inputs[0].SHA256) != 64 {
		t.Errorf("provenance %+v", prov)
	}
}

// TestBuildWithVerdict checks that a report with replicates has the
// ecosystem verdict (reading, paragraph, figure, tables, JSON) and the
// ledger's description.
func TestBuildWithVerdict(t *testing.T) {
	r, opts := fixture(t)
	opts.NoReplicates = false
	files, _, err := report.Build(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	html, md := string(files["index.html"]), string(files["report.md"])
	for _, want := range []string{`<h2 id="verdict">The ecosystem verdict: `, `id="fig-implications"`, "The decision rule", "The ledger described"} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if !strings.Contains(md, "## The ecosystem verdict: ") || !strings.Contains(md, "## The ledger described") {
		t.Error("report.md lacks the verdict or the description")
	}
	if !strings.HasPrefix(string(files["tables/implications.csv"]), "implication,observed,") || !strings.HasPrefix(string(files["tables/description.csv"]), "statistic,value,") {
		t.Error("no implication or description table")
	}
	var v analysis.EcosystemVerdict
	if err := json.Unmarshal(files["verdict.json"], &v); err != nil || v.Reading == "" || !strings.HasPrefix(v.Summary, "Reading: ") {
		t.Errorf("verdict.json: %v %+v", err, v.Reading)
	}
	if _, ok := files["description.json"]; !ok {
		t.Error("no description.json")
	}
	checkPage(t, files, v.Summary)
}

// checkPage checks the page of the i-SOON report: it opens with what was
// found (the verdict's paragraph, the claims tally, the headline numbers,
// each linked to its section), then the table of contents; figures and
// tables are numbered in order and listed there; only total rows are bold;
// every table scrolls in its own box; numbers have thousands separators on
// the page and none in the CSV files; every image has alt text.
func checkPage(t *testing.T, files map[string][]byte, verdict string) {
	t.Helper()
	html := string(files["index.html"])
	findings, contents := strings.Index(html, `id="findings"`), strings.Index(html, `<nav id="contents">`)
	if findings < 0 || contents < findings {
		t.Fatalf("the page does not open with what was found, then the contents (at %d, %d)", findings, contents)
	}
	open := html[findings:contents]
	for _, want := range []string{
		`<a href="#verdict">The ecosystem verdict: `,
		template.HTMLEscapeString(verdict[:60]),
		`<a href="#claims">Claims checked</a>: `,
		`<a href="#tab-by-client-type">32</a> contracts, 8,270,500.00 CNY in total`,
		`<a href="#tab-parties">`,
	} {
		if !strings.Contains(open, want) {
			t.Errorf("the opening lacks %q:\n%s", want, open)
		}
	}
	// Every link inside the page has its target.
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if !strings.Contains(html, `id="`+m[1]+`"`) {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	// Figures and tables numbered 1, 2, … in order, each in the contents.
	nav := html[contents:strings.Index(html, "</nav>")]
	for _, kind := range []string{"Figure", "Table"} {
		nums := regexp.MustCompile(`<b>`+kind+` (\d+)\.</b>`).FindAllStringSubmatch(html, -1)
		if len(nums) < 3 {
			t.Errorf("%d numbered %ss", len(nums), kind)
		}
		for i, m := range nums {
			if m[1] != fmt.Sprint(i+1) {
				t.Errorf("%s %s is the %d-th", kind, m[1], i+1)
				break
			}
			if !strings.Contains(nav, kind+" "+m[1]+". ") {
				t.Errorf("the contents lack %s %s", kind, m[1])
			}
		}
	}
	// Only total rows are bold: no rule makes a table's last row bold,
	// and the rows marked total are the tallies' totals.
	if strings.Contains(html, "tr:last-child") {
		t.Error("the style sheet still makes the last row of every table bold")
	}
	totals := regexp.MustCompile(`<tr class="total"><td>([^<]*)</td>`).FindAllStringSubmatch(html, -1)
	if len(totals) != len(report.Dimensions) {
		t.Errorf("%d total rows, want one per tally (%d)", len(totals), len(report.Dimensions))
	}
	for _, m := range totals {
		if m[1] != "Total" {
			t.Errorf("a row that is not a total is bold: %q", m[1])
		}
	}
	// Wide tables scroll inside their own box.
	if !strings.Contains(html, ".tw{max-width:100%;overflow-x:auto") || strings.Count(html, `<div class="tw"`) != strings.Count(html, "<table>") {
		t.Error("not every table is in a box that scrolls sideways")
	}
	// Thousands separators on the page, never in the CSV files.
	for _, want := range []string{"<td>8,270,500.00</td>", "<td>2,620,000.00</td>"} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".csv") && regexp.MustCompile(`(^|,)\d{1,3},\d{3}[.,\n]`).Match(b) && !strings.Contains(name, "claims") {
			t.Errorf("%s has a thousands separator", name)
		}
	}
	if !strings.Contains(string(files["tables/by-client-type.csv"]), ",8270500.00,") {
		t.Error("by-client-type.csv lost the plain total")
	}
	// Every image has alt text.
	imgs := regexp.MustCompile(`<img [^>]*>`).FindAllString(html, -1)
	for _, img := range imgs {
		if m := regexp.MustCompile(`alt="([^"]*)"`).FindStringSubmatch(img); m == nil || len(m[1]) < 20 {
			t.Errorf("image without alt text: %.80s", img)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	a, _, err := report.Build(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := report.Build(fixture(t))
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

func TestWriteReplacesOnlyItsOwnReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	r, opts := fixture(t)
	if _, err := report.Write(dir, r, opts); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The second run recognises its own report and replaces it.
	if _, err := report.Write(dir, r, opts); err != nil {
		t.Fatalf("second Write over its own report: %v", err)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if !bytes.Equal(first, second) {
		t.Error("two runs gave different provenance.json")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("temporary directories left behind: %v", entries)
	}
	// An empty directory is accepted.
	empty := filepath.Join(t.TempDir(), "empty")
	os.Mkdir(empty, 0o755)
	if _, err := report.Write(empty, r, opts); err != nil {
		t.Errorf("Write into an empty directory: %v", err)
	}

	refused := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"foreign file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
		}, "notes.txt is not listed"},
		{"foreign file in a subdirectory", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "figures", "mine.svg"), []byte("mine"), 0o644)
		}, "figures/mine.svg is not listed"},
		{"edited file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "report.md"), []byte("my notes"), 0o644)
		}, "report.md was changed"},
		{"provenance of another program", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "provenance.json"), []byte(`{"generator":"other tool","files":[{"path":"index.html"}]}`), 0o644)
		}, "not written by ecosys report"},
		{"no provenance", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "provenance.json"))
		}, "no provenance.json"},
		{"provenance listing a path outside", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "provenance.json"), []byte(`{"generator":"ecosys report","files":[{"path":"../x"}]}`), 0o644)
		}, "not a file of a report"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if _, err := report.Write(dir, r, opts); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir)
			before := snapshot(t, dir)
			_, err := report.Write(dir, r, opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "left untouched") {
				t.Errorf("Write: %v, want a refusal saying %q", err, tt.want)
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Error("the refused directory was changed")
			}
			entries, _ := os.ReadDir(filepath.Dir(dir))
			if len(entries) != 1 {
				t.Errorf("temporary directories left behind: %v", entries)
			}
		})
	}
	// A plain file at --out is refused.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := report.Write(file, r, opts); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Write over a file: %v", err)
	}

	// An input inside the output directory is refused.
	in := filepath.Join(dir, "ledger.csv")
	os.WriteFile(in, []byte("x"), 0o644)
	opts.Inputs = append(opts.Inputs, report.Input{Name: "ledger.csv", Path: in})
	if _, err := report.Write(dir, r, opts); err == nil || !strings.Contains(err.Error(), "contains the input") {
		t.Errorf("Write over an input: %v", err)
	}
	if _, err := os.Stat(in); err != nil {
		t.Error("the input was removed")
	}
}

// snapshot returns every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return err
	})
	return out
}
