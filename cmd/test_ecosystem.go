package cmd

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/internal/numfmt"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/inference/replicates"
	"github.com/ecosys-sna/ecosys/network"
)

// TestEcosystemOptions are the options of "ecosys test ecosystem".
type TestEcosystemOptions struct {
	IO            *IOStreams
	Ledgers       []string // --ledger, repeatable; none: the embedded ledger
	Entities      []string // --entities, one per ledger or one for all
	CasesDir      string
	NoCases       bool
	MinGrade      string
	Attribution   string
	Samples       int
	PowerSamples  int
	RobustSamples int
	Population    int
	Seed          uint64
	Workers       int
	Shard         analysis.Shard
	Format        string
	Warn          func(string)
	Quiet         bool        // no progress bar and no notes
	Emit          emitOptions // --emit: print an array job instead of running
	// Replicates, if set, names a Parquet file to write the replicate
	// values of every ensemble to (analysis.EcosystemRun.Replicates,
	// package replicates); it must not exist.
	Replicates string
}

// NewCmdTestEcosystem returns the "test ecosystem" command.
func NewCmdTestEcosystem(f *Factory, runF func(*TestEcosystemOptions) error) *cobra.Command {
	opts := &TestEcosystemOptions{IO: f.IO, Warn: warner(f.IO)}
	var shard string
	cmd := &cobra.Command{
		Use:   "ecosystem",
		Short: "The verdict on the decentralized-ecosystem hypothesis, from ledgers and case data",
		Long: `Test the hypothesis that ecosys exists to test, on the principal–agent view of
the evidence: every tie from an authority (the organ that tasks, pays or is
served) to an agent (a company, an intermediary, a person), from the
ledgers' contracts and the case data's relations; people are projected
onto their organizations, enforcement ties left out.

` + analysis.Hypothesis + `

Implications:
` + implicationHelp() + `
Decision rule (stated before any result is read): ` + analysis.Rule + `

Robustness: each matter left out in turn, reliability thresholds (A–B
only, up to C, all), date windows (before and from 2020-01-01, each year
of the ledgers), the three readings of ties to a ministry whose source
names no unit (left out, as central, as local), and, with a population of
bureaus (43 for the embedded i-SOON data, --population for yours),
unobserved bureaus that reuse observed agents with probability θ.

Without flags it runs on the embedded ledger, case data and hierarchy.
With --ledger (repeatable: one contractor's ledger each, or one ledger of
several contractors), the embedded cases are left out unless --cases-dir
is given; --no-cases leaves them out in any case. Every random procedure
is seeded (--seed); the verdict is identical for any --workers, and
--shard i/k prints a shard's JSON that 'ecosys test merge' turns into
exactly the unsharded verdict; --shard auto (a Slurm array task) and
auto/N (a Kubernetes Indexed Job of N) take i/k from the scheduler, and
--emit slurm|k8s --shards N prints the array job that runs them and the
merge.

--replicates FILE.parquet also writes every replicate's value (of the
shard, with --shard) as Apache Parquet, in the columns of 'ecosys test
--replicates': for each tested implication of the main analysis and of
every robustness variant computed (not those with the main analysis's
ties), its null ensemble as statistic VARIANT/IMPLICATION (VARIANT is
"main" or "CHECK/VARIANT" of the robustness table, such as
main/locality or reliability/A–B only/locality), and the draws from its
alternative that give its power as VARIANT/IMPLICATION/alternative. The
replicate column is the index in the whole ensemble, so the files of
the shards read together (DuckDB: FROM 'part-*.parquet') are the
unsharded run's; {shard} in the name becomes the shard's number.

On a terminal, a bar on standard error shows the analyses done, their rate
and the time left; --quiet leaves out the bar and the notes.`,
		Example: `  ecosys test ecosystem
  ecosys test ecosystem --format json > verdict.json
  ecosys test ecosystem --min-reliability B3 --attribution as-central
  ecosys test ecosystem --ledger firm-a.csv --ledger firm-b.csv --entities parties.csv --population 60
  ecosys test ecosystem --shard 2/4 > part2.json && ecosys test merge part*.json
  ecosys test ecosystem --format json --replicates verdict-replicates.parquet
  ecosys test ecosystem --samples 100000 --emit k8s --shards 20 --out verdict.yaml`,
		Args: exactArgs(0, ""),
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.validate(shard, envLookup(f)); err != nil {
				return err
			}
			if err := opts.Emit.prepare(c, args, shard, opts.Workers); err != nil {
				return err
			}
			if err := opts.checkReplicates(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return testEcosystemRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Ledgers, "ledger", nil, "Contract ledger CSV `file` (repeatable; default: the embedded i-SOON ledger)")
	fl.StringArrayVar(&opts.Entities, "entities", nil, "Entity table CSV `file` for the ledgers (one per --ledger, or one for all)")
	fl.StringVar(&opts.CasesDir, "cases-dir", "", "`Directory` of case tables (default with the embedded ledger: the embedded case data)")
	fl.BoolVar(&opts.NoCases, "no-cases", false, "Leave the case data out")
	fl.StringVar(&opts.MinGrade, "min-reliability", "", "Keep only ties graded at least `GRADE` (such as B3: letters A–B, digits 1–3)")
	fl.StringVar(&opts.Attribution, "attribution", string(analysis.LeftOut), "Ties to a ministry whose source names no unit: {left-out|as-central|as-local}")
	fl.IntVar(&opts.Samples, "samples", 2000, "Null samples of each test of the main analysis")
	fl.IntVar(&opts.PowerSamples, "power-samples", 500, "Draws from each test's alternative, for its power")
	fl.IntVar(&opts.RobustSamples, "robust-samples", 300, "Null and alternative samples of each test in each robustness variant")
	fl.IntVar(&opts.Population, "population", 0, "Bureaus believed to exist for the agent with most principals, for the unobserved-bureau scenario (default: 43 for the embedded data; none for yours)")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of every random procedure")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	fl.StringVar(&shard, "shard", "", "Run only shard `i/k` (or auto: of a Slurm array task; auto/N: of a Kubernetes Indexed Job) of every ensemble and print it as JSON for 'ecosys test merge'")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "No progress bar and no notes")
	fl.StringVar(&opts.Replicates, "replicates", "", "Also write every null and alternative replicate's value, keyed VARIANT/IMPLICATION[/alternative], to `FILE.parquet` (Apache Parquet; a new file; {shard} in the name becomes the shard's number)")
	addEmitFlags(cmd, &opts.Emit)
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// implicationHelp lists the implications with their directions.
func implicationHelp() string {
	var b strings.Builder
	for _, imp := range analysis.Implications() {
		kind := "a share with a 95% interval"
		if imp.Tested {
			kind = "tested against bipartite-sampled"
		}
		fmt.Fprintf(&b, "  %s (%s): %s\n    decentralized: %s\n    centralized: %s\n", imp.Name, kind, imp.Question, imp.Decentralized, imp.Centralized)
	}
	return b.String()
}

func (opts *TestEcosystemOptions) validate(shard string, env inference.LookupEnv) error {
	switch {
	case opts.Samples < analysis.MinEcosystemSamples || opts.RobustSamples < analysis.MinEcosystemSamples || opts.PowerSamples < 1:
		return FlagErrorf("--samples and --robust-samples must be at least %d (with R samples the smallest two-sided p-value is 2/(R+1), and the Holm-adjusted p-values must be able to fall well below 0.05); --power-samples at least 1", analysis.MinEcosystemSamples)
	case opts.Workers < 0:
		return FlagErrorf("invalid argument %d for \"--workers\" flag: want 0 (all cores) or more", opts.Workers)
	case opts.Population < 0:
		return FlagErrorf("invalid argument %d for \"--population\" flag: want 0 (no scenario) or more", opts.Population)
	case len(opts.Entities) > 1 && len(opts.Entities) != len(opts.Ledgers):
		return FlagErrorf("give one --entities file for all ledgers, or one per --ledger (%d ledgers, %d entity files)", len(opts.Ledgers), len(opts.Entities))
	case len(opts.Entities) > 0 && len(opts.Ledgers) == 0:
		return FlagErrorf("--entities goes with --ledger")
	}
	switch analysis.Attribution(opts.Attribution) {
	case analysis.LeftOut, analysis.AsCentral, analysis.AsLocal:
	default:
		return FlagErrorf("invalid argument %q for \"--attribution\" flag: want left-out, as-central or as-local", opts.Attribution)
	}
	if opts.MinGrade != "" {
		if _, err := cases.ParseGrade(opts.MinGrade); err != nil {
			return FlagErrorf("invalid argument %q for \"--min-reliability\" flag: %v", opts.MinGrade, err)
		}
		opts.MinGrade = strings.ToUpper(opts.MinGrade)
	}
	if shard != "" {
		s, err := parseShardFlag(shard, env)
		if err != nil {
			return err
		}
		opts.Shard = analysis.Shard{Index: s.Index + 1, Count: s.Count}
	}
	return nil
}

// checkReplicates checks --replicates as ecosys test does: with --emit
// the name must hold {shard}, so that every task writes its own file;
// otherwise {shard} becomes the shard's number and the file must not
// exist, checked before the long run.
func (opts *TestEcosystemOptions) checkReplicates() error {
	if opts.Emit.Kind != "" {
		if opts.Replicates != "" && !strings.Contains(opts.Replicates, shardPlaceholder) {
			return FlagErrorf("--replicates with --emit needs %s in the file name (such as part-%s.parquet), so that every task writes its own file", shardPlaceholder, shardPlaceholder)
		}
		return nil
	}
	s := inference.Shard{}
	if opts.Shard.Count > 0 {
		s = inference.Shard{Index: opts.Shard.Index - 1, Count: opts.Shard.Count}
	}
	opts.Replicates = expandShard(opts.Replicates, s)
	return checkNewFile(opts.Replicates, "--replicates")
}

// load builds the ecosystem of the inputs.
func (opts *TestEcosystemOptions) load() (*analysis.Ecosystem, error) {
	var ledgers []*network.Ledger
	var entities []network.Entity
	for i, path := range opts.Ledgers {
		in := ledgerInput{LedgerPath: path, Warn: opts.Warn}
		if len(opts.Entities) == 1 {
			in.EntitiesPath = opts.Entities[0]
		} else if len(opts.Entities) > 1 {
			in.EntitiesPath = opts.Entities[i]
		}
		l, _, err := in.load()
		if err != nil {
			return nil, err
		}
		ledgers = append(ledgers, l)
		entities = append(entities, l.Entities...)
	}
	var d *cases.Data
	do := analysis.EcosystemDataOptions{}
	switch {
	case len(opts.Ledgers) == 0:
		l, _, err := ledgerInput{Warn: opts.Warn}.load()
		if err != nil {
			return nil, err
		}
		ledgers = []*network.Ledger{l}
		do = analysis.ISOONLedgerData
		if !opts.NoCases && opts.CasesDir == "" {
			if d, err = cases.Read(datasets.FS(), datasets.CaseDir, l.Entities, network.ReadOptions{Warn: opts.Warn}); err != nil {
				return nil, err
			}
		}
		entities = l.Entities
	}
	if opts.CasesDir != "" && !opts.NoCases {
		var err error
		if d, err = cases.Read(os.DirFS(opts.CasesDir), ".", uniqueEntities(entities), network.ReadOptions{Warn: opts.Warn}); err != nil {
			return nil, inDir(err, opts.CasesDir)
		}
	}
	return analysis.EcosystemOf(ledgers, d, do)
}

// uniqueEntities keeps the first entity of each id.
func uniqueEntities(es []network.Entity) []network.Entity {
	seen := map[string]bool{}
	var out []network.Entity
	for _, e := range es {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return out
}

func testEcosystemRun(opts *TestEcosystemOptions) error {
	if opts.Emit.Kind != "" {
		return opts.Emit.write(opts.IO)
	}
	e, err := opts.load()
	if err != nil {
		return err
	}
	ao := analysis.EcosystemOptions{Samples: opts.Samples, PowerSamples: opts.PowerSamples, RobustSamples: opts.RobustSamples,
		Seed: opts.Seed, Workers: opts.Workers, Shard: opts.Shard, MinGrade: opts.MinGrade,
		Attribution: analysis.Attribution(opts.Attribution), Population: opts.Population}
	if ao.Population == 0 && len(opts.Ledgers) == 0 {
		ao.Population, ao.PopulationNote = analysis.UnobservedTarget, analysis.UnobservedTargetNote
	}
	var bar *progress
	if opts.IO.ErrTTY && !opts.Quiet {
		// The number of analyses is known once the variants are built:
		// the bar starts at the first one done.
		ao.Progress = func(done, total int) {
			if bar == nil {
				bar = newProgress(opts.IO, opts.Quiet, total, "verdict", "analyses")
			}
			bar.set(done)
		}
	}
	run, err := analysis.RunEcosystem(e, ao)
	bar.finish()
	if err != nil {
		return err
	}
	if opts.Replicates != "" {
		seq, err := run.Replicates()
		if err != nil {
			return err
		}
		if err := writeAtomic(opts.Replicates, false, func(w io.Writer) error { return replicates.WriteSeq(w, seq) }); err != nil {
			return err
		}
	}
	if opts.Shard.Count > 0 {
		return writeJSON(opts.IO.Out, run)
	}
	v, err := analysis.MergeEcosystem([]*analysis.EcosystemRun{run})
	if err != nil {
		return err
	}
	streams := opts.IO
	if opts.Quiet {
		quiet := *streams
		quiet.ErrOut = io.Discard
		streams = &quiet
	}
	return writeEcosystem(streams, opts.Format, v)
}

// writeEcosystem prints a verdict: JSON whole; a table, CSV or Markdown
// of the implications, with the robustness rows and the paragraph
// (tables and Markdown) or the reading in a column (CSV).
func writeEcosystem(io *IOStreams, format string, v *analysis.EcosystemVerdict) error {
	if format == FormatJSON {
		return writeJSON(io.Out, v)
	}
	header := []string{"implication", "observed", "interval_or_null_95", "null_mean", "effect", "p_upper", "p_lower", "p_holm", "power", "design_fixed", "favours"}
	// Tables and Markdown print numbers for reading (numfmt); CSV keeps
	// them in full.
	opt4 := func(p *float64) string {
		if p == nil {
			return "NA"
		}
		if format == FormatCSV {
			return strconv.FormatFloat(*p, 'g', -1, 64)
		}
		return numfmt.Readable(*p)
	}
	var rows [][]string
	for _, r := range v.Implications {
		rng := ""
		switch {
		case r.Interval != nil:
			rng = fmt.Sprintf("[%s, %s]", opt4(&r.Interval[0]), opt4(&r.Interval[1]))
		case r.NullQ025 != nil:
			rng = fmt.Sprintf("[%s, %s]", opt4(r.NullQ025), opt4(r.NullQ975))
		}
		rows = append(rows, []string{r.Name, opt4(r.Observed), rng, opt4(r.NullMean), opt4(r.Effect), opt4(r.PUpper), opt4(r.PLower),
			opt4(r.PHolm), opt4(r.Power), strconv.FormatBool(r.DesignFixed), r.Favours})
	}
	if format == FormatCSV {
		header = append(header, "reading")
		for i := range rows {
			rows[i] = append(rows[i], v.Reading)
		}
		return writeTable(io.Out, format, header, rows, io.IsTTY)
	}
	if format == FormatMarkdown {
		fmt.Fprintf(io.Out, "## Reading: %s\n\n%s\n\n", v.Reading, v.Summary)
	} else {
		fmt.Fprintf(io.Out, "Reading: %s\n\n", v.Reading)
	}
	if err := writeTable(io.Out, format, header, rows, io.IsTTY); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	var rrows [][]string
	for _, r := range v.Robustness {
		rrows = append(rrows, []string{r.Check, r.Variant, r.Reading, strconv.FormatBool(r.Changed), r.Detail})
	}
	if err := writeTable(io.Out, format, []string{"check", "variant", "reading", "changed", "detail"}, rrows, io.IsTTY); err != nil {
		return err
	}
	if format != FormatMarkdown {
		fmt.Fprintf(io.Out, "\n%s\n", v.Summary)
	}
	for _, n := range v.Notes {
		fmt.Fprintln(io.ErrOut, "ecosys: note:", n)
	}
	return nil
}
