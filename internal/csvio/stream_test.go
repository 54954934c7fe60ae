package csvio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestStreams checks that clean UTF-8 input is parsed by the streaming
// reader (no fallback) and other input is left to ReadTable.
func TestStreams(t *testing.T) {
	var big strings.Builder
	big.WriteString("\uFEFFsource,target\n")
	for i := 0; big.Len() < 3*StreamBuffer; i++ {
		fmt.Fprintf(&big, "节点%d,n%d\n", i, i+1)
	}
	tab, check, err := streamCSVTable("e.csv", strings.NewReader(big.String()), []string{"source", "target"}, nil, Options{})
	if err != nil || tab == nil {
		t.Fatalf("clean input not streamed: %v", err)
	}
	rows := 0
	for tab.Next() {
		rows++
	}
	if !check.drain() || len(tab.errs) > 0 || rows < 100_000 {
		t.Errorf("%d rows, errors %v, failed %v", rows, tab.errs, check.failed)
	}
	for name, in := range map[string]string{
		"utf16": "\xff\xfes\x00", "no seek": "", "gbk": "source,target\n\xb1\xb1,a\n",
	} {
		var r io.Reader = strings.NewReader(in)
		if name == "no seek" {
			r = noSeek{strings.NewReader("source,target\na,b\n")}
		}
		tab, check, err := streamCSVTable("e.csv", r, []string{"source", "target"}, nil, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if tab != nil {
			for tab.Next() {
			}
			if check.drain() {
				t.Errorf("%s: streamed", name)
			}
		}
	}
}

// dumpTable reads r with StreamTable and returns every record (its line
// and cells), the errors and the warnings as text.
func dumpTable(r io.Reader) string {
	var b strings.Builder
	var warns []string
	rows := func(t *Table) error {
		cols := t.ColumnsExcept()
		fmt.Fprintf(&b, "columns %q\n", cols)
		for t.Next() {
			fmt.Fprintf(&b, "%d:", t.Line())
			for _, c := range cols {
				fmt.Fprintf(&b, " %q", t.Get(c))
			}
			b.WriteByte('\n')
		}
		if errs := t.Errors(); len(errs) > 0 {
			return errs
		}
		return nil
	}
	err := StreamTable("t.csv", r, []string{"source", "target"}, map[string]string{"from": "source", "to": "target"},
		Options{Warn: func(m string) { warns = append(warns, m) }}, rows, b.Reset)
	fmt.Fprintf(&b, "error %v\nwarnings %q", err, warns)
	return b.String()
}

// TestStreamSameAsBuffered checks that the streaming reader gives exactly
// the records, warnings and errors of the buffering reader, on input in
// every encoding and form the readers handle and on inputs made to cross
// its read boundary before a problem.
func TestStreamSameAsBuffered(t *testing.T) {
	const small = "source,target,weight\n安洵,成都市公安局,2\n安洵,四川省公安厅,1\n"
	inputs := map[string][]byte{
		"small":            []byte(small),
		"gbk":              encode(t, simplifiedchinese.GBK, small),
		"gb18030":          encode(t, simplifiedchinese.GB18030, small+"€,x,1\n"),
		"utf16le":          toUTF16(small, binary.LittleEndian),
		"utf16be, tabs":    toUTF16(strings.ReplaceAll(small, ",", "\t"), binary.BigEndian),
		"utf16, no bom":    toUTF16(small, binary.LittleEndian)[2:],
		"utf16, cut":       toUTF16(small, binary.LittleEndian)[:7],
		"windows-1252":     encode(t, charmap.Windows1252, "source,target\nMüller,Zürich\n"),
		"binary":           []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"xlsx":             []byte("PK\x03\x04\x14\x00\x06\x00"),
		"cr-only":          []byte("source,target\ra,b\rb,c\r"),
		"no final newline": []byte("source,target\na,b"),
		"blank rows":       []byte("source,target\n,\n , \u3000\na,b\n"),
		"repeated header":  []byte("source,target\na,b\nsource,target\nc,d\n"),
		"field count":      []byte("source,target,x\na,b\na,b,c,d\n"),
		"bare quote":       []byte("source,target\na\"b,c\n"),
		"duplicate column": []byte("source,from,target\na,b,c\n"),
		"missing column":   []byte("source,x\na,b\n"),
		"bom":              []byte(bom + "from,to\na,b\n"),
		"tabs":             []byte("source\ttarget\na\tb\nb\tc\n"),
		"no newline":       []byte("source,target"),
		"empty":            nil,
	}
	// Over one read buffer of clean rows, then a problem: the streaming
	// reader has parsed rows before it finds that it must start again.
	var big strings.Builder
	big.WriteString("source,target,weight,label\n")
	for i := 0; big.Len() < 2*StreamBuffer; i++ {
		fmt.Fprintf(&big, "n%d,n%d,%d,边%d\n", i%5000, (i*7+1)%5000, 1+i%9, i)
	}
	clean := big.String()
	inputs["big"] = []byte(clean)
	inputs["big then gbk"] = []byte(clean + "c,d,1,\xb1\xb1\n")
	inputs["big then nul"] = []byte(clean + "x,y,1,\x00\n")
	inputs["big then cr"] = []byte(clean + "x,y,1,z\r")
	inputs["big, cut rune"] = []byte(clean[:len(clean)-1] + "\xe8\xbe")
	inputs["big, header error"] = []byte("source,source,weight\n" + clean + "a,b,\xff\n")
	// Runes cut at every offset around the buffer boundary.
	for shift := range 4 {
		pad := strings.Repeat("x", StreamBuffer-len("source,target\n")-2+shift)
		inputs[fmt.Sprintf("boundary%d", shift)] = []byte("source,target\n" + pad + ",漢字名\n中文," + pad + "\n")
	}
	for name, b := range inputs {
		s, buf := dumpTable(bytes.NewReader(b)), dumpTable(noSeek{bytes.NewReader(b)})
		if s != buf {
			t.Errorf("%s:\nstreaming %.400s\nbuffered  %.400s", name, s, buf)
		}
	}
}
