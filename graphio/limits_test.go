package graphio

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/network"
)

// TestReadLimits lowers the limits, so that small inputs exceed them.
func TestReadLimits(t *testing.T) {
	saved := readLimits
	t.Cleanup(func() { readLimits = saved })
	readLimits.bytes, readLimits.depth, readLimits.nodes, readLimits.edges, readLimits.value = 400, 4, 2, 1, 8

	graphML := func(body string) string {
		return "<graphml><graph edgedefault=\"directed\">\n" + body + "</graph></graphml>"
	}
	for _, tt := range []struct {
		name string
		read func(string, *strings.Reader) (*network.Graph, error)
		in   string
		want string
	}{
		{"size", rGraphML, graphML(strings.Repeat(" ", 400)), "g: limit exceeded: file larger than 400 bytes"},
		{"size, JSON", rNodeLink, `{"nodes": [` + strings.Repeat(" ", 400) + "]}", "g: limit exceeded: file larger than 400 bytes"},
		{"depth", rGraphML, graphML("<node id=\"a\"><desc><x/></desc></node>\n"), "g:2:20: limit exceeded: elements nested deeper than 4"},
		{"depth, JSON", rNodeLink, `{"nodes": [{"id": "a", "k": [[]]}]}`, "g:1:29: limit exceeded: arrays and objects nested deeper than 4"},
		{"nodes", rGraphML, graphML("<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"), "g:2:29: limit exceeded: more than 2 nodes"},
		{"edges", rGEXF, `<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/><edge source="b" target="a"/></edges></graph></gexf>`,
			"g:1:93: limit exceeded: more than 1 edges"},
		{"attribute value", rGraphML, graphML("<node id=\"123456789\"/>\n"), "g:2:1: id: limit exceeded: value longer than 8 bytes"},
		{"text", rGraphML, "<graphml><key id=\"k\" attr.name=\"k\"/><graph>\n<node id=\"a\"><data key=\"k\">123456789</data></node>\n</graph></graphml>",
			"g:2:28: limit exceeded: text longer than 8 bytes"},
		{"JSON value", rNodeLink, `{"nodes": [{"id": "123456789"}]}`, "g:1:19: limit exceeded: value longer than 8 bytes"},
		{"JSON key", rNodeLink, `{"nodes": [{"id": "a", "123456789": 1}]}`, "g:1:24: limit exceeded: key longer than 8 bytes"},
	} {
		_, err := tt.read("g", strings.NewReader(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
		if !errors.Is(err, network.ErrLimit) {
			t.Errorf("%s: %v is not ErrLimit", tt.name, err)
		}
	}
}

func rGraphML(n string, r *strings.Reader) (*network.Graph, error)  { return ReadGraphML(n, r) }
func rGEXF(n string, r *strings.Reader) (*network.Graph, error)     { return ReadGEXF(n, r) }
func rNodeLink(n string, r *strings.Reader) (*network.Graph, error) { return ReadNodeLink(n, r) }

func TestPosReader(t *testing.T) {
	p := newPosReader(strings.NewReader("ab\ncd\n公e"))
	buf := make([]byte, 64)
	p.Read(buf)
	for _, tt := range []struct {
		off  int64
		want filePos
	}{{0, filePos{1, 1}}, {1, filePos{1, 2}}, {3, filePos{2, 1}}, {4, filePos{2, 2}}, {6, filePos{3, 1}}, {9, filePos{3, 4}}, {2, filePos{3, 4}}, {99, filePos{3, 5}}} {
		if got := p.pos(tt.off); got != tt.want {
			t.Errorf("pos(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}
