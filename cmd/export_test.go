package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/graphio"
)

func TestNewCmdExport(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *ExportOptions) bool
		wantErr string
	}{
		{argv: "ledger", check: func(o *ExportOptions) bool { return o.Format == "graphml" && o.Out == "" && !o.Force }},
		{argv: "ledger --format gexf -o x.gexf -f --weight contracts", check: func(o *ExportOptions) bool {
			return o.Format == "gexf" && o.Out == "x.gexf" && o.Force && o.Input.Weight == "contracts"
		}},
		{argv: "ledger --format png", wantErr: "must be one of graphml, gexf, json, dot, csv, parquet"},
		{argv: "ledger --format csv", wantErr: "--format csv writes two files: give --out PREFIX"},
		{argv: "ledger --format parquet --out t", check: func(o *ExportOptions) bool { return o.Format == "parquet" && o.Out == "t" }},
		{argv: "--edges t.edges.csv --format csv --out t", wantErr: "--out t would write t.edges.csv, an input file"},
		{argv: "ledger-two-mode", wantErr: "export the two-mode view"},
		{argv: "--edges e.csv --out e.csv", wantErr: "--out e.csv would write e.csv, an input file"},
		{argv: "", wantErr: "name an embedded network"},
		{argv: "ledger --group kind", wantErr: "unknown flag: --group"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *ExportOptions
			c := NewCmdExport(&Factory{IO: io}, func(o *ExportOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

// TestExportAndMeasure writes the ledger network in each format, reads it
// back with --graph-file and checks that ecosys metrics gives the same
// graph-level values as on the embedded network.
func TestExportAndMeasure(t *testing.T) {
	io, want, errOut := Test()
	if code := Run([]string{"metrics", "ledger", "--graph", "--format", "csv"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	for _, format := range []string{"graphml", "gexf", "json"} {
		path := filepath.Join(dir, "isoon."+format)
		io, _, errOut := Test()
		if code := Run([]string{"export", "ledger", "--format", format, "--out", path}, &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if !strings.Contains(errOut.String(), "(29 nodes, 28 edges)") {
			t.Errorf("%s: stderr %q", format, errOut)
		}
		io, got, errOut := Test()
		if code := Run([]string{"metrics", "--graph-file", path, "--graph", "--format", "csv"}, &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%s: metrics exit %d: %s", format, code, errOut)
		}
		if got.String() != want.String() {
			t.Errorf("%s: metrics differ after a round trip:\n%s\nwant\n%s", format, got, want)
		}
		// A second export refuses to overwrite without --force.
		io, _, errOut = Test()
		if code := Run([]string{"export", "ledger", "--format", format, "--out", path}, &Factory{IO: io}); code != ExitError || !strings.Contains(errOut.String(), "--force") {
			t.Errorf("%s: overwrite: exit %d, %q", format, code, errOut)
		}
	}
	// DOT to standard output.
	io, out, _ := Test()
	if code := Run([]string{"export", "ledger", "--format", "dot"}, &Factory{IO: io}); code != ExitOK || !strings.HasPrefix(out.String(), "digraph") {
		t.Errorf("dot: exit %d, %q", code, out.String()[:min(40, out.Len())])
	}
	// The extension names the format: .xml is GraphML; DOT, which ecosys
	// writes but does not read, and unknown extensions are usage errors
	// listing the extensions of the readers of graphio's registry.
	xml := filepath.Join(dir, "isoon.xml")
	if b, err := os.ReadFile(filepath.Join(dir, "isoon.graphml")); err != nil || os.WriteFile(xml, b, 0o644) != nil {
		t.Fatal(err)
	}
	io, got, errOut := Test()
	if code := Run([]string{"metrics", "--graph-file", xml, "--graph", "--format", "csv"}, &Factory{IO: io}); code != ExitOK || got.String() != want.String() {
		t.Errorf(".xml: exit %d, %s%s", code, got, errOut)
	}
	for _, name := range []string{"isoon.dot", "isoon.txt"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte("digraph {}\n"), 0o644)
		io, _, errOut = Test()
		wantErr := "ecosys: --graph-file " + path + ": unknown extension (want .graphml, .xml, .gexf or .json)\n"
		if code := Run([]string{"metrics", "--graph-file", path}, &Factory{IO: io}); code != ExitUsage || !strings.HasPrefix(errOut.String(), wantErr) {
			t.Errorf("%s: exit %d, %q", name, code, errOut)
		}
	}
	// A broken graph file is a data error with its position.
	bad := filepath.Join(dir, "bad.graphml")
	os.WriteFile(bad, []byte("<graphml><graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>"), 0o644)
	io, _, errOut = Test()
	if code := Run([]string{"metrics", "--graph-file", bad}, &Factory{IO: io}); code != ExitData || !strings.HasPrefix(errOut.String(), bad+":1:") {
		t.Errorf("bad graph file: exit %d, %q", code, errOut)
	}
}

// TestGraphFormatsFromRegistry checks that export and build offer the
// formats of graphio's registry, and say what each is in their help:
// the one-file formats and the table formats.
func TestGraphFormatsFromRegistry(t *testing.T) {
	io, _, _ := Test()
	f := &Factory{IO: io}
	for _, c := range []struct {
		cmd    *cobra.Command
		tables bool
	}{{NewCmdExport(f, nil), true}, {NewCmdBuild(f, nil), true}} {
		usage := c.cmd.Flags().Lookup("format").Usage
		for _, format := range graphio.Formats() {
			offered := format.Write != nil || c.tables && format.WriteTable != nil
			if strings.Contains(usage, format.Name) != offered || strings.Contains(c.cmd.Long, format.Doc) != offered {
				t.Errorf("%s: format %s offered %v, but --format says %q", c.cmd.Name(), format.Name, offered, usage)
			}
		}
	}
}

// run runs ecosys with argv and returns the exit code, standard output
// and standard error.
func runEcosys(argv ...string) (ExitCode, string, string) {
	io, out, errOut := Test()
	code := Run(argv, &Factory{IO: io})
	return code, out.String(), errOut.String()
}

// Issue 18: "ecosys export --edges e.csv --format graphml" wrote weight 1
// on every edge unless --weighted was given, and parallel edges were
// summed without a word.
func TestExportEdgeListWeightsAndMulti(t *testing.T) {
	dir := t.TempDir()
	e := filepath.Join(dir, "e.csv")
	os.WriteFile(e, []byte("source,target,weight\nValjean,Javert,4\nJavert,Fantine,5\nJavert,Fantine,1\nFantine,Fantine,2\n"), 0o644)
	code, out, errOut := runEcosys("export", "--edges", e, "--directed", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{`"source": "Valjean", "target": "Javert", "weight": 4}`, `"source": "Javert", "target": "Fantine", "weight": 6}`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
	if want := "ecosys: warning: " + e + ": 1 parallel edge summed into 1 edge; 1 self-loop dropped (line 5)\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	code, out, _ = runEcosys("export", "--edges", e, "--directed", "--format", "json", "--multi", "first")
	if code != ExitOK || !strings.Contains(out, `"target": "Fantine", "weight": 5}`) {
		t.Errorf("--multi first: exit %d\n%s", code, out)
	}
	code, _, errOut = runEcosys("export", "--edges", e, "--format", "json", "--multi", "refuse")
	if code != ExitData || !strings.Contains(errOut, e+":4: edge \"Javert\" -- \"Fantine\": parallel edge") {
		t.Errorf("--multi refuse: exit %d, %q", code, errOut)
	}
	code, _, errOut = runEcosys("metrics", "--edges", e, "--loops", "refuse")
	if code != ExitData || !strings.Contains(errOut, e+":5:") || !strings.Contains(errOut, "self-loop") {
		t.Errorf("--loops refuse: exit %d, %q", code, errOut)
	}
	code, _, errOut = runEcosys("metrics", "--edges", e, "--multi", "max")
	if code != ExitUsage || !strings.Contains(errOut, "must be one of sum, count, first, refuse") {
		t.Errorf("--multi max: exit %d, %q", code, errOut)
	}
}

// Issue 18: "ecosys build --format csv" wrote the cited source as a
// column "source", which the edge-list reader takes for the first
// endpoint ("duplicate column name"), so the tables could not be read
// back with "ecosys metrics --edges".
func TestBuildCSVReadsBack(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "eco")
	if code, _, errOut := runEcosys("build", "--format", "csv", "--out", prefix); code != ExitOK {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	code, out, errOut := runEcosys("metrics", "--edges", prefix+".edges.csv", "--nodes", prefix+".nodes.csv", "--directed", "--graph", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("metrics: exit %d: %s", code, errOut)
	}
	// The same nodes and pairs as the graph formats' one edge per pair.
	code, gml, _ := runEcosys("build", "--format", "graphml")
	if code != ExitOK {
		t.Fatal("build graphml failed")
	}
	g, err := graphio.ReadGraphML("eco.graphml", strings.NewReader(gml))
	if err != nil {
		t.Fatal(err)
	}
	if want := "nodes," + strconv.Itoa(len(g.Names)) + ",\n"; !strings.Contains(out, want) {
		t.Errorf("metrics of the CSV tables lack %q:\n%s", want, out)
	}
	if want := "edges," + strconv.Itoa(g.Edges) + ",\n"; !strings.Contains(out, want) {
		t.Errorf("metrics of the CSV tables lack %q:\n%s", want, out)
	}
	if !strings.Contains(errOut, "parallel edges summed into") {
		t.Errorf("no warning about the relations merged per pair: %q", errOut)
	}
}

// Issue 18: self-loops could only be dropped or refused. With --loops
// keep, export writes them in every format and reads them back (ecosys
// export of its own GraphML gives the same file), metrics counts them in
// degree and strength, and every command says once what it does with them.
func TestLoopsKeep(t *testing.T) {
	dir := t.TempDir()
	e := filepath.Join(dir, "e.csv")
	os.WriteFile(e, []byte("source,target,weight,note\nValjean,Javert,4,x\nFantine,Fantine,2,loop\nJavert,Javert,1,\nFantine,Fantine,3,again\n"), 0o644)
	g1 := filepath.Join(dir, "g1.graphml")
	code, _, errOut := runEcosys("export", "--edges", e, "--loops", "keep", "--format", "graphml", "--out", g1)
	wantErr := "ecosys: warning: " + e + ": 1 parallel edge summed into 1 edge; 2 self-loops kept (line 3, line 4)\n" +
		"ecosys: warning: self-loops kept (2): written as edges from a node to itself\n" +
		"Wrote " + g1 + " (3 nodes, 1 edges and 2 self-loops)\n"
	if code != ExitOK || errOut != wantErr {
		t.Fatalf("exit %d, stderr %q, want %q", code, errOut, wantErr)
	}
	b1, _ := os.ReadFile(g1)
	for _, want := range []string{"<edge source=\"Fantine\" target=\"Fantine\">\n      <data key=\"d0\">5</data>\n      <data key=\"d1\">loop</data>",
		"<edge source=\"Javert\" target=\"Javert\">\n      <data key=\"d0\">1</data>\n      <data key=\"d1\"></data>"} {
		if !strings.Contains(string(b1), want) {
			t.Errorf("GraphML lacks %q:\n%s", want, b1)
		}
	}
	// Round trip: GraphML -> every format -> GraphML gives the same file.
	for _, format := range []string{"gexf", "json", "graphml"} {
		mid := filepath.Join(dir, "mid."+format)
		if format == "graphml" {
			mid = filepath.Join(dir, "mid.xml")
		}
		back := filepath.Join(dir, "back-"+format+".graphml")
		if code, _, errOut := runEcosys("export", "--graph-file", g1, "--loops", "keep", "--format", format, "--out", mid); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if code, _, errOut := runEcosys("export", "--graph-file", mid, "--loops", "keep", "--format", "graphml", "--out", back); code != ExitOK {
			t.Fatalf("%s back: exit %d: %s", format, code, errOut)
		}
		if b, _ := os.ReadFile(back); string(b) != string(b1) {
			t.Errorf("GraphML -> %s -> GraphML differs:\n%s\nwant\n%s", format, b, b1)
		}
	}
	// The CSV tables read back with --loops keep.
	prefix := filepath.Join(dir, "t")
	if code, _, errOut := runEcosys("export", "--graph-file", g1, "--loops", "keep", "--format", "csv", "--out", prefix); code != ExitOK {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	g2 := filepath.Join(dir, "g2.graphml")
	if code, _, errOut := runEcosys("export", "--edges", prefix+".edges.csv", "--nodes", prefix+".nodes.csv", "--loops", "keep", "--format", "graphml", "--out", g2); code != ExitOK {
		t.Fatalf("csv back: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(g2); string(b) != string(b1) {
		t.Errorf("GraphML -> CSV -> GraphML differs:\n%s\nwant\n%s", b, b1)
	}
	// metrics counts the loops in degree and strength only.
	code, out, errOut := runEcosys("metrics", "--edges", e, "--weighted", "--loops", "keep", "--only", "degree,strength,harmonic", "--format", "csv")
	if want := "id,degree,strength,harmonic\nValjean,1,4,1\nJavert,3,6,1\nFantine,2,10,0\n"; code != ExitOK || out != want {
		t.Errorf("metrics: exit %d\n%s\nwant\n%s\n%s", code, out, want, errOut)
	}
	if !strings.Contains(errOut, "ecosys: warning: self-loops kept (2): degree, in_degree, out_degree, strength count them") ||
		!strings.Contains(errOut, "the other measures ignore them") {
		t.Errorf("metrics: stderr %q", errOut)
	}
	// Without --loops keep they are dropped, and the degree does not count them.
	code, out, _ = runEcosys("metrics", "--edges", e, "--weighted", "--only", "degree,strength", "--format", "csv")
	if want := "id,degree,strength\nValjean,1,4\nJavert,1,4\nFantine,0,0\n"; code != ExitOK || out != want {
		t.Errorf("metrics, loops dropped: exit %d\n%s\nwant\n%s", code, out, want)
	}
	// test ignores them, and says so.
	code, _, errOut = runEcosys("test", "--edges", e, "--loops", "keep", "--null", "gnm", "--samples", "10", "--stat", "density")
	if code != ExitOK || !strings.Contains(errOut, "self-loops kept (2): the statistics and the null models ignore them") {
		t.Errorf("test: exit %d, stderr %q", code, errOut)
	}
}
