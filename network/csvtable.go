package network

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode"
)

// csvTable reads a CSV file with a header row. It converts the text to
// UTF-8 (toUTF8), maps column aliases to their canonical names, checks for
// required and duplicate columns, skips rows whose cells are all blank, and
// locates every cell for error messages.
type csvTable struct {
	name   string
	r      *csv.Reader
	header []string       // the header cells, trimmed and lower-cased
	col    map[string]int // canonical column name -> index
	record []string
	errs   ErrorList
}

const bom = "\uFEFF"

// Limits of the table readers. The readers hold a whole file in memory, so
// that they can check and convert its encoding before parsing it; the limits
// keep a corrupt or wrong file from exhausting memory. Input over a limit is
// refused with an InputError that wraps ErrTooLarge (file and field) or
// ErrTooManyColumns.
const (
	// MaxFileBytes is the largest file the buffering readers accept: 1 GiB.
	// Ledgers and edge lists read from a file in plain UTF-8 are streamed
	// instead (csvstream.go) and have no size limit.
	MaxFileBytes = 1 << 30
	// MaxFieldBytes is the longest cell: 1 MiB.
	MaxFieldBytes = 1 << 20
	// MaxColumns is the largest number of columns of a header row.
	MaxColumns = 1000
)

// ErrTooLarge is wrapped by the errors of a file over MaxFileBytes and of a
// cell over MaxFieldBytes. Like every limit error of the readers, it also
// matches ErrLimit with errors.Is.
var ErrTooLarge error = limitError("too large")

// limitError is a limit error of the CSV readers; it unwraps to ErrLimit,
// the sentinel the graph file readers use, so one errors.Is test catches
// every limit.
type limitError string

func (e limitError) Error() string { return string(e) }
func (e limitError) Unwrap() error { return ErrLimit }

// fileLimit is MaxFileBytes, lowered by tests.
var fileLimit int64 = MaxFileBytes

// readCSVTable reads the header. aliases maps accepted alternative column
// names to canonical ones. Columns that are neither required nor known are
// ignored. It reads the whole of r, which
// must hold at most MaxFileBytes, and converts it to UTF-8 (toUTF8). A
// file whose lines end in "\r" alone (classic Mac OS) has them turned
// into "\n", with a warning. A file whose first line has tabs and no comma
// is read as tab-separated (Excel's "Unicode text" is UTF-16 with tabs).
func readCSVTable(name string, r io.Reader, required []string, aliases map[string]string, opt ReadOptions) (*csvTable, error) {
	tooLarge := &InputError{File: name, Err: fmt.Errorf("file %w: over %s, the limit of the readers; split it or keep only the rows you need", ErrTooLarge, byteSize(fileLimit))}
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > fileLimit {
			return nil, tooLarge
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, fileLimit+1))
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	if int64(len(data)) > fileLimit {
		return nil, tooLarge
	}
	if data, err = toUTF8(name, data, opt); err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
		opt.warn("%s: line ends converted from \"\\r\" (classic Mac OS) to \"\\n\"", name)
	}

	t := &csvTable{name: name, r: csv.NewReader(bytes.NewReader(data)), col: map[string]int{}}
	t.r.ReuseRecord = true
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	if bytes.IndexByte(first, '\t') >= 0 && bytes.IndexByte(first, ',') < 0 {
		t.r.Comma = '\t' // tab-separated, as Excel's "Unicode text"
	}
	header, err := t.r.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Line: 1, Err: errors.New("empty file: no header row")}
	}
	if err != nil {
		return nil, t.parseError(err)
	}
	if err := t.readHeader(header, required, aliases); err != nil {
		return nil, err
	}
	return t, nil
}

// readHeader takes the header row of t: column names lose surrounding
// white space and case, aliases map to canonical names, and it is an
// error if the row has more than MaxColumns cells, a cell over
// MaxFieldBytes, a name twice, or no column for a required name.
func (t *csvTable) readHeader(header, required []string, aliases map[string]string) error {
	if len(header) > MaxColumns {
		return &InputError{File: t.name, Line: 1, Column: t.pos(MaxColumns),
			Err: fmt.Errorf("%w: %d, the limit is %d", ErrTooManyColumns, len(header), MaxColumns)}
	}
	firstAt := map[string]int{}
	for i, h := range header {
		if len(h) > MaxFieldBytes {
			return t.fieldTooLarge(i)
		}
		key := strings.ToLower(trim(h))
		t.header = append(t.header, key)
		if c, ok := aliases[key]; ok {
			key = c
		}
		if key == "" {
			continue
		}
		if j, dup := firstAt[key]; dup {
			return &InputError{File: t.name, Line: 1, Column: t.pos(i), Field: key, Err: ErrDuplicateColumn,
				Other: fmt.Sprintf("column %d", j+1)}
		}
		firstAt[key] = i
		t.col[key] = i
	}
	var missing []string
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return &InputError{File: t.name, Line: 1, Field: strings.Join(missing, ", "), Err: ErrMissingColumn}
	}
	return nil
}

// ErrTooManyColumns is wrapped by the error of a header row with more than
// MaxColumns cells.
var ErrTooManyColumns error = limitError("too many columns")

// trim removes white space (including the ideographic space U+3000) and
// byte order marks from both ends of a cell.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
}

// fieldTooLarge returns the error of field i of the current record.
func (t *csvTable) fieldTooLarge(i int) *InputError {
	line, col := t.r.FieldPos(i)
	return &InputError{File: t.name, Line: line, Column: col,
		Err: fmt.Errorf("field %w: over %s", ErrTooLarge, byteSize(MaxFieldBytes))}
}

// byteSize formats n bytes in GiB or MiB when it is a whole number of them.
func byteSize(n int64) string {
	switch {
	case n > 0 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// pos returns the 1-based column of field i of the current record.
func (t *csvTable) pos(i int) int {
	_, c := t.r.FieldPos(i)
	return c
}

// parseError converts an encoding/csv error into an InputError.
func (t *csvTable) parseError(err error) *InputError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &InputError{File: t.name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return &InputError{File: t.name, Err: err}
}

// next advances to the next non-blank record. It returns false at the end of
// the file, after a syntax error, or when too many errors were collected. A
// row that repeats the header (two files joined together, say) is an error.
func (t *csvTable) next() bool {
	for len(t.errs) < MaxErrors {
		rec, err := t.r.Read()
		if err == io.EOF {
			return false
		}
		if err != nil {
			if errors.Is(err, csv.ErrFieldCount) {
				line, _ := t.r.FieldPos(0)
				t.errs = append(t.errs, &InputError{File: t.name, Line: line,
					Err: fmt.Errorf("wrong number of fields: %d, the header has %d", len(rec), len(t.header))})
				continue
			}
			t.errs = append(t.errs, t.parseError(err))
			return false
		}
		blank, header := true, len(t.header) > 1
		for i, f := range rec {
			if len(f) > MaxFieldBytes {
				t.errs = append(t.errs, t.fieldTooLarge(i))
				return false
			}
			f = trim(f)
			if f != "" {
				blank = false
			}
			if header && strings.ToLower(f) != t.header[i] {
				header = false
			}
		}
		if header {
			t.errs = append(t.errs, &InputError{File: t.name, Line: t.line(),
				Err: errors.New("the header row is repeated here: were two files joined together? Remove this line")})
			continue
		}
		if !blank {
			t.record = rec
			return true
		}
	}
	return false
}

// line returns the line on which the current record starts.
func (t *csvTable) line() int {
	l, _ := t.r.FieldPos(0)
	return l
}

// has reports whether the file has the column.
func (t *csvTable) has(col string) bool {
	_, ok := t.col[col]
	return ok
}

// get returns the cell of the column in the current record, trimmed of
// white space and byte order marks, or "" if the file has no such column.
func (t *csvTable) get(col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(t.record) {
		return ""
	}
	return trim(t.record[i])
}

// fail records an error in the cell of col.
func (t *csvTable) fail(col string, value string, err error) {
	e := &InputError{File: t.name, Line: t.line(), Field: col, Value: value, Err: err}
	if i, ok := t.col[col]; ok && i < len(t.record) {
		e.Line, e.Column = t.r.FieldPos(i)
	}
	t.errs = append(t.errs, e)
}

// require returns the cell of col, recording an error if it is empty.
func (t *csvTable) require(col string) string {
	v := t.get(col)
	if v == "" {
		t.fail(col, "", ErrEmpty)
	}
	return v
}

// enum returns the cell of col if it is one of allowed (or def when empty),
// recording an error otherwise.
func enum[T ~string](t *csvTable, col string, def T, allowed []T) T {
	v := t.get(col)
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if string(a) == v {
			return a
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	t.fail(col, v, fmt.Errorf("%w: want one of %s", ErrBadEnum, strings.Join(names, ", ")))
	return def
}

// columnsExcept returns the canonical column names in header order, less
// the given ones.
func (t *csvTable) columnsExcept(skip ...string) []string {
	var out []string
	for name := range t.col {
		if !slices.Contains(skip, name) {
			out = append(out, name)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return t.col[a] - t.col[b] })
	return out
}
