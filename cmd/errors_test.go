package cmd

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// fakeDataError stands for *network.InputError.
type fakeDataError struct{ msg string }

func (e *fakeDataError) Error() string   { return e.msg }
func (e *fakeDataError) DataError() bool { return true }

// notDataError has a DataError method that says no.
type notDataError struct{}

func (notDataError) Error() string   { return "not data" }
func (notDataError) DataError() bool { return false }

// testRoot is NewCmdRoot plus a command "fail" that returns or panics with
// the error chosen by its argument.
func testRoot(f *Factory) *cobra.Command {
	root := NewCmdRoot(f)
	root.AddCommand(&cobra.Command{
		Use:  "fail <kind>",
		Args: exactArgs(1, "kind"),
		RunE: func(_ *cobra.Command, args []string) error {
			switch args[0] {
			case "data":
				return fmt.Errorf("reading ledger: %w", &fakeDataError{"ledger.csv:17:3: amount_cny: invalid amount (got \"1,2\")"})
			case "notdata":
				return notDataError{}
			case "plain":
				return errors.New("disk full")
			case "flag":
				return FlagErrorf("bad --%s", "thing")
			case "panic":
				var m map[string]int
				//lint:ignore SA5000 the test needs a real runtime panic to check that the command recovers from it
				m["x"] = 1 // assignment to entry in nil map
			}
			return nil
		},
	})
	return root
}

func TestRun(t *testing.T) {
	tests := []struct {
		args       string
		code       ExitCode
		stdout     string // exact, unless "*"
		stderr     string // prefix of standard error
		stderrFull bool   // stderr is exact
	}{
		{args: "fail ok", code: ExitOK, stdout: "", stderr: "", stderrFull: true},
		{args: "bogus", code: ExitUsage, stdout: "", stderr: "ecosys: unknown command \"bogus\" for \"ecosys\"\nRun 'ecosys --help' for usage.\n", stderrFull: true},
		{args: "datasest list", code: ExitUsage, stdout: "", stderr: "ecosys: unknown command \"datasest\" for \"ecosys\"; did you mean \"datasets\"?\nRun 'ecosys --help' for usage.\n", stderrFull: true},
		{args: "datasets bogus", code: ExitUsage, stdout: "", stderr: "ecosys: unknown command \"bogus\" for \"ecosys datasets\"\nRun 'ecosys datasets --help' for usage.\n", stderrFull: true},
		{args: "--bogus", code: ExitUsage, stdout: "", stderr: "ecosys: unknown flag: --bogus\nRun 'ecosys --help' for usage.\n", stderrFull: true},
		{args: "datasets list --format xml", code: ExitUsage, stdout: "", stderr: "ecosys: invalid argument \"xml\" for \"--format\" flag: must be one of table, csv, json, markdown\nRun 'ecosys datasets list --help' for usage.\n", stderrFull: true},
		{args: "fail", code: ExitUsage, stdout: "", stderr: "ecosys: missing kind\nRun 'ecosys fail --help' for usage.\n", stderrFull: true},
		{args: "fail flag", code: ExitUsage, stdout: "", stderr: "ecosys: bad --thing\nRun 'ecosys fail --help' for usage.\n", stderrFull: true},
		{args: "help bogus", code: ExitUsage, stdout: "", stderr: "ecosys: unknown help topic \"bogus\"\nRun 'ecosys --help' for usage.\n", stderrFull: true},
		{args: "fail data", code: ExitData, stdout: "", stderr: "reading ledger: ledger.csv:17:3: amount_cny: invalid amount (got \"1,2\")\n", stderrFull: true},
		{args: "fail notdata", code: ExitError, stdout: "", stderr: "ecosys: not data\n", stderrFull: true},
		{args: "fail plain", code: ExitError, stdout: "", stderr: "ecosys: disk full\n", stderrFull: true},
		{args: "fail panic", code: ExitError, stdout: "", stderr: "ecosys: internal error: assignment to entry in nil map\n" +
			"This is a bug in ecosys. Please report it at https://github.com/ecosys-sna/ecosys/issues\n" +
			"with the command you ran and the output of \"ecosys version\".\n", stderrFull: true},
		{args: "--version", code: ExitOK, stdout: "ecosys 9.9.9\n", stderr: "", stderrFull: true},
		{args: "", code: ExitOK, stdout: "*", stderr: "", stderrFull: true},
		{args: "--help", code: ExitOK, stdout: "*", stderr: "", stderrFull: true},
		{args: "help datasets list", code: ExitOK, stdout: "*", stderr: "", stderrFull: true},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			io, stdout, stderr := Test()
			f := &Factory{IO: io, Version: "9.9.9"}
			code := run(strings.Fields(tt.args), f, testRoot)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if tt.stdout != "*" && stdout.String() != tt.stdout {
				t.Errorf("stdout:\n%q\nwant:\n%q", stdout, tt.stdout)
			}
			if tt.stdout == "*" && !strings.Contains(stdout.String(), "Usage:") {
				t.Errorf("stdout has no help text:\n%s", stdout)
			}
			if tt.stderrFull && stderr.String() != tt.stderr || !strings.HasPrefix(stderr.String(), tt.stderr) {
				t.Errorf("stderr:\n%q\nwant (prefix: %v):\n%q", stderr, !tt.stderrFull, tt.stderr)
			}
			// Each message is printed once, and never a stack trace.
			if n := strings.Count(stderr.String(), "ecosys:"); n > 1 {
				t.Errorf("%d messages on stderr, want at most 1:\n%s", n, stderr)
			}
			if strings.Contains(stderr.String(), "goroutine") || strings.Contains(stderr.String(), ".go:") {
				t.Errorf("stack trace on stderr:\n%s", stderr)
			}
		})
	}
}

// TestRunPublic checks that Run itself, not only run, maps a usage error.
func TestRunPublic(t *testing.T) {
	io, stdout, stderr := Test()
	if code := Run([]string{"bogus"}, &Factory{IO: io}); code != ExitUsage {
		t.Errorf("Run(bogus) = %d, want %d", code, ExitUsage)
	}
	if stdout.Len() != 0 || !strings.HasPrefix(stderr.String(), "ecosys: unknown command") {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	// nil args must not make cobra read os.Args (the test binary's flags).
	io, stdout, _ = Test()
	if code := Run(nil, &Factory{IO: io}); code != ExitOK || !strings.Contains(stdout.String(), "Usage:") {
		t.Errorf("Run(nil) = %d, stdout %q", code, stdout)
	}
}

func TestIsDataError(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{errors.New("x"), false},
		{&fakeDataError{"x"}, true},
		{fmt.Errorf("wrapped: %w", &fakeDataError{"x"}), true},
		{errors.Join(errors.New("a"), &fakeDataError{"x"}), true},
		{notDataError{}, false},
		{&FlagError{Err: errors.New("x")}, false},
	}
	for _, tt := range tests {
		if got := isDataError(tt.err); got != tt.want {
			t.Errorf("isDataError(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
