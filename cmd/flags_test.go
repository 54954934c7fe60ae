package cmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestFlagTypeNames checks that no flag's help shows a Go type name such
// as "float64Slice" or "strings" for its value.
func TestFlagTypeNames(t *testing.T) {
	io, _, _ := Test()
	root := NewCmdRoot(&Factory{IO: io})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			if strings.Contains(name, "Slice") || strings.Contains(name, "Array") || name == "strings" || name == "ints" {
				t.Errorf("%s --%s shows the Go type %q in help; name its value in the usage (`word`)", c.CommandPath(), f.Name, name)
			}
			if strings.Contains(f.DefValue, "000000") {
				t.Errorf("%s --%s shows its default as %s", c.CommandPath(), f.Name, f.DefValue)
			}
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

func TestFloatListFlag(t *testing.T) {
	tests := []struct {
		args    []string
		want    []float64
		wantErr string
	}{
		{nil, []float64{0, 0.5}, ""},
		{[]string{"--x", "0.1,0.3"}, []float64{0.1, 0.3}, ""},
		{[]string{"--x", "0.1", "--x", "0.2"}, []float64{0.1, 0.2}, ""},
		{[]string{"--x", "0.1,zero"}, nil, `"zero" is not a number`},
	}
	for _, tt := range tests {
		var got []float64
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fl := newFloatListFlag(&got, []float64{0, 0.5})
		fs.Var(fl, "x", "")
		if fl.String() != "0,0.5" {
			t.Errorf("default shown as %q", fl.String())
		}
		err := fs.Parse(tt.args)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: error %v, want %q", tt.args, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%v: %v", tt.args, err)
		case !slices.Equal(got, tt.want):
			t.Errorf("%v: %v, want %v", tt.args, got, tt.want)
		}
	}
}
