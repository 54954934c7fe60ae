package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/inference/replicates"
)

// replicateFile writes a run's replicates as a Parquet file and reads it
// back, as DuckDB users and ecosys test merge read it.
func replicateFile(t *testing.T, run *EcosystemRun) []*inference.CUGShard {
	t.Helper()
	seq, err := run.Replicates()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := replicates.WriteSeq(&buf, seq); err != nil {
		t.Fatal(err)
	}
	shards, err := replicates.Read("run.parquet", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return shards
}

// TestEcosystemReplicates checks that the replicates file of a whole run
// holds, for each tested implication of the main analysis, exactly the
// verdict's NullSamples (in order; NaN written as null and left out of
// NullSamples), and one null ensemble for each tested implication of
// every computed robustness variant; and that the files of 2 and of 3
// shards, read and put together by replicate index, hold the same values
// bit for bit, and merge (inference.Merge) into the same CUG results.
func TestEcosystemReplicates(t *testing.T) {
	e, err := Synthetic(SyntheticEcosystems["centralized"], 4)
	if err != nil {
		t.Fatal(err)
	}
	opt := EcosystemOptions{Samples: 199, PowerSamples: 20, RobustSamples: 199, Seed: 5, Population: 30, Thetas: []float64{1}, ScenarioReps: 1}
	run, err := RunEcosystem(e, opt)
	if err != nil {
		t.Fatal(err)
	}
	v, err := MergeEcosystem([]*EcosystemRun{run})
	if err != nil {
		t.Fatal(err)
	}
	whole := replicateFile(t, run)
	byStat := map[string]*inference.CUGShard{}
	for _, s := range whole {
		if byStat[s.Statistic] != nil {
			t.Fatalf("statistic %s twice", s.Statistic)
		}
		byStat[s.Statistic] = s
		if s.Shard.Count != 1 || len(s.Values) != s.Samples {
			t.Errorf("%s: shard %+v, %d values of %d", s.Statistic, s.Shard, len(s.Values), s.Samples)
		}
	}
	tested := 0
	for _, r := range v.Implications {
		imp := implications[indexOf(r.Name)]
		s := byStat["main/"+r.Name]
		if !imp.Tested {
			if s != nil {
				t.Errorf("descriptive implication %s has replicates", r.Name)
			}
			continue
		}
		tested++
		if s == nil {
			t.Fatalf("no replicates of main/%s", r.Name)
		}
		if s.Samples != opt.Samples || s.Null != "bipartite-sampled" || s.Seed != streamSeed(opt.Seed, "main", "null") {
			t.Errorf("main/%s: %d samples, null %q, seed %d", r.Name, s.Samples, s.Null, s.Seed)
		}
		if r.Observed != nil && s.Observed != *r.Observed {
			t.Errorf("main/%s: observed %v, want %v", r.Name, s.Observed, *r.Observed)
		}
		var defined []float64
		for _, x := range s.Values {
			if !math.IsNaN(x) {
				defined = append(defined, x)
			}
		}
		if len(r.NullSamples) == 0 || !slices.Equal(defined, r.NullSamples) {
			t.Errorf("main/%s: the file's %d defined values are not the verdict's %d NullSamples", r.Name, len(defined), len(r.NullSamples))
		}
		if alt := byStat["main/"+r.Name+"/alternative"]; len(r.AltSamples) > 0 && (alt == nil || alt.Samples != opt.PowerSamples ||
			!strings.HasPrefix(alt.Null, "bipartite-sampled tilted to the alternative, weight ")) {
			t.Errorf("main/%s: alternative draws %+v", r.Name, alt)
		}
	}
	if tested == 0 {
		t.Fatal("no tested implication")
	}
	// Every computed robustness variant has its null ensembles; those the
	// same as the main analysis have none.
	computed := 0
	for _, vr := range run.Variants[1:] {
		s := byStat[vr.Key+"/"+implications[1].Name]
		switch {
		case vr.Same && s != nil:
			t.Errorf("variant %s, the same as the main analysis, has replicates", vr.Key)
		case !vr.Same && vr.Null.Size > 0 && (s == nil || s.Samples != opt.RobustSamples):
			t.Errorf("variant %s: replicates %+v", vr.Key, s)
		case !vr.Same && vr.Null.Size > 0:
			computed++
		}
	}
	if computed < 3 {
		t.Errorf("%d robustness variants with replicates", computed)
	}

	for _, k := range []int{2, 3} {
		t.Run(fmt.Sprint(k, " shards"), func(t *testing.T) {
			parts := map[string][]*inference.CUGShard{}
			var order []string
			for i := 1; i <= k; i++ {
				for _, s := range replicateFile(t, shardRun(t, e, opt, i, k)) {
					if parts[s.Statistic] == nil {
						order = append(order, s.Statistic)
					}
					parts[s.Statistic] = append(parts[s.Statistic], s)
				}
			}
			if len(order) != len(whole) {
				t.Fatalf("%d statistics in the shards, %d in the whole run", len(order), len(whole))
			}
			for i, w := range whole {
				if order[i] != w.Statistic {
					t.Fatalf("statistic %d: %s, want %s", i, order[i], w.Statistic)
				}
				ps := parts[w.Statistic]
				vals := make([]float64, w.Samples)
				for _, p := range ps {
					if p.Seed != w.Seed || p.Null != w.Null || p.Samples != w.Samples || math.Float64bits(p.Observed) != math.Float64bits(w.Observed) {
						t.Errorf("%s, shard %+v: settings differ from the whole run's", w.Statistic, p.Shard)
					}
					for j, x := range p.Values {
						vals[p.Shard.Index+j*p.Shard.Count] = x
					}
				}
				if !slices.EqualFunc(vals, w.Values, func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }) {
					t.Errorf("%s: the shards' values differ from the whole run's", w.Statistic)
				}
				got, err1 := inference.Merge(ps)
				want, err2 := inference.Merge([]*inference.CUGShard{w})
				gj, _ := json.Marshal(got)
				wj, _ := json.Marshal(want)
				if fmt.Sprint(err1) != fmt.Sprint(err2) || !bytes.Equal(gj, wj) {
					t.Errorf("%s: merged shards %s (%v), whole run %s (%v)", w.Statistic, gj, err1, wj, err2)
				}
			}
		})
	}
}

// TestEcosystemReplicatesLayout checks that Replicates refuses a run
// whose ensembles are not its shard's replicates: a shard that split its
// ensembles in blocks, as shards did before, or a shard's numbers edited.
func TestEcosystemReplicatesLayout(t *testing.T) {
	e, err := Synthetic(SyntheticEcosystems["thin"], 1)
	if err != nil {
		t.Fatal(err)
	}
	r, err := RunEcosystem(e, EcosystemOptions{Samples: 199, PowerSamples: 5, RobustSamples: 199, Shard: Shard{Index: 2, Count: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Replicates(); err != nil {
		t.Fatal(err)
	}
	block := *r
	block.Variants = slices.Clone(r.Variants)
	block.Variants[0].Null.Start, block.Variants[0].Null.Stride = 66, 0
	if _, err := block.Replicates(); err == nil || !strings.Contains(err.Error(), "not those of shard 2/3") {
		t.Errorf("a block shard: %v", err)
	}
	other := *r
	other.Shard = 3
	if _, err := other.Replicates(); err == nil {
		t.Error("shard 3/3 with the replicates of shard 2/3 accepted")
	}
}

// TestJoinEnsemble checks that MergeEcosystem joins strided shards and the
// block shards of earlier versions, and refuses parts that leave a
// replicate out or repeat one.
func TestJoinEnsemble(t *testing.T) {
	row := func(i int) []jsonNum { return []jsonNum{jsonNum(i)} }
	rows := func(is ...int) [][]jsonNum {
		var out [][]jsonNum
		for _, i := range is {
			out = append(out, row(i))
		}
		return out
	}
	want := rows(0, 1, 2, 3, 4)
	for _, tt := range []struct {
		name  string
		parts []ensembleRun
		err   string
	}{
		{"strided", []ensembleRun{{Size: 5, Start: 1, Stride: 2, Values: rows(1, 3)}, {Size: 5, Start: 0, Stride: 2, Values: rows(0, 2, 4)}}, ""},
		{"blocks", []ensembleRun{{Size: 5, Start: 2, Values: rows(2, 3, 4)}, {Size: 5, Start: 0, Values: rows(0, 1)}}, ""},
		{"mixed", []ensembleRun{{Size: 5, Start: 0, Stride: 2, Values: rows(0, 2, 4)}, {Size: 5, Start: 1, Values: rows(1)}, {Size: 5, Start: 3, Values: rows(3)}}, ""},
		{"empty shard", []ensembleRun{{Size: 5, Values: rows(0, 1, 2, 3, 4)}, {Size: 5, Start: 5, Stride: 2}}, ""},
		{"missing", []ensembleRun{{Size: 5, Start: 0, Stride: 2, Values: rows(0, 2, 4)}}, "3 of 5 replicates"},
		{"repeated", []ensembleRun{{Size: 5, Start: 0, Stride: 2, Values: rows(0, 2, 4)}, {Size: 5, Start: 0, Values: rows(0, 1)}}, "replicate 0 repeated"},
		{"outside", []ensembleRun{{Size: 5, Start: 0, Stride: 2, Values: rows(0, 2, 4)}, {Size: 5, Start: 1, Stride: 5, Values: rows(1, 6)}}, "replicate 6 outside"},
		{"sizes", []ensembleRun{{Size: 5, Values: rows(0, 1, 2, 3, 4)}, {Size: 6}}, "ensembles of 5 and 6"},
		{"huge size", []ensembleRun{{Size: 1 << 40, Values: rows(0)}}, "1 of 1099511627776"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := joinEnsemble(tt.parts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Size != 5 || fmt.Sprint(got.Values) != fmt.Sprint(want) {
				t.Errorf("joined %+v", got)
			}
		})
	}
}
