package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdReport(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *ReportOptions) bool
		wantErr string
	}{
		{argv: "", check: func(o *ReportOptions) bool {
			return o.Out == "ecosys-report" && !o.Force && o.Lang == "en" && o.DPI == 300 && o.Input.Embedded() && o.Samples == 1000 && o.Seed == 1
		}},
		{argv: "--out r -f --lang both --font f.ttc --dpi 150 --ledger l.csv --source S", check: func(o *ReportOptions) bool {
			return o.Out == "r" && o.Force && o.Lang == "both" && o.FontPath == "f.ttc" && o.DPI == 150 && o.Input.LedgerPath == "l.csv" && o.Source == "S"
		}},
		{argv: "--lang fr", wantErr: `invalid argument "fr" for "--lang" flag`},
		{argv: "--dpi -3", wantErr: `invalid argument -3 for "--dpi" flag`},
		{argv: "--dpi x", wantErr: `invalid argument "x" for "--dpi" flag`},
		{argv: "--out=", wantErr: "--out must not be empty"},
		{argv: "--samples -1", wantErr: `invalid argument -1 for "--samples"`},
		{argv: "now", wantErr: `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *ReportOptions
			c := NewCmdReport(&Factory{IO: io}, func(o *ReportOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

func TestReportRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	io, out, errOut := Test()
	if code := Run([]string{"report", "--out", dir, "--dpi", "72", "--samples", "40"}, &Factory{IO: io, Version: "test"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out.Len() != 0 || errOut.String() != "Wrote "+dir+"/index.html\n" {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	first, err := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), `"ecosys_version": "test"`) || !strings.Contains(string(first), `"note": "embedded data/isoon-ledger.csv"`) {
		t.Errorf("provenance.json:\n%s", first)
	}
	// A second run recognises its own earlier report and replaces it
	// (it used to exit 1), with byte-identical files.
	io, _, errOut = Test()
	if code := Run([]string{"report", "--out", dir, "--dpi", "72", "--samples", "40"}, &Factory{IO: io, Version: "test"}); code != ExitOK {
		t.Fatalf("second run: exit %d, stderr %q", code, errOut)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "provenance.json"))
	for _, f := range []string{"verdict.json", "tables/implications.csv", "tables/description.csv", "figures/implications.svg"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("report lacks %s", f)
		}
	}
	if string(first) != string(second) {
		t.Error("two runs gave different provenance.json (it lists the SHA-256 of every file)")
	}
}

func TestReportRefusesInputDir(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "l.csv")
	os.WriteFile(ledger, []byte("contractor_id,end_user_id,amount_cny\na,b,1\n"), 0o644)
	io, _, errOut := Test()
	code := Run([]string{"report", "--ledger", ledger, "--out", dir, "--force", "--samples", "0"}, &Factory{IO: io})
	if code != ExitError || !strings.Contains(errOut.String(), "contains the input") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(ledger); err != nil {
		t.Error("input file removed")
	}
}

func TestReportRefusesForeignDir(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "thesis.tex")
	os.WriteFile(mine, []byte("mine"), 0o644)
	io, _, errOut := Test()
	code := Run([]string{"report", "--out", dir, "--samples", "0", "--dpi", "72"}, &Factory{IO: io})
	if code != ExitError || !strings.Contains(errOut.String(), "no provenance.json") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "mine" {
		t.Error("a file of the user was touched")
	}
}

func TestReportOwnNetwork(t *testing.T) {
	edges, nodes := writeLesMis(t)
	dir := filepath.Join(t.TempDir(), "lesmis-report")
	for run := 1; run <= 2; run++ {
		io, _, errOut := Test()
		if code := Run([]string{"report", "--edges", edges, "--nodes", nodes, "--weighted", "--out", dir, "--dpi", "72"}, &Factory{IO: io, Version: "test"}); code != ExitOK {
			t.Fatalf("run %d: exit %d: %s", run, code, errOut)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"An undirected, weighted network of 11 nodes and 14 edges", `id="fig-graph"`, `id="fig-ranking"`, `id="fig-degree"`,
		"client-type: left out", `<a href="#tab-nodes">Myriel</a> has the highest degree, 6`, `<a href="#tab-nodes">Valjean</a> has the highest betweenness`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	prov, _ := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if !strings.Contains(string(prov), `"name": "`+strings.ReplaceAll(edges, `\`, `\\`)+`"`) || !strings.Contains(string(prov), "lesmis-nodes.csv") {
		t.Errorf("provenance.json does not list the inputs:\n%s", prov)
	}
}
