package network

import (
	"errors"
	"fmt"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// The error types and sentinel errors of the readers are defined in the
// internal package csvio, which every reader of the module shares (the
// ledger and entity readers here, the case data reader of package cases,
// the graph readers of package graphio). They are re-exported here, so
// that errors.Is and errors.As work with these names whichever package
// returned the error.

// InputError is an error in input data, located by file, line and column
// (all 1-based; 0 when not known):
//
//	type InputError struct {
//		File   string
//		Line   int
//		Column int    // the field's position in its CSV record
//		Offset int    // the byte of the line, for text that is not a CSV field
//		Field  string // the column's header
//		Value  string // the offending text
//		Other  string // a second place the error involves, such as the first definition of a duplicate key
//		Err    error  // the cause, often one of the sentinel errors below
//	}
//
// Its Error method formats it as "file:line: column N (field): what (got
// "value") (see other)", where column N is the field's 1-based position
// in its CSV record, as encoding/csv counts fields, and field its header
// (the one meaning of "column" in every message); text that is not a CSV
// field (XML, bytes that are not UTF-8) is located by Offset, the byte of
// the line, as "file:line:offset: …". Unwrap returns Err; DataError returns true, which
// the command line maps to its exit status for bad data.
type InputError = csvio.InputError

// ErrorList is a list of input errors from one file, in file order. Its
// Error method prints one error per line, and says when the list was cut
// short at MaxErrors; Unwrap returns the errors, for errors.Is and
// errors.As; DataError returns true.
type ErrorList = csvio.ErrorList

// MaxErrors is the number of errors a reader collects before it stops.
const MaxErrors = csvio.MaxErrors

// Sentinel errors wrapped by InputError, for errors.Is.
var (
	ErrMissingColumn   = csvio.ErrMissingColumn
	ErrDuplicateColumn = csvio.ErrDuplicateColumn
	ErrEmpty           = csvio.ErrEmpty
	ErrBadAmount       = csvio.ErrBadAmount
	ErrBadDate         = csvio.ErrBadDate
	ErrBadEnum         = csvio.ErrBadEnum
	ErrBadInteger      = csvio.ErrBadInteger
	ErrUnknownEntity   = csvio.ErrUnknownEntity
	ErrDuplicateKey    = csvio.ErrDuplicateKey
	ErrSelfContract    = csvio.ErrSelfContract
	ErrNoRows          = csvio.ErrNoRows
	ErrQuote           = csvio.ErrQuote
)

// ErrAmbiguousName is wrapped by the error of a party cell whose name is
// given for several ids in the aliases (ResolveParties): the reader does
// not choose among them.
var ErrAmbiguousName = errors.New("ambiguous name")

// Errors of text encoding, wrapped by InputError: text in an encoding the
// readers do not take (ErrEncoding), and data that is not text at all, such
// as an Excel workbook (ErrBinary).
var (
	ErrEncoding = csvio.ErrEncoding
	ErrBinary   = csvio.ErrBinary
)

// Limit errors. ErrLimit is wrapped by every error of input over a limit of
// the readers, those of CSV files and those of graph files (package
// graphio). ErrTooLarge, which also matches ErrLimit, is wrapped by the
// errors of a CSV file over MaxFileBytes and of a cell over MaxFieldBytes;
// ErrTooManyColumns, also an ErrLimit, by that of a header row with more
// than MaxColumns cells.
var (
	ErrLimit          = csvio.ErrLimit
	ErrTooLarge       = csvio.ErrTooLarge
	ErrTooManyColumns = csvio.ErrTooManyColumns
)

// Limits of the CSV readers. The readers hold a whole file in memory, so
// that they can check and convert its encoding before parsing it; the
// limits keep a corrupt or wrong file from exhausting memory.
const (
	// MaxFileBytes is the largest file the buffering readers accept: 1 GiB.
	// Ledgers and edge lists read from a file in plain UTF-8 are streamed
	// instead and have no size limit.
	MaxFileBytes = csvio.MaxFileBytes
	// MaxFieldBytes is the longest cell: 1 MiB.
	MaxFieldBytes = csvio.MaxFieldBytes
	// MaxColumns is the largest number of columns of a header row.
	MaxColumns = csvio.MaxColumns
)

// ReadOptions are options of the table readers (ReadContractsWithOptions,
// ReadEntitiesWithOptions, ReadLedgerWithOptions, and cases.Read).
type ReadOptions struct {
	// Warn, when not nil, is called with each warning about a file that was
	// read but changed on the way in, such as "l.csv: converted from GB18030
	// to UTF-8 (...)". The message starts with the file name. Without Warn
	// the reader makes the same changes silently.
	Warn func(msg string)
	// Aliases, when not nil, resolves the party cells of a contracts file
	// (contractor_id, signatory_id, end_user_id) that are not ids of the
	// entity table: a cell holding a known name — 天津市国家安全局, "Tianjin
	// State Security Bureau" — becomes the id it is an alias of, and a
	// warning reports each name merged, with its rows. Cells that are ids,
	// or that match no alias, are left as they are; a cell whose name is
	// given for several ids is an error listing them (ResolveParties).
	Aliases *Aliases
	// Delimiter separates the fields of the CSV files: ',' ';' '\t' or
	// '|'; 0 means a comma, or a tab when the first line has tabs and no
	// comma (csvio.Options.Delimiter).
	Delimiter rune
}

func (o ReadOptions) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// csv returns the options of the CSV plumbing (the warnings).
func (o ReadOptions) csv() csvio.Options {
	return csvio.Options{Warn: o.Warn, Delimiter: o.Delimiter}
}
