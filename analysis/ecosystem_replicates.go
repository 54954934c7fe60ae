package analysis

import (
	"fmt"
	"iter"
	"math"
	"strconv"

	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// Replicates returns the replicate values that the run holds (a whole
// run's or one shard's), as CUG shards of package inference, one for each
// ensemble, for writing with replicates.WriteSeq (a Parquet file that
// DuckDB reads) or merging with inference.Merge:
//
//   - for every tested implication of every computed analysis (the main
//     one and each robustness variant whose view differs from the main
//     one's; a variant marked the same as the main analysis, or with no
//     ties, has no replicates), its null ensemble, with
//     Statistic "<variant key>/<implication>", such as
//     "main/principal_concentration" or
//     "leave one case out/without us-v-i-soon/locality";
//   - then, when the implication's alternative could be formed, the draws
//     from it that give its power, with Statistic
//     "<variant key>/<implication>/alternative".
//
// The variant key is the "key" of the run's JSON: "main" for the main
// analysis, "<check>/<variant>" for a robustness variant (the check and
// variant columns of the verdict's robustness table, one row per
// augmentation for the unobserved-bureau scenario). Implication names
// contain no "/", so the implication is the key's last part (the last but
// one for an alternative).
//
// Null is the null model, "bipartite-sampled", and for an alternative
// "bipartite-sampled tilted to the alternative, weight w" with w its
// calibrated weight. Observed is the implication's observed value, NaN
// where it is undefined. Seed is the seed of the ensemble's stream,
// derived from the run's seed, the variant key and the ensemble:
// replicate i draws from rand.NewPCG(Seed, i), whatever the shard.
// Samples is the ensemble's size (--samples for the main analysis' null,
// --power-samples for its alternatives, --robust-samples for a variant's
// both); Shard is the run's shard (0-based, as inference.Shard: replicate
// i is in shard i mod k), and Values the shard's replicates in order,
// NaN where the statistic is undefined. The null values of a whole run
// are the verdict's NullSamples with the NaN kept in place.
//
// The shards are made one at a time as the sequence is read: each holds
// a copy of one ensemble's values of the shard, nothing more. It returns
// an error if an ensemble of the run is not laid out as the run's shard
// (a shard of a version that split ensembles in blocks, or a merged run).
func (r *EcosystemRun) Replicates() (iter.Seq[*inference.CUGShard], error) {
	shard := inference.Shard{Index: r.Shard - 1, Count: r.Shards}
	if r.Shards < 1 || r.Shard < 1 || r.Shard > r.Shards {
		return nil, fmt.Errorf("analysis: bad shard %d/%d", r.Shard, r.Shards)
	}
	check := func(key, what string, e ensembleRun) error {
		start, stride, count := Shard{Index: r.Shard, Count: r.Shards}.replicates(e.Size)
		if len(e.Values) != count || (count > 0 && e.Start != start) || (count > 1 && max(e.Stride, 1) != stride) {
			return fmt.Errorf("analysis: variant %s, %s: replicates %d, %d, … (%d of %d) are not those of shard %d/%d", key, what,
				e.Start, e.Start+max(e.Stride, 1), len(e.Values), e.Size, r.Shard, r.Shards)
		}
		return nil
	}
	for _, vr := range r.Variants {
		if vr.Same {
			continue
		}
		if err := check(vr.Key, "null", vr.Null); err != nil {
			return nil, err
		}
		for _, ir := range vr.Implications {
			if err := check(vr.Key, ir.Name+" alternative", ir.Alt); err != nil {
				return nil, err
			}
		}
	}
	return func(yield func(*inference.CUGShard) bool) {
		for _, vr := range r.Variants {
			if vr.Same || vr.Null.Size == 0 || len(vr.Implications) != len(implications) {
				continue
			}
			for k, imp := range implications {
				if !imp.Tested {
					continue
				}
				ir := vr.Implications[k]
				observed := math.NaN()
				if ir.Observed != nil {
					observed = *ir.Observed
				}
				t := testIndex(k)
				s := &inference.CUGShard{Statistic: vr.Key + "/" + imp.Name, Null: string(null.BipartiteSampled), Observed: observed,
					Seed: streamSeed(r.Settings.Seed, vr.Key, "null"), Samples: vr.Null.Size, Shard: shard, Values: vr.Null.columnAll(t)}
				if !yield(s) {
					return
				}
				if ir.Alt.Size == 0 {
					continue
				}
				s = &inference.CUGShard{Statistic: vr.Key + "/" + imp.Name + "/alternative",
					Null:     string(null.BipartiteSampled) + " tilted to the alternative, weight " + strconv.FormatFloat(ir.AltWeight, 'g', -1, 64),
					Observed: observed, Seed: streamSeed(r.Settings.Seed, vr.Key, "alt/"+imp.Name), Samples: ir.Alt.Size, Shard: shard,
					Values: ir.Alt.columnAll(0)}
				if !yield(s) {
					return
				}
			}
		}
	}, nil
}

// columnAll returns the values of test t of every replicate held, NaN
// kept (and for a row without the test).
func (e ensembleRun) columnAll(t int) []float64 {
	out := make([]float64, len(e.Values))
	for i, row := range e.Values {
		out[i] = math.NaN()
		if t < len(row) {
			out[i] = float64(row[t])
		}
	}
	return out
}
