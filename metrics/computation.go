package metrics

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"gonum.org/v1/gonum/graph"
)

// computation is one evaluation of registry measures on one graph. It
// computes what the measures share once, on first use: degrees, the
// shortest-path pass, the iterative scores, the Louvain partition. A
// getter that fails records a note once and returns its error each time.
type computation struct {
	g        graph.Graph
	opt      Options
	ids      []graph.Node // ascending id
	directed bool
	weighted bool // weights are read as strengths

	// singlePath names the one path family (betweenness, closeness,
	// harmonic) to compute on its own, when no other shortest-path
	// measure is wanted; "" runs the shared pass.
	singlePath string
	nodesOnly  bool // ComputeNodes: report Louvain's Q in a note

	notes        []string
	notConverged []string // iterative measures that ran out of iterations
	fatal        error    // invalid input: Compute returns it

	deg        *degreeCounts
	str        []float64
	loopDeg    *degreeCounts // deg with Options.Loops counted
	loopStr    []float64     // str with Options.Loops counted
	ps         *PathStats
	psErr      error
	single     map[string]map[int64]float64
	singleErr  map[string]error
	approx     map[int64]float64
	approxErr  error
	eig        map[int64]float64
	eigErr     error
	pr         map[int64]float64
	prErr      error
	hub, auth  map[int64]float64
	hitsErr    error
	part       *Partition
	commGraph  graph.Undirected
	partErr    error
	hier       *Hierarchy
	twoModes   map[bool]*TwoModeCentralization
	twoModeErr error
	group      map[int64]string
	done       map[string]bool // getters that have run
}

func newComputation(g graph.Graph, opt Options) *computation {
	_, directed := g.(graph.Directed)
	_, hasWeights := g.(graph.Weighted)
	c := &computation{g: g, opt: opt, directed: directed, weighted: opt.Weighted && hasWeights,
		single: map[string]map[int64]float64{}, singleErr: map[string]error{}, done: map[string]bool{},
		twoModes: map[bool]*TwoModeCentralization{}}
	if opt.Weighted && !hasWeights {
		c.note("the graph has no edge weights; computed unweighted")
	}
	return c
}

// nodes returns the nodes in ascending id order.
func (c *computation) nodes() []graph.Node {
	if c.ids == nil {
		c.ids = graph.NodesOf(c.g.Nodes())
		slices.SortFunc(c.ids, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	}
	return c.ids
}

// timed reports a measure's time to Options.Timer.
func (c *computation) timed(measure string, since time.Time) {
	if c.opt.Timer != nil {
		c.opt.Timer(measure, time.Since(since))
	}
}

func (c *computation) note(format string, a ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, a...))
}

// once reports whether the getter named key runs for the first time.
func (c *computation) once(key string) bool {
	if c.done[key] {
		return false
	}
	c.done[key] = true
	return true
}

// column turns node scores into one Value per node, in id order: NaN and
// infinite scores, and every score of a nil map, are undefined.
func (c *computation) column(m map[int64]float64) []Value {
	out := make([]Value, len(c.nodes()))
	for i, u := range c.nodes() {
		if m == nil {
			out[i] = Undefined("")
			continue
		}
		out[i] = finite(m[u.ID()])
	}
	return out
}

// finite wraps a node score, undefined if it is NaN or infinite.
func finite(v float64) Value {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Undefined("")
	}
	return Defined(v)
}

func counts(x []int) []Value {
	out := make([]Value, len(x))
	for i, v := range x {
		out[i] = Defined(float64(v))
	}
	return out
}

func floats(x []float64) []Value {
	out := make([]Value, len(x))
	for i, v := range x {
		out[i] = finite(v)
	}
	return out
}

func count(n int) GraphValue { return GraphValue{Value: Defined(float64(n))} }

func intScores(m map[int64]int) map[int64]float64 {
	out := make(map[int64]float64, len(m))
	for id, v := range m {
		out[id] = float64(v)
	}
	return out
}

// directedCounts is counts on directed graphs and undefined values on
// undirected ones.
func (c *computation) directedCounts(x []int) []Value {
	if !c.directed {
		return c.column(nil)
	}
	return counts(x)
}

// degreeCounts are the degrees of the nodes in id order: total is the
// number of neighbours on undirected graphs and in + out on directed ones.
type degreeCounts struct{ total, in, out []int }

func (d *degreeCounts) totalFloat() []float64 {
	out := make([]float64, len(d.total))
	for i, v := range d.total {
		out[i] = float64(v)
	}
	return out
}

func (c *computation) degrees() *degreeCounts {
	if c.deg != nil {
		return c.deg
	}
	if d, ok := compactDegreeCounts(c.g); ok {
		c.deg = d
		return d
	}
	n := len(c.nodes())
	d := &degreeCounts{total: make([]int, n), in: make([]int, n), out: make([]int, n)}
	dg, _ := c.g.(graph.Directed)
	for i, u := range c.nodes() {
		d.out[i] = c.g.From(u.ID()).Len()
		d.total[i] = d.out[i]
		if c.directed {
			d.in[i] = dg.To(u.ID()).Len()
			d.total[i] += d.in[i]
		}
	}
	c.deg = d
	return d
}

// strengths are the strengths of the nodes in id order (the degrees when
// unweighted).
func (c *computation) strengths() []float64 {
	if c.str == nil {
		c.str = nodeValues(c.g, c.weighted)
	}
	return c.str
}

// LoopMeasures names the node measures that count the self-loops of
// Options.Loops; every other measure ignores them.
func LoopMeasures() []string { return []string{"degree", "in_degree", "out_degree", "strength"} }

// checkLoops makes a loop of Options.Loops at a node that the graph does
// not have, or with a weight that is not positive and finite, invalid
// input. It reports whether the loops are valid.
func (c *computation) checkLoops() bool {
	for _, id := range slices.Sorted(maps.Keys(c.opt.Loops)) {
		if w := c.opt.Loops[id]; c.g.Node(id) == nil || !(w > 0) || math.IsInf(w, 0) {
			c.fatal = fmt.Errorf("metrics: self-loop at node %d (weight %v): not a node of the graph, or not a positive finite weight", id, w)
			return false
		}
	}
	return true
}

// loopDegrees are the degrees with the self-loops of Options.Loops
// counted (Options.Loops says how): those of the node measures degree,
// in_degree and out_degree.
func (c *computation) loopDegrees() *degreeCounts {
	d := c.degrees()
	if len(c.opt.Loops) == 0 || !c.checkLoops() {
		return d
	}
	if c.loopDeg == nil {
		l := &degreeCounts{total: slices.Clone(d.total), in: slices.Clone(d.in), out: slices.Clone(d.out)}
		for i, u := range c.nodes() {
			if _, ok := c.opt.Loops[u.ID()]; ok {
				l.total[i] += 2
				if c.directed {
					l.in[i]++
					l.out[i]++
				}
			}
		}
		c.loopDeg = l
	}
	return c.loopDeg
}

// loopStrengths are the strengths with the self-loops of Options.Loops
// counted, 2w each (2 unweighted): the node measure strength.
func (c *computation) loopStrengths() []float64 {
	s := c.strengths()
	if len(c.opt.Loops) == 0 || !c.checkLoops() {
		return s
	}
	if c.loopStr == nil {
		l := slices.Clone(s)
		for i, u := range c.nodes() {
			if w, ok := c.opt.Loops[u.ID()]; ok {
				if !c.weighted {
					w = 1
				}
				l[i] += 2 * w
			}
		}
		c.loopStr = l
	}
	return c.loopStr
}

func (c *computation) pathOptions() PathOptions {
	return PathOptions{Distances: c.weighted && c.opt.Distances, Workers: c.opt.Workers}
}

// notePaths says once how the shortest paths read the weights.
func (c *computation) notePaths() {
	if c.once("paths-note") && c.weighted && !c.opt.Distances {
		c.note("shortest paths count edges: weights are tie strengths, not distances (--distances uses them as lengths)")
	}
}

// pathStats is the shared shortest-path pass. An error (weights that are
// not valid lengths) is invalid input.
func (c *computation) pathStats() (*PathStats, error) {
	if c.ps == nil && c.psErr == nil {
		c.notePaths()
		c.ps, c.psErr = ShortestPaths(c.g, c.pathOptions())
		if c.psErr != nil {
			c.fatal = c.psErr
		}
	}
	return c.ps, c.psErr
}

// pathScores returns the betweenness, closeness or harmonic scores of
// every node: by sampling when Options.Approx asks for it, by the
// family's own function when it is the only shortest-path measure
// wanted, and from the shared pass otherwise.
func (c *computation) pathScores(family string) (map[int64]float64, error) {
	if family == "betweenness" && c.opt.Approx.Epsilon > 0 {
		if c.approx == nil && c.approxErr == nil {
			c.notePaths()
			ao := c.opt.Approx
			ao.Distances, ao.Workers = c.weighted && c.opt.Distances, c.opt.Workers
			res, err := ApproxBetweenness(c.g, ao)
			if err != nil {
				c.approxErr = err
			} else {
				c.approx = res.Betweenness
				c.note("approximate betweenness from %d sampled shortest paths (seed %d, vertex diameter ≤ %d): with probability ≥ %g every value is within %g of the exact raw betweenness",
					res.Samples, ao.Seed, res.VertexDiameter, 1-res.Delta, res.AbsError)
			}
		}
		return c.approx, c.approxErr
	}
	if c.singlePath == family {
		if _, ok := c.single[family]; !ok {
			c.notePaths()
			f := map[string]func(graph.Graph, PathOptions) (map[int64]float64, error){
				"betweenness": Betweenness, "closeness": Closeness, "harmonic": Harmonic}[family]
			c.single[family], c.singleErr[family] = f(c.g, c.pathOptions())
			if c.singleErr[family] != nil {
				c.fatal = c.singleErr[family]
			}
		}
		return c.single[family], c.singleErr[family]
	}
	ps, err := c.pathStats()
	if err != nil {
		return nil, err
	}
	return map[string]map[int64]float64{"betweenness": ps.Betweenness, "closeness": ps.Closeness, "harmonic": ps.Harmonic}[family], nil
}

// pathColumn is the column of a shortest-path node measure.
func (c *computation) pathColumn(name string) ([]Value, error) {
	family := name
	if name == "betweenness_normalized" {
		family = "betweenness"
	}
	m, err := c.pathScores(family)
	if err != nil {
		return c.column(nil), err
	}
	if name == "betweenness_normalized" {
		m = NormalizeBetweenness(m, c.directed)
	}
	return c.column(m), nil
}

// pathValue is a graph value of the shared shortest-path pass.
func (c *computation) pathValue(f func(*PathStats) Value) GraphValue {
	ps, err := c.pathStats()
	if err != nil {
		return GraphValue{Value: Undefined(err.Error())}
	}
	return GraphValue{Value: f(ps)}
}

func (c *computation) iterOptions() IterOptions {
	it := c.opt.Iter
	it.Weighted = c.weighted
	if it.Workers == 0 {
		it.Workers = c.opt.Workers
	}
	return it
}

func (c *computation) eigenvector() (map[int64]float64, error) {
	if c.once("eigenvector") {
		c.eig, c.eigErr = Eigenvector(c.g, c.iterOptions())
		if c.eigErr != nil {
			c.note("eigenvector: %v", c.eigErr)
			if errors.Is(c.eigErr, ErrNotConverged) {
				c.notConverged = append(c.notConverged, "eigenvector")
			}
		}
	}
	return c.eig, c.eigErr
}

func (c *computation) pageRank() (map[int64]float64, error) {
	if c.once("pagerank") {
		d := c.opt.Damping
		if d == 0 {
			d = DefaultDamping
		}
		c.pr, c.prErr = PageRank(c.g, d, c.iterOptions())
		if c.prErr != nil {
			c.note("pagerank: %v", c.prErr)
			if errors.Is(c.prErr, ErrNotConverged) {
				c.notConverged = append(c.notConverged, "pagerank")
			}
		}
	}
	return c.pr, c.prErr
}

func (c *computation) hits() (hubs, authorities map[int64]float64, err error) {
	if c.once("hits") {
		c.hub, c.auth, c.hitsErr = HITS(c.g, c.iterOptions())
		if c.hitsErr != nil {
			c.note("hits: %v", c.hitsErr)
			if errors.Is(c.hitsErr, ErrNotConverged) {
				c.notConverged = append(c.notConverged, "hits")
			}
		}
	}
	return c.hub, c.auth, c.hitsErr
}

// communityGraph is the undirected graph on which Louvain runs and
// louvain.q and group_modularity are computed: the graph itself, or the
// symmetrised graph of a directed one (Symmetrised); weights count only
// when the computation reads them.
func (c *computation) communityGraph() graph.Undirected {
	if c.commGraph == nil {
		c.commGraph = Symmetrised(c.g, c.weighted)
	}
	return c.commGraph
}

// louvain is the seeded Louvain partition of communityGraph.
func (c *computation) louvain() (*Partition, error) {
	if !c.once("louvain") {
		return c.part, c.partErr
	}
	if c.directed {
		if c.weighted {
			c.note("louvain: run on the symmetrised graph (w_ij = w(i→j) + w(j→i)); louvain.q and group_modularity are its modularity")
		} else {
			c.note("louvain: run on the underlying undirected graph; louvain.q and group_modularity are its modularity")
		}
	}
	p, err := Louvain(c.communityGraph(), 1, rand.NewPCG(c.opt.Seed, c.opt.Seed))
	if err != nil {
		c.partErr = err
		c.note("louvain: %v", err)
		return nil, err
	}
	c.part = &p
	if c.nodesOnly {
		c.note("Louvain modularity Q = %s with %d communities (seed %d)", formatValue(p.Q), len(p.Communities), c.opt.Seed)
	}
	return c.part, nil
}

// formatValue prints a value at full precision, or NA.
func formatValue(v Value) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprint(v.V)
}

func (c *computation) hierarchy() Hierarchy {
	if c.hier == nil {
		h := KrackhardtHierarchy(c.g)
		c.hier = &h
	}
	return *c.hier
}

// groups is Options.Group over every node, "" where it has none.
func (c *computation) groups() map[int64]string {
	if c.group == nil {
		c.group = make(map[int64]string, len(c.nodes()))
		for _, u := range c.nodes() {
			c.group[u.ID()] = c.opt.Group[u.ID()]
		}
	}
	return c.group
}

// groupModularity is the modularity of the partition into groups,
// numbered in node order, on the graph of louvain.q (communityGraph).
func (c *computation) groupModularity() Value {
	group := c.groups()
	labels := map[string]int{}
	part := make(map[int64]int, len(c.nodes()))
	for _, u := range c.nodes() {
		k := group[u.ID()]
		if _, ok := labels[k]; !ok {
			labels[k] = len(labels)
		}
		part[u.ID()] = labels[k]
	}
	q, err := Modularity(c.communityGraph(), part, 1)
	if err != nil {
		return Undefined(err.Error())
	}
	return q
}

// centralization is one Freeman centralization, as Compute reports it.
func (c *computation) centralization(key string) GraphValue {
	n := len(c.nodes())
	gv := func(cz Centralization) GraphValue { return GraphValue{Value: cz.Value, Max: cz.Max} }
	switch key {
	case "degree", "in_degree", "out_degree":
		mode := map[string]DegreeMode{"degree": DegreeTotal, "in_degree": DegreeIn, "out_degree": DegreeOut}[key]
		if !c.directed {
			if key != "degree" {
				return GraphValue{Value: Undefined(key + " centralization is defined for directed graphs")}
			}
			mode = DegreeUndirected
		}
		return gv(DegreeCentralization(c.g, mode))
	case "strength":
		wg, ok := c.g.(graph.Weighted)
		if !ok || !c.weighted {
			return GraphValue{Value: Undefined("strength centralization needs edge weights")}
		}
		mode := DegreeUndirected
		if c.directed {
			mode = DegreeTotal
		}
		return gv(ValuedDegreeCentralization(wg, mode))
	case "eigenvector":
		eig, err := c.eigenvector()
		if err != nil {
			return GraphValue{Value: Undefined("eigenvector centrality is undefined: " + err.Error()), Max: MaxEigenvector(n, c.directed)}
		}
		return gv(Centralize(eig, MaxEigenvector(n, c.directed)))
	}
	ps, err := c.pathStats()
	if err != nil {
		return GraphValue{Value: Undefined(err.Error())}
	}
	switch key {
	case "betweenness":
		return gv(Centralize(ps.Betweenness, MaxBetweenness(n, c.directed)))
	case "closeness":
		return gv(Centralize(ps.Closeness, MaxCloseness(n, c.directed)))
	}
	return gv(Centralize(harmonicShare(ps.Harmonic, n), MaxHarmonic(n, c.directed)))
}

// twoMode is a two-mode degree centralization of one mode. A graph that
// is not two-mode by Options.Mode is invalid input.
func (c *computation) twoMode(valued bool, mode int) GraphValue {
	key := fmt.Sprint("two-mode ", valued)
	if c.once(key) {
		tm, err := c.computeTwoMode(valued)
		if err != nil {
			c.fatal = err
			c.twoModeErr = err
		}
		c.twoModes[valued] = tm
	}
	tm := c.twoModes[valued]
	if tm == nil {
		if c.twoModeErr != nil {
			return GraphValue{Value: Undefined(c.twoModeErr.Error())}
		}
		return GraphValue{Value: Undefined("two-mode centralization needs node modes and, valued, edge weights")}
	}
	cz := tm.Mode0
	if mode == 1 {
		cz = tm.Mode1
	}
	if !valued && !cz.Value.OK && tm.Isolates[mode] > 0 && cz.Max > 0 {
		cz.Value = Undefined(fmt.Sprintf("mode %d%s has %d isolated node(s); the Borgatti–Everett maximum assumes none: drop them, or read two_mode.valued_degree_centralization (weighted)",
			mode, c.modeName(mode), tm.Isolates[mode]))
	}
	return GraphValue{Value: cz.Value, Max: cz.Max}
}

// modeName is " (NAME)" for a mode with a name in Options.ModeNames, ""
// otherwise.
func (c *computation) modeName(mode int) string {
	if c.opt.ModeNames[mode] == "" {
		return ""
	}
	return " (" + c.opt.ModeNames[mode] + ")"
}

// bipartiteDensity is two_mode.density. It says once which mode is which
// when the modes have names. A graph that is not two-mode by Options.Mode
// is invalid input.
func (c *computation) bipartiteDensity() GraphValue {
	if c.opt.Mode == nil {
		return GraphValue{Value: Undefined("bipartite density needs node modes")}
	}
	ug, ok := c.g.(graph.Undirected)
	if !ok {
		c.fatal = errors.New("metrics: a two-mode graph must be undirected")
		return GraphValue{Value: Undefined(c.fatal.Error())}
	}
	if c.opt.ModeNames != [2]string{} && c.once("mode-names") {
		var n [2]int
		for _, u := range c.nodes() {
			if k := c.opt.Mode(u.ID()); k == 0 || k == 1 {
				n[k]++
			}
		}
		c.note("two_mode: mode0 is %s (%d nodes), mode1 is %s (%d nodes)", c.opt.ModeNames[0], n[0], c.opt.ModeNames[1], n[1])
	}
	d, err := BipartiteDensity(ug, c.opt.Mode)
	if err != nil {
		c.fatal = err
		return GraphValue{Value: Undefined(err.Error())}
	}
	return GraphValue{Value: d}
}

func (c *computation) computeTwoMode(valued bool) (*TwoModeCentralization, error) {
	if c.opt.Mode == nil {
		return nil, nil
	}
	ug, ok := c.g.(graph.Undirected)
	if !ok {
		return nil, errors.New("metrics: a two-mode graph must be undirected")
	}
	var (
		tm  TwoModeCentralization
		err error
	)
	if valued {
		wug, ok := c.g.(graph.WeightedUndirected)
		if !ok || !c.weighted {
			return nil, nil
		}
		tm, err = TwoModeValuedDegreeCentralization(wug, c.opt.Mode)
	} else {
		tm, err = TwoModeDegreeCentralization(ug, c.opt.Mode)
	}
	if err != nil {
		return nil, err
	}
	return &tm, nil
}
