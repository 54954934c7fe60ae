// Package cmd implements the ecosys command line: the command tree, its
// options and run functions, and the mapping of errors to exit codes.
//
// Each command follows one pattern. An Options struct holds everything the
// command needs (its IOStreams and its parsed flags and arguments);
// NewCmdX(f, runF) builds the cobra command, whose RunE only fills the
// options and then calls runF when a test supplied one, or the unexported
// xRun(opts) otherwise. The logic lives in xRun, which knows nothing about
// cobra. Results go to IOStreams.Out, warnings and progress to
// IOStreams.ErrOut; nothing writes to os.Stdout or os.Stderr directly.
//
// Errors are returned, never printed, by commands. [Run] prints each error
// exactly once and maps it to an [ExitCode]: a [*FlagError] to [ExitUsage],
// an error whose chain holds a value with a DataError() bool method that
// returns true (such as *network.InputError) to [ExitData], and anything else
// to [ExitError].
//
// The binary is cmd/ecosys, whose main is os.Exit(int(cmd.Main())).
package cmd
