package inference_test

import (
	"math/rand/v2"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// TestCUGWithRealNulls repeats the star test with the samplers of package
// null and the registered statistic: a 20-node star is significantly
// degree-centralized against G(n, m) and its betweenness centralization is
// fixed under the degree null (every graph with a star's degrees is that
// star), and a G(n, m) draw is not significant against G(n, m).
func TestCUGWithRealNulls(t *testing.T) {
	g := star(20)
	deg, _ := metrics.LookupStatistic("centralization.degree", metrics.StatContext{})
	btw, _ := metrics.LookupStatistic("centralization.betweenness", metrics.StatContext{})
	gnm, err := null.New(null.GNM, g, null.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt := inference.CUGOptions{Samples: 199, Seed: 1}
	res, _, err := inference.CUG(g, deg.Path, inference.Statistic(deg.Fn), gnm, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.PUpper != 1.0/200 || res.Observed != 1 {
		t.Errorf("star against gnm: %+v", res)
	}
	degNull, err := null.New(null.Degree, g, null.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, _, err = inference.CUG(g, btw.Path, inference.Statistic(btw.Fn), degNull, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Constant {
		t.Errorf("star betweenness under the degree null should be constant: %+v", res)
	}
	draw, _ := gnm.Sample(rand.NewPCG(1, 1))
	res, _, err = inference.CUG(draw, deg.Path, inference.Statistic(deg.Fn), gnm, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.PUpper < 0.025 || res.PLower < 0.025 {
		t.Errorf("G(n,m) draw against gnm: p_upper %v, p_lower %v", res.PUpper, res.PLower)
	}
}
