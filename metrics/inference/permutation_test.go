package inference_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

func TestPermutationTest(t *testing.T) {
	opt := inference.CUGOptions{Samples: 199, Seed: 1}
	// Group A: 60 contracts, 80% with bureau 0; group B: 60 contracts spread
	// evenly. The top bureau's share differs by 0.3 with this seed (0.73 − 0.43).
	a := ledger(60, []float64{0.8, 0.1, 0.1}, rand.NewPCG(1, 1))
	b := ledger(60, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, rand.NewPCG(2, 2))
	l := append(a, b...)
	groupA, groupB := seqInts(60), seqInts(120)[60:]
	res, err := inference.PermutationTest(groupA, groupB, buildLedger(l), topBureauShare, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.PTwoSided != 1.0/200 || res.PUpper != 1.0/200 || res.Observed <= 0.2 || res.SizeA != 60 || res.SizeB != 60 {
		t.Errorf("real difference: %+v", res)
	}
	if res.Observed != res.ObservedA-res.ObservedB {
		t.Errorf("D = %v, T(A) − T(B) = %v", res.Observed, res.ObservedA-res.ObservedB)
	}
	js, _ := json.Marshal(res)
	for _, k := range []string{`"p_two_sided"`, `"observed_a"`, `"size_b"`, `"mcse"`} {
		if !strings.Contains(string(js), k) {
			t.Errorf("JSON %s lacks %s", js, k)
		}
	}

	// Both groups from one process: no difference.
	same := ledger(120, []float64{0.5, 0.3, 0.2}, rand.NewPCG(3, 3))
	res, err = inference.PermutationTest(groupA, groupB, buildLedger(same), topBureauShare, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.PTwoSided < 0.05 {
		t.Errorf("null difference: %+v", res)
	}

	// Deterministic across workers.
	var want string
	for _, w := range []int{1, 2, 7} {
		o := opt
		o.Workers = w
		r, err := inference.PermutationTest(groupA, groupB, buildLedger(same), topBureauShare, o)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		if want == "" {
			want = string(b)
		} else if string(b) != want {
			t.Errorf("workers %d: %s, want %s", w, b, want)
		}
	}

	for _, tc := range []struct {
		a, b []int
		opt  inference.CUGOptions
	}{
		{nil, groupB, opt},
		{groupA, []int{0}, opt},
		{groupA, groupB, inference.CUGOptions{}},
		{groupA, groupB, inference.CUGOptions{Samples: 5, Shard: inference.Shard{Index: 1, Count: 2}}},
		{groupA, []int{500}, opt}, // build fails
	} {
		if _, err := inference.PermutationTest(tc.a, tc.b, buildLedger(same), topBureauShare, tc.opt); err == nil {
			t.Errorf("accepted %v %v %+v", len(tc.a), tc.b, tc.opt)
		}
	}
}
