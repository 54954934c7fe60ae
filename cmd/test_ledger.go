package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
)

// TestCompareOptions are the options of "ecosys test compare".
type TestCompareOptions struct {
	IO      *IOStreams
	Ledger  ledgerInput
	By      string
	A, B    string
	Stat    string
	Samples int
	Seed    uint64
	Workers int
	Format  string
	Quiet   bool // no progress bar
}

// NewCmdTestCompare returns the "test compare" command.
func NewCmdTestCompare(f *Factory, runF func(*TestCompareOptions) error) *cobra.Command {
	opts := &TestCompareOptions{IO: f.IO, Ledger: ledgerInput{Warn: warner(f.IO)}}
	cmd := &cobra.Command{
		Use:   "compare --by DIMENSION --a VALUE --b VALUE --stat PATH",
		Short: "Permutation test of a statistic between two groups of contracts",
		Long: `Test whether a statistic of the ledger network differs between two groups of
contracts (two years, two ministries, two client types): the observed
difference stat(A) − stat(B) against its distribution when the group labels
are permuted among the pooled contracts, group sizes kept. p_two_sided =
(1 + #{|D*| ≥ |D|}) / (1 + R).

Statistics: ` + strings.Join(analysis.LedgerStatisticPaths(), ", ") + `.`,
		Example: `  ecosys test compare --by year --a 2017 --b 2018 --stat end_users.hhi
  ecosys test compare --by client-type --a public_security --b state_security --stat end_users.gini --samples 9999`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if _, err := network.ParseDimension(opts.By); err != nil {
				return FlagErrorf("invalid argument %q for \"--by\" flag: want one of %s", opts.By, strings.Join(dimensionNames(), ", "))
			}
			if opts.A == "" || opts.B == "" || opts.A == opts.B {
				return FlagErrorf("--a and --b must name two different groups")
			}
			if _, err := analysis.LedgerStatistic(opts.Stat); err != nil {
				return FlagErrorf("invalid --stat: %v", strings.TrimPrefix(err.Error(), "analysis: "))
			}
			if opts.Samples < 1 || opts.Workers < 0 {
				return FlagErrorf("--samples must be at least 1 and --workers at least 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return testCompareRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Ledger)
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "year", "Dimension that defines the groups: {"+strings.Join(dimensionNames(), "|")+"}")
	fl.StringVar(&opts.A, "a", "", "Key of the first group (as in 'ecosys ledger summary --by')")
	fl.StringVar(&opts.B, "b", "", "Key of the second group")
	fl.StringVar(&opts.Stat, "stat", "end_users.hhi", "Statistic of the ledger network")
	fl.IntVar(&opts.Samples, "samples", 1000, "Number of permutations R")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the permutations")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "No progress bar")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func testCompareRun(opts *TestCompareOptions) error {
	l, _, err := opts.Ledger.load()
	if err != nil {
		return err
	}
	bar := newProgress(opts.IO, opts.Quiet, opts.Samples, "permuting", "permutations")
	r, err := analysis.Compare(l, network.Dimension(opts.By), opts.A, opts.B, opts.Stat,
		inference.CUGOptions{Samples: opts.Samples, Seed: opts.Seed, Workers: opts.Workers, Progress: bar.hook()})
	bar.finish()
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, r)
	}
	header := []string{"statistic", "a", "b", "size_a", "size_b", "value_a", "value_b", "difference", "p_two_sided", "p_upper", "p_lower", "mcse", "samples"}
	row := []string{opts.Stat, opts.A, opts.B, strconv.Itoa(r.SizeA), strconv.Itoa(r.SizeB), fnum(r.ObservedA), fnum(r.ObservedB),
		fnum(r.Observed), fnum(r.PTwoSided), fnum(r.PUpper), fnum(r.PLower), fnum(r.MCSE), strconv.Itoa(r.Samples)}
	return writeTableKinds(opts.IO.Out, opts.Format, header, numberKinds(3, len(header)), [][]string{row}, opts.IO.IsTTY)
}

// TestSensitivityOptions are the options of "ecosys test sensitivity".
type TestSensitivityOptions struct {
	IO        *IOStreams
	Ledger    ledgerInput
	Stat      string
	Remove    string
	Fractions []float64
	Samples   int
	Seed      uint64
	Workers   int
	Format    string
	Quiet     bool // no progress bar and no note
}

// NewCmdTestSensitivity returns the "test sensitivity" command.
func NewCmdTestSensitivity(f *Factory, runF func(*TestSensitivityOptions) error) *cobra.Command {
	opts := &TestSensitivityOptions{IO: f.IO, Ledger: ledgerInput{Warn: warner(f.IO)}}
	cmd := &cobra.Command{
		Use:   "sensitivity --stat PATH --remove contracts|nodes|edges",
		Short: "How a statistic of the ledger network moves as data go missing",
		Long: `Remove a growing share of contracts, parties or ties at random and report,
for each share, the mean and 95% range of a statistic of the ledger network
over the replicates. Data removed at a smaller share are a subset of those
removed at a larger one in each replicate, so the curves are smooth.

Statistics: ` + strings.Join(analysis.LedgerStatisticPaths(), ", ") + `.`,
		Example: `  ecosys test sensitivity --stat end_users.hhi --remove contracts
  ecosys test sensitivity --stat centralization.betweenness --remove nodes --fractions 0.1,0.3,0.5 --format csv`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if _, err := analysis.LedgerStatistic(opts.Stat); err != nil {
				return FlagErrorf("invalid --stat: %v", strings.TrimPrefix(err.Error(), "analysis: "))
			}
			switch analysis.Removal(opts.Remove) {
			case analysis.RemoveContracts, analysis.RemoveNodes, analysis.RemoveEdges:
			default:
				return FlagErrorf("invalid argument %q for \"--remove\" flag: want contracts, nodes or edges", opts.Remove)
			}
			for _, x := range opts.Fractions {
				if !(x >= 0 && x < 1) {
					return FlagErrorf("invalid --fractions: %v is not in [0, 1)", x)
				}
			}
			if opts.Samples < 1 || opts.Workers < 0 {
				return FlagErrorf("--samples must be at least 1 and --workers at least 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return testSensitivityRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Ledger)
	fl := cmd.Flags()
	fl.StringVar(&opts.Stat, "stat", "end_users.hhi", "Statistic of the ledger network")
	fl.StringVar(&opts.Remove, "remove", "contracts", "What goes missing: {contracts|nodes|edges}")
	fl.Var(newFloatListFlag(&opts.Fractions, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5}), "fractions", "Shares removed, comma-separated, each in [0, 1)")
	fl.IntVar(&opts.Samples, "samples", 1000, "Replicates per share")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the removals")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "No progress bar and no note")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func testSensitivityRun(opts *TestSensitivityOptions) error {
	l, _, err := opts.Ledger.load()
	if err != nil {
		return err
	}
	bar := newProgress(opts.IO, opts.Quiet, len(opts.Fractions)*opts.Samples, "removing", "replicates")
	pts, err := analysis.Sensitivity(l, opts.Stat, analysis.Removal(opts.Remove), opts.Fractions,
		inference.BootOptions{Samples: opts.Samples, Seed: opts.Seed, Workers: opts.Workers, Progress: bar.hook()})
	bar.finish()
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, pts)
	}
	rows := make([][]string, len(pts))
	for i, p := range pts {
		rows[i] = []string{fnum(p.Fraction), fnum(p.Mean), fnum(p.Lower), fnum(p.Upper), strconv.Itoa(p.Replicates), strconv.Itoa(p.Undefined)}
	}
	if err := writeTableKinds(opts.IO.Out, opts.Format, []string{"fraction_removed", "mean", "lower_2.5%", "upper_97.5%", "replicates", "undefined"}, numberKinds(0, 6), rows, opts.IO.IsTTY); err != nil {
		return err
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "ecosys: %s of the ledger network, %s removed at random\n", opts.Stat, opts.Remove)
	}
	return nil
}
