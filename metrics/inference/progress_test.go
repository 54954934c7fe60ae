package inference_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

// counts records the values a Progress hook receives, from any goroutine.
type counts struct {
	mu   sync.Mutex
	seen []int
}

func (c *counts) hook(done int) { c.mu.Lock(); c.seen = append(c.seen, done); c.mu.Unlock() }

// check reports an error unless the hook saw 1…n, each once.
func (c *counts) check(t *testing.T, what string, n int) {
	t.Helper()
	got := slices.Clone(c.seen)
	slices.Sort(got)
	if len(got) != n || (n > 0 && (got[0] != 1 || got[n-1] != n)) || len(slices.Compact(got)) != n {
		t.Errorf("%s: progress saw %d calls (%v…), want 1…%d once each", what, len(c.seen), head(c.seen), n)
	}
}

func head(s []int) []int { return s[:min(len(s), 5)] }

// TestProgressLeavesResultsUnchanged runs each ensemble with and without a
// Progress hook, on 1 and 3 workers: the JSON of the results must be
// identical, and the hook must count every replicate of the call once.
func TestProgressLeavesResultsUnchanged(t *testing.T) {
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	g, _ := gnmSampler{n: 30, m: 60}.Sample(rand.NewPCG(1, 1))
	l := ledger(80, []float64{0.6, 0.3, 0.1}, rand.NewPCG(1, 1))
	runs := []struct {
		name string
		n    int // replicates the call computes
		run  func(progress func(int), workers int) (any, error)
	}{
		{"CUG", 101, func(p func(int), w int) (any, error) {
			r, sh, err := inference.CUG(g, "centralization.degree", degreeCentralization, gnmSampler{n: 30, m: 60},
				inference.CUGOptions{Samples: 101, Seed: 3, Workers: w, Progress: p})
			return []any{r, sh}, err
		}},
		{"CUG shard 2/3", 34, func(p func(int), w int) (any, error) {
			_, sh, err := inference.CUG(g, "centralization.degree", degreeCentralization, gnmSampler{n: 30, m: 60},
				inference.CUGOptions{Samples: 101, Seed: 3, Workers: w, Shard: inference.Shard{Index: 1, Count: 3}, Progress: p})
			return sh, err
		}},
		{"PermutationTest", 99, func(p func(int), w int) (any, error) {
			return inference.PermutationTest(seqInts(40), seqInts(80)[40:], buildLedger(l), topBureauShare,
				inference.CUGOptions{Samples: 99, Seed: 2, Workers: w, Progress: p})
		}},
		{"BootstrapUnits", 77, func(p func(int), w int) (any, error) {
			return inference.BootstrapUnits(len(l), buildLedger(l), topBureauShare, inference.BootOptions{Samples: 77, Seed: 4, Workers: w, Progress: p})
		}},
		{"BootstrapNodes", 60, func(p func(int), w int) (any, error) {
			return inference.BootstrapNodes(g, degreeCentralization, inference.BootOptions{Samples: 60, Seed: 5, Workers: w, Progress: p})
		}},
		{"Sensitivity", 3 * 40, func(p func(int), w int) (any, error) {
			return inference.Sensitivity(g, nil, []float64{0, 0.1, 0.3}, degreeCentralization, inference.BootOptions{Samples: 40, Seed: 6, Workers: w, Progress: p})
		}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			want, err := r.run(nil, 1)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{1, 3} {
				var c counts
				got, err := r.run(c.hook, w)
				if err != nil {
					t.Fatal(err)
				}
				if js(got) != js(want) {
					t.Errorf("workers %d: with progress %s, without %s", w, js(got), js(want))
				}
				c.check(t, r.name, r.n)
			}
		})
	}
}
