package csvio

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors wrapped by InputError, for errors.Is. Package network
// re-exports them (network.ErrMissingColumn, …); use those names outside
// the module's internal packages.
var (
	ErrMissingColumn   = errors.New("required column missing")
	ErrDuplicateColumn = errors.New("duplicate column name")
	ErrEmpty           = errors.New("empty value")
	ErrBadAmount       = errors.New("invalid amount")
	ErrBadDate         = errors.New("invalid date")
	ErrBadEnum         = errors.New("value not allowed")
	ErrBadInteger      = errors.New("invalid integer")
	ErrUnknownEntity   = errors.New("unknown entity")
	ErrDuplicateKey    = errors.New("duplicate key")
	ErrSelfContract    = errors.New("contractor and end user are the same party")
	ErrNoRows          = errors.New("no data rows")
	// ErrQuote is a quoted field that is never closed, or a quote where
	// CSV allows none.
	ErrQuote = errors.New("bad quoting")
)

// Errors of text encoding, wrapped by InputError.
var (
	ErrEncoding = errors.New("invalid text encoding")
	ErrBinary   = errors.New("not a CSV text file")
)

// ErrLimit is wrapped by every error of input over a limit of the readers:
// of the CSV readers (ErrTooLarge, ErrTooManyColumns) and of the graph
// file readers of package graphio. One errors.Is test catches them all.
var ErrLimit = errors.New("limit exceeded")

// ErrTooLarge is wrapped by the errors of a file over MaxFileBytes and of a
// cell over MaxFieldBytes. Like every limit error of the readers, it also
// matches ErrLimit with errors.Is.
var ErrTooLarge error = limitError("too large")

// ErrTooManyColumns is wrapped by the error of a header row with more than
// MaxColumns cells.
var ErrTooManyColumns error = limitError("too many columns")

// limitError is a limit error of the CSV readers; it unwraps to ErrLimit.
type limitError string

func (e limitError) Error() string { return string(e) }
func (e limitError) Unwrap() error { return ErrLimit }

// InputError is an error in input data, located by file and line.
//
// "Column" has one meaning in every message of ecosys: the 1-based
// position of a field in its CSV record, as encoding/csv counts fields,
// named by the field's header: "e.csv:3: column 2 (target): …". Column is
// that position (0 when not known or not a CSV field) and Field the
// header's name. Offset is for text that is not a CSV field (an XML
// element, a byte that is not UTF-8): the 1-based byte of the line,
// printed compiler-style as "file:line:offset:"; it is 0 for CSV cells.
// Value is the offending text. Other, when set, names a second place
// that the error involves (the first definition of a duplicate key, say).
type InputError struct {
	File   string
	Line   int
	Column int
	Offset int
	Field  string
	Value  string
	Other  string
	Err    error
}

// Error formats the error as "file:line: column N (field): what (got
// "value")", or "file:line:offset: field: what" for text that is not a
// CSV field, leaving out what is not known.
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Offset > 0 {
			fmt.Fprintf(&b, ":%d", e.Offset)
		}
	}
	b.WriteString(": ")
	switch {
	case e.Column > 0 && e.Field != "":
		fmt.Fprintf(&b, "column %d (%s): ", e.Column, e.Field)
	case e.Column > 0:
		fmt.Fprintf(&b, "column %d: ", e.Column)
	case e.Field != "":
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Value != "" {
		fmt.Fprintf(&b, " (got %q)", e.Value)
	}
	if e.Other != "" {
		fmt.Fprintf(&b, " (see %s)", e.Other)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// DataError marks the error as caused by input data (the command line maps
// such errors to their own exit status).
func (e *InputError) DataError() bool { return true }

// MaxErrors is the number of errors a reader collects before it stops.
const MaxErrors = 20

// ErrorList is a list of input errors from one file, in file order.
type ErrorList []*InputError

// Error prints one error per line, and says when the list was cut short.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	s := strings.Join(lines, "\n")
	if len(l) >= MaxErrors {
		s += fmt.Sprintf("\n(stopped after %d errors)", MaxErrors)
	}
	return s
}

// Unwrap returns the errors of the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// DataError marks the list as caused by input data.
func (l ErrorList) DataError() bool { return true }
