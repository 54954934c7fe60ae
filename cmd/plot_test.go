package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/report"
)

func TestNewCmdPlot(t *testing.T) {
	tests := []struct {
		argv    string
		check   func(o *PlotOptions) bool
		wantErr string
	}{
		{argv: "--list", check: func(o *PlotOptions) bool { return o.List }},
		{argv: "level --out l.svg", check: func(o *PlotOptions) bool {
			return o.Name == "level" && o.Out == "l.svg" && !o.Force && o.Lang == "en" && o.DPI == 300 && o.Size == "auto" &&
				o.Layout == "force" && o.Top == 10 && o.Samples == 1000 && o.Seed == 1 && o.Input.Embedded()
		}},
		{argv: "graph -o g.PDF -f --size degree --layout layered --width double --height 120 --lang both --font f.ttc --source S --seed 7", check: func(o *PlotOptions) bool {
			return o.Force && o.Size == "degree" && o.Layout == "layered" && o.Width == "double" && o.Height == 120 && o.Lang == "both" && o.FontPath == "f.ttc" && o.Source == "S" && o.Seed == 7
		}},
		{argv: "ranking --out r.png --width 120 --top 5 --dpi 600", check: func(o *PlotOptions) bool { return o.Width == "120" && o.Top == 5 && o.DPI == 600 }},
		{argv: "", wantErr: "missing figure name"},
		{argv: "pie --out p.svg", wantErr: `unknown figure "pie"`},
		{argv: "level", wantErr: "--out FILE is required"},
		{argv: "level --out l.jpg", wantErr: "cannot tell the format"},
		{argv: "level --out l.svg --lang fr", wantErr: `invalid argument "fr" for "--lang"`},
		{argv: "level --out l.png --dpi 0", wantErr: `invalid argument 0 for "--dpi"`},
		{argv: "level --out l.svg --width huge", wantErr: `invalid argument "huge" for "--width"`},
		{argv: "level --out l.svg --width 10", wantErr: `invalid argument "10" for "--width"`},
		{argv: "graph --out g.svg --size magic", wantErr: `invalid argument "magic" for "--size"`},
		{argv: "graph --out g.svg --layout circle", wantErr: `invalid argument "circle" for "--layout"`},
		{argv: "implications --out n.svg --samples 0", wantErr: "--samples must be at least 1"},
		{argv: "level --out l.csv --ledger l.csv", wantErr: "cannot tell the format"},
		{argv: "level --out l.svg --ledger l.svg", wantErr: "is an input file"},
		{argv: "level --list", wantErr: "--list takes no figure name"},
		{argv: "level extra --out l.svg", wantErr: `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *PlotOptions
			c := NewCmdPlot(&Factory{IO: io}, func(o *PlotOptions) error { got = o; return nil })
			if checkErr(t, execute(c, tt.argv), tt.wantErr) && !tt.check(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

func TestPlotList(t *testing.T) {
	io, out, errOut := Test()
	if code := Run([]string{"plot", "--list"}, &Factory{IO: io}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	cat := report.Catalogue()
	if len(lines) != len(cat) {
		t.Fatalf("%d lines for %d figures:\n%s", len(lines), len(cat), out)
	}
	for i, l := range lines {
		name, summary, ok := strings.Cut(l, "\t")
		if !ok || name != cat[i].Name || summary == "" {
			t.Errorf("line %q", l)
		}
	}
}

// TestPlotEveryFigure draws every figure of the catalogue through the
// command line, as SVG, and checks the file and the messages.
func TestPlotEveryFigure(t *testing.T) {
	dir := t.TempDir()
	for _, f := range report.Catalogue() {
		t.Run(f.Name, func(t *testing.T) {
			path := filepath.Join(dir, f.Name+".svg")
			io, out, errOut := Test()
			if code := Run([]string{"plot", f.Name, "--out", path, "--samples", "20"}, &Factory{IO: io}); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if out.Len() != 0 || errOut.String() != "Wrote "+path+" ("+f.Name+")\n" {
				t.Errorf("stdout %q, stderr %q", out, errOut)
			}
			b, err := os.ReadFile(path)
			if err != nil || !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "NIDS Commentary No. 371") {
				t.Errorf("%s: not an SVG with the source line (%v)", path, err)
			}
		})
	}
}

func TestPlotFormatsAndOverwrite(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"png", "pdf"} {
		path := filepath.Join(dir, "level."+ext)
		io, _, errOut := Test()
		if code := Run([]string{"plot", "level", "--out", path, "--dpi", "72", "--width", "single"}, &Factory{IO: io}); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", ext, code, errOut)
		}
		b, _ := os.ReadFile(path)
		if magic := map[string]string{"png": "\x89PNG", "pdf": "%PDF"}[ext]; !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: starts with %q", ext, b[:min(8, len(b))])
		}
	}
	path := filepath.Join(dir, "level.png")
	io, _, errOut := Test()
	if code := Run([]string{"plot", "level", "--out", path}, &Factory{IO: io}); code != ExitError || !strings.Contains(errOut.String(), "--force") {
		t.Errorf("overwrite without --force: exit %d, stderr %q", code, errOut)
	}
	io, _, errOut = Test()
	if code := Run([]string{"plot", "level", "--out", path, "--force", "--dpi", "72"}, &Factory{IO: io}); code != ExitOK {
		t.Errorf("--force: exit %d, stderr %q", code, errOut)
	}
	io, _, errOut = Test()
	if code := Run([]string{"plot", "pie", "--out", path}, &Factory{IO: io}); code != ExitUsage {
		t.Errorf("unknown figure: exit %d, stderr %q", code, errOut)
	}
	// Bad input data: exit 3, nothing written.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("contractor_id,end_user_id,amount_cny\na,b,lots\n"), 0o644)
	io, _, errOut = Test()
	if code := Run([]string{"plot", "level", "--ledger", bad, "--out", filepath.Join(dir, "x.svg")}, &Factory{IO: io}); code != ExitData {
		t.Errorf("bad ledger: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.svg")); err == nil {
		t.Error("a figure was written from bad data")
	}
}

// TestFigureSourceLine checks the source line of figures of a user ledger
// and with --source.
func TestFigureSourceLine(t *testing.T) {
	if got := figureSourceLine(ledgerInput{LedgerPath: "my.csv"}, ""); got != "Source: my.csv" {
		t.Errorf("user ledger: %q", got)
	}
	if got := figureSourceLine(ledgerInput{}, "Mine"); got != "Mine" {
		t.Errorf("--source: %q", got)
	}
}

// writeLesMis writes the first ties of the Les Misérables co-appearance
// network (Knuth 1993, as NetworkX ships it) and a node file with a group
// column, and returns their paths.
func writeLesMis(t *testing.T) (edges, nodes string) {
	t.Helper()
	dir := t.TempDir()
	edges, nodes = filepath.Join(dir, "lesmis.csv"), filepath.Join(dir, "lesmis-nodes.csv")
	os.WriteFile(edges, []byte("source,target,weight\nNapoleon,Myriel,1\nMlleBaptistine,Myriel,8\nMmeMagloire,Myriel,10\nMmeMagloire,MlleBaptistine,6\n"+
		"CountessDeLo,Myriel,1\nGeborand,Myriel,1\nValjean,Myriel,5\nValjean,MlleBaptistine,3\nValjean,MmeMagloire,3\nFantine,Valjean,9\nJavert,Valjean,17\nJavert,Fantine,5\nCosette,Valjean,31\nMarius,Cosette,21\n"), 0o644)
	os.WriteFile(nodes, []byte("id,full_name,book\nNapoleon,Napoléon,1\nMyriel,Monseigneur Myriel,1\nMlleBaptistine,Mlle Baptistine,1\nMmeMagloire,Mme Magloire,1\n"+
		"CountessDeLo,Countess de Lô,1\nGeborand,Géborand,1\nValjean,Jean Valjean,2\nFantine,Fantine,1\nJavert,Javert,2\nCosette,Cosette,2\nMarius,Marius,3\n"), 0o644)
	return edges, nodes
}

func TestPlotOwnNetwork(t *testing.T) {
	edges, nodes := writeLesMis(t)
	out := filepath.Join(t.TempDir(), "lesmis.svg")
	io, _, errOut := Test()
	code := Run([]string{"plot", "graph", "--edges", edges, "--nodes", nodes, "--weighted", "--label", "full_name", "--color-by", "book", "--size", "strength", "--out", out}, &Factory{IO: io})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	svg, _ := os.ReadFile(out)
	for _, want := range []string{"Jean Valjean", "Node area: strength; colour by book", "Source: " + edges} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("the figure lacks %q", want)
		}
	}
	for _, name := range []string{"ranking", "degree"} {
		io, _, errOut := Test()
		if code := Run([]string{"plot", name, "--edges", edges, "--out", filepath.Join(t.TempDir(), name+".svg")}, &Factory{IO: io}); code != ExitOK {
			t.Errorf("plot %s: exit %d: %s", name, code, errOut)
		}
	}
	svgEdges := filepath.Join(t.TempDir(), "edges.svg") // an edge list that --out could overwrite
	b, _ := os.ReadFile(edges)
	os.WriteFile(svgEdges, b, 0o644)
	for _, tt := range []struct {
		argv []string
		want string
	}{
		{[]string{"plot", "timeline", "--edges", edges, "--out", "x.svg"}, "figure timeline does not apply to a network of your own"},
		{[]string{"plot", "graph", "--edges", edges, "--label", "nope", "--out", "x.svg"}, `has no node column "nope"`},
		{[]string{"plot", "graph", "--label", "full_name", "--out", "x.svg"}, "--label and --color-by name node columns of a network of your own"},
		{[]string{"plot", "graph", "--ledger", edges, "--edges", edges, "--out", "x.svg"}, "not both"},
		{[]string{"plot", "graph", "--nodes", nodes, "--out", "x.svg"}, "go with --edges FILE"},
		{[]string{"plot", "graph", "--edges", svgEdges, "--out", svgEdges, "-f"}, "is an input file"},
	} {
		io, _, errOut := Test()
		if code := Run(tt.argv, &Factory{IO: io}); code == ExitOK || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.argv, code, errOut, tt.want)
		}
	}
}
