package graphio_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// TestRegistry checks the registry's entries and lookups: every format
// writes one way (one file or tables), every extension selects its format,
// and the names and extensions are unique.
func TestRegistry(t *testing.T) {
	var names []string
	exts := map[string]string{}
	for _, f := range graphio.Formats() {
		names = append(names, f.Name)
		if f.Title == "" || f.Doc == "" || len(f.Exts) == 0 {
			t.Errorf("%s: no title, doc or extension", f.Name)
		}
		if (f.Write == nil) == (f.WriteTable == nil) {
			t.Errorf("%s: want exactly one of Write and WriteTable", f.Name)
		}
		for _, e := range f.Exts {
			if other, dup := exts[e]; dup {
				t.Errorf("extension %s of %s and %s", e, other, f.Name)
			}
			exts[e] = f.Name
			for _, path := range []string{"g" + e, "dir.d/G" + strings.ToUpper(e)} {
				if g, ok := graphio.ByExtension(path); !ok || g.Name != f.Name {
					t.Errorf("ByExtension(%q) = %s, %v; want %s", path, g.Name, ok, f.Name)
				}
			}
		}
		if g, err := graphio.LookupFormat(f.Name); err != nil || g.Name != f.Name {
			t.Errorf("LookupFormat(%q) = %s, %v", f.Name, g.Name, err)
		}
	}
	if got := strings.Join(names, " "); got != "graphml gexf json dot csv parquet" {
		t.Errorf("formats %s", got)
	}
	if _, err := graphio.LookupFormat("png"); err == nil || err.Error() != `graphio: unknown format "png" (want graphml, gexf, json, dot, csv, parquet)` {
		t.Errorf("LookupFormat(png): %v", err)
	}
	for _, path := range []string{"g.txt", "g", "g.graphml.gz"} {
		if f, ok := graphio.ByExtension(path); ok {
			t.Errorf("ByExtension(%q) = %s", path, f.Name)
		}
	}
	if got := strings.Join(graphio.ReadExtensions(), " "); got != ".graphml .xml .gexf .json" {
		t.Errorf("ReadExtensions() = %s", got)
	}
	csv, _ := graphio.LookupFormat("csv")
	for _, prefix := range []string{"out/eco", "out/eco.csv"} {
		if n, e := csv.TableFiles(prefix); n != "out/eco.nodes.csv" || e != "out/eco.edges.csv" {
			t.Errorf("TableFiles(%q) = %s, %s", prefix, n, e)
		}
	}
}

// TestRead checks that Read reads each format by the extension of the
// file name, as its own reader does, and refuses a name that selects no
// reader with an error that lists the extensions it takes.
func TestRead(t *testing.T) {
	g := smallGraph(true)
	for _, f := range graphio.Formats() {
		if f.Read == nil {
			continue
		}
		for _, ext := range f.Exts {
			var b bytes.Buffer
			if err := f.Write(&b, g); err != nil {
				t.Fatal(err)
			}
			back, err := graphio.Read("g"+ext, &b)
			if err != nil {
				t.Fatalf("%s: %v", ext, err)
			}
			if describe(back) != describe(g) && f.Name != "json" { // JSON lists attributes in order of use
				t.Errorf("%s: read back\n%s\nwant\n%s", ext, describe(back), describe(g))
			}
		}
	}
	for _, tt := range []struct{ name, want string }{
		{"g.dot", `g.dot: unsupported graph file: cannot read DOT files (want .graphml, .xml, .gexf or .json)`},
		{"g.csv", `g.csv: unsupported graph file: cannot read CSV files (want .graphml, .xml, .gexf or .json)`},
		{"g.TXT", `g.TXT: unsupported graph file: cannot read extension ".txt" (want .graphml, .xml, .gexf or .json)`},
		{"graph", `graph: unsupported graph file: cannot read extension "" (want .graphml, .xml, .gexf or .json)`},
	} {
		_, err := graphio.Read(tt.name, strings.NewReader("<graphml/>"))
		var ie *network.InputError
		if err == nil || err.Error() != tt.want || !errors.Is(err, graphio.ErrFormat) || !errors.As(err, &ie) {
			t.Errorf("Read(%q): %v\nwant %s", tt.name, err, tt.want)
		}
	}
}
