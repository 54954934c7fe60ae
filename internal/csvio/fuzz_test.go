package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"
)

// FuzzFindQuoteError checks that locating a quoting error never panics
// and, on every record where encoding/csv reports one, names a line at
// or after the record's first and a field from 1.
func FuzzFindQuoteError(f *testing.F) {
	for _, s := range []string{"a,b\n\"x,y\nz\n", "a,b\nx,\"y\"z\n", "a,b\nx,y\"z\n", "\"", "a,\"b\"\"c\"\n", "a;\"b\n", "x,\"multi\nline\",q\"r\n"} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, semicolon bool) {
		comma := ','
		if semicolon {
			comma = ';'
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma = comma
		r.FieldsPerRecord = -1
		for {
			_, err := r.Read()
			if err == io.EOF {
				return
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				if err != nil {
					return
				}
				continue
			}
			if !errors.Is(pe.Err, csv.ErrQuote) && !errors.Is(pe.Err, csv.ErrBareQuote) {
				return
			}
			q, ok := findQuoteError(data, pe.StartLine, comma)
			if ok && (q.line < pe.StartLine || q.line > pe.Line || q.field < 1 || q.msg == "") {
				t.Fatalf("%q: csv error %v, located at line %d field %d", data, err, q.line, q.field)
			}
			return
		}
	})
}
