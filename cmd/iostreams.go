package cmd

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the standard streams a command reads and writes. Results go
// to Out, progress and warnings to ErrOut. IsTTY reports whether Out is a
// terminal: commands print padded tables and status lines only when it is,
// and plain tab-separated values otherwise.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	IsTTY  bool
	// ErrTTY reports whether ErrOut is a terminal: progress bars are drawn
	// only then.
	ErrTTY bool
}

// System returns the process's standard streams. IsTTY is true when standard
// output is a terminal.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, IsTTY: isTerminal(os.Stdout), ErrTTY: isTerminal(os.Stderr)}
}

// isTerminal reports whether f is a terminal (golang.org/x/term; a
// character device such as /dev/null is not one).
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// Test returns streams for tests: an empty input, buffers that capture
// standard output and standard error, and IsTTY false.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: &bytes.Buffer{}, Out: out, ErrOut: errOut}, out, errOut
}
