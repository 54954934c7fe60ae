package inference

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/graph"

	"github.com/ecosys-sna/ecosys/metrics"
)

// Statistic is a graph-level statistic, such as a centralization index. It
// must be safe for concurrent use.
type Statistic func(g graph.Graph) metrics.Value

// tieTol is the relative tolerance under which two statistic values are
// treated as equal in p-values (see the package documentation).
const tieTol = 1e-12

// ties reports whether a and b are equal within the relative tolerance
// tieTol.
func ties(a, b float64) bool {
	return a == b || math.Abs(a-b) <= tieTol*math.Max(math.Abs(a), math.Abs(b))
}

// geq reports whether a ≥ b, ties included.
func geq(a, b float64) bool { return a > b || ties(a, b) }

// leq reports whether a ≤ b, ties included.
func leq(a, b float64) bool { return a < b || ties(a, b) }

// replicateSource returns the source of replicate i of a run with the
// given seed: rand.NewPCG(seed, uint64(i)).
func replicateSource(seed uint64, i int) rand.Source {
	return rand.NewPCG(seed, uint64(i))
}

// value returns v.V, or NaN when v is undefined or not finite.
func value(v metrics.Value) float64 {
	if !v.OK || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return math.NaN()
	}
	return v.V
}

// numWorkers resolves a Workers option: 0 means GOMAXPROCS.
func numWorkers(w int) (int, error) {
	switch {
	case w < 0:
		return 0, fmt.Errorf("inference: negative number of workers %d", w)
	case w == 0:
		return runtime.GOMAXPROCS(0), nil
	}
	return w, nil
}

// runReplicates calls f(idx[k]) for every k on w goroutines. Jobs are
// handed out in the order of idx; after a job fails no new job starts, and
// the error of the failed job that comes first in idx is returned. As every
// job before a failing one has been handed out by then, that error does
// not depend on w or on scheduling.
//
// If progress is not nil, it is called after each job that succeeds, from
// the goroutine that ran it, with the number of jobs done so far: each of
// 1, 2, …, len(idx) once when all succeed, not necessarily in that order
// (calls from different goroutines may overtake each other). The count is
// an atomic counter outside the jobs' data, so progress cannot change
// their results.
func runReplicates(idx []int, w int, progress func(done int), f func(i int) error) error {
	w = min(w, len(idx))
	errs := make([]error, len(idx))
	var next, done atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				k := int(next.Add(1) - 1)
				if k >= len(idx) {
					return
				}
				if err := f(idx[k]); err != nil {
					errs[k] = err
					failed.Store(true)
				} else if progress != nil {
					progress(int(done.Add(1)))
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sample is the defined part of a vector of replicate values.
type sample struct {
	defined   []float64 // in replicate order
	sorted    []float64
	undefined int
	mean, sd  float64
}

// summarize splits values (NaN = undefined) and computes the mean,
// sample standard deviation (0 when fewer than two values are defined) and
// the sorted values.
func summarize(values []float64) sample {
	var s sample
	for _, v := range values {
		if math.IsNaN(v) {
			s.undefined++
			continue
		}
		s.defined = append(s.defined, v)
	}
	n := len(s.defined)
	if n == 0 {
		s.mean, s.sd = math.NaN(), math.NaN()
		return s
	}
	x0 := s.defined[0]
	var d float64
	for _, v := range s.defined {
		d += v - x0
	}
	s.mean = x0 + d/float64(n)
	if n > 1 {
		var ss float64
		for _, v := range s.defined {
			ss += (v - s.mean) * (v - s.mean)
		}
		s.sd = math.Sqrt(ss / float64(n-1))
	}
	s.sorted = append([]float64(nil), s.defined...)
	slices.Sort(s.sorted)
	return s
}

// quantile7 returns the type-7 quantile (Hyndman and Fan 1996; R's and
// numpy's default) of sorted, which must be non-empty:
//
//	h = (n−1)p,  Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])
func quantile7(p float64, sorted []float64) float64 {
	n := len(sorted)
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i >= n-1 {
		return sorted[n-1]
	}
	if i < 0 {
		return sorted[0]
	}
	if sorted[i] == sorted[i+1] {
		return sorted[i]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}
