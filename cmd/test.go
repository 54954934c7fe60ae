package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/inference/replicates"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// TestOptions are the options of "ecosys test".
type TestOptions struct {
	IO    *IOStreams
	Input graphInput
	Stats []string
	Null  string
	// Trades is the number of steps of the Markov-chain null models per
	// random graph (null.Options.Trades); 0 means the package's default.
	Trades  int
	Samples int
	Seed    uint64
	Workers int
	Shard   inference.Shard
	Format  string
	Quiet   bool        // no progress bar
	Emit    emitOptions // --emit: print an array job instead of running
	// Replicates, if set, names a Parquet file to write every replicate's
	// value to (package replicates); it must not exist.
	Replicates string
}

// NewCmdTest returns the "test" command with its subcommands. If runF is
// not nil, it is called with the parsed options instead of running the
// command.
func NewCmdTest(f *Factory, runF func(*TestOptions) error) *cobra.Command {
	opts := &TestOptions{IO: f.IO, Input: graphInput{Ledger: ledgerInput{Warn: warner(f.IO)},
		LoopsUse: "the statistics and the null models ignore them"}}
	var shard string
	cmd := &cobra.Command{
		Use:   "test [ledger|ledger-two-mode] --stat LIST --null MODEL",
		Short: "Test graph statistics against null models (conditional uniform graph tests)",
		Long: `Compare graph statistics of a network with their distribution over random
graphs that keep some of its properties fixed: a conditional uniform graph
test. For each statistic it prints the observed value, the null mean, SD
and quantiles, p_upper = (1 + #{T* ≥ T}) / (1 + R) and p_lower likewise,
the Monte Carlo standard error and a z-score.

Null models (--null): gnm keeps the numbers of nodes and edges (G(n, m));
degree keeps every node's degree (in- and out-degree on directed graphs;
Curveball); bipartite-degree keeps the degrees of both modes of a two-mode
network (Curveball on the bipartite matrix: the null for a contract
ledger); bipartite-gnm keeps only the sizes of both modes and the number
of ties; bipartite-sampled keeps the degrees of mode 0 (the sampled
units, such as the companies a case reveals) and leaves no mode-1 node
of the observed graph without a tie (the design by which such data are
observed). With weights, they are permuted over the sampled ties. A statistic that the null model fixes (degree centralization
under degree) is flagged constant: it cannot be tested with that model.

degree, bipartite-degree and bipartite-sampled draw each random graph by
a Markov chain from the observed graph: --trades sets its length
(Curveball trades, or steps of bipartite-sampled; default max(100, 10·k)
for k nodes that trade, max(200, 10·ties) for bipartite-sampled). If the
result changes when you double --trades, the chain is too short: raise it.

Statistics (--stat, comma-separated) are named by their path in the JSON
of 'ecosys metrics': ` + strings.Join(metrics.StatisticPaths(), ", ") + `.

Replicate i always uses the same random stream, derived from --seed, so the
result is the same for any --workers and any --shard split: run shards as
an array job (--shard 1/10 … 10/10 writes JSON with every replicate's
value) and combine them with 'ecosys test merge'. In a Slurm array task,
--shard auto takes the shard from SLURM_ARRAY_TASK_ID (any start index;
arrays with steps or lists are refused); in a Kubernetes Indexed Job,
--shard auto/N takes it from JOB_COMPLETION_INDEX (0-based) for N shards.
--emit slurm|k8s --shards N prints a ready sbatch script or Indexed Job
manifest for the same command, with the merge step (--out FILE writes it).

On a terminal, a bar on standard error shows the samples drawn, their rate
and the time left; --quiet leaves it out.`,
		Example: `  ecosys test ledger-two-mode --stat centralization.betweenness,largest_component_share --null bipartite-degree
  ecosys test --edges e.csv --nodes n.csv --stat centralization.degree --null gnm --samples 10000 --seed 7
  ecosys test ledger-two-mode --stat gini.strength --null bipartite-degree --shard 3/10 > part3.json
  ecosys test merge part*.json
  ecosys test ledger-two-mode --stat gini.strength --null bipartite-degree --samples 100000 --emit slurm --shards 10 --out test.sbatch
  ecosys test decentralization`,
		Args: maxArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.Input.validate(args); err != nil {
				return err
			}
			if len(opts.Stats) == 0 {
				return FlagErrorf("--stat is required: one or more of %s", strings.Join(metrics.StatisticPaths(), ", "))
			}
			for _, s := range opts.Stats {
				if _, err := metrics.LookupStatistic(s, metrics.StatContext{}); err != nil {
					return FlagErrorf("invalid --stat: %v", strings.TrimPrefix(err.Error(), "metrics: "))
				}
			}
			if _, err := null.ParseModel(opts.Null); err != nil {
				return FlagErrorf("invalid argument %q for \"--null\" flag: want one of %s", opts.Null, strings.Join(nullModelNames(), ", "))
			}
			if opts.Trades < 0 {
				return FlagErrorf("invalid argument %d for \"--trades\" flag: want 0 (the default length) or more", opts.Trades)
			}
			if m, _ := null.ParseModel(opts.Null); opts.Trades > 0 && (m == null.GNM || m == null.BipartiteGNM) {
				return FlagErrorf("--trades is for the null models drawn by a Markov chain (degree, bipartite-degree, bipartite-sampled); --null %s draws each graph exactly", m)
			}
			if opts.Samples < 1 {
				return FlagErrorf("invalid argument %d for \"--samples\" flag: want at least 1", opts.Samples)
			}
			if opts.Workers < 0 {
				return FlagErrorf("invalid argument %d for \"--workers\" flag: want 0 (all cores) or more", opts.Workers)
			}
			if err := opts.Emit.prepare(c, args, shard, opts.Workers); err != nil {
				return err
			}
			if shard != "" {
				s, err := parseShardFlag(shard, envLookup(f))
				if err != nil {
					return err
				}
				opts.Shard = s
			}
			if opts.Emit.Kind != "" && opts.Replicates != "" && !strings.Contains(opts.Replicates, shardPlaceholder) {
				return FlagErrorf("--replicates with --emit needs %s in the file name (such as part-%s.parquet), so that every task writes its own file", shardPlaceholder, shardPlaceholder)
			}
			if opts.Emit.Kind == "" {
				opts.Replicates = expandShard(opts.Replicates, opts.Shard)
				if err := checkNewFile(opts.Replicates, "--replicates"); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return testRun(opts)
		},
	}
	opts.Input.addFlags(cmd)
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Stats, "stat", nil, "Statistics to test, by JSON `path` (comma-separated)")
	fl.StringVar(&opts.Null, "null", "", "Null model: {"+strings.Join(nullModelNames(), "|")+"}")
	fl.IntVar(&opts.Trades, "trades", 0, "Markov-chain steps per random graph of degree, bipartite-degree and bipartite-sampled (0: the default, see above)")
	fl.IntVar(&opts.Samples, "samples", 1000, "Number of random graphs R")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the random streams")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	fl.StringVar(&shard, "shard", "", "Run only shard `i/k` (or auto: of a Slurm array task; auto/N: of a Kubernetes Indexed Job) of the replicates and print them as JSON for 'ecosys test merge'")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "No progress bar")
	fl.StringVar(&opts.Replicates, "replicates", "", "Also write every replicate's value, with statistic, seed, shard and replicate index, to `FILE.parquet` (Apache Parquet; a new file; {shard} in the name becomes the shard's number)")
	addEmitFlags(cmd, &opts.Emit)
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	cmd.AddCommand(NewCmdTestMerge(f, nil), NewCmdTestEcosystem(f, nil), NewCmdTestQAP(f, nil), NewCmdTestDecentralization(f, nil), NewCmdTestCompare(f, nil), NewCmdTestSensitivity(f, nil))
	return cmd
}

// nullModelNames lists the null models of metrics/null.
func nullModelNames() []string {
	var out []string
	for _, m := range null.Models() {
		out = append(out, string(m))
	}
	return out
}

// shardSize returns the number of the samples replicates that shard s
// computes (all of them for the zero shard).
func shardSize(s inference.Shard, samples int) int {
	if s.Count < 1 {
		return samples
	}
	return max(0, (samples-s.Index+s.Count-1)/s.Count)
}

// shardFile is what a shard run prints: one shard per statistic.
type shardFile struct {
	// Trades is --trades of the run (0: the default), so that merge can
	// refuse shards of runs with different chains.
	Trades int                   `json:"trades,omitempty"`
	Shards []*inference.CUGShard `json:"shards"`
}

func testRun(opts *TestOptions) error {
	if opts.Emit.Kind != "" {
		return opts.Emit.write(opts.IO)
	}
	mg, err := opts.Input.load()
	if err != nil {
		return err
	}
	model, _ := null.ParseModel(opts.Null)
	if (model == null.BipartiteDegree || model == null.BipartiteGNM || model == null.BipartiteSampled) && mg.mode == nil {
		return FlagErrorf("--null %s needs a two-mode network (ledger-two-mode, or --two-mode --mode-column)", model)
	}
	sampler, err := null.New(model, mg.g, null.Options{PermuteWeights: opts.Input.weighted(), Mode: mg.mode, Trades: opts.Trades})
	if err != nil {
		return err
	}
	var results []*inference.CUGResult
	var shards []*inference.CUGShard
	bar := newProgress(opts.IO, opts.Quiet, len(opts.Stats)*shardSize(opts.Shard, opts.Samples), "sampling", "samples")
	for _, path := range opts.Stats {
		st, _ := metrics.LookupStatistic(path, metrics.StatContext{Weighted: opts.Input.weighted(), Mode: mg.mode})
		res, sh, err := inference.CUG(mg.g, path, inference.Statistic(st.Fn), sampler,
			inference.CUGOptions{Samples: opts.Samples, Seed: opts.Seed, Workers: opts.Workers, Shard: opts.Shard, Progress: bar.hook()})
		if err != nil {
			bar.finish()
			return err
		}
		results, shards = append(results, res), append(shards, sh)
	}
	bar.finish()
	if opts.Replicates != "" {
		err := writeAtomic(opts.Replicates, false, func(w io.Writer) error { return replicates.Write(w, shards) })
		if err != nil {
			return err
		}
	}
	if opts.Shard.Count > 0 {
		return writeJSON(opts.IO.Out, shardFile{Trades: opts.Trades, Shards: shards})
	}
	return writeCUG(opts.IO, opts.Format, results)
}

// isParquet reports whether the file name starts with Parquet's magic
// number; it is false for a file that cannot be read (ReadFile says why).
func isParquet(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	magic := make([]byte, 4)
	_, err = io.ReadFull(f, magic)
	return err == nil && string(magic) == "PAR1"
}

// readReplicates reads the shards of a Parquet file of replicates.
func readReplicates(name string) ([]*inference.CUGShard, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return replicates.Read(name, f, fi.Size())
}

// shardPlaceholder in a --replicates file name stands for the shard's
// number (1-based; 1 for an unsharded run), so that the tasks of an array
// job, which run one command, write one file each.
const shardPlaceholder = "{shard}"

// expandShard replaces shardPlaceholder in name by the number of shard s.
func expandShard(name string, s inference.Shard) string {
	return strings.ReplaceAll(name, shardPlaceholder, strconv.Itoa(s.Index+1))
}

// checkNewFile returns an error if path, given by flag, exists: files that
// ecosys writes after a long run are checked before it.
func checkNewFile(path, flag string) error {
	if path == "" {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s %s: the file exists; remove it or give another name", flag, path)
	}
	return nil
}

// writeCUG prints test results in a format.
func writeCUG(io *IOStreams, format string, results []*inference.CUGResult) error {
	for _, r := range results {
		if r.Constant {
			fmt.Fprintf(io.ErrOut, "ecosys: warning: %s is constant under the %s null model: it cannot be tested with it\n", r.Statistic, r.Null)
		}
	}
	if format == FormatJSON {
		return writeJSON(io.Out, results)
	}
	header := []string{"statistic", "null", "observed", "mean", "sd", "q0.025", "q0.975", "p_upper", "p_lower", "mcse", "z", "samples", "constant"}
	rows := make([][]string, len(results))
	for i, r := range results {
		rows[i] = []string{r.Statistic, r.Null, fnum(r.Observed), fnum(r.Mean), fnum(r.SD), fnum(r.Quantiles["0.025"]), fnum(r.Quantiles["0.975"]),
			fnum(r.PUpper), fnum(r.PLower), fnum(r.MCSE), num(r.Z), strconv.Itoa(r.Samples), strconv.FormatBool(r.Constant)}
	}
	return writeTableKinds(io.Out, format, header, numberKinds(2, len(header)), rows, io.IsTTY)
}

// fnum formats v at full precision, for CSV; tables and markdown show it
// by numfmt.Readable (writeTableKinds with numberCol).
func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// TestMergeOptions are the options of "ecosys test merge".
type TestMergeOptions struct {
	IO     *IOStreams
	Files  []string
	Format string
}

// NewCmdTestMerge returns the "test merge" command.
func NewCmdTestMerge(f *Factory, runF func(*TestMergeOptions) error) *cobra.Command {
	opts := &TestMergeOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Combine the shards of 'ecosys test --shard' runs (JSON or Parquet) into the full result",
		Long: `Combine the outputs of 'ecosys test --shard i/k' (or of 'ecosys test
ecosystem --shard i/k') into exactly the result of the unsharded run.
Every shard of the same run (statistics, null model, seed and number of
samples) must be given once. The Parquet files of 'ecosys test --shard
i/k --replicates FILE.parquet' are shards too, and may be mixed with the
JSON of other shards of the run.`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return FlagErrorf("missing shard files")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return testMergeRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func testMergeRun(opts *TestMergeOptions) error {
	byStat := map[string][]*inference.CUGShard{}
	var order []string
	var runs []*analysis.EcosystemRun
	trades, tradesFrom := 0, ""
	for _, name := range opts.Files {
		if isParquet(name) {
			shards, err := readReplicates(name)
			if err != nil {
				return err
			}
			for _, s := range shards {
				if _, ok := byStat[s.Statistic]; !ok {
					order = append(order, s.Statistic)
				}
				byStat[s.Statistic] = append(byStat[s.Statistic], s)
			}
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var kind struct {
			Format string `json:"format"`
		}
		if json.Unmarshal(b, &kind) == nil && kind.Format != "" {
			var r analysis.EcosystemRun
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("%s: not the output of 'ecosys test ecosystem --shard': %w", name, err)
			}
			runs = append(runs, &r)
			continue
		}
		var f shardFile
		if err := json.Unmarshal(b, &f); err != nil {
			return fmt.Errorf("%s: not the output of 'ecosys test --shard': %w", name, err)
		}
		if tradesFrom == "" {
			trades, tradesFrom = f.Trades, name
		} else if f.Trades != trades {
			return fmt.Errorf("%s and %s are shards of runs with different --trades (%d and %d)", tradesFrom, name, trades, f.Trades)
		}
		for _, s := range f.Shards {
			if _, ok := byStat[s.Statistic]; !ok {
				order = append(order, s.Statistic)
			}
			byStat[s.Statistic] = append(byStat[s.Statistic], s)
		}
	}
	if len(runs) > 0 {
		if len(order) > 0 {
			return fmt.Errorf("give the shards of one run: ecosystem shards and test shards are mixed")
		}
		v, err := analysis.MergeEcosystem(runs)
		if err != nil {
			return err
		}
		return writeEcosystem(opts.IO, opts.Format, v)
	}
	var results []*inference.CUGResult
	for _, st := range order {
		r, err := inference.Merge(byStat[st])
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	return writeCUG(opts.IO, opts.Format, results)
}

// TestDecentralizationOptions are the options of "ecosys test decentralization".
type TestDecentralizationOptions struct {
	IO      *IOStreams
	Ledger  ledgerInput
	Samples int
	Seed    uint64
	Workers int
	Format  string
}

// NewCmdTestDecentralization returns the "test decentralization" command.
func NewCmdTestDecentralization(f *Factory, runF func(*TestDecentralizationOptions) error) *cobra.Command {
	opts := &TestDecentralizationOptions{IO: f.IO, Ledger: ledgerInput{Warn: warner(f.IO)}}
	cmd := &cobra.Command{
		Use:   "decentralization",
		Short: "Describe one ledger: its intermediaries and the concentration of its amounts (no test: see ecosys test ecosystem)",
		Long: `Describe a ledger (the embedded i-SOON ledger by default): its contractors,
end users and intermediaries, the most end users one intermediary signs
for and the most intermediaries one end user uses, and the concentration
of the amounts over end users (Gini, HHI, the largest end user's share)
with jackknife intervals over contracts and their spread when 20% of the
contracts are missing at random, followed by facts in words.

It tests nothing. A party is in a ledger only through a contract, so the
numbers of intermediaries, end users and ties fix most of the structure
of its signing ties (7 intermediaries, 7 bureaus and 7 ties can only be a
perfect matching): p-values against a random two-mode graph would be
forced by the design. The hypothesis is tested by ecosys test ecosystem,
on the ledgers and the case data together.`,
		Example: `  ecosys test decentralization
  ecosys test decentralization --format json
  ecosys test decentralization --ledger firms.csv --entities parties.csv`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if opts.Samples < 1 || opts.Workers < 0 {
				return FlagErrorf("--samples must be at least 1 and --workers at least 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return testDecentralizationRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Ledger)
	fl := cmd.Flags()
	fl.IntVar(&opts.Samples, "samples", 1000, "Replicates of the missing-data check")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the missing-data check")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

func testDecentralizationRun(opts *TestDecentralizationOptions) error {
	l, _, err := opts.Ledger.load()
	if err != nil {
		return err
	}
	d, err := analysis.DescribeLedger(l, analysis.DescribeOptions{Samples: opts.Samples, Seed: opts.Seed, Workers: opts.Workers})
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, d)
	}
	t := analysis.DescriptionTable(d)
	if err := writeTable(opts.IO.Out, opts.Format, t.Header, t.Rows, opts.IO.IsTTY); err != nil {
		return err
	}
	if opts.Format != FormatCSV {
		fmt.Fprintln(opts.IO.Out)
		for _, f := range d.Facts {
			fmt.Fprintf(opts.IO.Out, "- %s\n", f)
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintln(opts.IO.ErrOut, "ecosys: note:", n)
	}
	return nil
}
