package cmd

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// execute runs c alone (as its own root) with the space-separated argv, the
// way Run would: flag errors are *FlagError and nothing is printed.
func execute(c *cobra.Command, argv string) error {
	c.SetArgs(append([]string{}, strings.Fields(argv)...))
	c.SetOut(io.Discard)
	c.SetErr(io.Discard)
	c.SetFlagErrorFunc(flagError)
	c.SilenceErrors = true
	c.SilenceUsage = true
	_, err := c.ExecuteC()
	return err
}

// checkErr checks err against a wanted message: "" means no error; any other
// value must be a *FlagError (exit status 2) whose message contains it.
func checkErr(t *testing.T, err error, want string) bool {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
		}
		return err == nil
	}
	var fe *FlagError
	switch {
	case err == nil:
		t.Errorf("no error, want %q", want)
	case !errors.As(err, &fe):
		t.Errorf("error %q is %T, want *FlagError", err, err)
	case !strings.Contains(err.Error(), want):
		t.Errorf("error %q, want it to contain %q", err, want)
	}
	return false
}
