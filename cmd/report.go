package cmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// ReportOptions are the options of "ecosys report".
type ReportOptions struct {
	IO       *IOStreams
	Version  string
	Input    ledgerInput
	Net      graphInput // a network of one's own (--edges, --graph-file) instead of a ledger
	Out      string
	Force    bool
	Lang     string
	FontPath string
	DPI      int
	Source   string
	Samples  int    // null and bootstrap samples of the verdict; 0 leaves it out
	Seed     uint64 // seed of the verdict
	CasesDir string // directory of case tables; "" for the embedded case data (with the embedded ledger only)
}

// NewCmdReport returns the "report" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IO, Version: f.Version, Input: ledgerInput{Warn: warner(f.IO)}, Net: graphInput{Weight: "amount", Ledger: ledgerInput{Warn: warner(f.IO)}, LoopsUse: loopsUseDrawings}}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write an HTML report with figures and tables",
		Long: `Write a report on a ledger, or on a network of your own, into a directory: index.html (self-contained:
the figures are embedded, so it opens offline, even copied alone), report.md
(the same in Markdown), every figure of "ecosys plot --list" that applies to
the data as SVG and PNG, tables as CSV, method notes with references, the
data citation, and provenance.json with the ecosys version, the SHA-256 of
every input and output, and the parameters.

The same inputs and flags give byte-identical files. The report is written
to a temporary directory and renamed into place. An existing --out
directory is replaced only if it is an earlier report of ecosys: its
provenance.json was written by ecosys report and lists every file in it,
unchanged. Then only the files listed there are removed, so running the
same command twice just works. Any other directory (a file of your own in
it, a provenance.json of another program, an input file) is refused and
left untouched.

A network of your own takes the input flags of "ecosys metrics": --edges
FILE (with --nodes, --directed, --weighted, --two-mode) or --graph-file
FILE. Its report has the network drawing (in part, with a note, when the
network is too large to draw legibly), the ranking and the degree
distribution, the graph-level measures and every node's measures, and
says why the figures and tables of a ledger are left out.

Chinese labels (--lang zh or both) need a CJK font: --font FILE, or one
found on the system (Debian: fonts-noto-cjk or fonts-wqy-microhei). Without
one, figures fall back to English with a warning.`,
		Example: `  ecosys report
  ecosys report --out isoon-report --lang both
  ecosys report --ledger my-ledger.csv --entities my-parties.csv --out my-report
  ecosys report --edges edges.csv --nodes nodes.csv --weighted --out my-network`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if _, err := plots.ParseLang(opts.Lang); err != nil {
				return FlagErrorf("invalid argument %q for \"--lang\" flag: want en, zh or both", opts.Lang)
			}
			if opts.DPI < 0 || opts.DPI > 2400 {
				return FlagErrorf("invalid argument %d for \"--dpi\" flag: want 1 to 2400", opts.DPI)
			}
			if opts.Samples < 0 {
				return FlagErrorf("invalid argument %d for \"--samples\" flag: want 0 or more", opts.Samples)
			}
			if opts.Out == "" {
				return FlagErrorf("--out must not be empty")
			}
			if err := opts.Net.validateOwn(opts.Input, opts.CasesDir); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Input)
	opts.Net.addFileFlags(cmd)
	opts.Net.addGroupFlag(cmd)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "ecosys-report", "Output `directory`")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "No effect: an earlier report is replaced without it, any other directory never")
	_ = cmd.Flags().MarkDeprecated("force", "an earlier ecosys report at --out is replaced without it, and any other directory is never replaced")
	cmd.Flags().StringVar(&opts.Lang, "lang", "en", "Label language: {en|zh|both}")
	cmd.Flags().StringVar(&opts.FontPath, "font", "", "CJK font `file` (.ttf, .otf, .ttc) for Chinese labels")
	cmd.Flags().IntVar(&opts.DPI, "dpi", plots.DefaultDPI, "Resolution of the PNG figures")
	cmd.Flags().IntVar(&opts.Samples, "samples", 1000, "Replicates of the ledger description and the sensitivity figure (0: leave out them, the ecosystem verdict and its figure)")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "Seed of every random procedure and layout")
	cmd.Flags().StringVar(&opts.CasesDir, "cases-dir", "", "`Directory` of case tables (default: the embedded case data with the embedded ledger, none with --ledger)")
	cmd.Flags().StringVar(&opts.Source, "source", "", "Source line printed under every figure (default: the data set's citation, or the ledger file name)")
	return cmd
}

func reportRun(opts *ReportOptions) error {
	if opts.Net.ownNetwork() {
		r, inputs, err := opts.Net.ownResults(opts.Seed, 0)
		if err != nil {
			return err
		}
		lang, _ := plots.ParseLang(opts.Lang)
		ro := report.Options{Inputs: inputs, Source: opts.Net.ownSource(opts.Source), Version: opts.Version, Lang: lang,
			FontPath: opts.FontPath, DPI: opts.DPI, Seed: opts.Seed, NoReplicates: opts.Samples == 0}
		return writeReport(opts, r, ro)
	}
	l, inputs, err := opts.Input.load()
	if err != nil {
		return err
	}
	// The case data: the embedded set with the embedded ledger, a
	// directory of your own with --cases-dir, none with a ledger of your
	// own otherwise.
	var caseData *cases.Data
	if opts.CasesDir != "" || opts.Input.Embedded() {
		if _, caseData, err = (caseInput{Dir: opts.CasesDir, Ledger: opts.Input}).load(); err != nil {
			return err
		}
		inputs = append(inputs, caseDataInputs(opts.CasesDir)...)
	}
	if b, err := datasets.ReadFile(datasets.Claims); err == nil {
		in := report.NewInput(datasets.Claims, "", b)
		in.Note = "embedded data/claims.csv (the built-in claims)"
		inputs = append(inputs, in)
	}
	lang, _ := plots.ParseLang(opts.Lang)
	ro := report.Options{
		Inputs:       inputs,
		Source:       figureSourceLine(opts.Input, opts.Source),
		Version:      opts.Version,
		Lang:         lang,
		FontPath:     opts.FontPath,
		DPI:          opts.DPI,
		Seed:         opts.Seed,
		NoReplicates: opts.Samples == 0,
	}
	if opts.Input.Embedded() {
		if p, err := datasets.Meta(); err == nil {
			ro.Citation, ro.BibTeX = p.Citation, p.BibTeX
		}
	} else {
		ro.Title = "Contract ledger " + opts.Input.LedgerPath
	}
	r, err := newResults(l, caseData, opts.Input.Embedded(), opts.Samples, opts.Seed, 0)
	if err != nil {
		return err
	}
	return writeReport(opts, r, ro)
}

// writeReport writes the report of r to --out and prints its warnings.
func writeReport(opts *ReportOptions, r *analysis.Results, ro report.Options) error {
	warnings, err := report.Write(opts.Out, r, ro)
	for _, w := range warnings {
		fmt.Fprintln(opts.IO.ErrOut, "ecosys: warning:", w)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s/index.html\n", opts.Out)
	return nil
}

// caseDataInputs returns the case tables read from dir ("" for the embedded
// ones), with their checksums, for provenance.
func caseDataInputs(dir string) []report.Input {
	var out []report.Input
	for _, t := range cases.Tables {
		if dir == "" {
			b, err := datasets.ReadFile(t)
			if err != nil {
				continue
			}
			in := report.NewInput(t, "", b)
			in.Note = "embedded data/" + t + ".csv"
			out = append(out, in)
			continue
		}
		p := filepath.Join(dir, t+".csv")
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, report.NewInput(p, p, b))
		}
	}
	return out
}
