// Package metrics computes descriptive statistics and network measures for
// organisational ecosystems.
//
// Measures work on gonum graphs (gonum.org/v1/gonum/graph): a node is a
// party, an edge a tie between parties. Where edges carry weights, a weight
// is a tie strength (number of contracts, amount in CNY) unless a measure
// says that it treats weights as distances. Directed measures follow edge
// direction (contractor → signatory → end user in a ledger network).
//
// Tabulations (Tabulate) work on any table of contracts that can say, for
// each contract, its group and its amount; amounts are summed exactly as
// integers of fen (1/100 yuan).
//
// The package does not import package network: it sees graphs and small
// interfaces only, so that it applies to any data a researcher brings.
//
// Speed: the shortest-path measures, PageRank and Louvain copy the graph
// once into flat arrays (compressed sparse row form) and run on those. A
// graph that already holds such arrays says so by implementing
// CompactGraph (the graphs of network.ReadEdgeList and the samples of
// metrics/null do), and its arrays are used as they are.
package metrics
