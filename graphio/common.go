package graphio

import (
	"cmp"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/network"
)

// Limits of the graph file readers ReadGraphML, ReadGEXF and ReadNodeLink.
// A file that exceeds one is refused with an error wrapping
// network.ErrLimit, so that a corrupt or hostile file cannot make a reader
// run out of memory.
const (
	MaxGraphFileBytes = 256 << 20  // bytes of input (256 MiB)
	MaxGraphDepth     = 64         // nesting of XML elements or of JSON arrays and objects
	MaxGraphNodes     = 50_000_000 // nodes of a file
	MaxGraphEdges     = 50_000_000 // edges of a file
	MaxValueBytes     = 1 << 20    // a node id, attribute value, weight or other text (1 MiB)
)

// readLimits are the limits in force; tests lower them.
var readLimits = struct {
	bytes                      int64
	depth, nodes, edges, value int
}{MaxGraphFileBytes, MaxGraphDepth, MaxGraphNodes, MaxGraphEdges, MaxValueBytes}

// Errors of graph files, wrapped by network.InputError.
var (
	ErrSyntax        = errors.New("syntax error")
	ErrFormat        = errors.New("unsupported graph file")
	ErrNoNodes       = errors.New("graph has no nodes")
	ErrUnknownNode   = errors.New("node not declared in the file")
	ErrDuplicateEdge = errors.New("parallel edge: the file has an edge between these nodes already")
	ErrMixedEdges    = errors.New("mixed graph: edge direction differs from the graph's default")
	ErrUndeclaredKey = errors.New("attribute key not declared")
)

// errTooLarge is returned by posReader past the size limit.
var errTooLarge = errors.New("input too large")

// filePos is a line and byte column, both 1-based.
type filePos struct{ line, col int }

func (p filePos) String() string { return fmt.Sprintf("%d:%d", p.line, p.col) }

// posReader passes input through to a decoder, refuses input beyond the
// size limit, and turns the decoder's byte offsets into lines and columns.
// It keeps the bytes that the decoder has read but whose position has not
// been asked yet: offsets asked must not decrease.
type posReader struct {
	r       io.Reader
	n       int64 // bytes read so far
	pending []byte
	base    int64 // offset of pending[0]
	at      filePos
}

func newPosReader(r io.Reader) *posReader {
	return &posReader{r: io.LimitReader(r, readLimits.bytes+1), at: filePos{1, 1}}
}

func (p *posReader) Read(b []byte) (int, error) {
	if p.n > readLimits.bytes {
		return 0, errTooLarge
	}
	n, err := p.r.Read(b)
	p.n += int64(n)
	p.pending = append(p.pending, b[:n]...)
	if p.n > readLimits.bytes {
		return n, errTooLarge
	}
	return n, err
}

// pos returns the line and column of the byte offset off. Columns count
// bytes, as encoding/csv's do.
func (p *posReader) pos(off int64) filePos {
	k := min(max(off-p.base, 0), int64(len(p.pending)))
	for _, c := range p.pending[:k] {
		if c == '\n' {
			p.at.line++
			p.at.col = 1
		} else {
			p.at.col++
		}
	}
	p.pending = p.pending[k:]
	p.base += k
	return p.at
}

// graphBuilder collects the nodes and edges of a graph file and checks them
// as ReadEdgeList does, then builds the Graph.
type graphBuilder struct {
	file      string
	names     []string
	attrs     []map[string]string
	attrNames []string
	attrSeen  map[string]bool
	edgeNames []string // edge attribute names, as EdgeAttrNames
	edgeSeen  map[string]bool
	index     map[string]int64
	nodeAt    []filePos
	edges     []rawEdge
	errs      network.ErrorList
	opt       ReadOptions
	igraph    bool // name the nodes of an igraph file by their "name" (GraphML)
}

// rawEdge is an edge as read; its endpoints are checked at the end, since
// the formats allow an edge before the nodes it joins.
type rawEdge struct {
	source, target string
	weight         float64 // 0 if the weight was bad (and reported)
	attrs          map[string]string
	at             filePos
}

func newGraphBuilder(file string, opt ReadOptions) *graphBuilder {
	return &graphBuilder{file: file, attrSeen: map[string]bool{}, edgeSeen: map[string]bool{}, index: map[string]int64{}, opt: opt}
}

// fail records an error at a place of the file.
func (b *graphBuilder) fail(at filePos, field, value string, err error) *network.InputError {
	e := &network.InputError{File: b.file, Line: at.line, Offset: at.col, Field: field, Value: value, Err: err}
	b.errs = append(b.errs, e)
	return e
}

// fatal returns the errors so far followed by a last one that ends reading.
func (b *graphBuilder) fatal(at filePos, field, value string, err error) error {
	b.fail(at, field, value, err)
	return b.errs
}

// full reports whether MaxErrors errors have been collected.
func (b *graphBuilder) full() bool { return len(b.errs) >= network.MaxErrors }

// declareAttr adds a node attribute name to Graph.AttrNames.
func (b *graphBuilder) declareAttr(name string) {
	if !b.attrSeen[name] {
		b.attrSeen[name] = true
		b.attrNames = append(b.attrNames, name)
	}
}

// declareEdgeAttr adds an edge attribute name to Graph.EdgeAttrNames.
func (b *graphBuilder) declareEdgeAttr(name string) {
	if !b.edgeSeen[name] {
		b.edgeSeen[name] = true
		b.edgeNames = append(b.edgeNames, name)
	}
}

// addNode adds a node; attrs may be nil, and their names must have been
// declared. The error is fatal (a limit).
func (b *graphBuilder) addNode(id string, attrs map[string]string, at filePos) error {
	if id == "" {
		b.fail(at, "id", "", network.ErrEmpty)
		return nil
	}
	if first, dup := b.index[id]; dup {
		e := b.fail(at, "id", id, fmt.Errorf("%w: node declared twice", network.ErrDuplicateKey))
		e.Other = fmt.Sprintf("%s:%s", b.file, b.nodeAt[first])
		return nil
	}
	if len(b.names) >= readLimits.nodes {
		return b.fatal(at, "", "", fmt.Errorf("%w: more than %d nodes", network.ErrLimit, readLimits.nodes))
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	b.index[id] = int64(len(b.names))
	b.names = append(b.names, id)
	b.attrs = append(b.attrs, attrs)
	b.nodeAt = append(b.nodeAt, at)
	return nil
}

// addEdge adds an edge. weight is its text if hasWeight, else the weight
// is 1; weightAt locates it. attrs may be nil, and their names must have
// been declared. The error is fatal (a limit).
func (b *graphBuilder) addEdge(source, target, weight string, hasWeight bool, attrs map[string]string, at, weightAt filePos) error {
	if source == "" {
		b.fail(at, "source", "", network.ErrEmpty)
	}
	if target == "" {
		b.fail(at, "target", "", network.ErrEmpty)
	}
	if source == "" || target == "" {
		return nil
	}
	w := 1.0
	if hasWeight {
		f, err := strconv.ParseFloat(strings.TrimSpace(weight), 64)
		if err != nil || !(f > 0) || math.IsInf(f, 0) {
			b.fail(weightAt, "weight", weight, ErrBadWeight)
			f = 0
		}
		w = f
	}
	if len(b.edges) >= readLimits.edges {
		return b.fatal(at, "", "", fmt.Errorf("%w: more than %d edges", network.ErrLimit, readLimits.edges))
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	b.edges = append(b.edges, rawEdge{source, target, w, attrs, at})
	return nil
}

// graph checks the edges, merges parallel edges and drops or keeps
// self-loops by b.opt, and returns the graph, or the errors in file order.
func (b *graphBuilder) graph(directed bool) (*network.Graph, error) {
	if err := b.opt.check(); err != nil {
		return nil, err
	}
	p := newPairs(b.opt.Multi, directed)
	arrow := " -- "
	if directed {
		arrow = " -> "
	}
	for i, e := range b.edges {
		if b.full() {
			break
		}
		name := fmt.Errorf("edge %q%s%q: %w", e.source, arrow, e.target, ErrUnknownNode)
		s, okS := b.index[e.source]
		if !okS {
			b.fail(e.at, "source", e.source, name)
		}
		d, okD := b.index[e.target]
		if !okD {
			b.fail(e.at, "target", e.target, name)
		}
		if !okS || !okD {
			continue
		}
		if s == d {
			switch b.opt.Loops {
			case LoopsRefuse:
				b.fail(e.at, "target", e.target, ErrSelfLoop)
			case LoopsKeep:
				if j, isNew := p.keepLoop(s, e.weight, i, "line "+strconv.Itoa(e.at.line)); !isNew && b.opt.Multi == MultiRefuse {
					err := b.fail(e.at, "", "", fmt.Errorf("self-loop %q%s%q: %w", e.source, arrow, e.target, ErrDuplicateEdge))
					err.Other = fmt.Sprintf("%s:%s", b.file, b.edges[p.kept[j].first].at)
				}
			default:
				p.loop("line " + strconv.Itoa(e.at.line))
			}
			continue
		}
		if j, isNew := p.add(s, d, e.weight, i); !isNew && b.opt.Multi == MultiRefuse {
			err := b.fail(e.at, "", "", fmt.Errorf("edge %q%s%q: %w", e.source, arrow, e.target, ErrDuplicateEdge))
			err.Other = fmt.Sprintf("%s:%s", b.file, b.edges[p.list[j].first].at)
		}
	}
	if len(b.errs) > 0 {
		slices.SortStableFunc(b.errs, func(x, y *network.InputError) int {
			return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Offset, y.Offset))
		})
		return nil, b.errs[:min(len(b.errs), network.MaxErrors)]
	}
	if len(b.names) == 0 {
		return nil, network.ErrorList{{File: b.file, Err: ErrNoNodes}}
	}
	if msg := p.finish(b.file); msg != "" && b.opt.Warn != nil {
		b.opt.Warn(msg)
	}
	b.igraphNames()
	attrNames := foldExact(b.attrNames, slices.Values(b.attrs))
	edgeNames := foldExact(b.edgeNames, func(yield func(map[string]string) bool) {
		for _, e := range b.edges {
			if !yield(e.attrs) {
				return
			}
		}
	})
	g := &network.Graph{Directed: directed, Names: b.names, Attrs: b.attrs, AttrNames: attrNames, Edges: len(p.list), Merged: p.parallel, EdgeAttrNames: edgeNames,
		Loops: p.loopWeights()}
	var add func(u, v int64, w float64)
	if directed {
		dg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		for i := range b.names {
			dg.AddNode(simple.Node(i))
		}
		add = func(u, v int64, w float64) { dg.SetWeightedEdge(dg.NewWeightedEdge(simple.Node(u), simple.Node(v), w)) }
		g.G = dg
	} else {
		ug := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		for i := range b.names {
			ug.AddNode(simple.Node(i))
		}
		add = func(u, v int64, w float64) { ug.SetWeightedEdge(ug.NewWeightedEdge(simple.Node(u), simple.Node(v), w)) }
		g.G = ug
	}
	for _, pe := range p.list {
		k, e := pe.key, b.edges[pe.first]
		add(k[0], k[1], pe.weight)
		if e.attrs != nil {
			if g.EdgeAttrs == nil {
				g.EdgeAttrs = map[[2]int64]map[string]string{}
			}
			g.EdgeAttrs[k] = e.attrs
		}
	}
	for _, l := range p.kept {
		if e := b.edges[l.first]; e.attrs != nil {
			if g.EdgeAttrs == nil {
				g.EdgeAttrs = map[[2]int64]map[string]string{}
			}
			g.EdgeAttrs[[2]int64{l.node, l.node}] = e.attrs
		}
	}
	return g, nil
}

// igraphNames names the nodes of a file that igraph wrote by their
// "name" attribute: igraph writes the node ids n0, n1, … in order and
// keeps its vertex names in the node attribute "name". If every node id
// is n followed by its position (from 0) and every node has a distinct,
// non-empty "name", the names become the nodes' names (and stay an
// attribute too); otherwise the ids stay the names.
func (b *graphBuilder) igraphNames() {
	if !b.igraph || !b.attrSeen["name"] || len(b.names) == 0 {
		return
	}
	seen := make(map[string]bool, len(b.names))
	for i, id := range b.names {
		n := b.attrs[i]["name"]
		if id != "n"+strconv.Itoa(i) || n == "" || seen[n] {
			return
		}
		seen[n] = true
	}
	for i := range b.names {
		b.names[i] = b.attrs[i]["name"]
	}
}

// readError converts an error of a decoder into an InputError list.
func (b *graphBuilder) readError(err error, at filePos) error {
	var xs *xml.SyntaxError
	var js *json.SyntaxError
	switch {
	case errors.Is(err, errTooLarge):
		return b.fatal(filePos{}, "", "", fmt.Errorf("%w: file larger than %d bytes", network.ErrLimit, readLimits.bytes))
	case errors.As(err, &xs):
		return b.fatal(at, "", "", fmt.Errorf("%w: %s", ErrSyntax, strings.TrimPrefix(xs.Msg, "xml: ")))
	case errors.As(err, &js):
		return b.fatal(at, "", "", fmt.Errorf("%w: %s", ErrSyntax, js.Error()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return b.fatal(at, "", "", fmt.Errorf("%w: unexpected end of file", ErrSyntax))
	}
	return b.fatal(at, "", "", err)
}

// A writable graph is a Graph checked for writing, with its edges sorted
// by (from, to), the self-loops of Loops among them (from = to).
type writable struct {
	*network.Graph
	attrNames     []string // AttrNames, then attributes used but not declared, sorted
	edgeAttrNames []string // EdgeAttrNames, then edge attributes used but not declared, sorted
	edges         []writableEdge
	// nodeCols and edgeCols are the typed columns of the attributes
	// (AttrTypes, AttrColumns), for the typed writers.
	nodeCols, edgeCols []AttrColumn
}

type writableEdge struct {
	from, to int64
	weight   float64
	attrs    [][2]string // in edgeAttrNames order, those the edge has
	m        map[string]string
}

// typedValue is a value of a typed column: the column's index in
// nodeCols or edgeCols, and its text.
type typedValue struct {
	col  int
	text string
}

// typed returns the values of m in the columns cols, skipping the
// attributes m does not have and the empty values of columns that are not
// strings (no value), and the exact companion of an attribute that is
// skipped.
func typed(m map[string]string, cols []AttrColumn) []typedValue {
	if len(m) == 0 {
		return nil
	}
	var out []typedValue
	for i, c := range cols {
		v, ok := m[c.Attr]
		if !ok || v == "" && (c.Type != AttrString || c.Exact) {
			continue
		}
		out = append(out, typedValue{i, v})
	}
	return out
}

// nodeValues returns the typed values of node i.
func (g *writable) nodeValues(i int) []typedValue {
	if i >= len(g.Attrs) {
		return nil
	}
	return typed(g.Attrs[i], g.nodeCols)
}

// NodeLabel returns the label of node i of g, for the writers that give
// nodes a label (GEXF's label, DOT's label attribute): the node's first
// non-empty attribute among "label", "name" (igraph's vertex name),
// "name_en" and "name_zh", else its name (g.Names[i]). ReadGEXF drops a
// label equal to the one NodeLabel derives from the node's attributes, so
// a GEXF file written by WriteGEXF reads back without a new attribute.
func NodeLabel(g *network.Graph, i int) string {
	var attrs map[string]string
	if i < len(g.Attrs) {
		attrs = g.Attrs[i]
	}
	return labelOf(attrs, g.Names[i])
}

// labelAttrs are the attributes NodeLabel looks at, in order.
var labelAttrs = []string{"label", "name", "name_en", "name_zh"}

func labelOf(attrs map[string]string, name string) string {
	for _, a := range labelAttrs {
		if v := attrs[a]; v != "" {
			return v
		}
	}
	return name
}

// attrNamesOf returns the names of declared, deduplicated, followed by the
// other keys of the maps, sorted.
func attrNamesOf(declared []string, maps func(yield func(map[string]string) bool)) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range declared {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	var extra []string
	for m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// ordered returns the entries of m in the order of names, skipping the
// names m does not have.
func ordered(m map[string]string, names []string) [][2]string {
	if len(m) == 0 {
		return nil
	}
	var out [][2]string
	for _, k := range names {
		if v, ok := m[k]; ok {
			out = append(out, [2]string{k, v})
		}
	}
	return out
}

// attrs returns the attributes of node i in attrNames order, skipping
// those the node does not have.
func (g *writable) attrs(i int) [][2]string {
	if i >= len(g.Attrs) {
		return nil
	}
	return ordered(g.Attrs[i], g.attrNames)
}

// forWriting checks that g can be written and read back: node ids are
// 0..len(Names)-1, names are unique and not empty, weights (of the edges
// and of the self-loops of g.Loops) are positive and finite, EdgeAttrs has
// only edges of G (from < to if undirected) and loops of g.Loops,
// no edge attribute is called "weight" or one of reserved, and all text is
// valid UTF-8 (and, for XML, has only characters XML allows).
func forWriting(g *network.Graph, xmlText bool, reserved ...string) (*writable, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("graphio: cannot write graph: "+format, args...)
	}
	text := func(what, s string) error {
		if !utf8.ValidString(s) {
			return bad("%s %q is not valid UTF-8", what, s)
		}
		if xmlText {
			for _, r := range s {
				if !isXMLChar(r) {
					return bad("%s %q has character %U, which XML does not allow", what, s, r)
				}
			}
		}
		return nil
	}
	if g == nil || g.G == nil {
		return nil, bad("no graph")
	}
	n := len(g.Names)
	nodes := g.G.Nodes()
	if nodes.Len() != n {
		return nil, bad("%d nodes but %d names", nodes.Len(), n)
	}
	for nodes.Next() {
		if id := nodes.Node().ID(); id < 0 || id >= int64(n) {
			return nil, bad("node id %d out of range 0..%d", id, n-1)
		}
	}
	seen := make(map[string]bool, n)
	for _, name := range g.Names {
		if name == "" {
			return nil, bad("empty node name")
		}
		if seen[name] {
			return nil, bad("node name %q appears twice", name)
		}
		seen[name] = true
		if err := text("node name", name); err != nil {
			return nil, err
		}
	}
	w := &writable{Graph: g}
	w.attrNames = attrNamesOf(g.AttrNames, slices.Values(g.Attrs))
	for _, attrs := range g.Attrs {
		for _, kv := range ordered(attrs, w.attrNames) {
			if err := text("attribute value", kv[1]); err != nil {
				return nil, err
			}
		}
	}
	for _, a := range w.attrNames {
		if err := text("attribute name", a); err != nil {
			return nil, err
		}
	}
	var edgeKeys [][2]int64
	for k := range g.EdgeAttrs {
		edgeKeys = append(edgeKeys, k)
	}
	slices.SortFunc(edgeKeys, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	w.edgeAttrNames = attrNamesOf(g.EdgeAttrNames, func(yield func(map[string]string) bool) {
		for _, k := range edgeKeys {
			if !yield(g.EdgeAttrs[k]) {
				return
			}
		}
	})
	for _, a := range w.edgeAttrNames {
		if a == "weight" || slices.Contains(reserved, a) {
			return nil, bad("edge attribute %q: the format has no room for it", a)
		}
		if err := text("edge attribute name", a); err != nil {
			return nil, err
		}
	}
	for _, k := range edgeKeys {
		attrs := g.EdgeAttrs[k]
		if len(attrs) == 0 {
			continue
		}
		_, isLoop := g.Loops[k[0]]
		isLoop = isLoop && k[0] == k[1]
		isEdge := k[0] >= 0 && k[0] < int64(n) && k[1] >= 0 && k[1] < int64(n) && (g.Directed || k[0] < k[1]) && g.G.Edge(k[0], k[1]) != nil
		if !isEdge && !isLoop {
			return nil, bad("edge attributes for (%d, %d), which is neither an edge (from < to on an undirected graph) nor a self-loop of Loops", k[0], k[1])
		}
		for _, kv := range ordered(attrs, w.edgeAttrNames) {
			if err := text("edge attribute value", kv[1]); err != nil {
				return nil, err
			}
		}
	}
	for u, wt := range g.Loops {
		if u < 0 || u >= int64(n) {
			return nil, bad("self-loop at node id %d out of range 0..%d", u, n-1)
		}
		if !(wt > 0) || math.IsInf(wt, 0) {
			return nil, bad("self-loop %q: weight %v: %v", g.Names[u], wt, ErrBadWeight)
		}
	}
	for u := range int64(n) {
		to := graph.NodesOf(g.G.From(u))
		if _, ok := g.Loops[u]; ok {
			to = append(to, simple.Node(u))
		}
		slices.SortFunc(to, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
		for _, v := range to {
			if !g.Directed && v.ID() < u {
				continue
			}
			wt, _ := g.G.Weight(u, v.ID())
			if v.ID() == u {
				wt = g.Loops[u]
			}
			if !(wt > 0) || math.IsInf(wt, 0) {
				return nil, bad("edge %q -> %q: weight %v: %v", g.Names[u], g.Names[v.ID()], wt, ErrBadWeight)
			}
			m := g.EdgeAttrs[[2]int64{u, v.ID()}]
			w.edges = append(w.edges, writableEdge{u, v.ID(), wt, ordered(m, w.edgeAttrNames), m})
		}
	}
	nodeTypes, edgeTypes := AttrTypes(g)
	w.nodeCols = AttrColumns(w.attrNames, nodeTypes)
	w.edgeCols = AttrColumns(w.edgeAttrNames, edgeTypes)
	return w, nil
}

// isXMLChar reports whether XML 1.0 allows the character.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// formatWeight writes a weight in the shortest form that reads back exactly.
func formatWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// xmlEscape escapes text for XML element content and attribute values,
// including tabs and line breaks, which a reader would otherwise normalize.
func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
