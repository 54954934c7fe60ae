package csvio

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
	"unicode/utf8"
)

// Options are the options of the table readers.
type Options struct {
	// Warn, when not nil, is called with each warning about a file that was
	// read but changed on the way in, such as "l.csv: converted from GB18030
	// to UTF-8 (...)". The message starts with the file name. Without Warn
	// the reader makes the same changes silently.
	Warn func(msg string)
	// Delimiter separates the fields: ',' ';' '\t' or '|'. 0 means a
	// comma, or a tab when the first line has tabs and no comma (Excel's
	// "Unicode text"). A file whose header lacks a required column is
	// looked at for another separator, which the error then names.
	Delimiter rune
}

// Delimiters are the field separators Options.Delimiter accepts.
var Delimiters = []rune{',', ';', '\t', '|'}

// delimiterNames names the Delimiters in messages.
var delimiterNames = map[rune]string{',': "comma", ';': "semicolon", '\t': "tab", '|': "pipe"}

// DelimiterFlag writes d as a user types it after --delimiter: ',' or
// '\t'.
func DelimiterFlag(d rune) string {
	if d == '\t' {
		return `'\t'`
	}
	return "'" + string(d) + "'"
}

// comma returns the field separator of a file whose first line is first.
func (o Options) comma(first []byte) rune {
	if o.Delimiter != 0 {
		return o.Delimiter
	}
	if bytes.IndexByte(first, '\t') >= 0 && bytes.IndexByte(first, ',') < 0 {
		return '\t' // tab-separated, as Excel's "Unicode text"
	}
	return ','
}

// Warnf calls o.Warn, if set, with the formatted message.
func (o Options) Warnf(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// Table reads a CSV file with a header row. It converts the text to
// UTF-8 (toUTF8), maps column aliases to their canonical names, checks for
// required and duplicate columns, skips rows whose cells are all blank, and
// locates every cell for error messages. Its errors are collected, up to
// MaxErrors, by Errors.
type Table struct {
	name   string
	r      *csv.Reader
	header []string       // the header cells, trimmed and lower-cased
	col    map[string]int // canonical column name -> index
	record []string
	errs   ErrorList
	// data is the whole text of a buffered table, to locate quoting
	// errors; nil for a streamed one, which leaves them to ReadTable
	// (retry).
	data  []byte
	retry bool
}

const bom = "\uFEFF"

// Limits of the table readers. The buffering reader (ReadTable) holds a
// whole file in memory, so that it can check and convert its encoding
// before parsing it; the limits keep a corrupt or wrong file from
// exhausting memory. Input over a limit is refused with an InputError that
// wraps ErrTooLarge (file and field) or ErrTooManyColumns.
const (
	// MaxFileBytes is the largest file the buffering reader accepts: 1 GiB.
	// Files in plain UTF-8 read by StreamTable from a reader that can seek
	// are streamed instead and have no size limit.
	MaxFileBytes = 1 << 30
	// MaxFieldBytes is the longest cell: 1 MiB.
	MaxFieldBytes = 1 << 20
	// MaxColumns is the largest number of columns of a header row.
	MaxColumns = 1000
)

// fileLimit is MaxFileBytes, lowered by tests.
var fileLimit int64 = MaxFileBytes

// ReadTable reads the header of the CSV file in r, named name in errors.
// Column names lose surrounding white space and case; aliases maps
// accepted alternative column names to canonical ones; every name of
// required must be a column. Columns that are neither required nor known
// are kept, for Get and ColumnsExcept.
//
// ReadTable reads the whole of r, which must hold at most MaxFileBytes,
// and converts it to UTF-8 (toUTF8). A file whose lines end in "\r" alone
// (classic Mac OS) has them turned into "\n", with a warning. A file whose
// first line has tabs and no comma is read as tab-separated (Excel's
// "Unicode text" is UTF-16 with tabs).
func ReadTable(name string, r io.Reader, required []string, aliases map[string]string, opt Options) (*Table, error) {
	if err := validDelimiter(opt.Delimiter); err != nil {
		return nil, err
	}
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
		opt.Warnf("%s: line ends converted from \"\\r\" (classic Mac OS) to \"\\n\"", name)
	}

	t := &Table{name: name, r: csv.NewReader(bytes.NewReader(data)), col: map[string]int{}, data: data}
	t.r.ReuseRecord = true
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	t.r.Comma = opt.comma(first)
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
func (t *Table) readHeader(header, required []string, aliases map[string]string) error {
	if len(header) > MaxColumns {
		return &InputError{File: t.name, Line: 1, Column: MaxColumns + 1,
			Err: fmt.Errorf("%w: %d, the limit is %d", ErrTooManyColumns, len(header), MaxColumns)}
	}
	firstAt := map[string]int{}
	for i, h := range header {
		if len(h) > MaxFieldBytes {
			return t.fieldTooLarge(i)
		}
		key := strings.ToLower(Trim(h))
		t.header = append(t.header, key)
		if c, ok := aliases[key]; ok {
			key = c
		}
		if key == "" {
			continue
		}
		if j, dup := firstAt[key]; dup {
			return &InputError{File: t.name, Line: 1, Column: i + 1, Field: t.header[i], Err: ErrDuplicateColumn,
				Other: fmt.Sprintf("column %d (%s)", j+1, t.header[j])}
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
		err := ErrMissingColumn
		if hint := t.sniff(header, required, aliases); hint != "" {
			err = fmt.Errorf("%w: %s", ErrMissingColumn, hint)
		}
		return &InputError{File: t.name, Line: 1, Field: strings.Join(missing, ", "), Err: err}
	}
	return nil
}

// sniff says what a header without its required columns looks like when
// that explains it: a file split by another separator than the one used
// ("the file looks semicolon-separated: use --delimiter ';'"), or a
// first line that is not text.
func (t *Table) sniff(header, required []string, aliases map[string]string) string {
	line := strings.Join(header, string(t.r.Comma))
	if strings.ContainsFunc(line, func(r rune) bool { return r < ' ' && r != '\t' || r == utf8.RuneError }) {
		return "the first line is not text: the file looks binary, not CSV"
	}
	found := func(cells []string) int {
		n := 0
		for _, c := range cells {
			key := strings.ToLower(Trim(c))
			if a, ok := aliases[key]; ok {
				key = a
			}
			if slices.Contains(required, key) {
				n++
			}
		}
		return n
	}
	best, bestN := rune(0), found(header)
	for _, d := range Delimiters {
		if d == t.r.Comma {
			continue
		}
		if n := found(strings.Split(line, string(d))); n > bestN {
			best, bestN = d, n
		}
	}
	if best == 0 {
		return ""
	}
	return fmt.Sprintf("the file looks %s-separated: use --delimiter %s", delimiterNames[best], DelimiterFlag(best))
}

// validDelimiter checks Options.Delimiter.
func validDelimiter(d rune) error {
	if d == 0 || slices.Contains(Delimiters, d) {
		return nil
	}
	return fmt.Errorf("csvio: delimiter %q is not one of , ; tab |", d)
}

// Trim removes white space (including the ideographic space U+3000) and
// byte order marks from both ends of a cell.
func Trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
}

// fieldTooLarge returns the error of field i of the current record.
func (t *Table) fieldTooLarge(i int) *InputError {
	line, _ := t.r.FieldPos(i)
	return &InputError{File: t.name, Line: line, Column: i + 1, Field: t.headerName(i),
		Err: fmt.Errorf("field %w: over %s", ErrTooLarge, byteSize(MaxFieldBytes))}
}

// headerName returns the header of field i, or "" (in the header row, or
// past its end).
func (t *Table) headerName(i int) string {
	if i >= 0 && i < len(t.header) {
		return t.header[i]
	}
	return ""
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

// parseError converts an encoding/csv error into an InputError. A
// quoting error is reported where its quoted field starts (encoding/csv
// reports where it gave up, which for an unclosed quote is the end of
// the file or a later quote): located in t.data when the table has it;
// a streamed table asks for a retry by ReadTable instead.
func (t *Table) parseError(err error) *InputError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &InputError{File: t.name, Err: err}
	}
	if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		if t.data == nil {
			t.retry = true
		} else if q, ok := findQuoteError(t.data, pe.StartLine, t.r.Comma); ok {
			return &InputError{File: t.name, Line: q.line, Column: q.field, Field: t.headerName(q.field - 1), Err: fmt.Errorf("%w: %s", ErrQuote, q.msg)}
		}
		return &InputError{File: t.name, Line: pe.StartLine, Err: fmt.Errorf(`%w: a quoted field of the row that starts here is not closed, or has text after its closing quote (the reader gave up on line %d); a " inside a quoted field is written ""`, ErrQuote, pe.Line)}
	}
	return &InputError{File: t.name, Line: pe.Line, Offset: pe.Column, Err: pe.Err}
}

// Name returns the name of the file, as given to the reader.
func (t *Table) Name() string { return t.name }

// Next advances to the next non-blank record. It returns false at the end
// of the file, after a syntax error, or when MaxErrors errors were
// collected. A row that repeats the header (two files joined together,
// say) is an error.
func (t *Table) Next() bool {
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
			f = Trim(f)
			if f != "" {
				blank = false
			}
			if header && strings.ToLower(f) != t.header[i] {
				header = false
			}
		}
		if header {
			t.errs = append(t.errs, &InputError{File: t.name, Line: t.Line(),
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

// Line returns the line on which the current record starts.
func (t *Table) Line() int {
	l, _ := t.r.FieldPos(0)
	return l
}

// Pos returns the line on which the cell of col in the current record
// starts and its column, the 1-based position of the field in the record
// (see InputError), or the record's line and 0 if the file has no such
// column.
func (t *Table) Pos(col string) (line, column int) {
	if i, ok := t.col[col]; ok && i < len(t.record) {
		line, _ := t.r.FieldPos(i)
		return line, i + 1
	}
	return t.Line(), 0
}

// BytePos returns the line and 1-based byte of the line where the cell of
// col in the current record starts (encoding/csv's FieldPos), for a
// reader that locates text inside a cell; 0 for the byte if the file has
// no such column.
func (t *Table) BytePos(col string) (line, byteCol int) {
	if i, ok := t.col[col]; ok && i < len(t.record) {
		return t.r.FieldPos(i)
	}
	return t.Line(), 0
}

// Header returns the header of the column col as the file writes it
// (trimmed and lower-cased; an alias rather than the canonical name), or
// col if the file has no such column.
func (t *Table) Header(col string) string {
	if i, ok := t.col[col]; ok && i < len(t.header) {
		return t.header[i]
	}
	return col
}

// HeaderPos returns the line and column (field position) of the header
// cell of col, or 1 and 0 if the file has no such column.
func (t *Table) HeaderPos(col string) (line, column int) {
	if i, ok := t.col[col]; ok {
		return 1, i + 1
	}
	return 1, 0
}

// Has reports whether the file has the column.
func (t *Table) Has(col string) bool {
	_, ok := t.col[col]
	return ok
}

// Get returns the cell of the column in the current record, trimmed of
// white space and byte order marks, or "" if the file has no such column.
func (t *Table) Get(col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(t.record) {
		return ""
	}
	return Trim(t.record[i])
}

// Fail records an error in the cell of col of the current record and
// returns it, so that the caller can add to it (its Other field, say).
func (t *Table) Fail(col string, value string, err error) *InputError {
	e := &InputError{File: t.name, Field: t.Header(col), Value: value, Err: err}
	e.Line, e.Column = t.Pos(col)
	t.errs = append(t.errs, e)
	return e
}

// Require returns the cell of col, recording an error if it is empty.
func (t *Table) Require(col string) string {
	v := t.Get(col)
	if v == "" {
		t.Fail(col, "", ErrEmpty)
	}
	return v
}

// Enum returns the cell of col if it is one of allowed (or def when empty),
// recording an error otherwise.
func Enum[T ~string](t *Table, col string, def T, allowed []T) T {
	v := t.Get(col)
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
	t.Fail(col, v, fmt.Errorf("%w: want one of %s", ErrBadEnum, strings.Join(names, ", ")))
	return def
}

// ColumnsExcept returns the canonical column names in header order, less
// the given ones.
func (t *Table) ColumnsExcept(skip ...string) []string {
	var out []string
	for name := range t.col {
		if !slices.Contains(skip, name) {
			out = append(out, name)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return t.col[a] - t.col[b] })
	return out
}

// Errors returns the errors collected so far, in file order.
func (t *Table) Errors() ErrorList { return t.errs }
