package graphio

import (
	"fmt"
	"slices"
	"strings"
)

// MultiEdges says what a reader does with parallel edges: several rows
// (or edges of a graph file) between the same two nodes, in the same
// direction on a directed graph and in either direction on an undirected
// one, where a→b and b→a are the same pair. The graphs of ecosys hold one
// edge per pair, so parallel edges are merged into one edge, or refused.
// The merged edge keeps the attributes of its first row; those of the
// later rows are dropped. The empty value is MultiSum.
type MultiEdges string

// The policies for parallel edges.
const (
	// MultiSum adds the weights of the rows: the edge's weight is their
	// sum (without a weight column every row weighs 1, so the sum is the
	// number of rows and a multigraph keeps its multiplicities). It is the
	// default, the behaviour of ecosys before the choice existed.
	MultiSum MultiEdges = "sum"
	// MultiCount gives the edge the number of its rows as its weight,
	// whatever their weights.
	MultiCount MultiEdges = "count"
	// MultiFirst keeps the first row, with its weight, and drops the
	// others.
	MultiFirst MultiEdges = "first"
	// MultiRefuse makes a parallel edge an error (ErrDuplicateEdge) that
	// names it and the earlier edge.
	MultiRefuse MultiEdges = "refuse"
)

// MultiEdgesValues lists the policies, the default first.
var MultiEdgesValues = []MultiEdges{MultiSum, MultiCount, MultiFirst, MultiRefuse}

// SelfLoops says what a reader does with a self-loop, an edge from a node
// to itself. The graphs of ecosys (gonum's simple graphs and the compact
// graph of ReadEdgeList) hold no loops, so a loop is dropped, refused, or
// kept beside the graph in network.Graph.Loops, where the writers find it
// and the degree and strength of package metrics can count it
// (metrics.Options.Loops); the node stays in every case. The empty value
// is LoopsDrop.
type SelfLoops string

// The policies for self-loops.
const (
	// LoopsDrop drops self-loops (the reader's warning counts them and
	// names the first lines). It is the default.
	LoopsDrop SelfLoops = "drop"
	// LoopsRefuse makes a self-loop an error (ErrSelfLoop).
	LoopsRefuse SelfLoops = "refuse"
	// LoopsKeep keeps self-loops in network.Graph.Loops, one a node:
	// parallel loops (several rows from a node to itself) are merged or
	// refused by the MultiEdges policy, as parallel edges are, and the
	// loop keeps the attributes of its first row (in Graph.EdgeAttrs under
	// the key (n, n)). The reader's warning counts the loops kept and
	// names the first lines.
	LoopsKeep SelfLoops = "keep"
)

// SelfLoopsValues lists the policies, the default first.
var SelfLoopsValues = []SelfLoops{LoopsDrop, LoopsRefuse, LoopsKeep}

// ReadOptions say how the graph file readers (ReadGraphMLWith,
// ReadGEXFWith, ReadNodeLinkWith, ReadWith) treat parallel edges and
// self-loops. The zero value sums parallel edges and drops self-loops,
// without a warning.
type ReadOptions struct {
	Multi MultiEdges
	Loops SelfLoops
	// Warn, when not nil, receives one line saying what was done with
	// parallel edges and self-loops, if there were any, such as
	// "e.csv: 627 parallel edges summed into 58 edges".
	Warn func(msg string)
}

// check returns an error for a policy that is not one of the constants.
func (o ReadOptions) check() error {
	if o.Multi != "" && !slices.Contains(MultiEdgesValues, o.Multi) {
		return fmt.Errorf("graphio: unknown policy for parallel edges %q (want %s)", o.Multi, orList(names(MultiEdgesValues)))
	}
	if o.Loops != "" && !slices.Contains(SelfLoopsValues, o.Loops) {
		return fmt.Errorf("graphio: unknown policy for self-loops %q (want %s)", o.Loops, orList(names(SelfLoopsValues)))
	}
	return nil
}

// count returns "1 edge" or "n edges".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// pairs merges the edges of a reader by the policy: it keeps one entry
// per pair in order of first appearance.
type pairs struct {
	multi    MultiEdges
	directed bool
	index    map[edgeKey]int
	list     []pair
	parallel int // rows merged into an earlier one (or refused), loops too
	loops    int // self-loops dropped
	loopAt   []string
	// kept are the self-loops kept (LoopsKeep), one a node, in order of
	// first row, merged by multi as the pairs are; keptAt is their index
	// by node and keptLines the places of the first few.
	kept      []loop
	keptAt    map[int64]int
	keptLines []string
}

// loop is a self-loop being merged: its node, its first row, its weight by
// the policy and its number of rows.
type loop struct {
	node   int64
	first  int
	weight float64
	rows   int
}

// pair is an edge being merged: its key (ids in increasing order if
// undirected), the node it was first given from, its first position, its
// weight by the policy, and its rows in the direction of the first and
// in the other (undirected graphs).
type pair struct {
	key        edgeKey
	from       int64
	first      int // index of the first row, for the caller's attributes
	weight     float64
	fwd, rev   int
	fwdW, revW float64
}

func newPairs(multi MultiEdges, directed bool) *pairs {
	if multi == "" {
		multi = MultiSum
	}
	return &pairs{multi: multi, directed: directed, index: map[edgeKey]int{}}
}

// add adds a row from s to d of weight w, the row number row of the
// caller. It returns the index of the pair and whether the pair is new;
// for a pair that is not new under MultiRefuse nothing is added.
func (p *pairs) add(s, d int64, w float64, row int) (int, bool) {
	k := edgeKey{s, d}
	if !p.directed && k[0] > k[1] {
		k[0], k[1] = k[1], k[0]
	}
	i, dup := p.index[k]
	if !dup {
		p.index[k] = len(p.list)
		weight := w
		if p.multi == MultiCount {
			weight = 1
		}
		p.list = append(p.list, pair{key: k, from: s, first: row, weight: weight, fwd: 1, fwdW: w})
		return len(p.list) - 1, true
	}
	p.parallel++
	if p.multi == MultiRefuse {
		return i, false
	}
	e := &p.list[i]
	if s == e.from {
		e.fwd++
		e.fwdW += w
	} else {
		e.rev++
		e.revW += w
	}
	switch p.multi {
	case MultiSum:
		e.weight += w
	case MultiCount:
		e.weight++
	}
	return i, false
}

// keepLoop adds a self-loop at node n of weight w, the row number row of
// the caller, at the place where. It returns the index of the loop in
// p.kept and whether it is new; a loop that is not new is merged into the
// earlier one by the policy (under MultiRefuse nothing is added).
func (p *pairs) keepLoop(n int64, w float64, row int, where string) (int, bool) {
	if i, dup := p.keptAt[n]; dup {
		p.parallel++
		if p.multi == MultiRefuse {
			return i, false
		}
		l := &p.kept[i]
		l.rows++
		switch p.multi {
		case MultiSum:
			l.weight += w
		case MultiCount:
			l.weight++
		}
		return i, false
	}
	if p.keptAt == nil {
		p.keptAt = map[int64]int{}
	}
	p.keptAt[n] = len(p.kept)
	weight := w
	if p.multi == MultiCount {
		weight = 1
	}
	p.kept = append(p.kept, loop{node: n, first: row, weight: weight, rows: 1})
	if len(p.keptLines) < 3 {
		p.keptLines = append(p.keptLines, where)
	}
	return len(p.kept) - 1, true
}

// loopWeights returns the kept loops as network.Graph.Loops, nil if none.
func (p *pairs) loopWeights() map[int64]float64 {
	if len(p.kept) == 0 {
		return nil
	}
	m := make(map[int64]float64, len(p.kept))
	for _, l := range p.kept {
		m[l.node] = l.weight
	}
	return m
}

// loop counts a dropped self-loop at the place where (a line, say).
func (p *pairs) loop(where string) {
	p.loops++
	if len(p.loopAt) < 3 {
		p.loopAt = append(p.loopAt, where)
	}
}

// finish reads an undirected file that lists every edge in both
// directions with the same weights (a symmetric listing, as a matrix
// exported row by row gives) once: each pair takes the weight of one
// direction, so that reading does not double the weights. It returns the
// warning that says what was done, or "".
func (p *pairs) finish(file string) string {
	var msgs []string
	symmetric := !p.directed && len(p.list) > 0 && p.multi != MultiRefuse
	for _, e := range p.list {
		if e.fwd != e.rev || e.fwdW != e.revW {
			symmetric = false
			break
		}
	}
	if symmetric {
		for i := range p.list {
			e := &p.list[i]
			switch p.multi {
			case MultiSum:
				e.weight = e.fwdW
			case MultiCount:
				e.weight = float64(e.fwd)
			}
		}
		msgs = append(msgs, fmt.Sprintf("every edge is listed in both directions with the same weight (a symmetric listing): each of the %s is read once", count(len(p.list), "edge")))
		for _, e := range p.list {
			p.parallel -= e.rev
		}
	}
	if p.parallel > 0 {
		merged := 0
		for _, e := range p.list {
			rows := e.fwd + e.rev
			if symmetric {
				rows = e.fwd
			}
			if rows > 1 {
				merged++
			}
		}
		for _, l := range p.kept {
			if l.rows > 1 {
				merged++
			}
		}
		switch p.multi {
		case MultiSum:
			msgs = append(msgs, fmt.Sprintf("%s summed into %s", count(p.parallel, "parallel edge"), count(merged, "edge")))
		case MultiCount:
			msgs = append(msgs, fmt.Sprintf("%s merged into %s weighted by their multiplicity", count(p.parallel, "parallel edge"), count(merged, "edge")))
		case MultiFirst:
			msgs = append(msgs, fmt.Sprintf("%s dropped, keeping the first row of %s", count(p.parallel, "parallel edge"), count(merged, "edge")))
		}
	}
	if p.loops > 0 {
		at := strings.Join(p.loopAt, ", ")
		if p.loops > len(p.loopAt) {
			at += ", …"
		}
		msgs = append(msgs, fmt.Sprintf("%s dropped (%s)", count(p.loops, "self-loop"), at))
	}
	if len(p.kept) > 0 {
		at := strings.Join(p.keptLines, ", ")
		if len(p.kept) > len(p.keptLines) {
			at += ", …"
		}
		msgs = append(msgs, fmt.Sprintf("%s kept (%s)", count(len(p.kept), "self-loop"), at))
	}
	if len(msgs) == 0 {
		return ""
	}
	return file + ": " + strings.Join(msgs, "; ")
}
