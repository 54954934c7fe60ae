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

// BenchmarkDescribe is ecosys test decentralization with its defaults
// (1,000 missing-data replicates per concentration statistic).
func BenchmarkDescribe(b *testing.B) {
	l := benchLedger(b)
	for range b.N {
		if _, err := analysis.DescribeLedger(l, analysis.DescribeOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEcosystem is the ecosystem verdict with its defaults on the
// synthetic market ecosystem, with the unobserved-bureau scenario.
func BenchmarkEcosystem(b *testing.B) {
	e, err := analysis.Synthetic(analysis.SyntheticEcosystems["decentralized"], 1)
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		if _, err := analysis.EcosystemTest(e, analysis.EcosystemOptions{Seed: 1, Population: 80}); err != nil {
			b.Fatal(err)
		}
	}
}
