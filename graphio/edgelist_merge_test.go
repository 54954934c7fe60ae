package graphio

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestReadEdgeListMergeRows checks that the rows merged after reading
// (mergeRows: no attribute column, parallel edges not refused) give the
// graph that merging row by row gives (pairs.add, taken when the file has
// an attribute column): the same names, edges, weights to the bit,
// Merged and warnings, on seeded random multigraphs with parallel rows in
// both directions, self-loops and symmetric listings.
func TestReadEdgeListMergeRows(t *testing.T) {
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 3))
		n := 2 + rng.IntN(12)
		var plain, attrs strings.Builder
		plain.WriteString("source,target,weight\n")
		attrs.WriteString("source,target,weight,note\n")
		symmetric := seed%4 == 0
		for i := range 1 + rng.IntN(60) {
			u, v := rng.IntN(n), rng.IntN(n)
			w := fmt.Sprint(0.1 + float64(rng.IntN(1000))/7)
			rows := [][2]int{{u, v}}
			if symmetric {
				rows = append(rows, [2]int{v, u})
			}
			for _, e := range rows {
				fmt.Fprintf(&plain, "n%d,n%d,%s\n", e[0], e[1], w)
				fmt.Fprintf(&attrs, "n%d,n%d,%s,r%d\n", e[0], e[1], w, i)
			}
		}
		for _, directed := range []bool{false, true} {
			for _, multi := range []MultiEdges{MultiSum, MultiCount, MultiFirst} {
				read := func(text string) (string, []string) {
					var warns []string
					g, err := ReadEdgeList("e.csv", strings.NewReader(text), "", nil, EdgeListOptions{
						Directed: directed, Weighted: true, Multi: multi, Warn: func(m string) { warns = append(warns, m) }})
					if err != nil {
						t.Fatalf("seed %d: %v", seed, err)
					}
					ids, off, adj, w := g.G.(interface {
						CompactRows(bool) ([]int64, []int32, []int32, []float64)
					}).CompactRows(false)
					return fmt.Sprintf("names %v edges %d merged %d ids %v off %v adj %v w %v",
						g.Names, g.Edges, g.Merged, ids, off, adj, w), warns
				}
				got, gotWarn := read(plain.String())
				want, wantWarn := read(attrs.String())
				if got != want || !slices.Equal(gotWarn, wantWarn) {
					t.Fatalf("seed %d directed %v %s:\n got %s %q\nwant %s %q", seed, directed, multi, got, gotWarn, want, wantWarn)
				}
			}
		}
	}
}
