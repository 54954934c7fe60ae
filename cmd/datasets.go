package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/spf13/cobra"
)

// packageName is the name under which "datasets show" and "datasets export"
// accept the data package descriptor, datapackage.json.
const packageName = "datapackage"

// NewCmdDatasets returns the "datasets" command, which groups list, show and
// export.
func NewCmdDatasets(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "datasets",
		Short: "List, describe and export the embedded data sets",
		Long: `The data sets embedded in ecosys are UTF-8 CSV tables described by a
Frictionless Data Package (datapackage.json): the i-SOON contract ledger
(isoon-ledger), its parties (isoon-entities) and the transcription notes
(isoon-notes). Every file carries its source, its row count and its
SHA-256 hash.`,
		Example: `  ecosys datasets list
  ecosys datasets show isoon-entities
  ecosys datasets export isoon-ledger > ledger.csv
  ecosys datasets export --all --out isoon/`,
		Args: groupArgs,
		RunE: groupHelp,
	}
	cmd.AddCommand(
		NewCmdDatasetsList(f, nil),
		NewCmdDatasetsShow(f, nil),
		NewCmdDatasetsExport(f, nil),
	)
	return cmd
}

// datasetNames returns the names of the embedded resources, and "datapackage"
// too if withPackage is set.
func datasetNames(withPackage bool) []string {
	rs, _ := datasets.List() // the embedded descriptor is tested valid
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
	}
	if withPackage {
		names = append(names, packageName)
	}
	return names
}

// checkDatasetName returns a usage error unless name is a data set (or, with
// withPackage, "datapackage").
func checkDatasetName(name string, withPackage bool) error {
	names := datasetNames(withPackage)
	if slices.Contains(names, name) {
		return nil
	}
	return FlagErrorf("unknown data set %q; choose one of %s", name, strings.Join(names, ", "))
}

// completeDatasetNames completes the first argument with data set names.
func completeDatasetNames(withPackage bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return datasetNames(withPackage), cobra.ShellCompDirectiveNoFileComp
	}
}

// DatasetsListOptions are the options of "ecosys datasets list".
type DatasetsListOptions struct {
	IO     *IOStreams
	Format string
}

// NewCmdDatasetsList returns the "datasets list" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdDatasetsList(f *Factory, runF func(*DatasetsListOptions) error) *cobra.Command {
	opts := &DatasetsListOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the embedded data sets",
		Long: `List the embedded data sets with their number of data rows (not counting
the header), their size in bytes and their title.`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return datasetsListRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, FormatTable, tableFormats...)
	return cmd
}

// datasetSummary is one element of the JSON output of "datasets list".
type datasetSummary struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path"`
	Rows  int    `json:"rows"`
	Bytes int64  `json:"bytes"`
	Hash  string `json:"hash"`
}

func datasetsListRun(opts *DatasetsListOptions) error {
	rs, err := datasets.List()
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		list := make([]datasetSummary, len(rs))
		for i, r := range rs {
			list[i] = datasetSummary{r.Name, r.Title, r.Path, r.Rows, r.Bytes, r.Hash}
		}
		return writeJSON(opts.IO.Out, list)
	}
	rows := make([][]string, len(rs))
	for i, r := range rs {
		rows[i] = []string{r.Name, strconv.Itoa(r.Rows), strconv.FormatInt(r.Bytes, 10), r.Title}
	}
	return writeTable(opts.IO.Out, opts.Format, []string{"name", "rows", "bytes", "title"}, rows, opts.IO.IsTTY)
}

// DatasetsShowOptions are the options of "ecosys datasets show".
type DatasetsShowOptions struct {
	IO     *IOStreams
	Name   string
	Format string
}

// NewCmdDatasetsShow returns the "datasets show" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdDatasetsShow(f *Factory, runF func(*DatasetsShowOptions) error) *cobra.Command {
	opts := &DatasetsShowOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "show <name>",
		Short: "Describe a data set: source, schema, size and hash",
		Long: `Describe an embedded data set: what a row is, the citation of its source,
its fields with their types, its number of rows and its SHA-256 hash.

The name "datapackage" describes the data package as a whole. With
--format json, show prints the Frictionless descriptor of the resource
(or of the package), constraints included.`,
		Example: `  ecosys datasets show isoon-ledger
  ecosys datasets show isoon-notes --format json`,
		Args:              exactArgs(1, "data set name (see 'ecosys datasets list')"),
		ValidArgsFunction: completeDatasetNames(true),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Name = args[0]
			if err := checkDatasetName(opts.Name, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return datasetsShowRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, FormatText, textFormats...)
	return cmd
}

func datasetsShowRun(opts *DatasetsShowOptions) error {
	p, err := datasets.Meta()
	if err != nil {
		return err
	}
	if opts.Name == packageName {
		if opts.Format == FormatJSON {
			return writeJSON(opts.IO.Out, p)
		}
		return writePackageText(opts.IO.Out, p)
	}
	r, err := datasets.Lookup(opts.Name)
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, r)
	}
	return writeResourceText(opts.IO.Out, p, r)
}

// writeResourceText writes the description of a resource of package p.
func writeResourceText(w io.Writer, p datasets.Package, r datasets.Resource) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", r.Name, r.Title)
	b.WriteString(wrap(r.Description, 76, ""))
	b.WriteString("\n")

	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "File:\t%s (%s, %s)\n", r.Path, r.Format, r.Encoding)
	fmt.Fprintf(tw, "Rows:\t%d\n", r.Rows)
	fmt.Fprintf(tw, "Bytes:\t%d\n", r.Bytes)
	fmt.Fprintf(tw, "Hash:\t%s\n", r.Hash)
	if len(r.Schema.PrimaryKey) > 0 {
		fmt.Fprintf(tw, "Primary key:\t%s\n", strings.Join(r.Schema.PrimaryKey, ", "))
	}
	for i, fk := range r.Schema.ForeignKeys {
		label := ""
		if i == 0 {
			label = "Foreign keys:"
		}
		fmt.Fprintf(tw, "%s\t%s -> %s.%s\n", label, strings.Join(fk.Fields, ", "),
			fk.Reference.Resource, strings.Join(fk.Reference.Fields, ", "))
	}
	tw.Flush()

	if len(r.Sources) > 0 {
		fmt.Fprintf(&b, "\nSources (data package %s %s):\n", p.Name, p.Version)
		for _, s := range r.Sources {
			b.WriteString(wrap(strings.TrimSpace(s.Title+" "+s.Note), 76, "  "))
		}
	} else {
		fmt.Fprintf(&b, "\nSource (data package %s %s):\n", p.Name, p.Version)
		b.WriteString(wrap(p.Citation, 76, "  "))
	}

	fmt.Fprintf(&b, "\nFields (%d):\n", len(r.Schema.Fields))
	tw = tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, f := range r.Schema.Fields {
		var notes []string
		if c := f.Constraints; c != nil {
			if c.Required {
				notes = append(notes, "required")
			}
			if c.Unique {
				notes = append(notes, "unique")
			}
		}
		typ := f.Type
		if len(notes) > 0 {
			typ += " (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Name, typ, f.Description)
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}

// writePackageText writes the description of the data package.
func writePackageText(w io.Writer, p datasets.Package) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s\n", p.Name, p.Version, p.Title)
	b.WriteString(wrap(p.Description, 76, ""))
	b.WriteString("\nSource:\n")
	b.WriteString(wrap(p.Citation, 76, "  "))
	fmt.Fprintf(&b, "\nResources (%d):\n", len(p.Resources))
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, r := range p.Resources {
		fmt.Fprintf(tw, "  %s\t%s\t%d rows\t%s\n", r.Name, r.Path, r.Rows, r.Title)
	}
	tw.Flush()
	b.WriteString("\nBibTeX:\n")
	b.WriteString(p.BibTeX)
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks s into lines of at most width characters where it can, each
// starting with indent and ending in a newline.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		switch {
		case n == 0:
			b.WriteString(indent)
			n = len(indent)
		case n+1+utf8.RuneCountInString(word) > width:
			b.WriteString("\n")
			b.WriteString(indent)
			n = len(indent)
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += utf8.RuneCountInString(word)
	}
	if n > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// DatasetsExportOptions are the options of "ecosys datasets export".
type DatasetsExportOptions struct {
	IO    *IOStreams
	Name  string // a data set, or "datapackage"; empty with All
	All   bool   // export every resource and datapackage.json into Out
	Out   string // file (or directory with All); empty or "-" for stdout
	Force bool   // overwrite existing files
}

// NewCmdDatasetsExport returns the "datasets export" command. If runF is not
// nil, it is called with the parsed options instead of running the command.
func NewCmdDatasetsExport(f *Factory, runF func(*DatasetsExportOptions) error) *cobra.Command {
	opts := &DatasetsExportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "export {<name> | --all} [--out <path>]",
		Short: "Write a data set's CSV file, byte for byte",
		Long: `Write the CSV file of a data set exactly as embedded (its SHA-256 hash is
the one "ecosys datasets show" prints) to standard output, or to a file
with --out. The name "datapackage" exports the descriptor,
datapackage.json.

With --all, write the whole data package into the directory given by
--out, laid out as the descriptor expects: <dir>/datapackage.json and
<dir>/data/*.csv. The directory is created if needed.

Existing files are not overwritten unless --force is given. Each file is
written to a temporary file first and renamed into place, so an
interrupted export never leaves a partial file.`,
		Example: `  ecosys datasets export isoon-ledger > ledger.csv
  ecosys datasets export isoon-entities --out entities.csv
  ecosys datasets export --all --out isoon/ --force`,
		Args:              maxArgs(1),
		ValidArgsFunction: completeDatasetNames(true),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Name = args[0]
			}
			switch {
			case opts.All && opts.Name != "":
				return FlagErrorf("give a data set name or --all, not both")
			case opts.All && (opts.Out == "" || opts.Out == "-"):
				return FlagErrorf("--all needs --out <dir>")
			case !opts.All && opts.Name == "":
				return FlagErrorf("missing data set name (or --all); see 'ecosys datasets list'")
			case opts.Force && (opts.Out == "" || opts.Out == "-"):
				return FlagErrorf("--force needs --out")
			}
			if opts.Name != "" {
				if err := checkDatasetName(opts.Name, true); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return datasetsExportRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "Export every data set and datapackage.json into the --out directory")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "Write to `path` (a directory with --all) instead of standard output")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "Overwrite existing files")
	return cmd
}

func datasetsExportRun(opts *DatasetsExportOptions) error {
	if opts.All {
		return exportAll(opts)
	}
	data, err := datasets.ReadFile(opts.Name)
	if err != nil {
		return err
	}
	if opts.Out == "" || opts.Out == "-" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := writeFileAtomic(opts.Out, data, opts.Force); err != nil {
		return err
	}
	if opts.IO.IsTTY {
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d bytes)\n", opts.Out, len(data))
	}
	return nil
}

// exportAll writes the data package into the directory opts.Out, every file
// or none if one of them exists and opts.Force is not set.
func exportAll(opts *DatasetsExportOptions) error {
	rs, err := datasets.List()
	if err != nil {
		return err
	}
	type file struct {
		name, path string
	}
	// Data first, descriptor last: a datapackage.json on disk means its
	// files are there too.
	var files []file
	for _, r := range rs {
		if !filepath.IsLocal(r.Path) {
			return fmt.Errorf("datasets: resource %s has a non-local path %q", r.Name, r.Path)
		}
		files = append(files, file{r.Name, filepath.Join(opts.Out, filepath.FromSlash(r.Path))})
	}
	files = append(files, file{packageName, filepath.Join(opts.Out, "datapackage.json")})

	if !opts.Force {
		for _, f := range files {
			if _, err := os.Lstat(f.path); err == nil {
				return &existsError{f.path}
			}
		}
	}
	for _, f := range files {
		data, err := datasets.ReadFile(f.name)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return err
		}
		if err := writeFileAtomic(f.path, data, opts.Force); err != nil {
			return err
		}
		if opts.IO.IsTTY {
			fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%d bytes)\n", f.path, len(data))
		}
	}
	return nil
}
