package cmd

import (
	"fmt"
	"os"
	"slices"
	"strconv"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/mat"

	"github.com/ecosys-sna/ecosys/graphio"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
)

// TestQAPOptions are the options of "ecosys test qap".
type TestQAPOptions struct {
	IO       *IOStreams
	Y        string
	X        []string
	Same     []string
	Nodes    string
	Directed bool
	Weighted bool
	Logit    bool
	Method   string
	Samples  int
	Seed     uint64
	Workers  int
	Format   string
	Warn     func(string)
}

// NewCmdTestQAP returns the "test qap" command.
func NewCmdTestQAP(f *Factory, runF func(*TestQAPOptions) error) *cobra.Command {
	opts := &TestQAPOptions{IO: f.IO, Warn: warner(f.IO)}
	cmd := &cobra.Command{
		Use:   "qap --y FILE --x FILE… [--same COLUMN…] --nodes FILE",
		Short: "QAP and MRQAP regression of one network on others (Krackhardt 1988; Dekker, Krackhardt and Snijders 2007)",
		Long: `Regress a network (--y) on other networks (--x, repeatable) and on
same-attribute matrices of node columns (--same COLUMN: 1 for a pair of
nodes with the same value, 0 otherwise or when either is empty), over all
ordered pairs i ≠ j (unordered pairs i < j without --directed); the
intercept comes first. OLS by default, logistic regression with --logit
(y must be 0 or 1).

p-values come from permutations of the nodes (QAP): with --method dsp
(default), Dekker, Krackhardt and Snijders's (2007) double
semi-partialling, which permutes the residuals of each predictor
regressed on the others and stays valid when predictors are correlated;
with --method y, Krackhardt's (1988) permutation of y's rows and columns.
The test statistic is each coefficient's t-value: p_upper =
(1 + #{t* ≥ t})/(1 + R), p_lower likewise, p_abs on |t|. Permutation i
always uses the same random stream, so results do not depend on
--workers. Coefficients agree with R sna's netlm and netlogit to 1e-9 on
committed reference cases.

Every edge list (source,target[,weight]) must name only nodes of --nodes
(id[,attributes]); weights are read with --weighted, otherwise a tie is 1.`,
		Example: `  ecosys test qap --y advice.csv --x friendship.csv --x reports.csv --same department --nodes managers.csv --directed
  ecosys test qap --y marriage.csv --x business.csv --nodes families.csv --logit --format json`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			switch {
			case opts.Y == "" || opts.Nodes == "":
				return FlagErrorf("--y and --nodes are required")
			case len(opts.X) == 0 && len(opts.Same) == 0:
				return FlagErrorf("give at least one predictor: --x FILE or --same COLUMN")
			case opts.Method != "dsp" && opts.Method != "y":
				return FlagErrorf("invalid argument %q for \"--method\" flag: want dsp or y", opts.Method)
			case opts.Samples < 1 || opts.Workers < 0:
				return FlagErrorf("--samples must be at least 1 and --workers at least 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return testQAPRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Y, "y", "", "Edge list CSV `file` of the network to explain")
	fl.StringArrayVar(&opts.X, "x", nil, "Edge list CSV `file` of a predictor network (repeatable)")
	fl.StringArrayVar(&opts.Same, "same", nil, "Node `column` whose same-value matrix is a predictor (repeatable)")
	fl.StringVar(&opts.Nodes, "nodes", "", "Node list CSV `file` (id[,attributes]): the node set of every matrix")
	fl.BoolVar(&opts.Directed, "directed", false, "Ties run source → target; use ordered pairs")
	fl.BoolVar(&opts.Weighted, "weighted", false, "Read the weight columns; otherwise a tie is 1")
	fl.BoolVar(&opts.Logit, "logit", false, "Logistic regression (y binary)")
	fl.StringVar(&opts.Method, "method", "dsp", "Permutation method: {dsp|y}")
	fl.IntVar(&opts.Samples, "samples", 1000, "Number of permutations R")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the permutations")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// qapMatrix reads an edge list on the node set of the node file.
func (opts *TestQAPOptions) qapMatrix(path string) (*mat.Dense, *network.Graph, error) {
	ef, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer ef.Close()
	nf, err := os.Open(opts.Nodes)
	if err != nil {
		return nil, nil, err
	}
	defer nf.Close()
	g, err := graphio.ReadEdgeList(path, ef, opts.Nodes, nf, graphio.EdgeListOptions{Directed: opts.Directed, Weighted: opts.Weighted, Strict: true, Warn: opts.Warn})
	if err != nil {
		return nil, nil, err
	}
	var edges []inference.Edge
	for it := g.G.Nodes(); it.Next(); {
		u := it.Node().ID()
		for to := g.G.From(u); to.Next(); {
			v := to.Node().ID()
			if !opts.Directed && v < u {
				continue
			}
			w := 1.0
			if opts.Weighted {
				w, _ = g.G.Weight(u, v)
			}
			edges = append(edges, inference.Edge{From: int(u), To: int(v), Weight: w})
		}
	}
	slices.SortFunc(edges, func(a, b inference.Edge) int {
		if a.From != b.From {
			return a.From - b.From
		}
		return a.To - b.To
	})
	m, err := inference.EdgeMatrix(len(g.Names), edges, opts.Directed)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, g, nil
}

func testQAPRun(opts *TestQAPOptions) error {
	y, yg, err := opts.qapMatrix(opts.Y)
	if err != nil {
		return err
	}
	var xs []mat.Matrix
	var names []string
	for _, path := range opts.X {
		x, _, err := opts.qapMatrix(path)
		if err != nil {
			return err
		}
		xs, names = append(xs, x), append(names, path)
	}
	for _, col := range opts.Same {
		if !slices.Contains(yg.AttrNames, col) {
			return &network.InputError{File: opts.Nodes, Line: 1, Field: col, Err: network.ErrMissingColumn}
		}
		vals := make([]string, len(yg.Names))
		for i, a := range yg.Attrs {
			vals[i] = a[col]
		}
		xs, names = append(xs, inference.SameAttribute(vals)), append(names, "same_"+col)
	}
	res, err := inference.QAP(y, xs, names, inference.QAPOptions{Directed: opts.Directed, Logit: opts.Logit, Method: opts.Method,
		Samples: opts.Samples, Seed: opts.Seed, Workers: opts.Workers})
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, res)
	}
	header := []string{"coefficient", "estimate", "t", "p_upper", "p_lower", "p_abs", "undefined"}
	var rows [][]string
	for _, c := range res.Coefficients {
		rows = append(rows, []string{c.Name, fnum(c.Estimate), fnum(c.T), fnum(c.PUpper), fnum(c.PLower), fnum(c.PAbs), strconv.Itoa(c.Undefined)})
	}
	if err := writeTableKinds(opts.IO.Out, opts.Format, header, numberKinds(1, len(header)), rows, opts.IO.IsTTY); err != nil {
		return err
	}
	r2 := "R²"
	if res.Logit {
		r2 = "McFadden's pseudo-R²"
	}
	fmt.Fprintf(opts.IO.ErrOut, "ecosys: note: %s %s over %d pairs; %s permutations R = %d, seed %d\n", r2, strconv.FormatFloat(res.R2, 'g', 6, 64), res.NPairs, res.Method, res.Samples, res.Seed)
	return nil
}
