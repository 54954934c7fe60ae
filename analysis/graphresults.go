package analysis

import (
	"errors"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
)

// ErrNoLedger is returned by the results of a network of one's own
// (NewGraphResults) for what only a contract ledger has: tallies of
// contracts, the ledger's description, the ecosystem verdict, the
// sensitivity to missing contracts, the case network and the claims.
var ErrNoLedger = errors.New("no contract ledger: the network is an edge list or graph file of your own")

// GraphInput is a network of one's own (an edge list, a GraphML, GEXF or
// node-link JSON file) as Results take it.
type GraphInput struct {
	// Graph is the network (graphio.ReadEdgeList, graphio.Read); its node
	// ids are 0..len(Names)-1.
	Graph *network.Graph
	// Source names where it was read from, such as the file name.
	Source string
	// Weighted reads the edge weights as tie strengths; Distances also
	// as lengths in shortest paths (metrics.Options).
	Weighted, Distances bool
	// Mode, if not nil, gives each node's mode (0 or 1) of a two-mode
	// network (network.Modes); Group each node's group for assortativity,
	// group modularity and brokerage (metrics.Options.Group).
	Mode  func(id int64) int
	Group map[int64]string
}

// NewGraphResults returns the results of a network of one's own: its
// measures (Measures, metrics.Compute with the input's weights, modes,
// groups and kept self-loops, Louvain seeded by opt.Seed) and what figures
// draw from them.
// Everything that needs a contract ledger — Tally, Description,
// Ecosystem, Sensitivity, CaseMeta, Claims — returns ErrNoLedger, and
// Ledger and Network return nil. Only opt.Seed and opt.Workers are used.
func NewGraphResults(in GraphInput, opt ResultsOptions) *Results {
	r := NewResults(nil, nil, opt)
	r.gin = &in
	return r
}

// Graph returns the network of one's own of results made by
// NewGraphResults, nil for the results of a ledger.
func (r *Results) Graph() *GraphInput { return r.gin }

// graphMeasures computes the measures of the network of one's own.
func (r *Results) graphMeasures() (*metrics.Report, error) {
	g := r.gin.Graph
	return metrics.Compute(g.G, func(id int64) string { return g.Names[id] }, metrics.Options{
		Weighted: r.gin.Weighted, Distances: r.gin.Distances, Mode: r.gin.Mode, Group: r.gin.Group,
		Loops: g.Loops, Seed: r.opt.Seed, Workers: r.opt.Workers})
}
