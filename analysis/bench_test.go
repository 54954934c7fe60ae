package analysis_test

import (
	"bytes"
	"testing"

	"github.com/ecosys-sna/ecosys/analysis"
	"github.com/ecosys-sna/ecosys/datasets"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
	"github.com/ecosys-sna/ecosys/network"
)

func benchLedger(b *testing.B) *network.Ledger {
	lb, _ := datasets.ReadFile(datasets.Ledger)
	eb, _ := datasets.ReadFile(datasets.Entities)
	l, err := network.ReadLedger("isoon-ledger", bytes.NewReader(lb), "isoon-entities", bytes.NewReader(eb))
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkCUGLedger10k is a full conditional uniform graph test on the
// i-SOON ledger network (29 nodes, 28 ties): 10,000 samples of each null
// model, betweenness centralization on each.
func BenchmarkCUGLedger10k(b *testing.B) {
	g := network.BuildLedger(benchLedger(b)).Directed(network.ByAmount)
	st, _ := metrics.LookupStatistic("centralization.betweenness", metrics.StatContext{Weighted: true})
	for _, model := range []null.Model{null.GNM, null.Degree} {
		s, err := null.New(model, g, null.Options{PermuteWeights: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(model), func(b *testing.B) {
			for range b.N {
				if _, _, err := inference.CUG(g, st.Path, inference.Statistic(st.Fn), s, inference.CUGOptions{Samples: 10000, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerdict is ecosys test decentralization with its defaults
// (1,000 null and 1,000 bootstrap samples per statistic).
func BenchmarkVerdict(b *testing.B) {
	l := benchLedger(b)
	for range b.N {
		if _, err := analysis.Decentralization(l, analysis.Options{Seed: 1, Population: analysis.UnobservedTarget}); err != nil {
			b.Fatal(err)
		}
	}
}
