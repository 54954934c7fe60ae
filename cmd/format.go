package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/ecosys-sna/ecosys/internal/numfmt"
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

// colKind says how a table column's cells read for people.
type colKind uint8

const (
	// textCol cells are printed as they are.
	textCol colKind = iota
	// numberCol cells are numbers at full precision (strconv 'g', -1):
	// tables and markdown show them by numfmt.Readable (4 significant
	// digits, whole integral parts grouped in thousands); a cell that is
	// not a number ("NA", "") is printed as it is.
	numberCol
	// amountCol cells are exact decimal amounts ("8270500.00"): tables and
	// markdown group their thousands, never rounding them. A column whose
	// header ends in "_cny" is an amount column unless told otherwise.
	amountCol
)

// writeTable writes a table with a header row in the given format:
//
//   - table: on a terminal (tty), columns padded with spaces to the
//     display width of their widest cell (a Chinese character is two
//     columns wide) under an upper-case header; otherwise tab-separated
//     values with the header as given, tabs and line breaks in cells
//     replaced by spaces;
//   - csv: RFC 4180 (encoding/csv), LF line endings;
//   - markdown: a GitHub table, with | escaped and line breaks replaced by
//     spaces.
//
// Amount columns (header ending in "_cny") are grouped in thousands in
// the table and markdown formats; CSV keeps every cell as given. JSON is
// not a table: commands write it from their own structs.
func writeTable(w io.Writer, format string, header []string, rows [][]string, tty bool) error {
	return writeTableKinds(w, format, header, nil, rows, tty)
}

// writeTableKinds is writeTable with the kind of each column (nil, or
// shorter than the header: the rest are text, or amounts by their
// header). Rows hold full precision; the table and markdown formats show
// numbers and amounts for people (colKind), CSV as they are.
func writeTableKinds(w io.Writer, format string, header []string, kinds []colKind, rows [][]string, tty bool) error {
	switch format {
	case FormatTable:
		rows = readableCells(header, kinds, rows)
		if !tty {
			return writeTSV(w, header, rows)
		}
		upper := make([]string, len(header))
		for i, h := range header {
			upper[i] = strings.ToUpper(h)
		}
		return writePadded(w, upper, rows)
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		return cw.WriteAll(rows)
	case FormatMarkdown:
		return writeMarkdown(w, header, readableCells(header, kinds, rows))
	default:
		return fmt.Errorf("cannot write a table as %q", format)
	}
}

// numberKinds returns the kinds of a table whose first text columns are
// followed by number columns: text for the first n, number for the rest
// of width columns.
func numberKinds(text, width int) []colKind {
	k := make([]colKind, width)
	for i := text; i < width; i++ {
		k[i] = numberCol
	}
	return k
}

// readableCells returns rows with the cells of number and amount columns
// formatted for people (numfmt); rows itself is not changed.
func readableCells(header []string, kinds []colKind, rows [][]string) [][]string {
	kind := make([]colKind, len(header))
	some := false
	for i, h := range header {
		if i < len(kinds) {
			kind[i] = kinds[i]
		}
		if kind[i] == textCol && strings.HasSuffix(h, "_cny") {
			kind[i] = amountCol
		}
		some = some || kind[i] != textCol
	}
	if !some {
		return rows
	}
	out := make([][]string, len(rows))
	for r, row := range rows {
		out[r] = slices.Clone(row)
		for i, c := range row {
			if i < len(kind) {
				out[r][i] = readableCell(kind[i], c)
			}
		}
	}
	return out
}

// readableCell formats one cell of a number or amount column.
func readableCell(k colKind, s string) string {
	switch k {
	case numberCol:
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return numfmt.Readable(x)
		}
	case amountCol:
		return numfmt.Group(s)
	}
	return s
}

// writePadded writes the header and rows in columns padded with spaces
// to the display width of the widest cell (runewidth: a CJK character
// takes two columns of a terminal, so counting characters or bytes, as
// text/tabwriter does, makes the columns after a Chinese name drift), two
// spaces apart, with no padding after the last column.
func writePadded(w io.Writer, header []string, rows [][]string) error {
	all := append([][]string{header}, rows...)
	var width []int
	for _, row := range all {
		for i, c := range row {
			c = cellReplacer.Replace(c)
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range all {
		for i, c := range row {
			c = cellReplacer.Replace(c)
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-runewidth.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
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
