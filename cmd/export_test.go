package cmd

import (
	"os"
	"path/filepath"
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
		{argv: "ledger --format png", wantErr: "must be one of graphml, gexf, json, dot"},
		{argv: "ledger --format csv", wantErr: "must be one of graphml, gexf, json, dot"}, // tables: ecosys build
		{argv: "ledger-two-mode", wantErr: "export the two-mode view"},
		{argv: "--edges e.csv --out e.csv", wantErr: "--out e.csv is an input file"},
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
// export the one-file formats, build these and the table formats.
func TestGraphFormatsFromRegistry(t *testing.T) {
	io, _, _ := Test()
	f := &Factory{IO: io}
	for _, c := range []struct {
		cmd    *cobra.Command
		tables bool
	}{{NewCmdExport(f, nil), false}, {NewCmdBuild(f, nil), true}} {
		usage := c.cmd.Flags().Lookup("format").Usage
		for _, format := range graphio.Formats() {
			offered := format.Write != nil || c.tables && format.WriteTable != nil
			if strings.Contains(usage, format.Name) != offered || strings.Contains(c.cmd.Long, format.Doc) != offered {
				t.Errorf("%s: format %s offered %v, but --format says %q", c.cmd.Name(), format.Name, offered, usage)
			}
		}
	}
}
