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
	// max(100, 10·k), where k is the number of adjacency lists that take
	// part in trades (see New). Negative values are an error.
	Trades int
	// PermuteWeights keeps the multiset of edge weights by assigning the
	// observed weights to the sampled edges in a random order; otherwise
	// sampled edges weigh 1.
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
// GNM samples uniformly among all simple graphs on the nodes of g with as
// many edges as g ([Erdős and Rényi 1959]); on a directed graph, m arcs among
// the n(n−1) ordered pairs of distinct nodes. The m pairs are an exact
// uniform draw without replacement from the n(n−1)/2 (or n(n−1)) pair
// indices by Floyd's algorithm ([Bentley and Floyd 1987]), so there is no
// Markov chain and no burn-in.
//
// Degree and BipartiteDegree start each sample from the observed graph and
// run Options.Trades Curveball trades ([Strona et al. 2014]; [Carstens et
// al. 2016]) on flat adjacency lists. A trade picks two lists u ≠ v uniformly
// among the k lists that take part, keeps the entries that u and v have in
// common and those that may not move, and redistributes the rest uniformly
// at random, each list keeping its length:
//
//	A = N(u) \ (N(v) ∪ {v}),  B = N(v) \ (N(u) ∪ {u})
//	u gets a uniform random subset of A ∪ B of size |A|, v the rest
//
// A trade and its inverse have the same probability, so the chain is
// symmetric and its stationary distribution uniform; it is aperiodic
// because a trade may leave the lists unchanged. [Carstens 2015] proves
// the chain irreducible and uniform on binary matrices with fixed margins.
//
//   - BipartiteDegree trades the neighbour lists of the mode-0 nodes (the
//     rows of the two-mode matrix, whose columns are the mode-1 nodes):
//     exactly the Curveball of Strona et al. (2014) with fixed row and
//     column totals. k is the number of mode-0 nodes with a neighbour.
//   - Degree on an undirected graph trades neighbour lists and updates the
//     lists of the neighbours that change hands. The edge u–v, if present,
//     stays where it is (it is in neither A nor B), so a trade creates
//     neither a self-loop nor the edge u–v twice, as in the undirected
//     Curveball of Carstens et al. (2016). k is the number of non-isolated
//     nodes.
//   - Degree on a directed graph trades out-neighbour lists (rows of the
//     adjacency matrix; the in-degrees are the column sums and are kept).
//     The arc u→v stays with u and v→u with v, so no trade creates a
//     self-loop. With this forbidden diagonal, trades (like edge swaps) do
//     not connect all digraphs with the given degrees: no trade links the
//     two orientations of the directed triangle 0→1→2→0. After each trade
//     the sampler therefore attempts, with probability 1/2, a triangle
//     reversal, the move that Rao, Jana and Bandyopadhyay (1996, Sankhyā A
//     58:225–242) add to swaps for this case: it picks an arc u→v
//     uniformly and an out-neighbour w of v uniformly, and if w→u is an arc
//     while v→u, w→v and u→w are not, it replaces the cycle u→v→w→u by
//     u→w→v→u. As degrees are fixed, the reverse move is proposed with the
//     same probability, so the uniform distribution is kept; swaps and
//     triangle reversals together connect all loop-free digraphs with
//     given in- and out-degrees (Rao et al. 1996). (NetworKit instead
//     relabels nodes of equal degrees at random before trading, after
//     [Berger and Carstens 2018].) k is the number of nodes with an
//     out-neighbour.
//
// On directed and two-mode graphs the lists stay sorted (triangle
// reversals look arcs up by binary search) and u's subset is drawn by
// selection sampling over the merged pool. On undirected graphs the lists
// are unordered and each entry knows the position of its reverse entry in
// the neighbour's list, so that a neighbour x changing hands is updated in
// O(1); the common neighbours are found by marking u's, and the subset is
// drawn by a partial Fisher–Yates shuffle of min(|A|, |B|) steps. Either
// way a trade costs O(d_u + d_v) (plus a sort of the pool on directed and
// two-mode graphs); a sample costs O(Trades·d + n + m), d a typical
// degree, and is returned as a read-only flat graph.
//
// The default number of trades, max(100, 10·k), is a heuristic: no useful
// bound on the mixing time of Curveball is known. In 10·k trades each list
// takes part in 20 trades on average (the chance that a list never takes
// part is about e^−20); that is as many trades as 20 "global trades" (k/2
// disjoint trades each) of Carstens et al. (2016), the default of
// NetworKit's GlobalCurveball, and twice the 5·rows trades that R's
// incidentally::curveball uses by default as an approximate mixing time
// for Strona et al.'s algorithm. NetworKit's documentation advises 10 to
// 100 times n trades. The uniformity tests of this package run the default
// on small graphs. Raise Trades for large, dense or very skewed graphs,
// and check that the statistic of interest no longer drifts when it grows.
//
// With Options.PermuteWeights, the observed edges are sorted canonically
// (by the pair of node ids (u, v), u < v on undirected graphs and (from,
// to) on directed ones) and their weights listed in that order; the
// sampled edges are sorted the same way, and the i-th sampled edge gets
// weight π(i) of that list, for a uniform random permutation π drawn from
// the sample's source after the edges.
//
// New returns an error, starting with "null: ", for an unknown model, a
// nil graph, a self-loop or a repeated edge in g, a negative
// Options.Trades; for GNM, more edges than the n(n−1)/2 (n(n−1)) possible;
// for BipartiteDegree, a nil Options.Mode, a mode other than 0 or 1, an
// edge between two nodes of the same mode, or, on a directed graph, an arc
// from mode 1 to mode 0.
//
// BipartiteSampled runs a Metropolis chain of tie moves and swaps from the
// observed graph for Options.Trades steps per sample (see
// bipartite_sampled.go); a statistic of the mode-0 degrees is constant
// under it, and so is every mode-1 statistic when there are as many ties
// as mode-1 nodes (each then has exactly one tie).
//
// [Erdős and Rényi 1959]: https://doi.org/10.5486/PMD.1959.6.3-4.12
// [Bentley and Floyd 1987]: https://doi.org/10.1145/30401.315746
// [Strona et al. 2014]: https://doi.org/10.1038/ncomms5114
// [Carstens et al. 2016]: https://arxiv.org/abs/1609.05137
// [Carstens 2015]: https://doi.org/10.1103/PhysRevE.91.042812
// [Berger and Carstens 2018]: https://arxiv.org/abs/1803.02624
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
