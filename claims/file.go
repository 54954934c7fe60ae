package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ecosys-sna/ecosys/internal/csvio"
	"github.com/ecosys-sna/ecosys/network"
)

// Columns of a claim file: the required ones, then the optional ones.
var (
	RequiredColumns = []string{"id", "claim", "source", "expr"}
	OptionalColumns = []string{"locator", "expect", "qualifier", "tolerance", "data_is", "note"}
)

// Errors of claim files, wrapped by the *network.InputError that locates
// them.
var (
	ErrUnknownColumn = errors.New("unknown column")
	ErrBadNumber     = errors.New("invalid number")
	ErrRule          = errors.New("columns do not fit together")
	ErrNoNote        = errors.New("an empty expr needs a note")
)

// Claim is a row of a claim file.
type Claim struct {
	ID, Claim, Source, Locator string
	// Expr is the expression; "" for a claim the data cannot test.
	Expr string
	// Expect is the claimed number, when HasExpect.
	Expect    float64
	HasExpect bool
	Qualifier Qualifier // "" without Expect
	Tolerance float64   // relative, of Approximately; 0 means DefaultTolerance
	DataIs    DataIs
	Note      string
	// File and Line locate the row; ExprLine and ExprColumn the expr cell:
	// its line and its column, the field's position in the row (0 when
	// unknown), as every error message counts columns.
	File                 string
	Line                 int
	ExprLine, ExprColumn int

	pos []filePos // file position of each rune of Expr and of its end; nil when unknown
}

// filePos is a line and byte column of a file, both 1-based.
type filePos struct{ line, col int }

// Read reads a claim file named name: CSV in UTF-8 (or an encoding
// csvio converts), a header row, then one claim per row. Columns are
// matched by name in any order; RequiredColumns must be there, and any
// column not in RequiredColumns or OptionalColumns is an error.
//
// An id must be unique and non-empty; claim and source non-empty. An
// empty expr needs a note saying why the claim cannot be tested and what
// data would test it. expect (a finite number) and qualifier (one of
// Qualifiers) go together; tolerance (a finite number > 0) only with
// approximately; data_is is complete (default) or partial.
//
// Every error is a *network.InputError naming file, line and column (the
// field's position, named by its header); they are
// returned together, up to network.MaxErrors, as a network.ErrorList. A
// file without rows is an error.
func Read(name string, r io.Reader, opt network.ReadOptions) ([]Claim, error) {
	data, err := io.ReadAll(io.LimitReader(r, csvio.MaxFileBytes+1))
	if err != nil {
		return nil, &network.InputError{File: name, Err: err}
	}
	t, err := csvio.ReadTable(name, bytes.NewReader(data), RequiredColumns, nil, csvio.Options{Warn: opt.Warn})
	if err != nil {
		return nil, err
	}
	var errs network.ErrorList
	for _, col := range t.ColumnsExcept(append(RequiredColumns, OptionalColumns...)...) {
		line, c := t.HeaderPos(col)
		errs = append(errs, &network.InputError{File: name, Line: line, Column: c, Field: col,
			Err: fmt.Errorf("%w: want %s", ErrUnknownColumn, strings.Join(append(RequiredColumns, OptionalColumns...), ", "))})
	}
	src := sourceText(data)
	var out []Claim
	first := map[string]int{} // id -> line
	for t.Next() {
		c := readRow(t, src)
		if l, dup := first[c.ID]; dup && c.ID != "" {
			t.Fail("id", c.ID, network.ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", name, l)
		} else {
			first[c.ID] = c.Line
		}
		out = append(out, c)
	}
	errs = append(errs, t.Errors()...)
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out) == 0 {
		return nil, &network.InputError{File: name, Line: 1, Err: network.ErrNoRows}
	}
	return out, nil
}

// readRow reads the current row of t; src is the file's text for the
// positions of the expression (nil when unknown).
func readRow(t *csvio.Table, src []byte) Claim {
	c := Claim{ID: t.Require("id"), Claim: t.Require("claim"), Source: t.Require("source"), Locator: t.Get("locator"),
		Expr: t.Get("expr"), Note: t.Get("note"), File: t.Name(), Line: t.Line(),
		Qualifier: csvio.Enum(t, "qualifier", Qualifier(""), Qualifiers), DataIs: csvio.Enum(t, "data_is", Complete, DataIsValues)}
	c.ExprLine, c.ExprColumn = t.Pos("expr")
	line, byteCol := t.BytePos("expr")
	c.pos = exprPositions(src, line, byteCol, c.Expr)
	c.Expect, c.HasExpect = number(t, "expect")
	tol, hasTol := number(t, "tolerance")
	switch {
	case c.HasExpect && t.Get("qualifier") == "":
		t.Fail("expect", t.Get("expect"), fmt.Errorf("%w: expect needs a qualifier (%s)", ErrRule, qualifierList()))
	case !c.HasExpect && t.Get("qualifier") != "" && t.Get("expect") == "":
		t.Fail("qualifier", t.Get("qualifier"), fmt.Errorf("%w: qualifier needs an expect", ErrRule))
	}
	switch {
	case hasTol && c.Qualifier != Approximately:
		t.Fail("tolerance", t.Get("tolerance"), fmt.Errorf("%w: tolerance is only for the qualifier approximately", ErrRule))
	case hasTol && tol <= 0:
		t.Fail("tolerance", t.Get("tolerance"), fmt.Errorf("%w: want a relative tolerance above 0, such as 0.05", ErrBadNumber))
	case hasTol:
		c.Tolerance = tol
	}
	if c.Expr == "" && c.Note == "" {
		t.Fail("expr", "", fmt.Errorf("%w saying why the claim cannot be tested and what data would test it", ErrNoNote))
	}
	return c
}

// number returns the number in the cell of col, recording an error if
// it is not a finite number.
func number(t *csvio.Table, col string) (float64, bool) {
	s := t.Get(col)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		t.Fail(col, s, fmt.Errorf("%w: want a number such as 18 or 0.25", ErrBadNumber))
		return 0, false
	}
	return v, true
}

func qualifierList() string {
	s := make([]string, len(Qualifiers))
	for i, q := range Qualifiers {
		s[i] = string(q)
	}
	return strings.Join(s, ", ")
}

// sourceText returns the file's text as the CSV reader sees it when that
// is the bytes read (valid UTF-8, less a byte order mark), nil otherwise.
func sourceText(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil
	}
	return data
}

// exprPositions returns the file position of each rune of expr, and of
// its end, where expr is the trimmed text of the cell that starts at
// line:col of src. A quoted cell's doubled quotes count as one rune. It
// returns nil if src is nil or does not hold expr there.
func exprPositions(src []byte, line, col int, expr string) []filePos {
	off := lineStart(src, line)
	if off < 0 || col < 1 || off+col-1 > len(src) {
		return nil
	}
	off += col - 1
	quoted := off < len(src) && src[off] == '"'
	if quoted {
		off, col = off+1, col+1
	}
	p := filePos{line, col}
	next := func() (rune, int) { // the next rune of the cell and its width in src
		r, w := utf8.DecodeRune(src[off:])
		switch {
		case quoted && r == '"' && off+1 < len(src) && src[off+1] == '"':
			return '"', 2
		case r == '\r' && off+1 < len(src) && src[off+1] == '\n':
			return '\n', 2
		}
		return r, w
	}
	advance := func(r rune, w int) {
		off += w
		if r == '\n' {
			p = filePos{p.line + 1, 1}
		} else {
			p.col += w
		}
	}
	for off < len(src) { // the leading space Trim removed
		r, w := next()
		if !unicode.IsSpace(r) && r != '\uFEFF' || expr == "" {
			break
		}
		advance(r, w)
	}
	var out []filePos
	for _, want := range expr {
		if off >= len(src) {
			return nil
		}
		r, w := next()
		if r != want {
			return nil
		}
		out = append(out, p)
		advance(r, w)
	}
	return append(out, p)
}

// lineStart returns the offset of the first byte of line (1-based) in
// src, or -1.
func lineStart(src []byte, line int) int {
	if src == nil || line < 1 {
		return -1
	}
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}

// lineOf returns the file line of the rune at offset i of c.Expr: exact
// for a claim read from a file (an expression may span lines), else the
// line of the expr cell or of the row.
func (c Claim) lineOf(i int) int {
	if i >= 0 && i < len(c.pos) {
		return c.pos[i].line
	}
	if c.ExprLine != 0 {
		return c.ExprLine
	}
	return c.Line
}
