package network

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// csvTable reads a CSV file with a header row. It strips a UTF-8 byte order
// mark, maps column aliases to their canonical names, checks for required
// and duplicate columns, skips rows whose cells are all blank, and locates
// every cell for error messages.
type csvTable struct {
	name   string
	r      *csv.Reader
	col    map[string]int // canonical column name -> index
	record []string
	errs   ErrorList
}

const bom = "\uFEFF"

// maxFieldBytes bounds a single cell, so that a corrupt file cannot make the
// reader hold an unbounded string.
const maxFieldBytes = 1 << 20

// newCSVTable reads the header. aliases maps accepted alternative column
// names to canonical ones. Columns that are neither required nor known are
// ignored.
func newCSVTable(name string, r io.Reader, required []string, aliases map[string]string) (*csvTable, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		br.Discard(len(bom))
	}
	t := &csvTable{name: name, r: csv.NewReader(br), col: map[string]int{}}
	t.r.ReuseRecord = true
	header, err := t.r.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Line: 1, Err: errors.New("empty file: no header row")}
	}
	if err != nil {
		return nil, t.parseError(err)
	}
	firstAt := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if c, ok := aliases[key]; ok {
			key = c
		}
		if key == "" {
			continue
		}
		if j, dup := firstAt[key]; dup {
			return nil, &InputError{File: name, Line: 1, Column: t.pos(i), Field: key, Err: ErrDuplicateColumn,
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
		return nil, &InputError{File: name, Line: 1, Field: strings.Join(missing, ", "), Err: ErrMissingColumn}
	}
	return t, nil
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
// the file, after a syntax error, or when too many errors were collected.
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
					Err: fmt.Errorf("wrong number of fields: %d, the header has %d", len(rec), len(t.col))})
				continue
			}
			t.errs = append(t.errs, t.parseError(err))
			return false
		}
		blank := true
		for i, f := range rec {
			if len(f) > maxFieldBytes {
				t.errs = append(t.errs, &InputError{File: t.name, Line: t.line(), Column: t.pos(i),
					Err: fmt.Errorf("field longer than %d bytes", maxFieldBytes)})
				return false
			}
			if strings.TrimSpace(f) != "" {
				blank = false
			}
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

// get returns the trimmed cell of the column in the current record, or "" if
// the file has no such column.
func (t *csvTable) get(col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(t.record) {
		return ""
	}
	return strings.TrimSpace(t.record[i])
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
