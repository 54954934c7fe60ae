package graphio

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/ecosys-sna/ecosys/internal/compact"
	"github.com/ecosys-sna/ecosys/internal/csvio"
	"github.com/ecosys-sna/ecosys/network"
)

// Errors of edge lists.
var (
	ErrSelfLoop   = errors.New("self-loop: an edge from a node to itself is not supported")
	ErrBadWeight  = errors.New("invalid weight: want a positive finite number")
	ErrUnknownRef = errors.New("node not in the node file")
)

// EdgeListOptions say how to read an edge list.
type EdgeListOptions struct {
	Directed bool // edges run source → target; otherwise they are undirected
	// Weighted reads the weight column (required then, unless Multi is
	// MultiCount, whose edges weigh their number of rows: so a multigraph
	// without weights gets its multiplicities as weights); otherwise every
	// edge weighs 1.
	Weighted bool
	// Strict refuses edges whose endpoints are not in the node file; by
	// default such endpoints become nodes without attributes. It has no
	// effect without a node file.
	Strict bool
	// KeepWeights reads the weight column when the file has one, even if
	// Weighted is false: the graph then carries the file's weights, for
	// writers that must not lose them (ecosys export), while the caller
	// still computes unweighted measures. Without a weight column every
	// edge weighs 1.
	KeepWeights bool
	// Multi says what to do with parallel edges (MultiSum by default) and
	// Loops with self-loops (LoopsDrop by default); see MultiEdges and
	// SelfLoops.
	Multi MultiEdges
	Loops SelfLoops
	// Warn, when not nil, receives the warnings of the CSV readers (a file
	// converted from GB18030 or UTF-16, old Mac line ends; see
	// network.ReadOptions) and a line saying what was done with parallel
	// edges and self-loops, if the file has any.
	Warn func(msg string)
	// Delimiter separates the fields of both files: ',' ';' '\t' or '|';
	// 0 means a comma, or a tab when the first line has tabs and no comma
	// (csvio.Options.Delimiter).
	Delimiter rune
}

// ReadEdgeList reads a graph from an edge CSV with header source,target and,
// for a weighted graph, weight (aliases: from/to, src/dst, value), and
// optionally from a node CSV with header id followed by attribute columns,
// so that isolates and node attributes come in. nodes may be nil.
//
// Every other column of the edge CSV is an edge attribute: Graph.EdgeAttrNames
// lists those columns in header order, and Graph.EdgeAttrs gives every
// edge a value for each of them (an empty field is an empty value). A
// weight column is never an attribute, even when the graph is not
// weighted. Without such columns EdgeAttrs is nil.
//
// Node ids are dense and follow the order of first appearance: the node
// file's rows first, then endpoints in edge-file order, so the same files
// give the same ids. Parallel edges (rows between the same two nodes, in
// either direction on an undirected graph) are merged by opt.Multi (by
// default their weights are summed: without a weight column the weight is
// the number of rows) or refused, and counted in Graph.Merged; the merged
// edge keeps the attributes of its first row and the attributes of the
// later rows are dropped. On an undirected graph, a file that lists every
// edge in both directions with the same weight (a symmetric listing) is
// read once per edge, so that its weights are not doubled. Self-loops are
// dropped (the node stays), refused, or kept in Graph.Loops (merged by
// opt.Multi, with the attributes of their first row in EdgeAttrs under
// (n, n)) by opt.Loops. opt.Warn is told what was done, in one line. Weights that are not positive finite numbers are
// refused (a weight may be used as a length:
// metrics.PathOptions.Distances). Errors are collected up to
// network.MaxErrors and name file, line, column and field.
//
// Graph.G is a read-only graph held in compressed sparse row form (a few
// flat arrays; package internal/compact): a graph.WeightedDirected or a
// graph.WeightedUndirected whose CompactRows method lets the measures of
// package metrics use its arrays directly (metrics.CompactGraph). As in
// gonum's simple graphs, a non-edge has the weight +Inf and a node to
// itself 0. To change the graph, copy it into a simple graph with
// gonum's graph.CopyWeighted.
func ReadEdgeList(edgesName string, edges io.Reader, nodesName string, nodes io.Reader, opt EdgeListOptions) (*network.Graph, error) {
	if err := (ReadOptions{Multi: opt.Multi, Loops: opt.Loops}).check(); err != nil {
		return nil, err
	}
	r := &edgeListReader{opt: opt, g: &network.Graph{Directed: opt.Directed}, index: map[string]int64{}, nodeFile: nodes != nil}
	if nodes != nil {
		if err := r.readNodes(nodesName, nodes); err != nil {
			return nil, err
		}
	}
	r.fromNodeFile = len(r.g.Names)
	required := []string{"source", "target"}
	if opt.Weighted && opt.Multi != MultiCount { // counted edges weigh their number of rows
		required = append(required, "weight")
	}
	aliases := map[string]string{"from": "source", "to": "target", "src": "source", "dst": "target", "value": "weight"}
	// Stream the rows when the input allows it (csvio.StreamTable); on input
	// that needs the buffering reader, forget what was read.
	if err := csvio.StreamTable(edgesName, edges, required, aliases, csvio.Options{Warn: opt.Warn, Delimiter: opt.Delimiter}, r.readRows, r.forget); err != nil {
		return nil, err
	}
	return r.graph(edgesName)
}

// edgeKey is an edge of an edge list: source and target ids, in increasing
// order on an undirected graph.
type edgeKey [2]int64

// edgeListReader is the state of ReadEdgeList.
type edgeListReader struct {
	opt          EdgeListOptions
	g            *network.Graph
	index        map[string]int64 // node id by name
	nodeFile     bool             // a node file was given
	fromNodeFile int              // the nodes of the node file are 0…fromNodeFile−1
	pairs        *pairs           // the edges in order of first row
	// rows holds the edge rows when they are merged after reading
	// (bufferRows), instead of one by one in pairs.
	rows     []edgeRow
	buffered bool
}

// edgeRow is an edge row kept for merging after reading: its pair's key
// (the ids, in increasing order if undirected, packed as hi<<32 | lo),
// its weight, its line, and whether its source is the larger id (an
// undirected row read against the key's order).
type edgeRow struct {
	key  uint64
	w    float64
	line int32
	flip bool
}

// add returns the id of the node name, adding it if it is new.
func (r *edgeListReader) add(name string) int64 {
	g := r.g
	id, ok := r.index[name]
	if !ok {
		id = int64(len(g.Names))
		r.index[name] = id
		g.Names = append(g.Names, name)
		g.Attrs = append(g.Attrs, nil)
	}
	return id
}

// readNodes reads the node file: its ids become the first nodes, in row
// order, with the other columns as their attributes.
func (r *edgeListReader) readNodes(name string, nodes io.Reader) error {
	g := r.g
	t, err := csvio.ReadTable(name, nodes, []string{"id"}, map[string]string{"name": "id", "node": "id"}, csvio.Options{Warn: r.opt.Warn, Delimiter: r.opt.Delimiter, KeepAliases: true})
	if err != nil {
		return err
	}
	g.AttrNames = t.ColumnsExcept("id")
	first := map[string]int{}
	for t.Next() {
		id := t.Require("id")
		if id == "" {
			continue
		}
		if line, dup := first[id]; dup {
			t.Fail("id", id, network.ErrDuplicateKey).Other = fmt.Sprintf("%s:%d", name, line)
			continue
		}
		first[id] = t.Line()
		n := r.add(id)
		attrs := map[string]string{}
		for _, a := range g.AttrNames {
			attrs[a] = t.Get(a)
		}
		g.Attrs[n] = attrs
	}
	if errs := t.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// readRows reads the edge rows of t into weight and order; it returns
// the errors found, or nil.
func (r *edgeListReader) readRows(t *csvio.Table) error {
	g, opt := r.g, r.opt
	g.EdgeAttrNames = t.ColumnsExcept("source", "target", "weight")
	r.pairs = newPairs(opt.Multi, opt.Directed)
	// Implementation note: merging parallel rows in a map keyed by pair
	// took half the time of reading a large edge list (10⁷ rows), and the
	// pair entries, grown one by one, most of the rest. Unless a parallel
	// row must be refused where it is read, or its attributes kept, the
	// rows are collected as 24-byte records instead, sorted by pair and
	// line and merged (mergeRows): the same pairs, weights, counts and
	// warnings.
	r.rows, r.buffered = nil, opt.Multi != MultiRefuse && len(g.EdgeAttrNames) == 0
	weighted := (opt.Weighted || opt.KeepWeights) && t.Has("weight")
	for t.Next() {
		s, d := t.Require("source"), t.Require("target")
		w := 1.0
		if weighted {
			v := t.Require("weight")
			if v != "" {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || !(f > 0) || math.IsInf(f, 0) {
					t.Fail("weight", v, ErrBadWeight)
				}
				w = f
			}
		}
		if s == "" || d == "" {
			continue
		}
		if s == d {
			switch opt.Loops {
			case LoopsRefuse:
				t.Fail("target", d, ErrSelfLoop)
			case LoopsKeep:
				if opt.Strict && r.nodeFile {
					if id, ok := r.index[s]; !ok || id >= int64(r.fromNodeFile) {
						t.Fail("source", s, ErrUnknownRef)
					}
				}
				n := r.add(s)
				i, isNew := r.pairs.keepLoop(n, w, t.Line(), fmt.Sprintf("line %d", t.Line()))
				switch {
				case isNew:
					r.edgeAttrs(t, edgeKey{n, n})
				case opt.Multi == MultiRefuse:
					t.Fail("", "", fmt.Errorf("self-loop %q: %w", s, ErrDuplicateEdge)).Other = fmt.Sprintf("%s:%d", t.Name(), r.pairs.kept[i].first)
				}
			default:
				r.add(s)
				r.pairs.loop(fmt.Sprintf("line %d", t.Line()))
			}
			continue
		}
		if opt.Strict && r.nodeFile {
			for _, p := range []struct{ col, v string }{{"source", s}, {"target", d}} {
				if id, ok := r.index[p.v]; !ok || id >= int64(r.fromNodeFile) {
					t.Fail(p.col, p.v, ErrUnknownRef)
				}
			}
		}
		if r.buffered {
			u, v := r.add(s), r.add(d)
			flip := !opt.Directed && u > v
			if flip {
				u, v = v, u
			}
			// Ids and lines beyond int32 are refused by graph: ids there,
			// lines here (the row's line would not fit its record).
			if t.Line() >= math.MaxInt32 {
				t.Fail("", "", errTooManyRows)
				continue
			}
			r.rows = append(r.rows, edgeRow{key: uint64(u)<<32 | uint64(v), w: w, line: int32(t.Line()), flip: flip})
			continue
		}
		i, isNew := r.pairs.add(r.add(s), r.add(d), w, t.Line())
		switch {
		case isNew:
			r.edgeAttrs(t, r.pairs.list[i].key)
		case opt.Multi == MultiRefuse:
			arrow := " -- "
			if opt.Directed {
				arrow = " -> "
			}
			t.Fail("", "", fmt.Errorf("edge %q%s%q: %w", s, arrow, d, ErrDuplicateEdge)).Other = fmt.Sprintf("%s:%d", t.Name(), r.pairs.list[i].first)
		}
	}
	g.Merged = r.pairs.parallel
	if errs := t.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// edgeAttrs keeps the attributes of the current row of t as those of the
// new edge k.
func (r *edgeListReader) edgeAttrs(t *csvio.Table, k edgeKey) {
	g := r.g
	if len(g.EdgeAttrNames) == 0 {
		return
	}
	attrs := make(map[string]string, len(g.EdgeAttrNames))
	for _, a := range g.EdgeAttrNames {
		attrs[a] = t.Get(a)
	}
	if g.EdgeAttrs == nil {
		g.EdgeAttrs = map[[2]int64]map[string]string{}
	}
	g.EdgeAttrs[k] = attrs
}

// forget drops what readRows read, but for the nodes of the node file.
func (r *edgeListReader) forget() {
	g := r.g
	for _, name := range g.Names[r.fromNodeFile:] {
		delete(r.index, name)
	}
	g.Names, g.Attrs = g.Names[:r.fromNodeFile], g.Attrs[:r.fromNodeFile]
	g.Merged, g.EdgeAttrs, r.pairs, r.rows = 0, nil, nil, nil
}

// errTooManyRows is the error for a row past line 2³¹−1.
var errTooManyRows = errors.New("more than 2³¹−1 lines: more than this reader holds")

// mergeRows merges the buffered rows into r.pairs as pairs.add would have
// merged them one by one, but with the pairs in canonical order (sorted
// by key) rather than in order of first row: the rows are sorted by key
// and line, so that each pair's rows are merged in file order (the same
// sums, to the bit).
func (r *edgeListReader) mergeRows() {
	rows := r.rows
	slices.SortFunc(rows, func(a, b edgeRow) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.line, b.line))
	})
	p := r.pairs
	groups := 0
	for i := range rows {
		if i == 0 || rows[i].key != rows[i-1].key {
			groups++
		}
	}
	p.list = make([]pair, 0, groups)
	for i := 0; i < len(rows); {
		first := rows[i]
		k := edgeKey{int64(first.key >> 32), int64(first.key & math.MaxUint32)}
		from := k[0]
		if first.flip {
			from = k[1]
		}
		e := pair{key: k, from: from, first: int(first.line), weight: first.w, fwd: 1, fwdW: first.w}
		if p.multi == MultiCount {
			e.weight = 1
		}
		j := i + 1
		for ; j < len(rows) && rows[j].key == first.key; j++ {
			x := rows[j]
			p.parallel++
			if x.flip == first.flip {
				e.fwd++
				e.fwdW += x.w
			} else {
				e.rev++
				e.revW += x.w
			}
			switch p.multi {
			case MultiSum:
				e.weight += x.w
			case MultiCount:
				e.weight++
			}
		}
		p.list = append(p.list, e)
		i = j
	}
	r.rows = nil
}

// graph checks the size of what was read and returns it with its compact
// graph.
func (r *edgeListReader) graph(edgesName string) (*network.Graph, error) {
	g := r.g
	if len(g.Names) == 0 {
		return nil, &network.InputError{File: edgesName, Err: network.ErrNoRows}
	}
	if r.pairs == nil { // a node file and no edge rows read
		r.pairs = newPairs(r.opt.Multi, r.opt.Directed)
	}
	canonical := r.buffered
	if r.buffered {
		r.mergeRows()
	}
	if msg := r.pairs.finish(edgesName); msg != "" && r.opt.Warn != nil {
		r.opt.Warn(msg)
	}
	g.Merged = r.pairs.parallel
	g.Loops = r.pairs.loopWeights()
	order := r.pairs.list
	g.Edges = len(order)
	if int64(len(g.Names)) >= math.MaxInt32 || 2*int64(len(order)) >= math.MaxInt32 {
		return nil, &network.InputError{File: edgesName, Err: fmt.Errorf("%d nodes and %d edges: more than this reader holds (2³¹−1 node indices and edge entries)", len(g.Names), len(order))}
	}
	// A compact graph wants its list in canonical order (mergeRows gives
	// it).
	if !canonical {
		order = slices.Clone(order)
		slices.SortFunc(order, func(a, b pair) int {
			return cmp.Or(cmp.Compare(a.key[0], b.key[0]), cmp.Compare(a.key[1], b.key[1]))
		})
	}
	ids := make([]int64, len(g.Names))
	for i := range ids {
		ids[i] = int64(i)
	}
	list := make([]compact.Edge, len(order))
	ws := make([]float64, len(order))
	for i, e := range order {
		list[i] = compact.Edge{U: int32(e.key[0]), V: int32(e.key[1])}
		ws[i] = e.weight
	}
	g.G = compact.New(ids, r.opt.Directed, list, ws)
	return g, nil
}
