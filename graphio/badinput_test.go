package graphio

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/ecosys-sna/ecosys/network"
)

var update = flag.Bool("update", false, "rewrite the files of testdata/bad")

// badEdges is a small weighted edge list in UTF-8 with Chinese names.
const badEdges = "source,target,weight\n安洵,成都市公安局,2\n安洵,四川省公安厅,1\n"

// encode returns s in the encoding e, failing the test if e cannot encode it.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// toUTF16 returns s as UTF-16 in the byte order o, after a byte order mark.
func toUTF16(s string, o binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune("\uFEFF" + s)) {
		b = o.AppendUint16(b, u)
	}
	return b
}

// A badInput is one file of testdata/bad: how it is made, which reader
// reads it, and what must come out.
type badInput struct {
	file   string
	reader string // edges or nodes
	data   func(t *testing.T) []byte
	want   string // the exact error, or "" when the file is accepted
	check  func(t *testing.T, g *network.Graph)
}

// read reads b with the reader of the input, named as the file.
func (in badInput) read(b []byte) (*network.Graph, error) {
	switch in.reader {
	case "edges":
		return ReadEdgeList(in.file, bytes.NewReader(b), "", nil, EdgeListOptions{Weighted: true})
	case "nodes":
		return ReadEdgeList("e.csv", strings.NewReader("source,target\na,b\n"), in.file, bytes.NewReader(b), EdgeListOptions{})
	}
	panic("unknown reader " + in.reader)
}

// badInputs lists the files of testdata/bad. Their content is made here,
// so that each file's making is on record; `go test -run TestBadInputs
// -update` rewrites them. The CSV files of other kinds of trouble are
// those of network/testdata/bad, read by the ledger readers: the edge-list
// reader shares their plumbing (package internal/csvio).
var badInputs = []badInput{
	{file: "gbk-edges.csv", reader: "edges",
		data: func(t *testing.T) []byte { return encode(t, simplifiedchinese.GB18030, badEdges) },
		check: func(t *testing.T, g *network.Graph) {
			if strings.Join(g.Names, " ") != "安洵 成都市公安局 四川省公安厅" {
				t.Errorf("names %q", g.Names)
			}
		}},
	{file: "utf16le-nodes.csv", reader: "nodes",
		data: func(t *testing.T) []byte {
			return toUTF16("id,name_zh\na,安洵\nb,成都市公安局\n", binary.LittleEndian)
		},
		check: func(t *testing.T, g *network.Graph) {
			if g.Attrs[1]["name_zh"] != "成都市公安局" {
				t.Errorf("attrs %v", g.Attrs)
			}
		}},
}

// TestBadInputs reads each file of testdata/bad with its reader and checks
// the values read. It also checks that the file is the one badInputs
// makes, and that testdata/bad/README.md names it.
func TestBadInputs(t *testing.T) {
	readme, err := os.ReadFile("testdata/bad/README.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, in := range badInputs {
		t.Run(in.file, func(t *testing.T) {
			seen[in.file] = true
			path := filepath.Join("testdata", "bad", in.file)
			made := in.data(t)
			if *update {
				if err := os.WriteFile(path, made, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, made) {
				t.Errorf("%s differs from what badInputs makes; run go test -run TestBadInputs -update", path)
			}
			g, err := in.read(b)
			if in.want != "" {
				if err == nil || err.Error() != in.want {
					t.Errorf("error\n got %v\nwant %s", err, in.want)
				}
			} else {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				in.check(t, g)
			}
			if !bytes.Contains(readme, []byte("`"+in.file+"`")) {
				t.Errorf("README.md does not name `%s`", in.file)
			}
		})
	}
	files, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !seen[f.Name()] && f.Name() != "README.md" {
			t.Errorf("testdata/bad/%s is not in badInputs", f.Name())
		}
	}
}
