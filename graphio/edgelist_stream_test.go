package graphio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/ecosys-sna/ecosys/internal/csvio"
	"github.com/ecosys-sna/ecosys/network"
)

// noSeek hides the Seek method of a reader, so that ReadEdgeList takes
// the buffering path.
type noSeek struct{ io.Reader }

// readBoth reads the edge list b once streaming and once buffered and
// returns both outcomes as text.
func readBoth(t *testing.T, b []byte, opt EdgeListOptions) (stream, buffered string) {
	t.Helper()
	show := func(r io.Reader) string {
		var warns []string
		o := opt
		o.Warn = func(msg string) { warns = append(warns, msg) }
		g, err := ReadEdgeList("e.csv", r, "", nil, o)
		if err != nil {
			return fmt.Sprintf("error %v, warnings %q", err, warns)
		}
		var d bytes.Buffer
		fmt.Fprintf(&d, "names %q attrs %q merged %d edges %d warnings %q\n", g.Names, g.EdgeAttrNames, g.Merged, g.Edges, warns)
		fmt.Fprintf(&d, "%v\nloops %v\n", g.EdgeAttrs, g.Loops)
		for u := range g.Names {
			for _, v := range sortedFrom(g, int64(u)) {
				w, _ := g.G.(interface {
					Weight(x, y int64) (float64, bool)
				}).Weight(int64(u), v)
				fmt.Fprintf(&d, "%d-%d:%v ", u, v, w)
			}
		}
		return d.String()
	}
	return show(bytes.NewReader(b)), show(noSeek{bytes.NewReader(b)})
}

func sortedFrom(g *network.Graph, u int64) []int64 {
	var out []int64
	for it := g.G.From(u); it.Next(); {
		out = append(out, it.Node().ID())
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestEdgeListStreamSameAsBuffered checks that the streaming reader gives
// exactly the graph, warnings and errors of the buffering reader on every
// file of testdata/bad, on input in other encodings, and on inputs made to
// cross its read boundary.
func TestEdgeListStreamSameAsBuffered(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	// Over one read buffer of clean rows, then a problem: the streaming
	// reader has parsed rows before it finds that it must start again.
	var big strings.Builder
	big.WriteString("source,target,weight,label\n")
	for i := 0; big.Len() < 2*csvio.StreamBuffer; i++ {
		fmt.Fprintf(&big, "n%d,n%d,%d,边%d\n", i%5000, (i*7+1)%5000, 1+i%9, i)
	}
	clean := big.String()
	inputs["big"] = []byte(clean)
	inputs["big-bad-weight-then-gbk"] = []byte("source,target,weight\na,b,x\n" + clean[len("source,target,weight,label\n"):] + "c,d,1\xb1\xb1\n")
	inputs["big-nul-at-end"] = []byte(clean + "x,y,1,\x00\n")
	inputs["big-cut-rune"] = []byte(clean[:len(clean)-1] + "\xe8\xbe")
	inputs["big-header-error"] = []byte("source,source,weight\n" + clean + "a,b,\xff\n")
	inputs["bom"] = []byte("\uFEFFsource,target\na,b\n")
	inputs["utf16le"] = toUTF16(badEdges, binary.LittleEndian)
	inputs["gbk"] = encode(t, simplifiedchinese.GBK, badEdges)
	inputs["binary"] = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	inputs["tabs"] = []byte("source\ttarget\na\tb\nb\tc\n")
	inputs["cr-only"] = []byte("source,target\ra,b\rb,c\r")
	inputs["no-newline"] = []byte("source,target")
	inputs["empty"] = nil
	// Runes cut at every offset around the buffer boundary.
	for shift := range 4 {
		pad := strings.Repeat("x", csvio.StreamBuffer-len("source,target\n")-2+shift)
		inputs[fmt.Sprintf("boundary%d", shift)] = []byte("source,target\n" + pad + ",漢字名\n中文," + pad + "\n")
	}
	for name, b := range inputs {
		for _, opt := range []EdgeListOptions{{Weighted: true}, {Directed: true}} {
			s, buf := readBoth(t, b, opt)
			if s != buf {
				t.Errorf("%s %+v:\nstreaming %.300s\nbuffered  %.300s", name, opt, s, buf)
			}
		}
	}
}

// TestEdgeListPipe checks that input that cannot seek (a pipe) is read by
// the buffering reader, GB18030 conversion included.
func TestEdgeListPipe(t *testing.T) {
	b, err := os.ReadFile("testdata/bad/gbk-edges.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]byte{[]byte("source,target\na,b\n"), b} {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		go func() { pw.Write(in); pw.Close() }()
		g, err := ReadEdgeList("e.csv", pr, "", nil, EdgeListOptions{Weighted: bytes.Contains(in, []byte("weight"))})
		pr.Close()
		want, werr := ReadEdgeList("e.csv", noSeek{bytes.NewReader(in)}, "", nil, EdgeListOptions{Weighted: bytes.Contains(in, []byte("weight"))})
		if fmt.Sprint(err) != fmt.Sprint(werr) || (err == nil && fmt.Sprint(g.Names) != fmt.Sprint(want.Names)) {
			t.Errorf("pipe: %v %v, want %v %v", g, err, want, werr)
		}
	}
	// A reader that starts part-way into a file comes back to where it
	// started when it must fall back.
	f, err := os.CreateTemp(t.TempDir(), "e*.csv")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("junk line\n")
	f.Write(b)
	f.Seek(int64(len("junk line\n")), io.SeekStart)
	_, err = ReadEdgeList("e.csv", f, "", nil, EdgeListOptions{Weighted: true})
	_, werr := ReadEdgeList("e.csv", noSeek{bytes.NewReader(b)}, "", nil, EdgeListOptions{Weighted: true})
	if fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Errorf("offset file: %v, want %v", err, werr)
	}
	f.Close()
}
