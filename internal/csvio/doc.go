// Package csvio is the CSV plumbing that every table reader of ecosys
// shares — the ledger and entity readers of package network, the edge-list
// reader of package graphio and the case data reader of package cases — and
// the located error types they all return.
//
// A Table is a CSV file with a header row, read in one of two ways.
// ReadTable reads the whole file (at most MaxFileBytes), converts its text
// to UTF-8 — from UTF-16 with a byte order mark, or from GB18030/GBK when
// the bytes are not UTF-8 and look like Chinese text — and refuses binary
// data and other encodings with an error that says how to convert the
// file. StreamTable parses a file in plain UTF-8 from a reader that can
// seek as it reads it, in one pass and without a size limit, and falls back
// to ReadTable, from the start, on anything else; the two give the same
// records, warnings and errors. Either way the header is checked (required
// columns, duplicates, column aliases, MaxColumns, MaxFieldBytes), blank
// rows are skipped, a repeated header row is an error, and every cell is
// located by line and byte column.
//
// A reader walks the records with Next and takes cells with Get, Require
// and Enum; what it finds wrong it records with Fail, as an *InputError
// naming file, line, column and field. Errors are collected, up to
// MaxErrors, into an ErrorList, so that a user sees every error of a file
// at once. The sentinel errors (ErrMissingColumn, ErrBadEnum, ErrLimit, …)
// are wrapped by InputError for errors.Is; package network re-exports the
// error types and sentinels under the same names, which is how code
// outside the module names them.
//
// The package imports only the standard library and golang.org/x/text (for
// GB18030); it imports nothing of ecosys, so that every reader may use it.
package csvio
