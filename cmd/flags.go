package cmd

import (
	"fmt"
	"strconv"
	"strings"

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
