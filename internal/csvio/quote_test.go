package csvio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll reads the table in text as a file (streamed) and from a reader
// that cannot seek (buffered), and returns both results as strings.
func readAll(t *testing.T, text string, opt Options) (streamed, buffered string) {
	t.Helper()
	required := []string{"source", "target"}
	rows := func(tab *Table) error {
		for tab.Next() {
		}
		if errs := tab.Errors(); len(errs) > 0 {
			return errs
		}
		return nil
	}
	path := filepath.Join(t.TempDir(), "e.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	str := func(err error) string {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	streamed = str(StreamTable("e.csv", f, required, nil, opt, rows, func() {}))
	buffered = str(StreamTable("e.csv", noSeek{strings.NewReader(text)}, required, nil, opt, rows, func() {}))
	return streamed, buffered
}

// TestInputErrors checks the messages of badly quoted and badly
// separated files: located where the user must look, with "column" the
// field's position named by its header, the same streamed or buffered.
func TestInputErrors(t *testing.T) {
	tail := strings.Repeat("x,y,1\n", 10)
	tests := []struct {
		name, in string
		opt      Options
		want     string
	}{
		{"unclosed quote on line 2", "source,target,weight\n\"a,b,4\n" + tail, Options{},
			"e.csv:2: column 1 (source): bad quoting: this field opens a quote (\") that is never closed: close it, or write a \" inside a quoted field as \"\""},
		{"unclosed quote closed by a later one", "source,target,weight\na,\"b,4\n" + tail + "p,\"q\",1\n", Options{},
			"e.csv:2: column 2 (target): bad quoting: the quoted field that starts here has text after its closing quote on line 13: is a closing \" missing, or a \" inside the field not written as \"\"?"},
		{"bare quote", "source,target,weight\na,b,4\nc,d\"x,1\n", Options{},
			"e.csv:3: column 2 (target): bad quoting: a \" inside a field that does not start with one: quote the whole field and write the \" as \"\""},
		{"unclosed quote in the header", "source,\"target\n" + tail, Options{},
			"e.csv:1: column 2: bad quoting: this field opens a quote (\") that is never closed: close it, or write a \" inside a quoted field as \"\""},
		{"semicolons", "source;target;weight\na;b;1\n", Options{},
			"e.csv:1: source, target: required column missing: the file looks semicolon-separated: use --delimiter ';'"},
		{"tabs and a comma", "source\ttarget\tnote, with comma\na\tb\tc\n", Options{},
			"e.csv:1: source, target: required column missing: the file looks tab-separated: use --delimiter '\\t'"},
		{"pipes", "source|target\na|b\n", Options{},
			"e.csv:1: source, target: required column missing: the file looks pipe-separated: use --delimiter '|'"},
		{"semicolons with --delimiter", "source;target;weight\na;b;1\n", Options{Delimiter: ';'}, ""},
		{"tabs with --delimiter", "source\ttarget\tnote, with comma\na\tb\tc\n", Options{Delimiter: '\t'}, ""},
		{"wrong --delimiter", "source,target\na,b\n", Options{Delimiter: ';'},
			"e.csv:1: source, target: required column missing: the file looks comma-separated: use --delimiter ','"},
		{"no separator explains it", "from_node,to_node\na,b\n", Options{}, "e.csv:1: source, target: required column missing"},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00", Options{},
			"e.csv:1:8: not a CSV text file: it looks binary (it holds NUL bytes, the first here)"},
		{"bad delimiter", "source,target\na,b\n", Options{Delimiter: 'x'}, `csvio: delimiter 'x' is not one of , ; tab |`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, b := readAll(t, tt.in, tt.opt)
			if s != tt.want {
				t.Errorf("streamed:\n got %s\nwant %s", s, tt.want)
			}
			if b != tt.want {
				t.Errorf("buffered:\n got %s\nwant %s", b, tt.want)
			}
		})
	}
}

// TestQuoteErrorIs checks that quoting errors wrap ErrQuote.
func TestQuoteErrorIs(t *testing.T) {
	tab, err := ReadTable("e.csv", strings.NewReader("source,target\n\"a,b\nc,d\n"), nil, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for tab.Next() {
	}
	if errs := tab.Errors(); len(errs) != 1 || !errors.Is(errs, ErrQuote) || errs[0].Line != 2 || errs[0].Column != 1 {
		t.Errorf("errors %v, want one ErrQuote at line 2, column 1", errs)
	}
}

func TestFindQuoteError(t *testing.T) {
	tests := []struct {
		in          string
		start       int
		line, field int
		ok          bool
	}{
		{"a,b\n\"x,y\nz\n", 2, 2, 1, true},
		{"a,b\nx,\"y\nz\n", 2, 2, 2, true},
		{"a,b\nx,\"y\nz\"w\n", 2, 2, 2, true},
		{"a,b\nx,\"y\"\"z\"\n", 2, 0, 0, false},
		{"a,b\nx,\"multi\nline\",q\"r\n", 2, 3, 3, true},
		{"a;b\nx;\"y\n", 2, 2, 2, true},
	}
	for _, tt := range tests {
		comma := ','
		if strings.Contains(tt.in, ";") {
			comma = ';'
		}
		q, ok := findQuoteError([]byte(tt.in), tt.start, comma)
		if ok != tt.ok || ok && (q.line != tt.line || q.field != tt.field) {
			t.Errorf("%q: %+v %v, want line %d field %d %v", tt.in, q, ok, tt.line, tt.field, tt.ok)
		}
	}
}

// TestQuoteErrorOverTheLimit checks that a streamed file too large for
// the buffering reader still reports its quoting error, where
// encoding/csv found it, rather than "file too large".
func TestQuoteErrorOverTheLimit(t *testing.T) {
	defer func(n int64) { fileLimit = n }(fileLimit)
	fileLimit = 50
	s, _ := readAll(t, "source,target\n\"a,b\n"+strings.Repeat("c,d\n", 20), Options{})
	if want := `e.csv:2: bad quoting: a quoted field of the row that starts here is not closed, or has text after its closing quote (the reader gave up on line 22); a " inside a quoted field is written ""`; s != want {
		t.Errorf("streamed:\n got %s\nwant %s", s, want)
	}
}
