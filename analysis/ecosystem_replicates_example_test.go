package analysis_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/metrics/inference/replicates"
)

// The replicates of shard 2 of 3 of a verdict's run, written as Parquet
// and read back: for each tested implication of the main analysis, its
// null ensemble and its alternative's draws, with the shard's replicates
// 1, 4, 7, … of each.
func ExampleEcosystemRun_Replicates() {
	e, err := analysis.Synthetic(analysis.SyntheticEcosystems["centralized"], 1)
	if err != nil {
		panic(err)
	}
	run, err := analysis.RunEcosystem(e, analysis.EcosystemOptions{Samples: 199, PowerSamples: 10, RobustSamples: 199, Seed: 1,
		Shard: analysis.Shard{Index: 2, Count: 3}})
	if err != nil {
		panic(err)
	}
	seq, err := run.Replicates()
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := replicates.WriteSeq(&buf, seq); err != nil {
		panic(err)
	}
	shards, err := replicates.Read("shard-2.parquet", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic(err)
	}
	for _, s := range shards {
		if strings.HasPrefix(s.Statistic, "main/") {
			fmt.Printf("%s: %d of %d replicates (shard %d/%d), null %.17s\n", s.Statistic, len(s.Values), s.Samples, s.Shard.Index+1, s.Shard.Count, s.Null)
		}
	}
	// Output:
	// main/principal_concentration: 66 of 199 replicates (shard 2/3), null bipartite-sampled
	// main/principal_concentration/alternative: 3 of 10 replicates (shard 2/3), null bipartite-sampled
	// main/locality: 66 of 199 replicates (shard 2/3), null bipartite-sampled
	// main/locality/alternative: 3 of 10 replicates (shard 2/3), null bipartite-sampled
}
