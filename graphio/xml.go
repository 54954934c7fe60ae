package graphio

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/ecosys-sna/ecosys/network"
)

// xmlScanner reads the elements of a GraphML or GEXF file and keeps the
// path of element names from the root, with the limits of the readers.
//
// encoding/xml does not read DTDs: it does not expand external entities or
// entities declared in the document (a <!DOCTYPE> is passed over as a
// directive), and in its default strict mode an undeclared entity reference
// is a syntax error. So a graph file cannot make the reader fetch or
// include anything, nor grow by entity expansion.
type xmlScanner struct {
	d    *xml.Decoder
	pr   *posReader
	b    *graphBuilder
	ns   func(space string) bool // whether a namespace is the format's
	path []string                // local names from the root; foreign elements as "{space}local"
	at   filePos                 // position of the last token
}

func newXMLScanner(name string, r io.Reader, ns func(string) bool, opt ReadOptions) *xmlScanner {
	pr := newPosReader(r)
	return &xmlScanner{d: xml.NewDecoder(pr), pr: pr, b: newGraphBuilder(name, opt), ns: ns}
}

// next returns the next token and the path to the element it is in (or
// that it starts or ends). The error is io.EOF at the end, or a fatal
// error list.
func (s *xmlScanner) next() (xml.Token, string, error) {
	if n := len(s.path); n > 0 && s.path[n-1] == "" {
		s.path = s.path[:n-1] // the element ended by the last token
	}
	off := s.d.InputOffset()
	tok, err := s.d.Token()
	s.at = s.pr.pos(off)
	if err == io.EOF {
		return nil, "", err
	}
	if err != nil {
		return nil, "", s.b.readError(err, s.pr.pos(s.d.InputOffset()))
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(s.path) >= readLimits.depth {
			return nil, "", s.b.fatal(s.at, "", "", fmt.Errorf("%w: elements nested deeper than %d", network.ErrLimit, readLimits.depth))
		}
		for _, a := range t.Attr {
			if len(a.Value) > readLimits.value {
				return nil, "", s.b.fatal(s.at, a.Name.Local, "", fmt.Errorf("%w: value longer than %d bytes", network.ErrLimit, readLimits.value))
			}
		}
		name := t.Name.Local
		if !s.ns(t.Name.Space) {
			name = "{" + t.Name.Space + "}" + name
		}
		s.path = append(s.path, name)
	case xml.EndElement:
		p := s.pathString()
		s.path[len(s.path)-1] = "" // popped by the next call
		return tok, p, nil
	}
	return tok, s.pathString(), nil
}

func (s *xmlScanner) pathString() string { return strings.Join(s.path, "/") }

// text accumulates the character data of an element within the value limit.
type xmlText struct {
	b  strings.Builder
	on bool
}

func (t *xmlText) start() { t.b.Reset(); t.on = true }

func (t *xmlText) stop() string { t.on = false; return t.b.String() }

// add appends char data; it reports false past the value limit.
func (t *xmlText) add(c xml.CharData) bool {
	if !t.on {
		return true
	}
	if t.b.Len()+len(c) > readLimits.value {
		return false
	}
	t.b.Write(c)
	return true
}

// attr returns the value of the attribute with the given local name and no
// namespace prefix.
func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// textLimit is the fatal error for char data past the value limit.
func (s *xmlScanner) textLimit() error {
	return s.b.fatal(s.at, "", "", fmt.Errorf("%w: text longer than %d bytes", network.ErrLimit, readLimits.value))
}

// run reads the file to its end, or until the errors reach
// network.MaxErrors, calling start for every start tag and end for every
// end tag, with the path of the element, and adding character data to
// text. It returns the first error of next, start or end.
func (s *xmlScanner) run(text *xmlText, start func(t xml.StartElement, path string) error, end func(path string) error) error {
	for !s.b.full() {
		tok, path, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if !text.add(t) {
				return s.textLimit()
			}
		case xml.StartElement:
			err = start(t, path)
		case xml.EndElement:
			err = end(path)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// setAttr sets attrs[name] to value, making the map if attrs is nil.
func setAttr(attrs map[string]string, name, value string) map[string]string {
	if attrs == nil {
		attrs = map[string]string{}
	}
	attrs[name] = value
	return attrs
}

// withDefault sets attrs[name] to *def if attrs has no name and def is not
// nil, making the map if needed.
func withDefault(attrs map[string]string, name string, def *string) map[string]string {
	if _, ok := attrs[name]; !ok && def != nil {
		attrs = setAttr(attrs, name, *def)
	}
	return attrs
}

// graph returns the graph read by run: an error if the file had no
// <graph> element (graphs == 0) and no limit stopped the reading early.
func (s *xmlScanner) graph(graphs int, directed bool) (*network.Graph, error) {
	if graphs == 0 && !s.b.full() {
		return nil, s.b.fatal(s.at, "", "", fmt.Errorf("%w: no <graph> element", ErrFormat))
	}
	return s.b.graph(directed)
}
