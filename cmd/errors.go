package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// ExitCode is the exit status of the ecosys process.
type ExitCode int

// Exit statuses of ecosys. Every error maps to exactly one of them, in Run.
const (
	// ExitOK means the command succeeded.
	ExitOK ExitCode = 0
	// ExitError means a runtime failure: a file could not be written, a
	// file already exists, an internal error.
	ExitError ExitCode = 1
	// ExitUsage means a bad command line: an unknown command or flag, a bad
	// flag value, a wrong number of arguments. The message is followed by
	// one line naming the command's help.
	ExitUsage ExitCode = 2
	// ExitData means bad input data: the message locates the problem as
	// "file:line: column N (header)".
	ExitData ExitCode = 3
)

// issuesURL is where users report internal errors.
const issuesURL = "https://github.com/ecosys-sna/ecosys/issues"

// FlagError is an error in the command line: an unknown flag, a bad flag
// value, a missing or extra argument. Run prints it with a hint to the
// command's --help and exits with ExitUsage.
type FlagError struct {
	Err error
}

// Error returns the message of the underlying error.
func (e *FlagError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf returns a *FlagError with a formatted message. As with
// fmt.Errorf, a %w verb wraps its operand.
func FlagErrorf(format string, a ...any) error {
	return &FlagError{Err: fmt.Errorf(format, a...)}
}

// dataError is implemented by errors caused by input data, such as
// *network.InputError and network.ErrorList. Only a true result counts.
type dataError interface {
	DataError() bool
}

// isDataError reports whether err's chain holds a data error.
func isDataError(err error) bool {
	var de dataError
	return errors.As(err, &de) && de.DataError()
}

// Main runs ecosys with the process's arguments and standard streams and
// returns its exit status. It is the whole of cmd/ecosys's main.
func Main() ExitCode {
	f := &Factory{
		IO:      System(),
		Version: resolveVersion(Version, debug.ReadBuildInfo),
		Now:     time.Now,
	}
	return Run(os.Args[1:], f)
}

// Run builds the command tree, runs it with args (the arguments after the
// program name) and returns the exit status. It prints every error exactly
// once to f.IO.ErrOut: data errors as their own message (which begins with
// file:line), other errors as "ecosys: <message>", and usage errors
// followed by one line, "Run 'ecosys <command> --help' for usage.", for
// the command they concern (the whole help would bury the message). A panic in a command is
// reported as an internal error, without a stack trace, and exits with
// ExitError.
func Run(args []string, f *Factory) ExitCode {
	return run(args, f, NewCmdRoot)
}

// run is Run with the constructor of the root command as a parameter, so
// that tests can add commands that fail in every way.
func run(args []string, f *Factory, newRoot func(*Factory) *cobra.Command) (code ExitCode) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(f.IO.ErrOut, "ecosys: internal error: %v\n", r)
			fmt.Fprintf(f.IO.ErrOut, "This is a bug in ecosys. Please report it at %s\nwith the command you ran and the output of \"ecosys version\".\n", issuesURL)
			code = ExitError
		}
	}()
	if args == nil {
		args = []string{} // cobra reads os.Args when the args are nil
	}
	root := newRoot(f)
	root.SetArgs(args)
	c, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	return printError(f.IO.ErrOut, c, err)
}

// printError prints err once to w and returns its exit status. c is the
// command the error concerns; a usage error is followed by a hint to its
// --help.
func printError(w io.Writer, c *cobra.Command, err error) ExitCode {
	msg := strings.TrimRight(err.Error(), "\n")
	var flagErr *FlagError
	switch {
	case errors.As(err, &flagErr):
		fmt.Fprintf(w, "ecosys: %s\n", msg)
		if c != nil {
			fmt.Fprintf(w, "Run '%s --help' for usage.\n", helpPath(c))
		}
		return ExitUsage
	case isDataError(err):
		fmt.Fprintln(w, msg)
		return ExitData
	default:
		fmt.Fprintf(w, "ecosys: %s\n", msg)
		return ExitError
	}
}

// helpPath is the command whose --help a usage error points to: c, or
// the root for an error of "ecosys help" itself.
func helpPath(c *cobra.Command) string {
	if c.Name() == "help" && c.HasParent() {
		c = c.Parent()
	}
	return c.CommandPath()
}
