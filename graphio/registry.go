package graphio

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// Format is a graph file format: its name, the file extensions that select
// it, and its reader and writers. A format writes a graph either as one
// file (Write) or, a table format, as two tables — nodes and edges — in
// two files named after a prefix (WriteTable, TableFiles).
type Format struct {
	// Name is the format's name, as the --format flags take it.
	Name string
	// Title names the format in help texts ("GraphML").
	Title string
	// Exts are the file extensions of the format, lower case with the dot;
	// the first is the one it writes.
	Exts []string
	// Doc says in a line what the format is and which tools read it.
	Doc string
	// Read reads a graph from a file of the format; name names the file
	// in errors. Nil for a format ecosys does not read (DOT, and the table
	// formats, whose edge lists ReadEdgeList reads).
	Read func(name string, r io.Reader) (*network.Graph, error)
	// ReadWith is Read with a choice of what to do with parallel edges
	// and self-loops (ReadOptions). Set when Read is.
	ReadWith func(name string, r io.Reader, opt ReadOptions) (*network.Graph, error)
	// Write writes g as one file of the format. Nil for a table format.
	Write func(w io.Writer, g *network.Graph) error
	// WriteTable writes one table, a header row followed by its records,
	// as a file of the format. Set for a table format only.
	WriteTable func(w io.Writer, table [][]string) error
}

// formats is the registry: every format, in the order help texts list
// them. Adding a format is an entry here, the file that implements it and
// its test.
var formats = []Format{
	{Name: "graphml", Title: "GraphML", Exts: []string{".graphml", ".xml"},
		Doc:  "GraphML 1.0, read by Gephi, NetworkX, igraph and yEd",
		Read: ReadGraphML, ReadWith: ReadGraphMLWith, Write: WriteGraphML},
	{Name: "gexf", Title: "GEXF", Exts: []string{".gexf"},
		Doc:  "GEXF 1.2draft, read by Gephi and NetworkX",
		Read: ReadGEXF, ReadWith: ReadGEXFWith, Write: WriteGEXF},
	{Name: "json", Title: "node-link JSON", Exts: []string{".json"},
		Doc:  "NetworkX node-link JSON (json_graph), read by NetworkX and D3",
		Read: ReadNodeLink, ReadWith: ReadNodeLinkWith, Write: WriteNodeLink},
	{Name: "dot", Title: "DOT", Exts: []string{".dot"},
		Doc:   "the DOT language of Graphviz (written only)",
		Write: WriteDOT},
	{Name: "csv", Title: "CSV", Exts: []string{".csv"},
		Doc:        "a node table and an edge table as two CSV files, PREFIX.nodes.csv and PREFIX.edges.csv",
		WriteTable: writeCSV},
	{Name: "parquet", Title: "Parquet", Exts: []string{".parquet"},
		Doc:        "a node table and an edge table as two Apache Parquet files, PREFIX.nodes.parquet and PREFIX.edges.parquet, typed (read by DuckDB, Spark, Polars, pandas, Arrow)",
		WriteTable: writeParquetTable},
}

// Formats returns the formats, in the order help texts list them.
func Formats() []Format { return slices.Clone(formats) }

// LookupFormat returns the format called name, or an error listing the
// format names.
func LookupFormat(name string) (Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return Format{}, fmt.Errorf("graphio: unknown format %q (want %s)", name, strings.Join(names, ", "))
}

// ByExtension returns the format that the extension of path selects (in
// any case: "g.GraphML" is GraphML), and false if none does.
func ByExtension(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		if slices.Contains(f.Exts, ext) {
			return f, true
		}
	}
	return Format{}, false
}

// ReadExtensions lists the extensions that Read takes: those of the
// formats that have a reader, in registry order.
func ReadExtensions() []string {
	var out []string
	for _, f := range formats {
		if f.Read != nil {
			out = append(out, f.Exts...)
		}
	}
	return out
}

// Read reads the graph file r, in the format that the extension of its
// name selects (ByExtension); name also names the file in errors. A name
// whose extension selects no format with a reader is an error wrapping
// ErrFormat that lists the extensions Read takes.
func Read(name string, r io.Reader) (*network.Graph, error) {
	return ReadWith(name, r, ReadOptions{})
}

// ReadWith is Read with a choice of what to do with parallel edges and
// self-loops, and a warning that says what was done (ReadOptions).
func ReadWith(name string, r io.Reader, opt ReadOptions) (*network.Graph, error) {
	f, ok := ByExtension(name)
	if !ok || f.Read == nil {
		what := fmt.Sprintf("extension %q", strings.ToLower(filepath.Ext(name)))
		if ok {
			what = f.Title + " files"
		}
		return nil, &network.InputError{File: name,
			Err: fmt.Errorf("%w: cannot read %s (want %s)", ErrFormat, what, orList(ReadExtensions()))}
	}
	return f.ReadWith(name, r, opt)
}

// TableFiles returns the files a table format writes for the prefix:
// PREFIX.nodes.EXT and PREFIX.edges.EXT, where EXT is the format's first
// extension and a prefix that ends in it loses it ("eco.csv" and "eco"
// both give eco.nodes.csv and eco.edges.csv).
func (f Format) TableFiles(prefix string) (nodes, edges string) {
	ext := f.Exts[0]
	p := strings.TrimSuffix(prefix, ext)
	return p + ".nodes" + ext, p + ".edges" + ext
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
