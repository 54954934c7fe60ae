package cmd

import (
	"bytes"
	"io"
	"os"
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
}

// System returns the process's standard streams. IsTTY is true when standard
// output is a character device (a terminal).
func System() *IOStreams {
	tty := false
	if fi, err := os.Stdout.Stat(); err == nil {
		tty = fi.Mode()&os.ModeCharDevice != 0
	}
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, IsTTY: tty}
}

// Test returns streams for tests: an empty input, buffers that capture
// standard output and standard error, and IsTTY false.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: &bytes.Buffer{}, Out: out, ErrOut: errOut}, out, errOut
}
