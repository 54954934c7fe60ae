package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{argv: "ledger-two-mode", wantErr: "export the two-mode view"},
		{argv: "--edges e.csv --out e.csv", wantErr: "--out e.csv is an input file"},
		{argv: "", wantErr: "name an embedded network"},
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
	// A broken graph file is a data error with its position.
	bad := filepath.Join(dir, "bad.graphml")
	os.WriteFile(bad, []byte("<graphml><graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>"), 0o644)
	io, _, errOut = Test()
	if code := Run([]string{"metrics", "--graph-file", bad}, &Factory{IO: io}); code != ExitData || !strings.HasPrefix(errOut.String(), bad+":1:") {
		t.Errorf("bad graph file: exit %d, %q", code, errOut)
	}
}
