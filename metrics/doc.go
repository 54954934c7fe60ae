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
// # The registry of measures
//
// Every node and graph measure that Compute reports is one entry of a
// registry (registry.go): its name, a one-line doc, how it reads edge
// weights (Weights) and the function that computes it. Compute,
// ComputeNodes (the measures named by ecosys metrics --only),
// LookupStatistic (the statistics of ecosys test), the node sizes of the
// report's network figures and the help texts all read that one list
// (NodeMeasureList, GraphMeasureList). To add a measure: write its
// function in a file of its own with a test against reference values
// (testdata/reference), and add one entry to nodeMeasures or
// graphMeasures. Shared work (degrees, the shortest-path pass, the
// Louvain partition) is computed once per graph by the computation the
// entries receive (computation.go).
//
// The package does not import package network, graphio or cases: it sees
// graphs and small interfaces only, so that it applies to any data a
// researcher brings.
//
// Speed: the shortest-path measures, PageRank and Louvain copy the graph
// once into flat arrays (compressed sparse row form) and run on those. A
// graph that already holds such arrays says so by implementing
// CompactGraph (the graphs of graphio.ReadEdgeList and the samples of
// metrics/null do), and its arrays are used as they are.
//
// measures.md compares the measures with their peers (NetworkX, igraph,
// sna) and works examples; centralization.md derives the maxima.
package metrics
