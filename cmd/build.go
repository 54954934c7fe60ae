package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/network"
)

// BuildOptions are the options of "ecosys build".
type BuildOptions struct {
	IO             *IOStreams
	Input          caseInput
	Include        []string
	Relations      []string
	Kinds          []string
	Cases          []string
	From, To       string
	IncludeUndated bool
	MinReliability string
	View           string
	Format         string
	Out            string
	Force          bool
}

// buildViews are the views of the meta-network.
var buildViews = []string{"full", "organizations", "hierarchy"}

// NewCmdBuild returns the "build" command. If runF is not nil, it is called
// with the parsed options instead of running the command.
func NewCmdBuild(f *Factory, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{IO: f.IO, Input: caseInput{Ledger: ledgerInput{Warn: warner(f.IO)}}}
	formats := graphFormats(true)
	cmd := &cobra.Command{
		Use:   "build [--include ledger,cases,hierarchy] --format " + strings.Join(formats, "|"),
		Short: "Build the meta-network of ledger and cases, filter it, and write it",
		Long: `Build one typed meta-network from the contract ledger, the case data and
the state hierarchy, and write it for Gephi, NetworkX, igraph or Graphviz.

Nodes are organizations (bureaus, front companies, contractors), people
and cases, with their kind, names, ministry, level, province and country;
a ledger party that a case names is one node. Edges are directed and
typed (officer_of, employee_of, executive_of, owner_of, subsidiary_of,
front_for, tasked_by, associated_with, supplier_to, contracted_with,
signatory_for, subordinate_of, charged_in, sanctioned_by, and sued, a
lawsuit between two companies) and carry their
case, source, locator, evidence kind, Admiralty grade, whether they are an
allegation, and their dates; ledger ties carry contracts, amount (CNY) and
rows.

Layers (--include): ledger (contracted_with and signatory_for ties of the
ledger), cases (the cited relations), hierarchy (subordinate_of links of
every bureau up to its ministry).

Filters: --relations TYPE,... --kinds KIND,... --cases ID,...
--min-reliability B3 (letter A-B and digit 1-3) and --from/--to DATE (edges
whose dates overlap the window; undated edges are dropped unless
--include-undated; hierarchy links are timeless and kept).

Views: full (every relation type, as its own edge type); organizations, a
view of cooperation (people and cases removed, lawsuits (sued) left out,
two organizations joined by a shared_person edge when a person is an
officer, employee, executive or agent of both; owning both is not a tie);
hierarchy (subordinate_of edges only).

Formats (--format):

` + graphFormatHelp(true) + `

The graph formats hold one edge per ordered pair: relations between the
same two nodes are merged into one edge listing them (weight = their
number); attributes are typed (contracts and count long, amount_cny double
with amount_cny_exact beside it, allegation boolean, dates ISO strings).
The table formats (csv) keep one row per relation and write two files,
PREFIX.nodes.csv and PREFIX.edges.csv, for --out PREFIX; the edge table's
endpoints are from and to and its cited source is source_id, so that
"ecosys metrics --edges PREFIX.edges.csv --nodes PREFIX.nodes.csv
--directed" reads it back (relations of the same pair summed, by --multi).`,
		Example: `  ecosys build --format graphml --out ecosystem.graphml
  ecosys build --include ledger,cases,hierarchy --format gexf --out eco.gexf
  ecosys build --min-reliability B2 --relations officer_of,front_for,employee_of --format csv --out eco
  ecosys build --from 2016-01-01 --to 2018-12-31 --include ledger,cases --format json
  ecosys build --view hierarchy --include hierarchy --format dot | dot -Tsvg > hierarchy.svg`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil && (opts.Out == "" || opts.Out == "-") {
				nodes, edges := f.TableFiles("PREFIX")
				return FlagErrorf("--format %s writes two files: give --out PREFIX (writes %s and %s)", f.Name, nodes, edges)
			}
			if !slices.Contains(buildViews, opts.View) {
				return FlagErrorf("invalid argument %q for \"--view\" flag: want one of %s", opts.View, strings.Join(buildViews, ", "))
			}
			if _, err := opts.metaOptions(); err != nil {
				return err
			}
			if err := opts.refuseInputAsOutput(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return buildRun(opts)
		},
	}
	addCaseFlags(cmd, &opts.Input)
	cmd.Flags().StringSliceVar(&opts.Include, "include", []string{cases.LayerLedger, cases.LayerCases}, "Layers: `list` of "+strings.Join(cases.Layers, ", "))
	cmd.Flags().StringSliceVar(&opts.Relations, "relations", nil, "Keep only these relation `types`")
	cmd.Flags().StringSliceVar(&opts.Kinds, "kinds", nil, "Keep only nodes of these `kinds` (organization kinds, person, case)")
	cmd.Flags().StringSliceVar(&opts.Cases, "cases", nil, "Keep only the case relations of these case `ids`")
	cmd.Flags().StringVar(&opts.From, "from", "", "Keep edges dated on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&opts.To, "to", "", "Keep edges dated on or before `DATE`")
	cmd.Flags().BoolVar(&opts.IncludeUndated, "include-undated", false, "With --from/--to, keep edges that have no date")
	cmd.Flags().StringVar(&opts.MinReliability, "min-reliability", "", "Keep edges graded at least `GRADE` (Admiralty code, e.g. B3)")
	cmd.Flags().StringVar(&opts.View, "view", "full", "View: {"+strings.Join(buildViews, "|")+"}")
	cmd.Flags().Var(NewFormatFlag(&opts.Format, formats[0], formats...), "format", "Format: {"+strings.Join(formats, "|")+"}")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "Output `file` (default: standard output; a prefix for csv)")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "Replace the output file if it exists")
	return cmd
}

// metaOptions checks the filter flags and turns them into MetaOptions.
func (opts *BuildOptions) metaOptions() (cases.MetaOptions, error) {
	var mo cases.MetaOptions
	for _, l := range opts.Include {
		if !slices.Contains(cases.Layers, l) {
			return mo, FlagErrorf("invalid layer %q for \"--include\": want %s", l, strings.Join(cases.Layers, ", "))
		}
		mo.Layers = append(mo.Layers, l)
	}
	for _, r := range opts.Relations {
		t, err := cases.ParseRelationType(r)
		if err != nil {
			var names []string
			for _, t := range cases.RelationTypes {
				names = append(names, string(t))
			}
			return mo, FlagErrorf("invalid relation type %q for \"--relations\": want %s", r, strings.Join(names, ", "))
		}
		mo.Relations = append(mo.Relations, t)
	}
	kinds := append(slices.Clone(cases.OrganizationKinds), cases.PersonKind, cases.CaseKind)
	for _, k := range opts.Kinds {
		if !slices.Contains(kinds, network.Kind(k)) {
			var names []string
			for _, k := range kinds {
				names = append(names, string(k))
			}
			return mo, FlagErrorf("invalid kind %q for \"--kinds\": want %s", k, strings.Join(names, ", "))
		}
		mo.Kinds = append(mo.Kinds, network.Kind(k))
	}
	mo.Cases = opts.Cases
	date := func(flag, v string, end bool) (time.Time, error) {
		if v == "" {
			return time.Time{}, nil
		}
		p, err := network.ParsePeriod(v)
		if err != nil {
			return time.Time{}, FlagErrorf("invalid date %q for \"--%s\": %v", v, flag, err)
		}
		if end {
			return p.End, nil
		}
		return p.Start, nil
	}
	var err error
	if mo.From, err = date("from", opts.From, false); err != nil {
		return mo, err
	}
	if mo.To, err = date("to", opts.To, true); err != nil {
		return mo, err
	}
	if !mo.From.IsZero() && !mo.To.IsZero() && mo.To.Before(mo.From) {
		return mo, FlagErrorf("--to %s is before --from %s", opts.To, opts.From)
	}
	mo.IncludeUndated = opts.IncludeUndated
	if opts.MinReliability != "" {
		g, err := cases.ParseGrade(opts.MinReliability)
		if err != nil {
			return mo, FlagErrorf("invalid grade %q for \"--min-reliability\": %v", opts.MinReliability, err)
		}
		mo.MinReliability = g
	}
	return mo, nil
}

// outputs returns the files buildRun writes.
func (opts *BuildOptions) outputs() []string {
	if opts.Out == "" || opts.Out == "-" {
		return nil
	}
	if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil {
		nodes, edges := f.TableFiles(opts.Out)
		return []string{nodes, edges}
	}
	return []string{opts.Out}
}

// refuseInputAsOutput makes sure that no output is an input file.
func (opts *BuildOptions) refuseInputAsOutput() error {
	in := opts.Input
	for _, o := range opts.outputs() {
		out, err := filepath.Abs(o)
		if err != nil {
			return err
		}
		for _, p := range []string{in.Ledger.LedgerPath, in.Ledger.EntitiesPath} {
			if a, err := filepath.Abs(p); p != "" && err == nil && a == out {
				return FlagErrorf("--out %s is an input file; choose another name", o)
			}
		}
		if in.Dir != "" {
			if d, err := filepath.Abs(in.Dir); err == nil && filepath.Dir(out) == d && slices.Contains(cases.Tables, strings.TrimSuffix(filepath.Base(out), ".csv")) {
				return FlagErrorf("--out %s is an input file; choose another name", o)
			}
		}
	}
	return nil
}

func buildRun(opts *BuildOptions) error {
	mo, err := opts.metaOptions()
	if err != nil {
		return err
	}
	l, d, err := opts.Input.load()
	if err != nil {
		return err
	}
	if opts.Input.Ledger.Embedded() {
		mo.LedgerCitation = cases.ISOONLedgerCitation
	}
	m, err := cases.BuildMeta(l, d, mo)
	if err != nil {
		return FlagErrorf("%v", err)
	}
	switch opts.View {
	case "organizations":
		m = m.Organizations()
	case "hierarchy":
		m = m.Hierarchy()
	}
	if len(m.Nodes) == 0 {
		return fmt.Errorf("the filters leave no edge: nothing to write")
	}
	if f, _ := graphio.LookupFormat(opts.Format); f.WriteTable != nil {
		nt, et := m.Tables()
		outs := opts.outputs()
		if err := writeTables(f, nt, et, outs[0], outs[1], opts.Force); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d nodes) and %s (%d edges)\n", outs[0], len(m.Nodes), outs[1], len(m.Edges))
		return nil
	}
	g := m.Graph()
	wrote, err := writeGraph(opts.IO, g, opts.Format, opts.Out, opts.Force)
	if err != nil || !wrote {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d nodes, %d edges from %d relations)\n", opts.Out, len(g.Names), g.Edges, len(m.Edges))
	return nil
}

// refuseExisting returns an existsError if path exists, so that a command
// writing several files checks them all before writing any.
func refuseExisting(path string) error {
	if _, err := os.Stat(path); err == nil {
		return &existsError{path}
	}
	return nil
}
