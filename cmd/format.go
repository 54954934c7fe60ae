package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// Output formats accepted by --format.
const (
	FormatTable    = "table"    // padded on a terminal, tab-separated otherwise
	FormatCSV      = "csv"      // RFC 4180 quoting, header first
	FormatJSON     = "json"     // indented, lower_snake keys, stable order
	FormatMarkdown = "markdown" // a GitHub Markdown table
	FormatText     = "text"     // prose, for commands that print a document
)

var (
	// tableFormats are the formats of commands that print a table.
	tableFormats = []string{FormatTable, FormatCSV, FormatJSON, FormatMarkdown}
	// textFormats are the formats of commands that print a document.
	textFormats = []string{FormatText, FormatJSON}
)

// FormatFlag is the value of a --format flag (a pflag.Value): it accepts only
// the formats it was made with, and its error lists them.
type FormatFlag struct {
	p       *string
	allowed []string
}

// NewFormatFlag returns a FormatFlag that stores into p, which it sets to
// def, and accepts the allowed formats.
func NewFormatFlag(p *string, def string, allowed ...string) *FormatFlag {
	*p = def
	return &FormatFlag{p: p, allowed: allowed}
}

// String returns the current format.
func (f *FormatFlag) String() string {
	if f == nil || f.p == nil {
		return ""
	}
	return *f.p
}

// Set sets the format, or returns an error listing the allowed ones.
func (f *FormatFlag) Set(s string) error {
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("must be one of %s", strings.Join(f.allowed, ", "))
	}
	*f.p = s
	return nil
}

// Type returns "string", so that help prints the default in quotes.
func (f *FormatFlag) Type() string { return "string" }

// addFormatFlag adds --format to c, storing into p with default def, and
// completes its values in the shell.
func addFormatFlag(c *cobra.Command, p *string, def string, allowed ...string) {
	c.Flags().Var(NewFormatFlag(p, def, allowed...), "format",
		"Output format: {"+strings.Join(allowed, "|")+"}")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// writeTable writes a table with a header row in the given format:
//
//   - table: on a terminal (tty), columns padded with spaces under an
//     upper-case header; otherwise tab-separated values with the header as
//     given, tabs and line breaks in cells replaced by spaces;
//   - csv: RFC 4180 (encoding/csv), LF line endings;
//   - markdown: a GitHub table, with | escaped and line breaks replaced by
//     spaces.
//
// JSON is not a table: commands write it from their own structs.
func writeTable(w io.Writer, format string, header []string, rows [][]string, tty bool) error {
	switch format {
	case FormatTable:
		if !tty {
			return writeTSV(w, header, rows)
		}
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		upper := make([]string, len(header))
		for i, h := range header {
			upper[i] = strings.ToUpper(h)
		}
		if err := writeTSV(tw, upper, rows); err != nil {
			return err
		}
		return tw.Flush()
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		return cw.WriteAll(rows)
	case FormatMarkdown:
		return writeMarkdown(w, header, rows)
	default:
		return fmt.Errorf("cannot write a table as %q", format)
	}
}

// cellReplacer makes a cell safe for tab-separated output.
var cellReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// writeTSV writes the header and rows as tab-separated lines.
func writeTSV(w io.Writer, header []string, rows [][]string) error {
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(cellReplacer.Replace(c))
		}
		b.WriteByte('\n')
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownReplacer escapes a cell of a Markdown table.
var markdownReplacer = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

// writeMarkdown writes a GitHub Markdown table.
func writeMarkdown(w io.Writer, header []string, rows [][]string) error {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" ")
			b.WriteString(markdownReplacer.Replace(c))
			b.WriteString(" |")
		}
		b.WriteByte('\n')
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeJSON writes v as indented JSON followed by a newline, without
// escaping <, > and &.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
