package graphio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/ecosys-sna/ecosys/network"
)

// WriteNodeLink writes g as NetworkX node-link JSON, the structure that
// NetworkX 2.8's json_graph.node_link_data returns and json.dump writes:
//
//	{"directed": true, "multigraph": false, "graph": {}, "nodes": [
//	{"id": "a", "kind": "x"},
//	...], "links": [
//	{"source": "a", "target": "b", "weight": 2, "label": "x"},
//	...]}
//
// The node "id" is the node's name and the node's attributes follow it;
// each link has its endpoints' names, its weight as a number and its edge
// attributes. An attribute is written by its type (AttrTypes): a long or a
// double as a JSON number (its text unchanged, "2620000.00"), a boolean as
// true or false, a string as a string; an empty value of a typed
// attribute is left out, and a double with an exact companion
// ("amount_cny_exact") is followed by it, as in WriteGraphML.
// ReadNodeLink reads numbers by their text, so the values read back
// unchanged. NetworkX reads the file
// with json.load and json_graph.node_link_graph. The file is the same for
// the same graph, with the order of nodes, edges and attributes and the
// checks and the self-loops (g.Loops) of WriteGraphML (but any Unicode text is allowed); a node
// attribute may not be called "id", nor an edge attribute "source",
// "target" or "weight".
func WriteNodeLink(w io.Writer, g *network.Graph) error {
	wg, err := forWriting(g, false, "source", "target")
	if err != nil {
		return err
	}
	for _, a := range wg.attrNames {
		if a == "id" {
			return fmt.Errorf("graphio: cannot write graph: node-link JSON has no room for a node attribute called \"id\"")
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `{"directed": %t, "multigraph": false, "graph": {}, "nodes": [`, g.Directed)
	for i, name := range g.Names {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"id\": ")
		bw.Write(jsonString(name))
		writeJSONValues(bw, wg.nodeValues(i), wg.nodeCols)
		bw.WriteByte('}')
	}
	bw.WriteString("\n], \"links\": [")
	for i, e := range wg.edges {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"source\": ")
		bw.Write(jsonString(g.Names[e.from]))
		bw.WriteString(", \"target\": ")
		bw.Write(jsonString(g.Names[e.to]))
		fmt.Fprintf(bw, ", \"weight\": %s", formatWeight(e.weight))
		writeJSONValues(bw, typed(e.m, wg.edgeCols), wg.edgeCols)
		bw.WriteByte('}')
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// writeJSONValues writes typed values as JSON members: a long or a double
// as a number (its text, which is valid JSON), a boolean as true or
// false, anything else as a string.
func writeJSONValues(bw *bufio.Writer, values []typedValue, cols []AttrColumn) {
	for _, v := range values {
		c := cols[v.col]
		bw.WriteString(", ")
		bw.Write(jsonString(c.Name))
		bw.WriteString(": ")
		if c.Type == AttrString {
			bw.Write(jsonString(v.text))
		} else {
			bw.WriteString(v.text)
		}
	}
}

// jsonString returns s as a JSON string, without escaping <, > and &.
func jsonString(s string) []byte {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	e.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// ReadNodeLink reads a graph from NetworkX node-link JSON, as written by
// WriteNodeLink or by json.dump(json_graph.node_link_data(G)) in NetworkX
// 2.8 (or later, whose "edges" key is read as "links"). name names the file
// in errors.
//
// "directed" (default false) says whether the graph is directed;
// "multigraph" and "graph" are ignored. Each node's "id" becomes its name
// (a number or a list, such as NetworkX's tuple nodes, by its JSON text,
// so 1 and "1" are the same node); node ids are numbered in file order.
// Every other key of a node is an attribute: a string by its value, any
// other JSON value by its compact JSON text, null as absent.
// Graph.AttrNames lists them in order of first appearance (node-link JSON
// declares no attributes). A link's "weight" must be a number (default 1);
// every other key of a link but "source" and "target" is an edge attribute
// in Graph.EdgeAttrs, read as node attributes are (a multigraph's "key"
// too, as NetworkX reads it into a graph that is not a multigraph), and
// Graph.EdgeAttrNames lists them in order of first appearance, leaving
// out a name that only merged parallel links or dropped self-loops used.
//
// Parallel links and self-loops are treated as ReadGraphML treats them,
// and exact companions folded back. The errors are those of ReadGraphML
// (bad weights, links to undeclared nodes, node ids given twice), with a repeated key within a node, a top-level key given twice
// and a missing "nodes". Positions are those of the node's or link's
// opening brace, or of the offending value. The limits are those of
// ReadGraphML, MaxGraphDepth counting nested arrays and objects.
func ReadNodeLink(name string, r io.Reader) (*network.Graph, error) {
	return ReadNodeLinkWith(name, r, ReadOptions{})
}

// ReadNodeLinkWith is ReadNodeLink with a choice of what to do with
// parallel edges (a multigraph's links) and self-loops (see ReadOptions).
func ReadNodeLinkWith(name string, r io.Reader, opt ReadOptions) (*network.Graph, error) {
	pr := newPosReader(r)
	j := &jsonReader{d: json.NewDecoder(pr), pr: pr, b: newGraphBuilder(name, opt)}
	b := j.b
	if _, err := j.delim('{', "a JSON object"); err != nil {
		return nil, err
	}
	directed := false
	seen := map[string]bool{}
	for j.d.More() && !b.full() {
		key, at, err := j.key()
		if err != nil {
			return nil, err
		}
		if key == "edges" {
			key = "links"
		}
		if seen[key] {
			return nil, b.fatal(at, key, "", fmt.Errorf("%w: key given twice", network.ErrDuplicateKey))
		}
		seen[key] = true
		switch key {
		case "nodes":
			err = j.nodes()
		case "links":
			err = j.links()
		default:
			var raw json.RawMessage
			raw, at, err = j.value(1)
			if err == nil && key == "directed" {
				switch string(raw) {
				case "true", "false":
					directed = string(raw) == "true"
				default:
					b.fail(at, key, string(raw), fmt.Errorf("%w: want true or false", network.ErrBadEnum))
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if b.full() {
		return nil, b.errs
	}
	if _, err := j.delim('}', "the end of the object"); err != nil {
		return nil, err
	}
	if _, err := j.d.Token(); err != io.EOF {
		return nil, b.fatal(j.pr.pos(j.d.InputOffset()), "", "", fmt.Errorf("%w: data after the JSON object", ErrSyntax))
	}
	if !seen["nodes"] {
		return nil, b.fatal(filePos{1, 1}, "nodes", "", fmt.Errorf("%w: no \"nodes\" list", ErrFormat))
	}
	g, err := b.graph(directed)
	if err != nil {
		return nil, err
	}
	// Node-link JSON declares no attributes: a name is one that a link
	// uses. A name used only by links that were merged into an earlier
	// parallel link, or by dropped self-loops, is used by none of the
	// graph's edges, and is left out as a writer could not write it.
	g.EdgeAttrNames = slices.DeleteFunc(g.EdgeAttrNames, func(a string) bool {
		for _, m := range g.EdgeAttrs {
			if _, ok := m[a]; ok {
				return false
			}
		}
		return true
	})
	return g, nil
}

// jsonReader reads node-link JSON token by token, so that the order of
// keys is kept and errors are located.
type jsonReader struct {
	d  *json.Decoder
	pr *posReader
	b  *graphBuilder
}

// readError converts a decoder error into a fatal error list.
func (j *jsonReader) readError(err error) error {
	at := j.pr.pos(j.d.InputOffset())
	if se, ok := err.(*json.SyntaxError); ok {
		at = j.pr.pos(se.Offset - 1)
	}
	if err == io.EOF { // all ends of file that readError sees are early
		err = io.ErrUnexpectedEOF
	}
	return j.b.readError(err, at)
}

// delim reads the delimiter want and returns its position.
func (j *jsonReader) delim(want json.Delim, what string) (filePos, error) {
	tok, err := j.d.Token()
	if err != nil {
		return filePos{}, j.readError(err)
	}
	at := j.pr.pos(j.d.InputOffset() - 1)
	if tok != want {
		return at, j.b.fatal(at, "", "", fmt.Errorf("%w: want %s", ErrSyntax, what))
	}
	return at, nil
}

// key reads the key of an object.
func (j *jsonReader) key() (string, filePos, error) {
	tok, err := j.d.Token()
	if err != nil {
		return "", filePos{}, j.readError(err)
	}
	// The decoder allows only strings here. The position is exact unless
	// the key was written with escapes.
	k, _ := tok.(string)
	at := j.pr.pos(j.d.InputOffset() - int64(len(jsonString(k))))
	if len(k) > readLimits.value {
		return "", at, j.b.fatal(at, "", "", fmt.Errorf("%w: key longer than %d bytes", network.ErrLimit, readLimits.value))
	}
	return k, at, nil
}

// value reads a value at the given depth of nesting and returns its text
// and position.
func (j *jsonReader) value(depth int) (json.RawMessage, filePos, error) {
	var raw json.RawMessage
	if err := j.d.Decode(&raw); err != nil {
		return nil, filePos{}, j.readError(err)
	}
	at := j.pr.pos(j.d.InputOffset() - int64(len(raw)))
	if len(raw) > readLimits.value {
		return nil, at, j.b.fatal(at, "", "", fmt.Errorf("%w: value longer than %d bytes", network.ErrLimit, readLimits.value))
	}
	if depth+jsonNesting(raw) > readLimits.depth {
		return nil, at, j.b.fatal(at, "", "", fmt.Errorf("%w: arrays and objects nested deeper than %d", network.ErrLimit, readLimits.depth))
	}
	return raw, at, nil
}

// object reads an object of the list and calls f for each key and value.
func (j *jsonReader) object(what string, f func(key string, raw json.RawMessage, at filePos)) (filePos, error) {
	start, err := j.delim('{', "an object per "+what)
	if err != nil {
		return start, err
	}
	seen := map[string]bool{}
	for j.d.More() {
		k, _, err := j.key()
		if err != nil {
			return start, err
		}
		raw, at, err := j.value(3)
		if err != nil {
			return start, err
		}
		if seen[k] {
			j.b.fail(at, k, "", fmt.Errorf("%w: key given twice in the %s", network.ErrDuplicateKey, what))
			continue
		}
		seen[k] = true
		f(k, raw, at)
	}
	_, err = j.delim('}', "the end of the "+what)
	return start, err
}

func (j *jsonReader) nodes() error {
	if _, err := j.delim('[', "a list of nodes"); err != nil {
		return err
	}
	for j.d.More() && !j.b.full() {
		var id string
		var attrs map[string]string
		at, err := j.object("node", func(k string, raw json.RawMessage, _ filePos) {
			switch {
			case k == "id":
				id = jsonText(raw)
			case string(raw) != "null":
				if attrs == nil {
					attrs = map[string]string{}
				}
				j.b.declareAttr(k)
				attrs[k] = jsonText(raw)
			}
		})
		if err != nil {
			return err
		}
		if err := j.b.addNode(id, attrs, at); err != nil {
			return err
		}
	}
	if j.b.full() {
		return j.b.errs
	}
	_, err := j.delim(']', "the end of the nodes")
	return err
}

func (j *jsonReader) links() error {
	if _, err := j.delim('[', "a list of links"); err != nil {
		return err
	}
	for j.d.More() && !j.b.full() {
		var source, target, weight string
		var hasWeight bool
		var weightAt filePos
		var attrs map[string]string
		at, err := j.object("link", func(k string, raw json.RawMessage, at filePos) {
			switch k {
			case "source":
				source = jsonText(raw)
			case "target":
				target = jsonText(raw)
			case "weight":
				weight, hasWeight, weightAt = string(raw), true, at // a string, with its quotes, is no number
			default:
				if string(raw) != "null" {
					if attrs == nil {
						attrs = map[string]string{}
					}
					j.b.declareEdgeAttr(k)
					attrs[k] = jsonText(raw)
				}
			}
		})
		if err != nil {
			return err
		}
		if !hasWeight {
			weightAt = at
		}
		if err := j.b.addEdge(source, target, weight, hasWeight, attrs, at, weightAt); err != nil {
			return err
		}
	}
	if j.b.full() {
		return j.b.errs
	}
	_, err := j.delim(']', "the end of the links")
	return err
}

// jsonText returns a string's value, "" for null, and the compact JSON
// text of any other value.
func jsonText(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s) // the decoder checked it
		return s
	case 'n':
		return ""
	}
	var b bytes.Buffer
	json.Compact(&b, raw)
	return b.String()
}

// jsonNesting returns the depth of nested arrays and objects of a valid
// JSON value: 0 for a scalar, 1 for [] or {}.
func jsonNesting(raw []byte) int {
	depth, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range raw {
		switch {
		case escaped:
			escaped = false
		case inString:
			escaped = c == '\\'
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}
