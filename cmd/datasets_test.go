package cmd

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/datasets"
)

func TestNewCmdDatasetsList(t *testing.T) {
	tests := []struct {
		argv       string
		wantFormat string
		wantErr    string
	}{
		{argv: "", wantFormat: "table"},
		{argv: "--format csv", wantFormat: "csv"},
		{argv: "--format=json", wantFormat: "json"},
		{argv: "--format markdown", wantFormat: "markdown"},
		{argv: "--format xml", wantErr: "must be one of table, csv, json, markdown"},
		{argv: "--format", wantErr: "flag needs an argument: --format"},
		{argv: "isoon-ledger", wantErr: `unexpected argument "isoon-ledger"`},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *DatasetsListOptions
			c := NewCmdDatasetsList(&Factory{IO: io}, func(o *DatasetsListOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && (got.IO != io || got.Format != tt.wantFormat) {
				t.Errorf("options %+v, want format %q", *got, tt.wantFormat)
			}
		})
	}
}

// csvLines is the CSV listing of rs, quoted as encoding/csv quotes.
func csvLines(rs []datasets.Resource) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"name", "rows", "bytes", "title"})
	for _, r := range rs {
		w.Write([]string{r.Name, strconv.Itoa(r.Rows), strconv.FormatInt(r.Bytes, 10), r.Title})
	}
	w.Flush()
	return b.String()
}

func TestDatasetsListRun(t *testing.T) {
	// The layout is fixed here; the numbers come from datapackage.json,
	// which the datasets tests check against the files.
	rs, err := datasets.List()
	if err != nil {
		t.Fatal(err)
	}
	lines := func(format string, header string) string {
		out := header
		for _, r := range rs {
			out += fmt.Sprintf(format, r.Name, r.Rows, r.Bytes, r.Title)
		}
		return out
	}
	tests := []struct {
		format string
		tty    bool
		want   string
	}{
		{"table", false, lines("%s\t%d\t%d\t%s\n", "name\trows\tbytes\ttitle\n")},
		{"table", true, lines("%-16s%-6d%-8d%s\n", "NAME            ROWS  BYTES   TITLE\n")},
		{"csv", true, csvLines(rs)},
		{"markdown", false, lines("| %s | %d | %d | %s |\n", "| name | rows | bytes | title |\n| --- | --- | --- | --- |\n")},
	}
	if !strings.HasPrefix(tests[0].want, "name\trows\tbytes\ttitle\nisoon-ledger\t32\t") {
		t.Errorf("unexpected data: %q", tests[0].want)
	}
	for _, tt := range tests {
		io, stdout, stderr := Test()
		io.IsTTY = tt.tty
		if err := datasetsListRun(&DatasetsListOptions{IO: io, Format: tt.format}); err != nil {
			t.Fatal(err)
		}
		if stdout.String() != tt.want {
			t.Errorf("%s tty=%v:\n%s\nwant:\n%s", tt.format, tt.tty, stdout, tt.want)
		}
		if stderr.Len() != 0 {
			t.Errorf("%s: stderr %q", tt.format, stderr)
		}
	}

	io, stdout, _ := Test()
	if err := datasetsListRun(&DatasetsListOptions{IO: io, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var got []datasetSummary
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rs) {
		t.Fatalf("%d data sets in JSON, want %d", len(got), len(rs))
	}
	for i, r := range rs {
		if want := (datasetSummary{r.Name, r.Title, r.Path, r.Rows, r.Bytes, r.Hash}); got[i] != want {
			t.Errorf("JSON[%d] = %+v, want %+v", i, got[i], want)
		}
	}
	if !strings.Contains(stdout.String(), `"hash": "sha256:`) {
		t.Errorf("JSON keys are not lower_snake:\n%s", stdout)
	}
}

func TestNewCmdDatasetsShow(t *testing.T) {
	tests := []struct {
		argv    string
		want    DatasetsShowOptions
		wantErr string
	}{
		{argv: "isoon-ledger", want: DatasetsShowOptions{Name: "isoon-ledger", Format: "text"}},
		{argv: "isoon-notes --format json", want: DatasetsShowOptions{Name: "isoon-notes", Format: "json"}},
		{argv: "datapackage", want: DatasetsShowOptions{Name: "datapackage", Format: "text"}},
		{argv: "", wantErr: "missing data set name"},
		{argv: "isoon-ledger isoon-notes", wantErr: `unexpected argument "isoon-notes"`},
		{argv: "nope", wantErr: `unknown data set "nope"; choose one of isoon-ledger, isoon-entities, isoon-notes, case-sources,`},
		{argv: "isoon-ledger --format csv", wantErr: "must be one of text, json"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *DatasetsShowOptions
			c := NewCmdDatasetsShow(&Factory{IO: io}, func(o *DatasetsShowOptions) error { got = o; return nil })
			if !checkErr(t, execute(c, tt.argv), tt.wantErr) {
				return
			}
			tt.want.IO = io
			if *got != tt.want {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestDatasetsShowRun(t *testing.T) {
	io, stdout, stderr := Test()
	if err := datasetsShowRun(&DatasetsShowOptions{IO: io, Name: datasets.Notes, Format: "text"}); err != nil {
		t.Fatal(err)
	}
	r, _ := datasets.Lookup(datasets.Notes)
	p, _ := datasets.Meta()
	want := "isoon-notes: Transcription notes\n" +
		wrap(r.Description, 76, "") + "\n" +
		"File:         data/isoon-notes.csv (csv, utf-8)\n" +
		fmt.Sprintf("Rows:         %d\n", r.Rows) +
		fmt.Sprintf("Bytes:        %d\n", r.Bytes) +
		"Hash:         " + r.Hash + "\n" +
		"Primary key:  id\n" +
		"\n" +
		"Source (data package " + p.Name + " " + p.Version + "):\n" +
		wrap(p.Citation, 76, "  ") +
		"\n" +
		"Fields (6):\n" +
		"  id       string (required, unique)  " + r.Schema.Fields[0].Description + "\n" +
		"  rows     string (required)          " + r.Schema.Fields[1].Description + "\n"
	if !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("stdout starts:\n%s\nwant:\n%s", stdout, want)
	}
	if n := strings.Count(stdout.String(), "\n"); n != strings.Count(want, "\n")+4 {
		t.Errorf("stdout has %d lines, want %d", n, strings.Count(want, "\n")+4)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr %q", stderr)
	}

	// --format json prints the Frictionless resource.
	io, stdout, _ = Test()
	if err := datasetsShowRun(&DatasetsShowOptions{IO: io, Name: datasets.Ledger, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var got datasets.Resource
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	lr, _ := datasets.Lookup(datasets.Ledger)
	if got.Name != lr.Name || got.Hash != lr.Hash || len(got.Schema.Fields) != len(lr.Schema.Fields) || len(got.Schema.ForeignKeys) != 3 {
		t.Errorf("JSON resource %+v, want %+v", got, lr)
	}

	// The package as a whole.
	io, stdout, _ = Test()
	if err := datasetsShowRun(&DatasetsShowOptions{IO: io, Name: "datapackage", Format: "text"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"ecosys-data 1.3.0: ", "\nResources (16):\n", "\nBibTeX:\n@techreport{goto2025mps,"} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("datapackage: stdout lacks %q:\n%s", s, stdout)
		}
	}
}

func TestNewCmdDatasetsExport(t *testing.T) {
	tests := []struct {
		argv    string
		want    DatasetsExportOptions
		wantErr string
	}{
		{argv: "isoon-ledger", want: DatasetsExportOptions{Name: "isoon-ledger"}},
		{argv: "datapackage -o dp.json", want: DatasetsExportOptions{Name: "datapackage", Out: "dp.json"}},
		{argv: "isoon-notes --out n.csv --force", want: DatasetsExportOptions{Name: "isoon-notes", Out: "n.csv", Force: true}},
		{argv: "isoon-notes --out -", want: DatasetsExportOptions{Name: "isoon-notes", Out: "-"}},
		{argv: "--all --out dir -f", want: DatasetsExportOptions{All: true, Out: "dir", Force: true}},
		{argv: "", wantErr: "missing data set name (or --all)"},
		{argv: "nope", wantErr: `unknown data set "nope"`},
		{argv: "isoon-ledger isoon-notes", wantErr: `unexpected argument "isoon-notes"`},
		{argv: "isoon-ledger --all --out dir", wantErr: "give a data set name or --all, not both"},
		{argv: "--all", wantErr: "--all needs --out <dir>"},
		{argv: "--all --out -", wantErr: "--all needs --out <dir>"},
		{argv: "isoon-ledger --force", wantErr: "--force needs --out"},
		{argv: "isoon-ledger --out", wantErr: "flag needs an argument: --out"},
		{argv: "isoon-ledger --bogus", wantErr: "unknown flag: --bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *DatasetsExportOptions
			c := NewCmdDatasetsExport(&Factory{IO: io}, func(o *DatasetsExportOptions) error { got = o; return nil })
			if !checkErr(t, execute(c, tt.argv), tt.wantErr) {
				return
			}
			tt.want.IO = io
			if *got != tt.want {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestDatasetsExportStdout(t *testing.T) {
	for _, name := range []string{datasets.Ledger, datasets.Entities, datasets.Notes, "datapackage"} {
		io, stdout, stderr := Test()
		if err := datasetsExportRun(&DatasetsExportOptions{IO: io, Name: name}); err != nil {
			t.Fatal(err)
		}
		want, err := datasets.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != string(want) {
			t.Errorf("%s: exported bytes differ from the embedded file", name)
		}
		if stderr.Len() != 0 {
			t.Errorf("%s: stderr %q", name, stderr)
		}
	}
}

func TestDatasetsExportFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.csv")
	want, _ := datasets.ReadFile(datasets.Ledger)

	io, stdout, stderr := Test()
	opts := &DatasetsExportOptions{IO: io, Name: datasets.Ledger, Out: path}
	if err := datasetsExportRun(opts); err != nil {
		t.Fatal(err)
	}
	if readString(t, path) != string(want) {
		t.Error("exported file differs from the embedded file")
	}
	if stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q; want both empty when not a terminal", stdout, stderr)
	}

	// A second export refuses to overwrite, and leaves the file alone.
	os.WriteFile(path, []byte("mine"), 0o644)
	err := datasetsExportRun(opts)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("second export: %v, want an fs.ErrExist error mentioning --force", err)
	}
	if readString(t, path) != "mine" {
		t.Error("refused export changed the file")
	}

	// --force replaces it; on a terminal, a status line goes to stderr.
	io, stdout, stderr = Test()
	io.IsTTY = true
	opts = &DatasetsExportOptions{IO: io, Name: datasets.Ledger, Out: path, Force: true}
	if err := datasetsExportRun(opts); err != nil {
		t.Fatal(err)
	}
	if readString(t, path) != string(want) {
		t.Error("forced export: file differs from the embedded file")
	}
	if stdout.Len() != 0 || stderr.String() != fmt.Sprintf("Wrote %s (%d bytes)\n", path, len(want)) {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	checkDir(t, dir, "ledger.csv")
}

func TestDatasetsExportAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pkg") // created by the export
	io, stdout, stderr := Test()
	if err := datasetsExportRun(&DatasetsExportOptions{IO: io, All: true, Out: dir}); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	checkDir(t, dir, "data", "datapackage.json")
	checkDir(t, filepath.Join(dir, "data"), dataFiles()...)
	rs, _ := datasets.List()
	for _, r := range append(rs, datasets.Resource{Name: "datapackage", Path: "datapackage.json"}) {
		want, _ := datasets.ReadFile(r.Name)
		if readString(t, filepath.Join(dir, r.Path)) != string(want) {
			t.Errorf("%s differs from the embedded file", r.Path)
		}
	}

	// If any file exists, nothing is written.
	dir2 := t.TempDir()
	os.WriteFile(filepath.Join(dir2, "datapackage.json"), []byte("{}"), 0o644)
	err := datasetsExportRun(&DatasetsExportOptions{IO: io, All: true, Out: dir2})
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "datapackage.json") {
		t.Errorf("export over an existing file: %v", err)
	}
	checkDir(t, dir2, "datapackage.json")

	// With --force, everything is replaced.
	if err := datasetsExportRun(&DatasetsExportOptions{IO: io, All: true, Out: dir2, Force: true}); err != nil {
		t.Fatal(err)
	}
	want, _ := datasets.ReadFile("datapackage")
	if readString(t, filepath.Join(dir2, "datapackage.json")) != string(want) {
		t.Error("forced export did not replace datapackage.json")
	}
	checkDir(t, filepath.Join(dir2, "data"), dataFiles()...)
}

// dataFiles returns the base names of the embedded data files, sorted.
func dataFiles() []string {
	rs, _ := datasets.List()
	var out []string
	for _, r := range rs {
		out = append(out, filepath.Base(r.Path))
	}
	slices.Sort(out)
	return out
}
