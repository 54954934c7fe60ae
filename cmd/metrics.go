package cmd

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// Names of the embedded networks that "ecosys metrics" computes on.
const (
	netLedger        = "ledger"          // contractor → signatory → end user, directed
	netLedgerTwoMode = "ledger-two-mode" // signatory × end user, bipartite
)

// graphInput names the network a command measures: an embedded network
// by name, or an edge list with an optional node list.
type graphInput struct {
	Network    string // embedded network name, or "" with EdgesPath
	Ledger     ledgerInput
	Weight     string // contracts or amount, for ledger networks
	EdgesPath  string
	NodesPath  string
	Directed   bool
	Weighted   bool
	TwoMode    bool
	ModeColumn string
	Group      string     // node attribute for assortativity, group modularity and brokerage
	GraphPath  string     // a GraphML, GEXF or node-link JSON file instead of an edge list
	Policy     edgePolicy // --multi and --loops
	// KeepWeights reads an edge list's weight column without --weighted,
	// for the writers (export).
	KeepWeights bool
	// LoopsUse says what the command does with the self-loops of
	// --loops keep, for the warning that readFile gives when the file
	// has some ("" means that the command ignores them).
	LoopsUse string
}

// loopsUseMetrics is what ecosys metrics does with kept self-loops.
var loopsUseMetrics = strings.Join(metrics.LoopMeasures(), ", ") + " count them (as NetworkX does: 2 a loop, or 1 in and 1 out on a directed graph; 2 × its weight in strength); the other measures ignore them"

// loopsUseDrawings says what plot and report do with kept self-loops:
// their measures are those of metrics (analysis.NewGraphResults).
var loopsUseDrawings = strings.Join(metrics.LoopMeasures(), ", ") + " count them in the tables and node sizes, as ecosys metrics does; the other measures ignore them, and no loop is drawn"

// MetricsOptions are the options of "ecosys metrics".
type MetricsOptions struct {
	IO        *IOStreams
	Input     graphInput
	Distances bool
	Seed      uint64 // Louvain seed
	Graph     bool   // print the graph-level table instead of the node table
	Workers   int
	Format    string
	// Only lists the measures to compute (--only); empty means all.
	Only []string
	// ApproxEpsilon and ApproxDelta select approximate betweenness
	// (--approx-epsilon, with --only); 0 means exact.
	ApproxEpsilon, ApproxDelta float64
	// Timings prints the wall time of loading and of each measure to
	// standard error (--timings).
	Timings bool
	// MaxIter and Tol are the iteration limit and tolerance of the
	// iterative measures: eigenvector, PageRank and HITS (--max-iter,
	// --tol).
	MaxIter int
	Tol     float64
}

// iter returns the iteration options of --max-iter and --tol.
func (opts *MetricsOptions) iter() metrics.IterOptions {
	return metrics.IterOptions{MaxIter: opts.MaxIter, Tol: opts.Tol}
}

// iterHint says which flags to raise when a measure did not converge.
func (opts *MetricsOptions) iterHint() string {
	return fmt.Sprintf("raise --max-iter (now %d) or --tol (now %g)", opts.MaxIter, opts.Tol)
}

// NewCmdMetrics returns the "metrics" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdMetrics(f *Factory, runF func(*MetricsOptions) error) *cobra.Command {
	opts := &MetricsOptions{IO: f.IO, Input: graphInput{Ledger: ledgerInput{Warn: warner(f.IO)}, LoopsUse: loopsUseMetrics}}
	cmd := &cobra.Command{
		Use:   "metrics [ledger|ledger-two-mode]",
		Short: "Compute centralities, centralization, hierarchy and structure of a network",
		Long: `Compute every node and graph measure of ecosys on a network: degree,
strength, betweenness (raw Freeman and normalized), closeness
(Wasserman-Faust), harmonic, eigenvector, PageRank, HITS, k-core,
clustering, constraint and effective size per node; density, components,
transitivity, path length, diameter, assortativity, reciprocity, Freeman
centralization with its theoretical maximum, Krackhardt's hierarchy and
the concentration of degree and strength for the graph.

The network is either embedded, by name (the i-SOON ledger network
"ledger", directed contractor → signatory → end user, or its two-mode
view "ledger-two-mode", signatories × end users; --ledger and
--entities replace the embedded ledger, and without a name they mean
the network "ledger" of that ledger), or your own edge list:
--edges FILE with header source,target[,weight], and optionally --nodes
FILE with header id[,attributes] to bring in isolates and attributes.

Self-loops (a→a) are dropped by default; --loops keep keeps them, and
then degree, in_degree, out_degree and strength count them as NetworkX
does (a loop adds 2 to the degree, or 1 in and 1 out on a directed graph,
and twice its weight to the strength), while every other measure ignores
them; a warning says so.

Weights are tie strengths (contracts, amounts): they weight strength,
eigenvector, PageRank, HITS and constraint. Shortest paths count edges
unless --distances says the weights are lengths.

--format json prints everything ({"graph": …, "nodes": […], "notes":
[…]}), numbers at full precision, null where a value is undefined with
the reason in notes. The table formats print one row per node, or the
graph-level values with --graph.

--only LIST computes only the named node measures (` + "`--only betweenness`" + `,
` + "`--only closeness,harmonic`" + `) and prints one row per node with those
columns: the way to time one measure. With --only betweenness,
--approx-epsilon EPS estimates betweenness by sampling shortest paths
(Riondato and Kornaropoulos 2016): with probability at least 1 −
--approx-delta, every estimate is within EPS·n(n−1) (halved on undirected
graphs) of the exact raw value; the bound and the number of samples are
printed to standard error. --timings prints the wall time of each step to
standard error.

Eigenvector centrality, PageRank and HITS are computed by iteration: at
most --max-iter iterations, until the change of the scores per node is
below --tol. A measure that does not converge is null, with a note that
says how many iterations ran.

` + measureHelp(),
		Example: `  ecosys metrics ledger --format json
  ecosys metrics ledger --graph
  ecosys metrics ledger-two-mode --graph --format markdown
  ecosys metrics --edges edges.csv --nodes nodes.csv --directed --weighted
  ecosys metrics --edges edges.csv --loops keep --only degree,strength
  ecosys metrics --edges davis.csv --nodes davis-nodes.csv --two-mode --mode-column mode --graph
  ecosys metrics --edges big.csv --only betweenness --timings
  ecosys metrics --edges big.csv --only betweenness --approx-epsilon 0.01 --seed 7`,
		Args: maxArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.Input.validate(args); err != nil {
				return err
			}
			if opts.Workers < 0 {
				return FlagErrorf("invalid argument %d for \"--workers\" flag: want 0 (all cores) or more", opts.Workers)
			}
			if err := opts.validateOnly(); err != nil {
				return err
			}
			if opts.MaxIter < 1 {
				return FlagErrorf("invalid argument %d for \"--max-iter\" flag: want 1 or more", opts.MaxIter)
			}
			if !(opts.Tol > 0 && opts.Tol < 1) {
				return FlagErrorf("invalid argument %v for \"--tol\" flag: want a number in (0, 1)", opts.Tol)
			}
			if runF != nil {
				return runF(opts)
			}
			if len(opts.Only) > 0 {
				return metricsOnlyRun(opts)
			}
			return metricsRun(opts)
		},
	}
	opts.Input.addFlags(cmd)
	opts.Input.addGroupFlag(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&opts.Distances, "distances", false, "Use the weights as lengths in shortest paths")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the Louvain community detection")
	fl.BoolVar(&opts.Graph, "graph", false, "Print graph-level values instead of one row per node (table formats)")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines for shortest paths (0: all cores); results do not depend on it")
	fl.StringSliceVar(&opts.Only, "only", nil, "Compute only these node `measures` (comma-separated): "+strings.Join(metrics.NodeMeasureNames(false), ", "))
	fl.Float64Var(&opts.ApproxEpsilon, "approx-epsilon", 0, "With --only betweenness: estimate betweenness within `eps` of its normalized value (Riondato-Kornaropoulos sampling, seeded by --seed)")
	fl.Float64Var(&opts.ApproxDelta, "approx-delta", 0.1, "Probability that some approximate betweenness misses by more than --approx-epsilon")
	fl.BoolVar(&opts.Timings, "timings", false, "Print the wall time of loading and of each measure to standard error")
	fl.IntVar(&opts.MaxIter, "max-iter", metrics.DefaultMaxIter, "Iteration limit of eigenvector, PageRank and HITS")
	fl.Float64Var(&opts.Tol, "tol", metrics.DefaultTol, "Tolerance of eigenvector, PageRank and HITS: stop when the scores change by less than this per node")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// measureHelp lists the measures of the registry, with how each reads
// edge weights, for the help text.
func measureHelp() string {
	var b strings.Builder
	b.WriteString("Node measures (columns, --only):\n")
	for _, m := range metrics.NodeMeasureList() {
		fmt.Fprintf(&b, "  %-23s %s", m.Name, m.Doc)
		if m.Weights != metrics.NoWeights {
			fmt.Fprintf(&b, " [weights: %s]", m.Weights)
		}
		b.WriteByte('\n')
	}
	b.WriteString("\nGraph measures (--graph, JSON \"graph\"; * also a statistic of ecosys test --stat):\n")
	for _, m := range metrics.GraphMeasureList() {
		star := " "
		if m.Statistic {
			star = "*"
		}
		fmt.Fprintf(&b, " %s%-32s %s", star, m.Path, m.Doc)
		if m.Weights != metrics.NoWeights {
			fmt.Fprintf(&b, " [weights: %s]", m.Weights)
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

// metricsGraph is a graph to measure with its node names and modes.
type metricsGraph struct {
	g         graph.Graph
	names     []string
	mode      func(int64) int
	modeNames [2]string // the value of each mode, for the notes
	group     map[int64]string
	loops     map[int64]float64 // self-loops kept (--loops keep), for metrics.Options.Loops
}

func metricsRun(opts *MetricsOptions) error {
	mg, err := opts.Input.load()
	if err != nil {
		return err
	}
	rep, err := metrics.Compute(mg.g, func(id int64) string { return mg.names[id] }, metrics.Options{
		Weighted: opts.Input.weighted(), Distances: opts.Distances, Workers: opts.Workers, Mode: mg.mode,
		ModeNames: mg.modeNames, Group: mg.group, Seed: opts.Seed, Iter: opts.iter(), Loops: mg.loops})
	if err != nil {
		return err
	}
	if len(rep.NotConverged) > 0 {
		defer fmt.Fprintf(opts.IO.ErrOut, "ecosys: hint: %s did not converge: %s\n", strings.Join(rep.NotConverged, ", "), opts.iterHint())
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, rep)
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(opts.IO.ErrOut, "ecosys: note:", n)
	}
	if opts.Graph {
		return writeTableKinds(opts.IO.Out, opts.Format, []string{"measure", "value", "max"}, numberKinds(1, 3), graphRows(rep), opts.IO.IsTTY)
	}
	return writeNodeTable(opts, &rep.Nodes)
}

// writeNodeTable prints one row per node: its id, each measure of the
// table, and the brokerage roles when there are any.
func writeNodeTable(opts *MetricsOptions, t *metrics.NodeTable) error {
	header := append([]string{"id"}, t.Columns...)
	if t.Brokerage != nil {
		header = append(header, "coordinator", "itinerant", "representative", "gatekeeper", "liaison")
	}
	rows := make([][]string, t.Len())
	for i := range rows {
		row := []string{t.Names[i]}
		for k := range t.Columns {
			row = append(row, num(t.Values[k][i]))
		}
		if t.Brokerage != nil {
			b := t.Brokerage[i]
			row = append(row, strconv.Itoa(b.Coordinator), strconv.Itoa(b.Itinerant), strconv.Itoa(b.Representative),
				strconv.Itoa(b.Gatekeeper), strconv.Itoa(b.Liaison))
		}
		rows[i] = row
	}
	return writeTableKinds(opts.IO.Out, opts.Format, header, numberKinds(1, len(header)), rows, opts.IO.IsTTY)
}

// graphRows flattens the graph-level values of a report.
func graphRows(rep *metrics.Report) [][]string {
	g := rep.Graph
	rows := [][]string{
		{"nodes", strconv.Itoa(g.Nodes), ""}, {"edges", strconv.Itoa(g.Edges), ""},
		{"directed", strconv.FormatBool(g.Directed), ""}, {"weighted", strconv.FormatBool(g.Weighted), ""},
	}
	for _, v := range g.Values {
		max := ""
		if v.HasMax {
			max = strconv.FormatFloat(v.Max, 'g', -1, 64)
		}
		rows = append(rows, []string{v.Path, num(v.Value), max})
	}
	return rows
}

// entityAttr returns a ledger party's attribute by name.
func entityAttr(v network.Node, name string) (string, bool) {
	e := v.Entity
	switch name {
	case "province":
		return e.Province, true
	case "ministry":
		return string(e.Ministry), true
	case "kind":
		return string(e.Kind), true
	case "level":
		return string(e.Level), true
	case "role":
		return string(v.Role), true
	}
	return "", false
}

// num formats a value at full precision, or "NA" when undefined; tables
// and markdown show it by numfmt.Readable (writeTableKinds).
func num(v metrics.Value) string {
	if !v.OK {
		return "NA"
	}
	return strconv.FormatFloat(v.V, 'g', -1, 64)
}

// load builds the graph named by the input.
func (opts *graphInput) load() (*metricsGraph, error) {
	if opts.Network != "" {
		l, _, err := opts.Ledger.load()
		if err != nil {
			return nil, err
		}
		w := network.ByAmount
		if opts.Weight == "contracts" {
			w = network.ByContracts
		}
		if opts.Network == netLedger {
			n := network.BuildLedger(l)
			mg := &metricsGraph{g: n.Directed(w), names: make([]string, len(n.Nodes))}
			for i, v := range n.Nodes {
				mg.names[i] = v.Entity.ID
			}
			if opts.Group != "" {
				mg.group = map[int64]string{}
				for _, v := range n.Nodes {
					a, ok := entityAttr(v, opts.Group)
					if !ok {
						return nil, FlagErrorf("unknown --group %q for a ledger network (want province, ministry, kind, level or role)", opts.Group)
					}
					mg.group[v.ID] = a
				}
			}
			return mg, nil
		}
		if opts.Group != "" {
			return nil, FlagErrorf("--group is not available for %s", opts.Network)
		}
		tm, err := network.TwoModeOf(l, network.BySignatory, network.ByEndUser)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range tm.Rows {
			names = append(names, "signatory:"+e.ID)
		}
		for _, e := range tm.Cols {
			names = append(names, "end_user:"+e.ID)
		}
		rows := int64(len(tm.Rows))
		return &metricsGraph{g: tm.Bipartite(w), names: names, mode: func(id int64) int {
			if id < rows {
				return 0
			}
			return 1
		}, modeNames: [2]string{"signatory", "end_user"}}, nil
	}
	g, err := opts.readFile()
	if err != nil {
		return nil, err
	}
	return opts.fileGraph(g)
}

// fileGraph returns the graph read from --edges or --graph-file with the
// groups of --group and the modes of --two-mode.
func (opts *graphInput) fileGraph(g *network.Graph) (*metricsGraph, error) {
	mg := &metricsGraph{g: g.G, names: g.Names, loops: g.Loops}
	if opts.Group != "" {
		if !slices.Contains(g.AttrNames, opts.Group) {
			return nil, &network.InputError{File: opts.attrFile(), Line: 1, Field: opts.Group, Err: network.ErrMissingColumn}
		}
		mg.group = map[int64]string{}
		for i, a := range g.Attrs {
			mg.group[int64(i)] = a[opts.Group]
		}
	}
	if opts.TwoMode {
		mode, err := network.Modes(g, opts.attrFile(), opts.ModeColumn)
		if err != nil {
			return nil, err
		}
		mg.mode = mode
		for i, a := range g.Attrs {
			if k := mode(int64(i)); k == 0 || k == 1 {
				if mg.modeNames[k] == "" {
					mg.modeNames[k] = a[opts.ModeColumn]
				}
			}
		}
	}
	return mg, nil
}

// weighted reports whether edge weights are read: always for the ledger
// networks (amounts or contract counts), with --weighted for edge lists.
func (in *graphInput) weighted() bool { return in.Weighted || in.Network != "" || in.GraphPath != "" }

// attrFile names the file that holds the node attributes.
func (in *graphInput) attrFile() string {
	if in.GraphPath != "" {
		return in.GraphPath
	}
	return in.NodesPath
}

// readFile reads the graph of --edges (with --nodes) or of --graph-file,
// whose extension names its format (graphio.Read). When self-loops are
// kept (--loops keep) and the graph has some, it warns once what the
// command does with them (LoopsUse).
func (in *graphInput) readFile() (*network.Graph, error) {
	g, err := in.readGraph()
	if err == nil && len(g.Loops) > 0 && in.Ledger.Warn != nil {
		use := in.LoopsUse
		if use == "" {
			use = "every measure and figure of this command ignores them (ecosys export writes them; ecosys metrics counts them in degree and strength)"
		}
		in.Ledger.Warn(fmt.Sprintf("self-loops kept (%d): %s", len(g.Loops), use))
	}
	return g, err
}

// readGraph reads the graph of readFile.
func (in *graphInput) readGraph() (*network.Graph, error) {
	if in.GraphPath != "" {
		f, err := os.Open(in.GraphPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if format, ok := graphio.ByExtension(in.GraphPath); !ok || format.Read == nil {
			return nil, FlagErrorf("--graph-file %s: unknown extension (want %s)", in.GraphPath, orList(graphio.ReadExtensions()))
		}
		return graphio.ReadWith(in.GraphPath, f, in.Policy.options(in.Ledger.Warn))
	}
	ef, err := os.Open(in.EdgesPath)
	if err != nil {
		return nil, err
	}
	defer ef.Close()
	po := in.Policy.options(in.Ledger.Warn)
	eo := graphio.EdgeListOptions{Directed: in.Directed, Weighted: in.Weighted, KeepWeights: in.KeepWeights, Multi: po.Multi, Loops: po.Loops, Warn: po.Warn,
		Delimiter: in.Ledger.Delimiter}
	if in.NodesPath == "" {
		return graphio.ReadEdgeList(in.EdgesPath, ef, "", nil, eo)
	}
	nf, err := os.Open(in.NodesPath)
	if err != nil {
		return nil, err
	}
	defer nf.Close()
	return graphio.ReadEdgeList(in.EdgesPath, ef, in.NodesPath, nf, eo)
}

// graphFileHelp names the formats --graph-file reads, with their
// extensions: "GraphML (.graphml, .xml), GEXF (.gexf) or ...".
func graphFileHelp() string {
	var names []string
	for _, f := range graphio.Formats() {
		if f.Read != nil {
			names = append(names, f.Title+" ("+strings.Join(f.Exts, ", ")+")")
		}
	}
	return orList(names)
}

// addFlags adds the flags that name a network.
func (in *graphInput) addFlags(cmd *cobra.Command) {
	addLedgerFlags(cmd, &in.Ledger)
	cmd.Flags().StringVar(&in.Weight, "weight", "amount", "Edge weight of a ledger network: {contracts|amount}")
	in.addFileFlags(cmd)
}

// addFileFlags adds the flags that name a network of one's own: --edges,
// --nodes, --graph-file, --directed, --weighted, --two-mode, --mode-column
// and the parallel-edge and self-loop policies (--group is addGroupFlag).
func (in *graphInput) addFileFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&in.EdgesPath, "edges", "", "Edge list CSV `file` (source,target[,weight])")
	fl.StringVar(&in.NodesPath, "nodes", "", "Node list CSV `file` (id[,attributes]) for isolates and attributes")
	fl.StringVar(&in.GraphPath, "graph-file", "", "Graph `file` in "+graphFileHelp()+", as Gephi, NetworkX and igraph write them")
	fl.BoolVar(&in.Directed, "directed", false, "Edges run source → target")
	fl.BoolVar(&in.Weighted, "weighted", false, "Read the weight column as tie strength")
	fl.BoolVar(&in.TwoMode, "two-mode", false, "The graph is two-mode (bipartite); see --mode-column")
	fl.StringVar(&in.ModeColumn, "mode-column", "", "Node-file `column` naming each node's mode (two values; the first seen is mode 0)")
	in.Policy.addFlags(fl)
}

// addGroupFlag adds --group, for the commands whose measures read a node
// attribute (metrics); export and test have none.
func (in *graphInput) addGroupFlag(cmd *cobra.Command) {
	cmd.Flags().StringVar(&in.Group, "group", "", "Node attribute `column` (ledger: province, ministry, kind, level, role) for attribute assortativity, group modularity and brokerage roles")
}

// validate checks the flags and the optional network name argument.
// --ledger or --entities without a network name, --edges or --graph-file
// mean the network "ledger" of that ledger.
func (in *graphInput) validate(args []string) error {
	if len(args) == 1 {
		in.Network = args[0]
	}
	ledgerFlags := in.Ledger.LedgerPath != "" || in.Ledger.EntitiesPath != ""
	if in.Network == "" && in.EdgesPath == "" && in.GraphPath == "" && ledgerFlags {
		in.Network = netLedger
	}
	if in.Network == "" && ledgerFlags {
		return FlagErrorf("--ledger and --entities name a ledger, not an edge list or graph file: drop them, or drop --edges and --graph-file")
	}
	sources := 0
	for _, s := range []string{in.Network, in.EdgesPath, in.GraphPath} {
		if s != "" {
			sources++
		}
	}
	switch {
	case sources == 0:
		return FlagErrorf("name an embedded network (ledger, ledger-two-mode) or give --edges FILE or --graph-file FILE")
	case sources > 1:
		return FlagErrorf("give one of a network name, --edges or --graph-file")
	case in.GraphPath != "" && (in.NodesPath != "" || in.Directed || in.Weighted):
		return FlagErrorf("--graph-file files say themselves whether they are directed and weighted, and carry their nodes: drop --nodes, --directed and --weighted")
	case in.Network != "" && in.Network != netLedger && in.Network != netLedgerTwoMode:
		return FlagErrorf("unknown network %q (want ledger or ledger-two-mode)", in.Network)
	case in.TwoMode && in.ModeColumn == "":
		return FlagErrorf("--two-mode needs --mode-column COLUMN of the node file")
	case in.TwoMode && ((in.NodesPath == "" && in.GraphPath == "") || in.Directed):
		return FlagErrorf("--two-mode needs node attributes (--nodes or --graph-file) and an undirected graph")
	case in.Weight != "contracts" && in.Weight != "amount":
		return FlagErrorf("invalid argument %q for \"--weight\" flag: want contracts or amount", in.Weight)
	case in.Group != "" && in.Network == "" && in.NodesPath == "" && in.GraphPath == "":
		return FlagErrorf("--group needs node attributes (--nodes or --graph-file)")
	}
	return nil
}

// validateOnly checks --only, --approx-epsilon and --approx-delta.
func (opts *MetricsOptions) validateOnly() error {
	seen := map[string]bool{}
	for _, m := range opts.Only {
		if _, err := metrics.LookupNodeMeasure(m); err != nil {
			return FlagErrorf("invalid argument %q for \"--only\" flag: want one or more of %s", m, strings.Join(metrics.NodeMeasureNames(false), ", "))
		}
		seen[m] = true
	}
	if len(opts.Only) > 0 && (opts.Graph || opts.Input.Group != "") {
		return FlagErrorf("--only prints node measures: drop --graph and --group")
	}
	if opts.ApproxEpsilon != 0 {
		if !seen["betweenness"] && !seen["betweenness_normalized"] {
			return FlagErrorf("--approx-epsilon needs --only betweenness (or betweenness_normalized)")
		}
		if !(opts.ApproxEpsilon > 0 && opts.ApproxEpsilon < 1) {
			return FlagErrorf("invalid argument %v for \"--approx-epsilon\" flag: want a number in (0, 1)", opts.ApproxEpsilon)
		}
	}
	if !(opts.ApproxDelta > 0 && opts.ApproxDelta < 1) {
		return FlagErrorf("invalid argument %v for \"--approx-delta\" flag: want a number in (0, 1)", opts.ApproxDelta)
	}
	return nil
}

// metricsOnlyRun computes the measures named by --only and prints one
// row per node (or JSON objects with the same keys as the full report).
func metricsOnlyRun(opts *MetricsOptions) error {
	start := time.Now()
	mg, err := opts.Input.load()
	if err != nil {
		return err
	}
	mo := metrics.Options{Weighted: opts.Input.weighted(), Distances: opts.Distances, Workers: opts.Workers, Seed: opts.Seed, Iter: opts.iter(), Loops: mg.loops}
	if opts.ApproxEpsilon > 0 {
		mo.Approx = metrics.ApproxOptions{Epsilon: opts.ApproxEpsilon, Delta: opts.ApproxDelta, Seed: opts.Seed}
	}
	if opts.Timings {
		fmt.Fprintf(opts.IO.ErrOut, "ecosys: time: load %.6fs\n", time.Since(start).Seconds())
		mo.Timer = func(m string, d time.Duration) {
			fmt.Fprintf(opts.IO.ErrOut, "ecosys: time: %s %.6fs\n", m, d.Seconds())
		}
	}
	t, notes, err := metrics.ComputeNodes(mg.g, func(id int64) string { return mg.names[id] }, opts.Only, mo)
	if errors.Is(err, metrics.ErrNotConverged) {
		return fmt.Errorf("%w; %s", err, opts.iterHint())
	}
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(opts.IO.ErrOut, "ecosys: note:", n)
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, map[string]any{"nodes": t})
	}
	return writeNodeTable(opts, t)
}
