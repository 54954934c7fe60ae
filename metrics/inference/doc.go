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
// # Reproducibility
//
// Every procedure takes a seed and a number of replicates R. Replicate i
// (0 ≤ i < R) draws all of its randomness from its own source
//
//	rand.NewPCG(seed, uint64(i))
//
// and its value is stored at index i, never in completion order. Results
// are therefore bit-identical for any number of workers (Workers, 0 meaning
// GOMAXPROCS) and, for CUG, for any split of the replicates into shards.
// Because replicates run concurrently, a Statistic, a null.Sampler and the
// build and remove functions must be safe for concurrent use (pure
// functions of their arguments; gonum's simple graphs may be read
// concurrently).
//
// # Conventions
//
//   - Undefined values. A replicate whose statistic is undefined
//     (metrics.Value.OK false, or a value that is not finite) is left out of
//     the null or bootstrap distribution and counted in an Undefined field;
//     R in every formula below is the number of defined replicates. An
//     undefined observed value is an error.
//   - Ties. "T* ≥ T" is true when T* > T or when the two are equal within a
//     relative tolerance, |T* − T| ≤ 1e-12·max(|T*|, |T|), so that
//     floating-point noise in a statistic computed on isomorphic graphs
//     cannot decide a p-value. At T = 0 only an exact zero ties.
//   - Quantiles are Hyndman and Fan's (1996) type 7, the default of R's
//     quantile and of numpy.quantile: for sorted x₀ ≤ … ≤ x_{R−1},
//     h = (R−1)p and Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋). gonum's
//     stat.Quantile offers only stat.Empirical (type 1) and stat.LinInterp
//     (type 4, interpolating the empirical CDF), so type 7 is written here
//     (quantile7).
//   - Means are computed as x₀ + Σ(xᵢ − x₀)/R, which returns a constant
//     sample's value exactly; SD is the sample standard deviation (divisor
//     R − 1).
//
// [Anderson, Butts and Carley 1999]: https://doi.org/10.1016/S0378-8733(99)00011-8
// [Hyndman and Fan 1996]: https://doi.org/10.1080/00031305.1996.10473566
package inference
