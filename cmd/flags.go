package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// floatListFlag is the value of a flag that takes comma-separated
// numbers (--fractions 0.1,0.3). Unlike pflag's Float64Slice, help shows
// its type as "list" and its default as the user would type it
// ("0,0.1,0.2"), not as "float64Slice" and "[0.000000,0.100000,…]".
// A value given on the command line replaces the default; the flag may
// be repeated to add numbers.
type floatListFlag struct {
	p       *[]float64
	changed bool
}

// newFloatListFlag returns a floatListFlag that stores into p, set to def.
func newFloatListFlag(p *[]float64, def []float64) *floatListFlag {
	*p = append([]float64(nil), def...)
	return &floatListFlag{p: p}
}

func (f *floatListFlag) String() string {
	if f == nil || f.p == nil {
		return ""
	}
	s := make([]string, len(*f.p))
	for i, x := range *f.p {
		s[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strings.Join(s, ",")
}

func (f *floatListFlag) Set(v string) error {
	var out []float64
	for _, s := range strings.Split(v, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", s)
		}
		out = append(out, x)
	}
	if !f.changed {
		*f.p = nil
		f.changed = true
	}
	*f.p = append(*f.p, out...)
	return nil
}

func (f *floatListFlag) Type() string { return "list" }

var _ pflag.Value = (*floatListFlag)(nil)

// delimiterFlag is the value of --delimiter: the field separator of the
// input CSV files, one of csvio.Delimiters, written as the character
// itself or, for a tab, as '\t' or "tab".
type delimiterFlag struct{ p *rune }

func (f delimiterFlag) String() string {
	if f.p == nil || *f.p == 0 {
		return ""
	}
	if *f.p == '\t' {
		return `\t`
	}
	return string(*f.p)
}

func (f delimiterFlag) Set(v string) error {
	switch v {
	case `\t`, "tab", "\t":
		*f.p = '\t'
		return nil
	case ",", ";", "|":
		*f.p = rune(v[0])
		return nil
	}
	return fmt.Errorf(`want , ; | or \t (tab)`)
}

func (f delimiterFlag) Type() string { return "char" }

// addDelimiterFlag adds --delimiter, which every command that reads CSV
// files of the user's (--ledger, --entities, --edges, --nodes) takes.
func addDelimiterFlag(c *cobra.Command, p *rune) {
	c.Flags().Var(delimiterFlag{p}, "delimiter", `Field separator of the input CSV files: , ; | or \t (default: comma, or tab when the header has tabs and no comma)`)
	_ = c.RegisterFlagCompletionFunc("delimiter", cobra.FixedCompletions([]string{",", ";", "|", `\t`}, cobra.ShellCompDirectiveNoFileComp))
}
