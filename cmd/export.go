package cmd

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// ExportOptions are the options of "ecosys export".
type ExportOptions struct {
	IO     *IOStreams
	Input  graphInput
	Format string
	Out    string
	Force  bool
}

// graphFormats returns the names of the formats of package graphio's
// registry that "ecosys export" (one file; tables false) or "ecosys build"
// (also table formats; tables true) write, in registry order.
func graphFormats(tables bool) []string {
	var out []string
	for _, f := range graphio.Formats() {
		if f.Write != nil || tables && f.WriteTable != nil {
			out = append(out, f.Name)
		}
	}
	return out
}

// graphFormatHelp lists the formats of graphFormats(tables), one per line
// with what they are, for help texts.
func graphFormatHelp(tables bool) string {
	var b strings.Builder
	for _, f := range graphio.Formats() {
		if f.Write != nil || tables && f.WriteTable != nil {
			fmt.Fprintf(&b, "  %-8s %s\n", f.Name, f.Doc)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// NewCmdExport returns the "export" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	// An edge list's weight column is written as such whether or not
	// --weighted is given (KeepWeights): the file must not lose it.
	opts := &ExportOptions{IO: f.IO, Input: graphInput{Ledger: ledgerInput{Warn: warner(f.IO)}, KeepWeights: true,
		LoopsUse: "written as edges from a node to itself"}}
	formats := graphFormats(true)
	var titles []string
	for _, f := range graphio.Formats() {
		titles = append(titles, f.Title)
	}
	cmd := &cobra.Command{
		Use:   "export [ledger] --format " + strings.Join(formats, "|"),
		Short: "Write a network as " + orList(titles),
		Long: `Write a network in a format other tools read:

` + graphFormatHelp(true) + `

The embedded ledger network carries each party's entity id, names, kind,
ministry, level, province, city and role, and each tie's contracts, amount
and ledger rows; an edge list or graph file carries its own attributes.
Attributes are written with their types (GraphML attr.type, GEXF types,
JSON numbers): contracts long, amount_cny double (with its exact decimal
in amount_cny_exact), allegation boolean, and for other columns the type
all their values fit (long, double, boolean, else string). An edge list's
weight column is written as the weight whether or not --weighted is
given; parallel edges are merged (or refused) by --multi, and self-loops
dropped, refused or, with --loops keep, kept and written as edges from a
node to itself (with their weights and attributes), with a warning. GEXF labels and DOT labels are the nodes' names
(label, name or name_en), not their ids. The table formats (csv,
parquet) write two files, PREFIX.nodes.EXT (id and the node attributes)
and PREFIX.edges.EXT (source, target, weight and the edge attributes),
that 'ecosys metrics --edges PREFIX.edges.csv --nodes PREFIX.nodes.csv'
reads back; Parquet columns are typed as above.

The file is written to a temporary file and renamed into place; an
existing file is replaced only with --force, and never if it is an input.`,
		Example: `  ecosys export ledger --format graphml --out isoon.graphml
  ecosys export ledger --format gexf --weight contracts > isoon.gexf
  ecosys export --edges e.csv --nodes n.csv --directed --format json --out g.json
  ecosys export ledger --format parquet --out isoon
  ecosys export --edges e.csv --weighted --loops keep --format graphml --out g.graphml`,
		Args: maxArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := opts.Input.validate(args); err != nil {
				return err
			}
			if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil && (opts.Out == "" || opts.Out == "-") {
				nodes, edges := f.TableFiles("PREFIX")
				return FlagErrorf("--format %s writes two files: give --out PREFIX (writes %s and %s)", f.Name, nodes, edges)
			}
			if opts.Input.Network == netLedgerTwoMode {
				return FlagErrorf("export the two-mode view from a ledger of your own with --edges; the embedded network to export is %q", netLedger)
			}
			if err := opts.refuseInputAsOutput(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	opts.Input.addFlags(cmd)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "Output `file` (default: standard output)")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "Replace the output file if it exists")
	cmd.Flags().Var(NewFormatFlag(&opts.Format, formats[0], formats...), "format", "Format: {"+strings.Join(formats, "|")+"}")
	return cmd
}

// refuseInputAsOutput makes sure that --out is none of the input files.
func (opts *ExportOptions) refuseInputAsOutput() error {
	if opts.Out == "" || opts.Out == "-" {
		return nil
	}
	outs := []string{opts.Out}
	if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil {
		nodes, edges := f.TableFiles(opts.Out)
		outs = []string{nodes, edges}
	}
	in := opts.Input
	for _, o := range outs {
		out, err := filepath.Abs(o)
		if err != nil {
			return err
		}
		for _, p := range []string{in.EdgesPath, in.NodesPath, in.GraphPath, in.Ledger.LedgerPath, in.Ledger.EntitiesPath} {
			if p == "" {
				continue
			}
			if a, err := filepath.Abs(p); err == nil && a == out {
				return FlagErrorf("--out %s would write %s, an input file; choose another name", opts.Out, o)
			}
		}
	}
	return nil
}

func exportRun(opts *ExportOptions) error {
	var g *network.Graph
	if opts.Input.Network == netLedger {
		l, _, err := opts.Input.Ledger.load()
		if err != nil {
			return err
		}
		w := network.ByAmount
		if opts.Input.Weight == "contracts" {
			w = network.ByContracts
		}
		g = network.BuildLedger(l).Graph(w)
	} else {
		var err error
		if g, err = opts.Input.readFile(); err != nil {
			return err
		}
	}
	if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil {
		nt, et, err := graphio.Tables(g)
		if err != nil {
			return err
		}
		nodes, edges := f.TableFiles(opts.Out)
		if err := writeTables(f, nt, et, nodes, edges, opts.Force); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d nodes) and %s (%s)\n", nodes, len(nt)-1, edges, edgeCount(g.Edges, len(g.Loops)))
		return nil
	}
	wrote, err := writeGraph(opts.IO, g, opts.Format, opts.Out, opts.Force)
	if err != nil || !wrote {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d nodes, %s)\n", opts.Out, len(g.Names), edgeCount(g.Edges, len(g.Loops)))
	return nil
}

// edgeCount says "5 edges", or "5 edges and 2 self-loops" when there are
// loops.
func edgeCount(edges, loops int) string {
	s := fmt.Sprintf("%d edges", edges)
	if loops > 0 {
		s += fmt.Sprintf(" and %d self-loops", loops)
	}
	return s
}

// writeTables writes a node table and an edge table in the table format f
// to the files nodes and edges, atomically each; unless force is set it
// refuses to start if either exists, so that neither is written.
func writeTables(f graphio.Format, nt, et [][]string, nodes, edges string, force bool) error {
	if !force {
		for _, o := range []string{nodes, edges} {
			if err := refuseExisting(o); err != nil {
				return err
			}
		}
	}
	for _, t := range []struct {
		path  string
		table [][]string
	}{{nodes, nt}, {edges, et}} {
		if err := writeAtomic(t.path, force, func(w io.Writer) error { return f.WriteTable(w, t.table) }); err != nil {
			return err
		}
	}
	return nil
}

// writeGraph encodes g in format, a one-file format of package graphio's
// registry, and writes it to out atomically (refusing to replace a file
// without force), or to standard output when out is "" or "-". wrote
// reports whether a file was written.
func writeGraph(io *IOStreams, g *network.Graph, format, out string, force bool) (wrote bool, err error) {
	f, err := graphio.LookupFormat(format)
	if err != nil {
		return false, err
	}
	if f.Write == nil {
		return false, fmt.Errorf("cannot write a graph as %q, a table format", format)
	}
	var b bytes.Buffer
	if err := f.Write(&b, g); err != nil {
		return false, err
	}
	if out == "" || out == "-" {
		_, err := io.Out.Write(b.Bytes())
		return false, err
	}
	return true, writeFileAtomic(out, b.Bytes(), force)
}
