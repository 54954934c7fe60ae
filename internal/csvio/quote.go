package csvio

import (
	"bytes"
	"fmt"
)

// quoteError is a quoting error located by findQuoteError: the line on
// which the offending field starts, its 1-based position in the record,
// and what is wrong.
type quoteError struct {
	line, field int
	msg         string
}

// findQuoteError scans the record of data that starts on line start (as
// encoding/csv's ParseError.StartLine gives it) with the rules of
// encoding/csv (RFC 4180, no lazy quotes) and returns the field whose
// quoting is wrong:
//
//   - a field that opens a quote and never closes it: encoding/csv reads
//     on to the end of the file, or to the next quote, and reports that
//     line; the field's own line is where the user must look;
//   - a quoted field followed by text after its closing quote;
//   - a quote inside a field that does not start with one.
//
// It returns false if the record has none of these (then the caller
// falls back to encoding/csv's position).
func findQuoteError(data []byte, start int, comma rune) (quoteError, bool) {
	sep := byte(comma)
	off, line := 0, 1
	for line < start {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return quoteError{}, false
		}
		off, line = off+i+1, line+1
	}
	field := 1
	for off < len(data) {
		if data[off] == '"' {
			openLine := line
			off++
			closed := false
			for off < len(data) {
				switch c := data[off]; {
				case c == '\n':
					line++
					off++
				case c == '"' && off+1 < len(data) && data[off+1] == '"':
					off += 2
				case c == '"':
					off++
					closed = true
				default:
					off++
				}
				if closed {
					break
				}
			}
			if !closed {
				return quoteError{openLine, field, `this field opens a quote (") that is never closed: close it, or write a " inside a quoted field as ""`}, true
			}
			switch {
			case off >= len(data) || data[off] == '\n' || data[off] == '\r':
				return quoteError{}, false // the record ends well
			case data[off] == sep:
				off++
				field++
				continue
			}
			where := ""
			if line != openLine {
				where = fmt.Sprintf(" on line %d", line)
			}
			return quoteError{openLine, field, fmt.Sprintf(`the quoted field that starts here has text after its closing quote%s: is a closing " missing, or a " inside the field not written as ""?`, where)}, true
		}
		for off < len(data) && data[off] != sep && data[off] != '\n' {
			if data[off] == '"' {
				return quoteError{line, field, `a " inside a field that does not start with one: quote the whole field and write the " as ""`}, true
			}
			off++
		}
		if off >= len(data) || data[off] == '\n' {
			return quoteError{}, false
		}
		off++
		field++
	}
	return quoteError{}, false
}
