// Package inference tests the decentralization hypothesis: is an observed
// network more (or less) centralized than graphs drawn from a null model,
// how precise is a statistic, how much does it depend on missing data, and
// how does it compare with reference shapes and with another group of data.
//
// A statistic is a plain function of a gonum graph returning a
// metrics.Value (Statistic); a null model is a null.Sampler. The package
// offers
//
//   - CUG and Merge: the conditional uniform graph test of Anderson, Butts
//     and Carley (1999), runnable in shards on several machines;
//   - BootstrapUnits and BootstrapNodes: percentile bootstrap intervals,
//     resampling units of the data (ledger contracts) or nodes (Snijders and
//     Borgatti 1999);
//   - Sensitivity, RemoveNodes and RemoveEdges: how a statistic moves when a
//     fraction of the data is missing;
//   - Archetypes: star, tree, hubs and mesh networks of the observed size;
//   - PermutationTest: a difference between two groups of units;
//   - QAP: QAP and MRQAP regression of one network on others (Krackhardt
//     1988; Dekker, Krackhardt and Snijders 2007), with SameAttribute and
//     EdgeMatrix to build the matrices.
//
// # Reproducibility and conventions
//
// Every procedure takes a seed and a number of replicates R. Replicate i
// draws all of its randomness from rand.NewPCG(seed, uint64(i)) and its
// value is stored at index i, so results are bit-identical for any number
// of workers and, for CUG, for any split into shards. A Statistic, a
// null.Sampler and the build and remove functions must be safe for
// concurrent use. A replicate whose statistic is undefined is left out and
// counted in an Undefined field: R in every formula is the number of
// defined replicates. "T* ≥ T" holds within a relative tolerance of 1e-12.
// Quantiles are Hyndman and Fan's (1996) type 7. inference.md gives the
// details.
//
// [Anderson, Butts and Carley 1999]: https://doi.org/10.1016/S0378-8733(99)00011-8
// [Hyndman and Fan 1996]: https://doi.org/10.1080/00031305.1996.10473566
package inference
