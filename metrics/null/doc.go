// Package null draws random graphs for conditional uniform graph tests: a
// Sampler keeps a property of an observed graph fixed (its size, its degree
// sequence, the degrees of both modes of a two-mode graph, the sizes of
// both modes and the number of edges, or the degrees of one mode and the
// set of tied nodes of the other) and draws graphs uniformly at random
// (unless Options.Tilt says otherwise) among all simple graphs that share
// it. null.md describes the Markov chains and why they are uniform.
//
// Graphs are gonum graphs (gonum.org/v1/gonum/graph) without self-loops or
// multiple edges. A graph is directed if it implements graph.Directed, and
// undirected otherwise; edge weights are read through graph.Weighted when
// the graph implements it and are 1 otherwise. A sampled graph has the node
// ids of the observed graph (isolates included) and is a read-only graph
// in compressed sparse row form (it implements metrics.CompactGraph) and
// graph.WeightedUndirected or graph.WeightedDirected, as the observed
// graph is undirected or directed, with the weight 0 from a node to itself
// and +Inf between nodes without an edge, as the graphs of package
// network.
//
// A statistic that is a function of the fixed property is constant over the
// samples, so a test of it is meaningless: density and mean degree under
// GNM; every degree-based statistic (degree centralization, degree Gini,
// degree distribution) under Degree; each mode's degree statistics under
// BipartiteDegree; two-mode density under BipartiteGNM; mode-0 degree
// statistics under BipartiteSampled; total weight when weights are
// permuted. Statistics that do vary under Degree include betweenness,
// closeness and harmonic centralization, hierarchy, transitivity,
// assortativity and modularity.
//
// Every random procedure takes a rand.Source (math/rand/v2) and uses no
// other randomness; each sample starts afresh from the observed graph, so
// samples drawn from independent sources are independent, and the result
// of a test does not depend on how its samples are spread over goroutines.
package null
