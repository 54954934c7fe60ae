package null

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/internal/compact"
)

// Model names a null model.
type Model string

// The null models.
const (
	// GNM keeps the number of nodes n, the number of edges m and
	// directedness: Erdős–Rényi G(n, m).
	GNM Model = "gnm"
	// Degree keeps every node's degree (in- and out-degree on directed
	// graphs).
	Degree Model = "degree"
	// BipartiteDegree keeps every node's degree in a two-mode graph, whose
	// edges join nodes of different modes only.
	BipartiteDegree Model = "bipartite-degree"
	// BipartiteGNM keeps the number of nodes of each mode n₀ and n₁ and
	// the number of edges m of a two-mode graph: a uniform random
	// bipartite graph, G(n₀, n₁, m).
	BipartiteGNM Model = "bipartite-gnm"
	// BipartiteSampled keeps the degree of every mode-0 node of a two-mode
	// graph and the set of mode-1 nodes with a tie, each keeping at least
	// one: the design of data whose mode-0 nodes are the sampled units (a
	// company that a court case or a leak reveals with the organs it
	// served) and whose mode-1 nodes are seen only through a tie, so that
	// none is isolated. Ties are otherwise placed uniformly (or by
	// Options.Tilt).
	BipartiteSampled Model = "bipartite-sampled"
)

// models lists the null models in the order of their declaration.
var models = []Model{GNM, Degree, BipartiteDegree, BipartiteGNM, BipartiteSampled}

// Models returns the null models, in the order of their declaration.
func Models() []Model { return slices.Clone(models) }

// ParseModel returns the Model named s (one of Models). It returns an
// error, starting with "null: ", for any other name.
func ParseModel(s string) (Model, error) {
	for _, m := range models {
		if string(m) == s {
			return m, nil
		}
	}
	names := make([]string, len(models))
	for i, m := range models {
		names[i] = fmt.Sprintf("%q", m)
	}
	return "", fmt.Errorf("null: unknown model %q (want one of %s)", s, strings.Join(names, ", "))
}

// Options configure a sampler.
type Options struct {
	// Trades is the number of Curveball trades (Degree, BipartiteDegree)
	// run from the observed graph for each sample. 0 means
	// max(100, 10·k), a heuristic (null.md), where k is the number of
	// adjacency lists that take part in trades: the nodes with a neighbour
	// (Degree, undirected), with an out-neighbour (Degree, directed), or
	// the mode-0 nodes with a neighbour (BipartiteDegree). Negative values
	// are an error.
	Trades int
	// PermuteWeights keeps the multiset of edge weights by assigning the
	// observed weights to the sampled edges in a random order; otherwise
	// sampled edges weigh 1. The observed edges are sorted canonically (by
	// the pair of node ids (u, v), u < v on undirected graphs, and (from,
	// to) on directed ones) and their weights listed in that order; the
	// sampled edges are sorted the same way, and the i-th sampled edge
	// gets weight π(i) of that list, for a uniform random permutation π
	// drawn from the sample's source after the edges.
	PermuteWeights bool
	// Mode gives each node's mode (0 or 1) for BipartiteDegree,
	// BipartiteGNM and BipartiteSampled; required there, ignored
	// otherwise.
	Mode func(id int64) int
	// Tilt, for BipartiteSampled only, gives each pair (mode-0 node,
	// mode-1 node) a positive weight and makes a graph's probability
	// proportional to the product of its ties' weights: an alternative
	// for the power of a test. nil means uniform. For BipartiteSampled,
	// Trades is the number of chain steps per sample (0: max(200, 10·m)).
	Tilt func(row, col int64) float64
}

// Sampler draws random graphs that keep a property of an observed graph
// fixed.
type Sampler interface {
	Model() Model
	// Sample draws one graph using only src (no other randomness): the
	// same src state gives the same graph. The graph has the same node ids
	// as the observed graph and the same type (directed/undirected,
	// weighted).
	Sample(src rand.Source) (graph.Graph, error)
}

// New returns a Sampler of the null model for the observed graph g. The
// sampler copies what it needs from g, so g may change afterwards; its
// Sample method is safe for concurrent use.
//
// GNM ([Erdős and Rényi 1959]) and BipartiteGNM draw each sample exactly:
// m pairs without replacement by Floyd's algorithm ([Bentley and Floyd
// 1987]), among the n(n−1)/2 pairs of nodes (n(n−1) ordered pairs if
// directed) or the n₀·n₁ pairs of a mode-0 and a mode-1 node, so there is
// no Markov chain and no burn-in. Degree and BipartiteDegree run
// Options.Trades Curveball trades ([Strona et al. 2014]; [Carstens et al.
// 2016]) from the observed graph, a chain whose stationary distribution
// is uniform ([Carstens 2015]); on directed graphs triangle reversals are
// added. BipartiteSampled runs a Metropolis chain of tie moves and swaps
// for Options.Trades steps. null.md describes the chains, their costs and
// the default number of trades.
//
// New returns an error, starting with "null: ", for an unknown model, a
// nil graph, a self-loop or a repeated edge in g, a negative
// Options.Trades; for GNM, more edges than the n(n−1)/2 (n(n−1)) possible;
// for the two-mode models, a nil Options.Mode, a mode other than 0 or 1,
// an edge between two nodes of the same mode, or, on a directed graph, an
// arc from mode 1 to mode 0; for BipartiteSampled, a tilt weight that is
// not positive and finite.
//
// [Erdős and Rényi 1959]: https://doi.org/10.5486/PMD.1959.6.3-4.12
// [Bentley and Floyd 1987]: https://doi.org/10.1145/30401.315746
// [Strona et al. 2014]: https://doi.org/10.1038/ncomms5114
// [Carstens et al. 2016]: https://arxiv.org/abs/1609.05137
// [Carstens 2015]: https://doi.org/10.1103/PhysRevE.91.042812
func New(model Model, g graph.Graph, opt Options) (Sampler, error) {
	if _, err := ParseModel(string(model)); err != nil {
		return nil, err
	}
	if g == nil {
		return nil, errors.New("null: nil graph")
	}
	if opt.Trades < 0 {
		return nil, fmt.Errorf("null: negative number of trades %d", opt.Trades)
	}
	obs, err := observe(g)
	if err != nil {
		return nil, err
	}
	obs.permute = opt.PermuteWeights
	switch model {
	case GNM:
		return newGNM(obs)
	case Degree:
		return newDegree(obs, opt.Trades), nil
	case BipartiteGNM:
		return newBipartiteGNM(obs, opt.Mode)
	case BipartiteSampled:
		return newBipartiteSampled(obs, opt)
	default:
		return newBipartite(obs, opt.Trades, opt.Mode)
	}
}

// observed is what a sampler keeps of the observed graph.
type observed struct {
	ids      []int64 // node ids in increasing order; node i of a sample is ids[i]
	directed bool
	edges    []edge    // in canonical order
	weights  []float64 // weights[i] is the weight of edges[i]
	permute  bool
}

// edge is an edge between node indices (see compact.Edge), U < V on
// undirected graphs.
type edge = compact.Edge

func cmpEdge(a, b edge) int {
	if c := cmp.Compare(a.U, b.U); c != 0 {
		return c
	}
	return cmp.Compare(a.V, b.V)
}

// observe reads the nodes, edges and weights of g.
func observe(g graph.Graph) (*observed, error) {
	wg, weighted := g.(graph.Weighted)
	r, err := compact.Read(g, true, func(u, v int64) (float64, bool, error) {
		if v == u {
			return 0, false, fmt.Errorf("null: self-loop at node %d", u)
		}
		w := 1.0
		if weighted {
			w, _ = wg.Weight(u, v)
		}
		return w, true, nil
	})
	var unknown *compact.UnknownNodeError
	if errors.Is(err, compact.ErrTooLarge) || errors.As(err, &unknown) {
		return nil, fmt.Errorf("null: %w", err)
	}
	if err != nil {
		return nil, err
	}
	// The sorted rows list the edges in canonical order, each undirected
	// edge from both ends; a repeated edge is repeated within its row.
	obs := &observed{ids: r.IDs, directed: r.Directed}
	m := len(r.Adj)
	if !obs.directed {
		m /= 2
	}
	obs.edges, obs.weights = make([]edge, 0, m), make([]float64, 0, m)
	for i := range r.IDs {
		for k := r.Off[i]; k < r.Off[i+1]; k++ {
			j := r.Adj[k]
			if !obs.directed && j < int32(i) {
				continue // seen from the other end
			}
			if k > r.Off[i] && j == r.Adj[k-1] {
				return nil, fmt.Errorf("null: repeated edge between nodes %d and %d", r.IDs[i], r.IDs[j])
			}
			obs.edges = append(obs.edges, edge{U: int32(i), V: j})
			obs.weights = append(obs.weights, r.W[k])
		}
	}
	return obs, nil
}

// build returns the sampled graph, a read-only graph (see compact.New) with
// the observed nodes and the given edges, sorting the edges into canonical
// order first if they are not; with PermuteWeights it draws the
// permutation of the observed weights from rng.
func (obs *observed) build(edges []edge, rng *rand.Rand) graph.Graph {
	if !slices.IsSortedFunc(edges, cmpEdge) {
		slices.SortFunc(edges, cmpEdge)
	}
	var weights []float64
	if obs.permute {
		perm := rng.Perm(len(edges))
		weights = make([]float64, len(edges))
		for i, p := range perm {
			weights[i] = obs.weights[p]
		}
	}
	return compact.New(obs.ids, obs.directed, edges, weights)
}
