package null_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics/null"
)

// A two-mode contract ledger: contractors 0, 1 and 2 (mode 0) and bureaus
// 10, 11 and 12 (mode 1), edges weighted by contract amount. The
// bipartite-degree null model keeps how many bureaus each contractor
// serves and how many contractors each bureau hires, and with
// PermuteWeights the amounts, while it redraws who contracts with whom.
func ExampleNew() {
	g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for _, e := range []struct {
		contractor, bureau int64
		amount             float64
	}{
		{0, 10, 300}, {0, 11, 50}, {1, 10, 120}, {1, 12, 80}, {2, 12, 40},
	} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.contractor), simple.Node(e.bureau), e.amount))
	}
	mode := func(id int64) int {
		if id >= 10 {
			return 1
		}
		return 0
	}
	s, err := null.New(null.BipartiteDegree, g, null.Options{Mode: mode, PermuteWeights: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	src := rand.NewPCG(1, 1)
	for i := range 3 {
		h, err := s.Sample(src)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("sample %d:", i+1)
		for _, e := range edgeList(h) {
			fmt.Printf(" %d–%d:%g", e.u, e.v, e.w)
		}
		fmt.Println()
	}
	// Output:
	// sample 1: 0–10:40 0–11:50 1–10:80 1–12:300 2–12:120
	// sample 2: 0–10:120 0–12:50 1–10:300 1–11:40 2–12:80
	// sample 3: 0–10:120 0–12:80 1–10:300 1–12:40 2–11:50
}
