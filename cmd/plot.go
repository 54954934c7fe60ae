package cmd

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"gonum.org/v1/plot/vg"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
	"github.com/ecosys-sna/ecosys/report"
)

// PlotOptions are the options of "ecosys plot".
type PlotOptions struct {
	IO    *IOStreams
	Input ledgerInput
	// Net names a network of one's own (--edges, --graph-file), drawn
	// instead of a ledger.
	Net      graphInput
	Name     string // figure name, one of report.Catalogue
	List     bool
	Out      string
	Force    bool
	Lang     string
	FontPath string
	DPI      int
	Width    string  // "", "single", "double" or a width in mm
	Height   float64 // mm; 0: the figure's default
	Source   string
	Size     string // node measure of the graph figure, or a node column of a network of one's own
	Label    string // node column of a network of one's own for node labels
	ColorBy  string // node column of a network of one's own for node colours
	Layout   string
	Top      int
	Samples  int
	Seed     uint64
	Workers  int
	CasesDir string // directory of case tables for the case-network figure; "" for the embedded case data
}

// plotFormats are the file formats of "ecosys plot", by extension.
var plotFormats = []string{"svg", "png", "pdf"}

// NewCmdPlot returns the "plot" command. If runF is not nil, it is called
// with the parsed options instead of running the command.
func NewCmdPlot(f *Factory, runF func(*PlotOptions) error) *cobra.Command {
	opts := &PlotOptions{IO: f.IO, Input: ledgerInput{Warn: warner(f.IO)}, Net: graphInput{Weight: "amount", Ledger: ledgerInput{Warn: warner(f.IO)}, LoopsUse: loopsUseDrawings}}
	var names []string
	for _, s := range report.Catalogue() {
		names = append(names, s.Name)
	}
	cmd := &cobra.Command{
		Use:   "plot NAME --out FILE",
		Short: "Draw one figure as SVG, PNG or PDF",
		Long: `Draw one figure of a ledger, or of a network of your own, into a file. The
format follows the extension of --out: .svg, .png (at --dpi) or .pdf.
"ecosys plot --list" names every figure with a line on what it shows;
"ecosys report" draws them all.

A network of your own takes the input flags of "ecosys metrics": --edges
FILE (with --nodes, --directed, --weighted, --two-mode) or --graph-file
FILE. Its figures are graph, ranking and degree. In the graph figure,
--size is a measure or a numeric node column, --label COLUMN takes node
labels from a node column and --color-by COLUMN colours nodes by a node
column, with a legend (the 7 most frequent values, the rest as "other").
A network of more than 150 nodes or 600 edges is drawn in part: its
k-core, or its top nodes by the size measure, as the note under the
figure says.

Sizes: --width single (85 mm, the default of most figures) or double
(175 mm), or a width in millimetres; --height in millimetres. Every figure
carries a source line: the embedded data set's citation, or --source.

Chinese labels (--lang zh or both) need a CJK font: --font FILE, or one
found on the system (Debian: fonts-noto-cjk or fonts-wqy-microhei). Without
one, the figure falls back to English with a warning. PDF draws Chinese
text as glyph outlines.

The file is written to a temporary file and renamed into place; an
existing file is replaced only with --force, and never if it is an input.`,
		Example: `  ecosys plot --list
  ecosys plot level --out level.svg
  ecosys plot province-map --out provinces.png --dpi 600 --width double
  ecosys plot graph --size degree --out graph.pdf
  ecosys plot graph --edges edges.csv --nodes nodes.csv --label name --color-by group --out net.svg
  ecosys plot degree --graph-file karate.graphml --out degree.png
  ecosys plot timeline --lang both --out timeline.svg
  ecosys plot implications --samples 999 --seed 7 --out implications.svg`,
		Args:              maxArgs(1),
		ValidArgsFunction: completeFigures,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Name = args[0]
			}
			if opts.List {
				if opts.Name != "" {
					return FlagErrorf("--list takes no figure name")
				}
				if runF != nil {
					return runF(opts)
				}
				return plotList(opts)
			}
			if err := opts.validate(names); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return plotRun(opts)
		},
	}
	addLedgerFlags(cmd, &opts.Input)
	opts.Net.addFileFlags(cmd)
	opts.Net.addGroupFlag(cmd)
	fl := cmd.Flags()
	fl.StringVar(&opts.Label, "label", "", "Node `column` of --nodes or --graph-file for node labels in the graph figure")
	fl.StringVar(&opts.ColorBy, "color-by", "", "Node `column` of --nodes or --graph-file that colours nodes in the graph figure (with a legend)")
	fl.BoolVar(&opts.List, "list", false, "List the figures, one line each")
	fl.StringVarP(&opts.Out, "out", "o", "", "Output `file` (.svg, .png or .pdf)")
	fl.BoolVarP(&opts.Force, "force", "f", false, "Replace the output file if it exists")
	fl.StringVar(&opts.Lang, "lang", "en", "Label language: {en|zh|both}")
	fl.StringVar(&opts.FontPath, "font", "", "CJK font `file` (.ttf, .otf, .ttc) for Chinese labels")
	fl.IntVar(&opts.DPI, "dpi", plots.DefaultDPI, "Resolution of PNG output")
	fl.StringVar(&opts.Width, "width", "", "Figure width: {single|double} or millimetres (default: the figure's own)")
	fl.Float64Var(&opts.Height, "height", 0, "Figure height in millimetres (default: the figure's own)")
	fl.StringVar(&opts.Source, "source", "", "Source line under the figure (default: the data set's citation, or the ledger file name)")
	fl.StringVar(&opts.Size, "size", "auto", "Node size of the graph and case-network figures: {"+strings.Join(report.SizeMeasures, "|")+"}, or a numeric node `column` of a network of your own")
	fl.StringVar(&opts.Layout, "layout", "force", "Layout of the graph figure: {force|layered|auto}")
	fl.IntVar(&opts.Top, "top", 10, "Parties in the ranking figure")
	fl.IntVar(&opts.Samples, "samples", 1000, "Replicates of the sensitivity figure (the implications figure runs the ecosystem verdict with its own defaults)")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Seed of the null, sensitivity and graph figures")
	fl.IntVar(&opts.Workers, "workers", 0, "Goroutines (0: all cores); results do not depend on it")
	fl.StringVar(&opts.CasesDir, "cases-dir", "", "`Directory` of case tables for the case-network figure (default: the embedded case data)")
	return cmd
}

// validate checks the options of a figure to draw.
func (opts *PlotOptions) validate(names []string) error {
	switch {
	case opts.Name == "":
		return FlagErrorf("missing figure name; \"ecosys plot --list\" lists them")
	case !containsName(names, opts.Name):
		return FlagErrorf("unknown figure %q (want one of %s)", opts.Name, strings.Join(names, ", "))
	case opts.Out == "":
		return FlagErrorf("--out FILE is required (.svg, .png or .pdf)")
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Out)), ".")
	if !containsName(plotFormats, ext) {
		return FlagErrorf("cannot tell the format of --out %s: want a .svg, .png or .pdf file", opts.Out)
	}
	if _, err := plots.ParseLang(opts.Lang); err != nil {
		return FlagErrorf("invalid argument %q for \"--lang\" flag: want en, zh or both", opts.Lang)
	}
	if opts.DPI < 1 || opts.DPI > 2400 {
		return FlagErrorf("invalid argument %d for \"--dpi\" flag: want 1 to 2400", opts.DPI)
	}
	if _, err := parseWidth(opts.Width); err != nil {
		return err
	}
	if opts.Height < 0 || opts.Height > 1000 {
		return FlagErrorf("invalid argument %v for \"--height\" flag: want 0 to 1000 mm", opts.Height)
	}
	if err := opts.Net.validateOwn(opts.Input, opts.CasesDir); err != nil {
		return err
	}
	if !opts.Net.ownNetwork() && (opts.Label != "" || opts.ColorBy != "") {
		return FlagErrorf("--label and --color-by name node columns of a network of your own: give --edges FILE --nodes FILE or --graph-file FILE")
	}
	if !opts.Net.ownNetwork() && !containsName(report.SizeMeasures, opts.Size) {
		return FlagErrorf("invalid argument %q for \"--size\" flag: want one of %s", opts.Size, strings.Join(report.SizeMeasures, ", "))
	}
	if _, err := plots.ParseLayout(opts.Layout); err != nil {
		return FlagErrorf("invalid argument %q for \"--layout\" flag: want force, layered or auto", opts.Layout)
	}
	if opts.Top < 1 || opts.Samples < 1 || opts.Workers < 0 {
		return FlagErrorf("--top and --samples must be at least 1, --workers at least 0")
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	for _, p := range append([]string{opts.Input.LedgerPath, opts.Input.EntitiesPath, opts.FontPath}, opts.Net.inputPaths()...) {
		if p == "" {
			continue
		}
		if a, err := filepath.Abs(p); err == nil && a == out {
			return FlagErrorf("--out %s is an input file; choose another name", opts.Out)
		}
	}
	return nil
}

func containsName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseWidth reads --width: "single", "double", a number of millimetres,
// or "" for the figure's default (0).
func parseWidth(s string) (vg.Length, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return 0, nil
	case "single":
		return plots.SingleColumn, nil
	case "double":
		return plots.DoubleColumn, nil
	}
	mm, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "mm"), 64)
	if err != nil || mm < 30 || mm > 1000 {
		return 0, FlagErrorf("invalid argument %q for \"--width\" flag: want single, double or 30 to 1000 (mm)", s)
	}
	return vg.Length(mm) * vg.Millimeter, nil
}

func plotList(opts *PlotOptions) error {
	for _, s := range report.Catalogue() {
		if opts.IO.IsTTY {
			fmt.Fprintf(opts.IO.Out, "%-13s %s\n", s.Name, s.Summary)
		} else {
			fmt.Fprintf(opts.IO.Out, "%s\t%s\n", s.Name, s.Summary)
		}
	}
	return nil
}

func plotRun(opts *PlotOptions) error {
	spec, _ := report.LookupFigure(opts.Name)
	width, _ := parseWidth(opts.Width)
	lang, _ := plots.ParseLang(opts.Lang)
	params := report.FigureParams{
		Options: plots.Options{Lang: lang, FontPath: opts.FontPath, Source: figureSourceLine(opts.Input, opts.Source),
			Width: width, Height: vg.Length(opts.Height) * vg.Millimeter, DPI: opts.DPI},
		Size: opts.Size, Layout: opts.Layout, Top: opts.Top, Seed: opts.Seed, Label: opts.Label, ColorBy: opts.ColorBy,
	}
	if opts.Net.ownNetwork() {
		if why, skip := report.PlainSkipReason(spec.Name); skip {
			return fmt.Errorf("figure %s does not apply to a network of your own: %s (its figures: graph, ranking, degree)", spec.Name, why)
		}
		r, _, err := opts.Net.ownResults(opts.Seed, opts.Workers)
		if err != nil {
			return err
		}
		params.Options.Source = opts.Net.ownSource(opts.Source)
		return drawAndWrite(opts, spec, r, params)
	}
	var l *network.Ledger
	var caseData *cases.Data
	var err error
	if spec.Name == "case-network" || spec.Name == "implications" || spec.Name == "claims" {
		l, caseData, err = caseInput{Dir: opts.CasesDir, Ledger: opts.Input}.load()
		if spec.Name != "case-network" && !opts.Input.Embedded() && opts.CasesDir == "" {
			caseData = nil // a ledger of your own goes without the embedded cases
		}
	} else {
		l, _, err = opts.Input.load()
	}
	if err != nil {
		return err
	}
	r, err := newResults(l, caseData, opts.Input.Embedded(), opts.Samples, opts.Seed, opts.Workers)
	if err != nil {
		return err
	}
	return drawAndWrite(opts, spec, r, params)
}

// drawAndWrite draws the figure spec of the results r and writes it to
// --out.
func drawAndWrite(opts *PlotOptions, spec report.FigureSpec, r *analysis.Results, params report.FigureParams) error {
	fig, err := spec.Draw(r, params)
	if err != nil {
		return err
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Out)), ".")
	data, err := fig.Encode(ext)
	for _, w := range fig.Warnings {
		fmt.Fprintln(opts.IO.ErrOut, "ecosys: warning:", w)
	}
	if err != nil {
		return err
	}
	if err := writeFileAtomic(opts.Out, data, opts.Force); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%s)\n", opts.Out, spec.Name)
	return nil
}

// figureSourceLine returns the source line of figures: the flag if given,
// the line built from the embedded data set's metadata (datasets.Package.SourceLine)
// for the embedded ledger, the ledger file name otherwise.
func figureSourceLine(in ledgerInput, flag string) string {
	if flag == "" && in.Embedded() {
		if p, err := datasets.Meta(); err == nil {
			if s := p.SourceLine(); s != "" {
				return s
			}
		}
	}
	return in.figureSource(flag)
}
